using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Whether a service collection is the app's: the one whose service provider the authorization middleware reads its
/// options from. Decided by where the value comes from, followed back through locals, the parameters of the
/// compilation's methods (to what every call passes), what its methods return, and the framework's fluent calls that
/// return their own receiver (<c>services.AddRouting().AddAuthorization(...)</c>,
/// <c>AddAuthorizationBuilder().AddPolicy(...)</c>, <c>AddOptions&lt;T&gt;().Configure(...)</c>).
/// </summary>
/// <remarks>
/// <para>
/// The app's collections are: the <c>Services</c> of a <c>WebApplication.CreateBuilder</c>/<c>CreateSlimBuilder</c>/
/// <c>CreateEmptyBuilder</c> builder whose built app is served (<c>Build()</c>, then <c>Run</c>, <c>RunAsync</c>,
/// <c>Start</c> or <c>StartAsync</c> on the result, followed through locals, arguments and returns), the collection the
/// host passes to a <c>ConfigureServices</c> lambda on such a builder's <c>Host</c> or <c>WebHost</c>, the parameter of a
/// Startup class's <c>ConfigureServices(IServiceCollection)</c>, and a parameter of an externally visible method of a
/// library (its host may pass its own). Anything else is not: <c>new ServiceCollection()</c>, a builder never built or
/// whose app never runs, a field, a value of unknown origin. One value that is not the app's among those a local or a
/// parameter may hold makes the whole not the app's: the rule errs on the side of firing.
/// </para>
/// <para>
/// Calls are found through the index of invocations by name that <see cref="ProjectWideGuards"/> builds; only a call
/// whose name matches is bound. A chain deeper than <see cref="MaxDepth"/> is not followed (not the app's).
/// </para>
/// </remarks>
internal sealed class AppServices(Compilation compilation, Dictionary<string, List<InvocationExpressionSyntax>> callsByName)
{
    private const int MaxDepth = 8;
    private const string ServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";
    private const string Registrations = "Microsoft.Extensions.DependencyInjection";
    private const string WebApplicationBuilder = "Microsoft.AspNetCore.Builder.WebApplicationBuilder";
    private const string HostApplicationBuilder = "Microsoft.Extensions.Hosting.IHostApplicationBuilder";
    private const string WebApplication = "Microsoft.AspNetCore.Builder.WebApplication";
    private const string AuthorizationBuilder = "Microsoft.AspNetCore.Authorization.AuthorizationBuilder";
    private const string OptionsBuilder = "Microsoft.Extensions.Options.OptionsBuilder<TOptions>";
    private const string Options = "Microsoft.Extensions.Options.Options";

    private static readonly string[] BuilderFactories = ["CreateBuilder", "CreateSlimBuilder", "CreateEmptyBuilder"];
    private static readonly string[] Serves = ["Run", "RunAsync", "Start", "StartAsync"];

    /// <summary>Whether <paramref name="collection"/>, an <c>IServiceCollection</c> value, is only ever the app's.</summary>
    public bool IsApp(IOperation collection, CancellationToken cancellationToken) =>
        All(collection, 0, root => IsAppRoot(root, cancellationToken), cancellationToken);

    /// <summary>Whether <paramref name="builder"/>, an <c>AuthorizationBuilder</c>, was made for the app's collection.</summary>
    public bool IsAppAuthorizationBuilder(IOperation builder, CancellationToken cancellationToken) =>
        All(builder, 0, root => root switch
        {
            IInvocationOperation { TargetMethod: { Name: "AddAuthorizationBuilder", IsExtensionMethod: true } method, Arguments.Length: > 0 } call
                when IsFramework(method, Registrations) => IsApp(call.Arguments[0].Value, cancellationToken),
            IObjectCreationOperation { Constructor.ContainingType: { } type, Arguments.Length: 1 } creation
                when type.ToDisplayString() == AuthorizationBuilder => IsApp(creation.Arguments[0].Value, cancellationToken),
            _ => false,
        }, cancellationToken);

    /// <summary>
    /// Whether <paramref name="builder"/>, an <c>OptionsBuilder&lt;AuthorizationOptions&gt;</c>, configures the unnamed options
    /// of the app's collection: made by <c>AddOptions&lt;AuthorizationOptions&gt;()</c> (or with the name <c>""</c>, or
    /// <c>Options.DefaultName</c>) on it.
    /// </summary>
    public bool IsUnnamedAppOptionsBuilder(IOperation builder, CancellationToken cancellationToken) =>
        All(builder, 0, root => root is IInvocationOperation { TargetMethod: { IsExtensionMethod: true } method, Arguments.Length: > 0 } call
            && method.Name.StartsWith("AddOptions", StringComparison.Ordinal)
            && IsFramework(method, Registrations)
            && IsUnnamed(call)
            && IsApp(call.Arguments[0].Value, cancellationToken), cancellationToken);

