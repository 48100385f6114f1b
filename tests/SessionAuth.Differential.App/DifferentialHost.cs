using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SessionAuth.Differential.App;

/// <summary>Starts the app on Kestrel, on 127.0.0.1 and a free port: the server functions and their minimal API twins.</summary>
public static class DifferentialHost
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSessionAuth<DiffSession>(options =>
        {
#pragma warning disable SAUTH0006 // A fixed password for a test app that seals no session anyone keeps.
            options.Password = "differential-test-password-0123456789";
#pragma warning restore SAUTH0006
        });

        builder.Services.AddKeyedSingleton(Palette.Key, new Palette("warm"));
        builder.Services.AddKeyedSingleton(7, new Palette("seven"));

        var app = builder.Build();
        app.UseRouting();
        app.UseSessionAuth();
        app.MapServerFunctions();
        Twins.Map(app);
        ProbeTwins.Map(app);
        BindingEdgeProbeTwins.Map(app);
        ObliviousProbeTwins.Map(app);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        return (app, address);
    }
}
