using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SessionAuth.Tests.ServerStore;

/// <summary>
/// A real redis-server of our own on 127.0.0.1 and a free port, without persistence, stopped with the test class.
/// <see cref="Freeze"/> stops the process (SIGSTOP) the way a hung or partitioned server looks to clients: connections
/// stay open and nothing answers. <see cref="Thaw"/> lets it go on with its data intact.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private static readonly string[] ExecutableLocations = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    private Process? _process;

    public int Port { get; private set; }

    /// <summary>StackExchange.Redis configuration: short timeouts, and reconnect rather than fail when the server is away.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000";

    public async Task InitializeAsync()
    {
        var executable = ExecutableLocations.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed. eng/test.sh installs it on Debian (apt-get install redis-server); install it and run the tests again.");

        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await PingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not start on 127.0.0.1:{Port}.");
            }

            await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            Thaw();
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    public void Freeze() => Signal("-STOP");

    public void Thaw() => Signal("-CONT");

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {_process.Id} failed with exit code {kill.ExitCode}.");
        }
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
