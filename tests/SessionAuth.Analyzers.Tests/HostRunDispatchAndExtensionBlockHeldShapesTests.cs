namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Shapes SAUTH0001 gets right: host runs reached through generic helpers, an <c>IHost</c> local, extension-block members,
/// chained constructors, iterators and interface default methods; guards in lambdas or local functions that run only
/// after the host starts (a request handler, middleware, an <c>ApplicationStarted</c> callback) or never; extension-block
/// members that reassign their receiver, guard another group or guard on some paths; helpers that return one of several
/// parameters, in cycles included; and guarded endpoints in vertical slices, module lists, group chains and conditional
/// guards that decide on every path.
/// </summary>
public sealed class HostRunDispatchAndExtensionBlockHeldShapesTests
{
    [Theory]
    [InlineData("H09 generic IHost helper", "GenericHosting.Serve(app); orders.RequireAuthorization();", true)]
    [InlineData("H10 IHost local", "Microsoft.Extensions.Hosting.IHost h = app; h.Run(); orders.RequireAuthorization();", true)]
    [InlineData("H11 await using then guard", "await using (app) { await app.RunAsync(); } orders.RequireAuthorization();", true)]
    [InlineData("H12 extension block static member", "WebApplication.ServeStatic(app); orders.RequireAuthorization();", true)]
    [InlineData("H13 extension block instance member", "app.ServeIt(); orders.RequireAuthorization();", true)]
    [InlineData("H14 ctor chained this()", "_ = new ChainedServer(app); orders.RequireAuthorization();", true)]
    [InlineData("H15 guard in request-time lambda", "app.MapGet(\"/late\", () => { orders.RequireAuthorization(); return \"x\"; }).AllowAnonymous(); app.Run();", true)]
    [InlineData("H16 guard in ApplicationStarted callback", "app.Lifetime.ApplicationStarted.Register(() => orders.RequireAuthorization()); app.Run();", true)]
    [InlineData("H17 guard in lambda never called", "Action later = () => orders.RequireAuthorization(); app.Run();", true)]
    [InlineData("H18 local function never called", "void Later() => orders.RequireAuthorization(); app.Run();", true)]
    [InlineData("H19 guard in middleware lambda", "app.Use(async (ctx, next) => { orders.RequireAuthorization(); await next(ctx); }); app.Run();", true)]
    [InlineData("H22 interface default method", "((IDefaultServe)new DefaultServe()).Serve(app); orders.RequireAuthorization();", true)]
    [InlineData("H23 async local function not awaited", "var t = ServeAsync(); orders.RequireAuthorization(); await t; async Task ServeAsync() => await app.RunAsync();", true)]
    [InlineData("H24 static ctor of class touched", "StaticServer.App = app; StaticServer.Touch(); orders.RequireAuthorization();", true)]
    [InlineData("H28 guard before run (control)", "orders.RequireAuthorization(); app.Run();", false)]
    [InlineData("H29 RunAsync with token then guard", "var cts = new System.Threading.CancellationTokenSource(); var t = app.RunAsync(cts.Token); orders.RequireAuthorization(); await t;", true)]
    [InlineData("H30 await foreach/iterator runs", "foreach (var _ in Iter.Steps(app)) { } orders.RequireAuthorization();", true)]
    [InlineData("H34 run via generic method in generic class", "new GenHost<WebApplication>().Serve(app); orders.RequireAuthorization();", true)]
    public Task A_guard_counts_only_where_no_path_reaches_it_through_a_run(string shape, string program, bool reported)
    {
        _ = shape;
        return HostRunShapePrograms.VerifyOrdersAsync(program, reported);
    }

