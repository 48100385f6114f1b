using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

public sealed class HeldStartupAndScaleShapesTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    [Fact]
    public Task Q01_vertical_slice_IEndpointRouteBuilder_parameter_from_services() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var api = app.MapGroup("/api").RequireAuthorization();
        foreach (var endpoint in app.Services.GetServices<IEndpoint>())
        {
            endpoint.MapEndpoint(api);
        }
        app.Run();

        public interface IEndpoint { void MapEndpoint(IEndpointRouteBuilder app); }
        public sealed class ListOrders : IEndpoint
        {
            public void MapEndpoint(IEndpointRouteBuilder app) => app.MapGet("/orders", () => "orders");
        }
        """);

    [Fact]
    public Task Q04_group_chain_with_tags_and_filters_then_nested_guarded_parent() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").WithTags("api").AddEndpointFilter((ctx, next) => next(ctx));
                var orders = api.MapGroup("/orders").WithName("orders");
                orders.MapGet("/", () => "guarded").WithName("list").Produces(200);
                api.RequireAuthorization("admin");
            }
        }
        """);

    [Fact]
    public Task Q05_fallback_policy_through_AddOptions_PostConfigure_counts() => VerifyAppAsync("""
        using Microsoft.AspNetCore.Authorization;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization();
        builder.Services.AddOptions<AuthorizationOptions>().PostConfigure(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/orders", () => "orders");
        app.Run();
        """);

    [Fact]
    public Task Q06_fallback_reset_by_AddOptions_PostConfigure_null() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        builder.Services.AddOptions<AuthorizationOptions>().PostConfigure(o => o.FallbackPolicy = null);
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task Q07_fallback_reset_by_a_ConfigureAll() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        builder.Services.ConfigureAll<AuthorizationOptions>(o => o.FallbackPolicy = null);
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task Q08_fallback_reset_by_PostConfigureAll() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        builder.Services.PostConfigureAll<AuthorizationOptions>(o => o.FallbackPolicy = null);
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task Q09_fallback_reset_by_an_options_class_registered_with_ConfigureOptions() => VerifyAppAsync("""
        using Microsoft.Extensions.Options;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        builder.Services.ConfigureOptions<OpenUp>();
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        sealed class OpenUp : IConfigureOptions<AuthorizationOptions>
        {
            public void Configure(AuthorizationOptions options) => options.FallbackPolicy = null;
        }
        """);

    [Fact]
    public Task Q10_fallback_reset_through_a_captured_options_object_by_a_method_call() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o =>
        {
            o.FallbackPolicy = o.DefaultPolicy;
            Clear(o);
        });
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        static void Clear(AuthorizationOptions options) => options.FallbackPolicy = null;
        """);

    [Fact]
    public Task Q11_wide_diamond_of_helpers_passing_a_guarded_group() => VerifyAsync(Diamond(40));

    [Fact]
    public Task Q12_huge_method_reassigning_one_local_many_times() => VerifyAsync(HugeMethod(1500));

    [Fact]
    public Task Q14_huge_switch_assigning_the_group() => VerifyAsync(HugeSwitch(600));

    [Fact]
    public Task Q17_app_vertical_slice_from_array() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var group = app.MapGroup("/api").RequireAuthorization();
        IEndpoint[] endpoints = [new GetOrders()];
        foreach (var endpoint in endpoints) endpoint.MapEndpoint(group);
        app.Run();

        interface IEndpoint { void MapEndpoint(RouteGroupBuilder group); }
        sealed class GetOrders : IEndpoint
        {
            public void MapEndpoint(RouteGroupBuilder group) => group.MapGet("/orders", () => "guarded");
        }
        """);

    private static string Diamond(int n)
    {
        var s = new StringBuilder("public static class Endpoints\n{\n");
        s.Append("    public static void Map(WebApplication app) => M0(app.MapGroup(\"/api\").RequireAuthorization());\n");
        for (var i = 0; i < n; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"    private static void M{i}(RouteGroupBuilder g) {{ M{i + 1}(g.MapGroup(\"/a{i}\")); M{i + 2}(g.MapGroup(\"/b{i}\")); }}\n");
        }
        s.Append(CultureInfo.InvariantCulture, $"    private static void M{n}(RouteGroupBuilder g) => g.MapGet(\"/x\", () => \"guarded\");\n");
        s.Append(CultureInfo.InvariantCulture, $"    private static void M{n + 1}(RouteGroupBuilder g) => g.MapGet(\"/y\", () => \"guarded\");\n");
        s.Append("}\n");
        return s.ToString();
    }

    private static string HugeMethod(int n)
    {
        var s = new StringBuilder("public static class Endpoints\n{\n    public static void Map(WebApplication app, int k)\n    {\n");
        s.Append("        var g = app.MapGroup(\"/g\");\n");
        for (var i = 0; i < n; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"        g = app.MapGroup(\"/g{i}\");\n");
            s.Append(CultureInfo.InvariantCulture, $"        if (k == {i}) g.MapGet(\"/e{i}\", () => \"guarded\");\n");
            s.Append("        g.RequireAuthorization();\n");
        }
        s.Append("    }\n}\n");
        return s.ToString();
    }

    private static string DeepIfs(int n)
    {
        var s = new StringBuilder("public static class Endpoints\n{\n    public static void Map(WebApplication app, int k)\n    {\n");
        s.Append("        var g = app.MapGroup(\"/g\");\n");
        for (var i = 0; i < n; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"        if (k > {i}) {{ g = g.MapGroup(\"/n{i}\"); g.MapGet(\"/e{i}\", () => \"guarded\");\n");
        }
        for (var i = 0; i < n; i++)
        {
            s.Append("        } else { g.MapGet(\"/z\", () => \"guarded\"); }\n");
        }
        s.Append("        g.RequireAuthorization();\n    }\n}\n");
        return s.ToString();
    }

    private static string HugeSwitch(int n)
    {
        var s = new StringBuilder("public static class Endpoints\n{\n    public static void Map(WebApplication app, int k)\n    {\n");
        s.Append("        RouteGroupBuilder g;\n        switch (k)\n        {\n");
        for (var i = 0; i < n; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"            case {i}: g = app.MapGroup(\"/c{i}\"); g.MapGet(\"/e{i}\", () => \"guarded\"); break;\n");
        }
        s.Append("            default: g = app.MapGroup(\"/d\"); break;\n        }\n");
        s.Append("        g.RequireAuthorization();\n    }\n}\n");
        return s.ToString();
    }

    private static string MutualRecursion(int n)
    {
        var s = new StringBuilder("public static class Endpoints\n{\n");
        s.Append("    public static void Map(WebApplication app) => R0(app.MapGroup(\"/api\").RequireAuthorization(), 5);\n");
        for (var i = 0; i < n; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"    private static void R{i}(RouteGroupBuilder g, int d) {{ if (d == 0) return; g.MapGet(\"/r{i}\", () => \"guarded\");");
            for (var j = 0; j < n; j += 7)
            {
                s.Append(CultureInfo.InvariantCulture, $" R{(i + j + 1) % n}(g.MapGroup(\"/x\"), d - 1);");
            }
            s.Append(" }\n");
        }
        s.Append("}\n");
        return s.ToString();
    }
}
