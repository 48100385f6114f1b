using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.AttributeApp;

namespace SessionAuth.Tests.Identity;

/// <summary>
/// Over HTTP on Kestrel: a server function's endpoint carries its method's and classes' attributes as metadata, so
/// <c>UseAuthorization()</c> enforces its <c>[Authorize]</c> (roles, policies, on the class too), <c>[AllowAnonymous]</c>
/// keeps it open in a guarded class, <c>UseRateLimiter()</c> limits it, and OpenAPI's names are on the endpoint.
/// </summary>
public sealed class ServerFunctionAttributeHttpTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync() => (_app, _address) = await StartAsync(useClaims: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_trap_RequireSession_with_Authorize_Roles_answers_403_to_a_signed_in_non_admin_and_200_to_an_admin()
    {
        using var harry = await SignedInAsync("harry");
        using var albus = await SignedInAsync(IdentityApp.Admin);

        using var refused = await harry.FetchAsync("/_server/Staff/Payroll");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("roles", await RefusedByAsync(refused));

        Assert.Equal("payroll for albus", await ValueAsync(albus, "/_server/Staff/Payroll"));

        // No session: the authorization middleware's challenge gives the guard's answer.
        using var anonymous = new TestClient(_address);
        using var challenged = await anonymous.FetchAsync("/_server/Staff/Payroll");
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        Assert.True(challenged.Headers.Contains("X-Session-Redirect"));
    }

    /// <summary>
    /// The trap again, through inheritance: <c>[Authorize(Roles = "Admin")]</c> on a base class of the functions' class,
    /// alone or beside the method's <c>[RequireSession]</c>. The endpoint carries it, as MVC would for a controller.
    /// </summary>
    [Fact]
    public async Task Authorize_Roles_on_a_base_class_of_the_functions_class_answers_403_to_a_signed_in_non_admin_and_200_to_an_admin()
    {
        using var harry = await SignedInAsync("harry");
        using var albus = await SignedInAsync(IdentityApp.Admin);
        using var anonymous = new TestClient(_address);

        await AssertAdminsOnlyAsync(albus, harry, anonymous, "/_server/Admin/Ledger", "ledger for albus");
        await AssertAdminsOnlyAsync(albus, harry, anonymous, "/_server/Admin/Payroll", "payroll for albus");
    }

    [Fact]
    public async Task Authorize_with_a_policy_over_a_claim_on_a_server_function_lets_the_claim_in_and_refuses_others()
    {
        using var draco = await SignedInAsync(IdentityApp.Slytherin);
        using var harry = await SignedInAsync("harry");

        Assert.Equal("common room for draco", await ValueAsync(draco, "/_server/Staff/CommonRoom"));
        using var refused = await harry.FetchAsync("/_server/Staff/CommonRoom");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal($"policy '{AttributeFunctions.SlytherinsPolicy}'", await RefusedByAsync(refused));
    }

    [Fact]
    public async Task A_plain_Authorize_on_a_server_function_needs_only_a_session_and_answers_anonymous_requests_as_the_guard_does()
    {
        using var harry = await SignedInAsync("harry");
        Assert.Equal("signed in as harry", await ValueAsync(harry, "/_server/Staff/SignedIn"));

        using var anonymous = new TestClient(_address);
        using var script = await anonymous.FetchAsync("/_server/Staff/SignedIn");
        Assert.Equal(HttpStatusCode.Unauthorized, script.StatusCode);
        Assert.Equal("application/problem+json", script.Content.Headers.ContentType?.MediaType);
        Assert.True(script.Headers.Contains("X-Session-Redirect"));

        using var form = await anonymous.PostFormAsync("/_server/Staff/SignedIn");
        Assert.Equal(HttpStatusCode.SeeOther, form.StatusCode);
        Assert.StartsWith("/login?returnUrl=", form.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_with_a_role_on_the_class_applies_to_its_functions_and_those_of_its_nested_classes()
    {
        using var harry = await SignedInAsync("harry");
        using var albus = await SignedInAsync(IdentityApp.Admin);
        using var anonymous = new TestClient(_address);

        await AssertAdminsOnlyAsync(albus, harry, anonymous, "/_server/Headmaster/Office", "office of albus");
        await AssertAdminsOnlyAsync(albus, harry, anonymous, "/_server/Headmaster.Vault/Open", "vault opened by albus");
    }

    [Fact]
    public async Task AllowAnonymous_on_a_function_of_a_RequireSession_class_stays_open_while_its_sibling_is_guarded()
    {
        using var anonymous = new TestClient(_address);
        Assert.Equal("catalogue", await ValueAsync(anonymous, "/_server/Library/Catalogue"));

        using var guarded = await anonymous.FetchAsync("/_server/Library/Restricted");
        Assert.Equal(HttpStatusCode.Unauthorized, guarded.StatusCode);

        using var harry = await SignedInAsync("harry");
        Assert.Equal("restricted section for harry", await ValueAsync(harry, "/_server/Library/Restricted"));
    }

    [Fact]
    public async Task EnableRateLimiting_on_a_server_function_is_enforced_by_UseRateLimiter()
    {
        using var client = new TestClient(_address);
        Assert.Equal("sent", await ValueAsync(client, "/_server/Owlery/Send"));
        Assert.Equal("sent", await ValueAsync(client, "/_server/Owlery/Send"));
        using var limited = await client.FetchAsync("/_server/Owlery/Send");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        // A function without the attribute is not limited.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("unlimited", await ValueAsync(client, "/_server/Owlery/Unlimited"));
        }
    }

    [Fact]
    public async Task RequestSizeLimit_on_a_server_function_bounds_its_body()
    {
        using var client = new TestClient(_address);
        using var small = await client.FetchAsync("/_server/Owlery/Weigh", """{"parcel":"owl treats"}""");
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("10", await small.Content.ReadAsStringAsync());

        using var large = await client.FetchAsync("/_server/Owlery/Weigh", $$"""{"parcel":"{{new string('x', 100)}}"}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
    }

    [Fact]
    public void Tags_EndpointName_and_EndpointSummary_are_in_the_endpoint_metadata_in_declaration_order_after_the_classes()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var count = Assert.Single(endpoints, e => e.Metadata.GetMetadata<ServerFunctionMetadata>()?.Name == "Owlery.Count");
        Assert.Equal(["owls", "post"], count.Metadata.GetRequiredMetadata<ITagsMetadata>().Tags);
        Assert.Equal("CountOwls", count.Metadata.GetRequiredMetadata<IEndpointNameMetadata>().EndpointName);
        Assert.Equal("How many owls are in the owlery", count.Metadata.GetRequiredMetadata<IEndpointSummaryMetadata>().Summary);
        Assert.Equal("GET", Assert.Single(count.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods));

        // The class's attributes come first, then the method's: the nearest is last, as GetMetadata<T>() reads it.
        var vault = Assert.Single(endpoints, e => e.Metadata.GetMetadata<ServerFunctionMetadata>()?.Name == "Headmaster.Vault.Open");
        var roles = vault.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(static a => a.Roles).ToList();
        Assert.Equal(["Admin"], roles);

        var send = Assert.Single(endpoints, e => e.Metadata.GetMetadata<ServerFunctionMetadata>()?.Name == "Owlery.Send");
        Assert.Equal(AttributeFunctions.PerUserLimit, send.Metadata.GetRequiredMetadata<EnableRateLimitingAttribute>().PolicyName);
        Assert.NotNull(send.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.DoesNotContain(send.Metadata, static m => m is ServerFunctionAttribute);

        var catalogue = Assert.Single(endpoints, e => e.Metadata.GetMetadata<ServerFunctionMetadata>()?.Name == "Library.Catalogue");
        var guards = catalogue.Metadata.Where(static m => m is RequireSessionAttribute or IAllowAnonymous).Select(static m => m.GetType().Name).ToList();
        Assert.Equal([nameof(RequireSessionAttribute), nameof(AllowAnonymousAttribute)], guards);

        var payroll = Assert.Single(endpoints, e => e.Metadata.GetMetadata<ServerFunctionMetadata>()?.Name == "Staff.Payroll");
        var order = payroll.Metadata.Where(static m => m is RequireSessionAttribute or IAuthorizeData or ServerFunctionMetadata).Select(static m => m.GetType().Name).ToList();
        Assert.Equal([nameof(RequireSessionAttribute), nameof(AuthorizeAttribute), nameof(ServerFunctionMetadata)], order);
    }

    /// <summary>
    /// Every server function's endpoint carries, just before its <see cref="ServerFunctionMetadata"/>, attributes equal
    /// (field by field, arrays element by element) to those reflection reads from its classes (outermost first) and its
    /// method with <c>GetCustomAttributes(inherit: true)</c>, base classes' included, <c>[ServerFunction]</c> aside: what
    /// the generated code constructs is what the compiler stored and the runtime passes on. The ones the compiler adds
    /// itself (<c>[NullableContext]</c>, <c>[Nullable]</c>) are not in the source, and not carried.
    /// </summary>
    [Fact]
    public void Each_function_carries_attributes_equal_to_those_reflection_reads_from_its_classes_and_method()
    {
        var functions = typeof(AttributeFunctions).Assembly;
        var checkedFunctions = 0;
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<ServerFunctionMetadata>() is not { } function
                || functions.GetType($"{typeof(AttributeFunctions).Namespace}.{function.Name[..function.Name.LastIndexOf('.')].Replace('.', '+')}") is not { } type)
            {
                continue;
            }

            var expected = new List<object>();
            for (var outer = type; outer is not null; outer = outer.DeclaringType)
            {
                expected.InsertRange(0, outer.GetCustomAttributes(inherit: true).Where(static a => !AddedByTheCompiler(a)));
            }

            var method = type.GetMethod(function.Name[(function.Name.LastIndexOf('.') + 1)..])!;
            expected.AddRange(method.GetCustomAttributes(inherit: true).Where(static a => a is not ServerFunctionAttribute && !AddedByTheCompiler(a)));

            var metadata = endpoint.Metadata.ToList();
            var carried = metadata.GetRange(metadata.IndexOf(function) - expected.Count, expected.Count);
            Assert.Equal(expected.Count, carried.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(SameAttribute(expected[i], carried[i]), $"{function.Name}, attribute {i}: {expected[i]} was carried as {carried[i]}");
            }

            checkedFunctions++;
        }

        Assert.Equal(28, checkedFunctions);

        static bool AddedByTheCompiler(object attribute) => attribute.GetType().Namespace == "System.Runtime.CompilerServices";

        // Attribute.Equals compares field by field, arrays element by element; TagsAttribute keeps its tags in a list,
        // which it would compare by reference.
        static bool SameAttribute(object expected, object carried) =>
            expected is ITagsMetadata tags && carried is ITagsMetadata carriedTags
                ? expected.GetType() == carried.GetType() && tags.Tags.SequenceEqual(carriedTags.Tags)
                : expected.Equals(carried);
    }

    [Fact]
    public async Task An_app_whose_server_function_asks_for_a_role_without_UseClaims_refuses_to_start_and_says_what_to_configure()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(useClaims: false));

        Assert.Contains("SessionAuthOptions.UseClaims is not set", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Server function Staff.Payroll (session required)' (roles Admin)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Server function Headmaster.Office' (roles Admin)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Call options.UseClaims<T>(data => [...]) in AddSessionAuth", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The identity app, with this assembly's server functions mapped beside its own endpoints.</summary>
    private static Task<(WebApplication App, Uri Address)> StartAsync(bool useClaims) =>
        IdentityApp.StartAsync(useClaims: useClaims, mapMore: static app => AttributeFunctions.Map(app));

    private Task<TestClient> SignedInAsync(string name) => IdentityApp.SignedInAsync(_address, name);

    private static async Task<string?> ValueAsync(TestClient client, string path)
    {
        using var response = await client.FetchAsync(path, method: path.EndsWith("/Count", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The admin gets the function's answer; a signed-in student 403 naming the roles; an anonymous script the guard's 401.</summary>
    private static async Task AssertAdminsOnlyAsync(TestClient admin, TestClient student, TestClient anonymous, string path, string answer)
    {
        Assert.Equal(answer, await ValueAsync(admin, path));

        using var refused = await student.FetchAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("roles", await RefusedByAsync(refused));

        using var challenged = await anonymous.FetchAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        Assert.True(challenged.Headers.Contains("X-Session-Redirect"));
    }

    private static async Task<string?> RefusedByAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("refusedBy").GetString();
    }
}
