using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>
/// The students page's award form is enhanced (<c>data-enhance</c>): blazor.web.js replaces the whole document with any
/// answer that is not a page ("Error: POST request to ... returned non-HTML content"). A number the form itself accepts
/// but the server function refuses (0 is within <c>min="-50" max="50"</c>; review 17b) must keep the page, with a message.
/// </summary>
[Collection(HogwartsInChromium.Name)]
public sealed class AwardFormBrowserTests(ChromiumFixture chromium, HogwartsFixture fixture)
{
    [Fact]
    public async Task A_prefect_awarding_zero_points_through_the_enhanced_form_keeps_the_students_page()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        await page.GotoAsync("/students/Ravenclaw");
        await page.FillAsync("input[name=username]", "hermione");
        await page.FillAsync("input[name=password]", "wingardium-leviosa");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        Assert.Equal("/students/Ravenclaw", new Uri(page.Url).PathAndQuery);

        // The browser's own constraint validation lets 0 through: it is within the input's min and max.
        await page.FillAsync(".award input[name=points]", "0");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.award').checkValidity()"));
        await page.EvaluateAsync("() => window.loadedOnce = true");
        await page.ClickAsync(".award button");
        await page.WaitForSelectorAsync("#award-refused");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var text = await page.EvaluateAsync<string>("() => document.documentElement.textContent");
        Assert.DoesNotContain("returned non-HTML content", text, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#house-points").CountAsync());
        Assert.Equal("/students/Ravenclaw?award=refused", new Uri(page.Url).PathAndQuery);
        Assert.Equal("Points must be between -50 and 50, and not 0.", await page.TextContentAsync("#award-refused"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded: the enhanced form post fell back to a full load");
    }
}
