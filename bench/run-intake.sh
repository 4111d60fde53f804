#!/usr/bin/env bash
# Intake benchmark of DeputyLink: builds the jar if there is none, starts the app on a free port
# with a throwaway data dir and the demo county, waits for /actuator/health to say UP, runs
# bench/IntakeBench.java against it, prints the figures and stops the app again.
#
#   bench/run-intake.sh [--postgres JDBC_URL] [client options...]
#
#   --postgres URL   run on PostgreSQL instead of the embedded H2 database, e.g.
#                    jdbc:postgresql://127.0.0.1:5432/postgres (user postgres, password $PGPASSWORD or
#                    empty). The app migrates a new schema bench_<time>_<n> there; it is dropped at
#                    the end when psql is on the PATH, otherwise the script says which one to drop.
#   client options   passed on to IntakeBench: --warmup 200 --n 2000 --replays 500 --lists 500
#                    --lookups 1000
#
# Environment: APP_JAVA_OPTS (JVM options of the app, e.g. -Xmx512m), JAVA_HOME, BENCH_START_TIMEOUT
# (seconds to wait for UP, default 240). Needs only Java 17 and Maven (Maven only to build the jar).
# Exit status: 0 all answers as expected, 1 some request failed, 2 the benchmark could not run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PG_URL=""
CLIENT_ARGS=()
while [ $# -gt 0 ]; do
	case "$1" in
		--postgres) PG_URL="${2:?--postgres needs a JDBC URL}"; shift 2 ;;
		--postgres=*) PG_URL="${1#--postgres=}"; shift ;;
		-h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) CLIENT_ARGS+=("$1"); shift ;;
	esac
done

# --- the jar
shopt -s nullglob
jars=(target/deputylink-*.jar)
if [ ${#jars[@]} -eq 0 ]; then
	echo "== no target/deputylink-*.jar: building it (mvn -q -DskipTests package)" >&2
	mvn -q -DskipTests package
	jars=(target/deputylink-*.jar)
fi
if [ ${#jars[@]} -eq 0 ]; then
	echo "the build produced no target/deputylink-*.jar" >&2
	exit 2
fi
JAR=$(ls -t "${jars[@]}" | head -n 1)
shopt -u nullglob

# --- a free port: one that refuses a connection on the loopback
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=""
for _ in $(seq 1 100); do
	p=$((20000 + RANDOM % 40000))
	if ! port_in_use "$p"; then PORT=$p; break; fi
done
[ -n "$PORT" ] || { echo "found no free port" >&2; exit 2; }

# --- start the app, stop it on any exit
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/deputylink-bench.XXXXXX")
LOG="$DATA_DIR/app.log"
APP_PID=""
SCHEMA=""
PSQL_URI=""

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID" 2>/dev/null || true
		for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
		if kill -0 "$APP_PID" 2>/dev/null; then kill -9 "$APP_PID" 2>/dev/null || true; fi
		wait "$APP_PID" 2>/dev/null || true
	fi
	if [ -n "$SCHEMA" ]; then
		if [ -n "$PSQL_URI" ] && command -v psql >/dev/null 2>&1 \
			&& psql -q "$PSQL_URI" -c "drop schema if exists $SCHEMA cascade" >/dev/null 2>&1; then
			echo "== dropped schema $SCHEMA" >&2
		else
			echo "== left schema $SCHEMA in $PG_URL: drop it with: drop schema $SCHEMA cascade" >&2
		fi
	fi
	rm -rf "$DATA_DIR"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

APP_ARGS=(--server.port="$PORT" --deputylink.data-dir="$DATA_DIR" --spring.profiles.active=demo)
DB_LABEL="H2 embedded"
if [ -n "$PG_URL" ]; then
	SCHEMA="bench_$(date +%s)_$RANDOM"
	sep='?'; case "$PG_URL" in *\?*) sep='&' ;; esac
	export SPRING_DATASOURCE_URL="${PG_URL}${sep}currentSchema=$SCHEMA"
	export SPRING_DATASOURCE_USERNAME=postgres
	export SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}"
	APP_ARGS+=(--spring.flyway.schemas="$SCHEMA")
	case "$PG_URL" in
		jdbc:postgresql://*) rest="${PG_URL#jdbc:postgresql://}"; PSQL_URI="postgresql://postgres@${rest%%\?*}" ;;
	esac
	DB_LABEL="PostgreSQL schema $SCHEMA"
fi

echo "== starting $JAR on port $PORT ($DB_LABEL), data dir $DATA_DIR" >&2
# shellcheck disable=SC2086
"$JAVA" ${APP_JAVA_OPTS:-} -jar "$JAR" "${APP_ARGS[@]}" >"$LOG" 2>&1 &
APP_PID=$!

health_up() {
	(
		exec 3<>"/dev/tcp/127.0.0.1/$PORT" || exit 1
		printf 'GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nAccept: application/json\r\nConnection: close\r\n\r\n' "$PORT" >&3
		answer=$(timeout 5 cat <&3 || true)
		case "$answer" in *'"status":"UP"'*) exit 0 ;; *) exit 1 ;; esac
	) 2>/dev/null
}

started=$SECONDS
until health_up; do
	if ! kill -0 "$APP_PID" 2>/dev/null; then
		echo "the app stopped before it was UP; the end of its log:" >&2
		tail -n 60 "$LOG" >&2
		exit 2
	fi
	if [ $((SECONDS - started)) -ge "${BENCH_START_TIMEOUT:-240}" ]; then
		echo "the app was not UP after ${BENCH_START_TIMEOUT:-240}s; the end of its log:" >&2
		tail -n 60 "$LOG" >&2
		exit 2
	fi
	sleep 0.5
done
echo "== app (pid $APP_PID) UP after $((SECONDS - started))s" >&2
# the demo writes the county's work in the background after start-up: wait for all of it
demo_ready() {
	(
		exec 3<>"/dev/tcp/127.0.0.1/$PORT" || exit 1
		printf 'GET /public/demo-status HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$PORT" >&3
		answer=$(timeout 5 cat <&3 || true)
		case "$answer" in 'HTTP/1.1 286'*) exit 0 ;; *) exit 1 ;; esac
	) 2>/dev/null
}
until demo_ready; do
	if [ $((SECONDS - started)) -ge "${BENCH_START_TIMEOUT:-240}" ]; then
		echo "the demo's work was not ready after ${BENCH_START_TIMEOUT:-240}s" >&2
		exit 2
	fi
	sleep 0.5
done
echo "== the demo's work ready after $((SECONDS - started))s" >&2

# --- the load
set +e
"$JAVA" "$ROOT/bench/IntakeBench.java" --base "http://127.0.0.1:$PORT" --pid "$APP_PID" --label "$DB_LABEL" \
	${CLIENT_ARGS[@]+"${CLIENT_ARGS[@]}"}
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
	echo "== client exit status $rc; errors in the app log:" >&2
	grep -E ' (ERROR|WARN) ' "$LOG" | tail -n 20 >&2 || true
fi
exit "$rc"
