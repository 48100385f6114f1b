using System.Net;
using System.Text.Json;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Rules;

/// <summary>
/// Over HTTP on Kestrel: <c>[RequireSession&lt;TRule&gt;]</c> on a server function (called by the generated endpoint), its
/// class, a minimal API handler, a controller and its actions, and a Razor page (evaluated by <c>UseSessionAuth()</c>).
/// A rule that refuses a signed-in user is the forbidden answer: 403 problem+json naming the rule for scripts, the
/// access-denied page (or a plain 403) for navigations; an anonymous request gets the guard's usual answers.
/// </summary>
public sealed class SessionRuleHttpTests : IAsyncLifetime
{
    private const string AccessDenied = "/no-entry";

    private RunningApp _app = null!;

    public async Task InitializeAsync() => _app = await SessionRulesApp.StartAsync(AccessDenied);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_rule_on_a_server_function_and_one_on_its_class_must_both_hold()
    {
        using var percy = await SessionRulesApp.SignedInAsync(_app.Address, "percy");
        using var harry = await SessionRulesApp.SignedInAsync(_app.Address, "harry");
        using var tom = await SessionRulesApp.SignedInAsync(_app.Address, "tom");
        const string Path = "/_server/RuleFunctions/AwardPoints";
        const string Json = """{"house":"Gryffindor","points":10}""";

        using var allowed = await percy.FetchAsync(Path, Json);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("\"percy awarded 10 points to Gryffindor\"", await allowed.Content.ReadAsStringAsync());

        await AssertRefusedAsync(await harry.FetchAsync(Path, Json), "Prefect");
        await AssertRefusedAsync(await tom.FetchAsync(Path, Json), "NotExpelled");
    }

