#!/usr/bin/env bash
# The one test command: brings Azurite and the web dependencies (npm ci), runs the JavaScript tests (node's
# test runner) and every .NET test project; the fixtures start Azurite themselves. The end-to-end suite runs
# twice: with the unit tests under SelfHost, then under the real Functions host (Core Tools' func on PATH,
# else ../shared/functions-host/host.sh; without either those tests fail and say why). Last, the operator's
# publish check: both apps published in Release, the published SelfHost started with the production
# settings example, stopped, and refusing a bad setting (scripts/check-publish.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error || exit 1
status=0
node --test web/test/*.test.mjs || status=1
dotnet test AccessPmc.sln --nologo --filter "Host!=Functions" || status=1
dotnet test tests/AccessPmc.EndToEnd.Tests --nologo --no-build --filter "Host=Functions" || status=1
scripts/check-publish.sh || status=1
exit "$status"
