#!/usr/bin/env bash
# The one test command: brings Azurite (npm ci) and runs every test project; the fixtures start Azurite themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
dotnet test AccessPmc.sln --nologo
