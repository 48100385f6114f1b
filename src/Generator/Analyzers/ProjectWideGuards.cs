using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Guards that cover endpoints far from where they are declared: an <c>AuthorizationOptions.FallbackPolicy</c> (assigned,
/// or set through <c>AuthorizationBuilder.SetFallbackPolicy</c>), and the guards on the builders MVC's controller
/// mappings return (<see cref="ControllerRoutes"/>).
/// </summary>
/// <remarks>
/// <para>
/// The fallback policy counts only where the authorization middleware sees it. The middleware reads it from the unnamed
/// <c>IOptions&lt;AuthorizationOptions&gt;</c> of the app's service provider, so a write counts when it is made on those
/// options: in a callback passed directly to <c>AddAuthorization</c>/<c>AddAuthorizationCore</c>, to
/// <c>Configure&lt;AuthorizationOptions&gt;</c> or <c>PostConfigure&lt;AuthorizationOptions&gt;</c> (without a name, or
/// for all names) or to <c>Configure</c>/<c>PostConfigure</c> of <c>AddOptions&lt;AuthorizationOptions&gt;()</c>, in the
/// <c>Configure</c>/<c>PostConfigure</c> method of an <c>IConfigureOptions</c>, <c>IConfigureNamedOptions</c> or
/// <c>IPostConfigureOptions</c> class of them that is registered, or through
/// <c>AddAuthorizationBuilder().SetFallbackPolicy(...)</c>; each on the app's service collection (<see cref="AppServices"/>);
/// not on an <c>AuthorizationOptions</c> the code makes itself, nor on named options. The write must run whenever the app
/// starts: on every path of the callback (or options class method) and of the code that registers it, in the entry point, a <c>ConfigureServices</c> method (called by the host), a method a library's host
/// may call, or a method that one of those calls on every path. The value must be provably non-null (an object creation,
/// a member or method declared non-nullable such as <c>DefaultPolicy</c> or <c>Build()</c>, a local whose nullable flow
/// state is not-null), whatever the nullable context; <c>GetPolicy(...)</c> returns null for a policy never added. And
/// the app's pipeline must run the middleware: a <c>WebApplication</c> adds it itself, any other pipeline must call
/// <c>UseAuthorization()</c>.
/// </para>
/// <para>
/// No write anywhere may leave it null (<c>null</c>, <c>default</c>, a conditional with a null arm, a value not provably
/// non-null): the order in which <c>Configure</c> and <c>PostConfigure</c> callbacks run is not the order they are
/// written in, so a null written anywhere may be the last word. Found by one syntax walk over the compilation, done at
/// most once and only when an endpoint without a local decision turns up; only a node whose name matches is bound.
/// </para>
/// </remarks>
internal sealed class ProjectWideGuards(Compilation compilation, AnalyzerSymbols symbols, BuilderValues builders)
{
    private const string FallbackPolicy = "FallbackPolicy";
    private const string SetFallbackPolicy = "SetFallbackPolicy";
    private const string UseAuthorization = "UseAuthorization";
    private const string AuthorizationAppBuilderExtensions = "Microsoft.AspNetCore.Builder.AuthorizationAppBuilderExtensions";
    private const string WebApplicationName = "WebApplication";
    private const string ServiceRegistrations = "Microsoft.Extensions.DependencyInjection";
    private const string WebApplicationType = "Microsoft.AspNetCore.Builder.WebApplication";
    private const string OptionsBuilder = "Microsoft.Extensions.Options.OptionsBuilder<TOptions>";
    private const string ConfigureOptions = "Microsoft.Extensions.Options.IConfigureOptions<TOptions>";
    private const string ConfigureNamedOptions = "Microsoft.Extensions.Options.IConfigureNamedOptions<TOptions>";
    private const string PostConfigureOptions = "Microsoft.Extensions.Options.IPostConfigureOptions<TOptions>";

    private static readonly string[] OptionsRegistrations = ["ConfigureOptions", "AddSingleton", "AddScoped", "AddTransient"];

    private readonly object _gate = new();
    private readonly ControllerRoutes _controllers = new(compilation, symbols, builders);
    private bool? _hasFallbackPolicy;

    public bool HasFallbackPolicy(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _hasFallbackPolicy ??= ScanFallbackPolicies(cancellationToken);
        }
    }

    /// <summary>
    /// Whether a controller action is decided far away: by a fallback policy, or by the guards of the controller mappings
    /// that route it (all of them: <see cref="ControllerRoutes"/>).
    /// </summary>
    public bool ControllersDecided(bool attributeRouted, ActionArea area, CancellationToken cancellationToken) =>
        HasFallbackPolicy(cancellationToken) || _controllers.Decided(attributeRouted, area, cancellationToken);

    /// <summary>Whether a mapping that routes controller actions was guarded on some paths only (an <c>if</c>, some callers).</summary>
    public bool ControllersGuardedOnSomePaths(CancellationToken cancellationToken) => _controllers.GuardedOnSomePaths(cancellationToken);

    private bool ScanFallbackPolicies(CancellationToken cancellationToken)
    {
        var certain = false;
        var pipelineAuthorizes = false;
        var calls = new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal);
        var writes = new List<(IOperation Write, IOperation? Options)>();
        var builderWrites = new List<IInvocationOperation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment when NameOf(assignment.Left) == FallbackPolicy:
                        model ??= compilation.GetSemanticModel(tree);
                        if (model.GetOperation(assignment, cancellationToken) is IAssignmentOperation { Target: IPropertyReferenceOperation target } operation
                            && IsMember(target.Property, symbols.AuthorizationOptions))
                        {
                            if (!IsNeverNull(operation.Value, model, cancellationToken))
                            {
                                // A write that may remove the fallback policy: none counts, whatever the order they run in.
                                return false;
                            }

                            writes.Add((operation, target.Instance));
                        }

                        break;
                    case InvocationExpressionSyntax invocation:
                        var name = NameOf(invocation.Expression);
                        if (!calls.TryGetValue(name, out var named))
                        {
                            calls.Add(name, named = []);
                        }

                        named.Add(invocation);
                        if (name == SetFallbackPolicy)
                        {
                            model ??= compilation.GetSemanticModel(tree);
                            if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation call && IsMember(call.TargetMethod, symbols.AuthorizationBuilder))
                            {
                                if (call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value is not { } value || !IsNeverNull(value, model, cancellationToken))
                                {
                                    return false;
                                }

                                // An AuthorizationBuilder configures the unnamed options of the services it was made for.
                                builderWrites.Add(call);
                            }
                        }

                        break;
                    case IdentifierNameSyntax { Identifier.ValueText: WebApplicationName } identifier when !pipelineAuthorizes:
                        model ??= compilation.GetSemanticModel(tree);
                        pipelineAuthorizes = model.GetSymbolInfo(identifier, cancellationToken).Symbol is INamedTypeSymbol type && type.ToDisplayString() == WebApplicationType;
                        break;
                }
            }
        }

        pipelineAuthorizes |= calls.TryGetValue(UseAuthorization, out var uses) && uses.Any(use =>
            compilation.GetSemanticModel(use.SyntaxTree).GetSymbolInfo(use, cancellationToken).Symbol is IMethodSymbol method
            && (method.ReducedFrom ?? method).ContainingType?.ToDisplayString() == AuthorizationAppBuilderExtensions);
        if (!pipelineAuthorizes)
        {
            // Outside a WebApplication nothing adds the authorization middleware unless the pipeline asks for it.
            return false;
        }

        var startup = new StartupCode(compilation, calls);
        var services = new AppServices(compilation, calls);
        foreach (var (write, options) in writes)
        {
            if (options is null || !EveryPath.Runs(write, cancellationToken))
            {
                continue;
            }

            certain |= (IsAppOptions(write, options, services, cancellationToken) && startup.Runs(write.Syntax, cancellationToken))
                || (OptionsClassOf(options) is { } optionsClass && IsRegisteredOnTheApp(optionsClass.Type, optionsClass.Service, calls, services, startup, cancellationToken));
        }

        foreach (var call in builderWrites)
        {
            certain |= call.Instance is { } builder && services.IsAppAuthorizationBuilder(builder, cancellationToken)
                && EveryPath.Runs(call, cancellationToken) && startup.Runs(call.Syntax, cancellationToken);
        }

        return certain;
    }

    /// <summary>
    /// Whether <paramref name="options"/>, the object <paramref name="write"/> sets <c>FallbackPolicy</c> on, is the app's
    /// unnamed <c>AuthorizationOptions</c>: the options parameter of a lambda passed directly to a framework registration
    /// of them (a project method of the same name may register nothing) made on the app's service collection
    /// (<see cref="AppServices"/>): <c>AddAuthorization</c>, <c>AddAuthorizationCore</c>, <c>ConfigureAll</c>,
    /// <c>PostConfigureAll</c>, <c>Configure</c>/<c>PostConfigure</c> without a name or for all names, or
    /// <c>Configure</c>/<c>PostConfigure</c> of the <c>OptionsBuilder</c> that <c>AddOptions&lt;AuthorizationOptions&gt;()</c>
    /// makes for the unnamed options.
    /// </summary>
    private static bool IsAppOptions(IOperation write, IOperation options, AppServices services, CancellationToken cancellationToken)
    {
        if (options.Unwrapped() is not IParameterReferenceOperation { Parameter: { Ordinal: 0, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda } })
        {
            return false;
        }

        var current = write.Parent;
        while (current is not null && !(current is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda)))
        {
            current = current.Parent;
        }

        var argument = current?.Parent is IDelegateCreationOperation creation ? creation.Parent : current?.Parent;
        if (argument is not IArgumentOperation { Parent: IInvocationOperation registration } || registration.TargetMethod is not { } method || method.Locations.Any(static l => l.IsInSource))
        {
            return false;
        }

        if (method.ContainingType.OriginalDefinition.ToDisplayString() == OptionsBuilder)
        {
            return method.Name is "Configure" or "PostConfigure" && registration.Instance is { } builder && services.IsUnnamedAppOptionsBuilder(builder, cancellationToken);
        }

        if (method.ContainingNamespace?.ToDisplayString() != ServiceRegistrations || !method.IsExtensionMethod || registration.Arguments.Length == 0)
        {
            return false;
        }

        var unnamed = method.Name switch
        {
            "AddAuthorization" or "AddAuthorizationCore" or "ConfigureAll" or "PostConfigureAll" => true,

            // Configure<AuthorizationOptions>(o => ...), or with a name: null configures every name, "" is the unnamed options.
            "Configure" or "PostConfigure" => AppServices.IsUnnamed(registration),
            _ => false,
        };
        return unnamed && services.IsApp(registration.Arguments[0].Value, cancellationToken);
    }

    /// <summary>
    /// The class whose options method <paramref name="options"/> is the parameter of, with the service the options factory
    /// reads it as: <c>Configure(string, AuthorizationOptions)</c> implementing <c>IConfigureNamedOptions</c>, or
    /// <c>Configure(AuthorizationOptions)</c> implementing <c>IConfigureOptions</c> in a class that is not named options
    /// (the factory calls only the named method of those), both read as <c>IConfigureOptions&lt;AuthorizationOptions&gt;</c>;
    /// <c>PostConfigure(string, AuthorizationOptions)</c> implementing <c>IPostConfigureOptions</c>. The factory calls the
    /// named methods for every name, the unnamed options included.
    /// </summary>
    private (INamedTypeSymbol Type, string Service)? OptionsClassOf(IOperation options)
    {
        if (options.Unwrapped() is not IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary, ContainingType: { } type } method } parameter }
            || !SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.AuthorizationOptions))
        {
            return null;
        }

        var implemented = type.AllInterfaces
            .Where(contract => SymbolEqualityComparer.Default.Equals(contract.TypeArguments.FirstOrDefault(), symbols.AuthorizationOptions)
                && contract.GetMembers(method.Name).Any(m => SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(m), method)))
            .Select(contract => contract.OriginalDefinition.ToDisplayString())
            .ToList();
        var named = type.AllInterfaces.Any(contract => contract.OriginalDefinition.ToDisplayString() == ConfigureNamedOptions
            && SymbolEqualityComparer.Default.Equals(contract.TypeArguments[0], symbols.AuthorizationOptions));
        return implemented.Contains(ConfigureNamedOptions) && method.Parameters.Length == 2 ? (type, ConfigureOptions)
            : implemented.Contains(ConfigureOptions) && method.Parameters.Length == 1 && !named ? (type, ConfigureOptions)
            : implemented.Contains(PostConfigureOptions) ? (type, PostConfigureOptions)
            : null;
    }

    /// <summary>
    /// Whether the options class <paramref name="type"/> is registered on the app's collection in code that runs at startup,
    /// on every path: <c>ConfigureOptions&lt;T&gt;()</c>, <c>ConfigureOptions(typeof(T))</c>, <c>ConfigureOptions(new T())</c>,
    /// or <c>AddSingleton</c>/<c>AddScoped</c>/<c>AddTransient&lt;TService, T&gt;()</c> with the <paramref name="service"/> the
    /// factory reads it as. <c>TryAddSingleton</c> and its siblings add nothing once <c>AddAuthorization</c> has registered
    /// an <c>IConfigureOptions&lt;AuthorizationOptions&gt;</c>; <c>TryAddEnumerable</c> would, but is not followed.
    /// </summary>
    private bool IsRegisteredOnTheApp(INamedTypeSymbol type, string service, Dictionary<string, List<InvocationExpressionSyntax>> calls, AppServices services, StartupCode startup, CancellationToken cancellationToken)
    {
        foreach (var name in OptionsRegistrations)
        {
            if (!calls.TryGetValue(name, out var found))
            {
                continue;
            }

            foreach (var syntax in found)
            {
                if (compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is IInvocationOperation { TargetMethod: { IsExtensionMethod: true } method, Arguments.Length: > 0 } call
                    && !method.Locations.Any(static l => l.IsInSource)
                    && method.ContainingNamespace?.ToDisplayString() == ServiceRegistrations
                    && Registers(call, type, service)
                    && services.IsApp(call.Arguments[0].Value, cancellationToken)
                    && EveryPath.Runs(call, cancellationToken)
                    && startup.Runs(call.Syntax, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Registers(IInvocationOperation call, INamedTypeSymbol type, string service)
    {
        var method = call.TargetMethod;
        if (method.Name == "ConfigureOptions")
        {
            if (method.TypeArguments.Length == 1)
            {
                return SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], type);
            }

            return call.Arguments.Length == 2 && call.Arguments[1].Value.Unwrapped() switch
            {
                ITypeOfOperation typeOf => SymbolEqualityComparer.Default.Equals(typeOf.TypeOperand, type),
                IObjectCreationOperation creation => SymbolEqualityComparer.Default.Equals(creation.Type, type),
                _ => false,
            };
        }

        return method.TypeArguments.Length == 2 && call.Arguments.Length == 1
            && method.TypeArguments[0] is INamedTypeSymbol registered
            && registered.OriginalDefinition.ToDisplayString() == service
            && SymbolEqualityComparer.Default.Equals(registered.TypeArguments[0], symbols.AuthorizationOptions)
            && SymbolEqualityComparer.Default.Equals(method.TypeArguments[1], type);
    }

    /// <summary>
    /// Whether <paramref name="value"/> is never null at run time, whatever the nullable context: a non-null constant, an
    /// object creation, a conditional, coalescing or switch expression whose results all are, a call, property or field
    /// declared non-nullable (<c>Build()</c>, <c>DefaultPolicy</c>; <c>GetPolicy</c> is declared nullable), or a local or
    /// parameter whose nullable flow state is not-null (which needs a nullable context).
    /// </summary>
    private static bool IsNeverNull(IOperation value, SemanticModel model, CancellationToken cancellationToken)
    {
        if (value.ConstantValue is { HasValue: true } constant)
        {
            return constant.Value is not null;
        }

        switch (value.Unwrapped())
        {
            case IObjectCreationOperation:
                return true;
            case IConditionalOperation conditional:
                return conditional.WhenFalse is not null && IsNeverNull(conditional.WhenTrue, model, cancellationToken) && IsNeverNull(conditional.WhenFalse, model, cancellationToken);
            case ICoalesceOperation coalesce:
                return IsNeverNull(coalesce.WhenNull, model, cancellationToken);
            case ISwitchExpressionOperation @switch:
                return @switch.Arms.All(arm => IsNeverNull(arm.Value, model, cancellationToken));
            case IInvocationOperation invocation:
                return invocation.TargetMethod.ReturnNullableAnnotation == NullableAnnotation.NotAnnotated;
            case IPropertyReferenceOperation property:
                return property.Property.NullableAnnotation == NullableAnnotation.NotAnnotated;
            case IFieldReferenceOperation field:
                return field.Field.NullableAnnotation == NullableAnnotation.NotAnnotated;
            case ILocalReferenceOperation or IParameterReferenceOperation when value.Syntax is ExpressionSyntax expression && value.Syntax.SyntaxTree == model.SyntaxTree:
                var info = model.GetTypeInfo(expression, cancellationToken);
                return info.Nullability.FlowState == NullableFlowState.NotNull && info.ConvertedNullability.FlowState != NullableFlowState.MaybeNull;
            default:
                return false;
        }
    }

    private static bool IsMember(ISymbol? member, INamedTypeSymbol? type) =>
        member is IPropertySymbol or IMethodSymbol && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, type);

    private static string NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => string.Empty,
    };
}
