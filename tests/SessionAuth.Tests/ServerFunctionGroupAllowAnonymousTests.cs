using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.AttributeApp;
using SessionAuth.Infrastructure;
using SessionAuth.ShapesApp;
using SessionAuth.TestApp;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests;

/// <summary>
/// An <c>IAllowAnonymous</c> that reaches a server function's endpoint from outside the function (its route group, a
/// convention on <c>MapServerFunctions()</c>, an outer group, a <c>Finally</c> convention) while the function's own
/// <c>[Authorize]</c> decides. <c>UseAuthorization()</c> lets any <c>IAllowAnonymous</c> win, so the role would silently
/// not be checked (harry, no admin, got R16Mixed.Payroll, and a request without a session R16Open.Vault.Secret): the start
/// is refused instead, naming the function, its <c>[Authorize]</c>, the <c>IAllowAnonymous</c> and the fix. The function's
/// own <c>[RequireSession]</c> and rules, which its generated endpoint checks, hold in such a group; a minimal API's are
/// opened by it, as ASP.NET Core opens its <c>[Authorize]</c> (README, Guards).
/// </summary>
public sealed class ServerFunctionGroupAllowAnonymousTests
{
    private const string Payroll = "'Server function R16Mixed.Payroll (session required)'";
    private const string Vault = "'Server function R16Open.Vault.Secret'";

    /// <summary>Each way an <c>IAllowAnonymous</c> can reach every server function of ShapesApp, and the route prefix it leaves.</summary>
    public static TheoryData<string, string> WaysToOpen() => new()
    {
        { "MapGroup(\"/open\").AllowAnonymous()", "/open" },
        { "MapServerFunctions().AllowAnonymous()", string.Empty },
        { "MapServerFunctions().WithMetadata(new AllowAnonymousAttribute())", string.Empty },
        { "MapServerFunctions().Add(b => b.Metadata.Add(new AllowAnonymousAttribute()))", string.Empty },
        { "MapServerFunctions().Finally(b => b.Metadata.Add(new AllowAnonymousAttribute()))", string.Empty },
        { "MapGroup(\"/outer\").AllowAnonymous().MapGroup(\"/inner\")", "/outer/inner" },
        { "MapGroup(\"/mine\").WithMetadata(the app's own IAllowAnonymous)", "/mine" },
        { "MapGroup(\"/both\").AllowAnonymous().RequireAuthorization()", "/both" },
    };

