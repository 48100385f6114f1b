using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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

    /// <summary>
    /// The identifier of an assembly's generated map: the name of the namespace its <c>MapServerFunctions()</c> class
    /// lives in at C# 10 and later (<c>SessionAuth.&lt;identifier&gt;</c>), and of its entry method, an extension method
    /// on <c>RouteGroupBuilder</c> in that class. Named after the assembly (its name with every character not allowed in
    /// an identifier as <c>_</c>) and a hash of the name, so that no two assemblies a project sees share it
    /// (<c>App.One</c> and <c>App_One</c> included), and no user's type is likely to take it.
    /// </summary>
    public static string Identifier(string assemblyName)
    {
        var identifier = new StringBuilder("ServerFunctionsOf_", assemblyName.Length + 27);
        foreach (var character in assemblyName)
        {
            identifier.Append(char.IsLetterOrDigit(character) ? character : '_');
        }

        // FNV-1a over the UTF-16 code units: stable across runs and hosts, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var character in assemblyName)
        {
            hash = unchecked((hash ^ character) * 16777619u);
        }

        return identifier.Append('_').Append(hash.ToString("x8", CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>The entry method's name, which is the assembly's <see cref="Identifier"/>.</summary>
    public static string EntryMethodName(string assemblyName) => Identifier(assemblyName);

    /// <summary>Whether generated code of a compilation at <paramref name="version"/> puts its map in a namespace of its own, imported by a <c>global using</c> (C# 10).</summary>
    public static bool HasOwnNamespace(LanguageVersion version) => version >= LanguageVersion.CSharp10;

    /// <summary>Whether <paramref name="type"/> is a generated class that holds <c>MapServerFunctions()</c>, of any assembly: in <c>SessionAuth</c> or in a <c>SessionAuth.ServerFunctionsOf_…</c> namespace.</summary>
    public static bool IsMapClass(INamedTypeSymbol? type) =>
        type is { Name: ReservedNames.ExtensionsClass, ContainingType: null, ContainingNamespace: { } ns }
        && (ns is { Name: ReservedNames.ExtensionsNamespace, ContainingNamespace.IsGlobalNamespace: true }
            || (ns.Name.StartsWith("ServerFunctionsOf_", StringComparison.Ordinal)
                && ns.ContainingNamespace is { Name: ReservedNames.ExtensionsNamespace, ContainingNamespace.IsGlobalNamespace: true }));

    /// <summary>
    /// The maps this assembly calls from its own: the entry methods of every other assembly whose map class it sees, in
    /// the order of the references; how many of those it sees in the shared class (built at C# 9); and whether the
    /// assembly grants its internals to another (<see cref="MapRank"/>).
    /// </summary>
    public static ReferencedMapsSpec Find(Compilation compilation)
    {
        var calls = new List<string>();
        var all = 0;
        var shared = 0;
        foreach (var seen in Scan(compilation))
        {
            all++;
            shared += seen.InOwnNamespace ? 0 : 1;
            if (seen.Entry is not null)
            {
                calls.Add(seen.InOwnNamespace
                    ? $"global::{ReservedNames.ExtensionsNamespace}.{seen.Entry.Name}.{ReservedNames.ExtensionsClass}.{seen.Entry.Name}(group, services, mapped);"

                    // In the shared class, beside this project's own at C# 9: called as an extension method, found in the
                    // namespace SessionAuth around this project's generated code, where a qualified name would bind to
                    // this project's class of the same name.
                    : $"group.{seen.Entry.Name}(services, mapped);");
            }
        }

        return new ReferencedMapsSpec(
            calls.ToEquatableArray(),
            compilation.AssemblyName ?? string.Empty,
            Identifier(compilation.AssemblyName ?? string.Empty),
            all,
            shared,
            GrantsInternals(compilation.Assembly),
            HasOwnNamespace(LanguageVersions.Of(compilation)));
    }

    /// <summary>The client models (<see cref="ClientModel"/>) of the assemblies this one maps, in the order of the references.</summary>
    public static EquatableArray<string> ClientModels(Compilation compilation) =>
        Scan(compilation)
            .Where(static seen => seen.Entry is not null)
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
        foreach (var seen in Scan(compilation).Where(static seen => seen.Entry is not null))
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

    private static string? ClientModelOf(INamedTypeSymbol mapClass) =>
        mapClass.GetMembers(ClientModel.FieldName).OfType<IFieldSymbol>().FirstOrDefault(static f => f.HasConstantValue)?.ConstantValue as string;

    /// <summary>
    /// The assemblies whose map class this one sees but whose entry method it cannot call, as an earlier
    /// SessionAuth.Generators wrote it (none, or one without the set of mapped assemblies): their functions are not
    /// mapped by this project's <c>MapServerFunctions()</c> (SAUTH0018).
    /// </summary>
    public static IEnumerable<string> Earlier(Compilation compilation) =>
        Scan(compilation).Where(static seen => seen.Entry is null).Select(static seen => seen.Class.ContainingAssembly.Name);

    /// <summary>Every referenced assembly whose map class this one can see, with its entry method if it has one this generator can call.</summary>
    private static IEnumerable<SeenMap> Scan(Compilation compilation)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            var identifier = Identifier(assembly.Name);
            var namespaced = Visible(compilation, assembly.GetTypeByMetadataName($"{ReservedNames.ExtensionsNamespace}.{identifier}.{ReservedNames.ExtensionsClass}"));
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
            yield return new SeenMap(mapClass, entry, namespaced is not null);
        }
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

    private sealed record SeenMap(INamedTypeSymbol Class, IMethodSymbol? Entry, bool InOwnNamespace);
}
