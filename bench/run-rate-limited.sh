#!/usr/bin/env bash
# Scenario 4 — realistic rate limits (the emulator enforces 50/s and 1000/min per API and app; the element keeps the
# plugin's default pacing): full sync wall time vs the floor those limits impose on the calls made, and no error.
# Two wall times: syncSeconds is the run itself (token request to committed transaction, as the issue defines wall time)
# and wallSeconds the whole `corps` process (start-up, plugin loading and exit too); each is divided by the floor.
# Floor per API with c calls: the last call cannot start before max(floor((c-1)/50) s, floor((c-1)/1000) min);
# the run's floor is the largest per-API floor (APIs are limited separately; `floorSumSeconds` adds them up instead,
# as if the APIs were called one after another, which the full-sync order nearly does).
# Usage: bench/run-rate-limited.sh [RUNS] [USERS:DEPTS]     (default: 3 runs on 10000:500)
# Runs start at least BENCH_SPACING seconds apart (default 61): the emulator counts 1000/min per API and app across
# processes, and a run that starts inside the minute the previous one used up waits for 429 resets instead (each
# `corps` process paces only its own calls, as a scheduled sync — one at a time — would).
source "$(dirname "$0")/lib.sh"
RUNS="${1:-3}"; SIZE="${2:-10000:500}"
bench_build
start_emulator --generate "users=${SIZE%%:*},depts=${SIZE##*:},seed=1" --rate-limit realistic
write_element "$WORK/elements" Bench documented
: > "$WORK/lines.jsonl"
last_start=0
for run in $(seq 1 "$RUNS"); do
  wait_s=$(( last_start + ${BENCH_SPACING:-61} - $(date +%s) ))
  if (( run > 1 && wait_s > 0 )); then log "waiting ${wait_s} s for a fresh per-minute quota"; sleep "$wait_s"; fi
  last_start=$(date +%s)
  rm -rf "$WORK/store"; mkdir -p "$WORK/store"
  emu_reset_stats
  line="$(timed_sync "$WORK/elements" "$WORK/store/corps.db" Bench)"
  stats="$(emu_stats)"
  line="$(jq -c --argjson stats "$stats" '
    ($stats.endpoints | to_entries | map(select(.key | test("tenant_access_token") | not))
      | map({ api: .key, calls: .value.calls, floor: ([((.value.calls - 1) / 50 | floor), (((.value.calls - 1) / 1000 | floor) * 60)] | max) })) as $apis
    | ($apis | map(.floor) | max) as $floor
    | { wallSeconds, syncSeconds, peakRssMb, fetchMs, planApplyMs, exitCode, load, outcome: .report.outcome, members: .report.upstreamMembers,
        emulatorCalls: $stats.total_calls, throttled: ([$stats.endpoints[] | .throttled] | add), floorSeconds: $floor,
        floorSumSeconds: ($apis | map(.floor) | add), fetchVsFloor: (if $floor > 0 and .fetchMs != null then ((.fetchMs / 1000 / $floor * 1000 | round) / 1000) else null end),
        wallVsFloor: (if $floor > 0 then ((.wallSeconds / $floor * 1000 | round) / 1000) else null end),
        syncVsFloor: (if $floor > 0 and .syncSeconds != null then ((.syncSeconds / $floor * 1000 | round) / 1000) else null end),
        warnings: (.report.warnings // []), error, perApi: $apis }' <<< "$line")"
  log "run $run: $(jq -c 'del(.perApi)' <<< "$line")"
  record rate-limited "$(jq -c --arg size "$SIZE" '{ size: $size } + .' <<< "$line")"
  echo "$line" >> "$WORK/lines.jsonl"
done
summarize rate-limited "$WORK/lines.jsonl" wallSeconds syncSeconds syncVsFloor fetchMs peakRssMb emulatorCalls throttled floorSeconds wallVsFloor fetchVsFloor \
  | jq --arg size "$SIZE" --slurpfile runs "$WORK/lines.jsonl" '{ size: $size } + . + { errors: [$runs[] | .error], perApi: $runs[0].perApi }'
