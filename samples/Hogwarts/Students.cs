using Hogwarts.Data;
using Microsoft.AspNetCore.Mvc;
using SessionAuth;

namespace Hogwarts;

/// <summary>
/// The seed's <c>getStudents</c>: a house's students and points, for the students page's script to call through the
/// generated client (<c>Students.list(house)</c>) when the user switches house. The page renders the same roll on the
/// server, so its links work without JavaScript.
/// </summary>
[RequireSession]
public static class Students
{
    [ServerFunction]
    public static Task<HouseRoll> List(House house, [FromServices] HogwartsDb db, CancellationToken cancellationToken) =>
        HouseRoll.LoadAsync(db, house, cancellationToken);
}

/// <summary>A house as the students page shows it: its points and its students, by name.</summary>
public sealed record HouseRoll(House House, int Points, IReadOnlyList<Student> Students)
{
    public static async Task<HouseRoll> LoadAsync(HogwartsDb db, House house, CancellationToken cancellationToken) =>
        new(house, await db.GetPointsAsync(house, cancellationToken), await db.GetStudentsAsync(house, cancellationToken));
}
