using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SessionAuth.Corpus.Tests;

/// <summary>
/// A project may set an older <c>LangVersion</c> than the SDK's default; the corpus compiles every shape with the latest
/// only. Generated code compiles at every language version from C# 9 (the README's "Language versions" table, row by
/// row here); below it each function is refused by a SAUTH0003 that names it and the version it needs, and nothing
/// generated breaks the build.
/// </summary>
public sealed class LanguageVersionTests
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

    /// <summary>Every row of the README's table from C# 9 on: server functions, session data, the session rules of C# 11.</summary>
    [Theory]
    [MemberData(nameof(ShapesAtOlderLanguageVersions))]
    public void Generated_code_compiles_at_an_older_language_version_or_each_function_is_refused_by_name(LanguageVersion version, string shape)
    {
        var verdict = ShapeCompiler.Check(shape, prelude: false, languageVersion: version);

        Assert.True(verdict.Problems.Count == 0, $"LangVersion {version.ToDisplayString()}:\n  - " + string.Join("\n  - ", verdict.Problems));
    }

    /// <summary>Session rules are static abstract interface members, which the project's own code can write from C# 11.</summary>
    [Fact]
    public void A_session_rule_compiles_at_CSharp_11()
    {
        var verdict = ShapeCompiler.Check(
            "namespace Shop { [SessionAuth.SessionData] public sealed class UserSession { public int Id { get; set; } } public sealed class Staff : SessionAuth.ISessionRule<UserSession> { public static bool Allows(UserSession s) => s.Id > 0; } public static class Functions { [SessionAuth.ServerFunction, SessionAuth.RequireSession<Staff>] public static int Call(UserSession user, int id) => id; } }",
            prelude: false,
            languageVersion: LanguageVersion.CSharp11);

        Assert.True(verdict.Problems.Count == 0, string.Join("\n  - ", verdict.Problems));
        Assert.Contains(verdict.Functions, static f => f.Name.EndsWith("Call", StringComparison.Ordinal) && f.Mapped);
    }

    /// <summary>Below C# 9 (the last row): no generated endpoint, and a SAUTH0003 per function naming it and the version it needs.</summary>
    [Theory]
    [InlineData(LanguageVersion.CSharp8, "8.0")]
    [InlineData(LanguageVersion.CSharp7_3, "7.3")]
    public void Below_CSharp_9_each_function_is_refused_by_name_with_the_language_version_it_needs(LanguageVersion version, string written)
    {
        var verdict = ShapeCompiler.Check(
            "namespace Shop { [SessionAuth.SessionData] public sealed class UserSession { public int Id { get; } } public static class Functions { [SessionAuth.ServerFunction, Microsoft.AspNetCore.Authorization.AllowAnonymous] public static int Call(int id) => id; [SessionAuth.ServerFunction, SessionAuth.RequireSession] public static int Other(UserSession user) => user.Id; } }",
            prelude: false,
            languageVersion: version,
            nullable: version < LanguageVersion.CSharp8 ? NullableContextOptions.Disable : NullableContextOptions.Enable);

        Assert.True(verdict.Problems.Count == 0, string.Join("\n  - ", verdict.Problems));
        Assert.All(verdict.Functions, static f => Assert.False(f.Mapped, f.Name + " is mapped"));
        Assert.Equal(2, verdict.Refusals.Count);
        foreach (var name in new[] { "Functions.Call", "Functions.Other" })
        {
            var refusal = Assert.Single(verdict.Refusals, r => r.Contains(name, StringComparison.Ordinal));
            Assert.Contains($"compiles at C# {written} (LangVersion) and the generated endpoint needs C# 9.0 or later", refusal, StringComparison.Ordinal);
        }
    }
}
