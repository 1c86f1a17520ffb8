#!/usr/bin/env bash
# Start-up benchmark: warm `./build.sh --help` (nothing changed: the bootstrap's fast path) against
# `dotnet run --project build -- --help` of the same build, side by side in one run. Prints each median and
# the ratio, and fails when the fast path's median exceeds the target (0.3 s).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs="${RUNS:-15}"
baseline_runs="${BASELINE_RUNS:-5}"
target_ms=300

time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# Warm both: the bootstrap builds once if needed; dotnet run builds once too.
./build.sh --help > /dev/null
dotnet run --project build -- --help > /dev/null

fast=()
for _ in $(seq "$runs"); do fast+=("$(time_ms ./build.sh --help)"); done
slow=()
for _ in $(seq "$baseline_runs"); do slow+=("$(time_ms dotnet run --project build -- --help)"); done

fast_median=$(printf '%s\n' "${fast[@]}" | median)
slow_median=$(printf '%s\n' "${slow[@]}" | median)
printf 'warm ./build.sh --help:                 median %5d ms over %d runs\n' "$fast_median" "$runs"
printf 'dotnet run --project build -- --help:   median %5d ms over %d runs\n' "$slow_median" "$baseline_runs"
awk -v f="$fast_median" -v s="$slow_median" 'BEGIN { printf "ratio (build.sh / dotnet run): %.3f  (%.1fx faster)\n", f / s, s / f }'
if (( fast_median > target_ms )); then
  echo "FAIL: warm ./build.sh --help median ${fast_median} ms exceeds ${target_ms} ms" >&2
  exit 1
fi
echo "OK: warm ./build.sh --help median ${fast_median} ms <= ${target_ms} ms"
