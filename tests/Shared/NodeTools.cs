using System.Diagnostics;

namespace SessionAuth.Testing;

/// <summary>
/// Runs node and TypeScript's compiler for the tests that check the generated browser client (linked into each test
/// project that needs it). One place says how <c>tsc</c> is run, so every project checks the client under the same options.
/// </summary>
internal static class NodeTools
{
    /// <summary>The compiler eng/test.sh installs (npm install --prefix tools/typescript typescript@5.9.3).</summary>
    public static string Tsc { get; } = Path.Combine(RepositoryRoot.Path, "tools", "typescript", "node_modules", "typescript", "bin", "tsc");

    /// <summary>Runs <paramref name="program"/> in <paramref name="folder"/> and returns its exit code with its output and errors.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string folder, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>
    /// Type-checks <paramref name="files"/> (paths relative to <paramref name="folder"/>, one compilation) with <c>tsc --noEmit --strict</c> for a browser
    /// module (ES2022, bundler resolution, DOM), library checks on, so the client's declarations are checked too.
    /// </summary>
    public static Task<(int ExitCode, string Output)> TypeCheckAsync(string folder, params string[] files)
    {
        if (!File.Exists(Tsc))
        {
            throw new InvalidOperationException($"TypeScript is not installed at {Tsc}; eng/test.sh installs it (npm install --prefix tools/typescript typescript@5.9.3).");
        }

        string[] options = [Tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler",
            "--lib", "es2022,dom", "--skipLibCheck", "false", "--pretty", "false"];
        return RunAsync(folder, "node", [.. options, .. files]);
    }
}
