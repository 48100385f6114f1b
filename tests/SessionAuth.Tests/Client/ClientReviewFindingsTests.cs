using System.Text.RegularExpressions;

namespace SessionAuth.Tests.Client;

/// <summary>
/// What the generated client and the redirect protocol still get wrong, each pinned by a test that passes once fixed. The
/// functions are the test app's <c>ClientProbes</c> (SessionAuth.TestApp/ClientProbeFunctions.cs); what held is in
/// <see cref="ClientReviewHeldTests"/>.
/// </summary>
public sealed partial class ClientReviewFindingsTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    private static readonly string[] WebSchemes = ["http", "https"];

    /// <summary>
    /// A redirect result to a URL the app did not check (<c>Results.Redirect(returnUrl)</c>, the open redirect every login
    /// page risks) is, for a navigation, a 302 whose <c>javascript:</c> Location a browser refuses to follow. For a script
    /// the protocol turns it into <c>X-Server-Redirect: javascript:...</c>, and the client hands that to
    /// <c>location.assign</c>, which runs it in the page's origin: an open redirect becomes script injection. The client
    /// must navigate only to http(s) URLs (the URL parser strips tabs and leading spaces, so <c>java\tscript:</c> is one
    /// too), and reject the call instead.
    /// </summary>
    [Theory]
    [InlineData("javascript:alert(document.domain)")]
    [InlineData("JavaScript:alert(document.domain)")]
    [InlineData("java\tscript:alert(document.domain)")]
    [InlineData(" javascript:alert(document.domain)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(document.domain)</script>")]
    public async Task The_client_never_navigates_to_a_script_url_a_redirect_result_names(string to)
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, "redirectTo", to);

        var navigations = outcome.GetProperty("navigations").EnumerateArray().Select(static n => n.GetString()!).ToList();
        Assert.All(navigations, url => Assert.Contains(new Uri(new Uri("http://page.example/"), url.Replace("\t", "", StringComparison.Ordinal).Trim()).Scheme, WebSchemes));
        Assert.False(outcome.TryGetProperty("value", out _), "a call that redirected resolved as if it had succeeded: " + outcome);
    }

    /// <summary>
    /// The same, at the protocol: a script caller must never be told to go to a URL whose scheme is not http or https in
    /// <c>X-Server-Redirect</c>; a navigation that follows a 302 to one goes nowhere, a client that obeys the header runs it.
    /// </summary>
    [Theory]
    [InlineData("javascript:alert(document.domain)")]
    [InlineData("java\tscript:alert(document.domain)")]
    [InlineData("data:text/html,<script>alert(document.domain)</script>")]
    public async Task A_script_caller_is_never_sent_to_a_script_url(string to)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/client-probes/redirect-to?to=" + Uri.EscapeDataString(to));
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        request.Headers.Add("Sec-Fetch-Dest", "empty");
        request.Headers.Add("Accept", "application/json");
        using var response = await client.SendAsync(request);

        if (response.Headers.TryGetValues("X-Server-Redirect", out var values))
        {
            var url = WhatwgStripped(values.Single());
            Assert.True(!SchemePrefix().IsMatch(url) || url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase), $"X-Server-Redirect: {values.Single()} ({(int)response.StatusCode})");
        }
    }

    /// <summary>
    /// A redirect result with a relative URL (<c>Results.Redirect("next?from=relative")</c>) is, for a navigation, a 302
    /// the browser resolves against the function's URL: <c>/client-probes/relative/next?from=relative</c>. The client passes
    /// the header to <c>location.assign</c> as it is, which resolves it against the page's URL instead, so the same
    /// function sends a script caller somewhere else (and, with <c>baseUrl</c> on another origin, to the page's origin).
    /// The client should resolve it against the response's URL (or the server send it resolved).
    /// </summary>
    [Fact]
    public async Task A_relative_redirect_lands_where_a_navigation_following_it_would()
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, "relativeRedirect");

        var navigation = outcome.GetProperty("navigations").EnumerateArray().Single().GetString()!;
        var fromSomePage = new Uri(new Uri("http://page.example/deep/page"), navigation);
        var expected = new Uri(fixture.Address, "/client-probes/relative/next?from=relative");
        Assert.Equal(expected.PathAndQuery, fromSomePage.PathAndQuery);
        Assert.True(fromSomePage.Host == "page.example" || fromSomePage.Authority == expected.Authority, navigation);
    }

    /// <summary>
    /// A <c>decimal</c> query or route value is declared <c>number</c>, and the client sends <c>String(value)</c>: JavaScript
    /// writes small and large numbers with an exponent (<c>1e-7</c>, <c>1e+21</c>), which <c>decimal.TryParse</c> with the
    /// invariant culture refuses (NumberStyles.Number has no exponent), so a valid argument of the declared type is
    /// answered 400 naming the parameter. A double takes the exponent; the JSON body reads either.
    /// </summary>
    [Theory]
    [InlineData("amount", 1e-7, "0.0000001")]
    [InlineData("amount", 1e21, "1000000000000000000000")]
    [InlineData("amountInRoute", 1e-7, "0.0000001")]
    public async Task A_decimal_sent_as_text_arrives_whatever_number_the_caller_passes(string function, double amount, string expected)
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, function, amount);

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal(expected, value.GetString());
    }

    /// <summary>
    /// <c>JsonHttpResult&lt;Wand&gt;</c> made with serializer options of its own (<c>TypedResults.Json(wand, new
    /// JsonSerializerOptions())</c>) writes PascalCase names (<c>Wood</c>), yet the client declares it <c>Promise&lt;Wand&gt;</c>,
    /// whose members are <c>wood</c>, <c>length</c>, <c>core</c>: <c>(await ClientProbes.ownOptions()).wood</c> type-checks
    /// and is undefined. The start-up check reads the app's options, never the result's. Either the declaration is
    /// <c>unknown</c> for a JSON result (which may carry options), or what arrives has the declared names.
    /// </summary>
    [Fact]
    public async Task A_json_result_with_options_of_its_own_is_not_declared_with_the_apps_names()
    {
        var declarations = await ClientProbeCalls.DeclarationsAsync(fixture);
        var declared = ClientProbeCalls.FunctionDeclaration(declarations, "ownOptions");
        if (declared.EndsWith("Promise<unknown>;", StringComparison.Ordinal))
        {
            return;
        }

        var outcome = await ClientProbeCalls.CallAsync(fixture, "ownOptions");
        var arrived = outcome.GetProperty("types").EnumerateObject().Select(static p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(ClientProbeCalls.InterfaceMembers(declarations, "Wand").Keys.Order(StringComparer.Ordinal), arrived);
    }

    /// <summary>
    /// A query <c>int?[]</c> is declared <c>(number | null)[]</c>, but the client drops null items before sending, so
    /// <c>[1, null, 2]</c> arrives as <c>[1, 2]</c>: every item after a null moves to another index, silently. Either the
    /// nulls arrive in their places (the server binds an empty item as null:
    /// <c>ClientReviewHeldTests.Empty_query_items_of_nullable_numbers_bind_as_null</c>), or the declaration does not admit them.
    /// </summary>
    [Fact]
    public async Task Null_items_of_a_query_array_arrive_in_their_places_or_are_not_declared()
    {
        var declared = ClientProbeCalls.FunctionDeclaration(await ClientProbeCalls.DeclarationsAsync(fixture), "maybeIds");
        if (!declared.Contains("null", StringComparison.Ordinal))
        {
            return;
        }

        var outcome = await ClientProbeCalls.CallAsync(fixture, "maybeIds", [new int?[] { 1, null, 2 }]);

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal("1,null,2", value.GetString());
    }

    /// <summary>
    /// The README tells an app that bundles the written client to <c>configure({ baseUrl: "/" })</c>. The client resolves
    /// every route with <c>new URL(route, baseUrl)</c>, which needs an absolute base: a relative one throws "Invalid URL"
    /// on every call, so the documented set-up calls nothing. A relative baseUrl should be taken relative to the page.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("./")]
    public async Task A_relative_base_url_as_the_readme_gives_it_reaches_the_app(string baseUrl)
    {
        var outcome = await ClientProbeCalls.RunAsync(fixture, "BaseUrl.mjs", baseUrl);

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal("x", value.GetString());
    }

    /// <summary>
    /// <c>baseUrl</c> is "the app's root URL"; written without a trailing slash (<c>https://school.example/hogwarts</c>, as
    /// a root is usually written) the URL resolution drops its last segment, and every call goes to
    /// <c>https://school.example/client-probes/...</c>, outside the app.
    /// </summary>
    [Fact]
    public async Task A_base_url_without_a_trailing_slash_keeps_its_last_segment()
    {
        var outcome = await ClientProbeCalls.RunAsync(fixture, "BaseUrl.mjs", "https://school.example/hogwarts");

        Assert.StartsWith("https://school.example/hogwarts/client-probes/letter", outcome.GetProperty("fetched")[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A route constraint may hold braces, escaped as <c>{{</c> and <c>}}</c> (<c>{zip:regex(^\\d{{5}}$)}</c>, a common
    /// form). The client's route filling ends the parameter at the first <c>}</c>, so it leaves <c>}$)}</c> in the path and
    /// the call is a 404 for a value the route accepts.
    /// </summary>
    [Fact]
    public async Task A_route_value_under_a_constraint_with_braces_reaches_the_function()
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, "zip", "12345");

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal("12345", value.GetString());
    }

    /// <summary>
    /// A 302 that does not come from the function's redirect (an authentication handler's challenge, an HTTPS or rewrite
    /// redirect, here one set on the response directly) is followed by fetch, and the client resolves the call with
    /// whatever the target answers, as the declared type: <c>ClientProbes.moved()</c>, declared
    /// <c>Promise&lt;Wand | null&gt;</c>, resolves to the string <c>"x"</c> of another endpoint — the failure the redirect
    /// protocol was made to end. A followed redirect (<c>response.redirected</c>, or <c>redirect: "manual"</c>) should
    /// reject the call (or navigate), never resolve with another URL's answer.
    /// </summary>
    [Fact]
    public async Task A_redirect_fetch_followed_never_resolves_the_call_with_another_endpoints_answer()
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, "moved");

        Assert.False(outcome.TryGetProperty("value", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String, outcome.ToString());
    }

    private static string WhatwgStripped(string url) =>
        url.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
            .Trim([.. Enumerable.Range(0, 0x21).Select(static c => (char)c)]);

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePrefix();
}
