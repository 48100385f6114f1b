namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Shapes SAUTH0001 gets right: a guard before each run of the findings table decides; a guard a helper, local function
/// or lambda applies after running the host itself is reported; generic guard helpers (classic and extension-block),
/// extension-block properties and static members returning guarded or open groups, and a property getter that guards
/// its receiver.
/// </summary>
public sealed class UnfollowedRunAndExtensionMemberHeldShapesTests
{
    // The guard before the same run decides.
    [Theory]
    [MemberData(nameof(GuardAfterUnfollowedHostRunTests.RunNames), MemberType = typeof(GuardAfterUnfollowedHostRunTests))]
    public Task A_guard_before_a_run_the_rule_does_not_follow_counts(string shape)
        => HostRunShapePrograms.VerifyGuardAroundRunAsync(GuardAfterUnfollowedHostRunTests.Runs, shape, guardAfterTheRun: false);

    // The helper (or local function, or lambda) runs the host and only then guards: the endpoint was served open.
    [Theory]
    [InlineData("a local function", "Go(); void Go() { app.Run(); orders.RequireAuthorization(); }")]
    [InlineData("a static local function", "RunThenSecure(app, orders); static void RunThenSecure(WebApplication a, RouteGroupBuilder g) { a.Run(); g.RequireAuthorization(); }")]
    [InlineData("a lambda local invoked", "Action go = () => { app.Run(); orders.RequireAuthorization(); }; go();")]
    [InlineData("a static method", "Helpers.RunThenSecure(app, orders); static class Helpers { public static void RunThenSecure(WebApplication a, RouteGroupBuilder g) { a.Run(); g.RequireAuthorization(); } }")]
    [InlineData("a static method that starts the host", "Helpers.StartThenSecure(app, orders); app.WaitForShutdown(); static class Helpers { public static void StartThenSecure(WebApplication a, RouteGroupBuilder g) { a.StartAsync().GetAwaiter().GetResult(); g.RequireAuthorization(); } }")]
    [InlineData("an extension method", "orders.SecureAfterRun(app); static class Helpers { public static void SecureAfterRun(this RouteGroupBuilder g, WebApplication a) { a.Run(); g.RequireAuthorization(); } }")]
    [InlineData("a helper that runs through another helper, then guards", "Helpers.ServeThenSecure(app, orders); static class Helpers { static void Serve(WebApplication a) => a.Run(); public static void ServeThenSecure(WebApplication a, RouteGroupBuilder g) { Serve(a); g.RequireAuthorization(); } }")]
    public Task A_guard_a_helper_applies_after_running_the_host_is_reported(string shape, string program)
    {
        _ = shape;
        return HostRunShapePrograms.VerifyOrdersAsync(program, reported: true);
    }

    [Theory]
    [InlineData("classic generic TBuilder guard helper on MapGet", "app.MapGet(\"/x\", () => \"x\").RequireAdmin();")]
    [InlineData("classic generic TBuilder guard helper on a group", "var g = app.MapGroup(\"/g\").RequireAdmin(); g.MapGet(\"/x\", () => \"x\");")]
    [InlineData("extension-block generic guard helper", "app.MapGet(\"/x\", () => \"x\").Secure();")]
    [InlineData("extension-block generic guard helper on a group", "var g = app.MapGroup(\"/g\"); g.Secure(); g.MapGet(\"/x\", () => \"x\");")]
    [InlineData("extension property returning a guarded group", "app.SecureApi.MapGet(\"/x\", () => \"x\");")]
    [InlineData("extension-block static member returning a guarded group", "IEndpointRouteBuilder.MakeSecure(app).MapGet(\"/x\", () => \"x\");")]
    [InlineData("extension property getter guarding its receiver", "app.MapGroup(\"/a\").Secured.MapGet(\"/x\", () => \"x\");")]
    [InlineData("extension method on a guarded group", "app.MapGroup(\"/api\").RequireAuthorization().OrdersM().MapGet(\"/x\", () => \"x\");")]
    [InlineData("extension method on a guarded extension property", "app.SecureApi.OrdersM().MapGet(\"/x\", () => \"x\");")]
    [InlineData("classic extension on a guarded group", "app.MapGroup(\"/api\").RequireAuthorization().OrdersC().MapGet(\"/x\", () => \"x\"); static class Cls { public static RouteGroupBuilder OrdersC(this RouteGroupBuilder g) => g.MapGroup(\"/orders\"); }")]
    [InlineData("guarded group then extension-block mapper", "app.MapGroup(\"/api\").RequireAuthorization().MapOrders(); static class OrderMaps { extension(RouteGroupBuilder g) { public RouteGroupBuilder MapOrders() { g.MapGet(\"/o\", () => \"o\"); return g; } } }")]
    [InlineData("extension property returning an open group", "app.OpenApi.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("extension-block static member returning an open group", "IEndpointRouteBuilder.MakeOpen(app).MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("extension property guarding another group", "app.MapGroup(\"/a\").Wrong.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\");")]
    public Task An_extension_member_guard_or_group_is_read_as_its_method_form(string shape, string program)
    {
        _ = shape;
        return ExtensionPropertyGroupTests.VerifyAsync(program);
    }
}
