#!/usr/bin/env bash
# History benchmarks (issue 24): reports directories of 0, 1,000, 10,000 and 100,000 generated reports
# (benchmarks/…/ReportHistory.java, one a minute, written without the index as an older version left
# them). Whole CLI processes: `status`, `reports --limit 20` and a constituents apply against a loopback
# fixture server, the sizes taken in turn in each round so machine noise spreads evenly; then in-process
# the core calls behind the console's status, health and /metrics (HistoryBench). Writes
# bench/results/history.md. Usage: bench/history.sh [--no-build]   (RUNS=7 rounds by default; about
# 4 minutes on 2 cores; needs GNU time: apt-get install time)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/bench/results
mkdir -p "$out"
report=$out/history.md
runs=${RUNS:-7}
sizes=(0 1000 10000 100000)
tmp=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

if [ "${1:-}" != "--no-build" ]; then
  mvn -B -q -pl benchmarks,maintenance-cli -am package -DskipTests
fi
jar=$root/benchmarks/target/benchmarks.jar
cli=$root/bin/tws-maintenance
"$cli" --help >/dev/null  # the launcher's cache is made once, outside the measurements

# Runs a command once; prints "wall_ms rss_KiB".
once() {
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >"$tmp/out" 2>"$tmp/err" || { echo "FAILED: $*" >&2; cat "$tmp/err" >&2; exit 1; }
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(tail -n 1 "$tmp/rss")"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }'; }

echo "== generating the histories" >&2
declare -A gen build
for n in "${sizes[@]}"; do
  ws=$tmp/h$n
  mkdir -p "$ws/data" "$ws/reports"
  cp "$root"/maintenance-testkit/src/main/resources/com/twsrobot/maintenance/testkit/constituents/current/*.csv "$ws/data/"
  gen[$n]=$(java -XX:+UseSerialGC -cp "$jar" com.twsrobot.maintenance.benchmarks.ReportHistory "$ws/reports" "$n")
  read -r ms _ < <(once "$cli" --data-dir "$ws/data" --reports-dir "$ws/reports" status)
  build[$n]=$(seconds "$ms") # the first command builds the index from the reports
done

java -cp "$jar" com.twsrobot.maintenance.benchmarks.LoopbackFixtures 0 0 0 >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do grep -q '^http' "$tmp/server.log" 2>/dev/null && break; sleep 0.1; done
base=$(head -n 1 "$tmp/server.log")
urls=(--source-url "sp500=$base/sp500" --source-url "sti=$base/sti" --source-url "hsi=$base/hsi")

echo "== whole CLI processes, $runs rounds" >&2
for round in $(seq 1 "$runs"); do
  for n in "${sizes[@]}"; do
    ws=$tmp/h$n
    common=("$cli" --data-dir "$ws/data" --reports-dir "$ws/reports")
    once "${common[@]}" status >>"$tmp/status-$n"
    once "${common[@]}" reports --limit 20 >>"$tmp/reports-$n"
    once "${common[@]}" run --task constituents --apply "${urls[@]}" >>"$tmp/apply-$n"
  done
done

inproc_runs=${INPROC_RUNS:-3}
echo "== in-process core calls (HistoryBench), $inproc_runs JVMs per size" >&2
for _ in $(seq 1 "$inproc_runs"); do
  for n in "${sizes[@]}"; do
    java -XX:+UseSerialGC -cp "$jar" com.twsrobot.maintenance.benchmarks.HistoryBench "$tmp/h$n/data" "$tmp/h$n/reports" \
      2>/dev/null >>"$tmp/inproc-$n"
  done
done

fig() { cut -d' ' -f1 "$1" | median; }
rss() { cut -d' ' -f2 "$1" | sort -n | tail -n 1 | awk '{ printf "%.1f", $1 / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
inproc() { awk -v k="$2 $3" '$1 " " $2 == k { print $3 }' "$tmp/inproc-$1" | median; }

{
  echo "# History benchmarks"
  echo
  echo "Produced by \`bench/history.sh\` on $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(java -version 2>&1 | head -n 1) (in-process rows); the launcher's JDK for the CLI rows. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "## Whole CLI process (\`bin/tws-maintenance\`), median of $runs runs, seconds (peak RSS MiB)"
  echo
  echo "| reports | generated in | first command (builds the index) | \`status\` | \`reports --limit 20\` | constituents apply |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
  for n in "${sizes[@]}"; do
    echo "| $n | ${gen[$n]} s | ${build[$n]} s | $(seconds "$(fig "$tmp/status-$n")") ($(rss "$tmp/status-$n")) | $(seconds "$(fig "$tmp/reports-$n")") ($(rss "$tmp/reports-$n")) | $(seconds "$(fig "$tmp/apply-$n")") ($(rss "$tmp/apply-$n")) |"
  done
  echo "| **100,000 / 0** | | | **$(ratio "$(fig "$tmp/status-100000")" "$(fig "$tmp/status-0")")×** | **$(ratio "$(fig "$tmp/reports-100000")" "$(fig "$tmp/reports-0")")×** | **$(ratio "$(fig "$tmp/apply-100000")" "$(fig "$tmp/apply-0")")×** |"
  echo
  echo "## In-process core calls (HistoryBench, $inproc_runs JVMs per size, the median of their medians), ms: history unchanged / right after a new report"
  echo
  echo "| reports | first call | status | health | /metrics (recent reports + health) | reports list (20) | status after a report written without the index |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for n in "${sizes[@]}"; do
    echo "| $n | $(awk '$1 == "first_call" { print $2 }' "$tmp/inproc-$n" | median) | $(inproc "$n" status unchanged) / $(inproc "$n" status after_new_report) | $(inproc "$n" health unchanged) / $(inproc "$n" health after_new_report) | $(inproc "$n" metrics unchanged) / $(inproc "$n" metrics after_new_report) | $(inproc "$n" reports20 unchanged) / $(inproc "$n" reports20 after_new_report) | $(inproc "$n" status after_foreign_report) |"
  done
  echo
} >"$report"
cat "$report"
