using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Whether an <c>IRouteTemplateProvider</c> attribute gives MVC a route template, which makes the action it reaches
/// attribute-routed (<c>AttributeRouteModel.CombineAttributeRouteModel</c> keeps an action conventionally routed only
/// when the controller's and the action's templates are both null).
/// </summary>
/// <remarks>
/// MVC reads <c>IRouteTemplateProvider.Template</c> from the attribute object, not from the attribute's usage: a custom
/// attribute (<c>class ApiRouteAttribute : RouteAttribute { public ApiRouteAttribute() : base("api/[controller]") { } }</c>)
/// gives its template through its base constructor, and its usage <c>[ApiRoute]</c> has no arguments. So the template is
/// read where MVC's own attributes keep it (the constructor parameter <c>template</c> of <c>RouteAttribute</c> and
/// <c>HttpMethodAttribute</c>'s family, the <c>Route</c> property of <c>AcceptVerbsAttribute</c>), following the
/// constructor chain of the compilation's own attribute classes from the usage's arguments. Where it cannot be read (a
/// class of another assembly between the usage and MVC, a <c>Template</c> of the class's own, an argument computed by a
/// call) the attribute is taken to give one: an attribute-routed action is reached by no conventional route's guard, so
/// the rule then asks for a decision of the action's own.
/// </remarks>
internal static class RouteTemplates
{
    private const string MvcNamespace = "Microsoft.AspNetCore.Mvc";
    private const string TemplateParameter = "template";
    private const string AcceptVerbs = "Microsoft.AspNetCore.Mvc.AcceptVerbsAttribute";

    // A constructor chain (this(...) and base(...) calls) longer than this is not followed: taken to give a template.
    private const int MaxChain = 8;

    /// <summary>What a string the attribute passes on may be.</summary>
    private enum Value
    {
        /// <summary>Null: no template.</summary>
        Null,

        /// <summary>A string, never null.</summary>
        String,

        /// <summary>Not known here.</summary>
        Unknown,
    }

    /// <summary>Whether <paramref name="attribute"/> gives MVC a route template, or may (not known: taken as yes).</summary>
    public static bool MayGiveTemplate(AttributeData attribute, Compilation compilation, INamedTypeSymbol? provider, CancellationToken cancellationToken)
    {
        if (attribute.AttributeClass is not { } type || provider is null || !KnownTypes.Implements(type, provider))
        {
            return false;
        }

        var template = provider.GetMembers("Template").FirstOrDefault();
        var implementation = template is null ? null : type.FindImplementationForInterfaceMember(template);
        if (implementation is null || !IsMvc(implementation.ContainingType))
        {
            // The class says what its template is in code of its own (or of a library's), which is not read.
            return true;
        }

        if (implementation.ContainingType.ToDisplayString() == AcceptVerbs)
        {
            // AcceptVerbsAttribute's template is its Route property; its constructor arguments are HTTP methods.
            return attribute.NamedArguments.Any(static n => n.Key == "Route" && ValueOf(n.Value) != Value.Null);
        }

        if (attribute.AttributeConstructor is not { } constructor)
        {
            return true;
        }

        var arguments = new Dictionary<IParameterSymbol, Value>(SymbolEqualityComparer.Default);
        for (var i = 0; i < constructor.Parameters.Length && i < attribute.ConstructorArguments.Length; i++)
        {
            arguments[constructor.Parameters[i]] = ValueOf(attribute.ConstructorArguments[i]);
        }

        return TemplateThrough(constructor, arguments, compilation, cancellationToken) != Value.Null;
    }

    /// <summary>
    /// The template that <paramref name="constructor"/>, called with <paramref name="arguments"/>, hands to MVC's attribute
    /// class: the one it takes itself when it is MVC's, else what it passes to the constructor it chains to.
    /// </summary>
    private static Value TemplateThrough(IMethodSymbol constructor, Dictionary<IParameterSymbol, Value> arguments, Compilation compilation, CancellationToken cancellationToken)
    {
        for (var depth = 0; depth < MaxChain; depth++)
        {
            if (IsMvc(constructor.ContainingType))
            {
                var parameter = constructor.Parameters.FirstOrDefault(static p => p.Name == TemplateParameter);
                return parameter is null ? Value.Null : arguments.TryGetValue(parameter, out var value) ? value : Value.Unknown;
            }

            if (!constructor.ContainingType.Locations.Any(static l => l.IsInSource) || Chained(constructor, compilation, cancellationToken) is not { } chained)
            {
                return Value.Unknown;
            }

            var passed = new Dictionary<IParameterSymbol, Value>(SymbolEqualityComparer.Default);
            if (chained.Call is { } call)
            {
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter is { } parameter)
                    {
                        passed[parameter] = Evaluate(argument.Value, arguments);
                    }
                }
            }
            else
            {
                // An implicit base() call: the base constructor's optional parameters take their defaults.
                foreach (var parameter in chained.Target.Parameters)
                {
                    passed[parameter] = parameter.HasExplicitDefaultValue ? (parameter.ExplicitDefaultValue is null ? Value.Null : Value.String) : Value.Unknown;
                }
            }

