using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>
/// Review of issue 17: Hogwarts with a login page that is not a Blazor page (a minimal API writing HTML, as an app that
/// adds Blazor to an existing site has). An enhanced form post to a guarded server function without a session must
/// still land on that login page: blazor.web.js refuses a POST whose (redirected) answer is a non-Blazor success
/// response ("Enhanced navigation does not support making a non-GET request to a non-Blazor endpoint") and the user
/// stays where they were, with an error in the console.
/// </summary>
public sealed class Review17BrowserTests(Review17PlainLoginFixture fixture) : IClassFixture<Review17PlainLoginFixture>
{
    [Fact]
    public async Task An_anonymous_enhanced_form_post_lands_on_a_login_page_that_is_not_a_Blazor_page()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Address.ToString().TrimEnd('/') });
        await using var _ = context;
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/access-denied");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        await page.EvaluateAsync("""
            () => {
                const form = Object.assign(document.createElement('form'), { method: 'post', action: '/_server/HousePoints/Award' });
                form.setAttribute('data-enhance', '');
                for (const [name, value] of [['house', 'Hufflepuff'], ['points', '50']]) {
                    form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
                }
                document.body.append(form);
                form.requestSubmit();
            }
            """);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal("/plain-login?returnUrl=%2Faccess-denied", new Uri(page.Url).PathAndQuery);
        Assert.Equal("Plain login", await page.TextContentAsync("h1"));
    }
}

/// <summary>The Hogwarts sample as <see cref="HogwartsFixture"/> starts it, with LoginPath set to a minimal API's HTML page.</summary>
public sealed class Review17PlainLoginFixture : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"hogwarts-r17-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = HogwartsApp.Build(
            new WebApplicationOptions
            {
                EnvironmentName = Environments.Production,
                ContentRootPath = Path.Combine(HogwartsFixture.RepositoryRoot, "samples", "Hogwarts"),
                ApplicationName = "Hogwarts",
            },
            builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.WebHost.UseStaticWebAssets();
                builder.Services.Configure<SessionAuth.SessionAuthOptions>(options => options.LoginPath = "/plain-login");
                builder.Logging.ClearProviders();
                builder.Configuration["SESSION_SECRET"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
                builder.Configuration["ConnectionStrings:Hogwarts"] = $"Data Source={_database};Pooling=False";
            });
        _app.MapGet("/plain-login", () => Results.Content("<!doctype html><title>Log in</title><h1>Plain login</h1>", "text/html; charset=utf-8")).AllowAnonymous();
        await _app.StartAsync();
        Address = new Uri(_app.Urls.First());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = HogwartsFixture.ChromiumPath,
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
}
