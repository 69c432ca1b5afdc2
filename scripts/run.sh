#!/usr/bin/env bash
# The one run command: Azurite (table service, data kept in .azurite/), demo API keys (.dev/demo-keys.env),
# then SelfHost on http://127.0.0.1:${PORT:-7071}. Ctrl+C stops what this script started, nothing else.
set -euo pipefail
# Job control: each background process gets its own process group with SIGINT left alone, so a
# terminal's Ctrl+C reaches only this script, and stop() shuts the others down in order.
set -m
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
port="${PORT:-7071}"

[ -x node_modules/.bin/azurite-table ] || npm ci --no-audit --no-fund --loglevel=error

started=()
stop() {
  trap - EXIT INT TERM
  # Newest first, each waited for: SelfHost flushes its buffered scan events while Azurite is still up.
  # SIGINT, not SIGTERM: it is the signal on which Azurite saves its data before exiting.
  for (( i=${#started[@]}-1; i>=0; i-- )); do
    kill -INT "${started[i]}" 2>/dev/null || continue
    for _ in $(seq 100); do kill -0 "${started[i]}" 2>/dev/null || break; sleep 0.2; done
    kill -TERM "${started[i]}" 2>/dev/null || true
    wait "${started[i]}" 2>/dev/null || true
  done
}
trap stop EXIT INT TERM

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if listening 10002; then
  echo "Azurite: reusing the table service already listening on 127.0.0.1:10002 (not stopped on exit)"
else
  mkdir -p .azurite
  node_modules/.bin/azurite-table --location .azurite --tableHost 127.0.0.1 --tablePort 10002 --skipApiVersionCheck --disableTelemetry >.azurite/azurite.log 2>&1 &
  started+=($!)
  for _ in $(seq 100); do listening 10002 && break; sleep 0.2; done
  listening 10002 || { echo "Azurite did not start: see .azurite/azurite.log"; exit 1; }
  echo "Azurite: started, data in .azurite/"
fi

dotnet build SelfHost -c Release -v q --nologo -clp:ErrorsOnly

# Demo keys, made once and reused: the file is git-ignored.
if [ ! -f .dev/demo-keys.env ]; then
  mkdir -p .dev
  key() { openssl rand -hex 32 2>/dev/null || od -An -tx1 -N32 /dev/urandom | tr -d ' \n'; }
  umask 077
  printf 'ADMIN_KEY=%s\nISSUER_KEY=%s\nSCANNER_KEY=%s\n' "$(key)" "$(key)" "$(key)" >.dev/demo-keys.env
fi
# shellcheck source=/dev/null
. .dev/demo-keys.env

settings=Functions/local.settings.json
[ -f "$settings" ] || settings=local.settings.sample.json

export AZURE_FUNCTIONS_ENVIRONMENT=Development AzureWebJobsStorage=UseDevelopmentStorage=true
export Auth__Clients__0__Id=demo-admin Auth__Clients__0__Role=admin Auth__Clients__0__Key="$ADMIN_KEY"
# A real hash here replaces the sample's placeholder (a KeySha256 wins over a Key).
export Auth__Clients__0__KeySha256="$(printf '%s' "$ADMIN_KEY" | sha256sum | cut -d' ' -f1)"
export Auth__Clients__1__Id=demo-issuer Auth__Clients__1__Role=issuer Auth__Clients__1__Key="$ISSUER_KEY" \
  Auth__Clients__1__Units__0=DEMO Auth__Clients__1__Sites__0=PMC Auth__Clients__1__Sites__1=JUSSIEU
export Auth__Clients__2__Id=demo-scanner Auth__Clients__2__Role=scanner Auth__Clients__2__Key="$SCANNER_KEY" \
  Auth__Clients__2__Sites__0=PMC Auth__Clients__2__Sites__1=JUSSIEU

dotnet SelfHost/bin/Release/net10.0/AccessPmc.SelfHost.dll --settings "$settings" --port "$port" &
selfhost=$!
started+=("$selfhost")
base="http://127.0.0.1:$port"
for _ in $(seq 150); do curl -fs "$base/api/health" >/dev/null 2>&1 && break; kill -0 "$selfhost" 2>/dev/null || exit 1; sleep 0.2; done

until=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -v+1d +%Y-%m-%dT%H:%M:%SZ)
cat <<TXT

Demo API keys (from .dev/demo-keys.env):
  admin   $ADMIN_KEY
  issuer  $ISSUER_KEY   (unit DEMO, sites PMC, JUSSIEU)
  scanner $SCANNER_KEY   (sites PMC, JUSSIEU)

Issue a pass, then verify it at the PMC gate:
  CODE=\$(curl -s -X POST $base/api/passes -H 'Authorization: Bearer $ISSUER_KEY' -H 'Content-Type: application/json' -d '{"givenName":"Jeanne","familyName":"Dupont","kind":"temporary","validUntil":"$until","sites":["PMC"],"unit":"DEMO"}' | sed -n 's/.*"code":"\([^"]*\)".*/\1/p'); echo "\$CODE"
  curl -s -X POST $base/api/verify -H 'Authorization: Bearer $SCANNER_KEY' -H 'Content-Type: application/json' -d "{\"code\":\"\$CODE\",\"site\":\"PMC\"}"

Ctrl+C stops SelfHost$([ ${#started[@]} -gt 1 ] && echo " and Azurite"); data stays in .azurite/.
TXT
wait "$selfhost"
