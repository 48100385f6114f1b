using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Tests;

/// <summary>
/// The facts docs/rules/SAUTH0001.md states about routable Razor components, which a future check must follow: a page's
/// endpoint carries its class's attributes read with <c>inherit: true</c>, and a public nested page is routed (unlike a
/// nested controller) while an internal or protected nested one is not; <c>[Route]</c> is not inherited, and an abstract
/// routed component is an endpoint all the same.
/// </summary>
public sealed class RazorComponentMetadataTests
{
    [Fact]
    public async Task A_pages_endpoint_carries_its_inheritable_attributes_and_public_nested_pages_are_routed()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddRazorComponents();
        await using var app = builder.Build();
        app.MapRazorComponents<RazorFactsRoot>();
        var routed = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/razor-facts/", StringComparison.Ordinal) == true)
            .ToList();
        var endpoints = routed.ToDictionary(e => e.RoutePattern.RawText!, e => e.Metadata);

        Assert.NotNull(endpoints["/razor-facts/inherits"].GetMetadata<IAuthorizeData>());
        Assert.Null(endpoints["/razor-facts/not-inherited"].GetMetadata<IAuthorizeData>());
        Assert.NotNull(endpoints["/razor-facts/own"].GetMetadata<IAuthorizeData>());
        Assert.Contains("/razor-facts/nested", endpoints.Keys);
        Assert.DoesNotContain("/razor-facts/internal", endpoints.Keys);
        Assert.DoesNotContain("/razor-facts/protected", endpoints.Keys);

        // An abstract routed component is an endpoint of its own, and its [Route] does not reach a derived class.
        var abstractPage = Assert.Single(routed, e => e.RoutePattern.RawText == "/razor-facts/abstract");
        Assert.Equal(typeof(RazorFactsAbstractPage), abstractPage.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type);
    }
}

public sealed class RazorFactsRoot : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
    }
}

[Authorize]
public abstract class RazorFactsSecureBase : ComponentBase;

[Route("/razor-facts/inherits")]
public sealed class RazorFactsInheritsPage : RazorFactsSecureBase;

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RazorFactsNotInheritedAttribute : Attribute, IAuthorizeData
{
    public string? Policy { get; set; } = "staff";

    public string? Roles { get; set; }

    public string? AuthenticationSchemes { get; set; }
}

[RazorFactsNotInherited]
public abstract class RazorFactsNotInheritedBase : ComponentBase;

[Route("/razor-facts/not-inherited")]
public sealed class RazorFactsNotInheritedPage : RazorFactsNotInheritedBase;

[Route("/razor-facts/own")]
[Authorize]
public sealed class RazorFactsOwnPage : ComponentBase;

public static class RazorFactsOuter
{
    [Route("/razor-facts/nested")]
    public sealed class NestedPage : ComponentBase;
}

[Route("/razor-facts/internal")]
internal sealed class RazorFactsInternalPage : ComponentBase;

public class RazorFactsOuterWithProtected
{
    [Route("/razor-facts/protected")]
    protected sealed class ProtectedPage : ComponentBase;
}

[Route("/razor-facts/abstract")]
public abstract class RazorFactsAbstractPage : ComponentBase;

public sealed class RazorFactsDerivedFromAbstractPage : RazorFactsAbstractPage;
