#!/usr/bin/env bash
# Start-up at scale: the synthetic apps of bench/scale.sh (N server functions, and the same N endpoints as minimal APIs
# compiled with ASP.NET Core's Request Delegate Generator), each with an OpenAPI document (AddOpenApi + MapOpenApi, and
# AddSessionAuth() on the options for server functions) and without. Each app is built once (Release, generators on);
# then, in rounds that alternate the order, every app starts as `dotnet app.dll` (Production, a free port on 127.0.0.1)
# and the tool times from just before the process starts to the first 200 of a real endpoint (an anonymous GET, polled
# every 5 ms), reads the process's CPU time and resident memory (/proc) at that moment, and with OpenAPI on times the
# first GET of /openapi/v1.json (the framework builds the document on that request) and checks it lists N paths.
# Writes artifacts/startup/{startup-runs,startup}.csv and prints the medians with ratios to the minimal APIs.
#   bash bench/startup.sh [repetitions=7] [N...=1000 5000]
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions="${1:-7}"; shift || true
counts=("${@:-1000 5000}"); read -r -a counts <<<"${counts[*]}"

out=artifacts/startup
mkdir -p "$out"
tool=artifacts/scale-tool
quiet() { local log; log=$(mktemp); "$@" >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }; rm -f "$log"; }
quiet dotnet build src/Runtime -c Release -nologo -v q
quiet dotnet build bench/SessionAuth.Benchmarks.Scale -c Release -o "$tool" -nologo -v q
runtime="$PWD/src/Runtime/bin/Release/net10.0/SessionAuth.dll"
generator="$PWD/src/Generator/bin/Release/netstandard2.0/SessionAuth.Generators.dll"

for n in "${counts[@]}"; do
  dotnet "$tool/SessionAuth.Benchmarks.Scale.dll" write "$out/n$n" "$n" "$runtime" "$generator"
  for project in serverfunctions minimalapis; do
    for openapi in off on; do
      # One project, two builds: restore and compile again with the property (the package and the define follow it).
      log="$out/n$n/$project-openapi-$openapi.log"
      dotnet build "$out/n$n/$project/$project.csproj" -c Release -nologo -p:WithOpenApi=$([ $openapi = on ] && echo true || echo false) \
        -o "$out/n$n/bin/$project-openapi-$openapi" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
      if grep -qE ": (warning|error) [A-Z]+[0-9]+" "$log"; then
        echo "bench/startup.sh: $project (N=$n, OpenAPI $openapi) built with diagnostics:" >&2
        grep -E ": (warning|error) " "$log" | sort -u | head -20 >&2
        exit 1
      fi
    done
  done
done

echo "== start-up: $repetitions rounds; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$tool/SessionAuth.Benchmarks.Scale.dll" startup "$repetitions" "$out" "${counts[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runs: $out/startup-runs.csv; medians: $out/startup.csv"
