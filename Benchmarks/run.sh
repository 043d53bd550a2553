#!/usr/bin/env bash
# The speed benchmark of issue 4, in one command:
#
#   Benchmarks/run.sh                  # corpora of 2k, 20k and 100k procedures
#   SIZES="2000 20000" Benchmarks/run.sh
#
# For each size it generates (or reuses) a market with `tenderscreen generate --seed $SEED`
# under Benchmarks/corpora/ (ignored by git), then times, over exactly the same files:
#   xmllint --stream --noout    libxml2's own streaming checker: the machine's reference speed
#   tenderscreen screen --jobs 1 and --jobs 2 (JSON report to a file)
# and prints a Markdown table (wall, CPU, peak RSS, MB/s, notices/s, ratio to xmllint), the
# --jobs 2 speed-up, whether the two reports are byte-identical, the memory budget
# (100 MB + 2 KB per procedure) and the per-notice rate against the 20k corpus.
# With CALLGRIND=1 it also counts instructions of `screen --jobs 1` on the smallest corpus
# (valgrind; stable on noisy machines). Needs libxml2-utils, time; valgrind optional.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${SIZES:-"2000 20000 100000"}
seed=${SEED:-42}
runs=${RUNS:-3}
command -v xmllint >/dev/null || { echo "xmllint missing: apt-get install -y libxml2-utils" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 1; }

swift build -c release --product tenderscreen >/dev/null
binary=$(swift build -c release --show-bin-path)/tenderscreen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# best of $1 runs of the rest: prints "wall user sys maxrss_kb"
measure() {
    local count=$1; shift
    local best=""
    for _ in $(seq 1 "$count"); do
        /usr/bin/time -o "$work/time" -f "%e %U %S %M" "$@" >/dev/null 2>"$work/stderr" || {
            echo "failed: $*" >&2; cat "$work/stderr" >&2; exit 1; }
        local line; line=$(tail -1 "$work/time")
        if [ -z "$best" ] || awk "BEGIN { exit !($(echo "$line" | cut -d' ' -f1) < $(echo "$best" | cut -d' ' -f1)) }"; then
            best=$line
        fi
    done
    echo "$best"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1e6 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "toolchain: $(swift --version 2>/dev/null | head -1); $(xmllint --version 2>&1 | head -1)"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (uncommitted changes)'), seed $seed, best of $runs"
echo
echo "| corpus | command | wall s | CPU s | peak RSS MB | MB/s | notices/s | vs xmllint |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"

summary=""
rate20k=""
for size in $sizes; do
    corpus=Benchmarks/corpora/market-$size-seed$seed
    if [ ! -f "$corpus/.complete" ]; then
        rm -rf "$corpus"
        generation=$(measure 1 "$binary" generate --procedures "$size" --seed "$seed" --out "$corpus" \
            --truth "$corpus.truth.json" --quiet)
        touch "$corpus/.complete"
        summary+="generate $size procedures: $(echo "$generation" | cut -d' ' -f1) s wall"$'\n'
    fi
    find "$corpus" -name '*.xml' | sort > "$work/files"
    files=$(wc -l < "$work/files")
    bytes=$(du -cb --files0-from=<(tr '\n' '\0' < "$work/files") | tail -1 | cut -f1)
    megabytes=$(awk "BEGIN { print $bytes / 1e6 }")
    repeat=$runs; [ "$size" -ge 100000 ] && repeat=1

    row() { # label, "wall user sys rss", reference wall
        read -r wall user sys rss <<< "$2"
        awk -v label="$1" -v wall="$wall" -v cpu="$(awk "BEGIN { print $user + $sys }")" -v rss="$rss" \
            -v mb="$megabytes" -v files="$files" -v ref="$3" -v size="$size" 'BEGIN {
            printf "| %d procedures, %d files, %.0f MB | %s | %.2f | %.2f | %.0f | %.0f | %.0f | %.2f× |\n",
                size, files, mb, label, wall, cpu, rss / 1024, mb / wall, files / wall, ref / wall }'
    }
    lint=$(measure "$repeat" xargs -a "$work/files" xmllint --stream --noout)
    lintWall=$(echo "$lint" | cut -d' ' -f1)
    row "xmllint --stream --noout" "$lint" "$lintWall"
    one=$(measure "$repeat" "$binary" screen --quiet --format json --jobs 1 -o "$work/j1.json" "$corpus")
    row "tenderscreen screen --jobs 1" "$one" "$lintWall"
    two=$(measure "$repeat" "$binary" screen --quiet --format json --jobs 2 -o "$work/j2.json" "$corpus")
    row "tenderscreen screen --jobs 2" "$two" "$lintWall"

    oneWall=$(echo "$one" | cut -d' ' -f1)
    twoWall=$(echo "$two" | cut -d' ' -f1)
    peak=$(echo "$one $two" | awk '{ print ($4 > $8 ? $4 : $8) / 1024 }')
    budget=$(awk "BEGIN { print 100 + 2 * $size / 1024 }")
    identical=$(cmp -s "$work/j1.json" "$work/j2.json" && echo "byte-identical" || echo "DIFFERENT")
    perNotice=$(awk "BEGIN { print $oneWall / $files * 1e6 }")
    [ "$size" -eq 20000 ] && rate20k=$perNotice
    summary+=$(awk -v size="$size" -v ratio="$(awk "BEGIN { print $lintWall / $oneWall }")" \
        -v speedup="$(awk "BEGIN { print $oneWall / $twoWall }")" -v peak="$peak" -v budget="$budget" \
        -v identical="$identical" -v us="$perNotice" -v ref="${rate20k:-}" 'BEGIN {
        printf "%d: jobs 1 at %.2f× xmllint (target ≥ 1.5); jobs 2 %.2f× faster than jobs 1 (target ≥ 1.8), reports %s; peak RSS %.0f MB for a budget of %.0f MB (%s); %.1f µs per notice at jobs 1%s",
            size, ratio, speedup, identical, peak, budget, peak <= budget ? "within" : "OVER", us,
            ref == "" ? "" : sprintf(" (%.2f× the 20k rate)", us / ref) }')$'\n'
done
echo
printf "%s" "$summary"

if [ "${CALLGRIND:-0}" = 1 ] && command -v valgrind >/dev/null; then
    smallest=$(echo "$sizes" | tr ' ' '\n' | sort -n | head -1)
    corpus=Benchmarks/corpora/market-$smallest-seed$seed
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
        "$binary" screen --quiet --format json --jobs 1 -o "$work/cg.json" "$corpus" 2>"$work/valgrind.log"
    instructions=$(grep -o 'Collected : [0-9]*' "$work/valgrind.log" | grep -o '[0-9]*$')
    notices=$(find "$corpus" -name '*.xml' | wc -l)
    echo "callgrind, screen --jobs 1 on $smallest procedures: $instructions instructions, $((instructions / notices)) per notice"
fi
