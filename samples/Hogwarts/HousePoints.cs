using Hogwarts.Data;
using SessionAuth;

namespace Hogwarts;

/// <summary>House points: awarded (or taken) by prefects from a plain HTML form on the students page.</summary>
public static class HousePoints
{
    /// <summary>The most a prefect may award or take at once.</summary>
    public const int Limit = 50;

    [ServerFunction, RequireSession<Prefect>]
    public static async Task<IResult> Award(House house, int points, HogwartsDb db, CancellationToken cancellationToken)
    {
        if (points is 0 or < -Limit or > Limit)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"points must be between -{Limit} and {Limit}, and not 0.");
        }

        await db.AwardPointsAsync(house, points, cancellationToken);
        return TypedResults.Redirect($"/students/{house}");
    }
}
