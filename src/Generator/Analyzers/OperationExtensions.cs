using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

internal static class OperationExtensions
{
    /// <summary>The value as written: the operation under any conversions (implicit boxing to <see cref="object"/> included) and parentheses.</summary>
    public static IOperation Unwrapped(this IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>
    /// The values an array argument lists, as written: the elements of a <c>params</c> list, of <c>new[] { ... }</c> or of a
    /// collection expression; none when the array comes from anywhere else (a variable, a method), whose contents are not
    /// known. <paramref name="valueOf"/> sees through what a control flow graph rewrote (a captured value); by default
    /// conversions and parentheses only.
    /// </summary>
    public static ImmutableArray<IOperation> ArrayElements(this IArgumentOperation argument, Func<IOperation, IOperation>? valueOf = null)
    {
        valueOf ??= Unwrapped;
        return valueOf(argument.Value) switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues.Select(valueOf).ToImmutableArray(),
            ICollectionExpressionOperation collection => collection.Elements.Select(valueOf).ToImmutableArray(),
            _ => [],
        };
    }
}
