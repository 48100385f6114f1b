using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

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
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            app.MapGet("/class-level", AuthorizedClass.Get);       // SAUTH0001: the class's [Authorize] is not read
            app.MapGet("/method-level", AuthorizedMethod.Get);
        });
        using var http = CookieAuthApp.Client(app);

        using var open = await http.GetAsync(new Uri("/class-level", UriKind.Relative));
        using var closed = await http.GetAsync(new Uri("/method-level", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("open to anyone", await open.Content.ReadAsStringAsync());
        CookieAuthApp.AssertChallenged(closed);
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
