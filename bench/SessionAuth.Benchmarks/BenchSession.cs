using System.Text.Json.Serialization;
using SessionAuth;

namespace SessionAuth.Benchmarks;

/// <summary>A typical session: who, a display name, two roles. The cookie-auth peer carries the same as claims.</summary>
[SessionData]
public sealed record BenchSession(string UserId, string Name, string[] Roles);

[JsonSerializable(typeof(BenchSession))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;

/// <summary>The rule the rule-guarded benchmark asks: a session with the prefect role.</summary>
public sealed class BenchPrefect : ISessionRule<BenchSession>
{
    public static bool Allows(BenchSession session) => Array.IndexOf(session.Roles, "prefect") >= 0;
}
