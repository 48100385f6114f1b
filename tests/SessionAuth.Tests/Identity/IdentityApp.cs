using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionAuth.AttributeApp;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Identity;

/// <summary>
/// An app that uses the session as its identity through ASP.NET Core's own pieces: <c>UseAuthentication()</c>,
/// <c>UseAuthorization()</c>, <c>[Authorize]</c> with roles and policies on minimal APIs and a controller, a SignalR hub
/// a rate limiter partitioned by user, request timeouts, CORS (a default policy and
/// <see cref="ConventionPolicies.Partners"/>) and output caching. Users sign in at <c>/sign-in/{name}</c>; <c>albus</c> is an admin, and
/// <c>draco</c> is in Slytherin while everyone else is in Gryffindor.
/// </summary>
internal static class IdentityApp
{
    public const string Admin = "albus";
    public const string Slytherin = "draco";

    /// <summary>The origin the app's default CORS policy allows, for endpoints that ask for no policy of their own.</summary>
    public const string DefaultCorsOrigin = "http://hogsmeade.example";

    public static async Task<(WebApplication App, Uri Address)> StartAsync(Action<SessionAuthOptions>? configure = null, bool useClaims = true, ClaimsCalls? claimsCalls = null, Action<IServiceCollection>? configureServices = null, Action<WebApplication>? mapMore = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        configureServices?.Invoke(builder.Services);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSessionAuth<UserSession>(options =>
        {
#pragma warning disable SAUTH0006 // A fixed password lets tests seal cookies of their own; it protects nothing.
            options.Password = TestAppHost.SessionPassword;
#pragma warning restore SAUTH0006
            options.IdentifyUser<UserSession>(user => user.UserId.ToString(CultureInfo.InvariantCulture));
            if (useClaims)
            {
                options.UseClaims<UserSession>(user =>
                {
                    claimsCalls?.Called();
                    return ClaimsOf(user);
                });
            }

            configure?.Invoke(options);
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy("Slytherins", policy => policy.RequireClaim("house", "Slytherin"));
        builder.Services.AddControllers().AddApplicationPart(typeof(IdentityController).Assembly)
            .ConfigureApplicationPartManager(parts =>
            {
                foreach (var provider in parts.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().ToList())
                {
                    parts.FeatureProviders.Remove(provider);
                }

                parts.FeatureProviders.Add(new OnlyControllers(useClaims ? [typeof(IdentityController), typeof(IdentityRolesController)] : [typeof(IdentityController)]));
            });
        builder.Services.AddSignalR();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy("per-user", context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 2, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
        });
        builder.Services.AddRequestTimeouts(timeouts => timeouts.AddPolicy(ConventionPolicies.ShortTimeout, TimeSpan.FromMilliseconds(200)));
        builder.Services.AddCors(cors =>
        {
            cors.AddDefaultPolicy(policy => policy.WithOrigins(DefaultCorsOrigin));
            cors.AddPolicy(ConventionPolicies.Partners, policy => policy.WithOrigins(ConventionPolicies.PartnerOrigin).AllowCredentials().AllowAnyHeader());
        });
        builder.Services.AddOutputCache(caching => caching.AddPolicy(ConventionPolicies.CacheEveryone, new CacheEveryonePolicy()));

        var app = builder.Build();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.UseOutputCache();
        app.UseSessionAuth();

        app.MapPost("/sign-in/{name}", async (string name, HttpContext context) =>
        {
            var session = await context.GetSessionAsync<UserSession>();
            await session.UpdateAsync(new UserSession(name.Length, name));
            return Results.NoContent();
        }).AllowAnonymous();
        app.MapPost("/sign-out-everywhere", [RequireSession] async (UserSession user, IUserSessions sessions) =>
        {
            await sessions.EndAllAsync(user.UserId.ToString(CultureInfo.InvariantCulture));
            return Results.NoContent();
        });

        app.MapGet("/whoami", (HttpContext context) => Describe(context.User)).AllowAnonymous();
        app.MapGet("/whoami/authorize", [Authorize] (ClaimsPrincipal user) => Describe(user));
        app.MapGet("/authorized-only", [Authorize] () => "signed in");
        if (useClaims)
        {
            // Without UseClaims no session has a role or a house: the start would be refused (SessionClaimsStartupCheck).
            app.MapGet("/admin", [Authorize(Roles = "Admin")] (ClaimsPrincipal user) => $"admin {user.Identity!.Name}");
            app.MapGet("/slytherin", [Authorize(Policy = "Slytherins")] (ClaimsPrincipal user) => $"slytherin {user.Identity!.Name}");
        }

        app.MapGet("/limited", (ClaimsPrincipal user) => $"limited {user.Identity?.Name ?? "anonymous"}").RequireRateLimiting("per-user").AllowAnonymous();
        app.MapGet("/challenge", (HttpContext context) => Results.Challenge(new Microsoft.AspNetCore.Authentication.AuthenticationProperties
        {
            RedirectUri = context.Request.Query["then"],
        })).AllowAnonymous();
        app.MapControllers();
        app.MapHub<WhoAmIHub>("/hubs/whoami");
        mapMore?.Invoke(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return (app, new Uri(app.Urls.First()));
    }

    public static IEnumerable<Claim> ClaimsOf(UserSession user)
    {
        yield return new Claim(ClaimTypes.Name, user.Name);
        yield return new Claim("house", user.Name == Slytherin ? "Slytherin" : "Gryffindor");
        if (user.Name == Admin)
        {
            yield return new Claim(ClaimTypes.Role, "Admin");
        }
    }

    /// <summary>What a handler sees of the request's user, one line.</summary>
    public static string Describe(ClaimsPrincipal user) => user.Identity is { IsAuthenticated: true } identity
        ? string.Join(
            ' ',
            identity.AuthenticationType,
            identity.Name ?? "(no name)",
            user.IsInRole("Admin") ? "admin" : "not-admin",
            "id=" + user.FindFirstValue(ClaimTypes.NameIdentifier),
            "house=" + (user.FindFirstValue("house") ?? "(none)"))
        : "anonymous";

    /// <summary>A browser-like client of the app, with a sign-in that goes through the app.</summary>
    public static async Task<TestClient> SignedInAsync(Uri address, string name)
    {
        var client = new TestClient(address);
        using var response = await client.FetchAsync($"/sign-in/{name}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }
}

/// <summary>Counts how often the app's claims function runs.</summary>
internal sealed class ClaimsCalls
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Called() => Interlocked.Increment(ref _count);
}

/// <summary>
/// Makes the app's controllers exactly the ones named. They are internal, so that other test apps that take the test
/// assembly's public controllers never get these.
/// </summary>
internal sealed class OnlyControllers(Type[] controllers) : Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider
{
    protected override bool IsController(System.Reflection.TypeInfo typeInfo) => controllers.Contains(typeInfo.AsType());
}

[ApiController]
[Route("/mvc/identity")]
internal sealed class IdentityRolesController : ControllerBase
{
    [HttpGet("admin")]
    [Authorize(Roles = "Admin")]
    public ContentResult AdminOnly() => Content($"controller admin {User.Identity!.Name}");
}

[ApiController]
[Route("/mvc/identity")]
internal sealed class IdentityController : ControllerBase
{
    [HttpGet("me")]
    [Authorize]
    public ContentResult Me() => Content($"controller {User.Identity!.Name}");
}

[Authorize]
public sealed class WhoAmIHub : Hub
{
    public string WhoAmI() => Context.User?.Identity?.Name ?? "anonymous";
}
