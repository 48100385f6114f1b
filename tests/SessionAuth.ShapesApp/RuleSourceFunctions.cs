using Microsoft.AspNetCore.Mvc;
using SessionAuth.TestApp;

namespace SessionAuth.ShapesApp;

/// <summary>
/// Server functions that bind <c>house</c> from each source a server function can bind it from, for rules a route group
/// adds over <c>house</c> (RuleArgumentSourceTests): the rule must judge the value each one binds.
/// </summary>
public static class R16Sources
{
    /// <summary>From the query string (a GET binds a simple parameter there).</summary>
    [ServerFunction(Method = "GET"), RequireSession]
    public static string FromQuery(House? house, UserSession user) => house is null ? "own notices" : $"{house} notices";

    /// <summary>From a header named <c>house</c>.</summary>
    [ServerFunction, RequireSession]
    public static string FromHeader([FromHeader(Name = "house")] House? notices, UserSession user) => notices is null ? "own notices" : $"{notices} notices";

    /// <summary>From a form field (a POST's simple parameter binds from the JSON body or the form).</summary>
    [ServerFunction, RequireSession]
    public static string FromBody(House? house, UserSession user) => house is null ? "own notices" : $"{house} notices";

    /// <summary>Open to anyone: [AllowAnonymous] opens it to its group's rules, whatever house it binds.</summary>
    [ServerFunction, Microsoft.AspNetCore.Authorization.AllowAnonymous]
    public static string Open(House? house) => house is null ? "open notices" : $"{house} open notices";

    /// <summary>Takes no house: a group's rule judges the route or query value.</summary>
    [ServerFunction, RequireSession]
    public static string NoHouse(UserSession user) => $"{user.Name}'s notices";
}
