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
/// SAUTH0001: makes the guard decision. On a server function or controller action: add [RequireSession] or
/// [AllowAnonymous]. On a controller reported for an action it inherits: add [RequireSession] to the controller. On a
/// Razor component class in source: add [RequireSession] or [AllowAnonymous]; none on a page reported at the call that
/// maps it (the Razor generator's or another assembly's page). On a minimal API handler: append .RequireSession() to the
/// Map call, or mark a parenthesized lambda.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EndpointGuardCodeFixProvider)), Shared]
public sealed class EndpointGuardCodeFixProvider : CodeFixProvider
{
    private const string SessionAuthNamespace = "SessionAuth";
    private const string AuthorizationNamespace = "Microsoft.AspNetCore.Authorization";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.EndpointWithoutGuardDecision];

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
            diagnostic.Properties.TryGetValue(GuardFixes.Property, out var fix);
            if (fix == GuardFixes.None)
            {
                continue;
            }

            var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
            if (token.Parent is MethodDeclarationSyntax method && method.Identifier == token)
            {
                Register(context, diagnostic, "Add [RequireSession]", ct => AddToMemberAsync(context.Document, method, "RequireSession", SessionAuthNamespace, ct));
                Register(context, diagnostic, "Add [AllowAnonymous]", ct => AddToMemberAsync(context.Document, method, "AllowAnonymous", AuthorizationNamespace, ct));
                continue;
            }

            // An action inherited from a base class is reported on the controller that routes it: guard that controller.
            // [AllowAnonymous] is not offered there, since it would open every action of the controller, not just this one;
            // a Razor component is one page, which either attribute decides.
            if (token.Parent is TypeDeclarationSyntax type && type.Identifier == token)
            {
                Register(context, diagnostic, "Add [RequireSession]", ct => AddToMemberAsync(context.Document, type, "RequireSession", SessionAuthNamespace, ct));
                if (fix == GuardFixes.Component)
                {
                    Register(context, diagnostic, "Add [AllowAnonymous]", ct => AddToMemberAsync(context.Document, type, "AllowAnonymous", AuthorizationNamespace, ct));
                }

                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<ArgumentSyntax>()?.Parent?.Parent is not InvocationExpressionSyntax map)
            {
                continue;
            }

            Register(context, diagnostic, "Append .RequireSession() to the endpoint", ct => AppendRequireSessionAsync(context.Document, map, ct));
            if (node.FirstAncestorOrSelf<ParenthesizedLambdaExpressionSyntax>() is { } lambda && map.ArgumentList.Arguments.Any(a => a.Expression == lambda))
            {
                Register(context, diagnostic, "Add [RequireSession] to the handler", ct => AddToLambdaAsync(context.Document, lambda, "RequireSession", SessionAuthNamespace, ct));
                Register(context, diagnostic, "Add [AllowAnonymous] to the handler", ct => AddToLambdaAsync(context.Document, lambda, "AllowAnonymous", AuthorizationNamespace, ct));
            }
        }
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, Func<CancellationToken, Task<Document>> fix) =>
        context.RegisterCodeFix(CodeAction.Create(title, fix, equivalenceKey: title), diagnostic);

    private static Task<Document> AddToMemberAsync(Document document, MemberDeclarationSyntax member, string attribute, string ns, CancellationToken cancellationToken) =>
        EditAsync(document, member, ns, attribute + "Attribute", (root, endOfLine) => root.ReplaceNode(member, SyntaxEdits.AddAttribute(member, attribute, endOfLine)), cancellationToken);

    private static Task<Document> AddToLambdaAsync(Document document, ParenthesizedLambdaExpressionSyntax lambda, string attribute, string ns, CancellationToken cancellationToken) =>
        EditAsync(document, lambda, ns, attribute + "Attribute", (root, _) => root.ReplaceNode(lambda, SyntaxEdits.AddAttribute(lambda, attribute)), cancellationToken);

    private static Task<Document> AppendRequireSessionAsync(Document document, InvocationExpressionSyntax map, CancellationToken cancellationToken) =>
        EditAsync(
            document,
            map,
            SessionAuthNamespace,
            "SessionAuthEndpointConventionBuilderExtensions",
            (root, _) => root.ReplaceNode(
                map,
                InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, map.WithoutTrailingTrivia(), IdentifierName("RequireSession")))
                    .WithTrailingTrivia(map.GetTrailingTrivia())),
            cancellationToken);

    private static async Task<Document> EditAsync(Document document, SyntaxNode at, string ns, string typeName, Func<SyntaxNode, SyntaxTrivia, SyntaxNode> edit, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var edited = edit(root, SyntaxEdits.EndOfLine(root));
        if (edited is CompilationUnitSyntax unit)
        {
            edited = SyntaxEdits.AddUsingIfMissing(unit, model, at.SpanStart, ns, typeName, SyntaxEdits.EndOfLine(root));
        }

        return document.WithSyntaxRoot(edited);
    }
}
