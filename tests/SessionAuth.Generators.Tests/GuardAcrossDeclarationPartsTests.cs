using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// The guard decision of a server function whose attributes are spread over the parts of a partial method or class, a
/// base class, an overridden method, an outer class or an alias: guarded, open, or an diagnostic that says why (SAUTH0001 no
/// decision, SAUTH0005 a conflict). Never open without a decision the user wrote.
/// </summary>
public sealed class GuardAcrossDeclarationPartsTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(ServerFunctionGenerator).Assembly.GetTypes()
        .Where(static type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
        .Select(static type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public static TheoryData<string, string> Shapes() => new()
    {
        { "public static partial class Functions { [SessionAuth.ServerFunction] public static partial int Call(); [SessionAuth.RequireSession] public static partial int Call() => 0; }", "guarded" },
        { "public static partial class Functions { [SessionAuth.RequireSession] public static partial int Call(); [SessionAuth.ServerFunction] public static partial int Call() => 0; }", "guarded" },
        { "[SessionAuth.RequireSession] public static partial class Functions { } public static partial class Functions { [SessionAuth.ServerFunction] public static int Call() => 0; }", "guarded" },
        { "public static partial class Functions { [SessionAuth.ServerFunction, Microsoft.AspNetCore.Authorization.AllowAnonymous] public static partial int Call(); [SessionAuth.RequireSession] public static partial int Call() => 0; }", "SAUTH0005" },
        { "[Microsoft.AspNetCore.Authorization.AllowAnonymous] public static partial class Functions { } [SessionAuth.RequireSession] public static partial class Functions { [SessionAuth.ServerFunction] public static int Call() => 0; }", "SAUTH0005" },
        { "public abstract class Base { [SessionAuth.RequireSession] public abstract int Call(); } public sealed class Functions : Base { [SessionAuth.ServerFunction] public override int Call() => 0; }", "guarded" },
        { "public interface IFunctions { [SessionAuth.RequireSession] int Call(); } public sealed class Functions : IFunctions { [SessionAuth.ServerFunction] public int Call() => 0; }", "SAUTH0001" },
        { "[SessionAuth.RequireSession] public class Base { } public sealed class Functions : Base { [SessionAuth.ServerFunction] public int Call() => 0; }", "guarded" },
        { "[SessionAuth.RequireSession] public class Outer { public static class Functions { [SessionAuth.ServerFunction] public static int Call() => 0; } }", "guarded" },
        { "public static class Functions { [SessionAuth.ServerFunction, Microsoft.AspNetCore.Authorization.Authorize, Microsoft.AspNetCore.Authorization.AllowAnonymous] public static int Call() => 0; }", "SAUTH0005" },
        { "public static class Functions { [SessionAuth.ServerFunction, SessionAuth.RequireSession, Microsoft.AspNetCore.Authorization.AllowAnonymous] public static int Call() => 0; }", "SAUTH0005" },
        { "[SessionAuth.RequireSession] public static class Functions { [SessionAuth.ServerFunction, Microsoft.AspNetCore.Authorization.AllowAnonymous] public static int Call() => 0; }", "open" },
        { "public static class Functions { [SessionAuth.ServerFunction] public static int Call() => 0; }", "SAUTH0001" },
        { "public sealed record Functions { [SessionAuth.ServerFunction, SessionAuth.RequireSession] public static int Call() => 0; }", "guarded" },
        { "namespace Shop { using RS = SessionAuth.RequireSessionAttribute; public static class Functions { [SessionAuth.ServerFunction, RS] public static int Call() => 0; } }", "guarded" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task The_decision_is_the_one_the_parts_make_together(string shape, string expected)
    {
        var (_, problems, generated, output, _) = FriendAssemblyCompiler.Compile("Shop", "namespace Shop { [SessionAuth.SessionData] public sealed record S(int Id); } " + shape, []);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var analyzed = await output.WithAnalyzers(Analyzers, options: null).GetAnalyzerDiagnosticsAsync();
        var errors = analyzed.Where(static d => d.Id.StartsWith("SAUTH", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning).Select(static d => d.Id).Distinct().ToList();
        var mapped = generated.Split('\n').Single(static l => l.TrimStart().StartsWith("// ", StringComparison.Ordinal) && l.Contains(".Call(): POST ", StringComparison.Ordinal));
        var decision = errors.Count > 0 ? string.Join(",", errors) : mapped.EndsWith("session required", StringComparison.Ordinal) ? "guarded" : "open";
        Assert.Equal(expected, decision);
    }
}
