using Microsoft.CodeAnalysis.Text;
using SessionAuth.Generators.Model;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Emitting;

/// <summary>Writes <c>MapServerFunctions()</c>, which maps every server function of the assembly type by type, and the class that holds the generated map methods.</summary>
internal static class MapServerFunctionsEmitter
{
    public const string HintName = "ServerFunctions.Map.g.cs";

    /// <summary>
    /// Writes the class that holds <c>MapServerFunctions()</c>, at the name apps call it by
    /// (<see cref="ReservedNames.ExtensionsMetadataName"/>; a type of the assembly with that name is a
    /// <see cref="NameClash"/>), and the generated class's declaration with its attributes.
    /// </summary>
    public static SourceText Emit(MapSpec map, GeneratedNames names)
    {
        var writer = GeneratedFile.Start();
        writer.OpenBlock("namespace " + ReservedNames.ExtensionsNamespace);
        writer.WriteLines($$"""
            /// <summary>Maps the server functions of this assembly.</summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock("internal static class " + ReservedNames.ExtensionsClass);
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
        writer.WriteLine($"global::Microsoft.AspNetCore.Routing.RouteGroupBuilder group = {GeneratedFile.InfrastructureNamespace}ServerFunctionRoutes.MapGroup(endpoints);");
        if (map.MapMethodNames.Count > 0)
        {
            writer.WriteLine("global::System.IServiceProvider services = endpoints.ServiceProvider;");
        }

        foreach (var mapMethod in map.MapMethodNames)
        {
            writer.WriteLine($"global::{names.Namespace}.{names.EndpointsClass}.{mapMethod}(group, services);");
        }

        writer.WriteLine("return group;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock("namespace " + names.Namespace);
        writer.WriteLines($$"""
            /// <summary>
            /// The endpoints of this assembly's server functions: a map method per declaring type, each in a file of its own,
            /// and one generic method per endpoint shape in ServerFunctions.Endpoints.g.cs.
            /// </summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock("internal static partial class " + names.EndpointsClass);
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToSourceText();
    }
}
