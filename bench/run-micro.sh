#!/usr/bin/env bash
# In-process micro-benchmarks (BenchmarkDotNet, Release). Extra arguments go to BenchmarkDotNet, e.g.
#   bench/run-micro.sh --job short            (what docs/performance.md reports)
#   bench/run-micro.sh --sizes                (code/JWT sizes and QR versions only)
#   bench/run-micro.sh --document-sizes       (PDF sizes and one timed render of each document case)
#   bench/run-micro.sh --document-samples docs/samples   (writes the sample PDFs)
#   bench/run-micro.sh --filter '*DocumentBenchmarks*'  (PDF rendering: time and memory)
# Runs under nice -n 19: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  --sizes|--document-sizes|--document-samples)
    exec nice -n 19 dotnet run -c Release --project bench/AccessPmc.Benchmarks -- "$@" ;;
esac
exec nice -n 19 dotnet run -c Release --project bench/AccessPmc.Benchmarks -- --filter '*' "$@"
