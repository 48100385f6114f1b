using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>Where a <c>[RequireSession&lt;TRule&gt;]</c> sits, as far as who reads it is concerned.</summary>
internal enum RuleTarget
{
    /// <summary>Nothing reads it: no endpoint carries the attribute, so the rule is never checked.</summary>
    None,

    /// <summary>A server function, or a method one overrides: its generated endpoint calls the rule.</summary>
    ServerFunction,

    /// <summary>
    /// A class that declares server functions (or a class around one), or a class such classes derive from: the generated
    /// endpoints call the rule.
    /// </summary>
    ServerFunctionClass,

    /// <summary>A minimal API handler (a lambda, a local function, or a method handed over as a delegate): endpoint metadata.</summary>
    Handler,

    /// <summary>A controller action: endpoint metadata.</summary>
    Action,

    /// <summary>A controller, or a class controllers derive from: endpoint metadata of every action.</summary>
    Controller,

    /// <summary>A routable Razor component (<c>[Route]</c>, <c>@page</c>), or a class such components derive from: endpoint metadata.</summary>
    Component,

    /// <summary>A SignalR hub, or a class hubs derive from: endpoint metadata of the hub's endpoints.</summary>
    Hub,

    /// <summary>
    /// A Razor Pages page model (a class <c>[PageModel]</c> marks, as it marks <c>PageModel</c> and every class derived from
    /// it), or a page without one: MVC puts the handler type's attributes into the page's endpoint metadata.
    /// </summary>
    Page,
}

