using System.Security.Claims;
using Microsoft.Extensions.Options;
using SessionAuth.Authentication;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Identity;

/// <summary>
/// A session's identity reads its claims on first use, whichever member of <see cref="ClaimsIdentity"/> or
/// <see cref="ClaimsPrincipal"/> asks: every way of reading claims, copying or serializing the identity sees them all.
/// </summary>
public sealed class SessionClaimsIdentityTests
{
    public static TheoryData<string> Readers => [.. ReaderTable.Keys];

    private static readonly Dictionary<string, Func<ClaimsPrincipal, object?>> ReaderTable = new()
    {
        ["identity.Claims"] = p => string.Join(",", ((ClaimsIdentity)p.Identity!).Claims.Select(c => c.Value)),
        ["identity.Name"] = p => p.Identity!.Name,
        ["identity.FindFirst(type)"] = p => ((ClaimsIdentity)p.Identity!).FindFirst(ClaimTypes.Role)?.Value,
        ["identity.FindFirst(match)"] = p => ((ClaimsIdentity)p.Identity!).FindFirst(c => c.Type == ClaimTypes.Role)?.Value,
        ["identity.FindAll(type)"] = p => ((ClaimsIdentity)p.Identity!).FindAll(ClaimTypes.Role).Single().Value,
        ["identity.FindAll(match)"] = p => ((ClaimsIdentity)p.Identity!).FindAll(c => c.Type == ClaimTypes.Role).Single().Value,
        ["identity.HasClaim(type, value)"] = p => ((ClaimsIdentity)p.Identity!).HasClaim(ClaimTypes.Role, "Admin"),
        ["identity.HasClaim(match)"] = p => ((ClaimsIdentity)p.Identity!).HasClaim(c => c.Value == "Admin"),
        ["principal.IsInRole"] = p => p.IsInRole("Admin"),
        ["principal.Claims"] = p => p.Claims.Count(),
        ["principal.FindFirstValue"] = p => p.FindFirstValue(ClaimTypes.NameIdentifier),
        ["principal.Clone()"] = p => string.Join(",", p.Clone().Claims.Select(c => c.Value)),
        ["new ClaimsIdentity(identity)"] = p => string.Join(",", new ClaimsIdentity(p.Identity).Claims.Select(c => c.Value)),
        ["new ClaimsPrincipal(identity)"] = p => new ClaimsPrincipal(p.Identity!).IsInRole("Admin"),
        ["identity.Clone()"] = p => string.Join(",", ((ClaimsIdentity)p.Identity!).Clone().Claims.Select(c => c.Value)),
        ["identity.WriteTo"] = p => RoundTrip((ClaimsIdentity)p.Identity!),
        ["identity.AddClaim"] = p =>
        {
            var identity = (ClaimsIdentity)p.Identity!;
            identity.AddClaim(new Claim("extra", "1"));
            return string.Join(",", identity.Claims.Select(c => c.Type == "extra" ? "extra" : c.Value));
        },
        ["identity.TryRemoveClaim"] = p =>
        {
            var identity = (ClaimsIdentity)p.Identity!;
            var removed = identity.TryRemoveClaim(identity.FindFirst(ClaimTypes.Role));
            return removed + ":" + identity.HasClaim(ClaimTypes.Role, "Admin");
        },
    };

