using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// Turns a <c>[ServerFunction]</c> method into a <see cref="ServerFunctionSpec"/>. A method the generated code cannot
/// call or bind yields <see langword="null"/> and is skipped: explaining why is the analyzers' job, not the generator's.
/// </summary>
internal static class ServerFunctionParser
{
    /// <summary>The most arguments a <c>Func</c> or <c>Action</c> takes; an instance method's target is one of them.</summary>
    private const int MaxDelegateArguments = 16;

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static ServerFunctionSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length != 1)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var compilation = context.SemanticModel.Compilation;
        return Parse(method, context.Attributes[0], compilation, KnownTypes.For(compilation), out _);
    }

    /// <summary>
    /// Builds the spec of <paramref name="method"/>, or says in <paramref name="problem"/> why it cannot be built.
    /// The generator skips such a method; the analyzer reports the problem (SAUTH0003, SAUTH0004).
    /// </summary>
    public static ServerFunctionSpec? Parse(IMethodSymbol method, AttributeData attribute, Compilation compilation, KnownTypes types, out ServerFunctionProblem? problem)
    {
        problem = null;
        if (!types.IsComplete)
        {
            return null;
        }

        if (FindUnreachable(method, compilation) is { } reason)
        {
            problem = new ServerFunctionProblem(reason);
            return null;
        }

        var (route, httpMethod) = ReadAttribute(attribute);
        var typePath = GetTypePath(method.ContainingType);
        route ??= $"/_server/{typePath}/{method.Name}";
        if (httpMethod is null)
        {
            problem = new ServerFunctionProblem("its Method is not an HTTP method name such as GET or POST");
            return null;
        }

        if (route.Length == 0)
        {
            problem = new ServerFunctionProblem("its route is empty");
            return null;
        }

        var guard = ResolveGuard(method, types);
        var routeParameters = RouteTemplate.GetParameterNames(route);
        var bodyAllowed = httpMethod is not ("GET" or "HEAD" or "DELETE" or "OPTIONS");

        var parameters = ImmutableArray.CreateBuilder<ParameterSpec>(method.Parameters.Length);
        string? sessionDataType = null;
        foreach (var parameter in method.Parameters)
        {
            var spec = ParseParameter(parameter, types, guard, routeParameters, bodyAllowed, ref sessionDataType, out problem);
            if (spec is null)
            {
                return null;
            }

            parameters.Add(spec);
        }

        var returnSpec = ParseReturn(method, types);
        return new ServerFunctionSpec(
            Name: $"{typePath}.{method.Name}",
            ContainingType: method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            ContainingTypePath: method.ContainingNamespace.IsGlobalNamespace ? typePath : $"{method.ContainingNamespace.ToDisplayString()}.{typePath}",
            MethodName: method.Name,
            DisplaySignature: method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            IsStatic: method.IsStatic,
            HttpMethod: httpMethod,
            Route: route,
            Guard: guard,
            PreloadsSession: HasAttribute(method, types.PreloadSession),
            SessionDataType: sessionDataType,
            Parameters: parameters.ToImmutable().ToEquatableArray(),
            Return: returnSpec);
    }

    /// <summary>Why generated code could not call <paramref name="method"/> at all, or <see langword="null"/>.</summary>
    private static string? FindUnreachable(IMethodSymbol method, Compilation compilation)
    {
        if (method.MethodKind != MethodKind.Ordinary)
        {
            return "only ordinary methods can be server functions, not local functions, operators or accessors";
        }

        if (method.IsGenericMethod)
        {
            return "it is generic; a server function has no type parameters";
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
            {
                return $"it is declared in the generic type {type.Name}";
            }
        }

        if (method.IsAsync && method.ReturnsVoid)
        {
            return "it is async void, so nobody could await it; return Task instead";
        }

        if (!compilation.IsSymbolAccessibleWithin(method, compilation.Assembly))
        {
            return "generated code cannot reach it; make it and the types around it internal or public";
        }

        var byReference = method.Parameters.FirstOrDefault(static p => p.RefKind != RefKind.None);
        if (byReference is not null)
        {
            return $"parameter '{byReference.Name}' is passed by reference ({byReference.RefKind.ToString().ToLowerInvariant()}), which an HTTP argument cannot be";
        }

        // The generated endpoint calls the method through a Func or Action whose type arguments are its parameter
        // and return types: a ref struct or a pointer cannot be one, and those delegates take at most 16 arguments.
        var unpassable = method.Parameters.FirstOrDefault(static p => !CanBeTypeArgument(p.Type));
        if (unpassable is not null)
        {
            return $"parameter '{unpassable.Name}' is a {Describe(unpassable.Type)}, which no HTTP argument can bind";
        }

        if (!method.ReturnsVoid && !CanBeTypeArgument(method.ReturnType))
        {
            return $"it returns a {Describe(method.ReturnType)}, which cannot be written as a response";
        }

        var arguments = method.Parameters.Length + (method.IsStatic ? 0 : 1);
        return arguments <= MaxDelegateArguments
            ? null
            : $"it takes {method.Parameters.Length} parameters, more than the {(method.IsStatic ? $"{MaxDelegateArguments} a static" : $"{MaxDelegateArguments - 1} an instance")} server function can take; group them in a record bound from the JSON body";

        static bool CanBeTypeArgument(ITypeSymbol type) =>
            !type.IsRefLikeType && type.TypeKind is not (TypeKind.Pointer or TypeKind.FunctionPointer);

        static string Describe(ITypeSymbol type) =>
            type.IsRefLikeType ? $"ref struct ({type.Name})" : $"pointer ({type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)})";
    }

    private static (string? Route, string? HttpMethod) ReadAttribute(AttributeData attribute)
    {
        var route = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var httpMethod = "POST";
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Method")
            {
                httpMethod = argument.Value.Value as string ?? string.Empty;
            }
        }

        httpMethod = httpMethod.Trim().ToUpperInvariant();
        return (route?.Trim(), httpMethod.Length > 0 && httpMethod.All(static c => c is >= 'A' and <= 'Z') ? httpMethod : null);
    }

    /// <summary>The nearest decision wins: the method, then its type and the types around it, then the assembly.</summary>
    public static GuardSpec ResolveGuard(IMethodSymbol method, KnownTypes types)
    {
        if (Decide(method.GetAttributes(), types) is { } fromMethod)
        {
            return fromMethod;
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (Decide(type.GetAttributes(), types) is { } fromType)
            {
                return fromType;
            }
        }

        return Decide(method.ContainingAssembly.GetAttributes(), types) ?? GuardSpec.None;
    }

    /// <summary>Whether <paramref name="attribute"/> is on the method, a type around it, or the assembly.</summary>
    private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol? attribute)
    {
        bool On(ISymbol symbol) => symbol.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, attribute));

        for (ISymbol? symbol = method; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (On(symbol))
            {
                return true;
            }
        }

        return attribute is not null && On(method.ContainingAssembly);
    }

    private static GuardSpec? Decide(ImmutableArray<AttributeData> attributes, KnownTypes types)
    {
        GuardSpec? decision = null;
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is not { } attributeClass)
            {
                continue;
            }

            // [AllowAnonymous] beside [RequireSession] on one member opens it; the analyzer warns about the pair.
            if (KnownTypes.Implements(attributeClass, types.AllowAnonymous))
            {
                return GuardSpec.None;
            }

            if (KnownTypes.Is(attributeClass, types.RequireSession))
            {
                var redirectTo = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "RedirectTo").Value.Value as string;
                decision = new GuardSpec(true, redirectTo);
            }
        }

        return decision;
    }

    private static ParameterSpec? ParseParameter(
        IParameterSymbol parameter,
        KnownTypes types,
        GuardSpec guard,
        HashSet<string> routeParameters,
        bool bodyAllowed,
        ref string? sessionDataType,
        out ServerFunctionProblem? problem)
    {
        problem = null;
        var type = parameter.Type;
        var typeName = type.ToDisplayString(TypeFormat);
        var fixedKind = GetContextKind(type, types);
        if (fixedKind is { } kind)
        {
            return Simple(parameter, typeName, kind);
        }

        if (KnownTypes.IsConstructedFrom(type, types.SessionOfT))
        {
            var dataType = ((INamedTypeSymbol)type).TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return AgreeOnSessionType(ref sessionDataType, dataType, parameter, out problem) ? Simple(parameter, typeName, ParameterKind.TypedSession) : null;
        }

        if (type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, types.SessionData)))
        {
            var isNullable = parameter.NullableAnnotation == NullableAnnotation.Annotated;

            // Unguarded, the data can be missing; only a nullable parameter can say so.
            if (!guard.RequiresSession && !isNullable)
            {
                problem = new ServerFunctionProblem($"parameter '{parameter.Name}' is session data on an endpoint that is not guarded", UnguardedSessionData: parameter.Name, SessionDataTypeName: type.Name);
                return null;
            }

            var dataType = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return AgreeOnSessionType(ref sessionDataType, dataType, parameter, out problem) ? Simple(parameter, typeName, ParameterKind.SessionData) : null;
        }

        if (parameter.GetAttributes().Any(a => a.AttributeClass is { } c && KnownTypes.Implements(c, types.FromServiceMetadata)))
        {
            return Simple(parameter, typeName, ParameterKind.Service);
        }

        var (textKind, valueType, isNullableValueType) = ClassifyText(type, types);
        var isNullableReference = type.IsReferenceType && parameter.NullableAnnotation == NullableAnnotation.Annotated;
        var isRequired = !parameter.HasExplicitDefaultValue && !isNullableReference && !isNullableValueType;
        var defaultValue = parameter.HasExplicitDefaultValue ? FormatDefault(parameter, valueType) : null;

        if (textKind != TextKind.None)
        {
            // A nullable value type binds null when missing, and a parsable class has no null to fall back on:
            // any other default has no binding that could honour it.
            if (isNullableValueType && parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is not null)
            {
                problem = new ServerFunctionProblem($"parameter '{parameter.Name}' is nullable with a default other than null; use null, or drop the '?'");
                return null;
            }

            if (textKind == TextKind.Parsable && valueType.IsReferenceType && !isRequired && defaultValue is null or "null")
            {
                problem = new ServerFunctionProblem($"parameter '{parameter.Name}' is an optional {valueType.Name}, a class with no value to bind when missing; make it required");
                return null;
            }

            var source = routeParameters.Contains(parameter.Name)
                ? ArgumentSourceSpec.Route
                : bodyAllowed ? ArgumentSourceSpec.Body : ArgumentSourceSpec.Query;
            return new ParameterSpec(
                parameter.Name,
                typeName,
                ParameterKind.Text,
                source,
                textKind,
                valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                isRequired,
                isNullableValueType,
                defaultValue);
        }

        if (type.TypeKind == TypeKind.Interface || type.IsAbstract)
        {
            return Simple(parameter, typeName, ParameterKind.Service);
        }

        if (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is not null)
        {
            problem = new ServerFunctionProblem($"parameter '{parameter.Name}' has a default value that JSON binding cannot honour; use null");
            return null;
        }

        return new ParameterSpec(parameter.Name, typeName, ParameterKind.JsonOrService, ArgumentSourceSpec.Body, TextKind.None, typeName, isRequired, false, null);
    }

    private static ParameterKind? GetContextKind(ITypeSymbol type, KnownTypes types)
    {
        if (KnownTypes.Is(type, types.HttpContext))
        {
            return ParameterKind.HttpContext;
        }

        if (KnownTypes.Is(type, types.HttpRequest))
        {
            return ParameterKind.HttpRequest;
        }

        if (KnownTypes.Is(type, types.HttpResponse))
        {
            return ParameterKind.HttpResponse;
        }

        if (KnownTypes.Is(type, types.CancellationToken))
        {
            return ParameterKind.CancellationToken;
        }

        if (KnownTypes.Is(type, types.ClaimsPrincipal))
        {
            return ParameterKind.User;
        }

        return KnownTypes.Is(type, types.Session) ? ParameterKind.Session : null;
    }

    private static ParameterSpec Simple(IParameterSymbol parameter, string typeName, ParameterKind kind) =>
        new(parameter.Name, typeName, kind, ArgumentSourceSpec.Body, TextKind.None, typeName, IsRequired: true, IsNullableValueType: false, DefaultValue: null);

    private static bool AgreeOnSessionType(ref string? sessionDataType, string dataType, IParameterSymbol parameter, out ServerFunctionProblem? problem)
    {
        problem = null;
        if (sessionDataType is not null && sessionDataType != dataType)
        {
            problem = new ServerFunctionProblem($"parameter '{parameter.Name}' uses the session type {Readable(dataType)}, but another parameter uses {Readable(sessionDataType)}");
            return false;
        }

        sessionDataType = dataType;
        return true;
    }

    private static string Readable(string qualifiedTypeName) => qualifiedTypeName.Replace("global::", string.Empty);

    private static (TextKind Kind, ITypeSymbol ValueType, bool IsNullableValueType) ClassifyText(ITypeSymbol type, KnownTypes types)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return (TextKind.String, type, false);
        }

        var isNullableValueType = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        var valueType = isNullableValueType ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        if (valueType.TypeKind == TypeKind.Enum)
        {
            return (TextKind.Enum, valueType, isNullableValueType);
        }

        var isParsable = valueType.AllInterfaces.Any(i =>
            KnownTypes.IsConstructedFrom(i, types.Parsable) && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], valueType));
        return isParsable ? (TextKind.Parsable, valueType, isNullableValueType) : (TextKind.None, type, false);
    }

    /// <summary>The default value as a person would write it: <c>1</c>, <c>"name"</c>, <c>Category.Owls</c>.</summary>
    private static string FormatDefault(IParameterSymbol parameter, ITypeSymbol valueType)
    {
        var value = parameter.ExplicitDefaultValue;
        var typeName = valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (value is null)
        {
            return parameter.Type.IsValueType && parameter.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
                ? $"default({typeName})"
                : "null";
        }

        if (valueType.TypeKind == TypeKind.Enum)
        {
            var member = valueType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
            return member is not null
                ? $"{typeName}.{member.Name}"
                : $"({typeName})({SymbolDisplay.FormatPrimitive(value, quoteStrings: false, useHexadecimalNumbers: false)})";
        }

        return value switch
        {
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            char character => SymbolDisplay.FormatLiteral(character, quote: true),
            bool flag => flag ? "true" : "false",
            decimal number => number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "m",
            float number => number.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "f",
            double number => number.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d",
            _ => SymbolDisplay.FormatPrimitive(value, quoteStrings: false, useHexadecimalNumbers: false) ?? "default",
        };
    }

    private static ReturnSpec ParseReturn(IMethodSymbol method, KnownTypes types)
    {
        if (method.ReturnsVoid)
        {
            return new ReturnSpec(ReturnKind.NoContent, Awaitable.None, ValueType: null);
        }

        var returnType = method.ReturnType;
        if (KnownTypes.Is(returnType, types.Task))
        {
            return new ReturnSpec(ReturnKind.NoContent, Awaitable.Task, ValueType: null);
        }

        if (KnownTypes.Is(returnType, types.ValueTask))
        {
            return new ReturnSpec(ReturnKind.NoContent, Awaitable.ValueTask, ValueType: null);
        }

        var awaitable = KnownTypes.IsConstructedFrom(returnType, types.TaskOfT) ? Awaitable.Task
            : KnownTypes.IsConstructedFrom(returnType, types.ValueTaskOfT) ? Awaitable.ValueTask
            : Awaitable.None;
        var valueType = awaitable == Awaitable.None ? returnType : ((INamedTypeSymbol)returnType).TypeArguments[0];
        var kind = KnownTypes.Implements(valueType, types.Result) ? ReturnKind.Result : ReturnKind.Json;
        return new ReturnSpec(kind, awaitable, valueType.ToDisplayString(TypeFormat));
    }

    private static string GetTypePath(INamedTypeSymbol type)
    {
        var names = new Stack<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            names.Push(current.Name);
        }

        return string.Join(".", names);
    }
}
