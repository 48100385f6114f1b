using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using SessionAuth.TestApp;

namespace SessionAuth.ShapesApp;

/// <summary>The generated MapServerFunctions() is internal to this assembly; the tests of SessionAuth.Tests reach it here.</summary>
public static class ShapesAppFunctions
{
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapServerFunctions();
}

/// <summary>A student's own house, or no house at all (then the endpoint shows the student's own): null is allowed.</summary>
public sealed class MaybeOwnHouse : ISessionRule<UserSession, House?>
{
    public static bool Allows(UserSession user, House? house) => house is null || OwnHouse.HouseOf(user) == house;
}

/// <summary>
/// An [Authorize(Roles)] nearer to the function than an [AllowAnonymous] on an outer class: the nearest decision is the
/// role check, as [RequireSession] on the inner class would be.
/// </summary>
[AllowAnonymous]
public static class R16Open
{
#pragma warning disable SAUTH0005 // The shape under test: the nearer [Authorize] overrides the outer [AllowAnonymous].
    [Authorize(Roles = "Admin")]
#pragma warning restore SAUTH0005
    public static class Vault
    {
        [ServerFunction]
        public static string Secret() => "the vault's secret";
    }

    /// <summary>The same with [RequireSession] on the inner class, for comparison: it is guarded.</summary>
    [RequireSession]
    public static class Guarded
    {
        [ServerFunction]
        public static string Secret() => "the guarded secret";
    }
}

/// <summary>The trap, in a class that is open by default: the method decides for itself.</summary>
[AllowAnonymous]
public static class R16Mixed
{
#pragma warning disable SAUTH0005 // The shape under test: the method's [Authorize] overrides its class's [AllowAnonymous].
    [ServerFunction, RequireSession, Authorize(Roles = "Admin")]
#pragma warning restore SAUTH0005
    public static string Payroll(UserSession user) => $"payroll for {user.Name}";

    [ServerFunction]
    public static string Catalogue() => "catalogue";
}

/// <summary>A function that takes a house from its JSON body, for rules a route group adds.</summary>
public static class R16Award
{
    [ServerFunction, RequireSession]
    public static string Award(House house, UserSession user) => $"{user.Name} awarded points to {house}";
}

/// <summary>
/// An abstract rule class: a valid type argument, and its static Allows is callable through the interface as any
/// rule's is (the interface's static members are implemented).
/// </summary>
public abstract class AbstractPrefect : ISessionRule<UserSession>
{
    public static bool Allows(UserSession user) => Prefect.Allows(user);
}

/// <summary>
/// The base of house pages: its rule reads the <c>House</c> route value, which every page derived from it in this project
/// names (<see cref="R16HousePage"/>). Razor components' endpoint metadata holds their inherited attributes.
/// </summary>
[RequireSession<OwnHouse>(Argument = "house")]
public abstract class R16HouseBase : Microsoft.AspNetCore.Components.ComponentBase
{
    [Microsoft.AspNetCore.Components.Parameter]
    public string House { get; set; } = string.Empty;
}

[Microsoft.AspNetCore.Components.Route("/r16/razor/houses/{house}")]
public sealed class R16HousePage : R16HouseBase
{
    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) =>
        builder.AddContent(0, $"the {House} house page");
}

/// <summary>The root of this assembly's pages: a router over them.</summary>
public sealed class R16PagesRoot : Microsoft.AspNetCore.Components.ComponentBase
{
    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        builder.OpenComponent<Microsoft.AspNetCore.Components.Routing.Router>(0);
        builder.AddComponentParameter(1, nameof(Microsoft.AspNetCore.Components.Routing.Router.AppAssembly), typeof(R16PagesRoot).Assembly);
        builder.AddComponentParameter(2, nameof(Microsoft.AspNetCore.Components.Routing.Router.Found), (Microsoft.AspNetCore.Components.RenderFragment<Microsoft.AspNetCore.Components.RouteData>)(routeData => page =>
        {
            page.OpenComponent<Microsoft.AspNetCore.Components.RouteView>(0);
            page.AddComponentParameter(1, nameof(Microsoft.AspNetCore.Components.RouteView.RouteData), routeData);
            page.CloseComponent();
        }));
        builder.CloseComponent();
    }
}

/// <summary>A rule with a bug: it throws for the user 'peeves'.</summary>
public sealed class Throws : ISessionRule<UserSession>
{
    public static bool Allows(UserSession user) => user.Name != "peeves" ? true : throw new InvalidOperationException("The rule failed.");
}

/// <summary>Functions guarded by a rule that throws: the body must never run.</summary>
public static class R16Throwing
{
    [ServerFunction, RequireSession<Throws>]
    public static string Guarded() => "ran the body";
}
