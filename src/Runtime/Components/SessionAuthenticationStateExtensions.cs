using Microsoft.AspNetCore.Components.Authorization;
using SessionAuth.Authentication;

namespace SessionAuth;

/// <summary>
/// Session rules in component code: the same <see cref="ISessionRule{TSession}"/> types that guard endpoints, asked
/// about the session behind a Blazor <see cref="AuthenticationState"/>, called directly (no reflection).
/// </summary>
/// <remarks>
/// An interactive component that calls the app's logic itself passes no HTTP guard: it authorizes through
/// <c>AuthorizeView</c>, <c>[Authorize]</c> and these rules. The session is the one the identity was made from: the
/// request's in static rendering, the one that opened the circuit in an interactive Server component (it does not see
/// later <c>UpdateAsync</c> calls; revalidation signs the circuit out when the session ends). An identity that does not
/// come from a SessionAuth session — WebAssembly, whose authentication state carries claims only, or another scheme's —
/// has no session, and no rule allows it.
/// </remarks>
public static class SessionAuthenticationStateExtensions
{
    /// <summary>The session data behind <paramref name="state"/>'s identity, or <see langword="null"/> when it has none.</summary>
    /// <typeparam name="TSession">The app's session data type.</typeparam>
    /// <param name="state">The component's authentication state.</param>
    /// <returns>The session data, or <see langword="null"/> for an anonymous user or an identity not made from a session.</returns>
    public static TSession? GetSession<TSession>(this AuthenticationState state)
        where TSession : class
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var identity in state.User.Identities)
        {
            if (identity is SessionClaimsIdentity { SessionData: TSession session })
            {
                return session;
            }
        }

        // The app may have moved the session's claims into an identity of its own: each keeps the session it came from.
        foreach (var claim in state.User.Claims)
        {
            if (claim is SessionClaim { Origin.SessionData: TSession session })
            {
                return session;
            }
        }

        return null;
    }

    /// <summary>Whether the rule <typeparamref name="TRule"/> allows the session behind <paramref name="state"/>; <see langword="false"/> without one.</summary>
    /// <typeparam name="TRule">The rule, as named in <c>[RequireSession&lt;TRule&gt;]</c>.</typeparam>
    /// <typeparam name="TSession">The app's session data type, which the rule reads.</typeparam>
    /// <param name="state">The component's authentication state.</param>
    /// <returns><see langword="true"/> when there is a session and the rule allows it.</returns>
    public static bool Allows<TRule, TSession>(this AuthenticationState state)
        where TRule : ISessionRule<TSession>
        where TSession : class =>
        state.GetSession<TSession>() is { } session && TRule.Allows(session);

    /// <summary>Whether the two-argument rule <typeparamref name="TRule"/> allows the session behind <paramref name="state"/> with <paramref name="argument"/>; <see langword="false"/> without a session.</summary>
    /// <typeparam name="TRule">The rule, as named in <c>[RequireSession&lt;TRule&gt;(Argument = ...)]</c>.</typeparam>
    /// <typeparam name="TSession">The app's session data type, which the rule reads.</typeparam>
    /// <typeparam name="TArgument">The type of the argument the rule reads.</typeparam>
    /// <param name="state">The component's authentication state.</param>
    /// <param name="argument">The value to ask about, such as the house a component shows.</param>
    /// <returns><see langword="true"/> when there is a session and the rule allows it with <paramref name="argument"/>.</returns>
    public static bool Allows<TRule, TSession, TArgument>(this AuthenticationState state, TArgument argument)
        where TRule : ISessionRule<TSession, TArgument>
        where TSession : class =>
        state.GetSession<TSession>() is { } session && TRule.Allows(session, argument);
}
