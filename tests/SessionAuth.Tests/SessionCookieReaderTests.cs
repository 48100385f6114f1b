using CsCheck;
using Microsoft.AspNetCore.Http;

namespace SessionAuth.Tests;

/// <summary>
/// The guard reads the session cookie straight from the Cookie header; whenever it does, it must read exactly what
/// ASP.NET Core's cookie parser reads, and hand everything else to that parser.
/// </summary>
public sealed class SessionCookieReaderTests
{
    private const string Name = "session";

    private static (SessionCookieShape Shape, string Value) Find(params string[] cookieHeaders)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = cookieHeaders;
        var shape = SessionCookieReader.Find(context.Request, Name, out var value);
        return (shape, value.ToString());
    }

    [Theory]
    [InlineData("session=v1.abc.DEF-_x", "v1.abc.DEF-_x")]
    [InlineData("theme=dark; session=v1.abc.DEF; lang=en", "v1.abc.DEF")]
    [InlineData("session=v1.first; session=v1.second", "v1.second")]
    [InlineData("  session=v1.padded  ", "v1.padded")]
    public void A_plain_session_cookie_is_read_from_the_header(string header, string expected)
    {
        Assert.Equal((SessionCookieShape.Plain, expected), Find(header));
    }

    [Theory]
    [InlineData("theme=dark")]
    [InlineData("sessionx=v1.abc; xsession=v1.abc")]
    public void No_session_cookie_is_absent(string header)
    {
        Assert.Equal(SessionCookieShape.Absent, Find(header).Shape);
    }

    [Fact]
    public void A_request_without_a_cookie_header_has_no_session_cookie()
    {
        Assert.Equal(SessionCookieShape.Absent, Find().Shape);
    }

    [Theory]
    [InlineData("session=chunks-2; sessionC1=v1.a; sessionC2=bc")]
    [InlineData("session=\"v1.quoted\"")]
    [InlineData("session=v1.%41bc")]
    [InlineData("session =v1.abc")]
    [InlineData("session=v1.abc, other=1")]
    [InlineData("session=v1.abc;; theme=dark")]
    [InlineData("flag; session=v1.abc")]
    [InlineData("session=")]
    [InlineData("session=v1.abc; session=")]
    public void Anything_but_the_shape_we_write_goes_to_the_framework_parser(string header)
    {
        Assert.Equal((SessionCookieShape.Other, string.Empty), Find(header));
    }

    [Fact]
    public void Several_cookie_headers_go_to_the_framework_parser()
    {
        Assert.Equal(SessionCookieShape.Other, Find("session=v1.a", "theme=dark").Shape);
    }

    /// <summary>Headers built from cookie-ish pieces: wherever the reader answers, the framework agrees.</summary>
    [Fact]
    public void The_reader_never_disagrees_with_the_framework_parser()
    {
        var piece = Gen.OneOf(
            Gen.Const(Name),
            Gen.Const("theme"),
            Gen.String[Gen.Char["session=;, \t\"%.-_aZ09"], 0, 12],
            Gen.String[Gen.Char["ABCDEFabcdef0123456789-_."], 1, 40]);
        var header = Gen.String[Gen.Char["; ="], 0, 2].SelectMany(separator => piece.Array[0, 8].Select(pieces => string.Join(separator.Length == 0 ? "; " : separator, pieces)));
        var cookiePairs = Gen.OneOf(
            header,
            Gen.Select(piece, piece, (name, value) => $"{name}={value}").Array[0, 5].Select(pairs => string.Join("; ", pairs)));

        cookiePairs.Sample(
            text =>
            {
                var context = new DefaultHttpContext();
                context.Request.Headers.Cookie = text;
                var shape = SessionCookieReader.Find(context.Request, Name, out var value);
                var framework = context.Request.Cookies[Name];
                switch (shape)
                {
                    case SessionCookieShape.Plain:
                        Assert.Equal(framework, value.ToString());
                        break;
                    case SessionCookieShape.Absent:
                        Assert.True(string.IsNullOrEmpty(framework), $"Absent in '{text}', the framework read '{framework}'");
                        break;
                }
            },
            iter: 100_000);
    }
}
