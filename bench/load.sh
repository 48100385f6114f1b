#!/usr/bin/env bash
# The sustained-load test for longer than the 10 seconds the normal test command gives it:
#   bash bench/load.sh [seconds]   (default 300)
# Prints requests, 5xx, wrong answers, and the managed heap before and after; fails like the test does.
set -euo pipefail
cd "$(dirname "$0")/.."
SESSIONAUTH_LOAD_SECONDS="${1:-300}" dotnet test tests/SessionAuth.Tests -c Release \
  --filter "FullyQualifiedName~SustainedLoadTests" --logger "console;verbosity=detailed"
