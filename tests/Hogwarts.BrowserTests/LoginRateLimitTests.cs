using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>
/// The sample as <see cref="HogwartsFixture"/> starts it, with small login limits and a window far longer than a test:
/// <see cref="PerUserName"/> attempts at one user name and <see cref="PerAddress"/> from one address. Each test class
/// gets its own app, so each starts with full windows.
/// </summary>
public sealed class LoginLimitedHogwartsFixture : HogwartsFixture
{
    public const int PerUserName = 3;
    public const int PerAddress = 8;

    protected override void Configure(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        configuration[$"{LoginRateLimitOptions.Section}:PerAddress"] = PerAddress.ToString(CultureInfo.InvariantCulture);
        configuration[$"{LoginRateLimitOptions.Section}:PerUserName"] = PerUserName.ToString(CultureInfo.InvariantCulture);
        configuration[$"{LoginRateLimitOptions.Section}:Window"] = "01:00:00";
    }
}

/// <summary>Brute force in the browser: wrong passwords, then the login page says the limit was reached.</summary>
[Collection(HogwartsInChromium.Name)]
public sealed class LoginRateLimitBrowserTests(ChromiumFixture chromium, LoginLimitedHogwartsFixture fixture) : IClassFixture<LoginLimitedHogwartsFixture>
{
    [Fact]
    public async Task Wrong_passwords_up_to_the_limit_then_the_login_page_shows_the_limit_message_and_the_right_password_is_refused_too()
    {
        var (context, page) = await chromium.NewPageAsync(fixture);
        await using var _ = context;
        await page.GotoAsync("/students/Ravenclaw");

        for (var attempt = 0; attempt < LoginLimitedHogwartsFixture.PerUserName; attempt++)
        {
            await LogInAsync(page, "luna", "wrong-" + attempt);
            Assert.Equal("Wrong username or password.", await page.TextContentAsync("[role=alert]"));
        }

        // The user name in another case is the same account, and the same partition.
        await LogInAsync(page, "Luna", "wrong-again");

        var url = new Uri(page.Url);
        Assert.Equal("/login", url.AbsolutePath);
        Assert.Contains("error=limited", url.Query, StringComparison.Ordinal);
        Assert.Contains("returnUrl=%2Fstudents%2FRavenclaw", url.Query, StringComparison.Ordinal);
        var message = await page.TextContentAsync("[role=alert]");
        Assert.Equal("Too many login attempts. Try again in 60 minutes.", message);

        // The limit holds whatever the password: the right password gets no further.
        await LogInAsync(page, "luna", "nargles");
        Assert.Contains("error=limited", new Uri(page.Url).Query, StringComparison.Ordinal);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == HogwartsFixture.CookieName);

        Directory.CreateDirectory(Path.Combine(HogwartsFixture.RepositoryRoot, "artifacts", "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HogwartsFixture.RepositoryRoot, "artifacts", "screenshots", "login-limited.png"), FullPage = true });
    }

    private static async Task LogInAsync(IPage page, string username, string password)
    {
        await page.FillAsync("input[name=username]", username);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}

/// <summary>Brute force over HTTP: the 429 a script gets, and the two partitions.</summary>
public sealed class LoginRateLimitHttpTests(LoginLimitedHogwartsFixture fixture) : IClassFixture<LoginLimitedHogwartsFixture>
{
    [Fact]
    public async Task A_user_name_is_limited_with_429_problem_json_and_Retry_After_and_then_the_address_limits_every_other_user_name()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.Address };

        for (var attempt = 0; attempt < LoginLimitedHogwartsFixture.PerUserName; attempt++)
        {
            // The function read the body the limiter read first: it answers the wrong password, not a 400.
            // A script gets the function's redirect as 204 with X-Server-Redirect, not a 3xx its fetch would follow.
            using var wrong = await LogInAsync(http, "ginny", "wrong");
            Assert.Equal(HttpStatusCode.NoContent, wrong.StatusCode);
            Assert.StartsWith("/login?error=1", Assert.Single(wrong.Headers.GetValues("X-Server-Redirect")), StringComparison.Ordinal);
        }

        using var limited = await LogInAsync(http, "ginny", "wrong");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = Assert.Single(limited.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, CultureInfo.InvariantCulture), 1, 3600);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()))
        {
            Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("Too many login attempts", problem.RootElement.GetProperty("title").GetString());
            Assert.Equal(int.Parse(retryAfter, CultureInfo.InvariantCulture), problem.RootElement.GetProperty("retryAfter").GetInt32());
        }

        // Each attempt took a permit from the address too, the refused one included. Other user names pass until the
        // address's are gone; then every user name from this address is refused.
        var used = LoginLimitedHogwartsFixture.PerUserName + 1;
        for (var other = 0; used < LoginLimitedHogwartsFixture.PerAddress; other++, used++)
        {
            using var allowed = await LogInAsync(http, "student" + other, "wrong");
            Assert.True(allowed.StatusCode != HttpStatusCode.TooManyRequests, $"attempt {used + 1} from the address, the first as student{other}, was refused");
        }

        using var byAddress = await LogInAsync(http, "luna", "wrong");
        Assert.Equal(HttpStatusCode.TooManyRequests, byAddress.StatusCode);
        Assert.True(byAddress.Headers.Contains("Retry-After"));

        // The login form posted by a browser is sent back to the login page, which says why.
        using var form = new HttpRequestMessage(HttpMethod.Post, "/_server/Account/Login")
        {
            Content = new FormUrlEncodedContent([new("username", "luna"), new("password", "wrong"), new("returnUrl", "/students/Ravenclaw")]),
        };
        form.Headers.Add("Sec-Fetch-Mode", "navigate");
        form.Headers.Add("Accept", "text/html");
        using var sentBack = await http.SendAsync(form);
        Assert.Equal(HttpStatusCode.SeeOther, sentBack.StatusCode);
        Assert.Matches(@"^/login\?error=limited&retryAfter=\d+&returnUrl=%2Fstudents%2FRavenclaw$", sentBack.Headers.Location?.OriginalString);
    }

    /// <summary>The login as a script calls it: a JSON body, JSON accepted.</summary>
    private static Task<HttpResponseMessage> LogInAsync(HttpClient http, string username, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/_server/Account/Login")
        {
            Content = JsonContent.Create(new { username, password, returnUrl = "/" }),
        };
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        request.Headers.Add("Accept", "application/json");
        return http.SendAsync(request);
    }
}