/// <summary>
/// What a compilation holds that decides whether a rule attribute is read and what it is checked against: its
/// <c>[SessionData]</c> types, the classes server function classes, controllers, routable components and hubs derive from
/// (each reads its base classes' attributes with <c>GetCustomAttributes(inherit: true)</c>), the methods server functions
/// override, and the methods handed over as delegates (which a <c>Map</c> call can make minimal API handlers).
/// </summary>
/// <remarks>
/// Each is found by one walk, done at most once per compilation and only when a rule attribute needs it: a project without
/// rules never pays for it. The delegate walk is by name; only a name that matches the method asked about is bound.
/// </remarks>
internal sealed class RuleTargets(Compilation compilation, AnalyzerSymbols symbols)
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _delegates = new(SymbolEqualityComparer.Default);
    private List<INamedTypeSymbol>? _sessionDataTypes;
    private Dictionary<INamedTypeSymbol, RuleTarget>? _endpointBases;
    private HashSet<IMethodSymbol>? _overriddenByServerFunctions;
    private HashSet<INamedTypeSymbol>? _metadataEndpointBases;
    private Dictionary<string, List<ExpressionSyntax>>? _delegateNames;
    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? _derivedPages;

    /// <summary>The compilation's <c>[SessionData]</c> types: the app's session type, when there is exactly one.</summary>
    public IReadOnlyList<INamedTypeSymbol> SessionDataTypes(CancellationToken cancellationToken)
    {
        ScanTypes(cancellationToken);
        return _sessionDataTypes!;
    }

    public RuleTarget Classify(ISymbol symbol, CancellationToken cancellationToken) => symbol switch
    {
        IMethodSymbol method => ClassifyMethod(method, cancellationToken),
        INamedTypeSymbol type => ClassifyType(type, cancellationToken),
        _ => RuleTarget.None,
    };

    /// <summary>Why nothing reads an attribute on <paramref name="symbol"/>, which <see cref="Classify"/> found to be <see cref="RuleTarget.None"/>.</summary>
    public string WhyNeverChecked(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method when IsPageModel(method.ContainingType) =>
            "Razor Pages puts the page model's attributes into the page's endpoint metadata, never a handler method's; put the rule on the page model class",
        INamedTypeSymbol page when PageModelOf(page) is { } model =>
            $"the page's model {model.Name} is a page model, and Razor Pages puts the page model's attributes into the page's endpoint metadata instead of the page's; put the rule on {model.Name}",
        IMethodSymbol method when ControllerActions.Inherits(method.ContainingType, symbols.Hub) =>
            "SignalR does not put a hub method's attributes into endpoint metadata; put the rule on the hub class",
        IMethodSymbol { MethodKind: not MethodKind.Ordinary } =>
            "only a method's attributes become endpoint metadata, and an accessor, operator or other special method is no endpoint",
        IMethodSymbol =>
            "it is not a server function, a controller action, or a method handed to Map... as a handler (it is never used as a delegate), so no endpoint carries the attribute; add [ServerFunction], or map it",
        _ =>
            "a class's attributes reach the endpoints of the server functions it declares, of a controller, of a routable Razor component ([Route], @page) and of a hub, and it is none of those (the class of a minimal API handler is never read: put the rule on the handler)",
    };

    private RuleTarget ClassifyMethod(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction)
        {
            // A lambda or local function can reach a Map call through a variable, which is not followed: taken as a handler.
            return RuleTarget.Handler;
        }

        if (symbols.IsServerFunction(method, out _) || OverriddenByServerFunction(method, cancellationToken))
        {
            return RuleTarget.ServerFunction;
        }

        if (method.MethodKind != MethodKind.Ordinary || ControllerActions.Inherits(method.ContainingType, symbols.Hub))
        {
            return RuleTarget.None;
        }

        var type = method.ContainingType;
        // An abstract action is no action itself, but MVC reads its attributes on every override (inherit: true).
        if ((ControllerActions.IsController(type, symbols) || BaseOf(type, cancellationToken) == RuleTarget.Controller)
            && (ControllerActions.IsAction(method, symbols) || method is { IsAbstract: true, IsStatic: false, DeclaredAccessibility: Accessibility.Public }))
        {
            return RuleTarget.Action;
        }

        return IsDelegate(method, cancellationToken) ? RuleTarget.Handler : RuleTarget.None;
    }

    private RuleTarget ClassifyType(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (symbols.DeclaresServerFunction(type))
        {
            return RuleTarget.ServerFunctionClass;
        }

        if (ControllerActions.IsController(type, symbols))
        {
            return RuleTarget.Controller;
        }

        if (IsRoutableComponent(type))
        {
            return RuleTarget.Component;
        }

        if (ControllerActions.Inherits(type, symbols.Hub))
        {
            return RuleTarget.Hub;
        }

        return IsPageModel(type) || (ControllerActions.Inherits(type, symbols.RazorPage) && PageModelOf(type) is null) ? RuleTarget.Page : BaseOf(type, cancellationToken);
    }

    public bool IsRoutableComponent(INamedTypeSymbol type) =>
        KnownTypes.Implements(type, symbols.Component) && type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, symbols.ComponentRoute));

    /// <summary>
    /// The routable components whose endpoints carry the attributes of <paramref name="component"/>: itself when it is
    /// routable, and every routable component of the project derived from it (Razor components' endpoint metadata holds
    /// the page type's attributes with its base classes').
    /// </summary>
    public IReadOnlyList<INamedTypeSymbol> PagesReading(INamedTypeSymbol component, CancellationToken cancellationToken)
    {
        ScanTypes(cancellationToken);
        var pages = new List<INamedTypeSymbol>();
        if (IsRoutableComponent(component))
        {
            pages.Add(component);
        }

        if (_derivedPages!.TryGetValue(component.OriginalDefinition, out var derived))
        {
            pages.AddRange(derived);
        }

        return pages;
    }

    /// <summary>
    /// Whether MVC takes <paramref name="type"/> as a Razor Pages handler type when it is a page's model: it carries
    /// <c>[PageModel]</c>, its own or passed on (<c>PageModel</c> carries it), as <c>IsDefined(typeof(PageModelAttribute), inherit: true)</c> finds it.
    /// </summary>
    private bool IsPageModel(INamedTypeSymbol type) =>
        symbols.PageModelAttribute is not null && InheritedAttributes.Of(type).Any(a => KnownTypes.Is(a.AttributeClass, symbols.PageModelAttribute));

    /// <summary>The page model type of a Razor page (the type of its <c>Model</c> property, when that is a page model), whose attributes MVC reads instead of the page's.</summary>
    private INamedTypeSymbol? PageModelOf(INamedTypeSymbol type)
    {
        if (!ControllerActions.Inherits(type, symbols.RazorPage))
        {
            return null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers("Model").OfType<IPropertySymbol>().FirstOrDefault() is { Type: INamedTypeSymbol model })
            {
                return IsPageModel(model) ? model : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether only generated server function endpoints, which guard themselves, read the attributes of
    /// <paramref name="symbol"/>, a class or method that is no server function nor declares one: a base class of server
    /// function classes that no controller, routable component or hub derives from, or a method only server functions
    /// override (no controller's action, never a delegate).
    /// </summary>
    public bool OnlyServerFunctionsRead(ISymbol symbol, CancellationToken cancellationToken) => symbol switch
    {
        INamedTypeSymbol type => BaseOf(type, cancellationToken) == RuleTarget.ServerFunctionClass && !_metadataEndpointBases!.Contains(type.OriginalDefinition),
        IMethodSymbol method => OverriddenByServerFunction(method, cancellationToken)
            && !_metadataEndpointBases!.Contains(method.ContainingType.OriginalDefinition)
            && !IsDelegate(method, cancellationToken),
        _ => false,
    };

    /// <summary>Whether a server function overrides <paramref name="method"/>, whose attributes it then carries.</summary>
    private bool OverriddenByServerFunction(IMethodSymbol method, CancellationToken cancellationToken)
    {
        ScanTypes(cancellationToken);
        return (method.IsVirtual || method.IsAbstract || method.IsOverride) && _overriddenByServerFunctions!.Contains(method.OriginalDefinition);
    }

    /// <summary>What the endpoints are of the server function classes, controllers, routable components or hubs that derive from <paramref name="type"/>.</summary>
    private RuleTarget BaseOf(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        ScanTypes(cancellationToken);
        return _endpointBases!.TryGetValue(type.OriginalDefinition, out var target) ? target : RuleTarget.None;
    }

    private void ScanTypes(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_sessionDataTypes is not null)
            {
                return;
            }

            var sessionDataTypes = new List<INamedTypeSymbol>();
            var bases = new Dictionary<INamedTypeSymbol, RuleTarget>(SymbolEqualityComparer.Default);
            var overridden = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var metadataBases = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            var derivedPages = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = pending.Pop();
                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol container)
                    {
                        pending.Push(container);
                    }
                }

                if (current is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
                {
                    continue;
                }

                if (type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, symbols.Known.SessionData)))
                {
                    sessionDataTypes.Add(type);
                }

                var target = symbols.DeclaresServerFunction(type) ? RuleTarget.ServerFunctionClass
                    : ControllerActions.IsController(type, symbols) ? RuleTarget.Controller
                    : IsRoutableComponent(type) ? RuleTarget.Component
                    : ControllerActions.Inherits(type, symbols.Hub) ? RuleTarget.Hub
                    : RuleTarget.None;
                for (var @base = type.BaseType; target != RuleTarget.None && @base is not null; @base = @base.BaseType)
                {
                    // A base of server function classes and of other endpoints is held to what a generated endpoint needs.
                    if (!bases.TryGetValue(@base.OriginalDefinition, out var known) || (target == RuleTarget.ServerFunctionClass && known != target))
                    {
                        bases[@base.OriginalDefinition] = target;
                    }

                    if (target != RuleTarget.ServerFunctionClass)
                    {
                        metadataBases.Add(@base.OriginalDefinition);
                    }

                    if (target == RuleTarget.Component)
                    {
                        if (!derivedPages.TryGetValue(@base.OriginalDefinition, out var pages))
                        {
                            derivedPages.Add(@base.OriginalDefinition, pages = []);
                        }

                        pages.Add(type);
                    }
                }

                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { IsOverride: true } method && symbols.IsServerFunction(method, out _))
                    {
                        for (var @base = method.OverriddenMethod; @base is not null; @base = @base.OverriddenMethod)
                        {
                            overridden.Add(@base.OriginalDefinition);
                        }
                    }
                }
            }

            _endpointBases = bases;
            _overriddenByServerFunctions = overridden;
            _metadataEndpointBases = metadataBases;
            _derivedPages = derivedPages;
            _sessionDataTypes = sessionDataTypes;
        }
    }

    /// <summary>
    /// Whether <paramref name="method"/> is converted to a delegate anywhere in the compilation: as an argument (a
    /// <c>Map</c> call, a helper that maps it), an initializer, an assignment or a returned value.
    /// </summary>
    private bool IsDelegate(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (_delegates.TryGetValue(method, out var known))
        {
            return known;
        }

        ScanNames(cancellationToken);
        var found = false;
        if (_delegateNames!.TryGetValue(method.Name, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                var info = compilation.GetSemanticModel(candidate.SyntaxTree).GetSymbolInfo(candidate, cancellationToken);
                if (info.Symbol is IMethodSymbol bound ? IsSame(bound, method) : info.CandidateSymbols.OfType<IMethodSymbol>().Any(c => IsSame(c, method)))
                {
                    found = true;
                    break;
                }
            }
        }

        _delegates[method] = found;
        return found;

        static bool IsSame(IMethodSymbol bound, IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(ExtensionBlocks.Definition(bound), ExtensionBlocks.Definition(method));
    }

    private void ScanNames(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_delegateNames is not null)
            {
                return;
            }

            var names = new Dictionary<string, List<ExpressionSyntax>>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    var value = node switch
                    {
                        ArgumentSyntax argument => argument.Expression,
                        EqualsValueClauseSyntax initializer => initializer.Value,
                        AssignmentExpressionSyntax assignment => assignment.Right,
                        ReturnStatementSyntax @return => @return.Expression,
                        ArrowExpressionClauseSyntax arrow => arrow.Expression,
                        _ => null,
                    };
                    while (value is CastExpressionSyntax or ParenthesizedExpressionSyntax)
                    {
                        value = value is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)value).Expression;
                    }

                    var name = value switch
                    {
                        SimpleNameSyntax simple => simple.Identifier.ValueText,
                        MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression) => access.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (name is not null)
                    {
                        if (!names.TryGetValue(name, out var list))
                        {
                            names.Add(name, list = []);
                        }

                        list.Add(value!);
                    }
                }
            }

            _delegateNames = names;
        }
    }
}
