using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// The minimal API endpoints (and SignalR hubs, health checks) mapped in one method body, decided when the body has been
/// seen whole: by the handler's attributes, or by a guard convention on the endpoint's builder or on the route groups it
/// was mapped on, followed through locals, parameters, fields and helper methods by <see cref="BuilderValues"/>.
/// </summary>
internal sealed class MinimalApiEndpoints(AnalyzerSymbols symbols, BuilderValues values)
{
    private static readonly HashSet<string> MapMethods = ["MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map", "MapFallback"];

    private readonly List<(IInvocationOperation Map, IOperation? Handler)> _maps = [];
    private readonly object _gate = new();

    public void Add(IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        var endpoint = MapMethods.Contains(name) ? FindHandler(invocation)
            : IsHubOrHealthCheck(invocation) ? invocation
            : null;
        if (endpoint is not null)
        {
            lock (_gate)
            {
                _maps.Add((invocation, endpoint == invocation ? null : endpoint));
            }
        }
    }

    public void Report(OperationBlockAnalysisContext context, ProjectWideGuards projectGuards)
    {
        foreach (var (map, handler) in _maps)
        {
            var verdict = Judge(context, map, handler, projectGuards);
            if (!verdict.Decided)
            {
                var advice = verdict.TooDeep ? Descriptors.TooDeepAdvice
                    : verdict.OnSomePaths ? Descriptors.ConditionalGuardAdvice
                    : handler is null ? Descriptors.HubOrHealthCheckAdvice
                    : Descriptors.MinimalApiAdvice;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.EndpointWithoutGuardDecision, EndpointLocation(map, handler), Describe(map), advice));
            }

