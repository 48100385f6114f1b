using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// What the project's MVC setup says about every controller action at once: whether MVC can route controllers at all,
/// and whether a global <c>AuthorizeFilter</c> runs for every action.
/// </summary>
/// <remarks>
/// Found by one syntax walk over the compilation, done at most once and only when a controller action without a decision
/// of its own turns up; only a node whose name matches is bound.
/// </remarks>
internal sealed class MvcSetup(Compilation compilation)
{
    /// <summary>
    /// The calls that add MVC's services or map its controllers. An executable that names none of them, and references no
    /// library that could (one built against MVC), has no controller endpoints: a class named <c>…Controller</c> is then
    /// just a class, as a component is not a page in an app that never maps components.
    /// </summary>
    private static readonly HashSet<string> MvcCalls =
    [
        "AddControllers", "AddControllersWithViews", "AddMvc", "AddMvcCore", "UseMvc", "UseMvcWithDefaultRoute",
        "MapControllers", "MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute",
        "MapFallbackToController", "MapFallbackToAreaController", "MapDynamicControllerRoute",
    ];

    /// <summary>The calls that take an <c>Action&lt;MvcOptions&gt;</c> and run it when MVC's options are built.</summary>
    private static readonly HashSet<string> OptionsRegistrations =
        ["AddControllers", "AddControllersWithViews", "AddMvc", "AddMvcCore", "AddMvcOptions", "Configure", "PostConfigure"];

    private static readonly HashSet<string> Removals = ["Clear", "Remove", "RemoveAt", "RemoveAll", "RemoveType"];

    private const string MvcCore = "Microsoft.AspNetCore.Mvc.Core";
    private const string MvcOptions = "Microsoft.AspNetCore.Mvc.MvcOptions";
    private const string FilterCollection = "Microsoft.AspNetCore.Mvc.Filters.FilterCollection";
    private const string FilterMetadata = "Microsoft.AspNetCore.Mvc.Filters.IFilterMetadata";
    private const string AuthorizeFilter = "Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter";

    private readonly object _gate = new();
    private bool _scanned;
    private bool _namesMvc;
    private bool _addsAuthorizeFilter;
    private bool _removesFilters;

    /// <summary>
    /// Whether MVC may make endpoints of the compilation's controllers: always for a library (whatever hosts it may map
    /// them); for an executable, when it names a call that adds or maps MVC, or references a library built against MVC
    /// that may do it for it.
    /// </summary>
    public bool MayRouteControllers(CancellationToken cancellationToken)
    {
        if (compilation.Options.OutputKind is OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule || ReferencesLibraryBuiltOnMvc())
        {
            return true;
        }

        Scan(cancellationToken);
        return _namesMvc;
    }

    /// <summary>
    /// Whether a global <c>AuthorizeFilter</c> requires an authorized user for every controller action: a
    /// <c>new AuthorizeFilter()</c> (or with a policy, or a policy name) added to <c>MvcOptions.Filters</c> on every path
    /// of an options callback that a registration runs, itself called on every path of its body, in code that runs
    /// whenever the app starts (<see cref="StartupCode"/>); and no filter ever
    /// removed from such a collection anywhere in the compilation. It decides MVC-routed actions only: minimal APIs,
    /// hubs and components run no MVC filters.
    /// </summary>
    public bool AuthorizesEveryAction(CancellationToken cancellationToken)
    {
        Scan(cancellationToken);
        return _addsAuthorizeFilter && !_removesFilters;
    }

    private void Scan(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_scanned)
            {
                var calls = new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal);
                var registrations = new List<InvocationExpressionSyntax>();
                foreach (var node in compilation.SyntaxTrees.SelectMany(t => t.GetRoot(cancellationToken).DescendantNodes()))
                {
                    Visit(node, calls, registrations, cancellationToken);
                }

