using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

public sealed class Review21hProbeTests
{
    private const string Ext = """
        static class GuardExt
        {
            public static TBuilder RequireAdmin<TBuilder>(this TBuilder b) where TBuilder : IEndpointConventionBuilder => b.RequireAuthorization("admin");

            extension<TBuilder>(TBuilder b) where TBuilder : IEndpointConventionBuilder
            {
                public TBuilder Secure() { b.RequireAuthorization(); return b; }
            }

            extension(IEndpointRouteBuilder r)
            {
                public RouteGroupBuilder SecureApi => r.MapGroup("/secure").RequireAuthorization();
                public RouteGroupBuilder OpenApi => r.MapGroup("/open");
                public static RouteGroupBuilder MakeSecure(IEndpointRouteBuilder a) => a.MapGroup("/s2").RequireAuthorization();
                public static RouteGroupBuilder MakeOpen(IEndpointRouteBuilder a) => a.MapGroup("/o2");
            }

            extension(RouteGroupBuilder g)
            {
                public RouteGroupBuilder Secured { get { g.RequireAuthorization(); return g; } }
                public RouteGroupBuilder Orders => g.MapGroup("/orders");
                public RouteGroupBuilder Wrong { get { g.MapGroup("/x").RequireAuthorization(); return g; } }
                public RouteGroupBuilder MapOrders() { g.MapGet("/o", () => "o"); return g; }
            }
        }
        """;

    private static Task VerifyAsync(string program) => AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication,
    [
        ("Program.cs", "using Microsoft.Extensions.Hosting;\n" + $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization();
            var app = builder.Build();
            {{program}}
            app.Run();

            {{Ext}}
            """),
    ]);

    [Theory]
    [InlineData("X1 classic generic TBuilder guard helper on MapGet", "app.MapGet(\"/x\", () => \"x\").RequireAdmin();")]
    [InlineData("X2 classic generic TBuilder guard helper on a group", "var g = app.MapGroup(\"/g\").RequireAdmin(); g.MapGet(\"/x\", () => \"x\");")]
    [InlineData("X3 extension-block generic guard helper", "app.MapGet(\"/x\", () => \"x\").Secure();")]
    [InlineData("X3b extension-block generic guard helper on a group", "var g = app.MapGroup(\"/g\"); g.Secure(); g.MapGet(\"/x\", () => \"x\");")]
    [InlineData("X4 extension property returning a guarded group", "app.SecureApi.MapGet(\"/x\", () => \"x\");")]
    [InlineData("X5 extension-block static member returning a guarded group", "IEndpointRouteBuilder.MakeSecure(app).MapGet(\"/x\", () => \"x\");")]
    [InlineData("X6 extension property getter guarding its receiver", "app.MapGroup(\"/a\").Secured.MapGet(\"/x\", () => \"x\");")]
    [InlineData("X7 extension properties chained", "app.SecureApi.Orders.MapGet(\"/x\", () => \"x\");")]
    [InlineData("X10 guarded group then extension-block mapper", "app.MapGroup(\"/api\").RequireAuthorization().MapOrders();")]
    [InlineData("Y1 extension property returning an open group", "app.OpenApi.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("Y2 extension-block static member returning an open group", "IEndpointRouteBuilder.MakeOpen(app).MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("Y4 extension property guarding another group", "app.MapGroup(\"/a\").Wrong.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\");")]
    public Task Probe(string shape, string program)
    {
        _ = shape;
        return VerifyAsync(program);
    }
}
