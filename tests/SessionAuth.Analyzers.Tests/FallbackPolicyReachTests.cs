using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 and writes of <c>AuthorizationOptions.FallbackPolicy</c> that the authorization middleware never sees, or
/// that leave it null (review 21b): they must not silence the rule; the same policy where the middleware sees it does. The middleware reads the policy from
/// <c>IAuthorizationPolicyProvider</c>, which reads the unnamed <c>IOptions&lt;AuthorizationOptions&gt;</c> of the app's
/// service provider: a write counts only when it reaches those options, on every path of the code that runs.
/// </summary>
public sealed class FallbackPolicyReachTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    // The method that sets it is never called in the executable: there is no fallback policy at run time.

    [Fact]
    public Task A_fallback_policy_set_in_a_method_nothing_calls_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        static class Unused
        {
            public static void Secure(IServiceCollection services) =>
                services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        }
        """);

    // An AuthorizationOptions the app creates itself and never registers is not the one the middleware reads.

    [Fact]
    public Task A_fallback_policy_set_on_an_options_object_nobody_registers_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var options = new AuthorizationOptions { FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build() };
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    // GetPolicy returns null for a policy never added (it is declared AuthorizationPolicy?); outside #nullable enable the
    // flow state says nothing, but the declaration still does.

    [Fact]
    public Task A_fallback_policy_from_GetPolicy_outside_a_nullable_context_may_be_null() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o => o.FallbackPolicy = o.GetPolicy("Members"));
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    // Named options (Configure<AuthorizationOptions>("admin", ...)) are not the unnamed options the policy provider reads.

    [Fact]
    public Task A_fallback_policy_set_on_named_options_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<AuthorizationOptions>("admin", o => o.FallbackPolicy = o.DefaultPolicy);
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    // Outside WebApplication nothing adds the authorization middleware by itself: a Startup pipeline without
    // UseAuthorization() never applies the fallback policy, and an endpoint without authorization metadata answers anyone.

    [Fact]
    public Task A_fallback_policy_in_a_Startup_whose_pipeline_has_no_UseAuthorization_leaves_every_endpoint_open() => VerifyAsync("""
        public sealed class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddRouting();
                services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            }

            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapGet("/orders", () {|SAUTH0001:=>|} "orders"));
            }
        }
        """);

    // Must not fire: the same policies where the middleware sees them.

    [Fact]
    public Task A_fallback_policy_set_in_a_helper_the_entry_point_calls_decides_for_every_endpoint() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        Security.Secure(builder.Services);
        var app = builder.Build();
        app.MapGet("/orders", () => "orders");
        app.Run();

        static class Security
        {
            public static void Secure(IServiceCollection services) => services.Configure<AuthorizationOptions>(o => o.FallbackPolicy = o.DefaultPolicy);
        }
        """);

    [Fact]
    public Task A_fallback_policy_in_a_Startup_whose_pipeline_runs_UseAuthorization_decides_for_every_endpoint() => VerifyAsync("""
        public sealed class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddRouting();
                services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            }

            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseAuthorization();
                app.UseEndpoints(endpoints => endpoints.MapGet("/orders", () => "orders"));
            }
        }
        """);

    [Fact]
    public Task A_fallback_policy_in_a_nullable_context_from_a_local_that_is_not_null_decides_for_every_endpoint() => VerifyAppAsync("""
        #nullable enable
        var builder = WebApplication.CreateBuilder(args);
        var members = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        builder.Services.AddAuthorization(o => o.FallbackPolicy = members);
        var app = builder.Build();
        app.MapGet("/orders", () => "orders");
        app.Run();
        """);

    // Fires: a helper called only under an if, and a callback that is a method group (whose options are not followed).

    [Fact]
    public Task A_fallback_policy_set_in_a_helper_called_on_some_paths_only_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (args.Length > 0)
        {
            Security.Secure(builder.Services);
        }

        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        static class Security
        {
            public static void Secure(IServiceCollection services) => services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        }
        """);

    [Fact]
    public Task A_fallback_policy_set_by_a_method_group_callback_is_not_followed() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(Security.Configure);
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        static class Security
        {
            public static void Configure(AuthorizationOptions options) => options.FallbackPolicy = options.DefaultPolicy;
        }
        """);

    // A project method named like a registration registers nothing the middleware reads.

    [Fact]
    public Task A_fallback_policy_set_in_a_callback_of_a_project_method_named_AddAuthorization_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var settings = new Settings();
        settings.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        sealed class Settings
        {
            public void AddAuthorization(Action<AuthorizationOptions> configure) => configure(new AuthorizationOptions());
        }
        """);
}
