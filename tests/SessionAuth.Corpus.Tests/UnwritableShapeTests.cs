namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Shapes generated code cannot call cleanly, each refused with SAUTH0003 naming it rather than mapped with code that
/// does not compile or warns: a <c>[Conditional]</c> server function (a delegate to it is CS1618, and a call of it is
/// left out unless its symbol is defined), and an <c>[Obsolete]</c> diagnostic ID that a <c>#pragma warning disable</c>
/// cannot name (CS1696, and the warning it was to silence comes through), on the method or on a type it takes.
/// </summary>
public sealed class UnwritableShapeTests
{
    public static TheoryData<string, string> Shapes() => new()
    {
        { "public static class Functions { [ServerFunction, AllowAnonymous] [System.Diagnostics.Conditional(\"NEVER\")] public static void Call(int id) { } }", "[Conditional]" },
        { "public static class Functions { [ServerFunction, AllowAnonymous] [System.Diagnostics.Conditional(\"DEBUG\")] public static void Call(int id) { } }", "[Conditional]" },
        { "public sealed class Functions { [ServerFunction, AllowAnonymous] [System.Diagnostics.Conditional(\"NEVER\")] public void Call(int id) { } }", "[Conditional]" },
        { "public static class Functions { [ServerFunction, AllowAnonymous] [System.Obsolete(\"x\", DiagnosticId = \"X 1\")] public static int Call(int id) => id; }", "DiagnosticId" },
        { "public static class Functions { [ServerFunction, AllowAnonymous] [System.Obsolete(\"x\", DiagnosticId = \"X-1\")] public static int Call(int id) => id; }", "DiagnosticId" },
        { "public static class Functions { [ServerFunction, AllowAnonymous] [System.Obsolete(\"x\", DiagnosticId = \"X.1\")] public static int Call(int id) => id; }", "DiagnosticId" },
        { "public static class Functions { [ServerFunction, AllowAnonymous] [System.Obsolete(\"x\", DiagnosticId = \"1234\")] public static int Call(int id) => id; }", "DiagnosticId" },
        { "[System.Obsolete(\"x\", DiagnosticId = \"X 1\")] public sealed record Old(int A); public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Old o) => 0; }", "DiagnosticId" },
    };

    /// <summary>Each is refused with SAUTH0003 naming it and saying why, and nothing generated has a diagnostic.</summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_shape_is_refused_by_name_with_its_reason(string shape, string reason)
    {
        var verdict = ShapeCompiler.Check(shape);
        Assert.True(verdict.Problems.Count == 0, string.Join("\n", verdict.Problems));
        Assert.DoesNotContain(verdict.Functions, static f => f.Mapped);
        Assert.Contains(verdict.Refusals, refusal => refusal.Contains(reason, StringComparison.Ordinal));
    }
}
