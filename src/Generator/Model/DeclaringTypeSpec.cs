using System.Collections.Immutable;

namespace SessionAuth.Generators.Model;

/// <summary>The server functions one type declares: mapped by one generated method, in a file of its own.</summary>
/// <param name="DisplayName">The type as a reader knows it: namespace and type names, joined by dots.</param>
/// <param name="MapMethodName">The generated method that maps the type's functions; unique in the assembly.</param>
/// <param name="HintName">The generated file's name; unique in the assembly.</param>
/// <param name="Functions">The type's server functions, in declaration order.</param>
internal sealed record DeclaringTypeSpec(string DisplayName, string MapMethodName, string HintName, EquatableArray<ServerFunctionSpec> Functions)
{
    /// <summary>Groups <paramref name="functions"/> by declaring type, in the order the types first appear.</summary>
    /// <param name="functions">The server functions.</param>
    /// <param name="reservedHintNames">The hint names of the generator's other files, which no type's file may take.</param>
    public static EquatableArray<DeclaringTypeSpec> Group(ImmutableArray<ServerFunctionSpec> functions, params string[] reservedHintNames)
    {
        var byType = new Dictionary<string, ImmutableArray<ServerFunctionSpec>.Builder>(StringComparer.Ordinal);
        var order = new List<(string ContainingType, string Path)>();
        foreach (var function in functions)
        {
            if (!byType.TryGetValue(function.ContainingType, out var members))
            {
                members = ImmutableArray.CreateBuilder<ServerFunctionSpec>();
                byType.Add(function.ContainingType, members);
                order.Add((function.ContainingType, function.ContainingTypePath));
            }

            members.Add(function);
        }

        // Joining names with dots or underscores can make two types look alike (namespace Shop.Admin with type Reports,
        // and namespace Shop with nested type Admin.Reports), or a global type like one of the other files (Map); the
        // later one takes a number.
        var methodNames = new UniqueNames(StringComparer.Ordinal);
        var hintNames = new UniqueNames(StringComparer.OrdinalIgnoreCase, reservedHintNames);
        var types = ImmutableArray.CreateBuilder<DeclaringTypeSpec>(order.Count);
        foreach (var (containingType, path) in order)
        {
            var name = NameParts.Sanitise(path);
            var mapMethodName = methodNames.Take("Map" + name.Replace('.', '_'));
            var hintName = hintNames.Take("ServerFunctions." + name, ".g.cs");
            types.Add(new DeclaringTypeSpec(path, mapMethodName, hintName, byType[containingType].ToImmutable().ToEquatableArray()));
        }

        return types.MoveToImmutable().ToEquatableArray();
    }
}

/// <summary>
/// What <c>MapServerFunctions()</c> needs: the per-type map methods to call, and nothing that changes when a function is
/// added to a type that already has some, so that such an edit leaves its file alone.
/// </summary>
internal sealed record MapSpec(EquatableArray<string> MapMethodNames)
{
    public static MapSpec Of(EquatableArray<DeclaringTypeSpec> types) =>
        new(types.Select(static t => t.MapMethodName).ToEquatableArray());
}

