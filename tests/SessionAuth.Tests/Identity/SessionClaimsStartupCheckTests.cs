using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Identity;

/// <summary>
/// An app whose endpoints ask a session for roles, a name or claims without <c>UseClaims</c> does not start: those
/// endpoints would refuse every user. Endpoints decided by another scheme, and plain <c>[Authorize]</c>, are fine.
/// </summary>
public sealed class SessionClaimsStartupCheckTests
{
    public enum Shape
    {
        RolesOnMinimalApi,
        PolicyOverAClaim,
        PolicyOverAName,
        RequireRoleConvention,
        PlainAuthorize,
        UserIdClaimWithIdentifyUser,
        RolesThroughAnotherScheme,
        RolesWithAnotherDefaultScheme,
        RolesThroughBothSchemes,
        RolesWithUseClaims,
        FallbackPolicyWithRoles,
        AllowAnonymousUnderARoleFallback,
        RolesAddedByAClaimsTransformation,
        RolesThroughACustomPolicyProvider,
    }

    [Theory]
    [InlineData(Shape.RolesOnMinimalApi, "'HTTP: GET /admin' (roles Admin)")]
    [InlineData(Shape.PolicyOverAClaim, "'HTTP: GET /house' (the claim house)")]
    [InlineData(Shape.PolicyOverAName, "'HTTP: GET /albus' (the name albus)")]
    [InlineData(Shape.RequireRoleConvention, "'HTTP: GET /prefects' (roles Prefect)")]
    [InlineData(Shape.FallbackPolicyWithRoles, "'HTTP: GET /open' (roles Admin)")]
    public async Task Endpoints_asking_for_claims_no_session_can_have_stop_the_start(Shape shape, string named)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(shape));

        Assert.Equal(
            $"These endpoints ask a session for claims it can never have, because SessionAuthOptions.UseClaims is not set: {named}. " +
            "Call options.UseClaims<T>(data => [...]) in AddSessionAuth with the name, role and other claims of a session (or register an IClaimsTransformation that adds them).",
            failure.Message);
    }

    [Theory]
    [InlineData(Shape.PlainAuthorize)]
    [InlineData(Shape.UserIdClaimWithIdentifyUser)]
    [InlineData(Shape.RolesThroughAnotherScheme)]
    [InlineData(Shape.RolesWithAnotherDefaultScheme)]
    [InlineData(Shape.RolesThroughBothSchemes)]
    [InlineData(Shape.RolesWithUseClaims)]
    [InlineData(Shape.AllowAnonymousUnderARoleFallback)]
    [InlineData(Shape.RolesAddedByAClaimsTransformation)]
    [InlineData(Shape.RolesThroughACustomPolicyProvider)]
    public async Task Endpoints_another_scheme_or_the_session_can_satisfy_start(Shape shape)
    {
        await using var app = await StartAsync(shape);
    }

    /// <summary>Gives roles from somewhere else than the session (a directory, a database).</summary>
    private sealed class AdminFromDirectory : Microsoft.AspNetCore.Authentication.IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal) => Task.FromResult(principal);
    }

    /// <summary>A provider whose policies depend on the request (a tenant's): it cannot answer outside one.</summary>
    private sealed class PerRequestPolicies(Microsoft.AspNetCore.Http.IHttpContextAccessor accessor, Microsoft.Extensions.Options.IOptions<AuthorizationOptions> options)
        : DefaultAuthorizationPolicyProvider(options)
    {
        public override Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
            accessor.HttpContext is null ? throw new InvalidOperationException("No request.") : base.GetPolicyAsync(policyName);
    }

    private static async Task<WebApplication> StartAsync(Shape shape)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSessionAuth<UserSession>(options =>
        {
#pragma warning disable SAUTH0006 // A fixed password lets tests seal cookies of their own; it protects nothing.
            options.Password = TestAppHost.SessionPassword;
#pragma warning restore SAUTH0006
            options.IdentifyUser<UserSession>(user => user.Name);
            if (shape == Shape.RolesWithUseClaims)
            {
                options.UseClaims<UserSession>(user => [new(ClaimTypes.Role, "Admin")]);
            }
        });
        var authentication = shape == Shape.RolesWithAnotherDefaultScheme
            ? builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            : builder.Services.AddAuthentication(SessionAuthDefaults.AuthenticationScheme);
        authentication.AddCookie();
        if (shape == Shape.RolesAddedByAClaimsTransformation)
        {
            builder.Services.AddSingleton<Microsoft.AspNetCore.Authentication.IClaimsTransformation, AdminFromDirectory>();
        }

        if (shape == Shape.RolesThroughACustomPolicyProvider)
        {
            builder.Services.AddSingleton<IAuthorizationPolicyProvider, PerRequestPolicies>();
        }

        var authorization = builder.Services.AddAuthorizationBuilder();
        if (shape is Shape.FallbackPolicyWithRoles or Shape.AllowAnonymousUnderARoleFallback)
        {
            authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole("Admin").Build());
        }

        authorization
            .AddPolicy("house", policy => policy.RequireClaim("house"))
            .AddPolicy("albus", policy => policy.RequireUserName("albus"))
            .AddPolicy("user-id", policy => policy.RequireClaim(ClaimTypes.NameIdentifier));

        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseSessionAuth();
        switch (shape)
        {
            case Shape.RolesOnMinimalApi or Shape.RolesWithAnotherDefaultScheme or Shape.RolesWithUseClaims or Shape.RolesAddedByAClaimsTransformation or Shape.RolesThroughACustomPolicyProvider:
                app.MapGet("/admin", [Authorize(Roles = "Admin")] () => "admin");
                break;
            case Shape.PolicyOverAClaim:
                app.MapGet("/house", [Authorize(Policy = "house")] () => "house");
                break;
            case Shape.PolicyOverAName:
                app.MapGet("/albus", [Authorize(Policy = "albus")] () => "albus");
                break;
            case Shape.RequireRoleConvention:
                app.MapGet("/prefects", () => "prefects").RequireAuthorization(policy => policy.RequireRole("Prefect"));
                break;
            case Shape.PlainAuthorize:
                app.MapGet("/me", [Authorize] () => "me");
                break;
            case Shape.UserIdClaimWithIdentifyUser:
                app.MapGet("/id", [Authorize(Policy = "user-id")] () => "id");
                break;
            case Shape.RolesThroughAnotherScheme:
                app.MapGet("/admin", [Authorize(Roles = "Admin", AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme)] () => "admin");
                break;
            case Shape.FallbackPolicyWithRoles:
                app.MapGet("/open", () => "open");
                break;
            case Shape.AllowAnonymousUnderARoleFallback:
                app.MapGet("/open", () => "open").AllowAnonymous();
                break;
            case Shape.RolesThroughBothSchemes:
                app.MapGet("/admin", [Authorize(Roles = "Admin", AuthenticationSchemes = $"{SessionAuthDefaults.AuthenticationScheme},{CookieAuthenticationDefaults.AuthenticationScheme}")] () => "admin");
                break;
        }

        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
