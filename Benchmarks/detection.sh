#!/usr/bin/env bash
# How well the screening ranking finds the planted schemes (issue 5), in one command:
#
#   Benchmarks/detection.sh                       # seeds 1 2 3, markets of 20,000 procedures
#   SEEDS="1 2" N=2000 Benchmarks/detection.sh
#   SCRATCH=.build-rel Benchmarks/detection.sh    # build in another scratch folder
#
# For each seed it generates a market with its truth in a temporary folder, screens it
# (release build, --format json), evaluates the report against the truth
# (`tenderscreen evaluate --format json`) and deletes the corpus. It then prints one
# Markdown table, overall and per planted scheme: the mean over the seeds (the minimum in
# brackets) of average precision, recall at k and 2k (k = planted procedures), precision at
# k and ROC AUC, and the mean share of camouflage procedures among the first k. The measures
# are defined in docs/evaluate.md. Needs jq; /usr/bin/time (apt-get install -y time) adds
# the evaluate step's peak memory to the per-seed lines.
set -euo pipefail
cd "$(dirname "$0")/.."

seeds=${SEEDS:-"1 2 3"}
procedures=${N:-20000}
scratch=()
[ -n "${SCRATCH:-}" ] && scratch=(--scratch-path "$SCRATCH")
command -v jq >/dev/null || { echo "jq missing: apt-get install -y jq" >&2; exit 1; }

swift build -c release --product tenderscreen "${scratch[@]}" >/dev/null
binary=$(swift build -c release "${scratch[@]}" --show-bin-path)/tenderscreen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { # elapsed since $1 (date +%s.%N)
    awk -v start="$1" -v end="$(date +%s.%N)" 'BEGIN { printf "%.1f", end - start }'
}

echo "machine: $(nproc) cores; commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (uncommitted changes)')"
echo "markets of $procedures procedures, seeds $seeds"
echo
evaluations=()
for seed in $seeds; do
    corpus=$work/market-$seed
    truth=$work/truth-$seed.json
    report=$work/report-$seed.json
    evaluation=$work/evaluation-$seed.json
    start=$(date +%s.%N)
    "$binary" generate --procedures "$procedures" --seed "$seed" --out "$corpus" --truth "$truth" --quiet
    generated=$(seconds "$start")
    start=$(date +%s.%N)
    "$binary" screen --quiet --format json -o "$report" "$corpus"
    screened=$(seconds "$start")
    rm -rf "$corpus"
    start=$(date +%s.%N)
    memory=""
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -o "$work/time" -f "%M" "$binary" evaluate --truth "$truth" --format json -o "$evaluation" "$report"
        memory=", peak RSS $(awk '{ printf "%.0f", $1 / 1024 }' "$work/time") MB"
    else
        "$binary" evaluate --truth "$truth" --format json -o "$evaluation" "$report"
    fi
    evaluated=$(seconds "$start")
    size=$(awk -v bytes="$(stat -c %s "$report")" 'BEGIN { printf "%.0f", bytes / 1e6 }')
    echo "- seed $seed: generate ${generated} s, screen ${screened} s, evaluate ${evaluated} s (report ${size} MB${memory})"
    evaluations+=("$evaluation")
done
echo

# One row per scheme (the truth lists every kind, so the rows line up across seeds): for each
# measure its mean and minimum over the seeds where it is defined, "-" where it never is.
jq -rs '
    def stats: map(select(. != null)) | if length == 0 then ["-", "-"] else [add / length, min] end;
    map([{scheme: "overall"} + .overall] + .schemes) | transpose[] |
    [.[0].scheme, (map(.planted) | add / length),
     (map(.averagePrecision) | stats), (map(.atPlanted.recall) | stats),
     (map(.atTwicePlanted.recall) | stats), (map(.atPlanted.precision) | stats),
     (map(.rocAUC) | stats), (map(.atPlanted.camouflageShare) | stats)] | flatten | @tsv
' "${evaluations[@]}" | awk -F'\t' '
    function both(mean, least) { return mean == "-" ? "-" : sprintf("%.3f (%.3f)", mean, least) }
    function one(mean) { return mean == "-" ? "-" : sprintf("%.3f", mean) }
    BEGIN {
        print "| scheme | planted | AP | recall@k | recall@2k | precision@k | ROC AUC | camouflage in top k |"
        print "|---|---:|---:|---:|---:|---:|---:|---:|"
    }
    { printf "| %s | %.0f | %s | %s | %s | %s | %s | %s |\n", $1, $2, both($3, $4), both($5, $6), both($7, $8),
          both($9, $10), both($11, $12), one($13) }'
echo
echo "Mean over the seeds (minimum in brackets); k = planted procedures of the row (mean shown)."
echo "Overall: any planted scheme against all other procedures; per scheme: its procedures against those"
echo "with no planted scheme (one-vs-background). Ties count as expected values (docs/evaluate.md)."
