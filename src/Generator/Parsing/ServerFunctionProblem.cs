namespace SessionAuth.Generators.Parsing;

/// <summary>Why a server function cannot be generated; the analyzer turns it into a diagnostic, the generator skips the method.</summary>
/// <param name="Reason">The reason, worded to finish "Server function X cannot be generated: ...".</param>
/// <param name="UnguardedSessionData">For SAUTH0004: the session data parameter on an unguarded function.</param>
/// <param name="SessionDataTypeName">For SAUTH0004: the session data type's name.</param>
internal sealed record ServerFunctionProblem(string Reason, string? UnguardedSessionData = null, string? SessionDataTypeName = null);
