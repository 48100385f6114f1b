using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Emitting;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// Turns a <c>[ServerFunction]</c> method into a <see cref="ServerFunctionSpec"/>. A method the generated code cannot
/// call or bind yields <see langword="null"/> and is skipped: explaining why is the analyzers' job, not the generator's.
/// </summary>
/// <remarks>One instance parses one method; where each parameter's value comes from is <see cref="ParameterParser"/>'s.</remarks>
internal sealed class ServerFunctionParser
{
    /// <summary>The most arguments a <c>Func</c> or <c>Action</c> takes; an instance method's target is one of them.</summary>
    private const int MaxDelegateArguments = 16;

    private readonly IMethodSymbol _method;
    private readonly Compilation _compilation;
    private readonly KnownTypes _types;

    /// <summary>
    /// The type generated code names the method by: its containing type, or for a static member of a C# 14 extension
    /// block the static class that declares the block, where the compiler puts the method (<c>Functions.Call</c>).
    /// </summary>
    private readonly INamedTypeSymbol _declaringType;

    private ServerFunctionParser(IMethodSymbol method, Compilation compilation, KnownTypes types)
    {
        _method = method;
        _compilation = compilation;
        _types = types;
        _declaringType = method.ContainingType is { IsExtension: true, ContainingType: { } enclosing } && method.IsStatic ? enclosing : method.ContainingType;
    }

