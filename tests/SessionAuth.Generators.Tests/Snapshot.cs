using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>Approved-file snapshots of generated code, in <c>Snapshots/</c> beside the tests (see <see cref="ApprovedFile"/>).</summary>
internal static class Snapshot
{
    public const string AcceptVariable = ApprovedFile.AcceptVariable;

    private static readonly string SnapshotDirectory = Path.Combine(RepositoryRoot.Path, "tests", "SessionAuth.Generators.Tests", "Snapshots");

    public static void Match(string actual, string name) => ApprovedFile.Match(actual, SnapshotDirectory, name, ".cs");

    /// <summary>Matches the generated TypeScript client of a snapshot's input, in <c>Snapshots/Client/</c>.</summary>
    public static void MatchClient(string actual, string name) => ApprovedFile.Match(actual, Path.Combine(SnapshotDirectory, "Client"), name, ".ts");
}
