using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Emitting;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// Decides where each parameter of one server function gets its value: the request, the session, the route, query,
/// headers or body, or DI, as a minimal API handler with the same signature binds it (ASP.NET Core's <c>[From...]</c>
/// attributes included). One instance per function, since the parameters must agree on one session data type and on
/// who reads the body.
/// </summary>
/// <param name="bodyAllowed">Whether the verb carries arguments in its body; otherwise text comes from the query.</param>
/// <param name="bodyIsOneParameter">Whether one parameter takes the whole body (<c>[FromBody]</c>, <c>Stream</c>, <c>PipeReader</c>), leaving text to the query as minimal APIs do.</param>
/// <param name="bodyIsRaw">Whether that parameter is a <c>Stream</c> or <c>PipeReader</c>, beside which a minimal API still infers a complex value or an array as the JSON body.</param>
internal sealed partial class ParameterParser(Compilation compilation, KnownTypes types, GuardDecision guard, HashSet<string> routeParameters, bool bodyAllowed, bool bodyIsOneParameter, bool bodyIsRaw)
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The session data type the parameters named so far agree on; <see langword="null"/> when none names it.</summary>
    public string? SessionDataType { get; private set; }

    public static string FormatType(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    /// <summary>Whether some parameter of <paramref name="method"/> is the raw body: a <c>Stream</c> or a <c>PipeReader</c>.</summary>
    public static bool HasRawBodyParameter(IMethodSymbol method, KnownTypes types) =>
        method.Parameters.Any(p => KnownTypes.Is(p.Type, types.Stream) || KnownTypes.Is(p.Type, types.PipeReader));

    /// <summary>Whether some parameter of <paramref name="method"/> takes the whole body: <c>[FromBody]</c>, a <c>Stream</c> or a <c>PipeReader</c>.</summary>
    public static bool HasBodyParameter(IMethodSymbol method, KnownTypes types) =>
        method.Parameters.Any(p => BindingAttribute.Read(p, types).Source == AttributeSource.Body || KnownTypes.Is(p.Type, types.Stream) || KnownTypes.Is(p.Type, types.PipeReader));

    /// <summary>
    /// The parameters as a minimal API binds them beside a <c>Stream</c> or <c>PipeReader</c>: a service-or-JSON parameter
    /// there is a service when the app registers its type and otherwise the whole JSON body (read before the call, so the
    /// stream is then at its end), not a member of a JSON object of arguments.
    /// </summary>
    public static void BindBesideRawBody(List<ParameterSpec> parameters)
    {
        if (!parameters.Any(static p => p.Kind is ParameterKind.BodyStream or ParameterKind.BodyPipe))
        {
            return;
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Kind == ParameterKind.JsonOrService)
            {
                parameters[i] = parameters[i] with { Kind = ParameterKind.BodyOrService };
            }
        }
    }

    /// <summary>Why the parameters together cannot be bound (two readers of one body), or <see langword="null"/>.</summary>
    public static ServerFunctionProblem? FindConflict(IReadOnlyList<ParameterSpec> parameters)
    {
        var stream = parameters.FirstOrDefault(static p => p.Kind is ParameterKind.BodyStream or ParameterKind.BodyPipe);
        var body = parameters.Where(static p => p.Kind == ParameterKind.Body).ToList();
        if (body.Count > 1)
        {
            return new ServerFunctionProblem.CannotBeBuilt($"parameters '{body[0].Name}' and '{body[1].Name}' are both [FromBody]; the body is one value");
        }

        var reader = parameters.FirstOrDefault(p => p.ReadsBody && p != (body.Count > 0 ? body[0] : null));
        var textReader = parameters.FirstOrDefault(p => p.ReadsBody && p.Kind != ParameterKind.JsonOrService && p != (body.Count > 0 ? body[0] : null));
        if (stream is not null && (textReader is not null || body.Count > 0))
        {
            return new ServerFunctionProblem.CannotBeBuilt($"parameter '{stream.Name}' reads the raw body, so parameter '{(textReader ?? body[0]).Name}' cannot also bind from it");
        }

        if (body.Count == 1 && reader is not null && reader.Kind != ParameterKind.JsonOrService)
        {
            return new ServerFunctionProblem.CannotBeBuilt($"parameter '{body[0].Name}' is [FromBody], so parameter '{reader.Name}' cannot also bind from the body (a form field or file)");
        }

        return null;
    }

    /// <summary>The binding of <paramref name="parameter"/>, or <see langword="null"/> with the <paramref name="problem"/> that prevents one.</summary>
    public ParameterSpec? Parse(BindingTarget parameter, out ServerFunctionProblem? problem)
    {
        problem = null;
        // [DisallowNull] on a nullable parameter lets no null in: it binds as its non-nullable type, which is also the
        // only delegate type the method converts to without a nullability warning.
        var disallowsNull = parameter.Type.IsReferenceType && parameter.NullableAnnotation == NullableAnnotation.Annotated
            && parameter.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.DisallowNullAttribute");
        var type = disallowsNull ? parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : parameter.Type;
        var typeName = FormatType(type);
        var attribute = BindingAttribute.Read(parameter, types);
        if (GetContextKind(type) is { } contextKind)
        {
            return attribute.Source == AttributeSource.None ? Simple(parameter, typeName, contextKind) : Refuse(parameter, attribute, "it is the request's own value", out problem);
        }

        if (KnownTypes.IsConstructedFrom(type, types.SessionOfT))
        {
            if (attribute.Source != AttributeSource.None)
            {
                return Refuse(parameter, attribute, "it is the request's session", out problem);
            }

            var dataType = ((INamedTypeSymbol)type).TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return AgreeOnSessionType(dataType, parameter, out problem) ? Simple(parameter, typeName, ParameterKind.TypedSession) : null;
        }

        if (type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, types.SessionData)))
        {
            return attribute.Source == AttributeSource.None ? ParseSessionData(parameter, typeName, out problem) : Refuse(parameter, attribute, "it is the session data", out problem);
        }

        var isNullableReference = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated;
        var isOptional = parameter.HasExplicitDefaultValue || isNullableReference || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        switch (attribute.Source)
        {
            case AttributeSource.AsParameters:
                // A function's own [AsParameters] parameters are flattened before they get here (CompositeParameterParser).
                problem = new ServerFunctionProblem.CannotBeBuilt($"member '{parameter.Name}' is [AsParameters] inside an [AsParameters] type, which minimal APIs refuse too; declare its members in the outer type");
                return null;
            case AttributeSource.Services:
                return Bound(parameter, typeName, ParameterKind.Service, !isOptional);
            case AttributeSource.KeyedServices:
                return ParseKeyedService(parameter, typeName, attribute, !isOptional, out problem);
            case AttributeSource.Body:
                return ParseBody(parameter, typeName, attribute, isOptional, out problem);
        }

        if (KnownTypes.Is(type, types.FormFile) || KnownTypes.Is(type, types.FormFileCollection) || KnownTypes.Is(type, types.FormCollection))
        {
            if (attribute.Source is not (AttributeSource.None or AttributeSource.Form))
            {
                return Refuse(parameter, attribute, "a form's files and fields come from the form", out problem);
            }

            var kind = KnownTypes.Is(type, types.FormFile) ? ParameterKind.FormFile : KnownTypes.Is(type, types.FormFileCollection) ? ParameterKind.FormFiles : ParameterKind.Form;
            return Bound(parameter, typeName, kind, !isOptional, attribute.Name);
        }

        if (KnownTypes.Is(type, types.Stream) || KnownTypes.Is(type, types.PipeReader))
        {
            return attribute.Source == AttributeSource.None
                ? Simple(parameter, typeName, KnownTypes.Is(type, types.Stream) ? ParameterKind.BodyStream : ParameterKind.BodyPipe)
                : Refuse(parameter, attribute, "it is the raw request body; mark it [FromBody] or nothing", out problem);
        }

        // After the request's own values and before text, as the Request Delegate Generator orders them: a type that
        // binds itself is bound by its BindAsync, even when it also has a TryParse.
        if (attribute.Source == AttributeSource.None && BindAsyncMethods.Find(type, types) is { } bindAsync)
        {
            return ParseBindAsync(parameter, typeName, bindAsync, isOptional, out problem);
        }

        var (textKind, valueType, isNullableValueType) = ClassifyText(type);
        var isRequired = !isOptional;
        if (textKind != TextKind.None)
        {
            return ParseText(parameter, typeName, attribute, textKind, valueType, isNullableValueType, isRequired, out problem);
        }

        var values = ParseValues(parameter, typeName, attribute, out problem);
        if (values is not null || problem is not null)
        {
            return values;
        }

        if (attribute.Source != AttributeSource.None)
        {
            return Refuse(parameter, attribute, $"{Readable(typeName)} is not text: [From{attribute.Source}] binds strings, enums, IParsable types and arrays of them", out problem);
        }

        if (!bodyAllowed)
        {
            return ParseWithoutBody(parameter, type, typeName, isOptional, out problem);
        }

        if (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is not null)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' has a default value that JSON binding cannot honour; use null");
            return null;
        }

        // Interfaces and abstract classes too: from DI when the app registers them, otherwise JSON (IEnumerable<T>,
        // IReadOnlyList<T>...), as minimal APIs decide, per app, at startup.
        return new ParameterSpec(parameter.Name, typeName, ParameterKind.JsonOrService, ArgumentSourceSpec.Body, TextKind.None, typeName, isRequired, false, null, parameter.Name);
    }

    /// <summary>
    /// A parameter of no text type and no binding attribute on a verb that sends no body (GET, HEAD, DELETE, OPTIONS),
    /// where a minimal API takes it from DI or refuses to start. What the generator can tell at compile time decides:
    /// an interface or abstract class can only be a service, and binds as <c>[FromServices]</c> would; a collection, or
    /// any other class or struct, would be read from a JSON body the verb never sends, and is refused (SAUTH0003).
    /// </summary>
    private static ParameterSpec? ParseWithoutBody(BindingTarget parameter, ITypeSymbol type, string typeName, bool isOptional, out ServerFunctionProblem? problem)
    {
        problem = null;
        if (IsCollection(type))
        {
            var remedy = type is IArrayTypeSymbol { ElementType: var element }
                ? $"its elements ({Readable(FormatType(element))}) are not text, so no repeated query key can give them"
                : "take an array (T[]) to bind every value of a repeated query key";
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' is a collection that would come from the JSON body, which a request of this verb does not send; {remedy}");
            return null;
        }

        if (type.TypeKind == TypeKind.Interface || type.IsAbstract)
        {
            return Bound(parameter, typeName, ParameterKind.Service, !isOptional);
        }

        problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' is {Readable(typeName)}, which is not text, so it would come from the JSON body, which a request of this verb does not send; mark it [FromServices] if it is a service, or [AsParameters] to bind its members from the query");
        return null;
    }

    private ParameterSpec? ParseKeyedService(BindingTarget parameter, string typeName, BindingAttribute attribute, bool isRequired, out ServerFunctionProblem? problem)
    {
        problem = null;

        // Generated code writes the key as a constant of its type, so the key's type must be one it can name.
        if (attribute.Key is not null && attribute.KeyType is { } keyOfType && SignatureTypes.FindUnreachable(keyOfType, compilation) is { } unreachable)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' has a service key that {unreachable}");
            return null;
        }

        var key = attribute.Key is null ? "null" : CSharpText.Constant(attribute.Key);
        if (key is null)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' has a service key that generated code cannot write; use a string, number or enum constant");
            return null;
        }

        // Typed as the attribute's argument was, so that a short or enum key is boxed as what the app registered.
        if (attribute.Key is not null && attribute.KeyType is { } keyType)
        {
            key = $"({keyType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})({key})";
        }

        return Bound(parameter, typeName, ParameterKind.KeyedService, isRequired) with { ServiceKey = key };
    }

    private ParameterSpec? ParseBody(BindingTarget parameter, string typeName, BindingAttribute attribute, bool isOptional, out ServerFunctionProblem? problem)
    {
        problem = null;
        if (KnownTypes.Is(parameter.Type, types.Stream) || KnownTypes.Is(parameter.Type, types.PipeReader))
        {
            return Simple(parameter, typeName, KnownTypes.Is(parameter.Type, types.Stream) ? ParameterKind.BodyStream : ParameterKind.BodyPipe);
        }

        if (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is not null)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' has a default value that JSON binding cannot honour; use null");
            return null;
        }

        if (parameter.Type.IsValueType && parameter.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T && (isOptional || attribute.AllowEmpty))
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' is an optional [FromBody] {parameter.Type.Name}, a value type with no null to bind when the body is empty; make it {parameter.Type.Name}?");
            return null;
        }

        return Bound(parameter, typeName, ParameterKind.Body, !isOptional && !attribute.AllowEmpty);
    }

    /// <summary>An array of text or <c>StringValues</c>: every value of a repeated key; <see langword="null"/> for any other type.</summary>
    private ParameterSpec? ParseValues(BindingTarget parameter, string typeName, BindingAttribute attribute, out ServerFunctionProblem? problem)
    {
        problem = null;
        var isStringValues = KnownTypes.Is(parameter.Type, types.StringValues);
        (TextKind Kind, ITypeSymbol ValueType, bool IsNullableValueType) element = parameter.Type is IArrayTypeSymbol { Rank: 1 } array
            ? ClassifyText(array.ElementType)
            : (TextKind.None, parameter.Type, false);
        if (!isStringValues && element.Kind == TextKind.None)
        {
            return null;
        }

        ArgumentSourceSpec source;
        switch (attribute.Source)
        {
            case AttributeSource.Route:
                return Refuse(parameter, attribute, "a route value is one value, not an array", out problem);
            case AttributeSource.None when bodyAllowed && !bodyIsOneParameter:
                if (isStringValues)
                {
                    problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' is StringValues, which a JSON body cannot give; mark it [FromQuery], [FromHeader] or [FromForm]");
                }

                // An array on a verb with a body is a JSON array member, as minimal APIs read it from a JSON body.
                return null;
            case AttributeSource.None when bodyAllowed && bodyIsOneParameter && !bodyIsRaw && !isStringValues:
                // Beside [FromBody] a minimal API infers the array as a second body and refuses to start.
                problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' would be a second JSON body beside the [FromBody] parameter, as a minimal API infers an array on this verb; mark it [FromQuery] or [FromServices]");
                return null;
            case AttributeSource.None when bodyAllowed && bodyIsRaw && !isStringValues:
                // Beside a raw body a minimal API infers an array as it infers any complex value: a service when the app
                // registers it, otherwise the whole JSON body (BindBesideRawBody), never the query.
                return null;
            default:
                source = SourceOf(attribute.Source) ?? ArgumentSourceSpec.Query;
                break;
        }

        var valueType = isStringValues ? typeName : element.ValueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        // An empty value of a nullable element (int?[], Money?[]) is null, as the Request Delegate Generator binds it; so is
        // one of a class element of a #nullable disable context (Version[]), which admits null.
        var elementType = (parameter.Type as IArrayTypeSymbol)?.ElementType;
        var nullableElements = element.IsNullableValueType
            || elementType is { IsReferenceType: true, NullableAnnotation: NullableAnnotation.Annotated or NullableAnnotation.None };
        return new ParameterSpec(
            parameter.Name,
            typeName,
            isStringValues ? ParameterKind.StringValues : ParameterKind.TextArray,
            source,
            isStringValues ? TextKind.String : element.Kind,
            valueType,
            // A [FromHeader] StringValues without a default is required, as the Request Delegate Generator reads it.
            IsRequired: isStringValues && attribute.Source == AttributeSource.Header && !parameter.HasExplicitDefaultValue,
            IsNullableValueType: element.IsNullableValueType,
            DefaultValue: null,
            attribute.Name ?? parameter.Name,
            NullableElements: nullableElements && element.Kind != TextKind.String,
            Parser: TextParser(element.Kind, element.ValueType, types));
    }

    /// <summary>
    /// A type that binds itself from the request: its static <c>BindAsync</c> (or <c>IBindableFromHttpContext&lt;T&gt;</c>)
    /// gives the value, and a required parameter it gives none to is a 400, as on a minimal API.
    /// </summary>
    private static ParameterSpec? ParseBindAsync(BindingTarget parameter, string typeName, BindAsyncMethods.Found bindAsync, bool isOptional, out ServerFunctionProblem? problem)
    {
        problem = null;
        var valueType = bindAsync.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (bindAsync.Problem is { } reason)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' binds itself through {Readable(valueType)}.BindAsync, which {reason}");
            return null;
        }

        string? parameterInfo = null;
        if (bindAsync.TakesParameter)
        {
            if (parameter.FunctionParameter is not { } functionParameter)
            {
                problem = new ServerFunctionProblem.CannotBeBuilt($"member '{parameter.Name}' binds itself through {Readable(valueType)}.BindAsync(HttpContext, ParameterInfo), which for a member of an [AsParameters] type a minimal API passes a ParameterInfo of its own making that describes the property; take it as a parameter of the function");
                return null;
            }

            parameterInfo = $"{BindAsyncMethods.ParametersToken}[{functionParameter.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
        }

        var binder = bindAsync.Binder(parameterInfo);
        var isNullableValueType = parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        return new ParameterSpec(
            parameter.Name,
            typeName,
            bindAsync.Type.IsValueType ? ParameterKind.BindAsyncStruct : ParameterKind.BindAsyncClass,
            ArgumentSourceSpec.Body,
            TextKind.None,
            valueType,
            !isOptional,
            isNullableValueType,
            DefaultValue: null,
            parameter.Name,
            Binder: binder);
    }

    private static ParameterSpec? Refuse(BindingTarget parameter, BindingAttribute attribute, string reason, out ServerFunctionProblem? problem)
    {
        problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' cannot be bound as [{attribute.DisplayName}]: {reason}");
        return null;
    }

    private static ArgumentSourceSpec? SourceOf(AttributeSource source) => source switch
    {
        AttributeSource.Route => ArgumentSourceSpec.Route,
        AttributeSource.Query => ArgumentSourceSpec.FromQuery,
        AttributeSource.Header => ArgumentSourceSpec.Header,
        AttributeSource.Form => ArgumentSourceSpec.Form,
        _ => null,
    };

    private static bool IsCollection(ITypeSymbol type) =>
        type.SpecialType != SpecialType.System_String
        && (type.TypeKind == TypeKind.Array || type.AllInterfaces.Any(static i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);

    private ParameterSpec? ParseSessionData(BindingTarget parameter, string typeName, out ServerFunctionProblem? problem)
    {
        // Unguarded, the data can be missing; only a nullable parameter can say so.
        if (!guard.RequiresSession && parameter.NullableAnnotation != NullableAnnotation.Annotated)
        {
            problem = new ServerFunctionProblem.UnguardedSessionData(parameter.Name, parameter.Type.Name);
            return null;
        }

        var dataType = parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return AgreeOnSessionType(dataType, parameter, out problem) ? Simple(parameter, typeName, ParameterKind.SessionData) : null;
    }

    private ParameterSpec? ParseText(BindingTarget parameter, string typeName, BindingAttribute attribute, TextKind textKind, ITypeSymbol valueType, bool isNullableValueType, bool isRequired, out ServerFunctionProblem? problem)
    {
        problem = null;
        var defaultValue = parameter.HasExplicitDefaultValue ? FormatDefault(parameter, valueType) : null;
        var name = attribute.Name ?? parameter.Name;
        if (attribute.Source == AttributeSource.Route && !routeParameters.Contains(name))
        {
            return Refuse(parameter, attribute, $"the route has no parameter '{{{name}}}'", out problem);
        }

        if (parameter.HasExplicitDefaultValue && defaultValue is null)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' has a default value that generated code cannot write; use a constant of the parameter's type");
            return null;
        }

        var source = SourceOf(attribute.Source)
            ?? (routeParameters.Contains(name) ? ArgumentSourceSpec.Route
                : bodyAllowed && !bodyIsOneParameter ? ArgumentSourceSpec.Body
                : ArgumentSourceSpec.Query);
        return new ParameterSpec(
            parameter.Name,
            typeName,
            ParameterKind.Text,
            source,
            textKind,
            valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            isRequired,
            isNullableValueType,
            defaultValue,
            name,
            Parser: TextParser(textKind, valueType, types),
            // Not from a header: the Request Delegate Generator reads an empty header value of a required argument as a missing one.
            EmptyIsNull: isRequired && valueType.IsReferenceType && parameter.NullableAnnotation == NullableAnnotation.None
                && textKind is TextKind.Parsable or TextKind.TryParse
                && source != ArgumentSourceSpec.Header);
    }

    private ParameterKind? GetContextKind(ITypeSymbol type)
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

    private static ParameterSpec Simple(BindingTarget parameter, string typeName, ParameterKind kind) =>
        new(parameter.Name, typeName, kind, ArgumentSourceSpec.Body, TextKind.None, typeName, IsRequired: true, IsNullableValueType: false, DefaultValue: null, parameter.Name);

    private static ParameterSpec Bound(BindingTarget parameter, string typeName, ParameterKind kind, bool isRequired, string? bindingName = null) =>
        new(parameter.Name, typeName, kind, ArgumentSourceSpec.Body, TextKind.None, typeName, isRequired, IsNullableValueType: false, DefaultValue: null, bindingName ?? parameter.Name);

    private bool AgreeOnSessionType(string dataType, BindingTarget parameter, out ServerFunctionProblem? problem)
    {
        problem = null;
        if (SessionDataType is not null && SessionDataType != dataType)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' uses the session type {Readable(dataType)}, but another parameter uses {Readable(SessionDataType)}");
            return false;
        }

        SessionDataType = dataType;
        return true;
    }

    private static string Readable(string qualifiedTypeName) => qualifiedTypeName.Replace("global::", string.Empty);

    private (TextKind Kind, ITypeSymbol ValueType, bool IsNullableValueType) ClassifyText(ITypeSymbol type) => ClassifyText(type, types);

    /// <summary>
    /// Whether <paramref name="type"/> binds from one piece of text as a minimal API binds it (a string, an enum, an
    /// <c>IParsable&lt;T&gt;</c> of itself, a type with its own static <c>TryParse(string, out T)</c>, or one of those
    /// nullable), and as what; <see cref="TextKind.None"/> otherwise.
    /// </summary>
    internal static (TextKind Kind, ITypeSymbol ValueType, bool IsNullableValueType) ClassifyText(ITypeSymbol type, KnownTypes types)
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

        // Not IParsable and with no TryParse, but text to minimal APIs all the same: they create it with Uri.TryCreate.
        if (KnownTypes.Is(valueType, types.Uri))
        {
            return (TextKind.TryParse, valueType, false);
        }

        var isParsable = valueType.AllInterfaces.Any(i =>
            KnownTypes.IsConstructedFrom(i, types.Parsable) && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], valueType));
        if (isParsable)
        {
            return (TextKind.Parsable, valueType, isNullableValueType);
        }

        // T? binds as T does, as the Request Delegate Generator looks up T's TryParse.
        return TryParseMethods.Find(valueType) == TryParseMethods.Kind.Text
            ? (TextKind.TryParse, valueType, isNullableValueType)
            : (TextKind.None, type, false);
    }

    /// <summary>
    /// For a type of <see cref="TextKind.TryParse"/>, its parser as generated code passes it (a method group that the
    /// shape's <c>TryParseText&lt;T&gt;</c> takes): the type's own <c>TryParse</c>, or for <c>Uri</c> the runtime's
    /// <c>Uri.TryCreate(text, UriKind.RelativeOrAbsolute, ...)</c>, as minimal APIs create it; <see langword="null"/> for other kinds.
    /// </summary>
    internal static string? TextParser(TextKind kind, ITypeSymbol valueType, KnownTypes types) =>
        kind != TextKind.TryParse ? null
        : KnownTypes.Is(valueType, types.Uri) ? GeneratedFile.InfrastructureNamespace + "ParameterBinding.TryCreateUri"
        : valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".TryParse";

    /// <summary>
    /// The default value as a person would write it (<c>1</c>, <c>"name"</c>, <c>global::Category.Owls</c>), written by
    /// <see cref="CSharpText"/>; <see langword="null"/> when it has no C# form.
    /// </summary>
    private static string? FormatDefault(BindingTarget parameter, ITypeSymbol valueType)
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
                ? $"{typeName}.{CSharpText.Identifier(member.Name)}"
                : CSharpText.Constant(value) is { } number ? $"({typeName})({number})" : null;
        }

        return CSharpText.Constant(value);
    }
}
