#!/usr/bin/env bash
# The one test command: brings Azurite and the web dependencies (npm ci), runs the JavaScript tests
# (node's test runner) and every .NET test project; the fixtures start Azurite themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
status=0
node --test web/test/*.test.mjs || status=$?
dotnet test AccessPmc.sln --nologo || status=$?
exit "$status"
