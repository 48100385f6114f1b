#!/usr/bin/env bash
# Runs every test in the repository: generator snapshots and incrementality, analyzers and code fixes, runtime unit
# tests, HTTP tests against real Kestrel on 127.0.0.1, server-side sessions in a real Redis, the Hogwarts sample in
# headless Chromium, the NuGet package in a consumer project, and a Native AOT publish. Works on a fresh Debian machine
# with the .NET 10 SDK; it installs anything else the tests need and prints "N passed, N failed" last.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "eng/test.sh: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi

# Debian packages the tests need: Chromium for the browser tests (Playwright cannot download its own browser here),
# clang and zlib for the Native AOT publish, redis-server for the server-side session tests (they start their own).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
command -v clang >/dev/null 2>&1 || missing+=(clang)
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "eng/test.sh: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

# TypeScript, pinned, for the type checks of the generated browser client (tests/SessionAuth.Tests/Client): installed
# from npm into tools/typescript, which git ignores; node runs it.
typescript_version=5.9.3
if ! command -v npm >/dev/null 2>&1; then
  echo "eng/test.sh: node and npm are required for the TypeScript client tests; 'npm' is not on PATH." >&2
  exit 1
fi
if [ "$(node -p "try { require('./tools/typescript/node_modules/typescript/package.json').version } catch { '' }")" != "$typescript_version" ]; then
  echo "eng/test.sh: installing typescript@${typescript_version} into tools/typescript"
  mkdir -p tools/typescript
  npm install --prefix tools/typescript --no-audit --no-fund --save-exact "typescript@${typescript_version}"
fi

# A run that approves snapshots is a deliberate act, never a side effect of running the tests.
unset SESSIONAUTH_ACCEPT_SNAPSHOTS

results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test SessionAuth.Generators.sln -c Release --logger "trx" --results-directory "$results" || status=$?

# Sum the counters of every test run so the last line says what ran, whatever the runner printed before it.
shopt -s nullglob
trx_files=("$results"/*.trx)
if [ ${#trx_files[@]} -eq 0 ]; then
  echo "0 passed, 0 failed"
  echo "eng/test.sh: no test results were written." >&2
  exit 1
fi
read -r passed failed < <(grep -ho '<Counters [^>]*' "${trx_files[@]}" \
  | sed -E 's/.* passed="([0-9]+)".* failed="([0-9]+)".*/\1 \2/' \
  | awk '{ p += $1; f += $2 } END { print p + 0, f + 0 }')
echo "${passed} passed, ${failed} failed"
if [ "$passed" -eq 0 ]; then
  echo "eng/test.sh: no test ran." >&2
  exit 1
fi
exit "$status"
