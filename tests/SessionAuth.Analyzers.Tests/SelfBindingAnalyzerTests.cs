namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0003 for the types that bind themselves (<c>BindAsync</c>) in a way generated code cannot call, and silence for
/// the shapes minimal APIs bind that server functions now bind as well: nullable <c>TryParse</c> structs, arrays of
/// nullable or <c>TryParse</c> elements, and every <c>BindAsync</c> form.
/// </summary>
public sealed partial class ServerFunctionAnalyzerTests
{
    [Fact]
    public Task BindAsync_methods_generated_code_cannot_call_are_explained() => VerifyAsync(
        """
        [AllowAnonymous]
        public static class SelfBound
        {
            [ServerFunction(Method = "GET")] public static int {|#0:Explicit|}(Explicit value) => 1;
            [ServerFunction(Method = "GET")] public static int {|#1:Generic|}(Generic value) => 1;
            [ServerFunction(Method = "GET")] public static int {|#2:Retired|}(Retired value) => 1;
            [ServerFunction(Method = "GET")] public static int {|#3:ByReference|}(ByReference value) => 1;
            [ServerFunction(Method = "GET")] public static int {|#4:Member|}([AsParameters] WithTenant args) => 1;
            [ServerFunction(Method = "GET")] public static int {|#5:Array|}(Tenant[] tenants) => 1;
        }

        public interface IBinds<T> where T : IBinds<T> { static abstract ValueTask<T?> BindAsync(HttpContext context); }
        public sealed class Explicit : IBinds<Explicit> { static ValueTask<Explicit?> IBinds<Explicit>.BindAsync(HttpContext context) => default; }
        public sealed class Generic { public static ValueTask<Generic?> BindAsync<T>(HttpContext context) => default; }
        public sealed class Retired { [System.Obsolete("old")] public static ValueTask<Retired?> BindAsync(HttpContext context) => default; }
        public sealed class ByReference { public static ValueTask<ByReference?> BindAsync(in HttpContext context) => default; }
        public sealed class Tenant { public static ValueTask<Tenant?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => default; }
        public sealed class WithTenant { public Tenant? Tenant { get; set; } public int Take { get; set; } }
        """,
        CannotBuild(0, "SelfBound.Explicit", "parameter 'value' binds itself through Explicit.BindAsync, which is a static abstract member of the interface IBinds<Explicit> that generated code cannot call through the interface (minimal APIs' generated code cannot either); declare a public static BindAsync on the type itself"),
        CannotBuild(1, "SelfBound.Generic", "parameter 'value' binds itself through Generic.BindAsync, which is generic, so generated code could not say how to call it"),
        CannotBuild(2, "SelfBound.Retired", "parameter 'value' binds itself through Retired.BindAsync, which is [Obsolete] or [Experimental], and generated code would warn where it calls it"),
        CannotBuild(3, "SelfBound.ByReference", "parameter 'value' binds itself through ByReference.BindAsync, which takes its arguments by reference, which generated code cannot pass"),
        CannotBuild(4, "SelfBound.Member", "parameter 'args' ([AsParameters] WithTenant) cannot be bound: member 'Tenant' binds itself through Tenant.BindAsync(HttpContext, ParameterInfo), which for a member of an [AsParameters] type a minimal API passes a ParameterInfo of its own making that describes the property; take it as a parameter of the function"),
        CannotBuild(5, "SelfBound.Array", "parameter 'tenants' is a collection that would come from the JSON body, which a request of this verb does not send; its elements (Tenant) are not text, so no repeated query key can give them"));

    [Fact]
    public Task Shapes_minimal_APIs_bind_from_text_or_by_BindAsync_are_bound_without_a_diagnostic() => VerifyAsync(
        """
        [AllowAnonymous]
        public static class Bound
        {
            [ServerFunction(Method = "GET")] public static int NullableTryParse(Sku? sku, Sku?[] maybe, Sku[] skus, [FromHeader] Sku[] headed) => 1;
            [ServerFunction(Method = "GET")] public static int NullableElements(int?[] ids, Shade?[] shades, Version?[] versions, [FromQuery] Guid?[] keys) => 1;
            [ServerFunction(Method = "DELETE")] public static int OnDelete(Sku? sku, int?[] ids) => 1;
            [ServerFunction] public static int FromForm([FromForm] Sku?[] codes, [FromForm] int?[] counts, Sku? sku) => 1;
            [ServerFunction(Method = "GET")] public static int SelfBinding(Cart cart, Cart? maybe, Tenant tenant, Caller caller, Region region, Region? other, [AsParameters] WithCart args) => 1;
            [ServerFunction] public static int SelfBindingOnPost(Cart cart, string note, [FromServices] Cart fromServices) => 1;
        }

        public enum Shade { Red, Green }
        public readonly struct Sku { public static bool TryParse(string? text, out Sku sku) { sku = default; return text is not null; } }
        public sealed class Cart { public static ValueTask<Cart?> BindAsync(HttpContext context) => default; }
        public sealed class Tenant { public static ValueTask<Tenant> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => default; }
        public sealed class Caller : IBindableFromHttpContext<Caller> { static ValueTask<Caller?> IBindableFromHttpContext<Caller>.BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) => default; }
        public readonly struct Region { public static ValueTask<Region> BindAsync(HttpContext context) => default; }
        public sealed class WithCart { public Cart? Cart { get; set; } public int Take { get; set; } }
        """);
}
