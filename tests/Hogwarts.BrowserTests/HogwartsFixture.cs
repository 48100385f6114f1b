using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>
/// The Hogwarts sample on Kestrel (127.0.0.1, a free port, a fresh database, Production with a SESSION_SECRET), and
/// Debian's Chromium driven headless by Playwright. Each test opens its own browser context: its own cookie jar. A
/// fixture for a variant of the sample derives from this one and changes the app in <see cref="Configure"/> and
/// <see cref="Map"/>.
/// </summary>
public class HogwartsFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The sample's cookie outside Development: Secure, and __Host- prefixed against cookie tossing.</summary>
    public const string CookieName = "__Host-session";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"hogwarts-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

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

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
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

    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString().TrimEnd('/') });
        return (context, await context.NewPageAsync());
    }
}
