#!/usr/bin/env bash
# Scanner figures for docs/performance.md: Azurite (in memory) + SelfHost (Release) on loopback, and
# headless Debian Chromium (fake camera) driven by bench/AccessPmc.ScannerBench. Bounded: a minute or two.
#   bench/scanner/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
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

node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort $azurite_port --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent &
pids+=($!)
conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt > "$work/signing.pem"
admin_key=$(openssl rand -hex 32); issuer_key=$(openssl rand -hex 32)
env AzureWebJobsStorage="$conn" Signing__Keys__0__PemFile="$work/signing.pem" \
  ExpirePassesSchedule="0 0 0 1 1 *" PurgePersonalDataSchedule="0 0 0 1 1 *" Logging__LogLevel__Default=Warning \
  AccessPmc__Sites__0__Code=PMC AccessPmc__Sites__0__Name="Pierre et Marie Curie" AccessPmc__Sites__1__Code=JUSSIEU \
  Auth__Clients__0__Id=bench-admin Auth__Clients__0__Role=admin Auth__Clients__0__Key="$admin_key" \
  Auth__Clients__1__Id=bench-issuer Auth__Clients__1__Role=issuer Auth__Clients__1__Key="$issuer_key" Auth__Clients__1__Units__0=BENCH Auth__Clients__1__Sites__0='*' \
  dotnet SelfHost/bin/Release/net10.0/AccessPmc.SelfHost.dll --no-local-settings --port $host_port > "$work/selfhost.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$host_port/api/health" -m 1 && break; sleep 0.2; done
curl -sf -o /dev/null "http://127.0.0.1:$host_port/api/health" || { echo "SelfHost did not start:"; tail -5 "$work/selfhost.log"; exit 1; }

echo "$(date -u +%F), $(nproc) cores, $(chromium --version 2>/dev/null | head -1)"
dotnet bench/AccessPmc.ScannerBench/bin/Release/net10.0/AccessPmc.ScannerBench.dll "http://127.0.0.1:$host_port/" "$admin_key" "$issuer_key" "$runs"
