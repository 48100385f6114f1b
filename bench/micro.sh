#!/usr/bin/env bash
# In-process guard benchmarks (BenchmarkDotNet, Release): SessionAuth's guard beside ASP.NET Core's cookie
# authentication + authorization, and the valid path taken apart. Reports land in artifacts/benchmarks/results.
#   bash bench/micro.sh ['*GuardBenchmarks*' | '*OpenBenchmarks*' | any BenchmarkDotNet filter; default all]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/SessionAuth.Benchmarks -- --filter "${1:-*}" --artifacts artifacts/benchmarks
