using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// SAUTH0006: a session password written in source. A warning, since anyone who can read the code can forge sessions;
/// an error when it is also shorter than the 32 characters the runtime requires, since the app would not start.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PasswordAnalyzer : SessionAuthAnalyzer
{
    private const int MinimumPasswordLength = 32;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.PasswordLiteral];

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

        var tooShort = password.Length < MinimumPasswordLength;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.PasswordLiteral,
            value.Syntax.GetLocation(),
            tooShort ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            additionalLocations: null,
            properties: null,
            tooShort ? $" of {password.Length} characters, fewer than the {MinimumPasswordLength} the app needs to start" : string.Empty));
    }
}
