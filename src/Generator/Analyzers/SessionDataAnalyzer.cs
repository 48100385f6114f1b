using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// SAUTH0007, per type as you type: a [SessionData] type can be read back by System.Text.Json (a constructor it can call,
/// and members that carry the data). SAUTH0011, at compilation end: an assembly with guarded server functions declares
/// exactly one [SessionData] type.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SessionDataAnalyzer : SessionAuthAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.SessionDataType, Descriptors.SessionDataTypeCount];

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, AnalyzerSymbols symbols)
    {
        if (symbols.Known.SessionData is null)
        {
            return;
        }

        var sessionTypes = new ConcurrentBag<INamedTypeSymbol>();
        var guardedFunctions = new ConcurrentBag<IMethodSymbol>();
        start.RegisterSymbolAction(
            c =>
            {
                var type = (INamedTypeSymbol)c.Symbol;
                if (type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, symbols.Known.SessionData)))
                {
                    sessionTypes.Add(type);
                    if (FindJsonProblem(type) is { } problem)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.SessionDataType, type.Locations[0], type.Name, problem));
                    }
                }
            },
            SymbolKind.NamedType);
        start.RegisterSymbolAction(
            c =>
            {
                var method = (IMethodSymbol)c.Symbol;
                if (symbols.IsServerFunction(method, out _) && GuardDecision.ForServerFunction(method, symbols.Known).RequiresSession)
                {
                    guardedFunctions.Add(method);
                }
            },
            SymbolKind.Method);
        start.RegisterCompilationEndAction(c => ReportCount(c, sessionTypes, guardedFunctions));
    }

    private static void ReportCount(CompilationAnalysisContext context, ConcurrentBag<INamedTypeSymbol> sessionTypes, ConcurrentBag<IMethodSymbol> guardedFunctions)
    {
        if (sessionTypes.Count > 1)
        {
            var names = string.Join(", ", sessionTypes.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
            foreach (var type in sessionTypes)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SessionDataTypeCount, type.Locations[0], $"An assembly has one session data type, but {names} are all marked [SessionData]; keep one"));
            }
        }
        else if (sessionTypes.IsEmpty && guardedFunctions.OrderBy(m => m.Locations[0].SourceSpan.Start).FirstOrDefault() is { } first)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SessionDataTypeCount, first.Locations[0], "This assembly has guarded server functions but no [SessionData] type; mark the record that holds the session, for example [SessionData] public sealed record UserSession(int UserId, string Name)"));
        }
    }

    /// <summary>What System.Text.Json would fail on, following its rules for choosing a constructor.</summary>
    private static string? FindJsonProblem(INamedTypeSymbol type)
    {
        if (type.IsAbstract || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return "it must be a concrete class, record or struct";
        }

        var constructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        var marked = type.InstanceConstructors.Where(c => c.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonConstructorAttribute")).ToList();
        var chosen = marked.Count == 1 ? marked[0]
            : constructors.FirstOrDefault(c => c.Parameters.Length == 0)
            ?? (constructors.Count == 1 ? constructors[0] : null);
        if (chosen is null && type.TypeKind == TypeKind.Class)
        {
            return constructors.Count == 0
                ? "it has no public constructor"
                : "it has several public constructors; mark one [JsonConstructor]";
        }

        var settable = type.GetMembers().Any(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsStatic && m switch
        {
            IPropertySymbol property => property.SetMethod is { DeclaredAccessibility: Accessibility.Public },
            IFieldSymbol field => !field.IsReadOnly && !field.IsConst && !field.IsImplicitlyDeclared,
            _ => false,
        });
        return chosen is { Parameters.Length: > 0 } || settable ? null : "it has no constructor parameters or settable public members to carry the data";
    }
}
