using System.Security.Claims;
using Hogwarts.Components;
using Hogwarts.Data;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;
using SessionAuth;

namespace Hogwarts;

/// <summary>Builds the app; Program.cs runs it, and the browser tests start it on a free port with a database of their own.</summary>
public static class HogwartsApp
{
    public static WebApplication Build(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        configure?.Invoke(builder);

        // SESSION_SECRET in production; in Development a random password is generated with a warning.
        builder.Services.AddSessionAuth<UserSession>(o =>
        {
            o.Password = builder.Configuration["SESSION_SECRET"];

            // Who a session belongs to: a login over someone else's session (one planted in this browser, or left
            // behind) then starts a new session id, and updates by the same user keep theirs.
            o.IdentifyUser<UserSession>(user => user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));

            // Sessions live on the server (in memory here; AddStackExchangeRedisCache shares them between instances), so
            // "log out everywhere" ends them all: at their next request, and in open interactive pages within
            // CircuitRevalidationInterval (a minute unless set).
            o.UseServerStore();
            o.ExposeToClient<UserSession, UserView>(UserView.Of);

            // The session as HttpContext.User: the name, and the Prefect role that the students page's AuthorizeView asks.
            o.UseClaims<UserSession>(user => user.IsPrefect
                ? [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, "Prefect")]
                : [new Claim(ClaimTypes.Name, user.Name)]);

            // A signed-in user a rule refuses (a non-prefect awarding points, a student at another house's common
            // room) is sent here; scripts get 403 problem+json naming the rule.
            o.AccessDeniedPath = "/access-denied";

            // Outside Development the cookie is Secure and __Host- prefixed, so a sibling subdomain cannot set one over
            // it (docs/security.md, "Deploying"). Behind a TLS proxy, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so
            // the app sees the original scheme.
            if (!builder.Environment.IsDevelopment())
            {
                o.CookieName = "__Host-session";
                o.CookieSecurePolicy = CookieSecurePolicy.Always;
            }
        });
        // Brute force: the login is limited per client address and per user name (LoginRateLimit in configuration).
        builder.Services.AddLoginRateLimiting(builder.Configuration);
        builder.Services.AddSingleton<IPasswordHasher<HogwartsUser>, PasswordHasher<HogwartsUser>>();
        builder.Services.AddSingleton(provider => new HogwartsDb(
            builder.Configuration.GetConnectionString("Hogwarts") ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "hogwarts.db")}",
            provider.GetRequiredService<IPasswordHasher<HogwartsUser>>()));
        // Interactive Server components get the session's authentication state (revalidated); WebAssembly components get
        // its claims, serialized into the page (by default the name and roles).
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddInteractiveWebAssemblyComponents()
            .AddAuthenticationStateSerialization();
        builder.Services.AddCascadingAuthenticationState();

        // The OpenAPI document lists the server functions beside the minimal APIs; AddSessionAuth() declares the
        // session cookie and marks every guarded operation with it and with the guard's 401/403/503.
        builder.Services.AddOpenApi(openApi => openApi.AddSessionAuth());

        var app = builder.Build();
        app.Services.GetRequiredService<HogwartsDb>().EnsureCreated();

        app.UseLoginRateLimiting();
        app.UseSessionAuth();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapServerFunctions();

        // The generated client of those functions, which the pages' scripts import: /_server/client.js (and .d.ts).
        app.MapServerFunctionClient();
        app.MapGet("/", () => TypedResults.Redirect("/students")).AllowAnonymous();

        // The API's description and an explorer for it, in Development (or with OpenApi:Enabled=true): /openapi/v1.json
        // and /scalar/v1. Describing the API gives nothing away that calling it does not, but it is not the sample's page.
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("OpenApi:Enabled"))
        {
            app.MapOpenApi().AllowAnonymous();
            app.MapScalarApiReference().AllowAnonymous();
        }
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddInteractiveWebAssemblyRenderMode()
            .AddAdditionalAssemblies(typeof(Client.WhoAmI).Assembly);
        return app;
    }
}
