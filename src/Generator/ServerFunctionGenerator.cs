using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionAuth.Generators.Emitting;
using SessionAuth.Generators.Model;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators;

/// <summary>
/// Generates the endpoints of the <c>[ServerFunction]</c> methods, <c>MapServerFunctions()</c> to map them all, for
/// an immutable <c>[SessionData]</c> type the declaration that lets requests share its objects, and the registration of
/// every session rule the project declares or names, which <c>UseSessionAuth()</c> evaluates.
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
            .WithTrackingName(TrackingNames.ServerFunctions)
            .Collect();

        var declaringTypes = functions
            .Select(static (all, _) => DeclaringTypeSpec.Group(all, MapServerFunctionsEmitter.HintName, EndpointShapesEmitter.HintName))
            .WithTrackingName(TrackingNames.DeclaringTypes);

        // The class every generated file adds to, named apart from any type the assembly declares.
        var endpointsClass = context.CompilationProvider
            .Select(static (compilation, _) => EndpointsClassName.Choose(compilation))
            .WithTrackingName(TrackingNames.EndpointsClass);

        context.RegisterSourceOutput(declaringTypes.SelectMany(static (types, _) => types).Combine(endpointsClass), static (output, input) =>
            output.AddSource(input.Left.HintName, DeclaringTypeEmitter.Emit(input.Left, input.Right)));

        var shapes = functions
            .Select(static (all, _) => all.Select(EndpointShapeSpec.Of).Distinct().ToEquatableArray())
            .WithTrackingName(TrackingNames.EndpointShapes);

        context.RegisterSourceOutput(shapes.Combine(endpointsClass), static (output, input) =>
        {
            if (input.Left.Count > 0)
            {
                output.AddSource(EndpointShapesEmitter.HintName, EndpointShapesEmitter.Emit(input.Left, input.Right));
            }
        });

        var map = declaringTypes
            .Select(static (types, _) => MapSpec.Of(types))
            .WithTrackingName(TrackingNames.MapEntries);

        var referencesRuntime = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(KnownTypeNames.ServerFunctionAttribute) is not null)
            .WithTrackingName(TrackingNames.ReferencesRuntime);

        // A test project that sees the app's internals calls the app's MapServerFunctions(); a copy of its own would make
        // that call ambiguous (CS0121), so an assembly gets one only if it declares server functions or sees no other.
        var seesReferencedMap = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypesByMetadataName(MapServerFunctionsEmitter.ExtensionsMetadataName)
                .Any(type => !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)
                    && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly)))
            .WithTrackingName(TrackingNames.SeesReferencedMapServerFunctions);

        // A type of the assembly named like the map class: the analyzer refuses the server functions, no map file is written.
        var declaresMap = context.CompilationProvider.Select(static (compilation, _) => MapServerFunctionsEmitter.IsDeclaredBy(compilation));

        context.RegisterSourceOutput(map.Combine(referencesRuntime).Combine(seesReferencedMap).Combine(endpointsClass).Combine(declaresMap), static (output, input) =>
        {
            var ((((map, referencesRuntime), seesReferencedMap), endpointsClass), declaresMap) = input;
            if (referencesRuntime && !declaresMap && (map.MapMethodNames.Count > 0 || !seesReferencedMap))
            {
                output.AddSource(MapServerFunctionsEmitter.HintName, MapServerFunctionsEmitter.Emit(map, endpointsClass));
            }
        });

        var immutableSessionData = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.SessionDataAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (attributeContext, cancellationToken) => SessionDataParser.Parse(attributeContext, cancellationToken))
            .Where(static sessionData => sessionData is not null)
            .Select(static (sessionData, _) => sessionData!)
            .WithTrackingName(TrackingNames.ImmutableSessionData);

        var sessionDataFiles = immutableSessionData
            .Collect()
            .Select(static (all, _) => SessionDataSpec.Name(all))
            .WithTrackingName(TrackingNames.SessionDataFiles);

        var sessionDataClass = context.CompilationProvider.Select(static (compilation, _) => EndpointsClassName.Choose(compilation, SessionDataEmitter.ClassName));
        context.RegisterSourceOutput(sessionDataFiles.SelectMany(static (files, _) => files).Combine(sessionDataClass), static (output, input) =>
            output.AddSource(input.Left.HintName, SessionDataEmitter.Emit(input.Left, input.Right)));

        // Tracked once collected: a project without rules still runs these steps, with nothing in them.
        var declaredRules = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { BaseList: not null } or StructDeclarationSyntax { BaseList: not null } or RecordDeclarationSyntax { BaseList: not null },
                static (syntaxContext, cancellationToken) => SessionRuleParser.ReadDeclared(syntaxContext, cancellationToken))
            .Where(static rule => rule is not null)
            .Select(static (rule, _) => rule!)
            .Collect()
            .WithTrackingName(TrackingNames.DeclaredSessionRules);

        var namedRules = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.RequireSessionOfRule,
                static (_, _) => true,
                static (attributeContext, _) => SessionRuleParser.ReadNamed(attributeContext))
            .Collect()
            .WithTrackingName(TrackingNames.NamedSessionRules);

        var ruleRegistrations = declaredRules
            .Combine(namedRules)
            .Select(static (input, _) => input.Left.Concat(input.Right.SelectMany(static named => named))
                .Distinct()
                .OrderBy(static rule => rule.Type, StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.SessionRuleRegistrations);

        var ruleRegistrationsClass = context.CompilationProvider.Select(static (compilation, _) => EndpointsClassName.Choose(compilation, SessionRulesEmitter.ClassName));
        context.RegisterSourceOutput(ruleRegistrations.Combine(ruleRegistrationsClass), static (output, input) =>
        {
            if (input.Left.Count > 0)
            {
                output.AddSource(SessionRulesEmitter.HintName, SessionRulesEmitter.Emit(input.Left, input.Right));
            }
        });
    }
}
