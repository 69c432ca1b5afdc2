#!/usr/bin/env bash
# Scanner figures for docs/performance.md: Azurite (in memory) + SelfHost (Release) on loopback, and
# headless Debian Chromium (fake camera) driven by bench/AccessPmc.ScannerBench. Bounded: a minute or two.
#   bench/scanner/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/selfhost.sh
runs=${1:-25}
azurite_port=10112; host_port=7173
work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -x node_modules/.bin/azurite-table ] || npm ci --no-audit --no-fund --loglevel=error
[ -x /usr/bin/chromium ] || { echo "needs Debian's chromium: apt-get install -y chromium"; exit 1; }
dotnet build SelfHost -c Release -v q --nologo >/dev/null
dotnet build bench/AccessPmc.ScannerBench -c Release -v q --nologo >/dev/null

admin_key=$(openssl rand -hex 32); issuer_key=$(openssl rand -hex 32)
bench_selfhost $azurite_port $host_port "$work/selfhost.log" \
  Auth__Clients__0__Id=bench-admin Auth__Clients__0__Role=admin Auth__Clients__0__Key="$admin_key" \
  Auth__Clients__1__Id=bench-issuer Auth__Clients__1__Role=issuer Auth__Clients__1__Key="$issuer_key" Auth__Clients__1__Units__0=BENCH Auth__Clients__1__Sites__0='*'

echo "$(date -u +%F), $(nproc) cores, $(chromium --version 2>/dev/null | head -1)"
dotnet bench/AccessPmc.ScannerBench/bin/Release/net10.0/AccessPmc.ScannerBench.dll "http://127.0.0.1:$host_port/" "$admin_key" "$issuer_key" "$runs"
