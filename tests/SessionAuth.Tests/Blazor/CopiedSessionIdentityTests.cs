using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using SessionAuth.TestApp;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests.Blazor;

/// <summary>
/// A circuit's session identity after the app copied it, as a claims transformation does (reviews of issue 17): a copy
/// made with <see cref="ClaimsIdentity.Clone"/>, <see cref="ClaimsPrincipal.Clone"/> or <c>new ClaimsIdentity(identity)</c>
/// is still the session's — the circuit is signed out when the session ends, and rules see the session — and an identity
/// of the SessionAuth scheme that lost the session (new claims with the same values) fails revalidation rather than
/// staying signed in for the life of the circuit.
/// </summary>
public sealed class CopiedSessionIdentityTests
{
    [Theory]
    [InlineData(CopyKind.IdentityClone)]
    [InlineData(CopyKind.PrincipalClone)]
    [InlineData(CopyKind.ClaimsIdentityConstructor)]
    public async Task A_circuit_whose_session_identity_the_app_copied_stands_with_its_session_and_is_signed_out_after_logout_everywhere(CopyKind copy)
    {
        await using var app = await ClaimsTransformationApp.StartAsync(new AddHouseClaim(copy), userEndpointRequiresSession: false);
        var user = await app.SignedInUserAsync("neville");
        Assert.Equal(SessionAuthDefaults.AuthenticationScheme, user.Identity?.AuthenticationType);
        Assert.True(user.HasClaim("transformed", "yes"));
        Assert.Equal("neville", user.Identity?.Name);
        Assert.True(await app.ValidateAsync(user), "the session stands, yet its copied identity fails revalidation");

        using (var response = await app.Client.FetchAsync("/_server/Account/LogoutEverywhere"))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.False(await app.ValidateAsync(user), "the session was ended by logout everywhere, yet the circuit's identity still validates");
    }

    [Theory]
    [InlineData(CopyKind.IdentityClone)]
    [InlineData(CopyKind.PrincipalClone)]
    [InlineData(CopyKind.ClaimsIdentityConstructor)]
    public async Task Rules_in_components_see_the_session_behind_a_copied_session_identity(CopyKind copy)
    {
        await using var app = await ClaimsTransformationApp.StartAsync(new AddHouseClaim(copy), userEndpointRequiresSession: false);
        var user = await app.SignedInUserAsync("neville");

        Assert.Equal("neville", new AuthenticationState(user).GetSession<UserSession>()?.Name);
    }

    [Fact]
    public async Task A_copy_of_the_session_identity_that_no_longer_names_its_session_fails_revalidation_while_the_session_stands()
    {
        await using var app = await ClaimsTransformationApp.StartAsync(new AddHouseClaim(CopyKind.ClaimValuesUnderTheSchemeName), userEndpointRequiresSession: false);
        var user = await app.SignedInUserAsync("neville");
        Assert.Equal(SessionAuthDefaults.AuthenticationScheme, user.Identity?.AuthenticationType);
        Assert.True(user.Identity?.IsAuthenticated);

        Assert.False(await app.ValidateAsync(user), "an identity of the SessionAuth scheme with no session behind it cannot be revalidated, so it must not stay signed in");
        Assert.Null(new AuthenticationState(user).GetSession<UserSession>());
    }

    /// <summary>How the claims transformation copies the session identity.</summary>
    public enum CopyKind
    {
        /// <summary><c>identity.Clone()</c>.</summary>
        IdentityClone,

        /// <summary><c>principal.Clone()</c>, which clones every identity.</summary>
        PrincipalClone,

        /// <summary><c>new ClaimsIdentity(identity)</c>, which copies the claims (each keeps its session) and the authentication type.</summary>
        ClaimsIdentityConstructor,

        /// <summary>New claims with the session's claim types and values, under the SessionAuth scheme's name: no session behind them.</summary>
        ClaimValuesUnderTheSchemeName,
    }

    /// <summary>The usual shape of a claims transformation: copy the identity, add to the copy, return a new principal.</summary>
    private sealed class AddHouseClaim(CopyKind copyKind) : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity || identity.HasClaim("transformed", "yes"))
            {
                return Task.FromResult(principal);
            }

            if (copyKind == CopyKind.PrincipalClone)
            {
                var principalCopy = principal.Clone();
                ((ClaimsIdentity)principalCopy.Identity!).AddClaim(new Claim("transformed", "yes"));
                return Task.FromResult(principalCopy);
            }

            var copy = copyKind switch
            {
                CopyKind.IdentityClone => identity.Clone(),
                CopyKind.ClaimsIdentityConstructor => new ClaimsIdentity(identity),
                _ => new ClaimsIdentity(identity.Claims.Select(claim => new Claim(claim.Type, claim.Value)), identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType),
            };
            copy.AddClaim(new Claim("transformed", "yes"));
            return Task.FromResult(new ClaimsPrincipal(copy));
        }
    }
}
