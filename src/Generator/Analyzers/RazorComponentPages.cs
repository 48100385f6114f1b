using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// The routable Razor components (pages) that the compilation's <c>MapRazorComponents&lt;TRoot&gt;()</c> calls turn into
/// endpoints, and whether each made a guard decision, by the framework's own rules: a mapping routes the pages of
/// <c>TRoot</c>'s assembly (of each type it stands for, when it is a type parameter) and of the assemblies passed to
/// <c>AddAdditionalAssemblies</c> on its builder; a page is a type of <c>Assembly.GetExportedTypes()</c> (public, and
/// public every type around it) assignable to <c>IComponent</c> that carries its own <c>[Route]</c>
/// (<c>RouteAttribute</c> is not inherited), abstract and generic ones included; its endpoint's metadata is
/// <c>GetCustomAttributes(inherit: true)</c> of the page type, plus the mapping's conventions.
/// </summary>
/// <remarks>
/// A page declared in code the user edits is reported on its class by a symbol action; a page the Razor generator wrote
/// (the whole class in a <c>.razor.g.cs</c>) or one of another assembly has no such place, and is reported on the call
/// that maps it: <c>MapRazorComponents&lt;TRoot&gt;</c> for the root's assembly, the argument of
/// <c>AddAdditionalAssemblies</c> for an added one. The mappings are found once per compilation, when a page needs them.
/// </remarks>
internal sealed class RazorComponentPages(Compilation compilation, AnalyzerSymbols symbols, BuilderValues values, AnalyzerOptions options)
{
    public const string MapRazorComponents = "MapRazorComponents";
    public const string AddAdditionalAssemblies = "AddAdditionalAssemblies";

    private readonly object _gate = new();
    private readonly ConcurrentDictionary<IAssemblySymbol, ImmutableArray<INamedTypeSymbol>> _pages = new(SymbolEqualityComparer.Default);
    private List<Mapping>? _mappings;

    public bool IsEnabled => symbols.Component is not null && symbols.ComponentRoute is not null;

    /// <summary>
    /// Whether the framework makes endpoints of <paramref name="type"/> when its assembly is mapped: exported, a component,
    /// with a <c>[Route]</c> of its own.
    /// </summary>
    public bool IsPage(INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || !KnownTypes.Implements(type, symbols.Component))
        {
            return false;
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return Routes(type).Any();
    }

    /// <summary>Whether the page's own attributes, or its base classes' inheritable ones, decide: the endpoint carries them.</summary>
    public bool PageDecides(INamedTypeSymbol page) => InheritedAttributes.Of(page).Any(symbols.IsGuardDecision);

    /// <summary>
    /// Where a page of this compilation is reported when part of it is written in code the analyzers run on (a C# class, a
    /// <c>.razor</c> file's code-behind partial); <see langword="null"/> when all of it is generated, or it is metadata.
    /// </summary>
    /// A page of a referenced project is metadata here even when the IDE holds it as that project's source.
    public Location? UserLocation(INamedTypeSymbol page, CancellationToken cancellationToken) =>
        SymbolEqualityComparer.Default.Equals(page.ContainingAssembly, compilation.Assembly)
            ? page.Locations.FirstOrDefault(l => l.SourceTree is { } tree && !IsGenerated(tree, cancellationToken))
            : null;

    /// <summary>
    /// SAUTH0001 on a page declared in user code, when a mapping of this compilation routes it without a decision from
    /// the page itself, its mapping or a fallback policy.
    /// </summary>
    public void ReportPage(SymbolAnalysisContext context, INamedTypeSymbol page, ProjectWideGuards projectGuards)
    {
        if (UserLocation(page, context.CancellationToken) is not { } location || PageDecides(page))
        {
            return;
        }

        var open = Mappings(context.CancellationToken).Where(m => !m.Decided && m.Routes(page.ContainingAssembly)).ToList();
        if (open.Count > 0 && !projectGuards.HasFallbackPolicy(context.CancellationToken))
        {
            context.ReportDiagnostic(Create(location, page, open, GuardFixes.Component));
        }
    }

