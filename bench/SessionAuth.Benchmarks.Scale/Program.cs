using System.Globalization;
using SessionAuth.Benchmarks.Scale;

// bench/scale.sh drives these commands; each can also run alone:
//   write <directory> <N> <SessionAuth.dll> <SessionAuth.Generators.dll>   the two synthetic projects for N endpoints
//   driver <N>...                                                          in-process generator timing, as CSV on stdout
//   plot <builds.csv> <output.png>                                         build-time overhead against N
//   startup <repetitions> <directory> <N>...                               start-up of the apps bench/startup.sh built
//   analyzers <N>...                                                       SAUTH0001's time at scale (bench/analyzer-scale.sh), CSV
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case "write" when args.Length == 5:
        SyntheticProjects.Write(args[1], int.Parse(args[2]), args[3], args[4]);
        return 0;
    case "driver" when args.Length > 1:
        var counts = args.Skip(1).Select(int.Parse).ToArray();
        var sessionAuth = DriverTiming.SessionAuthGenerator();
        var requestDelegates = DriverTiming.RequestDelegateGenerator();

        // JIT and Roslyn's caches warm up on a small project first, so N = 100 is not charged for them.
        DriverTiming.Measure("warm-up", Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(sessionAuth), SyntheticProjects.ServerFunctionSources(50), 50);
        DriverTiming.Measure("warm-up", requestDelegates, SyntheticProjects.MinimalApiSources(50), 50);

        Console.WriteLine("generator,n,generated_files,full_run_ms,full_run_allocated_mb,edit_run_ms,edit_step_reasons");
        foreach (var count in counts)
        {
            foreach (var measurement in new[]
            {
                Median(() => DriverTiming.Measure("SessionAuth", Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(DriverTiming.SessionAuthGenerator()), SyntheticProjects.ServerFunctionSources(count), count)),
                Median(() => DriverTiming.Measure("Roslyn baseline (attribute lookup only)", Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(DriverTiming.BaselineGenerator()), SyntheticProjects.ServerFunctionSources(count), count)),
                Median(() => DriverTiming.Measure("RequestDelegateGenerator", DriverTiming.RequestDelegateGenerator(), SyntheticProjects.MinimalApiSources(count), count)),
            })
            {
                Console.WriteLine($"{measurement.Generator},{measurement.Count},{measurement.GeneratedFiles},{measurement.FullRunMs:F1},{measurement.FullRunAllocatedBytes / 1048576.0:F1},{measurement.EditRunMs:F2},{measurement.EditStepReasons}");
            }
        }

        return 0;
    case "analyzers" when args.Length > 1:
        // JIT and Roslyn's caches warm up on a small program first.
        foreach (var shape in AnalyzerTiming.Shapes)
        {
            AnalyzerTiming.Measure(shape, 20);
        }

        Console.WriteLine("shape,n,analyzer_ms,compile_ms,ratio,sauth_diagnostics");
        foreach (var count in args.Skip(1).Select(int.Parse))
        {
            foreach (var shape in AnalyzerTiming.Shapes)
            {
                var measured = AnalyzerTiming.Measure(shape, count);
                Console.WriteLine($"{measured.Shape},{measured.Count},{measured.AnalyzerMs:F0},{measured.CompileMs:F0},{measured.AnalyzerMs / measured.CompileMs:F2},{measured.Diagnostics}");
            }
        }

        return 0;
    case "plot" when args.Length == 3:
        BuildPlot.Write(args[1], args[2]);
        return 0;
    case "startup" when args.Length > 3:
        var directory = args[2];
        var runs = StartupTiming.Measure(StartupTiming.Apps(directory, args.Skip(3).Select(int.Parse)), int.Parse(args[1]), Console.Error);
        using (var runsCsv = File.CreateText(Path.Combine(directory, "startup-runs.csv")))
        {
            StartupTiming.WriteRuns(runs, runsCsv);
        }

        using (var summaryCsv = File.CreateText(Path.Combine(directory, "startup.csv")))
        {
            StartupTiming.WriteSummary(runs, summaryCsv, Console.Out);
        }

        return 0;
    default:
        Console.Error.WriteLine("usage: write <directory> <N> <SessionAuth.dll> <SessionAuth.Generators.dll> | driver <N>... | plot <builds.csv> <output.png> | startup <repetitions> <directory> <N>... | analyzers <N>...");
        return 2;
}

// Three fresh drivers per point; the middle one by full-run time is reported whole.
static DriverMeasurement Median(Func<DriverMeasurement> measure)
{
    var runs = Enumerable.Range(0, 3).Select(_ => measure()).OrderBy(run => run.FullRunMs).ToArray();
    return runs[1];
}
