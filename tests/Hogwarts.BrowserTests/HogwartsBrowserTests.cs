using System.Globalization;
using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

[Collection(HogwartsInChromium.Name)]
public sealed class HogwartsBrowserTests(ChromiumFixture chromium, HogwartsFixture fixture)
{
    private const string Harry = "harry";
    private const string HarrysPassword = "expelliarmus";
    private const string Hermione = "hermione";
    private const string HermionesPassword = "wingardium-leviosa";

    private static async Task LogInAsync(IPage page, string username, string password)
    {
        await page.FillAsync("input[name=username]", username);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static string PathAndQuery(IPage page) => new Uri(page.Url).PathAndQuery;

    [Fact]
    public async Task An_anonymous_visit_lands_on_the_login_page_with_the_return_url()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;

        await page.GotoAsync("/students/Slytherin");

        Assert.Equal("/login?returnUrl=%2Fstudents%2FSlytherin", PathAndQuery(page));
        Assert.Equal("Log in", await page.TextContentAsync("h1"));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_sets_no_cookie()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        await page.GotoAsync("/students/Slytherin");

        await LogInAsync(page, Harry, "alohomora");

        Assert.StartsWith("/login?error=1&returnUrl=%2Fstudents%2FSlytherin", PathAndQuery(page), StringComparison.Ordinal);
        Assert.Equal("Wrong username or password.", await page.TextContentAsync("[role=alert]"));
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == HogwartsFixture.CookieName);
    }

    [Fact]
    public async Task Logging_in_returns_to_the_page_first_asked_for_with_the_students_and_the_users_name()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        await page.GotoAsync("/students/Slytherin");

        await LogInAsync(page, Harry, HarrysPassword);

        Assert.Equal("/students/Slytherin", PathAndQuery(page));
        Assert.Equal("Harry Potter", await page.TextContentAsync("#user-name"));
        var students = await page.Locator(".students li").AllTextContentsAsync();
        Assert.Contains(students, s => s.StartsWith("Draco Malfoy", StringComparison.Ordinal));
        Assert.DoesNotContain(students, s => s.StartsWith("Harry Potter", StringComparison.Ordinal));

        Directory.CreateDirectory(Path.Combine(HogwartsFixture.RepositoryRoot, "artifacts", "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HogwartsFixture.RepositoryRoot, "artifacts", "screenshots", "students.png"), FullPage = true });
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_a_reload_keeps_the_session()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        await page.GotoAsync("/login");
        await LogInAsync(page, Harry, HarrysPassword);

        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == HogwartsFixture.CookieName);
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.DoesNotContain("session=", await page.EvaluateAsync<string>("document.cookie"), StringComparison.Ordinal);

        await page.ReloadAsync();

        Assert.Equal("/students", PathAndQuery(page));
        Assert.Equal("Harry Potter", await page.TextContentAsync("#user-name"));
    }

    [Fact]
    public async Task The_page_carries_the_preloaded_client_view_and_revalidates_it()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        await page.GotoAsync("/login");
        await LogInAsync(page, Harry, HarrysPassword);

        var preloaded = await page.TextContentAsync("script#session");
        await page.WaitForFunctionAsync("document.documentElement.dataset.sessionValidated === 'signed-in'");

        Assert.Equal("""{"name":"Harry Potter"}""", preloaded);
        Assert.Equal("preloaded", await page.EvaluateAsync<string>("document.documentElement.dataset.session"));
        Assert.Equal("Harry Potter", await page.EvaluateAsync<string>("window.session.name"));
    }

    [Fact]
    public async Task Logging_out_returns_to_the_login_page_and_the_students_page_redirects_again()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        await page.GotoAsync("/login");
        await LogInAsync(page, "luna", "nargles");

        // With JavaScript the form's submit is a call through the generated client, which navigates once the server's
        // redirect comes back: no navigation the click itself starts, so wait for the address.
        await page.ClickAsync("text=Log out");
        await page.WaitForAddressAsync("/login$");

        Assert.Equal("/login", PathAndQuery(page));
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == HogwartsFixture.CookieName);
        await page.GotoAsync("/students/Ravenclaw");
        Assert.Equal("/login?returnUrl=%2Fstudents%2FRavenclaw", PathAndQuery(page));
    }

    [Fact]
    public async Task A_cookie_altered_in_the_browser_means_the_login_page_not_an_error()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        await page.GotoAsync("/login");
        await LogInAsync(page, Harry, HarrysPassword);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == HogwartsFixture.CookieName);
        var altered = cookie.Value[..^4] + (cookie.Value.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        await context.AddCookiesAsync([new Cookie { Name = cookie.Name, Value = altered, Domain = cookie.Domain, Path = cookie.Path, Secure = cookie.Secure, HttpOnly = cookie.HttpOnly, SameSite = cookie.SameSite, Expires = cookie.Expires }]);

        var response = await page.GotoAsync("/students/Hufflepuff");

        Assert.Equal(200, response!.Status);
        Assert.Equal("/login?returnUrl=%2Fstudents%2FHufflepuff", PathAndQuery(page));
    }

    [Fact]
    public async Task A_prefect_sees_the_award_form_and_awards_points_to_a_house_in_place()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var errors = CollectErrors(page);
        await page.GotoAsync("/students/Ravenclaw");
        await LogInAsync(page, Hermione, HermionesPassword);
        await WaitForEnhancedNavigationAsync(page);
        await page.EvaluateAsync("() => window.loadedOnce = true");
        var before = int.Parse(await page.TextContentAsync("#house-points") ?? string.Empty, CultureInfo.InvariantCulture);

        // The form is enhanced (data-enhance): the server function's redirect back to the page is followed in place.
        await page.FillAsync(".award input[name=points]", "15");
        await page.ClickAsync(".award button");
        await page.WaitForFunctionAsync($"() => document.querySelector('#house-points').textContent === '{before + 15}'");

        Assert.Equal("/students/Ravenclaw", PathAndQuery(page));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded: the enhanced form post fell back to a full load");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task A_student_who_is_not_a_prefect_sees_no_award_form_and_a_posted_one_is_refused()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        await page.GotoAsync("/students/Slytherin");
        await LogInAsync(page, Harry, HarrysPassword);
        var before = await page.TextContentAsync("#house-points");
        Assert.Equal(0, await page.Locator(".award").CountAsync());

        // The form AuthorizeView hid, posted anyway: the server function's Prefect rule refuses it.
        await PageForm.PostAsync(page, "/_server/HousePoints/Award", enhanced: false, ["house", "Slytherin"], ["points", "50"]);
        await page.WaitForAddressAsync("/access-denied");

        Assert.Equal("Not allowed", await page.TextContentAsync("h1"));
        await page.GotoAsync("/students/Slytherin");
        Assert.Equal(before, await page.TextContentAsync("#house-points"));
    }

    [Fact]
    public async Task A_student_enters_their_own_common_room_and_not_another_houses()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        await page.GotoAsync("/login");
        await LogInAsync(page, "luna", "nargles");

        await page.ClickAsync("#common-room-link");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("/houses/Ravenclaw/common-room", PathAndQuery(page));
        Assert.Contains("riddle", await page.TextContentAsync("#common-room"), StringComparison.Ordinal);

        var response = await page.GotoAsync("/houses/Gryffindor/common-room");

        Assert.StartsWith("/access-denied", PathAndQuery(page), StringComparison.Ordinal);
        Assert.Equal(200, response!.Status);
        Assert.Equal(0, await page.Locator("#common-room").CountAsync());
    }

    [Fact]
    public async Task An_anonymous_enhanced_navigation_lands_on_the_login_page_in_place_and_logging_in_returns_to_the_page()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var errors = CollectErrors(page);
        var studentsRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == "/students")
            {
                studentsRequests.Add($"{request.Method} {request.Url}");
            }
        };
        await page.GotoAsync("/login");
        await WaitForEnhancedNavigationAsync(page);
        await page.EvaluateAsync("() => window.loadedOnce = true");

        // The header's link is enhanced: blazor.web.js fetches /students, follows the guard's redirect and patches the page.
        await page.ClickAsync("a.brand");
        await page.WaitForAddressAsync(@"/login\?returnUrl=%2Fstudents$");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal("/login?returnUrl=%2Fstudents", PathAndQuery(page));
        Assert.Equal("Log in", await page.TextContentAsync("h1"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded: enhanced navigation fell back to a full load");
        Assert.Single(studentsRequests);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        await LogInAsync(page, Harry, HarrysPassword);

        Assert.Equal("/students", PathAndQuery(page));
        Assert.Equal("Harry Potter", await page.TextContentAsync("#user-name"));
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task An_anonymous_enhanced_form_post_to_a_guarded_server_function_lands_on_the_login_page()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var errors = CollectErrors(page);
        await page.GotoAsync("/access-denied");
        await WaitForEnhancedNavigationAsync(page);

        await page.EvaluateAsync("() => window.loadedOnce = true");
        await PageForm.PostAsync(page, "/_server/HousePoints/Award", enhanced: true, ["house", "Hufflepuff"], ["points", "50"]);
        await page.WaitForAddressAsync(@"/login\?returnUrl=");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal("/login?returnUrl=%2Faccess-denied", PathAndQuery(page));
        Assert.Equal("Log in", await page.TextContentAsync("h1"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded: the enhanced form post fell back to a full load");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task A_fetch_from_page_script_still_gets_401_and_the_redirect_header()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        await page.GotoAsync("/login");

        var answer = await page.EvaluateAsync<string[]>("""
            async () => {
                const response = await fetch('/students', { headers: { accept: 'text/html' } });
                return [String(response.status), response.headers.get('x-session-redirect')];
            }
            """);

        Assert.Equal(["401", "/login?returnUrl=%2Fstudents"], answer);
    }

    [Fact]
    public async Task The_interactive_component_shows_the_session_user_a_prefects_only_block_and_what_a_rule_allows()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var (harryContext, harrysPage) = await chromium.NewPageAsync(fixture);
        await using var __ = harryContext;
        await page.GotoAsync("/students/Gryffindor");
        await LogInAsync(page, Hermione, HermionesPassword);
        await harrysPage.GotoAsync("/students/Ravenclaw");
        await LogInAsync(harrysPage, Harry, HarrysPassword);

        await WaitForInteractiveAsync(page);
        await WaitForInteractiveAsync(harrysPage);

        // AuthorizeView with and without a role, and the OwnHouse rule asked in component code.
        Assert.Equal("Hermione Granger", await page.TextContentAsync("#live-user"));
        Assert.Equal(1, await page.Locator("#live-prefect").CountAsync());
        Assert.Equal(1, await page.Locator("#live-common-room").CountAsync());
        Assert.Equal("Harry Potter", await harrysPage.TextContentAsync("#live-user"));
        Assert.Equal(0, await harrysPage.Locator("#live-prefect").CountAsync());
        Assert.Equal(0, await harrysPage.Locator("#live-common-room").CountAsync());
    }

    [Fact]
    public async Task Points_a_prefect_awards_appear_at_once_in_another_browsers_interactive_component()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var (prefectContext, prefectsPage) = await chromium.NewPageAsync(fixture);
        await using var __ = prefectContext;
        await page.GotoAsync("/students/Slytherin");
        await LogInAsync(page, "luna", "nargles");
        await WaitForInteractiveAsync(page);
        var before = int.Parse(await page.TextContentAsync("#live-points") ?? string.Empty, CultureInfo.InvariantCulture);

        await prefectsPage.GotoAsync("/students/Slytherin");
        await LogInAsync(prefectsPage, Hermione, HermionesPassword);
        await prefectsPage.FillAsync(".award input[name=points]", "-3");
        await prefectsPage.ClickAsync(".award button");

        await page.WaitForFunctionAsync($"() => document.querySelector('#live-points').textContent === '{before - 3}'");
    }

    [Fact]
    public async Task Logging_out_everywhere_signs_out_an_open_interactive_page_of_another_browser()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var (otherContext, otherPage) = await chromium.NewPageAsync(fixture);
        await using var __ = otherContext;
        await page.GotoAsync("/students/Hufflepuff");
        await LogInAsync(page, "cedric", "hufflepuff-honour");
        await WaitForInteractiveAsync(page);
        Assert.Equal("Cedric Diggory", await page.TextContentAsync("#live-user"));

        // Another browser of the same user ends every session of his: the open page's circuit learns it at its next revalidation.
        await otherPage.GotoAsync("/students/Hufflepuff");
        await LogInAsync(otherPage, "cedric", "hufflepuff-honour");
        await otherPage.ClickAsync("#logout-everywhere");
        await otherPage.WaitForAddressAsync("/login$");

        await page.WaitForFunctionAsync("() => document.querySelector('#live-user').textContent === 'signed out'");
        Assert.Equal("/students/Hufflepuff", PathAndQuery(page));
        await page.ReloadAsync();
        Assert.Equal("/login?returnUrl=%2Fstudents%2FHufflepuff", PathAndQuery(page));
    }

    [Fact]
    public async Task The_webassembly_component_shows_the_user_and_roles_from_the_serialized_authentication_state()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var (harryContext, harrysPage) = await chromium.NewPageAsync(fixture);
        await using var __ = harryContext;
        await page.GotoAsync("/students/Gryffindor");
        await LogInAsync(page, Hermione, HermionesPassword);
        await harrysPage.GotoAsync("/students/Gryffindor");
        await LogInAsync(harrysPage, Harry, HarrysPassword);

        // Rendered again in the browser's WebAssembly runtime, from the claims the server serialized into the page.
        await page.WaitForSelectorAsync("section.wasm[data-runtime=webassembly]");
        await harrysPage.WaitForSelectorAsync("section.wasm[data-runtime=webassembly]");

        Assert.Equal("Hermione Granger", await page.TextContentAsync("#wasm-user"));
        Assert.Equal(1, await page.Locator("#wasm-prefect").CountAsync());
        Assert.Equal("Harry Potter", await harrysPage.TextContentAsync("#wasm-user"));
        Assert.Equal(0, await harrysPage.Locator("#wasm-prefect").CountAsync());
    }

    // The component marks itself once its circuit is up (OnAfterRender runs only when interactive).
    private static async Task WaitForInteractiveAsync(IPage page) => await page.WaitForSelectorAsync("section.live[data-interactive=true]");

    /// <summary>Console errors and uncaught exceptions: an enhanced navigation that fails says so in the console.</summary>
    private static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    // blazor.web.js attaches its click and submit handlers when it has started.
    private static async Task WaitForEnhancedNavigationAsync(IPage page) => await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
}
