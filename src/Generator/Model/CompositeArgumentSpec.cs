namespace SessionAuth.Generators.Model;

/// <summary>
/// One argument of the method that the generated code builds from several bound values: an <c>[AsParameters]</c>
/// parameter, or a <c>[FromForm]</c> parameter of a complex type. Its members are bound as parameters of their own
/// (<see cref="ServerFunctionSpec.Parameters"/> holds them in place of the argument), and the call constructs it from
/// them: <c>new T(constructor arguments) { properties }</c>.
/// </summary>
/// <param name="Position">The argument's position among the method's parameters.</param>
/// <param name="FirstParameter">The position of its first member in <see cref="ServerFunctionSpec.Parameters"/>; the others follow it.</param>
/// <param name="Type">The argument's type, <c>global::</c>-qualified.</param>
/// <param name="Members">Its members, in the order of their bound values.</param>
internal sealed record CompositeArgumentSpec(int Position, int FirstParameter, string Type, EquatableArray<CompositeMemberSpec> Members);

/// <summary>One member of a <see cref="CompositeArgumentSpec"/>.</summary>
/// <param name="Name">The property's name, as declared (the emitter escapes a keyword).</param>
/// <param name="IsConstructorArgument">Whether it is passed to the constructor (in order) rather than set in the object initializer.</param>
internal sealed record CompositeMemberSpec(string Name, bool IsConstructorArgument);
