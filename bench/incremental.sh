#!/usr/bin/env bash
# The Speed section of issue 17 (up-to-date targets), measured side by side on a fresh clone of this repository's
# HEAD in a temporary directory; each timing is the median of 3 runs:
#   publish   no change: ./build.sh Publish  vs  plain `dotnet publish src/Api/Api.csproj`      target ratio <= 1.5
#   change    a one-line change in the service, then ./build.sh Publish  vs  dotnet publish after the same change
#                                                                                               target ratio <= 1.5
#   docker    no change: ./build.sh DockerBuild                                                 target <= 2 s
#   deploy    no change: ./build.sh Deploy on the local environment, end to end                 target <= 5 s
# The clone gets its own local environment file (deploy/environments/bench.json) with free ports, so an environment
# already up on 4566/8080 is never touched; everything the clone started is stopped (EnvironmentDown --purge) at the end.
# `dotnet publish` builds Release and ./build.sh Debug (each its default): neither disturbs the other's output.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/slipway-bench-incremental.XXXXXX)"
clone="$work/clone"
log="${BENCH_INCREMENTAL_LOG:-/tmp/slipway-bench-incremental.log}"
: >"$log"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

cleanup() {
  if [[ -x "$clone/build.sh" && -f "$work/deployed" ]]; then
    (cd "$clone" && ./build.sh EnvironmentDown --environment bench --purge >>"$log" 2>&1) || echo "EnvironmentDown failed: see $log"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

timed() { # timed <command...>: runs it in the clone (output to the log), prints the seconds; fails with the command
  local start end
  echo "\$ $*" >>"$log"
  start="$(date +%s.%N)"
  (cd "$clone" && "$@" >>"$log" 2>&1) || { echo "failed: $* (see $log)" >&2; return 1; }
  end="$(date +%s.%N)"
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}

three() { # three <command...>: the median of 3 timed runs
  local a b c
  a="$(timed "$@")"; b="$(timed "$@")"; c="$(timed "$@")"
  median "$a" "$b" "$c"
}

git clone -q "$root" "$clone"
cloud_port="$(free_port)"
service_port="$(free_port)"
sed -e "s#http://127.0.0.1:4566#http://127.0.0.1:$cloud_port#g" -e 's#"slipway-local"#"slipway-incremental"#' \
  "$clone/deploy/environments/local.json" >"$clone/deploy/environments/bench.json"
sed -i "s#\"containerPort\": 8080#\"containerPort\": $service_port#" "$clone/deploy/taskdef.json"
(cd "$clone" && git -c user.name=bench -c user.email=bench@localhost commit -qam "bench: own ports")

echo "== warming up: the build project, a first ./build.sh Publish and dotnet publish (log: $log)"
timed ./build.sh Publish >/dev/null
timed dotnet publish src/Api/Api.csproj >/dev/null

echo "== no change: ./build.sh Publish vs dotnet publish"
publish_same="$(three ./build.sh Publish)"
plain_same="$(three dotnet publish src/Api/Api.csproj)"
echo "   ./build.sh Publish ${publish_same} s, dotnet publish ${plain_same} s"

echo "== a one-line change in the service, then each publishes it"
publish_changes=() plain_changes=()
for i in 1 2 3; do
  sed -i "s#^app.Run();#app.MapGet(\"/bench-$i\", () => \"$i\");\napp.Run();#" "$clone/src/Api/Program.cs"
  publish_changes+=("$(timed ./build.sh Publish)")
  plain_changes+=("$(timed dotnet publish src/Api/Api.csproj)")
done
publish_change="$(median "${publish_changes[@]}")"
plain_change="$(median "${plain_changes[@]}")"
echo "   ./build.sh Publish ${publish_change} s, dotnet publish ${plain_change} s"
(cd "$clone" && git checkout -q -- src/Api/Program.cs)

echo "== no change: ./build.sh DockerBuild"
timed ./build.sh DockerBuild >/dev/null
docker_same="$(three ./build.sh DockerBuild)"
echo "   ${docker_same} s"

echo "== no change: ./build.sh Deploy on the local environment"
touch "$work/deployed"
deploy_first="$(timed ./build.sh Deploy --environment bench)"
echo "   first deploy ${deploy_first} s"
deploy_same="$(three ./build.sh Deploy --environment bench)"
echo "   no-change deploy ${deploy_same} s"
grep -E "^(Restore|Compile|TestService|Publish|DockerBuild|EcrPush|EcsDeploy|LocalEnvironmentUp|EnvironmentUp|LocalServiceAddress|Total) " "$log" | tail -11 | sed 's/^/   /'

echo
echo "| measure | Slipway (s) | baseline (s) | ratio | target |"
echo "| --- | --- | --- | --- | --- |"
echo "| no change: ./build.sh Publish vs dotnet publish | $publish_same | $plain_same | $(ratio "$publish_same" "$plain_same") | <= 1.5 |"
echo "| one-line change: ./build.sh Publish vs dotnet publish | $publish_change | $plain_change | $(ratio "$publish_change" "$plain_change") | <= 1.5 |"
echo "| no change: ./build.sh DockerBuild | $docker_same | 2 | $(ratio "$docker_same" 2) | <= 2 s |"
echo "| no change: ./build.sh Deploy (local) | $deploy_same | 5 | $(ratio "$deploy_same" 5) | <= 5 s |"
