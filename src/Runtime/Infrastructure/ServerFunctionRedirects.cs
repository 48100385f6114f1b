using Microsoft.AspNetCore.Http;

namespace SessionAuth.Infrastructure;

/// <summary>
/// The one redirect protocol of server functions: whether the function threw a <see cref="ServerRedirect"/> or
/// returned a redirect result, each caller gets the answer it can act on (<see cref="SessionGuard.RedirectCaller"/>).
/// </summary>
internal static class ServerFunctionRedirects
{
    /// <summary>Answers a <see cref="ServerRedirect"/> the function threw; <c>~/path</c> goes under the app's path base.</summary>
    public static void Answer(HttpContext httpContext, ServerRedirect redirect)
    {
        var location = redirect.Url.StartsWith('~') ? SessionGuard.UnderPathBase(httpContext.Request, redirect.Url[1..]) : redirect.Url;
        GuardOf(httpContext).RedirectCaller(httpContext, location, StatusCodes.Status302Found);
    }

    /// <summary>
    /// The <see cref="ServerRedirect"/> an exception is or carries: thrown through <c>Parallel.ForEach</c> or
    /// <c>Task.WaitAll</c> (an <see cref="AggregateException"/> whose every inner exception is one) or a reflection call
    /// (a <see cref="System.Reflection.TargetInvocationException"/>), it is still the function's redirect.
    /// </summary>
    public static ServerRedirect? Find(Exception exception) => exception switch
    {
        ServerRedirect redirect => redirect,
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Find(inner),
        AggregateException aggregate when aggregate.Flatten().InnerExceptions is [var first, ..] inner
            && inner.All(static e => e is ServerRedirect) => (ServerRedirect)first,
        _ => null,
    };

    /// <summary>
    /// Answers in the caller's terms a redirect the function's result wrote (<c>Results.Redirect</c>,
    /// <c>LocalRedirect</c>, <c>RedirectToRoute</c>, or any result that sets a 3xx with a <c>Location</c>): the result
    /// has run, and a redirect writes no body, so the answer can still be changed.
    /// </summary>
    public static void AnswerReturnedRedirect(HttpContext httpContext)
    {
        var response = httpContext.Response;
        if (response.HasStarted || !IsRedirect(response.StatusCode) || response.Headers.Location is not [{ Length: > 0 } location])
        {
            return;
        }

        GuardOf(httpContext).RedirectCaller(httpContext, location, response.StatusCode);
    }

    private static bool IsRedirect(int statusCode) => statusCode is
        StatusCodes.Status301MovedPermanently or StatusCodes.Status302Found or StatusCodes.Status303SeeOther
        or StatusCodes.Status307TemporaryRedirect or StatusCodes.Status308PermanentRedirect;

    private static SessionGuard GuardOf(HttpContext httpContext) =>
        SessionAuthServices.GetRequired<SessionGuardFactory>(httpContext.RequestServices, "A server function's redirect").Default;
}
