#!/usr/bin/env bash
# End-to-end throughput of four equivalent endpoints on one Kestrel app (bench/SessionAuth.Benchmarks.Web), with wrk:
#   A  unguarded minimal API          B  unguarded server function
#   C  [RequireSession] server function (SessionAuth's generated guard, sealed cookie)
#   D  minimal API behind ASP.NET Core cookie authentication + RequireAuthorization()
# Rounds alternate A B C D so drift on the machine lands on every endpoint alike. Prints requests/s per endpoint and
# the ratios C/A, C/B and C/D with min/median/max over rounds.
# Beside requests/s it prints the app's CPU time per request (user + system, from /proc, over each run): on this
# shared two-core VM throughput swings by ±20 % between rounds with the machine, while CPU per request moves less.
#   bash bench/e2e.sh [rounds=5] [seconds-per-run=10] [connections=32]
# The session type is immutable (requests with one cookie share its object); BENCH_SESSION=mutable makes its roles a
# string[], which is read from JSON on every request.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
seconds="${2:-10}"
connections="${3:-32}"

if ! command -v wrk >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk
fi

out=artifacts/bench-web
dotnet build bench/SessionAuth.Benchmarks.Web -c Release -o "$out" -v quiet -nologo -p:BenchSession="${BENCH_SESSION:-immutable}" >/dev/null
echo "session type: ${BENCH_SESSION:-immutable}"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
log=$(mktemp)
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" SessionAuth__Password="bench-password-$(head -c 24 /dev/urandom | base64)" \
  dotnet "$out/SessionAuth.Benchmarks.Web.dll" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "$base/plain" && break; sleep 0.1; done

login() { curl -s -D - -o /dev/null -X POST "$base$1" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1; }
session_cookie=$(login /login/session)
auth_cookie=$(login /login/cookie)

# Every endpoint must answer 200 with its credential, and the guarded ones must refuse a request without it.
expect() {
  local want="$1" path="$2" cookie="${3:-}"
  local got; got=$(curl -s -o /dev/null -w '%{http_code}' ${cookie:+-H "Cookie: $cookie"} "$base$path")
  if [ "$got" != "$want" ]; then echo "bench/e2e.sh: GET $path answered $got, expected $want" >&2; cat "$log" >&2; exit 1; fi
}
expect 200 /plain
expect 200 /_server/Greetings/Open
expect 200 /_server/Greetings/Mine "$session_cookie"
expect 302 /_server/Greetings/Mine
expect 200 /cookie "$auth_cookie"
expect 401 /cookie  # .NET 10 cookie auth answers API endpoints with 401, not a redirect

names=(A B C D)
paths=(/plain /_server/Greetings/Open /_server/Greetings/Mine /cookie)
cookies=("" "" "$session_cookie" "$auth_cookie")

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; } # the app's user + system time, in clock ticks
ticks_per_second=$(getconf CLK_TCK)

run() { # endpoint-index duration → "requests/s cpu-µs-per-request"
  local i="$1" duration="$2" result before after
  before=$(cpu_ticks)
  result=$(wrk -t1 -c"$connections" -d"${duration}s" ${cookies[$i]:+-H "Cookie: ${cookies[$i]}"} "$base${paths[$i]}")
  after=$(cpu_ticks)
  if grep -q 'Non-2xx' <<<"$result"; then echo "bench/e2e.sh: ${paths[$i]} answered something other than 2xx under load:" >&2; echo "$result" >&2; exit 1; fi
  awk -v ticks=$((after - before)) -v hz="$ticks_per_second" '
    /requests in/ { requests = $1 }
    /Requests\/sec/ { rate = $2 }
    END { printf "%s %.2f\n", rate, ticks * 1000000 / hz / requests }' <<<"$result"
}

echo "warming up (JIT, connection pools): 3 s per endpoint"
for i in 0 1 2 3; do run "$i" 3 >/dev/null; done

results=$(mktemp)
for round in $(seq 1 "$rounds"); do
  line="$round"
  for i in 0 1 2 3; do line="$line $(run "$i" "$seconds")"; done
  echo "round $line" | awk '{ printf "round %s: A %.0f  B %.0f  C %.0f  D %.0f requests/s; CPU per request A %.1f  B %.1f  C %.1f  D %.1f us\n", $2, $3, $5, $7, $9, $4, $6, $8, $10 }'
  echo "$line" >>"$results"
done

python3 - "$results" "$rounds" "$seconds" "$connections" <<'PY'
import statistics, sys
cells = [list(map(float, line.split()[1:])) for line in open(sys.argv[1])]
rows = [row[0::2] for row in cells]   # requests/s of A B C D
cpu = [row[1::2] for row in cells]    # the app's CPU microseconds per request of A B C D
rounds, seconds, connections = sys.argv[2:5]
def stats(values):
    return f"{min(values):>10.0f} {statistics.median(values):>10.0f} {max(values):>10.0f}"
def ratio_stats(values):
    return f"{min(values):>10.2f} {statistics.median(values):>10.2f} {max(values):>10.2f}"
print(f"\n{rounds} rounds of {seconds} s, wrk -t1 -c{connections}, requests/s    min     median        max")
labels = ["A unguarded minimal API", "B unguarded server function", "C guarded server function", "D cookie auth minimal API"]
for index, label in enumerate(labels):
    print(f"  {label:<36} {stats([row[index] for row in rows])}")
print("ratios (per round)                          min     median        max")
print(f"  C / A  (goal >= 0.95)                {ratio_stats([row[2] / row[0] for row in rows])}")
print(f"  C / B                                {ratio_stats([row[2] / row[1] for row in rows])}")
print(f"  C / D  (goal >= 1.35)                {ratio_stats([row[2] / row[3] for row in rows])}")
print("app CPU per request, microseconds        min     median        max")
for index, label in enumerate(labels):
    print(f"  {label:<36} {ratio_stats([row[index] for row in cpu])}")
print("CPU ratios (per round; requests one CPU-second serves, C against the others)")
print(f"  A / C  (goal >= 0.95)                {ratio_stats([row[0] / row[2] for row in cpu])}")
print(f"  B / C                                {ratio_stats([row[1] / row[2] for row in cpu])}")
print(f"  D / C  (goal >= 1.35)                {ratio_stats([row[3] / row[2] for row in cpu])}")
PY
rm -f "$results"
