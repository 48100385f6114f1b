using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 and the service collection a fallback policy is registered on (review 21c findings 3 and 11): the
/// authorization middleware reads the options of the app's own service provider, so a registration counts only on the
/// app's collection: the <c>Services</c> of the builder whose built app is served, the collection the host gives a
/// Startup's <c>ConfigureServices</c> or a <c>ConfigureServices</c> lambda of such a builder, or a helper's parameter
/// that every call fills with one of those. Where the collection comes from is followed back through locals, helpers'
/// parameters and returns, and the framework's fluent calls; a collection of any other or unknown origin does not
/// count. Every form of the registration counts on it: <c>AddAuthorization</c>, <c>Configure</c>,
/// <c>AddAuthorizationBuilder().SetFallbackPolicy</c>, <c>AddOptions&lt;AuthorizationOptions&gt;().Configure</c>.
/// </summary>
public sealed class FallbackPolicyServiceCollectionTests
{
    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    // Finding 3 (false silence): AddAuthorization(o => o.FallbackPolicy = ...) in startup code counts whatever service
    // collection it is called on; only the one the app is built from feeds the authorization middleware
    // (FallbackPolicyServiceCollectionHttpTests: 200 for an anonymous caller).

    [Fact]
    public Task A_fallback_policy_on_a_new_ServiceCollection_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var tools = new ServiceCollection();
        tools.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task A_fallback_policy_on_the_services_of_a_builder_that_is_never_built_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var other = WebApplication.CreateBuilder(args);
        other.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task A_fallback_policy_set_by_a_helper_given_a_new_ServiceCollection_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        Security.Add(new ServiceCollection());
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        static class Security
        {
            public static void Add(IServiceCollection services) => services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        }
        """);

    // Finding 11 (false alarm, minor): the options-builder form of the same registration is not recognised.

    [Fact]
    public Task A_fallback_policy_set_through_AddOptions_Configure_decides_for_every_endpoint() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization();
        builder.Services.AddOptions<AuthorizationOptions>().Configure(o => o.FallbackPolicy = o.DefaultPolicy);
        var app = builder.Build();
        app.MapGet("/orders", () => "orders");
        app.Run();
        """);

    // Fires: collections that are not the app's, or not only the app's.

    [Theory]
    [InlineData("var other = WebApplication.CreateBuilder(args); other.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy); var tool = other.Build();")]
    [InlineData("var services = builder.Services; services = new ServiceCollection(); services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);")]
    [InlineData("new ServiceCollection().AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
    [InlineData("new AuthorizationBuilder(new ServiceCollection()).SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
    [InlineData("new ServiceCollection().AddOptions<AuthorizationOptions>().Configure(o => o.FallbackPolicy = o.DefaultPolicy);")]
    [InlineData("builder.Services.AddOptions<AuthorizationOptions>(\"admin\").Configure(o => o.FallbackPolicy = o.DefaultPolicy);")]
    [InlineData("Security.Add(builder.Services); Security.Add(new ServiceCollection());")]
    [InlineData("Holder.Services = builder.Services; Holder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);")]
    [InlineData("var services = new ServiceCollection(); Security.Add(services);")]
    [InlineData("new Settings().Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);")]
    public Task A_fallback_policy_on_a_collection_that_may_not_be_the_apps_leaves_every_endpoint_open(string configuration) => VerifyAppAsync(App(configuration, reported: true));

    // Does not fire: the app's collection, however it reaches the registration.

    [Theory]
    [InlineData("var services = builder.Services; services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);")]
    [InlineData("builder.Services.AddRouting().AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);")]
    [InlineData("builder.Services.AddSecurity();")]
    [InlineData("Security.Add(builder);")]
    [InlineData("builder.AddHostSecurity();")]
    [InlineData("builder.Host.ConfigureServices((context, services) => services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy));")]
    [InlineData("builder.WebHost.ConfigureServices(services => services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy));")]
    [InlineData("var authorization = builder.Services.AddAuthorizationBuilder(); authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
    [InlineData("builder.Services.AddOptions<AuthorizationOptions>().PostConfigure(o => o.FallbackPolicy = o.DefaultPolicy);")]
    [InlineData("builder.Services.AddOptions<AuthorizationOptions>(Microsoft.Extensions.Options.Options.DefaultName).Configure(o => o.FallbackPolicy = o.DefaultPolicy);")]
    [InlineData("builder.Services.AddOptions<AuthorizationOptions>().Configure<IServiceProvider>((o, provider) => o.FallbackPolicy = o.DefaultPolicy);")]
    [InlineData("builder.Services.Configure<AuthorizationOptions>(Microsoft.Extensions.Options.Options.DefaultName, o => o.FallbackPolicy = o.DefaultPolicy);")]
    public Task A_fallback_policy_on_the_apps_collection_decides_for_every_endpoint(string configuration) => VerifyAppAsync(App(configuration, reported: false));

    // The app built in a helper that returns it to the entry point, which runs it.

    [Fact]
    public Task A_fallback_policy_on_the_builder_of_an_app_a_helper_returns_and_the_entry_point_runs_decides_for_every_endpoint() => VerifyAppAsync("""
        var app = Api.Create(args);
        await app.RunAsync();

        static class Api
        {
            public static WebApplication Create(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
                var app = builder.Build();
                app.MapGet("/orders", () => "orders");
                return app;
            }
        }
        """);

    [Fact]
    public Task A_fallback_policy_on_the_builder_of_an_app_a_helper_returns_and_nothing_runs_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        var tool = Tools.Create(args);
        app.Run();

        static class Tools
        {
            public static WebApplication Create(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
                return builder.Build();
            }
        }
        """);

    // An options class (IConfigureOptions, IConfigureNamedOptions, IPostConfigureOptions of AuthorizationOptions) counts
    // when registered on the app's collection, read as the options factory reads it.

    [Theory]
    [InlineData("builder.Services.ConfigureOptions<RequireLogin>();", false)]
    [InlineData("builder.Services.ConfigureOptions(typeof(RequireLogin));", false)]
    [InlineData("builder.Services.ConfigureOptions(new RequireLogin());", false)]
    [InlineData("builder.Services.AddSingleton<IConfigureOptions<AuthorizationOptions>, RequireLogin>();", false)]
    [InlineData("builder.Services.AddTransient<IConfigureOptions<AuthorizationOptions>, RequireLoginForEveryName>();", false)]
    [InlineData("builder.Services.ConfigureOptions<RequireLoginAfterAll>();", false)]
    [InlineData("builder.Services.AddSingleton<IPostConfigureOptions<AuthorizationOptions>, RequireLoginAfterAll>();", false)]
    [InlineData("", true)]
    [InlineData("new ServiceCollection().ConfigureOptions<RequireLogin>();", true)]
    [InlineData("if (args.Length > 0) { builder.Services.ConfigureOptions<RequireLogin>(); }", true)]
    [InlineData("builder.Services.TryAddSingleton<IConfigureOptions<AuthorizationOptions>, RequireLogin>();", true)]
    [InlineData("builder.Services.ConfigureOptions<NamedWithTheUnnamedMethod>();", true)]
    [InlineData("builder.Services.ConfigureOptions<RequireLoginForAdminOnly>();", true)]
    public Task A_fallback_policy_in_an_options_class_counts_when_the_app_registers_it(string registration, bool reported) => VerifyAppAsync($$"""
        using Microsoft.Extensions.DependencyInjection.Extensions;
        using Microsoft.Extensions.Options;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization();
        {{registration}}
        var app = builder.Build();
        app.MapGet("/orders", () {{(reported ? "{|SAUTH0001:=>|}" : "=>")}} "orders");
        app.Run();

        sealed class RequireLogin : IConfigureOptions<AuthorizationOptions>
        {
            public void Configure(AuthorizationOptions options) => options.FallbackPolicy = options.DefaultPolicy;
        }

        sealed class RequireLoginForEveryName : IConfigureNamedOptions<AuthorizationOptions>
        {
            public void Configure(string? name, AuthorizationOptions options) => options.FallbackPolicy = options.DefaultPolicy;

            public void Configure(AuthorizationOptions options) => Configure(Options.DefaultName, options);
        }

        sealed class RequireLoginAfterAll : IPostConfigureOptions<AuthorizationOptions>
        {
            public void PostConfigure(string? name, AuthorizationOptions options) => options.FallbackPolicy = options.DefaultPolicy;
        }

        // The options factory calls only Configure(name, options) of named options: this write never runs.
        sealed class NamedWithTheUnnamedMethod : IConfigureNamedOptions<AuthorizationOptions>
        {
            public void Configure(string? name, AuthorizationOptions options) { }

            public void Configure(AuthorizationOptions options) => options.FallbackPolicy = options.DefaultPolicy;
        }

        sealed class RequireLoginForAdminOnly : IConfigureNamedOptions<AuthorizationOptions>
        {
            public void Configure(string? name, AuthorizationOptions options)
            {
                if (name == "admin")
                {
                    options.FallbackPolicy = options.DefaultPolicy;
                }
            }

            public void Configure(AuthorizationOptions options) { }
        }
        """);

    private static string App(string configuration, bool reported) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        {{configuration}}
        var app = builder.Build();
        app.MapGet("/orders", () {{(reported ? "{|SAUTH0001:=>|}" : "=>")}} "orders");
        app.Run();

        static class Security
        {
            public static void Add(IServiceCollection services) => services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);

            public static void Add(WebApplicationBuilder builder) => builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);

            public static IServiceCollection AddSecurity(this IServiceCollection services) => services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);

            public static void AddHostSecurity(this Microsoft.Extensions.Hosting.IHostApplicationBuilder builder) => builder.Services.AddSecurity();
        }

        static class Holder
        {
            public static IServiceCollection? Services { get; set; }
        }

        sealed class Settings
        {
            public IServiceCollection Services { get; } = new ServiceCollection();
        }
        """;
}
