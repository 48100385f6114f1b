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
    /// <see cref="NameClash"/>), shaped by its <see cref="MapRank"/>; beside it the entry method through which a project
    /// that sees this assembly's internals maps its server functions; and the generated class's declaration with its
    /// attributes.
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
        writer.WriteLine("/// <summary>");
        writer.WriteLine(mapsReferenced
            ? "/// Maps every <c>[ServerFunction]</c> method of this assembly, and of every assembly whose internals it sees,"
            : "/// Maps every <c>[ServerFunction]</c> method of this assembly to its generated endpoint.");
        if (mapsReferenced)
        {
            writer.WriteLine("/// to its generated endpoint.");
        }

        writer.WriteLines("""
            /// </summary>
            /// <param name="endpoints">The application's endpoint route builder, usually the <c>WebApplication</c>.</param>
            """);
        var parameters = new List<string> { "this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints" };
        switch (referenced.Rank(map))
        {
            case MapRank.Second:
                writer.WriteLines("""
                    /// <param name="rank">
                    /// Not an argument to pass. Being optional, it ranks this method below the <c>MapServerFunctions()</c> of a
                    /// project that sees this assembly's internals (a test project), which maps these server functions with its
                    /// own: C# then picks that one rather than find the call ambiguous.
                    /// </param>
                    """);
                parameters.Add("int rank = 0");
                break;
            case MapRank.Third:
                writer.WriteLines("""
                    /// <param name="rank">
                    /// Not an argument to pass. Filled only in its expanded form, it ranks this method below the
                    /// <c>MapServerFunctions()</c> of every project that sees this assembly's internals, those that map another
                    /// assembly's functions too (an app that sees a library's internals) included: C# then picks the one of the
                    /// project that maps the most rather than find the call ambiguous.
                    /// </param>
                    """);
                parameters.Add("params int[] rank");
                break;
        }

        writer.WriteLine("/// <returns>A builder whose conventions apply to every server function.</returns>");
        writer.WriteList("public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapServerFunctions(", parameters, ")");
        writer.OpenBlock();
        writer.WriteLine($"global::Microsoft.AspNetCore.Routing.RouteGroupBuilder group = {GeneratedFile.InfrastructureNamespace}ServerFunctionRoutes.MapGroup(endpoints);");
        var entries = mapsReferenced ? referenced.Entries : EquatableArray<string>.Empty;
        if (map.MapMethodNames.Count + entries.Count > 0)
        {
            writer.WriteLine("global::System.IServiceProvider services = endpoints.ServiceProvider;");
        }

        WriteMapCalls(writer, map, names);

        // Called as extension methods: the call names no namespace or type, which a type of this project or of an
        // assembly it sees could take (a type SessionAuth.Generated hides the namespace of that name).
        foreach (var entry in entries)
        {
            writer.WriteLine($"group.{entry}(services);");
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
        if (map.MapMethodNames.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLines($$"""
                /// <summary>
                /// Maps this assembly's server functions, and no other assembly's, for a project that sees its internals (a
                /// test project), whose own <c>MapServerFunctions()</c> calls it: named after this assembly, so that two
                /// assemblies' never collide there.
                /// </summary>
                /// <param name="group">The server functions' group of that project's <c>MapServerFunctions()</c>.</param>
                /// <param name="services">The application's services.</param>
                """);
            writer.WriteList(
                $"public static void {referenced.OwnEntryMethod}(",
                ["this global::Microsoft.AspNetCore.Routing.RouteGroupBuilder group", "global::System.IServiceProvider services"],
                ")");
            writer.OpenBlock();
            WriteMapCalls(writer, map, names);
            writer.CloseBlock();
        }

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

    private static void WriteMapCalls(SourceWriter writer, MapSpec map, GeneratedNames names)
    {
        foreach (var mapMethod in map.MapMethodNames)
        {
            writer.WriteLine($"global::{names.Namespace}.{names.EndpointsClass}.{mapMethod}(group, services);");
        }
    }
}
