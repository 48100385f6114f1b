using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 and SAUTH0004 count a decision added as a metadata object (<c>WithMetadata(new AuthorizeAttribute())</c>) as
/// they count the convention that adds the same object (<c>RequireAuthorization()</c>), on every kind of builder: the
/// framework reads endpoint metadata whatever call put it there. Only an object creation, whose type is known, decides.
/// </summary>
public sealed class GuardMetadataTests
{
    /// <summary>
    /// Every builder a decision can be added to, each given <paramref name="items"/>; the endpoints it covers are marked to
    /// fire when <paramref name="fire"/>.
    /// </summary>
    private static string EveryBuilder(string items, bool fire) => $$"""
        public static class Endpoints
        {
            private static readonly object Item = new AuthorizeAttribute();

            public static void Map(WebApplication app)
            {
                app.MapGet("/a", () {{Mark("=>", fire)}} "a").WithMetadata({{items}});

                var group = app.MapGroup("/group").WithMetadata({{items}});
                group.MapGet("/b", () {{Mark("=>", fire)}} "b");

                var later = app.MapGet("/c", () {{Mark("=>", fire)}} "c");
                later.WithMetadata({{items}});

                app.{{Mark("MapHealthChecks", fire)}}("/health").WithMetadata({{items}});
                app.MapControllerRoute("default", "{controller=Home}/{action=Index}").WithMetadata({{items}});
                app.MapRazorComponents<App>().WithMetadata({{items}});
                app.MapServerFunctions().WithMetadata({{items}});
            }
        }

        public sealed class HomeController : ControllerBase
        {
            public IActionResult {{Mark("Index", fire)}}() => Ok();
        }

        public sealed class App : Microsoft.AspNetCore.Components.ComponentBase
        {
        }

        [Microsoft.AspNetCore.Components.Route("/counter")]
        public sealed class {{Mark("Counter", fire)}} : Microsoft.AspNetCore.Components.ComponentBase
        {
        }

        public static class Reports
        {
            [ServerFunction]
            public static int {{Mark("Daily", fire)}}() => 1;
        }

        public sealed class StaffOnly : IAuthorizeData
        {
            public string? Policy { get; set; } = "staff";

            public string? Roles { get; set; }

            public string? AuthenticationSchemes { get; set; }
        }

        public sealed class PublicOnPurpose : IAllowAnonymous
        {
        }

        [SessionData]
        public sealed record UserSession(int UserId, bool IsPrefect);

        public sealed class Prefect : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.IsPrefect;
        }
        """;

    private static string Mark(string text, bool fire) => fire ? "{|SAUTH0001:" + text + "|}" : text;

    [Theory]
    [InlineData("new AuthorizeAttribute()")]
    [InlineData("new AuthorizeAttribute(\"staff\")")]
    [InlineData("new AuthorizeAttribute { Roles = \"admin\" }")]
    [InlineData("new AllowAnonymousAttribute()")]
    [InlineData("new RequireSessionAttribute()")]
    [InlineData("new RequireSessionAttribute { RedirectTo = \"/login\" }")]
    [InlineData("new RequireSessionAttribute<Prefect>()")]
    [InlineData("new StaffOnly()")]
    [InlineData("new PublicOnPurpose()")]
    [InlineData("new AuthorizationPolicy([new Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement()], [])")]
    [InlineData("new Microsoft.AspNetCore.Routing.EndpointNameMetadata(\"x\"), new AuthorizeAttribute()")]
    [InlineData("new object[] { new AllowAnonymousAttribute() }")]
    [InlineData("[new RequireSessionAttribute()]")]
    [InlineData("(object)new AuthorizeAttribute()")]
    public Task A_decision_added_as_metadata_decides_on_every_builder(string items) =>
        MinimalApiFlowTests.VerifyWithServerFunctionsAsync(EveryBuilder(items, fire: false));

    [Theory]
    [InlineData("Item")]
    [InlineData("new object[] { Item }")]
    [InlineData("new object()")]
    [InlineData("new Microsoft.AspNetCore.Routing.EndpointNameMetadata(\"x\")")]
    [InlineData("new PreloadSessionAttribute()")]
    [InlineData("new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()")]
    [InlineData("DateTime.Now.Second > 30 ? new AuthorizeAttribute() : Item")]
    [InlineData("DateTime.Now.Second > 30 ? Item : new AuthorizeAttribute()")]
    public Task Metadata_that_is_no_decision_or_whose_type_is_not_known_decides_nothing(string items) =>
        MinimalApiFlowTests.VerifyWithServerFunctionsAsync(EveryBuilder(items, fire: true));

    [Theory]
    [InlineData("new AuthorizeAttribute()", false)]
    [InlineData("new AllowAnonymousAttribute()", false)]
    [InlineData("new RequireSessionAttribute()", false)]
    [InlineData("Item", true)]
    public Task MapControllers_with_a_decision_as_metadata_decides_for_every_action(string items, bool fire) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>($$"""
        public static class Endpoints
        {
            private static readonly object Item = new AuthorizeAttribute();

            public static void Map(WebApplication app) => app.MapControllers().WithMetadata({{items}});
        }

        [Route("api/orders")]
        public sealed class OrdersController : ControllerBase
        {
            [HttpGet]
            public IActionResult {{Mark("List", fire)}}() => Ok();
        }
        """);

    [Fact]
    public Task A_WithMetadata_of_the_project_is_not_the_frameworks_and_decides_nothing() => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>("""
        public static class Endpoints
        {
            public static void Map(WebApplication app) => app.MapGet("/a", () {|SAUTH0001:=>|} "a").WithMetadata(new AuthorizeAttribute());
        }

        internal static class OwnExtensions
        {
            // Adds nothing: a method of the same name is not the framework's WithMetadata.
            public static TBuilder WithMetadata<TBuilder>(this TBuilder builder, params object[] items)
                where TBuilder : IEndpointConventionBuilder => builder;
        }
        """);

    [Fact]
    public Task Session_data_needs_a_RequireSessionAttribute_as_metadata_that_no_IAllowAnonymous_opens() => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", (UserSession user) => user.Name).WithMetadata(new RequireSessionAttribute());
                app.MapGet("/b", (UserSession user) => user.Name).WithMetadata(new RequireSessionAttribute<Member>());
                app.MapGroup("/c").WithMetadata(new RequireSessionAttribute()).MapGet("/c", (UserSession user) => user.Name);
                app.MapGet("/d", (UserSession {|SAUTH0004:user|}) => user.Name).WithMetadata(new AuthorizeAttribute());
                app.MapGet("/e", (UserSession {|SAUTH0004:user|}) => user.Name).WithMetadata(new RequireSessionAttribute(), new AllowAnonymousAttribute());
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);

        public sealed class Member : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.UserId > 0;
        }
        """);
}