    /// <summary>
    /// Whether a <c>name</c> argument, when there is one, reaches the unnamed options: <c>""</c>, <c>Options.DefaultName</c>,
    /// or null (which <c>Configure</c>/<c>PostConfigure</c> read as every name, and <c>AddOptions</c> as the default name).
    /// </summary>
    public static bool IsUnnamed(IInvocationOperation call)
    {
        var name = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "name");
        if (name is null || name.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return true;
        }

        return name.Value.Unwrapped() switch
        {
            { ConstantValue: { HasValue: true, Value: string { Length: 0 } } } => true,
            { ConstantValue: { HasValue: true, Value: null } } => true,
            IFieldReferenceOperation { Field: { Name: "DefaultName", ContainingType: { } type } } => type.ToDisplayString() == Options,
            _ => false,
        };
    }

    private bool IsAppRoot(IOperation root, CancellationToken cancellationToken)
    {
        switch (root)
        {
            case IPropertyReferenceOperation { Property: { Name: "Services", ContainingType: { } type }, Instance: { } builder } when IsAppBuilderType(type):
                return IsAppBuilder(builder, cancellationToken);
            case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } parameter }:
                return IsHostServicesCallback(parameter, cancellationToken);
            case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } method } parameter } when IsServiceCollection(parameter.Type):
                return StartupCode.IsHostConfigureServices(method) || IsUncalledOrOutside(method, cancellationToken);
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether the parameters of <paramref name="method"/> may hold the app's collection or builder without any call in
    /// the compilation passing it: code outside may call it (an externally visible method of a library, whose host may
    /// pass its own), or no call of it is seen at all. Such a method runs only when called from outside, through a
    /// delegate or by reflection; <see cref="StartupCode"/> takes the last two as never running, so what it registers
    /// does not count, and the calls it makes pass nothing that needs to be the app's.
    /// </summary>
    private bool IsUncalledOrOutside(IMethodSymbol method, CancellationToken cancellationToken) =>
        StartupCode.MayBeCalledFromOutside(compilation, method) || CallsOf(method, cancellationToken).Count == 0;

    /// <summary>Whether a <c>WebApplicationBuilder</c> value (or one typed as an interface it implements) is only ever a builder whose app is served.</summary>
    private bool IsAppBuilder(IOperation builder, CancellationToken cancellationToken) =>
        All(builder, 0, root => root switch
        {
            IInvocationOperation { TargetMethod: { IsStatic: true } method } creation when BuilderFactories.Contains(method.Name)
                && method.ContainingType.ToDisplayString() == WebApplication => IsServed(creation, cancellationToken),
            IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } method } parameter } =>
                IsAppBuilderType(parameter.Type) && IsUncalledOrOutside(method, cancellationToken),
            _ => false,
        }, cancellationToken);

    /// <summary>
    /// Whether a lambda's parameter is the collection the host passes to <c>ConfigureServices</c> on the <c>Host</c> or
    /// <c>WebHost</c> of an app's builder.
    /// </summary>
    private bool IsHostServicesCallback(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        if (!IsServiceCollection(parameter.Type)
            || parameter.ContainingSymbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not { } syntax
            || compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is not IAnonymousFunctionOperation lambda)
        {
            return false;
        }

        var argument = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
        if (argument is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "ConfigureServices" } call } || IsSource(call.TargetMethod))
        {
            return false;
        }

        var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
        return receiver is not null && All(receiver, 0, root => root is IPropertyReferenceOperation { Property: { Name: "Host" or "WebHost", ContainingType: { } type }, Instance: { } builder }
            && type.ToDisplayString() == WebApplicationBuilder && IsAppBuilder(builder, cancellationToken), cancellationToken);
    }

    /// <summary>Whether the builder <paramref name="creation"/> makes is built, and the app built from it is served.</summary>
    private bool IsServed(IOperation creation, CancellationToken cancellationToken) =>
        Flows(creation, 0, builder => builder.Parent is IInvocationOperation { TargetMethod.Name: "Build" } build
            && build.Instance?.Syntax == builder.Syntax
            && Flows(build, 0, IsServedHere, cancellationToken), cancellationToken);

    /// <summary>Whether <paramref name="app"/> is the receiver of a call that serves it.</summary>
    private static bool IsServedHere(IOperation app) => app.Parent switch
    {
        IInvocationOperation call => Serves.Contains(call.TargetMethod.Name) && call.Instance?.Syntax == app.Syntax,
        IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } call } => Serves.Contains(call.TargetMethod.Name),
        _ => false,
    };

    /// <summary>
    /// Whether every value <paramref name="value"/> may come from satisfies <paramref name="accept"/>: false when there
    /// is none, or one cannot be followed.
    /// </summary>
    private bool All(IOperation value, int depth, Func<IOperation, bool> accept, CancellationToken cancellationToken)
    {
        var roots = new List<IOperation>();
        return AddRoots(value, depth, roots, new HashSet<ISymbol>(SymbolEqualityComparer.Default), cancellationToken) && roots.Count > 0 && roots.All(accept);
    }

    /// <summary>
    /// Adds the values <paramref name="value"/> may come from: through locals (every write), ordinary methods' parameters
    /// (every call's argument; the parameter itself when the host or code outside the compilation may call the method),
    /// calls of the compilation's methods (every returned value) and the framework's fluent calls (their receiver).
    /// False when a value cannot be followed.
    /// </summary>
    /// <remarks>
    /// A parameter of a method no call is seen of is a value of its own (<see cref="IsUncalledOrOutside"/>).
    /// </remarks>
    private bool AddRoots(IOperation value, int depth, List<IOperation> roots, HashSet<ISymbol> visiting, CancellationToken cancellationToken)
    {
        value = value.Unwrapped();
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (value)
        {
            case ILocalReferenceOperation { Local: { } local }:
                if (local.IsRef || !visiting.Add(local) || Writes(local, cancellationToken) is not { } writes)
                {
                    return false;
                }

                var complete = writes.All(w => AddRoots(w, depth + 1, roots, visiting, cancellationToken));
                visiting.Remove(local);
                return complete;
            case IParameterReferenceOperation { Parameter: { RefKind: RefKind.None, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } method } parameter }:
                if (!visiting.Add(parameter))
                {
                    return false;
                }

                var calls = CallsOf(method, cancellationToken);
                var followed = calls.All(call => call.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.OriginalDefinition, parameter.OriginalDefinition)) is { ArgumentKind: not ArgumentKind.DefaultValue } argument
                    && AddRoots(argument.Value, depth + 1, roots, visiting, cancellationToken));
                if (calls.Count == 0 || StartupCode.MayBeCalledFromOutside(compilation, method))
                {
                    roots.Add(value);
                }

                visiting.Remove(parameter);
                return followed;
            case IInvocationOperation call when FluentReceiver(call) is { } receiver:
                return AddRoots(receiver, depth + 1, roots, visiting, cancellationToken);
            case IInvocationOperation { TargetMethod: { } method } when IsSource(method):
                return Returned(method, cancellationToken) is { } returned && visiting.Add(method)
                    && returned.All(r => AddRoots(r, depth + 1, roots, visiting, cancellationToken)) && visiting.Remove(method);
            default:
                roots.Add(value);
                return true;
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> reaches an operation <paramref name="sink"/> accepts: itself, or through a local it
    /// is written to, an argument of the compilation's method, or the result of the method that returns it (at any call;
    /// from a method that calls from outside may reach, always).
    /// </summary>
    private bool Flows(IOperation value, int depth, Func<IOperation, bool> sink, CancellationToken cancellationToken)
    {
        var current = value;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        if (sink(current))
        {
            return true;
        }

        if (depth >= MaxDepth)
        {
            return false;
        }

        switch (current.Parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return References(declarator.Symbol, cancellationToken).Any(r => Flows(r, depth + 1, sink, cancellationToken));
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value.Syntax == current.Syntax:
                return References(target.Local, cancellationToken).Any(r => Flows(r, depth + 1, sink, cancellationToken));
            case IReturnOperation:
                return compilation.GetSemanticModel(current.Syntax.SyntaxTree).GetEnclosingSymbol(current.Syntax.SpanStart, cancellationToken) is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                    && (StartupCode.MayBeCalledFromOutside(compilation, method) || CallsOf(method, cancellationToken).Any(c => Flows(c, depth + 1, sink, cancellationToken)));
            case IArgumentOperation { Parameter: { RefKind: RefKind.None, ContainingSymbol: IMethodSymbol callee } parameter } when IsSource(callee):
                return References(parameter.OriginalDefinition, cancellationToken).Any(r => Flows(r, depth + 1, sink, cancellationToken));
            default:
                return false;
        }
    }

    /// <summary>The receiver of a framework call that returns it (its declared return type is the receiver's type), for the builders followed here.</summary>
    private static IOperation? FluentReceiver(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (IsSource(method))
        {
            return null;
        }

        var (receiver, receiverType) = call.Instance is { } instance
            ? (instance, (ITypeSymbol)method.ContainingType)
            : method.IsExtensionMethod && call.Arguments.Length > 0 ? (call.Arguments[0].Value, method.Parameters[0].Type) : (null, null);
        return receiver is not null && SymbolEqualityComparer.Default.Equals(method.ReturnType, receiverType)
            && (IsServiceCollection(method.ReturnType) || method.ReturnType.OriginalDefinition.ToDisplayString() is AuthorizationBuilder or OptionsBuilder)
            ? receiver
            : null;
    }

    /// <summary>The values written to <paramref name="local"/>: its initializer and every simple assignment; null when it may be written any other way.</summary>
    private List<IOperation>? Writes(ILocalSymbol local, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
            || compilation.GetSemanticModel(declarator.SyntaxTree).GetOperation(initializer, cancellationToken) is not { } initial)
        {
            // A foreach variable, a pattern's or an out variable's: what it holds is not followed.
            return null;
        }

        var writes = new List<IOperation> { initial };
        foreach (var reference in References(local, cancellationToken))
        {
            switch (reference.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target.Syntax == reference.Syntax:
                    writes.Add(assignment.Value);
                    break;
                case IArgumentOperation { Parameter.RefKind: not RefKind.None }:
                case ICompoundAssignmentOperation or ICoalesceAssignmentOperation:
                    return null;
                default:
                    if (Ancestors(reference).OfType<IDeconstructionAssignmentOperation>().Any(d => d.Target.Syntax.Span.Contains(reference.Syntax.Span)))
                    {
                        return null;
                    }

                    break;
            }
        }

        return writes;
    }

    /// <summary>Every reference to a local or a parameter, in the body that declares it.</summary>
    private IEnumerable<IOperation> References(ISymbol symbol, CancellationToken cancellationToken)
    {
        foreach (var declaration in symbol.DeclaringSyntaxReferences)
        {
            var declared = declaration.GetSyntax(cancellationToken);
            var scope = symbol is IParameterSymbol { ContainingSymbol: { } method }
                ? method.DeclaringSyntaxReferences.FirstOrDefault(r => r.SyntaxTree == declared.SyntaxTree)?.GetSyntax(cancellationToken)
                : declared.Ancestors().FirstOrDefault(a => a is CompilationUnitSyntax || (a is MemberDeclarationSyntax && a is not GlobalStatementSyntax));
            if (scope is null)
            {
                continue;
            }

            var model = compilation.GetSemanticModel(scope.SyntaxTree);
            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == symbol.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol?.OriginalDefinition, symbol.OriginalDefinition)
                    && model.GetOperation(identifier, cancellationToken) is ILocalReferenceOperation or IParameterReferenceOperation)
                {
                    yield return model.GetOperation(identifier, cancellationToken)!;
                }
            }
        }
    }

    /// <summary>Every call of <paramref name="method"/> in the compilation (extension calls included).</summary>
    private List<IInvocationOperation> CallsOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var found = new List<IInvocationOperation>();
        if (!callsByName.TryGetValue(method.Name, out var calls))
        {
            return found;
        }

        var definition = method.OriginalDefinition;
        foreach (var call in calls)
        {
            if (compilation.GetSemanticModel(call.SyntaxTree).GetOperation(call, cancellationToken) is IInvocationOperation operation
                && SymbolEqualityComparer.Default.Equals((operation.TargetMethod.ReducedFrom ?? operation.TargetMethod).OriginalDefinition, definition))
            {
                found.Add(operation);
            }
        }

        return found;
    }

    /// <summary>The values a method of the compilation returns (its own returns, not its lambdas' or local functions'); null without a body.</summary>
    private List<IOperation>? Returned(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var returned = new List<IOperation>();
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is not { } body)
            {
                continue;
            }

            foreach (var @return in body.Descendants().OfType<IReturnOperation>())
            {
                if (@return.ReturnedValue is { } value && !Ancestors(@return).TakeWhile(a => a != body).Any(a => a is IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    returned.Add(value);
                }
            }
        }

        return returned.Count > 0 ? returned : null;
    }

    private static IEnumerable<IOperation> Ancestors(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            yield return current;
        }
    }

    /// <summary>The builder types whose <c>Services</c> may be an app's: <c>WebApplicationBuilder</c>, and the <c>IHostApplicationBuilder</c> it implements.</summary>
    private static bool IsAppBuilderType(ITypeSymbol type) => type.ToDisplayString() is WebApplicationBuilder or HostApplicationBuilder;

    private static bool IsServiceCollection(ITypeSymbol? type) => type?.ToDisplayString() == ServiceCollection;

    private static bool IsSource(IMethodSymbol method) => method.Locations.Any(static l => l.IsInSource);

    private static bool IsFramework(IMethodSymbol method, string @namespace) =>
        !IsSource(method) && method.ContainingNamespace?.ToDisplayString() == @namespace;
}
