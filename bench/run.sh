#!/usr/bin/env bash
# The speed benchmark of issue 8, one command, on the local PostgreSQL (127.0.0.1:5432, user postgres):
#
#   bench/run.sh
#
# builds target/deputylink-*.jar if there is none, starts a fake SMS gateway (bench/FakeSmsGateway.java,
# 20 ms an answer) and the app (-Xmx512m, demo county, a fresh database bench_app, SMS through the fake
# gateway), takes a staff API token, runs wrk on POST /api/v1/opinions (64 connections, a warm-up, then
# the measured run), counts the statements of 100 intakes, drains 500 SMS, runs pgbench (64 clients,
# single-row inserts into the one table of database bench_pgbench) and prints the figures side by side.
# See bench/README.md for the method.
#
# Environment (defaults): BENCH_CONNECTIONS=64 BENCH_WARMUP=10 BENCH_DURATION=30 BENCH_PGBENCH_DURATION=15
# BENCH_SMS=500 BENCH_STATEMENTS=100 BENCH_HEAP=-Xmx512m APP_JAVA_OPTS= BENCH_KEEP=1 (keep the databases)
# Exit status: 0 done, 1 some request failed or an SMS arrived twice, 2 the benchmark could not run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

CONNS=${BENCH_CONNECTIONS:-64}
WARMUP=${BENCH_WARMUP:-10}
DURATION=${BENCH_DURATION:-30}
PGB_DURATION=${BENCH_PGBENCH_DURATION:-15}
SMS_N=${BENCH_SMS:-500}
STMT_N=${BENCH_STATEMENTS:-100}
HEAP=${BENCH_HEAP:--Xmx512m}
APP_DB=bench_app
PGB_DB=bench_pgbench
PGLOG=${BENCH_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JSTAT="${JAVA_HOME:+$JAVA_HOME/bin/}jstat"
RUN_ID=$(date +%s)

say() { echo "== $*" >&2; }
die() { echo "!! $*" >&2; exit 2; }
ms() { date +%s%3N; }
pq() { psql -X -q -At -h 127.0.0.1 -U postgres -d "$1" -c "$2"; }

# --- PostgreSQL
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
	say "PostgreSQL is down: starting it"
	pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
	sleep 2
fi
pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL on 127.0.0.1:5432 does not answer"

# --- the jar
shopt -s nullglob
jars=(target/deputylink-*.jar)
if [ ${#jars[@]} -eq 0 ]; then
	say "no target/deputylink-*.jar: building it"
	mvn -q -Dmaven.test.skip=true package
	jars=(target/deputylink-*.jar)
fi
[ ${#jars[@]} -gt 0 ] || die "the build produced no jar"
JAR=$(ls -t "${jars[@]}" | head -n 1)
shopt -u nullglob

free_port() {
	local p
	for _ in $(seq 1 100); do
		p=$((20000 + RANDOM % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
	done
	die "found no free port"
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/deputylink-bench.XXXXXX")
APP_PID=""
GW_PID=""
JSTAT_PID=""
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	for pid in $JSTAT_PID $APP_PID $GW_PID; do
		if kill -0 "$pid" 2>/dev/null; then
			kill "$pid" 2>/dev/null || true
			for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
			kill -9 "$pid" 2>/dev/null || true
		fi
	done
	pq postgres "alter database $APP_DB reset log_statement" >/dev/null 2>&1 || true
	if [ -z "${BENCH_KEEP:-}" ]; then
		pq postgres "drop database if exists $APP_DB with (force)" >/dev/null 2>&1 || true
		pq postgres "drop database if exists $PGB_DB with (force)" >/dev/null 2>&1 || true
	fi
	rm -rf "$TMP"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- fresh databases
pq postgres "drop database if exists $APP_DB with (force)"
pq postgres "create database $APP_DB"
pq postgres "drop database if exists $PGB_DB with (force)"
pq postgres "create database $PGB_DB"
pq "$PGB_DB" "create table t (id bigint generated always as identity primary key, v text not null, at timestamptz not null default now())"

# --- the fake SMS gateway
for _ in 1 2 3 4 5; do
	GW_PORT=$(free_port)
	"$JAVA" "$ROOT/bench/FakeSmsGateway.java" --port "$GW_PORT" --delay-ms 20 --tag 139 >"$TMP/gateway.log" 2>&1 &
	GW_PID=$!
	GW="http://127.0.0.1:$GW_PORT"
	for _ in $(seq 1 100); do
		curl -fs "$GW/stats" >/dev/null 2>&1 && break
		kill -0 "$GW_PID" 2>/dev/null || break
		sleep 0.2
	done
	curl -fs "$GW/stats" >/dev/null 2>&1 && break
done
curl -fs "$GW/stats" >/dev/null || die "the fake SMS gateway did not start: $(cat "$TMP/gateway.log")"

# --- the app
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
LOG="$TMP/app.log"
say "starting $JAR on port $PORT (PostgreSQL database $APP_DB, $HEAP), SMS gateway $GW"
T_LAUNCH=$(ms)
# shellcheck disable=SC2086
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$APP_DB" SPRING_DATASOURCE_USERNAME=postgres \
	SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
	"$JAVA" $HEAP -XX:+ExitOnOutOfMemoryError ${APP_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" \
	--deputylink.data-dir="$TMP/data" --spring.profiles.active=demo \
	--deputylink.sms.gateway-url="$GW/sms" >"$LOG" 2>&1 &
APP_PID=$!
until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; do
	kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$LOG" >&2; die "the app stopped before it was UP"; }
	[ $(( $(ms) - T_LAUNCH )) -lt 240000 ] || { tail -n 40 "$LOG" >&2; die "the app was not UP after 240 s"; }
	sleep 0.1
done
T_UP=$(ms)
STARTUP_S=$(awk -v a="$T_LAUNCH" -v b="$T_UP" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
STARTED_LINE=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$LOG" | head -n 1 || true)
say "UP after ${STARTUP_S}s ($STARTED_LINE)"
# the demo writes the county's work in the background after start-up: measure on the whole county
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/public/demo-status")" = 286 ]; do
	[ $(( $(ms) - T_LAUNCH )) -lt 600000 ] || die "the demo's work was not ready after 600 s"
	sleep 0.2
done
T_DEMO=$(ms)
DEMO_S=$(awk -v a="$T_LAUNCH" -v b="$T_DEMO" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
say "the demo's work ready after ${DEMO_S}s"

TOKEN=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"liaison","password":"Demo#2026"}' \
	"$BASE/api/v1/auth/token" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || die "no API token for liaison"

intake() { # $1 = phone, $2 = text tag; prints the HTTP status
	curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
		-d "{\"source\":\"RECEPTION\",\"content\":\"路灯不亮，请处理（$2）\",\"constituent\":{\"name\":\"测试\",\"phone\":\"$1\",\"anonymous\":false}}" \
		"$BASE/api/v1/opinions"
}
[ "$(intake 13600000000 probe-$RUN_ID)" = 201 ] || die "a staff intake did not answer 201"

pending() { pq "$APP_DB" "select count(*) from outbox_message where status in ('PENDING', 'SENDING')"; }
# waits until the outbox holds nothing to send (at most $1 seconds); prints the seconds it took
drain() {
	local t0 t
	t0=$(ms)
	while [ "$(pending)" != 0 ]; do
		t=$(( $(ms) - t0 ))
		[ "$t" -lt $(( $1 * 1000 )) ] || { echo "> $1 (not drained: $(pending) left)"; return; }
		sleep 0.2
	done
	awk -v a="$t0" -v b="$(ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'
}
# commits of the app's database and, per table, scans, inserted, updated, deleted rows
snapshot() {
	sleep 1.5 # backends report their counters at most once a second
	pq "$APP_DB" "select xact_commit, xact_rollback from pg_stat_database where datname = current_database()" >"$TMP/$1.db"
	pq "$APP_DB" "select relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del
		from pg_stat_user_tables order by relname" >"$TMP/$1.tables"
	pq "$APP_DB" "select count(*) from opinion" >"$TMP/$1.opinions"
}

# --- wrk: warm-up, then the measured run with the heap sampled every second
WRK=(wrk -t2 -c"$CONNS" --timeout 10s -s "$ROOT/bench/intake.lua" "$BASE")
say "wrk warm-up ${WARMUP}s, $CONNS connections"
"${WRK[@]}" -d"${WARMUP}s" -- "$TOKEN" "w$RUN_ID" 137 >"$TMP/wrk-warmup.txt"
say "warm-up outbox drained in $(drain 20) s"
snapshot before
"$JSTAT" -gc "$APP_PID" 1000 >"$TMP/jstat.txt" 2>/dev/null &
JSTAT_PID=$!
say "wrk measured run ${DURATION}s"
"${WRK[@]}" -d"${DURATION}s" -- "$TOKEN" "m$RUN_ID" 138 >"$TMP/wrk.txt"
T_WRK_END=$(ms)
snapshot after-wrk
BACKLOG_DRAIN=$(drain 30)
snapshot after-drain
kill "$JSTAT_PID" 2>/dev/null || true
JSTAT_PID=""
# the same stack's ceiling on this machine: an authenticated read that writes nothing (the token's
# one read, the security filters, JSON), so the intake's figures can be told from the framework's
say "wrk baseline: GET /api/v1/me, 10s"
wrk -t2 -c"$CONNS" --timeout 10s -d10s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me" >"$TMP/wrk-me.txt" 2>&1 || true
ME_RATE=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$TMP/wrk-me.txt" | cut -d. -f1)
grep -q '^BENCH' "$TMP/wrk.txt" || { cat "$TMP/wrk.txt" >&2; die "wrk printed no figures"; }
WRK_LINE=$(grep '^BENCH' "$TMP/wrk.txt")
val() { echo "$WRK_LINE" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
REQS=$(val requests); DUR_US=$(val duration_us)
ERRORS=$(( $(val status_errors) + $(val connect_errors) + $(val read_errors) + $(val timeouts) ))
INTAKES=$(( $(cat "$TMP/after-drain.opinions") - $(cat "$TMP/before.opinions") ))
RATE=$(awk -v n="$REQS" -v d="$DUR_US" 'BEGIN { printf "%.0f", n / (d / 1e6) }')
HEAP_MAX=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { u = ($3 + $4 + $6 + $8) / 1024; if (u > m) m = u } END { printf "%.0f", m }' "$TMP/jstat.txt")

# --- statements per intake: log_statement for this database only, for STMT_N sequential intakes
say "counting the statements of $STMT_N intakes (log_statement on $APP_DB only)"
STATEMENTS="n/a"; STMT_COMMITS="n/a"; DISPATCH="n/a"
if [ -r "$PGLOG" ]; then
	pq postgres "alter database $APP_DB set log_statement = 'all'"
	# the pool's connections were opened before: end them, the pool opens new ones that log
	pq postgres "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '$APP_DB' and pid <> pg_backend_pid()" >/dev/null
	# the pool checks a connection idle for more than 0.5 s before lending it: wait past that, so that
	# no request gets one of the connections just ended (they would fail as a restarted server's would)
	sleep 1
	sleep 1
	for i in 1 2 3 4 5; do intake "1350000000$i" "s-$RUN_ID-w$i" >/dev/null; done
	drain 20 >/dev/null
	sleep 1
	OFF0=$(stat -c %s "$PGLOG")
	SENT0=$(pq "$APP_DB" "select count(*) from outbox_message where status = 'SENT'")
	for i in $(seq 1 "$STMT_N"); do intake "$(printf '135%08d' "$i")" "s-$RUN_ID-$i" >/dev/null; done
	drain 20 >/dev/null
	OFF1=$(stat -c %s "$PGLOG")
	pq postgres "alter database $APP_DB reset log_statement"
	pq postgres "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '$APP_DB' and pid <> pg_backend_pid()" >/dev/null
	# the pool checks a connection idle for more than 0.5 s before lending it: wait past that, so that
	# no request gets one of the connections just ended (they would fail as a restarted server's would)
	sleep 1
	# (head ends the pipe early: that is no failure)
	{ tail -c +"$((OFF0 + 1))" "$PGLOG" | head -c "$((OFF1 - OFF0))" >"$TMP/pg-chunk.log"; } || true
	# one line per statement of the app: its pid and its text (the first non-empty line of a multi-line
	# statement); the script's own probes (psql, counting outbox rows) are not the app's
	awk -v db=" postgres@$APP_DB LOG:  " '
		want && $0 !~ /^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] / { if ($0 ~ /^[ \t]*$/) next; print pid "|" $0; want = 0; next }
		index($0, db) && match($0, /LOG:  (statement|execute [^:]*): /) {
			pid = $3; text = substr($0, RSTART + RLENGTH)
			if (text ~ /^[ \t]*$/) { want = 1; next }
			print pid "|" text; next }
		{ want = 0 }' "$TMP/pg-chunk.log" | grep -v "select count(\*) from outbox_message" >"$TMP/app-statements.log" || true
	# a statement outside BEGIN ... COMMIT is a transaction of its own (auto-commit)
	# the dispatcher's: what reads or changes outbox rows or writes the inbox (the intake only inserts outbox rows)
	read -r N_STMT N_COMMIT N_DSTMT N_DCOMMIT < <(awk -F'|' '
		{ t = toupper($2); gsub(/^[ \t]+|[ \t;]+$/, "", t) }
		t == "BEGIN" { tx[$1] = 1; d[$1] = 0; next }
		t == "COMMIT" || t == "ROLLBACK" { tx[$1] = 0; c++; if (d[$1]) dc++; next }
		{ s++; isd = ($2 ~ /update outbox_message|from outbox_message|into inbox_message/)
		  if (isd) ds++
		  if (!tx[$1]) { c++; if (isd) dc++ } else if (isd) d[$1] = 1 }
		END { print s + 0, c + 0, ds + 0, dc + 0 }' "$TMP/app-statements.log")
	MESSAGES=$(( $(pq "$APP_DB" "select count(*) from outbox_message where status = 'SENT'") - SENT0 ))
	[ "$MESSAGES" -gt 0 ] || MESSAGES=1
	DISPATCH=$(awk -v s="$N_DSTMT" -v c="$N_DCOMMIT" -v m="$MESSAGES" \
		'BEGIN { printf "%.2f statements, %.2f commits per message (%d messages)", s / m, c / m, m }')
	STATEMENTS=$(awk -v s="$N_STMT" -v n="$STMT_N" 'BEGIN { printf "%.1f", s / n }')
	STMT_COMMITS=$(awk -v c="$N_COMMIT" -v n="$STMT_N" 'BEGIN { printf "%.1f", c / n }')
	cut -d'|' -f2- "$TMP/app-statements.log" | sed -E 's/^[ \t]+//' | cut -c1-90 | sort | uniq -c | sort -rn \
		| awk -v n="$STMT_N" '{ c = $1; sub(/^ *[0-9]+ /, ""); printf "  %6.2f  %s\n", c / n, $0 }' >"$TMP/statement-kinds.txt"
fi

# --- SMS drain: SMS_N intakes with a 139 phone each, as fast as 16 clients go
say "SMS drain: $SMS_N intakes, each queueing an SMS"
drain 20 >/dev/null
curl -fs -X POST "$GW/reset-tag" >/dev/null
export -f intake
export TOKEN BASE
seq 1 "$SMS_N" | xargs -P 16 -I{} bash -c 'intake "$(printf "139%08d" {})" "sms-'"$RUN_ID"'-{}"' >"$TMP/sms-status.txt"
T_LAST_INTAKE=$(ms)
SMS_BAD=$(grep -vc '^201$' "$TMP/sms-status.txt" || true)
SMS_WANT=$(grep -c '^201$' "$TMP/sms-status.txt" || true) # an intake that failed queued no SMS
while :; do
	read -r _ _ _ _ TAGGED TAGGED_AT < <(curl -fs "$GW/stats")
	[ "$TAGGED" -ge "$SMS_WANT" ] && break
	[ $(( $(ms) - T_LAST_INTAKE )) -lt 90000 ] || break
	sleep 0.1
done
SMS_DRAIN=$(awk -v a="$T_LAST_INTAKE" -v b="$TAGGED_AT" -v n="$TAGGED" -v want="$SMS_WANT" \
	'BEGIN { if (n < want) printf "> 90 s (%d of %d arrived)", n, want; else printf "%.1f s", (b - a) / 1000 }')
sleep 1
read -r GW_RECEIVED GW_DISTINCT GW_DUPLICATES _ _ _ < <(curl -fs "$GW/stats")
SMS_SENT_DB=$(pq "$APP_DB" "select count(*) from outbox_message where channel = 'SMS' and status = 'SENT'")
HEAP_INFO=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | sed -n 's/^ *\(garbage-first heap\|def new generation\)/\1/p' | head -n 1 || true)
OOM=$(grep -c OutOfMemoryError "$LOG" || true)

# --- the app stops; pgbench runs alone on the same database server
kill "$APP_PID" 2>/dev/null || true
for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.25; done
say "pgbench ${PGB_DURATION}s, $CONNS clients, single-row inserts"
printf '\\set r random(1, 1000000000)\ninsert into t (v) values (:r);\n' >"$TMP/insert.sql"
pgbench -h 127.0.0.1 -U postgres -n -c "$CONNS" -j 2 -T "$PGB_DURATION" -f "$TMP/insert.sql" "$PGB_DB" >"$TMP/pgbench.txt" 2>&1 \
	|| { cat "$TMP/pgbench.txt" >&2; die "pgbench failed"; }
PGB_TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$TMP/pgbench.txt")
PGB_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$TMP/pgbench.txt")

# --- the report
per() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.2f", (b - a) / n }'; }
read -r C0 _ <<<"$(tr '|' ' ' <"$TMP/before.db")"
read -r C1 _ <<<"$(tr '|' ' ' <"$TMP/after-wrk.db")"
read -r C2 R2 <<<"$(tr '|' ' ' <"$TMP/after-drain.db")"
echo
echo "DeputyLink speed benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1), $(pq postgres 'select version()' | cut -d, -f1)"
echo "$JAR built $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC'); checkout at $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo
printf '%-46s %14s   %s\n' "" "app intake" "pgbench insert"
printf '%-46s %14s   %s\n' "rate, $CONNS connections (/s)" "$RATE" "$PGB_TPS"
printf '%-46s %14s   %s\n' "latency p50 / p99 (ms)" "$(val p50_ms) / $(val p99_ms)" "avg $PGB_LAT"
printf '%-46s %14s\n' "ratio intake / pgbench" "$(awk -v a="$RATE" -v b="$PGB_TPS" 'BEGIN { printf "%.3f", a / b }')"
printf '%-46s %14s\n' "requests in ${DURATION}s / errors" "$REQS / $ERRORS"
printf '%-46s %14s\n' "baseline GET /api/v1/me, same token (/s)" "${ME_RATE:-n/a}"
echo
echo "cost per intake (its SMS and inbox notices delivered included), $INTAKES intakes"
printf '  %-44s %s\n' "commits (pg_stat_database, run + drain)" "$(per "$C0" "$C2" "$INTAKES")"
printf '  %-44s %s\n' "  of which during the wrk run" "$(per "$C0" "$C1" "$((INTAKES > 0 ? INTAKES : 1))")"
printf '  %-44s %s\n' "statements, BEGIN/COMMIT not counted" "$STATEMENTS"
printf '  %-44s %s\n' "transactions (log_statement, $STMT_N intakes)" "$STMT_COMMITS"
printf '  %-44s %s\n' "rollbacks (whole run)" "$R2"
echo "  per table, per intake:      scans   inserted   updated   deleted"
join -t'|' "$TMP/before.tables" "$TMP/after-drain.tables" | awk -F'|' -v n="$INTAKES" '
	{ s = ($6 - $2) / n; i = ($7 - $3) / n; u = ($8 - $4) / n; d = ($9 - $5) / n
	  if (s + i + u + d >= 0.005) printf "    %-24s %7.2f %10.2f %9.2f %9.2f\n", $1, s, i, u, d }'
if [ -s "${TMP}/statement-kinds.txt" ]; then
	echo "  statements per intake by text (log_statement):"
	head -n 30 "$TMP/statement-kinds.txt"
fi
echo
echo "notifications"
printf '  %-44s %s\n' "outbox backlog after the wrk run drained in" "$BACKLOG_DRAIN s"
printf '  %-44s %s\n' "dispatcher cost (log_statement, $STMT_N intakes)" "$DISPATCH"
printf '  %-44s %s\n' "$SMS_N SMS (20 ms gateway) after the last intake" "$SMS_DRAIN   ($SMS_BAD intakes not 201)"
printf '  %-44s %s\n' "gateway: received / distinct / twice" "$GW_RECEIVED / $GW_DISTINCT / $GW_DUPLICATES   (outbox SENT SMS: $SMS_SENT_DB)"
echo
echo "JVM"
printf '  %-44s %s\n' "startup: launch to health UP" "${STARTUP_S} s   ($STARTED_LINE)"
printf '  %-44s %s\n' "startup: launch to the demo's work ready" "${DEMO_S} s"
printf '  %-44s %s\n' "heap used, max over the measured run" "$HEAP_MAX MB ($HEAP; OutOfMemoryError: $OOM)"
printf '  %-44s %s\n' "heap at the end" "${HEAP_INFO:-?}"

rc=0
[ "$ERRORS" -eq 0 ] || rc=1
[ "$GW_DUPLICATES" -eq 0 ] || { echo "!! $GW_DUPLICATES SMS arrived twice" >&2; rc=1; }
exit "$rc"
