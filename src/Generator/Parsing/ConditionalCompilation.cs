using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// What the compiler leaves out under <c>[Conditional("SYMBOL")]</c>: a call of a conditional method (with its arguments,
/// which are then never evaluated: <c>Debug.Assert(group.RequireAuthorization() is not null)</c> in a Release build), and
/// an attribute whose class is conditional. Each is left out where none of its symbols is defined at the place it is
/// written: by the parse options (<c>DefineConstants</c>) or an active <c>#define</c> above it (not in a branch the
/// preprocessor skips), not undone by an active <c>#undef</c>.
/// </summary>
/// <remarks>
/// Several <c>[Conditional]</c> attributes keep the call or attribute when any one of their symbols is defined, as the
/// language says. An overriding method is conditional when the method it overrides is; an attribute class when a base
/// class is.
/// </remarks>
internal static class ConditionalCompilation
{
    private const string ConditionalAttribute = "System.Diagnostics.ConditionalAttribute";

    /// <summary>Whether the compiler leaves out <paramref name="call"/>, a call of <paramref name="method"/>.</summary>
    public static bool IsCallOmitted(IMethodSymbol method, SyntaxNode call)
    {
        var conditions = ConditionsOf(method);
        return conditions.Count > 0 && !AnyDefined(conditions, call.SyntaxTree, call.SpanStart);
    }

    /// <summary>
    /// Whether calls of <paramref name="method"/> are compiled only where one of its symbols is defined: whether a call
    /// from another assembly runs depends on that assembly's symbols, which the compilation does not know.
    /// </summary>
    public static bool IsConditional(IMethodSymbol method) => ConditionsOf(method).Count > 0;

    private static List<string> ConditionsOf(IMethodSymbol method)
    {
        var conditions = new List<string>();
        for (var current = method.ReducedFrom ?? method; current is not null; current = current.OverriddenMethod)
        {
            AddConditions(current.OriginalDefinition, conditions);
        }

        return conditions;
    }

    /// <summary>Whether the compiler leaves <paramref name="attribute"/>, of class <paramref name="attributeClass"/>, out of the assembly.</summary>
    public static bool IsAttributeOmitted(AttributeData attribute, INamedTypeSymbol attributeClass)
    {
        var conditions = new List<string>();
        for (var type = attributeClass; type is not null; type = type.BaseType)
        {
            AddConditions(type, conditions);
        }

        return conditions.Count > 0 && attribute.ApplicationSyntaxReference is { } application
            && !AnyDefined(conditions, application.SyntaxTree, application.Span.Start);
    }

    private static void AddConditions(ISymbol symbol, List<string> conditions)
    {
        foreach (var applied in symbol.GetAttributes())
        {
            if (applied.AttributeClass?.ToDisplayString() == ConditionalAttribute && applied.ConstructorArguments.Length == 1 && applied.ConstructorArguments[0].Value is string condition)
            {
                conditions.Add(condition);
            }
        }
    }

    /// <summary>Whether one of <paramref name="conditions"/> is defined at <paramref name="position"/> of <paramref name="tree"/>.</summary>
    private static bool AnyDefined(List<string> conditions, SyntaxTree tree, int position)
    {
        var defined = new HashSet<string>(tree.Options.PreprocessorSymbolNames, StringComparer.Ordinal);
        for (var directive = ((CSharpSyntaxNode)tree.GetRoot()).GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            if (directive.SpanStart > position)
            {
                break;
            }

            // A directive in a branch the preprocessor skips (#if NEVER, the #else of a taken #if) defines nothing.
            switch (directive)
            {
                case DefineDirectiveTriviaSyntax { IsActive: true } define:
                    defined.Add(define.Name.ValueText);
                    break;
                case UndefDirectiveTriviaSyntax { IsActive: true } undefine:
                    defined.Remove(undefine.Name.ValueText);
                    break;
            }
        }

        return conditions.Any(defined.Contains);
    }
}
