# Sourced by bench/load/run.sh and bench/scanner/run.sh: an in-memory Azurite (tables) and the Release SelfHost on
# loopback, with the settings every bench needs written once, so that a setting the service comes to require is
# added here and nowhere else. Timers are set to a date that never comes within a run.
#   bench_selfhost AZURITE_PORT HOST_PORT LOG [NAME=value ...]
# Needs `work` (a scratch folder) and `pids` (killed by the caller's trap); sets `conn`, the tables' connection
# string, for benches that read storage directly. The extra settings (clients, limits) come after the common
# ones and win. Returns 1, with the log's tail, when health does not answer within 20 s.
bench_selfhost() {
  local azurite_port=$1 host_port=$2 log=$3
  shift 3
  node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$azurite_port" --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent &
  pids+=($!)
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$azurite_port") 2>/dev/null && break; sleep 0.2; done
  openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt > "$work/signing.pem"
  local never="0 0 0 1 1 *"
  conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
  env AzureWebJobsStorage="$conn" \
    Signing__Keys__0__PemFile="$work/signing.pem" Logging__LogLevel__Default=Warning \
    ExpirePassesSchedule="$never" PurgePersonalDataSchedule="$never" PresenceResetSchedule="$never" \
    AccessPmc__Sites__0__Code=PMC AccessPmc__Sites__0__Name="Pierre et Marie Curie" AccessPmc__Sites__1__Code=JUSSIEU \
    Documents__Organization="Bench University" Documents__Controller="Bench University, Paris" Documents__Contact="dpo@bench.example" \
    "$@" dotnet SelfHost/bin/Release/net10.0/AccessPmc.SelfHost.dll --no-local-settings --port "$host_port" > "$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null -m 1 "http://127.0.0.1:$host_port/api/health" && return 0
    sleep 0.2
  done
  echo "SelfHost did not start:"
  tail -5 "$log"
  return 1
}
