#!/usr/bin/env bash
# The one run command: Azurite (table service, data kept in .azurite/), demo API keys (.dev/demo-keys.env),
# then SelfHost on http://127.0.0.1:$PORT. Ctrl+C stops what this script started, nothing else.
#   PORT                SelfHost's port (default 7071)
#   AZURITE_TABLE_PORT  Azurite's table port (default 10002); an Azurite already listening there is
#                       reused (and said so), anything else there is refused
set -euo pipefail
# Job control: each background process gets its own process group with SIGINT left alone, so a
# terminal's Ctrl+C reaches only this script, and stop() shuts the others down in order.
set -m
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
port="${PORT:-7071}"
table_port="${AZURITE_TABLE_PORT:-10002}"

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
# The Server header of an Azurite answer ("Azurite-Table/3.37.0"), or nothing.
azurite_version() { curl -s -m 3 -D - -o /dev/null "http://127.0.0.1:$1/devstoreaccount1/Tables" 2>/dev/null | tr -d '\r' | sed -n 's/^[Ss]erver: \(Azurite-Table\/[0-9.]*\).*/\1/p' || true; }

if listening "$table_port"; then
  version=$(azurite_version "$table_port")
  if [ -z "$version" ]; then
    echo "Port $table_port is taken by something that is not Azurite's table service; stop it, or choose another port: AZURITE_TABLE_PORT=10012 scripts/run.sh" >&2
    exit 1
  fi
  owner=$(ss -Hltnp "sport = :$table_port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
  location=$( [ -n "$owner" ] && tr '\0' ' ' <"/proc/$owner/cmdline" 2>/dev/null | grep -o -- '--location [^ ]*' | cut -d' ' -f2 || true)
  echo "Azurite: reusing $version already listening on 127.0.0.1:$table_port${owner:+ (pid $owner}${location:+, data in $location}${owner:+)}, started elsewhere: not stopped on exit"
else
  mkdir -p .azurite
  node_modules/.bin/azurite-table --location .azurite --tableHost 127.0.0.1 --tablePort "$table_port" --skipApiVersionCheck --disableTelemetry >.azurite/azurite.log 2>&1 &
  started+=($!)
  for _ in $(seq 100); do listening "$table_port" && break; sleep 0.2; done
  listening "$table_port" || { echo "Azurite did not start: see .azurite/azurite.log"; exit 1; }
  echo "Azurite: started on 127.0.0.1:$table_port, data in .azurite/"
fi

# SelfHost's port must be free: otherwise the health check below would be answered by whatever holds it.
if listening "$port"; then
  echo "Port $port is taken (another SelfHost, or another program); stop it, or choose another port: PORT=7072 scripts/run.sh" >&2
  exit 1
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

# The well-known Azurite development account, at the table port chosen above.
export AZURE_FUNCTIONS_ENVIRONMENT=Development
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
# A real hash replaces the sample's placeholder.
export Auth__Clients__0__Id=demo-admin Auth__Clients__0__Role=admin
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

Web apps, in a browser on this machine:
  console  $base/console/   (sign in with the admin or issuer key)
  scanner  $base/scanner/#enrol=$SCANNER_KEY   (enrols the demo scanner; a phone needs HTTPS: docs/scanner.md)

Issue a pass, then verify it at the PMC gate:
  CODE=\$(curl -s -X POST $base/api/passes -H 'Authorization: Bearer $ISSUER_KEY' -H 'Content-Type: application/json' -d '{"givenName":"Jeanne","familyName":"Dupont","kind":"temporary","validUntil":"$until","sites":["PMC"],"unit":"DEMO"}' | sed -n 's/.*"code":"\([^"]*\)".*/\1/p'); echo "\$CODE"
  curl -s -X POST $base/api/verify -H 'Authorization: Bearer $SCANNER_KEY' -H 'Content-Type: application/json' -d "{\"code\":\"\$CODE\",\"site\":\"PMC\"}"

Ctrl+C stops SelfHost$([ ${#started[@]} -gt 1 ] && echo " and Azurite; data stays in .azurite/").
TXT
wait "$selfhost"