    public static ServerFunctionSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length != 1)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var compilation = context.SemanticModel.Compilation;
        return Parse(method, context.Attributes[0], compilation, KnownTypes.For(compilation), out _) is { } function
            ? function with { Client = ClientParser.Parse(method, function) }
            : null;
    }

    /// <summary>
    /// Builds the spec of <paramref name="method"/>, or says in <paramref name="problem"/> why it cannot be built.
    /// The generator skips such a method; the analyzer reports the problem (SAUTH0003, SAUTH0004).
    /// </summary>
    public static ServerFunctionSpec? Parse(IMethodSymbol method, AttributeData attribute, Compilation compilation, KnownTypes types, out ServerFunctionProblem? problem)
    {
        problem = null;
        return types.IsComplete ? new ServerFunctionParser(method, compilation, types).Parse(attribute, out problem) : null;
    }

    private ServerFunctionSpec? Parse(AttributeData attribute, out ServerFunctionProblem? problem)
    {
        problem = null;
        if (FindUnreachable() is { } reason)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt(reason);
            return null;
        }

        var functionGuard = ServerFunctionGuard.Of(_method, _types);
        if (EndpointAttributes.Read(_method, functionGuard, attribute, _compilation, out var named, out var attributeProblem) is not { } attributes)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt(attributeProblem!);
            return null;
        }

        // A service key is written as a constant of its type (an enum's), which generated code names too.
        var keyTypes = _method.Parameters.Select(p => BindingAttribute.Read(p, _types)).Where(static a => a.Key is not null).Select(static a => a.KeyType).OfType<ITypeSymbol>();
        var disabledWarnings = SignatureTypes.WarningsOfUse(_method, named.Concat(keyTypes), out var unusable);
        if (unusable is not null)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt(unusable);
            return null;
        }

        // Generated code names every type from global::; a type of a reference under an extern alias only has no such name.
        var aliased = _method.Parameters.Select(static p => p.Type).Append(_method.ReturnType).Concat(named.OfType<ITypeSymbol>()).Concat(keyTypes)
            .SelectMany(SignatureTypes.TypesIn)
            .Select(type => (Type: type, Alias: type.ContainingAssembly is { } assembly ? ReferencedMaps.AliasOf(_compilation, assembly) : null))
            .FirstOrDefault(static found => found.Alias is not null);
        if (aliased.Alias is not null)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt(
                $"{aliased.Type.Name}, which generated code must name, is in {aliased.Type.ContainingAssembly.Name}, referenced under the extern alias {aliased.Alias} only, and generated code names types from global::; reference that assembly without an alias too (Aliases=\"global,{aliased.Alias}\") or keep its types out of the function's signature");
            return null;
        }

        var (route, httpMethod) = ServerFunctionAttributeValues.Read(attribute);
        var typePath = SymbolPaths.OfTypes(_declaringType);
        route ??= $"/_server/{typePath}/{_method.Name}";
        if (httpMethod is null)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt("its Method is not an HTTP method name such as GET or POST");
            return null;
        }

        if (route.Length == 0)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt("its route is empty");
            return null;
        }

        if (RouteTemplate.Parse(route, out var routeError) is not { } template)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"its route {CSharpText.Literal(route)} is not a route pattern ASP.NET Core accepts: {routeError}");
            return null;
        }

        if (ClientScriptRoutes.CompetingWith(httpMethod, template) is { } clientRoute)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"it answers GET {clientRoute}, the route of the generated client script that MapServerFunctionClient() serves, so routing could not choose between the two; give it another route");
            return null;
        }

        var guard = functionGuard.Decision;
        var bodyAllowed = httpMethod is not ("GET" or "HEAD" or "DELETE" or "OPTIONS");
        var bodyIsOneParameter = ParameterParser.HasBodyParameter(_method, _types) || CompositeParameterParser.HasBodyMember(_method, _types);
        var parameterParser = new ParameterParser(_compilation, _types, guard, template.ParameterNames, bodyAllowed, bodyIsOneParameter, ParameterParser.HasRawBodyParameter(_method, _types));
        var parameters = new List<ParameterSpec>(_method.Parameters.Length);
        var composites = new List<CompositeArgumentSpec>();
        for (var position = 0; position < _method.Parameters.Length; position++)
        {
            var parameter = _method.Parameters[position];
            if (CompositeParameterParser.IsComposite(parameter, parameterParser, _types))
            {
                if (CompositeParameterParser.Parse(parameter, position, parameterParser, _types, parameters, out problem) is not { } composite)
                {
                    return null;
                }

                composites.Add(composite);
                continue;
            }

            if (parameterParser.Parse(parameter, out problem) is not { } spec)
            {
                return null;
            }

            parameters.Add(spec);
        }

        ParameterParser.BindBesideRawBody(parameters);
        if ((ParameterParser.FindConflict(parameters) ?? (composites.Count > 0 ? CompositeParameterParser.FindTooMany(parameters.Count, _method.IsStatic) : null)) is { } conflict)
        {
            problem = conflict;
            return null;
        }

        // A rule the endpoint could not call as written: skipped, never mapped open (the rule analyzers report it where it
        // is written; one inherited from a referenced assembly is reported here).
        if (!SessionRuleParser.TryRead(_method, functionGuard, parameters, composites, parameterParser.SessionDataType, _compilation, _types, out var rules, out var ruleSessionType, out var ruleProblem))
        {
            problem = ruleProblem is null ? null : new ServerFunctionProblem.CannotBeBuilt(ruleProblem);
            return null;
        }

        return new ServerFunctionSpec(
            Name: $"{typePath}.{_method.Name}",
            ContainingType: _declaringType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            ContainingTypePath: SymbolPaths.Of(_declaringType),
            MethodName: _method.Name,
            DisplaySignature: _method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            IsStatic: _method.IsStatic,
            HttpMethod: httpMethod,
            Route: route,
            Guard: guard.RequiresSession ? new GuardSpec(true, guard.RedirectTo, Rules: rules)
                : guard.Kind == GuardKind.Anonymous ? new GuardSpec(false, null, AllowsAnonymous: true)
                : guard.Kind == GuardKind.Authorize ? new GuardSpec(false, null, Authorizes: true)
                : GuardSpec.None,
            PreloadsSession: GuardDecision.AppliesToServerFunction(_method, _types.PreloadSession),
            Attributes: attributes,
            SessionDataType: parameterParser.SessionDataType ?? ruleSessionType,
            Parameters: parameters.ToEquatableArray(),
            Return: ParseReturn(),
            DisabledWarnings: disabledWarnings.ToEquatableArray(),
            Composites: composites.ToEquatableArray(),
            MethodParameterTypes: parameters.Any(static p => p.Binder?.Contains(BindAsyncMethods.ParametersToken) == true) ? MethodParameterTypes() : default);
    }

    /// <summary>
    /// The method's parameter types as <c>typeof</c> operands (<c>dynamic</c> is <c>object</c> there), by which generated
    /// code finds its <c>ParameterInfo</c>s once at startup: no overload shares them.
    /// </summary>
    private EquatableArray<string> MethodParameterTypes() => _method.Parameters
        .Select(static p => p.Type.TypeKind == TypeKind.Dynamic ? "object" : p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
        .Prepend(_method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
        .ToEquatableArray();

    /// <summary>Why generated code could not call <paramref name="method"/> at all, or <see langword="null"/>.</summary>
    private string? FindUnreachable()
    {
        if (LanguageVersions.Of(_compilation) is var version && !LanguageVersions.Supports(version))
        {
            return LanguageVersions.Reason(version);
        }

        if (_method.MethodKind != MethodKind.Ordinary)
        {
            return $"it is {DescribeKind(_method.MethodKind)}; only a method declared in a class, struct or record can be a server function";
        }

        if (_method.IsVararg)
        {
            return "it takes __arglist, which a delegate to it cannot pass and no HTTP request can give; take an array";
        }

        if (_method.IsGenericMethod)
        {
            return "it is generic; a server function has no type parameters";
        }

        for (var type = _method.ContainingType; type is not null; type = type.ContainingType)
        {
            // A static member of an extension block is a static method of the class around it; an instance member
            // needs a receiver.
            if (type.IsExtension && !_method.IsStatic)
            {
                return DescribeExtensionMember(type);
            }

            if (type.IsGenericType)
            {
                return $"it is declared in the generic type {SymbolPaths.DisplayName(type)}";
            }

            if (type.IsFileLocal)
            {
                return $"it is declared in the file-local type {type.Name}, which no other file can name";
            }
        }

        if (_method.IsStatic && (_method.IsAbstract || _method.IsVirtual))
        {
            return "it is a static abstract or virtual interface member, which only a type parameter can call; give it a body in a class";
        }

        if (!_method.IsStatic && _method.ContainingType.TypeKind == TypeKind.Interface
            && _method.ContainingType.AllInterfaces.Add(_method.ContainingType).SelectMany(static i => i.GetMembers()).Any(static m => m.IsStatic && m.IsAbstract))
        {
            return $"it is an instance method of the interface {_method.ContainingType.Name}, whose static abstract members keep it from being the type of a service; move it to a class";
        }

        if (!_method.IsStatic && _method.ContainingType.IsRefLikeType)
        {
            return $"it is an instance method of the ref struct {_method.ContainingType.Name}, which no service can be; make it static";
        }

        if (_method.ReturnsByRef || _method.ReturnsByRefReadonly)
        {
            return "it returns by reference, which a delegate to it cannot; return the value";
        }

        if (_method.IsAsync && _method.ReturnsVoid)
        {
            return "it is async void, so nobody could await it; return Task instead";
        }

        if (ConditionalCompilation.IsConditional(_method))
        {
            // A conditional method can be neither a delegate's target (CS1618) nor called for certain: the compiler
            // leaves out its calls when the symbol is not defined, and the endpoint would answer without running it.
            return "it is [Conditional], so a call of it is left out unless its symbol is defined and no delegate may target it; remove [Conditional]";
        }

        if (!_compilation.IsSymbolAccessibleWithin(_method, _compilation.Assembly))
        {
            return "generated code cannot reach it; make it and the types around it internal or public";
        }

        var byReference = _method.Parameters.FirstOrDefault(static p => p.RefKind != RefKind.None);
        if (byReference is not null)
        {
            return $"parameter '{byReference.Name}' is passed by reference ({ModifierOf(byReference.RefKind)}), which an HTTP argument cannot be";
        }

        // The generated endpoint calls the method through a Func or Action whose type arguments are its parameter
        // and return types: a ref struct or a pointer cannot be one, and those delegates take at most 16 arguments.
        var unpassable = _method.Parameters.FirstOrDefault(static p => !CanBeTypeArgument(p.Type));
        if (unpassable is not null)
        {
            return $"parameter '{unpassable.Name}' is a {Describe(unpassable.Type)}, which no HTTP argument can bind";
        }

        if (!_method.ReturnsVoid && !CanBeTypeArgument(_method.ReturnType))
        {
            return $"it returns a {Describe(_method.ReturnType)}, which cannot be written as a response";
        }

        foreach (var parameter in _method.Parameters)
        {
            if (SignatureTypes.FindUnreachable(parameter.Type, _compilation) is { } unreachable)
            {
                return $"parameter '{parameter.Name}' {unreachable}";
            }
        }

        if (SignatureTypes.FindUnreachable(_method.ReturnType, _compilation) is { } unreachableReturn)
        {
            return $"its return type {unreachableReturn}";
        }

        var arguments = _method.Parameters.Length + (_method.IsStatic ? 0 : 1);
        return arguments <= MaxDelegateArguments
            ? null
            : $"it takes {_method.Parameters.Length} parameters, more than the {(_method.IsStatic ? $"{MaxDelegateArguments} a static" : $"{MaxDelegateArguments - 1} an instance")} server function can take; group them in a record bound from the JSON body";

        static string DescribeExtensionMember(INamedTypeSymbol block) =>
            $"it is an instance member of the extension block for {block.ExtensionParameter?.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}: "
            + $"it is called on a receiver, which no HTTP request gives; make it static, or declare it as a static method of {block.ContainingType?.Name} that takes the receiver as a parameter";

        static string DescribeKind(MethodKind kind) => kind switch
        {
            MethodKind.LocalFunction => "a local function, which generated code cannot call",
            MethodKind.AnonymousFunction => "a lambda, which generated code cannot call",
            MethodKind.PropertyGet or MethodKind.PropertySet => "a property accessor",
            MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise => "an event accessor",
            MethodKind.UserDefinedOperator => "an operator",
            MethodKind.Conversion => "a conversion operator",
            MethodKind.Destructor => "a finalizer",
            MethodKind.Constructor or MethodKind.StaticConstructor => "a constructor",
            MethodKind.ExplicitInterfaceImplementation => "an explicit interface implementation, which has no name to call it by",
            _ => $"a {kind} method",
        };

        static bool CanBeTypeArgument(ITypeSymbol type) =>
            !type.IsRefLikeType && type.TypeKind is not (TypeKind.Pointer or TypeKind.FunctionPointer);

        static string Describe(ITypeSymbol type) =>
            type.IsRefLikeType ? $"ref struct ({type.Name})" : $"pointer ({type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)})";

        // As C# writes the modifier, not as Roslyn names the kind (RefReadOnlyParameter).
        static string ModifierOf(RefKind kind) => kind switch
        {
            RefKind.Ref => "ref",
            RefKind.Out => "out",
            RefKind.In => "in",
            RefKind.RefReadOnlyParameter => "ref readonly",
            _ => kind.ToString().ToLowerInvariant(),
        };
    }

    private ReturnSpec ParseReturn()
    {
        if (_method.ReturnsVoid)
        {
            return new ReturnSpec(ReturnKind.NoContent, Awaitable.None, ValueType: null);
        }

        var returnType = _method.ReturnType;
        if (KnownTypes.Is(returnType, _types.Task))
        {
            return new ReturnSpec(ReturnKind.NoContent, Awaitable.Task, ValueType: null);
        }

        if (KnownTypes.Is(returnType, _types.ValueTask))
        {
            return new ReturnSpec(ReturnKind.NoContent, Awaitable.ValueTask, ValueType: null);
        }

        var awaitable = KnownTypes.IsConstructedFrom(returnType, _types.TaskOfT) ? Awaitable.Task
            : KnownTypes.IsConstructedFrom(returnType, _types.ValueTaskOfT) ? Awaitable.ValueTask
            : Awaitable.None;
        var valueType = awaitable == Awaitable.None ? returnType : ((INamedTypeSymbol)returnType).TypeArguments[0];

        // [return: MaybeNull] on a non-nullable reference type returns null too: the delegate's result type must say so.
        if (awaitable == Awaitable.None && valueType.IsReferenceType
            && _method.GetReturnTypeAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.MaybeNullAttribute"))
        {
            valueType = valueType.WithNullableAnnotation(NullableAnnotation.Annotated);
        }

        var kind = KnownTypes.Implements(valueType, _types.Result) ? ReturnKind.Result : ReturnKind.Json;
        var declaresResponses = kind == ReturnKind.Result && _types.EndpointMetadataProvider is { } provider && KnownTypes.Implements(valueType, provider);
        return new ReturnSpec(kind, awaitable, ParameterParser.FormatType(valueType), declaresResponses);
    }
}
