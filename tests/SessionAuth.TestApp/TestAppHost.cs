using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SessionAuth.TestApp;

/// <summary>Starts the test app on Kestrel, on 127.0.0.1 and a free port.</summary>
public static class TestAppHost
{
    public const string SessionPassword = "test-password-that-is-long-enough-0123456789";

    public static WebApplication Build(Action<SessionAuthOptions>? configure = null, Action<WebApplicationBuilder>? configureBuilder = null, Action<WebApplication>? configureApp = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IStudentDirectory, StudentDirectory>();
        builder.Services.AddSingleton(new Greeter { Greeting = "Hello" });
        builder.Services.AddScoped<Greetings>();
        builder.Services.AddKeyedSingleton<IPricing>("eu", new Pricing("eu"));
        builder.Services.AddSessionAuth<UserSession>(options =>
        {
#pragma warning disable SAUTH0006 // A fixed password lets tests seal cookies of their own; it protects nothing.
            options.Password = SessionPassword;
#pragma warning restore SAUTH0006
            options.PreloadPaths.Add("/preload/paths/{**rest}");
            configure?.Invoke(options);
        });
        configureBuilder?.Invoke(builder);

        var app = builder.Build();
        configureApp?.Invoke(app);
        app.UseRouting();
        app.UseSessionAuth();
        app.MapServerFunctions();
        app.MapServerFunctionClient();
        app.MapGet("/minimal/me", [RequireSession] async (HttpContext context) =>
        {
            var session = await context.GetSessionAsync<UserSession>();
            return session.Data!.Name;
        });

        app.MapGet("/minimal/user", [RequireSession] (UserSession user) => $"{user.Name} ({user.UserId})");
        app.MapGet("/minimal/maybe", (UserSession? user) => user?.Name ?? "anonymous").AllowAnonymous();

        // Each answers whether the session was already open when the handler ran.
        app.MapGet("/preload/attribute", [PreloadSession] (HttpContext context) => WasPreloaded(context)).AllowAnonymous();
        app.MapGet("/preload/paths/{**rest}", (HttpContext context) => WasPreloaded(context)).AllowAnonymous();
        app.MapGet("/preload/none", (HttpContext context) => WasPreloaded(context)).AllowAnonymous();
        app.MapGet("/preload/own-cache-control", [PreloadSession] (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "private, max-age=60";
            return WasPreloaded(context);
        }).AllowAnonymous();

        // The same methods as minimal APIs (through the Request Delegate Generator), to compare their binding with ours.
        var minimal = app.MapGroup("/minimal").AllowAnonymous();
        minimal.MapGet("/binding/attributes/{id}", Binding.Attributes);
        minimal.MapGet("/binding/constrained/{id:int:min(1)}/{code:length(3)}/{ratio:range(0,10)}", Binding.Constrained);
        minimal.MapGet("/binding/arrays", Binding.Arrays);
        minimal.MapGet("/binding/defaults", Binding.Defaults);
        minimal.MapGet("/binding/dates", Binding.Dates);
        minimal.MapGet("/binding/nullable-dates", Binding.NullableDates);
        minimal.MapGet("/binding/flags", Binding.Flags);
        minimal.MapPost("/binding/upload", Binding.Upload).DisableAntiforgery();
        minimal.MapPost("/binding/body", Binding.Body);
        minimal.MapPost("/binding/optional-body", Binding.OptionalBody);
        minimal.MapPost("/binding/stream", Binding.Raw);
        minimal.MapGet("/binding/either", Binding.Either);
        minimal.MapPost("/binding/total", Binding.Total);
        minimal.MapGet("/binding/oblivious", Binding.Oblivious);
        minimal.MapGet("/binding/self", new Greetings(new Greeter { Greeting = "Hello" }).Describe);
        minimal.MapGet("/composite/search/{shelf}", CompositeBinding.Search);
        minimal.MapGet("/array-places/query-numbers", ArrayItemPlaces.QueryNumbers);
        minimal.MapGet("/array-places/query-texts", ArrayItemPlaces.QueryTexts);
        minimal.MapGet("/array-places/header-numbers", ArrayItemPlaces.HeaderNumbers);
        minimal.MapGet("/array-places/header-texts", ArrayItemPlaces.HeaderTexts);
        minimal.MapGet("/array-places/header-values", ArrayItemPlaces.HeaderValues);
        minimal.MapPost("/array-places/form-numbers", ArrayItemPlaces.FormNumbers).DisableAntiforgery();
        minimal.MapPost("/array-places/form-texts", ArrayItemPlaces.FormTexts).DisableAntiforgery();

        // The Request Delegate Generator leaves a complex [FromForm] type to minimal APIs' runtime form mapper (RDG003).
#pragma warning disable RDG003
        minimal.MapPost("/composite/contact", CompositeBinding.Contact).DisableAntiforgery();
#pragma warning restore RDG003

        app.MapSessionEndpoint();
        app.MapGet("/page", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($"<!doctype html><title>Page</title>{await context.RenderSessionScriptAsync()}");
        }).AllowAnonymous();

        // Renders the session, then chooses a weaker Cache-Control, as a handler that sets headers last might.
        app.MapGet("/page/then-public", async (HttpContext context) =>
        {
            var script = await context.RenderSessionScriptAsync();
            context.Response.Headers.CacheControl = "public, max-age=60";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($"<!doctype html><title>Page</title>{script}");
        }).AllowAnonymous();

        var reports = app.MapGroup("/reports").RequireSession(redirectTo: "/reports/login");
        reports.MapGet("/daily", () => "daily report");
        app.MapGet("/minimal/chained", () => "chained").RequireSession();

        // Any path under it is guarded: requests whose paths carry every kind of character reach the guard.
        app.MapGet("/guarded/{**rest}", (string? rest) => $"guarded {rest}").RequireSession();
        return app;
    }

    private static string WasPreloaded(HttpContext context) =>
        context.Features.Get<Session>() is { } session ? $"preloaded, {(session.IsAuthenticated ? "signed in" : "anonymous")}" : "not preloaded";

    /// <summary>The generated MapServerFunctions() is internal to this assembly; tests reach it here.</summary>
    public static IEndpointConventionBuilder MapServerFunctionsOf(IEndpointRouteBuilder endpoints) => endpoints.MapServerFunctions();

    public static async Task<(WebApplication App, Uri Address)> StartAsync(Action<SessionAuthOptions>? configure = null)
    {
        var app = Build(configure);
        await app.StartAsync();
        return (app, new Uri(app.Urls.First()));
    }
}
