using System.Text.RegularExpressions;
using CsCheck;

namespace SessionAuth.Corpus.Tests;

/// <summary>
/// New combinations on every run: random server-function signatures (declaring type × guard attributes × verb and
/// route × return × up to five parameters) drawn from the corpus's tables, leaving out the entries KnownFailures lists,
/// so that only combinations of shapes that hold alone are tried. A failure prints CsCheck's seed; run it again with
/// the environment variable <c>CsCheck_Seed</c> set to it.
/// </summary>
public sealed partial class SignatureTests
{
    private const int SignaturesPerCompilation = 25;
    private const int Compilations = 4;

    /// <summary>Declaring types: «m» is the function; the flag says whether it must be static.</summary>
    private static readonly (string Template, bool Static)[] DeclaringTypes =
    [
        ("public static class «type» { «m» }", true),
        ("internal static class «type» { «m» }", true),
        ("public class «type» { «m» }", false),
        ("public sealed record «type»(int X) { «m» }", false),
        ("public struct «type» { «m» }", false),
        ("public class «type» { «m» }", true),
        ("public static class Outer«type» { public static class «type» { «m» } }", true),
        ("namespace N«type».Inner { public static partial class «type» { «m» } }", true),
        ("public partial class «type» { «m» } public partial class «type» { }", false),
    ];

    private static readonly string[] Guards =
    [
        "AllowAnonymous", "RequireSession", "RequireSession(RedirectTo = \"/in\")", "PreloadSession, AllowAnonymous",
        "Authorize", "AllowAnonymous, Authorize(Roles = \"r\")", "PreloadSession, RequireSession",
    ];

    private static readonly string[] Verbs = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    private static readonly Regex ParameterName = new(@"\bp\b(?=( = .*)?$)", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\bp[0-9]+ = ", RegexOptions.CultureInvariant)]
    private static partial Regex HasDefault();

    private static bool Holds(string id) => !KnownFailures.Shapes.ContainsKey(id);

    private static readonly string[] Parameters = Corpus.Parameters
        .Where(p => Holds($"parameter GET: {p}") && Holds($"parameter POST: {p}"))
        .ToArray();

    private static readonly string[] Returns = Corpus.Returns.Where(r => Holds("return: " + r)).ToArray();

    private static readonly Gen<string> Signature =
        from type in Gen.OneOf(DeclaringTypes.Select(Gen.Const).ToArray())
        from guard in Gen.OneOf(Guards.Select(Gen.Const).ToArray())
        from verb in Gen.OneOf(Verbs.Select(Gen.Const).ToArray())
        from ownRoute in Gen.Bool
        from returns in Gen.OneOf(Returns.Select(Gen.Const).ToArray())
        from parameters in Gen.OneOf(Parameters.Select(Gen.Const).ToArray()).Array[0, 5]
        select Declare(type, guard, verb, ownRoute, returns, parameters);

    private static string Declare((string Template, bool Static) type, string guard, string verb, bool ownRoute, string returns, string[] parameters)
    {
        // Parameters with a default value go last, as C# requires.
        var named = parameters
            .Select((p, i) => ParameterName.Replace(p, "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 1))
            .OrderBy(p => HasDefault().IsMatch(p))
            .ToList();
        var route = ownRoute ? $"\"/random/{Shape.TypeToken}\", " : string.Empty;
        var call = returns.IndexOf("Call()", StringComparison.Ordinal);
        var method = $"[ServerFunction({route}Method = \"{verb}\"), {guard}] public {(type.Static ? "static " : string.Empty)}"
            + $"{returns[..call]}Call({string.Join(", ", named)}){returns[(call + "Call()".Length)..]}";
        return type.Template.Replace("«m»", method, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_signatures_from_the_corpus_tables_are_mapped_or_refused_and_compile_cleanly() =>
        Signature.Array[SignaturesPerCompilation].Sample(
            signatures =>
            {
                var source = CorpusTests.Batch(signatures);
                var verdict = ShapeCompiler.Check(source);
                Assert.True(verdict.Problems.Count == 0, $"{string.Join("\n", verdict.Problems)}\nin:\n{source}");
                Assert.Equal(signatures.Length, verdict.Functions.Count);
            },
            iter: Compilations,
            threads: 1,
            print: signatures => CorpusTests.Batch(signatures));
}
