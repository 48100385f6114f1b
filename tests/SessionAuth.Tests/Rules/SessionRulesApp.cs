using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.TestApp;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests.Rules;

/// <summary>
/// The test app with rule-guarded endpoints of every kind: the server functions of <see cref="RuleFunctions"/>,
/// minimal API handlers, a controller and Razor pages (<see cref="PrefectsPage"/>, <see cref="CommonRoomPage"/>). The
/// rules live in SessionAuth.TestApp, whose generated module initializer registers them. Users sign in through
/// <c>/_server/Account/Login</c>: percy is a prefect, tom a prefect but expelled, draco in Slytherin, the rest in Gryffindor.
/// </summary>
internal static class SessionRulesApp
{
    public static async Task<RunningApp> StartAsync(string? accessDeniedPath, string? loginPath = null)
    {
        var app = TestAppHost.Build(
            options =>
            {
                options.AccessDeniedPath = accessDeniedPath;
                options.LoginPath = loginPath ?? options.LoginPath;
            },
            builder =>
            {
                builder.Services.AddRazorComponents();
                builder.Services.AddControllers().AddApplicationPart(typeof(RulesController).Assembly)
                    .ConfigureApplicationPartManager(parts =>
                    {
                        foreach (var provider in parts.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().ToList())
                        {
                            parts.FeatureProviders.Remove(provider);
                        }

                        parts.FeatureProviders.Add(new OnlyControllers([typeof(RulesController)]));
                    });
            });
        app.UseAntiforgery();
        app.MapGet("/rules/minimal/prefects", [RequireSession<Prefect>] () => "minimal prefects");
        app.MapGet("/rules/minimal/houses/{house}", [RequireSession<OwnHouse>(Argument = "house")] (House house) => $"minimal {house}");
        app.MapGet("/rules/minimal/house", [RequireSession<OwnHouse>(Argument = "house")] (House house) => $"minimal query {house}");
        app.MapGet("/rules/minimal/notices/{house?}", [RequireSession<OwnHouseIfAny>(Argument = "house")] (House? house) => house is null ? "every house's notices" : $"{house} notices");
        app.MapGet("/rules/minimal/houses/{house}/by-query", [RequireSession<OwnHouse>(Argument = "house")] ([FromQuery] House house) => $"by query {house}");

        // Every server function again under /prefects-only, where the group adds a rule: a function's own
        // [RequireSession] must not hide it.
        TestAppHost.MapServerFunctionsOf(app.MapGroup("/prefects-only").WithMetadata(new RequireSessionAttribute<Prefect>()));
        app.MapGet("/rules/minimal/both", [RequireSession<Both<Prefect, NotExpelled>>] () => "both");
        app.MapGet("/rules/minimal/redirected", [RequireSession<Prefect>(RedirectTo = "/prefects/sign-in")] () => "minimal redirected");
        app.MapControllers();
        app.MapRazorComponents<RulePagesRoot>();

        var denied = new ConcurrentQueue<string>();
        var meterFactory = app.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            // Only this app's meter: other tests run their own apps in the same process.
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "SessionAuth" && instrument.Name == "sessionauth.request.denied" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                denied.Enqueue($"{tag.Key}={tag.Value}");
            }
        });
        listener.Start();
        await app.StartAsync();
        return new RunningApp(app, new Uri(app.Urls.First()), listener, denied);
    }

    /// <summary>A client signed in as <paramref name="name"/> through the app's login function.</summary>
    public static async Task<TestClient> SignedInAsync(Uri address, string name)
    {
        var client = new TestClient(address);
        using var response = await client.FetchAsync("/_server/Account/Login", $$"""{"username":"{{name}}","password":"{{Account.Password}}"}""");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return client;
    }
}

/// <summary>The app, its address, and the answers counted in <c>sessionauth.request.denied</c>.</summary>
internal sealed class RunningApp(WebApplication app, Uri address, MeterListener listener, ConcurrentQueue<string> denied) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    public IReadOnlyList<string> Denied => [.. denied];

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        await app.DisposeAsync();
    }
}

[ApiController]
[Route("/rules/mvc")]
[RequireSession<NotExpelled>]
internal sealed class RulesController : ControllerBase
{
    [HttpGet("prefects")]
    [RequireSession<Prefect>]
    public ContentResult Prefects() => Content("controller prefects");

    [HttpGet("houses/{house}")]
    [RequireSession<OwnHouse>(Argument = "house")]
    public ContentResult CommonRoom(House house) => Content($"controller {house}");

    [HttpPost("/rules/mvc-plain/houses")]
    [RequireSession<OwnHouse>(Argument = "house")]
    public ContentResult PostedHouse([FromQuery] House house) => Content($"posted {house}");

    [HttpGet("open")]
    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
    public ContentResult Open() => Content("controller open");
}
