using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth.AttributeApp;

[SessionData]
public sealed record Member(int Id, string Name);

/// <summary>The trap from issue 16: a role check beside the session guard, which the endpoint once dropped.</summary>
public static class Staff
{
    [ServerFunction, RequireSession, Authorize(Roles = "Admin")]
    public static string Payroll(Member member) => $"payroll for {member.Name}";

    [ServerFunction, RequireSession, Authorize(Policy = AttributeAppHost.SlytherinsPolicy)]
    public static string CommonRoom(Member member) => $"common room for {member.Name}";

    /// <summary>A plain [Authorize] without [RequireSession]: the authorization middleware asks our scheme for a session.</summary>
    [ServerFunction, Authorize]
    public static string SignedIn(Member? member) => $"signed in as {member?.Name}";
}

/// <summary>A role asked by the class applies to each of its functions, nested classes' included.</summary>
[Authorize(Roles = "Admin")]
public static class Headmaster
{
    [ServerFunction]
    public static string Office(Member? member) => $"office of {member?.Name}";

    public static class Vault
    {
        [ServerFunction]
        public static string Open(Member? member) => $"vault opened by {member?.Name}";
    }
}

/// <summary>A guarded class with one function left open on purpose.</summary>
[RequireSession]
public static class Library
{
    [ServerFunction]
    public static string Restricted(Member member) => $"restricted section for {member.Name}";

    [ServerFunction, AllowAnonymous]
    public static string Catalogue() => "catalogue";
}

public static class Owlery
{
    [ServerFunction, AllowAnonymous, EnableRateLimiting(AttributeAppHost.TightLimit)]
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
