using Hogwarts.Data;
using Microsoft.AspNetCore.Mvc;
using SessionAuth;

namespace Hogwarts;

/// <summary>
/// House points: awarded (or taken) by prefects from the enhanced form on the students page. Both answers are a redirect
/// back to that page (post/redirect/get), a refused number with a message for the page to show: an enhanced form replaces
/// the whole document with any answer that is not a page.
/// </summary>
public static class HousePoints
{
    /// <summary>The most a prefect may award or take at once.</summary>
    public const int Limit = 50;

    [ServerFunction, RequireSession<Prefect>]
    public static async Task<IResult> Award(House house, int points, [FromServices] HogwartsDb db, CancellationToken cancellationToken)
    {
        if (points is 0 or < -Limit or > Limit)
        {
            return TypedResults.Redirect($"/students/{house}?award=refused");
        }

        await db.AwardPointsAsync(house, points, cancellationToken);
        return TypedResults.Redirect($"/students/{house}");
    }
}
