#!/usr/bin/env bash
# Scenario 5 — events through `corps serve`: encrypted, signed contact.user.updated_v3 deliveries offered at fixed
# rates (open loop) by bench/Corps.Bench (the emulator's own cipher and signer), 5 % of them delivered twice.
# Per rate: events applied per second (offer start → inbox drained), acknowledgement latency p50/p99, and the store
# checked afterwards: every event applied exactly once (one change-log entry each), every person at their last update.
# The service's memory is read from /proc (VmHWM = peak RSS so far) after each rate.
# BENCH_PERF=1 also records a perf profile of the service per rate (bench/results/perf-events-<rate>.data; read it with
# `perf report -i FILE --no-children --sort symbol`).
# BENCH_DRAIN_TIMEOUT (s, default 300) bounds the wait for the inbox to drain after each rate.
# BENCH_WARMUP=RATE:SECONDS (default 500:4; `none` to skip) first offers that many events, not recorded, so the measured
# rates see a service whose code has been compiled to its optimised tier, as a long-running service's has; each
# recorded line says which warm-up it had.
# Usage: bench/run-events.sh [SECONDS_PER_RATE] [USERS:DEPTS] [RATE …]   (default: 10 s, 10000:500, 200 1000 5000)
source "$(dirname "$0")/lib.sh"
SECONDS_PER_RATE="${1:-10}"; SIZE="${2:-10000:500}"; shift 2 || shift $# || true
RATES=("${@:-200}"); [[ $# -eq 0 ]] && RATES=(200 1000 5000)
export BENCH_ENCRYPT_KEY="bench-encrypt-key-$RANDOM$RANDOM" BENCH_VERIFICATION_TOKEN="bench-token-$RANDOM"
bench_build
start_emulator --generate "users=${SIZE%%:*},depts=${SIZE##*:},seed=1" --rate-limit off
write_element "$WORK/elements" Bench off '"encryptKey": "${env:BENCH_ENCRYPT_KEY}", "verificationToken": "${env:BENCH_VERIFICATION_TOKEN}"'
# No scheduled sync during the measurement (cron: 03:00 on 1 January).
jq '. + { schedule: "0 0 3 1 1 ?" }' "$WORK/elements/corps/Bench/e.json" > "$WORK/e.json" && mv "$WORK/e.json" "$WORK/elements/corps/Bench/e.json"
initial_sync

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
SERVE_URL="http://127.0.0.1:$port"
# BENCH_PERF=1: sample the service with perf while it applies (JIT frames resolved through the runtime's perf map).
[[ "${BENCH_PERF:-0}" == 1 ]] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
/usr/bin/time -v -o "$WORK/serve-time.txt" "$CORPS" --elements "$WORK/elements" --store "$WORK/store/corps.db" --plugins "$PLUGINS" \
  serve --urls "$SERVE_URL" > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVE_PID=$!
for _ in $(seq 1 300); do curl -sf "$SERVE_URL/healthz" > /dev/null 2>&1 && break; sleep 0.2; done
HOST_PID="$(pgrep -P "$SERVE_PID" | head -1)"
log "corps serve on $SERVE_URL (pid $HOST_PID)"
WARMUP="${BENCH_WARMUP:-500:4}"
if [[ "$WARMUP" != none ]]; then
  log "warming the service up: ${WARMUP%%:*} events/s for ${WARMUP##*:} s (not recorded)…"
  "$BENCHTOOL" send-events --target "$SERVE_URL/corps/Bench/events" --status "$SERVE_URL/status" --corp Bench \
    --store "$WORK/store/corps.db" --emulator "$EMU_URL" --encrypt-key "$BENCH_ENCRYPT_KEY" --token "$BENCH_VERIFICATION_TOKEN" \
    --app-id "$APP_ID" --rate "${WARMUP%%:*}" --seconds "${WARMUP##*:}" --duplicates 0 --tag warmup \
    --drain-timeout "${BENCH_DRAIN_TIMEOUT:-300}" > /dev/null || true
fi
: > "$WORK/lines.jsonl"
for rate in "${RATES[@]}"; do
  log "offering $rate events/s for $SECONDS_PER_RATE s…"
  load_before="$(load)"
  cpu_before="$(awk '{ print $14 + $15 }' "/proc/$HOST_PID/stat")"
  if [[ "${BENCH_PERF:-0}" == 1 ]]; then
    perf record -F 499 -g -p "$HOST_PID" -o "$RESULTS/perf-events-$rate.data" -- sleep "${BENCH_PERF_SECONDS:-20}" > /dev/null 2>&1 &
  fi
  result="$("$BENCHTOOL" send-events --target "$SERVE_URL/corps/Bench/events" --status "$SERVE_URL/status" --corp Bench \
    --store "$WORK/store/corps.db" --emulator "$EMU_URL" --encrypt-key "$BENCH_ENCRYPT_KEY" --token "$BENCH_VERIFICATION_TOKEN" \
    --app-id "$APP_ID" --rate "$rate" --seconds "$SECONDS_PER_RATE" --duplicates 0.05 --tag "r$rate" \
    --drain-timeout "${BENCH_DRAIN_TIMEOUT:-300}")" || true
  # The service's own CPU time over the step (user + system, clock ticks): its cost per event, whatever the load.
  cpu_ms=$(( ($(awk '{ print $14 + $15 }' "/proc/$HOST_PID/stat") - cpu_before) * 1000 / $(getconf CLK_TCK) ))
  rss="$(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$HOST_PID/status")"
  hwm="$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$HOST_PID/status")"
  line="$(jq -c --arg load "$load_before / $(load)" --arg warmup "$WARMUP" --argjson rss "$rss" --argjson hwm "$hwm" --argjson cpu "$cpu_ms" \
    '. + { serveRssMb: $rss, servePeakRssMb: $hwm, serveCpuMs: $cpu, serveCpuMsPerEvent: (($cpu / (.events + .duplicatesSent) * 100 | round) / 100), load: $load, warmup: $warmup }' <<< "$result")"
  log "$rate/s: $(jq -c '{ events, appliedPerSecond, ackMs, ackFromScheduleMs, acked200, ackedOther, ok: .store.ok, serveCpuMsPerEvent, servePeakRssMb, load }' <<< "$line")"
  record events "$(jq -c --arg size "$SIZE" '{ size: $size } + .' <<< "$line")"
  echo "$line" >> "$WORK/lines.jsonl"
done
kill -TERM "$HOST_PID"; wait "$SERVE_PID" || true; SERVE_PID=""
grep -c '"level":"Error"\|fail:\|error' "$WORK/serve.err" > /dev/null && log "serve log errors: $(grep -ci 'error' "$WORK/serve.err")"
jq -s --arg size "$SIZE" '{ scenario: "events", size: $size, rates: [.[] | { offeredPerSecond, events, appliedPerSecond, drainedSeconds,
  ackMs, ackFromScheduleMs, acked200, ackedOther, duplicatesSent, duplicateAcked200, storeOk: .store.ok, store, serveCpuMsPerEvent, servePeakRssMb, load }] }' "$WORK/lines.jsonl"
