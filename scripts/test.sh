#!/usr/bin/env bash
# The one test command: brings Azurite (npm ci) and runs every test project; the fixtures start Azurite
# themselves. Then the operator's publish check: both apps published in Release, the published SelfHost
# started with the production settings example, stopped, and refused a bad setting (scripts/check-publish.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
dotnet test AccessPmc.sln --nologo
scripts/check-publish.sh