    [Theory]
    [InlineData("E01 receiver reassigned then guarded (void)", "var g = app.MapGroup(\"/a\"); g.SecureInner(); g.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("E02 classic ext param reassigned then guarded", "var g = app.MapGroup(\"/a\"); Classic.SecureInnerClassic(g); g.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("E03 member guards in lambda not run", "var g = app.MapGroup(\"/a\"); g.SecureLater(); g.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("E04 pick param guard on result", "var x = app.MapGroup(\"/x\"); var y = app.MapGroup(\"/y\"); Classic.Pick(x, y, args.Length > 0).RequireAuthorization(); x.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); y.MapGet(\"/\", () {|SAUTH0001:=>|} \"y\");")]
    [InlineData("E05 cyclic pick guard on result", "var x = app.MapGroup(\"/x\"); var y = app.MapGroup(\"/y\"); Classic.A(x, y, args.Length).RequireAuthorization(); x.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); y.MapGet(\"/\", () {|SAUTH0001:=>|} \"y\");")]
    [InlineData("E06 ext prop returns receiver after reassign", "var g = app.MapGroup(\"/a\"); g.Inner.RequireAuthorization(); g.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("E07 generic ext block conditional guard", "var g = app.MapGroup(\"/a\"); g.MaybeGuard(args.Length > 0); g.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("E08 ext member swaps field", "var g = app.MapGroup(\"/a\"); Holder.G = g; g.GuardHeld(); g.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("E09 ext member guards receiver only when a static flag", "var g = app.MapGroup(\"/a\"); g.GuardIfFlag(); g.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("E10 cyclic swap returns other param", "var x = app.MapGroup(\"/x\"); var y = app.MapGroup(\"/y\"); Classic.Swap(x, y, 1).RequireAuthorization(); x.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); y.MapGet(\"/\", () {|SAUTH0001:=>|} \"y\");")]
    [InlineData("E11 ext guards then throws catch", "var g = app.MapGroup(\"/a\"); try { g.GuardThenThrowFirst(); } catch { } g.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\");")]
    public Task A_group_is_decided_only_by_a_guard_that_reaches_it_on_every_path(string shape, string program)
    {
        _ = shape;
        return HostRunShapePrograms.VerifyRunAsync(program);
    }

    [Theory]
    [InlineData("M01 vertical slice via interface array", "var api = app.MapGroup(\"/api\").RequireAuthorization(); foreach (var e in new IEndpoint[] { new GetOrders() }) e.MapEndpoint(api);", HostRunShapePrograms.Slice)]
    [InlineData("M02 vertical slice via DI services", "var api = app.MapGroup(\"/api\").RequireAuthorization(); foreach (var e in app.Services.GetServices<IEndpoint>()) e.MapEndpoint(api);", HostRunShapePrograms.Slice)]
    [InlineData("M03 static abstract interface slice", "var api = app.MapGroup(\"/api\").RequireAuthorization(); Slices.Map<GetOrdersStatic>(api);", "interface IStaticEndpoint { static abstract void Map(IEndpointRouteBuilder app); } sealed class GetOrdersStatic : IStaticEndpoint { public static void Map(IEndpointRouteBuilder app) => app.MapGet(\"/s\", () => \"s\"); } static class Slices { public static void Map<T>(IEndpointRouteBuilder app) where T : IStaticEndpoint => T.Map(app); }")]
    [InlineData("M04 group chain guard mid", "app.MapGroup(\"/api\").RequireAuthorization().MapGroup(\"/v1\").WithTags(\"x\").MapGet(\"/\", () => \"x\");", "")]
    [InlineData("M05 if/else both decide", "var g = app.MapGroup(\"/api\"); if (app.Environment.IsDevelopment()) g.AllowAnonymous(); else g.RequireAuthorization(); g.MapGet(\"/\", () => \"x\");", "")]
    [InlineData("M06 ternary both decide", "var g = app.MapGroup(\"/api\"); _ = app.Environment.IsDevelopment() ? g.AllowAnonymous() : g.RequireAuthorization(); g.MapGet(\"/\", () => \"x\");", "")]
    [InlineData("M07b static property group without initializer", "Api.Group = app.MapGroup(\"/api\").RequireAuthorization(); Api.MapOrders();", "static class Api { public static RouteGroupBuilder? Group { get; set; } public static void MapOrders() => Group!.MapGet(\"/orders\", () => \"o\"); }")]
    [InlineData("M08 local function maps on guarded param", "var g = app.MapGroup(\"/api\").RequireAuthorization(); MapOrders(g); static void MapOrders(RouteGroupBuilder r) => r.MapGet(\"/\", () => \"x\");", "")]
    [InlineData("M09 helper taking IEndpointRouteBuilder", "var g = app.MapGroup(\"/api\"); g.RequireAuthorization(); Slices.MapAll(g);", "static class Slices { public static void MapAll(IEndpointRouteBuilder app) { app.MapGet(\"/all\", () => \"all\"); } }")]
    [InlineData("M10 MapSecureGet wrapper", "app.MapSecureGet(\"/x\", () => \"x\");", "static class Wrappers { public static RouteHandlerBuilder MapSecureGet(this IEndpointRouteBuilder app, string pattern, Delegate handler) => app.MapGet(pattern, handler).RequireAuthorization(); }")]
    [InlineData("M12 instance handler Authorize", "var h = new OrdersHandler(); app.MapGet(\"/x\", h.Handle);", "sealed class OrdersHandler { [Authorize] public string Handle() => \"h\"; }")]
    [InlineData("M13 module list with interface", "var api = app.MapGroup(\"/api\").RequireAuthorization(); Modules.All.ForEach(m => m.MapEndpoint(api));", HostRunShapePrograms.Slice + " static class Modules { public static readonly System.Collections.Generic.List<IEndpoint> All = [new GetOrders()]; }")]
    [InlineData("M14 extension returns guarded group then ext maps", "app.MapApi().MapOrderRoutes();", "static class Wrappers { public static RouteGroupBuilder MapApi(this WebApplication app) => app.MapGroup(\"/api\").RequireAuthorization(); public static RouteGroupBuilder MapOrderRoutes(this RouteGroupBuilder g) { g.MapGet(\"/orders\", () => \"o\"); return g; } }")]
    [InlineData("M15 group guard via policy lambda", "var g = app.MapGroup(\"/api\").RequireAuthorization(p => p.RequireRole(\"admin\")); g.MapGet(\"/\", () => \"x\");", "")]
    [InlineData("M16 switch on env decides", "var g = app.MapGroup(\"/api\"); switch (app.Environment.EnvironmentName) { case \"Development\": g.AllowAnonymous(); break; default: g.RequireAuthorization(); break; } g.MapGet(\"/\", () => \"x\");", "")]
    [InlineData("M17 generic slice registration", "var api = app.MapGroup(\"/api\").RequireAuthorization(); api.MapSlice<GetOrders>();", HostRunShapePrograms.Slice + " static class Slices { public static void MapSlice<T>(this IEndpointRouteBuilder app) where T : IEndpoint, new() => new T().MapEndpoint(app); }")]
    [InlineData("M18 abstract base slice", "var api = app.MapGroup(\"/api\").RequireAuthorization(); EndpointBase b = new Detail(); b.Map(api);", "abstract class EndpointBase { public abstract void Map(IEndpointRouteBuilder app); } sealed class Detail : EndpointBase { public override void Map(IEndpointRouteBuilder app) => app.MapGet(\"/d\", () => \"d\"); }")]
    [InlineData("M19 slice via reflection discovery", "var api = app.MapGroup(\"/api\").RequireAuthorization(); foreach (var t in typeof(Program).Assembly.GetTypes().Where(t => typeof(IEndpoint).IsAssignableFrom(t) && !t.IsInterface)) ((IEndpoint)Activator.CreateInstance(t)!).MapEndpoint(api);", HostRunShapePrograms.Slice)]
    public Task A_guarded_endpoint_of_a_common_app_shape_is_not_reported(string shape, string program, string types)
    {
        _ = shape;
        return HostRunShapePrograms.VerifyAppAsync(program, types);
    }
}
