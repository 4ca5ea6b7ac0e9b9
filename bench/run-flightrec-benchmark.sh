#!/usr/bin/env bash
# Whole-process latencies of the flight recorder, with the heartbeat example module:
#   launch   `frrun -L heartbeat.dll` until it returns, i.e. until the host reports its probes
#            armed (goal < 300 ms)
#   attach   from starting `frrun -A heartbeat` to the first byte of output on its stdout, with
#            data already buffered (goal < 100 ms)
# Each is run RUNS times (default 20) after 2 warm-ups; prints mean, min and max in ms.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-20}

if [ ! -x artifacts/bin/frrun ] || [ "${REBUILD:-0}" = 1 ]; then
  dotnet publish runner/frrun -c Release --ucr -o artifacts/bin >/dev/null
fi
dotnet build examples/modules/heartbeat -c Release -o artifacts/examples >/dev/null
frrun=artifacts/bin/frrun
module=artifacts/examples/heartbeat.dll

FLIGHTREC_RUNTIME_DIR=$(mktemp -d)
export FLIGHTREC_RUNTIME_DIR
trap '"$frrun" -d heartbeat >/dev/null 2>&1 || true; rm -rf "$FLIGHTREC_RUNTIME_DIR"' EXIT

now() { date +%s%N; }

report() { # name, then one duration in ns per line on stdin
  awk -v name="$1" '{ ms = $1 / 1e6; sum += ms; if (NR == 1 || ms < min) min = ms; if (ms > max) max = ms }
    END { printf "%-7s mean %7.1f ms   min %7.1f ms   max %7.1f ms   (%d runs)\n", name, sum / NR, min, max, NR }'
}

launch_once() {
  local t0 t1
  t0=$(now)
  "$frrun" -L "$module" 2>/dev/null
  t1=$(now)
  "$frrun" -d heartbeat >/dev/null
  echo $((t1 - t0))
}

attach_once() {
  local t0 t1 pidfile
  pidfile=$(mktemp)
  t0=$(now)
  { "$frrun" -A heartbeat 2>/dev/null & echo $! >"$pidfile"; } | head -c1 >/dev/null
  t1=$(now)
  kill -QUIT "$(cat "$pidfile")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -f "$pidfile"
  echo $((t1 - t0))
}

for _ in 1 2; do launch_once >/dev/null; done
for _ in $(seq "$runs"); do launch_once; done | report launch

"$frrun" -L "$module" 2>/dev/null
sleep 0.3
for _ in 1 2; do attach_once >/dev/null; sleep 0.2; done
for _ in $(seq "$runs"); do attach_once; sleep 0.2; done | report attach
