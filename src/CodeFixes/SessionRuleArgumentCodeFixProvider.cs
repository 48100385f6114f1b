using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionAuth.Generators.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SessionAuth.CodeFixes;

/// <summary>
/// SAUTH0014: removes the <c>Argument</c> a one-argument rule does not read, or, when exactly one parameter can be a
/// two-argument rule's argument (the analyzer says which), sets <c>Argument = nameof(that)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SessionRuleArgumentCodeFixProvider)), Shared]
public sealed class SessionRuleArgumentCodeFixProvider : CodeFixProvider
{
    // The analyzer's SessionRuleAnalyzer.CandidateProperty and SessionRuleShape.ArgumentProperty: this assembly links
    // only the ids, not the analyzer's types.
    private const string CandidateProperty = "Candidate";
    private const string ArgumentProperty = "Argument";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.SessionRuleArgumentMissingOrUnwanted];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<AttributeArgumentSyntax>() is { NameEquals.Name.Identifier.ValueText: ArgumentProperty } argument
                && argument.Parent is AttributeArgumentListSyntax list && list.Parent is AttributeSyntax owner)
            {
                var remaining = list.Arguments.Remove(argument);
                var edited = remaining.Count == 0 ? owner.WithArgumentList(null) : owner.WithArgumentList(list.WithArguments(remaining));
                Register(context, diagnostic, "Remove Argument", root, owner, edited);
            }
            else if (node.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute
                && diagnostic.Properties.TryGetValue(CandidateProperty, out var candidate) && candidate is not null)
            {
                var set = AttributeArgument(NameEquals(IdentifierName(ArgumentProperty)), null, ParseExpression($"nameof({candidate})")).NormalizeWhitespace();
                var edited = attribute.WithArgumentList(attribute.ArgumentList is { } arguments
                    ? arguments.WithArguments(SeparatedList(
                        arguments.Arguments.Add(set),
                        arguments.Arguments.GetSeparators().Append(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space))))
                    : AttributeArgumentList(SingletonSeparatedList(set)));
                Register(context, diagnostic, $"Set Argument = nameof({candidate})", root, attribute, edited);
            }
        }
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, SyntaxNode root, AttributeSyntax attribute, AttributeSyntax edited) =>
        context.RegisterCodeFix(
            CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, edited.WithTriviaFrom(attribute)))), equivalenceKey: title),
            diagnostic);
}