    [Theory]
    [MemberData(nameof(WaysToOpen))]
    public async Task An_AllowAnonymous_from_outside_a_server_function_with_its_own_Authorize_refuses_the_start(string way, string prefix)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(app => Open(app, way)));

        Assert.Contains("These server functions decide with an [Authorize] of their own", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{Payroll} at {prefix}/_server/R16Mixed/Payroll ([Authorize(Roles = \"Admin\")] opened by ", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{Vault} at {prefix}/_server/R16Open.Vault/Secret ([Authorize(Roles = \"Admin\")] opened by ", failure.Message, StringComparison.Ordinal);
        Assert.Contains(way.Contains("own IAllowAnonymous", StringComparison.Ordinal) ? "opened by OpenOnPurpose" : "opened by AllowAnonymousAttribute", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Take the AllowAnonymous off the group and mark the functions meant to be open [AllowAnonymous] themselves", failure.Message, StringComparison.Ordinal);

        // Functions open by their own [AllowAnonymous] (R16Mixed.Catalogue), guarded only by [RequireSession] or a rule, or
        // without a decision are not concerned.
        Assert.DoesNotContain("R16Mixed.Catalogue", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("R16Open.Guarded", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("R16bCached", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("R16Award", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every shape an <c>[Authorize]</c> of the function's own takes (AttributeApp): a role, a policy, a plain
    /// <c>[Authorize]</c>, one a base class passes on, one on the class (a nested class's functions included). Each is
    /// named with the <c>[Authorize]</c> as written; the functions open by their own <c>[AllowAnonymous]</c> are not.
    /// </summary>
    [Fact]
    public async Task Every_shape_of_a_functions_own_Authorize_is_named_and_its_own_AllowAnonymous_is_not()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(static app => AttributeFunctions.Map(app.MapGroup("/open").AllowAnonymous())));

        Assert.Contains("'Server function Staff.Payroll (session required)' at /open/_server/Staff/Payroll ([Authorize(Roles = \"Admin\")] opened by AllowAnonymousAttribute)", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"'Server function Staff.CommonRoom (session required)' at /open/_server/Staff/CommonRoom ([Authorize(Policy = \"{AttributeFunctions.SlytherinsPolicy}\")] opened by AllowAnonymousAttribute)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Server function Staff.SignedIn' at /open/_server/Staff/SignedIn ([Authorize] opened by AllowAnonymousAttribute)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Server function Admin.Ledger' at /open/_server/Admin/Ledger ([Authorize(Roles = \"Admin\")] opened by AllowAnonymousAttribute)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Server function Admin.Payroll (session required)'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Server function Headmaster.Office'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Server function Headmaster.Vault.Open'", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Library", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Owlery", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Ollivanders", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RenamedHouse", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The attributes a function mapped by hand (as the generated code maps one) carries itself, and whether the start is refused.</summary>
    public static TheoryData<string, string?> OwnAttributes() => new()
    {
        { "Authorize(Roles)", "[Authorize(Roles = \"Admin\")]" },
        { "Authorize(Policy, AuthenticationSchemes)", "[Authorize(Policy = \"Prefects\", AuthenticationSchemes = \"SessionAuth\")]" },
        { "an IAuthorizationRequirementData attribute", "[MinimumYear]" },
        { "Authorize beside its own AllowAnonymous", null },
        { "Authorize, open by its own decision (allowsAnonymous)", null },
        { "RequireSession", null },
        { "nothing", null },
    };

    [Theory]
    [MemberData(nameof(OwnAttributes))]
    public async Task Only_an_authorization_the_function_decides_with_itself_refuses_the_start(string shape, string? written)
    {
        var start = StartAsync(app =>
        {
            var group = ServerFunctionRoutes.MapGroup(app.MapGroup("/open").AllowAnonymous());
            var (attributes, allowsAnonymous) = shape switch
            {
                "Authorize(Roles)" => (new object[] { new AuthorizeAttribute { Roles = "Admin" } }, false),
                "Authorize(Policy, AuthenticationSchemes)" => ([new AuthorizeAttribute("Prefects") { AuthenticationSchemes = "SessionAuth" }], false),
                "an IAuthorizationRequirementData attribute" => ([new MinimumYearAttribute(5)], false),
                "Authorize beside its own AllowAnonymous" => ([new AuthorizeAttribute { Roles = "Admin" }, new AllowAnonymousAttribute()], true),
                "Authorize, open by its own decision (allowsAnonymous)" => ([new AuthorizeAttribute { Roles = "Admin" }], true),
                "RequireSession" => ([new RequireSessionAttribute()], false),
                _ => (Array.Empty<object>(), false),
            };
            var function = new ServerFunctionMetadata("Hand.Made", requiresSession: shape == "RequireSession", allowsAnonymous: allowsAnonymous);
            ServerFunctionRoutes.Map(group, "POST", "/_server/Hand/Made", function, attributes, static _ => Task.CompletedTask, [], ServerFunctionApi.NoContent(ServerFunctionSteps.RefuseCrossSite, readsRawBody: false));
        });

        if (written is null)
        {
            var (app, _) = await start;
            await app.DisposeAsync();
            return;
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => start);
        Assert.Contains($"'Server function Hand.Made' at /open/_server/Hand/Made ({written} opened by AllowAnonymousAttribute)", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The same functions, mapped without an <c>IAllowAnonymous</c> around them, start, and their role holds.</summary>
    [Fact]
    public async Task The_same_functions_in_a_group_without_AllowAnonymous_start_and_check_their_role()
    {
        var (app, address) = await StartAsync(static app => ShapesAppFunctions.Map(app.MapGroup("/closed")));
        await using var _ = app;

        using var harry = await IdentityApp.SignedInAsync(address, "harry");
        using var albus = await IdentityApp.SignedInAsync(address, IdentityApp.Admin);
        using var anonymous = new TestClient(address);
        using var student = await harry.FetchAsync("/closed/_server/R16Mixed/Payroll");
        using var stranger = await anonymous.FetchAsync("/closed/_server/R16Open.Vault/Secret");
        using var admin = await albus.FetchAsync("/closed/_server/R16Open.Vault/Secret");

        Assert.Equal(HttpStatusCode.Forbidden, student.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    /// <summary>
    /// The reviewer's trap in its own words: ShapesApp mapped in <c>MapGroup("/open").AllowAnonymous()</c>. Harry (no admin)
    /// got 200 from R16Mixed.Payroll and R16Open.Vault.Secret, and so did a request without a session from the vault; now the
    /// app does not start, and the message says where the <c>IAllowAnonymous</c> came from.
    /// </summary>
    [Fact]
    public async Task A_route_groups_AllowAnonymous_over_a_server_functions_own_role_refuses_the_start_and_says_where_it_came_from()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(static app => ShapesAppFunctions.Map(app.MapGroup("/open").AllowAnonymous())));

        Assert.Contains($"{Payroll} at /open/_server/R16Mixed/Payroll ([Authorize(Roles = \"Admin\")] opened by AllowAnonymousAttribute)", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{Vault} at /open/_server/R16Open.Vault/Secret ([Authorize(Roles = \"Admin\")] opened by AllowAnonymousAttribute)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("added by their route group or a convention on MapServerFunctions() (.AllowAnonymous(), WithMetadata(new AllowAnonymousAttribute()), or a convention that adds one)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("UseAuthorization() lets any IAllowAnonymous win", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// What held: in a group marked <c>.AllowAnonymous()</c>, a server function's own <c>[RequireSession]</c> (also the
    /// nearer one of a method in an <c>[AllowAnonymous]</c> class) and its rules are checked by its generated endpoint, so a
    /// request without a session gets 401 and a student the rule refuses 403; the rule lets a prefect through.
    /// </summary>
    [Fact]
    public async Task In_an_AllowAnonymous_group_a_server_functions_own_RequireSession_and_rules_still_guard_it()
    {
        var (app, address) = await StartAsync(
            static app => TestAppHost.MapServerFunctionsOf(app.MapGroup("/open").AllowAnonymous()),
            static services =>
            {
                // What TestApp's functions take from DI, as TestAppHost registers it.
                services.AddSingleton<IStudentDirectory, StudentDirectory>();
                services.AddSingleton(new Greeter { Greeting = "Hello" });
                services.AddScoped<Greetings>();
                services.AddKeyedSingleton<IPricing>("eu", new Pricing("eu"));
            });
        await using var _ = app;

        using var anonymous = new TestClient(address);
        using var harry = await IdentityApp.SignedInAsync(address, "harry");
        using var percy = await IdentityApp.SignedInAsync(address, "percy");
        using var me = await anonymous.FetchAsync("/open/_server/Account/Me");
        using var restricted = await anonymous.FetchAsync("/open/conflicts/functions/restricted", method: HttpMethod.Get);
        using var refused = await harry.FetchAsync("/open/rules/functions/both", method: HttpMethod.Get);
        using var otherHouse = await harry.FetchAsync("/open/rules/functions/houses/Slytherin/common-room", method: HttpMethod.Get);
        using var allowed = await percy.FetchAsync("/open/rules/functions/both", method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, restricted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherHouse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    /// <summary>
    /// The contrast the README's Guards section documents: on minimal API handlers an <c>[AllowAnonymous]</c> anywhere in the
    /// metadata, its group's included, opens <c>[RequireSession]</c> as ASP.NET Core opens <c>[Authorize]</c>.
    /// </summary>
    [Fact]
    public async Task In_an_AllowAnonymous_group_a_minimal_APIs_RequireSession_and_Authorize_are_opened_as_ASP_NET_Core_opens_them()
    {
        var (app, address) = await StartAsync(static app =>
        {
            var open = app.MapGroup("/open").AllowAnonymous();
            open.MapGet("/minimal/guarded", [RequireSession] () => "guarded by metadata");
            open.MapGet("/minimal/admins", [Authorize(Roles = "Admin")] () => "for admins");
        });
        await using var _ = app;

        using var anonymous = new TestClient(address);
        using var guarded = await anonymous.FetchAsync("/open/minimal/guarded", method: HttpMethod.Get);
        using var admins = await anonymous.FetchAsync("/open/minimal/admins", method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, guarded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admins.StatusCode);
    }

    private static Task<(WebApplication App, Uri Address)> StartAsync(Action<WebApplication> endpoints, Action<IServiceCollection>? services = null) =>
        ShapesAppHost.StartAsync(
            static options => options.UseClaims<UserSession>(user => IdentityApp.ClaimsOf(user)),
            services,
            middleware: static app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
            },
            endpoints: endpoints);

    private static void Open(WebApplication app, string way)
    {
        switch (way)
        {
            case "MapGroup(\"/open\").AllowAnonymous()":
                ShapesAppFunctions.Map(app.MapGroup("/open").AllowAnonymous());
                break;
            case "MapServerFunctions().AllowAnonymous()":
                ShapesAppFunctions.Map(app).AllowAnonymous();
                break;
            case "MapServerFunctions().WithMetadata(new AllowAnonymousAttribute())":
                ShapesAppFunctions.Map(app).WithMetadata(new AllowAnonymousAttribute());
                break;
            case "MapServerFunctions().Add(b => b.Metadata.Add(new AllowAnonymousAttribute()))":
                ShapesAppFunctions.Map(app).Add(static builder => builder.Metadata.Add(new AllowAnonymousAttribute()));
                break;
            case "MapServerFunctions().Finally(b => b.Metadata.Add(new AllowAnonymousAttribute()))":
                ShapesAppFunctions.Map(app).Finally(static builder => builder.Metadata.Add(new AllowAnonymousAttribute()));
                break;
            case "MapGroup(\"/outer\").AllowAnonymous().MapGroup(\"/inner\")":
                ShapesAppFunctions.Map(app.MapGroup("/outer").AllowAnonymous().MapGroup("/inner"));
                break;
            case "MapGroup(\"/mine\").WithMetadata(the app's own IAllowAnonymous)":
                ShapesAppFunctions.Map(app.MapGroup("/mine").WithMetadata(new OpenOnPurpose()));
                break;
            case "MapGroup(\"/both\").AllowAnonymous().RequireAuthorization()":
                ShapesAppFunctions.Map(app.MapGroup("/both").AllowAnonymous().RequireAuthorization());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(way), way, "No such way to open a group.");
        }
    }

    /// <summary>An app's own <c>IAllowAnonymous</c>, which <c>UseAuthorization()</c> honours as it does <c>[AllowAnonymous]</c>.</summary>
    private sealed class OpenOnPurpose : IAllowAnonymous;

    /// <summary>An authorization attribute that is no <c>[Authorize]</c>: it names its requirements itself.</summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
    private sealed class MinimumYearAttribute(int year) : Attribute, IAuthorizationRequirementData
    {
        public IEnumerable<IAuthorizationRequirement> GetRequirements()
        {
            yield return new ClaimsAuthorizationRequirement("year", [year.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
    }
}
