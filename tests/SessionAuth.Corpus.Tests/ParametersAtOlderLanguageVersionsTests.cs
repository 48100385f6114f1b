using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Testing;
using Xunit.Abstractions;

namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Every parameter of the corpus, on GET and POST, at C# 9, 10 and 11 (the corpus compiles at the latest only, and
/// <see cref="LanguageVersionTests"/> tries five shapes): generated code uses nothing the project's version lacks. The
/// prelude is written without records structs, collection expressions or static abstract members; a parameter its
/// version cannot declare is skipped and said in the output.
/// </summary>
public sealed class ParametersAtOlderLanguageVersionsTests(ITestOutputHelper output)
{
    private static readonly string Usings = WebSdkUsings.GlobalUsings.Replace("global using", "using", StringComparison.Ordinal) + """

        using SessionAuth;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Corpus.Prelude;

        """;

    private const string Prelude = """
        namespace Corpus.Prelude
        {
            [SessionData] public sealed record UserSession(int UserId, string Name);
            public enum Color { Red, Green, Blue }
            [System.Flags] public enum Access { None = 0, Read = 1, Write = 2, All = Read | Write }
            public enum Keywords { @class, @int, @default, @event }
            public sealed record Order(int Id, string Name);
            public sealed class Basket { public List<int> Items { get; set; } = new List<int>(); }
            public interface IClock { DateTimeOffset Now { get; } }
            public abstract class Repository { }
            public sealed class Catalog { }
            public readonly struct Point { public Point(int x, int y) { X = x; Y = y; } public int X { get; } public int Y { get; } }
            public static class Holder { public static int Value; }
            public sealed class Filter { [FromQuery] public int Take { get; set; } = 20; public string? Term { get; set; } [FromHeader(Name = "X-Tenant")] public string? Tenant { get; set; } public CancellationToken Aborted { get; set; } }
            public sealed record Contact(int Id, string? Name, Color Shade, DateOnly? Day = null);
            public sealed record Nested([AsParameters] Filter Inner);
            public sealed class WithSession { public UserSession? User { get; set; } }
            public sealed class Retiring { [System.Obsolete("old")] public int Take { get; set; } public Color Shade { get; set; } }
            public sealed class Ambiguous { public Ambiguous() { } public Ambiguous(int take) { Take = take; } public int Take { get; set; } }
            public readonly struct Sku { public Sku(string code) { Code = code; } public string Code { get; } public static bool TryParse(string? text, out Sku sku) { sku = new Sku(text ?? ""); return !string.IsNullOrEmpty(text); } }
            public sealed class Cart { public static ValueTask<Cart?> BindAsync(HttpContext context) => ValueTask.FromResult<Cart?>(new Cart()); }
            public sealed class Plain { public static ValueTask<Plain> BindAsync(HttpContext context) => ValueTask.FromResult(new Plain()); }
            public sealed class Tenant { public static ValueTask<Tenant?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => ValueTask.FromResult<Tenant?>(new Tenant()); }
            public sealed class Caller { public static ValueTask<Caller?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => ValueTask.FromResult<Caller?>(new Caller()); }
            public readonly struct Region { public static ValueTask<Region> BindAsync(HttpContext context) => ValueTask.FromResult(new Region()); }
            public readonly struct Zone { public static ValueTask<Zone?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => ValueTask.FromResult<Zone?>(new Zone()); }
            public sealed class WithCart { public Cart? Cart { get; set; } public int Take { get; set; } }
            public sealed class WithTenant { public Tenant? Tenant { get; set; } }
        }

        """;

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

    [Theory]
    [MemberData(nameof(Batches))]
    public void Every_parameter_compiles_cleanly_at_an_older_language_version(LanguageVersion version, int batch)
    {
        var parameters = Corpus.Parameters.Skip(batch * 40).Take(40).ToList();
        var failures = new List<string>();
        var classes = string.Concat(parameters.Select((parameter, i) =>
            $"public static class F{i} {{ [ServerFunction(\"/g{i}\", Method = \"GET\"), AllowAnonymous] public static int G({parameter}) => 0; [ServerFunction(\"/p{i}\", Method = \"POST\"), AllowAnonymous] public static int P({parameter}) => 0; }}\n"));
        var verdict = ShapeCompiler.Check(Usings + Prelude + classes, prelude: false, languageVersion: version);
        if (verdict.Problems.Count > 0)
        {
            // Shape by shape, to name the parameter.
            foreach (var parameter in parameters)
            {
                var one = ShapeCompiler.Check(Usings + Prelude + $"public static class F {{ [ServerFunction(\"/g\", Method = \"GET\"), AllowAnonymous] public static int G({parameter}) => 0; [ServerFunction(\"/p\", Method = \"POST\"), AllowAnonymous] public static int P({parameter}) => 0; }}", prelude: false, languageVersion: version);
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
