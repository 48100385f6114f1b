using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SessionAuth.AttributeApp;

/// <summary>
/// Hosts the server functions of this assembly on Kestrel (127.0.0.1, a free port) behind <c>UseAuthentication()</c>,
/// <c>UseAuthorization()</c> and <c>UseRateLimiter()</c>. Users sign in at <c>/sign-in/{name}</c>; <c>albus</c> is an
/// admin, and <c>draco</c> is in Slytherin while everyone else is in Gryffindor.
/// </summary>
public static class AttributeAppHost
{
    public const string Admin = "albus";
    public const string Slytherin = "draco";
    public const string SlytherinsPolicy = "Slytherins";
    public const string TightLimit = "tight";
    public const string Password = "attribute-app-password-that-is-long-enough-0123456789";

    /// <summary>Starts the app; without <paramref name="useClaims"/> no session has a role, which the start refuses.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(bool useClaims = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSessionAuth<Member>(options =>
        {
#pragma warning disable SAUTH0006 // A fixed password in a test app; it protects nothing.
            options.Password = Password;
#pragma warning restore SAUTH0006
            if (useClaims)
            {
                options.UseClaims<Member>(ClaimsOf);
            }
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SlytherinsPolicy, policy => policy.RequireClaim("house", "Slytherin"));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddFixedWindowLimiter(TightLimit, window =>
            {
                window.PermitLimit = 2;
                window.Window = TimeSpan.FromHours(1);
                window.QueueLimit = 0;
            });
        });

        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseSessionAuth();
        app.MapServerFunctions();
        app.MapPost("/sign-in/{name}", async (string name, HttpContext context) =>
        {
            var session = await context.GetSessionAsync<Member>();
            await session.UpdateAsync(new Member(name.Length, name));
            return Results.NoContent();
        }).AllowAnonymous();

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

    private static IEnumerable<Claim> ClaimsOf(Member member)
    {
        yield return new Claim(ClaimTypes.Name, member.Name);
        yield return new Claim("house", member.Name == Slytherin ? "Slytherin" : "Gryffindor");
        if (member.Name == Admin)
        {
            yield return new Claim(ClaimTypes.Role, "Admin");
        }

        yield return new Claim("id", member.Id.ToString(CultureInfo.InvariantCulture));
    }
}
