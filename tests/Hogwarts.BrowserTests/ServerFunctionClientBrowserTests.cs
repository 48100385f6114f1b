using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>
/// The sample's page scripts calling server functions through the generated client (<c>/_server/client.js</c>), with
/// its default behaviour (no <c>configure({ onRedirect })</c>): the students page's house switch (<c>Students.list</c>),
/// the logout (<c>Account.logout</c>, whose redirect is thrown in a helper), the session check (<c>Account.me</c>), a
/// session that ends between page load and call, and a refused argument shown from <c>ServerFunctionError</c>.
/// </summary>
[Collection(HogwartsInChromium.Name)]
public sealed class ServerFunctionClientBrowserTests(ChromiumFixture chromium, HogwartsFixture fixture)
{
    private const string ListFunction = "/_server/Students/List";
    private const string LogoutFunction = "/_server/Account/Logout";

    [Fact]
    public async Task Switching_house_calls_the_server_function_and_rewrites_the_page_in_place_and_back_and_forward_follow()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var observed = Observe(page);
        await LogInAtAsync(page, "/students/Gryffindor", "harry", "expelliarmus");
        await page.EvaluateAsync("() => window.loadedOnce = true");
        observed.Requests.Clear();

        await page.ClickAsync("nav.houses a:text-is('Slytherin')");
        await page.WaitForFunctionAsync("() => document.querySelector('#house-name').textContent === 'Slytherin'");

        Assert.Equal("/students/Slytherin", PathAndQuery(page));
        Assert.Equal(["Draco Malfoy year 1", "Pansy Parkinson year 1"], await StudentsAsync(page));
        Assert.Equal(await PointsOnTheServerAsync("Slytherin"), await page.TextContentAsync("#house-points"));
        Assert.Equal("Slytherin · Hogwarts", await page.TitleAsync());
        Assert.Equal(["Slytherin"], await page.Locator("nav.houses a.current").AllTextContentsAsync());
        Assert.True(await page.IsHiddenAsync("#house-problem"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded: the switch navigated");
        Assert.Equal(["POST fetch " + ListFunction], observed.ListCalls);
        Assert.DoesNotContain(observed.Requests, r => r.Contains("/students/", StringComparison.Ordinal));

        // Back and forward are blazor.web.js's enhanced navigation (no reload), which leaves the house to the script: it
        // shows the entry's house through the client again.
        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#house-name').textContent === 'Gryffindor'");

        Assert.Equal("/students/Gryffindor", PathAndQuery(page));
        Assert.Contains("Harry Potter year 1", await StudentsAsync(page));
        Assert.Equal(["Gryffindor"], await page.Locator("nav.houses a.current").AllTextContentsAsync());
        Assert.Equal("Gryffindor · Hogwarts", await page.TitleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded: going back navigated");
        Assert.Equal(2, observed.ListCalls.Count());

        await page.GoForwardAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#house-name').textContent === 'Slytherin'");

        Assert.Equal("/students/Slytherin", PathAndQuery(page));
        Assert.Contains("Draco Malfoy year 1", await StudentsAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded: going forward navigated");
        Assert.Equal(3, observed.ListCalls.Count());
        Assert.DoesNotContain(observed.Requests, r => r.Contains(" document ", StringComparison.Ordinal));
        Assert.True(observed.Errors.Count == 0, string.Join(Environment.NewLine, observed.Errors));
    }

    [Fact]
    public async Task A_prefect_who_switched_house_awards_points_to_the_house_on_screen_and_sees_them()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        await LogInAtAsync(page, "/students/Gryffindor", "hermione", "wingardium-leviosa");
        await page.ClickAsync("nav.houses a:text-is('Hufflepuff')");
        await page.WaitForFunctionAsync("() => document.querySelector('#house-name').textContent === 'Hufflepuff'");
        var before = int.Parse(await page.TextContentAsync("#house-points") ?? string.Empty, System.Globalization.CultureInfo.InvariantCulture);

        // The enhanced award form posts the house on screen; blazor.web.js follows its redirect back to the page in place,
        // and the script shows the house's new points through the client.
        await page.FillAsync(".award input[name=points]", "7");
        await page.ClickAsync(".award button");
        await page.WaitForFunctionAsync($"() => document.querySelector('#house-points').textContent === '{before + 7}'");

        Assert.Equal("/students/Hufflepuff", PathAndQuery(page));
        Assert.Equal("Hufflepuff", await page.TextContentAsync("#house-name"));
        Assert.Equal((before + 7).ToString(System.Globalization.CultureInfo.InvariantCulture), await PointsOnTheServerAsync("Hufflepuff"));
    }

    [Fact]
    public async Task The_live_panel_follows_a_switch_through_the_client_and_back()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var observed = Observe(page);
        await LogInAtAsync(page, "/students/Gryffindor", "harry", "expelliarmus");
        await page.WaitForSelectorAsync("section.live[data-interactive=true]");
        Assert.Equal("Gryffindor", await page.TextContentAsync("#live-house"));
        Assert.Equal(1, await page.Locator("#live-common-room").CountAsync());

        // No navigation sets the circuit's House: the page's script tells it which house it now shows.
        await page.ClickAsync("nav.houses a:text-is('Ravenclaw')");
        await page.WaitForFunctionAsync("() => document.querySelector('#live-house').textContent === 'Ravenclaw'");

        Assert.Equal(await PointsOnTheServerAsync("Ravenclaw"), await page.TextContentAsync("#live-points"));
        Assert.Equal(0, await page.Locator("#live-common-room").CountAsync());

        // Back is blazor.web.js's enhanced navigation, which gives the component its House again.
        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#live-house').textContent === 'Gryffindor'");

        Assert.Equal(await PointsOnTheServerAsync("Gryffindor"), await page.TextContentAsync("#live-points"));
        Assert.Equal(1, await page.Locator("#live-common-room").CountAsync());
        Assert.True(observed.Errors.Count == 0, string.Join(Environment.NewLine, observed.Errors));
    }

    [Fact]
    public async Task Without_JavaScript_the_house_links_load_their_pages()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/students/Gryffindor");
        await LogInAsync(page, "harry", "expelliarmus");

        await page.ClickAsync("nav.houses a:text-is('Ravenclaw')");
        await page.WaitForAddressAsync("/students/Ravenclaw$");

        Assert.Equal("Ravenclaw", await page.TextContentAsync("#house-name"));
        Assert.Contains("Luna Lovegood year 2", await StudentsAsync(page));
    }

