#!/usr/bin/env bash
# How long CI takes from a fresh clone (docs/benchmarks.md, "CI time"): clones this repository at
# REV (default HEAD) into a new temporary folder and times `make install`, `make sysdeps` and
# `make check TIME=time` (each stage's own time is in the log), with the load average at each step.
#
#   bash bench/ci.sh [REV] [LOG]        # LOG default: bench/out/ci-<rev>.log
set -uo pipefail
cd "$(dirname "$0")/.."
rev=$(git rev-parse --short "${1:-HEAD}")
log=$(realpath -m "${2:-bench/out/ci-$rev.log}")
mkdir -p "$(dirname "$log")"
work=$(mktemp -d -t tpa-ci-XXXXXX)
git clone -q . "$work" && git -C "$work" checkout -q "$rev" || exit 1
load() { cut -d' ' -f1-3 /proc/loadavg; }
step() {
  local name=$1 start rc
  shift
  start=$(date +%s)
  (cd "$work" && "$@") >>"$log.$name" 2>&1
  rc=$?
  printf '%-8s rc=%s %5ss  load %s\n' "$name" "$rc" "$(($(date +%s) - start))" "$(load)" | tee -a "$log"
  return "$rc"
}
echo "$rev in $work, $(nproc) CPUs, load $(load), $(date -u +%FT%TZ)" | tee "$log"
step install make install && step sysdeps make sysdeps && step check make check TIME=time
echo "stage times: grep -E '^(time|real)' $log.check; the clone stays in $work"
