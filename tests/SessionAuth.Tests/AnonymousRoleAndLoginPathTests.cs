using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Infrastructure;
using SessionAuth.ShapesApp;
using SessionAuth.TestApp;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests;

/// <summary>Review 17b: attacks on the latest fixes that held.</summary>
public sealed class AnonymousRoleAndLoginPathTests
{
    /// <summary>More ways for an <c>IAllowAnonymous</c> to reach a server function with its own <c>[Authorize(Roles)]</c>: each still refuses the start.</summary>
    [Theory]
    [InlineData("an outer group's Finally convention")]
    [InlineData("AllowAnonymous() on the group after MapServerFunctions() mapped into it")]
    [InlineData("an inner group's WithMetadata, the functions in a group of their own inside it")]
    public async Task An_AllowAnonymous_reaching_a_server_function_with_its_own_role_by_other_paths_refuses_the_start(string way)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ShapesAppHost.StartAsync(
            static options => options.UseClaims<UserSession>(user => IdentityApp.ClaimsOf(user)),
            middleware: static app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
            },
            endpoints: app =>
            {
                switch (way)
                {
                    case "an outer group's Finally convention":
                        var outer = app.MapGroup("/outer");
                        ((IEndpointConventionBuilder)outer).Finally(static builder => builder.Metadata.Add(new AllowAnonymousAttribute()));
                        ShapesAppFunctions.Map(outer.MapGroup("/inner"));
                        break;
                    case "AllowAnonymous() on the group after MapServerFunctions() mapped into it":
                        var late = app.MapGroup("/late");
                        ShapesAppFunctions.Map(late);
                        late.AllowAnonymous();
                        break;
                    default:
                        var inner = app.MapGroup("/a").MapGroup("/b");
                        ShapesAppFunctions.Map(inner.MapGroup("/c"));
                        inner.WithMetadata(new AllowAnonymousAttribute());
                        break;
                }
            }));

        Assert.Contains("R16Mixed.Payroll", failure.Message, StringComparison.Ordinal);
        Assert.Contains("[Authorize(Roles = \"Admin\")] opened by AllowAnonymousAttribute", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A login path written with another case or a trailing slash is the component's page as the router sees it.</summary>
    [Theory]
    [InlineData("/Login/", "/login", true)]
    [InlineData("/LOGIN", "/login", true)]
    [InlineData("/account/7", "/account/{UserId:int}", true)]
    [InlineData("/reports/login?next=%2Fa", "/reports/login", true)]
    public void A_login_path_in_another_case_or_with_a_trailing_slash_is_the_component_page(string path, string route, bool expected)
    {
        var endpoint = new RouteEndpoint(
            _ => Task.CompletedTask,
            RoutePatternFactory.Parse(route),
            0,
            new EndpointMetadataCollection(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Post]), new ComponentTypeMetadata(typeof(AnonymousRoleAndLoginPathTests))),
            route);
        var httpContext = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton<EndpointDataSource>(new DefaultEndpointDataSource(endpoint)).BuildServiceProvider(),
        };

        Assert.Equal(expected, new RazorComponentPaths().IsComponentPage(httpContext, path));
    }
}
