#!/usr/bin/env bash
# Times `tenderscreen extract` against `xmllint --stream --noout` (libxml2's own streaming
# checker, the reference parser speed on this machine) over exactly the same files.
#
#   Benchmarks/extract-vs-xmllint.sh [COPIES] [SOURCE_FOLDER]
#
# The source folder (default: the published eForms notices of ../shared/corpus) is copied
# COPIES times (default 50) into Benchmarks/corpora/ (ignored by git). Each command runs
# RUNS times (default 3); the best wall time is reported, with CPU and peak RSS of that run.
set -euo pipefail
cd "$(dirname "$0")/.."

copies=${1:-50}
source=${2:-../shared/corpus/eforms/ted-published}
runs=${RUNS:-3}
[ -d "$source" ] || { echo "no source folder $source" >&2; exit 1; }
command -v xmllint >/dev/null || { echo "xmllint missing: apt-get install -y libxml2-utils" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 1; }

swift build -c release --product tenderscreen >/dev/null
binary=$(swift build -c release --show-bin-path)/tenderscreen

corpus=Benchmarks/corpora/$(basename "$source")-x$copies
if [ ! -d "$corpus" ]; then
    for i in $(seq 1 "$copies"); do
        mkdir -p "$corpus/$i"
        cp "$source"/*.xml "$corpus/$i/"
    done
fi
files=$(find "$corpus" -name '*.xml' | wc -l)
bytes=$(find "$corpus" -name '*.xml' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
megabytes=$(awk "BEGIN { printf \"%.1f\", $bytes / 1e6 }")

timing=$(mktemp)
trap 'rm -f "$timing"' EXIT

# best of $runs: prints "wall user sys maxrss_kb"
measure() {
    local best=""
    for _ in $(seq 1 "$runs"); do
        local line
        /usr/bin/time -o "$timing" -f "%e %U %S %M" "$@" >/dev/null 2>/dev/null
        line=$(tail -1 "$timing")
        if [ -z "$best" ] || awk "BEGIN { exit !($(echo "$line" | cut -d' ' -f1) < $(echo "$best" | cut -d' ' -f1)) }"; then
            best=$line
        fi
    done
    echo "$best"
}

printf "corpus: %s (%d files, %s MB), %s, best of %d runs\n\n" "$corpus" "$files" "$megabytes" "$(nproc) cores" "$runs"
printf "| command | wall s | CPU s | peak RSS MB | MB/s | notices/s | vs xmllint |\n|---|---:|---:|---:|---:|---:|---:|\n"
reference=$(measure sh -c "find '$corpus' -name '*.xml' -print0 | xargs -0 xmllint --stream --noout")
reference_wall=$(echo "$reference" | cut -d' ' -f1)
row() {
    local name=$1 result=$2
    read -r wall user sys rss <<<"$result"
    awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$bytes" -v f="$files" -v ref="$reference_wall" \
        'BEGIN { printf "| %s | %.2f | %.2f | %.0f | %.0f | %.0f | %.2f× |\n", n, w, u + s, r / 1024, b / 1e6 / w, f / w, ref / w }'
}
row "xmllint --stream --noout" "$reference"
row "tenderscreen extract --jobs 1" "$(measure "$binary" extract --jobs 1 "$corpus")"
row "tenderscreen extract --jobs 2" "$(measure "$binary" extract --jobs 2 "$corpus")"
row "tenderscreen screen --jobs 1" "$(measure "$binary" screen --format json --jobs 1 "$corpus")"
row "tenderscreen screen --jobs 2" "$(measure "$binary" screen --format json --jobs 2 "$corpus")"
