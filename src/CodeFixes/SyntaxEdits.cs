using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SessionAuth.CodeFixes;

/// <summary>The edits the fixes share: add or remove an attribute, add a using, keeping the file's layout.</summary>
internal static class SyntaxEdits
{
    /// <summary>Adds <c>[name]</c> on a line of its own after the member's other attribute lists, at the member's indentation.</summary>
    public static MemberDeclarationSyntax AddAttribute(MemberDeclarationSyntax member, string name, SyntaxTrivia endOfLine)
    {
        var indentation = Indentation(member.GetLeadingTrivia());
        var list = AttributeList(SingletonSeparatedList(Attribute(IdentifierName(name))));
        if (member.AttributeLists.Count > 0)
        {
            return member.WithAttributeLists(member.AttributeLists.Add(list.WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine)));
        }

        // The member's leading trivia (doc comments, indentation) moves to the new first line.
        var leading = member.GetLeadingTrivia();
        return member.WithLeadingTrivia(indentation).WithAttributeLists(SingletonList(list.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine)));
    }

    /// <summary>Adds <c>[name]</c> before a parenthesized lambda: <c>[name] () =&gt; ...</c>.</summary>
    public static ParenthesizedLambdaExpressionSyntax AddAttribute(ParenthesizedLambdaExpressionSyntax lambda, string name)
    {
        var list = AttributeList(SingletonSeparatedList(Attribute(IdentifierName(name)))).WithTrailingTrivia(Space);
        return lambda.AttributeLists.Count > 0
            ? lambda.WithAttributeLists(lambda.AttributeLists.Add(list))
            : lambda.WithoutLeadingTrivia().WithAttributeLists(SingletonList(list.WithLeadingTrivia(lambda.GetLeadingTrivia())));
    }

    /// <summary>Removes one attribute; the whole list when it was alone, handing the list's leading trivia to what follows.</summary>
    public static SyntaxNode RemoveAttribute(SyntaxNode root, AttributeSyntax attribute)
    {
        if (attribute.Parent is not AttributeListSyntax list)
        {
            return root;
        }

        if (list.Attributes.Count > 1)
        {
            return root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
        }

        var owner = list.Parent!;
        var lists = owner switch
        {
            MemberDeclarationSyntax member => member.AttributeLists,
            LambdaExpressionSyntax lambda => lambda.AttributeLists,
            _ => default,
        };
        var index = lists.IndexOf(list);
        if (index < 0)
        {
            return root;
        }

        var remaining = lists.RemoveAt(index);
        SyntaxNode updated = owner switch
        {
            MemberDeclarationSyntax member => member.WithAttributeLists(remaining),
            LambdaExpressionSyntax lambda => lambda.WithAttributeLists(remaining),
            _ => owner,
        };
        if (index == 0)
        {
            updated = updated.WithLeadingTrivia(list.GetLeadingTrivia());
        }

        return root.ReplaceNode(owner, updated);
    }

    /// <summary>Adds <c>using ns;</c> in alphabetical place when <paramref name="typeName"/> does not bind where it is used.</summary>
    public static CompilationUnitSyntax AddUsingIfMissing(CompilationUnitSyntax root, SemanticModel model, int position, string ns, string typeName, SyntaxTrivia endOfLine)
    {
        var bound = model.GetSpeculativeSymbolInfo(position, ParseTypeName(typeName), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
        if (bound is not null && bound.ContainingNamespace?.ToDisplayString() == ns)
        {
            return root;
        }

        var directive = UsingDirective(ParseName(ns)).WithTrailingTrivia(endOfLine);
        var usings = root.Usings;
        var index = 0;
        while (index < usings.Count && usings[index].StaticKeyword == default && usings[index].Alias is null
            && string.CompareOrdinal(usings[index].Name?.ToString(), ns) < 0)
        {
            index++;
        }

        return root.WithUsings(usings.Insert(index, directive));
    }

    public static SyntaxTrivia EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } found && found.IsKind(SyntaxKind.EndOfLineTrivia)
            ? found
            : CarriageReturnLineFeed;

    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        var whitespace = new List<SyntaxTrivia>();
        for (var i = leading.Count - 1; i >= 0 && leading[i].IsKind(SyntaxKind.WhitespaceTrivia); i--)
        {
            whitespace.Insert(0, leading[i]);
        }

        return TriviaList(whitespace);
    }
}
