using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging;
using SessionAuth.Authentication;

namespace SessionAuth.Components;

/// <summary>
/// Blazor's authentication state on the server: the request's identity (the session, through the SessionAuth scheme)
/// for static rendering and for the circuit an interactive page opens; a circuit whose principal holds a session then
/// asks every <see cref="SessionAuthOptions.CircuitRevalidationInterval"/> whether that session still stands, and signs
/// out when not.
/// </summary>
/// <remarks>
/// A circuit keeps the principal of the request that opened it, as the app's claims transformation left it, for as long
/// as the page stays open, and makes no requests that a guard or the store would see: without revalidation, a session
/// ended by logout everywhere would stay signed in there. The framework's <see cref="RevalidatingServerAuthenticationStateProvider"/>
/// revalidates only a principal whose first identity is authenticated, and a transformation may put an identity of the
/// app's first while the session's roles stay in the principal; so the loop here starts for any principal that holds a
/// session anywhere: a session identity, or a session's claims the app moved into an identity of its own
/// (<see cref="SessionClaim"/> keeps its session through copies). An authenticated identity of the SessionAuth scheme
/// that names no session (a copy of one whose claims were not kept) fails: it cannot be asked about. Identities of other
/// schemes are not SessionAuth's to judge.
/// </remarks>
internal sealed class SessionAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private static readonly Task<AuthenticationState> SignedOut = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly ILogger _logger;
    private readonly TimeSpan _interval;
    private readonly IServerSessionMode _sessions;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _revalidation;

    public SessionAuthenticationStateProvider(ILoggerFactory loggerFactory, SessionAuthOptions options, IServerSessionMode sessions)
    {
        _logger = loggerFactory.CreateLogger("SessionAuth.Circuit");
        _interval = options.CircuitRevalidationInterval;
        _sessions = sessions;
        AuthenticationStateChanged += Revalidate;
    }

    /// <summary>Whether every session in <paramref name="state"/>'s principal still stands (and no SessionAuth identity lacks one).</summary>
    internal async Task<bool> ValidateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        var sessions = SessionsOf(state.User, out var unnamed);
        if (unnamed)
        {
            return false;
        }

        foreach (var origin in sessions)
        {
            if (!await _sessions.StillStandsAsync(origin.SessionData, origin.SessionId, origin.ExpiresAt).WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= Revalidate;
        lock (_gate)
        {
            _revalidation?.Cancel();
            _revalidation?.Dispose();
            _revalidation = null;
        }
    }

    /// <summary>The sessions behind <paramref name="principal"/>; <paramref name="unnamed"/> when an authenticated SessionAuth identity names none.</summary>
    private static HashSet<SessionClaimsIdentity> SessionsOf(ClaimsPrincipal principal, out bool unnamed)
    {
        var sessions = new HashSet<SessionClaimsIdentity>(ReferenceEqualityComparer.Instance);
        unnamed = false;
        foreach (var identity in principal.Identities)
        {
            if (identity is SessionClaimsIdentity session)
            {
                sessions.Add(session);
                continue;
            }

            var named = false;
            foreach (var claim in identity.Claims)
            {
                if (claim is SessionClaim { Origin: var origin })
                {
                    sessions.Add(origin);
                    named = true;
                }
            }

            unnamed |= !named && identity.IsAuthenticated && identity.AuthenticationType == SessionAuthDefaults.AuthenticationScheme;
        }

        return sessions;
    }

    // Every new state (the circuit's first, a sign-out) ends the loop of the one before it.
    private void Revalidate(Task<AuthenticationState> state)
    {
        CancellationToken stop;
        lock (_gate)
        {
            _revalidation?.Cancel();
            _revalidation?.Dispose();
            _revalidation = new CancellationTokenSource();
            stop = _revalidation.Token;
        }

        _ = RevalidateAsync(state, stop);
    }

    private async Task RevalidateAsync(Task<AuthenticationState> stateTask, CancellationToken stop)
    {
        try
        {
            var state = await stateTask.ConfigureAwait(false);
            var sessions = SessionsOf(state.User, out var unnamed);
            if (sessions.Count == 0 && !unnamed)
            {
                return;
            }

            while (true)
            {
                await Task.Delay(_interval, stop).ConfigureAwait(false);
                bool stands;
                try
                {
                    stands = await ValidateAsync(state, stop).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Fail closed: a session that cannot be checked does not stay signed in.
                    SessionAuthLog.CircuitRevalidationFailed(_logger, exception);
                    stands = false;
                }

                if (!stands)
                {
                    SetAuthenticationState(SignedOut);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A newer state, or the circuit ended.
        }
    }
}
