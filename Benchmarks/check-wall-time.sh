#!/usr/bin/env bash
# Wall time of `curriculum check` (it loads the curricula on every run), `curriculum majors` and `curriculum --version`,
# for up to three builds side by side, runs alternated so that all see the same machine load; prints the median of N
# runs of each, and its ratio to the first build's.
#
#   OLD=/path/to/old/curriculum OLD_CURRICULA=/path/to/old/curricula STATIC=.build-static/release/curriculum \
#       Benchmarks/check-wall-time.sh
#
# Defaults: NEW=.build/release/curriculum with ./curricula; N=31. OLD (with OLD_CURRICULA, default ./curricula) and
# STATIC (run on ./curricula) are optional. Build them with
#   swift build -c release --product curriculum                                                         # NEW
#   swift build -c release --static-swift-stdlib --product curriculum --scratch-path .build-static      # STATIC
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-31}
NEW=${NEW:-.build/release/curriculum}
OLD=${OLD:-}
OLD_CURRICULA=${OLD_CURRICULA:-curricula}
STATIC=${STATIC:-}
EXAMPLE=Examples/030101K-赵六.yaml
ARGS=(--major 030101K --province 江苏 --date 2025-04-30)
declare -A times
keys=()
run() { local start end; start=$(date +%s%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s%N); echo $(( (end - start) / 1000 )); }
# One build: name, binary, curricula.
builds=()
[[ -n "$OLD" ]] && builds+=("old|$OLD|$OLD_CURRICULA")
[[ -n "$OLD" && "$OLD_CURRICULA" != curricula ]] && builds+=("new_on_old_curricula|$NEW|$OLD_CURRICULA")
builds+=("new|$NEW|curricula")
[[ -n "$STATIC" ]] && builds+=("static|$STATIC|curricula")
for build in "${builds[@]}"; do
    name=${build%%|*}
    for what in check majors version; do keys+=("$name $what"); done
done
for _ in $(seq "$N"); do
    for build in "${builds[@]}"; do
        IFS='|' read -r name binary curricula <<< "$build"
        times["$name check"]+="$(run "$binary" check "$EXAMPLE" "${ARGS[@]}" --curricula "$curricula") "
        times["$name majors"]+="$(run "$binary" majors --curricula "$curricula") "
        times["$name version"]+="$(run "$binary" --version) "
    done
done
median() { echo "$1" | tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A first
for key in "${keys[@]}"; do
    value=$(median "${times[$key]}")
    what=${key#* }
    [[ -n "${first[$what]:-}" ]] || first[$what]=$value
    printf '%-32s median %6.1f ms  %5.2f×  (%d runs)\n' "$key" "$(echo "$value / 1000" | bc -l)" \
        "$(echo "$value / ${first[$what]}" | bc -l)" "$N"
done
