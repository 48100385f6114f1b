#!/usr/bin/env bash
# The generator at scale: synthetic projects with N server functions (and the same N endpoints as minimal API lambdas
# for ASP.NET Core's Request Delegate Generator), measured three ways:
#   1. in process, Roslyn's driver: a full generator run, then a run after an unrelated one-line edit (step reasons);
#   2. dotnet build wall time with and without the generator (and our analyzers), median of several full rebuilds,
#      both with the compiler server warm (a developer's machine) and with a fresh compiler process per build (what
#      UseSharedCompilation=false, common on CI machines and set in this workplace's environment, does);
#   3. analyzer time (-p:ReportAnalyzer=true) and the build's peak resident memory (/usr/bin/time, no build server).
# Writes artifacts/scale/{driver,builds,analyzers}.csv and docs/images/build-overhead.png, and prints the tables.
#   bash bench/scale.sh [repetitions=3] [N...=100 1000 5000]
# SCALE_PROJECTS="serverfunctions" measures one side only (for a before/after of the generator on another commit).
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions="${1:-3}"; shift || true
counts=("${@:-100 1000 5000}"); read -r -a counts <<<"${counts[*]}"

out=artifacts/scale
mkdir -p "$out"
tool=artifacts/scale-tool
dotnet build src/Runtime -c Release -nologo -v q >/dev/null
dotnet build bench/SessionAuth.Benchmarks.Scale -c Release -o "$tool" -nologo -v q >/dev/null
runtime="$PWD/src/Runtime/bin/Release/net10.0/SessionAuth.dll"
generator="$PWD/src/Generator/bin/Release/netstandard2.0/SessionAuth.Generators.dll"

echo "== in-process generator runs (median of 3 fresh drivers)"
dotnet "$tool/SessionAuth.Benchmarks.Scale.dll" driver "${counts[@]}" | tee "$out/driver.csv"

build() { # project with-generator [extra msbuild arguments] → prints seconds (compiler server on unless overridden)
  local project="$1" with="$2"; shift 2
  local start end
  start=$(date +%s.%N)
  dotnet build "$project" --no-restore --no-incremental -c Release -nologo -p:WithGenerator="$with" -p:UseSharedCompilation=true "$@" >"$out/last-build.log" 2>&1 \
    || { cat "$out/last-build.log" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v start="$start" -v end="$end" 'BEGIN { printf "%.2f", end - start }'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "project,n,with_s,without_s,cold_with_s,cold_without_s" >"$out/builds.csv"
echo "project,n,with_peak_rss_mb,without_peak_rss_mb,analyzer_report" >"$out/analyzers.csv"
for n in "${counts[@]}"; do
  dotnet "$tool/SessionAuth.Benchmarks.Scale.dll" write "$out/n$n" "$n" "$runtime" "$generator"
  for project in ${SCALE_PROJECTS:-serverfunctions minimalapis}; do
    path="$out/n$n/$project/$project.csproj"
    dotnet restore "$path" -nologo -v q >/dev/null
    declare -A seconds=() cold=() rss=()
    for with in true false; do
      # Two untimed builds: one warms the compiler server up, the next reports analyzer and generator time.
      build "$path" "$with" >/dev/null
      build "$path" "$with" -p:ReportAnalyzer=true -v:detailed >/dev/null
      cp "$out/last-build.log" "$out/n$n/$project-$with-report.log"
      if grep -qE "warning|error" <(grep -E "^\s*[^ ].*: (warning|error) [A-Z]+[0-9]+" "$out/last-build.log"); then
        echo "bench/scale.sh: $project (N=$n, generator $with) built with diagnostics:" >&2
        grep -E ": (warning|error) " "$out/last-build.log" | sort -u | head -20 >&2
        exit 1
      fi
      times=""
      for _ in $(seq 1 "$repetitions"); do times="$times $(build "$path" "$with")"; done
      seconds[$with]=$(echo "$times" | median)
      # A fresh compiler process per build: its wall time, and the peak memory of the largest process of the build.
      times=""; peak=0
      for _ in $(seq 1 "$repetitions"); do
        start=$(date +%s.%N)
        /usr/bin/time -f "%M" -o "$out/rss.txt" dotnet build "$path" --no-restore --no-incremental -c Release -nologo \
          -p:WithGenerator="$with" -p:UseSharedCompilation=false --disable-build-servers >/dev/null 2>&1
        end=$(date +%s.%N)
        times="$times $(awk -v start="$start" -v end="$end" 'BEGIN { printf "%.2f", end - start }')"
        peak=$(awk -v peak="$peak" '{ kb = $1 } END { print (kb > peak ? kb : peak) }' "$out/rss.txt")
      done
      cold[$with]=$(echo "$times" | median)
      rss[$with]=$(awk -v kb="$peak" 'BEGIN { printf "%.0f", kb / 1024 }')
    done
    # From -p:ReportAnalyzer=true: seconds our analyzers and generator (or the RDG) took inside csc.
    report=$(awk '
      /Total analyzer execution time/ { section = "analyzers" }
      /Total generator execution time/ { section = "generator" }
      $3 ~ /^(SessionAuth\.Generators,|Microsoft\.AspNetCore\.Http\.RequestDelegateGenerator,)/ { printf "%s %s s; ", section, $1 }
    ' "$out/n$n/$project-true-report.log")
    echo "$project,$n,${seconds[true]},${seconds[false]},${cold[true]},${cold[false]}" >>"$out/builds.csv"
    echo "$project,$n,${rss[true]},${rss[false]},$report" >>"$out/analyzers.csv"
    echo "N=$n $project: build ${seconds[true]} s with the generator, ${seconds[false]} s without (fresh compiler: ${cold[true]} / ${cold[false]} s); peak RSS ${rss[true]} / ${rss[false]} MB"
  done
done

dotnet "$tool/SessionAuth.Benchmarks.Scale.dll" plot "$out/builds.csv" docs/images/build-overhead.png
echo "== builds (median seconds of $repetitions full rebuilds; cold_: a fresh compiler process each)"; cat "$out/builds.csv"
echo "== analyzers and memory"; cat "$out/analyzers.csv"
echo "plot: docs/images/build-overhead.png"
