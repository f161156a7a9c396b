#!/usr/bin/env bash
# Scenario 6 — the store's apply: members applied per second, against a plain SQLite bulk insert of exactly the same
# rows (every row the apply wrote, table by table, prepared commands, one transaction, same schema, pragmas and folder).
# The snapshot is fetched once from the emulator by the real Feishu corp type; only the apply is timed (validate, load,
# plan, write, change log, commit), then the same snapshot again (must write nothing).
# Usage: bench/run-store-apply.sh [RUNS] [USERS:DEPTS] [DIR]   (default: 3 runs, 100000:5000, the temp folder)
source "$(dirname "$0")/lib.sh"
RUNS="${1:-3}"; SIZE="${2:-100000:5000}"; DIR="${3:-${TMPDIR:-/tmp}}"
bench_build
start_emulator --generate "users=${SIZE%%:*},depts=${SIZE##*:},seed=1" --rate-limit off
load_before="$(load)"
result="$("$BENCHTOOL" store-apply --emulator "$EMU_URL" --runs "$RUNS" --dir "$DIR")"
line="$(jq -c --arg size "$SIZE" --arg load "$load_before / $(load)" --arg fs "$(df -T "$DIR" | awk 'NR == 2 { print $2 }')" \
  '{ size: $size, fileSystem: $fs, load: $load } + .' <<< "$result")"
record store-apply "$line"
jq . <<< "$line"
