using Microsoft.AspNetCore.Authorization;
using SessionAuth;

namespace QuickStart;

[SessionData]
public sealed record UserSession(int UserId, string Name);

public static class Account
{
    // POST /_server/Account/Login with form fields or a JSON object: { "name": "..." }
    [ServerFunction, AllowAnonymous]
    public static async Task<IResult> Login(string name, Session<UserSession> session)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return TypedResults.Redirect("/login");
        }

        await session.UpdateAsync(new UserSession(UserId: name.Length, Name: name.Trim()));
        return TypedResults.Redirect("/");
    }

    // No session: browsers are sent to /login?returnUrl=..., scripts get 401 with X-Session-Redirect.
    [ServerFunction, RequireSession]
    public static async Task<IResult> Logout(Session<UserSession> session)
    {
        await session.ClearAsync();
        return TypedResults.Redirect("/login");
    }

    [ServerFunction(Method = "GET"), RequireSession]
    public static string Whoami(UserSession user) => $"Signed in as {user.Name}";
}
