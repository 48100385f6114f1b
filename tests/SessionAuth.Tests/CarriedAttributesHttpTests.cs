using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionAuth.ShapesApp;
using SessionAuth.TestApp;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests;

/// <summary>
/// Review of issue 16 over HTTP on Kestrel: attributes carried onto server functions, rules a route group adds, and
/// rules on MVC actions, in shapes the tests did not write. Users sign in at <c>/sign-in/{name}</c>:
/// <c>albus</c> is an admin; <c>draco</c> is in Slytherin, everyone else in Gryffindor (<see cref="OwnHouse.HouseOf"/>).
/// </summary>
public sealed class CarriedAttributesHttpTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync() => (_app, _address) = await ShapesAppHost.StartAsync(
        options =>
        {
            options.IdentifyUser<UserSession>(user => user.UserId.ToString(CultureInfo.InvariantCulture));
            options.UseClaims<UserSession>(user => IdentityApp.ClaimsOf(user));
        },
        services =>
        {
            services.AddControllersWithViews().AddApplicationPart(typeof(NoticesController).Assembly)
                .ConfigureApplicationPartManager(parts =>
                {
                    foreach (var provider in parts.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().ToList())
                    {
                        parts.FeatureProviders.Remove(provider);
                    }

                    parts.FeatureProviders.Add(new OnlyControllers([typeof(NoticesController)]));
                });
            services.AddRazorComponents();
        },
        app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
        },
        app =>
        {
            ShapesAppFunctions.Map(app);

            // A group whose route names the house: every endpoint in it is for that house's own students.
            ShapesAppFunctions.Map(app.MapGroup("/r16/houses/{house}").WithMetadata(new RequireSessionAttribute<OwnHouse> { Argument = "house" }));

            // The same rule added by a group without a route value: the house is read from the query string.
            ShapesAppFunctions.Map(app.MapGroup("/r16/by-query").WithMetadata(new RequireSessionAttribute<OwnHouse> { Argument = "house" }));

            // A minimal API in such a group that takes the house from its JSON body no longer starts: see
            // RuleArgumentSourceTests.An_endpoint_whose_value_a_rule_cannot_judge_does_not_start.
            app.MapGet("/r16/minimal/throws", [RequireSession<Throws>] () => "ran the handler");
            app.MapControllers();
            app.UseAntiforgery();
            app.MapRazorComponents<R16PagesRoot>();
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    // Finding: [Authorize(Roles)] dropped by an [AllowAnonymous] on an outer class, with no diagnostic.

    /// <summary>
    /// <c>[AllowAnonymous]</c> on an outer class, <c>[Authorize(Roles = "Admin")]</c> on the nested class that holds the
    /// function: the nearest decision is the role check (the same nesting with <c>[RequireSession]</c> is guarded), but
    /// the outer class's <c>[AllowAnonymous]</c> is carried as metadata too, so <c>UseAuthorization()</c> skips the role.
    /// </summary>
    [Fact]
    public async Task A_role_on_a_nested_class_is_not_opened_by_AllowAnonymous_on_the_outer_class()
    {
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");
        using var anonymous = new TestClient(_address);

        // For comparison: [RequireSession] in the same place guards the function.
        using (var guarded = await anonymous.FetchAsync("/_server/R16Open.Guarded/Secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, guarded.StatusCode);
        }

        using var student = await harry.FetchAsync("/_server/R16Open.Vault/Secret");
        using var stranger = await anonymous.FetchAsync("/_server/R16Open.Vault/Secret");

        Assert.Equal(HttpStatusCode.Forbidden, student.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
    }

    /// <summary>
    /// The trap (<c>[ServerFunction, RequireSession, Authorize(Roles = "Admin")]</c>) in a class marked
    /// <c>[AllowAnonymous]</c>: the method's <c>[RequireSession]</c> wins over the class (a student must sign in), so the
    /// method visibly decides for itself, yet its role check is silently dropped and any signed-in student gets 200.
    /// </summary>
    [Fact]
    public async Task The_trap_in_an_AllowAnonymous_class_still_checks_the_role()
    {
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");
        using var albus = await IdentityApp.SignedInAsync(_address, IdentityApp.Admin);
        using var anonymous = new TestClient(_address);

        using (var signedOut = await anonymous.FetchAsync("/_server/R16Mixed/Payroll"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        }

        using (var admin = await albus.FetchAsync("/_server/R16Mixed/Payroll"))
        {
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }

        using var student = await harry.FetchAsync("/_server/R16Mixed/Payroll");
        Assert.Equal(HttpStatusCode.Forbidden, student.StatusCode);
    }

    // Finding: a two-argument rule a route group adds judges the route or query value while the server function binds
    // the JSON body member of the same name.

    /// <summary>
    /// A group <c>/r16/houses/{house}</c> adds <c>RequireSession&lt;OwnHouse&gt;(Argument = "house")</c>. A server function
    /// in it that takes <c>house</c> binds it from the JSON body; the middleware judges the route value. A Gryffindor
    /// student sends the route value Gryffindor and the body value Slytherin: the rule must not pass a value the function
    /// does not act on (400 naming the argument, as for a form field or a query value beside a route value). The same
    /// with the house in the query string. (A minimal API in such a group that takes the house from its body cannot be
    /// judged at all: the app does not start, RuleArgumentSourceTests.)
    /// </summary>
    [Theory]
    [InlineData("/r16/houses/Gryffindor/_server/R16Award/Award", """{"house":"Slytherin"}""")]
    [InlineData("/r16/by-query/_server/R16Award/Award?house=Gryffindor", """{"house":"Slytherin"}""")]
    public async Task A_group_rule_never_judges_another_value_than_the_endpoint_binds(string path, string json)
    {
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");

        using var response = await harry.FetchAsync(path, json);
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("awarded points to Slytherin", body, StringComparison.Ordinal);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{(int)response.StatusCode}: {body}");
    }

    // Finding: MVC's default jQuery form value provider binds "house[]" as "house"; the rule's middleware does not look there.

    /// <summary>
    /// An MVC action (a <c>Controller</c>, not <c>[ApiController]</c>) guarded by a rule over a nullable house that lets
    /// a missing house through (the action then shows the student's own). MVC binds <c>house</c> from a form field
    /// <c>house[]</c> (its default <c>JQueryFormValueProvider</c> reads <c>a[]</c> as <c>a</c>); the middleware looks only for
    /// <c>house</c>, finds none, and judges null. The rule must judge the value the action gets, or refuse.
    /// </summary>
    [Fact]
    public async Task A_rule_on_an_MVC_action_never_judges_null_while_MVC_binds_a_jQuery_form_field()
    {
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");

        using (var own = await PostFormAsync(harry, "/r16/mvc/notices?house=Gryffindor"))
        {
            Assert.Equal("Gryffindor notices", await own.Content.ReadAsStringAsync());
        }

        using (var plain = await PostFormAsync(harry, "/r16/mvc/notices?house=Slytherin"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, plain.StatusCode);
        }

        using var response = await PostFormAsync(harry, "/r16/mvc/notices", ("house[]", "Slytherin"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("Slytherin notices", body, StringComparison.Ordinal);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{(int)response.StatusCode}: {body}");
    }

    // Held, and a false alarm: a two-argument rule on the base class of a routable component.

    /// <summary>
    /// The rule on <see cref="R16HouseBase"/> reaches the page's endpoint (Razor components' metadata holds inherited
    /// attributes) and reads the route value every derived page declares: it is enforced. SAUTH0015 nevertheless refuses
    /// it as "set on a class" (see RuleShapesAnalyzerTests), so the app builds only with the error suppressed.
    /// </summary>
    [Fact]
    public async Task A_two_argument_rule_on_a_components_base_class_is_enforced_on_the_page()
    {
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");

        using (var own = await harry.NavigateAsync("/r16/razor/houses/Gryffindor"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Contains("the Gryffindor house page", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var other = await harry.FetchAsync("/r16/razor/houses/Slytherin", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    // Finding: an abstract rule class is never registered, so an endpoint that names it cannot start.

    /// <summary>
    /// <c>[RequireSession&lt;AbstractPrefect&gt;]</c> on a minimal API handler: the rule is callable (its static members are
    /// implemented) and no analyzer objects, but the generator registers no abstract rule, so the start is refused with
    /// a message that blames the project's package references, which are fine.
    /// </summary>
    [Fact]
    public async Task A_minimal_API_guarded_by_an_abstract_rule_class_starts_and_is_enforced()
    {
        var (app, address) = await ShapesAppHost.StartAsync(endpoints: app => app.MapGet("/prefects", [RequireSession<AbstractPrefect>] () => "prefects only"));
        await using var _ = app;
        using var percy = await IdentityApp.SignedInAsync(address, "percy");
        using var harry = await IdentityApp.SignedInAsync(address, "harry");

        using (var prefect = await percy.FetchAsync("/prefects", method: HttpMethod.Get))
        {
            Assert.Equal(HttpStatusCode.OK, prefect.StatusCode);
        }

        using var student = await harry.FetchAsync("/prefects", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.Forbidden, student.StatusCode);
    }

    // Held: a rule that throws fails the request before the endpoint runs, on both paths.

    [Theory]
    [InlineData("/_server/R16Throwing/Guarded", "POST")]
    [InlineData("/r16/minimal/throws", "GET")]
    public async Task A_rule_that_throws_fails_the_request_and_never_runs_the_endpoint(string path, string method)
    {
        using var peeves = await IdentityApp.SignedInAsync(_address, "peeves");
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");

        using (var fine = await harry.FetchAsync(path, method: new HttpMethod(method)))
        {
            Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        }

        using var failed = await peeves.FetchAsync(path, method: new HttpMethod(method));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.DoesNotContain("ran the", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostFormAsync(TestClient client, string path, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        return client.SendAsync(request);
    }
}

/// <summary>An MVC controller with views (no [ApiController]): parameters bind from every value provider MVC has by default.</summary>
internal sealed class NoticesController : Controller
{
    [HttpPost("/r16/mvc/notices")]
    [RequireSession<MaybeOwnHouse>(Argument = "house")]
    public ContentResult Notices(House? house) => Content(house is null ? "own notices" : $"{house} notices");
}
