using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Every way a method of the compilation is reached is a caller of its group parameter: a direct call, a call of an
/// extension method, of an interface method it implements (implicitly, explicitly, or as a base class's method for a
/// derived class), of a method it overrides, <c>base.M(...)</c>, a local function's call, a collection initializer's
/// <c>Add</c>, a constructor's <c>new</c>, <c>new(...)</c>, <c>: this(...)</c> and <c>: base(...)</c> (a primary
/// constructor's captured parameter and a field set from a constructor's parameter included). Each row runs twice: every
/// call passing a guarded group (silent), and one call, the one the row is about, passing an open group (reported).
/// Where a caller cannot be seen the rule fires even when every call it sees is guarded (the last theory).
/// </summary>
public sealed class CallerDiscoveryTests
{
    private static Task VerifyAppAsync(string calls, string declarations, bool open, bool reported) =>
        CallerProgram.VerifyAsync(Arrow(calls, reported), Arrow(declarations, reported), open ? CallerProgram.Open : CallerProgram.Guarded);

    private static string Arrow(string code, bool reported) => code.Replace("{ARROW}", reported ? "{|SAUTH0001:=>|}" : "=>");

    public static TheoryData<string, string, string> Callers() => new()
    {
        { "direct call", "Module.Map({G1}); Module.Map({G2});", "static class Module { public static void Map(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); }" },
        { "extension call, reduced and not", "{G1}.MapX(); Module.MapX({G2});", "static class Module { public static void MapX(this RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); }" },
        {
            "interface implemented implicitly",
            "new Module().Map({G1}); IModule m = new Module(); m.Map({G2});",
            "interface IModule { void Map(RouteGroupBuilder group); } class Module : IModule { public void Map(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); }"
        },
        {
            "interface implemented explicitly",
            "IModule m = new Module(); m.Map({G1}); m.Map({G2});",
            "interface IModule { void Map(RouteGroupBuilder group); } class Module : IModule { void IModule.Map(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); }"
        },
        {
            "interface a base method implements for a derived class",
            "new Base().Map({G1}); IModule m = new Derived(); m.Map({G2});",
            "interface IModule { void Map(RouteGroupBuilder group); } class Base { public void Map(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); } class Derived : Base, IModule { }"
        },
        {
            "interface a generic base method implements for a derived class",
            "new Base<int>().Map({G1}); IModule m = new Derived(); m.Map({G2});",
            "interface IModule { void Map(RouteGroupBuilder group); } class Base<T> { public void Map(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); } class Derived : Base<int>, IModule { }"
        },
        {
            "virtual method overridden, called through the base",
            "new Derived().Map({G1}); Base b = new Derived(); b.Map({G2});",
            "class Base { public virtual void Map(RouteGroupBuilder group) { } } class Derived : Base { public override void Map(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); }"
        },
        {
            "base call from an override",
            "new Base().Map({G1}); new Derived().Map({G2});",
            "class Base { public virtual void Map(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); } class Derived : Base { public override void Map(RouteGroupBuilder group) => base.Map(group); }"
        },
        { "local function", "void Local(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); Local({G1}); Local({G2});", string.Empty },
        {
            "collection initializer Add",
            "new Modules().Add({G1}); _ = new Modules { {G2} };",
            "class Modules : System.Collections.IEnumerable { public void Add(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); public System.Collections.IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator(); }"
        },
        {
            "collection initializer Add with two arguments",
            "new Modules().Add(\"a\", {G1}); _ = new Modules { { \"b\", {G2} } };",
            "class Modules : System.Collections.IEnumerable { public void Add(string name, RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} name); public System.Collections.IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator(); }"
        },
        {
            "collection initializer of an extension Add",
            "new Modules().Add({G1}); _ = new Modules { {G2} };",
            "class Modules : System.Collections.IEnumerable { public System.Collections.IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator(); } static class ModuleExtensions { public static void Add(this Modules modules, RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); }"
        },
        {
            "constructor, by new and target-typed new",
            "new OrdersModule({G1}); OrdersModule m = new({G2});",
            "class OrdersModule { public OrdersModule(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); }"
        },
        {
            "constructor initializer this(...)",
            "new OrdersModule({G1}, 1); new OrdersModule({G2});",
            "class OrdersModule { public OrdersModule(RouteGroupBuilder group, int n) => group.MapGet(\"/x\", () {ARROW} \"x\"); public OrdersModule(RouteGroupBuilder group) : this(group, 0) { } }"
        },
        {
            "constructor initializer base(...)",
            "new BaseModule({G1}); new OrdersModule({G2});",
            "class BaseModule { public BaseModule(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); } class OrdersModule : BaseModule { public OrdersModule(RouteGroupBuilder group) : base(group) { } }"
        },
        {
            "primary constructor's captured parameter",
            "new OrdersModule({G1}).Map(); new OrdersModule({G2}).Map();",
            "class OrdersModule(RouteGroupBuilder group) { public void Map() => group.MapGet(\"/x\", () {ARROW} \"x\"); }"
        },
        {
            "field initialized from a primary constructor's parameter",
            "new OrdersModule({G1}).Map(); new OrdersModule({G2}).Map();",
            "class OrdersModule(RouteGroupBuilder group) { private readonly RouteGroupBuilder _group = group; public void Map() => _group.MapGet(\"/x\", () {ARROW} \"x\"); }"
        },
        {
            "field set in a constructor's body",
            "new OrdersModule({G1}).Map(); new OrdersModule({G2}).Map();",
            "class OrdersModule { private readonly RouteGroupBuilder _group; public OrdersModule(RouteGroupBuilder group) { _group = group; } public void Map() => _group.MapGet(\"/x\", () {ARROW} \"x\"); }"
        },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public Task Every_caller_passing_a_guarded_group_decides(string way, string calls, string declarations)
    {
        _ = way;
        return VerifyAppAsync(calls, declarations, open: false, reported: false);
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public Task A_caller_passing_an_open_group_is_seen(string way, string calls, string declarations)
    {
        _ = way;
        return VerifyAppAsync(calls, declarations, open: true, reported: true);
    }

    public static TheoryData<string, string, string> UnseenCallers() => new()
    {
        {
            "method group turned into a delegate",
            "Module.Map({G1}); Action<RouteGroupBuilder> map = Module.Map; map({G2});",
            "static class Module { public static void Map(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); }"
        },
        {
            "Add called by a collection expression",
            "new Modules().Add({G1}); Modules all = [{G2}];",
            "class Modules : System.Collections.IEnumerable { public void Add(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); public System.Collections.IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator(); }"
        },
        {
            "constructor of a type named as a type argument (a container may construct it)",
            "new OrdersModule({G1}); builder.Services.AddSingleton<OrdersModule>();",
            "class OrdersModule { public OrdersModule(RouteGroupBuilder group) => group.MapGet(\"/x\", () {ARROW} \"x\"); }"
        },
        {
            "primary constructor passed on by a derived class's base list",
            "new OrdersModule({G1}).Map(); new OrdersModule({G2}).Map();",
            "class BaseModule(RouteGroupBuilder group) { public void Map() => group.MapGet(\"/x\", () {ARROW} \"x\"); } class OrdersModule(RouteGroupBuilder group) : BaseModule(group);"
        },
        {
            "primary constructor's parameter assigned by a member",
            "var m = new OrdersModule({G1}); m.Use({G2}); m.Map();",
            "class OrdersModule(RouteGroupBuilder group) { public void Use(RouteGroupBuilder other) => group = other; public void Map() => group.MapGet(\"/x\", () {ARROW} \"x\"); }"
        },
        {
            "Deconstruct, which a deconstruction calls unnamed",
            "{G1}.Deconstruct(out var a, out var b); var (c, d) = {G2};",
            "static class Module { public static void Deconstruct(this RouteGroupBuilder group, out int a, out int b) { group.MapGet(\"/x\", () {ARROW} \"x\"); a = 0; b = 0; } }"
        },
    };

    // Callers that cannot all be seen: the group may be anyone's, so the rule fires although every call it does see passes
    // a guarded group (the rule page lists what is not followed).
    [Theory]
    [MemberData(nameof(UnseenCallers))]
    public Task A_method_some_callers_of_which_are_not_seen_is_reported(string way, string calls, string declarations)
    {
        _ = way;
        return VerifyAppAsync(calls, declarations, open: false, reported: true);
    }

    // Finding 7: a call the compiler leaves out ([Conditional] on a symbol not defined there) is no caller; a method every
    // call of which is left out maps nothing, so nothing is reported; with the symbol defined the call runs and the open
    // group is reported; beside a call that runs, only that call decides.
    [Theory]
    [InlineData("", "Dev.MapDev(app.MapGroup(\"/dev\"));", false)]
    [InlineData("#define DEV", "Dev.MapDev(app.MapGroup(\"/dev\"));", true)]
    [InlineData("", "Dev.MapDev(app.MapGroup(\"/dev\")); Other.Map(app.MapGroup(\"/other\"));", true)]
    [InlineData("", "Dev.MapDev(app.MapGroup(\"/dev\")); Other.Map(app.MapGroup(\"/other\").RequireAuthorization());", false)]
    public Task Calls_the_compiler_leaves_out_are_not_callers(string define, string calls, bool reported)
    {
        var arrow = reported ? "{|SAUTH0001:=>|}" : "=>";
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<EndpointGuardAnalyzer, DefaultVerifier>();
        test.TestState.Sources.Add(("Program.cs", define + "\n" + AnalyzerTest.Usings + $$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {{calls}}
            app.Run();

            static class Dev
            {
                [System.Diagnostics.Conditional("DEV")]
                public static void MapDev(RouteGroupBuilder g) => Other.Map(g);
            }

            static class Other
            {
                public static void Map(RouteGroupBuilder g) => g.MapGet("/x", () {{arrow}} "x");
            }
            """));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        AnalyzerTest.Configure(test.TestState, test);
        return test.RunAsync();
    }

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    // Finding 2 (false silence, high): a base class method that implements an interface for a derived class
    // (class Derived : Base, IModule, Base.Map public) is called through the interface; VisibleCalls looks for calls of
    // the interface member only among the interfaces of the method's own type (Base), so the call through IModule is not
    // seen, and the one call it does see passes a guarded group.
    [Fact]
    public Task A_call_through_an_interface_a_base_method_implements_for_a_derived_class_is_a_caller() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        IModule module = new Derived();
        module.Map(app.MapGroup("/open"));
        new Base().Map(app.MapGroup("/guarded").RequireAuthorization());
        app.Run();

        interface IModule { void Map(RouteGroupBuilder group); }
        class Base { public void Map(RouteGroupBuilder group) { group.MapGet("/x", () {|SAUTH0001:=>|} "x"); } }
        class Derived : Base, IModule { }
        """);

    // Finding 3 (false silence, high): a collection initializer calls Add without naming it; calls are found by name,
    // so the implicit call that passes an open group is not seen and the explicit one, guarded, decides.
    [Fact]
    public Task A_collection_initializer_is_a_call_of_Add() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var modules = new Modules();
        modules.Add(app.MapGroup("/guarded").RequireAuthorization());
        _ = new Modules { app.MapGroup("/open") };
        app.Run();

        class Modules : System.Collections.IEnumerable
        {
            public void Add(RouteGroupBuilder group) { group.MapGet("/x", () {|SAUTH0001:=>|} "x"); }
            public System.Collections.IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator();
        }
        """);

    // Finding 7 (false alarm, low): a [Conditional("DEV")] method that maps endpoints, called where DEV is not defined:
    // the compiler leaves the call out, the endpoint is never mapped, yet the call (still in the syntax) is taken as a
    // caller passing an open group and the endpoint is reported.
    [Fact]
    public Task An_endpoint_mapped_only_by_a_Conditional_call_the_compiler_leaves_out_is_not_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                MapDev(app.MapGroup("/dev"));
            }

            [System.Diagnostics.Conditional("DEV")]
            private static void MapDev(RouteGroupBuilder g) => g.MapGet("/x", () => "dev");
        }
        """);

    // Finding 9 (false alarm, medium; the "module" form of the vertical-slice pattern): a group passed to a constructor,
    // used in it, kept by a primary constructor's captured parameter, or stored in a field from it. Every call of the
    // constructor is visible and passes a guarded group, yet the endpoint is reported: VisibleCalls finds calls by the
    // method's name, and a constructor's (".ctor") is never written, so its parameters have no callers. The rule page
    // does not say that a group passed to a constructor is not followed. (With an open group all three are reported, as
    // they should be: CrossMethodFlowHeldShapesTests.)
    [Theory]
    [InlineData("class OrdersModule { public OrdersModule(RouteGroupBuilder group) => group.MapGet(\"/\", () => \"orders\"); public void Map() { } }")]
    [InlineData("class OrdersModule(RouteGroupBuilder group) { public void Map() => group.MapGet(\"/\", () => \"orders\"); }")]
    [InlineData("class OrdersModule(RouteGroupBuilder group) { private readonly RouteGroupBuilder _group = group; public void Map() => _group.MapGet(\"/\", () => \"orders\"); }")]
    public Task A_group_passed_to_a_constructor_by_every_call_guarded_is_guarded(string module) => VerifyAppAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        new OrdersModule(app.MapGroup("/a").RequireAuthorization()).Map();
        new OrdersModule(app.MapGroup("/b").RequireAuthorization()).Map();
        app.Run();

        {{module}}
        """);
}
