using System.Text;

namespace SessionAuth;

/// <summary>
/// Names a rule type in a start-up refusal as its author wrote it in C#: <c>Both&lt;NotExpelled, Prefect&gt;</c>,
/// <c>Outer.Rule</c>, a <c>file</c> class by its declared name; never the reflection name, which carries assembly
/// versions (<c>Both`2[[NotExpelled, App, Version=1.0.0.0, ...]]</c>).
/// </summary>
internal static class SessionRuleNames
{
    public static string Of(Type type) => Append(new StringBuilder(), type).ToString();

    private static StringBuilder Append(StringBuilder name, Type type)
    {
        if (type.IsArray)
        {
            return Append(name, type.GetElementType()!).Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
        }

        if (type.IsNested && !type.IsGenericParameter)
        {
            Append(name, type.DeclaringType!).Append('.');
        }

        // A file-local class is compiled as <File>F{checksum}__Name.
        var simple = type.Name;
        var fileLocal = simple.StartsWith('<') ? simple.IndexOf("__", StringComparison.Ordinal) : -1;
        simple = fileLocal > 0 ? simple[(fileLocal + 2)..] : simple;
        var tick = simple.IndexOf('`', StringComparison.Ordinal);
        name.Append(tick < 0 ? simple : simple[..tick]);

        // A nested type's arguments include its declaring types'; its own are the last ones.
        var arguments = type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        var inherited = type.IsNested && type.DeclaringType!.IsGenericType ? type.DeclaringType.GetGenericArguments().Length : 0;
        if (arguments.Length > inherited)
        {
            name.Append('<');
            for (var i = inherited; i < arguments.Length; i++)
            {
                Append(name.Append(i == inherited ? string.Empty : ", "), arguments[i]);
            }

            name.Append('>');
        }

        return name;
    }
}
