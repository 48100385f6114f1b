using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Emitting;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The server functions of other assemblies this one maps: a project that sees another's internals
/// (<c>InternalsVisibleTo</c>: a test project and its app, an app and its library) sees the class that holds the
/// other's <c>MapServerFunctions()</c>, and in it the entry method through which it maps the other's functions and, by
/// the same call, every assembly the other maps (<see cref="Identifier"/>).
/// </summary>
internal static class ReferencedMaps
{
    /// <summary>
    /// The parameter list an entry method has since entry methods map transitively: the group, the app's services, and
    /// the names of the assemblies already mapped, so that each assembly of a chain or a diamond is mapped once. An entry
    /// method without it was written by an earlier generator (<see cref="Scan"/> reports it as such).
    /// </summary>
    private static readonly string[] EntryParameterTypes =
    [
        "Microsoft.AspNetCore.Routing.RouteGroupBuilder",
        "System.IServiceProvider",
        "System.Collections.Generic.ISet<string>",
    ];

    /// <summary>The start of every <see cref="Identifier"/>: the namespace of an assembly's map at C# 10 and later is <c>SessionAuth.ServerFunctionsOf_…</c>.</summary>
    private const string IdentifierPrefix = "ServerFunctionsOf_";

    /// <summary>The start of every <see cref="MapClassName"/>.</summary>
    private const string MapClassPrefix = "ServerFunctionMapOf_";

    /// <summary>
    /// What tells an assembly apart from every other a project can reference at once, as the assembly and each project
    /// that sees it both compute it: its name, and the token of its public key when it has one. Two assemblies of one
    /// name differ by key (a project references two of the same name and version only when their keys differ), and a
    /// version is left out because it may change at every build (<c>1.0.*</c>), which would rename the namespace a
    /// project below C# 9 names. The key of the set of mapped assemblies and of an assembly's section of the client.
    /// </summary>
    public static string IdentityKey(AssemblyIdentity identity)
    {
        if (!identity.HasPublicKey)
        {
            return identity.Name;
        }

        var key = new StringBuilder(identity.Name, identity.Name.Length + 33).Append(", PublicKeyToken=");
        foreach (var part in identity.PublicKeyToken)
        {
            key.Append(part.ToString("x2", CultureInfo.InvariantCulture));
        }

        return key.ToString();
    }

    /// <summary>
    /// The identifier of an assembly's generated map: the name of the namespace its <c>MapServerFunctions()</c> class
    /// lives in at C# 10 and later (<c>SessionAuth.&lt;identifier&gt;</c>), and of its entry method, an extension method
    /// on <c>RouteGroupBuilder</c> in that class. Named after the assembly (its name with every character not allowed in
    /// an identifier as <c>_</c>) and a hash of its <see cref="IdentityKey"/>, so that no two assemblies a project sees
    /// share it (<c>App.One</c> and <c>App_One</c>, two <c>Shop.Lib</c> of different keys included), and no user's type
    /// is likely to take it.
    /// </summary>
    public static string Identifier(AssemblyIdentity identity) => Identifier(identity.Name, IdentityKey(identity));

    /// <summary>The <see cref="Identifier(AssemblyIdentity)"/> of an assembly without a public key.</summary>
    public static string Identifier(string assemblyName) => Identifier(assemblyName, assemblyName);

