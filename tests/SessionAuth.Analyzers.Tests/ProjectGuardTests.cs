using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Guards written the way projects write them (issue 21, review findings A1–A6): guard helpers of the project, a global
/// <c>AuthorizeFilter</c>, <c>MapControllers()</c> followed as a builder, classes named like controllers in an app without
/// MVC, and null-conditional conventions. Each table holds shapes that decide and shapes that must still be reported.
/// </summary>
public sealed class ProjectGuardTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    private const string Orders = """
        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string List() => "orders";
        }
        """;

    private const string OrdersReported = """
        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string {|SAUTH0001:List|}() => "orders";
        }
        """;

    // A1: a helper is a guard for what it is passed when its body guards that parameter on every path.

    [Theory]
    [InlineData("static void Secure(RouteGroupBuilder group) => group.RequireSession();", true)]
    [InlineData("static void Secure(RouteGroupBuilder group) { group.WithTags(\"api\"); group.RequireAuthorization(\"staff\"); }", true)]
    [InlineData("static void Secure(RouteGroupBuilder group) => Lock(group); static void Lock(RouteGroupBuilder group) => group.AllowAnonymous();", true)]
    [InlineData("static void Secure(RouteGroupBuilder group) { if (group.ToString() == \"x\") { group.RequireSession(); return; } group.RequireAuthorization(); }", true)]
    [InlineData("static RouteGroupBuilder Secure(RouteGroupBuilder group) => group.RequireAuthorization().MapGroup(\"/v1\");", true)]
    [InlineData("static void Secure(RouteGroupBuilder group) { if (group.ToString() == \"x\") group.RequireAuthorization(); }", false)]
    [InlineData("static void Secure(RouteGroupBuilder group) { var other = group.MapGroup(\"/admin\"); other.RequireAuthorization(); }", false)]
    [InlineData("static void Secure(RouteGroupBuilder group) { Action guard = () => group.RequireAuthorization(); }", false)]
    [InlineData("static void Secure(RouteGroupBuilder group) => Secure(group);", false)]
    [InlineData("static void Secure(RouteGroupBuilder group) { group = null!; group?.RequireAuthorization(); }", false)]
    public Task A_helper_decides_for_what_it_is_passed_when_it_guards_that_parameter_on_every_path(string helper, bool decides) => VerifyAsync($$"""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api");
                Secure(api);
                api.MapGet("/orders", () {{(decides ? "=>" : "{|SAUTH0001:=>|}")}} "orders");
            }

            {{helper}}
        }
        """);

    [Fact]
    public Task A_helper_that_guards_another_parameter_does_not_decide_for_the_first() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api");
                var admin = app.MapGroup("/admin");
                Secure(api, admin);
                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
                admin.MapGet("/users", () => "users");
            }

            private static void Secure(RouteGroupBuilder open, RouteGroupBuilder locked) => locked.RequireAuthorization();
        }
        """);

    [Fact]
    public Task A_virtual_helper_does_not_decide_because_an_override_may_run() => VerifyAsync("""
        public class Endpoints
        {
            public void Map(WebApplication app)
            {
                var api = app.MapGroup("/api");
                Secure(api);
                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }

            protected virtual void Secure(RouteGroupBuilder group) => group.RequireAuthorization();
        }
        """);

    [Fact]
    public Task A_helper_requiring_a_session_guards_session_data_and_one_requiring_authorization_does_not() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", (UserSession user) => user.Name).Members();
                app.MapGet("/b", (UserSession {|SAUTH0004:user|}) => user.Name).Staff();
            }
        }

        public static class Conventions
        {
            public static RouteHandlerBuilder Members(this RouteHandlerBuilder builder) => builder.RequireSession();

            public static RouteHandlerBuilder Staff(this RouteHandlerBuilder builder) => builder.RequireAuthorization("staff");
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    // A2: a global AuthorizeFilter decides every controller action, when it is added for sure and never taken away.

    [Theory]
    [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));", true)]
    [InlineData("builder.Services.AddMvc(o => { o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter(\"staff\")); });", true)]
    [InlineData("builder.Services.AddControllersWithViews().AddMvcOptions(o => o.Filters.Insert(0, new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));", true)]
    [InlineData("builder.Services.Configure<MvcOptions>(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())));", true)]
    [InlineData("builder.Services.AddControllers(o => { if (builder.Environment.EnvironmentName == \"Production\") o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()); });", false)]
    [InlineData("if (builder.Environment.EnvironmentName == \"Production\") builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));", false)]
    [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter())); builder.Services.PostConfigure<MvcOptions>(o => o.Filters.Clear());", false)]
    [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter())); builder.Services.PostConfigure<MvcOptions>(o => o.Filters.RemoveAt(0));", false)]
    [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter(new System.Collections.Generic.List<IAuthorizeData>())));", false)]
    [InlineData("Action<MvcOptions> configure = o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter());", false)]
    [InlineData("builder.Services.Configure<MvcOptions>(\"other\", o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));", false)]
    public Task A_global_AuthorizeFilter_decides_only_when_added_on_every_path_and_never_removed(string setup, bool decides) => VerifyAppAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        {{setup}}
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        {{(decides ? Orders : OrdersReported)}}
        """);

    [Fact]
    public Task A_global_AuthorizeFilter_does_not_decide_for_minimal_APIs() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));
        var app = builder.Build();
        app.MapControllers();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    // A3, A4: MapControllers() is a builder like any other: decided when what every call returns is.

    [Theory]
    [InlineData("app.MapControllers().RequireAuthorization();", true)]
    [InlineData("var controllers = app.MapControllers(); controllers.RequireSession();", true)]
    [InlineData("app.MapGroup(\"/api\").RequireAuthorization().MapControllers();", true)]
    [InlineData("var api = app.MapGroup(\"/api\"); api.MapControllers(); api.RequireAuthorization();", true)]
    [InlineData("MapApi(app.MapGroup(\"/api\").RequireAuthorization()); static void MapApi(RouteGroupBuilder group) => group.MapControllers();", true)]
    [InlineData("Guards.Secure(app.MapControllers());", true)]
    [InlineData("app.MapControllers()?.RequireAuthorization();", true)]
    [InlineData("app.MapControllers();", false)]
    [InlineData("app.MapGroup(\"/api\").RequireAuthorization().MapControllers(); app.MapControllers();", false)]
    [InlineData("var api = app.MapGroup(\"/api\"); api.MapControllers(); api = app.MapGroup(\"/admin\"); api.RequireAuthorization();", false)]
    [InlineData("var controllers = app.MapControllers(); if (app.Environment.EnvironmentName == \"Production\") controllers.RequireAuthorization();", false)]
    public Task MapControllers_decides_when_every_call_is_guarded(string mapping, bool decides) => VerifyAppAsync($$"""
        var app = WebApplication.Create(args);
        {{mapping}}
        app.Run();

        {{(decides ? Orders : OrdersReported)}}

        public static class Guards
        {
            public static void Secure(ControllerActionEndpointConventionBuilder controllers) => controllers.RequireAuthorization();
        }
        """);

    // A5: without MVC in an executable nothing routes a class named like a controller; with it, or in a library, it is checked.

    [Theory]
    [InlineData("var app = WebApplication.Create(args); app.Run();")]
    [InlineData("var builder = WebApplication.CreateBuilder(args); builder.Services.AddRazorPages(); var app = builder.Build(); app.MapRazorPages(); app.Run();")]
    public Task A_class_named_like_a_controller_in_an_executable_without_MVC_is_not_reported(string program) => VerifyAppAsync($$"""
        {{program}}

        public class CacheController
        {
            public string Flush() => "flushed";
        }
        """);

    [Theory]
    [InlineData("var builder = WebApplication.CreateBuilder(args); builder.Services.AddControllers(); var app = builder.Build(); app.Run();")]
    [InlineData("var builder = WebApplication.CreateBuilder(args); builder.Services.AddMvcCore(); var app = builder.Build(); app.Run();")]
    [InlineData("var app = WebApplication.Create(args); app.MapDefaultControllerRoute(); app.Run();")]
    [InlineData("var app = WebApplication.Create(args); app.MapFallbackToController(\"Flush\", \"Cache\"); app.Run();")]
    public Task A_controller_in_an_executable_that_adds_or_maps_MVC_is_reported(string program) => VerifyAppAsync($$"""
        {{program}}

        public class CacheController
        {
            public string {|SAUTH0001:Flush|}() => "flushed";
        }
        """);

    [Fact]
    public Task A_controller_in_a_library_is_reported_whatever_hosts_it() => VerifyAsync("""
        public class CacheController
        {
            public string {|SAUTH0001:Flush|}() => "flushed";
        }
        """);

    // A6: a null-conditional convention runs on every path only on a builder that cannot be null.

    [Theory]
    [InlineData("RouteGroupBuilder? group = app.MapGroup(\"/api\"); group?.RequireAuthorization(); group!.MapGet(\"/orders\", () => \"orders\");")]
    [InlineData("var group = (RouteGroupBuilder?)app.MapGroup(\"/api\"); group?.RequireSession(); group!.MapGet(\"/orders\", () => \"orders\");")]
    [InlineData("app.MapGet(\"/orders\", () => \"orders\")?.AllowAnonymous();")]
    [InlineData("RouteGroupBuilder? group = null; foreach (var p in new[] { \"/a\", \"/b\" }) { group = app.MapGroup(p); group.MapGet(\"/orders\", () {|SAUTH0001:=>|} \"orders\"); } group?.RequireAuthorization();")]
    [InlineData("RouteGroupBuilder? group = app.MapGroup(\"/api\"); if (app.Environment.EnvironmentName == \"Production\") group = null; group?.RequireAuthorization(); group!.MapGet(\"/orders\", () {|SAUTH0001:=>|} \"orders\");")]
    public Task A_null_conditional_convention_decides_only_where_the_builder_is_never_null(string body) => VerifyAsync($$"""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                {{body}}
            }
        }
        """);
}
