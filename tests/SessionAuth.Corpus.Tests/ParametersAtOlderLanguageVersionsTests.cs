using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Every parameter of the corpus, on GET and POST, at C# 9, 10 and 11 (the corpus compiles at the latest only, and
/// <see cref="LanguageVersionTests"/> tries five shapes): generated code uses nothing the project's version lacks. The
/// prelude is the corpus's own, in the forms the version can write (<see cref="ShapeCompiler"/>); a parameter its
/// version cannot declare is skipped and said in the output.
/// </summary>
public sealed class ParametersAtOlderLanguageVersionsTests(ITestOutputHelper output)
{
    public static TheoryData<LanguageVersion, int> Batches()
    {
        var data = new TheoryData<LanguageVersion, int>();
        foreach (var version in new[] { LanguageVersion.CSharp9, LanguageVersion.CSharp10, LanguageVersion.CSharp11 })
        {
            for (var batch = 0; batch * 40 < Corpus.Parameters.Length; batch++)
            {
                data.Add(version, batch);
            }
        }

        return data;
    }

    /// <summary>A prelude its version cannot compile would have every parameter skipped, and the table below pass empty.</summary>
    [Theory]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp10)]
    [InlineData(LanguageVersion.CSharp11)]
    public void The_prelude_compiles_at_each_older_language_version(LanguageVersion version)
    {
        var verdict = ShapeCompiler.Check("public static class F { [ServerFunction(\"/p\", Method = \"POST\"), AllowAnonymous] public static int P(Order order, Point point, Sku sku, Caller caller, Basket basket) => 0; }", languageVersion: version);

        Assert.True(verdict.Problems.Count == 0, string.Join("\n", verdict.Problems));
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Every_parameter_compiles_cleanly_at_an_older_language_version(LanguageVersion version, int batch)
    {
        var parameters = Corpus.Parameters.Skip(batch * 40).Take(40).ToList();
        var failures = new List<string>();
        var classes = string.Concat(parameters.Select((parameter, i) =>
            $"public static class F{i} {{ [ServerFunction(\"/g{i}\", Method = \"GET\"), AllowAnonymous] public static int G({parameter}) => 0; [ServerFunction(\"/p{i}\", Method = \"POST\"), AllowAnonymous] public static int P({parameter}) => 0; }}\n"));
        var verdict = ShapeCompiler.Check(classes, languageVersion: version);
        if (verdict.Problems.Count > 0)
        {
            // Shape by shape, to name the parameter.
            foreach (var parameter in parameters)
            {
                var one = ShapeCompiler.Check($"public static class F {{ [ServerFunction(\"/g\", Method = \"GET\"), AllowAnonymous] public static int G({parameter}) => 0; [ServerFunction(\"/p\", Method = \"POST\"), AllowAnonymous] public static int P({parameter}) => 0; }}", languageVersion: version);
                if (one.Problems.Count > 0 && !one.Problems[0].StartsWith("the shape does not compile on its own", StringComparison.Ordinal))
                {
                    failures.Add($"{version} {parameter}: {string.Join(" | ", one.Problems)}");
                }
                else if (one.Problems.Count > 0)
                {
                    output.WriteLine($"skipped (not C# {version}): {parameter}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
