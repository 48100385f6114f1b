using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators;
using SessionAuth.Testing;

namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Compiles one corpus shape with the generator and every SessionAuth analyzer, as a build does, and lists what a build
/// must never show: the generator throwing (CS8785), any diagnostic inside a generated file, generated code that
/// breaks code that compiled before, and a <c>[ServerFunction]</c> that is neither mapped nor refused by a SAUTH error
/// naming it.
/// </summary>
internal static class ShapeCompiler
{
    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
        FrameworkReferences.All.Add(MetadataReference.CreateFromFile(typeof(ServerFunctionAttribute).Assembly.Location));

    /// <summary>Every analyzer the package ships, found in the generator's assembly so that a new one is run too.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(ServerFunctionGenerator).Assembly.GetTypes()
        .Where(static type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
        .Select(static type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>The ids of the rules that refuse a server function, each naming it in its message.</summary>
    private static readonly string[] RefusalIds = ["SAUTH0003", "SAUTH0004", "SAUTH0010"];

    /// <summary>
    /// What every shape sees unless it opts out: the Web SDK's implicit usings, SessionAuth and the ASP.NET Core
    /// attributes, a session data type and a few types to bind.
    /// </summary>
    public const string Prelude = WebSdkUsings.GlobalUsings + PreludeUsings + PreludeTypes;

    private const string PreludeUsings = """

        global using SessionAuth;
        global using Microsoft.AspNetCore.Authorization;
        global using Microsoft.AspNetCore.Mvc;
        global using Corpus.Prelude;

        """;

    private const string PreludeTypes = """
        namespace Corpus.Prelude
        {
            [SessionData] public sealed record UserSession(int UserId, string Name);
            public enum Color { Red, Green, Blue }
            [System.Flags] public enum Access { None = 0, Read = 1, Write = 2, All = Read | Write }
            public enum Keywords { @class, @int, @default, @event }
            public sealed record Order(int Id, string Name);
            public sealed class Basket { public List<int> Items { get; set; } = []; }
            public interface IClock { DateTimeOffset Now { get; } }
            public abstract class Repository { }
            public sealed class Catalog { }
            public readonly record struct Point(int X, int Y);
            public static class Holder { public static int Value; }
            public sealed class Filter { [FromQuery] public int Take { get; set; } = 20; public string? Term { get; set; } [FromHeader(Name = "X-Tenant")] public string? Tenant { get; set; } public CancellationToken Aborted { get; set; } }
            public sealed record Contact(int Id, string? Name, Color Shade, DateOnly? Day = null);
            public sealed record Nested([AsParameters] Filter Inner);
            public sealed class WithSession { public UserSession? User { get; set; } }
            public sealed class Retiring { [System.Obsolete("old")] public int Take { get; set; } public Color Shade { get; set; } }
            public sealed class Ambiguous { public Ambiguous() { } public Ambiguous(int take) { Take = take; } public int Take { get; set; } }
            public readonly record struct Sku(string Code) { public static bool TryParse(string? text, out Sku sku) { sku = new(text ?? ""); return !string.IsNullOrEmpty(text); } }
            public sealed class Cart { public static ValueTask<Cart?> BindAsync(HttpContext context) => ValueTask.FromResult<Cart?>(new Cart()); }
            public sealed class Plain { public static ValueTask<Plain> BindAsync(HttpContext context) => ValueTask.FromResult(new Plain()); }
            public sealed class Tenant { public static ValueTask<Tenant?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => ValueTask.FromResult<Tenant?>(new Tenant()); }
            public sealed class Caller : IBindableFromHttpContext<Caller> { static ValueTask<Caller?> IBindableFromHttpContext<Caller>.BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => ValueTask.FromResult<Caller?>(new Caller()); }
            public readonly struct Region { public static ValueTask<Region> BindAsync(HttpContext context) => ValueTask.FromResult(new Region()); }
            public readonly struct Zone { public static ValueTask<Zone?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => ValueTask.FromResult<Zone?>(new Zone()); }
            public sealed class WithCart { public Cart? Cart { get; set; } public int Take { get; set; } }
            public sealed class WithTenant { public Tenant? Tenant { get; set; } }
        }

        """;

    /// <summary>
    /// The prelude's declarations a project before C# 12 cannot write (collection expressions, record structs, static
    /// abstract interface members), each with the older form that binds the same way.
    /// </summary>
    private static readonly (string Latest, string Older)[] OlderPreludeForms =
    [
        ("= []; }", "= new List<int>(); }"),
        ("public readonly record struct Point(int X, int Y);", "public readonly struct Point { public Point(int x, int y) { X = x; Y = y; } public int X { get; } public int Y { get; } }"),
        ("public readonly record struct Sku(string Code) {", "public readonly struct Sku { public Sku(string code) { Code = code; } public string Code { get; }"),
        ("sku = new(text ?? \"\");", "sku = new Sku(text ?? \"\");"),
        ("public sealed class Caller : IBindableFromHttpContext<Caller> { static ValueTask<Caller?> IBindableFromHttpContext<Caller>.BindAsync(", "public sealed class Caller { public static ValueTask<Caller?> BindAsync("),
    ];

    /// <summary>
    /// The prelude as a project at <paramref name="version"/> can write it: global usings from C# 10 (before, the
    /// <see cref="LocalUsingsAt(LanguageVersion)"/> open every file), the older forms of <see cref="OlderPreludeForms"/> before C# 12.
    /// </summary>
    private static string PreludeAt(LanguageVersion version)
    {
        if (version >= LanguageVersion.CSharp12)
        {
            return Prelude;
        }

        var types = OlderPreludeForms.Aggregate(PreludeTypes, static (text, form) => text.Replace(form.Latest, form.Older, StringComparison.Ordinal));
        return version >= LanguageVersion.CSharp10 ? WebSdkUsings.GlobalUsings + PreludeUsings + types : LocalUsingsAt(version) + types;
    }

    /// <summary>The usings a shape's file opens with: none where the prelude's are global, all of them before C# 10.</summary>
    private static string LocalUsingsAt(LanguageVersion version) =>
        version >= LanguageVersion.CSharp10 ? "" : (WebSdkUsings.GlobalUsings + PreludeUsings).Replace("global using", "using", StringComparison.Ordinal);

    /// <param name="languageVersion">The project's <c>LangVersion</c>; the latest unless a shape tries an older one.</param>
    /// <param name="nullable">The project's <c>Nullable</c> setting; enabled unless a shape tries another.</param>
    public static Verdict Check(string shape, bool prelude = true, bool executable = false, LanguageVersion languageVersion = LanguageVersion.Latest, NullableContextOptions nullable = NullableContextOptions.Enable)
    {
        var parseOptions = ParseOptions.WithLanguageVersion(languageVersion);
        var trees = new List<SyntaxTree>(2) { CSharpSyntaxTree.ParseText(prelude ? LocalUsingsAt(languageVersion) + shape : shape, parseOptions, path: "Shape.cs") };
        if (prelude)
        {
            trees.Add(CSharpSyntaxTree.ParseText(PreludeAt(languageVersion), parseOptions, path: "Prelude.cs"));
        }

        var input = CSharpCompilation.Create(
            "Corpus",
            trees,
            References,
            new CSharpCompilationOptions(executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, allowUnsafe: true));
        var problems = new List<string>();
        var inputErrors = input.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (inputErrors.Count > 0)
        {
            // The corpus entry itself is wrong: a shape must be valid C# before the generator runs.
            problems.Add("the shape does not compile on its own: " + string.Join("; ", inputErrors.Select(Describe)));
            return new Verdict(problems, []);
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ServerFunctionGenerator().AsSourceGenerator()], parseOptions: parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        if (run.Exception is not null)
        {
            problems.Add($"CS8785: the generator threw {run.Exception.GetType().Name}: {OneLine(run.Exception.Message)}");
        }

        problems.AddRange(generatorDiagnostics.Select(d => "generator diagnostic " + Describe(d)));
        var generatedTrees = output.SyntaxTrees.Where(t => !input.SyntaxTrees.Contains(t)).ToHashSet();

        // One pass gives the compiler's diagnostics and the analyzers'; any severity: a generated file must not even
        // carry a hidden diagnostic the user would have to suppress.
        var all = output
            .WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        problems.AddRange(all
            .Where(d => d.Id == "AD0001" || d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            .Select(d => "in generated code: " + Describe(d)));
        problems.AddRange(all
            .Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("SAUTH", StringComparison.Ordinal)
                && (d.Location.SourceTree is null || !generatedTrees.Contains(d.Location.SourceTree)))
            .Select(d => "generated code breaks the build elsewhere: " + Describe(d)));
        var analyzerDiagnostics = all.Where(static d => d.Id.StartsWith("SAUTH", StringComparison.Ordinal)).ToList();

        var functions = FindServerFunctions(output, input.SyntaxTrees).ToList();
        var mapped = MappedMethods(output, generatedTrees);
        var refusals = analyzerDiagnostics.Where(d => RefusalIds.Contains(d.Id) && d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var (method, name) in functions)
        {
            var isMapped = IsMapped(mapped, method);
            var namedBy = refusals.Where(d => Message(d).Contains(name, StringComparison.Ordinal)).ToList();
            var atIt = refusals.Where(d => method.Locations.Any(l => l.SourceTree == d.Location.SourceTree && l.SourceSpan.IntersectsWith(d.Location.SourceSpan))).ToList();
            if (!isMapped && namedBy.Count == 0)
            {
                problems.Add(atIt.Count > 0
                    ? $"{name}: refused by a message that does not name it: {string.Join("; ", atIt.Select(Describe))}"
                    : $"{name}: neither mapped nor refused (silently dropped)");
            }
            else if (isMapped && namedBy.Any(d => d.Id != "SAUTH0010"))
            {
                problems.Add($"{name}: mapped, yet refused: {string.Join("; ", namedBy.Select(Describe))}");
            }
        }

        return new Verdict(problems, functions.Select(f => (f.Name, IsMapped(mapped, f.Method))).ToList()) { Refusals = refusals.Select(Message).ToList() };
    }

    /// <summary>Whether generated code references the method; a member of an extension block through the method the compiler implements it with.</summary>
    private static bool IsMapped(HashSet<IMethodSymbol> mapped, IMethodSymbol method) =>
        mapped.Contains(method.OriginalDefinition)
        || (method.AssociatedExtensionImplementation is { } implementation && mapped.Contains(implementation.OriginalDefinition));

    /// <summary>
    /// Every user method the generated code calls or passes from a method that <c>MapServerFunctions()</c> calls, so that
    /// a function written into a map method nobody calls does not count as mapped.
    /// </summary>
    private static HashSet<IMethodSymbol> MappedMethods(Compilation output, HashSet<SyntaxTree> generatedTrees)
    {
        var reachable = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var referencedBy = new List<(IMethodSymbol Caller, IMethodSymbol Callee)>();
        foreach (var tree in generatedTrees)
        {
            var model = output.GetSemanticModel(tree);
            // A function is passed as a method group argument, or called in a lambda; map methods are called.
            foreach (var node in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>().Where(IsCallOrArgument))
            {
                if (model.GetSymbolInfo(node).Symbol is not IMethodSymbol callee
                    || node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } declaration
                    || model.GetDeclaredSymbol(declaration) is not { } caller)
                {
                    continue;
                }

                if (caller.Name == "MapServerFunctions")
                {
                    reachable.Add(caller);
                }

                referencedBy.Add((caller, callee.ReducedFrom ?? callee));
            }
        }

        // A map method counts when MapServerFunctions() calls it, directly or through a generated method it calls.
        bool grew;
        do
        {
            grew = false;
            foreach (var (caller, callee) in referencedBy)
            {
                if (reachable.Contains(caller) && callee.Locations.Any(l => l.SourceTree is { } t && generatedTrees.Contains(t)))
                {
                    grew |= reachable.Add(callee);
                }
            }
        }
        while (grew);

        return referencedBy
            .Where(r => reachable.Contains(r.Caller) && !r.Callee.Locations.Any(l => l.SourceTree is { } t && generatedTrees.Contains(t)))
            .Select(r => r.Callee.OriginalDefinition)
            .ToHashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
    }

    private static bool IsCallOrArgument(SimpleNameSyntax name)
    {
        SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        return expression.Parent is InvocationExpressionSyntax or ArgumentSyntax;
    }

    /// <summary>
    /// Every method, local function and lambda of the shape that carries <c>[ServerFunction]</c>, with the name a
    /// diagnostic about it must contain (<c>Outer.Inner.Method</c>, <c>Outer&lt;T&gt;.Method</c> in a generic type; the method's name for a local function; "lambda"
    /// for a lambda), written here rather than taken from the analyzers so that they are checked, not trusted.
    /// </summary>
    private static IEnumerable<(IMethodSymbol Method, string Name)> FindServerFunctions(Compilation output, IEnumerable<SyntaxTree> userTrees)
    {
        var attributeType = output.GetTypeByMetadataName("SessionAuth.ServerFunctionAttribute");
        foreach (var tree in userTrees)
        {
            var model = output.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var symbol = node switch
                {
                    MethodDeclarationSyntax m => model.GetDeclaredSymbol(m),
                    LocalFunctionStatementSyntax l => model.GetDeclaredSymbol(l) as IMethodSymbol,
                    LambdaExpressionSyntax x => model.GetSymbolInfo(x).Symbol as IMethodSymbol,
                    _ => null,
                };

                // A partial method is declared twice; its definition part speaks for it.
                if (symbol is null || symbol.PartialDefinitionPart is not null
                    || !symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)))
                {
                    continue;
                }

                yield return (symbol, symbol.MethodKind switch
                {
                    MethodKind.AnonymousFunction => "lambda",
                    MethodKind.LocalFunction => symbol.Name,
                    _ => TypePath(symbol.ContainingType) + "." + symbol.Name,
                });
            }
        }
    }

    /// <summary>
    /// Nested types joined by dots, a generic one with its type parameters (<c>Outer&lt;T&gt;</c>); an extension block
    /// has no name, so its members go by the static class that declares it.
    /// </summary>
    private static string TypePath(INamedTypeSymbol type) =>
        type.IsExtension ? TypePath(type.ContainingType!)
        : type.ContainingType is null ? Name(type)
        : TypePath(type.ContainingType) + "." + Name(type);

    private static string Name(INamedTypeSymbol type) =>
        type.TypeParameters.IsEmpty ? type.Name : $"{type.Name}<{string.Join(", ", type.TypeParameters.Select(static t => t.Name))}>";

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static string Describe(Diagnostic d) =>
        $"{d.Id} ({d.Severity}) {OneLine(Message(d))} at {d.Location.SourceTree?.FilePath}:{d.Location.GetLineSpan().StartLinePosition}";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}

/// <summary>What one shape's build showed: its problems (none when it holds) and each server function, mapped or not.</summary>
internal sealed record Verdict(IReadOnlyList<string> Problems, IReadOnlyList<(string Name, bool Mapped)> Functions)
{
    /// <summary>The messages of the SAUTH errors that refused server functions.</summary>
    public IReadOnlyList<string> Refusals { get; init; } = [];
}
