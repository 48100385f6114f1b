using System.Globalization;
using System.Text;
using CsCheck;

namespace SessionAuth.Tests;

public sealed class LocalUrlTests
{
    /// <summary>
    /// What a browser would navigate to as a web address (no scheme, or http/https) and what it would run or load as
    /// something else, read as the URL standard reads it: case, tabs and line breaks inside, controls and spaces around.
    /// </summary>
    [Theory]
    [InlineData("/landing", true)]
    [InlineData("next?from=relative", true)]
    [InlineData("./a:b", true)]
    [InlineData("//school.example/next", true)]
    [InlineData("http://school.example/", true)]
    [InlineData("HTTPS://school.example/", true)]
    [InlineData(" \thttps://school.example/", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JaVaScRiPt:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("java\r\nscript:alert(1)", false)]
    [InlineData(" \u0000\u001fjavascript:alert(1)", false)]
    [InlineData("vbscript:msgbox(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("blob:https://school.example/1", false)]
    [InlineData("a:b", false)]
    public void Only_a_reference_without_scheme_or_an_http_url_is_a_web_url(string url, bool isWebUrl) =>
        Assert.Equal(isWebUrl, LocalUrl.IsWebUrl(url));

    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/students?house=Gryffindor")]
    [InlineData("/a/b/c#top")]
    [InlineData("/files/a%2Fb")]
    [InlineData("/search?q=%2F%2Fanything")]
    [InlineData("/caf%C3%A9")]
    public void Local_paths_are_local(string url) => Assert.True(LocalUrl.IsLocal(url));

    [Theory]
    [InlineData("")]
    [InlineData("login")]
    [InlineData("//evil.com")]
    [InlineData("/\\evil.com")]
    [InlineData("\\\\evil.com")]
    [InlineData("https://evil.com")]
    [InlineData("http:evil.com")]
    [InlineData("/\t/evil.com")]
    [InlineData("/\r\n/evil.com")]
    [InlineData(" /login")]
    [InlineData("/a\\b")]
    [InlineData("/%2F%2Fevil.com")]
    [InlineData("/%2f%2fevil.com")]
    [InlineData("/%5Cevil.com")]
    [InlineData("/%09/evil.com")]
    [InlineData("/%0D%0A/evil.com")]
    [InlineData("/%252F%252Fevil.com")]
    [InlineData("/%25252F%25252Fevil.com")]
    [InlineData("  /login")]
    [InlineData("/login\t")]
    [InlineData("/..//evil.com")]
    [InlineData("/.//evil.com")]
    [InlineData("/a/../..//evil.com")]
    [InlineData("/a/..//evil.com")]
    [InlineData("/%2e%2e//evil.com")]
    [InlineData("/.%2E//evil.com")]
    [InlineData("/..%2F%2Fevil.com")]
    [InlineData("/%2e//evil.com?next=/")]
    public void Anything_a_browser_could_read_as_another_host_is_not_local(string url) => Assert.False(LocalUrl.IsLocal(url));

    /// <summary>Dot segments are fine while the path a browser resolves them to still starts with a single slash.</summary>
    [Theory]
    [InlineData("/a/../b")]
    [InlineData("/a/./b//c")]
    [InlineData("/..")]
    [InlineData("/../login")]
    [InlineData("/files/v1.2/readme..txt")]
    [InlineData("/search?q=/..//x")]
    public void Dot_segments_that_stay_on_the_site_are_local(string url) => Assert.True(LocalUrl.IsLocal(url));

    [Theory]
    [InlineData("//evil.com")]
    [InlineData("/%2F%2Fevil.com")]
    [InlineData("https://evil.com")]
    [InlineData(null)]
    [InlineData("")]
    public void A_rejected_return_url_falls_back_to_the_root(string? url) => Assert.Equal("/", ReturnUrls.LocalOrDefault(url));

    [Fact]
    public void A_local_return_url_is_kept() => Assert.Equal("/students/Ravenclaw?page=2", ReturnUrls.LocalOrDefault("/students/Ravenclaw?page=2"));

    /// <summary>Every code point of Unicode's confusables list for '/' and '\' that is not a letter of some script.</summary>
    public static readonly int[] SlashLookalikes =
    [
        0x0337, 0x0338, 0x1735, 0x2041, 0x2044, 0x20E5, 0x20EB, 0x2215, 0x2216, 0x244A, 0x2571, 0x2572, 0x27CB, 0x27CD,
        0x29F5, 0x29F6, 0x29F7, 0x29F8, 0x29F9, 0x2AFB, 0x2AFD, 0x2E4A, 0x2F02, 0x2F03, 0x3033, 0x3035, 0x31D3, 0x31D4,
        0x1D20F, 0x1D23A, 0x1D23B, 0x1F67C, 0x1F67D, 0xFF0F, 0xFF3C, 0xFE68,
    ];

    /// <summary>Letters that look like a slash but are letters of real scripts: kept, percent-encoded.</summary>
    public static readonly int[] SlashLikeLetters = [0x30CE, 0x4E3F, 0x4E36, 0x2CC6];

    /// <summary>Characters that split a URL into its parts, escape bytes, or step out of a directory.</summary>
    private const string UrlDelimiters = "/\\?#@:%.";

    private static readonly System.Buffers.SearchValues<char> UrlDelimiterValues = System.Buffers.SearchValues.Create(UrlDelimiters);

    /// <summary>The three code points UTS #46 (browsers' host mapping) turns into '.' that NFKC leaves alone.</summary>
    private static readonly int[] Uts46FullStops = [0x3002, 0xFE12, 0xFF61];

    private static string Text(int codePoint) => char.ConvertFromUtf32(codePoint);

    /// <summary>The UTF-8 percent-encoding of a code point, by the framework's own encoder.</summary>
    private static string Escaped(int codePoint) => Uri.EscapeDataString(Text(codePoint));

    /// <summary>
    /// Whether a non-ASCII code point must be refused: controls, invisible format characters (bidi controls included),
    /// separators and spaces; whatever NFKC or UTS #46 turns into a URL delimiter; the slash and backslash lookalikes.
    /// </summary>
    private static bool MustBeRefused(int codePoint)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator)
        {
            return true;
        }

        if (Array.IndexOf(SlashLookalikes, codePoint) >= 0 || Array.IndexOf(Uts46FullStops, codePoint) >= 0)
        {
            return true;
        }

        // The platform refuses to normalise noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF); no form maps them to anything.
        if (codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE)
        {
            return false;
        }

        return Text(codePoint).Normalize(NormalizationForm.FormKC).AsSpan().IndexOfAny(UrlDelimiterValues) >= 0;
    }

    public static TheoryData<string, string?> HostileCharacters()
    {
        var table = new TheoryData<string, string?>();
        for (var c = 0; c <= 0x1F; c++)
        {
            table.Add($"/a{(char)c}b", null);
            table.Add($"/search?q={(char)c}", null);
            table.Add($"/search?q=%{c:X2}", null);
        }

        table.Add("/a\u007Fb", null);
        table.Add("/search?q=%7F", null);
        foreach (var lookalike in SlashLookalikes)
        {
            table.Add($"/{Text(lookalike)}evil.com", null);
            table.Add($"/{Text(lookalike)}{Text(lookalike)}evil.com", null);
            table.Add($"/a{Text(lookalike)}b", null);
            table.Add($"/{Escaped(lookalike)}evil.com", null);
            table.Add($"/search?q={Escaped(lookalike)}", null);
        }

        // Fullwidth punctuation that stands for a URL delimiter is refused; the rest of the fullwidth block is encoded.
        // The fullwidth slash and backslash are rows of the lookalikes above already.
        for (var c = 0xFF01; c <= 0xFF5E; c++)
        {
            if (Array.IndexOf(SlashLookalikes, c) >= 0)
            {
                continue;
            }

            var refused = UrlDelimiters.Contains((char)(c - 0xFF01 + 0x21), StringComparison.Ordinal);
            table.Add($"/a{Text(c)}b", refused ? null : $"/a{Escaped(c)}b");
        }

        int[] bidiControls = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x061C];
        int[] invisible = [0x00A0, 0x00AD, 0x200B, 0x200C, 0x200D, 0x2028, 0x2029, 0x3000, 0xFEFF, 0x0085];
        foreach (var c in bidiControls.Concat(invisible).Concat(Uts46FullStops))
        {
            table.Add($"/a{Text(c)}b", null);
            table.Add($"/search?q={Escaped(c)}", null);
        }

        foreach (var letter in SlashLikeLetters)
        {
            table.Add($"/a{Text(letter)}b", $"/a{Escaped(letter)}b");
        }

        table.Add("/café", "/caf%C3%A9");
        table.Add("/Ñandú?q=über#ö", "/%C3%91and%C3%BA?q=%C3%BCber#%C3%B6");
        table.Add("/caf%C3%A9", "/caf%C3%A9");
        table.Add("/%E3%83%8E%E3%83%BC%E3%83%88", "/%E3%83%8E%E3%83%BC%E3%83%88");
        table.Add("/ノート", "/%E3%83%8E%E3%83%BC%E3%83%88");
        table.Add("/emoji/\U0001F600", "/emoji/%F0%9F%98%80");
        table.Add("/a b", "/a%20b");
        table.Add("/a\"b<c>d`e{f|g}h^i", "/a%22b%3Cc%3Ed%60e%7Bf%7Cg%7Dh%5Ei");
        table.Add("/100%", "/100%25");
        table.Add("/100%zz", "/100%25zz");
        table.Add("/search?q=%2F%2F", "/search?q=%2F%2F");

        // Escapes that are not well-formed UTF-8: overlong '/', overlong 3-byte '/', a UTF-16 surrogate, bytes no UTF-8
        // has, a stray continuation byte, a truncated sequence, past U+10FFFF; and the same encoded twice.
        string[] malformed = ["%C0%AF", "%E0%80%AF", "%F0%80%80%AF", "%ED%A0%80", "%ED%BF%BF", "%FF", "%FE", "%C1%81", "%80", "%BF", "%C3", "%E2%88", "%C3%41", "%F4%90%80%80", "%F8%88%80%80%80"];
        foreach (var escape in malformed)
        {
            table.Add($"/search?q={escape}", null);
            table.Add($"/{escape}evil.com", null);
            table.Add($"/search?q={escape.Replace("%", "%25", StringComparison.Ordinal)}", null);
        }

        return table;
    }

