using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SessionAuth.Generators.Model;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Emitting;

/// <summary>Writes <c>MapServerFunctions()</c>, which maps every server function of the assembly type by type, and the class that holds the generated map methods.</summary>
internal static class MapServerFunctionsEmitter
{
    public const string HintName = "ServerFunctions.Map.g.cs";

    /// <summary>
    /// The metadata name of the class that holds <c>MapServerFunctions()</c>; an assembly that sees another's (through
    /// InternalsVisibleTo) and declares no server functions of its own gets none, so its calls bind to that one.
    /// </summary>
    public const string ExtensionsMetadataName = ExtensionsNamespace + "." + ExtensionsClass;

    /// <summary>
    /// Whether the assembly itself declares a type named as the class that holds <c>MapServerFunctions()</c>: the
    /// generated class would clash with it (CS0101), and apps call it by that name, so it is not renamed; the analyzer
    /// refuses every server function with SAUTH0003 instead, and the generator writes no map file. The analyzer sees the
    /// generated class too (it carries the generator's [GeneratedCode]), which is not the user's.
    /// </summary>
    public static bool IsDeclaredBy(Compilation compilation) =>
        compilation.Assembly.GetTypeByMetadataName(ExtensionsMetadataName) is { } type
        && !type.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
            && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is "SessionAuth.Generators");

    private const string ExtensionsNamespace = "SessionAuth";
    private const string ExtensionsClass = "ServerFunctionEndpointRouteBuilderExtensions";

    public static SourceText Emit(MapSpec map, string endpointsClass)
    {
        var writer = GeneratedFile.Start();
        writer.OpenBlock("namespace " + ExtensionsNamespace);
        writer.WriteLines($$"""
            /// <summary>Maps the server functions of this assembly.</summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock("internal static class " + ExtensionsClass);
        writer.WriteLines($$"""
            /// <summary>
            /// Maps every <c>[ServerFunction]</c> method of this assembly to its generated endpoint.
            /// </summary>
            /// <param name="endpoints">The application's endpoint route builder, usually the <c>WebApplication</c>.</param>
            /// <returns>A builder whose conventions apply to every server function.</returns>
            """);
        writer.WriteList(
            "public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapServerFunctions(",
            ["this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints"],
            ")");
        writer.OpenBlock();
        writer.WriteLine($"var group = {GeneratedFile.InfrastructureNamespace}ServerFunctionRoutes.MapGroup(endpoints);");
        if (map.MapMethodNames.Count > 0)
        {
            writer.WriteLine("var services = endpoints.ServiceProvider;");
        }

        foreach (var mapMethod in map.MapMethodNames)
        {
            writer.WriteLine($"global::{EndpointsClassName.Namespace}.{endpointsClass}.{mapMethod}(group, services);");
        }

        writer.WriteLine("return group;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock("namespace " + EndpointsClassName.Namespace);
        writer.WriteLines($$"""
            /// <summary>
            /// The endpoints of this assembly's server functions: a map method per declaring type, each in a file of its own,
            /// and one generic method per endpoint shape in ServerFunctions.Endpoints.g.cs.
            /// </summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock("internal static partial class " + endpointsClass);
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToSourceText();
    }
}
