using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

public sealed class SessionMiddlewareMatcherPolicyTests
{
    [Fact]
    public async Task Routing_states_of_server_functions_keep_their_fast_path_and_metadata_guarded_ones_get_the_policy()
    {
        await using var app = TestAppHost.Build();
        await app.StartAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var policy = app.Services.GetServices<MatcherPolicy>().OfType<SessionMiddlewareMatcherPolicy>().Single();

        var serverFunctions = endpoints.Where(e => e.Metadata.GetMetadata<ServerFunctionMetadata>() is not null).ToList();
        Assert.Contains(serverFunctions, e => e.Metadata.GetMetadata<ServerFunctionMetadata>()!.RequiresSession);
        Assert.Contains(serverFunctions, e => e.Metadata.GetMetadata<ServerFunctionMetadata>()!.PreloadsSession);
        Assert.False(policy.AppliesToEndpoints(serverFunctions));

        Assert.True(policy.AppliesToEndpoints([endpoints.Single(e => e is RouteEndpoint { RoutePattern.RawText: "/minimal/me" })]));
        Assert.True(policy.AppliesToEndpoints([endpoints.Single(e => e is RouteEndpoint { RoutePattern.RawText: "/preload/attribute" })]));
        Assert.False(policy.AppliesToEndpoints([endpoints.Single(e => e is RouteEndpoint { RoutePattern.RawText: "/preload/none" })]));
    }

    [Fact]
    public async Task The_gated_endpoint_is_the_same_route_for_everything_that_reads_it_and_is_made_once()
    {
        var policy = new SessionMiddlewareMatcherPolicy();
        var original = new RouteEndpoint(
            _ => Task.CompletedTask,
            RoutePatternFactory.Parse("/orders/{id:int}"),
            order: 7,
            new EndpointMetadataCollection(new RequireSessionAttribute(), new HttpMethodMetadata(["GET"])),
            "HTTP: GET /orders/{id:int}");
        var values = new RouteValueDictionary { ["id"] = "42" };

        var first = await SelectAsync(policy, original, values);
        var second = await SelectAsync(policy, original, values);

        var gated = Assert.IsType<RouteEndpoint>(first.Endpoint);
        Assert.NotSame(original, gated);
        Assert.Same(gated, second.Endpoint);
        Assert.Same(original.RoutePattern, gated.RoutePattern);
        Assert.Equal(7, gated.Order);
        Assert.Same(original.Metadata, gated.Metadata);
        Assert.Equal(original.DisplayName, gated.DisplayName);
        Assert.Same(values, first.Values);

        // Without the middleware's mark for this endpoint the original delegate is never reached.
        var context = new DefaultHttpContext();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => gated.RequestDelegate!(context));
        Assert.Contains("'HTTP: GET /orders/{id:int}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("app.UseSessionAuth()", exception.Message, StringComparison.Ordinal);
        SessionMiddlewareMark.Set(context, original);
        await Assert.ThrowsAsync<InvalidOperationException>(() => gated.RequestDelegate!(context));
        SessionMiddlewareMark.Set(context, gated);
        await gated.RequestDelegate!(context);
    }

    private static async Task<CandidateState> SelectAsync(SessionMiddlewareMatcherPolicy policy, Endpoint endpoint, RouteValueDictionary values)
    {
        var candidates = new CandidateSet([endpoint], [values], [0]);
        await policy.ApplyAsync(new DefaultHttpContext(), candidates);
        return candidates[0];
    }
}
