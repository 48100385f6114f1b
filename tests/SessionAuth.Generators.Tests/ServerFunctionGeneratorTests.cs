namespace SessionAuth.Generators.Tests;

public sealed partial class ServerFunctionGeneratorTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Security.Claims;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Mvc;
        using SessionAuth;

        """;

    // Appended to each source, inside its file-scoped namespace Shop.
    private const string SessionType = """


        [SessionData]
        public sealed record UserSession(int UserId, string Name);

        """;

    private static GeneratorRun Run(string source, params string[] absentSteps) =>
        GeneratorHarness.Run(Usings + source + SessionType, referenceRuntime: true, absentSteps);

    /// <summary>Approves the files a test is about: the shape methods and the declaring types' files, not the shared ones.</summary>
    private static void MatchSnapshot(string source, string name)
    {
        var run = Run(source);
        Snapshot.Match(run.Text(static hintName => !GeneratorRun.IsSharedFile(hintName)), name);
        Snapshot.MatchClient(run.ClientText(), name);
    }

    [Fact]
    public void Guard_on_the_method() => MatchSnapshot(
        """
        namespace Shop;

        public static class Orders
        {
            [ServerFunction, RequireSession]
            public static int Count() => 42;

            [ServerFunction]
            public static int Public() => 1;

            [ServerFunction, PreloadSession]
            public static int Preloaded() => 2;
        }
        """,
        nameof(Guard_on_the_method));

    [Fact]
    public void Guard_on_the_class_with_an_AllowAnonymous_override_and_a_redirect() => MatchSnapshot(
        """
        namespace Shop;

        [RequireSession(RedirectTo = "/account/sign-in")]
        public static class Orders
        {
            [ServerFunction]
            public static string Mine(UserSession user) => user.Name;

            [ServerFunction, AllowAnonymous]
            public static int Count(UserSession? user) => user is null ? 0 : 1;
        }
        """,
        nameof(Guard_on_the_class_with_an_AllowAnonymous_override_and_a_redirect));

    [Fact]
    public void Guard_on_the_assembly() => MatchSnapshot(
        """
        [assembly: RequireSession]

        namespace Shop;

        public static class Orders
        {
            [ServerFunction]
            public static int Count() => 42;

            [ServerFunction, AllowAnonymous]
            public static string Health() => "ok";
        }

        [AllowAnonymous]
        public static class Catalog
        {
            [ServerFunction(Method = "GET")]
            public static string[] Products() => ["wand", "owl"];
        }
        """,
        nameof(Guard_on_the_assembly));

    /// <summary>The function README.md's "What the generator writes" shows; ReadmeTests checks its blocks against this snapshot.</summary>
    [Fact]
    public void The_README_example() => MatchSnapshot(
        """
        namespace Shop;

        public sealed record Order(int Id);

        public static class Orders
        {
            [ServerFunction(Method = "GET"), RequireSession(RedirectTo = "/account/sign-in")]
            public static List<Order> Mine(UserSession user, int take = 10) => [];
        }
        """,
        nameof(The_README_example));

    [Fact]
    public void Hostile_defaults_and_routes_are_written_as_the_values_they_are() => MatchSnapshot(
        """
        namespace Shop;

        public enum Keyword { @class, @int, Plain }

        [Flags]
        public enum Bits : ulong { None = 0, High = 0x8000000000000000 }

        public enum Signed : long { Min = long.MinValue }

        public static class Hostile
        {
            [ServerFunction("/api/doubles", Method = "GET")]
            public static string Doubles(
                double nan = double.NaN, double up = double.PositiveInfinity, double down = double.NegativeInfinity,
                double max = double.MaxValue, double min = double.MinValue, double epsilon = double.Epsilon, double negativeZero = -0.0,
                float singleNan = float.NaN, float singleUp = float.PositiveInfinity, float singleDown = float.NegativeInfinity,
                float singleMax = float.MaxValue, float singleEpsilon = float.Epsilon,
                decimal decimalMax = decimal.MaxValue, decimal decimalMin = decimal.MinValue, decimal scaled = 1.000m) =>
                "";

            [ServerFunction("/api/chars", Method = "GET")]
            public static string Chars(
                char nul = '\0', char high = '\uD800', char low = '\uDC00', char quote = '\'', char backslash = '\\',
                char lineSeparator = '\u2028', char paragraphSeparator = '\u2029', char nextLine = '\u0085',
                string text = "quote \" backslash \\ comment */ newline \r\n next \u0085 separators \u2028 \u2029 nul \0 lone \uD800") =>
                text;

            [ServerFunction("/api/integers", Method = "GET")]
            public static string Integers(
                long longMin = long.MinValue, ulong ulongMax = ulong.MaxValue, uint uintMax = uint.MaxValue, sbyte sbyteMin = sbyte.MinValue,
                byte byteMax = byte.MaxValue, short shortMin = short.MinValue, nint native = -5, nuint unsignedNative = 5) =>
                "";

            [ServerFunction("/api/enums", Method = "GET")]
            public static string Enums(
                [System.Runtime.InteropServices.Optional, System.Runtime.CompilerServices.DateTimeConstant(638000000000000000)] DateTime when,
                [System.Runtime.InteropServices.Optional, System.Runtime.CompilerServices.DecimalConstant(2, 0, 0u, 0u, 12345u)] decimal money,
                Keyword keyword = Keyword.@class, Keyword unnamed = (Keyword)42, Keyword negative = (Keyword)(-1),
                Bits bits = Bits.High | (Bits)1, Bits highBit = Bits.High, Signed signed = Signed.Min) =>
                "";

            [ServerFunction("/api/\"quoted\"/back\\slash/*/comment*/end", Method = "GET")]
            public static int Quotes() => 1;

            [ServerFunction("/api/line\nfeed\r\nreturn", Method = "GET")]
            public static int Lines() => 1;

            [ServerFunction("/api/separators/\u2028/\u2029/\u0085/\t/\0", Method = "GET")]
            public static int Separators() => 1;

            [ServerFunction(Method = "GET")]
            public static int @event(string @class = "*/ \\") => 1;
        }
        """,
        nameof(Hostile_defaults_and_routes_are_written_as_the_values_they_are));

    [Fact]
    public void Route_and_query_bindings_on_a_GET() => MatchSnapshot(
        """
        namespace Shop;

        public enum Category { Wands, Owls }

        public static class Products
        {
            [ServerFunction("/api/products/{category}/{id:int}", Method = "get")]
            public static string Find(Category category, int id, string? search, Guid? after, int page = 1, string sort = "name", Category fallback = Category.Owls, DateOnly? since = null, double ratio = 0.5, float scale = 2, decimal price = 9.99m, long big = -3, bool exact = false, char initial = '\n') =>
                $"{category} {id} {search} {after} {page} {sort} {fallback} {since} {ratio} {scale} {price} {big} {exact} {initial}";

            [ServerFunction("/api/products", Method = "GET")]
            public static string Browse(Category? category) => $"{category}";
        }
        """,
        nameof(Route_and_query_bindings_on_a_GET));

    [Fact]
    public void Body_bindings_on_a_POST() => MatchSnapshot(
        """
        namespace Shop;

        public sealed record Address(string Street, string City);

        public interface IOrderStore
        {
            int Save(string item, int quantity, Address shipTo, Address? billTo);
        }

        public sealed class Clock
        {
            public DateTimeOffset Now => DateTimeOffset.UnixEpoch;
        }

        public static class Orders
        {
            [ServerFunction]
            [RequireSession]
            public static int Place(string item, int quantity, decimal price, bool giftWrap, Address shipTo, Address? billTo, IOrderStore store, [FromServices] Clock clock, UserSession user) =>
                store.Save(item, quantity, shipTo, billTo);
        }
        """,
        nameof(Body_bindings_on_a_POST));

    [Fact]
    public void Types_with_their_own_TryParse_bind_from_text_as_minimal_APIs_bind_them() => MatchSnapshot(
        """
        #nullable enable
        namespace Shop;

        public readonly struct Sku
        {
            public Sku(string code) => Code = code;
            public string Code { get; }
            public static bool TryParse(string? text, out Sku sku)
            {
                sku = new Sku(text ?? string.Empty);
                return text is { Length: > 0 };
            }
        }

        public sealed class Range
        {
            public static bool TryParse(string? text, out Range? range)
            {
                range = text is null ? null : new Range();
                return range is not null;
            }
        }

        public sealed class Tier
        {
            public static bool TryParse(string text, IFormatProvider? provider, out Tier tier)
            {
                tier = new Tier();
                return true;
            }
        }

        public static class Catalog
        {
            [ServerFunction("/api/releases/{version}", Method = "GET")]
            public static string Release(Version version, Version? since, [FromHeader(Name = "X-Sku")] Sku sku, Sku fallback = default, Range? range = null) => $"{version} {since} {sku.Code} {fallback.Code} {range}";

            [ServerFunction("/api/tiers", Method = "POST")]
            public static string Tiers(Tier tier, Sku? maybe) => tier.ToString()!;

            // Uri is text to minimal APIs too: Uri.TryCreate(text, UriKind.RelativeOrAbsolute, ...).
            [ServerFunction("/api/links/{home}", Method = "GET")]
            public static string Links(Uri home, Uri? next, Uri[] mirrors) => $"{home} {next} {mirrors.Length}";
        }
        """,
        nameof(Types_with_their_own_TryParse_bind_from_text_as_minimal_APIs_bind_them));

    [Fact]
    public void Nullable_TryParse_structs_and_arrays_of_nullable_or_TryParse_elements_bind_from_text_as_minimal_APIs_bind_them() => MatchSnapshot(
        """
        #nullable enable
        namespace Shop;

        public enum Shade { Red, Green }

        public readonly struct Sku
        {
            public Sku(string code) => Code = code;
            public string Code { get; }
            public static bool TryParse(string? text, out Sku sku)
            {
                sku = new Sku(text ?? string.Empty);
                return text is { Length: > 0 };
            }
        }

        public sealed class Money : IParsable<Money>
        {
            public decimal Amount { get; init; }
            public static Money Parse(string s, IFormatProvider? provider) => new() { Amount = decimal.Parse(s, provider) };
            public static bool TryParse(string? s, IFormatProvider? provider, out Money result)
            {
                var ok = decimal.TryParse(s, System.Globalization.NumberStyles.Number, provider, out var amount);
                result = new Money { Amount = amount };
                return ok;
            }
        }

        public static class Catalog
        {
            [ServerFunction("/api/skus/{code}", Method = "GET")]
            public static string Find(Sku? code, Sku? other, Sku?[] maybe, Sku[] skus, [FromHeader(Name = "X-Skus")] Sku[] headed) => "";

            [ServerFunction(Method = "GET")]
            public static string Filter(int?[] ids, Shade?[] shades, Money?[] prices, Version?[] versions, Version[] required, [FromQuery] Guid?[] keys) => "";

            [ServerFunction]
            public static string Post(Sku? sku, [FromForm] Sku?[] codes, [FromForm] int?[] counts) => "";

        // Classes of a #nullable disable context: required, and null when empty, as the Request Delegate Generator binds them.
        #nullable disable
            [ServerFunction("/api/oblivious", Method = "GET")]
            public static string Oblivious(Version ver, Money budget) => $"{ver} {budget}";
        #nullable enable
        }
        """,
        nameof(Nullable_TryParse_structs_and_arrays_of_nullable_or_TryParse_elements_bind_from_text_as_minimal_APIs_bind_them));

    [Fact]
    public void Types_that_bind_themselves_are_bound_by_their_BindAsync_as_minimal_APIs_bind_them() => MatchSnapshot(
        """
        #nullable enable
        namespace Shop;

        public sealed class Cart
        {
            public static ValueTask<Cart?> BindAsync(HttpContext context) => ValueTask.FromResult<Cart?>(new Cart());
        }

        public sealed class Plain
        {
            public static ValueTask<Plain> BindAsync(HttpContext context) => ValueTask.FromResult(new Plain());
        }

        public sealed class Tenant
        {
            public static ValueTask<Tenant?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => ValueTask.FromResult<Tenant?>(new Tenant());
        }

        public sealed class Sure
        {
            public static ValueTask<Sure> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => ValueTask.FromResult(new Sure());
        }

        public sealed class Caller : IBindableFromHttpContext<Caller>
        {
            static ValueTask<Caller?> IBindableFromHttpContext<Caller>.BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => ValueTask.FromResult<Caller?>(new Caller());
        }

        public readonly struct Region
        {
            public static ValueTask<Region> BindAsync(HttpContext context) => ValueTask.FromResult(new Region());

            public static bool TryParse(string text, out Region region)
            {
                region = default;
                return true;
            }
        }

        public readonly struct Zone
        {
            public static ValueTask<Zone?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => ValueTask.FromResult<Zone?>(new Zone());
        }

        public static class Checkout
        {
            [ServerFunction(Method = "GET")]
            public static string Classes(Cart cart, Cart? maybe, Plain plain, Plain? optional, int take) => "";

            [ServerFunction(Method = "GET")]
            public static string WithParameters(int id, Tenant tenant, Tenant? other, Sure sure, Caller caller, Caller? anyone) => "";

            [ServerFunction(Method = "GET")]
            public static string Structs(Region region, Region? maybe, Zone zone, Zone? other, Region fallback = default) => "";

            [ServerFunction]
            public static Task Place(Cart cart, string note, [FromServices] Plain fromServices) => Task.CompletedTask;

            [ServerFunction("/api/checkout/{id}", Method = "GET")]
            public static IResult Overloaded(int id, Tenant tenant) => Results.Ok();

            [ServerFunction("/api/checkout/by-name/{id}", Method = "GET")]
            public static IResult Overloaded(string id, Tenant tenant) => Results.Ok();
        }

        public sealed class Account
        {
            [ServerFunction, RequireSession]
            public string Show(UserSession user, dynamic extra, Tenant tenant, (int A, string B)? pair = null) => "";
        }
        """,
        nameof(Types_that_bind_themselves_are_bound_by_their_BindAsync_as_minimal_APIs_bind_them));

    [Fact]
    public void Binding_attributes_and_the_shapes_minimal_APIs_bind() => MatchSnapshot(
        """
        #nullable enable
        namespace Shop;

        [Flags] public enum Tags { None = 0, New = 1, Sale = 2 }

        public sealed record Order(string Item, int Quantity);

        public sealed class Money : IParsable<Money>
        {
            public decimal Amount { get; init; }
            public static Money Parse(string s, IFormatProvider? provider) => new() { Amount = decimal.Parse(s, provider) };
            public static bool TryParse(string? s, IFormatProvider? provider, out Money result)
            {
                var ok = decimal.TryParse(s, System.Globalization.NumberStyles.Number, provider, out var amount);
                result = new Money { Amount = amount };
                return ok;
            }
        }

        public interface IPricing { decimal Price(string item); }

        public static class Catalog
        {
            [ServerFunction("/api/catalog/{id}", Method = "GET")]
            public static string Search(
                [FromRoute(Name = "id")] int productId,
                [FromQuery(Name = "q")] string? text,
                [FromHeader(Name = "X-Tenant")] string tenant,
                int[] ids,
                string[] names,
                Tags[] tags,
                [FromQuery] Microsoft.Extensions.Primitives.StringValues raw,
                int? take = 20,
                Tags? filter = Tags.Sale,
                Money? budget = null) => "";

            [ServerFunction]
            public static string Upload(IFormFile file, IFormFile? thumbnail, IFormFileCollection all, [FromForm(Name = "title")] string caption, [FromForm] int[] sizes) => "";

            [ServerFunction]
            public static string Form(IFormCollection form) => "";

            [ServerFunction]
            public static string Place([FromBody] Order order, int priority, [FromServices] IPricing pricing, [FromServices] IPricing? fallback, [Microsoft.Extensions.DependencyInjection.FromKeyedServices("eu")] IPricing eu, [Microsoft.Extensions.DependencyInjection.FromKeyedServices(2)] IPricing? second) => "";

            [ServerFunction]
            public static string Maybe([FromBody] Order? order) => "";

            [ServerFunction]
            public static async Task<int> Raw(System.IO.Stream body) => await body.ReadAsync(new byte[1]);

            [ServerFunction]
            public static int Pipe(System.IO.Pipelines.PipeReader reader) => 0;

            [ServerFunction]
            public static int RawBeside(System.IO.Stream body, Order? order, [FromServices] IPricing pricing) => 0;

            [ServerFunction]
            public static int RawBesideTwo(System.IO.Pipelines.PipeReader reader, Order order, IPricing pricing) => 0;

            [ServerFunction]
            public static int Sum(IEnumerable<int> values, IReadOnlyList<string>? labels) => 0;

            [ServerFunction(Method = "GET")]
            public static object Either(bool fail) => fail ? Results.NotFound() : 1;
        }
        """,
        nameof(Binding_attributes_and_the_shapes_minimal_APIs_bind));

    [Fact]
    public void Request_context_and_session_parameters() => MatchSnapshot(
        """
        namespace Shop;

        public static class Account
        {
            [ServerFunction]
            public static async Task Login(string name, Session<UserSession> session, HttpContext context, HttpRequest request, HttpResponse response, ClaimsPrincipal principal, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await session.UpdateAsync(new UserSession(1, name));
            }

            [ServerFunction, RequireSession]
            public static Task Logout(Session session) => session.ClearAsync();
        }
        """,
        nameof(Request_context_and_session_parameters));

    [Fact]
    public void Every_return_shape() => MatchSnapshot(
        """
        namespace Shop;

        public static class Returns
        {
            [ServerFunction] public static void Nothing() { }
            [ServerFunction] public static Task NothingLater() => Task.CompletedTask;
            [ServerFunction] public static ValueTask NothingLaterCheaply() => ValueTask.CompletedTask;
            [ServerFunction] public static List<string> Value() => ["a"];
            [ServerFunction] public static Task<int?> ValueLater() => Task.FromResult<int?>(null);
            [ServerFunction] public static ValueTask<string> ValueLaterCheaply() => ValueTask.FromResult("a");
            [ServerFunction] public static IResult Result() => Results.Ok();
            [ServerFunction] public static Task<IResult> ResultLater() => Task.FromResult(Results.Ok());
            [ServerFunction] public static Results<Ok<string>, NotFound> TypedResult() => TypedResults.NotFound();
            [ServerFunction] public static Results<Ok<string>, NoContent> ValueOrNothing() => TypedResults.NoContent();
            [ServerFunction] public static Results<Ok<string>, Ok<int[]>, NotFound> OneOfTwoValues() => TypedResults.Ok(new[] { 1 });
            [ServerFunction] public static Task<Results<Created<List<string>>, Accepted<int?>, BadRequest>> CreatedOrAccepted() => Task.FromResult<Results<Created<List<string>>, Accepted<int?>, BadRequest>>(TypedResults.BadRequest());
            [ServerFunction] public static Results<NoContent, NotFound, RedirectHttpResult> NoValueEitherWay() => TypedResults.NoContent();
            [ServerFunction] public static Results<NotFound, UnauthorizedHttpResult, ProblemHttpResult> OnlyRefusals() => TypedResults.NotFound();
            [ServerFunction] public static Ok OkWithoutValue() => TypedResults.Ok();
            [ServerFunction] public static Created<string> CreatedValue() => TypedResults.Created("/x", "a");
            [ServerFunction] public static JsonHttpResult<int[]> JsonValue() => TypedResults.Json(new[] { 1 });
            [ServerFunction] public static ContentHttpResult Text() => TypedResults.Text("a");
            [ServerFunction] public static Results<Ok<string>, FileContentHttpResult> ValueOrFile() => TypedResults.Ok("a");
        }
        """,
        nameof(Every_return_shape));

    [Fact]
    public void Instance_methods_come_from_DI_and_nested_types_join_with_dots() => MatchSnapshot(
        """
        namespace Shop;

        public sealed class Greeter(string greeting)
        {
            [ServerFunction(Method = "GET")]
            public string Hello(string name) => $"{greeting}, {name}";
        }

        public static class Admin
        {
            public static class Reports
            {
                [ServerFunction, RequireSession]
                internal static int Daily() => 1;
            }
        }
        """,
        nameof(Instance_methods_come_from_DI_and_nested_types_join_with_dots));

    [Fact]
    public void Parameter_names_never_clash_with_the_generated_locals() => MatchSnapshot(
        """
        namespace Shop;

        public static class Clashes
        {
            [ServerFunction, RequireSession]
            public static string Echo(string session, string result, int arguments, string @class, string sessionBinding, UserSession sessionData) =>
                session + result + arguments + @class + sessionBinding + sessionData.Name;
        }

        // An instance method is called through a lambda that takes the target first: its parameters keep their names.
        public sealed class Targets
        {
            [ServerFunction]
            public string Echo(string target, string group, int services, string @event) => target + group + services + @event;
        }
        """,
        nameof(Parameter_names_never_clash_with_the_generated_locals));

    [Fact]
    public void Functions_the_generated_code_cannot_call_or_bind_are_skipped() => MatchSnapshot(
        """
        namespace Shop;

        public static class Skipped
        {
            [ServerFunction] private static int Hidden() => 1;
            [ServerFunction] public static T Generic<T>() => default!;
            [ServerFunction] public static void ByRef(ref int value) { }
            [ServerFunction] public static async void Fire() => await Task.Yield();
            [ServerFunction] public static string Unguarded(UserSession user) => user.Name;
            [ServerFunction] public static int Span(ReadOnlySpan<char> text) => text.Length;
            [ServerFunction] public static unsafe int Pointer(int* value) => *value;
            [ServerFunction] public static int Many(int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, int a9, int a10, int a11, int a12, int a13, int a14, int a15, int a16, int a17) => a1;
            [ServerFunction] public static int Kept() => 1;
            [ServerFunction, Secret] public static int CarriesAPrivateAttribute() => 1;

            [AttributeUsage(AttributeTargets.Method)]
            private sealed class SecretAttribute : Attribute;
        }

        public static class Container<T>
        {
            [ServerFunction] public static int InGeneric() => 1;
        }
        """,
        nameof(Functions_the_generated_code_cannot_call_or_bind_are_skipped));

    /// <summary>
    /// The endpoint carries the attributes of the types around the method (outermost first) and of the method, each built
    /// as written: constructor arguments of their parameter's type exactly (so the same overload is chosen), named
    /// properties and fields, arrays, enums (flags combined by value), typeof (open generic too), null, and values boxed
    /// as their own type. A [Conditional] attribute the build leaves out is left out, and so is [ServerFunction].
    /// </summary>
    [Fact]
    public void Attributes_of_the_method_and_its_classes_become_endpoint_metadata() => MatchSnapshot(
        """
        namespace Shop;

        public enum Level { Low = 1, High = 2 }

        [Flags]
        public enum Access { None = 0, Read = 1, Write = 2, Delete = 8 }

        [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
        public sealed class EverythingAttribute : Attribute
        {
            public EverythingAttribute() { }
            public EverythingAttribute(object? value) => Value = value;
            public EverythingAttribute(string? text, params int[] numbers) { }
            public EverythingAttribute(Type type, Level level) { }
            public object? Value { get; set; }
            public Type? Kind;
            public string?[]? Names { get; set; }
            public Access Access { get; set; }
            public object?[]? Mixed { get; set; }
            public long Big { get; set; }
            public char Letter { get; set; }
            public Level Level { get; set; }
        }

        [System.Diagnostics.Conditional("NEVER_DEFINED")]
        public sealed class OmittedAttribute : Attribute;

        [Authorize(Roles = "Staff")]
        public static partial class Admin
        {
            [Microsoft.AspNetCore.Http.Tags("reports")]
            public static class Reports
            {
                [ServerFunction, RequireSession, Authorize(Policy = "Auditors"), Omitted]
                [Microsoft.AspNetCore.Routing.EndpointName("Totals"), Microsoft.AspNetCore.Http.EndpointSummary("Line one\nline \"two\"")]
                [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("tight")]
                [Everything((short)7)]
                [Everything((object?)null)]
                [Everything(null)]
                [Everything("text", 1, 2, 3)]
                [Everything(typeof(List<>), Level.High)]
                [Everything(Kind = typeof(Dictionary<string, int[]>), Names = new[] { "a", null }, Access = Access.Read | Access.Write, Level = (Level)3)]
                [Everything(Mixed = new object?[] { 1, "x", Level.Low, typeof(int), null, (byte)2, new int[0] }, Big = long.MinValue, Letter = '\'')]
                public static int Totals() => 1;
            }
        }
        """,
        nameof(Attributes_of_the_method_and_its_classes_become_endpoint_metadata));

    /// <summary>
    /// A class and the method carry their attributes as <c>GetCustomAttributes(inherit: true)</c> reads them: their own,
    /// then those their base classes (or the methods an override overrides) pass on; <c>[Tags]</c> (<c>Inherited =
    /// false</c>) stays on its class, and a base's <c>[EnableRateLimiting]</c> (one per symbol) is hidden by the class's
    /// own. The guard decision reads the same attributes: <c>Users</c> is decided by the base class's <c>[Authorize]</c>,
    /// <c>Totals</c> by its own <c>[RequireSession]</c>, with its base method's policy and its base class's rule.
    /// </summary>
    [Fact]
    public void Attributes_a_base_class_or_an_overridden_method_passes_on_become_endpoint_metadata() => MatchSnapshot(
        """
        namespace Shop;

        [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
        public sealed class NoteAttribute(string text) : Attribute
        {
            public string Text { get; } = text;
        }

        [Authorize(Roles = "Admin"), Note("base"), Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("base"), Microsoft.AspNetCore.Http.Tags("base")]
        public class AdminBase;

        [Note("admin"), Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("admin")]
        public class Admin : AdminBase
        {
            [ServerFunction]
            public static int Users() => 1;
        }

        public sealed class Auditor : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.UserId > 0;
        }

        [RequireSession<Auditor>]
        public abstract class Reports
        {
            [Authorize(Policy = "Auditors"), Note("virtual")]
            public virtual int Totals() => 0;
        }

        public sealed class MonthlyReports : Reports
        {
            [ServerFunction, RequireSession, Note("override")]
            public override int Totals() => 1;
        }
        """,
        nameof(Attributes_a_base_class_or_an_overridden_method_passes_on_become_endpoint_metadata));

    /// <summary>The one snapshot of the files every assembly gets: <c>MapServerFunctions()</c> and the session data declaration.</summary>
    [Fact]
    public void The_files_every_assembly_shares() => Snapshot.Match(
        Run("""
            namespace Shop;

            public static class Orders
            {
                [ServerFunction, RequireSession] public static int Count() => 1;
                [ServerFunction, RequireSession] public static int Sum() => 2;
            }

            public static class Stock
            {
                [ServerFunction, RequireSession] public static int Count() => 3;
            }
            """).Text(GeneratorRun.IsSharedFile),
        nameof(The_files_every_assembly_shares));

    /// <summary>
    /// The client file: its module and declarations, and the shapes the runtime checks against the app's JSON options at
    /// start-up — each record's JSON names and each enum sent as numbers that the server writes (returns, and what those
    /// reach); a type only sent (the Region query value, the Filter body) is read leniently and left out, as are an enum sent
    /// as text by a property's converter and an [Obsolete] type, which naming would warn of.
    /// </summary>
    [Fact]
    public void The_client_file_names_each_record_and_enum_it_declares_for_the_start_up_JSON_check() => Snapshot.Match(
        Run("""
            using System.Text.Json.Serialization;

            namespace Shop;

            public enum Size { Small, @class, Large = 10 }

            public enum Colour { Red, Blue }

            public enum Region { North, South }

            public sealed record Filter(string Text, int Take);

            public interface IClock { System.DateTimeOffset Now { get; } }

            [System.Obsolete("use Basket")] public sealed record Cart(int Items);

            public sealed record Line([property: JsonPropertyName("sku_code")] string Sku, Size Size, [property: JsonConverter(typeof(JsonStringEnumConverter))] Colour Colour);

            public sealed record Order(int Id, Line[] Lines, System.Collections.Generic.Dictionary<string, Line> ByName);

            [RequireSession]
            public static class Orders
            {
                [ServerFunction] public static Order Place(Order order) => order;

                [ServerFunction(Method = "GET")] public static int CountIn(Region region) => (int)region;

                [ServerFunction] public static int Search(Filter filter, IClock clock) => filter.Take;

            #pragma warning disable CS0618 // the app's own use of its obsolete type
                [ServerFunction] public static int Count(Cart cart) => cart.Items;
            #pragma warning restore CS0618
            }
            """).Text(static hintName => hintName == "ServerFunctions.Client.g.cs"),
        nameof(The_client_file_names_each_record_and_enum_it_declares_for_the_start_up_JSON_check));

    [Fact]
    public void An_assembly_without_server_functions_still_gets_MapServerFunctions() => Snapshot.Match(
        Run("""
            namespace Shop;

            public static class Nothing
            {
            }
            """,
            TrackingNames.ServerFunctions).Text(static hintName => hintName == "ServerFunctions.Map.g.cs"),
        nameof(An_assembly_without_server_functions_still_gets_MapServerFunctions));

    [Fact]
    public void Nothing_is_generated_without_the_runtime()
    {
        var run = GeneratorHarness.Run(
            "namespace Shop; public static class Plain { public static int Count() => 1; }",
            referenceRuntime: false,
            TrackingNames.ServerFunctions,
            TrackingNames.ImmutableSessionData,
            TrackingNames.SessionDataFiles);

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Each_declaring_type_has_its_own_file_named_after_it()
    {
        var run = Run("""
            namespace Shop;

            public static class Orders
            {
                [ServerFunction] public static int Count() => 1;
                [ServerFunction] public static int Sum() => 2;
            }

            public static class Stock
            {
                [ServerFunction] public static int Count() => 3;
            }
            """);

        Assert.Equal(
            ["ServerFunctions.Client.g.cs", "ServerFunctions.Endpoints.g.cs", "ServerFunctions.Map.g.cs", "ServerFunctions.Shop.Orders.g.cs", "ServerFunctions.Shop.Stock.g.cs", "SessionData.Shop.UserSession.g.cs"],
            run.Sources.Select(s => s.HintName));
        Assert.All(run.Sources, s => Assert.StartsWith("// <auto-generated/>\n#nullable enable\n", s.SourceText.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Types_whose_names_join_alike_get_distinct_map_methods_and_files()
    {
        // Admin_Reports and the nested Admin.Reports both join to MapShop_Admin_Reports; Ledger and ledger differ only in
        // case, which some file systems ignore.
        var run = Run("""
            namespace Shop;

            public static class Admin_Reports
            {
                [ServerFunction] public static int Daily() => 1;
            }

            public static class Admin
            {
                public static class Reports
                {
                    [ServerFunction] public static int Weekly() => 7;
                }
            }

            public static class Ledger
            {
                [ServerFunction] public static int Total() => 1;
            }

            public static class ledger
            {
                [ServerFunction] public static int Total() => 2;
            }
            """);

        Assert.Equal(
            [
                "ServerFunctions.Client.g.cs", "ServerFunctions.Endpoints.g.cs", "ServerFunctions.Map.g.cs", "ServerFunctions.Shop.Admin.Reports.g.cs",
                "ServerFunctions.Shop.Admin_Reports.g.cs", "ServerFunctions.Shop.Ledger.g.cs", "ServerFunctions.Shop.ledger2.g.cs",
                "SessionData.Shop.UserSession.g.cs",
            ],
            run.Sources.Select(s => s.HintName));
        var map = run.Sources.Single(s => s.HintName == "ServerFunctions.Map.g.cs").SourceText.ToString();
        Assert.Contains("ServerFunctionEndpoints.MapShop_Admin_Reports(group, services);", map, StringComparison.Ordinal);
        Assert.Contains("ServerFunctionEndpoints.MapShop_Admin_Reports2(group, services);", map, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_method_is_mapped_once_wherever_its_attribute_sits()
    {
        var run = Run("""
            namespace Shop;

            [AllowAnonymous]
            public static partial class Orders
            {
                [ServerFunction] public static partial int Count();
                public static partial int Count() => 1;

                public static partial int Total(int year);
                [ServerFunction] public static partial int Total(int year) => year;
            }
            """);

        var orders = run.Sources.Single(s => s.HintName == "ServerFunctions.Shop.Orders.g.cs").SourceText.ToString();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(orders, "global::Shop.Orders.Count\\)"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(orders, "global::Shop.Orders.Total\\)"));
    }

    [Fact]
    public void Only_an_immutable_session_type_is_declared_shareable()
    {
        var immutable = GeneratorHarness.Run(Usings + """
            namespace Shop;

            [SessionData] public sealed record UserSession(int UserId, System.Collections.Immutable.ImmutableArray<string> Roles);
            """,
            referenceRuntime: true,
            TrackingNames.ServerFunctions);
        var mutable = GeneratorHarness.Run(Usings + """
            namespace Shop;

            [SessionData] public sealed record UserSession(int UserId, string[] Roles);
            """,
            referenceRuntime: true,
            TrackingNames.ServerFunctions,
            TrackingNames.ImmutableSessionData,
            TrackingNames.SessionDataFiles);

        var declaration = Assert.Single(immutable.Sources, s => s.HintName == "SessionData.Shop.UserSession.g.cs").SourceText.ToString();
        Assert.Contains("global::SessionAuth.Infrastructure.ImmutableSessionData.Declare<global::Shop.UserSession>();", declaration, StringComparison.Ordinal);
        Assert.Contains("[global::System.Runtime.CompilerServices.ModuleInitializer]", declaration, StringComparison.Ordinal);
        Assert.DoesNotContain(mutable.Sources, s => s.HintName.StartsWith("SessionData.", StringComparison.Ordinal));
    }

    [Fact]
    public void Overloads_are_told_apart_by_their_delegate_types()
    {
        // Each function is passed as a method group; the shape's delegate type picks its overload.
        var run = Run("""
            namespace Shop;

            public static class Orders
            {
                [ServerFunction("/orders/by-id", Method = "GET")] public static string Find(int id) => "id";
                [ServerFunction("/orders/by-name", Method = "GET")] public static string Find(string name) => "name";
                [ServerFunction("/orders/mine", Method = "GET"), RequireSession] public static string Find(UserSession user) => "mine";
            }
            """);

        var orders = run.Sources.Single(s => s.HintName == "ServerFunctions.Shop.Orders.g.cs").SourceText.ToString();
        Assert.Contains("MapPublic_Parsable_ReturnsJson<int, string>(", orders, StringComparison.Ordinal);
        Assert.Contains("MapPublic_String_ReturnsJson<string>(", orders, StringComparison.Ordinal);
        Assert.Contains("MapRequireSession_SessionData_ReturnsJson<global::Shop.UserSession, string>(", orders, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(orders, @"global::Shop\.Orders\.Find\);"));
    }

    [Fact]
    public void Functions_of_one_shape_share_one_endpoint_method_whatever_their_types_and_names()
    {
        var run = Run("""
            namespace Shop;

            public enum House { Gryffindor, Slytherin }

            public static class Students
            {
                [ServerFunction(Method = "GET"), RequireSession] public static string[] Named(string name, int take, UserSession user) => [];
                [ServerFunction(Method = "GET"), RequireSession] public static int Count(string house, Guid since, UserSession viewer) => 0;
                [ServerFunction(Method = "GET"), RequireSession] public static int Other(string house, House kind, UserSession viewer) => 0;
            }
            """);

        var endpoints = run.Sources.Single(s => s.HintName == "ServerFunctions.Endpoints.g.cs").SourceText.ToString();
        Assert.Equal(
            ["MapRequireSession_String_Enum_SessionData_ReturnsJson", "MapRequireSession_String_Parsable_SessionData_ReturnsJson"],
            System.Text.RegularExpressions.Regex.Matches(endpoints, @"public static void (\w+)<").Select(m => m.Groups[1].Value));
        // Compared without whitespace: a call whose type arguments run past the line width lists them one per line.
        var students = Squeeze(run.Sources.Single(s => s.HintName == "ServerFunctions.Shop.Students.g.cs").SourceText.ToString());
        Assert.Contains(Squeeze("MapRequireSession_String_Parsable_SessionData_ReturnsJson<global::Shop.UserSession, int, string[]>("), students, StringComparison.Ordinal);
        Assert.Contains(Squeeze("MapRequireSession_String_Parsable_SessionData_ReturnsJson<global::Shop.UserSession, global::System.Guid, int>("), students, StringComparison.Ordinal);
    }

    private static string Squeeze(string code) => System.Text.RegularExpressions.Regex.Replace(code, @"\s+", string.Empty);
}
