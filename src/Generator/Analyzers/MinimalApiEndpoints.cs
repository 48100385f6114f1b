using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// The minimal API endpoints mapped in one method body, with what the body does to route groups and endpoint
/// builders held in locals; decided when the body has been seen whole.
/// </summary>
internal sealed class MinimalApiEndpoints(AnalyzerSymbols symbols)
{
    private const int MaxGroupDepth = 8;
    private const string RequireSession = "RequireSession";
    private static readonly HashSet<string> MapMethods = ["MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map", "MapFallback"];

    private readonly List<(IInvocationOperation Map, IOperation Handler)> _maps = [];
    private readonly HashSet<ILocalSymbol> _decidedLocals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _sessionLocals = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, IOperation> _initializers = new(SymbolEqualityComparer.Default);
    private readonly object _gate = new();

    public void Add(IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        if (ProjectWideGuards.IsGuardConvention(name))
        {
            if (Unwrap(Receiver(invocation)) is ILocalReferenceOperation local)
            {
                lock (_gate)
                {
                    _decidedLocals.Add(local.Local);
                    if (name == RequireSession)
                    {
                        _sessionLocals.Add(local.Local);
                    }
                }
            }
        }
        else if (MapMethods.Contains(name) && FindHandler(invocation) is { } handler)
        {
            lock (_gate)
            {
                _maps.Add((invocation, handler));
            }
        }
    }

    public void Add(IVariableDeclaratorOperation declarator)
    {
        if (declarator.GetVariableInitializer()?.Value is { } value)
        {
            lock (_gate)
            {
                _initializers[declarator.Symbol] = value;
            }
        }
    }

    public void Report(OperationBlockAnalysisContext context, ProjectWideGuards projectGuards)
    {
        foreach (var (map, handler) in _maps)
        {
            if (!Decides(map, handler, sessionOnly: false) && !projectGuards.HasFallbackPolicy(context.CancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.EndpointWithoutGuardDecision, HandlerLocation(handler), Describe(map), Descriptors.MinimalApiAdvice));
            }

            // Session data is bound from the request's session: without RequireSession it is null for anonymous callers.
            foreach (var parameter in HandlerParameters(handler))
            {
                if (parameter.NullableAnnotation != NullableAnnotation.Annotated
                    && parameter.Type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, symbols.Known.SessionData))
                    && !Decides(map, handler, sessionOnly: true))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SessionDataWithoutGuard, parameter.Locations[0], parameter.Name, Describe(map), parameter.Type.Name));
                }
            }
        }
    }

    /// <summary>
    /// Whether the endpoint made a guard decision: any of them, or with <paramref name="sessionOnly"/> one that
    /// requires a session ([RequireSession] or RequireSession()).
    /// </summary>
    private bool Decides(IInvocationOperation map, IOperation handler, bool sessionOnly) =>
        HandlerDecides(handler, sessionOnly) || ChainDecides(map, sessionOnly) || SourceDecides(Receiver(map), 0, sessionOnly);

    private static bool IsDecision(string conventionName, bool sessionOnly) =>
        sessionOnly ? conventionName == RequireSession : ProjectWideGuards.IsGuardConvention(conventionName);

    private static ImmutableArray<IParameterSymbol> HandlerParameters(IOperation handler) => UnwrapDelegate(handler) switch
    {
        IAnonymousFunctionOperation lambda => lambda.Symbol.Parameters,
        IMethodReferenceOperation reference => reference.Method.Parameters,
        _ => ImmutableArray<IParameterSymbol>.Empty,
    };

    private IOperation? FindHandler(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (!method.IsExtensionMethod || method.Parameters.Length == 0 || !KnownTypes.Is(method.Parameters[0].Type, symbols.EndpointRouteBuilder))
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type is { } type && (KnownTypes.Is(type, symbols.Delegate) || KnownTypes.Is(type, symbols.RequestDelegate)))
            {
                return argument.Value;
            }
        }

        return null;
    }

    private bool HandlerDecides(IOperation handler, bool sessionOnly)
    {
        IMethodSymbol? method = UnwrapDelegate(handler) switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            IMethodReferenceOperation reference => reference.Method,
            _ => null,
        };
        if (method is null)
        {
            return false;
        }

        var decision = GuardDecision.ForMinimalApiHandler(method, symbols.Known);
        return sessionOnly ? decision.RequiresSession : decision.IsDecided;
    }

    /// <summary>A guard convention later in the chain (<c>MapGet(...).RequireAuthorization()</c>), or on the local that holds it.</summary>
    private bool ChainDecides(IOperation map, bool sessionOnly)
    {
        var current = map;
        while (true)
        {
            var parent = current.Parent;
            while (parent is IConversionOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            if (parent is IArgumentOperation { Parent: IInvocationOperation outer } && Unwrap(Receiver(outer)) == Unwrap(current))
            {
                if (IsDecision(outer.TargetMethod.Name, sessionOnly))
                {
                    return true;
                }

                current = outer;
                continue;
            }

            if (parent is IInvocationOperation instanceCall && instanceCall.Instance == current)
            {
                current = instanceCall;
                continue;
            }

            return parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                && (sessionOnly ? _sessionLocals : _decidedLocals).Contains(declarator.Symbol);
        }
    }

    /// <summary>Whether the builder an endpoint is mapped on is a route group with a guard decision, at any depth.</summary>
    private bool SourceDecides(IOperation? source, int depth, bool sessionOnly)
    {
        if (depth > MaxGroupDepth)
        {
            return false;
        }

        switch (Unwrap(source))
        {
            case IInvocationOperation invocation:
                return IsDecision(invocation.TargetMethod.Name, sessionOnly) || SourceDecides(Receiver(invocation), depth + 1, sessionOnly);
            case ILocalReferenceOperation local:
                return (sessionOnly ? _sessionLocals : _decidedLocals).Contains(local.Local)
                    || (_initializers.TryGetValue(local.Local, out var initializer) && SourceDecides(initializer, depth + 1, sessionOnly));
            default:
                return false;
        }
    }

    private static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => operation,
            };
        }

        return operation;
    }

    private static IOperation? UnwrapDelegate(IOperation operation)
    {
        var current = Unwrap(operation);
        while (current is IDelegateCreationOperation creation)
        {
            current = Unwrap(creation.Target);
        }

        return current;
    }

    private static Location HandlerLocation(IOperation handler) =>
        UnwrapDelegate(handler)?.Syntax is LambdaExpressionSyntax lambda ? lambda.ArrowToken.GetLocation() : handler.Syntax.GetLocation();

    private static string Describe(IInvocationOperation map)
    {
        var verb = map.TargetMethod.Name switch
        {
            "MapGet" => "GET ",
            "MapPost" => "POST ",
            "MapPut" => "PUT ",
            "MapDelete" => "DELETE ",
            "MapPatch" => "PATCH ",
            "MapFallback" => "fallback ",
            _ => string.Empty,
        };
        var route = map.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern")?.Value.ConstantValue;
        return route is { HasValue: true, Value: string pattern } ? $"Endpoint {verb}{pattern}" : $"Endpoint {verb}mapped with {map.TargetMethod.Name}";
    }
}
