using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hogwarts.BrowserTests;

/// <summary>
/// The Hogwarts sample on Kestrel (127.0.0.1, a free port, a fresh database, Production with a SESSION_SECRET); the
/// browser is <see cref="ChromiumFixture"/>'s. A fixture for a variant of the sample derives from this one and changes
/// the app in <see cref="Configure"/> and <see cref="Map"/>.
/// </summary>
public class HogwartsFixture : IAsyncLifetime
{
    /// <summary>The sample's cookie outside Development: Secure, and __Host- prefixed against cookie tossing.</summary>
    public const string CookieName = "__Host-session";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"hogwarts-{Guid.NewGuid():N}.db");
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public static string RepositoryRoot => SessionAuth.Testing.RepositoryRoot.Path;

    public async Task InitializeAsync()
    {
        _app = HogwartsApp.Build(
            new WebApplicationOptions
            {
                EnvironmentName = Environments.Production,
                ContentRootPath = Path.Combine(RepositoryRoot, "samples", "Hogwarts"),
                ApplicationName = "Hogwarts",
            },
            builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");

                // Outside Development, static web assets (blazor.web.js among them) are read from the build's manifest
                // only when asked; a published app has them in wwwroot.
                builder.WebHost.UseStaticWebAssets();

                // Open interactive pages ask every second whether their session still stands (a minute unless set).
                builder.Services.Configure<SessionAuth.SessionAuthOptions>(options => options.CircuitRevalidationInterval = TimeSpan.FromSeconds(1));
                builder.Logging.ClearProviders();
                builder.Configuration["SESSION_SECRET"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
                builder.Configuration["ConnectionStrings:Hogwarts"] = $"Data Source={_database};Pooling=False";

                // The OpenAPI document and its explorer, which the sample maps in Development or when asked.
                builder.Configuration["OpenApi:Enabled"] = "true";

                // Every test logs in from 127.0.0.1, many as the same user, within a minute: the login limit is set out
                // of their way. LoginLimitedHogwartsFixture sets small limits to test it.
                builder.Configuration[$"{LoginRateLimitOptions.Section}:PerAddress"] = "10000";
                builder.Configuration[$"{LoginRateLimitOptions.Section}:PerUserName"] = "10000";
                Configure(builder);
            });
        Map(_app);
        await _app.StartAsync();
        Address = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        File.Delete(_database);
    }

    /// <summary>Changes the sample's services and options for a variant of it; the sample as it is by default.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    /// <summary>Adds endpoints to the sample for a variant of it; none by default.</summary>
    protected virtual void Map(WebApplication app)
    {
    }
}
