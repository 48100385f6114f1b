#if SKIPPED_BRANCH_NEVER
#define SKIPPED_BRANCH_GUARDS
#endif
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth.Tests;

/// <summary>
/// Over HTTP, groups that reach an endpoint through callers the rule once missed (a cycle of methods entered only with an
/// open group, an interface a base class implements for a derived class, a collection initializer's Add, a guard helper
/// whose [Conditional] symbol is #defined only in a skipped branch) leave it open: it answers 200 to anyone on Kestrel
/// with ASP.NET Core's own authentication and authorization, so SAUTH0001 must fire on each (tests/SessionAuth.Analyzers.Tests).
/// </summary>
public sealed class HiddenCallerOpenGroupHttpTests
{
    // SAUTH0001 was silent on Qp's endpoint: GroupCycleFixedPointTests.A_sibling_question_reusing_an_answer_held_under_a_closed_question_is_not_stored_as_decided.
    [Fact]
    public async Task An_endpoint_of_a_method_in_a_cycle_entered_only_with_an_open_group_answers_anyone()
    {
        await using var app = await CookieAuthApp.StartAsync(app => CycleEndpoints.Map(app));
        using var http = CookieAuthApp.Client(app);

        using var response = await http.GetAsync(new Uri("/open/r/j/q/h/qp/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("qp", await response.Content.ReadAsStringAsync());
    }

    // SAUTH0001 was silent: CallerDiscoveryTests.A_call_through_an_interface_a_base_method_implements_for_a_derived_class_is_a_caller.
    [Fact]
    public async Task A_group_passed_through_an_interface_a_base_class_implements_for_a_derived_class_is_open()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            IModule module = new DerivedModule();
            module.Map(app.MapGroup("/open"));
            new BaseModule().Map(app.MapGroup("/guarded").RequireAuthorization());
        });
        using var http = CookieAuthApp.Client(app);

        using var open = await http.GetAsync(new Uri("/open/x", UriKind.Relative));
        using var guarded = await http.GetAsync(new Uri("/guarded/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        CookieAuthApp.AssertChallenged(guarded);
    }

    // SAUTH0001 was silent: CallerDiscoveryTests.A_collection_initializer_is_a_call_of_Add.
    [Fact]
    public async Task A_group_added_by_a_collection_initializer_is_open()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            var modules = new Modules();
            modules.Add(app.MapGroup("/guarded").RequireAuthorization());
            _ = new Modules { app.MapGroup("/open") };
        });
        using var http = CookieAuthApp.Client(app);

        using var open = await http.GetAsync(new Uri("/open/x", UriKind.Relative));
        using var guarded = await http.GetAsync(new Uri("/guarded/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        CookieAuthApp.AssertChallenged(guarded);
    }

    // SAUTH0001 was silent: PreprocessorDefineTests.A_define_in_a_skipped_preprocessor_branch_does_not_keep_a_Conditional_call.
    // SKIPPED_BRANCH_GUARDS is #defined at the top of this file inside #if SKIPPED_BRANCH_NEVER, which is never defined.
    [Fact]
    public async Task A_Conditional_guard_helper_whose_symbol_is_defined_only_in_a_skipped_branch_guards_nothing()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            var group = app.MapGroup("/admin");
            Secure(group);
            group.MapGet("/x", () => "open to anyone");
        });
        using var http = CookieAuthApp.Client(app);

        using var response = await http.GetAsync(new Uri("/admin/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("open to anyone", await response.Content.ReadAsStringAsync());
    }

    [Conditional("SKIPPED_BRANCH_GUARDS")]
    private static void Secure(RouteGroupBuilder group) => group.RequireAuthorization();

    private interface IModule
    {
        void Map(RouteGroupBuilder group);
    }

    // Instance methods on purpose: one implements an interface for a derived class, the other is what a collection
    // initializer calls.
#pragma warning disable CA1822
    private class BaseModule
    {
        public void Map(RouteGroupBuilder group) => group.MapGet("/x", () => "x");
    }

    private sealed class DerivedModule : BaseModule, IModule;

    private sealed class Modules : System.Collections.IEnumerable
    {
        public void Add(RouteGroupBuilder group) => group.MapGet("/x", () => "x");

        public System.Collections.IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator();
    }
#pragma warning restore CA1822

    /// <summary>The methods of the analyzer test, as written there: R's group is open and every other one is made on it.</summary>
    private static class CycleEndpoints
    {
        public static void Map(WebApplication app) => R(app.MapGroup("/open"), 6);

        private static void R(RouteGroupBuilder g, int d)
        {
            if (d == 0)
            {
                return;
            }

            var c = g.MapGroup("/r");
            c.MapGet("/", () => "r");
            J(c, d - 1);
        }

        private static void H(RouteGroupBuilder g, int d)
        {
            if (d == 0)
            {
                return;
            }

            var c = g.MapGroup("/h");
            c.MapGet("/", () => "h");
            Q(c, d - 1);
            Qp(c, d - 1);
        }

        private static void Q(RouteGroupBuilder g, int d)
        {
            if (d == 0)
            {
                return;
            }

            var c = g.MapGroup("/q");
            c.MapGet("/", () => "q");
            H(c, d - 1);
            J(c, d - 1);
        }

        private static void Qp(RouteGroupBuilder g, int d)
        {
            if (d == 0)
            {
                return;
            }

            var c = g.MapGroup("/qp");
            c.MapGet("/", () => "qp");
            J(c, d - 1);
        }

        private static void J(RouteGroupBuilder g, int d)
        {
            if (d == 0)
            {
                return;
            }

            var c = g.MapGroup("/j");
            c.MapGet("/", () => "j");
            R(c, d - 1);
            Q(c, d - 1);
        }
    }
}
