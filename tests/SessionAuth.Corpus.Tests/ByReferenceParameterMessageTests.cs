namespace SessionAuth.Corpus.Tests;

/// <summary>
/// SAUTH0003's message names a by-reference parameter's modifier as C# writes it (issue 22, "Clear messages"):
/// <c>ref readonly</c>, never the lower-cased name of Roslyn's <c>RefKind</c> member ("refreadonlyparameter").
/// </summary>
public sealed class ByReferenceParameterMessageTests
{
    [Theory]
    [InlineData("ref readonly int id", "(ref readonly)")]
    [InlineData("ref int id", "(ref)")]
    [InlineData("in int id", "(in)")]
    [InlineData("out int id", "(out)")]
    public void A_by_reference_parameter_is_refused_naming_its_modifier_as_written(string parameter, string modifier)
    {
        var body = parameter.StartsWith("out", StringComparison.Ordinal) ? "{ id = 0; return 0; }" : "=> 0;";
        var verdict = ShapeCompiler.Check($"public static class Functions {{ [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call({parameter}) {body} }}");

        Assert.True(verdict.Problems.Count == 0, string.Join("\n", verdict.Problems));
        var refusal = Assert.Single(verdict.Refusals);
        Assert.Contains($"parameter 'id' is passed by reference {modifier}", refusal, StringComparison.Ordinal);
    }
}
