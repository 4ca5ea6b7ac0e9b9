#!/usr/bin/env bash
# Whole-process time of `frstap -p1` on a 200-line script (goal: under 0.5 s), measured with
# hyperfine against the published ReadyToRun frstap. Prints hyperfine's summary and the mean.
set -euo pipefail
cd "$(dirname "$0")/.."

script=bench/scripts/p1-200-lines.frs
if [ ! -x artifacts/bin/frstap ] || [ "${REBUILD:-0}" = 1 ]; then
  dotnet publish compiler/frstap -c Release --ucr -o artifacts/bin >/dev/null
fi
command -v hyperfine >/dev/null || { echo "hyperfine not found (apt-get install -y hyperfine)" >&2; exit 1; }

# Fail early, not with a benchmark of an error path.
artifacts/bin/frstap -p1 "$script" >/dev/null

json=$(mktemp)
trap 'rm -f "$json"' EXIT
hyperfine --warmup 3 --runs 20 --export-json "$json" "artifacts/bin/frstap -p1 $script"
mean=$(grep -o '"mean": *[0-9.e-]*' "$json" | head -1 | sed 's/.*: *//')
printf 'mean %.3f s\n' "$mean"
