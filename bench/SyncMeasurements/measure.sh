#!/usr/bin/env bash
# Full and no-change sync of a generated organisation through corps demo (the real Feishu plugin against the
# in-process emulator, rate limits off): API calls made vs. the fewest possible, and wall times.
# Usage: bench/SyncMeasurements/measure.sh [USERS=10000] [RUNS=3] [extra corps demo options…]
# Needs jq. See docs/sync-measurements.md for the method.
set -euo pipefail
users=${1:-10000}
runs=${2:-3}
shift $(( $# > 2 ? 2 : $# ))
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build "$root/src/Host/Corps.Host.csproj" -c Release -v q -nologo > "$out/build.log" || { cat "$out/build.log"; exit 1; }
printf 'run\tpeople\tdepts\tmembers\tmemberships\tminimum calls\tfull: calls\tfull: s\tno-change: calls\tno-change: s\tno-change: rows\n'
for i in $(seq 1 "$runs"); do
  dotnet "$root/src/Host/bin/Release/net10.0/corps.dll" demo --users "$users" --no-rate-limits --json --store "$out/demo.db" "$@" \
    > "$out/run$i.json" 2> "$out/run$i.err" || { cat "$out/run$i.err"; exit 1; }
  jq -r --arg run "$i" '[$run, .upstream.users, .upstream.departments, (.pool.activeMembers + .pool.inactiveMembers), .pool.memberships,
      .minimumApiCallsTotal, .fullSync.calls.total, .fullSync.wallSeconds, .secondSync.calls.total, .secondSync.wallSeconds,
      .secondSync.report.rowsWritten] | @tsv' "$out/run$i.json"
done
echo
echo "calls per endpoint (last run): endpoint, minimum, full sync, no-change sync"
jq -r '.minimumApiCalls as $min | .fullSync.calls.byEndpoint as $full | .secondSync.calls.byEndpoint as $second
  | ($min + $full + $second | keys[]) as $k | [$k, ($min[$k] // 0), ($full[$k] // 0), ($second[$k] // 0)] | @tsv' "$out/run$runs.json"
