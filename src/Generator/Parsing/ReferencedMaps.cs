using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The server functions of other assemblies this one can map: a test project that sees an app's internals
/// (<c>InternalsVisibleTo</c>) sees the app's <c>MapServerFunctions()</c> and the class through which it maps them
/// (<see cref="EntryClassName"/>, named after its assembly so that two apps' never collide).
/// </summary>
internal static class ReferencedMaps
{
    /// <summary>
    /// The class of an assembly through which another maps its server functions, in the generated namespace: named
    /// after the assembly (its name with every character not allowed in an identifier as <c>_</c>) and a hash of the
    /// name, so that no two assemblies a project sees share it (<c>App.One</c> and <c>App_One</c> included).
    /// </summary>
    public static string EntryClassName(string assemblyName)
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

    /// <summary>
    /// Every other assembly whose <c>MapServerFunctions()</c> this one sees (an accessible
    /// <see cref="ReservedNames.ExtensionsMetadataName"/>), and of those the entry classes this one can call, as
    /// generated code names them (<c>global::SessionAuth.Generated.ServerFunctionsOf_App_…</c>), in the order of the
    /// references.
    /// </summary>
    public static ReferencedMapsSpec Find(Compilation compilation)
    {
        var seen = 0;
        var entries = new List<string>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.GetTypeByMetadataName(ReservedNames.ExtensionsMetadataName) is not { } extensions
                || !compilation.IsSymbolAccessibleWithin(extensions, compilation.Assembly))
            {
                continue;
            }

            seen++;
            var name = EntryClassName(assembly.Name);
            var generated = assembly.GlobalNamespace.GetNamespaceMembers().FirstOrDefault(static n => n.Name == ReservedNames.ExtensionsNamespace);
            var entry = generated?.GetNamespaceMembers()
                .SelectMany(n => n.GetTypeMembers(name))
                .FirstOrDefault(t => compilation.IsSymbolAccessibleWithin(t, compilation.Assembly));
            if (entry is not null)
            {
                entries.Add(entry.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            }
        }

        return new ReferencedMapsSpec(seen, entries.ToEquatableArray(), EntryClassName(compilation.AssemblyName ?? string.Empty));
    }
}
