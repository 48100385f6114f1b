using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The static <c>TryParse</c> of a type that is not <c>IParsable&lt;T&gt;</c>, found as minimal APIs find it
/// (ASP.NET Core's ParameterBindingMethodCache): a public static <c>bool TryParse(string, IFormatProvider, out T)</c> first,
/// then <c>bool TryParse(string, out T)</c>, declared on the type or a base type. A generic, [Obsolete] or [Experimental]
/// TryParse is not used (generated code could not call it, or would warn), so its type binds as if it had none.
/// </summary>
internal static class TryParseMethods
{
    public enum Kind
    {
        /// <summary>No public static TryParse of either form.</summary>
        None,

        /// <summary><c>TryParse(string, out T)</c> and no <c>TryParse(string, IFormatProvider, out T)</c>: bound as text.</summary>
        Text,

        /// <summary><c>TryParse(string, IFormatProvider, out T)</c>, which minimal APIs prefer and server functions do not call.</summary>
        WithFormatProvider,
    }

    public static Kind Find(ITypeSymbol type)
    {
        var found = Kind.None;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var method in current.GetMembers("TryParse").OfType<IMethodSymbol>())
            {
                if (!method.IsStatic || method.DeclaredAccessibility != Accessibility.Public || method.ReturnType.SpecialType != SpecialType.System_Boolean
                    || method.IsGenericMethod || IsDeprecated(method)
                    || method.Parameters.Length is not (2 or 3) || method.Parameters[0].Type.SpecialType != SpecialType.System_String || method.Parameters[0].RefKind != RefKind.None)
                {
                    continue;
                }

                var result = method.Parameters[method.Parameters.Length - 1];
                if (result.RefKind != RefKind.Out || !SymbolEqualityComparer.Default.Equals(result.Type, type))
                {
                    continue;
                }

                if (method.Parameters.Length == 3)
                {
                    if (method.Parameters[1].Type is { Name: "IFormatProvider", ContainingNamespace.Name: "System" } && method.Parameters[1].RefKind == RefKind.None)
                    {
                        return Kind.WithFormatProvider;
                    }
                }
                else
                {
                    found = Kind.Text;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Whether calling the method warns or fails in generated code ([Obsolete] CS0618/CS0619, [Experimental]); such a
    /// TryParse is not used, and its type binds as a type without one.
    /// </summary>
    private static bool IsDeprecated(IMethodSymbol method) => method.GetAttributes().Any(static a =>
        a.AttributeClass?.ToDisplayString() is "System.ObsoleteAttribute" or "System.Diagnostics.CodeAnalysis.ExperimentalAttribute");
}
