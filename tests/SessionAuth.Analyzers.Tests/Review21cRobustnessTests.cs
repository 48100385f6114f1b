using System.Text;
using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review 21c finding 12 (time): the endpoint analyzer's time grows exponentially with the depth of lambdas nested
/// around a mapping that reads a captured group. Measured on the shared 2-core machine, analyzer time only: depth 6,
/// 0.09 s; 8, 0.9 s; 9, 5.8 s; 12, 127 s; beyond, a build or IDE that never finishes. This test has the right answer
/// today, slowly (tens of seconds at depth 10); once the growth is fixed it runs in milliseconds.
/// </summary>
public sealed class Review21cRobustnessTests
{
    [Fact]
    public Task A_mapping_inside_thirty_nested_lambdas_is_analysed() =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", NestedLambdas(30))]);

    /// <summary>A guarded group, mapped on inside <paramref name="depth"/> lambdas nested in one another.</summary>
    private static string NestedLambdas(int depth)
    {
        var source = new StringBuilder("var app = WebApplication.Create(args);\nvar group = app.MapGroup(\"/api\");\n");
        for (var i = 0; i < depth; i++)
        {
            source.Append("Action level").Append(i).Append(" = () =>\n{\n");
        }

        source.Append("group.MapGet(\"/x\", () => 1);\n");
        for (var i = 0; i < depth; i++)
        {
            source.Append("};\n");
        }

        return source.Append("group.RequireAuthorization();\napp.Run();\n").ToString();
    }
}
