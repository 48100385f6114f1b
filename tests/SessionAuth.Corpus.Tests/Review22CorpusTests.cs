namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Review 22: shapes a minimal API binds, through the corpus's own check (<see cref="ShapeCompiler.Check"/>), which must
/// be mapped. (The review's hostile shapes are in the corpus: <see cref="Corpus.Hostile"/>.)
/// </summary>
public sealed class Review22CorpusTests
{
    /// <summary>Shapes a minimal API binds (Uri is text to minimal APIs: Uri.TryCreate(text, RelativeOrAbsolute)); they must be mapped.</summary>
    public static TheoryData<string, string> ShapesMinimalApisBind() => new()
    {
        { "Uri array from the query on GET", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Uri[] links) => links.Length; }" },
        { "FromQuery Uri", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery] Uri link) => 0; }" },
        { "FromHeader Uri", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromHeader(Name = \"X-Link\")] Uri? link) => 0; }" },
        { "FromRoute Uri", "public static class Functions { [ServerFunction(\"/go/{link}\", Method = \"GET\"), AllowAnonymous] public static int Call([FromRoute] Uri link) => 0; }" },
        { "FromForm Uri", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] Uri link) => 0; }" },
    };

    [Theory]
    [MemberData(nameof(ShapesMinimalApisBind))]
    public void Review22_shape_a_minimal_api_binds_is_mapped(string id, string source)
    {
        var verdict = ShapeCompiler.Check(source);
        Assert.True(verdict.Problems.Count == 0, $"{id}:\n  - " + string.Join("\n  - ", verdict.Problems));
        Assert.True(verdict.Functions.All(f => f.Mapped), $"{id}: refused, though a minimal API binds it: " + string.Join(", ", verdict.Functions.Where(f => !f.Mapped).Select(f => f.Name)));
    }
}
