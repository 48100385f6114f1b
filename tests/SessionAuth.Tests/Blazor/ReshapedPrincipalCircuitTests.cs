using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests.Blazor;

/// <summary>
/// A circuit keeps the principal of the request that opened it, as the app's claims transformation left it (review 17b).
/// Two shapes once kept the session's user signed in for the life of the circuit after logout everywhere: a copy of the
/// session's claims under the app's own authentication type (revalidation judged only session identities), and an
/// identity of the app's put before the session's (the framework's loop runs only when the first identity is
/// authenticated, while role checks read every identity). The circuit must be signed out within the interval.
/// </summary>
public sealed class ReshapedPrincipalCircuitTests
{
    public static TheoryData<Reshape> Reshapes => new()
    {
        Reshape.ClaimsUnderAppType,
        Reshape.AppIdentityFirst,
    };

    [Theory]
    [MemberData(nameof(Reshapes))]
    public async Task An_open_circuit_whose_principal_the_app_reshaped_is_signed_out_within_the_interval_after_logout_everywhere(Reshape reshape)
    {
        await using var app = await ClaimsTransformationApp.StartAsync(new AppClaims(reshape), userEndpointRequiresSession: true);
        var user = await app.SignedInUserAsync(IdentityApp.Admin);
        Assert.True(user.IsInRole("Admin"), "albus is an admin");
        Assert.True(user.HasClaim("app", "hogwarts"), "the transformation ran");

        await using var scope = app.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var signedOut = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        provider.AuthenticationStateChanged += async state => signedOut.TrySetResult((await state).User);

        using (var response = await app.Client.FetchAsync("/_server/Account/LogoutEverywhere"))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        using (var next = await app.Client.FetchAsync("/circuit/user", method: HttpMethod.Get))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
        }

        // The wait bounds a hang, it measures nothing: the interval is one second. A circuit that is never signed out
        // keeps showing <AuthorizeView Roles="Admin"> content to a user whose every session has ended.
        var after = await signedOut.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.False(after.Identity?.IsAuthenticated);
        Assert.False(after.IsInRole("Admin"));
    }

    /// <summary>How the app's claims transformation reshapes the session's principal.</summary>
    public enum Reshape
    {
        /// <summary><c>new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, "Hogwarts", Name, Role))</c>: the session's claims, the app's authentication type.</summary>
        ClaimsUnderAppType,

        /// <summary>A principal whose first identity is the app's own (claims only, not authenticated), then the session's.</summary>
        AppIdentityFirst,
    }

    /// <summary>Adds the app's claim <c>app=hogwarts</c>, reshaping the principal as <see cref="Reshape"/> says.</summary>
    private sealed class AppClaims(Reshape reshape) : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            if (!principal.Identities.Any(identity => identity.IsAuthenticated) || principal.HasClaim("app", "hogwarts"))
            {
                return Task.FromResult(principal);
            }

            if (reshape == Reshape.ClaimsUnderAppType)
            {
                var identity = new ClaimsIdentity(principal.Claims, "Hogwarts", ClaimTypes.Name, ClaimTypes.Role);
                identity.AddClaim(new Claim("app", "hogwarts"));
                return Task.FromResult(new ClaimsPrincipal(identity));
            }

            var reshaped = new ClaimsPrincipal(new ClaimsIdentity([new Claim("app", "hogwarts")]));
            reshaped.AddIdentities(principal.Identities);
            return Task.FromResult(reshaped);
        }
    }
}