                // The registration must run whenever the app starts: a setup method never called, or called only where
                // the compiler leaves the call out ([Conditional]), adds no filter.
                var startup = new StartupCode(compilation, calls);
                _addsAuthorizeFilter = registrations.Any(r => startup.Runs(r, cancellationToken));
                _scanned = true;
            }
        }
    }

    /// <summary>Takes in one node; only an indexer write or a call whose name may matter is bound (a few per project).</summary>
    private void Visit(SyntaxNode node, Dictionary<string, List<InvocationExpressionSyntax>> calls, List<InvocationExpressionSyntax> registrations, CancellationToken cancellationToken)
    {
        if (node is ElementAccessExpressionSyntax { Parent: AssignmentExpressionSyntax assignment } element && assignment.Left == element)
        {
            _removesFilters |= IsFilterCollection(compilation.GetSemanticModel(node.SyntaxTree).GetTypeInfo(element.Expression, cancellationToken).Type);
            return;
        }

        if (node is not InvocationExpressionSyntax invocation)
        {
            return;
        }

        var name = NameOf(invocation.Expression);
        if (!calls.TryGetValue(name, out var named))
        {
            calls.Add(name, named = []);
        }

        named.Add(invocation);
        _namesMvc |= MvcCalls.Contains(name);
        var removes = Removals.Contains(name);
        if ((removes || name is "Add" or "Insert")
            && compilation.GetSemanticModel(node.SyntaxTree).GetOperation(invocation, cancellationToken) is IInvocationOperation operation
            && IsFilterCollection(ReceiverOf(operation)?.Type))
        {
            _removesFilters |= removes;
            if (!removes && IsMvcOptionsFilters(ReceiverOf(operation)) && AddsAuthorizeFilter(operation) && RegistrationRunning(invocation) is { } registration)
            {
                registrations.Add(registration);
            }
        }
    }

    private static IOperation? ReceiverOf(IInvocationOperation operation) =>
        operation.Instance ?? (operation.TargetMethod.IsExtensionMethod && operation.Arguments.Length > 0 ? operation.Arguments[0].Value.Unwrapped() : null);

    /// <summary><c>MvcOptions.Filters</c>, the global filters; a collection of another type's is not run for every action.</summary>
    private static bool IsMvcOptionsFilters(IOperation? receiver) =>
        receiver is IPropertyReferenceOperation { Property.Name: "Filters" } filters && filters.Property.ContainingType.ToDisplayString() == MvcOptions;

    /// <summary>A filter collection: <c>FilterCollection</c>, or any collection of <c>IFilterMetadata</c> it is seen as.</summary>
    private static bool IsFilterCollection(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == FilterCollection)
            {
                return true;
            }
        }

        return type is INamedTypeSymbol named
            && named.AllInterfaces.Add(named).Any(static i => i.TypeArguments.Length == 1 && i.TypeArguments[0].ToDisplayString() == FilterMetadata);
    }

    /// <summary>
    /// Whether the call adds an <c>AuthorizeFilter</c> that requires an authorized user: made without arguments (the
    /// default policy), with a policy name or with a policy (which may not be null). Made from a list of
    /// <c>IAuthorizeData</c>, it may require nothing: an empty list authorizes everyone.
    /// </summary>
    private static bool AddsAuthorizeFilter(IInvocationOperation operation) => operation.Arguments.Any(argument =>
        argument.Value.Unwrapped() is IObjectCreationOperation { Constructor: { } constructor } creation
        && constructor.ContainingType.ToDisplayString() == AuthorizeFilter
        && (constructor.Parameters.Length == 0
            || (constructor.Parameters.Length == 1
                && (constructor.Parameters[0].Type.SpecialType == SpecialType.System_String
                    || constructor.Parameters[0].Type.ToDisplayString() == "Microsoft.AspNetCore.Authorization.AuthorizationPolicy")
                && creation.Arguments[0].Value.Unwrapped() is not ILiteralOperation { ConstantValue: { HasValue: true, Value: null } })));

    /// <summary>
    /// The registration that runs <paramref name="add"/> whenever the options are built, when there is one: it is the body
    /// of an options callback (or a statement of it no <c>return</c> comes before, outside any branch), the callback is
    /// passed directly to a registration as its only argument (<c>AddControllers(o =&gt; ...)</c>,
    /// <c>Configure&lt;MvcOptions&gt;(o =&gt; ...)</c>; a named <c>Configure(name, ...)</c> configures options MVC does not
    /// read), and that registration is a statement of its body no <c>return</c> comes before, outside any branch.
    /// </summary>
    private static InvocationExpressionSyntax? RegistrationRunning(InvocationExpressionSyntax add)
    {
        var lambda = add.Parent switch
        {
            LambdaExpressionSyntax body when body.Body == add => body,
            ExpressionStatementSyntax { Parent: BlockSyntax { Parent: LambdaExpressionSyntax body } block } statement when NoReturnBefore(block.Statements, statement) => body,
            _ => null,
        };
        return lambda?.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax registration } }
            && OptionsRegistrations.Contains(NameOf(registration.Expression))
            && registration.ArgumentList.Arguments.Count == 1
            && IsUnconditionalStatement(registration)
            ? registration
            : null;
    }

    private static bool IsUnconditionalStatement(ExpressionSyntax expression)
    {
        SyntaxNode current = expression;
        while (current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer } access && access.Expression == current)
        {
            current = outer;
        }

        // The whole body of an expression-bodied method or local function (void ConfigureServices(...) => services.AddControllers(...)).
        if (current.Parent is ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax })
        {
            return true;
        }

        var statement = current.Parent switch
        {
            ExpressionStatementSyntax expressionStatement => (StatementSyntax)expressionStatement,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } } } => local,
            _ => null,
        };
        return statement?.Parent switch
        {
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } global =>
                NoReturnBefore(unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement), global.Statement),
            BlockSyntax { Parent: BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax } block => NoReturnBefore(block.Statements, statement),
            _ => false,
        };
    }

    private static bool NoReturnBefore(IEnumerable<StatementSyntax> statements, StatementSyntax statement) =>
        !statements.TakeWhile(s => s != statement).Any(static s => s.DescendantNodesAndSelf(static n => n is not (LambdaExpressionSyntax or LocalFunctionStatementSyntax or AnonymousMethodExpressionSyntax))
            .Any(static n => n is ReturnStatementSyntax or YieldStatementSyntax));

    private bool ReferencesLibraryBuiltOnMvc()
    {
        var mvc = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase")?.ContainingAssembly.Identity;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (IsFramework(assembly.Identity, mvc))
            {
                continue;
            }

            if (assembly.Modules.Any(m => m.ReferencedAssemblies.Any(static r => r.Name is MvcCore or "Microsoft.AspNetCore.Mvc")))
            {
                return true;
            }
        }

        return false;

        // The shared framework's own assemblies, versioned with MVC: none of them maps controllers on its own. Nor does
        // SessionAuth's runtime, which is built on MVC only to add its rule filter to the MVC an app sets up, nor
        // Microsoft.AspNetCore.OpenApi (a package the runtime depends on, versioned apart), which only reads ApiExplorer.
        static bool IsFramework(AssemblyIdentity identity, AssemblyIdentity? mvc) =>
            identity.Name.StartsWith("System.", StringComparison.Ordinal) || identity.Name is "System" or "mscorlib" or "netstandard" or "SessionAuth" or "Microsoft.AspNetCore.OpenApi"
            || identity.Name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
            || (identity.Name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) && mvc is not null && identity.Version == mvc.Version);
    }

    private static string NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => string.Empty,
    };
}
