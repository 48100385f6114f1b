using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Groups passed around cycles of methods are answered as the greatest fixed point (a method's group is decided when it
/// has callers and each passes a decided group), whichever endpoint is asked first: the questions of a cycle are answered
/// together, as Tarjan's strongly connected components, with order numbers never given twice in one search.
/// </summary>
public sealed class GroupCycleFixedPointTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    /// <summary>
    /// Generated programs checked against the greatest fixed point: 0 to 1499 step 15 (100 programs), and the seeds that
    /// failed before the fix (236, 706, 1168).
    /// </summary>
    public static TheoryData<int> GeneratedSeeds()
    {
        var data = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(0, 100).Select(i => i * 15).Concat([236, 706, 1168]).Distinct())
        {
            data.Add(seed);
        }

        return data;
    }

    // Finding 1 (false silence, high): the held answers of the new memoization keep the index of the open question they
    // took as decided. When that question closes held itself (its cycle starts higher), the answers held under it keep
    // the old index; a sibling question asked next at the same depth reuses one of them, finds the lowest assumed index
    // equal to its own, takes itself for the first question of its cycle and is stored "decided" for good; the cycle's
    // real first question is then answered "not decided" (an open group enters it), too late. Four methods passing one
    // open group around, no guard anywhere: M3's endpoint is silent. Found by a random program generator checked against
    // the greatest fixed point (seeds 236, 706, 1168 of 1500); here the smallest of them, as generated.
    [Fact]
    public Task Four_methods_passing_an_open_group_around_a_cycle_report_every_endpoint() => VerifyAsync("""
        public static class Endpoints
        {
            private static void M0(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/m0"); c.MapGet("/", () {|SAUTH0001:=>|} "m0"); M2(c, d - 1); }
            private static void M2(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/m2"); c.MapGet("/", () {|SAUTH0001:=>|} "m2"); M0(c, d - 1); M1(c, d - 1); M0(c, d - 1); }
            private static void M1(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/m1"); c.MapGet("/", () {|SAUTH0001:=>|} "m1"); M3(c, d - 1); M3(c, d - 1); M2(c, d - 1); }
            private static void M3(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/m3"); c.MapGet("/", () {|SAUTH0001:=>|} "m3"); M3(c, d - 1); M0(c, d - 1); M0(c, d - 1); }
            public static void Map(WebApplication app) { M0(app.MapGroup("/e"), 4); }
        }
        """);

    // Finding 1, built by hand: R's endpoint is asked first; Q closes held (it took J, higher, as decided) with H held
    // under it at Q's index; Qp, asked next at that index, reuses H and is stored "decided". Qp's endpoint is silent.
    // Only the order matters: the same methods with Qp's endpoint asked first report all five.
    [Fact]
    public Task A_sibling_question_reusing_an_answer_held_under_a_closed_question_is_not_stored_as_decided() => VerifyAsync("""
        public static class Endpoints
        {
            private static void R(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/r"); c.MapGet("/", () {|SAUTH0001:=>|} "r"); J(c, d - 1); }
            private static void H(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/h"); c.MapGet("/", () {|SAUTH0001:=>|} "h"); Q(c, d - 1); Qp(c, d - 1); }
            private static void Q(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/q"); c.MapGet("/", () {|SAUTH0001:=>|} "q"); H(c, d - 1); J(c, d - 1); }
            private static void Qp(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/qp"); c.MapGet("/", () {|SAUTH0001:=>|} "qp"); J(c, d - 1); }
            private static void J(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/j"); c.MapGet("/", () {|SAUTH0001:=>|} "j"); R(c, d - 1); Q(c, d - 1); }
            public static void Map(WebApplication app) => R(app.MapGroup("/open"), 6);
        }
        """);

    // Seed 706 failed in one run of all 1500 and passed in the next: which endpoint is asked first is not fixed (the
    // analyzer runs concurrently), so the answers depend on it from run to run, not only on the order of the methods.
    [Theory]
    [MemberData(nameof(GeneratedSeeds))]
    public Task Generated_cycles_of_methods_get_the_greatest_fixed_point(int seed) => VerifyAsync(GeneratedCycles.Program(seed));

    /// <summary>Generated programs of helpers returning either of two groups through each other: 0 to 59.</summary>
    public static TheoryData<int> ReturningHelperSeeds()
    {
        var data = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(0, 60))
        {
            data.Add(seed);
        }

        return data;
    }

    // "Returns its parameter" for any builder parameter: the guard on what a cycle of helpers returns reaches the group
    // it returns on every path, the first parameter or the second, and no other.
    [Theory]
    [MemberData(nameof(ReturningHelperSeeds))]
    public Task Generated_helpers_returning_either_of_two_groups_get_the_greatest_fixed_point(int seed) => VerifyAsync(GeneratedCycles.ReturningHelperProgram(seed));

    /// <summary>The methods of the hand-built program above, one per line, so that a test can put them in another order.</summary>
    private static readonly string[] SiblingMethods = """
        private static void R(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/r"); c.MapGet("/", () {|SAUTH0001:=>|} "r"); J(c, d - 1); }
        private static void H(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/h"); c.MapGet("/", () {|SAUTH0001:=>|} "h"); Q(c, d - 1); Qp(c, d - 1); }
        private static void Q(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/q"); c.MapGet("/", () {|SAUTH0001:=>|} "q"); H(c, d - 1); J(c, d - 1); }
        private static void Qp(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/qp"); c.MapGet("/", () {|SAUTH0001:=>|} "qp"); J(c, d - 1); }
        private static void J(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/j"); c.MapGet("/", () {|SAUTH0001:=>|} "j"); R(c, d - 1); Q(c, d - 1); }
        """.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    // Finding 1: the same program asked in several orders. The analyzer asks about endpoints in an order it chooses (by
    // declaration, or concurrently); the methods declared in another order are asked about in another, and every order
    // must give the same answers: each endpoint reported, since only an open group enters the cycle.
    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 4 })]
    [InlineData(new[] { 3, 4, 0, 1, 2 })]
    [InlineData(new[] { 4, 3, 2, 1, 0 })]
    [InlineData(new[] { 1, 3, 0, 4, 2 })]
    [InlineData(new[] { 2, 0, 4, 1, 3 })]
    public Task The_same_cycle_declared_in_another_order_gets_the_same_answers(int[] order) => VerifyAsync(
        "public static class Endpoints\n{\n"
        + string.Concat(order.Select(i => SiblingMethods[i].Trim('\r') + "\n"))
        + "    public static void Map(WebApplication app) => R(app.MapGroup(\"/open\"), 6);\n}\n");
}
