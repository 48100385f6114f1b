using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SessionAuth.Tests;

/// <summary>
/// Over HTTP, why SAUTH0001 counts a fallback policy only on the app's own service collection
/// (tests/SessionAuth.Analyzers.Tests/FallbackPolicyServiceCollectionTests.cs): one registered on a collection the app is
/// not built from leaves the endpoint open, and every form of the registration on the app's collection guards it.
/// </summary>
public sealed class FallbackPolicyServiceCollectionHttpTests
{
    // FallbackPolicyServiceCollectionTests.A_fallback_policy_on_a_new_ServiceCollection_leaves_every_endpoint_open and
    // A_fallback_policy_on_the_services_of_a_builder_that_is_never_built_leaves_every_endpoint_open: the rule fires.

    [Fact]
    public async Task A_fallback_policy_on_a_service_collection_the_app_never_builds_leaves_the_endpoint_open()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            var tools = new ServiceCollection();
            tools.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
            app.MapGet("/orders", () => "open to anyone");
        });
        using var http = CookieAuthApp.Client(app);

        using var response = await http.GetAsync(new Uri("/orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_fallback_policy_on_the_services_of_another_builder_leaves_the_endpoint_open()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            var other = WebApplication.CreateSlimBuilder();
            other.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
            app.MapGet("/orders", () => "open to anyone");
        });
        using var http = CookieAuthApp.Client(app);

        using var response = await http.GetAsync(new Uri("/orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // FallbackPolicyServiceCollectionTests.A_fallback_policy_set_through_AddOptions_Configure_decides_for_every_endpoint
    // and its siblings: the rule is silent.

    public static TheoryData<string> AppRegistrations() =>
    [
        "AddOptions().Configure",
        "AddOptions().PostConfigure",
        "AddOptions(DefaultName).Configure",
        "Configure(DefaultName)",
        "AddAuthorizationBuilder().SetFallbackPolicy",
    ];

    [Theory]
    [MemberData(nameof(AppRegistrations))]
    public async Task A_fallback_policy_registered_on_the_apps_collection_guards_the_endpoint(string registration)
    {
        await using var app = await CookieAuthApp.StartAsync(
            app => app.MapGet("/orders", () => "orders"),
            services => _ = registration switch
            {
                "AddOptions().Configure" => services.AddOptions<AuthorizationOptions>().Configure(o => o.FallbackPolicy = o.DefaultPolicy).Services,
                "AddOptions().PostConfigure" => services.AddOptions<AuthorizationOptions>().PostConfigure(o => o.FallbackPolicy = o.DefaultPolicy).Services,
                "AddOptions(DefaultName).Configure" => services.AddOptions<AuthorizationOptions>(Options.DefaultName).Configure(o => o.FallbackPolicy = o.DefaultPolicy).Services,
                "Configure(DefaultName)" => services.Configure<AuthorizationOptions>(Options.DefaultName, o => o.FallbackPolicy = o.DefaultPolicy),
                "AddAuthorizationBuilder().SetFallbackPolicy" => services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()).Services,
                _ => throw new ArgumentOutOfRangeException(nameof(registration), registration, null),
            });
        using var http = CookieAuthApp.Client(app);

        using var response = await http.GetAsync(new Uri("/orders", UriKind.Relative));

        CookieAuthApp.AssertChallenged(response);
    }

    // FallbackPolicyServiceCollectionTests.A_fallback_policy_in_an_options_class_counts_when_the_app_registers_it: the
    // options factory calls an IConfigureOptions class's Configure, but only the named Configure of an
    // IConfigureNamedOptions class, so a write in its unnamed Configure never runs.

    [Fact]
    public async Task A_fallback_policy_in_a_registered_options_class_guards_the_endpoint_unless_the_factory_never_calls_its_method()
    {
        static void Map(WebApplication app) => app.MapGet("/orders", () => "orders");

        await using var configured = await CookieAuthApp.StartAsync(Map, s => s.ConfigureOptions<RequireLogin>());
        await using var named = await CookieAuthApp.StartAsync(Map, s => s.ConfigureOptions<NamedWithTheUnnamedMethod>());
        using var configuredClient = CookieAuthApp.Client(configured);
        using var namedClient = CookieAuthApp.Client(named);

        using var configuredResponse = await configuredClient.GetAsync(new Uri("/orders", UriKind.Relative));
        using var namedResponse = await namedClient.GetAsync(new Uri("/orders", UriKind.Relative));

        CookieAuthApp.AssertChallenged(configuredResponse);
        Assert.Equal(HttpStatusCode.OK, namedResponse.StatusCode);
    }

    private sealed class RequireLogin : IConfigureOptions<AuthorizationOptions>
    {
        public void Configure(AuthorizationOptions options) => options.FallbackPolicy = options.DefaultPolicy;
    }

    private sealed class NamedWithTheUnnamedMethod : IConfigureNamedOptions<AuthorizationOptions>
    {
        public void Configure(string? name, AuthorizationOptions options)
        {
        }

        public void Configure(AuthorizationOptions options) => options.FallbackPolicy = options.DefaultPolicy;
    }
}
