using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace SessionAuth.Tests;

/// <summary>
/// The session cookie and its chunks are found by their exact, case-sensitive names, in every shape a Cookie header
/// can take: one or several headers, odd separators, quotes, commas, spaces, empty and nameless pairs.
/// </summary>
public sealed class SessionCookiesTests
{
    private const string Name = "session";
    private const int MaxLength = 16_384;

    private static string Read(params string[] cookieHeaders) =>
        SessionCookies.Read(new StringValues(cookieHeaders), Name, MaxLength).ToString();

    [Theory]
    [InlineData("session=v1.abc.DEF-_x", "v1.abc.DEF-_x")]
    [InlineData("theme=dark; session=v1.abc.DEF; lang=en", "v1.abc.DEF")]
    [InlineData("session=v1.first; session=v1.second", "v1.second")]
    [InlineData("  session=v1.padded  ", "v1.padded")]
    [InlineData("\tsession=v1.tab\t;theme=dark", "v1.tab")]
    [InlineData("session=v1.kept; session=", "v1.kept")]
    [InlineData("session=v1.abc;; theme=dark", "v1.abc")]
    [InlineData("flag; session=v1.abc", "v1.abc")]
    [InlineData("session=\"v1.quoted\"", "\"v1.quoted\"")]
    [InlineData("session=v1.%41bc", "v1.%41bc")]
    [InlineData("session=v1.abc, other=1", "v1.abc, other=1")]
    public void The_session_cookie_is_the_last_pair_with_exactly_its_name(string header, string expected)
    {
        Assert.Equal(expected, Read(header));
    }

    /// <summary>
    /// ASP.NET Core's cookie collection would open every one of these as the session: it ignores the case of names,
    /// splits at commas and resynchronises inside a malformed pair.
    /// </summary>
    [Theory]
    [InlineData("Session=v1.evil")]
    [InlineData("SESSION=v1.evil")]
    [InlineData("sessioN=v1.evil; theme=dark")]
    [InlineData("theme=dark, session=v1.evil")]
    [InlineData("theme=a session=v1.evil")]
    [InlineData("theme=\"a\"session=v1.evil")]
    [InlineData("session =v1.evil")]
    [InlineData("=session=v1.evil")]
    [InlineData("xsession=v1.evil; sessionx=v1.evil")]
    [InlineData("session=")]
    public void A_cookie_whose_name_is_not_exactly_the_session_name_is_never_read(string header)
    {
        Assert.Equal(string.Empty, Read(header));
    }

    [Theory]
    [InlineData("session=v1.good; Session=v1.evil")]
    [InlineData("SESSION=v1.evil; session=v1.good")]
    [InlineData("session=v1.good; theme=x, session=v1.evil")]
    [InlineData("session=v1.good; theme=x session=v1.evil")]
    [InlineData("session=v1.good; __Host-session=v1.evil; SESSIONC1=v1.evil")]
    public void A_case_variant_never_replaces_the_session_cookie(string header)
    {
        Assert.Equal("v1.good", Read(header));
    }

    [Fact]
    public void Several_cookie_headers_are_read_in_order_and_the_last_pair_wins()
    {
        Assert.Equal("v1.b", Read("session=v1.a", "theme=dark; session=v1.b"));
        Assert.Equal("v1.a", Read("session=v1.a", "Session=v1.evil"));
        Assert.Equal(string.Empty, Read("Session=v1.evil", "theme=dark"));
        Assert.Equal(string.Empty, Read());
    }

    [Theory]
    [InlineData("session=chunks-2; sessionC1=v1.a; sessionC2=bc", "v1.abc")]
    [InlineData("sessionC2=bc; sessionC1=v1.a; session=chunks-2", "v1.abc")]
    [InlineData("session=chunks-2; sessionC1=v1.a; sessionC2=bc; sessionC3=extra", "v1.abc")]
    [InlineData("session=chunks-01; sessionC1=v1.a", "v1.a")]
    public void Chunks_are_found_by_their_exact_names_and_joined(string header, string expected)
    {
        Assert.Equal(expected, Read(header));
    }

