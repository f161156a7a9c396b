#!/usr/bin/env bash
# Scenario 2 — the same org again, nothing changed upstream: zero rows written; wall time, peak RSS, API calls.
# Usage: bench/run-no-change.sh [RUNS] [USERS:DEPTS]        (default: 3 runs on 100000:5000)
source "$(dirname "$0")/lib.sh"
RUNS="${1:-3}"; SIZE="${2:-100000:5000}"
bench_build
start_emulator --generate "users=${SIZE%%:*},depts=${SIZE##*:},seed=1" --rate-limit off
write_element "$WORK/elements" Bench off
initial_sync
: > "$WORK/lines.jsonl"
for run in $(seq 1 "$RUNS"); do
  emu_reset_stats
  before="$(sqlite3 "$WORK/store/corps.db" "SELECT count(*) FROM change_log")"
  line="$(timed_sync "$WORK/elements" "$WORK/store/corps.db" Bench)"
  calls="$(emu_stats | jq .total_calls)"
  logged="$(sqlite3 "$WORK/store/corps.db" 'SELECT count(*) FROM change_log')"
  line="$(jq -c --argjson calls "$calls" --argjson logged "$logged" --arg before "$before" \
    '{ wallSeconds, syncSeconds, peakRssMb, fetchMs, planApplyMs, exitCode, load, outcome: .report.outcome, rowsWritten: .report.rowsWritten,
       changeLogRowsAdded: ($logged - ($before | tonumber)), totalChanges: .report.counts.total, emulatorCalls: $calls, error }' <<< "$line")"
  log "run $run: $line"
  record no-change "$(jq -c --arg size "$SIZE" '{ size: $size } + .' <<< "$line")"
  echo "$line" >> "$WORK/lines.jsonl"
done
summarize no-change "$WORK/lines.jsonl" wallSeconds syncSeconds fetchMs planApplyMs peakRssMb rowsWritten changeLogRowsAdded emulatorCalls | jq --arg size "$SIZE" '{ size: $size } + .'
