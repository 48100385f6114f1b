using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Infrastructure;

/// <summary>
/// Whether a page the guard sends a browser to (the login page, the access-denied page) is rendered by a Razor
/// component endpoint: <c>blazor.web.js</c> patches such a page into the document when an enhanced navigation is
/// redirected to it, and refuses anything else (a post) or loads the guarded URL a second time (a get).
/// </summary>
/// <remarks>
/// Asked only when an enhanced navigation is denied or redirected by a server function, and read once per path (up to
/// a bound) for as long as the app's endpoints stay the same. The endpoints that would answer a GET of the path are those whose route matches it with the lowest order and,
/// among them, the most specific route, as the router ranks them (a literal segment before a parameter; a fallback such
/// as <c>MapStaticAssets()</c>' <c>{**path:file}</c> has the highest order). The path counts as Blazor's only when every
/// one of them is a component endpoint: in doubt, the guard gives the answer that works for any page.
/// </remarks>
internal sealed class RazorComponentPaths
{
    private const int MaxKeptPaths = 256;

    private Answers _answers = new(null);

    /// <summary>Whether a GET of <paramref name="path"/> (a local path, perhaps with a query, header-safe encoded) is answered by a Razor component.</summary>
    public bool IsComponentPage(HttpContext httpContext, string path)
    {
        if (httpContext.RequestServices.GetService<EndpointDataSource>() is not { } dataSource)
        {
            return false;
        }

        var endpoints = dataSource.Endpoints;
        var answers = Volatile.Read(ref _answers);
        if (!ReferenceEquals(answers.Endpoints, endpoints))
        {
            // The app's endpoints changed (or were read for the first time): what was known of them no longer holds.
            answers = new Answers(endpoints);
            Volatile.Write(ref _answers, answers);
        }

        if (answers.ByPath.TryGetValue(path, out var known))
        {
            return known;
        }

        // A server function's redirect can name any path (a student's page, a query the user typed): beyond the paths an
        // app redirects to over and over, answers are worked out each time rather than kept, so memory stays bounded.
        var rendered = IsRenderedByComponents(endpoints, httpContext, path);
        if (answers.ByPath.Count < MaxKeptPaths)
        {
            answers.ByPath.TryAdd(path, rendered);
        }

        return rendered;
    }

    private static bool IsRenderedByComponents(IReadOnlyList<Endpoint> endpoints, HttpContext httpContext, string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var requestPath = PathString.FromUriComponent(query < 0 ? path : path[..query]);
        var policies = httpContext.RequestServices.GetService<ParameterPolicyFactory>();
        var found = false;
        var allComponents = true;
        var (bestOrder, bestPrecedence) = (int.MaxValue, decimal.MaxValue);
        foreach (var endpoint in endpoints)
        {
            if (endpoint is not RouteEndpoint route || !AnswersGet(route))
            {
                continue;
            }

            var template = new RouteTemplate(route.RoutePattern);
            var values = new RouteValueDictionary();
            if (!new TemplateMatcher(template, new RouteValueDictionary(route.RoutePattern.Defaults)).TryMatch(requestPath, values)
                || !MeetsConstraints(route.RoutePattern, values, httpContext, policies))
            {
                continue;
            }

            var precedence = RoutePrecedence.ComputeInbound(template);
            var isComponent = route.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            if (!found || route.Order < bestOrder || (route.Order == bestOrder && precedence < bestPrecedence))
            {
                (found, allComponents, bestOrder, bestPrecedence) = (true, isComponent, route.Order, precedence);
            }
            else if (route.Order == bestOrder && precedence == bestPrecedence)
            {
                allComponents &= isComponent;
            }
        }

        return found && allComponents;
    }

    // The router picks only a route whose constraints the path meets ({id:int}, {*slug:nonfile}), so a component route
    // whose constraint rules the path out says nothing of the page there. Without routing's services there are no routes.
    private static bool MeetsConstraints(RoutePattern pattern, RouteValueDictionary values, HttpContext httpContext, ParameterPolicyFactory? policies)
    {
        if (policies is null)
        {
            return true;
        }

        foreach (var (name, references) in pattern.ParameterPolicies)
        {
            var parameter = pattern.GetParameter(name);
            foreach (var reference in references)
            {
                if (policies.Create(parameter, reference) is IRouteConstraint constraint
                    && !constraint.Match(httpContext, route: null, name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool AnswersGet(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { HttpMethods.Count: > 0 } methods
        || methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase);

    private sealed class Answers(IReadOnlyList<Endpoint>? endpoints)
    {
        public IReadOnlyList<Endpoint>? Endpoints { get; } = endpoints;

        public ConcurrentDictionary<string, bool> ByPath { get; } = new(StringComparer.Ordinal);
    }
}
