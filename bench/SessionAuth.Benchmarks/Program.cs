using BenchmarkDotNet.Running;

// bash bench/micro.sh [filter]: dotnet run -c Release --project bench/SessionAuth.Benchmarks -- --filter <filter>
// Reports land in artifacts/benchmarks/results.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
