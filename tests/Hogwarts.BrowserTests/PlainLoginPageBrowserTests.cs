using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>
/// Hogwarts with a login page that is not a Blazor page (a minimal API writing HTML, as an app that adds Blazor to an
/// existing site has; review of issue 17). blazor.web.js refuses a non-Blazor page as the answer to an enhanced form post
/// ("Enhanced navigation does not support making a non-GET request to a non-Blazor endpoint") and loads the URL of an
/// enhanced navigation a second time ("Enhanced navigation failed ... Falling back to full page load"), so the guard
/// gives it the login URL to load itself: the user lands on the login page, with one request for the guarded URL and
/// nothing in the console.
/// </summary>
[Collection(HogwartsInChromium.Name)]
public sealed class PlainLoginPageBrowserTests(ChromiumFixture chromium, PlainLoginPageFixture fixture) : IClassFixture<PlainLoginPageFixture>
{
    [Fact]
    public async Task An_anonymous_enhanced_form_post_lands_on_a_login_page_that_is_not_a_Blazor_page()
    {
        var observed = await ObservedPage.OpenAsync(chromium, fixture, "/access-denied", "/_server/HousePoints/Award");
        var page = observed.Page;
        await using var _ = page.Context;

        await PageForm.PostAsync(page, "/_server/HousePoints/Award", enhanced: true, ["house", "Hufflepuff"], ["points", "50"]);
        await page.WaitForAddressAsync(@"/plain-login\?returnUrl=");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal("/plain-login?returnUrl=%2Faccess-denied", new Uri(page.Url).PathAndQuery);
        Assert.Equal("Plain login", await page.TextContentAsync("h1"));
        Assert.Equal(["POST"], observed.Requests);
        Assert.True(observed.Console.Count == 0, string.Join(Environment.NewLine, observed.Console));
    }

    [Fact]
    public async Task An_anonymous_enhanced_navigation_lands_on_a_login_page_that_is_not_a_Blazor_page_with_one_request_and_no_warning()
    {
        var observed = await ObservedPage.OpenAsync(chromium, fixture, "/access-denied", "/students");
        var page = observed.Page;
        await using var _ = page.Context;

        await observed.FollowLinkAsync("/students");
        await page.WaitForAddressAsync(@"/plain-login\?returnUrl=");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal("/plain-login?returnUrl=%2Fstudents", new Uri(page.Url).PathAndQuery);
        Assert.Equal("Plain login", await page.TextContentAsync("h1"));
        Assert.Equal(["GET"], observed.Requests);
        Assert.True(observed.Console.Count == 0, string.Join(Environment.NewLine, observed.Console));
    }
}

/// <summary>The Hogwarts sample as <see cref="HogwartsFixture"/> starts it, with LoginPath set to a minimal API's HTML page.</summary>
public sealed class PlainLoginPageFixture : HogwartsFixture
{
    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<SessionAuth.SessionAuthOptions>(options => options.LoginPath = "/plain-login");

    // The icon link keeps the browser from asking for /favicon.ico, whose 404 would be a console error.
    protected override void Map(WebApplication app) =>
        app.MapGet("/plain-login", () => Results.Content("<!doctype html><title>Log in</title><link rel=\"icon\" href=\"data:,\"><h1>Plain login</h1>", "text/html; charset=utf-8")).AllowAnonymous();
}