    [Theory]
    [MemberData(nameof(HostileCharacters))]
    public void Hostile_characters_are_refused_and_other_characters_are_percent_encoded(string url, string? expected)
    {
        Assert.Equal(expected, LocalUrl.ToHeaderSafe(url));
        Assert.Equal(expected is not null, ReturnUrls.IsLocal(url));
        Assert.Equal(expected ?? "/", ReturnUrls.LocalOrDefault(url));
    }

    /// <summary>
    /// Every Unicode scalar value above ASCII, alone and inside a path: refused exactly when the rule says so (checked
    /// against the platform's NFKC, so the table in LocalUrl cannot fall behind it), otherwise percent-encoded.
    /// </summary>
    [Fact]
    public void Every_code_point_is_refused_or_percent_encoded_as_the_rule_says()
    {
        var wrong = new List<string>();
        for (var codePoint = 0x80; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var expected = MustBeRefused(codePoint) ? null : $"/a{Escaped(codePoint)}b";
            if (LocalUrl.ToHeaderSafe($"/a{Text(codePoint)}b") != expected || LocalUrl.ToHeaderSafe($"/a{Escaped(codePoint)}b") != expected)
            {
                wrong.Add($"U+{codePoint:X4}");
            }
        }

        Assert.Empty(wrong);
    }

