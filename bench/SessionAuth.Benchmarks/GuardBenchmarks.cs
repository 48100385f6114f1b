using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionAuth.Infrastructure;

namespace SessionAuth.Benchmarks;

/// <summary>
/// One request through each guard, in process: SessionAuth's (what a generated server function runs before calling the
/// handler) beside ASP.NET Core's cookie authentication handler plus the authorization middleware's evaluation of the
/// <c>[Authorize]</c> policy. Every benchmark builds its request the same way, through the app's
/// <see cref="IHttpContextFactory"/> (so request services are a lazily created scope, as in Kestrel);
/// <see cref="NewContext"/> alone measures that shape, to be subtracted from the others.
/// </summary>
[MemoryDiagnoser]
[ExceptionDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class GuardBenchmarks
{
    private static readonly BenchSession Data = new("u-1024", "Hermione Granger", ["student", "prefect"]);

    private WebApplication _app = null!;
    private IHttpContextFactory _contexts = null!;
    private SessionManager<BenchSession> _typedSessions = null!;
    private RequestDelegate _guardedEndpoint = null!;
    private RequestDelegate _ruleGuardedEndpoint = null!;
    private bool _admitted;
    private IPolicyEvaluator _policyEvaluator = null!;
    private AuthorizationPolicy _authorizePolicy = null!;
    private AuthorizationPolicy _sessionRolePolicy = null!;
    private AuthorizationPolicy _cookieRolePolicy = null!;
    private ClaimsPrincipal _principal = null!;
    private string _sessionCookie = null!;
    private string _tamperedSessionCookie = null!;
    private string _authCookie = null!;
    private string _tamperedAuthCookie = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BenchJsonContext.Default));
        builder.Services.AddSessionAuth<BenchSession>(o =>
        {
            o.Password = "benchmark-password-of-at-least-32-characters";
            o.IdentifyUser<BenchSession>(user => user.UserId);
            o.UseClaims<BenchSession>(user => [new(ClaimTypes.Name, user.Name), .. user.Roles.Select(role => new Claim(ClaimTypes.Role, role))]);
        });
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();
        _app = builder.Build();

        var services = _app.Services;
        _contexts = services.GetRequiredService<IHttpContextFactory>();
        _typedSessions = ServerFunctionServices.GetSessionManager<BenchSession>(services);
        _guardedEndpoint = ServerFunctionEndpoint.RequireSession<BenchSession>(services, ServerFunctionSteps.None, redirectTo: null, (_, _, _, _) =>
        {
            _admitted = true;
            return Task.CompletedTask;
        });

        // What the generator passes for [RequireSession<BenchPrefect>] (see the Rules_on_server_functions snapshot): the
        // rule asked through SessionRules.Allows, which calls its static Allows through the interface.
        _ruleGuardedEndpoint = ServerFunctionEndpoint.RequireSession<BenchSession>(
            services,
            ServerFunctionSteps.None,
            redirectTo: null,
            static sessionData => !SessionRules.Allows<BenchPrefect, BenchSession>(sessionData) ? "BenchPrefect" : null,
            (_, _, _, _) =>
            {
                _admitted = true;
                return Task.CompletedTask;
            });
        _policyEvaluator = services.GetRequiredService<IPolicyEvaluator>();
        _authorizePolicy = (await services.GetRequiredService<IAuthorizationPolicyProvider>().GetDefaultPolicyAsync())!;
        _sessionRolePolicy = new AuthorizationPolicyBuilder(SessionAuthDefaults.AuthenticationScheme).RequireRole("prefect").Build();
        _cookieRolePolicy = new AuthorizationPolicyBuilder(CookieAuthenticationDefaults.AuthenticationScheme).RequireRole("prefect").Build();
        _principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, Data.UserId),
                new Claim(ClaimTypes.Name, Data.Name),
                new Claim(ClaimTypes.Role, Data.Roles[0]),
                new Claim(ClaimTypes.Role, Data.Roles[1]),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));

        _sessionCookie = await CaptureCookieAsync(async context => await (await _typedSessions.GetSessionAsync(context)).UpdateAsync(Data));
        _authCookie = await CaptureCookieAsync(context => context.SignInAsync(_principal));
        _tamperedSessionCookie = Tamper(_sessionCookie);
        _tamperedAuthCookie = Tamper(_authCookie);

        // Each scheme must accept its own cookie and refuse the tampered one, or the numbers below mean nothing.
        if (!await SessionAuthGuard(_sessionCookie) || await SessionAuthGuard(_tamperedSessionCookie) || await SessionAuthGuard(null)
            || !await RuleGuard(_sessionCookie) || await RuleGuard(_tamperedSessionCookie)
            || !await AspNetCoreGuard(_authCookie) || await AspNetCoreGuard(_tamperedAuthCookie) || await AspNetCoreGuard(null)
            || !await AuthorizeGuard(_sessionCookie, _sessionRolePolicy) || await AuthorizeGuard(_tamperedSessionCookie, _sessionRolePolicy)
            || !await AuthorizeGuard(_authCookie, _cookieRolePolicy) || await AuthorizeGuard(_tamperedAuthCookie, _cookieRolePolicy))
        {
            throw new InvalidOperationException("A guard did not admit its valid cookie or did not refuse a bad one.");
        }
    }

    [GlobalCleanup]
    public ValueTask Cleanup() => _app.DisposeAsync();

    [Benchmark(Description = "HttpContext only (subtract)")]
    public void NewContext() => _contexts.Dispose(CreateContext(_sessionCookie));

    [Benchmark(Description = "SessionAuth: valid cookie")]
    public Task<bool> SessionAuthValid() => SessionAuthGuard(_sessionCookie);

    [Benchmark(Description = "SessionAuth: valid cookie, RequireSession<TRule> holds")]
    public Task<bool> SessionAuthRuleValid() => RuleGuard(_sessionCookie);

    [Benchmark(Description = "ASP.NET Core: valid cookie")]
    public Task<bool> AspNetCoreValid() => AspNetCoreGuard(_authCookie);

    [Benchmark(Description = "[Authorize(Roles)], SessionAuth scheme: valid cookie")]
    public Task<bool> SessionSchemeRoles() => AuthorizeGuard(_sessionCookie, _sessionRolePolicy);

    [Benchmark(Description = "[Authorize(Roles)], ASP.NET Core cookie scheme: valid cookie")]
    public Task<bool> CookieSchemeRoles() => AuthorizeGuard(_authCookie, _cookieRolePolicy);

    [Benchmark(Description = "SessionAuth: no cookie")]
    public Task<bool> SessionAuthNoCookie() => SessionAuthGuard(null);

    [Benchmark(Description = "ASP.NET Core: no cookie")]
    public Task<bool> AspNetCoreNoCookie() => AspNetCoreGuard(null);

    [Benchmark(Description = "SessionAuth: tampered cookie")]
    public Task<bool> SessionAuthTampered() => SessionAuthGuard(_tamperedSessionCookie);

    [Benchmark(Description = "ASP.NET Core: tampered cookie")]
    public Task<bool> AspNetCoreTampered() => AspNetCoreGuard(_tamperedAuthCookie);

    [Benchmark(Description = "SessionAuth: seal (login)")]
    public async Task SessionAuthSeal()
    {
        var context = CreateContext(null);
        await (await _typedSessions.GetSessionAsync(context)).UpdateAsync(Data);
        _contexts.Dispose(context);
    }

    [Benchmark(Description = "ASP.NET Core: sign in")]
    public async Task AspNetCoreSignIn()
    {
        var context = CreateContext(null);
        await context.SignInAsync(_principal);
        _contexts.Dispose(context);
    }

    /// <summary>
    /// A request through the endpoint a generated <c>[RequireSession]</c> server function is built on (the same runtime
    /// call, with a body that only records that it ran): read the session once, deny or admit.
    /// </summary>
    private Task<bool> SessionAuthGuard(string? cookie) => Run(_guardedEndpoint, cookie);

    /// <summary>The same, for a generated <c>[RequireSession&lt;TRule&gt;]</c> server function: the rule runs once the session is open.</summary>
    private Task<bool> RuleGuard(string? cookie) => Run(_ruleGuardedEndpoint, cookie);

    private async Task<bool> Run(RequestDelegate endpoint, string? cookie)
    {
        var context = CreateContext(cookie);
        _admitted = false;
        await endpoint(context);
        _contexts.Dispose(context);
        return _admitted;
    }

    /// <summary>What UseAuthentication() and UseAuthorization() run for an endpoint with <c>[Authorize]</c>.</summary>
    private Task<bool> AspNetCoreGuard(string? cookie) => AuthorizeGuard(cookie, _authorizePolicy);

    /// <summary>
    /// What UseAuthentication() and UseAuthorization() run for an endpoint whose <c>[Authorize]</c> is
    /// <paramref name="policy"/>: the default scheme (cookie authentication here), then the policy with its own schemes.
    /// </summary>
    private async Task<bool> AuthorizeGuard(string? cookie, AuthorizationPolicy policy)
    {
        var context = CreateContext(cookie);

        // AuthenticationMiddleware: the default scheme, once per request.
        var authenticated = await context.AuthenticateAsync();
        if (authenticated.Principal is not null)
        {
            context.User = authenticated.Principal;
        }

        // AuthorizationMiddleware: the policy evaluator, then a challenge or forbid when the policy fails.
        var authentication = await _policyEvaluator.AuthenticateAsync(policy, context);
        var authorization = await _policyEvaluator.AuthorizeAsync(policy, authentication, context, resource: null);
        var admitted = authorization.Succeeded;
        var scheme = policy.AuthenticationSchemes.Count > 0 ? policy.AuthenticationSchemes[0] : null;
        if (authorization.Challenged)
        {
            await context.ChallengeAsync(scheme);
        }
        else if (authorization.Forbidden)
        {
            await context.ForbidAsync(scheme);
        }

        _contexts.Dispose(context);
        return admitted;
    }

    private HttpContext CreateContext(string? cookie) => BenchRequests.Create(_contexts, cookie);

    private Task<string> CaptureCookieAsync(Func<HttpContext, Task> signIn) => BenchRequests.CaptureCookieAsync(_contexts, signIn);

    /// <summary>Changes one character in the middle of the value: still well-formed, but no longer what was sealed.</summary>
    private static string Tamper(string cookie)
    {
        var chars = cookie.ToCharArray();
        var middle = cookie.IndexOf('=', StringComparison.Ordinal) + ((cookie.Length - cookie.IndexOf('=', StringComparison.Ordinal)) / 2);
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
