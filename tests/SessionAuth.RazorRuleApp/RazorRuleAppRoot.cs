using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;

namespace SessionAuth.RazorRuleApp;

/// <summary>The root of this assembly's pages: a router over them.</summary>
public sealed class RazorRuleAppRoot : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<Router>(0);
        builder.AddComponentParameter(1, nameof(Router.AppAssembly), typeof(RazorRuleAppRoot).Assembly);
        builder.AddComponentParameter(2, nameof(Router.Found), (RenderFragment<RouteData>)(routeData => page =>
        {
            page.OpenComponent<RouteView>(0);
            page.AddComponentParameter(1, nameof(RouteView.RouteData), routeData);
            page.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
