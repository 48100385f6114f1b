using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>The sample's OpenAPI document in Scalar, in a real browser: server functions are listed beside the rest.</summary>
[Collection(HogwartsInChromium.Name)]
public sealed class OpenApiBrowserTests(ChromiumFixture chromium, HogwartsFixture fixture)
{
    [Fact]
    public async Task Scalar_lists_the_server_functions_with_the_session_cookie()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        var response = await page.GotoAsync("/scalar/v1");
        Assert.True(response?.Ok, $"/scalar/v1 answered {response?.Status}");

        // The login server function in the sidebar, under its type's tag; then the prefects' guarded one, opened.
        await page.GetByText("/_server/Account/Login").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.GetByText("HousePoints", new PageGetByTextOptions { Exact = true }).First.ClickAsync();
        await page.GetByText("/_server/HousePoints/Award").First.ClickAsync();

        // Its guard's answers, as the document declares them.
        await page.GetByText("Unauthorized").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        var screenshots = Path.Combine(HogwartsFixture.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "openapi-scalar.png") });
    }
}