    private static readonly Dictionary<string, object?> Expected = new()
    {
        ["identity.Claims"] = "albus,Admin,5",
        ["identity.Name"] = "albus",
        ["identity.FindFirst(type)"] = "Admin",
        ["identity.FindFirst(match)"] = "Admin",
        ["identity.FindAll(type)"] = "Admin",
        ["identity.FindAll(match)"] = "Admin",
        ["identity.HasClaim(type, value)"] = true,
        ["identity.HasClaim(match)"] = true,
        ["principal.IsInRole"] = true,
        ["principal.Claims"] = 3,
        ["principal.FindFirstValue"] = "5",
        ["principal.Clone()"] = "albus,Admin,5",
        ["new ClaimsIdentity(identity)"] = "albus,Admin,5",
        ["new ClaimsPrincipal(identity)"] = true,
        ["identity.Clone()"] = "albus,Admin,5",
        ["identity.WriteTo"] = "SessionAuth albus Admin 3",
        ["identity.AddClaim"] = "albus,Admin,5,extra",
        ["identity.TryRemoveClaim"] = "True:False",
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void Every_reader_sees_the_claims_and_runs_the_claims_function_once(string reader)
    {
        var calls = 0;
        var principal = PrincipalFor(new UserSession(5, "albus"), () => calls++);
        var identity = (ClaimsIdentity)principal.Identity!;
        Assert.True(identity.IsAuthenticated);
        Assert.Equal(0, calls);

        var seen = ReaderTable[reader](principal);
        _ = identity.Claims.ToList();
        _ = principal.IsInRole("Admin");

        Assert.Equal(Expected[reader], seen);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Every_overridable_claims_member_of_ClaimsIdentity_is_overridden()
    {
        // A member added to ClaimsIdentity in a later .NET would read the claims list without loading it first.
        var overridable = typeof(ClaimsIdentity).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            .Where(m => m.IsVirtual && !m.IsFinal && m.DeclaringType == typeof(ClaimsIdentity))
            .Select(m => m.Name)
            .ToHashSet();
        var overridden = typeof(SessionClaimsIdentity).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => m.IsVirtual)
            .Select(m => m.Name)
            .ToHashSet();

        // Neither reads nor changes claims: labels, the actor, the bootstrap context, the claim types, creating a claim
        // from a reader, IsAuthenticated (which needs only the authentication type set in the constructor), and
        // GetObjectData, which .NET no longer supports (binary serialization).
        string[] claimFree = ["GetObjectData", "get_IsAuthenticated", "get_Label", "set_Label", "get_Actor", "set_Actor", "get_BootstrapContext", "set_BootstrapContext", "get_NameClaimType", "get_RoleClaimType", "get_CustomSerializationData", "CreateClaim", "get_Name"];
        Assert.Empty(overridable.Except(overridden).Except(claimFree).Order());
    }

    [Fact]
    public async Task A_reader_racing_the_first_load_waits_for_the_claims()
    {
        using var loading = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var principal = PrincipalFor(new UserSession(5, "albus"), () =>
        {
            loading.Set();
            release.Wait(TimeSpan.FromSeconds(10));
        });

        var first = Task.Run(() => principal.IsInRole("Admin"));
        Assert.True(loading.Wait(TimeSpan.FromSeconds(10)));
        var second = Task.Run(() => principal.IsInRole("Admin"));
        await Task.Delay(50);
        release.Set();

        bool[] answers = await Task.WhenAll(first, second);
        Assert.Equal([true, true], answers);
    }

    [Fact]
    public void A_claims_function_that_throws_is_tried_again_by_the_next_read_rather_than_leaving_no_claims()
    {
        var calls = 0;
        var principal = PrincipalFor(new UserSession(5, "albus"), () =>
        {
            if (++calls == 1)
            {
                throw new TimeoutException("the directory is slow");
            }
        });

        Assert.Throws<TimeoutException>(() => principal.IsInRole("Admin"));

        Assert.True(principal.IsInRole("Admin"));
        Assert.Equal("albus", principal.Identity!.Name);
        Assert.Equal(3, principal.Claims.Count());
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_claims_function_that_reads_the_identity_it_fills_sees_no_claims_instead_of_recursing()
    {
        ClaimsPrincipal? principal = null;
        var seenInside = -1;
        var options = new SessionAuthOptions();
        options.UseClaims<UserSession>(u =>
        {
            seenInside = principal!.Claims.Count();
            return [new(ClaimTypes.Name, u.Name)];
        });
        principal = new SessionIdentities(options).PrincipalFor(new UserSession(5, "albus"), default, DateTimeOffset.MaxValue);

        Assert.Equal("albus", principal.Identity!.Name);
        Assert.Equal(0, seenInside);
    }

    private static string RoundTrip(ClaimsIdentity identity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            identity.WriteTo(writer);
        }

        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        var copy = new ClaimsIdentity(reader);
        return $"{copy.AuthenticationType} {copy.Name} {copy.FindFirst(ClaimTypes.Role)?.Value} {copy.Claims.Count()}";
    }

    private static ClaimsPrincipal PrincipalFor(UserSession user, Action onClaims)
    {
        var options = new SessionAuthOptions();
        options.IdentifyUser<UserSession>(u => u.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        options.UseClaims<UserSession>(u =>
        {
            onClaims();
            return [new(ClaimTypes.Name, u.Name), new(ClaimTypes.Role, "Admin")];
        });
        return new SessionIdentities(options).PrincipalFor(user, default, DateTimeOffset.MaxValue);
    }
}
