using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The name of the generated class that holds the map method of each declaring type and the endpoint shape methods:
/// <c>SessionAuth.Generated.ServerFunctionEndpoints</c>, unless a type of that name is already there, declared by the
/// assembly (it would collide with the generated partial class, CS0260 or CS0101, or merge into it) or seen in a
/// reference (CS0436 or CS0433 where generated code names it); then the first free name (<c>ServerFunctionEndpoints2</c>,
/// <c>3</c>...). Only <c>MapServerFunctions()</c> calls into it, so its name is the generator's to choose.
/// The generated session rule registrations and immutable session data declarations are named apart the same way.
/// </summary>
internal static class EndpointsClassName
{
    public const string Namespace = "SessionAuth.Generated";

    private const string Preferred = "ServerFunctionEndpoints";

    public static string Choose(Compilation compilation) => Choose(compilation, Preferred);

    /// <summary>
    /// The first free name of a generated internal class of <see cref="Namespace"/>: <paramref name="preferred"/>, else
    /// <paramref name="preferred"/> numbered from 2, as for the endpoints class.
    /// </summary>
    public static string Choose(Compilation compilation, string preferred)
    {
        var name = preferred;
        for (var number = 2; IsTaken(compilation, name); number++)
        {
            name = preferred + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static bool IsTaken(Compilation compilation, string name) =>
        compilation.GetTypesByMetadataName($"{Namespace}.{name}").Any(type =>
            SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly) || compilation.IsSymbolAccessibleWithin(type, compilation.Assembly));
}
