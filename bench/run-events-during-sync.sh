#!/usr/bin/env bash
# Scenario 5b — acknowledgements while a large full sync writes the same store: `corps serve` receives events for the
# Bench corp (10000:500, as scenario 5) while `corps sync Big` — a second corp of BIG_USERS:DEPTS people on its own
# emulator, synced into the same store file for the first time by another process — holds the store's write lock for
# the seconds its apply takes. The events are offered open-loop at RATE/s for SECONDS, starting with the sync, so the
# offer window covers the sync's fetch and its apply. Reported: ack latency (p50/p99/max) over the window, the sync's
# wall and plan+apply time, and the store check of scenario 5 (every event applied exactly once).
# Usage: bench/run-events-during-sync.sh [SECONDS] [RATE] [BIG_USERS:DEPTS]   (default: 30 s, 200/s, 100000:5000)
source "$(dirname "$0")/lib.sh"
SECONDS_OFFERED="${1:-30}"; RATE="${2:-200}"; BIG="${3:-100000:5000}"
export BENCH_ENCRYPT_KEY="bench-encrypt-key-$RANDOM$RANDOM" BENCH_VERIFICATION_TOKEN="bench-token-$RANDOM"
bench_build

# The big org's emulator first, kept apart from the one start_emulator manages.
start_emulator --generate "users=${BIG%%:*},depts=${BIG##*:},seed=7" --rate-limit off
BIG_EMU_PID="$EMU_PID"; EMU_PID=""
write_element "$WORK/elements" Big off
trap 'kill -9 "$BIG_EMU_PID" 2>/dev/null || true; cleanup' EXIT
start_emulator --generate "users=10000,depts=500,seed=1" --rate-limit off
write_element "$WORK/elements" Bench off '"encryptKey": "${env:BENCH_ENCRYPT_KEY}", "verificationToken": "${env:BENCH_VERIFICATION_TOKEN}"'
# No scheduled sync of either corp during the measurement (cron: 03:00 on 1 January).
for name in Bench Big; do
  jq '. + { schedule: "0 0 3 1 1 ?" }' "$WORK/elements/corps/$name/e.json" > "$WORK/e.json" && mv "$WORK/e.json" "$WORK/elements/corps/$name/e.json"
done
initial_sync

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
SERVE_URL="http://127.0.0.1:$port"
"$CORPS" --elements "$WORK/elements" --store "$WORK/store/corps.db" --plugins "$PLUGINS" serve --urls "$SERVE_URL" > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVE_PID=$!; HOST_PID=$SERVE_PID
for _ in $(seq 1 300); do curl -sf "$SERVE_URL/healthz" > /dev/null 2>&1 && break; sleep 0.2; done
log "corps serve on $SERVE_URL (pid $SERVE_PID)"
send() { # send TAG RATE SECONDS DUPLICATES
  "$BENCHTOOL" send-events --target "$SERVE_URL/corps/Bench/events" --status "$SERVE_URL/status" --corp Bench \
    --store "$WORK/store/corps.db" --emulator "$EMU_URL" --encrypt-key "$BENCH_ENCRYPT_KEY" --token "$BENCH_VERIFICATION_TOKEN" \
    --app-id "$APP_ID" --rate "$2" --seconds "$3" --duplicates "$4" --tag "$1" --drain-timeout "${BENCH_DRAIN_TIMEOUT:-300}"
}
log "warming the service up: 500 events/s for 4 s (not recorded)…"
send warmup 500 4 0 > /dev/null || true

log "offering $RATE events/s for $SECONDS_OFFERED s while another process runs the first full sync of Big ($BIG)…"
load_before="$(load)"
timed_sync "$WORK/elements" "$WORK/store/corps.db" Big > "$WORK/big-sync.json" &
SYNC_PID=$!
result="$(send "s$RATE" "$RATE" "$SECONDS_OFFERED" 0.05)" || true
wait "$SYNC_PID" || true
sync_line="$(jq -c '{ wallSeconds, fetchMs, planApplyMs, outcome: .report.outcome, rowsWritten: .report.rowsWritten, exitCode }' "$WORK/big-sync.json")"
line="$(jq -c --arg load "$load_before / $(load)" --arg big "$BIG" --argjson sync "$sync_line" \
  '{ bigOrg: $big, bigSync: $sync } + . + { load: $load }' <<< "$result")"
log "$(jq -c '{ events, appliedPerSecond, ackMs, acked200, ackedOther, ok: .store.ok, bigSync, load }' <<< "$line")"
record events-during-sync "$(jq -c '{ size: "10000:500" } + .' <<< "$line")"
kill -TERM "$SERVE_PID"; wait "$SERVE_PID" || true; SERVE_PID=""; HOST_PID=""
jq '{ scenario: "events-during-sync", offeredPerSecond, events, ackMs, ackFromScheduleMs, acked200, ackedOther, duplicateAcked200,
  appliedPerSecond, drainedSeconds, storeOk: .store.ok, bigOrg, bigSync, load }' <<< "$line"