    [Fact]
    public async Task With_the_session_gone_a_switch_lands_on_the_login_page_and_logging_in_returns_to_the_house_asked_for()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var observed = Observe(page);
        await LogInAtAsync(page, "/students/Gryffindor", "harry", "expelliarmus");

        // The session ends after the page was rendered: the guard answers the client's call with 401 and X-Session-Redirect.
        await context.ClearCookiesAsync();
        await page.ClickAsync("nav.houses a:text-is('Hufflepuff')");
        await page.WaitForAddressAsync(@"/login\?returnUrl=");

        Assert.Equal("/login?returnUrl=%2Fstudents%2FHufflepuff", PathAndQuery(page));
        Assert.Equal("Log in", await page.TextContentAsync("h1"));
        Assert.Equal(["POST fetch " + ListFunction], observed.ListCalls);
        Assert.Equal([401], observed.ListStatuses);

        await LogInAsync(page, "harry", "expelliarmus");

        Assert.Equal("/students/Hufflepuff", PathAndQuery(page));
        Assert.Equal("Hufflepuff", await page.TextContentAsync("#house-name"));
        Assert.Contains("Cedric Diggory year 4", await StudentsAsync(page));
    }

    [Fact]
    public async Task A_redirect_thrown_in_a_helper_lands_on_the_same_page_from_script_and_from_the_form()
    {
        // From script: the logout form's submit calls Account.logout() through the client, which gets 204 + X-Server-Redirect.
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var scriptAnswers = new List<string>();
        page.Response += (_, response) => Record(scriptAnswers, response);
        await LogInAtAsync(page, "/students/Ravenclaw", "luna", "nargles");
        await page.ClickAsync("#logout button");
        await page.WaitForAddressAsync("/login$");
        var fromScript = PathAndQuery(page);

        // From the form, in a browser without JavaScript: the same server function answers the post with 303.
        await using var withoutScript = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = false });
        var formPage = await withoutScript.NewPageAsync();
        var formAnswers = new List<string>();
        formPage.Response += (_, response) => Record(formAnswers, response);
        await formPage.GotoAsync("/students/Ravenclaw");
        await LogInAsync(formPage, "luna", "nargles");
        await formPage.ClickAsync("#logout button");
        await formPage.WaitForAddressAsync("/login$");
        var fromForm = PathAndQuery(formPage);

        Assert.Equal("/login", fromScript);
        Assert.Equal(fromScript, fromForm);
        Assert.Equal(["fetch 204 /login"], scriptAnswers);
        Assert.Equal(["document 303 /login"], formAnswers);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == HogwartsFixture.CookieName);
        Assert.DoesNotContain(await withoutScript.CookiesAsync(), c => c.Name == HogwartsFixture.CookieName);

        static void Record(List<string> answers, IResponse response)
        {
            if (new Uri(response.Url).AbsolutePath == LogoutFunction)
            {
                var location = response.Status == 204 ? response.Headers.GetValueOrDefault("x-server-redirect") : response.Headers.GetValueOrDefault("location");
                answers.Add($"{response.Request.ResourceType} {response.Status} {location}");
            }
        }
    }

    [Fact]
    public async Task An_argument_the_server_refuses_is_shown_with_the_parameter_the_error_names()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var observed = Observe(page);
        await LogInAtAsync(page, "/students/Gryffindor", "harry", "expelliarmus");

        // A link to a house the client's House does not know (an old bookmark's, say): the script sends no house, and
        // the server's binder refuses the call with 400 naming the parameter.
        await page.EvaluateAsync("""
            () => document.querySelector('nav.houses').append(Object.assign(document.createElement('a'), { href: '/students/Hogsmeade', textContent: 'Hogsmeade' }))
            """);
        await page.ClickAsync("nav.houses a:text-is('Hogsmeade')");
        await page.WaitForSelectorAsync("#house-problem:not([hidden])");

        Assert.Equal("Invalid argument: house", await page.TextContentAsync("#house-problem[role=alert]"));
        Assert.Equal([400], observed.ListStatuses);
        Assert.Equal("Gryffindor", await page.TextContentAsync("#house-name"));
        Assert.Contains("Harry Potter year 1", await StudentsAsync(page));

        // The next switch the server accepts clears it.
        await page.ClickAsync("nav.houses a:text-is('Ravenclaw')");
        await page.WaitForFunctionAsync("() => document.querySelector('#house-name').textContent === 'Ravenclaw'");
        Assert.True(await page.IsHiddenAsync("#house-problem"));
    }

    [Fact]
    public async Task The_session_view_is_checked_through_the_client_not_a_hand_written_fetch()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        var observed = Observe(page);
        await page.GotoAsync("/login");
        await page.WaitForFunctionAsync("document.documentElement.dataset.sessionValidated === 'anonymous'");

        await LogInAsync(page, "harry", "expelliarmus");
        await page.WaitForFunctionAsync("document.documentElement.dataset.sessionValidated === 'signed-in'");

        Assert.Equal(["POST fetch /_server/Account/Me", "POST fetch /_server/Account/Me"], observed.Calls.Where(static c => c.EndsWith("/Me", StringComparison.Ordinal)));
        Assert.DoesNotContain(observed.Requests, r => r.EndsWith("/_session", StringComparison.Ordinal));
        Assert.Equal("Harry Potter", await page.EvaluateAsync<string>("window.session.name"));
        Assert.True(observed.Errors.Count == 0, string.Join(Environment.NewLine, observed.Errors));
    }

    private string BaseUrl => fixture.Address.ToString().TrimEnd('/');

    private static string PathAndQuery(IPage page) => new Uri(page.Url).PathAndQuery;

    private static async Task<IReadOnlyList<string>> StudentsAsync(IPage page) =>
        (await page.Locator("ul.students li").AllTextContentsAsync()).Select(static s => s.Trim()).ToList();

    /// <summary>The house's points as the server renders them now, read in a browser of its own.</summary>
    private async Task<string?> PointsOnTheServerAsync(string house)
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/students/" + house);
        await LogInAsync(page, "luna", "nargles");
        return await page.TextContentAsync("#house-points");
    }

    private static async Task LogInAsync(IPage page, string username, string password)
    {
        await page.FillAsync("input[name=username]", username);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Opens <paramref name="path"/>, logs in and waits until the page's script has taken over its links.</summary>
    private static async Task LogInAtAsync(IPage page, string path, string username, string password)
    {
        await page.GotoAsync(path);
        await LogInAsync(page, username, password);
        Assert.Equal(path, PathAndQuery(page));
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.documentElement.dataset.houseSwitch === 'client'");
    }

    /// <summary>What the page asks of the server: every request, and the server function calls with their kind and answers.</summary>
    private static ObservedCalls Observe(IPage page)
    {
        var observed = new ObservedCalls([], [], [], []);
        page.Request += (_, request) =>
        {
            observed.Requests.Add($"{request.Method} {request.ResourceType} {request.Url}");
            var path = new Uri(request.Url).AbsolutePath;
            if (path.StartsWith("/_server/", StringComparison.Ordinal) && !path.StartsWith("/_server/client.", StringComparison.Ordinal))
            {
                observed.Calls.Add($"{request.Method} {request.ResourceType} {path}");
            }
        };
        page.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath == ListFunction)
            {
                observed.ListStatuses.Add(response.Status);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                observed.Errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => observed.Errors.Add(error);
        return observed;
    }

    private sealed record ObservedCalls(List<string> Requests, List<string> Calls, List<int> ListStatuses, List<string> Errors)
    {
        /// <summary>The calls of Students.List, which only the house switch makes.</summary>
        public IEnumerable<string> ListCalls => Calls.Where(static c => c.EndsWith(ListFunction, StringComparison.Ordinal));
    }
}
