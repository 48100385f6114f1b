using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>Where an app puts <c>UseSessionAuth()</c> in its pipeline.</summary>
public enum Placement
{
    /// <summary>Never called.</summary>
    Missing,

    /// <summary>Before an explicit <c>UseRouting()</c>: it sees no endpoint.</summary>
    BeforeRouting,

    /// <summary>The sample's order on a WebApplication that adds routing itself: static files, SessionAuth, antiforgery.</summary>
    ImplicitRouting,

    /// <summary><c>UseRouting()</c>, then <c>UseSessionAuth()</c>.</summary>
    AfterRouting,

    /// <summary><c>UseRouting()</c>, <c>UseAuthentication()</c>, <c>UseAuthorization()</c>, then <c>UseSessionAuth()</c>.</summary>
    AfterAuthorization,

    /// <summary><c>UseRouting()</c>, <c>UseSessionAuth()</c>, then <c>UseAuthentication()</c> and <c>UseAuthorization()</c>.</summary>
    BeforeAuthentication,

    /// <summary>After routing but before <c>UseStatusCodePagesWithReExecute</c>: a re-executed request selects an endpoint it never sees.</summary>
    BeforeReExecution,

    /// <summary>After <c>UseStatusCodePagesWithReExecute</c>: it runs again for the re-executed request.</summary>
    AfterReExecution,
}

/// <summary>An endpoint whose guard or preloading is carried as metadata, one of each kind an app can write.</summary>
/// <param name="Name">The kind, also the key of its handler's call count.</param>
/// <param name="Path">Where it is mapped.</param>
/// <param name="NamedAs">What the start-up message must say to name it.</param>
/// <param name="Content">What its handler answers.</param>
/// <param name="Guards">Whether it refuses anonymous requests; a preloaded endpoint serves them.</param>
public sealed record GuardedKind(string Name, string Path, string NamedAs, string Content, bool Guards)
{
    public static readonly GuardedKind MinimalChained = new("minimal-chained", "/minimal/chained", "/minimal/chained", "minimal chained content", Guards: true);
    public static readonly GuardedKind MinimalAttribute = new("minimal-attribute", "/minimal/attribute", "/minimal/attribute", "minimal attribute content", Guards: true);
    public static readonly GuardedKind Group = new("group", "/group/report", "/group/report", "group report content", Guards: true);
    public static readonly GuardedKind Controller = new("controller", "/mvc/guarded", "GuardedKindsController.Guarded", "controller content", Guards: true);
    public static readonly GuardedKind Component = new("component", "/razor/guarded", "/razor/guarded", "razor component content", Guards: true);
    public static readonly GuardedKind Preloaded = new("preloaded", "/preload/page", "/preload/page", "preloaded content", Guards: false);

    public static readonly IReadOnlyList<GuardedKind> All = [MinimalChained, MinimalAttribute, Group, Controller, Component, Preloaded];

    public static GuardedKind Named(string name) => All.Single(kind => kind.Name == name);

    public override string ToString() => Name;
}

/// <summary>How many times each handler ran.</summary>
public sealed class HandlerCalls
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public string Record(GuardedKind kind)
    {
        _calls.AddOrUpdate(kind.Name, 1, (_, count) => count + 1);
        return kind.Content;
    }

    public int Count(GuardedKind kind) => _calls.GetValueOrDefault(kind.Name);
}

/// <summary>
/// An app with one endpoint of every kind that carries SessionAuth metadata (a minimal API with <c>.RequireSession()</c>,
/// one with <c>[RequireSession]</c> on its handler, a route group, a controller action, a Razor component page and a
/// <c>[PreloadSession]</c> handler), and <c>UseSessionAuth()</c> where the test says.
/// </summary>
public static class GuardedKindsApp
{
    public static WebApplication Build(Placement placement, string reExecutePath = "/")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<HandlerCalls>();
        builder.Services.AddSessionAuth<UserSession>(options =>
        {
#pragma warning disable SAUTH0006 // A fixed password lets tests seal cookies of their own; it protects nothing.
            options.Password = TestAppHost.SessionPassword;
#pragma warning restore SAUTH0006
        });
        builder.Services.AddControllers().AddApplicationPart(typeof(GuardedKindsController).Assembly);
        builder.Services.AddRazorComponents();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();

        var app = builder.Build();
        switch (placement)
        {
            case Placement.Missing:
                app.UseRouting();
                break;
            case Placement.BeforeRouting:
                app.UseSessionAuth();
                app.UseRouting();
                break;
            case Placement.ImplicitRouting:
                app.UseStaticFiles();
                app.UseSessionAuth();
                break;
            case Placement.AfterRouting:
                app.UseRouting();
                app.UseSessionAuth();
                break;
            case Placement.AfterAuthorization:
                app.UseRouting();
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseSessionAuth();
                break;
            case Placement.BeforeAuthentication:
                app.UseRouting();
                app.UseSessionAuth();
                app.UseAuthentication();
                app.UseAuthorization();
                break;
            case Placement.BeforeReExecution:
                app.UseRouting();
                app.UseSessionAuth();
                app.UseStatusCodePagesWithReExecute(reExecutePath);
                break;
            case Placement.AfterReExecution:
                app.UseRouting();
                app.UseStatusCodePagesWithReExecute(reExecutePath);
                app.UseSessionAuth();
                break;
        }

        app.UseAntiforgery();
        MapEndpoints(app);
        return app;
    }

    public static void MapEndpoints(WebApplication app)
    {
        app.MapGet(GuardedKind.MinimalChained.Path, (HandlerCalls calls) => calls.Record(GuardedKind.MinimalChained)).RequireSession();
        app.MapGet(GuardedKind.MinimalAttribute.Path, [RequireSession] (HandlerCalls calls) => calls.Record(GuardedKind.MinimalAttribute));
        app.MapGroup("/group").RequireSession().MapGet("/report", (HandlerCalls calls) => calls.Record(GuardedKind.Group));
        app.MapGet(GuardedKind.Preloaded.Path, [PreloadSession] (HandlerCalls calls, HttpContext context) =>
            calls.Record(GuardedKind.Preloaded) + (context.Features.Get<Session>() is null ? ", not preloaded" : ", preloaded")).AllowAnonymous();
        app.MapControllers();
        app.MapRazorComponents<GuardedKindsRoot>();
    }
}

public sealed class GuardedKindsController(HandlerCalls calls) : ControllerBase
{
    [HttpGet("/mvc/guarded")]
    [RequireSession]
    public string Guarded() => calls.Record(GuardedKind.Controller);
}

[Microsoft.AspNetCore.Components.Route("/razor/guarded")]
[RequireSession]
public sealed class GuardedKindsPage : ComponentBase
{
    [Inject]
    public HandlerCalls Calls { get; set; } = null!;

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Calls.Record(GuardedKind.Component));
}

/// <summary>The root component: a router that renders the page the request is for.</summary>
public sealed class GuardedKindsRoot : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<Router>(0);
        builder.AddComponentParameter(1, nameof(Router.AppAssembly), typeof(GuardedKindsRoot).Assembly);
        builder.AddComponentParameter(2, nameof(Router.Found), (RenderFragment<RouteData>)(routeData => page =>
        {
            page.OpenComponent<RouteView>(0);
            page.AddComponentParameter(1, nameof(RouteView.RouteData), routeData);
            page.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
