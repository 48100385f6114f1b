using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Emitting;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// Chooses the names of what the generator writes for one compilation (<see cref="GeneratedNames"/>). The namespace
/// is <c>SessionAuth.Generated</c> and the class of the map and endpoint shape methods <c>ServerFunctionEndpoints</c>,
/// unless a type of that name is already there, declared by the assembly (it would collide with the generated
/// namespace or partial class, CS0101 or CS0260, or merge into it) or seen in a reference (CS0436 or CS0433 where
/// generated code names it); then the first free name (<c>SessionAuth.Generated2</c>, <c>ServerFunctionEndpoints2</c>,
/// <c>3</c>...). Only generated code names them, so they are the generator's to choose. The generated session rule
/// registrations and immutable session data declarations are named apart the same way. The names it cannot choose
/// are <see cref="ReservedNames"/>.
/// </summary>
internal static class GeneratedNamesParser
{
    private const string Root = "SessionAuth";

    public static GeneratedNames Choose(Compilation compilation)
    {
        var ns = Root + "." + FirstFree(compilation, Root, "Generated");
        return new GeneratedNames(
            ns,
            FirstFree(compilation, ns, "ServerFunctionEndpoints"),
            FirstFree(compilation, ns, SessionDataEmitter.ClassName),
            FirstFree(compilation, ns, SessionRulesEmitter.ClassName),
            ReservedNames.FindClash(compilation));
    }

    /// <summary>The first name in <paramref name="container"/> that no type the assembly sees has: <paramref name="preferred"/>, else it numbered from 2.</summary>
    private static string FirstFree(Compilation compilation, string container, string preferred)
    {
        var name = preferred;
        for (var number = 2; IsTaken(compilation, container + "." + name); number++)
        {
            name = preferred + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static bool IsTaken(Compilation compilation, string fullName) =>
        compilation.GetTypesByMetadataName(fullName).Any(type =>
            SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly) || compilation.IsSymbolAccessibleWithin(type, compilation.Assembly));
}
