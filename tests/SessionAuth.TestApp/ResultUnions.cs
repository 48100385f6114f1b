using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SessionAuth.TestApp;

/// <summary>
/// Server functions returning a <c>Results&lt;…&gt;</c> union with results that carry no value (BadRequest, NotFound,
/// NoContent, Unauthorized, Conflict, UnprocessableEntity): the OpenAPI document describes each (review 22e, finding 6).
/// </summary>
[AllowAnonymous]
public static class ResultUnions
{
    [ServerFunction("/unions/checked", Method = "GET")]
    public static Results<Ok<Wand>, BadRequest> Checked(string wood) =>
        wood.Length == 0 ? TypedResults.BadRequest() : TypedResults.Ok(new Wand(wood, 11, new Core("dragon", [])));

    [ServerFunction("/unions/any-of-five", Method = "GET")]
    public static Results<Ok<int>, BadRequest, NotFound, NoContent, UnauthorizedHttpResult> AnyOfFive(int which) => which switch
    {
        1 => TypedResults.BadRequest(),
        2 => TypedResults.NotFound(),
        3 => TypedResults.NoContent(),
        4 => TypedResults.Unauthorized(),
        _ => TypedResults.Ok(which),
    };

    [ServerFunction("/unions/refused")]
    public static Task<Results<NoContent, Conflict, UnprocessableEntity, BadRequest<string>>> Refused(int which) =>
        Task.FromResult<Results<NoContent, Conflict, UnprocessableEntity, BadRequest<string>>>(which switch
        {
            1 => TypedResults.Conflict(),
            2 => TypedResults.UnprocessableEntity(),
            3 => TypedResults.BadRequest("no"),
            _ => TypedResults.NoContent(),
        });
}
