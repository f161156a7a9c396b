#!/usr/bin/env bash
# The long reliability runs: the same tests as the suite (tests/Corps.Reliability.Tests) at full size — a
# 10,000-person org for the crash, deletion and concurrency runs, 12 seeds per fault kind over a 2,000-person org,
# 40 SIGKILLs of `corps sync` and of `corps serve`, 50,000 fuzzed webhook deliveries, 20,000 fuzzed element files and
# 2,000 random CLI argument lists. Figures are appended to bench/results/reliability-<UTC time>.tsv.
#
#   bench/reliability-long.sh                       # everything
#   bench/reliability-long.sh FaultMatrixTests      # one class (any dotnet test --filter name fragment)
#
# Any size can be overridden: CORPS_RELIABILITY_USERS, _FAULT_USERS, _SEEDS, _KILLS, _FUZZ.
# Expect an hour or more on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
export CORPS_RELIABILITY_LONG=1
export CORPS_RELIABILITY_FIGURES="${CORPS_RELIABILITY_FIGURES:-$PWD/bench/results/reliability-$(date -u +%Y%m%dT%H%M%SZ).tsv}"
filter="FullyQualifiedName~Corps.Reliability.Tests${1:+.$1}"
dotnet test tests/Corps.Reliability.Tests/Corps.Reliability.Tests.csproj --filter "$filter" \
  --logger "console;verbosity=normal" -- RunConfiguration.TestSessionTimeout=14400000
echo "figures: $CORPS_RELIABILITY_FIGURES"
cat "$CORPS_RELIABILITY_FIGURES"
