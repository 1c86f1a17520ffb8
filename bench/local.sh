#!/usr/bin/env bash
# The Speed section of issue 10, measured on a fresh clone of this repository's HEAD in a temporary directory:
#   cold    ./build.sh Deploy on the fresh clone (no bin/, obj/, .nuke/temp; the base image is built too when the
#           engine does not have it yet)                                                 target <= 180 s
#   same    ./build.sh Deploy again, nothing changed: no new task definition, no deployment  target <= 10 % of warm
#   warm    a one-line change to the service, ./build.sh Deploy, while /health is polled every 50 ms
#                                                                                    target <= 45 s, 0 failed requests
#   broken  a release whose process exits at start: seconds from the deploy's start to the report (exit code and
#           reason), after at most two stopped tasks; the service keeps answering
# The clone gets its own environment file (deploy/environments/bench.json) with free ports for the local cloud and
# the service, so an environment already up on 4566/8080 is never touched. Everything the clone started is stopped
# (EnvironmentDown --purge) at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/slipway-bench-local.XXXXXX)"
clone="$work/clone"
log="${BENCH_LOCAL_LOG:-/tmp/slipway-bench-local.log}"
: >"$log"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

cleanup() {
  [[ -n "${poller:-}" ]] && kill "$poller" 2>/dev/null || true
  if [[ -x "$clone/build.sh" ]]; then
    (cd "$clone" && ./build.sh EnvironmentDown --environment bench --purge >>"$log" 2>&1) || echo "EnvironmentDown failed: see $log"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

git clone -q "$root" "$clone"
cloud_port="$(free_port)"
service_port="$(free_port)"
sed -e "s#http://127.0.0.1:4566#http://127.0.0.1:$cloud_port#g" -e 's#"slipway-local"#"slipway-bench"#' \
  "$clone/deploy/environments/local.json" >"$clone/deploy/environments/bench.json"
# The service's published port is the task definition's container port (the local load balancer listens there).
sed -i "s#\"containerPort\": 8080#\"containerPort\": $service_port#" "$clone/deploy/taskdef.json"
(cd "$clone" && git -c user.name=bench -c user.email=bench@localhost commit -qam "bench: own ports")
url="http://127.0.0.1:$service_port"

deploy() { # deploy <label>: runs ./build.sh Deploy in the clone, prints seconds, returns its exit code
  local start end code=0
  start="$(now)"
  (cd "$clone" && ./build.sh Deploy --environment bench >>"$log" 2>&1) || code=$?
  end="$(now)"
  echo "$(seconds "$start" "$end")"
  return "$code"
}

change() { # change <line before app.Run()>: one committed line in the service
  sed -i "s#^app.Run();#$1\napp.Run();#" "$clone/src/Api/Program.cs"
  (cd "$clone" && git -c user.name=bench -c user.email=bench@localhost commit -qam "bench: $2")
}

echo "== cold: ./build.sh Deploy on a fresh clone (log: $log)"
cold="$(deploy cold)" || { echo "the cold deploy failed: see $log"; exit 1; }
curl -fsS "$url/health" >/dev/null && curl -fsS "$url/version" && echo
echo "   ${cold} s"

echo "== same: ./build.sh Deploy with nothing changed"
same="$(deploy same)" || { echo "the no-change deploy failed: see $log"; exit 1; }
echo "   ${same} s"

echo "== warm: a one-line change, /health polled every 50 ms"
change "app.MapGet(\"/bench\", () => \"$(date +%s)\");" "one-line change"
(
  ok=0 failed=0
  while [[ ! -f "$work/stop-polling" ]]; do
    if curl -fsS -m 2 "$url/health" >/dev/null 2>&1; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
    sleep 0.05
  done
  echo "$ok $failed" >"$work/poll-counts"
) &
poller=$!
warm="$(deploy warm)" || { echo "the warm deploy failed: see $log"; exit 1; }
touch "$work/stop-polling"; wait "$poller"; poller=""
read -r polled failed_requests <"$work/poll-counts"
echo "   ${warm} s, ${failed_requests} failed of $((polled + failed_requests)) requests"

echo "== broken: a release whose process exits at start"
change 'if (Environment.GetEnvironmentVariable("SLIPWAY_ENVIRONMENT") is { Length: > 0 }) { Console.Error.WriteLine("bench: exiting at start"); Environment.Exit(3); }' "broken release"
broken_code=0
broken="$(deploy broken)" || broken_code=$?
# The deploy prints the failure; the last of its lines naming the exit code is the report.
report="$(grep -E 'exit code|exitCode|Essential container' "$log" | tail -1 || true)"
still="$(curl -fsS -m 2 "$url/health" >/dev/null 2>&1 && echo "still answers" || echo "DOES NOT ANSWER")"
echo "   exit code ${broken_code} after ${broken} s; service ${still}"
echo "   report: ${report}"

echo
echo "| measure | seconds | target | ratio |"
echo "| --- | --- | --- | --- |"
echo "| cold deploy | $cold | 180 | $(ratio "$cold" 180) |"
echo "| warm deploy (one-line change) | $warm | 45 | $(ratio "$warm" 45) |"
echo "| no-change redeploy | $same | 10 % of warm = $(awk -v w="$warm" 'BEGIN { printf "%.1f", w / 10 }') | $(ratio "$same" "$warm") of warm |"
echo "| broken release reported | $broken | (at most two stopped tasks) | |"
echo "| failed requests during the warm deploy | $failed_requests of $((polled + failed_requests)) | 0 | |"
