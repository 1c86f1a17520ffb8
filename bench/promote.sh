#!/usr/bin/env bash
# Promotion time against image size: a small image (4 MB) and a large one (>= 500 MB, incompressible layers), both
# of four layers, are each pushed to one repository of a local registry, then promoted to other repositories as
# Promote copies them (blobs mounted across repositories, manifest put under the version tag, digest compared), in
# turn for several rounds. Prints the median times, the bytes each promotion moved through the client, and the
# ratio large/small; the goal is under 1.5. BENCH_PROMOTE_MB sets the large image's size (default 600),
# BENCH_PROMOTE_ROUNDS the rounds (default 7).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/slipway-bench-promote.XXXXXX)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/bench/PromoteBench/PromoteBench.csproj" -c Release -nologo -v quiet -o "$work/bench" >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }

log="${BENCH_PROMOTE_LOG:-/tmp/slipway-bench-promote.log}"
dotnet "$work/bench/PromoteBench.dll" "${BENCH_PROMOTE_MB:-600}" "$log" "${BENCH_PROMOTE_ROUNDS:-7}"
echo "(registry output: $log)"
