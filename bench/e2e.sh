#!/usr/bin/env bash
# End-to-end throughput of four equivalent endpoints on one Kestrel app (bench/SessionAuth.Benchmarks.Web), with wrk:
#   A  unguarded minimal API          B  unguarded server function
#   C  [RequireSession] server function (SessionAuth's generated guard, sealed cookie)
#   D  minimal API behind ASP.NET Core cookie authentication + RequireAuthorization()
# Rounds alternate A B C D so drift on the machine lands on every endpoint alike. Prints requests/s per endpoint and
# the ratios C/A, C/B and C/D with min/median/max over rounds.
#   bash bench/e2e.sh [rounds=5] [seconds-per-run=10] [connections=32]
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
dotnet build bench/SessionAuth.Benchmarks.Web -c Release -o "$out" -v quiet -nologo >/dev/null
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

run() { # endpoint-index duration → requests/s
  local i="$1" duration="$2" result
  result=$(wrk -t1 -c"$connections" -d"${duration}s" ${cookies[$i]:+-H "Cookie: ${cookies[$i]}"} "$base${paths[$i]}")
  if grep -q 'Non-2xx' <<<"$result"; then echo "bench/e2e.sh: ${paths[$i]} answered something other than 2xx under load:" >&2; echo "$result" >&2; exit 1; fi
  awk '/Requests\/sec/ { print $2 }' <<<"$result"
}

echo "warming up (JIT, connection pools): 3 s per endpoint"
for i in 0 1 2 3; do run "$i" 3 >/dev/null; done

results=$(mktemp)
for round in $(seq 1 "$rounds"); do
  line="$round"
  for i in 0 1 2 3; do line="$line $(run "$i" "$seconds")"; done
  echo "round $line" | awk '{ printf "round %s: A %.0f  B %.0f  C %.0f  D %.0f requests/s\n", $2, $3, $4, $5, $6 }'
  echo "$line" >>"$results"
done

python3 - "$results" "$rounds" "$seconds" "$connections" <<'PY'
import statistics, sys
rows = [list(map(float, line.split()[1:])) for line in open(sys.argv[1])]
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
PY
rm -f "$results"
