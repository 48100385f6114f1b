using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>
/// What SAUTH0005 is built on, over HTTP on Kestrel: which of <c>[RequireSession]</c> and <c>[AllowAnonymous]</c> wins
/// when they sit on a class and its member, or on a class and its base. Controllers and Razor pages are guarded through
/// metadata, where <c>UseSessionAuth()</c> lets an <c>[AllowAnonymous]</c> anywhere open the endpoint, however far away;
/// a server function takes its nearest decision, each class read with what its base classes pass on.
/// </summary>
public sealed class ConflictingGuardHttpTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _app = TestAppHost.Build(configureBuilder: builder =>
        {
            builder.Services.AddRazorComponents();

            // MVC's own discovery over this assembly, limited to the controllers of this test.
            builder.Services.AddControllers().ConfigureApplicationPartManager(manager =>
            {
                manager.ApplicationParts.Add(new AssemblyPart(typeof(ConflictingGuardHttpTests).Assembly));
                manager.FeatureProviders.Remove(manager.FeatureProviders.OfType<ControllerFeatureProvider>().Single());
                manager.FeatureProviders.Add(new ThisTestsControllers());
            });
        });
        _app.UseAntiforgery();
        _app.MapControllers();
        _app.MapRazorComponents<GuardedKindsRoot>();
        await _app.StartAsync();
        _address = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task On_a_controller_an_AllowAnonymous_class_opens_its_actions_RequireSession_and_an_AllowAnonymous_action_opts_out_of_its_class()
    {
        using var anonymous = new TestClient(_address);

        // SAUTH0005 fires on OpenedActions.Account: the controller's [AllowAnonymous] wins over the action's guard.
        Assert.Equal("\"OpenedActions.Account, open to anyone\"", await OkTextAsync(anonymous, "/conflicts/mvc/account"));

        // The reverse is an opt-out, no conflict: the action is open, its sibling guarded by the class.
        Assert.Equal("\"GuardedActions.Login\"", await OkTextAsync(anonymous, "/conflicts/mvc/login"));
        using var guarded = await anonymous.FetchAsync("/conflicts/mvc/index", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.Unauthorized, guarded.StatusCode);

        await anonymous.LoginAsync();
        Assert.Equal("\"GuardedActions.Index\"", await OkTextAsync(anonymous, "/conflicts/mvc/index"));
    }

    [Fact]
    public async Task On_a_Razor_page_an_AllowAnonymous_base_component_opens_the_pages_RequireSession()
    {
        using var anonymous = new TestClient(_address);

        // SAUTH0005 fires on OpenedPage: its base's [AllowAnonymous] is in the page's endpoint metadata.
        using var opened = await anonymous.NavigateAsync("/conflicts/razor/opened");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("opened page, rendered for anyone", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The reverse is an opt-out: the page is nearer than its base.
        using var optOut = await anonymous.NavigateAsync("/conflicts/razor/opt-out");
        Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);
        Assert.Contains("opt-out page, rendered for anyone", await optOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_server_function_the_method_decides_in_its_class_but_a_base_classes_AllowAnonymous_opens_the_class_beside_it()
    {
        using var anonymous = new TestClient(_address);

        // No SAUTH0005: the method's [RequireSession] is nearer than its class's [AllowAnonymous], and guards it.
        using var restricted = await anonymous.FetchAsync("/conflicts/functions/restricted", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.Unauthorized, restricted.StatusCode);
        Assert.Equal("\"open shelf\"", await OkTextAsync(anonymous, "/conflicts/functions/open"));

        // SAUTH0005 fires on OpenedWing: the [AllowAnonymous] its base passes on wins over its own [RequireSession].
        Assert.Equal("\"opened wing for anyone\"", await OkTextAsync(anonymous, "/conflicts/functions/opened"));

        await anonymous.LoginAsync();
        Assert.Equal("\"restricted shelf for harry\"", await OkTextAsync(anonymous, "/conflicts/functions/restricted"));
    }

    private static async Task<string> OkTextAsync(TestClient client, string path)
    {
        using var response = await client.FetchAsync(path, method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>These controllers only: their names do not end in "Controller", so MVC's own rules skip them in other tests' apps.</summary>
    private sealed class ThisTestsControllers : ControllerFeatureProvider
    {
        protected override bool IsController(TypeInfo typeInfo) => typeInfo.AsType() == typeof(OpenedActions) || typeInfo.AsType() == typeof(GuardedActions);
    }
}

[AllowAnonymous]
public sealed class OpenedActions
{
    [HttpGet("/conflicts/mvc/account")]
    [RequireSession]
    public string Account() => $"{GetType().Name}.Account, open to anyone";
}

[RequireSession]
public sealed class GuardedActions
{
    [HttpGet("/conflicts/mvc/index")]
    public string Index() => $"{GetType().Name}.Index";

    [HttpGet("/conflicts/mvc/login")]
    [AllowAnonymous]
    public string Login() => $"{GetType().Name}.Login";
}

[AllowAnonymous]
public abstract class PublicPageBase : ComponentBase;

[Microsoft.AspNetCore.Components.Route("/conflicts/razor/opened")]
[RequireSession]
public sealed class OpenedPage : PublicPageBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "opened page, rendered for anyone");
}

[RequireSession]
public abstract class SecurePageBase : ComponentBase;

[Microsoft.AspNetCore.Components.Route("/conflicts/razor/opt-out")]
[AllowAnonymous]
public sealed class OptOutPage : SecurePageBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "opt-out page, rendered for anyone");
}