    /// <summary>A rule on a base class of a server function's class is the class's too (<c>GetCustomAttributes(inherit: true)</c>).</summary>
    [Fact]
    public async Task A_rule_on_a_base_class_of_a_server_functions_class_must_hold_beside_the_class_own()
    {
        using var percy = await SessionRulesApp.SignedInAsync(_app.Address, "percy");
        using var harry = await SessionRulesApp.SignedInAsync(_app.Address, "harry");
        using var tom = await SessionRulesApp.SignedInAsync(_app.Address, "tom");
        using var anonymous = new TestClient(_app.Address);
        const string Path = "/rules/functions/corridor";

        Assert.Equal("\"percy patrols the corridor\"", await TextAsync(percy, Path));
        await AssertRefusedAsync(await harry.FetchAsync(Path, method: HttpMethod.Get), "Prefect");
        await AssertRefusedAsync(await tom.FetchAsync(Path, method: HttpMethod.Get), "NotExpelled");
        using var challenged = await anonymous.FetchAsync(Path, method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
    }

    [Fact]
    public async Task A_two_argument_rule_on_a_server_function_reads_the_bound_route_value()
    {
        using var harry = await SessionRulesApp.SignedInAsync(_app.Address, "harry");
        using var draco = await SessionRulesApp.SignedInAsync(_app.Address, "draco");

        Assert.Equal("\"harry in the Gryffindor common room\"", await TextAsync(harry, "/rules/functions/houses/Gryffindor/common-room"));
        Assert.Equal("\"draco in the Slytherin common room\"", await TextAsync(draco, "/rules/functions/houses/Slytherin/common-room"));
        await AssertRefusedAsync(await harry.FetchAsync("/rules/functions/houses/Slytherin/common-room", method: HttpMethod.Get), "OwnHouse");
        await AssertNavigationRefusedAsync(harry, "/rules/functions/houses/Slytherin/common-room");
        await AssertInvalidArgumentAsync(await harry.FetchAsync("/rules/functions/houses/Muggle/common-room", method: HttpMethod.Get));
    }

    [Fact]
    public async Task A_rule_on_a_minimal_API_handler_reads_the_session_and_a_route_or_query_value()
    {
        using var percy = await SessionRulesApp.SignedInAsync(_app.Address, "percy");
        using var harry = await SessionRulesApp.SignedInAsync(_app.Address, "harry");
        using var draco = await SessionRulesApp.SignedInAsync(_app.Address, "draco");

        Assert.Equal("minimal prefects", await TextAsync(percy, "/rules/minimal/prefects"));
        await AssertRefusedAsync(await harry.FetchAsync("/rules/minimal/prefects", method: HttpMethod.Get), "Prefect");
        await AssertNavigationRefusedAsync(harry, "/rules/minimal/prefects");

        Assert.Equal("minimal Gryffindor", await TextAsync(harry, "/rules/minimal/houses/Gryffindor"));
        Assert.Equal("minimal Slytherin", await TextAsync(draco, "/rules/minimal/houses/Slytherin"));
        await AssertRefusedAsync(await harry.FetchAsync("/rules/minimal/houses/Slytherin", method: HttpMethod.Get), "OwnHouse");
        await AssertRefusedAsync(await draco.FetchAsync("/rules/minimal/houses/Gryffindor", method: HttpMethod.Get), "OwnHouse");

        Assert.Equal("minimal query Gryffindor", await TextAsync(harry, "/rules/minimal/house?house=Gryffindor"));
        await AssertRefusedAsync(await harry.FetchAsync("/rules/minimal/house?house=Slytherin", method: HttpMethod.Get), "OwnHouse");
        await AssertInvalidArgumentAsync(await harry.FetchAsync("/rules/minimal/house?house=Muggle", method: HttpMethod.Get));
        await AssertInvalidArgumentAsync(await harry.FetchAsync("/rules/minimal/house", method: HttpMethod.Get));
    }

    [Fact]
    public async Task Rules_on_a_controller_and_its_actions_must_all_hold_unless_the_action_allows_anonymous()
    {
        using var percy = await SessionRulesApp.SignedInAsync(_app.Address, "percy");
        using var harry = await SessionRulesApp.SignedInAsync(_app.Address, "harry");
        using var tom = await SessionRulesApp.SignedInAsync(_app.Address, "tom");
        using var anonymous = new TestClient(_app.Address);

        Assert.Equal("controller prefects", await TextAsync(percy, "/rules/mvc/prefects"));
        await AssertRefusedAsync(await harry.FetchAsync("/rules/mvc/prefects", method: HttpMethod.Get), "Prefect");
        await AssertRefusedAsync(await tom.FetchAsync("/rules/mvc/prefects", method: HttpMethod.Get), "NotExpelled");

        Assert.Equal("controller Gryffindor", await TextAsync(harry, "/rules/mvc/houses/Gryffindor"));
        await AssertRefusedAsync(await harry.FetchAsync("/rules/mvc/houses/Ravenclaw", method: HttpMethod.Get), "OwnHouse");

        Assert.Equal("controller open", await TextAsync(tom, "/rules/mvc/open"));
        Assert.Equal("controller open", await TextAsync(anonymous, "/rules/mvc/open"));
    }

    [Fact]
    public async Task A_rule_on_a_Razor_page_reads_the_session_and_the_route_value()
    {
        using var percy = await SessionRulesApp.SignedInAsync(_app.Address, "percy");
        using var harry = await SessionRulesApp.SignedInAsync(_app.Address, "harry");

        using var page = await percy.NavigateAsync("/rules/razor/prefects");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("prefects&#x27; page", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNavigationRefusedAsync(harry, "/rules/razor/prefects");
        await AssertRefusedAsync(await harry.FetchAsync("/rules/razor/prefects", method: HttpMethod.Get), "Prefect");

        using var ownHouse = await harry.NavigateAsync("/rules/razor/houses/Gryffindor");
        Assert.Equal(HttpStatusCode.OK, ownHouse.StatusCode);
        Assert.Contains("the Gryffindor common room page", await ownHouse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNavigationRefusedAsync(harry, "/rules/razor/houses/Hufflepuff");
    }

    [Theory]
    [InlineData("/_server/RuleFunctions/AwardPoints", "POST")]
    [InlineData("/rules/functions/houses/Gryffindor/common-room", "GET")]
    [InlineData("/rules/minimal/prefects", "GET")]
    [InlineData("/rules/minimal/houses/Gryffindor", "GET")]
    [InlineData("/rules/mvc/prefects", "GET")]
    [InlineData("/rules/razor/prefects", "GET")]
    public async Task An_anonymous_request_to_a_rule_gets_the_guards_answers(string path, string method)
    {
        using var anonymous = new TestClient(_app.Address);

        using var script = await anonymous.FetchAsync(path, method == "POST" ? "{}" : null, new HttpMethod(method));
        Assert.Equal(HttpStatusCode.Unauthorized, script.StatusCode);
        Assert.Equal($"/login?returnUrl={Uri.EscapeDataString(path)}", script.Headers.GetValues(SessionAuthDefaults.SessionRedirectHeaderName).Single());

        if (method == "GET")
        {
            using var navigation = await anonymous.NavigateAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, navigation.StatusCode);
            Assert.Equal($"/login?returnUrl={Uri.EscapeDataString(path)}", navigation.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [InlineData("/rules/minimal/redirected")]
    [InlineData("/rules/functions/prefects-lounge")]
    public async Task RedirectTo_on_a_rule_sends_anonymous_navigations_to_its_path(string path)
    {
        using var anonymous = new TestClient(_app.Address);

        using var navigation = await anonymous.NavigateAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, navigation.StatusCode);
        Assert.Equal($"/prefects/sign-in?returnUrl={Uri.EscapeDataString(path)}", navigation.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_refusal_is_counted_as_forbidden()
    {
        using var harry = await SessionRulesApp.SignedInAsync(_app.Address, "harry");
        Assert.DoesNotContain("answer=forbidden", _app.Denied);

        (await harry.FetchAsync("/rules/minimal/prefects", method: HttpMethod.Get)).Dispose();
        (await harry.FetchAsync("/_server/RuleFunctions/AwardPoints", """{"house":"Gryffindor","points":1}""")).Dispose();

        Assert.Equal(2, _app.Denied.Count(answer => answer == "answer=forbidden"));
    }

    /// <summary>
    /// The class of faults where the rule judges one value and the endpoint acts on another: every way the argument's
    /// name can reach an endpoint a second time (an optional route value left out while the query has it, the query
    /// beside a route value) is refused, never judged on the value the endpoint skips. A controller action's argument is
    /// judged on the value MVC bound, so a form field beside the query value a <c>[FromQuery]</c> parameter binds changes
    /// nothing (RuleArgumentSourceTests has the table of sources).
    /// </summary>
    [Theory]
    [InlineData("GET", "/rules/minimal/notices?house=Gryffindor", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/rules/minimal/notices/Gryffindor", null, HttpStatusCode.OK)]
    [InlineData("GET", "/rules/minimal/notices/Slytherin?house=Gryffindor", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/rules/minimal/houses/Gryffindor/by-query?house=Slytherin", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/rules/minimal/houses/Slytherin?house=Gryffindor", null, HttpStatusCode.BadRequest)]
    [InlineData("POST", "/rules/mvc-plain/houses?house=Gryffindor", "Slytherin", HttpStatusCode.OK)]
    [InlineData("POST", "/rules/mvc-plain/houses?house=Gryffindor", null, HttpStatusCode.OK)]
    public async Task A_rule_never_judges_another_value_than_the_endpoint_binds(string method, string path, string? formHouse, HttpStatusCode expected)
    {
        using var harry = await SessionRulesApp.SignedInAsync(_app.Address, "harry");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Accept", "application/json");
        if (formHouse is not null)
        {
            request.Content = new FormUrlEncodedContent([new("house", formHouse)]);
        }

        using var response = await harry.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains("Gryffindor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A rule's argument that does not bind is answered as a server function parameter that does not bind: 400
    /// problem+json naming it, with the same detail (the binding is the same code), never cached.
    /// </summary>
    [Theory]
    [InlineData("/rules/minimal/house?house=Muggle", "The value 'Muggle' is not a valid House for the argument 'house'.")]
    [InlineData("/rules/minimal/houses/Muggle", "The value 'Muggle' is not a valid House for the argument 'house'.")]
    [InlineData("/rules/minimal/house", "The argument 'house' is required.")]
    [InlineData("/rules/minimal/house?house=Gryffindor&house=Slytherin", "The argument 'house' was given more than once; send it once.")]
    [InlineData("/rules/minimal/houses/Slytherin?house=Gryffindor", "The argument 'house' was given both in the route and in the query string, where a rule over it would not read it; send it once, in the route.")]
    [InlineData("/rules/minimal/notices?house=Gryffindor", "The argument 'house' was given both in the route and in the query string, where a rule over it would not read it; send it once, in the route.")]
    public async Task A_rules_argument_that_does_not_bind_is_answered_400_naming_it(string path, string detail)
    {
        using var harry = await SessionRulesApp.SignedInAsync(_app.Address, "harry");

        using var response = await harry.FetchAsync(path, method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("house", problem.RootElement.GetProperty("parameter").GetString());
        Assert.Equal(detail, problem.RootElement.GetProperty("errors").GetProperty("house")[0].GetString());
    }

    [Fact]
    public async Task A_generic_rule_is_named_without_its_arity_and_asks_what_it_combines()
    {
        using var percy = await SessionRulesApp.SignedInAsync(_app.Address, "percy");
        using var tom = await SessionRulesApp.SignedInAsync(_app.Address, "tom");

        Assert.Equal("both", await TextAsync(percy, "/rules/minimal/both"));
        await AssertRefusedAsync(await tom.FetchAsync("/rules/minimal/both", method: HttpMethod.Get), "Both");
        using var harry = await SessionRulesApp.SignedInAsync(_app.Address, "harry");
        await AssertRefusedAsync(await harry.FetchAsync("/rules/minimal/both", method: HttpMethod.Get), "Both");
        await AssertRefusedAsync(await harry.FetchAsync("/rules/functions/both", method: HttpMethod.Get), "Both");
    }

    [Fact]
    public async Task A_rule_the_group_adds_holds_for_server_functions_that_require_a_session_themselves()
    {
        using var percy = await SessionRulesApp.SignedInAsync(_app.Address, "percy");
        using var harry = await SessionRulesApp.SignedInAsync(_app.Address, "harry");

        // CommonRoom requires a session (OwnHouse) of its own; the group adds Prefect, which harry is not.
        Assert.Equal("\"harry in the Gryffindor common room\"", await TextAsync(harry, "/rules/functions/houses/Gryffindor/common-room"));
        await AssertRefusedAsync(await harry.FetchAsync("/prefects-only/rules/functions/houses/Gryffindor/common-room", method: HttpMethod.Get), "Prefect");
        Assert.Equal("\"percy in the Gryffindor common room\"", await TextAsync(percy, "/prefects-only/rules/functions/houses/Gryffindor/common-room"));
    }

    private static async Task<string> TextAsync(TestClient client, string path)
    {
        using var response = await client.FetchAsync(path, method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string rule)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(403, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal(rule, problem.RootElement.GetProperty("refusedBy").GetString());
        }
    }

    private static async Task AssertNavigationRefusedAsync(TestClient client, string path)
    {
        using var navigation = await client.NavigateAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, navigation.StatusCode);
        Assert.Equal($"{AccessDenied}?returnUrl={Uri.EscapeDataString(path)}", navigation.Headers.Location?.OriginalString);
    }

    private static async Task AssertInvalidArgumentAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("house", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
