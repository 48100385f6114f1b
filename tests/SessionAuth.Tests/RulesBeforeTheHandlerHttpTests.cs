using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.ShapesApp;
using SessionAuth.TestApp;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests;

/// <summary>
/// What runs before a rule-guarded handler, or answers in its place, does not get past the rule, over HTTP on Kestrel:
/// the output cache (with the default policy and with one that stores signed-in users' answers, a server function beside
/// a minimal API), SignalR's negotiation and connect endpoints of a hub whose class carries the rule, and a controller's
/// own action filter. Users sign in at <c>/sign-in/{name}</c>; percy is a prefect, harry is not and lives in Gryffindor.
/// (A route group's <c>.AllowAnonymous()</c> over a server function: <see cref="ServerFunctionGroupAllowAnonymousTests"/>.)
/// </summary>
public sealed class RulesBeforeTheHandlerHttpTests
{
    /// <summary>
    /// [OutputCache] on a rule-guarded server function, with UseOutputCache() after UseSessionAuth() (where a minimal API's
    /// guard, run by UseSessionAuth(), comes before the cache): percy's answer is stored, and must not be served to harry
    /// (not a prefect) nor to a request without a session.
    /// </summary>
    [Fact]
    public async Task Output_cache_does_not_serve_a_rule_guarded_server_function_to_whom_the_rule_refuses()
    {
        // ShapesApp's other functions ask for roles, which needs the session's claims.
        var (app, address) = await ShapesAppHost.StartAsync(
            static options => options.UseClaims<UserSession>(user => IdentityApp.ClaimsOf(user)),
            services: static services => services.AddOutputCache(),
            endpoints: static app =>
            {
                app.UseOutputCache();
                ShapesAppFunctions.Map(app);
            });
        await using var _ = app;

        using var percy = await IdentityApp.SignedInAsync(address, "percy");
        using (var first = await percy.FetchAsync("/r16b/prefects-ledger", method: HttpMethod.Get))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var harry = await IdentityApp.SignedInAsync(address, "harry");
        using var refused = await harry.FetchAsync("/r16b/prefects-ledger", method: HttpMethod.Get);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain("read by", text, StringComparison.Ordinal);
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{(int)refused.StatusCode}: {text}");

        using var anonymous = new TestClient(address);
        using var denied = await anonymous.FetchAsync("/r16b/prefects-ledger", method: HttpMethod.Get);
        var deniedText = await denied.Content.ReadAsStringAsync();
        Assert.DoesNotContain("read by", deniedText, StringComparison.Ordinal);
        Assert.True(denied.StatusCode == HttpStatusCode.Unauthorized, $"{(int)denied.StatusCode}: {deniedText}");
    }

    /// <summary>
    /// The same with an output cache policy that stores signed-in users' answers too (the app's base policy; such "cache
    /// for everyone" policies are common for pages that do not vary by user), and the cache after every guard in the
    /// pipeline: a minimal API with the same rule is judged by UseSessionAuth() before the cache answers
    /// (<see cref="Output_cache_after_UseSessionAuth_keeps_a_minimal_API_rule_with_a_policy_that_caches_signed_in_users"/>),
    /// and the server function's rule, judged inside its endpoint, must not be skipped by a cache hit: harry (not a prefect)
    /// and an anonymous request must not get percy's ledger.
    /// </summary>
    [Fact]
    public async Task Output_cache_hit_does_not_skip_a_server_functions_rule_with_a_policy_that_caches_signed_in_users()
    {
        var (app, address) = await ShapesAppHost.StartAsync(
            static options => options.UseClaims<UserSession>(user => IdentityApp.ClaimsOf(user)),
            services: static services => services.AddOutputCache(static options => options.AddBasePolicy(new CacheEveryone())),
            middleware: static app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
            },
            endpoints: static app =>
            {
                app.UseOutputCache();
                ShapesAppFunctions.Map(app);
            });
        await using var _ = app;

        using var percy = await IdentityApp.SignedInAsync(address, "percy");
        using (var first = await percy.FetchAsync("/r16b/prefects-ledger", method: HttpMethod.Get))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var harry = await IdentityApp.SignedInAsync(address, "harry");
        using var refused = await harry.FetchAsync("/r16b/prefects-ledger", method: HttpMethod.Get);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{(int)refused.StatusCode}: {text}");

