using Hogwarts.Data;
using SessionAuth;

namespace Hogwarts;

/// <summary>Only prefects award house points. The seed's <c>if (!user.IsPrefect) throw ...</c>, written once, checked by the compiler.</summary>
public sealed class Prefect : ISessionRule<UserSession>
{
    public static bool Allows(UserSession user) => user.IsPrefect;
}

/// <summary>A student enters their own house's common room only: a rule over the session and the route's house.</summary>
public sealed class OwnHouse : ISessionRule<UserSession, House>
{
    public static bool Allows(UserSession user, House house) => user.House == house;
}
