namespace SessionAuth.Generators.Model;

/// <summary>
/// The names generated code takes in one compilation: the namespace and classes the generator chooses apart from the
/// types the assembly sees, and the type of the assembly, if any, that takes a name fixed by contract or by the
/// framework, beside which generated code cannot compile. Plain values, as the rest of the model.
/// </summary>
/// <param name="Namespace">Where the generated classes live: <c>SessionAuth.Generated</c>, or the first free <c>SessionAuth.Generated2</c>, <c>3</c>...</param>
/// <param name="EndpointsClass">The class of the map and endpoint shape methods, <c>ServerFunctionEndpoints</c> or the first free numbered name.</param>
/// <param name="SessionDataClass">The class that declares immutable session data types, named apart the same way.</param>
/// <param name="RulesClass">The class that registers the session rules, named apart the same way.</param>
/// <param name="Clash">The type of the assembly that takes a name generated code declares or names; then the generator writes nothing.</param>
internal sealed record GeneratedNames(string Namespace, string EndpointsClass, string SessionDataClass, string RulesClass, NameClash? Clash);

/// <summary>A type of the assembly that takes a name generated code relies on and cannot choose.</summary>
/// <param name="TypeName">The type, as the user knows it (<c>System.CodeDom</c>, <c>Shop.Func&lt;T&gt;</c>).</param>
/// <param name="Name">The full name it takes: the type's own, which is a namespace or a type generated code names, or the class it declares.</param>
/// <param name="WrittenName">The name generated code writes through it (<c>global::System.CodeDom.Compiler.GeneratedCodeAttribute</c>).</param>
/// <param name="Kind">What <paramref name="Name"/> is to generated code.</param>
/// <param name="Reference">The referenced assembly that declares the type, or <see langword="null"/> when the assembly itself does.</param>
internal sealed record NameClash(string TypeName, string Name, string WrittenName, NameClashKind Kind, string? Reference = null)
{
    /// <summary>SAUTH0003's reason for every server function while the type keeps its name.</summary>
    public string Reason => (Reference, Kind) switch
    {
        ({ } reference, NameClashKind.Namespace) =>
            $"the referenced assembly {reference} declares a type named {TypeName}, visible here, which makes the namespace {Name} that generated code names (global::{WrittenName}) ambiguous; rename that type or make it invisible to this assembly",
        ({ } reference, _) =>
            $"the referenced assembly {reference} declares a type named {TypeName}, visible here, which makes the type {Name} that generated code names (global::{WrittenName}) ambiguous; rename that type or make it invisible to this assembly",
        (_, NameClashKind.DeclaredClass) =>
            $"the assembly declares a type named {TypeName}, the generated class that holds MapServerFunctions(); rename that type",
        (_, NameClashKind.Namespace) =>
            $"the assembly declares a type named {TypeName}, which hides the namespace {Name} that generated code names (global::{WrittenName}); rename that type",
        _ =>
            $"the assembly declares a type named {TypeName}, which takes the place of the type {Name} that generated code names (global::{WrittenName}); rename that type",
    };
}

/// <summary>What the name a type of the assembly takes is to generated code.</summary>
internal enum NameClashKind
{
    /// <summary>The class generated code declares at a name apps call it by (<c>SessionAuth.ServerFunctionEndpointRouteBuilderExtensions</c>).</summary>
    DeclaredClass,

    /// <summary>A namespace generated code names a type through; the type hides it.</summary>
    Namespace,

    /// <summary>A type of a reference (the runtime, the framework) that generated code names; the compiler would take the assembly's own.</summary>
    Type,
}
