using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/SessionAuth.Benchmarks -- --filter '*'
// (bench/run-micro.sh runs it and keeps the report under artifacts/benchmarks).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
