using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using SessionAuth.Infrastructure;

namespace SessionAuth.Tests.Blazor;

/// <summary>
/// Which page an enhanced navigation is sent to decides the answer's form (a redirect blazor.web.js follows, or a location
/// it loads): the path is a Blazor page only when the endpoints the router would pick for a GET of it are all Razor
/// component endpoints. Each row is an app's endpoints and a path.
/// </summary>
public sealed class RazorComponentPathsTests
{
    public static TheoryData<string, string, string[], bool> Apps => new()
    {
        // case, path, endpoints ("component ROUTE", "get ROUTE", "post ROUTE", each optionally "@ORDER"), whether Blazor renders the path
        { "a component page", "/login", ["component /login"], true },
        { "a component page, with a query", "/login?next=1", ["component /login"], true },
        { "a component page with an optional parameter", "/sign-in", ["component /sign-in/{returnTo?}"], true },
        { "a component page, the path percent-encoded", "/log%20in", ["component /log in"], true },
        { "a component page beside MapStaticAssets' fallback", "/login", ["component /login", "get {**path:file}@2147483647"], true },
        { "a minimal API page", "/login", ["get /login"], false },
        { "nothing at the path", "/login", ["component /home"], false },
        { "no endpoints at all", "/login", [], false },
        { "a component and a minimal API at the same route (ambiguous)", "/login", ["component /login", "get /login"], false },
        { "a minimal API's literal route beats a component's parameter", "/login", ["component /{page}", "get /login"], false },
        { "a component's literal route beats a minimal API's parameter", "/login", ["get /{page}", "component /login"], true },
        { "a component's route beats a minimal API's catch-all", "/login", ["get /{**rest}", "component /login"], true },
        { "a lower order wins over a more specific route", "/login", ["component /login@1", "get /{**rest}@0"], false },
        { "a POST-only minimal API does not answer a GET", "/login", ["post /login", "component /login"], true },
        { "a minimal API fallback alone", "/login", ["get {**path}@2147483647"], false },
        { "a component route whose constraint the path does not meet, beside a minimal API", "/account/login", ["component /account/{id:int}", "get /account/{page}"], false },
        { "a component route whose constraint the path meets, beside a minimal API", "/account/7", ["component /account/{id:int}", "get /account/{page}"], true },
        { "a component catch-all that rules out files, and a file's path", "/site/login.html", ["component /site/{*slug:nonfile}"], false },
        { "a component catch-all that rules out files, and a page's path", "/site/about", ["component /site/{*slug:nonfile}"], true },
    };

    [Theory]
    [MemberData(nameof(Apps))]
    public void A_path_is_a_Blazor_page_when_the_endpoints_the_router_picks_for_a_GET_are_components(string @case, string path, string[] endpoints, bool expected)
    {
        var paths = new RazorComponentPaths();
        var httpContext = ContextOver(new AppEndpoints(endpoints.Select(Endpoint).ToList()));

        Assert.True(expected == paths.IsComponentPage(httpContext, path), @case);
    }

    [Fact]
    public void What_is_known_of_a_path_is_read_again_when_the_app_s_endpoints_change()
    {
        var paths = new RazorComponentPaths();
        var source = new AppEndpoints([Endpoint("get /login")]);
        var httpContext = ContextOver(source);
        Assert.False(paths.IsComponentPage(httpContext, "/login"));

        source.Replace([Endpoint("component /login")]);

        Assert.True(paths.IsComponentPage(httpContext, "/login"));
    }

    [Fact]
    public void An_app_without_routing_has_no_Blazor_pages()
    {
        var httpContext = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };

        Assert.False(new RazorComponentPaths().IsComponentPage(httpContext, "/login"));
    }

    private static DefaultHttpContext ContextOver(EndpointDataSource source) =>
        new() { RequestServices = new ServiceCollection().AddRouting().AddSingleton(source).BuildServiceProvider() };

    // "component /login@1": a Razor component endpoint as MapRazorComponents makes it (GET and POST, ComponentTypeMetadata).
    private static RouteEndpoint Endpoint(string description)
    {
        var (kind, rest) = (description[..description.IndexOf(' ', StringComparison.Ordinal)], description[(description.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var at = rest.LastIndexOf('@');
        var (route, order) = at < 0 ? (rest, 0) : (rest[..at], int.Parse(rest[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        var metadata = kind switch
        {
            "component" => new EndpointMetadataCollection(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Post]), new ComponentTypeMetadata(typeof(RazorComponentPathsTests))),
            "get" => new EndpointMetadataCollection(new HttpMethodMetadata([HttpMethods.Get])),
            "post" => new EndpointMetadataCollection(new HttpMethodMetadata([HttpMethods.Post])),
            _ => throw new ArgumentException($"Unknown endpoint kind '{kind}'.", nameof(description)),
        };
        return new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse(route), order, metadata, description);
    }

    /// <summary>An app's endpoints, which can change as a dynamic data source's do.</summary>
    private sealed class AppEndpoints(IReadOnlyList<Endpoint> endpoints) : EndpointDataSource
    {
        private IReadOnlyList<Endpoint> _endpoints = endpoints;

        public override IReadOnlyList<Endpoint> Endpoints => _endpoints;

        public void Replace(IReadOnlyList<Endpoint> endpoints) => _endpoints = endpoints;

        public override IChangeToken GetChangeToken() => NullChangeToken.Singleton;
    }
}