    /// <summary>Lone surrogates cannot be encoded as UTF-8 at all (a [Theory] row could not even carry them intact).</summary>
    [Fact]
    public void Lone_surrogates_are_refused()
    {
        string[] urls = ["/a\uD800b", "/a\uDFFFb", "/a\uD83D", "/a\uDE00\uD83Db", "/\uDBFF", "/search?q=\uDC00"];
        Assert.All(urls, url => Assert.Null(LocalUrl.ToHeaderSafe(url)));
        Assert.All(urls, url => Assert.Equal("/", ReturnUrls.LocalOrDefault(url)));
    }

    [Fact]
    public void A_fallback_that_is_not_local_is_a_programming_error()
    {
        var exception = Assert.Throws<ArgumentException>(() => ReturnUrls.LocalOrDefault("//evil.com", "https://evil.com"));
        Assert.Equal("fallback", exception.ParamName);
        Assert.Equal("/caf%C3%A9", ReturnUrls.LocalOrDefault("//evil.com", "/café"));
    }

    /// <summary>
    /// For any string, built from what attacks are made of: the answer is null, or printable ASCII that starts with a
    /// single '/', that LocalUrl accepts unchanged, and that resolves to this site.
    /// </summary>
    [Fact]
    public void Any_string_becomes_null_or_a_header_safe_local_path()
    {
        var hostile = string.Concat(SlashLookalikes.Concat(SlashLikeLetters).Concat(Uts46FullStops).Select(Text))
            + "\u202E\u2066\u200D\u00A0\u3000\uFF0E\uFF1A\uFF1F\uFF03\uFF20\u2024\u2100éü中😀";
        var piece = Gen.OneOf(
            Gen.String[Gen.Char["/\\%?#@:. \t\r\nabcAF09"], 1, 4],
            Gen.Byte.Select(b => $"%{b:X2}"),
            Gen.Byte.Select(b => $"%25{b:X2}"),
            Gen.Int[0, hostile.Length - 1].Select(i => hostile[i].ToString()),
            Gen.Char.Select(c => c.ToString()),
            Gen.Int[0x80, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Select(Text),
            Gen.Int[0x80, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Select(Escaped));
        var candidates = piece.Array[0, 8].Select(pieces => string.Concat(pieces));
        var site = new Uri("https://site.example/app/");

        Gen.OneOf(candidates, candidates.Select(text => "/" + text)).Sample(
            url =>
            {
                var safe = LocalUrl.ToHeaderSafe(url);
                Assert.Equal(safe is not null, ReturnUrls.IsLocal(url));
                Assert.Equal(safe ?? "/", ReturnUrls.LocalOrDefault(url));
                if (safe is null)
                {
                    return;
                }

                Assert.All(safe, c => Assert.InRange(c, '!', '~'));
                Assert.StartsWith("/", safe, StringComparison.Ordinal);
                Assert.False(safe.Length > 1 && safe[1] is '/' or '\\', safe);
                Assert.Equal(safe, LocalUrl.ToHeaderSafe(safe));
                Assert.Equal(site.Host, new Uri(site, safe).Host);
            },
            iter: 200_000);
    }
}
