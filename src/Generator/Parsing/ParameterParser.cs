using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Emitting;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// Decides where each parameter of one server function gets its value: the request, the session, the route, query or
/// body, or DI. One instance per function, since the parameters must agree on one session data type.
/// </summary>
internal sealed class ParameterParser(KnownTypes types, GuardDecision guard, HashSet<string> routeParameters, bool bodyAllowed)
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The session data type the parameters named so far agree on; <see langword="null"/> when none names it.</summary>
    public string? SessionDataType { get; private set; }

    public static string FormatType(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    /// <summary>The binding of <paramref name="parameter"/>, or <see langword="null"/> with the <paramref name="problem"/> that prevents one.</summary>
    public ParameterSpec? Parse(IParameterSymbol parameter, out ServerFunctionProblem? problem)
    {
        problem = null;
        // [DisallowNull] on a nullable parameter lets no null in: it binds as its non-nullable type, which is also the
        // only delegate type the method converts to without a nullability warning.
        var disallowsNull = parameter.Type.IsReferenceType && parameter.NullableAnnotation == NullableAnnotation.Annotated
            && parameter.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.DisallowNullAttribute");
        var type = disallowsNull ? parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : parameter.Type;
        var typeName = FormatType(type);
        if (GetContextKind(type) is { } contextKind)
        {
            return Simple(parameter, typeName, contextKind);
        }

        if (KnownTypes.IsConstructedFrom(type, types.SessionOfT))
        {
            var dataType = ((INamedTypeSymbol)type).TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return AgreeOnSessionType(dataType, parameter, out problem) ? Simple(parameter, typeName, ParameterKind.TypedSession) : null;
        }

        if (type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, types.SessionData)))
        {
            return ParseSessionData(parameter, typeName, out problem);
        }

        if (parameter.GetAttributes().Any(a => a.AttributeClass is { } c && KnownTypes.Implements(c, types.FromServiceMetadata)))
        {
            return Simple(parameter, typeName, ParameterKind.Service);
        }

        var (textKind, valueType, isNullableValueType) = ClassifyText(type);
        var isNullableReference = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated;
        var isRequired = !parameter.HasExplicitDefaultValue && !isNullableReference && !isNullableValueType;
        if (textKind != TextKind.None)
        {
            return ParseText(parameter, typeName, textKind, valueType, isNullableValueType, isRequired, out problem);
        }

        if (type.TypeKind == TypeKind.Interface || type.IsAbstract)
        {
            return Simple(parameter, typeName, ParameterKind.Service);
        }

        if (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is not null)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' has a default value that JSON binding cannot honour; use null");
            return null;
        }

        return new ParameterSpec(parameter.Name, typeName, ParameterKind.JsonOrService, ArgumentSourceSpec.Body, TextKind.None, typeName, isRequired, false, null);
    }

    private ParameterSpec? ParseSessionData(IParameterSymbol parameter, string typeName, out ServerFunctionProblem? problem)
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

    private ParameterSpec? ParseText(IParameterSymbol parameter, string typeName, TextKind textKind, ITypeSymbol valueType, bool isNullableValueType, bool isRequired, out ServerFunctionProblem? problem)
    {
        problem = null;
        var defaultValue = parameter.HasExplicitDefaultValue ? FormatDefault(parameter, valueType) : null;

        // A nullable value type binds null when missing, and a parsable class has no null to fall back on: any other
        // default has no binding that could honour it.
        if (isNullableValueType && parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is not null)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' is nullable with a default other than null; use null, or drop the '?'");
            return null;
        }

        if (parameter.HasExplicitDefaultValue && defaultValue is null)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' has a default value that generated code cannot write; use a constant of the parameter's type");
            return null;
        }

        if (textKind == TextKind.Parsable && valueType.IsReferenceType && !isRequired && defaultValue is null or "null")
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' is an optional {valueType.Name}, a class with no value to bind when missing; make it required");
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

    private static ParameterSpec Simple(IParameterSymbol parameter, string typeName, ParameterKind kind) =>
        new(parameter.Name, typeName, kind, ArgumentSourceSpec.Body, TextKind.None, typeName, IsRequired: true, IsNullableValueType: false, DefaultValue: null);

    private bool AgreeOnSessionType(string dataType, IParameterSymbol parameter, out ServerFunctionProblem? problem)
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

    private (TextKind Kind, ITypeSymbol ValueType, bool IsNullableValueType) ClassifyText(ITypeSymbol type)
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

    /// <summary>
    /// The default value as a person would write it (<c>1</c>, <c>"name"</c>, <c>global::Category.Owls</c>), written by
    /// <see cref="CSharpText"/>; <see langword="null"/> when it has no C# form.
    /// </summary>
    private static string? FormatDefault(IParameterSymbol parameter, ITypeSymbol valueType)
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
