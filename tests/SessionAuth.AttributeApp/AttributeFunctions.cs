using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using SessionAuth.TestApp;

namespace SessionAuth.AttributeApp;

/// <summary>
/// Maps this assembly's server functions. They expect the identity app of SessionAuth.Tests: claims with an Admin role
/// and a house, the policy <see cref="SlytherinsPolicy"/> and the rate limiter policy <see cref="PerUserLimit"/>.
/// </summary>
public static class AttributeFunctions
{
    public const string SlytherinsPolicy = "Slytherins";
    public const string PerUserLimit = "per-user";

    /// <summary>The generated MapServerFunctions() is internal to this assembly; tests reach it here.</summary>
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapServerFunctions();
}

/// <summary>The trap from issue 16: a role check beside the session guard, which the endpoint once dropped.</summary>
public static class Staff
{
    [ServerFunction, RequireSession, Authorize(Roles = "Admin")]
    public static string Payroll(UserSession user) => $"payroll for {user.Name}";

    [ServerFunction, RequireSession, Authorize(Policy = AttributeFunctions.SlytherinsPolicy)]
    public static string CommonRoom(UserSession user) => $"common room for {user.Name}";

    /// <summary>A plain [Authorize] without [RequireSession]: the authorization middleware asks our scheme for a session.</summary>
    [ServerFunction, Authorize]
    public static string SignedIn(UserSession? user) => $"signed in as {user?.Name}";
}

/// <summary>The trap through inheritance: the role check sits on a base class of the functions' class.</summary>
[Authorize(Roles = "Admin")]
public abstract class AdminBase;

public sealed class Admin : AdminBase
{
    /// <summary>Decided by the base class's [Authorize] alone.</summary>
    [ServerFunction]
    public static string Ledger(UserSession? user) => $"ledger for {user?.Name}";

    /// <summary>The trap's combination, with the role on the base class.</summary>
    [ServerFunction, RequireSession]
    public static string Payroll(UserSession user) => $"payroll for {user.Name}";
}

/// <summary>A role asked by the class applies to each of its functions, nested classes' included.</summary>
[Authorize(Roles = "Admin")]
public static class Headmaster
{
    [ServerFunction]
    public static string Office(UserSession? user) => $"office of {user?.Name}";

    public static class Vault
    {
        [ServerFunction]
        public static string Open(UserSession? user) => $"vault opened by {user?.Name}";
    }
}

/// <summary>A guarded class with one function left open on purpose.</summary>
[RequireSession]
public static class Library
{
    [ServerFunction]
    public static string Restricted(UserSession user) => $"restricted section for {user.Name}";

    [ServerFunction, AllowAnonymous]
    public static string Catalogue() => "catalogue";
}

public static class Owlery
{
    [ServerFunction, AllowAnonymous, EnableRateLimiting(AttributeFunctions.PerUserLimit)]
    public static string Send() => "sent";

    [ServerFunction, AllowAnonymous]
    public static string Unlimited() => "unlimited";

    /// <summary>Routing applies <c>IRequestSizeLimitMetadata</c> to the request before the body is read.</summary>
    [ServerFunction, AllowAnonymous, Microsoft.AspNetCore.Mvc.RequestSizeLimit(64)]
    public static int Weigh(string parcel) => parcel.Length;

    [ServerFunction(Method = "GET"), AllowAnonymous]
    [Tags("owls", "post"), EndpointName("CountOwls"), EndpointSummary("How many owls are in the owlery")]
    public static int Count() => 12;
}

public enum Wand
{
    Holly = 1,
    Elder = 2,
}

[Flags]
public enum Charms
{
    None = 0,
    Lumos = 1,
    Nox = 2,
}

/// <summary>An attribute with every kind of value an attribute can hold, each kept, so that two instances compare by them.</summary>
[AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
public sealed class RichAttribute : Attribute
{
    public RichAttribute()
    {
    }

    public RichAttribute(object? value) => Value = value;

    public RichAttribute(string? text, params int[] numbers) => (Value, Numbers) = (text, numbers);

    public RichAttribute(Type type, Wand wand) => (Kind, Wand) = (type, wand);

    public object? Value { get; set; }

    public int[]? Numbers { get; set; }

    public Type? Kind { get; set; }

#pragma warning disable CA1051 // A public field, because an attribute's named arguments can set fields too.
    public string?[]? Names;
#pragma warning restore CA1051

    public Wand Wand { get; set; }

    public Charms Charms { get; set; }

    public object?[]? Mixed { get; set; }

    public long Big { get; set; }

    public char Letter { get; set; }
}

[Rich("class", 1)]
public static class Ollivanders
{
    [ServerFunction, AllowAnonymous]
    [Rich((short)7), Rich((object?)null), Rich(null), Rich("text", 1, 2, 3)]
    [Rich(typeof(List<>), Wand.Elder)]
    [Rich(Kind = typeof(Dictionary<string, int[]>), Names = new[] { "a", null }, Charms = Charms.Lumos | Charms.Nox, Wand = (Wand)3)]
    [Rich(Mixed = new object?[] { 1, "x", Wand.Holly, typeof(int), null, (byte)2, new int[0], 'c', 1.5f, 2L }, Big = long.MinValue, Letter = '\'')]
    public static int Sell() => 1;
}

/// <summary>
/// A house bound under another name (<c>[FromQuery(Name = "h")]</c>): a rule a route group adds over <c>house</c> would
/// judge the request's <c>house</c> while the function acts on <c>h</c>, so such a group refuses the start (RuleArgumentSourceTests).
/// </summary>
public static class RenamedHouse
{
    [ServerFunction(Method = "GET"), RequireSession]
    public static string Notices([Microsoft.AspNetCore.Mvc.FromQuery(Name = "h")] House? house, UserSession user) => house is null ? $"{user.Name}'s notices" : $"{house} notices";
}
