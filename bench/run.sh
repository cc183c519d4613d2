#!/usr/bin/env bash
# The benchmark harness: in-process figures with JMH, whole-process CLI runs against loopback fixture
# servers. Writes bench/results/latest.md (copy the figures into docs/benchmarks.md).
# Usage: bench/run.sh            (about 4 minutes on 2 cores; needs GNU time: apt-get install time)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/bench/results
mkdir -p "$out"
report=$out/latest.md
tmp=$(mktemp -d)
servers=()
cleanup() { for p in "${servers[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

mvn -B -q package -DskipTests  # the reactor's jars in target/ are all the harness uses; nothing goes to ~/.m2
bench_jar=$root/benchmarks/target/benchmarks.jar
cli=$root/bin/tws-maintenance
"$cli" --help >/dev/null  # makes the launcher's class-data archive once, outside the measurements

# Starts LoopbackFixtures PAGE_DELAY_MS YAHOO_DELAY_MS SYMBOLS in the background; prints its base URL.
start_server() {
  local log=$tmp/server-$1-$2-$3.log
  java -cp "$bench_jar" com.twsrobot.maintenance.benchmarks.LoopbackFixtures "$1" "$2" "$3" >"$log" 2>&1 &
  servers+=($!)
  for _ in $(seq 1 100); do grep -q '^http' "$log" 2>/dev/null && break; sleep 0.1; done
  head -n 1 "$log"
}

# A fresh workspace holding the host's current constituent files.
workspace() {
  local ws; ws=$(mktemp -d "$tmp/ws.XXXX")
  mkdir -p "$ws/data" "$ws/reports"
  cp "$root"/maintenance-testkit/src/main/resources/com/twsrobot/maintenance/testkit/constituents/current/*.csv "$ws/data/"
  echo "$ws"
}

# Runs a command N times; prints "median_s max_rss_MiB" of the runs.
measure() {
  local n=$1; shift
  local walls=() rss=0
  for _ in $(seq 1 "$n"); do
    local t0 t1 m
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/err" || { echo "FAILED: $*" >&2; cat "$tmp/err" >&2; return 1; }
    t1=$(date +%s%N)
    walls+=("$(( (t1 - t0) / 1000000 ))")
    m=$(tail -n 1 "$tmp/rss"); [ "$m" -gt "$rss" ] && rss=$m
  done
  local median; median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  awk -v ms="$median" -v kib="$rss" 'BEGIN { printf "%.3f %.1f\n", ms / 1000, kib / 1024 }'
}

{
  echo "# Benchmark results"
  echo
  echo "Produced by \`bench/run.sh\` on $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(java -version 2>&1 | head -n 1)."
  echo
} >"$report"

echo "== JMH: (1) parse + normalise + validate per page, (4) 10 000-event upserts" >&2
java -jar "$bench_jar" PageParseBenchmark -rf json -rff "$out/jmh-pages.json" >"$tmp/jmh-pages.txt" 2>&1
java -jar "$bench_jar" EventStoreBenchmark -rf json -rff "$out/jmh-events.json" >"$tmp/jmh-events.txt" 2>&1
{
  echo "## (1) Parse + normalise + validate one page (JMH, warm, ms/op)"
  echo; echo '```'; grep -E '^(Benchmark|PageParse)' "$tmp/jmh-pages.txt"; echo '```'; echo
  echo "## (4) Upsert 10 000 events into the embedded SQLite store (JMH single shot, ms)"
  echo; echo '```'; grep -E '^(Benchmark|EventStore)' "$tmp/jmh-events.txt"
  echo "second refresh alone (all updates), per invocation:"
  grep -o '\[again only: [0-9.]* ms\]' "$tmp/jmh-events.txt" | tail -n 5
  echo '```'; echo
} >>"$report"

echo "== (2) CLI dry run of the three constituent tasks" >&2
base=$(start_server 0 0 0)
ws=$(workspace)
urls=(--source-url "sp500=$base/sp500" --source-url "sti=$base/sti" --source-url "hsi=$base/hsi")
read -r wall rss < <(measure 7 "$cli" --data-dir "$ws/data" --reports-dir "$ws/reports" run --task constituents "${urls[@]}")
read -r jwall jrss < <(measure 7 java -jar "$root/maintenance-cli/target/tws-maintenance.jar" --data-dir "$ws/data" \
  --reports-dir "$ws/reports" run --task constituents "${urls[@]}")
slow=$(start_server 1000 0 0)
surls=(--source-url "sp500=$slow/sp500" --source-url "sti=$slow/sti" --source-url "hsi=$slow/hsi")
read -r swall srss < <(measure 3 "$cli" --data-dir "$ws/data" --reports-dir "$ws/reports" run --task constituents "${surls[@]}")
{
  echo "## (2) \`run --dry-run\` of the three constituent tasks, whole CLI process"
  echo
  echo "| sources answer | started as | median wall | peak RSS |"
  echo "| --- | --- | ---: | ---: |"
  echo "| instantly | \`bin/tws-maintenance\` (README) | ${wall} s | ${rss} MiB |"
  echo "| instantly | plain \`java -jar\` | ${jwall} s | ${jrss} MiB |"
  echo "| after 1 s each | \`bin/tws-maintenance\` | ${swall} s | ${srss} MiB |"
} >>"$report"

echo "== (2c) the same, instant sources, on JDK 17 with its class-data archive (the launcher's fallback)" >&2
jdk17=$(ls -d /usr/lib/jvm/java-17-openjdk-*/bin/java 2>/dev/null | head -n 1 || true)
if [ -n "$jdk17" ]; then
  TWS_MAINTENANCE_JAVA=$jdk17 "$cli" --help >/dev/null
  read -r w17 r17 < <(TWS_MAINTENANCE_JAVA=$jdk17 measure 7 "$cli" --data-dir "$ws/data" --reports-dir "$ws/reports" \
    run --task constituents "${urls[@]}")
else
  w17="(no JDK 17 found)"; r17="-"
fi
launcher_java=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' /usr/lib/jvm/*/release 2>/dev/null | sort -V | tail -n 1)
{
  echo "| instantly | \`bin/tws-maintenance\` forced to JDK 17 (class-data archive) | ${w17} s | ${r17} MiB |"
  echo
  echo "The launcher picked JDK ${launcher_java:-?} (the newest under /usr/lib/jvm; its ahead-of-time cache when 25+)."
  echo
} >>"$report"

echo "== (6) in-process: a host's runner, 3 sources answering after 1 s each" >&2
read -r _ first _ warm _ steady < <(java -XX:+UseSerialGC -cp "$bench_jar" com.twsrobot.maintenance.benchmarks.InProcessBench 1000 5)
read -r _ ifirst _ iwarm _ isteady < <(java -XX:+UseSerialGC -cp "$bench_jar" com.twsrobot.maintenance.benchmarks.InProcessBench 0 5)
{
  echo "## (6) In-process dry run of the three constituent tasks (a host's runner, JDK 17)"
  echo
  echo "| sources answer | first run in a fresh JVM | warm (median of runs 2–6) | steady (median of runs 17–21) |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| after 1 s each | ${first} s | ${warm} s | ${steady} s |"
  echo "| instantly | ${ifirst} s | ${iwarm} s | ${isteady} s |"
  echo
} >>"$report"

echo "== (7) status, whole CLI process" >&2
read -r stwall strss < <(measure 7 "$cli" --data-dir "$ws/data" --reports-dir "$ws/reports" status)
{
  echo "## (7) \`status\`, whole CLI process"
  echo
  echo "median ${stwall} s, peak RSS ${strss} MiB"
  echo
} >>"$report"

echo "== (3) market_events --apply for 500 symbols, each answering after 50 ms" >&2
yahoo=$(start_server 0 50 500)
symbols=(); for i in $(seq 0 499); do symbols+=(--symbol "S$i"); done
events=(run --task market_events --apply --days 90 "${symbols[@]}" --source-url "fomc=$yahoo/fomc"
        --source-url "yahoo=$yahoo" --source-url "yahoo-cookie=$yahoo/cookie")
ews=$(workspace)
read -r ewall erss < <(measure 3 "$cli" --data-dir "$ews/data" --reports-dir "$ews/reports" "${events[@]}")
rws=$(workspace)
read -r rwall rrss < <(TWS_MAINTENANCE_JAVA_OPTS="-Dmaintenance.yahoo.requestsPerSecond=100" measure 1 "$cli" \
  --data-dir "$rws/data" --reports-dir "$rws/reports" "${events[@]}")
{
  echo "## (3) \`run --task market_events --apply\`, 500 symbols, provider answering after 50 ms"
  echo
  echo "| setting | median wall | peak RSS |"
  echo "| --- | ---: | ---: |"
  echo "| default concurrency (16), no rate limit | ${ewall} s | ${erss} MiB |"
  echo "| rate limit 100 requests/s (500 requests: at least 4.99 s) | ${rwall} s | ${rrss} MiB |"
  echo
} >>"$report"

echo "== (5) peak heap of a dry run of everything, with -Xmx64m" >&2
hws=$(workspace)
TWS_MAINTENANCE_JAVA_OPTS="-Xmx64m -Xlog:gc:file=$tmp/gc.log" "$cli" --data-dir "$hws/data" --reports-dir "$hws/reports" \
  run "${urls[@]}" --source-url "fomc=$base/fomc" >/dev/null 2>&1 && ok=completed || ok="FAILED (exit $?)"
peak=$(grep -o '[0-9]*M->' "$tmp/gc.log" | sed 's/M->//' | sort -n | tail -n 1 || true)
# The same heap for an apply that replaces all three files (the previous versions in place, so each one changes).
aws=$(workspace)
cp "$root"/maintenance-testkit/src/main/resources/com/twsrobot/maintenance/testkit/constituents/previous/*.csv "$aws/data/"
TWS_MAINTENANCE_JAVA_OPTS="-Xmx64m -Xlog:gc:file=$tmp/gc-apply.log" "$cli" --data-dir "$aws/data" --reports-dir "$aws/reports" \
  run --task constituents --apply --allow-large-change "${urls[@]}" >/dev/null 2>&1 && aok=completed || aok="FAILED (exit $?)"
apeak=$(grep -o '[0-9]*M->' "$tmp/gc-apply.log" | sed 's/M->//' | sort -n | tail -n 1 || true)
{
  echo "## (5) Dry run of everything (constituents + market events) with \`-Xmx64m\`"
  echo
  echo "$ok; peak heap before a collection: ${peak:-under the first collection} MiB."
  echo
  echo "An apply of the three constituent tasks (each file replaced) with \`-Xmx64m\`: $aok; peak heap before a collection: ${apeak:-under the first collection} MiB."
  echo
} >>"$report"

echo "== (8) history: status, reports, apply and the console's core calls at 0 to 100,000 reports" >&2
"$root"/bench/history.sh --no-build >/dev/null
{ echo; sed -n '3,$p' "$out/history.md"; } >>"$report"

echo "== (9) console: health, status and /metrics in-process at 0 to 100,000 reports, and under load" >&2
"$root"/bench/console.sh --no-build >/dev/null
{ echo; sed -n '3,$p' "$out/console.md"; } >>"$report"

cat "$report"
