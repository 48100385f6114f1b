using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// A server function whose signature names a type of an assembly referenced under an extern alias only
/// (<c>&lt;ProjectReference Aliases="Legacy" /&gt;</c>, the way two assemblies with clashing type names are referenced).
/// Generated code names every type from <c>global::</c>, where that type is not: the function is refused with SAUTH0003
/// naming the alias, and nothing is generated for it, so the build never fails inside a generated file (found by review
/// 22f, when the endpoint, delegate and client files did not compile). With <c>global</c> among its aliases the
/// assembly's types are in the global namespace too, and the function is built.
/// </summary>
public sealed class ExternAliasSignatureTests
{
    [Theory]
    [InlineData("public static Legacy::Shop.Legacy.Thing Get() => new(1);")]
    [InlineData("public static int Put(Legacy::Shop.Legacy.Thing thing) => thing.X;")]
    [InlineData("public static System.Collections.Generic.List<Legacy::Shop.Legacy.Thing> All() => [];")]
    [InlineData("public static int Count(Legacy::Shop.Legacy.Thing[] things) => things.Length;")]
    public async Task A_function_whose_signature_names_a_type_of_an_aliased_reference_builds(string function)
    {
        var app = Compile(function, ["Legacy"]);

        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
        Assert.DoesNotContain("/things", app.Generated, StringComparison.Ordinal);
        var refusal = Assert.Single(await AnalyzeAsync(app.Output), static d => d.Id == "SAUTH0003");
        Assert.Contains("referenced under the extern alias Legacy only", refusal.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_naming_a_type_of_a_reference_aliased_global_too_is_built()
    {
        var app = Compile("public static int Put(Legacy::Shop.Legacy.Thing thing) => thing.X;", ["global", "Legacy"]);

        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
        Assert.Contains("/things", app.Generated, StringComparison.Ordinal);
        Assert.DoesNotContain(await AnalyzeAsync(app.Output), static d => d.Id == "SAUTH0003");
    }

    private static (MetadataReference? Image, List<string> Problems, string Generated, Compilation Output, byte[]? Bytes) Compile(string function, string[] aliases)
    {
        var legacy = FriendAssemblyCompiler.Library("Shop.Legacy", """
            namespace Shop.Legacy
            {
                public sealed record Thing(int X);
            }
            """, []);
        return FriendAssemblyCompiler.Compile("Shop.App", $$"""
            extern alias Legacy;
            namespace Shop.App
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Things
                {
                    [SessionAuth.ServerFunction("/things")] {{function}}
                }
            }
            """, [legacy.WithAliases(aliases)]);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation output) =>
        await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ServerFunctionAnalyzer())).GetAnalyzerDiagnosticsAsync();
}
