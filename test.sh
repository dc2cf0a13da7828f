#!/usr/bin/env bash
# Runs every MdoBot test (unit, integration, end-to-end against the Agents Playground).
# On a fresh Debian machine (as root, or with sudo) it first installs what is missing:
#   chromium (browser tests; Playwright never downloads a browser here), postgresql (installed,
#   not started), nodejs/npm when node is absent, then `npm ci` in playground/.
# Exit code: that of `dotnet test`. Last line: "N passed, N failed".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

say() { printf '%s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && SUDO="sudo"
fi

# 1. System packages ---------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
    missing+=(postgresql)
fi
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and apt-get is not available: install them by hand."
    [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ] || die "missing ${missing[*]}: run as root (or install sudo)."
    say "Installing ${missing[*]} ..."
    # Keep package scripts from starting services (PostgreSQL is installed, not started).
    policy_created=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
        $SUDO chmod +x /usr/sbin/policy-rc.d
        policy_created=1
    fi
    set +e
    $SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
    apt_code=$?
    set -e
    [ -z "$policy_created" ] || $SUDO rm -f /usr/sbin/policy-rc.d
    [ "$apt_code" -eq 0 ] || die "apt-get install ${missing[*]} failed."
fi

command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is not installed (https://dot.net); see global.json for the version."

# 2. The Playground (and playwright-core; never a browser download) ----------------------------
say "npm ci in playground/ ..."
(cd playground && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund) || die "npm ci failed in playground/."

# 3. A throwaway PostgreSQL server on 127.0.0.1 for the PostgreSQL store tests ----------------
say "Starting the test PostgreSQL server ..."
MDOBOT_TEST_POSTGRES="$("$ROOT/scripts/postgres-test-server.sh" start)" || die "could not start the test PostgreSQL server."
export MDOBOT_TEST_POSTGRES

# 4. Tests -------------------------------------------------------------------------------------
log="$(mktemp)"
trap 'rm -f "$log"; "$ROOT/scripts/postgres-test-server.sh" stop >/dev/null 2>&1 || true' EXIT
set +e
dotnet test "$ROOT/MdoBot.sln" -c Release 2>&1 | tee "$log"
code=${PIPESTATUS[0]}
set -e

# Sum the per-assembly summaries: "Passed!  - Failed:     0, Passed:     7, Skipped:     0, Total: ..."
read -r passed failed skipped < <(
    sed -n 's/.*\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\), *Skipped: *\([0-9]*\).*/\3 \2 \4/p' "$log" \
        | awk '{ p += $1; f += $2; s += $3 } END { print p + 0, f + 0, s + 0 }'
)
[ "$skipped" -eq 0 ] || say "$skipped skipped"
if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
    say "dotnet test exited with $code (build or run error; see above)"
fi
say "$passed passed, $failed failed"
exit "$code"