    /// <summary>
    /// SAUTH0001 on a <c>MapRazorComponents</c> call for the generated or referenced pages of its root's assembly, and on
    /// an <c>AddAdditionalAssemblies</c> argument for those of the assembly it adds, when that mapping leaves them undecided.
    /// </summary>
    public void ReportAtMapping(OperationAnalysisContext context, ProjectWideGuards projectGuards)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition;
        var sites = new List<(IAssemblySymbol Assembly, Location Location, List<Mapping> Open)>();
        if (IsMapRazorComponents(method))
        {
            if (Mappings(context.CancellationToken).FirstOrDefault(m => m.Call == invocation.Syntax) is { Decided: false } mapping)
            {
                var name = CalledName(mapping.Call).GetLocation();
                sites.AddRange(mapping.Roots.Select(root => (root, name, new List<Mapping> { mapping })));
                if (mapping.UnknownRoot is { } root && !projectGuards.HasFallbackPolicy(context.CancellationToken))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EndpointWithoutGuardDecision,
                        name,
                        mapping.Display,
                        mapping.GuardedOnSomePaths ? Descriptors.ConditionalGuardAdvice
                            : Descriptors.UnknownRootAdvice(root.Name, root.ContainingSymbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat))));
                }
            }
        }
        else if (IsAddAdditionalAssemblies(method))
        {
            foreach (var group in Mappings(context.CancellationToken)
                .SelectMany(m => m.Additional.Where(a => a.Call == invocation.Syntax && !m.Roots.Contains(a.Assembly, SymbolEqualityComparer.Default)).Select(a => (Mapping: m, Added: a)))
                .GroupBy(x => x.Added.Argument))
            {
                var open = group.Select(x => x.Mapping).Where(m => !m.Decided).ToList();
                if (open.Count > 0)
                {
                    sites.Add((group.First().Added.Assembly, group.Key.GetLocation(), open));
                }
            }
        }

        foreach (var (assembly, location, open) in sites)
        {
            foreach (var page in PagesOf(assembly))
            {
                if (UserLocation(page, context.CancellationToken) is null && !PageDecides(page) && !projectGuards.HasFallbackPolicy(context.CancellationToken))
                {
                    context.ReportDiagnostic(Create(location, page, open, GuardFixes.None));
                }
            }
        }
    }

    private Diagnostic Create(Location location, INamedTypeSymbol page, List<Mapping> open, string fix)
    {
        var routes = string.Join(", ", Routes(page));
        var name = page.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        var description = SymbolEqualityComparer.Default.Equals(page.ContainingAssembly, compilation.Assembly)
            ? $"Razor component {name} at {routes}"
            : $"Razor component {name} at {routes}, of assembly {page.ContainingAssembly.Name},";
        return Diagnostic.Create(
            Descriptors.EndpointWithoutGuardDecision,
            location,
            ImmutableDictionary<string, string?>.Empty.Add(GuardFixes.Property, fix),
            description,
            open.Any(m => m.GuardedOnSomePaths) ? Descriptors.ConditionalGuardAdvice : Descriptors.RazorComponentAdvice(Join(open.Select(m => m.Display).Distinct().ToList())));
    }

    private static string Join(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];

    /// <summary>The name a call is made by, type arguments included: <c>MapRazorComponents&lt;App&gt;</c>.</summary>
    private static ExpressionSyntax CalledName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name,
        MemberBindingExpressionSyntax binding => binding.Name,
        _ => call.Expression,
    };

    private IEnumerable<string> Routes(INamedTypeSymbol type) => type.GetAttributes()
        .Where(a => KnownTypes.Is(a.AttributeClass, symbols.ComponentRoute))
        .Select(static a => a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string template ? template : "?");

    private ImmutableArray<INamedTypeSymbol> PagesOf(IAssemblySymbol assembly) => _pages.GetOrAdd(assembly, a =>
    {
        var pages = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>([a.GlobalNamespace]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetMembers())
                {
                    pending.Push(member);
                }

                continue;
            }

            var type = (INamedTypeSymbol)current;
            if (IsPage(type))
            {
                pages.Add(type);
            }

            // A nested type is exported only inside a public one.
            if (type.DeclaredAccessibility == Accessibility.Public)
            {
                foreach (var nested in type.GetTypeMembers())
                {
                    pending.Push(nested);
                }
            }
        }

        return pages.ToImmutable();
    });

    /// <summary>Every <c>MapRazorComponents</c> call of the compilation, with the assemblies added on its builder; found once.</summary>
    private List<Mapping> Mappings(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _mappings ??= FindMappings(cancellationToken);
        }
    }

    private List<Mapping> FindMappings(CancellationToken cancellationToken)
    {
        var mappings = new List<Mapping>();
        foreach (var (invocation, flow) in values.Calls(MapRazorComponents, IsMapRazorComponents, cancellationToken))
        {
            var model = compilation.GetSemanticModel(invocation.SyntaxTree);
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { TypeArguments.Length: 1 } method)
            {
                continue;
            }

            // A root that is a type parameter (MapRazorComponents<TApp>() in a generic helper) is each type it stands for.
            var (roots, complete) = method.TypeArguments[0] is ITypeParameterSymbol parameter
                ? values.TypeArguments(parameter, invocation, cancellationToken)
                : ([method.TypeArguments[0]], true);
            mappings.Add(new Mapping(
                invocation,
                CalledName(invocation) + "()",
                roots.Select(r => r.ContainingAssembly).Where(a => a is not null).Distinct<IAssemblySymbol>(SymbolEqualityComparer.Default).ToList(),
                complete ? null : (ITypeParameterSymbol)method.TypeArguments[0],
                flow is not null && values.Decides(flow, invocation, sessionOnly: false, cancellationToken),
                flow is not null && values.GuardedOnSomePaths(flow, invocation, cancellationToken)));
        }

        // An AddAdditionalAssemblies call adds to the mappings its builder may be made by: in its body, returned by a
        // helper, or passed to a parameter by every call. One whose builder came from elsewhere (a field, a public
        // method's parameter) is not followed, and the pages it adds are not checked.
        foreach (var (invocation, flow) in values.Calls(AddAdditionalAssemblies, IsAddAdditionalAssemblies, cancellationToken))
        {
            if (flow is null || !flow.Receivers.TryGetValue(invocation, out var receivers)
                || compilation.GetSemanticModel(invocation.SyntaxTree).GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
            {
                continue;
            }

            var origins = values.Origins(flow, receivers, cancellationToken);
            foreach (var mapping in mappings.Where(m => origins.Contains(m.Call)))
            {
                foreach (var (assembly, argument) in AssemblyArguments(operation))
                {
                    mapping.Additional.Add((assembly, argument, invocation));
                }
            }
        }

        return mappings;
    }

    /// <summary>The assemblies an <c>AddAdditionalAssemblies</c> call names as <c>typeof(T).Assembly</c>; other expressions are not followed.</summary>
    private static IEnumerable<(IAssemblySymbol Assembly, SyntaxNode Argument)> AssemblyArguments(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type is not IArrayTypeSymbol)
            {
                continue;
            }

            foreach (var element in argument.ArrayElements())
            {
                if (element is IPropertyReferenceOperation { Property.Name: "Assembly", Instance: ITypeOfOperation { TypeOperand.ContainingAssembly: { } assembly } })
                {
                    yield return (assembly, element.Syntax);
                }
            }
        }
    }

    private static bool IsMapRazorComponents(IMethodSymbol method) =>
        method.Name == MapRazorComponents && method.ContainingType?.ToDisplayString() == "Microsoft.AspNetCore.Builder.RazorComponentsEndpointRouteBuilderExtensions";

    private static bool IsAddAdditionalAssemblies(IMethodSymbol method) =>
        method.Name == AddAdditionalAssemblies && method.ContainingType?.ToDisplayString() == "Microsoft.AspNetCore.Builder.RazorComponentsEndpointConventionBuilderExtensions";

    /// <summary>
    /// Whether the analyzer driver takes <paramref name="tree"/> for generated code, and so runs no symbol action for a type
    /// declared only there: the <c>generated_code</c> option when set, else the compiler's heuristics (a
    /// <c>.g.cs</c>/<c>.designer.cs</c>/<c>.generated.cs</c> name, an <c>&lt;auto-generated&gt;</c> header), which the
    /// Razor generator's output meets.
    /// </summary>
    private bool IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue("generated_code", out var configured) && bool.TryParse(configured, out var generated))
        {
            return generated;
        }

        var fileName = Path.GetFileName(tree.FilePath);
        if (fileName.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var name = Path.GetFileNameWithoutExtension(fileName);
        if (name.EndsWith(".designer", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".generated", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".g", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".g.i", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return tree.GetRoot(cancellationToken).GetFirstToken(includeZeroWidth: true).LeadingTrivia.Any(static t =>
            t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)
                ? t.ToString().IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0 || t.ToString().IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0
                : false);
    }

    /// <summary>
    /// One <c>MapRazorComponents</c> call: its roots' assemblies (several, or some not known, when the root is a type
    /// parameter), the assemblies added on its builder, and whether a convention on it decides.
    /// </summary>
    private sealed class Mapping(InvocationExpressionSyntax call, string display, List<IAssemblySymbol> roots, ITypeParameterSymbol? unknownRoot, bool decided, bool guardedOnSomePaths)
    {
        public InvocationExpressionSyntax Call { get; } = call;

        /// <summary>The call as written, <c>MapRazorComponents&lt;App&gt;()</c>, to name it in messages.</summary>
        public string Display { get; } = display;

        public List<IAssemblySymbol> Roots { get; } = roots;

        /// <summary>The root's type parameter when not every type it stands for can be seen; the pages of those are not known.</summary>
        public ITypeParameterSymbol? UnknownRoot { get; } = unknownRoot;

        public bool Decided { get; } = decided;

        public bool GuardedOnSomePaths { get; } = guardedOnSomePaths;

        public List<(IAssemblySymbol Assembly, SyntaxNode Argument, InvocationExpressionSyntax Call)> Additional { get; } = [];

        public bool Routes(IAssemblySymbol assembly) =>
            Roots.Contains(assembly, SymbolEqualityComparer.Default) || Additional.Any(a => SymbolEqualityComparer.Default.Equals(a.Assembly, assembly));
    }
}
