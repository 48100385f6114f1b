using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using SessionAuth.Authentication;
using SessionAuth.Components;
using SessionAuth.Infrastructure;

namespace SessionAuth;

/// <summary>Registers SessionAuth in the service collection.</summary>
public static class SessionAuthServiceCollectionExtensions
{
    /// <summary>
    /// Adds sealed-cookie sessions with data of type <typeparamref name="T"/>, the guard used by server functions and
    /// <c>UseSessionAuth()</c>, and the options checked at startup. <typeparamref name="T"/> itself becomes a scoped
    /// service holding the request's session data, so minimal API handlers can take it as a parameter.
    /// </summary>
    /// <typeparam name="T">The application's session data type, marked with <see cref="SessionDataAttribute"/>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; at least <see cref="SessionAuthOptions.Password"/> outside Development.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="InvalidOperationException">SessionAuth was already added with another session data type.</exception>
    public static IServiceCollection AddSessionAuth<T>(this IServiceCollection services, Action<SessionAuthOptions> configure)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(ISessionManager))
            {
                throw new InvalidOperationException(
                    $"AddSessionAuth<{typeof(T).Name}>() was called after SessionAuth had already been added. An app has one session data type; call AddSessionAuth once.");
            }
        }

        services.AddOptions<SessionAuthOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SessionAuthOptions>, SessionAuthOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<SessionAuthOptions>>(provider =>
            new DevelopmentPasswordGenerator(provider.GetService<IHostEnvironment>(), provider.GetRequiredService<ILoggerFactory>()));

        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new SessionAuthMetrics(provider.GetRequiredService<IMeterFactory>()));
        services.AddSingleton(provider => SessionManager<T>.Create(
            provider,
            provider.GetRequiredService<IOptions<SessionAuthOptions>>(),
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetRequiredService<SessionAuthMetrics>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISessionManager>(provider => provider.GetRequiredService<SessionManager<T>>());
        services.AddSingleton<IUserSessions>(provider => provider.GetRequiredService<SessionManager<T>>());
        services.AddHostedService(provider => new ServerStoreWarmUp(provider.GetRequiredService<SessionManager<T>>()));

        // Endpoints whose guard or preloading is kept by UseSessionAuth() fail closed without it: gated when routing
        // selects them, and refused at start-up when the middleware is missing or before routing.
        services.AddSingleton(new SessionMiddlewareCalls());
        services.AddSingleton<MatcherPolicy>(_ => new SessionMiddlewareMatcherPolicy());
        services.AddHostedService(provider => new SessionMiddlewareStartupCheck(
            provider.GetRequiredService<SessionMiddlewareCalls>(),
            provider.GetRequiredService<IOptions<SessionAuthOptions>>().Value,
            provider.GetService<EndpointDataSource>()));
        // A rule over an MVC action's argument is judged on the value MVC binds, whichever value provider supplied it.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options =>
        {
            if (!options.Filters.Any(static filter => filter is SessionRuleActionFilter))
            {
                options.Filters.Add(new SessionRuleActionFilter());
            }
        });
        services.AddHostedService(provider => new SessionRuleStartupCheck(
            provider.GetRequiredService<ISessionManager>(),
            provider.GetService<EndpointDataSource>(),
            provider.GetService<IOptions<Microsoft.AspNetCore.Mvc.MvcOptions>>()?.Value));
        // A route group's IAllowAnonymous would open a server function's own [Authorize] in UseAuthorization().
        services.AddHostedService(provider => new GroupAllowAnonymousStartupCheck(provider.GetService<EndpointDataSource>()));
        services.AddHttpContextAccessor();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Hosting.IStartupFilter, SessionDataCacheStartupFilter>());

        // Server functions in ApiExplorer, which OpenAPI generators read; built only when a document is asked for.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.ApiExplorer.IApiDescriptionProvider, OpenApi.ServerFunctionApiDescriptionProvider>());
        services.AddScoped(provider => SessionDataService.Resolve<T>(provider)!);
        services.AddSingleton(provider => new SessionClientViewHolder(provider));
        AddAuthenticationScheme(services);
        AddAuthenticationStateProvider(services, provider => new SessionAuthenticationStateProvider(
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetRequiredService<IOptions<SessionAuthOptions>>().Value,
            provider.GetRequiredService<SessionManager<T>>()));
        services.AddSingleton(provider => new SessionGuardFactory(
            provider.GetRequiredService<ISessionManager>(),
            provider.GetRequiredService<IOptions<SessionAuthOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetRequiredService<SessionAuthMetrics>()));
        return services;
    }

    // The session becomes the request's identity for UseAuthentication()/UseAuthorization() (which WebApplication adds
    // by itself once authentication and authorization are registered), and the default scheme when it is the only one.
    private static void AddAuthenticationScheme(IServiceCollection services)
    {
        services.AddAuthentication();
        services.AddAuthorization();
        services.AddSingleton(provider => new SessionIdentities(provider.GetRequiredService<IOptions<SessionAuthOptions>>().Value));
        services.AddTransient(provider => new SessionAuthenticationHandler(
            provider.GetRequiredService<ISessionManager>(),
            provider.GetRequiredService<SessionIdentities>(),
            provider.GetRequiredService<SessionGuardFactory>()));
        services.Configure<AuthenticationOptions>(options =>
        {
            if (!options.SchemeMap.ContainsKey(SessionAuthDefaults.AuthenticationScheme))
            {
                options.AddScheme<SessionAuthenticationHandler>(SessionAuthDefaults.AuthenticationScheme, SessionAuthDefaults.AuthenticationScheme);
            }
        });

        // Alone, the scheme is the default. Beside another scheme with no default named, ASP.NET Core would have made the
        // other one the default had SessionAuth not been added: taking its place silently would let any session through
        // that app's [Authorize], and leaving none would fail requests at random, so the start is refused instead.
        services.PostConfigure<AuthenticationOptions>(options =>
        {
            if (NamesNoDefault(options) && options.SchemeMap.Count == 1)
            {
                options.DefaultScheme = SessionAuthDefaults.AuthenticationScheme;
            }
        });
        services.AddSingleton<IValidateOptions<AuthenticationOptions>, SessionSchemeDefaultValidator>();
        services.AddOptions<AuthenticationOptions>().ValidateOnStart();

        // The app's own handler, registered before AddSessionAuth, is left alone (it answers every result); so is one
        // registered after (it replaces this one). Otherwise the app's AddAuthorization() keeps this one (TryAdd).
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(IAuthorizationMiddlewareResultHandler)
            && descriptor.ImplementationType != typeof(AuthorizationMiddlewareResultHandler)))
        {
            services.AddSingleton<IAuthorizationMiddlewareResultHandler>(provider => new SessionAuthorizationResultHandler(
                new AuthorizationMiddlewareResultHandler(),
                provider.GetRequiredService<SessionGuardFactory>(),
                provider.GetRequiredService<IAuthenticationSchemeProvider>()));
        }

        services.AddHostedService(provider => new SessionClaimsStartupCheck(
            provider.GetRequiredService<IOptions<SessionAuthOptions>>().Value,
            provider.GetService<EndpointDataSource>(),
            provider.GetRequiredService<IAuthenticationSchemeProvider>(),
            provider.GetService<IAuthorizationPolicyProvider>(),
            provider));
    }

    // Blazor's authentication state. AddRazorComponents() and AddInteractiveServerComponents() add the framework's
    // provider with TryAdd: called after AddSessionAuth they keep this one, called before theirs is replaced. A provider
    // of the app's own (registered before, or after, which replaces this one) is left alone.
    private static void AddAuthenticationStateProvider(IServiceCollection services, Func<IServiceProvider, AuthenticationStateProvider> create)
    {
        var frameworkDefault = services.FirstOrDefault(static descriptor => descriptor.ServiceType == typeof(AuthenticationStateProvider)
            && descriptor.ImplementationType == typeof(ServerAuthenticationStateProvider));
        if (frameworkDefault is not null)
        {
            services.Remove(frameworkDefault);
        }

        if (!services.Any(static descriptor => descriptor.ServiceType == typeof(AuthenticationStateProvider)))
        {
            services.AddScoped(create);
        }
    }

    internal static bool NamesNoDefault(AuthenticationOptions options) =>
        options.DefaultScheme is null && options.DefaultAuthenticateScheme is null && options.DefaultChallengeScheme is null;
}

/// <summary>Refuses a start where SessionAuth and another scheme are registered and no default scheme is named.</summary>
internal sealed class SessionSchemeDefaultValidator : IValidateOptions<AuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthenticationOptions options)
    {
        if (!SessionAuthServiceCollectionExtensions.NamesNoDefault(options) || options.SchemeMap.Count < 2 || !options.SchemeMap.ContainsKey(SessionAuthDefaults.AuthenticationScheme))
        {
            return ValidateOptionsResult.Success;
        }

        var others = options.SchemeMap.Keys.Where(scheme => scheme != SessionAuthDefaults.AuthenticationScheme).ToList();
        return ValidateOptionsResult.Fail(
            $"AddSessionAuth registers the '{SessionAuthDefaults.AuthenticationScheme}' authentication scheme beside {string.Join(", ", others.Select(scheme => $"'{scheme}'"))}, and no default scheme is named. " +
            $"Name the one HttpContext.User and [Authorize] use: AddAuthentication(SessionAuthDefaults.AuthenticationScheme) for sessions, or AddAuthentication(\"{others[0]}\") to keep the other.");
    }
}
