using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators.Analyzers;
using SessionAuth.Generators.Parsing;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// The names generated code takes. Those the generator chooses (the namespace and classes it writes into) move apart
/// from a type the assembly sees; those it cannot (the class apps call <c>MapServerFunctions()</c> on, and the runtime's
/// and framework's types it names with <c>global::</c>) make the generator write nothing when a type of the assembly
/// takes one of them, or a namespace on the way to one, and SAUTH0003 refuses every server function naming that type.
/// </summary>
public sealed partial class GeneratedNamesTests
{
    private const string Functions = """
        namespace Shop
        {
            public static class Orders
            {
                [SessionAuth.ServerFunction] public static int Count() => 1;
                public static class Lines { [SessionAuth.ServerFunction] public static int Count(int order) => order; }
            }
        }
        """;

    /// <summary>A type that takes a name generated code relies on, and SAUTH0003's reason for every server function beside it.</summary>
    public static TheoryData<string, string> Clashes => new()
    {
        {
            "namespace SessionAuth { public static class ServerFunctionEndpointRouteBuilderExtensions { } }",
            "the assembly declares a type named SessionAuth.ServerFunctionEndpointRouteBuilderExtensions, the generated class that holds MapServerFunctions(); rename that type"
        },
        {
            "namespace SessionAuth { internal static partial class ServerFunctionEndpointRouteBuilderExtensions { public static void Extra() { } } }",
            "the assembly declares a type named SessionAuth.ServerFunctionEndpointRouteBuilderExtensions, the generated class that holds MapServerFunctions(); rename that type"
        },
        {
            "public static class System { }",
            "the assembly declares a type named System, which hides the namespace System that generated code names (global::System.Action); rename that type"
        },
        {
            "public static class Microsoft { }",
            "the assembly declares a type named Microsoft, which hides the namespace Microsoft that generated code names (global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder); rename that type"
        },
        {
            "namespace System { public static class CodeDom { } }",
            "the assembly declares a type named System.CodeDom, which hides the namespace System.CodeDom that generated code names (global::System.CodeDom.Compiler.GeneratedCode); rename that type"
        },
        {
            "namespace Microsoft.AspNetCore { public static class Routing { } }",
            "the assembly declares a type named Microsoft.AspNetCore.Routing, which hides the namespace Microsoft.AspNetCore.Routing that generated code names (global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder); rename that type"
        },
        {
            "namespace SessionAuth { public static class Infrastructure { } }",
            "the assembly declares a type named SessionAuth.Infrastructure, which hides the namespace SessionAuth.Infrastructure that generated code names (global::SessionAuth.Infrastructure.ArgumentSource); rename that type"
        },
        {
            "namespace SessionAuth.Infrastructure { public static class ServerFunctionRoutes { } }",
            "the assembly declares a type named SessionAuth.Infrastructure.ServerFunctionRoutes, which takes the place of the type SessionAuth.Infrastructure.ServerFunctionRoutes that generated code names (global::SessionAuth.Infrastructure.ServerFunctionRoutes); rename that type"
        },
        {
            "namespace SessionAuth { public sealed class ServerFunctionMetadata { } }",
            "the assembly declares a type named SessionAuth.ServerFunctionMetadata, which takes the place of the type SessionAuth.ServerFunctionMetadata that generated code names (global::SessionAuth.ServerFunctionMetadata); rename that type"
        },
        {
            "namespace System.Runtime.CompilerServices { [System.AttributeUsage(System.AttributeTargets.Method)] internal sealed class ModuleInitializerAttribute : System.Attribute { } }",
            "the assembly declares a type named System.Runtime.CompilerServices.ModuleInitializerAttribute, which takes the place of the type System.Runtime.CompilerServices.ModuleInitializerAttribute that generated code names (global::System.Runtime.CompilerServices.ModuleInitializerAttribute); rename that type"
        },
        {
            "namespace System { public delegate TResult Func<TResult>(); }",
            "the assembly declares a type named System.Func<TResult>, which takes the place of the type System.Func that generated code names (global::System.Func); rename that type"
        },
    };

