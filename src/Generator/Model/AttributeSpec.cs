namespace SessionAuth.Generators.Model;

/// <summary>
/// An attribute of a server function or of a type around it, as generated code constructs it to put it into the
/// endpoint's metadata: <c>new {Type}({Arguments}) { {NamedArguments} }</c>. Every value is already a C# expression
/// written by <see cref="Emitting.CSharpText"/>.
/// </summary>
/// <param name="Type">The attribute class, <c>global::</c>-qualified (with its type arguments when generic).</param>
/// <param name="Arguments">The constructor's arguments, in order, each an expression of its parameter's type.</param>
/// <param name="NamedArguments">The properties and fields the attribute's application sets, in the order it sets them.</param>
internal sealed record AttributeSpec(string Type, EquatableArray<string> Arguments, EquatableArray<NamedArgumentSpec> NamedArguments);

/// <summary>A property or field an attribute's application sets.</summary>
/// <param name="Name">The member's name, as an identifier.</param>
/// <param name="Value">The value, as a C# expression.</param>
internal sealed record NamedArgumentSpec(string Name, string Value);
