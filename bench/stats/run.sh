#!/usr/bin/env bash
# The cost of a 30-day GET /api/stats (docs/performance.md): an in-memory Azurite on its own port, counters seeded
# through the service's recorder at two event volumes, then the dashboard's query (every site, every unit) read 7 times.
#   bench/stats/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
port=10112; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -x node_modules/.bin/azurite-table ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build bench/AccessPmc.Load -c Release -v q --nologo >/dev/null
node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort $port --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent &
pids+=($!)
for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.2; done
conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
dotnet bench/AccessPmc.Load/bin/Release/net10.0/AccessPmc.Load.dll stats "$conn"
