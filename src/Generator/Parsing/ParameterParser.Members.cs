using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>What <see cref="CompositeParameterParser"/> asks of the parameter rules: which types are text, which the session.</summary>
internal sealed partial class ParameterParser
{
    /// <summary>The binding of one parameter of the function.</summary>
    public ParameterSpec? Parse(IParameterSymbol parameter, out ServerFunctionProblem? problem) => Parse(BindingTarget.Of(parameter), out problem);

    /// <summary>Whether <paramref name="type"/> binds from one text (a string, enum, <c>IParsable&lt;T&gt;</c> or <c>TryParse</c> type, or a nullable one).</summary>
    public bool IsText(ITypeSymbol type) => ClassifyText(type).Kind != TextKind.None;

    /// <summary>Whether <paramref name="type"/> is the session handle or the session data, which only a parameter of the function can take.</summary>
    public bool IsSession(ITypeSymbol type) =>
        KnownTypes.Is(type, types.Session) || KnownTypes.IsConstructedFrom(type, types.SessionOfT)
        || type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, types.SessionData));

    /// <summary>
    /// A member of a <c>[FromForm]</c> complex type: the form field named like it (names ignore case), as minimal APIs'
    /// form mapper reads it. A constructor argument is required; a property is optional and set to its type's default
    /// when the field is missing (its initializer does not survive, on minimal APIs either), except a non-nullable
    /// reference, which has no default: it is required.
    /// </summary>
    public ParameterSpec? ParseFormMember(BindingTarget member, bool isConstructorArgument, out ServerFunctionProblem? problem)
    {
        problem = null;
        var typeName = FormatType(member.Type);
        var (textKind, valueType, isNullableValueType) = ClassifyText(member.Type);
        if (textKind == TextKind.None)
        {
            problem = new ServerFunctionProblem.CannotBeBuilt($"its member '{member.Name}' is {Readable(typeName)}, which is not text: the members of a [FromForm] type bind strings, enums and IParsable types, one form field each");
            return null;
        }

        var isNullable = isNullableValueType || (member.Type.IsReferenceType && member.NullableAnnotation == NullableAnnotation.Annotated);
        var isRequired = isConstructorArgument || (member.Type.IsReferenceType && !isNullable);
        var valueTypeName = valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var defaultValue = isRequired ? null : isNullable ? "null" : $"default({valueTypeName})";
        return new ParameterSpec(member.Name, typeName, ParameterKind.Text, ArgumentSourceSpec.FormMember, textKind, valueTypeName, isRequired, isNullableValueType, defaultValue, member.Name,
            Parser: TextParser(textKind, valueType, types));
    }
}
