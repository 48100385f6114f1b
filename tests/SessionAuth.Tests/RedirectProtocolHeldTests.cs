using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using SessionAuth.ShapesApp;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests;

/// <summary>
/// Review of issue 19 part 1: attacks on the redirect protocol that it withstood. Each passes today and guards the
/// behaviour it shows.
/// </summary>
public sealed class RedirectProtocolHeldTests
{
    /// <summary>
    /// A path base taken from X-Forwarded-Prefix (a proxy the app trusts, here loopback) that would put another host in
    /// front of a thrown app-relative (~/) redirect is left out, for navigations and scripts alike; a plain one is kept.
    /// </summary>
    [Theory]
    [InlineData("//evil.example", "/landing?from=r19")]
    [InlineData("/%2F%2Fevil.example", "/landing?from=r19")]
    [InlineData("/..//evil.example", "/landing?from=r19")]
    [InlineData("/school", "/school/landing?from=r19")]
    public async Task A_hostile_forwarded_prefix_never_takes_a_thrown_redirect_off_the_site(string prefix, string expected)
    {
        var (app, address) = await RedirectProtocolHost.StartAsync(middleware: static app => app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedPrefix }));
        await using (app)
        {
            using var client = new TestClient(address);
            foreach (var script in new[] { false, true })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/r19/wrapped/app-relative");
                request.Headers.Add("X-Forwarded-Prefix", prefix);
                request.Headers.Add("Sec-Fetch-Mode", script ? "cors" : "navigate");

                using var response = await client.SendAsync(request);

                var location = script
                    ? Assert.Single(response.Headers.GetValues(SessionAuthDefaults.ServerRedirectHeaderName))
                    : response.Headers.Location?.OriginalString;
                Assert.Equal(expected, location);
                Assert.Equal(address.Host, new Uri(address, location).Host);
            }
        }
    }

    /// <summary>A rule over an argument runs inside the function's body: its thrown redirect is answered.</summary>
    [Fact]
    public async Task An_argument_rule_that_throws_a_redirect_redirects()
    {
        var (app, address) = await RedirectProtocolHost.StartAsync();
        await using (app)
        {
            using var neville = await IdentityApp.SignedInAsync(address, "neville");

            using var response = await neville.FetchAsync("/r19/rules/house?house=Gryffindor", method: HttpMethod.Get);

            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Equal(["/school-rules"], response.Headers.GetValues(SessionAuthDefaults.ServerRedirectHeaderName));
        }
    }

    /// <summary>
    /// A returned Results.Redirect with CR/LF from the query cannot inject a header through the protocol: Kestrel refuses
    /// the value when the result sets Location, before the protocol copies it anywhere. (That the function redirects
    /// wherever its query says is the app's own open redirect: Results.Redirect checks nothing, by the framework's design.)
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_returned_redirect_with_a_line_break_injects_no_header(bool script)
    {
        var (app, address) = await RedirectProtocolHost.StartAsync();
        await using (app)
        {
            using var client = new TestClient(address);
            const string Path = "/r19/returned?to=%2Fx%0D%0ASet-Cookie%3A%20injected%3D1";

            using var response = script ? await client.FetchAsync(Path, method: HttpMethod.Get) : await client.NavigateAsync(Path);

            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains("injected", StringComparison.Ordinal)));
            Assert.All(response.Headers.SelectMany(h => h.Value), v => Assert.DoesNotContain('\n', v));
        }
    }

    /// <summary>A streamed (IAsyncEnumerable) answer whose producer redirects before its first item: the script gets the protocol's 204, with no stray body.</summary>
    [Fact]
    public async Task A_stream_that_redirects_before_its_first_item_redirects()
    {
        var (app, address) = await RedirectProtocolHost.StartAsync();
        await using (app)
        {
            using var client = new TestClient(address);

            using var response = await client.FetchAsync("/r19/stream", method: HttpMethod.Get);

            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Equal([R19Redirects.Target], response.Headers.GetValues(SessionAuthDefaults.ServerRedirectHeaderName));
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }
}
