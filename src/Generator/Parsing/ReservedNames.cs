using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The names generated code relies on and cannot choose: the class apps call <c>MapServerFunctions()</c> on, and every
/// type of the runtime and the framework it names with <c>global::</c>. A type the assembly declares under one of them,
/// or under a namespace on the way to one (<c>namespace System { class CodeDom { } }</c>, a global class <c>SessionAuth</c>),
/// takes its place where generated code names it (CS0437, CS0436, CS0101); a type of an assembly it sees (a public
/// type of any reference, an internal type of an app whose internals a test project sees) makes the name ambiguous
/// (CS0434, CS0433). Such a type is a <see cref="NameClash"/>: the generator writes nothing, and SAUTH0003 refuses every
/// server function naming the type. Names that come from the user's own code (parameter types, attributes) are not
/// listed: code that names them the same way already compiles.
/// </summary>
internal static class ReservedNames
{
    public const string ExtensionsNamespace = "SessionAuth";

    public const string ExtensionsClass = "ServerFunctionEndpointRouteBuilderExtensions";

    /// <summary>The class that holds <c>MapServerFunctions()</c>; apps reach it through <c>using SessionAuth;</c>, so it is never renamed.</summary>
    public const string ExtensionsMetadataName = ExtensionsNamespace + "." + ExtensionsClass;

    /// <summary>
    /// Every type generated code names with <c>global::</c> apart from the user's, by its full name without type
    /// arguments (a generic type of any arity takes the name); an attribute under both of the names it can be written
    /// with. <c>GeneratedNamesTests</c> checks that each is a type the references declare, and that the emitters write no
    /// other.
    /// </summary>
    public static readonly string[] Written =
    [
        "System.Action",
        "System.Array",
        "System.Collections.Generic.HashSet",
        "System.Collections.Generic.ISet",
        "System.CodeDom.Compiler.GeneratedCode",
        "System.CodeDom.Compiler.GeneratedCodeAttribute",
        "System.DateTime",
        "System.DateTimeKind",
        "System.Double",
        "System.Enum",
        "System.Func",
        "System.IO.Pipelines.PipeReader",
        "System.IO.Stream",
        "System.IParsable",
        "System.IServiceProvider",
        "System.Int64",
        "System.Runtime.CompilerServices.ModuleInitializer",
        "System.Runtime.CompilerServices.ModuleInitializerAttribute",
        "System.Reflection.MethodInfo",
        "System.Reflection.ParameterInfo",
        "System.Security.Claims.ClaimsPrincipal",
        "System.Single",
        "System.StringComparer",
        "System.Text.Json.Serialization.Metadata.JsonTypeInfo",
        "System.Threading.CancellationToken",
        "System.Threading.Tasks.Task",
        "System.Threading.Tasks.ValueTask",
        "Microsoft.AspNetCore.Builder.IEndpointConventionBuilder",
        "Microsoft.AspNetCore.Http.HttpContext",
        "Microsoft.AspNetCore.Http.HttpRequest",
        "Microsoft.AspNetCore.Http.HttpResponse",
        "Microsoft.AspNetCore.Http.IFormCollection",
        "Microsoft.AspNetCore.Http.IFormFile",
        "Microsoft.AspNetCore.Http.IFormFileCollection",
        "Microsoft.AspNetCore.Http.IResult",
        "Microsoft.AspNetCore.Http.RequestDelegate",
        "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder",
        "Microsoft.AspNetCore.Builder.EndpointBuilder",
        "Microsoft.AspNetCore.Routing.RouteGroupBuilder",
        "Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions",
        "Microsoft.Extensions.Primitives.StringValues",
        "SessionAuth.ServerFunctionMetadata",
        "SessionAuth.Session",
        "SessionAuth.Infrastructure.ArgumentSource",
        "SessionAuth.Infrastructure.AsyncParameterBinding",
        "SessionAuth.Infrastructure.ImmutableSessionData",
        "SessionAuth.Infrastructure.ParameterBinding",
        "SessionAuth.Infrastructure.ServerFunctionEndpoint",
        "SessionAuth.Infrastructure.ServerFunctionResults",
        "SessionAuth.Infrastructure.ServerFunctionApi",
        "SessionAuth.Infrastructure.ServerFunctionClientFiles",
        "SessionAuth.Infrastructure.ServerFunctionRoutes",
        "SessionAuth.Infrastructure.ServerFunctionServices",
        "SessionAuth.Infrastructure.ServerFunctionSteps",
        "SessionAuth.Infrastructure.SessionRules",
        "SessionAuth.Infrastructure.TryParseText",
    ];

    /// <summary>The name of SessionAuth's runtime assembly, home of the <c>SessionAuth.*</c> types generated code names.</summary>
    private const string RuntimeAssemblyName = "SessionAuth";

    private static readonly string GeneratorFolder = typeof(ServerFunctionGenerator).FullName!;

