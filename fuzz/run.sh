#!/usr/bin/env bash
# Build the harness, instrument the parser's assemblies with SharpFuzz, and run AFL++ on fuzz/corpus.
#   fuzz/run.sh execs 1000000     stop after ~1,000,000 executions (afl-fuzz -E)
#   fuzz/run.sh seconds 600       stop after 600 s (afl-fuzz -V)
#   fuzz/run.sh seconds 120 payload   fuzz the claims CBOR behind the signature (the harness signs each input)
# Needs: afl++ (apt-get install -y afl++) and the SharpFuzz CLI
# (dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0). Runs under nice -n 19.
# Output: fuzz/findings/ (git-ignored); fuzz/findings/default/fuzzer_stats has execs_done and saved_crashes.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-execs}
amount=${2:-1000000}
target=${3:-code}
case "$mode" in
  execs) limit=(-E "$amount") ;;
  seconds) limit=(-V "$amount") ;;
  *) echo "usage: $0 execs|seconds N [code|payload]" >&2; exit 2 ;;
esac
case "$target" in
  code) corpus=fuzz/corpus findings=fuzz/findings harness=() dict=(-x fuzz/pmc.dict) ;;
  payload) corpus=fuzz/corpus-payload findings=fuzz/findings-payload harness=(payload) dict=() ;;
  *) echo "target must be code or payload" >&2; exit 2 ;;
esac

export PATH="$PATH:$HOME/.dotnet/tools"
command -v afl-fuzz >/dev/null || { echo "afl-fuzz missing: apt-get install -y afl++" >&2; exit 1; }
command -v sharpfuzz >/dev/null || { echo "sharpfuzz missing: dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0" >&2; exit 1; }

out=fuzz/out
rm -rf "$out"
nice -n 19 dotnet build fuzz/AccessPmc.Fuzz -c Release -nologo -v quiet
cp -r fuzz/AccessPmc.Fuzz/bin/Release/net10.0 "$out"

# Instrument a private copy: the parser itself, Base45, and the CBOR/COSE decoders it relies on.
for dll in AccessPmc.Functions.dll SimpleBase.dll System.Formats.Cbor.dll System.Security.Cryptography.Cose.dll; do
  sharpfuzz "$out/$dll"
done

export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 \
  AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_AUTORESUME=1 DOTNET_TieredPGO=0
nice -n 19 afl-fuzz -i "$corpus" -o "$findings" "${dict[@]}" -t 5000 -m none "${limit[@]}" \
  -- dotnet "$out/AccessPmc.Fuzz.dll" "${harness[@]}"

stats=$findings/default/fuzzer_stats
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg) ' "$stats"
