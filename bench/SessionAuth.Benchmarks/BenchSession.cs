using System.Text.Json.Serialization;
using SessionAuth;

namespace SessionAuth.Benchmarks;

/// <summary>A typical session: who, a display name, two roles. The cookie-auth peer carries the same as claims.</summary>
[SessionData]
public sealed record BenchSession(string UserId, string Name, string[] Roles);

[JsonSerializable(typeof(BenchSession))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
