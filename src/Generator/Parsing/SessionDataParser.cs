using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// Turns a [SessionData] type into a <see cref="SessionDataSpec"/> when nothing can change its objects once they are
/// read (<see cref="ImmutableTypes"/>); any other type, and one that is [Obsolete] as an error, yields
/// <see langword="null"/> and is read per request.
/// </summary>
internal static class SessionDataParser
{
    public static SessionDataSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || type.IsGenericType
            || !context.SemanticModel.Compilation.IsSymbolAccessibleWithin(type, context.SemanticModel.Compilation.Assembly)
            || !ImmutableTypes.IsDeeplyImmutable(type, cancellationToken))
        {
            return null;
        }

        // An [Obsolete] or [Experimental] type is declared with its warnings disabled around the declaration, as a server
        // function that uses one is mapped; one [Obsolete] as an error no code may name, so it is read per request.
        var disabledWarnings = SignatureTypes.WarningsOfUse(type, out var unusable);
        return unusable is null
            ? new SessionDataSpec(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), SymbolPaths.Of(type), disabledWarnings.ToEquatableArray())
            : null;
    }
}
