using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using SessionAuth;

namespace Hogwarts;

/// <summary>
/// How many login attempts are allowed, from configuration (<c>LoginRateLimit:PerAddress</c>, <c>:PerUserName</c>,
/// <c>:Window</c>). Every attempt counts, a successful one too: a guesser cannot tell which would.
/// </summary>
public sealed class LoginRateLimitOptions
{
    public const string Section = "LoginRateLimit";

    /// <summary>Attempts from one client address per window, whatever user names they try.</summary>
    public int PerAddress { get; set; } = 20;

    /// <summary>Attempts at one user name per window, from whatever addresses.</summary>
    public int PerUserName { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Brute force on the login: <c>[EnableRateLimiting("login")]</c> on <see cref="Account.Login"/>, and the policy here,
/// which limits attempts by client address and, separately, by the user name tried. A rejected attempt never reaches
/// the password check: a script gets 429 problem+json with Retry-After; the login form is sent back to the login page,
/// which says why.
/// </summary>
public static class LoginRateLimiting
{
    public const string PolicyName = "login";

    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LoginRateLimitOptions.Section).Get<LoginRateLimitOptions>() ?? new LoginRateLimitOptions();
        return services.AddRateLimiter(limiter => limiter.AddPolicy(PolicyName, new LoginRateLimiterPolicy(options)));
    }

    /// <summary>
    /// Reads the user name of a login attempt before the rate limiter decides, and the limiter. The limiter's partitions
    /// are chosen synchronously, so the body is read here, once: a form into the request's form feature (which the
    /// server function then binds from), a JSON body into a buffer that is rewound for the function.
    /// </summary>
    public static IApplicationBuilder UseLoginRateLimiting(this IApplicationBuilder app) =>
        app.Use(async (httpContext, next) =>
        {
            if (httpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is { PolicyName: PolicyName })
            {
                httpContext.Features.Set(new LoginAttempt(
                    httpContext.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
                    await ReadUserNameAsync(httpContext.Request)));
            }

            await next(httpContext);
        }).UseRateLimiter();

    /// <summary>The user name as the login function binds it (a body member, its name in any case), as the database compares it.</summary>
    private static async Task<string> ReadUserNameAsync(HttpRequest request)
    {
        string? userName = null;
        try
        {
            if (request.HasFormContentType)
            {
                userName = (await request.ReadFormAsync(request.HttpContext.RequestAborted))["username"];
            }
            else if (request.HasJsonContentType())
            {
                // A login body is small; a larger one fails to read here and in the function alike.
                request.EnableBuffering(bufferThreshold: 16 * 1024, bufferLimit: 16 * 1024);
                try
                {
                    using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                    if (body.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var member in body.RootElement.EnumerateObject())
                        {
                            if (string.Equals(member.Name, "username", StringComparison.OrdinalIgnoreCase) && member.Value.ValueKind == JsonValueKind.String)
                            {
                                userName = member.Value.GetString();
                                break;
                            }
                        }
                    }
                }
                finally
                {
                    request.Body.Position = 0;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or IOException or InvalidDataException or BadHttpRequestException)
        {
            // An unreadable body is counted by address alone; the function answers it with 400.
        }

        return userName?.Trim().ToLowerInvariant() ?? string.Empty;
    }

    /// <summary>Who attempts a login: the client's address and the user name tried.</summary>
    private sealed record LoginAttempt(string Address, string UserName);

    /// <summary>
    /// Every attempt takes a permit from its address's window, then from its user name's (a chain: refused by either, it
    /// is refused). A window's permit is spent once taken, so an attempt its user name refuses still counts for its
    /// address. The middleware's partition is the pair; its limiter is a view on the chain, which keeps the counts.
    /// </summary>
    private sealed class LoginRateLimiterPolicy(LoginRateLimitOptions options) : IRateLimiterPolicy<LoginAttempt>
    {
        private readonly PartitionedRateLimiter<LoginAttempt> _attempts = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<LoginAttempt, string>(attempt => RateLimitPartition.GetFixedWindowLimiter(
                attempt.Address, _ => Window(options.PerAddress, options.Window))),
            PartitionedRateLimiter.Create<LoginAttempt, string>(attempt => RateLimitPartition.GetFixedWindowLimiter(
                attempt.UserName, _ => Window(options.PerUserName, options.Window))));

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

        public RateLimitPartition<LoginAttempt> GetPartition(HttpContext httpContext)
        {
            // Without UseLoginRateLimiting before it, the attempt has no user name: counted by address alone.
            var attempt = httpContext.Features.Get<LoginAttempt>() ?? new LoginAttempt(httpContext.Connection.RemoteIpAddress?.ToString() ?? string.Empty, string.Empty);
            return RateLimitPartition.Get(attempt, attempt => new AttemptLimiter(_attempts, attempt));
        }

        private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
            new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

        private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
        {
            var httpContext = context.HttpContext;
            var response = httpContext.Response;
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
            response.Headers.CacheControl = "no-store";

            // A form posted by the browser goes back to the login page, which says why; the form was read already.
            if (IsFormNavigation(httpContext.Request))
            {
                var returnUrl = ReturnUrls.LocalOrDefault(httpContext.Features.Get<IFormFeature>()?.Form?["returnUrl"]);
                response.StatusCode = StatusCodes.Status303SeeOther;
                response.Headers.Location = $"/login?error=limited&retryAfter={retryAfter.ToString(CultureInfo.InvariantCulture)}&returnUrl={Uri.EscapeDataString(returnUrl)}";
                return;
            }

            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many login attempts",
                detail: $"Too many login attempts. Try again in {retryAfter} seconds.",
                extensions: new Dictionary<string, object?> { ["retryAfter"] = retryAfter }).ExecuteAsync(httpContext);
        }

        /// <summary>A browser's form post (a navigation) rather than a script's call.</summary>
        private static bool IsFormNavigation(HttpRequest request) =>
            request.HasFormContentType
            && string.Equals(request.Headers["Sec-Fetch-Mode"], "navigate", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The rate limiter middleware keeps one limiter per partition, and lets go of those idle for a while: this one
    /// only points into the shared chain (which keeps the counts), so letting go of it loses nothing.
    /// </summary>
    private sealed class AttemptLimiter(PartitionedRateLimiter<LoginAttempt> attempts, LoginAttempt attempt) : RateLimiter
    {
        private long _lastUsed = Stopwatch.GetTimestamp();

        public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => attempts.GetStatistics(attempt);

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
            return attempts.AttemptAcquire(attempt, permitCount);
        }

        /// <summary>
        /// The rate limiter middleware waits (this) when an attempt is refused. The windows keep no queue, so a wait is
        /// only another attempt, and the chain would take the address's permit a second time for an attempt its user
        /// name refused: look first without asking for a permit (which keeps the refusal's Retry-After), and take one
        /// only if every window has one by now.
        /// </summary>
        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            var look = attempts.AttemptAcquire(attempt, 0);
            if (!look.IsAcquired)
            {
                return ValueTask.FromResult(look);
            }

            look.Dispose();
            return ValueTask.FromResult(AttemptAcquireCore(permitCount));
        }
    }
}
