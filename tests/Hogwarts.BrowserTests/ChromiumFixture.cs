using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>
/// Debian's Chromium driven headless by Playwright, launched once for every test of <see cref="HogwartsInChromium"/>.
/// Each test opens its own browser context: its own cookie jar, storage and cache, which keeps one test's session from
/// another's as a browser of its own would, without a browser process for each test class.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
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
    }

    /// <summary>A page in a new browser context whose relative addresses go to <paramref name="app"/>.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(HogwartsFixture app)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString().TrimEnd('/') });
        return (context, await context.NewPageAsync());
    }
}

/// <summary>
/// The browser tests: one Chromium for all of them, and one Hogwarts app for those of the sample as it is (a variant of
/// the sample is a class fixture of its own). Tests read the app's data relative to what they find (points before and
/// after), so a test does not depend on which tests ran on the app before it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HogwartsInChromium : ICollectionFixture<ChromiumFixture>, ICollectionFixture<HogwartsFixture>
{
    public const string Name = "Hogwarts in Chromium";
}
