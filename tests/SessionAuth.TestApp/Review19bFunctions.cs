using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth.TestApp;

/// <summary>Review of issue 19 (r19b): results whose declared client type is nullable, returning null. Left out of the OpenAPI snapshot.</summary>
[AllowAnonymous]
public static class Review19bFunctions
{
    /// <summary>Declared <c>Promise&lt;Wand | null&gt;</c>; <c>Ok&lt;T&gt;</c> writes no body at all for a null value.</summary>
    [ServerFunction, ExcludeFromDescription]
    public static Ok<Wand?> NoWand() => TypedResults.Ok<Wand?>(null);

    /// <summary>Declared <c>Promise&lt;Wand | null&gt;</c>, a plain JSON return.</summary>
    [ServerFunction, ExcludeFromDescription]
    public static Wand? NoWandAsJson() => null;
}
