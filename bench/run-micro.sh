#!/usr/bin/env bash
# In-process micro-benchmarks (BenchmarkDotNet, Release). Extra arguments go to BenchmarkDotNet, e.g.
#   bench/run-micro.sh --job short            (what docs/performance.md reports)
#   bench/run-micro.sh --sizes                (code/JWT sizes and QR versions only)
# Runs under nice -n 19: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--sizes" ]; then
  exec nice -n 19 dotnet run -c Release --project bench/AccessPmc.Benchmarks -- --sizes
fi
exec nice -n 19 dotnet run -c Release --project bench/AccessPmc.Benchmarks -- --filter '*' "$@"
