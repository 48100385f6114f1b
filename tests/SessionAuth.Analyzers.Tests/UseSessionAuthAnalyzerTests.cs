using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

public sealed class UseSessionAuthAnalyzerTests
{
    private const string ProgramWithoutMiddleware = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSessionAuth<UserSession>(o => o.Password = builder.Configuration["SessionAuth:Password"]);
        var app = {|#0:builder.Build()|};
        app.Run();
        """;

    private const string SessionData = """
        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """;

    private static DiagnosticResult Expected(string summary, int guardSites = 1)
    {
        var expected = new DiagnosticResult(Descriptors.MetadataGuardWithoutMiddleware).WithLocation(0).WithArguments(summary);
        for (var marker = 1; marker <= guardSites; marker++)
        {
            expected = expected.WithLocation(marker);
        }

        return expected;
    }

    private static Task VerifyAppAsync(string program, string other, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<UseSessionAuthAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program), ("Other.cs", SessionData + "\n" + other)], expected);

    // Must fire: reported at the Build() call, with every guard site as an additional location

    [Fact]
    public Task RequireSession_on_an_endpoint_without_UseSessionAuth_is_reported_at_Build() => VerifyAppAsync(
        """
        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        app.MapGet("/orders", () => "orders").{|#1:RequireSession|}();
        app.Run();
        """,
        string.Empty,
        Expected("RequireSession() on an endpoint or route group"));

    [Fact]
    public Task RequireSession_on_a_route_group_is_reported() => VerifyAppAsync(
        """
        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        var admin = app.MapGroup("/admin").{|#1:RequireSession|}(redirectTo: "/admin/login");
        admin.MapGet("/users", () => "users");
        app.Run();
        """,
        string.Empty,
        Expected("RequireSession() on an endpoint or route group"));

    [Fact]
    public Task RequireSession_on_a_lambda_handler_is_reported() => VerifyAppAsync(
        """
        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        app.MapGet("/orders", [{|#1:RequireSession|}] () => "orders");
        app.Run();
        """,
        string.Empty,
        Expected("[RequireSession] on a lambda"));

    [Fact]
    public Task A_rule_on_a_lambda_handler_is_reported_since_only_the_middleware_evaluates_it() => VerifyAppAsync(
        """
        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        app.MapGet("/staff", [{|#1:RequireSession<Prefect>|}] () => "staff");
        app.Run();
        """,
        """
        public sealed class Prefect : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.UserId > 0;
        }
        """,
        Expected("[RequireSession<Prefect>] on a lambda"));

    [Fact]
    public Task PreloadSession_on_a_lambda_is_reported() => VerifyAppAsync(
        """
        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        app.MapGet("/", [{|#1:PreloadSession|}, AllowAnonymous] () => "home");
        app.Run();
        """,
        string.Empty,
        Expected("[PreloadSession] on a lambda"));

    [Fact]
    public Task RequireSession_on_a_method_group_handler_and_a_local_function_is_reported() => VerifyAppAsync(
        """
        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        app.MapGet("/orders", Handlers.Orders);
        app.MapGet("/invoices", Invoices);
        app.Run();

        [{|#2:RequireSession|}]
        static string Invoices() => "invoices";
        """,
        """
        public static class Handlers
        {
            [{|#1:RequireSession|}]
            public static string Orders() => "orders";
        }
        """,
        Expected("[RequireSession] on Handlers.Orders and 1 more", guardSites: 2));

    [Fact]
    public Task RequireSession_on_a_controller_action_and_on_a_controller_is_reported() => VerifyAppAsync(
        ProgramWithoutMiddleware,
        """
        public class OrdersController : ControllerBase
        {
            [{|#1:RequireSession|}]
            public IActionResult Index() => Ok();
        }

        [{|#2:RequireSession|}]
        public class InvoicesController : ControllerBase
        {
            public IActionResult Index() => Ok();
        }
        """,
        Expected("[RequireSession] on OrdersController.Index and 1 more", guardSites: 2));

    [Fact]
    public Task RequireSession_on_a_component_is_reported() => VerifyAppAsync(
        ProgramWithoutMiddleware,
        """
        [{|#1:RequireSession|}]
        public class Students : Microsoft.AspNetCore.Components.ComponentBase
        {
        }
        """,
        Expected("[RequireSession] on Students"));

    [Fact]
    public Task A_Razor_components_attribute_is_found_in_the_Razor_generators_output() =>
        AnalyzerTest.VerifyProjectAsync<UseSessionAuthAnalyzer>(
            OutputKind.ConsoleApplication,
            [
                ("Program.cs", ProgramWithoutMiddleware),
                ("Other.cs", SessionData),
                ("Components_Pages_Students_razor.g.cs", """
                    namespace Hogwarts.Components.Pages
                    {
                        [global::Microsoft.AspNetCore.Components.RouteAttribute("/students")]
                        [{|#1:global::SessionAuth.RequireSession|}]
                        [{|#2:global::SessionAuth.PreloadSession|}]
                        public partial class Students : global::Microsoft.AspNetCore.Components.ComponentBase
                        {
                        }
                    }
                    """),
            ],
            Expected("[RequireSession] on Students and 1 more", guardSites: 2));

    [Fact]
    public Task Startup_Configure_is_where_it_is_reported_when_there_is_no_Build_call() =>
        AnalyzerTest.VerifyProjectAsync<UseSessionAuthAnalyzer>(
            OutputKind.DynamicallyLinkedLibrary,
            [("Startup.cs", SessionData + """

                public class Startup
                {
                    public void {|#0:Configure|}(IApplicationBuilder app)
                    {
                        app.UseRouting();
                        app.UseEndpoints(endpoints => endpoints.MapGet("/orders", () => "orders").{|#1:RequireSession|}());
                    }
                }
                """)],
            Expected("RequireSession() on an endpoint or route group"));

    [Fact]
    public Task An_app_with_no_Build_call_is_told_at_its_first_guard_site() =>
        AnalyzerTest.VerifyProjectAsync<UseSessionAuthAnalyzer>(
            OutputKind.ConsoleApplication,
            [("Program.cs", SessionData + """

                public static class Program
                {
                    public static void Main()
                    {
                    }

                    public static void Map(IEndpointRouteBuilder endpoints)
                    {
                        endpoints.MapGet("/orders", () => "orders").{|#0:RequireSession|}();
                        endpoints.MapGet("/invoices", () => "invoices").{|#1:RequireSession|}();
                    }
                }
                """)],
            Expected("RequireSession() on an endpoint or route group and 1 more"));

    // Must not fire

    [Fact]
    public Task UseSessionAuth_in_the_top_level_statements_silences_it() => VerifyAppAsync(
        """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseSessionAuth();
        app.MapGet("/orders", [RequireSession] () => "orders");
        app.MapGroup("/admin").RequireSession();
        app.Run();
        """,
        """
        [RequireSession, PreloadSession]
        public class Students : Microsoft.AspNetCore.Components.ComponentBase
        {
        }
        """);

    [Fact]
    public Task UseSessionAuth_in_Startup_Configure_silences_it() =>
        AnalyzerTest.VerifyProjectAsync<UseSessionAuthAnalyzer>(
            OutputKind.DynamicallyLinkedLibrary,
            [("Startup.cs", SessionData + """

                public class Startup
                {
                    public void Configure(IApplicationBuilder app)
                    {
                        app.UseRouting();
                        app.UseSessionAuth();
                        app.UseEndpoints(endpoints => endpoints.MapGet("/orders", () => "orders").RequireSession());
                    }
                }
                """)]);

    [Fact]
    public Task UseSessionAuth_in_the_apps_own_extension_method_silences_it() => VerifyAppAsync(
        """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseShopPipeline();
        app.MapGet("/orders", () => "orders").RequireSession();
        app.Run();
        """,
        """
        public static class ShopPipeline
        {
            public static IApplicationBuilder UseShopPipeline(this IApplicationBuilder app) =>
                app.UseRouting().UseAuthentication().UseSessionAuth();
        }
        """);

    [Fact]
    public Task Server_functions_guard_themselves_whether_the_attribute_is_on_the_method_the_class_or_the_assembly() =>
        AnalyzerTest.VerifyProjectAsync<UseSessionAuthAnalyzer>(
            OutputKind.ConsoleApplication,
            [
                ("Program.cs", ProgramWithoutMiddleware.Replace("{|#0:builder.Build()|}", "builder.Build()", StringComparison.Ordinal)),
                ("AssemblyInfo.cs", "[assembly: RequireSession, PreloadSession]"),
                ("Functions.cs", SessionData + """

                    public static class Orders
                    {
                        [ServerFunction, RequireSession, PreloadSession]
                        public static int Count() => 1;
                    }

                    [RequireSession, PreloadSession]
                    public static class Admin
                    {
                        [ServerFunction]
                        public static int Users() => 1;

                        [RequireSession]
                        public static class Reports
                        {
                            [ServerFunction]
                            public static int Daily() => 1;
                        }
                    }
                    """),
            ]);

    /// <summary>
    /// A base class passes its attributes on to the server function classes derived from it, and a method to the server
    /// functions that override it: those guard themselves. A base class a controller also derives from is a guard site.
    /// </summary>
    [Fact]
    public Task Attributes_only_server_functions_inherit_need_no_middleware_but_a_base_a_controller_shares_does() => VerifyAppAsync(
        ProgramWithoutMiddleware,
        """
        [RequireSession, PreloadSession]
        public abstract class SecureFunctions
        {
            [RequireSession]
            public virtual int Count() => 0;
        }

        public sealed class Orders : SecureFunctions
        {
            [ServerFunction]
            public override int Count() => 1;

            [ServerFunction]
            public static int Sum() => 2;
        }

        [{|#1:RequireSession|}]
        public abstract class Shared
        {
        }

        public sealed class Functions : Shared
        {
            [ServerFunction]
            public static int Total() => 3;
        }

        public sealed class ReportsController : Shared
        {
            public string Index() => "reports";
        }
        """,
        Expected("[RequireSession] on Shared"));

    [Fact]
    public Task A_project_that_guards_nothing_through_metadata_is_not_reported() => VerifyAppAsync(
        """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/orders", [Authorize] () => "orders");
        app.MapGroup("/admin").RequireAuthorization();
        app.Run();
        """,
        """
        [Authorize]
        public class OrdersController : ControllerBase
        {
            public IActionResult Index() => Ok();
        }
        """);

    [Fact]
    public Task A_library_without_a_host_is_not_reported_because_the_app_that_maps_its_endpoints_is_elsewhere() =>
        AnalyzerTest.VerifyProjectAsync<UseSessionAuthAnalyzer>(
            OutputKind.DynamicallyLinkedLibrary,
            [("Endpoints.cs", SessionData + """

                public static class OrderEndpoints
                {
                    public static void MapOrders(this IEndpointRouteBuilder endpoints) =>
                        endpoints.MapGet("/orders", () => "orders").RequireSession();
                }

                [RequireSession]
                public class InvoicesController : ControllerBase
                {
                    public IActionResult Index() => Ok();
                }
                """)]);
}