    /// <summary>
    /// The first type that takes a reserved name or a namespace on the way to one, or <see langword="null"/>: one the
    /// assembly itself declares (in its own code, not in a file this generator wrote), or one of a reference that the
    /// assembly can see (public, or internal to an assembly that grants it its internals, as an app grants its test
    /// project). A type the assembly cannot see does not take the name (the compiler passes over it), and the
    /// generated class of every app a test project sees is the same <see cref="ExtensionsMetadataName"/>, by design.
    /// </summary>
    public static NameClash? FindClash(Compilation compilation)
    {
        if (Find(compilation, ExtensionsMetadataName, includeReferences: false) is { } declared)
        {
            return declared.Kind == NameClashKind.Type ? declared with { Kind = NameClashKind.DeclaredClass } : declared;
        }

        foreach (var name in Written)
        {
            if (Find(compilation, name, includeReferences: true) is { } clash)
            {
                return clash;
            }
        }

        return null;
    }

    /// <summary>
    /// Walks <paramref name="name"/> as <c>global::</c> binds it, through the namespaces of the assembly and its
    /// references: a type of the assembly named like a namespace on the way (of arity 0, as a namespace is looked up) or
    /// like the type at its end (of any arity) is the one the compiler would take (CS0437, CS0436); a visible type of a
    /// reference named like a namespace on the way makes the name ambiguous (CS0434), and so does one named like the
    /// type at its end, with its arity, when another reference declares that type too (CS0433).
    /// </summary>
    private static NameClash? Find(Compilation compilation, string name, bool includeReferences)
    {
        var parts = name.Split('.');
        INamespaceSymbol? current = includeReferences ? compilation.GlobalNamespace : compilation.Assembly.GlobalNamespace;
        for (var i = 0; i < parts.Length && current is not null; i++)
        {
            var last = i == parts.Length - 1;
            var types = current.GetTypeMembers(parts[i]);
            var own = types.FirstOrDefault(t => SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, compilation.Assembly) && (last || t.Arity == 0) && !IsGenerated(t));
            var seen = includeReferences
                ? types.FirstOrDefault(t => !SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, compilation.Assembly)
                    && compilation.IsSymbolAccessibleWithin(t, compilation.Assembly)
                    && (last ? IsDeclaredTwice(compilation, types, t) : t.Arity == 0))
                : null;
            if ((own ?? seen) is { } type)
            {
                var taken = string.Join(".", parts, 0, i + 1);
                return new NameClash(
                    type.ToDisplayString(),
                    taken,
                    name,
                    last ? NameClashKind.Type : NameClashKind.Namespace,
                    own is null ? type.ContainingAssembly.Name : null);
            }

            current = current.GetMembers(parts[i]).OfType<INamespaceSymbol>().FirstOrDefault();
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="type"/> is a copy of a type generated code names, which another assembly the compilation
    /// sees declares too (so that naming it is ambiguous): the original is SessionAuth's runtime's or the framework's (a
    /// strong-named assembly), the copy any other assembly's.
    /// </summary>
    private static bool IsDeclaredTwice(Compilation compilation, IEnumerable<INamedTypeSymbol> types, INamedTypeSymbol type) =>
        !IsHomeOfReservedTypes(compilation, type.ContainingAssembly)
        && types.Any(t => t.Arity == type.Arity
            && !SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, type.ContainingAssembly)
            && !SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, compilation.Assembly)
            && compilation.IsSymbolAccessibleWithin(t, compilation.Assembly));

    private static bool IsHomeOfReservedTypes(Compilation compilation, IAssemblySymbol assembly) =>
        assembly.Identity.HasPublicKey
        || (assembly.Name == RuntimeAssemblyName
            && SymbolEqualityComparer.Default.Equals(assembly, compilation.GetTypeByMetadataName(KnownTypeNames.ServerFunctionAttribute)?.ContainingAssembly));

    /// <summary>
    /// Whether every declaration of the type is in a file this generator wrote: the compiler places generated files
    /// under a folder named after the generator (<c>SessionAuth.Generators.ServerFunctionGenerator/ServerFunctions.Map.g.cs</c>),
    /// and an analyzer sees them in the compilation beside the user's.
    /// </summary>
    private static bool IsGenerated(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0
        && type.DeclaringSyntaxReferences.All(static reference => FolderOf(reference.SyntaxTree.FilePath) == GeneratorFolder);

    /// <summary>Whether <paramref name="tree"/> is a file this generator wrote (see <see cref="IsGenerated"/>).</summary>
    public static bool IsOwnOutput(SyntaxTree tree) => FolderOf(tree.FilePath) == GeneratorFolder;

    /// <summary>The name of the folder a file is in; by hand, as <c>Path</c> throws on characters some hosts allow in a tree's path.</summary>
    private static string FolderOf(string path)
    {
        var end = path.LastIndexOfAny(['/', '\\']);
        if (end <= 0)
        {
            return string.Empty;
        }

        var start = path.LastIndexOfAny(['/', '\\'], end - 1) + 1;
        return path.Substring(start, end - start);
    }
}
