using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Tests;

/// <summary>
/// An app with ASP.NET Core's own cookie authentication and authorization on Kestrel, for tests that show what the
/// framework (not SessionAuth) does with a guard decision: an anonymous request to a guarded endpoint is sent to log in.
/// </summary>
internal static class CookieAuthApp
{
    /// <summary>Starts the app on 127.0.0.1 and a free port, in <paramref name="environment"/> when given.</summary>
    public static async Task<WebApplication> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? configureServices = null, string? environment = null)
    {
        var app = Build(configureServices, environment);
        map(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>Builds the app for 127.0.0.1 and a free port, with authentication and authorization in its pipeline, without starting it.</summary>
    public static WebApplication Build(Action<IServiceCollection>? configureServices = null, string? environment = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static HttpClient Client(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }

    /// <summary>The cookie handler's challenge: a redirect to its login path.</summary>
    public static void AssertChallenged(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
