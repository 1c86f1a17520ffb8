#!/usr/bin/env bash
# Cold deploy vs redeploy with nothing changed, against moto_server (MOTO_ECS_SERVICE_RUNNING=1, so the service's
# deployment completes), a throw-away registry and the real Docker engine. The image is built once beforehand; both
# runs are `./build.sh Deploy --wait stable` without the steps before the image. The cold run creates the repository,
# pushes, registers and creates the service; the warm one must make zero writing calls (counted by a proxy in front
# of moto) and take at most 10 % of the cold one's time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/slipway-bench-deploy.XXXXXX)"
name="bench-$$"
environment_file="$root/deploy/environments/$name.json"
pids=()
# Every run regenerates the generated files (the parameter schema, the workflows), whose lists of environments would
# then name the bench's temporary one: keep them as they were.
mkdir -p "$work/generated"
cp "$root/.nuke/build.schema.json" "$root"/.github/workflows/*.yml "$work/generated/"
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -f "$environment_file"
  cp "$work/generated/build.schema.json" "$root/.nuke/build.schema.json"
  for file in "$work"/generated/*.yml; do cp "$file" "$root/.github/workflows/"; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "$1 did not answer" >&2; exit 1; }

moto_port="$(free_port)"
MOTO_ECS_SERVICE_RUNNING=1 moto_server -H 127.0.0.1 -p "$moto_port" >"$work/moto.log" 2>&1 &
pids+=($!)
registry_port="$(free_port)"
mkdir -p "$work/registry"
cat >"$work/registry.yml" <<YAML
version: 0.1
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: 127.0.0.1:$registry_port
YAML
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
pids+=($!)
proxy_port="$(free_port)"
python3 "$root/bench/count_proxy.py" "$proxy_port" "http://127.0.0.1:$moto_port" "$work/calls.log" &
pids+=($!)
wait_for "http://127.0.0.1:$moto_port/moto-api/"
wait_for "http://127.0.0.1:$registry_port/v2/"
wait_for "http://127.0.0.1:$proxy_port/" || true

# moto checks awsvpc subnets and security groups against its EC2: take its defaults.
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
subnet="$(aws --endpoint-url "http://127.0.0.1:$moto_port" ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text)"
group="$(aws --endpoint-url "http://127.0.0.1:$moto_port" ec2 describe-security-groups --query 'SecurityGroups[0].GroupId' --output text)"
cat >"$environment_file" <<JSON
{
  "\$schema": "../environment.schema.json",
  "account": "123456789012",
  "region": "us-east-1",
  "cluster": "bench",
  "service": "api",
  "repository": "slipway/bench",
  "endpoints": { "ecs": "http://127.0.0.1:$proxy_port", "ecr": "http://127.0.0.1:$proxy_port", "sts": "http://127.0.0.1:$proxy_port", "registry": "127.0.0.1:$registry_port" },
  "desiredCount": 1,
  "launchType": "FARGATE",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["$subnet"], "securityGroups": ["$group"] } },
  "variables": { "cpu": "256", "memory": "512", "region": "us-east-1", "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" }
}
JSON

cd "$root"
./build.sh DockerBuild >"$work/image.log" 2>&1 || { cat "$work/image.log"; exit 1; }
./build.sh --help >/dev/null # the build itself is up to date before anything is timed
deploy() { ./build.sh Deploy --environment "$name" --wait stable --skip Restore Compile TestService Publish DockerBuild; }
seconds() { python3 -c 'import sys, time; print(f"{time.monotonic():.3f}")'; }

: >"$work/calls.log"
start="$(seconds)"; deploy >"$work/cold.log" 2>&1 || { cat "$work/cold.log"; exit 1; }; end="$(seconds)"
cold="$(python3 -c "print(f'{$end - $start:.2f}')")"
cold_writes="$(grep -cvE '^(Describe|List|Get|BatchGet)' "$work/calls.log" || true)"

: >"$work/calls.log"
start="$(seconds)"; deploy >"$work/warm.log" 2>&1 || { cat "$work/warm.log"; exit 1; }; end="$(seconds)"
warm="$(python3 -c "print(f'{$end - $start:.2f}')")"
warm_writes="$(grep -cvE '^(Describe|List|Get|BatchGet)' "$work/calls.log" || true)"
warm_calls="$(wc -l <"$work/calls.log")"

ratio="$(python3 -c "print(f'{$warm / $cold:.3f}')")"
echo "cold deploy:  ${cold} s, ${cold_writes} writing calls"
echo "redeploy:     ${warm} s, ${warm_writes} writing calls (${warm_calls} calls in all)"
echo "ratio:        ${ratio} (target: at most 0.10)"
echo "redeploy by target:"; grep -E '^(EnvironmentUp|EcrPush|EcsDeploy|Deploy) ' "$work/warm.log" | sed 's/^/  /' || true
[ "$warm_writes" -eq 0 ] || { echo "the redeploy wrote: $(grep -vE '^(Describe|List|Get|BatchGet)' "$work/calls.log" | sort | uniq -c)"; exit 1; }
python3 -c "import sys; sys.exit(0 if $warm / $cold <= 0.10 else 1)" || { echo "the redeploy took more than 10 % of the cold deploy"; exit 1; }
