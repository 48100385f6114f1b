using Hogwarts.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using SessionAuth;

namespace Hogwarts;

/// <summary>
/// Logging in and out: the seed's <c>login</c> and <c>logout</c>, as server functions posted to by plain HTML forms or
/// called from script. Each ends as the seed's do, with <c>throw redirect(...)</c>: a form post gets 303 to the page, a
/// script 204 with <c>X-Server-Redirect</c>.
/// </summary>
public static class Account
{
    /// <summary>Rate-limited by client address and by the user name tried (<see cref="LoginRateLimiting"/>).</summary>
    [ServerFunction, AllowAnonymous, EnableRateLimiting(LoginRateLimiting.PolicyName)]
    public static async Task Login(string username, string password, string? returnUrl, Session<UserSession> session, HogwartsDb db, CancellationToken cancellationToken)
    {
        var target = ReturnUrls.LocalOrDefault(returnUrl);
        var user = await db.VerifyAsync(username, password, cancellationToken)
            ?? throw new ServerRedirect($"/login?error=1&returnUrl={Uri.EscapeDataString(target)}");

        await session.UpdateAsync(new UserSession(user.Id, user.Name, user.House, user.IsPrefect));
        throw new ServerRedirect(target);
    }

    [ServerFunction, RequireSession]
    public static async Task Logout(Session<UserSession> session)
    {
        await session.ClearAsync();
        throw new ServerRedirect("/login");
    }

    /// <summary>Ends every session of the user, in every browser: each is anonymous at its next request, and open interactive pages sign out.</summary>
    [ServerFunction, RequireSession]
    public static async Task LogoutEverywhere(UserSession user, IUserSessions sessions, Session<UserSession> session, CancellationToken cancellationToken)
    {
        await sessions.EndAllAsync(user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        await session.ClearAsync();
        throw new ServerRedirect("/login");
    }
}
