#!/usr/bin/env bash
# Bootstrap: find (or install) the .NET SDK that global.json asks for, build the build project when its inputs
# changed, then run it. Fast path: when nothing changed since the last build, run the built build directly.
set -eo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMP_DIR="$ROOT/.nuke/temp"
BUILD_PROJECT="$ROOT/build/_build.csproj"
BUILD_OUTPUT="$TEMP_DIR/build-bin"
BUILD_DLL="$BUILD_OUTPUT/_build.dll"
STAMP_FILE="$TEMP_DIR/build.stamp"
SDK_DIR="$TEMP_DIR/dotnet-unix"
TOOLS_MANIFEST="$ROOT/.config/dotnet-tools.json"
TOOLS_STAMP="$TEMP_DIR/tools.stamp"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The build's inputs: its own sources, the engine and libraries it references, and the shared MSBuild files.
inputs_hash() {
  cd "$ROOT"
  # A repository that uses Slipway from packages has build/ alone (its libraries come with the build's restore).
  local sources=(build) dir
  for dir in src/Slipway src/Slipway.*; do [[ -d "$dir" ]] && sources+=("$dir"); done
  {
    find "${sources[@]}" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' 2>/dev/null | LC_ALL=C sort | xargs -d '\n' sha1sum
    sha1sum global.json Directory.Build.props Directory.Packages.props 2>/dev/null || true  # those the repository has
  } | sha1sum | cut -d' ' -f1
}

# Help needs no tool: it stays on the fast path with nothing restored.
wants_help() {
  local arg
  for arg in "$@"; do
    case "$arg" in --help|-h|-\?) return 0 ;; esac
  done
  return 1
}

# Local dotnet tools (minver-cli computes the version): restored when the manifest changed since the last
# restore. A tool missing for another reason (a cleared NuGet cache) is restored by the build when it runs it.
restore_tools() {
  [[ -f "$TOOLS_MANIFEST" ]] || return 0
  local manifest_hash stamp=""
  manifest_hash="$(sha1sum "$TOOLS_MANIFEST" | cut -d' ' -f1)"
  [[ -f "$TOOLS_STAMP" ]] && stamp="$(<"$TOOLS_STAMP")"
  [[ "$stamp" == "$manifest_hash" ]] && return 0
  echo "Restoring local dotnet tools (.config/dotnet-tools.json changed since the last restore)..." >&2
  local restore_log
  if ! restore_log="$(cd "$ROOT" && "$1" tool restore 2>&1)"; then
    echo "$restore_log" >&2
    echo "error: dotnet tool restore failed; check .config/dotnet-tools.json and that NuGet is reachable." >&2
    exit 1
  fi
  mkdir -p "$TEMP_DIR"
  echo "$manifest_hash" > "$TOOLS_STAMP"
}

hash="$(inputs_hash)"
if [[ -f "$BUILD_DLL" && -f "$STAMP_FILE" ]]; then
  read -r stamp_hash stamp_dotnet < "$STAMP_FILE" || true
  if [[ "$stamp_hash" == "$hash" && -x "$stamp_dotnet" ]]; then
    wants_help "$@" || restore_tools "$stamp_dotnet"
    cd "$ROOT"
    exec "$stamp_dotnet" "$BUILD_DLL" "$@"
  fi
fi

# Slow path: make sure an SDK that satisfies global.json is available.
wanted="$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n1)"

# rollForward latestFeature: same major.minor, and a feature band and patch at least the one asked for.
satisfies() {
  local have="$1" want="$2"
  [[ "${have%%-*}" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] || return 1
  local hmaj=${BASH_REMATCH[1]} hmin=${BASH_REMATCH[2]} hpatch=${BASH_REMATCH[3]}
  [[ "$want" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+) ]] || return 1
  [[ $hmaj -eq ${BASH_REMATCH[1]} && $hmin -eq ${BASH_REMATCH[2]} && $hpatch -ge ${BASH_REMATCH[3]} ]]
}

find_dotnet() {
  local candidate
  for candidate in "$(command -v dotnet 2>/dev/null || true)" "$SDK_DIR/dotnet"; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    while read -r sdk _; do
      if satisfies "$sdk" "$wanted"; then echo "$candidate"; return 0; fi
    done < <("$candidate" --list-sdks 2>/dev/null)
  done
  return 1
}

if ! DOTNET="$(find_dotnet)"; then
  echo "No .NET SDK matching global.json ($wanted, rollForward latestFeature) on PATH; installing it into ${SDK_DIR#$ROOT/}." >&2
  mkdir -p "$SDK_DIR"
  installer="$TEMP_DIR/dotnet-install.sh"
  if ! curl -fsSL https://dot.net/v1/dotnet-install.sh -o "$installer"; then
    echo "error: could not download the .NET install script. Install the .NET SDK $wanted (https://dotnet.microsoft.com/download) and run again." >&2
    exit 1
  fi
  bash "$installer" --jsonfile "$ROOT/global.json" --install-dir "$SDK_DIR" --no-path
  DOTNET="$SDK_DIR/dotnet"
fi

echo "Building the build project (its inputs changed since the last run)..." >&2
# A first build takes a while and prints nothing: say every 10 s that it is still going. The loop ends with this
# script (it checks that its parent still runs), so an interrupted bootstrap leaves no heartbeat behind.
( seconds=0; while sleep 10 >/dev/null 2>&1 && kill -0 $$ 2>/dev/null; do seconds=$((seconds + 10)); echo "... still building the build project (${seconds} s)" >&2; done ) &
heartbeat=$!
# Published ahead-of-time compiled (ReadyToRun) for this machine: every later run starts without JIT-compiling the
# engine and the AWS and Docker clients (a no-change redeploy takes a quarter less time), for a few seconds here.
if ! build_log="$("$DOTNET" publish "$BUILD_PROJECT" --nologo -v quiet -c Debug \
    -p:SlipwayReadyToRun=true -o "$BUILD_OUTPUT" 2>&1)"; then
  kill "$heartbeat" 2>/dev/null || true
  echo "$build_log" >&2
  echo "error: the build project does not compile; fix the errors above (build/, src/Slipway*)." >&2
  exit 1
fi
kill "$heartbeat" 2>/dev/null || true
mkdir -p "$TEMP_DIR"
echo "$hash $DOTNET" > "$STAMP_FILE"
wants_help "$@" || restore_tools "$DOTNET"

cd "$ROOT"
exec "$DOTNET" "$BUILD_DLL" "$@"
