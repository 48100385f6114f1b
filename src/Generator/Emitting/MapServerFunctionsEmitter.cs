using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Emitting;

/// <summary>Writes <c>MapServerFunctions()</c>, which maps every server function of the assembly, and the class that holds the endpoint factories.</summary>
internal static class MapServerFunctionsEmitter
{
    public const string HintName = "ServerFunctions.Map.g.cs";

    public static string Emit(EquatableArray<MapEntrySpec> functions)
    {
        var writer = GeneratedFile.Start();
        writer.OpenBlock("namespace SessionAuth");
        writer.WriteLines($$"""
            /// <summary>Maps the server functions of this assembly.</summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            internal static class ServerFunctionEndpointRouteBuilderExtensions
            {
                /// <summary>
                /// Maps every <c>[ServerFunction]</c> method of this assembly ({{functions.Count}} in all) to its generated endpoint.
                /// </summary>
                /// <param name="endpoints">The application's endpoint route builder, usually the <c>WebApplication</c>.</param>
                /// <returns>A builder whose conventions apply to every server function.</returns>
            """);
        writer.Indent();
        writer.OpenBlock("public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapServerFunctions(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)");
        writer.WriteLine("var group = global::SessionAuth.Infrastructure.ServerFunctionRoutes.MapGroup(endpoints);");
        if (functions.Count > 0)
        {
            writer.WriteLine("var services = endpoints.ServiceProvider;");
        }

        foreach (var function in functions)
        {
            writer.WriteLine("global::SessionAuth.Infrastructure.ServerFunctionRoutes.Map(");
            writer.Indent();
            writer.WriteLine("group,");
            writer.WriteLine($"{Literal(function.HttpMethod)},");
            writer.WriteLine($"{Literal(function.Route)},");
            writer.WriteLine($"new global::SessionAuth.ServerFunctionMetadata({Literal(function.Name)}, requiresSession: {(function.RequiresSession ? "true" : "false")}{(function.PreloadsSession ? ", preloadsSession: true" : string.Empty)}),");
            writer.WriteLine($"global::SessionAuth.Generated.ServerFunctionEndpoints.{function.FactoryName}(services));");
            writer.Unindent();
        }

        writer.WriteLine("return group;");
        writer.CloseBlock();
        writer.Unindent();
        writer.WriteLine("}");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock("namespace SessionAuth.Generated");
        writer.WriteLines($$"""
            /// <summary>The endpoints of this assembly's server functions: one factory per function, in files of their own.</summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            internal static partial class ServerFunctionEndpoints
            {
            }
            """);
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