            constructor = chained.Target;
            arguments = passed;
        }

        return Value.Unknown;
    }

    /// <summary>
    /// The constructor <paramref name="constructor"/> (of a class in source) chains to: through <c>: base(...)</c> or
    /// <c>: this(...)</c>, a primary constructor's base call, or the implicit <c>base()</c>; null when it cannot be bound.
    /// </summary>
    private static (IMethodSymbol Target, IInvocationOperation? Call)? Chained(IMethodSymbol constructor, Compilation compilation, CancellationToken cancellationToken)
    {
        SyntaxNode? initializer = null;
        if (constructor.DeclaringSyntaxReferences.Length == 1)
        {
            initializer = constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
            {
                ConstructorDeclarationSyntax { Initializer: { } explicitCall } => explicitCall,
                TypeDeclarationSyntax { BaseList.Types: { Count: > 0 } types } when types[0] is PrimaryConstructorBaseTypeSyntax primary => primary,
                _ => null,
            };
        }
        else if (constructor.DeclaringSyntaxReferences.Length > 1)
        {
            return null;
        }

        if (initializer is not null)
        {
            var operation = compilation.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer, cancellationToken);
            if (operation is IExpressionStatementOperation statement)
            {
                operation = statement.Operation;
            }

            return operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.Constructor } call ? (call.TargetMethod, call) : null;
        }

        var implicitBase = constructor.ContainingType.BaseType?.InstanceConstructors
            .Where(static c => c.Parameters.All(static p => p.IsOptional || p.IsParams))
            .OrderBy(static c => c.Parameters.Length)
            .FirstOrDefault();
        return implicitBase is null ? null : (implicitBase, null);
    }

    /// <summary>What a constructor argument may be, given what the constructor it sits in was passed.</summary>
    private static Value Evaluate(IOperation operation, Dictionary<IParameterSymbol, Value> arguments)
    {
        if (operation.ConstantValue is { HasValue: true } constant)
        {
            return constant.Value is null ? Value.Null : Value.String;
        }

        return operation switch
        {
            IConversionOperation conversion => Evaluate(conversion.Operand, arguments),
            IParenthesizedOperation parenthesized => Evaluate(parenthesized.Operand, arguments),
            IParameterReferenceOperation reference => arguments.TryGetValue(reference.Parameter, out var value) ? value : Value.Unknown,
            IInterpolatedStringOperation => Value.String,

            // A string concatenation is never null, whatever its operands are.
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } => Value.String,
            ICoalesceOperation coalesce => Evaluate(coalesce.Value, arguments) == Value.String ? Value.String : Evaluate(coalesce.WhenNull, arguments),
            _ => Value.Unknown,
        };
    }

    private static Value ValueOf(TypedConstant constant) => constant.Kind switch
    {
        TypedConstantKind.Error or TypedConstantKind.Array => Value.Unknown,
        _ when constant.IsNull => Value.Null,
        _ => constant.Value is string ? Value.String : Value.Unknown,
    };

    /// <summary>A class of MVC's own (<c>RouteAttribute</c>, <c>HttpGetAttribute</c>, ...), whose template is read as MVC keeps it.</summary>
    private static bool IsMvc(INamedTypeSymbol? type) =>
        type is not null && !type.Locations.Any(static l => l.IsInSource) && type.ContainingNamespace?.ToDisplayString() is { } name
        && (name == MvcNamespace || name.StartsWith(MvcNamespace + ".", StringComparison.Ordinal))
        && type.ContainingAssembly.Name.StartsWith(MvcNamespace, StringComparison.Ordinal);
}
