using System.Net;
using Microsoft.AspNetCore.Builder;
using System.Text.Json;
using SessionAuth.Infrastructure;

namespace SessionAuth.Tests;

/// <summary>Run twice: with sessions in sealed cookies, and in the server store; guards must not tell the difference.</summary>
public abstract class ServerFunctionHttpTests(TestAppFixture fixture)
{
    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task An_anonymous_navigation_is_redirected_to_the_login_page_with_the_return_url()
    {
        using var client = fixture.CreateClient();

        using var response = await client.NavigateAsync("/api/students/Gryffindor?take=2");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fapi%2Fstudents%2FGryffindor%3Ftake%3D2", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_anonymous_form_post_is_redirected_with_303()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostFormAsync("/_server/Students/Enroll", ("name", "Neville"), ("house", "Gryffindor"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2F_server%2FStudents%2FEnroll", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_anonymous_fetch_gets_401_problem_json_and_the_redirect_header()
    {
        using var client = fixture.CreateClient();

        using var response = await client.FetchAsync("/_server/Account/Me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/login?returnUrl=%2F_server%2FAccount%2FMe", Assert.Single(response.Headers.GetValues(SessionAuthDefaults.SessionRedirectHeaderName)));
        var problem = await ReadJsonAsync(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("/login?returnUrl=%2F_server%2FAccount%2FMe", problem.GetProperty("loginUrl").GetString());
    }

    [Fact]
    public async Task A_call_that_sends_json_without_fetch_metadata_is_treated_as_a_script()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_server/Students/AdoptOwl")
        {
            Content = new StringContent("""{"owl":{"name":"Hedwig","colour":"white"}}""", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_sets_a_sealed_http_only_lax_cookie_and_the_guarded_call_gets_the_typed_session()
    {
        using var client = fixture.CreateClient();

        using var login = await client.FetchAsync("/_server/Account/Login", $$"""{"username":"hermione","password":"{{TestApp.Account.Password}}"}""");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("session=v1.", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hermione", setCookie, StringComparison.OrdinalIgnoreCase);

        using var me = await client.FetchAsync("/_server/Account/Me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await ReadJsonAsync(me);
        Assert.Equal("hermione", body.GetProperty("name").GetString());
        Assert.Equal(8, body.GetProperty("userId").GetInt32());
        Assert.Equal(22, body.GetProperty("sessionId").GetString()!.Length);
    }

    [Fact]
    public async Task A_wrong_password_sets_no_cookie()
    {
        using var client = fixture.CreateClient();

        using var login = await client.FetchAsync("/_server/Account/Login", """{"username":"draco","password":"crucio"}""");

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_get_binds_the_route_value_and_the_query_string()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();

        using var all = await client.FetchAsync("/api/students/Gryffindor", method: HttpMethod.Get);
        using var two = await client.FetchAsync("/api/students/Gryffindor?take=2", method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var students = (await ReadJsonAsync(all)).EnumerateArray().ToList();
        Assert.Equal(3, students.Count);
        Assert.All(students, s => Assert.Equal((int)TestApp.House.Gryffindor, s.GetProperty("house").GetInt32()));
        Assert.Equal(2, (await ReadJsonAsync(two)).GetArrayLength());
    }

    /// <summary>Minimal APIs write the runtime type of a value; so does a server function.</summary>
    [Theory]
    [InlineData("/_server/Familiars/Fawkes", """{"element":"fire","name":"Fawkes"}""")]
    [InlineData("/_server/Familiars/FawkesLater", """{"element":"fire","name":"Fawkes"}""")]
    [InlineData("/_server/Familiars/Plain", """{"name":"Crookshanks"}""")]
    public async Task A_value_of_a_derived_type_is_written_as_what_it_is(string path, string expected)
    {
        using var client = fixture.CreateClient();

        using var response = await client.FetchAsync(path, method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/students/Muggle", "house")]
    [InlineData("/api/students/gryffindor", "house")]
    [InlineData("/api/students/Gryffindor?take=many", "take")]
    [InlineData("/api/students/Gryffindor?take=1&take=2", "take")]
    [InlineData("/api/students/Gryffindor?take=1&TAKE=2", "take")]
    public async Task A_malformed_route_or_query_value_is_a_400_naming_the_parameter(string path, string parameter)
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();

        using var response = await client.FetchAsync(path, method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task A_form_post_binds_fields_by_parameter_name()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();

        using var response = await client.PostFormAsync("/_server/Students/Enroll", ("NAME", "Neville Longbottom"), ("house", "Gryffindor"), ("year", "2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var student = await ReadJsonAsync(response);
        Assert.Equal("Neville Longbottom", student.GetProperty("name").GetString());
        Assert.Equal(2, student.GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task A_json_body_binds_members_by_parameter_name_ignoring_case_and_uses_defaults()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();

        using var response = await client.FetchAsync("/_server/Students/Enroll", """{"Name":"Ginny Weasley","HOUSE":"Gryffindor"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var student = await ReadJsonAsync(response);
        Assert.Equal("Ginny Weasley", student.GetProperty("name").GetString());
        Assert.Equal(1, student.GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task A_complex_argument_binds_from_its_json_member_and_the_session_data_is_passed()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync("harry");

        using var response = await client.FetchAsync("/_server/Students/AdoptOwl", """{"owl":{"name":"Hedwig","colour":"white"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("harry adopted Hedwig, a white owl", (await ReadJsonAsync(response)).GetString());
    }

    [Theory]
    [InlineData("""{"name":"Neville",""", "body")]
    [InlineData("""["Neville"]""", "body")]
    [InlineData("""{"house":"Gryffindor"}""", "name")]
    [InlineData("""{"name":"Neville","house":"Gryffindor","year":"second"}""", "year")]
    [InlineData("""{"name":"Neville","house":{"name":"Gryffindor"}}""", "house")]
    public async Task Bad_json_is_a_400_naming_what_is_wrong(string json, string parameter)
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();

        using var response = await client.FetchAsync("/_server/Students/Enroll", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, (await ReadJsonAsync(response)).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_body_that_is_neither_json_nor_form_is_a_415()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_server/Students/Enroll") { Content = new StringContent("name=Neville") };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task AllowAnonymous_opens_one_function_of_a_guarded_class()
    {
        using var client = fixture.CreateClient();

        using var response = await client.FetchAsync("/_server/Students/Count");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, (await ReadJsonAsync(response)).GetInt32());
    }

    [Fact]
    public async Task RedirectTo_overrides_the_login_path()
    {
        using var client = fixture.CreateClient();

        using var response = await client.NavigateAsync("/_server/Admin/Secret");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/admin/login?returnUrl=%2F_server%2FAdmin%2FSecret", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_instance_function_is_called_on_its_type_from_DI_with_an_optional_session()
    {
        using var client = fixture.CreateClient();

        using var anonymous = await client.FetchAsync("/_server/Greetings/Hello?name=Hagrid", method: HttpMethod.Get);
        await client.LoginAsync("luna");
        using var signedIn = await client.FetchAsync("/_server/Greetings/Hello?name=Hagrid", method: HttpMethod.Get);

        Assert.Equal("Hello, Hagrid", (await ReadJsonAsync(anonymous)).GetString());
        Assert.Equal("Hello, Hagrid (signed in as luna)", (await ReadJsonAsync(signedIn)).GetString());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("v1.AAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("")]
    public async Task A_bad_cookie_is_an_anonymous_request_never_a_500(string value)
    {
        using var client = fixture.CreateClient();
        client.Cookies.Add(fixture.Address, new Cookie("session", value));

        using var navigation = await client.NavigateAsync("/api/students/Gryffindor");
        using var fetch = await client.FetchAsync("/_server/Account/Me");

        Assert.Equal(HttpStatusCode.Found, navigation.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, fetch.StatusCode);
    }

    [Fact]
    public async Task A_tampered_session_cookie_is_refused()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();
        var cookie = client.SessionCookie!;
        var chars = cookie.Value.ToCharArray();
        chars[^5] = chars[^5] == 'A' ? 'B' : 'A';
        client.Cookies.Add(fixture.Address, new Cookie("session", new string(chars)));

        using var response = await client.NavigateAsync("/api/students/Gryffindor");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    [Fact]
    public async Task Logout_deletes_the_cookie_and_the_next_guarded_call_is_refused()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();
        var sealedCookie = client.SessionCookie!.Value;

        using var logout = await client.FetchAsync("/_server/Account/Logout");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var setCookie = Assert.Single(logout.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("session=;", setCookie, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Null(client.SessionCookie);
        using var after = await client.FetchAsync("/_server/Account/Me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);

        // A sealed cookie cannot be revoked: a copy kept from before logout still opens until it expires.
        // Server-side sessions (a later issue) close that gap.
        Assert.StartsWith("v1.", sealedCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_login_starts_a_new_session_id()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();
        var first = (await ReadJsonAsync(await client.FetchAsync("/_server/Account/Me"))).GetProperty("sessionId").GetString();
        (await client.FetchAsync("/_server/Account/Logout")).Dispose();
        await client.LoginAsync();
        var second = (await ReadJsonAsync(await client.FetchAsync("/_server/Account/Me"))).GetProperty("sessionId").GetString();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_minimal_api_handler_marked_RequireSession_is_guarded_by_UseSessionAuth()
    {
        using var client = fixture.CreateClient();

        using var anonymous = await client.FetchAsync("/minimal/me", method: HttpMethod.Get);
        using var navigation = await client.NavigateAsync("/minimal/me");
        await client.LoginAsync("ron");
        using var signedIn = await client.FetchAsync("/minimal/me", method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fminimal%2Fme", navigation.Headers.Location?.OriginalString);
        Assert.Equal("ron", await signedIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_minimal_api_handler_takes_the_session_data_as_a_parameter()
    {
        using var client = fixture.CreateClient();

        using var anonymousGuarded = await client.FetchAsync("/minimal/user", method: HttpMethod.Get);
        using var anonymousOptional = await client.FetchAsync("/minimal/maybe", method: HttpMethod.Get);
        await client.LoginAsync("ginny");
        using var guarded = await client.FetchAsync("/minimal/user", method: HttpMethod.Get);
        using var optional = await client.FetchAsync("/minimal/maybe", method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousGuarded.StatusCode);
        Assert.Equal("anonymous", await anonymousOptional.Content.ReadAsStringAsync());
        Assert.Equal("ginny (5)", await guarded.Content.ReadAsStringAsync());
        Assert.Equal("ginny", await optional.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RequireSession_on_a_route_group_or_a_map_call_is_enforced_by_UseSessionAuth()
    {
        using var client = fixture.CreateClient();

        using var group = await client.NavigateAsync("/reports/daily");
        using var chained = await client.FetchAsync("/minimal/chained", method: HttpMethod.Get);
        await client.LoginAsync();
        using var groupSignedIn = await client.FetchAsync("/reports/daily", method: HttpMethod.Get);

        Assert.Equal("/reports/login?returnUrl=%2Freports%2Fdaily", group.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, chained.StatusCode);
        Assert.Equal("daily report", await groupSignedIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public void RequireSession_refuses_a_redirect_that_is_not_local()
    {
        var builder = WebApplication.CreateBuilder();
        var app = builder.Build();

        var exception = Assert.Throws<ArgumentException>(() => app.MapGroup("/x").RequireSession(redirectTo: "https://evil.example/login"));

        Assert.Equal("redirectTo", exception.ParamName);
    }

    [Theory]
    [InlineData("//evil.com", "/")]
    [InlineData("/\\evil.com", "/")]
    [InlineData("\\\\evil.com", "/")]
    [InlineData("/%2F%2Fevil.com", "/")]
    [InlineData("http:evil.com", "/")]
    [InlineData("https://evil.com", "/")]
    [InlineData("/\t/evil.com", "/")]
    [InlineData("/\r\n/evil.com", "/")]
    [InlineData("   /students", "/")]
    [InlineData("/%09/evil.com", "/")]
    [InlineData("/students/Ravenclaw?page=2", "/students/Ravenclaw?page=2")]
    public async Task A_login_returns_only_to_local_paths_and_otherwise_to_the_root(string returnUrl, string expectedLocation)
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostFormAsync("/_server/Account/SignIn", ("username", "harry"), ("returnUrl", returnUrl));

        // A form post's redirect is a 303, which the browser follows with a GET of the page.
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(expectedLocation, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_login_redirect_keeps_the_apps_path_base()
    {
        await using var app = TestApp.TestAppHost.Build(configureApp: a => a.UsePathBase("/school"));
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var response = await client.NavigateAsync("/school/api/students/Gryffindor");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/school/login?returnUrl=%2Fschool%2Fapi%2Fstudents%2FGryffindor", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unmapped_verb_is_not_served()
    {
        using var client = fixture.CreateClient();

        using var response = await client.FetchAsync("/_server/Students/Count", method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}

public sealed class CookieServerFunctionHttpTests(TestAppFixture fixture) : ServerFunctionHttpTests(fixture), IClassFixture<TestAppFixture>;

public sealed class ServerStoreServerFunctionHttpTests(ServerStoreTestAppFixture fixture) : ServerFunctionHttpTests(fixture), IClassFixture<ServerStoreTestAppFixture>;
