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
            // An empty password is no password: the runtime treats it as not set (a generated one in Development).
            Report(context, assignment.Value, emptyIsUnset: true);
        }
    }

    /// <summary>
    /// <c>PreviousPasswords.Add(item)</c> or <c>.Insert(index, item)</c>, also as an element of a collection initializer
    /// (<c>new SessionAuthOptions { PreviousPasswords = { "..." } }</c>, where the list is the implicit receiver).
    /// </summary>
    private static void AnalyzeAdd(OperationAnalysisContext context, INamedTypeSymbol options)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var list = invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            ? (invocation.Parent?.Parent as IMemberInitializerOperation)?.InitializedMember
            : invocation.Instance;
        if ((invocation.TargetMethod.Name, invocation.Arguments.Length) is ("Add", 1) or ("Insert", 2) && IsOptionsProperty(list, options, "PreviousPasswords"))
        {
            Report(context, invocation.Arguments.Single(a => a.Parameter?.Ordinal == invocation.TargetMethod.Parameters.Length - 1).Value, emptyIsUnset: false);
        }
    }

    private static bool IsOptionsProperty(IOperation? operation, INamedTypeSymbol options, string name) =>
        operation is IPropertyReferenceOperation { Property: var property } && property.Name == name && KnownTypes.Is(property.ContainingType, options);

    private static void Report(OperationAnalysisContext context, IOperation value, bool emptyIsUnset)
    {
        foreach (var literal in LiteralResults(value))
        {
            var password = (string)literal.ConstantValue.Value!;
            if (emptyIsUnset && password.Length == 0)
            {
                continue;
            }

            // A short literal gets the error alone: it is also a literal, but the error already says so, and one squiggle is enough.
            context.ReportDiagnostic(password.Length < SessionPassword.MinimumLength
                ? Diagnostic.Create(Descriptors.PasswordTooShort, literal.Syntax.GetLocation(), password.Length, SessionPassword.MinimumLength)
                : Diagnostic.Create(Descriptors.PasswordLiteral, literal.Syntax.GetLocation()));
        }
    }

    /// <summary>
    /// The constant strings <paramref name="value"/> can evaluate to: itself, or a branch of a <c>??</c> (the common
    /// <c>config["S"] ?? "fallback"</c>), a <c>?:</c> or a switch expression, at any depth. A <c>?? throw</c> has none.
    /// </summary>
    private static IEnumerable<IOperation> LiteralResults(IOperation? value)
    {
        if (value is null)
        {
            return [];
        }

        if (value.ConstantValue is { HasValue: true, Value: string })
        {
            return [value];
        }

        return value switch
        {
            IConversionOperation conversion => LiteralResults(conversion.Operand),
            ICoalesceOperation coalesce => LiteralResults(coalesce.Value).Concat(LiteralResults(coalesce.WhenNull)),
            IConditionalOperation conditional => LiteralResults(conditional.WhenTrue).Concat(LiteralResults(conditional.WhenFalse)),
            ISwitchExpressionOperation @switch => @switch.Arms.SelectMany(arm => LiteralResults(arm.Value)),
            _ => [],
        };
    }
}
