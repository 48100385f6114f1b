using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// SAUTH0006: a session password written in source, a warning, since anyone who can read the code can forge sessions.
/// SAUTH0012: such a literal shorter than the runtime's minimum (<see cref="SessionPassword.MinimumLength"/>, the same
/// constant the runtime checks at startup), an error, since the app would not start.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PasswordAnalyzer : SessionAuthAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.PasswordLiteral, Descriptors.PasswordTooShort];

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, AnalyzerSymbols symbols)
    {
        if (symbols.SessionAuthOptions is not { } options)
        {
            return;
        }

        start.RegisterOperationAction(c => AnalyzeAssignment(c, options), OperationKind.SimpleAssignment);
        start.RegisterOperationAction(c => AnalyzeAdd(c, options), OperationKind.Invocation);
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol options)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (IsOptionsProperty(assignment.Target, options, "Password"))
        {
            Report(context, assignment.Value);
        }
    }

    private static void AnalyzeAdd(OperationAnalysisContext context, INamedTypeSymbol options)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name == "Add" && invocation.Arguments.Length == 1 && IsOptionsProperty(invocation.Instance, options, "PreviousPasswords"))
        {
            Report(context, invocation.Arguments[0].Value);
        }
    }

    private static bool IsOptionsProperty(IOperation? operation, INamedTypeSymbol options, string name) =>
        operation is IPropertyReferenceOperation { Property: var property } && property.Name == name && KnownTypes.Is(property.ContainingType, options);

    private static void Report(OperationAnalysisContext context, IOperation value)
    {
        if (value.ConstantValue is not { HasValue: true, Value: string password })
        {
            return;
        }

        // A short literal gets the error alone: it is also a literal, but the error already says so, and one squiggle is enough.
        context.ReportDiagnostic(password.Length < SessionPassword.MinimumLength
            ? Diagnostic.Create(Descriptors.PasswordTooShort, value.Syntax.GetLocation(), password.Length, SessionPassword.MinimumLength)
            : Diagnostic.Create(Descriptors.PasswordLiteral, value.Syntax.GetLocation()));
    }
}
