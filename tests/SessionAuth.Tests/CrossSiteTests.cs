using System.Net;
using Microsoft.AspNetCore.Builder;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

public sealed class CrossSiteTests : IAsyncLifetime
{
    private const string TrustedOrigin = "https://front.example";
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _app = TestAppHost.Build(o => o.TrustedOrigins.Add(TrustedOrigin));
        await _app.StartAsync();
        _address = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string OwnOrigin => _address.GetLeftPart(UriPartial.Authority);

    /// <summary>Logs in without browser headers (a server-side caller), then calls a state-changing function with the given ones.</summary>
    private async Task<HttpStatusCode> EnrollAsync(string? fetchSite, string? origin)
    {
        using var client = new TestClient(_address);
        await client.LoginAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_server/Students/Enroll")
        {
            Content = new FormUrlEncodedContent([new("name", "Neville"), new("house", "Gryffindor")]),
        };
        if (fetchSite is not null)
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);
        }

        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static readonly string?[] FetchSites = [null, "same-origin", "same-site", "cross-site", "none", "garbage"];

    /// <summary>Origins by name; "own" and "other port"/"other scheme" are filled in from the app's address.</summary>
    private static readonly string?[] Origins = [null, "own", "https://evil.example", "other port", "other scheme", "null", TrustedOrigin, "not an origin"];

    /// <summary>
    /// Whether each pair passes: rows are Sec-Fetch-Site as in <see cref="FetchSites"/>, columns Origin as in
    /// <see cref="Origins"/>. When both are present they must agree: same-origin and none go with this origin or a
    /// trusted one (the app's public origin behind a proxy that rewrites Host), same-site and cross-site with a trusted
    /// origin only; anything else no browser sends.
    /// </summary>
    private static readonly bool[][] Passes =
    [
        //        absent own    evil   port   scheme null   trusted garbage
        /* absent      */ [true,  true,  false, false, false, false, true,  false],
        /* same-origin */ [true,  true,  false, false, false, false, true,  false],
        /* same-site   */ [false, false, false, false, false, false, true,  false],
        /* cross-site  */ [false, false, false, false, false, false, true,  false],
        /* none        */ [true,  true,  false, false, false, false, true,  false],
        /* garbage     */ [false, false, false, false, false, false, false, false],
    ];

    public static TheoryData<string?, string?, bool> HeaderPairs()
    {
        var table = new TheoryData<string?, string?, bool>();
        for (var row = 0; row < FetchSites.Length; row++)
        {
            for (var column = 0; column < Origins.Length; column++)
            {
                table.Add(FetchSites[row], Origins[column], Passes[row][column]);
            }
        }

        return table;
    }

    private string ResolveOrigin(string origin) => origin switch
    {
        "own" => OwnOrigin,
        "other port" => $"{_address.Scheme}://{_address.Host}:{(_address.Port == 1 ? 2 : 1)}",
        "other scheme" => $"https://{_address.Host}:{_address.Port}",
        _ => origin,
    };

    [Theory]
    [MemberData(nameof(HeaderPairs))]
    public async Task Every_pair_of_Sec_Fetch_Site_and_Origin_passes_only_when_both_say_same_origin_or_trusted(string? fetchSite, string? origin, bool passes)
    {
        var status = await EnrollAsync(fetchSite, origin is null ? null : ResolveOrigin(origin));

        Assert.Equal(passes ? HttpStatusCode.OK : HttpStatusCode.Forbidden, status);
    }

    /// <summary>A browser sends each header once; a request that repeats one says two things and is refused.</summary>
    [Theory]
    [InlineData(new[] { "same-origin", "cross-site" }, null)]
    [InlineData(new[] { "same-origin", "same-origin" }, null)]
    [InlineData(new[] { "same-origin" }, new[] { "own", "https://evil.example" })]
    [InlineData(null, new[] { "own", "own" })]
    public async Task A_repeated_header_is_refused(string[]? fetchSites, string[]? origins)
    {
        using var client = new TestClient(_address);
        await client.LoginAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_server/Students/Enroll")
        {
            Content = new FormUrlEncodedContent([new("name", "Neville"), new("house", "Gryffindor")]),
        };
        foreach (var fetchSite in fetchSites ?? [])
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);
        }

        foreach (var origin in origins ?? [])
        {
            request.Headers.TryAddWithoutValidation("Origin", ResolveOrigin(origin));
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>
    /// A proxy may send the Host the browser used with the scheme's default port written out, or the browser's Origin
    /// may carry it: the same origin either way. Another port is another origin.
    /// </summary>
    [Theory]
    [InlineData("app.example.com:80", "http://app.example.com", HttpStatusCode.OK)]
    [InlineData("app.example.com", "http://app.example.com:80", HttpStatusCode.OK)]
    [InlineData("APP.example.com", "http://app.EXAMPLE.com", HttpStatusCode.OK)]
    [InlineData("[::1]:8080", "http://[::1]:8080", HttpStatusCode.OK)]
    [InlineData("app.example.com:8080", "http://app.example.com", HttpStatusCode.Forbidden)]
    [InlineData("app.example.com", "http://app.example.com:8080", HttpStatusCode.Forbidden)]
    [InlineData("app.example.com:80", "https://app.example.com", HttpStatusCode.Forbidden)]
    [InlineData("app.example.com", "http://app.example.com.evil.example", HttpStatusCode.Forbidden)]
    public async Task The_default_port_may_be_written_or_not_on_either_side(string host, string origin, HttpStatusCode expected)
    {
        using var client = new TestClient(_address);
        await client.LoginAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_server/Students/Enroll")
        {
            Content = new FormUrlEncodedContent([new("name", "Neville"), new("house", "Gryffindor")]),
        };
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        request.Headers.TryAddWithoutValidation("Origin", origin);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_cross_site_login_is_refused_before_any_cookie_is_set()
    {
        using var client = new TestClient(_address);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_server/Account/Login")
        {
            Content = new FormUrlEncodedContent([new("username", "harry"), new("password", Account.Password)]),
        };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_cross_site_GET_is_not_a_state_change_and_passes()
    {
        using var client = new TestClient(_address);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_server/Greetings/Hello?name=Hagrid");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("front.example")]
    [InlineData("https://front.example/path")]
    [InlineData("ftp://front.example")]
    public async Task A_trusted_origin_that_is_not_an_origin_stops_the_start(string origin)
    {
        var exception = await Record.ExceptionAsync(async () =>
        {
            await using var app = TestAppHost.Build(o => o.TrustedOrigins.Add(origin));
            await app.StartAsync();
        });

        Assert.NotNull(exception);
        Assert.Contains($"SessionAuthOptions.TrustedOrigins has '{origin}'", exception.Message, StringComparison.Ordinal);
    }
}
