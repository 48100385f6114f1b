using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The names generated code relies on and cannot choose: the class apps call <c>MapServerFunctions()</c> on, and every
/// type of the runtime and the framework it names with <c>global::</c>. A type the assembly declares under one of them,
/// or under a namespace on the way to one (<c>namespace System { class CodeDom { } }</c>, a global class <c>SessionAuth</c>),
/// takes its place where generated code names it (CS0437, CS0436, CS0101). Such a type is a <see cref="NameClash"/>:
/// the generator writes nothing, and SAUTH0003 refuses every server function naming the type. Names that come from the
/// user's own code (parameter types, attributes) are not listed: code that names them the same way already compiles.
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

    private static readonly string GeneratorFolder = typeof(ServerFunctionGenerator).FullName!;

    /// <summary>
    /// The first type the assembly itself declares (in its own code, not in a file this generator wrote) that takes a
    /// reserved name or a namespace on the way to one, or <see langword="null"/>. Types of references are left to the
    /// compiler, which reports their conflicts where they are.
    /// </summary>
    public static NameClash? FindClash(Compilation compilation)
    {
        if (Find(compilation, ExtensionsMetadataName) is { } declared)
        {
            return declared.Kind == NameClashKind.Type ? declared with { Kind = NameClashKind.DeclaredClass } : declared;
        }

        foreach (var name in Written)
        {
            if (Find(compilation, name) is { } clash)
            {
                return clash;
            }
        }

        return null;
    }

    /// <summary>
    /// Walks <paramref name="name"/> as <c>global::</c> binds it, through the assembly's own namespaces: a type of the
    /// assembly named like a namespace on the way (of arity 0, as a namespace is looked up) or like the type at its
    /// end (of any arity) is the one the compiler would take.
    /// </summary>
    private static NameClash? Find(Compilation compilation, string name)
    {
        var parts = name.Split('.');
        INamespaceSymbol? current = compilation.Assembly.GlobalNamespace;
        for (var i = 0; i < parts.Length && current is not null; i++)
        {
            var last = i == parts.Length - 1;
            var type = current.GetTypeMembers(parts[i]).FirstOrDefault(t => (last || t.Arity == 0) && !IsGenerated(t));
            if (type is not null)
            {
                return new NameClash(
                    type.ToDisplayString(),
                    string.Join(".", parts, 0, i + 1),
                    name,
                    last ? NameClashKind.Type : NameClashKind.Namespace);
            }

            current = current.GetMembers(parts[i]).OfType<INamespaceSymbol>().FirstOrDefault();
        }

        return null;
    }

    /// <summary>
    /// Whether every declaration of the type is in a file this generator wrote: the compiler places generated files
    /// under a folder named after the generator (<c>SessionAuth.Generators.ServerFunctionGenerator/ServerFunctions.Map.g.cs</c>),
    /// and an analyzer sees them in the compilation beside the user's.
    /// </summary>
    private static bool IsGenerated(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0
        && type.DeclaringSyntaxReferences.All(static reference => FolderOf(reference.SyntaxTree.FilePath) == GeneratorFolder);

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
