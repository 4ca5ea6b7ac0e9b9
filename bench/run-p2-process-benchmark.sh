#!/usr/bin/env bash
# Whole-process time of `frstap -p2` on a 300-line script that uses 20 functions and 10 aliases
# of a tapset library given with -I (goal: under 0.8 s), measured with hyperfine against the
# published ReadyToRun frstap. Prints hyperfine's summary and the mean.
set -euo pipefail
cd "$(dirname "$0")/.."

script=bench/scripts/p2-300-lines.frs
tapset=bench/scripts/p2-tapset
if [ ! -x artifacts/bin/frstap ] || [ "${REBUILD:-0}" = 1 ]; then
  dotnet publish compiler/frstap -c Release --ucr -o artifacts/bin >/dev/null
fi
command -v hyperfine >/dev/null || { echo "hyperfine not found (apt-get install -y hyperfine)" >&2; exit 1; }

# Fail early, not with a benchmark of an error path.
artifacts/bin/frstap -p2 -I "$tapset" "$script" >/dev/null

json=$(mktemp)
trap 'rm -f "$json"' EXIT
hyperfine --warmup 3 --runs 20 --export-json "$json" "artifacts/bin/frstap -p2 -I $tapset $script"
mean=$(grep -o '"mean": *[0-9.e-]*' "$json" | head -1 | sed 's/.*: *//')
printf 'mean %.3f s\n' "$mean"
