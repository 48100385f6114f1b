using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SessionAuth.Benchmarks.Scale;

/// <summary>One built synthetic app: N endpoints of one kind, with or without an OpenAPI document.</summary>
internal sealed record StartupApp(int Count, string Project, bool OpenApi, string Assembly)
{
    public string Name => $"{Project} N={Count} openapi={(OpenApi ? "on" : "off")}";

    /// <summary>
    /// A real endpoint of the app, answered 200 without a session: the second function of the first module, an
    /// anonymous GET with a query value in both projects (see <see cref="SyntheticProjects"/>).
    /// </summary>
    public string ProbePath => Project == "serverfunctions" ? "/_server/Module0/F1?query=a" : "/m0/f1?query=a";
}

/// <summary>
/// One start of an app: wall time from just before the process is started to the first 200 of a real endpoint, the
/// process's CPU time and resident memory at that moment, and with OpenAPI on the first GET of the document (built
/// lazily, on that request) with the memory after it.
/// </summary>
internal sealed record StartupRun(
    StartupApp App,
    int Repetition,
    double Load,
    double FirstAnswerMs,
    double CpuMs,
    double RssMb,
    double? DocumentMs,
    double? RssAfterDocumentMb,
    int? DocumentPaths);

/// <summary>Starts each synthetic app as <c>dotnet app.dll</c> in Production, as a deployment does.</summary>
internal static class StartupTiming
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);

    private static readonly long ClockTicksPerSecond = ReadClockTicksPerSecond();

    private static readonly string[] Projects = ["serverfunctions", "minimalapis"];

    private static readonly bool[] OpenApiSettings = [false, true];

    /// <summary>The apps bench/startup.sh built under <paramref name="directory"/>, in the order a round starts them.</summary>
    public static IReadOnlyList<StartupApp> Apps(string directory, IEnumerable<int> counts) => (
        from count in counts
        from openApi in OpenApiSettings
        from project in Projects
        select new StartupApp(count, project, openApi, Path.GetFullPath(Path.Combine(directory, $"n{count}", "bin", $"{project}-openapi-{(openApi ? "on" : "off")}", project + ".dll")))).ToArray();

    /// <summary>
    /// Each app once untimed (the disk cache, this process's own HTTP client), then <paramref name="repetitions"/>
    /// rounds in which every app starts once; the order reverses every other round so drift on a shared machine lands
    /// on every side alike.
    /// </summary>
    public static IReadOnlyList<StartupRun> Measure(IReadOnlyList<StartupApp> apps, int repetitions, TextWriter progress)
    {
        var password = "startup-bench-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        foreach (var app in apps)
        {
            var warmUp = MeasureOnce(app, 0, password);
            progress.WriteLine($"warm-up {app.Name}: {warmUp.FirstAnswerMs:F0} ms{(warmUp.DocumentPaths is { } paths ? $", document {warmUp.DocumentMs:F0} ms with {paths} paths" : "")}");
        }

        var runs = new List<StartupRun>();
        for (var repetition = 1; repetition <= repetitions; repetition++)
        {
            var order = repetition % 2 == 1 ? apps : apps.Reverse().ToArray();
            foreach (var app in order)
            {
                var run = MeasureOnce(app, repetition, password);
                runs.Add(run);
                progress.WriteLine($"round {repetition} {app.Name}: first answer {run.FirstAnswerMs:F0} ms (CPU {run.CpuMs:F0} ms), {run.RssMb:F0} MB{(run.DocumentMs is { } document ? $"; document {document:F0} ms, {run.RssAfterDocumentMb:F0} MB" : "")} (load {run.Load:F2})");
            }
        }

        return runs;
    }

    private static StartupRun MeasureOnce(StartupApp app, int repetition, string password)
    {
        var port = FreePort();
        var baseAddress = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(app.Assembly)!,
        };
        info.ArgumentList.Add(app.Assembly);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = baseAddress;
        info.Environment["SessionAuth__Password"] = password;

        // A new connection per attempt: until Kestrel listens, each one is refused at once.
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = StartLimit,
        };
        var output = new StringBuilder();
        var load = ReadLoad();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited || clock.Elapsed > StartLimit)
                {
                    throw new InvalidOperationException($"{app.Name} gave no answer to GET {app.ProbePath} (exited: {process.HasExited}):\n{Output(output)}");
                }

                try
                {
                    using var response = client.GetAsync(baseAddress + app.ProbePath).GetAwaiter().GetResult();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"{app.Name}: GET {app.ProbePath} answered {(int)response.StatusCode}:\n{Output(output)}");
                    }

                    break;
                }
                catch (HttpRequestException)
                {
                    Thread.Sleep(5);
                }
            }

            var firstAnswerMs = clock.Elapsed.TotalMilliseconds;
            var cpuMs = ReadCpuMs(process.Id);
            var rssMb = ReadRssMb(process.Id);
            if (!app.OpenApi)
            {
                return new StartupRun(app, repetition, load, firstAnswerMs, cpuMs, rssMb, null, null, null);
            }

            var documentClock = Stopwatch.StartNew();
            var document = client.GetStringAsync(baseAddress + "/openapi/v1.json").GetAwaiter().GetResult();
            var documentMs = documentClock.Elapsed.TotalMilliseconds;
            var rssAfterDocumentMb = ReadRssMb(process.Id);
            if (repetition == 0)
            {
                // The warm-up's document stays beside the app, to read what each side's document holds.
                File.WriteAllText(Path.Combine(Path.GetDirectoryName(app.Assembly)!, "openapi-v1.json"), document);
            }

            using var json = JsonDocument.Parse(document);
            var paths = json.RootElement.GetProperty("paths").EnumerateObject().Count();
            if (paths != app.Count)
            {
                throw new InvalidOperationException($"{app.Name}: the OpenAPI document lists {paths} paths, not {app.Count}");
            }

            return new StartupRun(app, repetition, load, firstAnswerMs, cpuMs, rssMb, documentMs, rssAfterDocumentMb, paths);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.WaitForExit();
        }
    }

    /// <summary>
    /// The medians per app, and each app's ratio to the minimal APIs of the same N and OpenAPI setting (the ratio of
    /// the medians, and the median and range of the ratios within each round).
    /// </summary>
    public static void WriteSummary(IReadOnlyList<StartupRun> runs, TextWriter csv, TextWriter table)
    {
        csv.WriteLine("n,project,openapi,runs,first_answer_ms,cpu_ms,rss_mb,document_ms,rss_after_document_mb,ratio_first_answer,ratio_first_answer_per_round_median,ratio_first_answer_per_round_min,ratio_first_answer_per_round_max,ratio_cpu_per_round_median,ratio_rss,ratio_document,load_median");
        table.WriteLine("| N | project | OpenAPI | first answer, ms | CPU, ms | RSS, MB | ratio to RDG (per round: median, min–max) | CPU ratio per round (median, min–max) | RSS ratio | document, ms | RSS after, MB | document ratio | load |");
        table.WriteLine("|---:|---|---|---:|---:|---:|---|---|---:|---:|---:|---:|---:|");
        foreach (var group in runs.GroupBy(run => run.App).OrderBy(group => group.Key.Count).ThenBy(group => group.Key.OpenApi).ThenByDescending(group => group.Key.Project))
        {
            var app = group.Key;
            var peer = runs.Where(run => run.App.Count == app.Count && run.App.OpenApi == app.OpenApi && run.App.Project == "minimalapis").ToArray();
            var firstAnswer = Median(group.Select(run => run.FirstAnswerMs));
            var rss = Median(group.Select(run => run.RssMb));
            var cpu = Median(group.Select(run => run.CpuMs));
            double? document = app.OpenApi ? Median(group.Select(run => run.DocumentMs!.Value)) : null;
            double? rssAfterDocument = app.OpenApi ? Median(group.Select(run => run.RssAfterDocumentMb!.Value)) : null;
            var perRound = group.Join(peer, run => run.Repetition, other => other.Repetition, (run, other) => run.FirstAnswerMs / other.FirstAnswerMs).ToArray();

            // CPU time moves less than wall time with what else runs on the machine: its ratio per round is the steadier one.
            var cpuPerRound = group.Join(peer, run => run.Repetition, other => other.Repetition, (run, other) => run.CpuMs / other.CpuMs).ToArray();
            var ratio = firstAnswer / Median(peer.Select(run => run.FirstAnswerMs));
            var rssRatio = rss / Median(peer.Select(run => run.RssMb));
            double? documentRatio = app.OpenApi ? document / Median(peer.Select(run => run.DocumentMs!.Value)) : null;
            var load = Median(group.Select(run => run.Load));
            csv.WriteLine(string.Join(',',
                app.Count, app.Project, app.OpenApi ? "on" : "off", group.Count(), F(firstAnswer), F(cpu), F(rss), F(document), F(rssAfterDocument),
                F(ratio, 2), F(Median(perRound), 2), F(perRound.Min(), 2), F(perRound.Max(), 2), F(Median(cpuPerRound), 2), F(rssRatio, 2), F(documentRatio, 2), F(load, 2)));
            table.WriteLine($"| {app.Count:N0} | {app.Project} | {(app.OpenApi ? "on" : "off")} | {firstAnswer:N0} | {cpu:N0} | {rss:N0} | {ratio:F2}× ({Median(perRound):F2}, {perRound.Min():F2}–{perRound.Max():F2}) | {Median(cpuPerRound):F2}, {cpuPerRound.Min():F2}–{cpuPerRound.Max():F2} | {rssRatio:F2}× | {F(document)} | {F(rssAfterDocument)} | {(documentRatio is { } value ? $"{value:F2}×" : "")} | {load:F2} |");
        }
    }

    public static void WriteRuns(IReadOnlyList<StartupRun> runs, TextWriter csv)
    {
        csv.WriteLine("n,project,openapi,repetition,load,first_answer_ms,cpu_ms,rss_mb,document_ms,rss_after_document_mb,document_paths");
        foreach (var run in runs)
        {
            csv.WriteLine(string.Join(',',
                run.App.Count, run.App.Project, run.App.OpenApi ? "on" : "off", run.Repetition, F(run.Load, 2), F(run.FirstAnswerMs), F(run.CpuMs), F(run.RssMb),
                F(run.DocumentMs), F(run.RssAfterDocumentMb), run.DocumentPaths?.ToString(CultureInfo.InvariantCulture) ?? ""));
        }
    }

    private static string F(double? value, int decimals = 0) => value?.ToString("F" + decimals, CultureInfo.InvariantCulture) ?? "";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Output(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double ReadLoad() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>Resident memory now, from /proc/&lt;pid&gt;/status (VmRSS, in kB).</summary>
    private static double ReadRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>User and system time of every thread so far, from /proc/&lt;pid&gt;/stat (fields 14 and 15, in clock ticks).</summary>
    private static double ReadCpuMs(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / ClockTicksPerSecond;
    }

    private static long ReadClockTicksPerSecond()
    {
        using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = getconf.StandardOutput.ReadToEnd();
        getconf.WaitForExit();
        return long.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }
}
