using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The server functions of other assemblies this one can map: a test project that sees an app's internals
/// (<c>InternalsVisibleTo</c>) sees the app's <c>MapServerFunctions()</c> and the method through which it maps them
/// (<see cref="EntryMethodName"/>, named after its assembly so that two apps' never collide).
/// </summary>
internal static class ReferencedMaps
{
    /// <summary>
    /// The extension method of an assembly through which another maps its server functions, declared on
    /// <c>RouteGroupBuilder</c> in the class that holds its <c>MapServerFunctions()</c>: named after the assembly (its
    /// name with every character not allowed in an identifier as <c>_</c>) and a hash of the name, so that no two
    /// assemblies a project sees share it (<c>App.One</c> and <c>App_One</c> included). Generated code calls it as
    /// <c>group.ServerFunctionsOf_App_…(services)</c>, naming no namespace or type: no type of the project or of an
    /// assembly it sees can take the name (a type <c>SessionAuth.Generated</c> hides a namespace, never a method).
    /// </summary>
    public static string EntryMethodName(string assemblyName)
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
    /// <see cref="ReservedNames.ExtensionsMetadataName"/>), and of those the entry methods this one can call, in the
    /// order of the references; and whether the assembly grants its internals to another, whose own
    /// <c>MapServerFunctions()</c> must then rank above this one's (<see cref="MapRank"/>).
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
            var name = EntryMethodName(assembly.Name);
            var entry = extensions.GetMembers(name)
                .OfType<IMethodSymbol>()
                .FirstOrDefault(m => m.IsExtensionMethod && compilation.IsSymbolAccessibleWithin(m, compilation.Assembly));
            if (entry is not null)
            {
                entries.Add(entry.Name);
            }
        }

        return new ReferencedMapsSpec(
            seen,
            entries.ToEquatableArray(),
            EntryMethodName(compilation.AssemblyName ?? string.Empty),
            GrantsInternals(compilation.Assembly));
    }

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
}