            // Session data is bound from the request's session: without RequireSession it is null for anonymous callers,
            // and so it is with one when an IAllowAnonymous reaches the endpoint (UseSessionAuth() then skips it).
            foreach (var parameter in verdict.SessionMayBeNull ? SessionDataParameters(handler) : [])
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SessionDataWithoutGuard, parameter.Locations[0], parameter.Name, Describe(map), parameter.Type.Name));
            }
        }
    }

    /// <summary>
    /// Whether the endpoint <paramref name="map"/> makes is decided (and where not, whether a guard reaches it on some
    /// paths only), and whether session data may be null in its handler. Helper chains deeper than the thread's stack
    /// can follow end the question (<see cref="InsufficientExecutionStackException"/>): the endpoint is then taken as
    /// undecided and its session data as possibly null, which errs on the side of firing, never of silence or a crash.
    /// </summary>
    private (bool Decided, bool OnSomePaths, bool TooDeep, bool SessionMayBeNull) Judge(
        OperationBlockAnalysisContext context, IInvocationOperation map, IOperation? handler, ProjectWideGuards projectGuards)
    {
        try
        {
            var flow = FlowOf(context, map.Syntax);
            var decided = Decides(flow, map, handler, sessionOnly: false, context.CancellationToken) || projectGuards.HasFallbackPolicy(context.CancellationToken);
            var onSomePaths = !decided && flow is not null && values.GuardedOnSomePaths(flow, map.Syntax, context.CancellationToken);
            var sessionMayBeNull = handler is not null && SessionDataParameters(handler).Any()
                && (!Decides(flow, map, handler, sessionOnly: true, context.CancellationToken) || MayAllowAnonymous(flow, map, handler, context.CancellationToken));
            return (decided, onSomePaths, TooDeep: false, sessionMayBeNull);
        }
        catch (InsufficientExecutionStackException)
        {
            return (Decided: false, OnSomePaths: false, TooDeep: true, SessionMayBeNull: handler is not null);
        }
    }

    private BuilderFlow? FlowOf(OperationBlockAnalysisContext context, SyntaxNode map)
    {
        foreach (var block in context.OperationBlocks)
        {
            var root = block;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            if (root.Syntax.SyntaxTree == map.SyntaxTree && root.Syntax.Span.Contains(map.Span)
                && root is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation or IFieldInitializerOperation or IPropertyInitializerOperation)
            {
                return values.FlowOf(root, context.GetControlFlowGraph(block), context.OwningSymbol as IMethodSymbol, context.CancellationToken);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the endpoint made a guard decision: any of them, or with <paramref name="sessionOnly"/> one that
    /// requires a session ([RequireSession] or RequireSession()).
    /// </summary>
    private bool Decides(BuilderFlow? flow, IInvocationOperation map, IOperation? handler, bool sessionOnly, CancellationToken cancellationToken) =>
        (handler is null ? HubDecides(map, sessionOnly, cancellationToken) : HandlerDecides(handler, sessionOnly))
        || (flow is not null && values.Decides(flow, map.Syntax, sessionOnly, cancellationToken));

    /// <summary>
    /// Whether an <c>IAllowAnonymous</c> may reach the endpoint: <c>[AllowAnonymous]</c> on the handler (on any method
    /// the delegate may invoke), or a convention on its builder or a group around it (<see cref="BuilderValues.MayAllowAnonymous"/>).
    /// </summary>
    private bool MayAllowAnonymous(BuilderFlow? flow, IInvocationOperation map, IOperation handler, CancellationToken cancellationToken)
    {
        IReadOnlyList<IMethodSymbol>? methods = UnwrapDelegate(handler) switch
        {
            IAnonymousFunctionOperation lambda => [lambda.Symbol],
            IMethodReferenceOperation reference => DelegateTargets.Of(reference),
            _ => null,
        };

        return (methods is not null && methods.Any(method => GuardDecision.ForMinimalApiHandler(method, symbols.Known).Kind == GuardKind.Anonymous))
            || (flow is not null && values.MayAllowAnonymous(flow, map.Syntax, cancellationToken));
    }

    /// <summary>
    /// SignalR adds the attributes of the hub class, read with <c>inherit: true</c>, to the metadata of the hub's
    /// endpoints, so they decide; attributes on hub methods are checked per invocation, after anyone has connected, and do not.
    /// </summary>
    /// <remarks>
    /// <c>MapConnectionHandler&lt;T&gt;</c> adds the attributes of the handler class the same way. A type argument that is a
    /// type parameter (a generic helper that maps hubs) stands for every type its callers pass: they all must decide, and
    /// all must be seen (<see cref="BuilderValues.TypeArguments"/>); <c>MapConnections</c> has no class to read.
    /// </remarks>
    private bool HubDecides(IInvocationOperation map, bool sessionOnly, CancellationToken cancellationToken)
    {
        if (map.TargetMethod is not { Name: "MapHub" or "MapConnectionHandler", TypeArguments.Length: 1 })
        {
            return false;
        }

        var (types, complete) = map.TargetMethod.TypeArguments[0] is ITypeParameterSymbol parameter
            ? values.TypeArguments(parameter, map.Syntax, cancellationToken)
            : ([map.TargetMethod.TypeArguments[0]], true);
        return complete && types.Count > 0 && types.All(type => type is INamedTypeSymbol hub
            && InheritedAttributes.Of(hub).Any(a => sessionOnly ? symbols.Known.IsRequireSession(a.AttributeClass) : symbols.IsGuardDecision(a)));
    }

    /// <summary>
    /// A hub (<c>MapHub&lt;THub&gt;</c>, the type argument a hub or a type parameter, which MapHub constrains to one), a
    /// connection handler (<c>MapConnectionHandler&lt;T&gt;</c>), raw connections (<c>MapConnections</c>) or a health check:
    /// endpoints that answer whoever calls them, with no handler method whose attributes could decide.
    /// </summary>
    private bool IsHubOrHealthCheck(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (!method.IsExtensionMethod || method.Parameters.Length == 0 || !KnownTypes.Is(method.Parameters[0].Type, symbols.EndpointRouteBuilder))
        {
            return false;
        }

        var framework = method.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Builder";
        return method.Name switch
        {
            "MapHealthChecks" => true,
            "MapConnections" => framework,
            "MapConnectionHandler" => framework && method.TypeArguments.Length == 1,
            "MapHub" => framework && method.TypeArguments.Length == 1
                && (invocation.TargetMethod.TypeArguments[0] is ITypeParameterSymbol
                    || ControllerActions.Inherits(invocation.TargetMethod.TypeArguments[0] as INamedTypeSymbol, symbols.Hub)),
            _ => false,
        };
    }

    /// <summary>The handler's parameters, of the method the delegate will invoke when that is one known method.</summary>
    /// <summary>The handler's parameters bound from the session that it takes to be non-null.</summary>
    private IEnumerable<IParameterSymbol> SessionDataParameters(IOperation? handler) => handler is null ? [] : HandlerParameters(handler).Where(parameter =>
        parameter.NullableAnnotation != NullableAnnotation.Annotated && parameter.Type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, symbols.Known.SessionData)));

    private static ImmutableArray<IParameterSymbol> HandlerParameters(IOperation handler) => UnwrapDelegate(handler) switch
    {
        IAnonymousFunctionOperation lambda => lambda.Symbol.Parameters,
        IMethodReferenceOperation reference => DelegateTargets.Of(reference) is { Count: 1 } targets ? targets[0].Parameters : reference.Method.Parameters,
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

    /// <summary>
    /// Whether the attributes of the method the delegate invokes decide: of every implementation it may invoke, when the
    /// handler is a method group named through an interface or a virtual method (none when they are not known).
    /// </summary>
    private bool HandlerDecides(IOperation handler, bool sessionOnly)
    {
        IReadOnlyList<IMethodSymbol>? methods = UnwrapDelegate(handler) switch
        {
            IAnonymousFunctionOperation lambda => [lambda.Symbol],
            IMethodReferenceOperation reference => DelegateTargets.Of(reference),
            _ => null,
        };

        return methods is { Count: > 0 } && methods.All(method =>
        {
            var decision = GuardDecision.ForMinimalApiHandler(method, symbols.Known);
            return sessionOnly ? decision.RequiresSession : decision.IsDecided;
        });
    }

    private static IOperation? UnwrapDelegate(IOperation operation)
    {
        var current = operation.Unwrapped();
        while (current is IDelegateCreationOperation creation)
        {
            current = creation.Target.Unwrapped();
        }

        return current;
    }

    private static Location EndpointLocation(IInvocationOperation map, IOperation? handler) => handler is null
        ? (map.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.GetLocation() : map.Syntax.GetLocation())
        : UnwrapDelegate(handler)?.Syntax is LambdaExpressionSyntax lambda ? lambda.ArrowToken.GetLocation() : handler.Syntax.GetLocation();

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
            "MapHub" => $"hub {map.TargetMethod.TypeArguments[0].Name} at ",
            "MapHealthChecks" => "health check ",
            "MapConnectionHandler" => $"connection handler {map.TargetMethod.TypeArguments[0].Name} at ",
            "MapConnections" => "connections ",
            _ => string.Empty,
        };
        var route = map.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern")?.Value.ConstantValue;
        return route is { HasValue: true, Value: string pattern } ? $"Endpoint {verb}{pattern}" : $"Endpoint {verb}mapped with {map.TargetMethod.Name}";
    }
}
