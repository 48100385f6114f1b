using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace SessionAuth.TestApp;

/// <summary>
/// Server functions that send their caller elsewhere in every way a function can: a <see cref="ServerRedirect"/> thrown
/// at once, deep in helpers or after the session changed, and each redirect result ASP.NET Core has. The redirect
/// protocol's table runs each against each kind of caller.
/// </summary>
[AllowAnonymous]
public static class Redirects
{
    /// <summary>Where every redirect here points (unless a way says otherwise).</summary>
    public const string Target = "/landing?from=function";

    /// <summary>The ways a function redirects, by the name the table gives them.</summary>
    public static readonly IReadOnlyList<string> Ways =
    [
        "thrown", "thrown-app-relative", "thrown-deep", "thrown-after-await", "results-redirect", "typed-redirect", "results-local-redirect",
        "typed-local-redirect", "own-result",
    ];

    [ServerFunction("/redirects/{way}", Method = "GET")]
    public static Task<IResult> Get(string way) => RedirectAsync(way);

    [ServerFunction("/redirects/{way}")]
    public static Task<IResult> Post(string way) => RedirectAsync(way);

    /// <summary>A function that returns nothing and throws before any await.</summary>
    [ServerFunction("/redirects-void/thrown")]
    public static void ThrowFromVoid() => throw new ServerRedirect(Target);

    /// <summary>A permanent or method-preserving redirect result: a navigation keeps its status; a form post still gets 303.</summary>
    [ServerFunction("/redirects-status/{kind}", Method = "GET")]
    public static IResult Status(string kind) => kind switch
    {
        "permanent" => Results.Redirect(Target, permanent: true),
        "preserve-method" => Results.Redirect(Target, preserveMethod: true),
        _ => Results.Redirect(Target, permanent: true, preserveMethod: true),
    };

    /// <summary>The login pattern: the session is written, then the function redirects; the caller must get the cookie too.</summary>
    [ServerFunction("/redirects-session/sign-in")]
    public static async Task SignInThenRedirect(string username, Session<UserSession> session)
    {
        await session.UpdateAsync(new UserSession(username.Length, username));
        throw new ServerRedirect(Target);
    }

    /// <summary>A guarded function that redirects: the guard runs first, then the function's redirect is answered the same way.</summary>
    [ServerFunction("/redirects-guarded/thrown"), RequireSession]
    public static void GuardedThrow(UserSession user) => throw new ServerRedirect($"/landing?user={Uri.EscapeDataString(user.Name)}");

    /// <summary>A redirect to a page Blazor renders (in an app that maps the test components): an enhanced navigation follows it in place.</summary>
    [ServerFunction("/redirects-page/component", Method = "GET")]
    public static void ToComponentPage() => throw new ServerRedirect("/access-denied?from=function");

    /// <summary>A redirect to another site, allowed explicitly.</summary>
    [ServerFunction("/redirects-external/thrown", Method = "GET")]
    public static void External() => throw new ServerRedirect("https://accounts.example/sign-in?next=%2F", allowExternal: true);

    private static async Task<IResult> RedirectAsync(string way)
    {
        switch (way)
        {
            case "thrown":
                throw new ServerRedirect(Target);
            case "thrown-app-relative":
                throw new ServerRedirect("~" + Target);
            case "thrown-deep":
                return await Deep.FirstAsync(3);
            case "thrown-after-await":
                await Task.Yield();
                throw new ServerRedirect(Target);
            case "results-redirect":
                return Results.Redirect(Target);
            case "typed-redirect":
                return TypedResults.Redirect(Target);
            case "results-local-redirect":
                return Results.LocalRedirect(Target);
            case "typed-local-redirect":
                return TypedResults.LocalRedirect(Target);
            case "own-result":
                return new ResponseRedirect(Target);
            default:
                return TypedResults.Ok(way);
        }
    }

    /// <summary>Helpers that call each other, the last one throwing: a redirect from deep inside the function's work.</summary>
    private static class Deep
    {
        public static async Task<IResult> FirstAsync(int depth)
        {
            await Task.Yield();
            return depth == 0 ? Last() : await FirstAsync(depth - 1);
        }

        private static IResult Last() => throw new ServerRedirect(Target);
    }

    /// <summary>An app's own result that redirects through <see cref="HttpResponse.Redirect(string)"/>.</summary>
    private sealed class ResponseRedirect(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Redirect(url);
            return Task.CompletedTask;
        }
    }
}
