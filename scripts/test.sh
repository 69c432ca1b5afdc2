#!/usr/bin/env bash
# The one test command: brings Azurite (npm ci) and runs every test project; the fixtures start Azurite themselves.
# The end-to-end suite runs twice: with the unit tests under SelfHost, then under the real Functions host
# (Core Tools' func on PATH, else ../shared/functions-host/host.sh; without either those tests fail and say why).
set -uo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error || exit 1
status=0
dotnet test AccessPmc.sln --nologo --filter "Host!=Functions" || status=1
dotnet test tests/AccessPmc.EndToEnd.Tests --nologo --no-build --filter "Host=Functions" || status=1
exit "$status"
