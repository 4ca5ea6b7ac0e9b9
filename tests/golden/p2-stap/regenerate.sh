#!/bin/sh
# Expected data for issue 5, acceptance point 2: for each hand-written script
# NAME.frs here, NAME.stap-p2 holds what SystemTap's own `stap -p2` printed for
# it (types of every global, function and local). The test that compares
# `frstap -p2` against these files comes with pass 2; until then nothing reads them.
#
# Each script's first line says how stap was run:
#     # stap-args: OPTIONS [-- SCRIPT-ARGUMENTS]
# OPTIONS go before the script path, SCRIPT-ARGUMENTS (for $1/@1) after it.
#
# Output files:
#     NAME.stap-p2         stap's stdout, filtered (see below)
#     NAME.stap-p2.stderr  stap's warnings, only when there are any; the
#                          machine-specific "Kernel function symbol table missing"
#                          warning is dropped
#
# Filtering: at the default verbosity stap -p2 prints declarations (names and
# types), never function bodies, but it does print tapset embedded C under
# `# global embedded code` (e.g. `#define STAP_NEED_GETTIMEOFDAY 1` when
# gettimeofday_s is used). That block is removed, so no tapset code (GPL) ends up
# in this repository. What remains must be only the `# globals` / `# functions` /
# `# probes` / `# locals` headers and the declaration lines under them; the
# script stops if anything else would be dropped (e.g. function bodies printed
# by a future stap).
#
# A script that stap rejects is an error: these are all meant to be accepted.
# Needs stap and the stub kernel build tree from setup-stap.sh (see DEVELOPERS.md).
set -eu
cd "$(dirname "$0")"

declarations='^# (globals|functions|probes)$|^  # locals$|^[A-Za-z_][A-Za-z0-9_]*%?(\[[0-9]+\])?:[a-z]+( \[.*\])?$|^[A-Za-z_][A-Za-z0-9_]*:[a-z]+ \(.*\)$|^[^ ].* /\* <- .* \*/$|^  [A-Za-z_][A-Za-z0-9_]*:[a-z]+$'

status=0
for script in *.frs; do
    name=${script%.frs}
    args=$(sed -n '1s/^# stap-args:[[:space:]]*//p' "$script")
    if ! head -n 1 "$script" | grep -q '^# stap-args:'; then
        echo "$script: first line must be '# stap-args: ...'" >&2
        status=1
        continue
    fi
    options=${args%%--*}
    case "$args" in
        *--*) script_args=${args#*--} ;;
        *) script_args= ;;
    esac

    # Word splitting of $options and $script_args is intended.
    # shellcheck disable=SC2086
    if ! stap -p2 $options "$script" $script_args > "$name.raw" 2> "$name.err"; then
        echo "$script: stap -p2 failed:" >&2
        cat "$name.err" >&2
        rm -f "$name.raw" "$name.err"
        status=1
        continue
    fi

    sed '/^# global embedded code$/,/^%}$/d' "$name.raw" > "$name.decl"
    grep -E "$declarations" "$name.decl" > "$name.stap-p2" || true
    if ! cmp -s "$name.decl" "$name.stap-p2"; then
        echo "$script: filtering dropped lines from stap's output; check before storing:" >&2
        diff "$name.decl" "$name.stap-p2" >&2 || true
        status=1
    fi
    rm -f "$name.raw" "$name.decl"

    grep -v 'Kernel function symbol table missing' "$name.err" > "$name.stap-p2.stderr" || true
    [ -s "$name.stap-p2.stderr" ] || rm -f "$name.stap-p2.stderr"
    rm -f "$name.err"
done
exit $status
