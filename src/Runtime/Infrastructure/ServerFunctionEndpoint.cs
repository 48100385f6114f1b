using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace SessionAuth.Infrastructure;

/// <summary>
/// Builds the request delegate of a generated server function. Every function takes the same steps, in this order:
/// the cross-site check for verbs that change state, the session guard (or a plain session read), reading the raw
/// arguments, and then the function's own body, which binds its parameters, calls the method and writes the result;
/// a redirect the function made, thrown or returned, is then answered in the caller's terms.
/// </summary>
/// <remarks>
/// <para>Used by generated server functions; not meant to be called directly.</para>
/// <para>
/// The steps live here rather than in each generated endpoint so that a function compiles to one small synchronous
/// lambda: thousands of server functions then cost the compiler no async state machine each, and every function
/// runs the guard through this one piece of code.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ServerFunctionEndpoint
{
    /// <summary>An endpoint that reads no session.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="steps">The checks and reads that run before <paramref name="body"/>.</param>
    /// <param name="body">Binds the parameters, calls the method and writes the result.</param>
    /// <returns>The endpoint's request delegate.</returns>
    public static RequestDelegate Public(IServiceProvider services, ServerFunctionSteps steps, Func<HttpContext, ServerFunctionArguments, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Build<Session>(services, steps, readSession: null, guard: null, (httpContext, arguments, _) => body(httpContext, arguments));
    }

    /// <summary>An endpoint that reads the session, typed, and runs whether or not there is one.</summary>
    /// <typeparam name="TSession">The session data type.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <param name="steps">The checks and reads that run before <paramref name="body"/>.</param>
    /// <param name="body">Binds the parameters, calls the method and writes the result.</param>
    /// <returns>The endpoint's request delegate.</returns>
    public static RequestDelegate WithSession<TSession>(IServiceProvider services, ServerFunctionSteps steps, Func<HttpContext, ServerFunctionArguments, Session<TSession>, Task> body)
        where TSession : class
    {
        ArgumentNullException.ThrowIfNull(body);
        var sessions = ServerFunctionServices.GetSessionManager<TSession>(services);
        return Build(services, steps, sessions.GetSessionAsync, guard: null, (httpContext, arguments, session) => body(httpContext, arguments, session!));
    }

    /// <summary>An endpoint that reads the session, untyped, and runs whether or not there is one.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="steps">The checks and reads that run before <paramref name="body"/>.</param>
    /// <param name="body">Binds the parameters, calls the method and writes the result.</param>
    /// <returns>The endpoint's request delegate.</returns>
    public static RequestDelegate WithSession(IServiceProvider services, ServerFunctionSteps steps, Func<HttpContext, ServerFunctionArguments, Session, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var sessions = ServerFunctionServices.GetSessionManager(services);
        return Build(services, steps, sessions.GetSessionAsync, guard: null, (httpContext, arguments, session) => body(httpContext, arguments, session!));
    }

    /// <summary>
    /// An endpoint that requires a session with data of type <typeparamref name="TSession"/>: without one the request is
    /// answered by the session guard (redirect, 401, or 503 when the store is down) and <paramref name="body"/> never runs.
    /// </summary>
    /// <typeparam name="TSession">The session data type.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <param name="steps">The checks and reads that run before <paramref name="body"/>.</param>
    /// <param name="redirectTo">The endpoint's login path, or <see langword="null"/> for <see cref="SessionAuthOptions.LoginPath"/>.</param>
    /// <param name="body">Binds the parameters, calls the method and writes the result; gets the session and its data.</param>
    /// <returns>The endpoint's request delegate.</returns>
    public static RequestDelegate RequireSession<TSession>(IServiceProvider services, ServerFunctionSteps steps, string? redirectTo, Func<HttpContext, ServerFunctionArguments, Session<TSession>, TSession, Task> body)
        where TSession : class
    {
        ArgumentNullException.ThrowIfNull(body);
        var sessions = ServerFunctionServices.GetSessionManager<TSession>(services);
        var guard = SessionGuard.Create(services, redirectTo);

        // The guard admits only an authenticated session, and an authenticated Session<T> always has its data.
        return Build(services, steps, sessions.GetSessionAsync, guard, (httpContext, arguments, session) => body(httpContext, arguments, session!, session!.Data!));
    }

    /// <summary>
    /// An endpoint that requires a session with data of type <typeparamref name="TSession"/> for which the function's
    /// rules hold: without a session the request is answered by the session guard (redirect, 401, or 503 when the store
    /// is down); with one that <paramref name="rules"/> refuses, by the forbidden answer (403 problem+json naming the rule
    /// for scripts, a redirect to <see cref="SessionAuthOptions.AccessDeniedPath"/> or a plain 403 for navigations).
    /// Either way <paramref name="body"/> never runs.
    /// </summary>
    /// <typeparam name="TSession">The session data type.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <param name="steps">The checks and reads that run before <paramref name="body"/>.</param>
    /// <param name="redirectTo">The endpoint's login path, or <see langword="null"/> for <see cref="SessionAuthOptions.LoginPath"/>.</param>
    /// <param name="rules">
    /// Asks the rules that read the session alone, before any argument is read: <see langword="null"/> when all hold,
    /// else the name of the rule that refused. <see langword="null"/> when the function has only rules over its
    /// arguments, which its body asks once they are bound (<see cref="RefuseAsync"/>).
    /// </param>
    /// <param name="body">Binds the parameters, calls the method and writes the result; gets the session and its data.</param>
    /// <returns>The endpoint's request delegate.</returns>
    public static RequestDelegate RequireSession<TSession>(
        IServiceProvider services,
        ServerFunctionSteps steps,
        string? redirectTo,
        Func<TSession, string?>? rules,
        Func<HttpContext, ServerFunctionArguments, Session<TSession>, TSession, Task> body)
        where TSession : class
    {
        ArgumentNullException.ThrowIfNull(body);
        var sessions = ServerFunctionServices.GetSessionManager<TSession>(services);
        var guard = SessionGuard.Create(services, redirectTo);
        Func<Session<TSession>, string?>? refuse = rules is null ? null : session => rules(session.Data!);
        return Build(services, steps, sessions.GetSessionAsync, guard, (httpContext, arguments, session) => body(httpContext, arguments, session!, session!.Data!), refuse);
    }

    /// <summary>
    /// Answers a request whose session a rule over a bound argument refused: 403 problem+json naming the rule for
    /// scripts; for navigations a redirect to <see cref="SessionAuthOptions.AccessDeniedPath"/> when it is set, else a
    /// plain 403. Counted as <c>forbidden</c> in <c>sessionauth.request.denied</c>.
    /// </summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="refusedBy">The name of the rule that refused.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public static Task RefuseAsync(HttpContext httpContext, string refusedBy)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return SessionAuthServices.GetRequired<SessionGuardFactory>(httpContext.RequestServices, "A server function's session rule").Default.ForbidAsync(httpContext, refusedBy);
    }

    /// <summary>
    /// An endpoint that requires a session, whatever its data type: without one the request is answered by the session
    /// guard (redirect, 401, or 503 when the store is down) and <paramref name="body"/> never runs.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="steps">The checks and reads that run before <paramref name="body"/>.</param>
    /// <param name="redirectTo">The endpoint's login path, or <see langword="null"/> for <see cref="SessionAuthOptions.LoginPath"/>.</param>
    /// <param name="body">Binds the parameters, calls the method and writes the result; gets the session.</param>
    /// <returns>The endpoint's request delegate.</returns>
    public static RequestDelegate RequireSession(IServiceProvider services, ServerFunctionSteps steps, string? redirectTo, Func<HttpContext, ServerFunctionArguments, Session, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var sessions = ServerFunctionServices.GetSessionManager(services);
        var guard = SessionGuard.Create(services, redirectTo);
        return Build(services, steps, sessions.GetSessionAsync, guard, (httpContext, arguments, session) => body(httpContext, arguments, session!));
    }

    private static RequestDelegate Build<TSession>(
        IServiceProvider services,
        ServerFunctionSteps steps,
        Func<HttpContext, ValueTask<TSession>>? readSession,
        SessionGuard? guard,
        Func<HttpContext, ServerFunctionArguments, TSession?, Task> body,
        Func<TSession, string?>? rules = null)
        where TSession : Session
    {
        ArgumentNullException.ThrowIfNull(services);
        var crossSiteGuard = (steps & ServerFunctionSteps.RefuseCrossSite) != 0 ? CrossSiteGuard.Create(services) : null;
        var bodyIsValue = (steps & ServerFunctionSteps.ReadBodyAsValue) != 0;
        var readsBody = bodyIsValue || (steps & ServerFunctionSteps.ReadBody) != 0;
        var readsArguments = readsBody || (steps & ServerFunctionSteps.ReadArguments) != 0;

        RequestDelegate run = async httpContext =>
        {
            if (crossSiteGuard is not null && !crossSiteGuard.Allows(httpContext) && !await crossSiteGuard.AllowsThroughCorsAsync(httpContext).ConfigureAwait(false))
            {
                await crossSiteGuard.RefuseAsync(httpContext).ConfigureAwait(false);
                return;
            }

            TSession? session = null;
            if (readSession is not null)
            {
                // The answer depends on who asks, whether or not anyone is signed in: never one for the output cache.
                PersonalisedResponse.KeepOutOfOutputCache(httpContext);
                session = await readSession(httpContext).ConfigureAwait(false);
            }

            if (guard is not null)
            {
                if (session is not { IsAuthenticated: true })
                {
                    await guard.DenyAsync(httpContext).ConfigureAwait(false);
                    return;
                }

                string? refusedBy;
                try
                {
                    refusedBy = rules?.Invoke(session);
                }
                catch (Exception exception) when (ServerFunctionRedirects.Find(exception) is { } redirect)
                {
                    // A rule over the session alone runs here, before the body; one over an argument runs in the body. A
                    // redirect from either is the function's.
                    ServerFunctionRedirects.Answer(httpContext, redirect);
                    return;
                }

                if (refusedBy is not null)
                {
                    await guard.ForbidAsync(httpContext, refusedBy).ConfigureAwait(false);
                    return;
                }

                SessionGuard.Admit(httpContext);
            }

            var arguments = readsArguments
                ? await ServerFunctionArguments.ReadAsync(httpContext, readsBody, bodyIsValue).ConfigureAwait(false)
                : ServerFunctionArguments.None;
            if (arguments.HasFailed)
            {
                // Only an unreadable body fails before binding; a client that went away has no one to answer.
                if (!arguments.IsAborted)
                {
                    await arguments.WriteFailureAsync().ConfigureAwait(false);
                }

                return;
            }

            try
            {
                await body(httpContext, arguments, session).ConfigureAwait(false);
            }
            catch (Exception exception) when (!httpContext.Response.HasStarted && ServerFunctionRedirects.Find(exception) is { } redirect)
            {
                ServerFunctionRedirects.Answer(httpContext, redirect);
                return;
            }

            ServerFunctionRedirects.AnswerReturnedRedirect(httpContext);
        };

        return readSession is null ? run : httpContext =>
        {
            var running = run(httpContext);
            return running.IsCompletedSuccessfully ? StartIfOutputCached(httpContext) : AfterRunningAsync(running, httpContext);
        };

        static async Task AfterRunningAsync(Task running, HttpContext httpContext)
        {
            await running.ConfigureAwait(false);
            await StartIfOutputCached(httpContext).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An answer without a body (a redirect, a 204) reaches the output cache's storing decision only after its policies'
    /// last step, where an app's policy may still insist on storing it. Starting the response here has the cache decide
    /// now, while storing is refused (<see cref="PersonalisedResponse.KeepOutOfOutputCache"/>).
    /// </summary>
    private static Task StartIfOutputCached(HttpContext httpContext) =>
        !httpContext.Response.HasStarted && httpContext.Features.Get<IOutputCacheFeature>() is not null
            ? httpContext.Response.Body.FlushAsync(httpContext.RequestAborted)
            : Task.CompletedTask;
}

/// <summary>What a generated server function asks of <see cref="ServerFunctionEndpoint"/> before its body runs.</summary>
/// <remarks>Used by generated server functions; not meant to be used directly.</remarks>
[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ServerFunctionSteps
{
    /// <summary>Nothing beyond the session step.</summary>
    None = 0,

    /// <summary>Refuse cross-site browser calls with 403: the verb changes state.</summary>
    RefuseCrossSite = 1,

    /// <summary>Read the route values and query string: a parameter binds from them.</summary>
    ReadArguments = 2,

    /// <summary>Read the body as well (a JSON object or form fields): a parameter binds from it.</summary>
    ReadBody = 4,

    /// <summary>Read the body as one JSON value, whatever it is: a <c>[FromBody]</c> parameter takes it whole.</summary>
    ReadBodyAsValue = 8,
}
