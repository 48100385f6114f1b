using Hogwarts.Data;
using SessionAuth;

namespace Hogwarts;

/// <summary>
/// What the sealed cookie carries: who is logged in, their house, and whether they are a prefect. Everything else is
/// read from the database.
/// </summary>
[SessionData]
public sealed record UserSession(int UserId, string Name, House House, bool IsPrefect);

/// <summary>What the browser may see of the session: the name only.</summary>
public sealed record UserView(string Name)
{
    public static UserView Of(UserSession user) => new(user.Name);
}
