using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionAuth.RazorRuleApp;
using SessionAuth.TestApp;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests;

/// <summary>
/// Review of issue 16: a rule named only in a <c>.razor</c> file's <c>@attribute</c>. The Razor compiler is a source
/// generator too, and generators do not see each other's output, so SessionAuth's generator never sees that attribute;
/// a rule it also cannot find declared (a constructed generic rule, <c>Both&lt;NotExpelled, Prefect&gt;</c>) is never
/// registered, though the project runs the generator.
/// </summary>
public sealed class RazorOnlyRuleTests
{
    /// <summary>
    /// The page's rule must be registered (the project runs the generator) and enforced; today the start is refused with
    /// a message telling the app to reference the SessionAuth package, which it does.
    /// </summary>
    [Fact]
    public async Task A_generic_rule_named_only_in_a_razor_files_attribute_is_registered_and_enforced()
    {
        var (app, address) = await ShapesAppHost.StartAsync(
            services: services => services.AddRazorComponents(),
            endpoints: app =>
            {
                app.UseAntiforgery();
                app.MapRazorComponents<RazorRuleAppRoot>();
            });
        await using var _ = app;
        using var percy = await IdentityApp.SignedInAsync(address, "percy");
        using var tom = await IdentityApp.SignedInAsync(address, "tom");

        using (var prefect = await percy.NavigateAsync("/r16/razor/both-reversed"))
        {
            Assert.Equal(HttpStatusCode.OK, prefect.StatusCode);
        }

        using var expelled = await tom.FetchAsync("/r16/razor/both-reversed", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.Forbidden, expelled.StatusCode);
    }
}
