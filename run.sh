#!/usr/bin/env bash
# Runs MdoBot with a local Teams client: the Microsoft 365 Agents Playground.
#   MdoBot      http://127.0.0.1:3978/api/messages   (dev mode: no Bot:AppId, loopback callers only)
#               SQLite at data/mdobot.db, log at data/mdobot.log
#   Playground  http://127.0.0.1:56150               (mock tenant: playground/.m365agentsplayground.yml)
#               log at data/playground.log
# Ctrl+C stops both. Overrides: MDOBOT_PORT, PLAYGROUND_PORT, MDOBOT_TIME_SCALE (demo clock speed-up).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

BOT_PORT="${MDOBOT_PORT:-3978}"
PG_PORT="${PLAYGROUND_PORT:-56150}"
DATA_DIR="$ROOT/data"
WEB_BIN="$ROOT/src/MdoBot.Web/bin/Release/net10.0"
PG_DIR="$ROOT/playground"
PG_CLI="$PG_DIR/node_modules/@microsoft/m365agentsplayground/cli.js"

BOT_PID=""
PG_PID=""

say() { printf '%s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

need() {
    command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed. $2"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_pid() { # stop one child we started, by PID: TERM, then KILL after 10 s
    local pid="$1" name="$2"
    [ -n "$pid" ] || return 0
    if ! kill -0 "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null || true
        say "$name (pid $pid) has stopped."
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; say "Stopped $name (pid $pid)."; return 0; }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    say "Killed $name (pid $pid)."
}

cleanup() {
    trap - EXIT INT TERM
    stop_pid "$PG_PID" "the Playground"
    stop_pid "$BOT_PID" "MdoBot"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. Prerequisites ---------------------------------------------------------------------------
need dotnet "Install the .NET 10 SDK (https://dot.net)."
need node "Install Node.js 20 or newer (https://nodejs.org)."
need npm "Install npm (comes with Node.js)."
need curl "Install curl."
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' \
    || die "Node.js $(node --version) is too old: the Playground needs 18 or newer (20+ recommended)."

if [ ! -f "$PG_CLI" ] || [ ! -f "$PG_DIR/node_modules/.package-lock.json" ] \
    || [ "$PG_DIR/package-lock.json" -nt "$PG_DIR/node_modules/.package-lock.json" ] \
    || [ "$PG_DIR/package.json" -nt "$PG_DIR/node_modules/.package-lock.json" ]; then
    say "Installing the Playground (npm ci in playground/)..."
    (cd "$PG_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund) || die "npm ci failed in playground/."
fi

port_in_use "$BOT_PORT" && die "port $BOT_PORT is already in use (another MdoBot?). Stop it or set MDOBOT_PORT."
if port_in_use "$PG_PORT"; then
    PG_PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
    say "Port ${PLAYGROUND_PORT:-56150} is in use: the Playground will use port $PG_PORT."
fi

# 2. MdoBot ------------------------------------------------------------------------------------
say "Building MdoBot (Release)..."
dotnet build "$ROOT/src/MdoBot.Web/MdoBot.Web.csproj" -c Release -nologo -v q || die "the build failed."
[ -f "$WEB_BIN/MdoBot.Web.dll" ] || die "$WEB_BIN/MdoBot.Web.dll not found after the build."

mkdir -p "$DATA_DIR"
say "Starting MdoBot on http://127.0.0.1:$BOT_PORT ..."
(
    cd "$WEB_BIN"
    export Urls="http://127.0.0.1:$BOT_PORT" Storage__SqlitePath="$DATA_DIR/mdobot.db" Bot__AppId=""
    # MDOBOT_TIME_SCALE=60 makes MdoBot's clock run 60x faster (a 20-minute time box takes 20 s): demos only.
    if [ -n "${MDOBOT_TIME_SCALE:-}" ]; then export Development__TimeScale="$MDOBOT_TIME_SCALE"; fi
    exec dotnet MdoBot.Web.dll
) >"$DATA_DIR/mdobot.log" 2>&1 &
BOT_PID=$!

for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:$BOT_PORT/healthz" 2>/dev/null && break
    kill -0 "$BOT_PID" 2>/dev/null || { tail -n 40 "$DATA_DIR/mdobot.log" >&2; die "MdoBot exited during start-up (log: data/mdobot.log)."; }
    sleep 0.1
done
curl -fsS -o /dev/null "http://127.0.0.1:$BOT_PORT/healthz" || die "MdoBot did not answer /healthz within 60 s (log: data/mdobot.log)."

# 3. Playground --------------------------------------------------------------------------------
say "Starting the Microsoft 365 Agents Playground..."
(
    cd "$PG_DIR" # its .m365agentsplayground.yml is read from the working directory
    export TEAMSAPPTESTER_BROWSER=none M365_AGENTS_PLAYGROUND_LOGFILE="$DATA_DIR/playground.log"
    export NODE_OPTIONS="--require \"$PG_DIR/loopback.cjs\""
    exec node "$PG_CLI" -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams --disable-telemetry \
        -p "$PG_PORT" --service-url "http://127.0.0.1:$PG_PORT/_connector"
) >"$DATA_DIR/playground.out" 2>&1 &
PG_PID=$!

LISTEN_PORT=""
for _ in $(seq 1 300); do
    LISTEN_PORT="$(sed -n 's/^Listening on \([0-9][0-9]*\).*/\1/p' "$DATA_DIR/playground.out" 2>/dev/null | head -n 1)"
    [ -n "$LISTEN_PORT" ] && break
    kill -0 "$PG_PID" 2>/dev/null || { cat "$DATA_DIR/playground.out" >&2; tail -n 20 "$DATA_DIR/playground.log" >&2 || true; die "the Playground exited during start-up."; }
    sleep 0.1
done
[ -n "$LISTEN_PORT" ] || die "the Playground did not start within 30 s (log: data/playground.log)."
[ "$LISTEN_PORT" = "$PG_PORT" ] || die "the Playground took port $LISTEN_PORT instead of $PG_PORT; its service URL would be wrong."
curl -fsS -o /dev/null "http://127.0.0.1:$PG_PORT/_debug/ping" || die "the Playground does not answer on port $PG_PORT."

say ""
say "  MdoBot      http://127.0.0.1:$BOT_PORT/api/messages   (pid $BOT_PID, log: data/mdobot.log, SQLite: data/mdobot.db)"
say "  Playground  pid $PG_PID, log: data/playground.log, tenant: playground/.m365agentsplayground.yml"
say ""
say "  Open http://127.0.0.1:$PG_PORT in your browser"
say ""
say "Press Ctrl+C to stop both."

# Stay until Ctrl+C or until one of the two stops; the EXIT trap stops the other.
set +e
wait -n "$BOT_PID" "$PG_PID"
code=$?
kill -0 "$BOT_PID" 2>/dev/null || say "MdoBot stopped (exit $code); see data/mdobot.log."
kill -0 "$PG_PID" 2>/dev/null || say "The Playground stopped (exit $code); see data/playground.log."
exit "$code"
