#!/usr/bin/env bash
# Load figures for docs/performance.md: Azurite (in memory) + SelfHost (Release) + a plain Kestrel
# baseline on loopback, driven by bench/AccessPmc.Load. Bounded: about 2 minutes of load plus seeding.
#   bench/load/run.sh [seconds-per-phase] [workers]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}; workers=${2:-32}
azurite_port=10102; host_port=7171; kestrel_port=7172
work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -x node_modules/.bin/azurite-table ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build SelfHost -c Release -v q --nologo >/dev/null
dotnet build bench/AccessPmc.Load -c Release -v q --nologo >/dev/null

node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort $azurite_port --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent &
pids+=($!)
conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"

openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt > "$work/signing.pem"
issuer_key=$(openssl rand -hex 32); scanner_key=$(openssl rand -hex 32)
env AzureWebJobsStorage="$conn" Signing__Keys__0__PemFile="$work/signing.pem" \
  ExpirePassesSchedule="0 0 0 1 1 *" PurgePersonalDataSchedule="0 0 0 1 1 *" Logging__LogLevel__Default=Warning \
  AccessPmc__Sites__0__Code=PMC AccessPmc__Sites__1__Code=JUSSIEU \
  Documents__Organization="Bench University" Documents__Controller="Bench University, Paris" Documents__Contact="dpo@bench.example" \
  Auth__PermitsPerSecond=100000 Auth__Burst=100000 \
  Auth__Clients__0__Id=bench-issuer Auth__Clients__0__Role=issuer Auth__Clients__0__Key="$issuer_key" Auth__Clients__0__Units__0=BENCH Auth__Clients__0__Sites__0='*' \
  Auth__Clients__1__Id=bench-scanner Auth__Clients__1__Role=scanner Auth__Clients__1__Key="$scanner_key" Auth__Clients__1__Sites__0='*' \
  dotnet SelfHost/bin/Release/net10.0/AccessPmc.SelfHost.dll --no-local-settings --port $host_port > bench/load/selfhost.log 2>&1 &
pids+=($!)
dotnet bench/AccessPmc.Load/bin/Release/net10.0/AccessPmc.Load.dll kestrel $kestrel_port &
pids+=($!)

for url in "http://127.0.0.1:$host_port/api/health" "http://127.0.0.1:$kestrel_port/api/verify"; do
  for _ in $(seq 1 100); do curl -s -o /dev/null -X GET "$url" -m 1 && break; sleep 0.2; done
done
curl -sf -o /dev/null "http://127.0.0.1:$host_port/api/health" || { echo "SelfHost did not start:"; tail -5 bench/load/selfhost.log; exit 1; }

dotnet bench/AccessPmc.Load/bin/Release/net10.0/AccessPmc.Load.dll \
  --url "http://127.0.0.1:$host_port" --kestrel "http://127.0.0.1:$kestrel_port" --conn "$conn" \
  --issuer-key "$issuer_key" --scanner-key "$scanner_key" --seconds "$seconds" --workers "$workers" --expiry "${EXPIRY:-true}" --phases "${PHASES:-storage,kestrel,verify,issue,bulk,expiry}" --out bench/load/last-run.md
echo "table written to bench/load/last-run.md"
