using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Calls that reach a method through dispatch (an interface method a base method implements, called on a type whose
/// override of it is the method; a static interface member called through a type parameter) are callers of the method
/// they run, so an open group they pass is reported; a call bound at run time (<c>dynamic</c>) is a caller that cannot
/// be seen; and a primary constructor's captured parameter written by a
/// deconstruction or a parenthesized assignment is written, so what the constructions passed no longer decides for it.
/// Found by review 21f, when each was silent.
/// </summary>
public sealed class DispatchedCallerAndCapturedWriteTests
{
    // Derived.Map overrides Base.Map, which implements IModule.Map. A call of IModule.Map on a Derived runs Derived.Map,
    // but FindImplementationForInterfaceMember answers Base.Map, the overridden method: CallTargets takes a member
    // implemented by any method of the override chain.
    [Theory]
    [InlineData("override of a virtual base method", "interface IModule { void Map(RouteGroupBuilder g); } class Base : IModule { public virtual void Map(RouteGroupBuilder g) { } } class Derived : Base { public override void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }", "Derived")]
    [InlineData("override of an abstract base method", "interface IModule { void Map(RouteGroupBuilder g); } abstract class Base : IModule { public abstract void Map(RouteGroupBuilder g); } class Derived : Base { public override void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }", "Derived")]
    [InlineData("override of a generic base's method", "interface IModule { void Map(RouteGroupBuilder g); } class Base<T> : IModule { public virtual void Map(RouteGroupBuilder g) { } } class Derived : Base<int> { public override void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }", "Derived")]
    [InlineData("override in a generic derived class", "interface IModule { void Map(RouteGroupBuilder g); } class Base : IModule { public virtual void Map(RouteGroupBuilder g) { } } class Derived<T> : Base { public override void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }", "Derived<int>")]
    [InlineData("sealed override two levels down", "interface IModule { void Map(RouteGroupBuilder g); } class Base : IModule { public virtual void Map(RouteGroupBuilder g) { } } class Middle : Base { } class Derived : Middle { public sealed override void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }", "Derived")]
    public Task A_call_through_an_interface_reaches_an_override_of_the_base_method_implementing_it(string way, string declarations, string derived)
    {
        _ = way;
        return CallerProgram.VerifyAsync($"new {derived}().Map({{G1}}); IModule m = new {derived}(); m.Map({{G2}});", declarations);
    }

    // A static abstract (or static virtual) interface member called through a type parameter, T.Map(group), runs the
    // implementing type's static Map. CallTargets follows static methods to the interface members they implement: the
    // "vertical slice" IEndpoint with `static abstract void Map(...)` and a generic MapEndpoint<T>() is a common shape.
    [Theory]
    [InlineData("interface IModule { static abstract void Map(RouteGroupBuilder g); }")]
    [InlineData("interface IModule { static virtual void Map(RouteGroupBuilder g) { } }")]
    public Task A_constrained_call_of_a_static_interface_member_is_a_caller_of_its_implementation(string contract) => CallerProgram.VerifyAsync(
        "Module.Map({G1}); MapModule<Module>({G2}); static void MapModule<T>(RouteGroupBuilder g) where T : IModule => T.Map(g);",
        contract + " class Module : IModule { public static void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }");

    // A call the runtime binds (a dynamic receiver, or a dynamic argument to a method of the name) may run the method with
    // anything: it is a caller that cannot be seen, as a method group turned into a delegate is, so the rule fires.
    [Theory]
    [InlineData("new Module().Map({G1}); dynamic d = new Module(); d.Map({G2});", "class Module { public void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    [InlineData("Module.Map({G1}); dynamic open = {G2}; Module.Map(open);", "static class Module { public static void Map(RouteGroupBuilder g) => g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }")]
    public Task A_call_bound_at_run_time_is_a_caller_that_cannot_be_seen(string calls, string declarations) => CallerProgram.VerifyAsync(calls, declarations);

    // A captured parameter a member writes holds what that member wrote, not what the constructions passed: a write is
    // found through parentheses and tuple elements on the left of an assignment too.
    [Theory]
    [InlineData("public void Use(RouteGroupBuilder other) => (group, _) = (other, 1);")]
    [InlineData("public void Use(RouteGroupBuilder other) { int n; (group, n) = (other, 1); _ = n; }")]
    [InlineData("public void Use(RouteGroupBuilder other) => (group) = other;")]
    [InlineData("public void Use(RouteGroupBuilder other) { int n; ((group, n), _) = ((other, 1), 2); _ = n; }")]
    public Task A_primary_constructor_parameter_written_by_a_deconstruction_or_parenthesized_assignment_is_written(string use) => CallerProgram.VerifyAsync(
        "var m = new OrdersModule({G1}); m.Use({G2}); m.Map();",
        "class OrdersModule(RouteGroupBuilder group) { " + use + " public void Map() => group.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\"); }");

    // Read on the right of a deconstruction, the parameter is not written: every construction passes a guarded group.
    [Fact]
    public Task A_primary_constructor_parameter_read_in_a_deconstruction_still_holds_what_the_constructions_passed() => CallerProgram.VerifyAsync(
        "var m = new OrdersModule({G1}); m.Use(); m.Map();",
        "class OrdersModule(RouteGroupBuilder group) { public void Use() { RouteGroupBuilder other; int n; (other, n) = (group, 1); _ = other; _ = n; } public void Map() => group.MapGet(\"/x\", () => \"x\"); }");
}
