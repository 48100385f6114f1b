using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SessionAuth.Generators.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SessionAuth.CodeFixes;

/// <summary>
/// SAUTH0009: inserts <c>app.UseSessionAuth();</c> where the app's pipeline is built: after the last
/// <c>UseRouting()</c>/<c>UseAuthentication()</c> on the app, else right after the statement that builds it; in a
/// <c>Configure(IApplicationBuilder app)</c> method, after those calls, else as its first statement.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSessionAuthCodeFixProvider)), Shared]
public sealed class UseSessionAuthCodeFixProvider : CodeFixProvider
{
    private const string Title = "Call UseSessionAuth()";
    private const string SessionAuthNamespace = "SessionAuth";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.MetadataGuardWithoutMiddleware];

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
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var target = node switch
            {
                MethodDeclarationSyntax configure => FindInConfigure(configure, model, context.CancellationToken),
                _ => FindAfterBuild(node, model, context.CancellationToken),
            };
            if (target is { } found)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => InsertAsync(context.Document, found, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    /// <summary>The app's variable and the statement the call goes after, found from the statement that builds the app.</summary>
    private static InsertionPoint? FindAfterBuild(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        // The rule also reports at a guard site when there is nowhere else; only a Build() or Create() call is fixed here.
        if (node is not InvocationExpressionSyntax invocation
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { Name: "Build" or "Create" } method
            || method.ContainingType.ToDisplayString() is not ("Microsoft.AspNetCore.Builder.WebApplicationBuilder" or "Microsoft.AspNetCore.Builder.WebApplication")
            || invocation.FirstAncestorOrSelf<StatementSyntax>() is not { } statement)
        {
            return null;
        }

        var app = statement switch
        {
            LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } when variables[0].Initializer?.Value == invocation => variables[0].Identifier.ValueText,
            ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax name, Right: var value } } when value == invocation => name.Identifier.ValueText,
            _ => null,
        };
        if (app is null)
        {
            return null;
        }

        var statements = Siblings(statement);
        var anchor = statements.IndexOf(statement);
        return anchor < 0 ? null : new InsertionPoint(app, statement, LastPipelineCall(statements, anchor + 1, app) ?? statement, InsertBefore: false);
    }

    private static InsertionPoint? FindInConfigure(MethodDeclarationSyntax configure, SemanticModel model, CancellationToken cancellationToken)
    {
        var builderType = model.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder");
        var parameter = configure.ParameterList.Parameters.FirstOrDefault(p =>
            model.GetDeclaredSymbol(p, cancellationToken) is { } symbol && SymbolEqualityComparer.Default.Equals(symbol.Type, builderType));
        if (parameter is null || configure.Body is not { } body)
        {
            return null;
        }

        var app = parameter.Identifier.ValueText;
        var statements = body.Statements.ToList();
        return LastPipelineCall(statements, 0, app) is { } after
            ? new InsertionPoint(app, body, after, InsertBefore: false)
            : new InsertionPoint(app, body, statements.FirstOrDefault() ?? (SyntaxNode)body, InsertBefore: statements.Count > 0);
    }

    /// <summary>The statements beside <paramref name="statement"/>: a block's, or the top-level statements of the file.</summary>
    private static List<StatementSyntax> Siblings(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => block.Statements.ToList(),
        GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList(),
        _ => [],
    };

    /// <summary>The last statement from <paramref name="start"/> on that calls UseRouting() or UseAuthentication() on the app.</summary>
    private static StatementSyntax? LastPipelineCall(List<StatementSyntax> statements, int start, string app)
    {
        StatementSyntax? last = null;
        for (var i = start; i < statements.Count; i++)
        {
            if (statements[i] is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation } && CallsRoutingOrAuthentication(invocation, app))
            {
                last = statements[i];
            }
        }

        return last;
    }

    /// <summary>Whether a chain rooted at the app (<c>app.UseRouting().UseAuthentication()</c>) calls either.</summary>
    private static bool CallsRoutingOrAuthentication(InvocationExpressionSyntax invocation, string app)
    {
        var calls = false;
        ExpressionSyntax current = invocation;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            calls |= access.Name.Identifier.ValueText is "UseRouting" or "UseAuthentication";
            current = access.Expression;
        }

        return calls && current is IdentifierNameSyntax root && root.Identifier.ValueText == app;
    }

    private static async Task<Document> InsertAsync(Document document, InsertionPoint point, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit || model is null)
        {
            return document;
        }

        var endOfLine = SyntaxEdits.EndOfLine(root);
        var call = ParseStatement($"{point.App}.UseSessionAuth();");
        SyntaxNode edited;
        if (point.At is BlockSyntax emptyBody)
        {
            edited = unit.ReplaceNode(emptyBody, emptyBody.AddStatements(call.WithAdditionalAnnotations(Formatter.Annotation)));
        }
        else
        {
            var at = (StatementSyntax)point.At;
            var indentation = Indentation(at.Parent is GlobalStatementSyntax global ? global.GetLeadingTrivia() : at.GetLeadingTrivia());
            call = call.WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine);
            edited = at.Parent is GlobalStatementSyntax anchor
                ? point.InsertBefore ? unit.InsertNodesBefore(anchor, [GlobalStatement(call)]) : unit.InsertNodesAfter(anchor, [GlobalStatement(call)])
                : point.InsertBefore ? unit.InsertNodesBefore(at, [call]) : unit.InsertNodesAfter(at, [call]);
        }

        edited = SyntaxEdits.AddUsingIfMissing((CompilationUnitSyntax)edited, model, point.Scope.SpanStart, SessionAuthNamespace, "SessionAuthApplicationBuilderExtensions", endOfLine);
        return document.WithSyntaxRoot(edited);
    }

    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading) =>
        leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? TriviaList(leading[leading.Count - 1]) : TriviaList();

    /// <summary>
    /// Where the call goes: after (or, for a Configure method with no pipeline call yet, before) <paramref name="At"/>, a
    /// statement; or into <paramref name="At"/> when it is an empty body. <paramref name="Scope"/> is where the
    /// <c>using</c> must take effect.
    /// </summary>
    private sealed record InsertionPoint(string App, SyntaxNode Scope, SyntaxNode At, bool InsertBefore);
}
