using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>
/// A page on which blazor.web.js runs, with what the console says (errors and warnings: blazor.web.js reports a fallback
/// to a full load as a warning) and the methods of the requests made for one path.
/// </summary>
internal sealed record ObservedPage(IPage Page, List<string> Console, List<string> Requests)
{
    /// <summary>Opens <paramref name="startPath"/> of <paramref name="app"/> in a new browser context and waits for blazor.web.js; watches requests for <paramref name="watchedPath"/>.</summary>
    public static async Task<ObservedPage> OpenAsync(ChromiumFixture chromium, HogwartsFixture app, string startPath, string watchedPath)
    {
        var (_, page) = await chromium.NewPageAsync(app);
        var observed = new ObservedPage(page, [], []);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                observed.Console.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => observed.Console.Add(error);
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == watchedPath)
            {
                observed.Requests.Add(request.Method);
            }
        };
        await page.GotoAsync(startPath);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        return observed;
    }

    /// <summary>Clicks a same-origin link to <paramref name="href"/>, as enhanced navigation intercepts a user's click.</summary>
    public Task FollowLinkAsync(string href) =>
        Page.EvaluateAsync("""
            href => {
                const link = Object.assign(document.createElement('a'), { href, textContent: href });
                document.body.append(link);
                link.click();
            }
            """, href);
}
