using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>
/// Review 17b: the students page's award form is enhanced (<c>data-enhance</c>), and the README says an enhanced form
/// works when its server function ends with a redirect to a page — but <c>HousePoints.Award</c> answers a value the form
/// itself accepts (0 is within <c>min="-50" max="50"</c>) with 400 problem+json. blazor.web.js then replaces the whole
/// document with "Error: POST request to ... returned non-HTML content of type application/problem+json": a prefect's
/// slip wipes the page.
/// </summary>
public sealed class Review17bAwardFormBrowserTests(HogwartsFixture fixture) : IClassFixture<HogwartsFixture>
{
    [Fact]
    public async Task A_prefect_awarding_zero_points_through_the_enhanced_form_keeps_the_students_page()
    {
        var (context, page) = await fixture.NewPageAsync();
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
        var response = page.WaitForResponseAsync(r => new Uri(r.Url).AbsolutePath == "/_server/HousePoints/Award");
        await page.ClickAsync(".award button");
        Assert.Equal(400, (await response).Status);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var text = await page.EvaluateAsync<string>("() => document.documentElement.textContent");
        Assert.DoesNotContain("returned non-HTML content", text, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#house-points").CountAsync());
    }
}
