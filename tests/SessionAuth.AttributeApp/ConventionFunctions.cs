using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using SessionAuth.TestApp;

namespace SessionAuth.AttributeApp;

/// <summary>
/// The names of the policies the convention functions below ask for; SessionAuth.Tests' identity app registers them.
/// </summary>
public static class ConventionPolicies
{
    /// <summary>A request timeout short enough for a test, long enough for any request that does not wait.</summary>
    public const string ShortTimeout = "short";

    /// <summary>The CORS policy that lets <see cref="PartnerOrigin"/> call, with credentials.</summary>
    public const string Partners = "partners";

    /// <summary>The one origin <see cref="Partners"/> allows.</summary>
    public const string PartnerOrigin = "http://partner.example";

    /// <summary>An output cache policy that stores every GET answer, whoever asked (a policy an app should not have).</summary>
    public const string CacheEveryone = "cache-everyone";
}

/// <summary>
/// Rate limiting asked by the class, refused by one function: <c>[DisableRateLimiting]</c> wins over the class's
/// <c>[EnableRateLimiting]</c>, as it does over a group's <c>RequireRateLimiting</c> on a minimal API.
/// </summary>
[EnableRateLimiting(AttributeFunctions.PerUserLimit)]
public static class Greenhouse
{
    [ServerFunction, AllowAnonymous]
    public static string Water() => "watered";

    [ServerFunction, AllowAnonymous, DisableRateLimiting]
    public static string Look() => "looked";
}

public static class Divination
{
    /// <summary>Waits on the request's token until it is cancelled: only a timeout ends it.</summary>
    [ServerFunction, AllowAnonymous, RequestTimeout(ConventionPolicies.ShortTimeout)]
    public static async Task<string> Gaze(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return "a vision";
    }

    /// <summary>The same function without a timeout answers at once: the timeout is the attribute's doing.</summary>
    [ServerFunction, AllowAnonymous]
    public static string Glance() => "a glimpse";
}

public static class OwlPost
{
    /// <summary>Partners may call it from their own origin, with the session cookie: it changes state (POST).</summary>
    [ServerFunction, RequireSession, EnableCors(ConventionPolicies.Partners)]
    public static string Deliver(UserSession user) => $"delivered for {user.Name}";

    /// <summary>Under the app's default CORS policy, this one answers no origin but its own.</summary>
    [ServerFunction(Method = "GET"), AllowAnonymous, DisableCors]
    public static string Internal() => "internal";

    /// <summary>No CORS attribute: the app's default policy applies.</summary>
    [ServerFunction(Method = "GET"), AllowAnonymous]
    public static string Timetable() => "timetable";
}

// SAUTH0017 refuses [OutputCache] on the functions below that read the session, since it is never honoured there.
// Suppressed here on purpose: the tests show that the runtime keeps their answers out of the cache even so.
#pragma warning disable SAUTH0017
public static class Kitchen
{
    private static int s_servings;

    /// <summary>Counts its calls: a cached answer repeats the count.</summary>
    [ServerFunction(Method = "GET"), AllowAnonymous, OutputCache]
    public static int Serve() => Interlocked.Increment(ref s_servings);

    /// <summary>Guarded and personal, under a policy that would store anything.</summary>
    [ServerFunction(Method = "GET"), RequireSession, OutputCache(PolicyName = ConventionPolicies.CacheEveryone)]
    public static string Diary(UserSession user) => $"{user.Name}'s diary";

    /// <summary>Guarded and personal, with the framework's default output cache policy.</summary>
    [ServerFunction(Method = "GET"), RequireSession, OutputCache]
    public static string Locker(UserSession user) => $"{user.Name}'s locker";

    /// <summary>Open, but its answer depends on who asks: it reads the session.</summary>
    [ServerFunction(Method = "GET"), AllowAnonymous, OutputCache(PolicyName = ConventionPolicies.CacheEveryone)]
    public static string Greeting(UserSession? user) => user is null ? "hello, stranger" : $"hello, {user.Name}";

    /// <summary>Guarded and personal, with no caching attribute: only an app's base policy could store it.</summary>
    [ServerFunction(Method = "GET"), RequireSession]
    public static string Pantry(UserSession user) => $"{user.Name}'s pantry";
}
#pragma warning restore SAUTH0017

public static class Catalogue
{
    [ServerFunction(Method = "GET"), AllowAnonymous]
    [ExcludeFromDescription, EndpointDescription("Every book in the library, by shelf")]
    public static int Books() => 100;
}

/// <summary>An output cache policy that stores every GET answer whoever asks, and insists on it as the answer goes out.</summary>
public sealed class CacheEveryonePolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var get = HttpMethods.IsGet(context.HttpContext.Request.Method);
        context.EnableOutputCaching = get;
        context.AllowCacheLookup = get;
        context.AllowCacheStorage = get;
        context.AllowLocking = get;
        context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AllowCacheStorage = HttpMethods.IsGet(context.HttpContext.Request.Method);
        return ValueTask.CompletedTask;
    }
}
