#!/usr/bin/env bash
# The statistics' response times (issue 11): the summary API and the dashboard page on the demo
# county, then on a county with ten times its history (deputylink.demo.history-scale=10: 21,230
# activities, 9,630 opinions, 570 turned into proposals). Embedded H2 by default; BENCH_DB=postgres
# runs both on the local PostgreSQL (127.0.0.1:5432, user postgres, trust) in a scratch database.
#
#   bench/statistics.sh            # about 3–5 minutes on 2 cores
#
# Environment (defaults): BENCH_SCALES="1 10" BENCH_N=200 BENCH_HEAP=-Xmx768m BENCH_DB=h2 APP_JAVA_OPTS=
# The jar target/deputylink-*.jar is built only if missing: rebuild it after changing the code.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALES=${BENCH_SCALES:-"1 10"}
N=${BENCH_N:-200}
HEAP=${BENCH_HEAP:--Xmx768m}
DB=${BENCH_DB:-h2}
PORT=${BENCH_PORT:-18091}
BASE="http://127.0.0.1:$PORT"

die() { echo "bench: $*" >&2; exit 2; }
command -v java >/dev/null || die "java 17 is needed"
command -v curl >/dev/null || die "curl is needed"
JAR=$(ls target/deputylink-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [ -z "$JAR" ]; then
  echo "building the jar (mvn package, tests skipped)"
  mvn -q -B -ntp -Dmaven.test.skip=true package
  JAR=$(ls target/deputylink-*.jar | grep -v original | head -n 1)
fi
echo "jar: $JAR (built $(date -r "$JAR" '+%Y-%m-%d %H:%M'))"
echo "machine: $(nproc) cores, $(java -version 2>&1 | sed -n 1p)"

APP=""
WORK=""
cleanup() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  if [ -n "$WORK" ]; then rm -rf "$WORK"; fi
  if [ "$DB" = postgres ]; then psql -h 127.0.0.1 -U postgres -q -c "drop database if exists bench_stats" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

for scale in $SCALES; do
  WORK=$(mktemp -d)
  DBARGS=()
  if [ "$DB" = postgres ]; then
    pg_isready -h 127.0.0.1 -p 5432 -q || die "PostgreSQL is not running on 127.0.0.1:5432"
    psql -h 127.0.0.1 -U postgres -q -c "drop database if exists bench_stats" -c "create database bench_stats" >/dev/null
    DBARGS=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/bench_stats --spring.datasource.username=postgres)
  fi
  echo
  echo "== history x$scale on $DB: $((2123 * scale)) activities, $((963 * scale)) opinions"
  START=$(date +%s%N)
  # shellcheck disable=SC2086
  java $HEAP -XX:+ExitOnOutOfMemoryError ${APP_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" \
    --spring.profiles.active=demo --deputylink.data-dir="$WORK" --deputylink.demo.history-scale="$scale" \
    "${DBARGS[@]}" > "$WORK/app.log" 2>&1 &
  APP=$!
  until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$APP" 2>/dev/null || { tail -n 40 "$WORK/app.log"; die "the application stopped"; }
    sleep 0.5
    if [ $(( ($(date +%s%N) - START) / 1000000000 )) -gt 900 ]; then die "no health UP after 900 s"; fi
  done
  UP_MS=$(( ($(date +%s%N) - START) / 1000000 ))
  printf '  launch to health UP: %d.%d s (%s)\n' $((UP_MS / 1000)) $((UP_MS % 1000 / 100)) \
    "$(grep -o 'Demo county seeded in [0-9]* ms' "$WORK/app.log" | head -n 1)"
  java bench/StatisticsBench.java "$BASE" $((2123 * scale)) $((963 * scale)) $((57 * scale)) "$N"
  printf '  heap after the run: %s\n' "$(jcmd "$APP" GC.heap_info 2>/dev/null | sed -n 2p | sed 's/^ *//' || echo n/a)"
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""
  rm -rf "$WORK"; WORK=""
done
