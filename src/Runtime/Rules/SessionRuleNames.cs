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

        if (Keyword(type) is { } keyword)
        {
            return name.Append(keyword);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Append(name, underlying).Append('?');
        }

        // A nested type's arguments are its declaring types' first, then its own (Outer<int>.Rule<House> is Rule`1[int, House],
        // declared in the open Outer`1): each level takes the arguments beyond those of the level around it.
        var levels = new Stack<Type>();
        for (var level = type; level is not null; level = level.IsNested && !level.IsGenericParameter ? level.DeclaringType : null)
        {
            levels.Push(level);
        }

        var arguments = type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        var used = 0;
        while (levels.Count > 0)
        {
            var level = levels.Pop();
            name.Append(SimpleName(level.Name));
            var count = level.IsGenericType ? level.GetGenericArguments().Length : 0;
            if (count > used)
            {
                name.Append('<');
                for (var i = used; i < count; i++)
                {
                    Append(name.Append(i == used ? string.Empty : ", "), arguments[i]);
                }

                name.Append('>');
                used = count;
            }

            name.Append(levels.Count > 0 ? "." : string.Empty);
        }

        return name;
    }

    private static string? Keyword(Type type) =>
        type == typeof(int) ? "int" : type == typeof(string) ? "string" : type == typeof(bool) ? "bool" : type == typeof(long) ? "long"
        : type == typeof(object) ? "object" : type == typeof(double) ? "double" : type == typeof(decimal) ? "decimal" : type == typeof(float) ? "float"
        : type == typeof(short) ? "short" : type == typeof(byte) ? "byte" : type == typeof(char) ? "char" : type == typeof(uint) ? "uint"
        : type == typeof(ulong) ? "ulong" : type == typeof(ushort) ? "ushort" : type == typeof(sbyte) ? "sbyte" : null;

    /// <summary>The name as declared: a file-local class is compiled as <c>&lt;File&gt;F{checksum}__Name</c>, a generic one as <c>Name`2</c>.</summary>
    private static string SimpleName(string name)
    {
        var fileLocal = name.StartsWith('<') ? name.IndexOf("__", StringComparison.Ordinal) : -1;
        name = fileLocal > 0 ? name[(fileLocal + 2)..] : name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}
