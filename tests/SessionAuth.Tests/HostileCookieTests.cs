using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>
/// Property-based tests over hostile cookies (CsCheck). Opening never throws to the caller and never accepts a value
/// it did not seal exactly as presented. The normal run checks at least 200,000 mutated cookies;
/// SESSIONAUTH_FUZZ_ITERATIONS raises every property's count for long runs.
/// </summary>
public sealed class HostileCookieTests
{
    public const long MutationCases = 200_000;
    public const long PayloadCases = 50_000;

    private const string Password = "hostile-cookie-tests-password-0123456789";
    private const string OtherPassword = "somebody-elses-password-abcdefghijklmnop";
    private const long Now = 1_800_000_000;
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly SessionSealer Sealer = new([Password]);
    private static readonly SessionSealer Other = new([OtherPassword]);

    private static long Iterations(long normal) =>
        long.TryParse(Environment.GetEnvironmentVariable("SESSIONAUTH_FUZZ_ITERATIONS"), out var requested) && requested > normal ? requested : normal;

    private static SessionRejection Open(SessionSealer sealer, string value)
    {
        var buffer = new byte[SessionSealer.GetMaxPlaintextLength(Math.Min(value.Length, SessionSealer.MaxSealedLength))];
        return sealer.Open(value, Now, buffer, out _, out _);
    }

    private static string Seal(SessionSealer sealer, byte[] data, long issuedAt = Now - 10, long expiresAt = Now + 3600) =>
        sealer.Seal(new SealedSessionHeader(SessionId.NewId(), issuedAt, expiresAt), data);

    /// <summary>A valid sealed value, and the value after one hostile change.</summary>
    private static readonly Gen<(string Sealed, string Presented)> Mutated =
        from data in Gen.Byte.Array[0, 300]
        from kind in Gen.Int[0, 11]
        from position in Gen.Int[0, int.MaxValue]
        from bit in Gen.Int[0, 15]
        from character in Gen.Char
        from text in Gen.String[Gen.Char, 0, 64]
        from base64 in Gen.String[Gen.Char[Base64UrlAlphabet], 0, 600]
        let sealedValue = Seal(Sealer, data)
        let at = position % sealedValue.Length
        select (sealedValue, kind switch
        {
            0 => sealedValue[..at] + (char)(sealedValue[at] ^ (1 << bit)) + sealedValue[(at + 1)..],
            1 => sealedValue[..at],
            2 => sealedValue[..at] + character + sealedValue[at..],
            3 => sealedValue[..at] + character + sealedValue[(at + 1)..],
            4 => sealedValue + text,
            5 => text + sealedValue,
            6 => text,
            7 => sealedValue[..(sealedValue.IndexOf('.', 3) + 1)] + base64,
            8 => Seal(Other, data),
            9 => Seal(Sealer, data, issuedAt: Now - 7200, expiresAt: Now - 1),
            10 => Seal(Sealer, data, issuedAt: Now + 86_400, expiresAt: Now + 90_000),
            _ => sealedValue[..at] + sealedValue[at..].Replace(sealedValue[at], Base64UrlAlphabet[bit]),
        });

    [Fact]
    public void A_mutated_cookie_never_throws_and_never_opens()
    {
        Mutated.Sample(
            sample =>
            {
                var rejection = Open(Sealer, sample.Presented);
                if (sample.Presented == sample.Sealed)
                {
                    Assert.Equal(SessionRejection.None, rejection);
                }
                else
                {
                    Assert.NotEqual(SessionRejection.None, rejection);
                }
            },
            iter: Iterations(MutationCases),
            threads: 1);
    }

    [Fact]
    public void Oversized_values_up_to_100_KB_are_refused_before_decoding()
    {
        var prefix = Seal(Sealer, [])[..12];
        foreach (var length in new[] { SessionSealer.MaxSealedLength + 1, 50_000, 100 * 1024 })
        {
            Assert.Equal(SessionRejection.TooLarge, Open(Sealer, prefix + new string('A', length)));
        }
    }

