using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SessionAuth.TestApp;

public static class Account
{
    public const string Password = "alohomora";

    [ServerFunction, AllowAnonymous]
    public static async Task<Results<Ok<UserSession>, ProblemHttpResult>> Login(string username, string password, Session<UserSession> session)
    {
        if (password != Password)
        {
            return TypedResults.Problem("Invalid login", statusCode: StatusCodes.Status400BadRequest);
        }

        var user = new UserSession(username.Length, username);
        await session.UpdateAsync(user);
        return TypedResults.Ok(user);
    }

    /// <summary>A browser login form's target: back to where the user came from, if that is on this site.</summary>
    [ServerFunction, AllowAnonymous]
    public static async Task<IResult> SignIn(string username, string? returnUrl, Session<UserSession> session)
    {
        await session.UpdateAsync(new UserSession(username.Length, username));
        return TypedResults.Redirect(ReturnUrls.LocalOrDefault(returnUrl));
    }

    [ServerFunction]
    [RequireSession]
    public static Task Logout(Session<UserSession> session) => session.ClearAsync();

    /// <summary>A privilege change that is not a change of user (a password re-check): a new session id, the same data.</summary>
    [ServerFunction]
    [RequireSession]
    public static Task Renew(Session<UserSession> session) => session.RenewAsync();

    /// <summary>Ends every session of the signed-in user on every instance; needs the server store with a user id.</summary>
    [ServerFunction]
    [RequireSession]
    public static Task LogoutEverywhere(UserSession user, [Microsoft.AspNetCore.Mvc.FromServices] IUserSessions sessions) =>
        sessions.EndAllAsync(user.UserId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Changes the session data without a new login: the same session, written again.</summary>
    [ServerFunction]
    [RequireSession]
    public static Task Rename(string name, Session<UserSession> session) => session.UpdateAsync(session.Data! with { Name = name });

    [ServerFunction]
    [RequireSession]
    public static SessionInfo Me(UserSession user, Session<UserSession> session) => new(user.UserId, user.Name, session.Id, session.CreatedAt);

    public sealed record SessionInfo(int UserId, string Name, string SessionId, DateTimeOffset CreatedAt);

    /// <summary>The identity of the session data object this request was given, to show which requests share one.</summary>
    [ServerFunction(Method = "GET")]
    [RequireSession]
    public static int DataIdentity(UserSession user) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(user);
}

[RequireSession]
public static class Students
{
    [ServerFunction("/api/students/{house}", Method = "GET")]
    public static IEnumerable<Student> ByHouse(House house, IStudentDirectory directory, int? take) =>
        directory.All.Where(s => s.House == house).Take(take ?? int.MaxValue);

    [ServerFunction]
    public static Student Enroll(string name, House house, int year = 1) => new(name, house, year);

    [ServerFunction]
    public static async ValueTask<string> AdoptOwl(Owl owl, UserSession user, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return $"{user.Name} adopted {owl.Name}, a {owl.Colour} owl";
    }

    [ServerFunction]
    [AllowAnonymous]
    public static int Count(IStudentDirectory directory) => directory.All.Count;

    [ServerFunction(Method = "GET")]
    [AllowAnonymous]
    [PreloadSession]
    public static bool Preloaded(HttpContext context) => context.Features.Get<Session>() is not null;
}

public static class Admin
{
    [ServerFunction(Method = "GET")]
    [RequireSession(RedirectTo = "/admin/login")]
    public static string Secret() => "the chamber is open";
}

public sealed class Greetings(Greeter greeter)
{
    [ServerFunction(Method = "GET"), AllowAnonymous]
    public string Hello(string name, UserSession? user) => $"{greeter.Greeting}, {name}{(user is null ? string.Empty : $" (signed in as {user.Name})")}";

    /// <summary>An instance function whose parameter binds itself with its ParameterInfo, beside TryParse structs and an int?[].</summary>
    [ServerFunction("/binding/self", Method = "GET"), AllowAnonymous]
    public string Describe(Ticket ticket, Isbn? isbn, Isbn required, int?[] ids) =>
        $"{greeter.Greeting}:{ticket}|{(isbn is { } value ? value.ToString() : "null")}|{required}|{string.Join(',', ids.Select(static id => id?.ToString(CultureInfo.InvariantCulture) ?? "null"))}";
}

/// <summary>Binds its arguments from the body and says what it read: the target of the hostile body tests.</summary>
public static class Bodies
{
    [ServerFunction, AllowAnonymous]
    public static string Echo(string name, int year = 1) => $"{name} ({year.ToString(CultureInfo.InvariantCulture)})";
}

/// <summary>Returns a value of a type derived from the one it declares: written as what it is, as minimal APIs write it.</summary>
public static class Familiars
{
    [ServerFunction(Method = "GET"), AllowAnonymous]
    public static Creature Fawkes() => new Phoenix { Name = "Fawkes", Element = "fire" };

    [ServerFunction(Method = "GET"), AllowAnonymous]
    public static async Task<Creature> FawkesLater()
    {
        await Task.Yield();
        return new Phoenix { Name = "Fawkes", Element = "fire" };
    }

    [ServerFunction(Method = "GET"), AllowAnonymous]
    public static Creature Plain() => new() { Name = "Crookshanks" };
}

public class Creature
{
    public string Name { get; init; } = string.Empty;
}

public sealed class Phoenix : Creature
{
    public string Element { get; init; } = string.Empty;
}

public static class Undecided
{
#pragma warning disable SAUTH0001 // No decision of its own, on purpose: ServerFunctionGroupGuardHttpTests shows that MapServerFunctions().RequireSession() guards it and that it is open without.
    [ServerFunction]
    public static string Report() => "undecided report";
#pragma warning restore SAUTH0001
}
