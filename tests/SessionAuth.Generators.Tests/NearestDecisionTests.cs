using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// A server function's guard decision across the method, its class and the classes around it (ServerFunctionGuard): the
/// nearest decision wins, and the generated endpoint, its metadata and the analyzers (SAUTH0001, SAUTH0004, SAUTH0005)
/// read the one answer. Each row is one function <c>F</c>: whether its endpoint guards itself, which decisions it carries
/// as metadata (what <c>UseAuthorization()</c> and <c>UseSessionAuth()</c> read), whether its rule is asked, and which of
/// the analyzers report it. Over HTTP: CarriedAttributesHttpTests (the nested class and the trap in an open class).
/// </summary>
public sealed class NearestDecisionTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        """;

    private const string Model = """
        namespace Shop;

        [SessionData]
        public sealed record UserSession(int UserId, bool IsPrefect);

        public sealed class Prefect : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.IsPrefect;
        }

        """;

    public static TheoryData<string, string, bool, string, string> Shapes => new()
    {
        {
            "an [Authorize] class nested in an [AllowAnonymous] class decides",
            """
            [AllowAnonymous]
            public static class Outer
            {
                [Authorize(Roles = "Admin")]
                public static class Inner
                {
                    [ServerFunction] public static int F() => 1;
                }
            }
            """,
            false, "Authorize:Admin", "SAUTH0005"
        },
        {
            "the trap in an [AllowAnonymous] class keeps its role",
            """
            [AllowAnonymous]
            public static class Outer
            {
                [ServerFunction, RequireSession, Authorize(Roles = "Admin")] public static int F(UserSession user) => 1;
            }
            """,
            true, "RequireSession Authorize:Admin", "SAUTH0005"
        },
        {
            "a method's [RequireSession] in an [AllowAnonymous] class is SessionAuth's own nearest decision, silent",
            """
            [AllowAnonymous]
            public static class Outer
            {
                [ServerFunction, RequireSession] public static int F(UserSession user) => 1;
            }
            """,
            true, "RequireSession", ""
        },
        {
            "a nearer [AllowAnonymous] opens a farther [Authorize], as on a controller",
            """
            [Authorize(Roles = "Admin")]
            public static class Outer
            {
                [ServerFunction, AllowAnonymous] public static int F() => 1;
            }
            """,
            false, "Authorize:Admin AllowAnonymous", ""
        },
        {
            "an overridden [AllowAnonymous] takes the decisions around it along",
            """
            [Authorize(Roles = "Admin")]
            public static class Outer
            {
                [AllowAnonymous]
                public static class Middle
                {
                    [Authorize(Roles = "Teacher")]
                    public static class Inner
                    {
                        [ServerFunction] public static int F() => 1;
                    }
                }
            }
            """,
            false, "Authorize:Teacher", "SAUTH0005"
        },
        {
            "a rule around an overridden [AllowAnonymous] is neither asked nor carried",
            """
            [RequireSession<Prefect>]
            public static class Outer
            {
                [AllowAnonymous]
                public static class Middle
                {
                    [ServerFunction, RequireSession] public static int F(UserSession user) => 1;
                }
            }
            """,
            true, "RequireSession", ""
        },
        {
            "a rule nearer than an overridden [AllowAnonymous] is asked",
            """
            [AllowAnonymous]
            public static class Outer
            {
                [ServerFunction, RequireSession<Prefect>] public static int F(UserSession user) => 1;
            }
            """,
            true, "RequireSession<Prefect> Rule:Prefect", ""
        },
        {
            "[Authorize] beside [AllowAnonymous] is opened, and reported",
            """
            public static class Outer
            {
                [ServerFunction, Authorize(Roles = "Admin"), AllowAnonymous] public static int F() => 1;
            }
            """,
            false, "Authorize:Admin AllowAnonymous", "SAUTH0005"
        },
        {
            "[Authorize] on a class whose base is [AllowAnonymous] is opened (one level), and reported",
            """
            [AllowAnonymous]
            public class OpenBase
            {
            }

            [Authorize(Roles = "Admin")]
            public class Staff : OpenBase
            {
                [ServerFunction] public int F() => 1;
            }
            """,
            false, "Authorize:Admin AllowAnonymous", "SAUTH0005"
        },
        {
            "[Authorize] nearer than [RequireSession] adds the role to the guard",
            """
            [RequireSession]
            public static class Outer
            {
                [ServerFunction, Authorize(Roles = "Admin")] public static int F(UserSession user) => 1;
            }
            """,
            true, "RequireSession Authorize:Admin", ""
        },
        {
            "session data on a function whose [AllowAnonymous] class is overridden by its [Authorize] is not guarded by a session",
            """
            [AllowAnonymous]
            public static class Outer
            {
                [ServerFunction, Authorize(Roles = "Admin")] public static int F(UserSession user) => 1;
            }
            """,
            false, "Authorize:Admin", "SAUTH0004 SAUTH0005"
        },
        {
            "a [RequireSession] on the assembly still guards beside a nearer [Authorize]",
            """
            [assembly: RequireSession]

            public static class Outer
            {
                [ServerFunction, Authorize(Roles = "Admin")] public static int F(UserSession user) => 1;
            }
            """,
            true, "Authorize:Admin", ""
        },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_nearest_decision_wins_in_the_endpoint_its_metadata_and_the_analyzers(string shape, string source, bool guardsItself, string carried, string reported)
    {
        // Assembly attributes come before the namespace.
        var assembly = string.Concat(source.Split('\n').Where(l => l.StartsWith("[assembly:", StringComparison.Ordinal)).Select(l => l + "\n"));
        var code = Usings + assembly + Model + (assembly.Length == 0 ? source : source.Replace(assembly, string.Empty, StringComparison.Ordinal));
        var diagnostics = AnalyzerDiagnostics(code);

        Assert.True(reported == string.Join(" ", diagnostics), $"{shape}: reported {string.Join(" ", diagnostics)}");
        if (diagnostics.Contains("SAUTH0004"))
        {
            // The generator skips a function SAUTH0004 refuses; its decision is the analyzer's.
            return;
        }

        var generated = string.Concat(GeneratorHarness.Run(code).Sources.Where(s => s.HintName.StartsWith("ServerFunctions.Shop.", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
        Assert.True(generated.Contains($"requiresSession: {(guardsItself ? "true" : "false")}", StringComparison.Ordinal), $"{shape}: {generated}");
        Assert.True(carried == string.Join(" ", Carried(generated)), $"{shape}: carries {string.Join(" ", Carried(generated))}");
    }

    /// <summary>The decisions the endpoint carries as metadata, in order, and the rules it asks.</summary>
    private static IEnumerable<string> Carried(string generated)
    {
        foreach (var line in generated.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("new global::SessionAuth.RequireSessionAttribute<global::Shop.Prefect>", StringComparison.Ordinal))
            {
                yield return "RequireSession<Prefect>";
            }
            else if (line.StartsWith("new global::SessionAuth.RequireSessionAttribute", StringComparison.Ordinal))
            {
                yield return "RequireSession";
            }
            else if (line.StartsWith("new global::Microsoft.AspNetCore.Authorization.AuthorizeAttribute", StringComparison.Ordinal))
            {
                yield return "Authorize:" + line.Split('"')[1];
            }
            else if (line.StartsWith("new global::Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute", StringComparison.Ordinal))
            {
                yield return "AllowAnonymous";
            }
            else if (line.Contains("SessionRules.Allows<global::Shop.Prefect", StringComparison.Ordinal))
            {
                yield return "Rule:Prefect";
            }
        }
    }

    private static List<string> AnalyzerDiagnostics(string source)
    {
        var analyzers = typeof(ServerFunctionGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        return [.. GeneratorHarness.CreateCompilation(source).WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Id.StartsWith("SAUTH", StringComparison.Ordinal) && d.Id != "SAUTH0009")
            .Select(d => d.Id)
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }
}