    private static string Identifier(string assemblyName, string identityKey)
    {
        var identifier = new StringBuilder(IdentifierPrefix, assemblyName.Length + 27);
        foreach (var character in assemblyName)
        {
            identifier.Append(char.IsLetterOrDigit(character) ? character : '_');
        }

        // FNV-1a over the UTF-16 code units: stable across runs and hosts, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var character in identityKey)
        {
            hash = unchecked((hash ^ character) * 16777619u);
        }

        return identifier.Append('_').Append(hash.ToString("x8", CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>The entry method's name, which is the assembly's <see cref="Identifier(string)"/>.</summary>
    public static string EntryMethodName(string assemblyName) => Identifier(assemblyName);

    /// <summary>
    /// The name of the class that holds an assembly's map at C# 10 and later (<c>ServerFunctionMapOf_&lt;assembly&gt;_&lt;hash&gt;</c>,
    /// from its <paramref name="identifier"/>): a name of the assembly's own, so that the generated <c>global using</c>,
    /// which imports its namespace, brings no name a user's type could share into the project's files, and one unlike the
    /// entry method's (a member cannot be named like its class).
    /// </summary>
    public static string MapClassName(string identifier) => MapClassPrefix + identifier.Substring(IdentifierPrefix.Length);

    /// <summary>Whether generated code of a compilation at <paramref name="version"/> puts its map in a namespace of its own, imported by a <c>global using</c> (C# 10).</summary>
    public static bool HasOwnNamespace(LanguageVersion version) => version >= LanguageVersion.CSharp10;

    /// <summary>
    /// Whether <paramref name="type"/> is a generated class that holds <c>MapServerFunctions()</c>, of any assembly: the
    /// shared class <c>SessionAuth.ServerFunctionEndpointRouteBuilderExtensions</c> (C# 9), or a <c>ServerFunctionMapOf_…</c>
    /// class in a <c>SessionAuth.ServerFunctionsOf_…</c> namespace or in <c>SessionAuth</c> itself (C# 10 and later).
    /// </summary>
    public static bool IsMapClass(INamedTypeSymbol? type) =>
        type is { ContainingType: null, ContainingNamespace: { } ns }
        && (type.Name == ReservedNames.ExtensionsClass
            ? IsSessionAuth(ns)
            : type.Name.StartsWith(MapClassPrefix, StringComparison.Ordinal)
                && (IsSessionAuth(ns) || (ns.Name.StartsWith(IdentifierPrefix, StringComparison.Ordinal) && IsSessionAuth(ns.ContainingNamespace))));

    private static bool IsSessionAuth(INamespaceSymbol? ns) =>
        ns is { Name: ReservedNames.ExtensionsNamespace, ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>
    /// The maps this assembly calls from its own: the entry methods of every other assembly whose map class it sees, in
    /// the order of the references, each named through the extern alias it is referenced under, if any; how many of
    /// those it sees in the shared class (built at C# 9) and reaches through the namespace <c>SessionAuth</c> (not under
    /// an extern alias only); whether another assembly's <c>MapServerFunctions()</c> is
    /// reachable through the namespace <c>SessionAuth</c>; and whether the assembly grants its internals to another
    /// (<see cref="MapRank"/>).
    /// </summary>
    public static ReferencedMapsSpec Find(Compilation compilation)
    {
        var calls = new List<string>();
        var aliases = new List<string>();
        var all = 0;
        var shared = 0;
        foreach (var seen in Scan(compilation))
        {
            all++;

            // A shared class under an extern alias only is not in the namespace SessionAuth that a call searches.
            shared += seen.InOwnNamespace || seen.Alias is not null ? 0 : 1;
            if (seen.Entry is null || seen.SharesIdentifier)
            {
                continue;
            }

            var root = seen.Alias is null ? "global::" : CSharpText.Identifier(seen.Alias) + "::";
            if (seen.Alias is not null && !aliases.Contains(seen.Alias))
            {
                aliases.Add(seen.Alias);
            }

            calls.Add(seen.InOwnNamespace
                ? $"{root}{ReservedNames.ExtensionsNamespace}.{seen.Identifier}.{MapClassName(seen.Identifier)}.{seen.Identifier}(group, services, mapped);"

                // In the shared class, beside this project's own at C# 9: called as an extension method, found in the
                // namespace SessionAuth around this project's generated code, where a qualified name would bind to
                // this project's class of the same name. Under an extern alias it is not in that namespace, and the
                // alias tells it from this project's.
                : seen.Alias is null
                    ? $"group.{seen.Identifier}(services, mapped);"
                    : $"{root}{ReservedNames.ExtensionsMetadataName}.{seen.Identifier}(group, services, mapped);");
        }

        var identity = compilation.Assembly.Identity;
        return new ReferencedMapsSpec(
            calls.ToEquatableArray(),
            aliases.ToEquatableArray(),
            IdentityKey(identity),
            Identifier(identity),
            all,
            shared,
            ReachesOthersInSessionAuth(compilation),
            GrantsInternals(compilation.Assembly),
            HasOwnNamespace(LanguageVersions.Of(compilation)));
    }

    /// <summary>The client models (<see cref="ClientModel"/>) of the assemblies this one maps, in the order of the references.</summary>
    public static EquatableArray<string> ClientModels(Compilation compilation) =>
        Scan(compilation)
            .Where(static seen => seen.Entry is not null && !seen.SharesIdentifier)
            .Select(static seen => ClientModelOf(seen.Class))
            .Where(static model => model is not null)
            .Select(static model => model!)
            .ToEquatableArray();

    /// <summary>
    /// The assemblies this one maps whose client model it cannot read: none (an earlier generator's), one of a later
    /// format (another field name), or one that does not read or hold together (<see cref="ClientModel.TryRead"/>). Their
    /// functions are mapped, but the client (<c>/_server/client.js</c>) cannot offer them (SAUTH0018).
    /// </summary>
    public static IEnumerable<(string Assembly, string Reason)> WithoutClient(Compilation compilation)
    {
        foreach (var seen in Scan(compilation).Where(static seen => seen.Entry is not null && !seen.SharesIdentifier))
        {
            var model = ClientModelOf(seen.Class);
            if (model is not null && ClientModel.TryRead(model, out _))
            {
                continue;
            }

            var other = seen.Class.GetMembers()
                .OfType<IFieldSymbol>()
                .FirstOrDefault(static f => f.Name != ClientModel.FieldName && f.Name.StartsWith(ClientModel.FieldPrefix, StringComparison.Ordinal));
            var reason = model is not null ? "its client model does not read or does not hold together"
                : other is not null ? $"its client model is of another format ({other.Name}, where this version reads {ClientModel.FieldName})"
                : "it has no client model";
            yield return (seen.Class.ContainingAssembly.Name, reason);
        }
    }

    private static string? ClientModelOf(INamedTypeSymbol mapClass) => ConstantOf(mapClass, ClientModel.FieldName);

    private static string? ConstantOf(INamedTypeSymbol mapClass, string name) =>
        mapClass.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault(static f => f.HasConstantValue)?.ConstantValue as string;

    /// <summary>
    /// The server functions without a guard decision of their own that this assembly's <c>MapServerFunctions()</c> maps
    /// from the assemblies it maps (the same ones <see cref="Find"/> calls), each assembly's once, read from the model
    /// each wrote into its map class (<see cref="UndecidedFunctions"/>): the generator writes them on into this assembly's
    /// own model, and SAUTH0001 asks for a decision on this assembly's map calls. An assembly whose model cannot be read
    /// is a section of functions not known to decide.
    /// </summary>
    public static EquatableArray<UndecidedSectionSpec> Undecided(Compilation compilation) => UndecidedFunctions.Once(
        Scan(compilation)
            .Where(static seen => seen.Entry is not null && !seen.SharesIdentifier)
            .SelectMany(static IEnumerable<UndecidedSectionSpec> (seen) => ConstantOf(seen.Class, UndecidedFunctions.FieldName) is { } model && UndecidedFunctions.TryRead(model, out var sections)
                ? sections
                : [new UndecidedSectionSpec(IdentityKey(seen.Class.ContainingAssembly.Identity), Known: false, EquatableArray<string>.Empty)]));

    /// <summary>
    /// The assemblies whose map class this one sees but whose entry method it cannot call, as an earlier
    /// SessionAuth.Generators wrote it (none, or one without the set of mapped assemblies): their functions are not
    /// mapped by this project's <c>MapServerFunctions()</c> (SAUTH0018).
    /// </summary>
    public static IEnumerable<string> Earlier(Compilation compilation) =>
        Scan(compilation).Where(static seen => seen.Entry is null).Select(static seen => seen.Class.ContainingAssembly.Name);

    /// <summary>
    /// The groups of referenced assemblies whose maps this one sees under one <see cref="Identifier(AssemblyIdentity)"/>
    /// (one name and key, two versions), each as the assemblies' display names: their entry methods share a name and a
    /// class, so generated code can call neither, and their functions are not mapped (SAUTH0018).
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> SharingIdentifier(Compilation compilation) =>
        Scan(compilation)
            .Where(static seen => seen.SharesIdentifier)
            .GroupBy(static seen => seen.Identifier, StringComparer.Ordinal)
            .Select(static group => (IReadOnlyList<string>)group.Select(static seen => seen.Class.ContainingAssembly.Identity.GetDisplayName()).ToList());

    /// <summary>
    /// Whether a <c>MapServerFunctions()</c> of another assembly is reachable through the namespace <c>SessionAuth</c>:
    /// the shared class of a map built at C# 9, or the map of a project at C# 10 or later that itself reaches one. Code
    /// with <c>using SessionAuth;</c> (inside a namespace too) or in a namespace under <c>SessionAuth</c> looks there
    /// before it reaches the generated <c>global using</c>, so the project's own map must be there as well, and rank
    /// above those (<see cref="ReferencedMapsSpec.InSessionAuth"/>). A reference under an extern alias only is not in
    /// that namespace.
    /// </summary>
    private static bool ReachesOthersInSessionAuth(Compilation compilation) =>
        compilation.GlobalNamespace.GetNamespaceMembers()
            .FirstOrDefault(static ns => ns.Name == ReservedNames.ExtensionsNamespace) is { } sessionAuth
        && sessionAuth.GetTypeMembers().Any(type =>
            type is { IsStatic: true, MightContainExtensionMethods: true }
            && !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)
            && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly)
            && type.GetMembers("MapServerFunctions").Any(member => member is IMethodSymbol { IsExtensionMethod: true } method
                && compilation.IsSymbolAccessibleWithin(method, compilation.Assembly)));

    /// <summary>Every referenced assembly whose map class this one can see, with its entry method if it has one this generator can call.</summary>
    private static IEnumerable<SeenMap> Scan(Compilation compilation)
    {
        var seen = new List<SeenMap>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            var identifier = Identifier(assembly.Identity);
            var namespaced = Visible(compilation, assembly.GetTypeByMetadataName($"{ReservedNames.ExtensionsNamespace}.{identifier}.{MapClassName(identifier)}"));
            var mapClass = namespaced ?? Visible(compilation, assembly.GetTypeByMetadataName(ReservedNames.ExtensionsMetadataName));
            if (mapClass is null)
            {
                continue;
            }

            var entry = mapClass.GetMembers(identifier)
                .OfType<IMethodSymbol>()
                .FirstOrDefault(m => m.IsExtensionMethod
                    && compilation.IsSymbolAccessibleWithin(m, compilation.Assembly)
                    && m.Parameters.Select(static p => p.Type.ToDisplayString()).SequenceEqual(EntryParameterTypes, StringComparer.Ordinal));
            seen.Add(new SeenMap(mapClass, entry, namespaced is not null, identifier, AliasOf(compilation, assembly), SharesIdentifier: false));
        }

        var shared = new HashSet<string>(
            seen.GroupBy(static s => s.Identifier, StringComparer.Ordinal).Where(static g => g.Count() > 1).Select(static g => g.Key),
            StringComparer.Ordinal);
        return shared.Count == 0 ? seen : seen.Select(s => shared.Contains(s.Identifier) ? s with { SharesIdentifier = true } : s);
    }

    /// <summary>
    /// The extern alias generated code names <paramref name="assembly"/> through, or <see langword="null"/> when its
    /// types are in the global namespace (referenced without aliases, or with <c>global</c> among them).
    /// </summary>
    internal static string? AliasOf(Compilation compilation, IAssemblySymbol assembly)
    {
        var aliases = compilation.GetMetadataReference(assembly)?.Properties.Aliases ?? [];
        return aliases.IsDefaultOrEmpty || aliases.Contains(MetadataReferenceProperties.GlobalAlias) ? null : aliases[0];
    }

    private static INamedTypeSymbol? Visible(Compilation compilation, INamedTypeSymbol? type) =>
        type is not null && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly) ? type : null;

    /// <summary>Whether the assembly declares <c>[assembly: InternalsVisibleTo(...)]</c>: another project may then see its <c>MapServerFunctions()</c>.</summary>
    private static bool GrantsInternals(IAssemblySymbol assembly) =>
        assembly.GetAttributes().Any(static attribute => attribute.AttributeClass is
        {
            Name: "InternalsVisibleToAttribute",
            ContainingNamespace:
            {
                Name: "CompilerServices",
                ContainingNamespace: { Name: "Runtime", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } },
            },
        });

    private sealed record SeenMap(INamedTypeSymbol Class, IMethodSymbol? Entry, bool InOwnNamespace, string Identifier, string? Alias, bool SharesIdentifier);
}
