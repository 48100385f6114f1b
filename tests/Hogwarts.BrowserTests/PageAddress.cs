using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>Waits for a page to arrive at an address, however it got there.</summary>
internal static class PageAddress
{
    /// <summary>
    /// Waits until the page's URL matches <paramref name="url"/> and its document has loaded. Playwright's
    /// <c>WaitForURLAsync</c> waits for a navigation event instead, and missed the full load that blazor.web.js falls back
    /// to after an enhanced fetch often enough to fail a test about one run in four on a cold app: the page stood at
    /// the URL, loaded, while the wait ran out. The assertion polls the URL, so it cannot miss it.
    /// </summary>
    public static async Task WaitForAddressAsync(this IPage page, [StringSyntax(StringSyntaxAttribute.Regex)] string url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(url), new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
