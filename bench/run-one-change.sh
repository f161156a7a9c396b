#!/usr/bin/env bash
# Scenario 3 — one person changed through the emulator's write API (PATCH users/:id job_title), then a full sync:
# exactly one member row and its change-log entry written. Wall time, peak RSS, rows written.
# Usage: bench/run-one-change.sh [RUNS] [USERS:DEPTS]       (default: 3 runs on 100000:5000)
source "$(dirname "$0")/lib.sh"
RUNS="${1:-3}"; SIZE="${2:-100000:5000}"
bench_build
start_emulator --generate "users=${SIZE%%:*},depts=${SIZE##*:},seed=1" --rate-limit off
write_element "$WORK/elements" Bench off
initial_sync
token="$(tenant_token)"
: > "$WORK/lines.jsonl"
for run in $(seq 1 "$RUNS"); do
  # A different active person each run, spread over the pool.
  person="$(sqlite3 "$WORK/store/corps.db" "SELECT external_id FROM members WHERE status = 0 ORDER BY id LIMIT 1 OFFSET $((run * 997))")"
  title="Bench title $(date +%s%N)"
  code="$(curl -s -o "$WORK/patch.json" -w '%{http_code}' -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "$EMU_URL/open-apis/contact/v3/users/$person?user_id_type=open_id" -d "{\"job_title\":\"$title\"}")"
  [[ "$code" == 200 && "$(jq .code "$WORK/patch.json")" == 0 ]] || { echo "PATCH failed: $code $(cat "$WORK/patch.json")" >&2; exit 1; }
  logged_before="$(sqlite3 "$WORK/store/corps.db" 'SELECT count(*) FROM change_log')"
  line="$(timed_sync "$WORK/elements" "$WORK/store/corps.db" Bench)"
  logged="$(sqlite3 "$WORK/store/corps.db" "SELECT count(*) FROM change_log")"
  entry="$(sqlite3 -json "$WORK/store/corps.db" "SELECT object_kind, external_id, action FROM change_log ORDER BY id DESC LIMIT 1" | jq -c '.[0]')"
  stored="$(sqlite3 "$WORK/store/corps.db" "SELECT job_title FROM members WHERE external_id = '$person'")"
  line="$(jq -c --argjson added "$((logged - logged_before))" --argjson entry "$entry" --arg person "$person" --arg ok "$([[ "$stored" == "$title" ]] && echo true || echo false)" \
    '{ wallSeconds, syncSeconds, peakRssMb, fetchMs, planApplyMs, exitCode, load, outcome: .report.outcome, rowsWritten: .report.rowsWritten,
       membersUpdated: .report.counts.membersUpdated, totalChanges: .report.counts.total, changeLogRowsAdded: $added, lastChange: $entry,
       person: $person, storedTitleMatches: ($ok == "true"), error }' <<< "$line")"
  log "run $run: $line"
  record one-change "$(jq -c --arg size "$SIZE" '{ size: $size } + .' <<< "$line")"
  echo "$line" >> "$WORK/lines.jsonl"
done
summarize one-change "$WORK/lines.jsonl" wallSeconds syncSeconds fetchMs planApplyMs peakRssMb rowsWritten changeLogRowsAdded membersUpdated | jq --arg size "$SIZE" '{ size: $size } + .'
