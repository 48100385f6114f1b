namespace SessionAuth.Generators.Parsing;

/// <summary>Why a server function cannot be generated; the analyzer turns it into a diagnostic, the generator skips the method.</summary>
internal abstract record ServerFunctionProblem
{
    private protected ServerFunctionProblem()
    {
    }

    /// <summary>SAUTH0003: the generated code cannot call or bind the method.</summary>
    /// <param name="Reason">The reason, worded to finish "Server function X cannot be generated: ...".</param>
    public sealed record CannotBeBuilt(string Reason) : ServerFunctionProblem;

    /// <summary>SAUTH0004: a parameter takes the session data, non-nullable, on a function that does not require a session.</summary>
    /// <param name="ParameterName">The session data parameter.</param>
    /// <param name="SessionDataTypeName">The session data type's name, for the message.</param>
    public sealed record UnguardedSessionData(string ParameterName, string SessionDataTypeName) : ServerFunctionProblem;
}
