#!/usr/bin/env bash
# Console benchmarks (issue 24): the console's health, status, /metrics and reports-list routes at 0,
# 1,000, 10,000 and 100,000 generated reports (SIZES) in-process (ConsoleRouteBench: a request handed straight to
# ConsoleRoutes, INPROC_RUNS JVMs per size), then at 10,000 reports a real console in its own JVM
# (ConsoleServer: MaintenanceConsole with default options on 127.0.0.1, a free port) under closed-loop
# load from another JVM (ConsoleLoad: 8 and 64 keep-alive connections, each a distinct browser session
# that got its cookie from the dashboard page), status and /metrics, RUNS rounds each of WARMUP + SECONDS
# (SECONDS_EACH), after one unrecorded pass; SERVER_OPTS are the server JVM's options.
# LOAD=0 skips the part under load (the in-process rows only).
# Writes bench/results/console.md. Usage: bench/console.sh [--no-build]   (RUNS=3, WARMUP=3, SECONDS_EACH=10,
# INPROC_RUNS=5 by default; about 6 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/bench/results
mkdir -p "$out"
report=$out/console.md
runs=${RUNS:-3}
warmup=${WARMUP:-3}
secs=${SECONDS_EACH:-10}
inproc_runs=${INPROC_RUNS:-5}
sizes=(${SIZES:-0 1000 10000 100000})
load_size=${LOAD_SIZE:-10000}
with_load=${LOAD:-1}
server_opts=${SERVER_OPTS:-}
tmp=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

