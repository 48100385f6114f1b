using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

public sealed class Review21eProbe2Tests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    private static Task VerifyFilesAsync(string[] defined, params (string, string)[] files)
    {
        var test = new CSharpAnalyzerTest<EndpointGuardAnalyzer, DefaultVerifier>();
        foreach (var (path, source) in files)
        {
            var lines = source.Split('\n');
            var directives = lines.TakeWhile(l => l.StartsWith('#')).ToArray();
            test.TestState.Sources.Add((path, string.Join('\n', directives) + (directives.Length > 0 ? "\n" : string.Empty) + AnalyzerTest.Usings + string.Join('\n', lines.Skip(directives.Length))));
        }
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        AnalyzerTest.Configure(test.TestState, test);
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithPreprocessorSymbols(defined)));
        test.TestState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    [Fact]
    public Task ReassignedThenReturned() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGroup("/orders").MapOrders().RequireAuthorization();
        app.Run();
        static class OrderEndpoints
        {
            public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group)
            {
                group.MapGet("/", () {|SAUTH0001:=>|} "orders");
                group = group.MapGroup("/v2");
                return group;
            }
        }
        """);

    [Fact]
    public Task GenericHelper() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGroup("/orders").MapOrders().RequireAuthorization();
        app.Run();
        static class OrderEndpoints
        {
            public static T MapOrders<T>(this T group) where T : IEndpointRouteBuilder, IEndpointConventionBuilder
            {
                group.MapGet("/", () => "orders");
                return group;
            }
        }
        """);

    [Fact]
    public Task PartialHelperOtherFile() => VerifyFilesAsync([],
        ("Program.cs", """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGroup("/orders").MapOrders().RequireAuthorization();
        app.Run();
        static partial class OrderEndpoints
        {
            public static partial RouteGroupBuilder MapOrders(this RouteGroupBuilder group);
        }
        """),
        ("Orders.cs", """
        static partial class OrderEndpoints
        {
            public static partial RouteGroupBuilder MapOrders(this RouteGroupBuilder group)
            {
                group.MapGet("/", () => "orders");
                return group;
            }
        }
        """));

    [Fact]
    public Task DefineInsideDisabledIf() => VerifyFilesAsync([],
        ("Program.cs", """
        #if NEVER
        #define GUARDS
        #endif
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var group = app.MapGroup("/admin");
        Setup.Secure(group);
        group.MapGet("/x", () {|SAUTH0001:=>|} "open");
        app.Run();
        static class Setup
        {
            [System.Diagnostics.Conditional("GUARDS")]
            public static void Secure(RouteGroupBuilder group) => group.RequireAuthorization();
        }
        """));

    [Fact]
    public Task DefineInOtherFileOnly() => VerifyFilesAsync([],
        ("Program.cs", """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var group = app.MapGroup("/admin");
        Setup.Secure(group);
        group.MapGet("/x", () {|SAUTH0001:=>|} "open");
        app.Run();
        """),
        ("Setup.cs", """
        #define GUARDS
        static class Setup
        {
            [System.Diagnostics.Conditional("GUARDS")]
            public static void Secure(RouteGroupBuilder group) => group.RequireAuthorization();
        }
        """));

    [Fact]
    public Task UndefAtTop() => VerifyFilesAsync(["GUARDS"],
        ("Program.cs", """
        #undef GUARDS
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var group = app.MapGroup("/admin");
        Setup.Secure(group);
        group.MapGet("/x", () {|SAUTH0001:=>|} "open");
        app.Run();
        static class Setup
        {
            [System.Diagnostics.Conditional("GUARDS")]
            public static void Secure(RouteGroupBuilder group) => group.RequireAuthorization();
        }
        """));

    [Fact]
    public Task ConditionalLocalFunction() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                Secure(group);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");

                [System.Diagnostics.Conditional("GUARDS")]
                static void Secure(RouteGroupBuilder g) => g.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task ConditionalOverride() => VerifyAsync("""
        public class Checker { [System.Diagnostics.Conditional("CHECKS")] public virtual void Check(object o) { } }
        public sealed class StrictChecker : Checker { public override void Check(object o) { } }
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                new StrictChecker().Check(group.RequireAuthorization());
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task ConditionalConstName() => VerifyAsync("""
        public static class Symbols { public const string Guards = "GU" + "ARDS"; }
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                Secure(group);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
            [System.Diagnostics.Conditional(Symbols.Guards)]
            private static void Secure(RouteGroupBuilder g) => g.RequireAuthorization();
        }
        """);

    [Fact]
    public Task FilterOnOtherOptions() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var detached = new MvcOptions();
        detached.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter());
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task FilterInUncalledLambda() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        Action<MvcOptions> secure = o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter());
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task FilterViaExtension() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddApi();
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        static class ApiSetup
        {
            public static IServiceCollection AddApi(this IServiceCollection services)
            {
                services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));
                return services;
            }
        }

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string List() => "orders";
        }
        """);

    [Fact]
    public Task ConditionalMapsItself() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                MapDev(app.MapGroup("/dev"));
            }
            [System.Diagnostics.Conditional("DEV")]
            private static void MapDev(RouteGroupBuilder g) => g.MapGet("/x", () => "dev");
        }
        """);
}
