#!/usr/bin/env bash
# Scenario 1 — full sync into an empty store, rate limits off: wall time, the host's peak RSS, API calls vs the minimum.
# Usage: bench/run-full-sync.sh [RUNS] [USERS:DEPTS …]      (default: 3 runs of 100000:5000)
#   e.g. bench/run-full-sync.sh 3 10000:500 30000:1500 100000:5000     (the scale curve)
# The emulator runs as its own process; each sync is `corps sync` as its own process under /usr/bin/time -v.
source "$(dirname "$0")/lib.sh"
RUNS="${1:-3}"; shift || true
SIZES=("${@:-100000:5000}")
bench_build

for size in "${SIZES[@]}"; do
  users="${size%%:*}"; depts="${size##*:}"
  start_emulator --generate "users=$users,depts=$depts,seed=1" --rate-limit off
  minimum="$("$BENCHTOOL" min-calls --emulator "$EMU_URL")"
  write_element "$WORK/elements" Bench off
  lines=()
  for run in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/store"; mkdir -p "$WORK/store"
    emu_reset_stats
    line="$(timed_sync "$WORK/elements" "$WORK/store/corps.db" Bench)"
    calls="$(emu_stats | jq .total_calls)"
    line="$(jq -c --argjson calls "$calls" --argjson min "$(jq .minimum <<< "$minimum")" \
      '{ wallSeconds, syncSeconds, peakRssMb, fetchMs, planApplyMs, exitCode, load, outcome: .report.outcome, rowsWritten: .report.rowsWritten,
         members: .report.upstreamMembers, departments: .report.upstreamDepartments, emulatorCalls: $calls, reportedCalls: .report.apiCalls,
         minimumCalls: $min, callsVsMinimum: (($calls / $min * 1000 | round) / 1000), error }' <<< "$line")"
    log "$users people / $depts departments, run $run: $line"
    record full-sync "$(jq -c --arg size "$size" '{ size: $size } + .' <<< "$line")"
    lines+=("$line")
  done
  printf '%s\n' "${lines[@]}" > "$WORK/lines.jsonl"
  jq -n --arg size "$size" --argjson minimum "$minimum" --slurpfile runs "$WORK/lines.jsonl" '
    def s(f): [$runs[] | f] | sort | { median: (if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end), min: min, max: max };
    { scenario: "full-sync", size: $size, runs: ($runs | length), wallSeconds: s(.wallSeconds), syncSeconds: s(.syncSeconds), fetchMs: s(.fetchMs), planApplyMs: s(.planApplyMs),
      peakRssMb: s(.peakRssMb), emulatorCalls: s(.emulatorCalls), minimumCalls: $minimum.minimum, strictMinimumCalls: $minimum.strictMinimum,
      callsVsMinimum: s(.callsVsMinimum), loads: [$runs[] | .load], outcomes: [$runs[] | .outcome], minimumBreakdown: $minimum.perApi }'
done
