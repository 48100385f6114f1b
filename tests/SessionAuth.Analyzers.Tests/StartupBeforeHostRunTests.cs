using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// A project-wide guard (a global <c>AuthorizeFilter</c>, a fallback policy in its options or builder form) counts only
/// when it is registered at startup before the call that runs the host: <c>app.Run()</c>, <c>app.RunAsync()</c> awaited
/// or not, <c>host.Run()</c>. Code after it runs once the app has stopped serving (and there the service collection is
/// read-only); so does a guard convention or guard helper applied to a builder after it. A registration in a setup method
/// counts the same whether the method has a block or an expression body.
/// </summary>
public sealed class StartupBeforeHostRunTests
{
    private const string AuthorizeFilter = "builder.Services.Configure<MvcOptions>(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));";
    private const string FallbackPolicy = "builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());";
    private const string FallbackBuilder = "builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());";

    private static Task VerifyAppAsync(string program) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)]);

    private static string ControllerApp(string startup, bool reported) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        {{startup}}

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string {{(reported ? "{|SAUTH0001:List|}" : "List")}}() => "orders";
        }

        static class Setup
        {
            public static void AddFilter(IServiceCollection services) => services.Configure<MvcOptions>(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));
        }
        """;

    // Where the global AuthorizeFilter is registered, relative to the call that runs the host.
    [Theory]
    [InlineData(AuthorizeFilter + " var app = builder.Build(); app.MapControllers(); app.Run();", false)]
    [InlineData("var app = builder.Build(); app.MapControllers(); app.Run(); " + AuthorizeFilter, true)]
    [InlineData("var app = builder.Build(); app.MapControllers(); await app.RunAsync(); " + AuthorizeFilter, true)]
    [InlineData("var app = builder.Build(); app.MapControllers(); var running = app.RunAsync(); " + AuthorizeFilter + " await running;", true)]
    [InlineData("var app = builder.Build(); app.MapControllers(); app.RunAsync().GetAwaiter().GetResult(); " + AuthorizeFilter, true)]
    [InlineData("Setup.AddFilter(builder.Services); var app = builder.Build(); app.MapControllers(); app.Run();", false)]
    [InlineData("var app = builder.Build(); app.MapControllers(); app.Run(); Setup.AddFilter(builder.Services);", true)]
    [InlineData("var app = builder.Build(); app.MapControllers(); if (args.Length > 0) app.Run(); " + AuthorizeFilter, true)]
    public Task A_global_AuthorizeFilter_counts_only_before_the_host_runs(string startup, bool reported) => VerifyAppAsync(ControllerApp(startup, reported));

    // The fallback policy, in its options form and its builder form, before and after the host runs.
    [Theory]
    [InlineData(FallbackPolicy + " var app = builder.Build(); app.MapGet(\"/x\", () => \"x\"); app.Run();", false)]
    [InlineData("var app = builder.Build(); app.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); app.Run(); " + FallbackPolicy, true)]
    [InlineData(FallbackBuilder + " var app = builder.Build(); app.MapGet(\"/x\", () => \"x\"); app.Run();", false)]
    [InlineData("var app = builder.Build(); app.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); await app.RunAsync(); " + FallbackBuilder, true)]
    public Task A_fallback_policy_counts_only_before_the_host_runs(string startup, bool reported)
    {
        _ = reported;
        return VerifyAppAsync("var builder = WebApplication.CreateBuilder(args);\n" + startup + "\n");
    }

    // A guard convention through a local, a guard helper's call, or a guarded MapControllers() written after the call that
    // runs the host is applied once the app has stopped serving: the endpoints were served open. A local function written
    // after app.Run() but called before it guards as it runs, wherever it is written.
    [Theory]
    [InlineData("var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); app.Run(); orders.RequireAuthorization();")]
    [InlineData("var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () => \"x\"); orders.RequireAuthorization(); app.Run();")]
    [InlineData("var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); await app.RunAsync(); Secure(orders); static void Secure(RouteGroupBuilder g) => g.RequireAuthorization();")]
    [InlineData("var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); app.Run(); Guards.Secure(orders);")]
    [InlineData("var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () => \"x\"); Guards.Secure(orders); app.Run();")]
    [InlineData("MapOrders(app); app.Run(); static void MapOrders(WebApplication a) { var orders = a.MapGroup(\"/orders\"); orders.MapGet(\"/\", () => \"x\"); orders.RequireAuthorization(); }")]
    [InlineData("var endpoint = app.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); var running = app.RunAsync(); endpoint.RequireAuthorization(); await running;")]
    public Task A_guard_convention_counts_only_before_the_host_runs(string program) => VerifyAppAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        {{program}}

        static class Guards
        {
            public static void Secure(RouteGroupBuilder g) => g.RequireAuthorization();
        }
        """);

    [Theory]
    [InlineData("app.MapControllers().RequireAuthorization(); app.Run();", false)]
    [InlineData("var controllers = app.MapControllers(); app.Run(); controllers.RequireAuthorization();", true)]
    public Task A_guarded_MapControllers_counts_only_before_the_host_runs(string startup, bool reported) =>
        VerifyAppAsync(ControllerApp("var app = builder.Build(); " + startup, reported));

    // Finding 8 (false alarm, medium): a Startup class's ConfigureServices (and a setup helper it calls) with an
    // expression body registers the filter as the block-bodied one does.
    [Theory]
    [InlineData("public void ConfigureServices(IServiceCollection services) { services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter())); }")]
    [InlineData("public void ConfigureServices(IServiceCollection services) => AddApi(services); private static void AddApi(IServiceCollection services) { services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter())); }")]
    [InlineData("public void ConfigureServices(IServiceCollection services) { AddApi(services); } private static void AddApi(IServiceCollection services) => services.AddControllers().AddMvcOptions(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));")]
    [InlineData("public void ConfigureServices(IServiceCollection services) => services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));")]
    [InlineData("public void ConfigureServices(IServiceCollection services) => AddApi(services); private static void AddApi(IServiceCollection services) => services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));")]
    public Task A_global_AuthorizeFilter_added_in_a_setup_method_of_either_body_guards_the_actions(string configureServices) => VerifyAppAsync($$"""
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;
        var host = Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build();
        host.Run();

        public class Startup
        {
            {{configureServices}}

            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseAuthorization();
                app.UseEndpoints(e => e.MapControllers());
            }
        }

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string List() => "orders";
        }
        """);

    // Finding 5 (false silence, high, unusual shape): StartupCode takes all of the entry point to run at startup, the
    // statements after app.Run() included. Those run only once the app has stopped serving (and there the write throws:
    // the service collection is read-only after Build), so the global AuthorizeFilter never guards a request.
    [Fact]
    public Task A_global_AuthorizeFilter_registered_after_app_Run_does_not_guard_the_actions() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.Run();
        builder.Services.Configure<MvcOptions>(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);
}
