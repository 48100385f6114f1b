using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Emitting;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// How a type binds itself from the request, found as the Request Delegate Generator finds it (ASP.NET Core's
/// ParsabilityHelper.GetBindability): <c>IBindableFromHttpContext&lt;T&gt;</c> first; else a public static
/// <c>ValueTask&lt;T?&gt; BindAsync(HttpContext, ParameterInfo)</c>, then <c>ValueTask&lt;T&gt; BindAsync(HttpContext)</c>,
/// declared on the type, a base type or an interface. <c>T?</c> binds as <c>T</c> does. A <c>BindAsync</c> generated code
/// cannot call as it is (generic, by reference, <c>[Obsolete]</c> or <c>[Experimental]</c>, or a static abstract member
/// of an interface) is found with the reason, so that the function is refused rather than bound otherwise.
/// </summary>
internal static class BindAsyncMethods
{
    /// <summary>
    /// Stands, in a binder, for the local that holds the function's <c>ParameterInfo</c>s (found once at startup by the
    /// generated map method), so that the model names no local of the emitter's.
    /// </summary>
    public const string ParametersToken = "{parameters}";

    internal enum Kind
    {
        /// <summary><c>BindAsync(HttpContext)</c>.</summary>
        HttpContext,

        /// <summary><c>BindAsync(HttpContext, ParameterInfo)</c>.</summary>
        WithParameter,

        /// <summary><c>IBindableFromHttpContext&lt;T&gt;</c>, whose <c>BindAsync</c> may be implemented explicitly.</summary>
        Interface,
    }

    /// <summary>The way <see cref="Type"/> binds itself.</summary>
    /// <param name="Type">The type that binds itself (a nullable struct's underlying type).</param>
    /// <param name="Problem">Why generated code cannot call its <c>BindAsync</c>, or <see langword="null"/>.</param>
    public sealed record Found(ITypeSymbol Type, string? Problem)
    {
        internal Kind Kind { get; init; }

        /// <summary>The type or interface <c>BindAsync</c> is called on, <c>global::</c>-qualified.</summary>
        internal string Receiver { get; init; } = string.Empty;

        /// <summary>Whether <c>BindAsync</c>'s task gives <c>T?</c> (or an oblivious <c>T</c>), which the binding's binder gives.</summary>
        internal bool GivesNullable { get; init; }

        /// <summary>Whether <c>BindAsync</c> takes the function's <c>ParameterInfo</c>.</summary>
        public bool TakesParameter => Kind != Kind.HttpContext;

        /// <summary>
        /// The C# expression of the binder the runtime's binding awaits: <c>Func&lt;HttpContext, ValueTask&lt;T?&gt;&gt;</c>,
        /// with <paramref name="parameterInfo"/> (the function's parameter, as <see cref="ParametersToken"/><c>[i]</c>) when it takes one.
        /// </summary>
        public string Binder(string? parameterInfo)
        {
            var runtime = GeneratedFile.InfrastructureNamespace + "ParameterBinding.";
            var method = Receiver + ".BindAsync";
            var binder = Kind switch
            {
                Kind.Interface => $"{runtime}FromHttpContext<{Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}>({parameterInfo})",
                Kind.WithParameter => $"{runtime}WithParameter({method}, {parameterInfo})",
                _ => method,
            };
            if (GivesNullable || Kind == Kind.Interface)
            {
                return binder;
            }

            // A struct's T is lifted to T?; a class's task of T is a task of T? that never gives null, which only nullable
            // analysis tells apart (the delegate types are one at run time).
            return Type.IsValueType ? $"{runtime}AsNullable({binder})"
                : Kind == Kind.HttpContext ? $"static httpContext => {method}(httpContext)!"
                : binder + "!";
        }
    }

    /// <summary>How <paramref name="type"/> (or the struct it makes nullable) binds itself; <see langword="null"/> when it does not.</summary>
    public static Found? Find(ITypeSymbol type, KnownTypes types)
    {
        if (types.HttpContext is null || types.ValueTaskOfT is null)
        {
            return null;
        }

        var self = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        if (self.SpecialType == SpecialType.System_String || self.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return null;
        }

        if (self.AllInterfaces.Any(i => KnownTypes.IsConstructedFrom(i, types.BindableFromHttpContext) && SymbolEqualityComparer.Default.Equals(Unwrap(i.TypeArguments[0]), self)))
        {
            return new Found(self, null) { Kind = Kind.Interface, Receiver = Qualified(self), GivesNullable = true };
        }

        IMethodSymbol? withParameter = null;
        IMethodSymbol? withContext = null;
        foreach (var candidate in ThisAndBaseTypes(self).Concat(self.AllInterfaces))
        {
            foreach (var method in candidate.GetMembers("BindAsync").OfType<IMethodSymbol>())
            {
                if (!method.IsStatic || method.DeclaredAccessibility != Accessibility.Public || method.ReturnType is not INamedTypeSymbol returned
                    || !SymbolEqualityComparer.Default.Equals(returned.OriginalDefinition, types.ValueTaskOfT))
                {
                    continue;
                }

                var gives = returned.TypeArguments[0];
                if (method.Parameters.Length == 2 && KnownTypes.Is(method.Parameters[0].Type, types.HttpContext) && KnownTypes.Is(method.Parameters[1].Type, types.ParameterInfo)
                    && SymbolEqualityComparer.Default.Equals(Unwrap(gives), self))
                {
                    withParameter ??= method;
                }
                else if (method.Parameters.Length == 1 && KnownTypes.Is(method.Parameters[0].Type, types.HttpContext) && SymbolEqualityComparer.Default.Equals(gives, self))
                {
                    withContext ??= method;
                }
            }
        }

        if ((withParameter ?? withContext) is not { } found)
        {
            return null;
        }

        var result = ((INamedTypeSymbol)found.ReturnType).TypeArguments[0];
        return new Found(self, ProblemOf(found))
        {
            Kind = SymbolEqualityComparer.Default.Equals(found, withParameter) ? Kind.WithParameter : Kind.HttpContext,
            Receiver = Qualified(found.ContainingType.TypeKind == TypeKind.Interface ? found.ContainingType : self),
            GivesNullable = self.IsValueType ? result.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T : result.NullableAnnotation != NullableAnnotation.NotAnnotated,
        };
    }

    /// <summary>Why generated code cannot call <paramref name="method"/> as <c>Receiver.BindAsync(...)</c>, or <see langword="null"/>.</summary>
    private static string? ProblemOf(IMethodSymbol method)
    {
        if (method.IsAbstract || method.IsVirtual)
        {
            return $"is a static {(method.IsAbstract ? "abstract" : "virtual")} member of the interface {method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)} that generated code cannot call through the interface (minimal APIs' generated code cannot either); declare a public static BindAsync on the type itself";
        }

        if (method.IsGenericMethod)
        {
            return "is generic, so generated code could not say how to call it";
        }

        if (method.Parameters.Any(static p => p.RefKind != RefKind.None))
        {
            return "takes its arguments by reference, which generated code cannot pass";
        }

        return method.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() is "System.ObsoleteAttribute" or "System.Diagnostics.CodeAnalysis.ExperimentalAttribute")
            ? "is [Obsolete] or [Experimental], and generated code would warn where it calls it"
            : null;
    }

    private static IEnumerable<ITypeSymbol> ThisAndBaseTypes(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    private static ITypeSymbol Unwrap(ITypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? ((INamedTypeSymbol)type).TypeArguments[0] : type;

    private static string Qualified(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
