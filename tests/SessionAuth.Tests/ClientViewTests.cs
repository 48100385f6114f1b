using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

public sealed class ClientViewTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _app = TestAppHost.Build(o => o.ExposeToClient<UserSession, UserView>(user => new UserView(user.Name)));
        await _app.StartAsync();
        _address = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_session_endpoint_serves_null_to_anonymous_callers()
    {
        using var client = new TestClient(_address);

        using var response = await client.FetchAsync("/_session", method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store, private", response.Headers.CacheControl?.ToString());
        Assert.Equal("null", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_session_endpoint_serves_the_projection_and_nothing_else()
    {
        using var client = new TestClient(_address);
        await client.LoginAsync("hermione");

        using var response = await client.FetchAsync("/_session", method: HttpMethod.Get);

        using var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("hermione", view.RootElement.GetProperty("name").GetString());
        Assert.False(view.RootElement.TryGetProperty("userId", out _));
    }

    [Fact]
    public async Task The_page_carries_the_view_in_a_json_script_element_that_no_value_can_break_out_of()
    {
        using var client = new TestClient(_address);
        await client.LoginAsync("</script><script>alert(1)</script>");

        using var response = await client.NavigateAsync("/page");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {response.Headers}");

        var start = html.IndexOf("<script type=\"application/json\" id=\"session\">", StringComparison.Ordinal);
        Assert.True(start >= 0, html);
        var json = html[(start + "<script type=\"application/json\" id=\"session\">".Length)..html.LastIndexOf("</script>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        using var view = JsonDocument.Parse(json);
        Assert.Equal("</script><script>alert(1)</script>", view.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Nothing_is_exposed_unless_the_app_says_what()
    {
        var (app, address) = await TestAppHost.StartAsync();
        await using (app)
        {
            using var client = new TestClient(address);
            await client.LoginAsync();

            using var session = await client.FetchAsync("/_session", method: HttpMethod.Get);
            using var page = await client.NavigateAsync("/page");

            Assert.Equal("null", await session.Content.ReadAsStringAsync());
            Assert.Contains("<script type=\"application/json\" id=\"session\">null</script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_view_of_another_session_type_stops_the_start()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => TestAppHost.Build(o => o.ExposeToClient<Student, string>(s => s.Name)));

        Assert.Contains("ExposeToClient<Student, ...> does not match the session data type UserSession", exception.Message, StringComparison.Ordinal);
    }
}
