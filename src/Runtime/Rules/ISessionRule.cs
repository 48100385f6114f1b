namespace SessionAuth;

/// <summary>
/// What every session rule is: the constraint of <see cref="RequireSessionAttribute{TRule}"/>. Do not implement it
/// directly; implement <see cref="ISessionRule{TSession}"/> or <see cref="ISessionRule{TSession, TArgument}"/>, whose
/// static <c>Allows</c> the guard calls.
/// </summary>
public interface ISessionRule;

/// <summary>
/// A rule over the signed-in user's session, named in <see cref="RequireSessionAttribute{TRule}"/>: the endpoint runs
/// only when a session exists and <see cref="Allows"/> returns <see langword="true"/> for it.
/// </summary>
/// <typeparam name="TSession">The app's <see cref="SessionDataAttribute">[SessionData]</see> type.</typeparam>
/// <example>
/// <code>
/// public sealed class Prefect : ISessionRule&lt;UserSession&gt;
/// {
///     public static bool Allows(UserSession user) => user.IsPrefect;
/// }
/// </code>
/// </example>
public interface ISessionRule<in TSession> : ISessionRule
{
    /// <summary>Whether the session may use the endpoint. Called once per request, after the session is opened.</summary>
    /// <param name="session">The request's session data; never <see langword="null"/>.</param>
    static abstract bool Allows(TSession session);
}

/// <summary>
/// A rule over the session and one bound argument of the endpoint, named by
/// <see cref="RequireSessionAttribute{TRule}.Argument"/>: the endpoint runs only when <see cref="Allows"/> returns
/// <see langword="true"/> for the session and the value the endpoint binds for that argument (a server function's or an
/// MVC action's bound parameter; a minimal API's or a Razor component's route or query value).
/// </summary>
/// <typeparam name="TSession">The app's <see cref="SessionDataAttribute">[SessionData]</see> type.</typeparam>
/// <typeparam name="TArgument">The type of the argument the rule reads.</typeparam>
/// <example>
/// <code>
/// public sealed class OwnHouse : ISessionRule&lt;UserSession, House&gt;
/// {
///     public static bool Allows(UserSession user, House house) => user.House == house;
/// }
/// </code>
/// </example>
public interface ISessionRule<in TSession, in TArgument> : ISessionRule
{
    /// <summary>Whether the session may use the endpoint with this argument. Called once per request.</summary>
    /// <param name="session">The request's session data; never <see langword="null"/>.</param>
    /// <param name="argument">The bound value of the parameter <see cref="RequireSessionAttribute{TRule}.Argument"/> names.</param>
    static abstract bool Allows(TSession session, TArgument argument);
}
