using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review 21b: writes of <c>AuthorizationOptions.FallbackPolicy</c> that the authorization middleware never sees, or that
/// leave it null, yet silence SAUTH0001 for every endpoint of the project. The middleware reads the policy from
/// <c>IAuthorizationPolicyProvider</c>, which reads the unnamed <c>IOptions&lt;AuthorizationOptions&gt;</c> of the app's
/// service provider: a write counts only when it reaches those options, on every path of the code that runs.
/// </summary>
public sealed class Review21bFallbackPolicyTests
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
}
