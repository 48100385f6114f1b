using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Tests.ControllerRouting;

namespace SessionAuth.Tests;

/// <summary>
/// Why SAUTH0001 reads controller decisions and far-away guards where ASP.NET Core applies them, over HTTP on Kestrel:
/// a guarded conventional route closes only the actions it routes, a fallback policy closes every endpoint without
/// authorization metadata, and MVC routes what it discovers (inherited actions, suffix-named classes), not what it skips
/// (<c>Dispose</c>, nested classes). An anonymous request that is challenged is redirected to the login path.
/// </summary>
public sealed class ControllerGuardHttpTests
{
    [Fact]
    public async Task A_guarded_conventional_route_closes_conventional_actions_and_leaves_attribute_routed_ones_open()
    {
        await using var app = await StartAsync(
            configureServices: null,
            map: app => app.MapControllerRoute("default", "{controller}/{action}").RequireAuthorization());
        using var http = CookieAuthApp.Client(app);

        using var conventional = await http.GetAsync(new Uri("/Conventional/Index", UriKind.Relative));
        using var attributeRouted = await http.GetAsync(new Uri("/attribute-routed", UriKind.Relative));

        CookieAuthApp.AssertChallenged(conventional);
        Assert.Equal(HttpStatusCode.OK, attributeRouted.StatusCode);              // SAUTH0001 fires on AttributeRoutedController.Get
        Assert.Equal("AttributeRoutedController.Get, open to anyone", await attributeRouted.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> FallbackPolicies => ["AuthorizationOptions.FallbackPolicy", "AuthorizationBuilder.SetFallbackPolicy"];

    [Theory]
    [MemberData(nameof(FallbackPolicies))]
    public async Task A_fallback_policy_closes_every_endpoint_without_authorization_metadata(string form)
    {
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        await using var app = await StartAsync(
            services =>
            {
                if (form == "AuthorizationOptions.FallbackPolicy")
                {
                    services.AddAuthorization(o => o.FallbackPolicy = policy);
                }
                else
                {
                    services.AddAuthorizationBuilder().SetFallbackPolicy(policy);
                }
            },
            app =>
            {
                app.MapGet("/plain", () => "no metadata");
                app.MapGet("/public", () => "public").AllowAnonymous();
                app.MapControllers();
            });
        using var http = CookieAuthApp.Client(app);

        using var minimal = await http.GetAsync(new Uri("/plain", UriKind.Relative));
        using var action = await http.GetAsync(new Uri("/attribute-routed", UriKind.Relative));
        using var anonymous = await http.GetAsync(new Uri("/public", UriKind.Relative));

        CookieAuthApp.AssertChallenged(minimal);
        CookieAuthApp.AssertChallenged(action);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);                   // the same anonymous client gets through where allowed
    }

    [Fact]
    public async Task MVC_routes_inherited_actions_and_suffix_named_classes_and_DisposeAsync_but_not_Dispose_or_nested_classes()
    {
        await using var app = await StartAsync(configureServices: null, map: app => app.MapControllerRoute("default", "{controller}/{action}"));
        using var http = CookieAuthApp.Client(app);

        // Routed and open: SAUTH0001 fires on each.
        Assert.Equal("LibraryController.List", await GetOkAsync(http, "/Library/List"));
        Assert.Equal("PocoController.Hello", await GetOkAsync(http, "/Poco/Hello"));
        using var disposeAsync = await http.GetAsync(new Uri("/Streams/Dispose", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, disposeAsync.StatusCode);

        // Routed and guarded through the base method's [Authorize]: SAUTH0001 is silent on the override.
        using var secret = await http.GetAsync(new Uri("/Library/Secret", UriKind.Relative));
        CookieAuthApp.AssertChallenged(secret);

        // Not routed at all: SAUTH0001 does not take them for actions.
        using var dispose = await http.GetAsync(new Uri("/Library/Dispose", UriKind.Relative));
        using var nested = await http.GetAsync(new Uri("/Nested/Index", UriKind.Relative));
        using var helper = await http.GetAsync(new Uri("/Library/Helper", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, dispose.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nested.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, helper.StatusCode);
    }

    // MVC's own discovery over this assembly, limited to the controllers of this test.
    internal static Task<WebApplication> StartAsync(Action<IServiceCollection>? configureServices, Action<WebApplication> map) => CookieAuthApp.StartAsync(
        map,
        services =>
        {
            configureServices?.Invoke(services);
            services.AddControllers().ConfigureApplicationPartManager(manager =>
            {
                manager.ApplicationParts.Add(new Microsoft.AspNetCore.Mvc.ApplicationParts.AssemblyPart(typeof(ControllerGuardHttpTests).Assembly));
                manager.FeatureProviders.Remove(manager.FeatureProviders.OfType<ControllerFeatureProvider>().Single());
                manager.FeatureProviders.Add(new ThisTestsControllers());
            });
        });

    private static async Task<string> GetOkAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>MVC's rules (<see cref="ControllerFeatureProvider.IsController"/>), over the controllers declared for this test only.</summary>
    private sealed class ThisTestsControllers : ControllerFeatureProvider
    {
        protected override bool IsController(TypeInfo typeInfo) =>
            typeInfo.Namespace == typeof(LibraryController).Namespace && base.IsController(typeInfo);
    }
}
