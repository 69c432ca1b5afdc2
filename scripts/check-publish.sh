#!/usr/bin/env bash
# CI check of the operator's first steps (docs/operations.md): publish SelfHost and the Functions app in
# Release as documented, start the published SelfHost with the production settings example
# (deploy/accesspmc.env, its placeholders filled in) over a fresh Azurite with its own account, expect
# health 200 and an authenticated call to succeed, stop it with SIGTERM and expect exit code 0. Then the
# same build with a missing key file must exit 2 with one line naming the setting.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=$(mktemp -d)
pids=()
# TERM, not INT: a script started in the background of a non-interactive shell has SIGINT ignored, and
# so would its children; the in-memory Azurite has nothing to save.
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT
fail() { echo "check-publish: $*" >&2; exit 1; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p; for p in $(shuf -i 20000-45000 -n 50); do listening "$p" || { echo "$p"; return; }; done; fail "no free port"; }

dotnet publish SelfHost -c Release -o "$out/selfhost" -v q --nologo -clp:ErrorsOnly
dotnet publish Functions -c Release -o "$out/functions" -v q --nologo -clp:ErrorsOnly
published=$SECONDS
for f in selfhost/functions.metadata selfhost/AccessPmc.SelfHost.dll functions/functions.metadata functions/worker.config.json functions/AccessPmc.Functions.dll; do
  [ -f "$out/$f" ] || fail "publish output lacks $f"
done

# Azurite with an account of our own, as the production recipe sets it up.
account_key=$(openssl rand -base64 32)
table_port=$(free_port)
AZURITE_ACCOUNTS="accesspmc:$account_key" node_modules/.bin/azurite-table --inMemoryPersistence --tableHost 127.0.0.1 \
  --tablePort "$table_port" --skipApiVersionCheck --disableTelemetry --silent >/dev/null &
pids+=($!)
for _ in $(seq 100); do listening "$table_port" && break; sleep 0.2; done

openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$out/signing.pem" 2>/dev/null
admin_key=$(openssl rand -hex 32)
port=$(free_port)

# The production example, as systemd's EnvironmentFile reads it, with its placeholders filled in; then
# exec, so the process signalled is SelfHost itself. Run it in a subshell (or in the background).
start() {
  while IFS= read -r line; do
    case "$line" in ''|'#'*) ;; *) export "${line?}" ;; esac
  done < deploy/accesspmc.env
  export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=accesspmc;AccountKey=$account_key;TableEndpoint=http://127.0.0.1:$table_port/accesspmc;"
  export Signing__Keys__0__PemFile="$out/signing.pem" ASPNETCORE_URLS="http://127.0.0.1:$port"
  export Auth__Clients__0__KeySha256="$(printf '%s' "$admin_key" | sha256sum | cut -d' ' -f1)"
  for setting in "$@"; do export "${setting?}"; done
  cd "$out" && exec dotnet selfhost/AccessPmc.SelfHost.dll --no-local-settings
}

start >"$out/selfhost.log" 2>&1 &
selfhost=$!
pids+=("$selfhost")
for _ in $(seq 300); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/api/health" && break
  kill -0 "$selfhost" 2>/dev/null || { cat "$out/selfhost.log" >&2; fail "the published SelfHost exited at start"; }
  sleep 0.2
done
curl -fs -o /dev/null "http://127.0.0.1:$port/api/health" || { cat "$out/selfhost.log" >&2; fail "no health 200 within 60 s"; }
curl -fs -o /dev/null -H "Authorization: Bearer $admin_key" "http://127.0.0.1:$port/api/keys" || fail "the admin key from the settings was refused"
kill -TERM "$selfhost"
rc=0; wait "$selfhost" || rc=$?
[ "$rc" -eq 0 ] || { cat "$out/selfhost.log" >&2; fail "SelfHost stopped with exit code $rc, not 0"; }

rc=0; (start "Signing__Keys__0__PemFile=$out/missing.pem") >"$out/refusal.out" 2>"$out/refusal.err" || rc=$?
[ "$rc" -eq 2 ] || fail "a missing key file exited $rc, not 2"
[ "$(wc -l < "$out/refusal.err")" -eq 1 ] && grep -q "^SelfHost refused to start: Signing__Keys__0__PemFile: cannot read $out/missing.pem" "$out/refusal.err" \
  || { cat "$out/refusal.err" >&2; fail "the refusal is not one line naming Signing__Keys__0__PemFile"; }

echo "check-publish: SelfHost and Functions published; the published SelfHost answered health 200 with deploy/accesspmc.env, stopped with 0, refused a missing key with 2 (publish ${published} s, start and stop $((SECONDS - published)) s)"
