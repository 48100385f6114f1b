using System.Collections.Immutable;
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
        // Below C# 9 the generator writes nothing (generated code would not compile), and every server function is
        // refused by name (SAUTH0003, from the parser).
        var languageVersion = context.ParseOptionsProvider
            .Select(static (options, _) => LanguageVersions.Of(options));

        var functions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.ServerFunctionAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributeContext, cancellationToken) => ServerFunctionParser.Parse(attributeContext, cancellationToken))
            .Where(static function => function is not null)
            .Select(static (function, _) => function!)
            .WithTrackingName(TrackingNames.ServerFunctions)
            .Collect();

        // Without the client's part, so that an edit only the client sees (a property of a record the function returns)
        // leaves the endpoint files alone.
        var declaringTypes = functions
            .Select(static (all, _) => DeclaringTypeSpec.Group(
                all.Select(static function => function with { Client = null }).ToImmutableArray(),
                MapServerFunctionsEmitter.HintName,
                EndpointShapesEmitter.HintName,
                TypeScriptClientEmitter.HintName))
            .WithTrackingName(TrackingNames.DeclaringTypes);

        // The namespace and classes every generated file adds to, named apart from any type the assembly sees; and a type
        // of the assembly that takes a name generated code cannot choose, beside which it would not compile: then nothing
        // is written, and the analyzer refuses every server function naming that type.
        var names = context.CompilationProvider
            .Select(static (compilation, _) => GeneratedNamesParser.Choose(compilation))
            .WithTrackingName(TrackingNames.GeneratedNames);

        context.RegisterSourceOutput(declaringTypes.SelectMany(static (types, _) => types).Combine(names), static (output, input) =>
        {
            if (input.Right.Clash is null)
            {
                output.AddSource(input.Left.HintName, DeclaringTypeEmitter.Emit(input.Left, input.Right));
            }
        });

        var shapes = functions
            .Select(static (all, _) => all.Select(EndpointShapeSpec.Of).Distinct().ToEquatableArray())
            .WithTrackingName(TrackingNames.EndpointShapes);

        context.RegisterSourceOutput(shapes.Combine(names), static (output, input) =>
        {
            if (input.Left.Count > 0 && input.Right.Clash is null)
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

        // A project that sees another's internals (a test project its app's, an app its library's) maps the other's server
        // functions with its own, through the other's entry method, which maps every assembly the other maps too, each
        // once. At C# 10 and later each project's MapServerFunctions() is in a class of its own, imported by its own
        // global using, so a call reaches another's only where it reaches the namespace SessionAuth beside a map built at
        // C# 9, and there this project's stands too; at C# 9 they share a class. Where maps meet, they rank (MapRank).
        var referencedMaps = context.CompilationProvider
            .Select(static (compilation, _) => ReferencedMaps.Find(compilation))
            .WithTrackingName(TrackingNames.SeesReferencedMapServerFunctions);

        context.RegisterSourceOutput(map.Combine(referencesRuntime).Combine(referencedMaps).Combine(names).Combine(languageVersion), static (output, input) =>
        {
            var ((((map, referencesRuntime), referenced), names), version) = input;
            if (referencesRuntime && names.Clash is null && referenced.NeedsOwn(map) && LanguageVersions.Supports(version))
            {
                output.AddSource(MapServerFunctionsEmitter.HintName, MapServerFunctionsEmitter.Emit(map, referenced, names));
            }
        });

        // The browser client: a step of its own over the functions' client specs, so an edit that changes no signature
        // (a method body) leaves it cached. Written beside MapServerFunctions(), which hands it to the runtime. It offers
        // every function the map maps: the assembly's own, then those of every assembly it maps, read from the client
        // model each of those wrote into its map class (ClientModel), each assembly's once.
        var ownClient = functions
            .Combine(context.CompilationProvider.Select(static (compilation, _) => ReferencedMaps.IdentityKey(compilation.Assembly.Identity)))
            .Select(static (input, _) => ClientSectionSpec.Of(input.Right, input.Left))
            .WithTrackingName(TrackingNames.Client);

        var referencedClients = context.CompilationProvider
            .Select(static (compilation, _) => ReferencedMaps.ClientModels(compilation))
            .WithTrackingName(TrackingNames.ReferencedClients);

        var client = ownClient
            .Combine(referencedClients)
            .Select(static (input, _) => ClientModel.Compose(input.Left, input.Right))
            .WithTrackingName(TrackingNames.ClientSections);

        // Beside the client model, for the same readers: the functions the map maps that decide nothing themselves, its own
        // and those of the assemblies it maps, which a project that maps this one must decide for (SAUTH0001).
        var undecided = functions
            .Combine(context.CompilationProvider.Select(static (compilation, _) => ReferencedMaps.IdentityKey(compilation.Assembly.Identity)))
            .Select(static (input, _) => UndecidedFunctions.Own(input.Right, input.Left))
            .Combine(context.CompilationProvider.Select(static (compilation, _) => ReferencedMaps.Undecided(compilation)))
            .Select(static (input, _) => UndecidedFunctions.Compose(input.Left, input.Right))
            .WithTrackingName(TrackingNames.UndecidedFunctions);

        context.RegisterSourceOutput(client.Combine(undecided).Combine(map).Combine(referencesRuntime).Combine(referencedMaps).Combine(names).Combine(languageVersion), static (output, input) =>
        {
            var ((((((client, undecided), map), referencesRuntime), referenced), names), version) = input;
            if (referencesRuntime && names.Clash is null && referenced.NeedsOwn(map) && LanguageVersions.Supports(version))
            {
                output.AddSource(TypeScriptClientEmitter.HintName, TypeScriptClientEmitter.Emit(client, undecided, names, referenced.MapNamespace, referenced.MapClass));
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

        context.RegisterSourceOutput(sessionDataFiles.SelectMany(static (files, _) => files).Combine(names).Combine(languageVersion), static (output, input) =>
        {
            var ((file, names), version) = input;
            if (names.Clash is null && LanguageVersions.Supports(version))
            {
                output.AddSource(file.HintName, SessionDataEmitter.Emit(file, names));
            }
        });

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

        // A rule named only in a .razor file's @attribute: the Razor compiler's output is invisible here, so its text is read
        // from the .razor files the Razor SDK passes to every generator, and bound by the compilation.
        var projectOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => (
                RootNamespace: options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var root) ? root : null,
                ProjectDirectory: options.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var directory) ? directory : null));

        var razorFiles = context.AdditionalTextsProvider
            .Where(RazorRuleParser.IsRazorFile)
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(projectOptions)
            .Select(static (input, cancellationToken) => RazorRuleParser.Read(input.Left.Left, input.Left.Right.GetOptions(input.Left.Left), input.Right.ProjectDirectory, cancellationToken))
            .Collect()
            .WithTrackingName(TrackingNames.RazorFiles);

        var razorRules = razorFiles
            .Combine(projectOptions)
            .Combine(context.CompilationProvider)
            .Select(static (input, cancellationToken) => RazorRuleParser.Bind(input.Left.Left, input.Left.Right.RootNamespace, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.RazorSessionRules);

        var ruleRegistrations = declaredRules
            .Combine(namedRules.Combine(razorRules).Select(static (input, _) => input.Left.Add(input.Right)))
            .Select(static (input, _) => new SessionRuleRegistrationsSpec(
                input.Left.Concat(input.Right.SelectMany(static named => named.Registered))
                    .Distinct()
                    .OrderBy(static rule => rule.Type, StringComparer.Ordinal)
                    .ToEquatableArray(),
                input.Right.SelectMany(static named => named.Refused)
                    .Distinct()
                    .OrderBy(static rule => rule.RuntimeName, StringComparer.Ordinal)
                    .ToEquatableArray()))
            .WithTrackingName(TrackingNames.SessionRuleRegistrations);

        context.RegisterSourceOutput(ruleRegistrations.Combine(names).Combine(languageVersion), static (output, input) =>
        {
            var ((rules, names), version) = input;
            if (rules.Registered.Count + rules.Refused.Count > 0 && names.Clash is null && LanguageVersions.Supports(version))
            {
                output.AddSource(SessionRulesEmitter.HintName, SessionRulesEmitter.Emit(rules, names));
            }
        });
    }
}
