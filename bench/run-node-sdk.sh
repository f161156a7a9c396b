#!/usr/bin/env bash
# Scenario 7 — ours against the official SDK: `corps sync` (real host, real Feishu plugin, real SQLite store) and the
# full sync a user would write with @larksuiteoapi/node-sdk + better-sqlite3 (bench/node-sdk/full-sync.js), one after
# the other (alternating who goes first) against the same emulator process and org, into fresh stores.
#   unthrottled: the emulator without rate limits, the SDK with its page iterators;
#   realistic:   the emulator at 50/s and 1000/min per API; ours with its default pacing; the SDK paging by hand and
#                waiting out 429s (its iterators stop at the first 429 — shown once, as `sdk-iterator`).
# Both read with up to 8 requests in flight (the plugin's default; `--concurrency` of the script).
# BENCH_MODES="realistic" (or "unthrottled") runs one mode only.
# Usage: bench/run-node-sdk.sh [RUNS] [UNTHROTTLED USERS:DEPTS] [REALISTIC USERS:DEPTS]   (default: 3, 100000:5000, 10000:500)
source "$(dirname "$0")/lib.sh"
RUNS="${1:-3}"; FAST_SIZE="${2:-100000:5000}"; SLOW_SIZE="${3:-10000:500}"
SDK_DIR="$BENCH_DIR/node-sdk"
bench_build

# The SDK project: pinned by its lockfile; better-sqlite3 compiled from its bundled SQLite with the node headers here
# (install scripts are off in .npmrc, and prebuilt binaries cannot be downloaded).
if [[ ! -d "$SDK_DIR/node_modules/@larksuiteoapi" ]]; then (cd "$SDK_DIR" && npm ci --no-audit --no-fund >&2); fi
if [[ ! -f "$SDK_DIR/node_modules/better-sqlite3/build/Release/better_sqlite3.node" ]]; then
  log "compiling better-sqlite3…"
  node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  (cd "$SDK_DIR/node_modules/better-sqlite3" && node "$(npm root -g 2>/dev/null)/npm/node_modules/node-gyp/bin/node-gyp.js" rebuild --release --nodedir="$node_prefix" -j 2 >&2)
fi

ours() {
  rm -rf "$WORK/store"; mkdir -p "$WORK/store"; emu_reset_stats
  local line; line="$(timed_sync "$WORK/elements" "$WORK/store/corps.db" Bench)"
  local stats; stats="$(emu_stats)"
  jq -c --argjson calls "$(jq .total_calls <<< "$stats")" --argjson throttled "$(jq '[.endpoints[] | .throttled] | add' <<< "$stats")" --arg mode "$1" \
    '{ side: "corps", mode: $mode, wallSeconds, peakRssMb, fetchMs, storeMs: .planApplyMs, throttled: $throttled,
    users: .report.upstreamMembers, departments: .report.upstreamDepartments, emulatorCalls: $calls, ok: (.exitCode == 0), load, error }' <<< "$line"
}

sdk() { # sdk MODE PAGING
  rm -f "$WORK/sdk.db"*; emu_reset_stats
  local code=0
  /usr/bin/time -v -o "$WORK/sdk-time.txt" node "$SDK_DIR/full-sync.js" --base-url "$EMU_URL" --app-id "$APP_ID" --app-secret "$APP_SECRET" \
    --db "$WORK/sdk.db" --concurrency 8 --paging "$2" > "$WORK/sdk.json" 2> "$WORK/sdk.err" || code=$?
  [[ -s "$WORK/sdk.json" ]] || echo '{"ok":false}' > "$WORK/sdk.json"
  local wall rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/sdk-time.txt")"
  rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$WORK/sdk-time.txt")"
  local stats; stats="$(emu_stats)"
  jq -c --argjson calls "$(jq .total_calls <<< "$stats")" --argjson throttled "$(jq '[.endpoints[] | .throttled] | add' <<< "$stats")" --arg mode "$1" --arg side "sdk-$2" --argjson wall "$wall" --argjson rss "$rss" --arg load "$(load)" --argjson code "$code" \
    '{ side: $side, mode: $mode, wallSeconds: $wall, peakRssMb: $rss, fetchMs, storeMs, throttled: $throttled, users, departments, emulatorCalls: $calls,
       ok: (.ok and $code == 0), load: $load, error: (if .sdkErrorCount > 0 then "\(.sdkErrorCount) SDK errors, e.g. \(.sdkErrors[0])" else null end) }' "$WORK/sdk.json"
}

: > "$WORK/lines.jsonl"
for mode in ${BENCH_MODES:-unthrottled realistic}; do
  if [[ "$mode" == unthrottled ]]; then size="$FAST_SIZE"; limit=off; rate=off; paging=iterator
  else size="$SLOW_SIZE"; limit=realistic; rate=documented; paging=manual; fi
  start_emulator --generate "users=${size%%:*},depts=${size##*:},seed=1" --rate-limit "$limit"
  write_element "$WORK/elements" Bench "$rate"
  for run in $(seq 1 "$RUNS"); do
    # Under rate limits each side gets a fresh emulator: the 1000/min window is per app, and a run right after the
    # other side's would start with most of the minute's budget spent.
    fresh() { if [[ "$mode" == realistic ]]; then start_emulator --generate "users=${size%%:*},depts=${size##*:},seed=1" --rate-limit "$limit"; write_element "$WORK/elements" Bench "$rate"; fi; }
    if (( run % 2 == 1 )); then fresh; a="$(ours "$mode")"; fresh; b="$(sdk "$mode" "$paging")"; else fresh; b="$(sdk "$mode" "$paging")"; fresh; a="$(ours "$mode")"; fi
    for line in "$a" "$b"; do
      log "$size $mode run $run: $line"
      record node-sdk "$(jq -c --arg size "$size" '{ size: $size } + .' <<< "$line")"
      echo "$line" >> "$WORK/lines.jsonl"
    done
  done
  if [[ "$mode" == realistic ]]; then
    fresh; line="$(sdk "$mode" iterator)"; log "$size $mode, SDK iterators under rate limits: $line"
    record node-sdk "$(jq -c --arg size "$size" '{ size: $size } + .' <<< "$line")"; echo "$line" >> "$WORK/lines.jsonl"
  fi
done
jq -s '
  def med: sort | if length == 0 then null elif length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  group_by(.mode + "/" + .side) | map({ mode: .[0].mode, side: .[0].side, runs: length, ok: (map(.ok) | all), users: .[0].users,
    wallSeconds: (map(.wallSeconds) | { median: med, min: min, max: max }), fetchMs: (map(.fetchMs) | med), storeMs: (map(.storeMs) | med),
    peakRssMb: (map(.peakRssMb) | med), emulatorCalls: (map(.emulatorCalls) | med), throttled: map(.throttled), errors: (map(.error) | unique), loads: map(.load) })
  | . as $g | { scenario: "node-sdk", results: $g, ratios: ([["unthrottled", "sdk-iterator"], ["realistic", "sdk-manual"]] | map(. as [$m, $s]
      | ($g | map(select(.mode == $m and .side == "corps"))[0].wallSeconds.median) as $o
      | ($g | map(select(.mode == $m and .side == $s))[0].wallSeconds.median) as $k
      | { mode: $m, sdk: $s, oursWallSeconds: $o, sdkWallSeconds: $k, sdkOverOurs: (if $o and $k then (($k / $o * 100 | round) / 100) else null end) })) }' "$WORK/lines.jsonl"
