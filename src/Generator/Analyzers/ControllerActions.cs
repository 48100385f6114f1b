using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Which types MVC takes as controllers, which methods as their actions, and which attributes it puts into an action's
/// endpoint metadata, read from symbols by MVC's own rules (<c>ControllerFeatureProvider.IsController</c>,
/// <c>DefaultApplicationModelProvider.IsAction</c> and <c>CreateControllerModel</c>/<c>CreateActionModel</c>).
/// </summary>
internal static class ControllerActions
{
    private const string ControllerSuffix = "Controller";

    /// <summary>
    /// <c>ControllerFeatureProvider.IsController</c>: a public top-level class (a nested class never is, whatever its
    /// accessibility), neither abstract nor generic, without an inherited <c>[NonController]</c>, whose name ends in
    /// "Controller" or which carries an inherited <c>[Controller]</c> (<c>ControllerBase</c> carries one).
    /// </summary>
    internal static bool IsController(INamedTypeSymbol type, AnalyzerSymbols symbols)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.IsGenericType || type.ContainingType is not null
            || type.DeclaredAccessibility != Accessibility.Public || symbols.ControllerAttribute is null)
        {
            return false;
        }

        var attributes = InheritedAttributes.Of(type).ToList();
        return !attributes.Any(a => Inherits(a.AttributeClass, symbols.NonControllerAttribute))
            && (type.Name.EndsWith(ControllerSuffix, StringComparison.OrdinalIgnoreCase) || attributes.Any(a => Inherits(a.AttributeClass, symbols.ControllerAttribute)));
    }

    /// <summary>
    /// The actions of <paramref name="controller"/>: what <c>Type.GetMethods()</c> returns (its public methods and those
    /// of every base class, an override standing for the methods it overrides, a method hidden with <c>new</c> still
    /// listed) that <c>IsAction</c> keeps.
    /// </summary>
    internal static IEnumerable<IMethodSymbol> Actions(INamedTypeSymbol controller, AnalyzerSymbols symbols)
    {
        var overridden = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        for (var type = controller; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol method || overridden.Contains(method))
                {
                    continue;
                }

                for (var @base = method.OverriddenMethod; @base is not null; @base = @base.OverriddenMethod)
                {
                    overridden.Add(@base);
                }

                if (IsAction(method, symbols))
                {
                    yield return method;
                }
            }
        }
    }

    /// <summary>
    /// <c>DefaultApplicationModelProvider.IsAction</c>: a public instance method that is no accessor, operator or other
    /// special method, not generic, not abstract, without an inherited <c>[NonAction]</c>, and neither an override of an
    /// <see cref="object"/> method nor the implementation of <see cref="IDisposable.Dispose"/>.
    /// </summary>
    internal static bool IsAction(IMethodSymbol method, AnalyzerSymbols symbols)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Public
            || method.IsStatic || method.IsAbstract || method.IsGenericMethod
            || InheritedAttributes.Of(method).Any(a => Inherits(a.AttributeClass, symbols.NonActionAttribute)))
        {
            return false;
        }

        var definition = BaseDefinition(method);
        return definition.ContainingType.SpecialType != SpecialType.System_Object && !IsDisposeImplementation(definition, symbols.Disposable);
    }

    /// <summary>
    /// Whether the controller decides for every action: MVC puts the controller's attributes into each action's endpoint
    /// metadata, read with <c>GetCustomAttributes(inherit: true)</c> (its own, and its base classes' whose
    /// <c>AttributeUsage</c> says <c>Inherited</c>). For an inherited action the controller is the derived class MVC
    /// found, not the class that declares the method.
    /// </summary>
    internal static bool ControllerDecides(INamedTypeSymbol controller, AnalyzerSymbols symbols) => InheritedAttributes.Of(controller).Any(symbols.IsGuardDecision);

    /// <summary>
    /// Whether the action's own attributes decide: MVC reads them with <c>GetCustomAttributes(inherit: true)</c>, its own
    /// and the inheritable ones of the methods it overrides, so an override keeps its base method's <c>[Authorize]</c>.
    /// </summary>
    internal static bool ActionDecides(IMethodSymbol action, AnalyzerSymbols symbols) => InheritedAttributes.Of(action).Any(symbols.IsGuardDecision);

    /// <summary>
    /// Whether MVC routes <paramref name="action"/> by attribute: a route template (<c>[Route("...")]</c>,
    /// <c>[HttpGet("...")]</c>, any <c>IRouteTemplateProvider</c> that gives a template, in its usage or through the
    /// constructor of a custom attribute class: <see cref="RouteTemplates"/>) on the action, a method it overrides, its
    /// controller or a base class. A template-less <c>[HttpGet]</c> only constrains the verb of a conventional route.
    /// </summary>
    internal static bool IsAttributeRouted(INamedTypeSymbol controller, IMethodSymbol action, AnalyzerSymbols symbols, Compilation compilation, CancellationToken cancellationToken)
    {
        for (var method = action; method is not null; method = method.OverriddenMethod)
        {
            if (HasRouteTemplate(method))
            {
                return true;
            }
        }

        for (var type = controller; type is not null; type = type.BaseType)
        {
            if (HasRouteTemplate(type))
            {
                return true;
            }
        }

        return false;

        bool HasRouteTemplate(ISymbol symbol) =>
            symbol.GetAttributes().Any(a => RouteTemplates.MayGiveTemplate(a, compilation, symbols.RouteTemplateProvider, cancellationToken));
    }

    internal static bool Inherits(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null && baseType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>MethodInfo.GetBaseDefinition()</c>: the first declaration of the virtual method <paramref name="method"/> overrides.</summary>
    private static IMethodSymbol BaseDefinition(IMethodSymbol method)
    {
        while (method.OverriddenMethod is { } overridden)
        {
            method = overridden;
        }

        return method;
    }

    /// <summary>
    /// <c>IsIDisposableMethod</c>: the type declaring <paramref name="definition"/> implements <see cref="IDisposable"/>
    /// with it. A <c>new void Dispose()</c> that hides the implementation is an action.
    /// </summary>
    private static bool IsDisposeImplementation(IMethodSymbol definition, INamedTypeSymbol disposable) =>
        definition.ContainingType.AllInterfaces.Contains(disposable, SymbolEqualityComparer.Default)
        && disposable.GetMembers(nameof(IDisposable.Dispose)).FirstOrDefault() is { } dispose
        && SymbolEqualityComparer.Default.Equals(definition.ContainingType.FindImplementationForInterfaceMember(dispose)?.OriginalDefinition, definition.OriginalDefinition);
}
