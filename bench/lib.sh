# Shared plumbing of the bench/run-*.sh scripts. Source it; do not run it.
# Builds (Release) the host with its plugins, the emulator and the bench helper once, starts emulator processes on free
# loopback ports, writes a corp element pointing at them, and runs the real `corps` executable under /usr/bin/time.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
# BENCH_BUILD=r2r (default) runs the host as an operator deploys it: `dotnet publish -r linux-x64 -p:PublishReadyToRun=true`
# (host and plugins precompiled, README "Deploying"); BENCH_BUILD=jit runs the plain Release build output instead.
BENCH_BUILD="${BENCH_BUILD:-r2r}"
case "$BENCH_BUILD" in
  r2r) OUT="$REPO/bench/.publish/r2r" ;;
  jit) OUT="$REPO/src/Host/bin/Release/net10.0" ;;
  *) echo "BENCH_BUILD must be r2r or jit, not '$BENCH_BUILD'" >&2; exit 2 ;;
esac
CORPS="$OUT/corps"
PLUGINS="$OUT/plugins"
EMULATOR="$REPO/src/Emulator/bin/Release/net10.0/Corps.Emulator"
BENCHTOOL="$REPO/bench/Corps.Bench/bin/Release/net10.0/Corps.Bench"
APP_ID="cli_a1b2c3d4e5f60718"                 # the emulator's default app (its own test fixture)
APP_SECRET="emulator-secret-0000000000000000"
RESULTS="$BENCH_DIR/results"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/corps-bench.XXXXXX")"
EMU_PID=""
EMU_URL=""
mkdir -p "$RESULTS"

cleanup() {
  stop_emulator
  # corps serve runs under /usr/bin/time: stop the service itself (HOST_PID), time then exits with it.
  [[ -n "${HOST_PID:-}" && -n "${SERVE_PID:-}" ]] && kill "$HOST_PID" 2>/dev/null || true
  [[ -n "${SERVE_PID:-}" ]] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# The 1-, 5- and 15-minute load averages: every figure is recorded next to the load it was taken under.
load() { cut -d' ' -f1-3 /proc/loadavg; }

# Builds what the benchmarks run, unless BENCH_NO_BUILD=1.
bench_build() {
  if [[ "${BENCH_NO_BUILD:-0}" == 1 ]]; then return; fi
  log "building Release (host + plugins, emulator, bench helper)…"
  dotnet build "$REPO/src/Host/Corps.Host.csproj" -c Release -nologo -v q >&2
  if [[ "$BENCH_BUILD" == r2r ]]; then
    dotnet publish "$REPO/src/Host/Corps.Host.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
      -o "$OUT" -nologo -v q >&2
  fi
  dotnet build "$REPO/src/Emulator/Corps.Emulator.csproj" -c Release -nologo -v q >&2
  dotnet build "$REPO/bench/Corps.Bench/Corps.Bench.csproj" -c Release -nologo -v q >&2
}

# start_emulator ARGS… — starts the emulator as its own process on a free port; sets EMU_PID and EMU_URL.
# Same as `dotnet run --project src/Emulator -c Release -- --urls http://127.0.0.1:0 ARGS…`, without the build check.
start_emulator() {
  stop_emulator
  local out="$WORK/emulator.out"
  : > "$out"
  "$EMULATOR" --urls http://127.0.0.1:0 "$@" > "$out" 2> "$WORK/emulator.err" &
  EMU_PID=$!
  for _ in $(seq 1 600); do
    EMU_URL="$(sed -n 's/^Feishu emulator listening on \(http[^ ]*\).*/\1/p' "$out" | head -1)"
    [[ -n "$EMU_URL" ]] && { EMU_URL="${EMU_URL%/}"; log "emulator $* on $EMU_URL (pid $EMU_PID)"; return; }
    kill -0 "$EMU_PID" 2>/dev/null || { cat "$WORK/emulator.err" >&2; echo "emulator failed to start" >&2; exit 1; }
    sleep 0.2
  done
  echo "emulator did not start within 120 s" >&2; exit 1
}

# SIGKILL: nothing of the emulator is kept, so there is nothing to stop gracefully (it does exit on SIGTERM too).
stop_emulator() {
  if [[ -n "$EMU_PID" ]]; then kill -9 "$EMU_PID" 2>/dev/null || true; wait "$EMU_PID" 2>/dev/null || true; EMU_PID=""; fi
}

emu_reset_stats() { curl -sf -X POST "$EMU_URL/_emulator/stats/reset" > /dev/null; }
emu_stats() { curl -sf "$EMU_URL/_emulator/stats"; }

# write_element DIR NAME RATE_LIMIT [EXTRA_AUTH_JSON] — a Feishu corp element pointing at the running emulator.
write_element() {
  local dir="$1" name="$2" rate="$3" extra="${4:-}"
  mkdir -p "$dir/corps/$name"
  printf '{ "title": "Bench %s", "type": "corps.FSInnerType", "guard": { "maxOfflines": 1000000, "maxOfflinePercent": 100 } }\n' "$name" > "$dir/corps/$name/e.json"
  printf '{ "appId": "%s", "appSecret": "%s", "baseUrl": "%s", "rateLimit": "%s"%s }\n' \
    "$APP_ID" "$APP_SECRET" "$EMU_URL" "$rate" "${extra:+, $extra}" > "$dir/corps/$name/$name.json"
}

# timed_sync ELEMENTS STORE NAME — one `corps sync NAME --json --verbose` as its own process under /usr/bin/time -v.
# Prints one JSON line: wall seconds, peak RSS (MB), exit code, the sync report and the fetch/apply log lines' timings.
timed_sync() {
  local elements="$1" store="$2" name="$3" t="$WORK/time.txt" out="$WORK/sync.json" err="$WORK/sync.err" code=0
  /usr/bin/time -v -o "$t" "$CORPS" --elements "$elements" --store "$store" --plugins "$PLUGINS" sync "$name" --json --verbose > "$out" 2> "$err" || code=$?
  local wall rss fetch_ms apply_ms
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$t")"
  rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$t")"
  fetch_ms="$(grep -o 'API calls ([0-9]* ms)' "$err" | tail -1 | tr -dc '0-9' || true)"
  apply_ms="$(grep -o 'rows in [0-9]* ms' "$err" | tail -1 | tr -dc '0-9' || true)"
  if [[ "$code" != 0 ]]; then tail -5 "$err" >&2; fi
  # syncSeconds: the run's own clock, from its start (before the token request) to its committed transaction — the
  # issue's "token to committed transaction"; wallSeconds is the whole process, start-up and exit included. The report's
  # finishedAt is taken just before the commit (the run's row is part of it), so the logged commit time is added.
  local started finished commit_ms sync_s=""
  started="$(jq -r '.results[0].report.startedAt // empty' "$out" 2> /dev/null || true)"
  finished="$(jq -r '.results[0].report.finishedAt // empty' "$out" 2> /dev/null || true)"
  commit_ms="$(grep -o 'committed in [0-9]* ms' "$err" | tail -1 | tr -dc '0-9' || true)"
  if [[ -n "$started" && -n "$finished" ]]; then
    sync_s="$(echo "$(date -d "$finished" +%s.%N) - $(date -d "$started" +%s.%N) + ${commit_ms:-0} / 1000" | bc -l)"
  fi
  jq -c --arg wall "$wall" --arg rss "$rss" --arg code "$code" --arg fetch "${fetch_ms:-}" --arg apply "${apply_ms:-}" --arg load "$(load)" \
    --arg sync "$sync_s" \
    '{ wallSeconds: ($wall | tonumber), syncSeconds: (if $sync == "" then null else ($sync | tonumber * 1000 | round / 1000) end),
       peakRssMb: ($rss | tonumber), exitCode: ($code | tonumber),
       fetchMs: (if $fetch == "" then null else ($fetch | tonumber) end), planApplyMs: (if $apply == "" then null else ($apply | tonumber) end),
       load: $load, report: .results[0].report, error: .results[0].error }' "$out"
}

