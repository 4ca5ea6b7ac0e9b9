#!/usr/bin/env bash
# Issue 7: FlightRec against bpftrace on the same kernel events, in one run. A C workload
# (bench/kernel/gpbench.c, process name "gpbench") makes N getppid(2) calls and prints its mean
# ns per call; each case runs it (a) untraced, (b) with every syscall counted per process name,
# (c) with a filter that rejects every workload event, (d) with one ~60-byte printf line per
# workload syscall written to a file (-o). Per-event overhead = traced ns/call - untraced ns/call.
# Repeats every case REPEAT times (default 3) and prints the medians, the ratio FlightRec/bpftrace,
# the lost events each tool reported and, for (b) and (d), whether every workload event was seen.
# Needs root, bpftrace (apt-get install bpftrace), cc, and the published frstap/frrun (BIN,
# default artifacts/bin). N defaults to 2000000; CASES (default "b c d") picks the traced cases.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=${BIN:-$root/artifacts/bin}
n=${N:-2000000}
repeat=${REPEAT:-3}
command -v bpftrace >/dev/null || { echo "bpftrace not found (apt-get install bpftrace)" >&2; exit 1; }
[ -x "$bin/frstap" ] || { echo "publish frstap and frrun first (README)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/gpbench" bench/kernel/gpbench.c
export XDG_CACHE_HOME="$work/cache"
line='0123456789012345678901234567890123456789012345678'   # with "gpbench " and pid: ~60 bytes

bt_script() {
  case $1 in
    b) echo 'tracepoint:raw_syscalls:sys_enter { @[comm] = count(); }' ;;
    c) echo 'tracepoint:raw_syscalls:sys_enter /pid == 1/ { @n = count(); }' ;;
    d) echo "tracepoint:syscalls:sys_enter_getppid /comm == \"gpbench\"/ { printf(\"gpbench %d $line\\n\", pid); }" ;;
  esac
}
fr_script() {
  case $1 in
    b) echo 'global c probe kernel.trace("raw_syscalls:sys_enter") { c[execname()]++ } probe end { printf("gpbench %d\n", c["gpbench"]) }' ;;
    c) echo 'global n probe kernel.trace("raw_syscalls:sys_enter") { if (pid() == 1) n++ } probe end { printf("n %d\n", n) }' ;;
    d) echo "probe kernel.trace(\"syscalls:sys_enter_getppid\") { if (execname() == \"gpbench\") printf(\"gpbench %d $line\\n\", pid()) }" ;;
  esac
}

# run_traced TOOL CASE -> prints "NS LOST SEEN"
run_traced() {
  local tool=$1 case=$2 out="$work/$1-$2.out" err="$work/$1-$2.err" pid
  rm -f "$out" "$err"
  if [ "$tool" = bpftrace ]; then
    if [ "$case" = d ]; then bpftrace -o "$out" -e "$(bt_script d)" >/dev/null 2>"$err" & else bpftrace -e "$(bt_script "$case")" >"$out" 2>"$err" & fi
    pid=$!
    until grep -q "Attaching" "$err" "$out" 2>/dev/null; do sleep 0.1; done
  else
    local script
    script="probe begin { warn(\"ready\") } $(fr_script "$case")"
    if [ "$case" = d ]; then "$bin/frstap" -o "$out" -e "$script" 2>"$err" & else "$bin/frstap" -e "$script" >"$out" 2>"$err" & fi
    pid=$!
    until grep -q "ready" "$err" 2>/dev/null; do sleep 0.1; done
  fi
  sleep 0.5
  local ns
  ns=$("$work/gpbench" "$n")
  sleep 0.5
  kill -INT "$pid"
  wait "$pid" || true
  local lost seen
  if [ "$tool" = bpftrace ]; then
    lost=$(grep -o "Lost [0-9]* events" "$err" "$out" 2>/dev/null | grep -o "[0-9]*" | awk '{s+=$1} END {print s+0}')
  else
    # kernel-side losses, plus output records the transport dropped (a consumer slower than the handlers)
    lost=$( (grep -o "Number of lost events: [0-9]*" "$err" | grep -o "[0-9]*$"; grep -o "[0-9]* records ([0-9]* bytes) were dropped" "$err" | grep -o "^[0-9]*") | awk '{s+=$1} END {print s+0}')
  fi
  case $case in
    b) seen=$(grep -Eo "(gpbench[]:]* |@\[gpbench\]: )[0-9]+" "$out" | grep -o "[0-9]*$" | head -1) ;;
    d) seen=$(grep -c "^gpbench " "$out" || true) ;;
    *) seen=- ;;
  esac
  echo "$ns $lost ${seen:-0}"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "N=$n getppid calls per run, $repeat runs per case ($(uptime | sed 's/.*load average/load average/'))"
base=$(for i in $(seq "$repeat"); do "$work/gpbench" "$n"; done | median)
echo "(a) untraced: $base ns/call"
printf '%-4s %-9s %10s %10s %10s %12s\n' case tool "ns/call" "ns/event" lost seen
for case in ${CASES:-b c d}; do
  declare -A overhead=()
  for tool in bpftrace frstap; do
    results=$(for i in $(seq "$repeat"); do run_traced "$tool" "$case"; done)
    ns=$(echo "$results" | awk '{print $1}' | median)
    lost=$(echo "$results" | awk '{print $2}' | tr '\n' '/' | sed 's#/$##')
    seen=$(echo "$results" | awk '{print $3}' | tr '\n' '/' | sed 's#/$##')
    overhead[$tool]=$(awk -v a="$ns" -v b="$base" 'BEGIN {printf "%.0f", a - b}')
    printf '%-4s %-9s %10s %10s %10s %12s\n' "($case)" "$tool" "$ns" "${overhead[$tool]}" "$lost" "$seen"
  done
  awk -v f="${overhead[frstap]}" -v b="${overhead[bpftrace]}" -v c="$case" 'BEGIN {printf "(%s)  FlightRec/bpftrace per-event overhead: %.2fx\n", c, (b > 0 ? f / b : 0)}'
  unset overhead
done
