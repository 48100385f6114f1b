using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>The symbols the analyzers look for, resolved once per compilation in a compilation-start action.</summary>
internal sealed class AnalyzerSymbols
{
    private AnalyzerSymbols(Compilation compilation)
    {
        Known = new KnownTypes(compilation);
        ServerFunction = compilation.GetTypeByMetadataName(KnownTypeNames.ServerFunctionAttribute);
        AuthorizeData = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAuthorizeData");
        EndpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        EndpointConventionBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IEndpointConventionBuilder");
        Hub = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.Hub");
        RequestDelegate = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.RequestDelegate");
        Delegate = compilation.GetSpecialType(SpecialType.System_Delegate);
        Disposable = compilation.GetSpecialType(SpecialType.System_IDisposable);
        ControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        NonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        SessionAuthOptions = compilation.GetTypeByMetadataName("SessionAuth.SessionAuthOptions");
        RouteTemplateProvider = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider");
        AuthorizationOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.AuthorizationOptions");
        AuthorizationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.AuthorizationBuilder");
        Component = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Components.IComponent");
        ComponentRoute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Components.RouteAttribute");
        ComponentParameter = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Components.ParameterAttribute");
        SupplyParameterFromQuery = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Components.SupplyParameterFromQueryAttribute");
        ModelNameProvider = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ModelBinding.IModelNameProvider");
        MvcBind = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.BindAttribute");
        BinderTypeProvider = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ModelBinding.IBinderTypeProviderMetadata");
        BindingBehaviorAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ModelBinding.BindingBehaviorAttribute");
        BindNever = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ModelBinding.BindNeverAttribute");
        PageModelAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageModelAttribute");
        RazorPage = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageBase");
    }

    public KnownTypes Known { get; }

    public INamedTypeSymbol? ServerFunction { get; }

    public INamedTypeSymbol? AuthorizeData { get; }

    public INamedTypeSymbol? EndpointRouteBuilder { get; }

    public INamedTypeSymbol? EndpointConventionBuilder { get; }

    public INamedTypeSymbol? Hub { get; }

    public INamedTypeSymbol? RequestDelegate { get; }

    public INamedTypeSymbol Delegate { get; }

    public INamedTypeSymbol Disposable { get; }

    public INamedTypeSymbol? ControllerAttribute { get; }

    public INamedTypeSymbol? NonControllerAttribute { get; }

    public INamedTypeSymbol? NonActionAttribute { get; }

    public INamedTypeSymbol? SessionAuthOptions { get; }

    public INamedTypeSymbol? RouteTemplateProvider { get; }

    public INamedTypeSymbol? AuthorizationOptions { get; }

    public INamedTypeSymbol? AuthorizationBuilder { get; }

    public INamedTypeSymbol? Component { get; }

    /// <summary>Razor components' <c>[Route]</c> (<c>@page</c>), not MVC's.</summary>
    public INamedTypeSymbol? ComponentRoute { get; }

    public INamedTypeSymbol? ComponentParameter { get; }

    public INamedTypeSymbol? SupplyParameterFromQuery { get; }

    /// <summary>MVC's <c>IModelNameProvider</c>: <c>[ModelBinder(Name = ...)]</c> and the <c>[From*]</c> attributes name the value they bind.</summary>
    public INamedTypeSymbol? ModelNameProvider { get; }

    /// <summary>MVC's <c>[Bind]</c>, whose <c>Prefix</c> renames the value.</summary>
    public INamedTypeSymbol? MvcBind { get; }

    /// <summary>MVC's <c>IBinderTypeProviderMetadata</c>: <c>[ModelBinder(typeof(...))]</c> names the model binder that binds the value.</summary>
    public INamedTypeSymbol? BinderTypeProvider { get; }

    /// <summary>MVC's <c>BindingBehaviorAttribute</c>, the base of <c>[BindNever]</c> and <c>[BindRequired]</c>.</summary>
    public INamedTypeSymbol? BindingBehaviorAttribute { get; }

    /// <summary>MVC's <c>[BindNever]</c>: a parameter it marks is not bound (.NET 10 allows it on a parameter).</summary>
    public INamedTypeSymbol? BindNever { get; }

    /// <summary>Razor Pages' <c>[PageModel]</c>, on <c>PageModel</c>: a page whose model type carries it is handled by that type.</summary>
    public INamedTypeSymbol? PageModelAttribute { get; }

    /// <summary>Razor Pages' <c>PageBase</c>, the base of every compiled <c>.cshtml</c> page.</summary>
    public INamedTypeSymbol? RazorPage { get; }

    public static AnalyzerSymbols Create(Compilation compilation) => new(compilation);

    /// <summary>[RequireSession], or any attribute ASP.NET Core reads as an authorization decision.</summary>
    public bool IsGuardDecision(AttributeData attribute) => GuardDecision.IsEndpointDecision(attribute, Known);

    public bool HasGuardDecision(ISymbol symbol) => symbol.GetAttributes().Any(IsGuardDecision);

    /// <summary>Whether a class attribute applies to server functions: the class declares one, or a class nested in it does.</summary>
    public bool DeclaresServerFunction(INamedTypeSymbol type) =>
        type.GetMembers().Any(m => m is IMethodSymbol method && IsServerFunction(method, out _))
        || type.GetTypeMembers().Any(DeclaresServerFunction);

    public bool IsServerFunction(IMethodSymbol method, [NotNullWhen(true)] out AttributeData? attribute)
    {
        attribute = method.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, ServerFunction));
        return attribute is not null;
    }
}
