#!/usr/bin/env bash
# Wall time of `curriculum check` (it loads the curricula on every run), two builds side by side, runs alternated so
# both see the same machine load; prints the median of N runs of each configuration.
#
#   OLD=/path/to/old/curriculum OLD_CURRICULA=/path/to/old/curricula Benchmarks/check-wall-time.sh
#
# Defaults: NEW=.build/release/curriculum with ./curricula; N=31. Build both with `swift build -c release --product curriculum`.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-31}
NEW=${NEW:-.build/release/curriculum}
OLD=${OLD:-}
OLD_CURRICULA=${OLD_CURRICULA:-curricula}
EXAMPLE=Examples/030101K-赵六.yaml
ARGS=(--major 030101K --province 江苏 --date 2025-04-30)
declare -A times
run() { local start end; start=$(date +%s%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s%N); echo $(( (end - start) / 1000 )); }
for _ in $(seq "$N"); do
    if [[ -n "$OLD" ]]; then
        times[old]+="$(run "$OLD" check "$EXAMPLE" "${ARGS[@]}" --curricula "$OLD_CURRICULA") "
        times[new_on_old_curricula]+="$(run "$NEW" check "$EXAMPLE" "${ARGS[@]}" --curricula "$OLD_CURRICULA") "
    fi
    times[new]+="$(run "$NEW" check "$EXAMPLE" "${ARGS[@]}" --curricula curricula) "
    times[new_majors]+="$(run "$NEW" majors --curricula curricula) "
done
for key in old new_on_old_curricula new new_majors; do
    [[ -n "${times[$key]:-}" ]] || continue
    median=$(echo ${times[$key]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-22s median %6.1f ms (%d runs)\n' "$key" "$(echo "$median / 1000" | bc -l)" "$N"
done
