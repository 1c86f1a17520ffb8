#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, and drops the lines they report as gone (RS0017). Review the diff: it is the API change.
# Usage: tools/update-public-api.sh src/Slipway.Aws
set -euo pipefail
project="${1:?usage: tools/update-public-api.sh <project folder>}"
unshipped="$project/PublicAPI.Unshipped.txt"
report="$(dotnet build "$project" --no-incremental 2>&1 || true)"
added="$(grep -o "RS0016: Symbol '.*' is not part of the declared public API" <<<"$report" | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u || true)"
removed="$(grep -o "RS0017: Symbol '.*' is part of the declared API, but is either not public or could not be found" <<<"$report" | sed -E "s/^RS0017: Symbol '(.*)' is part of the declared API.*$/\1/" | sort -u || true)"
{
  echo '#nullable enable'
  { grep -v '^#nullable enable$' "$unshipped" | grep -vxF -f <(printf '%s\n' "$removed") || true; printf '%s\n' "$added"; } | grep -v '^$' | LC_ALL=C sort -u
} > "$unshipped.new"
mv "$unshipped.new" "$unshipped"
echo "$(grep -c . <<<"$added" || true) added, $(grep -c . <<<"$removed" || true) removed: $unshipped"
