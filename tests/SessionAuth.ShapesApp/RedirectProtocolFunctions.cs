using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using SessionAuth.TestApp;

namespace SessionAuth.ShapesApp;

/// <summary>
/// Review of issue 19 part 1 (the redirect protocol): open server functions that redirect in shapes the tests
/// did not write. Mapped by SessionAuth.Tests' RedirectProtocolEdgeTests and RedirectProtocolHeldTests through <see cref="ShapesAppFunctions.Map"/>.
/// </summary>
[AllowAnonymous]
public static class R19Redirects
{
    /// <summary>Where the functions here send their caller.</summary>
    public const string Target = "/landing?from=r19";

    /// <summary>Where the avatar lives: a CDN, as apps do with pictures.</summary>
    public const string AvatarUrl = "https://cdn.example/avatars/1.png";

    /// <summary>An open function with the framework's default output cache policy that redirects.</summary>
    [ServerFunction("/r19/cached", Method = "GET"), OutputCache]
    public static void Cached() => throw new ServerRedirect(Target);

    /// <summary>An avatar loaded by &lt;img src&gt;: the picture lives elsewhere, so the function redirects there.</summary>
    [ServerFunction("/r19/avatar", Method = "GET")]
    public static IResult Avatar() => Results.Redirect(AvatarUrl);

    /// <summary>A permanent redirect result: browsers keep a 301 with no Cache-Control.</summary>
    [ServerFunction("/r19/moved", Method = "GET")]
    public static IResult Moved() => Results.Redirect(Target, permanent: true);

    /// <summary>Sets its success path's caching first, then finds it must redirect.</summary>
    [ServerFunction("/r19/public-then-thrown", Method = "GET")]
    public static void PublicThenThrown(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=600";
        throw new ServerRedirect(Target);
    }

    /// <summary>Describes the file it is about to send, then finds it must redirect.</summary>
    [ServerFunction("/r19/sized-then-thrown", Method = "GET")]
    public static void SizedThenThrown(HttpContext context)
    {
        context.Response.ContentType = "application/pdf";
        context.Response.ContentLength = 1024;
        throw new ServerRedirect(Target);
    }

    /// <summary>The redirect thrown in a helper, reached directly, through Parallel.ForEach, or through reflection; or one under the path base (<c>~/</c>).</summary>
    [ServerFunction("/r19/wrapped/{how}", Method = "GET")]
    public static void Wrapped(string how)
    {
        switch (how)
        {
            case "parallel":
                Parallel.ForEach(Enumerable.Range(0, 2), _ => R19Helpers.Check());
                break;
            case "reflection":
                typeof(R19Helpers).GetMethod(nameof(R19Helpers.Check))!.Invoke(null, null);
                break;
            case "app-relative":
                throw new ServerRedirect("~" + R19Redirects.Target);
            default:
                R19Helpers.Check();
                break;
        }
    }

    /// <summary>Redirects wherever the query says, as an app that trusts its input would (the app's own open redirect).</summary>
    [ServerFunction("/r19/returned", Method = "GET")]
    public static IResult Returned(string to) => Results.Redirect(to);

    /// <summary>The README's login, cut to its redirect: back to the return URL the guard gave, or home.</summary>
    [ServerFunction("/r19/sign-in")]
    public static void SignIn(string? returnUrl) => throw new ServerRedirect(ReturnUrls.LocalOrDefault(returnUrl));

    /// <summary>A streamed list whose producer redirects before its first item.</summary>
    [ServerFunction("/r19/stream", Method = "GET")]
    public static async IAsyncEnumerable<int> Stream(bool open = false)
    {
        await Task.Yield();
        if (!open)
        {
            throw new ServerRedirect(Target);
        }

        yield return 1;
    }
}

/// <summary>Helpers a server function calls.</summary>
public static class R19Helpers
{
    /// <summary>Always redirects, as a "must have accepted the terms" check deep in an app's code would.</summary>
    public static void Check() => throw new ServerRedirect(R19Redirects.Target);
}

/// <summary>Neville has not accepted the school rules: the rule sends him to read them rather than refusing him.</summary>
public sealed class R19RulesAccepted : ISessionRule<UserSession>
{
    public static bool Allows(UserSession user) => user.Name == "neville" ? throw new ServerRedirect("/school-rules") : true;
}

/// <summary>The same rule over an argument, which the function's body asks once its arguments are bound.</summary>
public sealed class R19RulesAcceptedForHouse : ISessionRule<UserSession, House>
{
    public static bool Allows(UserSession user, House house) => user.Name == "neville" ? throw new ServerRedirect("/school-rules") : true;
}

/// <summary>Guarded functions whose rule redirects.</summary>
public static class R19RuleRedirects
{
    [ServerFunction("/r19/rules/lounge", Method = "GET"), RequireSession<R19RulesAccepted>]
    public static string Lounge(UserSession user) => $"{user.Name} in the lounge";

    [ServerFunction("/r19/rules/house", Method = "GET"), RequireSession<R19RulesAcceptedForHouse>(Argument = nameof(house))]
    public static string InHouse(House house, UserSession user) => $"{user.Name} in {house}";
}
