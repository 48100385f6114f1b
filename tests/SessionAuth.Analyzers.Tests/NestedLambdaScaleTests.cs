using System.Text;
using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 on a mapping inside many lambdas nested in one another, reading a captured group: each lambda's graph is
/// analysed once, so the analysis finishes at a depth a build or an IDE meets (it once grew exponentially with the depth:
/// 127 s at depth 12), with the right answer either way.
/// </summary>
public sealed class NestedLambdaScaleTests
{
    [Fact]
    public Task A_mapping_inside_thirty_nested_lambdas_is_analysed() =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", NestedLambdas(30, guarded: true))]);

    [Fact]
    public Task An_open_mapping_inside_thirty_nested_lambdas_is_reported() =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", NestedLambdas(30, guarded: false))]);

    /// <summary>A group (guarded after the lambdas, or not), mapped on inside <paramref name="depth"/> lambdas nested in one another.</summary>
    private static string NestedLambdas(int depth, bool guarded)
    {
        var source = new StringBuilder("var app = WebApplication.Create(args);\nvar group = app.MapGroup(\"/api\");\n");
        for (var i = 0; i < depth; i++)
        {
            source.Append("Action level").Append(i).Append(" = () =>\n{\n");
        }

        source.Append(guarded ? "group.MapGet(\"/x\", () => 1);\n" : "group.MapGet(\"/x\", () {|SAUTH0001:=>|} 1);\n");
        for (var i = 0; i < depth; i++)
        {
            source.Append("};\n");
        }

        return source.Append(guarded ? "group.RequireAuthorization();\napp.Run();\n" : "app.Run();\n").ToString();
    }
}
