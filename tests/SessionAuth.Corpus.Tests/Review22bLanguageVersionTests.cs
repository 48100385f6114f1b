using Microsoft.CodeAnalysis.CSharp;

namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Review 22b: a project may set an older <c>LangVersion</c> than the SDK's default; the corpus compiles every shape with
/// the latest only. Generated code must compile at the language version the user's project compiles at, or the generator
/// must refuse each function with a SAUTH error that names it and says why; never a build broken in generated code.
/// </summary>
public sealed class Review22bLanguageVersionTests
{
    /// <summary>
    /// Shapes written in C# that C# 8 compiles (no records, no file-scoped namespaces, no prelude: the prelude's
    /// collection expressions need C# 12), each a whole file with its own session data type where it needs one.
    /// </summary>
    public static TheoryData<LanguageVersion, string> ShapesAtOlderLanguageVersions()
    {
        var shapes = new[]
        {
            "namespace Shop { public static class Functions { [SessionAuth.ServerFunction, Microsoft.AspNetCore.Authorization.AllowAnonymous] public static int Call(int id) => id; } }",
            "namespace Shop { public static class Functions { [SessionAuth.ServerFunction(Method = \"GET\"), Microsoft.AspNetCore.Authorization.AllowAnonymous] public static string Call(string name = \"x\", int take = 20) => name; } }",
            "namespace Shop { public sealed class Order { public int Id { get; set; } } public static class Functions { [SessionAuth.ServerFunction, Microsoft.AspNetCore.Authorization.AllowAnonymous] public static System.Threading.Tasks.Task<Order> Call(Order order) => System.Threading.Tasks.Task.FromResult(order); } }",
            "namespace Shop { [SessionAuth.SessionData] public sealed class UserSession { public int Id { get; set; } } public static class Functions { [SessionAuth.ServerFunction, SessionAuth.RequireSession] public static int Call(UserSession user, int take = 3) => take; } }",
            "namespace Shop { public class Functions { [SessionAuth.ServerFunction(\"/items/{id}\"), Microsoft.AspNetCore.Authorization.AllowAnonymous] public void Call(int id) { } } }",
        };
        var data = new TheoryData<LanguageVersion, string>();
        foreach (var version in new[] { LanguageVersion.CSharp9, LanguageVersion.CSharp10, LanguageVersion.CSharp11 })
        {
            foreach (var shape in shapes)
            {
                data.Add(version, shape);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShapesAtOlderLanguageVersions))]
    public void Generated_code_compiles_at_an_older_language_version_or_each_function_is_refused_by_name(LanguageVersion version, string shape)
    {
        var verdict = ShapeCompiler.Check(shape, prelude: false, languageVersion: version);

        Assert.True(verdict.Problems.Count == 0, $"LangVersion {version.ToDisplayString()}:\n  - " + string.Join("\n  - ", verdict.Problems));
    }
}