# median / min / max of numbers on stdin, as JSON.
# initial_sync — the measured scenarios' starting point: the Bench element synced once into $WORK/store (not measured).
initial_sync() {
  mkdir -p "$WORK/store"
  log "initial full sync (not measured)…"
  timed_sync "$WORK/elements" "$WORK/store/corps.db" Bench | jq -c '{ wallSeconds, outcome: .report.outcome, rowsWritten: .report.rowsWritten }' >&2
}

stats_of() { jq -s 'sort | { median: (if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end), min: min, max: max, n: length }'; }

record() { # record SCENARIO JSON — appends one line to bench/results/SCENARIO.jsonl with machine, commit and time.
  local scenario="$1" json="$2"
  jq -c --arg at "$(date -u +%FT%TZ)" --arg commit "$(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet || echo '+dirty')" \
    --arg cpu "$(nproc) × $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)" \
    --arg lbl "${BENCH_LABEL:-}" --arg build "$BENCH_BUILD" \
    '{ at: $at, commit: $commit, cpu: $cpu, build: $build } + (if $lbl == "" then {} else { "label": $lbl } end) + .' <<< "$json" >> "$RESULTS/$scenario.jsonl"
}

# summarize SCENARIO LINES_FILE FIELDS… — median/min/max of each numeric field over the runs, plus the loads.
summarize() {
  local scenario="$1" file="$2"; shift 2
  local fields; fields="$(printf '"%s",' "$@")"; fields="[${fields%,}]"
  jq -s --arg scenario "$scenario" --argjson fields "$fields" '
    def s(f): [.[] | f] | sort | { median: (if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end), min: min, max: max };
    . as $runs | { scenario: $scenario, runs: length } + ([$fields[] | { key: ., value: (. as $f | $runs | s(.[$f])) }] | from_entries)
      + { loads: [.[] | .load] }' "$file"
}

# tenant_token — a tenant access token of the emulator's default app (for its write API).
tenant_token() {
  curl -sf -X POST "$EMU_URL/open-apis/auth/v3/tenant_access_token/internal" -H 'Content-Type: application/json' \
    -d "{\"app_id\":\"$APP_ID\",\"app_secret\":\"$APP_SECRET\"}" | jq -r .tenant_access_token
}
