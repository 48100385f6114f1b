using Microsoft.CodeAnalysis.Text;
using SessionAuth.Generators.Model;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Emitting;

/// <summary>Writes <c>MapServerFunctions()</c>, which maps every server function of the assembly type by type, and the class that holds the generated map methods.</summary>
internal static class MapServerFunctionsEmitter
{
    public const string HintName = "ServerFunctions.Map.g.cs";

    /// <summary>
    /// Writes the class that holds <c>MapServerFunctions()</c>: at C# 10 and later a class named after this assembly
    /// (<see cref="ReferencedMapsSpec.MapClass"/>) in a namespace of its own (<see cref="ReferencedMapsSpec.MapNamespace"/>)
    /// that a <c>global using</c> imports into this compilation only, so that no other project, a friend that sees its
    /// internals included, reaches it by <c>app.MapServerFunctions()</c>, and the using brings no name a user's type could
    /// share; beside a map built at C# 9 that the project reaches through <c>SessionAuth</c>, in a class of that name in
    /// <c>SessionAuth</c> itself, imported by a <c>global using static</c> (<see cref="ReferencedMapsSpec.InSessionAuth"/>);
    /// at C# 9 (no <c>global using</c>) in the shared class in <c>SessionAuth</c>, reached through <c>using SessionAuth;</c>.
    /// Shaped by its <see cref="MapRank"/>. Beside it the entry method through which a project that sees this assembly's
    /// internals maps its server functions and those of every assembly it maps; and the generated class's declaration
    /// with its attributes.
    /// </summary>
    public static SourceText Emit(MapSpec map, ReferencedMapsSpec referenced, GeneratedNames names)
    {
        var writer = GeneratedFile.Start();
        foreach (var alias in referenced.ExternAliases)
        {
            // A library referenced under an extern alias only: its entry method is named through the alias.
            writer.WriteLine($"extern alias {CSharpText.Identifier(alias)};");
        }

        if (referenced.ExternAliases.Count > 0)
        {
            writer.WriteLine();
        }

        if (referenced.OwnNamespace)
        {
            // For the project's code, which may not call MapServerFunctions() yet: the compiler would call the using
            // unnecessary (CS8019, hidden) in this file.
            writer.WriteLine("#pragma warning disable CS8019");
            writer.WriteLine(referenced.InSessionAuth
                ? $"global using static global::{ReservedNames.ExtensionsNamespace}.{referenced.MapClass};"
                : $"global using global::{referenced.MapNamespace};");
            writer.WriteLine("#pragma warning restore CS8019");
            writer.WriteLine();
        }

        var entryClass = $"global::{referenced.MapNamespace}.{referenced.MapClass}";
        if (referenced.InSessionAuth)
        {
            writer.OpenBlock("namespace " + ReservedNames.ExtensionsNamespace);
            WriteClassDeclaration(writer, referenced.MapClass);
            WriteMapServerFunctions(writer, referenced, names, entryClass + ".");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.OpenBlock("namespace " + referenced.MapNamespace);
        WriteClassDeclaration(writer, referenced.MapClass);
        if (!referenced.InSessionAuth)
        {
            WriteMapServerFunctions(writer, referenced, names, string.Empty);
            writer.WriteLine();
        }

        writer.WriteLines($$"""
            /// <summary>
            /// Maps this assembly's server functions and those of every assembly it maps, unless <paramref name="mapped"/>
            /// holds this assembly already: called by this assembly's <c>MapServerFunctions()</c> and by that of every project
            /// that sees its internals (a test project, an app above a library), so that in a chain or a diamond each
            /// assembly's functions are mapped once. Named after this assembly, so that two assemblies' never collide. It
            /// registers what the client declares of this assembly's functions, which the app checks against its own JSON
            /// options and services when it serves a client that offers them.
            /// </summary>
            /// <param name="group">The server functions' group of the <c>MapServerFunctions()</c> called.</param>
            /// <param name="services">The application's services.</param>
            /// <param name="mapped">The assemblies whose functions that call has mapped so far, each by its name and public key token.</param>
            """);
        writer.WriteList(
            $"public static void {referenced.OwnIdentifier}(",
            [
                "this global::Microsoft.AspNetCore.Routing.RouteGroupBuilder group",
                "global::System.IServiceProvider services",
                "global::System.Collections.Generic.ISet<string> mapped",
            ],
            ")");
        writer.OpenBlock();
        writer.WriteLine($"if (!mapped.Add({CSharpText.Literal(referenced.OwnKey)}))");
        writer.OpenBlock();
        writer.WriteLine("return;");
        writer.CloseBlock();
        writer.WriteLine();

        // Whichever app maps this assembly checks its client's description of these functions against its own JSON
        // options and services; only this assembly's code can name its internal types for it.
        writer.WriteList(
            $"{GeneratedFile.InfrastructureNamespace}ServerFunctionClientFiles.RegisterChecks(",
            [
                "services",
                CSharpText.Literal(referenced.OwnKey),
                $"global::{names.Namespace}.{names.EndpointsClass}.{TypeScriptClientEmitter.JsonShapesMethod}()",
                $"global::{names.Namespace}.{names.EndpointsClass}.{TypeScriptClientEmitter.ServicesOrJsonMethod}()",
            ],
            ");");
        WriteMapCalls(writer, map, names);

        // A project's own namespace is not around this code: its entry is named in full. One in the shared class of
        // C# 9 is called as an extension method (ReferencedMaps.Find).
        foreach (var call in referenced.EntryCalls)
        {
            writer.WriteLine(call);
        }

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

    private static void WriteClassDeclaration(SourceWriter writer, string name)
    {
        writer.WriteLines($$"""
            /// <summary>Maps the server functions of this assembly.</summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock("internal static partial class " + name);
    }

    /// <summary>Writes <c>MapServerFunctions()</c>, which calls this assembly's entry method through <paramref name="entryClass"/> (empty in the entry's own class).</summary>
    private static void WriteMapServerFunctions(SourceWriter writer, ReferencedMapsSpec referenced, GeneratedNames names, string entryClass)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine(referenced.MapsReferenced
            ? "/// Maps every <c>[ServerFunction]</c> method of this assembly, and of every assembly whose internals it sees,"
            : "/// Maps every <c>[ServerFunction]</c> method of this assembly to its generated endpoint.");
        if (referenced.MapsReferenced)
        {
            writer.WriteLine("/// to its generated endpoint, each once.");
        }

        writer.WriteLines("""
            /// </summary>
            /// <param name="endpoints">The application's endpoint route builder, usually the <c>WebApplication</c>.</param>
            """);
        var parameters = new List<string> { "this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints" };
        switch (referenced.Rank)
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
        writer.WriteLine($"{entryClass}{referenced.OwnIdentifier}(group, endpoints.ServiceProvider, new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal));");
        writer.WriteList(
            $"{GeneratedFile.InfrastructureNamespace}ServerFunctionClientFiles.Register(",
            [
                "endpoints",
                $"global::{names.Namespace}.{names.EndpointsClass}.{TypeScriptClientEmitter.ScriptConstant}",
                $"global::{names.Namespace}.{names.EndpointsClass}.{TypeScriptClientEmitter.DeclarationsConstant}",
                $"global::{names.Namespace}.{names.EndpointsClass}.{TypeScriptClientEmitter.AssembliesMethod}()",
            ],
            ");");
        writer.WriteLine("return group;");
        writer.CloseBlock();
    }

    private static void WriteMapCalls(SourceWriter writer, MapSpec map, GeneratedNames names)
    {
        foreach (var mapMethod in map.MapMethodNames)
        {
            writer.WriteLine($"global::{names.Namespace}.{names.EndpointsClass}.{mapMethod}(group, services);");
        }
    }
}
