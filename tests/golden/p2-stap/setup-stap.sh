#!/bin/sh
# Makes `stap -p2` usable on a machine without kernel headers or debuginfo.
# Pass 2 only needs stap to believe a kernel build tree exists for the running
# kernel; it never compiles anything, so a stub tree is enough.
# Run as root. CI does not run this script; it is for regenerating the golden data.
set -eu

if ! command -v stap >/dev/null 2>&1; then
    apt-get install -y --no-install-recommends systemtap
fi

release=$(uname -r)
build=/lib/modules/$release/build
mkdir -p "$build/include/generated"

# stap reads the kernel configuration to decide which tapsets and features apply.
if [ -r /proc/config.gz ]; then
    zcat /proc/config.gz > "$build/.config"
elif [ -r "/boot/config-$release" ]; then
    cp "/boot/config-$release" "$build/.config"
else
    echo "setup-stap.sh: no kernel config found (/proc/config.gz or /boot/config-$release)" >&2
    exit 1
fi

: > "$build/Module.symvers"
[ -e "$build/Makefile" ] || printf '# stub kernel build tree for stap -p2\n' > "$build/Makefile"
printf '#define UTS_RELEASE "%s"\n' "$release" > "$build/include/generated/utsrelease.h"

stap -p2 -e 'probe begin { x = 1 println(x) }'