    [Theory]
    [MemberData(nameof(Clashes))]
    public async Task A_type_that_takes_a_name_generated_code_relies_on_refuses_every_server_function_naming_it(string declaration, string reason)
    {
        var compilation = GeneratorHarness.CreateCompilation(declaration + "\n" + Functions);
        var userErrors = compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(userErrors.Count == 0, "the user code itself does not compile: " + string.Join("; ", userErrors));

        GeneratorDriver driver = GeneratorHarness.CreateDriver();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(generatorDiagnostics);

        // Nothing is written, so nothing generated breaks the build: the user's code compiles as it did.
        Assert.Empty(result.GeneratedSources);
        var errors = output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var refusals = (await output.WithAnalyzers([new ServerFunctionAnalyzer()]).GetAnalyzerDiagnosticsAsync())
            .Where(static d => d.Id == DiagnosticIds.ServerFunctionCannotBeBuilt)
            .Select(static d => d.GetMessage(CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [$"Server function Orders.Count cannot be generated: {reason}", $"Server function Orders.Lines.Count cannot be generated: {reason}"],
            refusals);
    }

    /// <summary>
    /// A type of an app the project sees (internal, the app granting the project its internals by
    /// <c>InternalsVisibleTo</c>; or public) that takes a name generated code writes, or a namespace on the way to one:
    /// the name is ambiguous in the project (CS0434, CS0433 where generated code named it), and SAUTH0003's reason names
    /// the app. (A global type <c>SessionAuth</c> of such an app is left out: beside it the project's own
    /// <c>[SessionAuth.ServerFunction]</c> and <c>using SessionAuth;</c> do not compile, CS0434 in the user's code.)
    /// </summary>
    public static TheoryData<string, bool, string> ClashesInAnAppTheProjectSees => new()
    {
        {
            "public static class System { }", false,
            "the referenced assembly Shop.App declares a type named System, visible here, which makes the namespace System that generated code names (global::System.Action) ambiguous; rename that type or make it invisible to this assembly"
        },
        {
            "internal static class Microsoft { }", true,
            "the referenced assembly Shop.App declares a type named Microsoft, visible here, which makes the namespace Microsoft that generated code names (global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder) ambiguous; rename that type or make it invisible to this assembly"
        },
        {
            "namespace System { internal static class CodeDom { } }", true,
            "the referenced assembly Shop.App declares a type named System.CodeDom, visible here, which makes the namespace System.CodeDom that generated code names (global::System.CodeDom.Compiler.GeneratedCode) ambiguous; rename that type or make it invisible to this assembly"
        },
        {
            "namespace SessionAuth { internal static class Infrastructure { } }", true,
            "the referenced assembly Shop.App declares a type named SessionAuth.Infrastructure, visible here, which makes the namespace SessionAuth.Infrastructure that generated code names (global::SessionAuth.Infrastructure.ArgumentSource) ambiguous; rename that type or make it invisible to this assembly"
        },
        {
            "namespace Microsoft.AspNetCore.Routing { public sealed class RouteGroupBuilder { } }", false,
            "the referenced assembly Shop.App declares a type named Microsoft.AspNetCore.Routing.RouteGroupBuilder, visible here, which makes the type Microsoft.AspNetCore.Routing.RouteGroupBuilder that generated code names (global::Microsoft.AspNetCore.Routing.RouteGroupBuilder) ambiguous; rename that type or make it invisible to this assembly"
        },
        {
            "namespace SessionAuth { internal sealed class ServerFunctionMetadata { } }", true,
            "the referenced assembly Shop.App declares a type named SessionAuth.ServerFunctionMetadata, visible here, which makes the type SessionAuth.ServerFunctionMetadata that generated code names (global::SessionAuth.ServerFunctionMetadata) ambiguous; rename that type or make it invisible to this assembly"
        },
        {
            "namespace System { internal delegate void Action(); }", true,
            "the referenced assembly Shop.App declares a type named System.Action, visible here, which makes the type System.Action that generated code names (global::System.Action) ambiguous; rename that type or make it invisible to this assembly"
        },
    };

    [Theory]
    [MemberData(nameof(ClashesInAnAppTheProjectSees))]
    public async Task A_type_of_an_app_the_project_sees_that_takes_a_name_generated_code_relies_on_refuses_every_server_function(string declaration, bool grantsInternals, string reason)
    {
        var app = CompileApp(declaration, grantsInternals);
        var compilation = GeneratorHarness.CreateCompilation(Functions).AddReferences(app);
        GeneratorDriver driver = GeneratorHarness.CreateDriver();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(result.GeneratedSources);
        var errors = output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var refusals = (await output.WithAnalyzers([new ServerFunctionAnalyzer()]).GetAnalyzerDiagnosticsAsync())
            .Where(static d => d.Id == DiagnosticIds.ServerFunctionCannotBeBuilt)
            .Select(static d => d.GetMessage(CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [$"Server function Orders.Count cannot be generated: {reason}", $"Server function Orders.Lines.Count cannot be generated: {reason}"],
            refusals);
    }

    /// <summary>The same internal types in an app that does not grant the project its internals: the compiler passes over them, and so does the generator.</summary>
    [Theory]
    [InlineData("internal static class SessionAuth { }")]
    [InlineData("internal static class Microsoft { }")]
    [InlineData("namespace System { internal static class CodeDom { } }")]
    [InlineData("namespace System { internal delegate void Action(); }")]
    [InlineData("namespace SessionAuth { internal sealed class ServerFunctionMetadata { } }")]
    public void A_type_of_a_reference_the_project_cannot_see_takes_no_name(string declaration)
    {
        var app = CompileApp(declaration, grantsInternals: false);
        var compilation = GeneratorHarness.CreateCompilation(Functions).AddReferences(app);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var problems = output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(output.SyntaxTrees, static tree => tree.FilePath.EndsWith(MapServerFunctionsHint, StringComparison.Ordinal));
    }

    /// <summary>
    /// A global type <c>SessionAuth</c>, of the project or of an app it sees, leaves the project no way to name the
    /// runtime (so no server function to refuse); the generator then writes nothing, not even the <c>MapServerFunctions()</c>
    /// of a project without functions, whose <c>global::SessionAuth...</c> names would not compile beside it.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_global_type_named_SessionAuth_in_the_project_or_in_an_app_it_sees_makes_the_generator_write_nothing(bool inAnAppItSees)
    {
        const string Declaration = "internal static class SessionAuth { }";
        var compilation = GeneratorHarness.CreateCompilation(inAnAppItSees ? "public static class Startup { }" : Declaration);
        if (inAnAppItSees)
        {
            compilation = compilation.AddReferences(CompileApp(Declaration, grantsInternals: true));
        }

        var result = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics)
            .GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(result.GeneratedSources);
        var errors = output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>An app (no server functions, so nothing generated in it) that declares <paramref name="declaration"/>, granting its internals to the test compilation or not.</summary>
    private static PortableExecutableReference CompileApp(string declaration, bool grantsInternals)
    {
        var grant = grantsInternals ? "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop\")]\n" : string.Empty;
        var app = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Shop.App",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(grant + declaration, GeneratorHarness.ParseOptions)],
            FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = app.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    [Fact]
    public async Task A_function_with_a_problem_of_its_own_is_refused_for_it_beside_a_clash()
    {
        var output = GeneratorHarness.CreateCompilation("""
            namespace SessionAuth { public static class Infrastructure { } }
            public static class Orders
            {
                [SessionAuth.ServerFunction] public static int Count() => 1;
                [SessionAuth.ServerFunction] private static int Hidden() => 1;
            }
            """);
        var refusals = (await output.WithAnalyzers([new ServerFunctionAnalyzer()]).GetAnalyzerDiagnosticsAsync())
            .Where(static d => d.Id == DiagnosticIds.ServerFunctionCannotBeBuilt)
            .Select(static d => d.GetMessage(CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(2, refusals.Count);
        Assert.StartsWith("Server function Orders.Count cannot be generated: the assembly declares a type named SessionAuth.Infrastructure,", refusals[0], StringComparison.Ordinal);
        Assert.StartsWith("Server function Orders.Hidden cannot be generated: ", refusals[1], StringComparison.Ordinal);
        Assert.DoesNotContain("SessionAuth.Infrastructure", refusals[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Types_named_SessionAuth_Generated_move_the_generated_namespace_and_apps_still_call_MapServerFunctions()
    {
        var run = GeneratorHarness.Run("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Builder;
            using SessionAuth;

            namespace SessionAuth { public static class Generated { } public static class Generated2 { } }

            [SessionData] public sealed record UserSession(int Id);
            public sealed class Staff : ISessionRule<UserSession> { public static bool Allows(UserSession session) => true; }
            public static class Orders
            {
                [ServerFunction, AllowAnonymous] public static int Count() => 1;
                [ServerFunction, RequireSession<Staff>] public static int Mine(UserSession user) => user.Id;
            }
            public static class Startup
            {
                public static void Configure(WebApplication app) => app.MapServerFunctions();
            }
            """);

        // Every file (map, client, declaring type, shapes, session data, rules) writes into the namespace no type of the assembly takes.
        Assert.Equal(6, run.Sources.Count);
        foreach (var source in run.Sources)
        {
            var text = source.SourceText.ToString();
            var namespaces = NamespaceLine().Matches(text).Select(static m => m.Groups[1].Value).Distinct().ToList();
            // The class that holds MapServerFunctions() is in the assembly's own namespace, and the client file adds its model to it.
            var expected = source.HintName is MapServerFunctionsHint or "ServerFunctions.Client.g.cs"
                ? new[] { "SessionAuth." + Parsing.ReferencedMaps.Identifier("Shop"), "SessionAuth.Generated3" }
                : ["SessionAuth.Generated3"];
            Assert.Equal(expected, namespaces);
            Assert.DoesNotContain("SessionAuth.Generated.", text, StringComparison.Ordinal);
        }

        var map = run.Sources.Single(static s => s.HintName == MapServerFunctionsHint).SourceText.ToString();
        Assert.Contains("global::SessionAuth.Generated3.ServerFunctionEndpoints.MapOrders(group, services);", map, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_reserved_name_is_a_type_the_references_declare()
    {
        // An attribute is listed under both names it can be written with; only the one ending in Attribute is a type.
        var compilation = GeneratorHarness.CreateCompilation(string.Empty);
        var missing = ReservedNames.Written
            .Where(name => !DeclaresType(compilation.GlobalNamespace, name.Split('.'))
                && !(ReservedNames.Written.Contains(name + "Attribute") && DeclaresType(compilation.GlobalNamespace, (name + "Attribute").Split('.'))))
            .ToList();
        Assert.True(missing.Count == 0, "not types of the references: " + string.Join(", ", missing));
        Assert.Equal(ReservedNames.Written.Length, ReservedNames.Written.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>
    /// The emitters write no runtime or framework name that <see cref="ReservedNames.Written"/> misses: every
    /// <c>global::</c> name in the generator's source, and every type written after the infrastructure namespace's
    /// constant, is listed (or is a member or namespace of a listed type).
    /// </summary>
    [Fact]
    public void Every_name_the_emitters_write_with_global_is_reserved()
    {
        var generator = Path.Combine(RepositoryRoot.Path, "src", "Generator");
        var written = Directory.GetFiles(generator, "*.cs", SearchOption.AllDirectories)
            .Where(static path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(File.ReadLines)
            .Where(static line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .SelectMany(static line => GlobalName().Matches(line).Select(static m => m.Groups["name"].Value.TrimEnd('.'))
                .Concat(InfrastructureName().Matches(line).Select(static m => "SessionAuth.Infrastructure." + m.Groups["type"].Value)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("System.CodeDom.Compiler.GeneratedCode", written);
        Assert.Contains("SessionAuth.Infrastructure.ServerFunctionSteps", written);
        var unlisted = written.Where(static name => !ReservedNames.Written.Any(listed =>
            listed == name || name.StartsWith(listed + ".", StringComparison.Ordinal) || listed.StartsWith(name + ".", StringComparison.Ordinal)))
            .ToList();
        Assert.True(unlisted.Count == 0, "written by the generator, missing from ReservedNames.Written: " + string.Join(", ", unlisted));
    }

    private const string MapServerFunctionsHint = "ServerFunctions.Map.g.cs";

    [GeneratedRegex(@"^namespace (\S+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"global::(?<name>[A-Za-z_][\w.]*)")]
    private static partial Regex GlobalName();

    [GeneratedRegex(@"(?:InfrastructureNamespace\}{1,2}|\{Infrastructure\})(?<type>\w+)")]
    private static partial Regex InfrastructureName();

    private static bool DeclaresType(INamespaceSymbol root, string[] parts)
    {
        var current = root;
        foreach (var part in parts[..^1])
        {
            current = current.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
            if (current is null)
            {
                return false;
            }
        }

        return current.GetTypeMembers(parts[^1]).Length > 0;
    }
}