/// <summary>
/// The other assemblies whose server functions this one maps with its own (<see cref="Parsing.ReferencedMaps"/>): the
/// calls of their entry methods (one per map class seen, unless an earlier generator wrote it, or two assemblies share
/// its name: SAUTH0018) and the extern aliases those calls name; this assembly's <see cref="Parsing.ReferencedMaps.IdentityKey"/>
/// and the identifier of its own (<see cref="Parsing.ReferencedMaps.Identifier(Microsoft.CodeAnalysis.AssemblyIdentity)"/>);
/// how many map classes it sees, and how many of those are the shared class <c>SessionAuth.ServerFunctionEndpointRouteBuilderExtensions</c>
/// (built at C# 9, where a call can reach theirs beside this one's) of an assembly referenced without an extern alias
/// (one under an alias only is not in the namespace <c>SessionAuth</c> a call searches); whether another assembly's <c>MapServerFunctions()</c>
/// is reachable through the namespace <c>SessionAuth</c>; whether this assembly grants its internals to another (which may
/// then see its map); and whether it is built at C# 10 or later (its map then in a class of its own, which only its own
/// <c>global using</c> imports).
/// </summary>
internal sealed record ReferencedMapsSpec(
    EquatableArray<string> EntryCalls,
    EquatableArray<string> ExternAliases,
    string OwnKey,
    string OwnIdentifier,
    int Seen,
    int SharedSeen,
    bool OthersInSessionAuth,
    bool GrantsInternals,
    bool OwnNamespace)
{
    /// <summary>Whether this assembly's <c>MapServerFunctions()</c> maps other assemblies' server functions with its own.</summary>
    public bool MapsReferenced => EntryCalls.Count > 0;

    /// <summary>
    /// Whether the assembly gets a <c>MapServerFunctions()</c> of its own. Always at C# 10 and later (no other is
    /// reachable by the generated <c>global using</c>); at C# 9 not when it declares no server function and sees exactly
    /// one other map, which it then calls: one it reaches through <c>using SessionAuth;</c>, so not one of an assembly
    /// referenced under an extern alias only.
    /// </summary>
    public bool NeedsOwn(MapSpec map) => OwnNamespace || !(map.MapMethodNames.Count == 0 && Seen == 1 && SharedSeen == 1);

    /// <summary>
    /// The namespace of the class that holds the entry method and the client model (and <c>MapServerFunctions()</c> unless
    /// <see cref="InSessionAuth"/>): <c>SessionAuth.&lt;identifier&gt;</c> at C# 10 and later, imported by a
    /// <c>global using</c> of this compilation only; <c>SessionAuth</c> at C# 9.
    /// </summary>
    public string MapNamespace => OwnNamespace
        ? Parsing.ReservedNames.ExtensionsNamespace + "." + OwnIdentifier
        : Parsing.ReservedNames.ExtensionsNamespace;

    /// <summary>
    /// The class in <see cref="MapNamespace"/>: at C# 10 and later a name of this assembly's own
    /// (<see cref="Parsing.ReferencedMaps.MapClassName"/>), which the <c>global using</c> brings into every file without
    /// meeting a user's type; at C# 9 the shared class, which apps reach through <c>using SessionAuth;</c>.
    /// </summary>
    public string MapClass => OwnNamespace
        ? Parsing.ReferencedMaps.MapClassName(OwnIdentifier)
        : Parsing.ReservedNames.ExtensionsClass;

    /// <summary>
    /// Whether, at C# 10 and later, <c>MapServerFunctions()</c> is declared in the namespace <c>SessionAuth</c> itself
    /// (in a class named <see cref="MapClass"/> there), imported by a <c>global using static</c> of that class: when
    /// another assembly's is reachable through that namespace, code that reaches it (<c>using SessionAuth;</c> inside a
    /// namespace, code in a namespace under <c>SessionAuth</c>) looks there before the compilation unit, where the
    /// generated using stands; there this one's stands beside it, and ranks above it (<see cref="Rank"/>).
    /// </summary>
    public bool InSessionAuth => OwnNamespace && OthersInSessionAuth;

    /// <summary>
    /// Where C# ranks this assembly's <c>MapServerFunctions()</c> among those a call reaches in one scope: one that maps
    /// other assemblies' functions above each of theirs, so that <c>app.MapServerFunctions()</c> is never ambiguous
    /// (CS0121) and maps every function once. A map that others may see (the assembly grants its internals) ranks below
    /// the map of a project that sees it: an app that maps a library's functions sits between the library's and its test
    /// project's. Three levels only: a longer chain of maps that meet in one scope is ambiguous. Maps meet in the shared
    /// class at C# 9, in the namespace <c>SessionAuth</c> at C# 10 and later beside a map built at C# 9
    /// (<see cref="InSessionAuth"/>), and in the compilation unit where a project at C# 10 or later also imports another
    /// assembly's map namespace by a using of its own (as one below C# 9 does).
    /// At C# 10 and later a map no other project can see (the assembly grants its internals to none) ranks first even
    /// when it maps no other's: beside a map it reaches but cannot call (SAUTH0018) it must still win.
    /// </summary>
    public MapRank Rank => (MapsReferenced, GrantsInternals) switch
    {
        (_, false) when OwnNamespace => MapRank.First,
        (true, false) => MapRank.First,
        (true, true) => MapRank.Second,
        (false, false) => MapRank.Second,
        (false, true) => MapRank.Third,
    };
}

/// <summary>
/// The shape of a <c>MapServerFunctions()</c>, by which C# picks one of several that a call can reach (C# tie-breaks:
/// a method applicable in its normal form beats one applicable only in its expanded <c>params</c> form; then one that
/// needs no default argument beats one that does).
/// </summary>
internal enum MapRank
{
    /// <summary>No parameter beyond the builder: beats every other shape.</summary>
    First,

    /// <summary>An optional <c>int rank = 0</c>: beats <see cref="Third"/>.</summary>
    Second,

    /// <summary>A <c>params int[] rank</c>, which a call without arguments fills only in its expanded form.</summary>
    Third,
}

/// <summary>
/// The server functions of one assembly that a <c>MapServerFunctions()</c> maps without a guard decision of their own
/// (<see cref="Parsing.UndecidedFunctions"/>).
/// </summary>
/// <param name="Assembly">The assembly's <see cref="Parsing.ReferencedMaps.IdentityKey"/>, by which a section reached twice (a diamond) is taken once.</param>
/// <param name="Known">
/// Whether the functions are known: not when the assembly is mapped but its model could not be read (an earlier
/// generator wrote none), so that none of its functions is known to decide.
/// </param>
/// <param name="Functions">The functions without a decision, by name (<c>Type.Method</c>).</param>
internal sealed record UndecidedSectionSpec(string Assembly, bool Known, EquatableArray<string> Functions);
