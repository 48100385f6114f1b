using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;

namespace SessionAuth.TestApp;

/// <summary>Prefects may award points: percy and tom (who is expelled).</summary>
public sealed class Prefect : ISessionRule<UserSession>
{
    public static bool Allows(UserSession user) => user.Name is "percy" or "tom";
}

/// <summary>Everyone but tom is still at school.</summary>
public sealed class NotExpelled : ISessionRule<UserSession>
{
    public static bool Allows(UserSession user) => user.Name != "tom";
}

/// <summary>Each student may enter their own house's common room: draco Slytherin's, luna Ravenclaw's, everyone else Gryffindor's.</summary>
public sealed class OwnHouse : ISessionRule<UserSession, House>
{
    public static bool Allows(UserSession user, House house) => HouseOf(user) == house;

    public static House HouseOf(UserSession user) => user.Name switch
    {
        "draco" => House.Slytherin,
        "luna" => House.Ravenclaw,
        _ => House.Gryffindor,
    };
}

/// <summary>A generic rule: both rules hold. Answers name it "Both", as the generator does, not by its arity.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "A rule's Allows is static by the interface's contract.")]
public sealed class Both<TFirst, TSecond> : ISessionRule<UserSession>
    where TFirst : ISessionRule<UserSession>
    where TSecond : ISessionRule<UserSession>
{
    public static bool Allows(UserSession user) => TFirst.Allows(user) && TSecond.Allows(user);
}

/// <summary>A student's own house, where the house may be left out: no house is nobody's.</summary>
public sealed class OwnHouseIfAny : ISessionRule<UserSession, House?>
{
    public static bool Allows(UserSession user, House? house) => house is { } given && OwnHouse.Allows(user, given);
}

/// <summary>Server functions guarded by rules: a class rule and a method rule must both hold.</summary>
[RequireSession<NotExpelled>]
public static class RuleFunctions
{
    [ServerFunction, RequireSession<Prefect>]
    public static string AwardPoints(House house, int points, UserSession user) => $"{user.Name} awarded {points} points to {house}";

    [ServerFunction("/rules/functions/houses/{house}/common-room", Method = "GET"), RequireSession<OwnHouse>(Argument = nameof(house))]
    public static string CommonRoom(House house, UserSession user) => $"{user.Name} in the {house} common room";

    // Names the generic rule, so this project's generator registers it for the minimal API that uses it too.
    [ServerFunction("/rules/functions/both", Method = "GET"), RequireSession<Both<Prefect, NotExpelled>>]
    public static string BothRules() => "both";

    [ServerFunction("/rules/functions/prefects-lounge", Method = "GET"), RequireSession<Prefect>(RedirectTo = "/prefects/sign-in")]
    public static string PrefectsLounge() => "the prefects' lounge";
}

/// <summary>A rule on a base class: the server functions of the classes derived from it are held to it.</summary>
[RequireSession<Prefect>]
public abstract class PrefectsOnly;

/// <summary>Its functions also carry the rule of the class they are declared in: both must hold.</summary>
[RequireSession<NotExpelled>]
public sealed class PrefectsCorridor : PrefectsOnly
{
    [ServerFunction("/rules/functions/corridor", Method = "GET")]
    public static string Patrol(UserSession user) => $"{user.Name} patrols the corridor";
}

/// <summary>A routable page only prefects may see.</summary>
[Route("/rules/razor/prefects")]
[RequireSession<Prefect>]
public sealed class PrefectsPage : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "prefects' page");
}

/// <summary>
/// A routable page for a house's own students: the rule reads the route value as a <see cref="House"/> (the router
/// gives the page its text; it converts no enums).
/// </summary>
[Route("/rules/razor/houses/{house}")]
[RequireSession<OwnHouse>(Argument = "house")]
public sealed class CommonRoomPage : ComponentBase
{
    [Parameter]
    public string House { get; set; } = string.Empty;

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"the {House} common room page");
}

/// <summary>
/// A page Blazor renders for an access-denied path: an enhanced navigation redirected here is patched in place, where a
/// page of another kind is loaded by blazor.web.js itself.
/// </summary>
[Route("/access-denied")]
[AllowAnonymous]
public sealed class AccessDeniedPage : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "access denied");
}

/// <summary>A login page Blazor renders, optionally with the return URL as a route value.</summary>
[Route("/sign-in/{returnTo?}")]
[AllowAnonymous]
public sealed class SignInPage : ComponentBase
{
    [Parameter]
    public string? ReturnTo { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "sign in");
}

/// <summary>The root of the rule pages: a router over this assembly's pages.</summary>
public sealed class RulePagesRoot : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<Router>(0);
        builder.AddComponentParameter(1, nameof(Router.AppAssembly), typeof(RulePagesRoot).Assembly);
        builder.AddComponentParameter(2, nameof(Router.Found), (RenderFragment<RouteData>)(routeData => page =>
        {
            page.OpenComponent<RouteView>(0);
            page.AddComponentParameter(1, nameof(RouteView.RouteData), routeData);
            page.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
