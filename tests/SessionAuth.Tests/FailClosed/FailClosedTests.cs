using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>
/// Endpoints whose guard or preloading is carried as metadata never run without <c>UseSessionAuth()</c>: the start is
/// refused when the app can tell, and a request the middleware did not see for its endpoint fails before the handler.
/// Each case runs its own app on Kestrel.
/// </summary>
public sealed class FailClosedTests
{
    public static TheoryData<string> Kinds => new(GuardedKind.All.Select(kind => kind.Name));

    public static TheoryData<string, Placement> KindsInUsualPlacements
    {
        get
        {
            var data = new TheoryData<string, Placement>();
            foreach (var kind in GuardedKind.All)
            {
                data.Add(kind.Name, Placement.ImplicitRouting);
                data.Add(kind.Name, Placement.AfterRouting);
            }

            foreach (var kind in new[] { GuardedKind.Controller, GuardedKind.Component, GuardedKind.MinimalAttribute })
            {
                data.Add(kind.Name, Placement.AfterAuthorization);
                data.Add(kind.Name, Placement.BeforeAuthentication);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Without_UseSessionAuth_the_start_is_refused_and_no_request_reaches_the_handler(string name)
    {
        var kind = GuardedKind.Named(name);
        await using var app = GuardedKindsApp.Build(Placement.Missing);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("app.UseSessionAuth() was never called", exception.Message, StringComparison.Ordinal);
        Assert.Contains(kind.NamedAs, exception.Message, StringComparison.Ordinal);
        Assert.Contains("after UseRouting()", exception.Message, StringComparison.Ordinal);

        // The server was listening before the check ran; whatever reached it in between never ran a handler.
        await AssertNeverServedAsync(app, kind, kind.Path);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task UseSessionAuth_before_an_explicit_UseRouting_stops_the_start_and_no_request_reaches_the_handler(string name)
    {
        var kind = GuardedKind.Named(name);
        await using var app = GuardedKindsApp.Build(Placement.BeforeRouting);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("app.UseSessionAuth() was called before app.UseRouting()", exception.Message, StringComparison.Ordinal);
        Assert.Contains(kind.NamedAs, exception.Message, StringComparison.Ordinal);
        await AssertNeverServedAsync(app, kind, kind.Path);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_request_re_executed_for_an_endpoint_the_middleware_did_not_see_fails_before_the_handler(string name)
    {
        var kind = GuardedKind.Named(name);
        await using var app = GuardedKindsApp.Build(Placement.BeforeReExecution, reExecutePath: kind.Path);
        await app.StartAsync();

        // Not found, re-executed at the guarded path: routing selects the guarded endpoint after UseSessionAuth() ran.
        await AssertNeverServedAsync(app, kind, "/nowhere");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_re_executed_request_is_guarded_when_UseSessionAuth_comes_after_the_re_execution(string name)
    {
        var kind = GuardedKind.Named(name);
        await using var app = GuardedKindsApp.Build(Placement.AfterReExecution, reExecutePath: kind.Path);
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));
        var calls = app.Services.GetRequiredService<HandlerCalls>();

        if (kind.Guards)
        {
            using var anonymous = await client.NavigateAsync("/nowhere");
            Assert.DoesNotContain(kind.Content, await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, calls.Count(kind));
        }

        AddValidSession(client);
        using var signedIn = await client.NavigateAsync("/nowhere");

        Assert.Contains(kind.Content, await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, calls.Count(kind));
    }

    [Fact]
    public async Task An_endpoint_added_after_the_start_without_UseSessionAuth_fails_before_the_handler()
    {
        using var late = new ChangingEndpointDataSource();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
#pragma warning disable SAUTH0006 // A fixed password lets tests seal cookies of their own; it protects nothing.
        builder.Services.AddSessionAuth<UserSession>(options => options.Password = TestAppHost.SessionPassword);
#pragma warning restore SAUTH0006
        await using var app = builder.Build();
        ((IEndpointRouteBuilder)app).DataSources.Add(late);
        app.MapGet("/open", () => "open").AllowAnonymous();
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));
        var calls = 0;

        late.Add(new RouteEndpoint(
            context =>
            {
                calls++;
                return context.Response.WriteAsync("late content");
            },
            RoutePatternFactory.Parse("/late"),
            order: 0,
            new EndpointMetadataCollection(new RequireSessionAttribute(), new HttpMethodMetadata(["GET"])),
            "late guarded endpoint"));
        AddValidSession(client);

        foreach (var response in new[] { await client.NavigateAsync("/late"), await client.FetchAsync("/late", method: HttpMethod.Get) })
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
                Assert.DoesNotContain("late content", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(0, calls);
        using var open = await client.NavigateAsync("/open");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Theory]
    [MemberData(nameof(KindsInUsualPlacements))]
    public async Task With_UseSessionAuth_in_a_usual_place_every_kind_answers_as_a_guarded_endpoint(string name, Placement placement)
    {
        var kind = GuardedKind.Named(name);
        await using var app = GuardedKindsApp.Build(placement);
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));
        var calls = app.Services.GetRequiredService<HandlerCalls>();

        using var navigation = await client.NavigateAsync(kind.Path);
        using var script = await client.FetchAsync(kind.Path, method: HttpMethod.Get);
        if (kind.Guards)
        {
            Assert.Equal(HttpStatusCode.Found, navigation.StatusCode);
            Assert.StartsWith("/login?returnUrl=", navigation.Headers.Location?.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, script.StatusCode);
            Assert.Equal(0, calls.Count(kind));
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, navigation.StatusCode);
            Assert.Equal(kind.Content + ", preloaded", await navigation.Content.ReadAsStringAsync());
            Assert.Equal("no-store, private", navigation.Headers.CacheControl?.ToString());
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }

        AddValidSession(client);
        var before = calls.Count(kind);
        using var signedIn = await client.NavigateAsync(kind.Path);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains(kind.Content, await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store, private", signedIn.Headers.CacheControl?.ToString());
        Assert.Equal(before + 1, calls.Count(kind));
    }

    [Fact]
    public async Task PreloadPaths_without_UseSessionAuth_stop_the_start()
    {
        var exception = await Record.ExceptionAsync(async () =>
        {
            await using var app = BuildWithoutUseSessionAuth(options => options.PreloadPaths.Add("/students/{**rest}"));
            await app.StartAsync();
        });

        Assert.IsType<InvalidOperationException>(exception);
        Assert.Contains("SessionAuthOptions.PreloadPaths is set, but app.UseSessionAuth() was never called", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreloadAllRequests_without_UseSessionAuth_stops_the_start()
    {
        var exception = await Record.ExceptionAsync(async () =>
        {
            await using var app = BuildWithoutUseSessionAuth(options => options.PreloadAllRequests = true);
            await app.StartAsync();
        });

        Assert.IsType<InvalidOperationException>(exception);
        Assert.Contains("SessionAuthOptions.PreloadAllRequests is set, but app.UseSessionAuth() was never called", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_whose_only_guards_are_server_functions_starts_without_UseSessionAuth_and_they_stay_closed()
    {
        await using var app = BuildWithoutUseSessionAuth(configure: null);
        TestAppHost.MapServerFunctionsOf(app);
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var anonymous = await client.FetchAsync("/_server/Account/Me");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        await client.LoginAsync();
        using var signedIn = await client.FetchAsync("/_server/Account/Me");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    /// <summary>A server function's [PreloadSession] is honoured by its own endpoint, as its guard is: nothing to fail.</summary>
    [Fact]
    public async Task A_preloaded_server_function_preloads_and_stays_out_of_caches_without_UseSessionAuth()
    {
        await using var app = BuildWithoutUseSessionAuth(configure: null);
        TestAppHost.MapServerFunctionsOf(app);
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var response = await client.FetchAsync("/_server/Students/Preloaded", method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store, private", response.Headers.CacheControl?.ToString());
    }

    /// <summary>
    /// App code that picks an endpoint itself after <c>UseSessionAuth()</c> ran for another one (SetEndpoint with an
    /// endpoint read from the data source, never through routing) still cannot run a guarded handler: the endpoint is
    /// stored as its gated copy, and the middleware did not run for it.
    /// </summary>
    [Fact]
    public async Task An_endpoint_set_by_app_code_after_the_middleware_ran_for_another_never_runs_its_handler()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSessionAuth<UserSession>(options =>
        {
#pragma warning disable SAUTH0006 // A fixed password lets tests seal cookies of their own; it protects nothing.
            options.Password = TestAppHost.SessionPassword;
#pragma warning restore SAUTH0006
        });
        await using var app = builder.Build();
        var secretCalls = 0;
        app.UseRouting();
        app.UseSessionAuth();
        app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey("X-Pick-Secret"))
            {
                var dataSource = context.RequestServices.GetRequiredService<EndpointDataSource>();
                context.SetEndpoint(dataSource.Endpoints.OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/secret"));
            }

            return next(context);
        });
        app.MapGet("/public", () => "public").AllowAnonymous();
        app.MapGet("/secret", () =>
        {
            secretCalls++;
            return "SECRET";
        }).RequireSession();
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/public");
        request.Headers.Add("X-Pick-Secret", "1");
        using var picked = await client.SendAsync(request);
        using var plain = await client.NavigateAsync("/public");

        Assert.Equal(HttpStatusCode.InternalServerError, picked.StatusCode);
        Assert.DoesNotContain("SECRET", await picked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, secretCalls);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }

    private static WebApplication BuildWithoutUseSessionAuth(Action<SessionAuthOptions>? configure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IStudentDirectory, StudentDirectory>();
        builder.Services.AddSingleton(new Greeter());
        builder.Services.AddScoped<Greetings>();
        builder.Services.AddSessionAuth<UserSession>(options =>
        {
#pragma warning disable SAUTH0006 // A fixed password lets tests seal cookies of their own; it protects nothing.
            options.Password = TestAppHost.SessionPassword;
#pragma warning restore SAUTH0006
            configure?.Invoke(options);
        });
        var app = builder.Build();
        app.MapGet("/open", () => "open").AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Navigations and script calls, anonymous and with a valid session: none is answered with the endpoint's content
    /// or a success, and its handler never runs.
    /// </summary>
    private static async Task AssertNeverServedAsync(WebApplication app, GuardedKind kind, string path)
    {
        using var client = new TestClient(new Uri(app.Urls.First()));
        var calls = app.Services.GetRequiredService<HandlerCalls>();
        for (var signedIn = 0; signedIn < 2; signedIn++)
        {
            if (signedIn == 1)
            {
                AddValidSession(client);
            }

            using var navigation = await client.NavigateAsync(path);
            using var script = await client.FetchAsync(path, method: HttpMethod.Get);
            foreach (var response in new[] { navigation, script })
            {
                Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
                Assert.DoesNotContain(kind.Content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(0, calls.Count(kind));
    }

    private static void AddValidSession(TestClient client)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var sealedValue = new SessionSealer([TestAppHost.SessionPassword])
            .Seal(new SealedSessionHeader(SessionId.NewId(), now, now + 600), Encoding.UTF8.GetBytes("""{"userId":1,"name":"Harry"}"""));
        client.Cookies.Add(client.Address, new Cookie("session", sealedValue));
    }

    /// <summary>An endpoint data source whose endpoints change after the app started, as a plugin's or a reloaded module's do.</summary>
    private sealed class ChangingEndpointDataSource : EndpointDataSource, IDisposable
    {
        private readonly List<Endpoint> _endpoints = [];
        private CancellationTokenSource _changed = new();

        public override IReadOnlyList<Endpoint> Endpoints => _endpoints;

        public override IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

        public void Add(Endpoint endpoint)
        {
            _endpoints.Add(endpoint);
            var changed = _changed;
            _changed = new CancellationTokenSource();
            changed.Cancel();
            changed.Dispose();
        }

        public void Dispose() => _changed.Dispose();
    }
}
