using System.Text.RegularExpressions;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Every public member of <c>SessionAuth.Infrastructure</c> is a promise to users, kept only because generated code calls
/// it: each one listed in the runtime's PublicAPI files must appear in at least one approved snapshot, so the surface
/// cannot grow without a generated caller.
/// </summary>
public sealed partial class PublicSurfaceTests
{
    private static readonly string RuntimeDirectory = Path.Combine(RepositoryRoot.Path, "src", "Runtime");
    private static readonly string SnapshotDirectory = Path.Combine(RepositoryRoot.Path, "tests", "SessionAuth.Generators.Tests", "Snapshots");

    /// <summary>
    /// A PublicAPI line of the Infrastructure namespace: its modifiers, the type, and the member if the line is one
    /// (<c>static SessionAuth.Infrastructure.ParameterBinding.Enum&lt;T&gt;(...)</c>, <c>SessionAuth.Infrastructure.ArgumentSource.Body = 2</c>).
    /// </summary>
    [GeneratedRegex(@"^(?<modifiers>(?:(?:static|const|abstract|override|virtual|readonly|sealed) )*)SessionAuth\.Infrastructure\.(?<type>\w+)(?:<[^>]*>)?(?:\.(?<member>\w+))?(?<rest>.*)$")]
    private static partial Regex InfrastructureLine();

    private static IEnumerable<string> ReadInfrastructureLines() =>
        Directory.GetFiles(RuntimeDirectory, "PublicAPI.*.txt").SelectMany(File.ReadLines).Where(line => InfrastructureLine().IsMatch(line));

    public static TheoryData<string> InfrastructureLines() => [.. ReadInfrastructureLines()];

    private static readonly Lazy<string> Snapshots = new(() =>
        string.Join('\n', Directory.GetFiles(SnapshotDirectory, "*.approved.cs").Select(File.ReadAllText)));

    [Theory]
    [MemberData(nameof(InfrastructureLines))]
    public void Every_public_infrastructure_member_is_called_by_generated_code(string publicApiLine)
    {
        var match = InfrastructureLine().Match(publicApiLine);
        var type = match.Groups["type"].Value;
        var member = match.Groups["member"].Success ? match.Groups["member"].Value : null;
        var modifiers = match.Groups["modifiers"].Value;
        var isStatic = modifiers.Contains("static", StringComparison.Ordinal) || modifiers.Contains("const", StringComparison.Ordinal)
            || match.Groups["rest"].Value.StartsWith(" = ", StringComparison.Ordinal);

        if (member is null)
        {
            // A type is kept for generated code when it names it, or when a member it calls has the type in its
            // signature (ServerFunctionArguments reaches generated lambdas as a parameter, never by name).
            var inSignatures = ReadInfrastructureLines().Any(line => line != publicApiLine && line.Contains($"SessionAuth.Infrastructure.{type}", StringComparison.Ordinal));
            Assert.True(
                Snapshots.Value.Contains($"SessionAuth.Infrastructure.{type}", StringComparison.Ordinal) || inSignatures,
                $"No approved snapshot uses {type}, and no member generated code calls mentions it; make it internal.");
        }
        else
        {
            // A static member is called through its type; an instance member through some value of it.
            var usage = isStatic ? $@"SessionAuth\.Infrastructure\.{type}\.{member}\b" : $@"\w\.{member}\b";
            Assert.True(Regex.IsMatch(Snapshots.Value, usage), $"No approved snapshot uses {type}.{member}; make it internal, or say why generated code needs it.");
        }
    }

    [Fact]
    public void The_infrastructure_surface_is_read_from_the_public_api_files()
    {
        Assert.True(ReadInfrastructureLines().Count() > 20, "The PublicAPI files list fewer Infrastructure members than generated code calls; is the pattern still right?");
    }
}
