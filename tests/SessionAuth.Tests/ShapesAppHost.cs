using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>
/// The app every ShapesApp HTTP test starts: sessions of <see cref="UserSession"/> on Kestrel (127.0.0.1, a free port),
/// routing then the middleware the test adds, and <c>/sign-in/{name}</c> (see <see cref="Identity.IdentityApp.SignedInAsync"/>).
/// </summary>
internal static class ShapesAppHost
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        Action<SessionAuthOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? middleware = null,
        Action<WebApplication>? endpoints = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        // The slim builder leaves the regex route constraint out; a function of the test app routes with one.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteOptions>(static options => options.SetParameterPolicy<Microsoft.AspNetCore.Routing.Constraints.RegexInlineRouteConstraint>("regex"));
        builder.Services.AddSessionAuth<UserSession>(options =>
        {
#pragma warning disable SAUTH0006 // A fixed password lets tests seal cookies of their own; it protects nothing.
            options.Password = TestAppHost.SessionPassword;
#pragma warning restore SAUTH0006
            configure?.Invoke(options);
        });
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseRouting();
        middleware?.Invoke(app);
        app.UseSessionAuth();
        app.MapPost("/sign-in/{name}", async (string name, HttpContext context) =>
        {
            var session = await context.GetSessionAsync<UserSession>();
            await session.UpdateAsync(new UserSession(name.Length, name));
            return Results.NoContent();
        }).AllowAnonymous();
        endpoints?.Invoke(app);
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
}
