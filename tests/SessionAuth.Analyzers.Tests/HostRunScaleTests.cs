using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Large guarded programs that make the host-run reading work (many delegate calls of one local, many calls dispatched
/// through an interface with many implementations, many helpers handed the app): each is read without a diagnostic. The
/// time is written to the test output, for reading, never asserted.
/// </summary>
public sealed class HostRunScaleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("delegate local invoked N times", 500)]
    [InlineData("delegate local invoked N times", 1000)]
    [InlineData("delegate local invoked N times", 2000)]
    [InlineData("interface call N times, N implementations", 50)]
    [InlineData("interface call N times, N implementations", 100)]
    [InlineData("interface call N times, N implementations", 250)]
    [InlineData("N helpers handed the app, each calling a hub of all", 500)]
    [InlineData("N helpers handed the app, each calling a hub of all", 1000)]
    [InlineData("N helpers handed the app, each calling a hub of all", 2000)]
    public void A_large_guarded_program_is_read_without_a_diagnostic(string shape, int n)
    {
        var program = Program(shape, n);
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = DeepHelperChainTests.Run(program);
        stopwatch.Stop();
        output.WriteLine($"{shape}, N = {n}: {stopwatch.ElapsedMilliseconds} ms");
        Console.WriteLine($"SCALE {shape}, N = {n}: {stopwatch.ElapsedMilliseconds} ms");
        Assert.Empty(diagnostics);
    }

    private static string Program(string shape, int n)
    {
        var source = new StringBuilder("var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\nvar api = app.MapGroup(\"/api\");\n");
        var types = new StringBuilder();
        switch (shape)
        {
            case "delegate local invoked N times":
                source.Append("Action<RouteGroupBuilder, int> map = (g, i) => g.MapGet(\"/\" + i, () => \"x\").AllowAnonymous();\n");
                for (var i = 0; i < n; i++)
                {
                    source.Append("map(api, ").Append(i).Append(");\n");
                }

                break;
            case "interface call N times, N implementations":
                types.Append("interface IEndpoint { void Map(IEndpointRouteBuilder r); }\nstatic class Slices { public static IEndpoint Get(int i) => i switch { ");
                for (var i = 0; i < n; i++)
                {
                    source.Append("Slices.Get(").Append(i).Append(").Map(api);\n");
                    types.Append(i).Append(" => new S").Append(i).Append("(), ");
                }

                types.Append("_ => new S0() }; }\n");
                for (var i = 0; i < n; i++)
                {
                    types.Append("sealed class S").Append(i).Append(" : IEndpoint { public void Map(IEndpointRouteBuilder r) => r.MapGet(\"/").Append(i).Append("\", () => \"x\"); }\n");
                }

                break;
            default:
                types.Append("static class H {\n public static void Hub(WebApplication a, int d) { if (d > 0) return;");
                for (var i = 0; i < n; i++)
                {
                    types.Append(" M").Append(i).Append("(a, d + 1);");
                }

                types.Append(" }\n");
                for (var i = 0; i < n; i++)
                {
                    source.Append("H.M").Append(i).Append("(app, 0);\n");
                    types.Append(" public static void M").Append(i).Append("(WebApplication a, int d) { a.MapGet(\"/m").Append(i).Append("\", () => \"x\").AllowAnonymous(); Hub(a, d); }\n");
                }

                types.Append("}\n");
                break;
        }

        source.Append("api.RequireAuthorization();\napp.Run();\n").Append(types);
        return source.ToString();
    }
}
