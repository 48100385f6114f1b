using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// The call of a function with <c>[AsParameters]</c> or complex <c>[FromForm]</c> parameters: the shape's delegate takes
/// their members one by one, and a lambda builds each argument from them (<c>new Filter(take, term) { Page = page }</c>)
/// before it calls the method.
/// </summary>
internal static class CompositeArguments
{
    /// <summary>The lambda that the shape method gets for <paramref name="function"/>, or <see langword="null"/> when it has no composite argument.</summary>
    public static string? Callee(ServerFunctionSpec function, string target)
    {
        if (function.Composites.Count == 0)
        {
            return null;
        }

        var names = new LocalNames(target);
        var values = function.Parameters.Select(p => CSharpText.Identifier(names.Take(p.Name))).ToList();
        var arguments = new List<string>();
        var next = 0;
        foreach (var composite in function.Composites)
        {
            while (arguments.Count < composite.Position)
            {
                arguments.Add(values[next++]);
            }

            arguments.Add(Construct(composite, values));
            next = composite.FirstParameter + composite.Members.Count;
        }

        while (next < values.Count)
        {
            arguments.Add(values[next++]);
        }

        var method = CSharpText.Identifier(function.MethodName);
        return function.IsStatic
            ? $"static ({string.Join(", ", values)}) => {function.ContainingType}.{method}({string.Join(", ", arguments)})"
            : $"static ({string.Join(", ", values.Prepend(target))}) => {target}.{method}({string.Join(", ", arguments)})";
    }

    /// <summary><c>new T(constructor arguments) { Property = value, ... }</c>, from the members' values.</summary>
    private static string Construct(CompositeArgumentSpec composite, List<string> values)
    {
        var constructorArguments = new List<string>();
        var initializers = new List<string>();
        for (var i = 0; i < composite.Members.Count; i++)
        {
            var member = composite.Members[i];
            var value = values[composite.FirstParameter + i];
            if (member.IsConstructorArgument)
            {
                constructorArguments.Add(value);
            }
            else
            {
                initializers.Add($"{CSharpText.Identifier(member.Name)} = {value}");
            }
        }

        var creation = $"new {composite.Type}({string.Join(", ", constructorArguments)})";
        return initializers.Count == 0 ? creation : $"{creation} {{ {string.Join(", ", initializers)} }}";
    }
}
