using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// SAUTH0002: a login path, local redirect or <c>ServerRedirect</c> written as a literal that is not a local path. Uses the same check as the
/// runtime (<c>LocalUrl</c>), which would refuse the value at startup or throw at the redirect.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RedirectAnalyzer : SessionAuthAnalyzer
{
    private const string RedirectTo = "RedirectTo";
    private static readonly HashSet<string> LocalRedirectMethods = ["LocalRedirect", "LocalRedirectPermanent", "LocalRedirectPreserveMethod", "LocalRedirectPermanentPreserveMethod"];

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.OpenRedirect];

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, AnalyzerSymbols symbols)
    {
        start.RegisterSyntaxNodeAction(c => AnalyzeAttribute(c, symbols), SyntaxKind.Attribute);
        start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
        start.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        start.RegisterOperationAction(AnalyzeServerRedirect, OperationKind.ObjectCreation);
    }

    /// <summary>
    /// <c>new ServerRedirect("...")</c>: its constructor refuses a URL off the site (<c>~/path</c> is on it) unless
    /// <c>allowExternal: true</c> is passed, and even then anything but an absolute http or https URL; it would throw at
    /// the request, and written as a literal that is known now. With <c>allowExternal</c> not a constant, a literal only
    /// an external redirect takes is the constructor's to decide.
    /// </summary>
    private static void AnalyzeServerRedirect(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor?.ContainingType is not { Name: "ServerRedirect" } type || type.ContainingNamespace?.ToDisplayString() != "SessionAuth")
        {
            return;
        }

        IArgumentOperation? url = null;
        var mayBeExternal = false;
        foreach (var argument in creation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "url":
                    url = argument;
                    break;
                case "allowExternal" when argument.ArgumentKind == ArgumentKind.Explicit:
                    mayBeExternal = argument.Value.ConstantValue is not { HasValue: true, Value: false };
                    break;
            }
        }

        if (url?.Value.ConstantValue is not { HasValue: true, Value: string literal })
        {
            return;
        }

        var path = literal.StartsWith("~/", StringComparison.Ordinal) ? literal.Substring(1) : literal;
        if (LocalUrl.ToHeaderSafe(path) is not null)
        {
            return;
        }

        var location = url.Value.Syntax.GetLocation();
        if (!mayBeExternal)
        {
            Check(context.ReportDiagnostic, url.Value.ConstantValue, location, "ServerRedirect(url)");
        }
        else if (LocalUrl.ToHeaderSafeAbsolute(literal) is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.OpenRedirect, location, "ServerRedirect(url, allowExternal)", literal, "is neither a local path nor an absolute http or https URL, which is all an external redirect takes"));
        }
    }

    /// <summary>
    /// [RequireSession(RedirectTo = ...)] or [RequireSession&lt;TRule&gt;(RedirectTo = ...)] however the attribute is spelled: a using alias, a qualified or global:: name,
    /// with or without the Attribute suffix. Its name says nothing, so the filter is the argument's name, which no
    /// spelling can change, and the attribute is then recognised by its constructor's type.
    /// </summary>
    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, AnalyzerSymbols symbols)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (attribute.ArgumentList is not { } arguments || !arguments.Arguments.Any(static a => a.NameEquals?.Name.Identifier.ValueText == RedirectTo))
        {
            return;
        }

        // [RequireSession<TRule>] inherits RedirectTo, and sends an anonymous request to it all the same.
        if (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol?.ContainingType is not { } type
            || !symbols.Known.IsRequireSession(type))
        {
            return;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == RedirectTo)
            {
                Check(context.ReportDiagnostic, context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken), argument.Expression.GetLocation(), "RequireSession.RedirectTo");
            }
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, AnalyzerSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "LoginPath" } property } && KnownTypes.Is(property.ContainingType, symbols.SessionAuthOptions))
        {
            Check(context.ReportDiagnostic, assignment.Value.ConstantValue, assignment.Value.Syntax.GetLocation(), "SessionAuthOptions.LoginPath");
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var name = invocation.TargetMethod.Name;
        string? parameterName = name == "RequireSession" && invocation.TargetMethod.ContainingNamespace?.ToDisplayString() == "SessionAuth"
            ? "redirectTo"
            : LocalRedirectMethods.Contains(name) ? "localUrl" : null;
        if (parameterName is null)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                // ASP.NET Core's LocalRedirect writes its argument into the Location header as it is, where Kestrel refuses
                // anything but ASCII; our own redirects encode the path themselves.
                Check(context.ReportDiagnostic, argument.Value.ConstantValue, argument.Value.Syntax.GetLocation(), $"{name}({parameterName})", mustBeHeaderSafe: parameterName == "localUrl");
            }
        }
    }

    private static void Check(Action<Diagnostic> report, Optional<object?> constant, Location location, string what, bool mustBeHeaderSafe = false)
    {
        if (constant is not { HasValue: true, Value: string url })
        {
            return;
        }

        var headerSafe = LocalUrl.ToHeaderSafe(url);
        if (headerSafe is null)
        {
            report(Diagnostic.Create(Descriptors.OpenRedirect, location, what, url, "is not a local path: use a path that starts with a single '/', with no scheme, host, control or invisible characters, or lookalikes of '/' and '\\'"));
        }
        else if (mustBeHeaderSafe && headerSafe != url)
        {
            report(Diagnostic.Create(Descriptors.OpenRedirect, location, what, url, $"cannot stand in a Location header as it is: write it percent-encoded, '{headerSafe}'"));
        }
    }
}
