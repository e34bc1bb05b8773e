#!/usr/bin/env bash
# Runs every test project. Installs what the tests need where it is missing.
set -euo pipefail
cd "$(dirname "$0")"
started=$SECONDS

# The browser tests need Debian's Chromium (never a browser Playwright downloads), a Java runtime for the
# Nu HTML checker, and npm for axe-core, vnu-jar and lighthouse from the committed package-lock.json.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else echo "test.sh: needs root (or sudo) for: $*" >&2; return 1
    fi
}
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v java >/dev/null || packages+=(default-jre-headless)
command -v npm >/dev/null || packages+=(nodejs npm)
if [ ${#packages[@]} -gt 0 ]; then
    echo "test.sh: installing ${packages[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}"
fi

# npm ci only when node_modules is missing or was installed from another lock file. Install scripts stay off:
# vnu-jar's would fetch a Java runtime, and nothing else here needs one.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-sha256 2>/dev/null)" != "$lock_hash" ]; then
    npm ci --ignore-scripts --no-audit --no-fund
    echo "$lock_hash" > node_modules/.lock-sha256
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test FrameworkCompare.sln --nologo 2>&1 | tee "$log" || status=$?

echo "test.sh: wall time $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
# One closing line for CI: "N passed, N failed" summed over the test projects.
awk '/(Passed|Failed)! +- +Failed: /{ gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) } }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
exit $status
