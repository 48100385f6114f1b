using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

public sealed partial class ServerFunctionAnalyzerTests
{
    private const string SessionType = """

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyAsync<ServerFunctionAnalyzer>(source + SessionType, expected);

    private static DiagnosticResult CannotBuild(int location, string function, string reason) =>
        new DiagnosticResult(Descriptors.ServerFunctionCannotBeBuilt).WithLocation(location).WithArguments(function, reason);

    private static DiagnosticResult BadRoute(int location, string function, string route, string reason) =>
        CannotBuild(location, function, $"its route {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(route, quote: true)} is not a route pattern ASP.NET Core accepts: {reason}");

    private static DiagnosticResult SharedRoute(int location, string function, string others, string route) =>
        new DiagnosticResult(Descriptors.ServerFunctionsShareRoute).WithLocation(location).WithArguments(function, others, route);

    /// <summary>
    /// A base class from a referenced assembly passes its attributes on too. A rule there that the endpoint cannot call as
    /// written makes the function one the generator skips, and no analyzer of this compilation sees the attribute where it
    /// is written, so the skip is explained on the function; an attribute there the endpoint can carry is no problem.
    /// </summary>
    [Fact]
    public Task A_rule_inherited_from_a_referenced_assembly_that_the_endpoint_cannot_call_is_explained_on_the_function() => AnalyzerTest.VerifyAsync<ServerFunctionAnalyzer>(
        """
        public sealed class Roster : Staff.MembersOnly
        {
            [ServerFunction]
            public static int {|#0:Count|}(UserSession user) => 1;
        }

        public sealed class Common : Staff.HouseOnly
        {
            [ServerFunction]
            public static int {|#1:Enter|}() => 1;

            [ServerFunction]
            public static int Visit(string house) => 1;
        }

        public sealed class Office : Staff.AdminOnly
        {
            [ServerFunction]
            public static int Open() => 1;
        }
        """ + SessionType,
        [AnalyzerTest.Library("Staff", """
            namespace Staff;

            [SessionData]
            public sealed record Member(int Id, string House);

            public sealed class Members : ISessionRule<Member>
            {
                public static bool Allows(Member member) => true;
            }

            public sealed class InHouse : ISessionRule<Member, string>
            {
                public static bool Allows(Member member, string house) => member.House == house;
            }

            [RequireSession<Members>]
            public abstract class MembersOnly;

            [RequireSession<InHouse>(Argument = "house")]
            public abstract class HouseOnly;

            [Authorize(Roles = "Admin")]
            public abstract class AdminOnly;
            """)],
        CannotBuild(0, "Roster.Count", "it inherits [RequireSession<Members>] from Staff.MembersOnly in the referenced assembly Staff, and its endpoint cannot call that rule as written: the rule reads Staff.Member, but the function's session data is UserSession"),
        CannotBuild(1, "Common.Enter", "it inherits [RequireSession<InHouse>] from Staff.HouseOnly in the referenced assembly Staff, and its endpoint cannot call that rule as written: Argument names 'house', which is no bound value of the function"));

    [Fact]
    public Task An_attribute_generated_code_cannot_construct_is_explained_rather_than_dropped_and_one_it_can_is_not() => VerifyAsync(
        """
        [RequireSession]
        public static class Orders
        {
            [ServerFunction, Secret] public static int {|#0:Count|}() => 1;
            [ServerFunction, Authorize(Roles = "Admin")] public static int Refunds() => 1;

            [AttributeUsage(AttributeTargets.Method)]
            private sealed class SecretAttribute : Attribute;
        }

        [Hidden.Marker]
        public static class Outer
        {
            [ServerFunction] public static int Count() => 1;
        }

        public static class Hidden
        {
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class MarkerAttribute : Attribute
            {
                [Obsolete("use the other one")]
                public MarkerAttribute() { }
            }
        }

        [Typed(typeof(Hidden2.Inner))]
        public static class WithTypeOf
        {
            [ServerFunction] public static int Count() => 1;
        }

        public sealed class TypedAttribute(Type type) : Attribute
        {
            public Type Type { get; } = type;
        }