    /// <summary>Any bytes at all, sealed with the right key: the session manager reads a session or none, and never throws.</summary>
    [Fact]
    public void Any_sealed_payload_is_a_session_or_an_anonymous_request()
    {
        using var services = BuildServices();
        var manager = services.GetRequiredService<SessionManager<UserSession>>();
        var payloads = Gen.OneOf(
            Gen.Byte.Array[0, 400],
            Gen.String[Gen.Char, 0, 200].Select(s => Encoding.UTF8.GetBytes(s)),
            Gen.Select(Gen.Int[0, 100_000], Gen.String[Gen.Char.AlphaNumeric, 0, 20], (id, name) => Encoding.UTF8.GetBytes($$"""{"userId":{{id}},"name":"{{name}}"}""")));

        payloads.Sample(
            data =>
            {
                var context = new DefaultHttpContext { RequestServices = services };
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                var sealer = new SessionSealer([TestAppHost.SessionPassword]);
                context.Request.Headers.Cookie = "session=" + sealer.Seal(new SealedSessionHeader(SessionId.NewId(), now, now + 600), data);

                var session = manager.GetSessionAsync(context).AsTask().GetAwaiter().GetResult();

                Assert.True(session.Data is null || session.Data.Name is not null || session.Data.UserId >= 0);
            },
            iter: Iterations(PayloadCases),
            threads: 1);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(5_000)]
    public void Deeply_nested_json_inside_a_validly_sealed_value_is_an_anonymous_request(int depth)
    {
        using var services = BuildServices();
        var json = new string('[', depth) + new string(']', depth);

        var session = OpenInRequest(services, Encoding.UTF8.GetBytes(json));

        Assert.Null(session.Data);
    }

    [Fact]
    public void Huge_json_inside_a_validly_sealed_value_is_refused_for_its_size()
    {
        using var services = BuildServices();
        var json = $$"""{"userId":1,"name":"{{new string('x', 20_000)}}"}""";

        Assert.Null(OpenInRequest(services, Encoding.UTF8.GetBytes(json)).Data);
    }

    [Fact]
    public async Task Duplicate_session_cookies_do_not_throw_and_the_last_one_decides()
    {
        using var services = BuildServices();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var valid = new SessionSealer([TestAppHost.SessionPassword]).Seal(new SealedSessionHeader(SessionId.NewId(), now, now + 600), Encoding.UTF8.GetBytes("""{"userId":1,"name":"Harry"}"""));
        var manager = services.GetRequiredService<SessionManager<UserSession>>();

        var validFirst = new DefaultHttpContext { RequestServices = services };
        validFirst.Request.Headers.Cookie = $"session={valid}; session=garbage";
        var garbageFirst = new DefaultHttpContext { RequestServices = services };
        garbageFirst.Request.Headers.Cookie = $"session=garbage; session={valid}";

        // ASP.NET Core's cookie collection keeps the last of two same-named cookies; neither order may throw.
        Assert.Null((await manager.GetSessionAsync(validFirst)).Data);
        Assert.Equal("Harry", (await manager.GetSessionAsync(garbageFirst)).Data?.Name);
    }

    private static Session<UserSession> OpenInRequest(ServiceProvider services, byte[] data)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var context = new DefaultHttpContext { RequestServices = services };
        var sealedValue = new SessionSealer([TestAppHost.SessionPassword]).Seal(new SealedSessionHeader(SessionId.NewId(), now, now + 600), data);
        context.Request.Headers.Cookie = "session=" + sealedValue;
        return services.GetRequiredService<SessionManager<UserSession>>().GetSessionAsync(context).AsTask().GetAwaiter().GetResult();
    }

    private static ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
#pragma warning disable SAUTH0006 // The tests seal cookies of their own with the app's fixed test password.
        services.AddSessionAuth<UserSession>(o => o.Password = TestAppHost.SessionPassword);
#pragma warning restore SAUTH0006
        return services.BuildServiceProvider();
    }
}
