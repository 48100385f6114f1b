using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 for builders made on a cycle of the control flow graph (any loop: do/while, while(true), for(;;), goto): a
/// creation site that runs again makes another builder, so a guard through a local reaches only the builder it holds at
/// that point. A guard after the loop, or one on the builder of an earlier iteration, leaves the other iterations'
/// builders open; a guard in the same iteration, after the builder was made, guards each of them.
/// </summary>
public sealed class LoopIterationFlowTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    // The local holds only the loop's creation after the loop (it is assigned on every path), yet each iteration made one.

    [Fact]
    public Task A_group_made_in_a_do_while_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] tenants)
            {
                RouteGroupBuilder tenant;
                var i = 0;
                do
                {
                    tenant = app.MapGroup("/" + tenants[i]);
                    tenant.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
                }
                while (++i < tenants.Length);

                tenant.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task An_endpoint_mapped_in_a_do_while_loop_and_guarded_after_it_leaves_the_earlier_endpoints_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] paths)
            {
                RouteHandlerBuilder endpoint;
                var i = 0;
                do
                {
                    endpoint = app.MapGet(paths[i], () {|SAUTH0001:=>|} "open");
                }
                while (++i < paths.Length);

                endpoint.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_group_a_helper_makes_in_a_do_while_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] tenants)
            {
                RouteGroupBuilder group;
                var i = 0;
                do
                {
                    group = Tenant(app, tenants[i]);
                }
                while (++i < tenants.Length);

                group.RequireAuthorization();
            }

            private static RouteGroupBuilder Tenant(WebApplication app, string name)
            {
                var group = app.MapGroup(name);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
                return group;
            }
        }
        """);

    [Fact]
    public Task A_group_made_in_a_while_true_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, System.Collections.Generic.Queue<string> tenants)
            {
                RouteGroupBuilder tenant;
                while (true)
                {
                    tenant = app.MapGroup("/" + tenants.Dequeue());
                    tenant.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
                    if (tenants.Count == 0)
                    {
                        break;
                    }
                }

                tenant.RequireAuthorization();
            }
        }
        """);

    // A field (or auto-property) is one value to the flow: a guard on it is credited to every group ever written to it.

    [Fact]
    public Task A_nested_group_made_in_a_do_while_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] names)
            {
                var outer = app.MapGroup("/o");
                RouteGroupBuilder inner;
                var i = 0;
                do { inner = outer.MapGroup(names[i]); inner.MapGet("/x", () {|SAUTH0001:=>|} "x"); } while (++i < names.Length);
                inner.RequireAuthorization();
            }
        }
        """);

    // A finally block always runs: the endpoint is mapped on the group it made. (Like a catch block, its region has no
    // predecessor in the control flow graph, so the flow never enters it.)

    // The same class built with a label and goto, a for(;;) with break, and a guard that reaches only the group an
    // earlier iteration made.

    [Fact]
    public Task A_group_made_in_a_goto_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, System.Collections.Generic.Queue<string> tenants)
            {
                RouteGroupBuilder tenant;
            next:
                tenant = app.MapGroup("/" + tenants.Dequeue());
                tenant.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
                if (tenants.Count > 0)
                {
                    goto next;
                }

                tenant.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_group_made_in_a_for_ever_loop_left_by_break_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, System.Collections.Generic.Queue<string> tenants)
            {
                RouteGroupBuilder tenant;
                for (;;)
                {
                    tenant = app.MapGroup("/" + tenants.Dequeue());
                    tenant.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
                    if (tenants.Count == 0)
                    {
                        break;
                    }
                }

                tenant.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_guard_on_the_group_of_the_previous_iteration_is_credited_to_no_group() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] tenants)
            {
                RouteGroupBuilder tenant = app.MapGroup("/first").RequireAuthorization();
                var i = 0;
                do
                {
                    tenant.RequireAuthorization();
                    tenant = app.MapGroup("/" + tenants[i]);
                    tenant.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
                }
                while (++i < tenants.Length);
            }
        }
        """);

    [Fact]
    public Task A_group_made_and_guarded_in_the_same_iteration_of_a_do_while_loop_is_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] tenants)
            {
                RouteGroupBuilder tenant;
                var i = 0;
                do
                {
                    tenant = app.MapGroup("/" + tenants[i]);
                    tenant.RequireAuthorization();
                    tenant.MapGet("/orders", () => "orders");
                }
                while (++i < tenants.Length);
            }
        }
        """);

    // Loops over listed groups (new[] { a, b }): the loop variable holds each listed group, and a body that guards it on
    // every pass guards each; a break that ends a switch inside the body ends no pass.

    [Fact]
    public Task AllowAnonymous_in_a_loop_over_listed_groups_leaves_the_session_data_null() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var members = app.MapGroup("/members").RequireSession();
                var open = members.MapGroup("/open");
                foreach (var g in new[] { open })
                {
                    g.AllowAnonymous();
                }

                open.MapGet("/me", (UserSession {|SAUTH0004:user|}) => user.Name);
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task A_break_that_leaves_a_switch_in_a_loop_over_listed_groups_does_not_skip_the_guard() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, int mode)
            {
                var admin = app.MapGroup("/admin");
                var reports = app.MapGroup("/reports");
                admin.MapGet("/x", () => "guarded");
                reports.MapGet("/y", () => "guarded");
                foreach (var g in new[] { admin, reports })
                {
                    switch (mode)
                    {
                        case 1:
                            g.WithTags("one");
                            break;
                        default:
                            g.WithTags("other");
                            break;
                    }

                    g.RequireAuthorization();
                }
            }
        }
        """);

    [Fact]
    public Task A_continue_of_a_nested_loop_in_a_loop_over_listed_groups_does_not_skip_the_guard() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] tags)
            {
                var admin = app.MapGroup("/admin");
                var reports = app.MapGroup("/reports");
                admin.MapGet("/x", () => "guarded");
                reports.MapGet("/y", () => "guarded");
                foreach (var g in new[] { admin, reports })
                {
                    foreach (var tag in tags)
                    {
                        if (tag.Length == 0)
                        {
                            continue;
                        }

                        g.WithTags(tag);
                    }

                    g.RequireAuthorization();
                }
            }
        }
        """);

    [Fact]
    public Task A_break_that_leaves_a_loop_over_listed_groups_skips_the_guard() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, int mode)
            {
                var admin = app.MapGroup("/admin");
                var reports = app.MapGroup("/reports");
                admin.MapGet("/x", () {|SAUTH0001:=>|} "open");
                reports.MapGet("/y", () {|SAUTH0001:=>|} "open");
                foreach (var g in new[] { admin, reports })
                {
                    if (mode == 1)
                    {
                        break;
                    }

                    g.RequireAuthorization();
                }
            }
        }
        """);

    [Fact]
    public Task Endpoints_mapped_through_the_variable_of_a_loop_over_guarded_listed_groups_are_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var admin = app.MapGroup("/admin").RequireAuthorization();
                var reports = app.MapGroup("/reports").RequireAuthorization();
                foreach (var g in new[] { admin, reports })
                {
                    g.MapGet("/x", () => "guarded");
                }
            }
        }
        """);

    [Fact]
    public Task AllowAnonymous_under_a_condition_in_a_loop_over_listed_groups_leaves_the_session_data_null() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool open)
            {
                var members = app.MapGroup("/members").RequireSession();
                var a = members.MapGroup("/a");
                var b = members.MapGroup("/b");
                foreach (var g in new[] { a, b })
                {
                    if (open)
                    {
                        g.AllowAnonymous();
                    }
                }

                b.MapGet("/me", (UserSession {|SAUTH0004:user|}) => user.Name);
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);
}
