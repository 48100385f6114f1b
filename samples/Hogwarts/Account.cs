using Hogwarts.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SessionAuth;

namespace Hogwarts;

/// <summary>
/// Logging in and out: the seed's <c>login</c> and <c>logout</c>, as server functions posted to by plain HTML forms or
/// called from script through the generated client. Each ends as the seed's do, with <c>throw redirect(...)</c> (the
/// logouts deep in <see cref="SignOut"/>): a form post gets 303 to the page, a script 204 with <c>X-Server-Redirect</c>,
/// which the client follows.
/// </summary>
public static class Account
{
    /// <summary>Rate-limited by client address and by the user name tried (<see cref="LoginRateLimiting"/>).</summary>
    [ServerFunction, AllowAnonymous, EnableRateLimiting(LoginRateLimiting.PolicyName)]
    public static async Task Login(string username, string password, string? returnUrl, Session<UserSession> session, [FromServices] HogwartsDb db, CancellationToken cancellationToken)
    {
        var target = ReturnUrls.LocalOrDefault(returnUrl);
        var user = await db.VerifyAsync(username, password, cancellationToken)
            ?? throw new ServerRedirect($"/login?error=1&returnUrl={Uri.EscapeDataString(target)}");

        await session.UpdateAsync(new UserSession(user.Id, user.Name, user.House, user.IsPrefect));
        throw new ServerRedirect(target);
    }

    /// <summary>Posted by the students page's logout form, or called by its script when JavaScript runs: both end on the login page.</summary>
    [ServerFunction, RequireSession]
    public static Task Logout(Session<UserSession> session) => SignOut.ToLoginPageAsync(session);

    /// <summary>Ends every session of the user, in every browser: each is anonymous at its next request, and open interactive pages sign out.</summary>
    [ServerFunction, RequireSession]
    public static async Task LogoutEverywhere(UserSession user, IUserSessions sessions, Session<UserSession> session, CancellationToken cancellationToken)
    {
        await sessions.EndAllAsync(user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        await SignOut.ToLoginPageAsync(session);
    }

    /// <summary>
    /// The seed's <c>getUser</c> for the browser: what the page's script may see of the session (<see cref="UserView"/>),
    /// or <see langword="null"/> when nobody is logged in. session.js calls it to check the view the page was rendered with.
    /// </summary>
    [ServerFunction, AllowAnonymous]
    public static UserView? Me(UserSession? user) => user is null ? null : UserView.Of(user);
}

/// <summary>Ending a session, shared by both logouts: the redirect is thrown here, in a helper the server functions call.</summary>
internal static class SignOut
{
    public static async Task ToLoginPageAsync(Session<UserSession> session)
    {
        await session.ClearAsync();
        throw new ServerRedirect("/login");
    }
}
