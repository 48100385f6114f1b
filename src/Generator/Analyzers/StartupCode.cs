using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Whether code runs whenever the app starts, so that what it configures is configured: it sits (outside any lambda it
/// is not handed over in, which <see cref="EveryPath"/> judges) in the entry point, in a <c>ConfigureServices</c> method
/// (the host calls a Startup class's by convention), in a method a library's host may call (externally visible), or in
/// a method that such code calls on every path of its body; and on no path after a call there that runs the host
/// (<c>app.Run()</c>, or a helper that runs it: <see cref="HostRun"/>): what is configured after it is configured once the
/// app has stopped serving.
/// </summary>
/// <remarks>
/// A method called only through a delegate, by reflection or not at all is not seen to run: what it configures does
/// not count. Calls are found through the index of invocations by name that the caller has built; only a call whose
/// name matches is bound.
/// </remarks>
internal sealed class StartupCode(Compilation compilation, Dictionary<string, List<InvocationExpressionSyntax>> callsByName)
{
    // A configuration helper calling a helper is common; a chain this deep is not, and past it the code is not seen to run
    // (nor, for HostRun, a host run in it).
    internal const int MaxDepth = 8;

    private readonly Dictionary<IMethodSymbol, bool> _known = new(SymbolEqualityComparer.Default);

    public bool Runs(SyntaxNode site, CancellationToken cancellationToken) =>
        MemberAt(site, cancellationToken) is { } method && !IsAfterHostRun(site, cancellationToken) && Runs(method, 0, cancellationToken);

    private bool Runs(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(method, out var known))
        {
            return known;
        }

        // Assumed not to run while its own callers are asked: a method reached only through itself does not run.
        _known[method] = false;
        var runs = IsCalledByTheHost(method, cancellationToken) || (depth < MaxDepth && IsCalledFromStartup(method, depth, cancellationToken));
        _known[method] = runs;
        return runs;
    }

    /// <summary>A Startup class's <c>Configure{Environment}Services(IServiceCollection)</c>, which the host calls by convention with the app's collection.</summary>
    public static bool IsHostConfigureServices(IMethodSymbol method) =>
        method.Name.StartsWith("Configure", StringComparison.Ordinal) && method.Name.EndsWith("Services", StringComparison.Ordinal)
        && method.Parameters.Any(static p => p.Type.ToDisplayString() == "Microsoft.Extensions.DependencyInjection.IServiceCollection");

    /// <summary>
    /// Whether a library's host may call <paramref name="method"/>: it is externally visible in a library, and not
    /// <c>[Conditional]</c> (whether the host's call is compiled depends on symbols this compilation does not know).
    /// </summary>
    public static bool MayBeCalledFromOutside(Compilation compilation, IMethodSymbol method) =>
        compilation.Options.OutputKind is OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule && IsExternallyVisible(method)
        && !ConditionalCompilation.IsConditional(method);

    private bool IsCalledByTheHost(IMethodSymbol method, CancellationToken cancellationToken) =>
        SymbolEqualityComparer.Default.Equals(method, compilation.GetEntryPoint(cancellationToken))
        || IsHostConfigureServices(method)
        || MayBeCalledFromOutside(compilation, method);

    /// <summary>Whether a call of <paramref name="method"/> runs on every path of a method that runs.</summary>
    private bool IsCalledFromStartup(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (!callsByName.TryGetValue(method.Name, out var calls))
        {
            return false;
        }

        var definition = method.OriginalDefinition;
        foreach (var call in calls)
        {
            var model = compilation.GetSemanticModel(call.SyntaxTree);
            if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol bound
                || !SymbolEqualityComparer.Default.Equals((bound.ReducedFrom ?? bound).OriginalDefinition, definition)
                || model.GetOperation(call, cancellationToken) is not { } operation
                || !EveryPath.Runs(operation, cancellationToken)
                || IsAfterHostRun(call, cancellationToken))
            {
                continue;
            }

            if (MemberAt(call, cancellationToken) is { } caller && Runs(caller, depth + 1, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="site"/> may run after a call of its body that runs the host (<see cref="HostRun"/>): such a
    /// call returns once the app has stopped serving (or, not awaited, has started serving), so what is configured after
    /// it configures nothing a request sees.
    /// </summary>
    private bool IsAfterHostRun(SyntaxNode site, CancellationToken cancellationToken) => HostRun.IsAfter(site, compilation, cancellationToken);

    /// <summary>The method whose body holds <paramref name="site"/>, outside the lambdas and local functions around it.</summary>
    private IMethodSymbol? MemberAt(SyntaxNode site, CancellationToken cancellationToken)
    {
        var symbol = compilation.GetSemanticModel(site.SyntaxTree).GetEnclosingSymbol(site.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol as IMethodSymbol;
    }

    private static bool IsExternallyVisible(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }
}
