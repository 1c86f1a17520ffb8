#!/usr/bin/env bash
# Cold vs warm build and push of the service image on a real engine and registry (started if needed).
# Shows that a second build with nothing changed is a full cache hit and the push uploads nothing.
# Usage: bench/docker.sh            (SLIPWAY_BASE_IMAGE=<image> to skip base image resolution)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/slipway-bench-docker.XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "publishing src/Api ..."
dotnet publish "$root/src/Api/Api.csproj" -c Release -o "$work/publish" --artifacts-path "$work/artifacts" \
  -p:Version=1.0.0 -p:SourceRevisionId=benchcommit -nologo -v quiet >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log"; exit 1; }

dotnet build "$root/bench/DockerBench/DockerBench.csproj" -c Release -nologo -v quiet -o "$work/bench" >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }

log="${SLIPWAY_BENCH_LOG:-/tmp/slipway-bench-docker.log}"
dotnet "$work/bench/DockerBench.dll" "$work/publish" "$root/src/Api/Dockerfile" "$log"
echo "(engine output: $log)"
