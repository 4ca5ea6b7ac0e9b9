#!/usr/bin/env bash
# Whole-process times of passes 3-5 (issue 6), measured with hyperfine against the published
# frstap and frrun:
#   hello, cold cache  frstap -e 'probe begin { println("hello") exit() }' with an empty module
#                      cache before every run (goal: under 2.0 s)
#   hello, warm cache  the same with the module already cached (goal: under 0.5 s)
#   -p4 300 lines      frstap -p4 bench/scripts/p4-300-lines.frs, cold cache (goal: under 3 s)
# BIN names the directory holding frstap and frrun (default artifacts/bin, published with the
# README's command if missing; REBUILD=1 to force); RUNS sets hyperfine's runs (default 10).
# Prints hyperfine's summaries and one "median" line per case. Other processes on the machine
# change these figures a lot: the load average is printed before each case.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bin=${BIN:-artifacts/bin}
case "$bin" in /*) ;; *) bin="$root/$bin" ;; esac
runs=${RUNS:-10}
if [ ! -x "$bin/frstap" ] || [ ! -x "$bin/frrun" ] || [ "${REBUILD:-0}" = 1 ]; then
  dotnet publish compiler/frstap -c Release --ucr -o "$bin" >/dev/null
  dotnet publish runner/frrun -c Release --ucr -o "$bin" >/dev/null
fi
command -v hyperfine >/dev/null || { echo "hyperfine not found (apt-get install -y hyperfine)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private module cache, and a directory for the NAME.dll that -p4 writes into the current one.
export XDG_CACHE_HOME="$work/cache"
mkdir -p "$XDG_CACHE_HOME" "$work/out"
empty_cache="rm -rf $XDG_CACHE_HOME/flightrec"
script="$root/bench/scripts/p4-300-lines.frs"
hello='probe begin { println("hello") exit() }'

# Fail early, not with a benchmark of an error path.
[ "$("$bin/frstap" -e "$hello")" = hello ] || { echo "frstap hello does not print hello" >&2; exit 1; }
(cd "$work/out" && "$bin/frstap" -p4 "$script" >/dev/null)

measure() {
  local name=$1
  shift
  echo "== $name ($(uptime | sed 's/.*load average/load average/'))"
  hyperfine --runs "$runs" --export-json "$work/$name.json" "$@"
  # hyperfine's JSON lists every run's time: print their median, and the mean CPU time (user +
  # system, child processes included), which other load on the machine disturbs far less.
  python3 -c 'import json,statistics,sys; r=json.load(open(sys.argv[1]))["results"][0]; t=r["times"]; print("%s: median %.3f s (min %.3f, max %.3f, %d runs), CPU %.3f s" % (sys.argv[2], statistics.median(t), min(t), max(t), len(t), r["user"] + r["system"]))' "$work/$name.json" "$name"
}

measure hello-cold --prepare "$empty_cache" "$bin/frstap -e '$hello'"
measure hello-warm --warmup 2 "$bin/frstap -e '$hello'"
measure p4-300-cold --prepare "$empty_cache" "cd $work/out && $bin/frstap -p4 $script"
