#!/usr/bin/env bash
# Load figures for docs/performance.md: Azurite (in memory) + SelfHost (Release) + a plain Kestrel
# baseline on loopback, driven by bench/AccessPmc.Load. Bounded: about 2 minutes of load plus seeding.
#   bench/load/run.sh [seconds-per-phase] [workers]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/selfhost.sh
seconds=${1:-10}; workers=${2:-32}
azurite_port=10102; host_port=7171; kestrel_port=7172
work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -x node_modules/.bin/azurite-table ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build SelfHost -c Release -v q --nologo >/dev/null
dotnet build bench/AccessPmc.Load -c Release -v q --nologo >/dev/null

issuer_key=$(openssl rand -hex 32); scanner_key=$(openssl rand -hex 32)
bench_selfhost $azurite_port $host_port bench/load/selfhost.log \
  Auth__PermitsPerSecond=100000 Auth__Burst=100000 \
  Auth__Clients__0__Id=bench-issuer Auth__Clients__0__Role=issuer Auth__Clients__0__Key="$issuer_key" Auth__Clients__0__Units__0=BENCH Auth__Clients__0__Sites__0='*' \
  Auth__Clients__1__Id=bench-scanner Auth__Clients__1__Role=scanner Auth__Clients__1__Key="$scanner_key" Auth__Clients__1__Sites__0='*'
dotnet bench/AccessPmc.Load/bin/Release/net10.0/AccessPmc.Load.dll kestrel $kestrel_port &
pids+=($!)

for _ in $(seq 1 100); do curl -s -o /dev/null -X GET "http://127.0.0.1:$kestrel_port/api/verify" -m 1 && break; sleep 0.2; done

dotnet bench/AccessPmc.Load/bin/Release/net10.0/AccessPmc.Load.dll \
  --url "http://127.0.0.1:$host_port" --kestrel "http://127.0.0.1:$kestrel_port" --conn "$conn" \
  --issuer-key "$issuer_key" --scanner-key "$scanner_key" --seconds "$seconds" --workers "$workers" --expiry "${EXPIRY:-true}" --phases "${PHASES:-storage,kestrel,verify,entry,issue,bulk,expiry}" --out bench/load/last-run.md
echo "table written to bench/load/last-run.md"
