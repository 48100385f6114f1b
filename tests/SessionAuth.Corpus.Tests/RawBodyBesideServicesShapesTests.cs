using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Several parameters a service or the whole JSON body may bind beside a <c>Stream</c> or <c>PipeReader</c> (decided at
/// start-up by ParameterBinding.BodyAmongServices): names, declaring types, nullability and language versions around
/// them compile with the generator cleanly, and every function is mapped or refused by name.
/// </summary>
public sealed class RawBodyBesideServicesShapesTests
{
    public static TheoryData<string> Shapes() => new()
    {
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b, Basket c) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order @class, Catalog @event) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order services, Catalog context) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order steps, Catalog function, Basket parameters) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(System.IO.Pipelines.PipeReader body, Order? a, Catalog? b, HttpContext http, CancellationToken token) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Order b) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Point a, Point? b) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, object a, object? b) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, IClock a, Repository b) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, IEnumerable<int> a, List<string> b, int[] c, Dictionary<string, int> d) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, (int A, string B) a, (int, int) b) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order? a = null, Catalog? b = null) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, [FromServices] Order a, Catalog b, Basket c) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b, [FromQuery] int take = 5, [FromHeader(Name = \"X-A\")] string? h = null) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b, Session<UserSession> session, UserSession user) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, System.Text.Json.JsonElement a, System.Text.Json.Nodes.JsonNode? b) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static async Task<int> Call(Stream body, Order a, Catalog b, CancellationToken token) { await Task.Yield(); return 0; } }",
        "public static partial class Functions { [ServerFunction, AllowAnonymous] public static partial int Call(Stream body, Order a, Catalog b); public static partial int Call(Stream body, Order a, Catalog b) => 0; }",
        "public static class Outer { public static class Inner { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b) => 0; } }",
        "public static class Functions { [ServerFunction(\"/a/{id}\"), AllowAnonymous] public static int Call(int id, Stream body, Order a, Catalog b) => id; [ServerFunction(\"/b/{id}\"), AllowAnonymous] public static int Call(long id, Stream body, Order a, Catalog b) => 0; }",
        "public sealed class Functions { [ServerFunction, AllowAnonymous] public int Call(Stream body, Order a, Catalog b) => 0; }",
        "public sealed record Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b) => 0; }",
        "public readonly struct Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b) => 0; }",
        "public static class Functions { extension(Order order) { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b) => 0; } }",
        "public sealed class ParameterBinding { } public sealed class ServerFunctionSteps { } public sealed class InvalidOperationException { } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b) => 0; }",
        "namespace SessionAuth.Infrastructure.Mine { public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b) => 0; } }",
        "namespace System { public sealed class ValueTuple { } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous, System.Obsolete(\"old\")] public static int Call(Stream body, Order a, Catalog b) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"PUT\"), AllowAnonymous] public static int Call(Stream body, Order a, Catalog b) => 0; [ServerFunction(Method = \"PATCH\"), AllowAnonymous] public static int Patch(Stream body, Order a, Catalog b) => 0; [ServerFunction(Method = \"DELETE\"), AllowAnonymous] public static int Delete(Stream body, Order a, Catalog b) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Stream body, Order a, Catalog b) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b, [FromForm] string name) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b, IFormFile file) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b, [FromBody] Basket c) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, PipeReaderHolder a, Catalog b) => 0; } public sealed class PipeReaderHolder { }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b, [FromKeyedServices(\"k\")] IClock clock) => 0; }",
        "public static class Functions<T> { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Cart a, Catalog b, Order c) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Stream other, Order a, Catalog b) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, System.IO.Pipelines.PipeReader other, Order a, Catalog b) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static Order? Call(Stream body, Order? a, Catalog b) => a; }",
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Compiles_cleanly_and_is_mapped_or_refused_by_name(string shape)
    {
        foreach (var nullable in new[] { NullableContextOptions.Enable, NullableContextOptions.Disable })
        {
            var verdict = ShapeCompiler.Check(shape, nullable: nullable);
            Assert.True(verdict.Problems.Count == 0, $"{nullable}:\n  - " + string.Join("\n  - ", verdict.Problems));
        }
    }

    /// <summary>Several such parameters in a project at C# 9 to 13, nullable annotations enabled or not.</summary>
    [Theory]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp10)]
    [InlineData(LanguageVersion.CSharp11)]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.CSharp13)]
    public void Compiles_cleanly_at_older_language_versions(LanguageVersion version)
    {
        const string shape = "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream body, Order a, Catalog b, Basket c) => 0; [ServerFunction(\"/pipe\"), AllowAnonymous] public static int Pipe(System.IO.Pipelines.PipeReader body, Order @class, Catalog services) => 0; }";
        foreach (var nullable in new[] { NullableContextOptions.Enable, NullableContextOptions.Disable })
        {
            var verdict = ShapeCompiler.Check(shape, languageVersion: version, nullable: nullable);
            Assert.True(verdict.Problems.Count == 0, $"{version}, {nullable}:\n  - " + string.Join("\n  - ", verdict.Problems));
            Assert.True(verdict.Functions.All(f => f.Mapped), string.Join("; ", verdict.Refusals));
        }
    }

    /// <summary><c>params</c> parameters (arrays, and C# 13 params collections) on verbs with and without a body.</summary>
    public static TheoryData<string, string> ParamsParameters() => new()
    {
        { "GET", "params int[] p" }, { "POST", "params int[] p" }, { "GET", "params string[] p" }, { "POST", "params Order[] p" },
        { "POST", "params List<int> p" }, { "GET", "params List<int> p" }, { "POST", "params IEnumerable<int> p" }, { "POST", "params ReadOnlySpan<int> p" },
        { "GET", "params ReadOnlySpan<string> p" }, { "POST", "params IReadOnlyList<string> p" }, { "GET", "params Color[] p" }, { "POST", "int id, params int?[] p" },
        { "GET", "[FromHeader(Name = \"X-P\")] params string[] p" }, { "POST", "[FromForm] params int[] p" }, { "GET", "[FromQuery] params Uri[] p" },
        { "POST", "params System.Collections.Immutable.ImmutableArray<int> p" }, { "POST", "Stream body, params int[] p" },
    };

    [Theory]
    [MemberData(nameof(ParamsParameters))]
    public void A_params_parameter_compiles_cleanly_and_is_mapped_or_refused_by_name(string verb, string parameter)
    {
        var verdict = ShapeCompiler.Check($"public static class Functions {{ [ServerFunction(Method = \"{verb}\"), AllowAnonymous] public static int Call({parameter}) => 0; }}");
        Assert.True(verdict.Problems.Count == 0, $"{verb} {parameter}:\n  - " + string.Join("\n  - ", verdict.Problems));
    }
}
