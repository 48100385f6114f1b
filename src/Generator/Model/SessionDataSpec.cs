using System.Collections.Immutable;

namespace SessionAuth.Generators.Model;

/// <summary>A [SessionData] type the generator found deeply immutable, declared so to the runtime.</summary>
/// <param name="Type">The type, <c>global::</c>-qualified.</param>
/// <param name="DisplayName">The type as a reader knows it: namespace and type names, unescaped, joined by dots.</param>
/// <param name="DisabledWarnings">The warnings naming the type raises ([Obsolete], [Experimental]), disabled around its declaration.</param>
internal sealed record SessionDataSpec(string Type, string DisplayName, EquatableArray<string> DisabledWarnings)
{
    /// <summary>
    /// Gives each type a file and a declaring method of its own: two types can have one display name (namespace
    /// <c>Shop.Admin</c> with type <c>Data</c>, namespace <c>Shop</c> with nested type <c>Admin.Data</c>), or names
    /// that differ only in case, which file hint names do not tell apart.
    /// </summary>
    public static EquatableArray<SessionDataFileSpec> Name(ImmutableArray<SessionDataSpec> all)
    {
        var hintNames = new UniqueNames(StringComparer.OrdinalIgnoreCase);
        var methodNames = new UniqueNames(StringComparer.Ordinal);
        return all
            .Select(sessionData => new SessionDataFileSpec(
                sessionData,
                hintNames.Take("SessionData." + NameParts.Sanitise(sessionData.DisplayName), ".g.cs"),
                methodNames.Take("Declare" + NameParts.Sanitise(sessionData.DisplayName).Replace('.', '_'))))
            .ToEquatableArray();
    }
}

/// <summary>The generated file that declares one session data type immutable.</summary>
/// <param name="SessionData">The type.</param>
/// <param name="HintName">The file's hint name; unique in the assembly.</param>
/// <param name="MethodName">The module initializer that declares it; unique in the assembly.</param>
internal sealed record SessionDataFileSpec(SessionDataSpec SessionData, string HintName, string MethodName);