        using var anonymous = new TestClient(address);
        using var denied = await anonymous.FetchAsync("/r16b/prefects-ledger", method: HttpMethod.Get);
        var deniedText = await denied.Content.ReadAsStringAsync();
        Assert.True(denied.StatusCode == HttpStatusCode.Unauthorized, $"{(int)denied.StatusCode}: {deniedText}");
    }

    /// <summary>The comparison: the same policy and order over a minimal API with the same rule.</summary>
    [Fact]
    public async Task Output_cache_after_UseSessionAuth_keeps_a_minimal_API_rule_with_a_policy_that_caches_signed_in_users()
    {
        var (app, address) = await ShapesAppHost.StartAsync(
            services: static services => services.AddOutputCache(static options => options.AddBasePolicy(new CacheEveryone())),
            middleware: static app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
            },
            endpoints: static app =>
            {
                app.UseOutputCache();
                app.MapGet("/r16b/minimal-ledger", [RequireSession<Prefect>] () => $"the prefects' ledger {Guid.NewGuid()}");
            });
        await using var _ = app;

        using var percy = await IdentityApp.SignedInAsync(address, "percy");
        using var first = await percy.FetchAsync("/r16b/minimal-ledger", method: HttpMethod.Get);
        using var second = await percy.FetchAsync("/r16b/minimal-ledger", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        using var harry = await IdentityApp.SignedInAsync(address, "harry");
        using var refused = await harry.FetchAsync("/r16b/minimal-ledger", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    /// <summary>The same shape as a minimal API handler, for comparison: UseSessionAuth() judges it before the cache.</summary>
    [Fact]
    public async Task Output_cache_after_UseSessionAuth_keeps_a_minimal_API_rule()
    {
        var (app, address) = await ShapesAppHost.StartAsync(
            services: static services => services.AddOutputCache(),
            endpoints: static app =>
            {
                app.UseOutputCache();
                app.MapGet("/r16b/minimal-ledger", [RequireSession<Prefect>, OutputCache] () => "the prefects' ledger");
            });
        await using var _ = app;

        using var percy = await IdentityApp.SignedInAsync(address, "percy");
        using (var first = await percy.FetchAsync("/r16b/minimal-ledger", method: HttpMethod.Get))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var harry = await IdentityApp.SignedInAsync(address, "harry");
        using var refused = await harry.FetchAsync("/r16b/minimal-ledger", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    /// <summary>
    /// A rule on a SignalR hub class (a supported rule target): negotiating is refused to whom the rule refuses and
    /// allowed to a prefect; the WebSocket-less connect endpoint is refused too.
    /// </summary>
    [Fact]
    public async Task A_rule_on_a_hub_class_refuses_negotiation_and_connection_to_whom_it_refuses()
    {
        var (app, address) = await ShapesAppHost.StartAsync(
            services: static services => services.AddSignalR(),
            endpoints: static app => app.MapHub<PrefectsHub>("/r16b/hubs/prefects"));
        await using var _ = app;

        using var harry = await IdentityApp.SignedInAsync(address, "harry");
        using var percy = await IdentityApp.SignedInAsync(address, "percy");
        using (var refused = await harry.FetchAsync("/r16b/hubs/prefects/negotiate?negotiateVersion=1"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var refusedConnect = await harry.FetchAsync("/r16b/hubs/prefects?id=x", method: HttpMethod.Get))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refusedConnect.StatusCode);
        }

        using var allowed = await percy.FetchAsync("/r16b/hubs/prefects/negotiate?negotiateVersion=1");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    /// <summary>
    /// A controller's own OnActionExecuting (Controller is an action filter MVC runs first among its own) must not see an
    /// argument the rule refuses: SessionRuleActionFilter says the action's own filters never see one.
    /// </summary>
    [Fact]
    public async Task A_controllers_own_action_filter_never_sees_an_argument_the_rule_refuses()
    {
        var (app, address) = await ShapesAppHost.StartAsync(
            services: static services => services.AddControllersWithViews().AddApplicationPart(typeof(HousesController).Assembly)
                .ConfigureApplicationPartManager(static parts =>
                {
                    foreach (var provider in parts.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().ToList())
                    {
                        parts.FeatureProviders.Remove(provider);
                    }

                    parts.FeatureProviders.Add(new OnlyControllers([typeof(HousesController), typeof(FilteredController)]));
                }),
            endpoints: static app => app.MapControllers());
        await using var _ = app;

        using var harry = await IdentityApp.SignedInAsync(address, "harry");
        foreach (var path in new[] { "/r16b/mvc/houses/Slytherin/vault", "/r16b/mvc/filtered/Slytherin/vault" })
        {
            using var refused = await harry.FetchAsync(path);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)refused.StatusCode}");
            Assert.False(refused.Headers.Contains("X-Opened-Vault"), $"{path}: the controller's filter ran for a house the rule refused: {string.Join(",", refused.Headers.TryGetValues("X-Opened-Vault", out var v) ? v : [])}");
        }

        using var allowed = await harry.FetchAsync("/r16b/mvc/houses/Gryffindor/vault");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}

/// <summary>A controller whose own OnActionExecuting acts on the house argument (opens the house's vault).</summary>
internal sealed class HousesController : Controller
{
    [HttpPost("/r16b/mvc/houses/{house}/vault")]
    [RequireSession<OwnHouse>(Argument = "house")]
    public ContentResult Vault(House house) => Content($"{house} vault");

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionArguments.TryGetValue("house", out var house))
        {
            context.HttpContext.Response.Headers["X-Opened-Vault"] = house?.ToString();
        }
    }
}

/// <summary>An action filter of the app's own placed first (Order = int.MinValue), as the ASP.NET Core docs show.</summary>
internal sealed class VaultFilterAttribute : ActionFilterAttribute
{
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionArguments.TryGetValue("house", out var house))
        {
            context.HttpContext.Response.Headers["X-Opened-Vault"] = house?.ToString();
        }
    }
}

[VaultFilter(Order = int.MinValue)]
internal sealed class FilteredController : Controller
{
    [HttpPost("/r16b/mvc/filtered/{house}/vault")]
    [RequireSession<OwnHouse>(Argument = "house")]
    public ContentResult Vault(House house) => Content($"{house} vault");
}

/// <summary>A hub only prefects may connect to.</summary>
[RequireSession<Prefect>]
public sealed class PrefectsHub : Microsoft.AspNetCore.SignalR.Hub
{
    public string Ledger() => $"the prefects' ledger for {Context.UserIdentifier}";
}

/// <summary>An output cache base policy that stores every GET answer of 200, signed-in users' included, varying by nothing.</summary>
internal sealed class CacheEveryone : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var get = HttpMethods.IsGet(context.HttpContext.Request.Method);
        context.EnableOutputCaching = get;
        context.AllowCacheLookup = get;
        context.AllowCacheStorage = get;
        context.AllowLocking = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
