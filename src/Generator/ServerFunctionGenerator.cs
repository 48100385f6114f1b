using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionAuth.Generators.Emitting;
using SessionAuth.Generators.Model;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators;

/// <summary>
/// Generates an endpoint for each <c>[ServerFunction]</c> method, and <c>MapServerFunctions()</c> to map them all.
/// Wiring only: <see cref="ServerFunctionParser"/> builds the model, the emitters write the code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ServerFunctionGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var functions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.ServerFunctionAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributeContext, cancellationToken) => ServerFunctionParser.Parse(attributeContext, cancellationToken))
            .Where(static function => function is not null)
            .Select(static (function, _) => function!)
            .WithTrackingName(TrackingNames.ServerFunctions);

        context.RegisterSourceOutput(functions, static (output, function) =>
            output.AddSource(function.HintName, ServerFunctionEmitter.Emit(function)));

        var mapEntries = functions
            .Select(static (function, _) => function.ToMapEntry())
            .Collect()
            .Select(static (entries, _) => entries.ToEquatableArray())
            .WithTrackingName(TrackingNames.MapEntries);

        var referencesRuntime = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(KnownTypeNames.ServerFunctionAttribute) is not null)
            .WithTrackingName(TrackingNames.ReferencesRuntime);

        context.RegisterSourceOutput(mapEntries.Combine(referencesRuntime), static (output, input) =>
        {
            if (input.Right)
            {
                output.AddSource(MapServerFunctionsEmitter.HintName, MapServerFunctionsEmitter.Emit(input.Left));
            }
        });
    }
}
