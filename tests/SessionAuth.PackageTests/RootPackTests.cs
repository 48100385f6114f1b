namespace SessionAuth.PackageTests;

/// <summary>
/// A team that runs <c>dotnet pack</c> at the repository root (which packs the solution) gets exactly the one SessionAuth
/// package: the generator and code fixes travel inside it, and samples, tests and benchmarks are not packages.
/// </summary>
public sealed class RootPackTests : IDisposable
{
    private const string Version = "0.0.0-root-pack";

    private readonly string _work = Path.Combine(Path.GetTempPath(), $"sessionauth-root-pack-{Guid.NewGuid():N}");

    [Fact]
    public void Packing_the_repository_root_makes_the_one_SessionAuth_package_without_an_error_or_a_warning()
    {
        var output = Path.Combine(_work, "packages");

        // Its own artifacts path: the pack must not rebuild the bin folders the other test projects are running from.
        // A whole-solution build, beside the other test runs: the bound is for a hang, not a measure.
        var (exitCode, log) = ConsumerFixture.Run(
            "dotnet",
            $"pack -c Release -o \"{output}\" -p:Version={Version} --artifacts-path \"{Path.Combine(_work, "build")}\"",
            ConsumerFixture.RepositoryRoot,
            TimeSpan.FromMinutes(20));

        Assert.True(exitCode == 0, log);
        var problems = log.Split('\n').Where(line => line.Contains(" warning ", StringComparison.Ordinal) || line.Contains(" error ", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Equal([$"SessionAuth.{Version}.nupkg", $"SessionAuth.{Version}.snupkg"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is under the temp directory.
        }
    }
}
