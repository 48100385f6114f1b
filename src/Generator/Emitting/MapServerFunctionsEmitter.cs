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
    /// <see cref="NameClash"/>), the generated class's declaration with its attributes, and the entry class through
    /// which a project that sees this assembly's internals maps its server functions.
    /// </summary>
    public static SourceText Emit(MapSpec map, ReferencedMapsSpec referenced, GeneratedNames names)
    {
        var mapsReferenced = referenced.MapsReferenced(map);
        var writer = GeneratedFile.Start();
        writer.OpenBlock("namespace " + ReservedNames.ExtensionsNamespace);
        writer.WriteLines($$"""
            /// <summary>Maps the server functions of this assembly.</summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock("internal static class " + ReservedNames.ExtensionsClass);
        if (mapsReferenced)
        {
            writer.WriteLines($$"""
                /// <summary>
                /// Maps every <c>[ServerFunction]</c> method of this assembly, and of every assembly whose internals it sees,
                /// to its generated endpoint.
                /// </summary>
                /// <param name="endpoints">The application's endpoint route builder, usually the <c>WebApplication</c>.</param>
                /// <returns>A builder whose conventions apply to every server function.</returns>
                """);
            writer.WriteList(
                "public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapServerFunctions(",
                ["this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints"],
                ")");
        }
        else
        {
            writer.WriteLines($$"""
                /// <summary>
                /// Maps every <c>[ServerFunction]</c> method of this assembly to its generated endpoint.
                /// </summary>
                /// <param name="endpoints">The application's endpoint route builder, usually the <c>WebApplication</c>.</param>
                /// <param name="rank">
                /// Not an argument to pass. Being optional, it ranks this method below the <c>MapServerFunctions()</c> of a
                /// project that sees this assembly's internals (a test project), which maps these server functions with its
                /// own: C# then picks that one rather than find the call ambiguous.
                /// </param>
                /// <returns>A builder whose conventions apply to every server function.</returns>
                """);
            writer.WriteList(
                "public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapServerFunctions(",
                ["this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints", "int rank = 0"],
                ")");
        }

        writer.OpenBlock();
        writer.WriteLine($"global::Microsoft.AspNetCore.Routing.RouteGroupBuilder group = {GeneratedFile.InfrastructureNamespace}ServerFunctionRoutes.MapGroup(endpoints);");
        var entries = mapsReferenced ? referenced.Entries : EquatableArray<string>.Empty;
        if (map.MapMethodNames.Count + entries.Count > 0)
        {
            writer.WriteLine("global::System.IServiceProvider services = endpoints.ServiceProvider;");
        }

        WriteMapCalls(writer, map, names);
        foreach (var entry in entries)
        {
            writer.WriteLine($"{entry}.Map(group, services);");
        }

        writer.WriteList(
            $"{GeneratedFile.InfrastructureNamespace}ServerFunctionClientFiles.Register(",
            [
                "endpoints",
                $"global::{names.Namespace}.{names.EndpointsClass}.{TypeScriptClientEmitter.ScriptConstant}",
                $"global::{names.Namespace}.{names.EndpointsClass}.{TypeScriptClientEmitter.DeclarationsConstant}",
            ],
            ");");
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
        if (map.MapMethodNames.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLines($$"""
                /// <summary>
                /// Maps this assembly's server functions for a project that sees its internals (a test project), whose own
                /// <c>MapServerFunctions()</c> calls it: named after this assembly, so that two assemblies' never collide there.
                /// </summary>
                {{GeneratedFile.GeneratedCodeAttribute}}
                """);
            writer.OpenBlock("internal static class " + referenced.OwnEntryClass);
            writer.WriteList(
                "public static void Map(",
                ["global::Microsoft.AspNetCore.Routing.RouteGroupBuilder group", "global::System.IServiceProvider services"],
                ")");
            writer.OpenBlock();
            WriteMapCalls(writer, map, names);
            writer.CloseBlock();
            writer.CloseBlock();
        }

        writer.CloseBlock();
        return writer.ToSourceText();
    }

    private static void WriteMapCalls(SourceWriter writer, MapSpec map, GeneratedNames names)
    {
        foreach (var mapMethod in map.MapMethodNames)
        {
            writer.WriteLine($"global::{names.Namespace}.{names.EndpointsClass}.{mapMethod}(group, services);");
        }
    }
}
