using System.Diagnostics;
using System.Security.Cryptography;

namespace SessionAuth.PackageTests;

/// <summary>An app started as its own process on 127.0.0.1 and a free port, in Production with a random SESSION_SECRET.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private const string Listening = "Now listening on: ";
    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="fileName">The program: <c>dotnet</c>, or a native executable.</param>
    /// <param name="assembly">The app's assembly for <c>dotnet</c>; <see langword="null"/> for a native executable.</param>
    public static async Task<AppProcess> StartAsync(string fileName, string? assembly = null)
    {
        var arguments = assembly is null ? "--urls http://127.0.0.1:0" : $"\"{assembly}\" --urls http://127.0.0.1:0";
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = Path.GetDirectoryName(assembly ?? fileName)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["SESSION_SECRET"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var at = line.IndexOf(Listening, StringComparison.Ordinal);
            if (at >= 0)
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new AppProcess(process, new Uri(line[(at + Listening.Length)..].Trim()));
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The app stopped before listening: " + await process.StandardError.ReadToEndAsync(CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
