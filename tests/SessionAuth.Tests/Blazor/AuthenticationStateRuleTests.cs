using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Blazor;

/// <summary>
/// The rules that guard endpoints, asked in component code about the session behind a Blazor authentication state: the
/// identity of a real signed-in request, as static rendering and circuits get it. No session, no rule allows.
/// </summary>
public sealed class AuthenticationStateRuleTests
{
    public static TheoryData<string, bool, bool, bool> Users => new()
    {
        // user, Prefect, OwnHouse(Gryffindor), OwnHouse(Slytherin)
        { "percy", true, true, false },
        { "harry", false, true, false },
        { "draco", false, false, true },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task A_rule_asked_in_a_component_judges_the_session_behind_the_authentication_state(string name, bool prefect, bool gryffindor, bool slytherin)
    {
        await using var app = await SessionIdentityApp.StartAsync(serverStore: false);
        var state = new AuthenticationState(await app.SignedInUserAsync(name));

        Assert.Equal(name, state.GetSession<UserSession>()?.Name);
        Assert.Equal(prefect, state.Allows<Prefect, UserSession>());
        Assert.Equal(gryffindor, state.Allows<OwnHouse, UserSession, House>(House.Gryffindor));
        Assert.Equal(slytherin, state.Allows<OwnHouse, UserSession, House>(House.Slytherin));
    }

    public static TheoryData<string, ClaimsPrincipal> IdentitiesWithoutASession => new()
    {
        { "anonymous", new ClaimsPrincipal(new ClaimsIdentity()) },

        // What WebAssembly's deserialized state, or another scheme, gives: the same claims, but no session behind them.
        { "claims only", new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "percy")], "SessionAuth")) },
    };

    [Theory]
    [MemberData(nameof(IdentitiesWithoutASession))]
    public void No_rule_allows_an_identity_without_a_session(string identity, ClaimsPrincipal user)
    {
        var state = new AuthenticationState(user);

        Assert.Null(state.GetSession<UserSession>());
        Assert.False(state.Allows<Prefect, UserSession>(), identity);
        Assert.False(state.Allows<OwnHouse, UserSession, House>(House.Gryffindor), identity);
    }
}
