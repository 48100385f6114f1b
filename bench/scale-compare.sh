#!/usr/bin/env bash
# Build time of the N-function synthetic project on two commits, interleaved (ABAB…) so that a shared machine's drift
# lands on both alike: full rebuilds with the compiler server warm, with and without the generator, in rounds whose
# order alternates. Each tree must hold the project bench/scale.sh wrote and restored there (artifacts/scale/n<N>);
# run bench/scale.sh in a worktree of the other commit first (with this commit's bench/).
#   bash bench/scale-compare.sh <before-tree> <after-tree> [repetitions=3] [N=5000] [project=serverfunctions]
set -euo pipefail
before="$1"; after="$2"; repetitions="${3:-3}"; n="${4:-5000}"; project="${5:-serverfunctions}"

build() { # tree with-generator → seconds
  local path="$1/artifacts/scale/n$n/$project/$project.csproj" start end log
  log=$(mktemp)
  start=$(date +%s.%N)
  dotnet build "$path" --no-restore --no-incremental -c Release -nologo -p:WithGenerator="$2" -p:UseSharedCompilation=true >"$log" 2>&1 \
    || { cat "$log" >&2; rm -f "$log"; exit 1; }
  end=$(date +%s.%N)
  rm -f "$log"
  awk -v start="$start" -v end="$end" 'BEGIN { printf "%.2f", end - start }'
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A times=()
for tree in "$before" "$after"; do for with in true false; do build "$tree" "$with" >/dev/null; done; done # warm-up
echo "tree,with_generator,round,seconds,load"
for round in $(seq 1 "$repetitions"); do
  trees=("$before" "$after"); [ $((round % 2)) -eq 0 ] && trees=("$after" "$before")
  for tree in "${trees[@]}"; do
    for with in true false; do
      seconds=$(build "$tree" "$with")
      times[$tree,$with]="${times[$tree,$with]:-} $seconds"
      echo "$tree,$with,$round,$seconds,$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
for tree in "$before" "$after"; do
  with=$(echo "${times[$tree,true]}" | median); without=$(echo "${times[$tree,false]}" | median)
  awk -v tree="$tree" -v with="$with" -v without="$without" \
    'BEGIN { printf "%s: median %.2f s with the generator, %.2f s without: +%.2f s, %.2fx\n", tree, with, without, with - without, with / without }'
done
