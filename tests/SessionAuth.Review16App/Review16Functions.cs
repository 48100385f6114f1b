using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using SessionAuth.TestApp;

namespace SessionAuth.Review16App;

/// <summary>The generated MapServerFunctions() is internal to this assembly; the Review16 tests reach it here.</summary>
public static class Review16Functions
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
    [Authorize(Roles = "Admin")]
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
    [ServerFunction, RequireSession, Authorize(Roles = "Admin")]
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
