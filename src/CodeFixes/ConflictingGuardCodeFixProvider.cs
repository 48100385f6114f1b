using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.CodeFixes;

/// <summary>SAUTH0005: keeps one of [RequireSession] (or a server function's [Authorize]) and [AllowAnonymous].</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConflictingGuardCodeFixProvider)), Shared]
public sealed class ConflictingGuardCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.ConflictingGuardAttributes];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeSyntax>() is not { } requireSession
                || requireSession.Parent?.Parent is not { } owner)
            {
                continue;
            }

            var allowAnonymous = owner.ChildNodes().OfType<AttributeListSyntax>()
                .SelectMany(list => list.Attributes)
                .FirstOrDefault(attribute => model.GetTypeInfo(attribute, context.CancellationToken).Type is { } type
                    && type.AllInterfaces.Any(i => i.ToDisplayString() == "Microsoft.AspNetCore.Authorization.IAllowAnonymous"));

            // The reported attribute is a [RequireSession] or, on a server function, an [Authorize] (any IAuthorizeData).
            var reported = model.GetTypeInfo(requireSession, context.CancellationToken).Type;
            var title = reported is not null && reported.AllInterfaces.Any(i => i.ToDisplayString() == "Microsoft.AspNetCore.Authorization.IAuthorizeData")
                ? $"Remove [{requireSession.Name}]"
                : "Remove [RequireSession]";
            Register(context, diagnostic, title, root, requireSession);
            if (allowAnonymous is not null)
            {
                Register(context, diagnostic, "Remove [AllowAnonymous]", root, allowAnonymous);
            }
        }
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, SyntaxNode root, AttributeSyntax attribute) =>
        context.RegisterCodeFix(
            CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(SyntaxEdits.RemoveAttribute(root, attribute))), equivalenceKey: title),
            diagnostic);
}
