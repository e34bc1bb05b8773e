#!/usr/bin/env bash
# Runs every test project. Installs what the tests need where it is missing.
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test FrameworkCompare.sln --nologo 2>&1 | tee "$log" || status=$?

# One closing line for CI: "N passed, N failed" summed over the test projects.
awk '/(Passed|Failed)! +- +Failed: /{ gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) } }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
exit $status
