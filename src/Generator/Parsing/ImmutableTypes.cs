using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// Decides whether nothing can change an object of a type once it is built, all the way down; requests may then share
/// one session data object. Errs towards "no": a type it cannot see through is mutable.
/// </summary>
internal static class ImmutableTypes
{
    private static readonly HashSet<string> ImmutableValues = new(StringComparer.Ordinal)
    {
        "System.DateTimeOffset",
        "System.DateOnly",
        "System.TimeOnly",
        "System.TimeSpan",
        "System.Guid",
        "System.Half",
        "System.Int128",
        "System.UInt128",
        "System.Uri",
        "System.Version",
    };

    private static readonly HashSet<string> ImmutableCollections = new(StringComparer.Ordinal)
    {
        "ImmutableArray",
        "ImmutableList",
        "ImmutableHashSet",
        "ImmutableSortedSet",
        "ImmutableDictionary",
        "ImmutableSortedDictionary",
        "ImmutableQueue",
        "ImmutableStack",
    };

    public static bool IsDeeplyImmutable(ITypeSymbol type, CancellationToken cancellationToken) =>
        IsImmutable(type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default), cancellationToken);

    private static bool IsImmutable(ITypeSymbol type, HashSet<ITypeSymbol> visiting, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (type.TypeKind == TypeKind.Enum || IsImmutableSpecialType(type.SpecialType) || ImmutableValues.Contains(MetadataName(type)))
        {
            return true;
        }

        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            || (named.IsGenericType && ImmutableCollections.Contains(named.Name) && named.ContainingNamespace.ToDisplayString() == "System.Collections.Immutable"))
        {
            return named.TypeArguments.All(argument => IsImmutable(argument, visiting, cancellationToken));
        }

        // Beyond the known types, only types declared in this compilation: a referenced assembly hides private fields.
        var isClass = named.TypeKind == TypeKind.Class;
        if (!(isClass || named.TypeKind == TypeKind.Struct) || (isClass && !named.IsSealed) || named.IsGenericType || !named.Locations.Any(static l => l.IsInSource))
        {
            return false;
        }

        if (!visiting.Add(named))
        {
            // A type that refers to itself: its other members decide.
            return true;
        }

        for (var current = named; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            if (!current.Locations.Any(static l => l.IsInSource) || CapturesPrimaryConstructorParameters(current, cancellationToken))
            {
                return false;
            }

            if (current.GetMembers().Any(member => !member.IsStatic && !HasImmutableState(member, visiting, cancellationToken)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether an instance member holds only state that cannot change.</summary>
    private static bool HasImmutableState(ISymbol member, HashSet<ITypeSymbol> visiting, CancellationToken cancellationToken) => member switch
    {
        // An auto-property's backing field is judged through its property.
        IFieldSymbol { AssociatedSymbol: IPropertySymbol } => true,
        IFieldSymbol field => (field.IsReadOnly || field.IsConst) && IsImmutable(field.Type, visiting, cancellationToken),

        // A record's EqualityContract is the compiler's, and returns the record's Type.
        IPropertySymbol { IsImplicitlyDeclared: true, Name: "EqualityContract" } => true,
        IPropertySymbol property => property.SetMethod is null or { IsInitOnly: true } && IsImmutable(property.Type, visiting, cancellationToken),
        IEventSymbol => false,
        _ => true,
    };

    /// <summary>
    /// A class's or struct's primary constructor parameter used in its body becomes a hidden field, which nothing
    /// shows and any member may assign; such a type counts as mutable. A record's parameters become properties (which
    /// are checked), and in its body their names mean those properties.
    /// </summary>
    private static bool CapturesPrimaryConstructorParameters(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList.Parameters.Count: > 0 } declaration
            && declaration is not RecordDeclarationSyntax);

    private static bool IsImmutableSpecialType(SpecialType type) => type is
        SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_String or SpecialType.System_Decimal
        or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
        or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
        or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_DateTime;

    private static string MetadataName(ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? $"{ns.ToDisplayString()}.{type.MetadataName}" : type.MetadataName;
}