if [ "${1:-}" != "--no-build" ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
jar=$root/benchmarks/target/benchmarks.jar
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "== generating the histories" >&2
gen_sizes=("${sizes[@]}")
[ "$with_load" = 0 ] || gen_sizes+=("$load_size")
for n in "${gen_sizes[@]}"; do
  ws=$tmp/h$n
  [ -d "$ws" ] && continue
  mkdir -p "$ws/data" "$ws/reports"
  cp "$root"/maintenance-testkit/src/main/resources/com/twsrobot/maintenance/testkit/constituents/current/*.csv "$ws/data/"
  java -XX:+UseSerialGC -cp "$jar" com.twsrobot.maintenance.benchmarks.ReportHistory "$ws/reports" "$n" >/dev/null
done

echo "== in-process console routes (ConsoleRouteBench), $inproc_runs JVMs per size" >&2
for _ in $(seq 1 "$inproc_runs"); do
  for n in "${sizes[@]}"; do
    java -cp "$jar" com.twsrobot.maintenance.benchmarks.ConsoleRouteBench "$tmp/h$n/data" "$tmp/h$n/reports" \
      2>/dev/null >>"$tmp/inproc-$n"
  done
done

if [ "$with_load" != 0 ]; then
echo "== console under load at $load_size reports, $runs rounds" >&2
# The server reads its standard input: closing the fifo's writer (fd 3) stops it; it also stops by itself after 30 min.
mkfifo "$tmp/stdin"
# shellcheck disable=SC2086
java $server_opts -cp "$jar" com.twsrobot.maintenance.benchmarks.ConsoleServer "$tmp/h$load_size/data" \
  "$tmp/h$load_size/reports" 1800 <"$tmp/stdin" >"$tmp/server.log" 2>"$tmp/server.err" &
server=$!
exec 3>"$tmp/stdin"
for _ in $(seq 1 300); do grep -q '^http' "$tmp/server.log" 2>/dev/null && break; sleep 0.1; done
base=$(head -n 1 "$tmp/server.log")
[ -n "$base" ] || { echo "the console did not start" >&2; cat "$tmp/server.err" >&2; exit 1; }
# A fresh JVM's first seconds are the JIT compiling: one unrecorded pass over the routes first.
for path in /api/maintenance/status /metrics /api/maintenance/health; do
  java -cp "$jar" com.twsrobot.maintenance.benchmarks.ConsoleLoad "$base" "$path" 8 0 5 >/dev/null
done
for round in $(seq 1 "$runs"); do
  for conns in 8 64; do
    for path in /api/maintenance/status /metrics; do
      line=$(java -cp "$jar" com.twsrobot.maintenance.benchmarks.ConsoleLoad "$base" "$path" "$conns" "$warmup" "$secs")
      echo "round $round: $line (load $(cut -d' ' -f1 /proc/loadavg))" >&2
      echo "$line $(cut -d' ' -f1 /proc/loadavg)" >>"$tmp/load"
    done
  done
done
exec 3>&-
wait "$server" || true
server=""
fi

inproc() { awk -v k="$2 $3" '$1 " " $2 == k { print $3 }' "$tmp/inproc-$1" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
field() { awk -v p="$1" -v c="$2" -v f="$3" '$1 == p && $2 == c { for (i = 3; i <= NF; i++) if (index($i, f "=") == 1) print substr($i, length(f) + 2) }' "$tmp/load" | median; }
{
  echo "# Console benchmarks"
  echo
  echo "Produced by \`bench/console.sh\` on $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(java -version 2>&1 | head -n 1). Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "## In-process console routes (ConsoleRouteBench, $inproc_runs JVMs per size, median of their medians), ms: history unchanged / right after a new report"
  echo
  echo "| reports | health | status | /metrics | reports list (20) |"
  echo "| ---: | ---: | ---: | ---: | ---: |"
  for n in "${sizes[@]}"; do
    echo "| $n | $(inproc "$n" health unchanged) / $(inproc "$n" health after_new_report) | $(inproc "$n" status unchanged) / $(inproc "$n" status after_new_report) | $(inproc "$n" metrics unchanged) / $(inproc "$n" metrics after_new_report) | $(inproc "$n" reports unchanged) / $(inproc "$n" reports after_new_report) |"
  done
  last=${sizes[${#sizes[@]}-1]}
  if [ "${#sizes[@]}" -gt 2 ]; then # from the first size with 50 reports (what health and /metrics read) on
    echo "| **$last / ${sizes[1]}** (unchanged) | **$(ratio "$(inproc "$last" health unchanged)" "$(inproc "${sizes[1]}" health unchanged)")×** | **$(ratio "$(inproc "$last" status unchanged)" "$(inproc "${sizes[1]}" status unchanged)")×** | **$(ratio "$(inproc "$last" metrics unchanged)" "$(inproc "${sizes[1]}" metrics unchanged)")×** | **$(ratio "$(inproc "$last" reports unchanged)" "$(inproc "${sizes[1]}" reports unchanged)")×** |"
  fi
  echo "| **$last / ${sizes[0]}** (unchanged) | **$(ratio "$(inproc "$last" health unchanged)" "$(inproc "${sizes[0]}" health unchanged)")×** | **$(ratio "$(inproc "$last" status unchanged)" "$(inproc "${sizes[0]}" status unchanged)")×** | **$(ratio "$(inproc "$last" metrics unchanged)" "$(inproc "${sizes[0]}" metrics unchanged)")×** | **$(ratio "$(inproc "$last" reports unchanged)" "$(inproc "${sizes[0]}" reports unchanged)")×** |"
  echo
  echo "Each JVM's figures (reports: route, history unchanged or right after a new report, ms):"
  echo
  for n in "${sizes[@]}"; do
    awk -v n="$n" '$1 == "first_calls" { if (l != "") print "    " n ": " l; l = "" } $1 != "first_calls" { l = l $1 " " $2 " " $3 "; " }
      END { if (l != "") print "    " n ": " l }' "$tmp/inproc-$n"
  done
  echo
  if [ "$with_load" != 0 ]; then # LOAD=0: the in-process rows only
  echo "## Under load at $load_size reports (ConsoleLoad against ConsoleServer, $runs rounds of ${warmup} s + ${secs} s, medians)"
  echo
  echo "| route | connections | successful requests/s | p50 ms | p99 ms | max ms | errors (all rounds) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for conns in 8 64; do
    for path in /api/maintenance/status /metrics; do
      errs=$(awk -v p="$path" -v c="$conns" '$1 == p && $2 == c { split($4, e, "="); s += e[2] } END { print s + 0 }' "$tmp/load")
      echo "| \`$path\` | $conns | $(field "$path" "$conns" rps) | $(field "$path" "$conns" p50_ms) | $(field "$path" "$conns" p99_ms) | $(field "$path" "$conns" max_ms) | $errs |"
    done
  done
  echo
  echo "Each round's line (route, connections, counts, latencies, 1-minute load average after it):"
  echo
  sed 's/^/    /' "$tmp/load"
  echo
  fi
} >"$report"
cat "$report"
