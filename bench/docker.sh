#!/usr/bin/env bash
# Cold vs warm build and push of the service image on a real engine and registry (started if needed).
# Shows that a second build with nothing changed (the service published again) is a full cache hit and that
# its push uploads nothing. SLIPWAY_BASE_IMAGE=<image> skips base image resolution.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/slipway-bench-docker.XXXXXX)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/bench/DockerBench/DockerBench.csproj" -c Release -nologo -v quiet -o "$work/bench" >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }

log="${BENCH_DOCKER_LOG:-/tmp/slipway-bench-docker.log}"
dotnet "$work/bench/DockerBench.dll" "$root/src/Api/Api.csproj" "$root/src/Api/Dockerfile" "$work" "$log"
echo "(engine output: $log)"
