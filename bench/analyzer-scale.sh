#!/usr/bin/env bash
# SAUTH0001 (the endpoint analyzer) at scale, in process: synthetic programs that make it follow route groups across
# many methods and writes (N endpoints each in a helper of its own, a returned-parameter chain N deep, one local
# reassigned N times), timed with Roslyn's analyzer execution-time logging, median of 3 fresh compilations; beside it the
# same program's compile (emit) time without analyzers, measured in the same run, and their ratio.
#   bash bench/analyzer-scale.sh [N...=500 1000 2000]
# Writes artifacts/scale/analyzers-inprocess.csv and prints it. sauth_diagnostics counts SAUTH/AD0001 diagnostics: every
# program is guarded, so it is 0 unless the rule misreads a shape.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("${@:-500 1000 2000}"); read -r -a counts <<<"${counts[*]}"
out=artifacts/scale
tool=artifacts/scale-tool
mkdir -p "$out"
dotnet build bench/SessionAuth.Benchmarks.Scale -c Release -o "$tool" -nologo -v q >/dev/null
dotnet "$tool/SessionAuth.Benchmarks.Scale.dll" analyzers "${counts[@]}" | tee "$out/analyzers-inprocess.csv"
