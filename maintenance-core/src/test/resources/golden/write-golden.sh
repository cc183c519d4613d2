#!/usr/bin/env sh
# Writes the golden reports and plans with the CLI jar of the checked-out commit, offline (bundled page
# snapshots; the Yahoo provider fails to resolve its host, which is one of the recorded failures).
# Usage, from the repository root, after `mvn -B -q -o package -DskipTests -pl maintenance-cli -am` and
# `mvn -B -q -o compile -pl examples -am`:  sh maintenance-core/src/test/resources/golden/write-golden.sh OUT
set -e
out=${1:?usage: write-golden.sh OUT_DIR}
ws=$(mktemp -d)
mkdir -p "$ws/data" "$ws/reports" "$out"
cp maintenance-testkit/src/main/resources/com/twsrobot/maintenance/testkit/constituents/previous/*.csv "$ws/data/"
cli() { java -cp "maintenance-cli/target/tws-maintenance.jar:examples/target/classes" \
  com.twsrobot.maintenance.cli.MaintenanceCli --data-dir "$ws/data" --reports-dir "$ws/reports" "$@" || true; }
id() { ls "$ws/reports" | grep -E '^maintenance_[0-9_]+\.json$' | sort | tail -1 | sed 's/\.json$//'; }
step() { name=$1; shift; before=$(id); cli "$@" > "$ws/out.txt" 2>&1; now=$(id)
  [ "$now" != "$before" ] || { echo "$name wrote no report" >&2; cat "$ws/out.txt" >&2; exit 1; }
  echo "$name $now $*" >> "$out/runs.txt"; sleep 1.1; }
: > "$out/runs.txt"
# 1. a dry run of every task, plans saved (STI churn and stale content warnings, HSI refused, Yahoo failed)
step preview run --snapshot --task all --symbol AAPL --source-timeout 5
preview=$(id)
# 2. apply exactly that plan (S&P 500 and STI written, HSI refused again: partly applied)
step apply_plan run --apply --plan "$preview"
# 3. an apply refused as a large change (HSI count change and churn)
step refused run --snapshot --task hsi_constituents --apply
# 4. a rollback preview, then the rollback
step rollback_preview rollback --task sti_constituents
step rollback rollback --task sti_constituents --apply
# 5. an events sync, applied (FOMC and the US market calendar from bundled data)
step events run --task market_events --apply
# 6. the example plug-in tasks (a file write by a plug-in, a plug-in's own detail)
step plugins run --task screener_universe --task watchlist_coverage --apply
# 7. a fresh dry run whose plans a later version must apply
step preview_to_apply run --snapshot --task sp500_constituents --task sti_constituents
cp "$ws"/reports/maintenance_*.json "$ws"/reports/maintenance_*.md "$out/"
rm -rf "$ws"
