using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Tests;

/// <summary>
/// Why SAUTH0001 reads a minimal API handler's decision from the method alone: over HTTP, <c>[Authorize]</c> on the
/// class of a method-group handler leaves the endpoint open, and the same attribute on the method closes it.
/// </summary>
public sealed class MinimalApiGuardHttpTests
{
    [Fact]
    public async Task Authorize_on_the_handlers_class_leaves_the_endpoint_open_and_on_the_method_closes_it()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/class-level", AuthorizedClass.Get);       // SAUTH0001: the class's [Authorize] is not read
        app.MapGet("/method-level", AuthorizedMethod.Get);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };

        using var open = await http.GetAsync(new Uri("/class-level", UriKind.Relative));
        using var closed = await http.GetAsync(new Uri("/method-level", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("open to anyone", await open.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("/Account/Login", closed.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Authorize]
    private static class AuthorizedClass
    {
        public static string Get() => "open to anyone";
    }

    private static class AuthorizedMethod
    {
        [Authorize]
        public static string Get() => "signed in";
    }
}
