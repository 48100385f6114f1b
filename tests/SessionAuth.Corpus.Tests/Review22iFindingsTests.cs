namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Shapes whose generated code does not compile cleanly: a <c>[Conditional]</c> server function (a method group of it
/// is CS1618), and an <c>[Obsolete]</c> diagnostic ID that a <c>#pragma warning disable</c>
/// cannot hold (CS1696, and the warning it was to silence comes through).
/// </summary>
public sealed class UnwritableShapeTests
{
    public static TheoryData<string> Shapes() => new()
    {
        "public static class Functions { [ServerFunction, AllowAnonymous] [System.Diagnostics.Conditional(\"NEVER\")] public static void Call(int id) { } }",
        "public static class Functions { [ServerFunction, AllowAnonymous] [System.Obsolete(\"x\", DiagnosticId = \"X 1\")] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] [System.Obsolete(\"x\", DiagnosticId = \"X-1\")] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] [System.Obsolete(\"x\", DiagnosticId = \"X.1\")] public static int Call(int id) => id; }",
        "[System.Obsolete(\"x\", DiagnosticId = \"X 1\")] public sealed record Old(int A); public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Old o) => 0; }",
    };

    /// <summary>Each is mapped with generated code that compiles warning-free, or refused with SAUTH0003 naming it.</summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_shape_is_mapped_cleanly_or_refused_by_name(string shape)
    {
        var verdict = ShapeCompiler.Check(shape);
        Assert.True(verdict.Problems.Count == 0, string.Join("\n", verdict.Problems));
    }
}
