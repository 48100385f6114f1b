using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth.TestApp;

/// <summary>
/// Server functions at the edges of what the generated client sends and reads: results declared nullable that return
/// null, and route values of one segment and of a catch-all, which the client must send unchanged or refuse. Left out
/// of the OpenAPI snapshot.
/// </summary>
[AllowAnonymous]
public static class ClientEdgeFunctions
{
    /// <summary>Declared <c>Promise&lt;Wand | null&gt;</c>; <c>Ok&lt;T&gt;</c> writes no body at all for a null value.</summary>
    [ServerFunction, ExcludeFromDescription]
    public static Ok<Wand?> NoWand() => TypedResults.Ok<Wand?>(null);

    /// <summary>Declared <c>Promise&lt;Wand | null&gt;</c>, a plain JSON return.</summary>
    [ServerFunction, ExcludeFromDescription]
    public static Wand? NoWandAsJson() => null;

    /// <summary>Echoes a route value of one segment as the function received it.</summary>
    [ServerFunction("/client-edges/names/{name}", Method = "GET"), ExcludeFromDescription]
    public static string Name(string name) => name;

    /// <summary>Echoes a catch-all route value as the function received it.</summary>
    [ServerFunction("/client-edges/paths/{**path}", Method = "GET"), ExcludeFromDescription]
    public static string Path(string? path) => path ?? "(none)";
}