        public sealed class Hidden2
        {
            internal sealed class Inner;
        }
        """,
        CannotBuild(0, "Orders.Count", "it carries the attribute [Orders.SecretAttribute], which its endpoint carries as metadata, but its class uses the type SecretAttribute, which generated code cannot reach; make it internal or public"));

    [Fact]
    public Task Every_function_the_generator_skips_is_explained() => VerifyAsync(
        """
        [RequireSession]
        public static class Skipped
        {
            [ServerFunction] private static int {|#0:Hidden|}() => 1;
            [ServerFunction] public static T {|#1:Generic|}<T>() => default!;
            [ServerFunction] public static void {|#2:ByRef|}(ref int value) { }
            [ServerFunction] public static async void {|#3:Fire|}() => await Task.Yield();
            [ServerFunction] public static int {|#4:Page|}([FromRoute] int page) => 1;
            [ServerFunction] public static int {|#5:Twice|}(UserSession user, Session<Other> session) => 1;
            [ServerFunction(Method = "G E T")] public static int {|#6:BadVerb|}() => 1;
            [ServerFunction] public static int {|#8:Text|}(ReadOnlySpan<char> text) => text.Length;
            [ServerFunction] public static unsafe int {|#9:Pointer|}(int* value) => *value;
            [ServerFunction] public static Span<int> {|#10:Numbers|}() => default;
            [ServerFunction] public static int {|#11:Many|}(int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, int a9, int a10, int a11, int a12, int a13, int a14, int a15, int a16, int a17) => a1;
            [ServerFunction] public static int Sixteen(int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, int a9, int a10, int a11, int a12, int a13, int a14, int a15, int a16) => a1;
        }

        public sealed class Instance
        {
            [ServerFunction] public int {|#12:Sixteen|}(int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, int a9, int a10, int a11, int a12, int a13, int a14, int a15, int a16) => a1;
        }

        public static class Container<T>
        {
            [ServerFunction, AllowAnonymous] public static int {|#7:InGeneric|}() => 1;
        }

        public sealed record Other(int Id);
        """,
        CannotBuild(0, "Skipped.Hidden", "generated code cannot reach it; make it and the types around it internal or public"),
        CannotBuild(1, "Skipped.Generic", "it is generic; a server function has no type parameters"),
        CannotBuild(2, "Skipped.ByRef", "parameter 'value' is passed by reference (ref), which an HTTP argument cannot be"),
        CannotBuild(3, "Skipped.Fire", "it is async void, so nobody could await it; return Task instead"),
        CannotBuild(4, "Skipped.Page", "parameter 'page' cannot be bound as [FromRoute]: the route has no parameter '{page}'"),
        CannotBuild(5, "Skipped.Twice", "parameter 'session' uses the session type Other, but another parameter uses UserSession"),
        CannotBuild(6, "Skipped.BadVerb", "its Method is not an HTTP method name such as GET or POST"),
        CannotBuild(8, "Skipped.Text", "parameter 'text' is a ref struct (ReadOnlySpan), which no HTTP argument can bind"),
        CannotBuild(9, "Skipped.Pointer", "parameter 'value' is a pointer (int*), which no HTTP argument can bind"),
        CannotBuild(10, "Skipped.Numbers", "it returns a ref struct (Span), which cannot be written as a response"),
        CannotBuild(11, "Skipped.Many", "it takes 17 parameters, more than the 16 a static server function can take; group them in a record bound from the JSON body"),
        CannotBuild(12, "Instance.Sixteen", "it takes 16 parameters, more than the 15 an instance server function can take; group them in a record bound from the JSON body"),
        CannotBuild(7, "Container<T>.InGeneric", "it is declared in the generic type Container<T>"));

    [Fact]
    public Task Functions_generated_code_cannot_reach_or_call_are_explained() => VerifyAsync(
        """
        [AllowAnonymous]
        public static class Extensions
        {
            extension(Other other)
            {
                [ServerFunction("/extension")] public int {|#0:Twice|}() => other.Id * 2; [ServerFunction("/extension/count")] public static int Tally() => 1;
            }
        }

        [AllowAnonymous]
        file static class Local { [ServerFunction("/file")] public static int {|#1:Count|}() => 1; }

        public interface ICounter
        {
            [ServerFunction("/abstract")] static abstract int {|#2:Abstract|}();
            [ServerFunction("/instance"), AllowAnonymous] int {|#3:Instance|}() => 1;
            [ServerFunction("/static"), AllowAnonymous] static int Plain() => 1;
        }

        public ref struct Buffer
        {
            [ServerFunction("/buffer"), AllowAnonymous] public int {|#4:Size|}() => 1;
            [ServerFunction("/buffer/count"), AllowAnonymous] public static int Count() => 1;
        }

        [AllowAnonymous]
        public static unsafe class Low
        {
            [ServerFunction("/ref")] public static ref int {|#5:Ref|}() => ref Field;
            [ServerFunction("/pointers")] public static int {|#6:Pointers|}(int*[] values) => 1;
            [ServerFunction("/gone"), Obsolete("gone", error: true)] public static int {|#7:Gone|}() => 1;
            [ServerFunction("/old"), Obsolete("old")] public static int Old() => 1;
            [ServerFunction("/old-type")] public static int {|#8:OldType|}(Retired retired) => 1;
            [ServerFunction("/new"), System.Diagnostics.CodeAnalysis.Experimental("SHOP001")] public static int New() => 1;
            private static int Field;
        }

        public class Base
        {
            [ServerFunction("/protected"), AllowAnonymous] protected static int {|#9:Shielded|}() => 1;
            [ServerFunction("/protected-internal"), AllowAnonymous] protected internal static int Open() => 1;
        }

        [Obsolete("retired", error: true)] public sealed record Retired(int Id);
        public sealed record Other(int Id);
        """,
        CannotBuild(0, "Extensions.Twice", "it is an instance member of the extension block for Other: it is called on a receiver, which no HTTP request gives; make it static, or declare it as a static method of Extensions that takes the receiver as a parameter"),
        CannotBuild(1, "Local.Count", "it is declared in the file-local type Local, which no other file can name"),
        CannotBuild(2, "ICounter.Abstract", "it is a static abstract or virtual interface member, which only a type parameter can call; give it a body in a class"),
        CannotBuild(3, "ICounter.Instance", "it is an instance method of the interface ICounter, whose static abstract members keep it from being the type of a service; move it to a class"),
        CannotBuild(4, "Buffer.Size", "it is an instance method of the ref struct Buffer, which no service can be; make it static"),
        CannotBuild(5, "Low.Ref", "it returns by reference, which a delegate to it cannot; return the value"),
        CannotBuild(6, "Low.Pointers", "parameter 'values' holds the pointer int*, which only unsafe code can name"),
        CannotBuild(7, "Low.Gone", "it is [Obsolete] as an error, so no code may use it, generated code included"),
        CannotBuild(8, "Low.OldType", "Retired, which generated code must name, is [Obsolete] as an error, so no code may use it, generated code included"),
        CannotBuild(9, "Base.Shielded", "generated code cannot reach it; make it and the types around it internal or public"),
        DiagnosticResult.CompilerError("CS0619").WithSpan(42, 61, 42, 68).WithArguments("Retired", "retired"));

    [Fact]
    public Task Binding_attributes_a_function_cannot_honour_are_explained() => VerifyAsync(
        """
        [RequireSession]
        public static class Refused
        {
            [ServerFunction("/api/items/{id}", Method = "GET")] public static int {|#0:Renamed|}([FromRoute(Name = "key")] int id) => id;
            [ServerFunction] public static int {|#1:Grouped|}([AsParameters] Query? query) => 1;
            [ServerFunction(Method = "GET")] public static int {|#2:Complex|}([FromQuery] Query query) => 1;
            [ServerFunction] public static int {|#3:TwoBodies|}([FromBody] Query first, [FromBody] Query second) => 1;
            [ServerFunction] public static int {|#4:RawAndField|}(System.IO.Stream body, [FromForm] string name) => 1;
            [ServerFunction] public static int {|#5:RawAndBody|}(System.IO.Stream body, [FromBody] Query query) => 1;
            [ServerFunction] public static int {|#6:BodyAndFile|}([FromBody] Query query, IFormFile file) => 1;
            [ServerFunction] public static int {|#7:Values|}(Microsoft.Extensions.Primitives.StringValues tags) => 1;
            [ServerFunction(Method = "GET")] public static int {|#8:ListOnGet|}(System.Collections.Generic.List<int> ids) => 1;
            [ServerFunction] public static int {|#9:Context|}([FromQuery] HttpContext context) => 1;
            [ServerFunction(Method = "GET")] public static int {|#10:RouteArray|}([FromRoute] int[] ids) => 1;
            [ServerFunction] public static int {|#11:FileFromQuery|}([FromQuery] IFormFile file) => 1;
            [ServerFunction] public static int {|#12:Keyed|}([FromKeyedServices(typeof(Query))] Query query) => 1;
            [ServerFunction] public static int {|#13:OptionalStruct|}([FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] int total) => 1;
            [ServerFunction] public static int Nullable([FromBody] int? count) => 1;
            [ServerFunction] public static int RawAndTwoBodies(System.IO.Stream body, Query query, Query? other) => 1;
            [ServerFunction] public static int RawAndOneBody(System.IO.Pipelines.PipeReader body, Query? query) => 1;
            [ServerFunction] public static int RawAndMarkedServices(System.IO.Stream body, Query query, [FromServices] Query other) => 1;
            [ServerFunction] public static int {|#14:BodyAndArray|}([FromBody] Query query, int[] ids) => 1;
            [ServerFunction] public static int BodyAndQueryArray([FromBody] Query query, [FromQuery] int[] ids) => 1;
            [ServerFunction] public static int RawAndArray(System.IO.Stream body, string[] names) => 1;
        }

        public sealed record Query(string Text);
        """,
        CannotBuild(0, "Refused.Renamed", "parameter 'id' cannot be bound as [FromRoute]: the route has no parameter '{key}'"),
        CannotBuild(1, "Refused.Grouped", "parameter 'query' ([AsParameters] Query?) cannot be bound: it is optional (nullable or with a default), which minimal APIs refuse for [AsParameters]; make it non-nullable"),
        CannotBuild(2, "Refused.Complex", "parameter 'query' cannot be bound as [FromQuery]: Query is not text: [FromQuery] binds strings, enums, IParsable types and arrays of them"),
        CannotBuild(3, "Refused.TwoBodies", "parameters 'first' and 'second' are both [FromBody]; the body is one value"),
        CannotBuild(4, "Refused.RawAndField", "parameter 'body' reads the raw body, so parameter 'name' cannot also bind from it"),
        CannotBuild(5, "Refused.RawAndBody", "parameter 'body' reads the raw body, so parameter 'query' cannot also bind from it"),
        CannotBuild(6, "Refused.BodyAndFile", "parameter 'query' is [FromBody], so parameter 'file' cannot also bind from the body (a form field or file)"),
        CannotBuild(7, "Refused.Values", "parameter 'tags' is StringValues, which a JSON body cannot give; mark it [FromQuery], [FromHeader] or [FromForm]"),
        CannotBuild(8, "Refused.ListOnGet", "parameter 'ids' is a collection that would come from the JSON body, which a request of this verb does not send; take an array (T[]) to bind every value of a repeated query key"),
        CannotBuild(9, "Refused.Context", "parameter 'context' cannot be bound as [FromQuery]: it is the request's own value"),
        CannotBuild(10, "Refused.RouteArray", "parameter 'ids' cannot be bound as [FromRoute]: a route value is one value, not an array"),
        CannotBuild(11, "Refused.FileFromQuery", "parameter 'file' cannot be bound as [FromQuery]: a form's files and fields come from the form"),
        CannotBuild(12, "Refused.Keyed", "parameter 'query' has a service key that generated code cannot write; use a string, number or enum constant"),
        CannotBuild(13, "Refused.OptionalStruct", "parameter 'total' is an optional [FromBody] Int32, a value type with no null to bind when the body is empty; make it Int32?"),
        CannotBuild(14, "Refused.BodyAndArray", "parameter 'ids' would be a second JSON body beside the [FromBody] parameter, as a minimal API infers an array on this verb; mark it [FromQuery] or [FromServices]"));

    [Fact]
    public Task Two_functions_on_the_same_verb_and_route_are_both_reported() => VerifyAsync(
        """
        [RequireSession]
        public static class Orders
        {
            [ServerFunction("/api/orders/{id:int}", Method = "GET")] public static int {|#0:Find|}(int id) => id;
            [ServerFunction("/API/Orders/{key:int}/", Method = "get")] public static int {|#1:Lookup|}(int key) => key;
            [ServerFunction("/api/orders/{id:int}")] public static int Update(int id) => id;
            [ServerFunction("/api/orders/{name:alpha}", Method = "GET")] public static string ByName(string name) => name;
        }
        """,
        SharedRoute(0, "Orders.Find", "Orders.Lookup", "GET /api/orders/{:int}"),
        SharedRoute(1, "Orders.Lookup", "Orders.Find", "GET /api/orders/{:int}"));

    [Fact]
    public Task A_route_the_framework_would_refuse_is_explained() => VerifyAsync(
        """
        [AllowAnonymous]
        public static class Routes
        {
            [ServerFunction("/api/{id")] public static int {|#0:Unbalanced|}(int id) => id;
            [ServerFunction("/api/{}")] public static int {|#1:Nameless|}() => 1;
            [ServerFunction("/api/{id}/{ID}")] public static int {|#2:Repeated|}(int id) => id;
            [ServerFunction("/api/{*rest}/more")] public static string {|#3:CatchAllFirst|}(string rest) => rest;
            [ServerFunction("/api/{id?}x")] public static int {|#4:OptionalInside|}(int? id) => 1;
            [ServerFunction("/api/a?b")] public static int {|#5:QuestionMark|}() => 1;
            [ServerFunction("/api//orders")] public static int {|#6:DoubleSlash|}() => 1;
            [ServerFunction("/api/{a}{b}")] public static int {|#7:Adjacent|}(int a, int b) => a;
            [ServerFunction("~api")] public static int {|#8:Tilde|}() => 1;
            [ServerFunction("/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/aa/bb/cc")] public static int {|#9:Deep|}() => 1;
            [ServerFunction("/api/{{literal}}/{name}.{ext?}")] public static string Escaped(string name, string? ext) => name;
            [ServerFunction("~/api/{*rest:int}")] public static string CatchAll(string rest) => rest;
        }
        """,
        BadRoute(0, "Routes.Unbalanced", "/api/{id", "a '{' or '}' has no partner; write a literal brace as '{{' or '}}'"),
        BadRoute(1, "Routes.Nameless", "/api/{}", "the parameter name '' is invalid: it must be non-empty and hold none of '{', '}', '/', '?' or '*' ('?' may only end it, '*' only start it)"),
        BadRoute(2, "Routes.Repeated", "/api/{id}/{ID}", "the parameter name 'ID' appears more than once (names compare without case)"),
        BadRoute(3, "Routes.CatchAllFirst", "/api/{*rest}/more", "a catch-all parameter can only be the last segment"),
        BadRoute(4, "Routes.OptionalInside", "/api/{id?}x", "the optional parameter 'id' must end its segment"),
        BadRoute(5, "Routes.QuestionMark", "/api/a?b", "the literal 'a?b' contains '?', which a path cannot"),
        BadRoute(6, "Routes.DoubleSlash", "/api//orders", "'/' cannot appear twice in a row: a parameter or a literal must separate them"),
        BadRoute(7, "Routes.Adjacent", "/api/{a}{b}", "a segment cannot hold two parameters in a row: a '/' or a literal must separate them"),
        BadRoute(8, "Routes.Tilde", "~api", "a route cannot start with '~' unless '/' follows it"),
        BadRoute(9, "Routes.Deep", "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/aa/bb/cc", "it has 29 segments, more than the 28 routing can rank"));

    [Fact]
    public Task Routes_that_answer_one_request_with_the_same_precedence_are_ambiguous() => VerifyAsync(
        """
        [AllowAnonymous]
        public static class Orders
        {
            [ServerFunction("/api/orders/{id}", Method = "GET")] public static int {|#0:Find|}(int id) => id;
            [ServerFunction("/api/orders/{id?}", Method = "GET")] public static int {|#1:FindOrFirst|}(int? id) => 1;
            [ServerFunction("/api/lines/{id:int}", Method = "GET")] public static int {|#2:Line|}(int id) => id;
            [ServerFunction("/api/lines/{number:long}", Method = "GET")] public static long {|#3:LongLine|}(long number) => number;
            [ServerFunction("/api/lines/{name:alpha}", Method = "GET")] public static string LineByName(string name) => name;
            [ServerFunction("/api/Files/{*path}", Method = "GET")] public static string {|#4:File|}(string path) => path;
            [ServerFunction("/API/files/{**rest}", Method = "GET")] public static string {|#5:AnyFile|}(string rest) => rest;
            [ServerFunction("/api/orders", Method = "GET")] public static int All() => 1;
            [ServerFunction("/api/orders/{id:int}", Method = "GET")] public static int Typed(int id) => id;
        }
        """,
        SharedRoute(0, "Orders.Find", "Orders.FindOrFirst", "GET /api/orders/{}"),
        SharedRoute(1, "Orders.FindOrFirst", "Orders.Find", "GET /api/orders/{?}"),
        SharedRoute(2, "Orders.Line", "Orders.LongLine", "GET /api/lines/{:int}"),
        SharedRoute(3, "Orders.LongLine", "Orders.Line", "GET /api/lines/{:long}"),
        SharedRoute(4, "Orders.File", "Orders.AnyFile", "GET /api/files/{*}"),
        SharedRoute(5, "Orders.AnyFile", "Orders.File", "GET /api/files/{*}"));

    [Fact]
    public Task Functions_that_differ_in_verb_or_route_constraint_do_not_share_a_route() => VerifyAsync("""
        [RequireSession]
        public static class Orders
        {
            [ServerFunction("/api/orders/{id:int}", Method = "GET")] public static int Find(int id) => id;
            [ServerFunction("/api/orders/{id:int}")] public static int Update(int id) => id;
            [ServerFunction("/api/orders/{name:alpha}", Method = "GET")] public static string ByName(string name) => name;
            [ServerFunction("/api/orders/{id:int}/lines", Method = "GET")] public static int Lines(int id) => id;
        }
        """);

    [Fact]
    public Task Functions_the_generator_can_build_are_not_reported() => VerifyAsync("""
        public static class Fine
        {
            [ServerFunction, RequireSession] public static string Me(UserSession user) => user.Name;
            [ServerFunction, AllowAnonymous] public static string Maybe(UserSession? user, int? page = null, string sort = "name") => sort;
            [ServerFunction, AllowAnonymous] internal static Task Later(Session<UserSession> session) => Task.CompletedTask;
            [ServerFunction, AllowAnonymous] public static int Take(int? take = 20, DayOfWeek? day = DayOfWeek.Monday) => 1;
            [ServerFunction("/api/{id}", Method = "GET"), AllowAnonymous] public static int Named([FromRoute(Name = "id")] int key, [FromQuery(Name = "q")] string? text, [FromHeader] int count, int[] ids, string[] names) => 1;
            [ServerFunction, AllowAnonymous] public static int Upload(IFormFile file, IFormFileCollection files, IFormCollection form, [FromForm(Name = "t")] string title) => 1;
            [ServerFunction, AllowAnonymous] public static int Raw(System.IO.Stream body, [FromServices] IServiceProvider services, [FromKeyedServices("k")] IServiceProvider? keyed) => 1;
        }
        """);

    [Fact]
    public Task Session_data_on_an_unguarded_function_must_be_nullable() => VerifyAsync(
        """
        public static class Profile
        {
            [ServerFunction, AllowAnonymous]
            public static string Name(UserSession {|#0:user|}) => user.Name;
        }
        """,
        new DiagnosticResult(Descriptors.SessionDataWithoutGuard).WithLocation(0).WithArguments("user", "Profile.Name", "UserSession"));

    [Fact]
    public Task Changing_the_session_in_a_GET_function_is_reported() => VerifyAsync("""
        public static class Account
        {
            [ServerFunction(Method = "GET"), AllowAnonymous]
            public static async Task Login(Session<UserSession> session)
            {
                await {|SAUTH0008:session.UpdateAsync(new UserSession(1, "Harry"))|};
            }

            [ServerFunction(Method = "get"), RequireSession]
            public static Task Logout(Session session) => {|SAUTH0008:session.ClearAsync()|};

            [ServerFunction, AllowAnonymous]
            public static Task LoginByPost(Session<UserSession> session) => session.UpdateAsync(new UserSession(1, "Harry"));
        }
        """);

    [Fact]
    public Task Every_other_place_the_attribute_can_sit_is_explained() => VerifyAsync(
        """
        [AllowAnonymous]
        public sealed class Shapes : IDisposable
        {
            public int Value { [ServerFunction] {|#0:get|} => 1; [ServerFunction] {|#1:set|} { } }

            public event EventHandler? Changed { [ServerFunction] {|#2:add|} { } [ServerFunction] {|#3:remove|} { } }

            [ServerFunction] public static Shapes operator {|#4:+|}(Shapes left, Shapes right) => left;

            [ServerFunction] public static implicit operator {|#5:int|}(Shapes shapes) => 1;

            [ServerFunction] ~{|#6:Shapes|}() { }

            [ServerFunction] void IDisposable.{|#7:Dispose|}() { }

            public static int Outer()
            {
                return Local() + Run([{|#8:ServerFunction|}] () => 2) + Run([{|#9:ServerFunction|}] static int (int x) => x);

                [ServerFunction] static int {|#10:Local|}() => 1;
            }

            private static Func<int> Field = [{|#11:ServerFunction|}] () => 3;

            private static int Run(Func<int> f) => f();

            private static int Run(Func<int, int> f) => f(1);
        }
        """,
        NotAMethod(0, "Shapes.get_Value", "a property accessor"),
        NotAMethod(1, "Shapes.set_Value", "a property accessor"),
        NotAMethod(2, "Shapes.add_Changed", "an event accessor"),
        NotAMethod(3, "Shapes.remove_Changed", "an event accessor"),
        NotAMethod(4, "Shapes.op_Addition", "an operator"),
        NotAMethod(5, "Shapes.op_Implicit", "a conversion operator"),
        NotAMethod(6, "Shapes.Finalize", "a finalizer"),
        NotAMethod(7, "Shapes.System.IDisposable.Dispose", "an explicit interface implementation, which has no name to call it by"),
        NotAMethod(8, "lambda in Shapes.Outer", "a lambda, which generated code cannot call"),
        NotAMethod(9, "lambda in Shapes.Outer", "a lambda, which generated code cannot call"),
        NotAMethod(10, "Shapes.Outer.Local", "a local function, which generated code cannot call"),
        NotAMethod(11, "lambda in Shapes.Field", "a lambda, which generated code cannot call"));

    [Fact]
    public Task Server_functions_in_top_level_statements_are_explained() => AnalyzerTest.VerifyProjectAsync<ServerFunctionAnalyzer>(
        OutputKind.ConsoleApplication,
        [("Program.cs", """
            var answer = [{|#0:ServerFunction|}] () => 42;
            Console.WriteLine(answer() + Local());

            [ServerFunction] static int {|#1:Local|}() => 1;
            """)],
        NotAMethod(0, "lambda in top-level statements", "a lambda, which generated code cannot call"),
        NotAMethod(1, "top-level statements.Local", "a local function, which generated code cannot call"));

    [Fact]
    public Task Overloads_are_named_with_their_parameter_types() => VerifyAsync(
        """
        [AllowAnonymous]
        public static class Orders
        {
            [ServerFunction("/api/orders")] public static int {|#0:Find|}(int id) => id;
            [ServerFunction("/api/orders")] public static int {|#1:Find|}(string name) => 1;
            [ServerFunction] public static int {|#2:Find|}<T>(T value, bool exact) => 1;
        }
        """,
        SharedRoute(0, "Orders.Find(int)", "Orders.Find(string)", "POST /api/orders"),
        SharedRoute(1, "Orders.Find(string)", "Orders.Find(int)", "POST /api/orders"),
        CannotBuild(2, "Orders.Find(T, bool)", "it is generic; a server function has no type parameters"));

    [Fact]
    public Task A_partial_method_is_one_function() => VerifyAsync(
        """
        [AllowAnonymous]
        public static partial class Orders
        {
            [ServerFunction("/api/orders/count")] public static partial int Count();
            public static partial int Count() => 1;

            public static partial int Total(int year);
            [ServerFunction("/api/orders/total")] public static partial int Total(int year) => year;

            [ServerFunction] public static partial void {|#0:Touch|}(ref int value);
            public static partial void Touch(ref int value) { }
        }
        """,
        CannotBuild(0, "Orders.Touch", "parameter 'value' is passed by reference (ref), which an HTTP argument cannot be"));

    [Fact]
    public Task A_partial_method_split_over_two_files_is_one_function() => AnalyzerTest.VerifyProjectAsync<ServerFunctionAnalyzer>(
        OutputKind.DynamicallyLinkedLibrary,
        [
            ("Orders.cs", """
                [AllowAnonymous]
                public static partial class Orders
                {
                    [ServerFunction("/api/orders/count")] public static partial int Count();
                    [ServerFunction("/api/orders/{id}")] public static partial int {|#0:Find|}(int id);
                }
                """),
            ("Orders.Implementation.cs", """
                public static partial class Orders
                {
                    public static partial int Count() => 1;
                    public static partial int Find(int id) => id;
                    [ServerFunction("/api/orders/{key}")] public static int {|#1:Lookup|}(int key) => key;
                }
                """),
        ],
        SharedRoute(0, "Orders.Find", "Orders.Lookup", "POST /api/orders/{}"),
        SharedRoute(1, "Orders.Lookup", "Orders.Find", "POST /api/orders/{}"));

    private static DiagnosticResult NotAMethod(int location, string function, string kind) =>
        CannotBuild(location, function, $"it is {kind}; only a method declared in a class, struct or record can be a server function");
}