    [Theory]
    [InlineData("session=chunks-2; SessionC1=v1.a; sessionC2=bc")]
    [InlineData("session=chunks-2; sessionc1=v1.a; sessionc2=bc")]
    [InlineData("session=chunks-2; sessionC1=v1.a; SESSIONC2=bc")]
    [InlineData("session=chunks-2; sessionC1=v1.a; sessionC2=")]
    [InlineData("session=chunks-2; sessionC1=v1.a")]
    [InlineData("session=chunks-0; sessionC1=v1.a")]
    [InlineData("session=chunks-+1; sessionC1=v1.a")]
    [InlineData("session=chunks- 1; sessionC1=v1.a")]
    [InlineData("session=chunks-2147483647; sessionC1=v1.a")]
    [InlineData("session=chunks-99999999999; sessionC1=v1.a")]
    [InlineData("session=chunks-18; sessionC1=v1.a")]
    public void A_chunked_cookie_with_a_chunk_missing_misnamed_or_past_the_limit_reads_as_its_marker(string header)
    {
        var marker = header[(Name.Length + 1)..header.IndexOf(';', StringComparison.Ordinal)];

        Assert.Equal(marker, Read(header));
    }

    [Fact]
    public void Chunks_that_add_up_to_more_than_the_limit_are_not_joined()
    {
        var chunk = new string('A', 9_000);

        Assert.Equal("chunks-2", Read($"session=chunks-2; sessionC1={chunk}; sessionC2={chunk}"));
        Assert.Equal(chunk + chunk[..7_000], Read($"session=chunks-2; sessionC1={chunk}; sessionC2={chunk[..7_000]}"));
    }

    [Theory]
    [InlineData("session", true)]
    [InlineData("sessionC1", true)]
    [InlineData("sessionC12", true)]
    [InlineData("Session", false)]
    [InlineData("sessionc1", false)]
    [InlineData("sessionC", false)]
    [InlineData("sessionC1x", false)]
    [InlineData("sessions", false)]
    [InlineData("", false)]
    public void Only_the_exact_name_and_its_numbered_chunks_are_session_cookies(string candidate, bool expected)
    {
        Assert.Equal(expected, SessionCookies.IsCookieOrChunk(candidate, Name));
    }

    /// <summary>A cookie pair as a test generates it; <see cref="Exact"/> pairs are the only ones the reader may read.</summary>
    private sealed record Pair(string CookieName, string Value)
    {
        public bool Exact => CookieName == Name || IsExactChunkName(CookieName);

        public override string ToString() => CookieName + "=" + Value;

        private static bool IsExactChunkName(string name) =>
            name.Length > Name.Length + 1 && name.StartsWith(Name + "C", StringComparison.Ordinal) && name[(Name.Length + 1)..].All(char.IsAsciiDigit);
    }

