using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth.Tests;

/// <summary>
/// Over HTTP, how a route group reached through a local or a property is guarded at run time (the analyzer side is in
/// tests/SessionAuth.Analyzers.Tests: VariableWriteFlowTests, MemberValueFlowTests, BranchMergeFlowTests): a guard applies to the group the value holds when
/// it runs, and a property that makes a group per read gives a new one each time.
/// </summary>
public sealed class GroupValueFlowHttpTests
{
    // SAUTH0001 reports it: VariableWriteFlowTests.A_group_swapped_by_a_deconstruction_after_the_guard_leaves_the_endpoint_open.

    [Fact]
    public async Task A_group_swapped_by_a_deconstruction_after_the_guard_answers_anyone()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            var admin = app.MapGroup("/admin");
            var open = app.MapGroup("/open");
            admin.RequireAuthorization();
            (admin, open) = (open, admin);
            admin.MapGet("/x", () => "open to anyone");
        });
        using var http = CookieAuthApp.Client(app);

        using var response = await http.GetAsync(new Uri("/open/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("open to anyone", await response.Content.ReadAsStringAsync());
    }

    // SAUTH0001 reports it: MemberValueFlowTests.A_computed_static_property_that_makes_a_group_per_read_is_not_guarded_by_a_guard_on_another_read.

    [Fact]
    public async Task A_guard_on_one_read_of_a_computed_group_property_does_not_reach_the_group_of_the_next_read()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            var api = new ComputedApi(app);
            api.Group.RequireAuthorization();
            api.Group.MapGet("/x", () => "open to anyone");
        });
        using var http = CookieAuthApp.Client(app);

        using var response = await http.GetAsync(new Uri("/api/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // SAUTH0001 is silent: BranchMergeFlowTests.Groups_made_and_mapped_on_through_one_local_in_each_branch_and_guarded_after_it_are_guarded.

    [Fact]
    public async Task A_guard_after_an_if_else_reaches_the_group_each_branch_made_and_mapped_on()
    {
        static void Map(WebApplication app, bool v2)
        {
            RouteGroupBuilder group;
            if (v2)
            {
                group = app.MapGroup("/v2");
                group.MapGet("/x", () => "signed in");
            }
            else
            {
                group = app.MapGroup("/v1");
                group.MapGet("/x", () => "signed in");
            }

            group.RequireAuthorization();
        }

        await using var v1 = await CookieAuthApp.StartAsync(app => Map(app, v2: false));
        await using var v2 = await CookieAuthApp.StartAsync(app => Map(app, v2: true));
        using var v1Client = CookieAuthApp.Client(v1);
        using var v2Client = CookieAuthApp.Client(v2);

        using var first = await v1Client.GetAsync(new Uri("/v1/x", UriKind.Relative));
        using var second = await v2Client.GetAsync(new Uri("/v2/x", UriKind.Relative));

        CookieAuthApp.AssertChallenged(first);
        CookieAuthApp.AssertChallenged(second);
    }

    /// <summary>A holder whose group property makes a new group each time it is read.</summary>
    private sealed class ComputedApi(WebApplication app)
    {
        public RouteGroupBuilder Group => app.MapGroup("/api");
    }
}
