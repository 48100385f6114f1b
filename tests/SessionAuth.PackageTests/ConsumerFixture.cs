using System.Diagnostics;
using System.Text;

namespace SessionAuth.PackageTests;

/// <summary>
/// Packs the repository root (as a team running <c>dotnet pack</c> there would) with a version of its own into a folder
/// feed, and copies tests/Consumer (a project that knows nothing of this repository) next to a NuGet.config that adds the
/// feed. Packages restore into a folder of this run, so no cached package can stand in for the one just packed. One pack
/// serves every test of the collection: a pack builds the runtime, the generator, the code fixes and the build task.
/// </summary>
public sealed class ConsumerFixture : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"sessionauth-consumer-{Guid.NewGuid():N}");

    public ConsumerFixture()
    {
        Directory.CreateDirectory(_work);
        Version = $"0.1.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var feed = Path.Combine(_work, "feed");

        // Its own artifacts path: the pack must not rebuild the bin folders the other test projects are running from.
        // A whole-solution pack, beside the other test runs: the bound is for a hang, not a measure.
        var pack = Run(
            "dotnet",
            $"pack -c Release -o \"{feed}\" -p:Version={Version} --artifacts-path \"{Path.Combine(_work, "build")}\"",
            RepositoryRoot,
            TimeSpan.FromMinutes(20));
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
        }

        PackOutput = pack.Output;
        PackageFiles = Directory.GetFiles(feed).Select(Path.GetFileName).ToList()!;
        PackageFeed = feed;
    }

    public static string RepositoryRoot => SessionAuth.Testing.RepositoryRoot.Path;

    public string Version { get; }

    public string PackageFeed { get; }

    /// <summary>Every file the pack of the repository root wrote into the feed.</summary>
    public IReadOnlyList<string> PackageFiles { get; }

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public string PackOutput { get; }

    /// <summary>A fresh copy of the consumer, with the feed, and optionally an .editorconfig of the user's.</summary>
    public string CopyConsumer(string name, string? editorConfig = null)
    {
        var target = Path.Combine(_work, name);
        CopyDirectory(Path.Combine(RepositoryRoot, "tests", "Consumer"), target);
        File.WriteAllText(Path.Combine(target, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="sessionauth-local" value="{PackageFeed}" />
              </packageSources>
            </configuration>
            """);
        if (editorConfig is not null)
        {
            File.WriteAllText(Path.Combine(target, ".editorconfig"), editorConfig);
        }

        return Path.Combine(target, "ConsumerApp");
    }

    public (int ExitCode, string Output) Build(string project, string arguments = "") =>
        Run("dotnet", $"build -c Release -p:SessionAuthVersion={Version} -p:RestorePackagesPath=\"{Path.Combine(_work, "packages")}\" {arguments}", project);

    public static (int ExitCode, string Output) Run(string fileName, string arguments, string workingDirectory, TimeSpan? timeout = null)
    {
        // A guard against a hung process, not a measure of speed: a pack or build on a loaded two-core machine has taken
        // over five minutes.
        timeout ??= TimeSpan.FromMinutes(15);
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout.Value))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish in {timeout.Value.TotalMinutes} minutes.");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
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

    private static void CopyDirectory(string source, string target)
    {
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories).Where(d => !IsBuildOutput(d)))
        {
            Directory.CreateDirectory(directory.Replace(source, target, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            File.Copy(file, file.Replace(source, target, StringComparison.Ordinal), overwrite: true);
        }
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin", StringComparison.Ordinal) || path.Contains($"{Path.DirectorySeparatorChar}obj", StringComparison.Ordinal);
}

/// <summary>The tests that build consumers of the package: one pack serves them all, and their builds run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ConsumerBuilds : ICollectionFixture<ConsumerFixture>
{
    public const string Name = "Consumers of the package";
}
