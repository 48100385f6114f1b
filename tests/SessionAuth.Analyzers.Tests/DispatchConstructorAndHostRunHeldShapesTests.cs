using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Shapes review 21f tried against review 21e's fixes on which SAUTH0001 is right, kept as tests. Caller
/// discovery (constructor flows, interface dispatch, initializers), "before the host runs", and "returns its parameter"
/// read to the greatest fixed point, in different orders.
/// </summary>
public sealed class DispatchConstructorAndHostRunHeldShapesTests
{
    private static Task VerifyProgramAsync(string program) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)]);

    // Each row reaches the endpoint once with a guarded group and once, another way, with an open one: reported.
    [Theory]
    [InlineData("field set from a constructor parameter, reassigned by a member", "var m = new OrdersModule({G1}); m.Use({G2}); m.Map();", "class OrdersModule { private RouteGroupBuilder _group; public OrdersModule(RouteGroupBuilder group) { _group = group; } public void Use(RouteGroupBuilder other) => _group = other; public void Map() => _group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("field initialized from a primary constructor parameter, reassigned", "var m = new OrdersModule({G1}); m.Use({G2}); m.Map();", "class OrdersModule(RouteGroupBuilder group) { private RouteGroupBuilder _group = group; public void Use(RouteGroupBuilder other) => _group = other; public void Map() => _group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("property set in the constructor, then by an object initializer", "new OrdersModule({G1}) { Group = {G2} }.Map();", "class OrdersModule { public RouteGroupBuilder Group { get; set; } public OrdersModule(RouteGroupBuilder group) { Group = group; } public void Map() => Group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("record's positional property replaced by with", "(new OrdersModule({G1}) with { Group = {G2} }).Map();", "record OrdersModule(RouteGroupBuilder Group) { public void Map() => Group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("record's positional property set by an object initializer", "new OrdersModule({G1}) { Group = {G2} }.Map();", "record OrdersModule(RouteGroupBuilder Group) { public void Map() => Group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("struct field written after construction", "var m = new OrdersModule({G1}); m.Group = {G2}; m.Map();", "struct OrdersModule { public RouteGroupBuilder Group; public OrdersModule(RouteGroupBuilder group) { Group = group; } public void Map() => Group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("record struct's positional property written", "var m = new OrdersModule({G1}); m.Group = {G2}; m.Map();", "record struct OrdersModule(RouteGroupBuilder Group) { public void Map() => Group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("static field set by a constructor and written elsewhere", "new OrdersModule({G1}); OrdersModule.Group = {G2}; OrdersModule.Map();", "class OrdersModule { public static RouteGroupBuilder Group; public OrdersModule(RouteGroupBuilder group) { Group = group; } public static void Map() => Group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("base field set through this(...) then base(...), written by the derived class", "var m = new Derived({G1}); m.Use({G2}); m.Map();", "class BaseModule { protected RouteGroupBuilder G; public BaseModule(RouteGroupBuilder g) { G = g; } public void Map() => G.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); } class Derived : BaseModule { public Derived(RouteGroupBuilder g) : this(g, 0) { } public Derived(RouteGroupBuilder g, int n) : base(g) { } public void Use(RouteGroupBuilder o) => G = o; }")]
    [InlineData("readonly field set by one constructor from its parameter and by another from elsewhere", "new OrdersModule({G1}).Map(); new OrdersModule().Map();", "class OrdersModule { private readonly RouteGroupBuilder _group; public OrdersModule(RouteGroupBuilder group) { _group = group; } public OrdersModule() { _group = Program.Open; } public void Map() => _group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); } static partial class Program { public static RouteGroupBuilder Open = null!; }")]
    [InlineData("field written through a setter", "var m = new OrdersModule({G1}); m.Group = {G2}; m.Map();", "class OrdersModule { private RouteGroupBuilder _group; public RouteGroupBuilder Group { set => _group = value; } public OrdersModule(RouteGroupBuilder group) { _group = group; } public void Map() => _group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("field written through a ref argument", "var m = new OrdersModule({G1}); m.Reset({G2}); m.Map();", "class OrdersModule { private RouteGroupBuilder _group; public OrdersModule(RouteGroupBuilder group) { _group = group; } public void Reset(RouteGroupBuilder o) => Set(ref _group, o); static void Set(ref RouteGroupBuilder target, RouteGroupBuilder v) => target = v; public void Map() => _group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("field written by a tuple assignment", "var m = new OrdersModule({G1}); m.Use({G2}); m.Map();", "class OrdersModule { private RouteGroupBuilder _group; private int _n; public OrdersModule(RouteGroupBuilder group) { _group = group; } public void Use(RouteGroupBuilder o) => (_group, _n) = (o, 1); public void Map() => _group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("default interface method", "new Module().Map2({G1}); IModule m = new Module(); m.Map({G2});", "interface IModule { void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); } class Module : IModule { public void Map2(RouteGroupBuilder g) => ((IModule)this).Map(g); }")]
    [InlineData("default interface method calling the implemented one", "new Module().Map({G1}); ((IModule)new Module()).MapAll({G2});", "interface IModule { void Map(RouteGroupBuilder g); void MapAll(RouteGroupBuilder g) => Map(g); } class Module : IModule { public void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("generic interface", "new Module().Map({G1}); IModule<int> m = new Module(); m.Map({G2});", "interface IModule<T> { void Map(RouteGroupBuilder g); } class Module : IModule<int> { public void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("generic interface instantiated with the builder", "new Module().Map({G1}); IModule<RouteGroupBuilder> m = new Module(); m.Map({G2});", "interface IModule<T> { void Map(T g); } class Module : IModule<RouteGroupBuilder> { public void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("re-implementation with new", "new Derived().Map({G1}); IModule m = new Derived(); m.Map({G2});", "interface IModule { void Map(RouteGroupBuilder g); } class Base : IModule { public void Map(RouteGroupBuilder g) { } } class Derived : Base, IModule { public new void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("inherited interface", "new Module().Map({G1}); IB m = new Module(); m.Map({G2});", "interface IA { void Map(RouteGroupBuilder g); } interface IB : IA { } class Module : IB { public void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("generic extension Add of a collection initializer", "new Modules().Add({G1}); _ = new Modules { {G2} };", "class Modules : System.Collections.IEnumerable { public System.Collections.IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator(); } static class ModuleExtensions { public static void Add<T>(this T modules, RouteGroupBuilder group) where T : Modules => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("inherited Add of a collection initializer", "new Modules().Add({G1}); _ = new Modules { {G2} };", "class BaseModules : System.Collections.IEnumerable { public void Add(RouteGroupBuilder group) => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); public System.Collections.IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator(); } class Modules : BaseModules { }")]
    [InlineData("nested collection initializer", "new Holder().Modules.Add({G1}); _ = new Holder { Modules = { {G2} } };", "class Holder { public Modules Modules { get; } = new(); } class Modules : System.Collections.IEnumerable { public void Add(RouteGroupBuilder group) => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); public System.Collections.IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator(); }")]
    [InlineData("index initializer", "new Modules()[\"a\"] = {G1}; _ = new Modules { [\"b\"] = {G2} };", "class Modules { public RouteGroupBuilder this[string name] { set => value.MapGet(\"/x\", () {|SAUTH0001:=>|} name); } }")]
    [InlineData("property setter in an object initializer", "new Modules().Group = {G1}; _ = new Modules { Group = {G2} };", "class Modules { public RouteGroupBuilder Group { set => value.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); } }")]
    [InlineData("call in a lambda handed to Task.Run", "Module.Map({G1}); _ = Task.Run(() => Module.Map({G2}));", "static class Module { public static void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("conditional access call", "new Module().Map({G1}); Module? m = new Module(); m?.Map({G2});", "class Module { public void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("named arguments out of order", "Module.Map(group: {G1}, n: 1); Module.Map(n: 2, group: {G2});", "static class Module { public static void Map(int n, RouteGroupBuilder group) => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("in parameter", "Module.Map({G1}); var o = {G2}; Module.Map(in o);", "static class Module { public static void Map(in RouteGroupBuilder group) => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("primary constructor parameter written in a field initializer", "new OrdersModule({G1}, {G2}).Map();", "class OrdersModule(RouteGroupBuilder group, RouteGroupBuilder other) { private readonly bool _swapped = (group = other) is not null; public bool Swapped => _swapped; public void Map() => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("primary constructor parameter written through ref", "var m = new OrdersModule({G1}); m.Use({G2}); m.Map();", "class OrdersModule(RouteGroupBuilder group) { public void Use(RouteGroupBuilder other) => Set(ref group, other); static void Set(ref RouteGroupBuilder t, RouteGroupBuilder v) => t = v; public void Map() => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("primary constructor parameter written in a lambda", "var m = new OrdersModule({G1}); m.Use({G2})(); m.Map();", "class OrdersModule(RouteGroupBuilder group) { public Action Use(RouteGroupBuilder other) => () => group = other; public void Map() => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("primary constructor parameter written through out", "var m = new OrdersModule({G1}); m.Use({G2}); m.Map();", "class OrdersModule(RouteGroupBuilder group) { public void Use(RouteGroupBuilder other) => Make(other, out group); static void Make(RouteGroupBuilder v, out RouteGroupBuilder t) => t = v; public void Map() => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("struct primary constructor parameter written", "var m = new OrdersModule({G1}); m.Use({G2}); m.Map();", "struct OrdersModule(RouteGroupBuilder group) { public void Use(RouteGroupBuilder other) => group = other; public void Map() => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("primary constructor parameter written in a local function", "var m = new OrdersModule({G1}); m.Use({G2}); m.Map();", "class OrdersModule(RouteGroupBuilder group) { public void Use(RouteGroupBuilder other) { Local(); void Local() => group = other; } public void Map() => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("primary constructor parameter written in a property initializer", "new OrdersModule({G1}, {G2}).Map();", "class OrdersModule(RouteGroupBuilder group, RouteGroupBuilder other) { public RouteGroupBuilder Other { get; } = group = other; public void Map() => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("params array of groups", "Module.Map({G1}); Module.Map({G2});", "static class Module { public static void Map(params RouteGroupBuilder[] groups) { foreach (var g in groups) g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); } }")]
    [InlineData("tuple parameter", "Module.Map(({G1}, 1)); Module.Map(({G2}, 2));", "static class Module { public static void Map((RouteGroupBuilder G, int N) t) => t.G.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("property of a context object", "Module.Map(new Ctx { Group = {G1} }); Module.Map(new Ctx { Group = {G2} });", "class Ctx { public RouteGroupBuilder Group { get; init; } = null!; } static class Module { public static void Map(Ctx c) => c.Group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("constructor parameter reassigned before it sets the field", "new OrdersModule({G1}, {G2}).Map();", "class OrdersModule { private readonly RouteGroupBuilder _group; public OrdersModule(RouteGroupBuilder group, RouteGroupBuilder other) { group = other; _group = group; } public void Map() => _group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("field set by a method the constructor calls, and called again", "new OrdersModule({G1}).Map(); var m = new OrdersModule({G1}); m.Init({G2}); m.Map();", "class OrdersModule { private RouteGroupBuilder _group = null!; public OrdersModule(RouteGroupBuilder group) { Init(group); } public void Init(RouteGroupBuilder g) => _group = g; public void Map() => _group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("derived record's base property set by an initializer", "new Derived({G1}) { G = {G2} }.Map();", "record BaseRec(RouteGroupBuilder G) { public void Map() => G.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); } record Derived(RouteGroupBuilder X) : BaseRec(X);")]
    [InlineData("this(...) chain picking one of two groups", "new OrdersModule({G1}, {G2}, true).Map();", "class OrdersModule { private readonly RouteGroupBuilder _group; public OrdersModule(RouteGroupBuilder group) { _group = group; } public OrdersModule(RouteGroupBuilder a, RouteGroupBuilder b, bool swap) : this(swap ? b : a) { } public void Map() => _group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("generic interface method", "new Module().Map<int>({G1}); IModule m = new Module(); m.Map<int>({G2});", "interface IModule { void Map<T>(RouteGroupBuilder g); } class Module : IModule { public void Map<T>(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("derived class re-implementing explicitly", "((IModule)new Derived()).Map({G1}); IModule m = new Derived(); m.Map({G2});", "interface IModule { void Map(RouteGroupBuilder g); } class Base : IModule { public void Map(RouteGroupBuilder g) { } } class Derived : Base, IModule { void IModule.Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("abstract override of an abstract method", "new C().Map({G1}); A a = new C(); a.Map({G2});", "abstract class A { public abstract void Map(RouteGroupBuilder g); } abstract class B : A { public abstract override void Map(RouteGroupBuilder g); } class C : B { public override void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("generic virtual method overridden", "new D().Map<int>({G1}); Base b = new D(); b.Map<string>({G2});", "class Base { public virtual void Map<T>(RouteGroupBuilder g) { } } class D : Base { public override void Map<T>(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("interface method called on a constrained type parameter (struct)", "new Module().Map({G1}); Run(new Module(), {G2}); static void Run<T>(T m, RouteGroupBuilder g) where T : IModule => m.Map(g);", "interface IModule { void Map(RouteGroupBuilder g); } struct Module : IModule { public void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    public Task A_caller_passing_an_open_group_is_seen(string way, string calls, string declarations)
    {
        _ = way;
        return CallerProgram.VerifyAsync(calls, declarations);
    }

    // Guards applied once the app has stopped serving are not credited, however they are reached.
    [Theory]
    [InlineData("local function capturing the group, called after app.Run()", "var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); app.Run(); Secure(); void Secure() => orders.RequireAuthorization();")]
    [InlineData("lambda made before app.Run(), invoked after", "var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); Action secure = () => orders.RequireAuthorization(); app.Run(); secure();")]
    [InlineData("fallback policy in a local function called after app.Run()", "app.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); app.Run(); AddPolicy(); void AddPolicy() => builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
    [InlineData("fluent guard helper after app.Run()", "var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); app.Run(); Guards.SecureAndReturn(orders);")]
    [InlineData("static local function with a parameter after app.Run()", "var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); app.Run(); Secure(orders); static void Secure(RouteGroupBuilder g) { g.RequireAuthorization(); }")]
    [InlineData("guard in a loop after the iteration that runs the host", "var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); for (var i = 0; i < 2; i++) { if (i == 1) orders.RequireAuthorization(); else app.Run(); }")]
    public Task A_guard_applied_after_the_host_runs_is_not_credited(string way, string program)
    {
        _ = way;
        return VerifyProgramAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {{program}}

            static class Guards
            {
                public static void Secure(RouteGroupBuilder g) => g.RequireAuthorization();
                public static RouteGroupBuilder SecureAndReturn(RouteGroupBuilder g) { Secure(g); return g; }
            }
            """);
    }

    private const string Policy = "new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()";

    // Guards and fallback policies that never protect a request the host serves (left out by the compiler, applied at
    // shutdown, undone before the host reads them, kept but never run, set on some paths only) are not credited.
    [Theory]
    [InlineData("[Conditional] static local function guard", "", "var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); Secure(orders); app.Run(); [System.Diagnostics.Conditional(\"DEV\")] static void Secure(RouteGroupBuilder g) => g.RequireAuthorization();")]
    [InlineData("guard in an ApplicationStopping callback", "", "var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); app.Lifetime.ApplicationStopping.Register(() => orders.RequireAuthorization()); app.Run();")]
    [InlineData("fallback policy set then cleared in one options lambda", "builder.Services.AddAuthorization(o => { o.FallbackPolicy = " + Policy + "; o.FallbackPolicy = null; });", "app.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); app.Run();")]
    [InlineData("fallback policy cleared by PostConfigure", "builder.Services.AddAuthorization(o => o.FallbackPolicy = " + Policy + "); builder.Services.PostConfigure<AuthorizationOptions>(o => o.FallbackPolicy = null);", "app.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); app.Run();")]
    [InlineData("fallback policy set on some paths of the options lambda", "builder.Services.AddAuthorization(o => { if (args.Length > 5) o.FallbackPolicy = " + Policy + "; });", "app.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); app.Run();")]
    [InlineData("guard in a lambda a method keeps and never calls", "", "var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {|SAUTH0001:=>|} \"x\"); Later.Keep(() => orders.RequireAuthorization()); app.Run();")]
    [InlineData("fallback policy written to resolved options once the app has started", "", "app.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value.FallbackPolicy = " + Policy + "); app.Run();")]
    [InlineData("fallback policy builder set then cleared", "builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(" + Policy + ").SetFallbackPolicy(null);", "app.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); app.Run();")]
    public Task A_guard_that_never_protects_a_served_request_is_not_credited(string way, string services, string program)
    {
        _ = way;
        return VerifyProgramAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            {{services}}
            var app = builder.Build();
            {{program}}

            static class Later
            {
                private static Action? s_kept;
                public static void Keep(Action action) => s_kept = action;
            }
            """);
    }

    // Order independence: the helpers' file listed before Program.cs, and the cycle entered from either helper.
    [Theory]
    [InlineData("app.MapGroup(\"/more\").MapMore(2).RequireAuthorization(); app.MapGroup(\"/orders\").MapOrders(2).RequireAuthorization();", false)]
    [InlineData("app.MapGroup(\"/orders\").MapOrders(2).RequireAuthorization(); app.MapGroup(\"/more\").MapMore(2);", true)]
    public Task A_fluent_cycle_declared_in_a_file_listed_first_reads_the_same(string calls, bool reported) => AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(
        OutputKind.ConsoleApplication,
        [
            ("OrderEndpoints.cs", $$"""
                static class OrderEndpoints
                {
                    public static RouteGroupBuilder MapMore(this RouteGroupBuilder group, int d) => group.MapOrders(d);

                    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group, int d)
                    {
                        group.MapGet("/", () {{(reported ? "{|SAUTH0001:=>|}" : "=>")}} "orders");
                        return d == 0 ? group : group.MapMore(d - 1);
                    }
                }
                """),
            ("Program.cs", $$"""
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                {{calls}}
                app.Run();
                """),
        ]);

    // C# 14 extension blocks: a member reached with an open group, in either call form, or a "guard helper" member that
    // guards nothing, is reported (the guarded forms, with the open ones, are in ExtensionBlockMemberTests).
    [Theory]
    [InlineData("app.MapGroup(\"/guarded\").RequireAuthorization().MapOrders(); app.MapGroup(\"/open\").MapOrders();", "extension(RouteGroupBuilder group) { public void MapOrders() => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("OrderEndpoints.MapOrders(app.MapGroup(\"/guarded\").RequireAuthorization()); OrderEndpoints.MapOrders(app.MapGroup(\"/open\"));", "extension(RouteGroupBuilder group) { public void MapOrders() => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("var o = app.MapGroup(\"/o\"); o.Secure(); o.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\");", "extension(RouteGroupBuilder group) { public void Secure() { } }")]
    public Task An_extension_block_member_reached_with_an_open_group_is_reported(string program, string members) => VerifyProgramAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        {{program}}
        app.Run();

        static class OrderEndpoints
        {
            {{members}}
        }
        """);

    // The greatest fixed point for "returns its parameter": right in either order of reading and declaring, and never
    // crediting a guard to a group the cycle does not return.
    [Theory]
    [InlineData("cycle entered from its second helper first", "app.MapGroup(\"/more\").MapMore(2).RequireAuthorization(); app.MapGroup(\"/orders\").MapOrders(2).RequireAuthorization();", "public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group, int d) { group.MapGet(\"/\", () => \"orders\"); return d == 0 ? group : group.MapMore(d - 1); } public static RouteGroupBuilder MapMore(this RouteGroupBuilder group, int d) => group.MapOrders(d);")]
    [InlineData("cycle declared in the other order", "app.MapGroup(\"/orders\").MapOrders(2).RequireAuthorization();", "public static RouteGroupBuilder MapMore(this RouteGroupBuilder group, int d) => group.MapOrders(d); public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group, int d) { group.MapGet(\"/\", () => \"orders\"); return d == 0 ? group : group.MapMore(d - 1); }")]
    [InlineData("cycle returning through a local", "app.MapGroup(\"/orders\").MapOrders(2).RequireAuthorization();", "public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group, int d) { group.MapGet(\"/\", () => \"orders\"); var g = group; if (d > 0) g = g.MapMore(d - 1); return g; } public static RouteGroupBuilder MapMore(this RouteGroupBuilder group, int d) => group.MapOrders(d);")]
    [InlineData("the parameter written in finally, after the return value is taken", "app.MapGroup(\"/a\").M(1).RequireAuthorization();", "public static RouteGroupBuilder M(this RouteGroupBuilder a, int d) { a.MapGet(\"/\", () => \"a\"); try { return d == 0 ? a : a.M(d - 1); } finally { a = a.MapGroup(\"/v\"); } }")]
    [InlineData("cycle swapping its parameters", "OrderEndpoints.Pick(app.MapGroup(\"/a\"), app.MapGroup(\"/b\"), 1).RequireAuthorization();", "public static RouteGroupBuilder Pick(RouteGroupBuilder a, RouteGroupBuilder b, int d) { a.MapGet(\"/\", () {|SAUTH0001:=>|} \"a\"); return d == 0 ? a : Pick(b, a, d - 1); }")]
    [InlineData("cycle through a ref parameter reassigned", "var g = app.MapGroup(\"/a\"); OrderEndpoints.M(ref g, 1).RequireAuthorization();", "public static RouteGroupBuilder M(ref RouteGroupBuilder a, int d) { a.MapGet(\"/\", () {|SAUTH0001:=>|} \"a\"); if (d == 0) return a; a = a.MapGroup(\"/v\"); return M(ref a, d - 1); }")]
    [InlineData("cycle reassigning its parameter before recursing", "app.MapGroup(\"/a\").M(1).RequireAuthorization();", "public static RouteGroupBuilder M(this RouteGroupBuilder a, int d) { a.MapGet(\"/\", () {|SAUTH0001:=>|} \"a\"); if (d == 0) return a; a = a.MapGroup(\"/v\"); return a.M(d - 1); }")]
    [InlineData("cycle recursing on a group it hands out through out", "app.MapGroup(\"/a\").M(1, out _).RequireAuthorization();", "public static RouteGroupBuilder M(this RouteGroupBuilder a, int d, out RouteGroupBuilder made) { made = a.MapGroup(\"/v\"); made.MapGet(\"/\", () {|SAUTH0001:=>|} \"a\"); if (d == 0) return a; var r = made.M(d - 1, out _); return r; }")]
    [InlineData("cycle whose parameter a lambda writes", "app.MapGroup(\"/a\").M(1).RequireAuthorization();", "public static RouteGroupBuilder M(this RouteGroupBuilder a, int d) { a.MapGet(\"/\", () {|SAUTH0001:=>|} \"a\"); Action w = () => a = a.MapGroup(\"/v\"); w(); return d == 0 ? a : a.M(d - 1); }")]
    public Task Returns_its_parameter_is_read_to_the_greatest_fixed_point_and_no_further(string way, string program, string helpers)
    {
        _ = way;
        return VerifyProgramAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {{program}}
            app.Run();

            static class OrderEndpoints
            {
                {{helpers}}
            }
            """);
    }
}
