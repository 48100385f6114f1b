using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SessionAuth.Tests;

/// <summary>
/// Over HTTP, why SAUTH0001 counts a fallback policy only where the authorization middleware sees it
/// (tests/SessionAuth.Analyzers.Tests/FallbackPolicyReachTests.cs): named options and a policy name never added leave an
/// endpoint open, and so does a pipeline without <c>UseAuthorization()</c>.
/// </summary>
public sealed class FallbackPolicyHttpTests
{
    [Fact]
    public async Task A_fallback_policy_on_named_options_or_from_an_undefined_policy_leaves_an_endpoint_open()
    {
        static void Map(WebApplication app) => app.MapGet("/orders", () => "orders");

        await using var named = await CookieAuthApp.StartAsync(Map, s => s.Configure<AuthorizationOptions>("admin", o => o.FallbackPolicy = o.DefaultPolicy));
        await using var undefined = await CookieAuthApp.StartAsync(Map, s => s.AddAuthorization(o => o.FallbackPolicy = o.GetPolicy("Members")));
        await using var unnamed = await CookieAuthApp.StartAsync(Map, s => s.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy));
        using var namedClient = CookieAuthApp.Client(named);
        using var undefinedClient = CookieAuthApp.Client(undefined);
        using var unnamedClient = CookieAuthApp.Client(unnamed);

        using var namedResponse = await namedClient.GetAsync(new Uri("/orders", UriKind.Relative));
        using var undefinedResponse = await undefinedClient.GetAsync(new Uri("/orders", UriKind.Relative));
        using var unnamedResponse = await unnamedClient.GetAsync(new Uri("/orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, namedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, undefinedResponse.StatusCode);
        CookieAuthApp.AssertChallenged(unnamedResponse);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_fallback_policy_applies_only_where_the_pipeline_runs_the_authorization_middleware(bool useAuthorization)
    {
        using var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseKestrel()
                .UseUrls("http://127.0.0.1:0")
                .ConfigureServices(services =>
                {
                    services.AddRouting();
                    services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
                    services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                })
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    if (useAuthorization)
                    {
                        app.UseAuthorization();
                    }

                    app.UseEndpoints(endpoints => endpoints.MapGet("/orders", () => "orders"));   // SAUTH0001 fires (FallbackPolicyReachTests)
                }))
            .Build();
        await host.StartAsync();
        try
        {
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };

            using var response = await http.GetAsync(new Uri("/orders", UriKind.Relative));

            if (useAuthorization)
            {
                CookieAuthApp.AssertChallenged(response);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