    private static readonly Gen<string> CaseVariant =
        Gen.Bool.Array[Name.Length].Where(upper => upper.Any(u => u))
            .Select(upper => string.Concat(Name.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c)));

    /// <summary>Names: the session's, its chunks', case variants of both, other cookies, empty names.</summary>
    private static readonly Gen<string> CookieNames = Gen.OneOf(
        Gen.Const(Name),
        Gen.Const(Name),
        Gen.Int[1, 3].Select(i => $"{Name}C{i}"),
        CaseVariant,
        Gen.Select(CaseVariant, Gen.Int[1, 3], (variant, i) => $"{variant}C{i}"),
        Gen.Int[1, 3].Select(i => $"{Name}c{i}"),
        Gen.OneOf<string>("theme", "__Host-session", "sessionx", "xsession", string.Empty));

    /// <summary>Values browsers can send: base64url-like text, chunk markers, and hostile text with commas, spaces and quotes (never ';').</summary>
    private static readonly Gen<string> BenignValues = Gen.OneOf(
        Gen.String[Gen.Char["ABCDEFabcdef0123456789-_."], 1, 24],
        Gen.Int[0, 4].Select(n => $"chunks-{n}"),
        Gen.Const(string.Empty));

    private static readonly Gen<string> HostileValues = Gen.OneOf(
        BenignValues,
        Gen.String[Gen.Char["session=, \"\t%.-_aZ09C"], 1, 24].Select(v => v.Trim(' ', '\t')),
        Gen.Select(CookieNames, BenignValues, (name, value) => $"x, {name}={value}"),
        Gen.Select(CookieNames, BenignValues, (name, value) => $"x {name}={value}"),
        Gen.Select(CookieNames, BenignValues, (name, value) => $"\"{name}={value}\""));

    private static readonly Gen<string> Separators = Gen.OneOf<string>("; ", ";", " ; ", ";;", "; ;", ";\t");

    /// <summary>Pairs joined by random separators, spread over one to three headers.</summary>
    private static Gen<(Pair[] Pairs, string[] Headers)> Headers(Gen<string> values) =>
        Gen.Select(CookieNames, values, (name, value) => new Pair(name, value)).Array[0, 10].SelectMany(pairs =>
            Gen.Select(Separators.Array[pairs.Length], Gen.Int[1, 3], (separators, headerCount) =>
            {
                var headers = new StringBuilder[headerCount];
                for (var h = 0; h < headerCount; h++)
                {
                    headers[h] = new StringBuilder();
                }

                for (var i = 0; i < pairs.Length; i++)
                {
                    var header = headers[i * headerCount / Math.Max(pairs.Length, 1)];
                    header.Append(header.Length == 0 ? string.Empty : separators[i]).Append(pairs[i]);
                }

                return (pairs, headers.Select(h => h.ToString()).ToArray());
            }));

    /// <summary>What the reader must return, worked out from the pairs themselves rather than from the header text.</summary>
    private static string Expected(Pair[] pairs)
    {
        string? Last(string name) => pairs.LastOrDefault(p => p.CookieName == name && p.Value.Length > 0)?.Value;

        var value = Last(Name) ?? string.Empty;
        if (!value.StartsWith("chunks-", StringComparison.Ordinal) || !int.TryParse(value["chunks-".Length..], System.Globalization.NumberStyles.None, null, out var count) || count < 1)
        {
            return value;
        }

        var chunks = Enumerable.Range(1, count).Select(i => Last($"{Name}C{i}")).ToArray();
        return chunks.Any(c => c is null) ? value : string.Concat(chunks);
    }

    [Fact]
    public void Only_pairs_with_the_exact_names_are_ever_read_whatever_the_header_holds()
    {
        Headers(HostileValues).Sample(
            generated =>
            {
                var read = Read(generated.Headers);

                Assert.Equal(Expected(generated.Pairs), read);
                Assert.Equal(Expected([.. generated.Pairs.Where(p => p.Exact)]), read);
            },
            iter: 100_000);
    }

    /// <summary>
    /// On headers as browsers send them, with no name that differs from ours only in case, the reader reads what
    /// ASP.NET Core's cookie collection and chunking cookie manager read.
    /// </summary>
    [Fact]
    public void On_well_formed_headers_the_reader_agrees_with_the_framework()
    {
        var distinctNames = Gen.OneOf(Gen.Const(Name), Gen.Int[1, 3].Select(i => $"{Name}C{i}"), Gen.OneOf<string>("theme", "lang", "sessionx"));
        var pairs = Gen.Select(distinctNames, BenignValues, (name, value) => new Pair(name, value)).Array[0, 10];

        pairs.Sample(
            generated =>
            {
                var context = new DefaultHttpContext();
                context.Request.Headers.Cookie = string.Join("; ", generated.Select(p => p.ToString()));

                var framework = new ChunkingCookieManager().GetRequestCookie(context, Name) ?? string.Empty;

                Assert.Equal(framework, SessionCookies.Read(context.Request.Headers.Cookie, Name, MaxLength).ToString());
            },
            iter: 100_000);
    }

    [Fact]
    public void Deleting_expires_the_cookie_and_each_chunk_the_request_carries_and_nothing_else()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = "session=chunks-2; sessionC1=v1.a; sessionC2=b; Session=chunks-9; theme=dark";
        context.Response.Cookies.Append("session", "v1.written-earlier");
        context.Response.Cookies.Append("sessionC3", "written-earlier");
        context.Response.Cookies.Append("Session", "the-app's-own");

        SessionCookies.Delete(context, Name, MaxLength, new CookieOptions { Path = "/", HttpOnly = true });

        var setCookies = context.Response.Headers.SetCookie.ToArray();
        Assert.Equal(["Session", "session", "sessionC1", "sessionC2"], setCookies.Select(c => c![..c!.IndexOf('=', StringComparison.Ordinal)]));
        Assert.All(setCookies.Skip(1), c => Assert.Contains("expires=Thu, 01 Jan 1970", c!, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("session=chunks-2147483647")]
    [InlineData("SESSION=chunks-100000000")]
    [InlineData("session=chunks-17")]
    public void Deleting_never_trusts_a_chunk_count_past_the_limit(string header)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = header;

        SessionCookies.Delete(context, Name, MaxLength, new CookieOptions());

        Assert.Equal(header == "session=chunks-17" ? 18 : 1, context.Response.Headers.SetCookie.Count);
    }
}
