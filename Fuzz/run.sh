#!/usr/bin/env bash
# Fuzzes the eForms notice reader (TenderXML.EFormsReader) with libFuzzer. See Fuzz/README.md.
#
#   Fuzz/run.sh [fuzz] [libFuzzer flags…]  build, seed, fuzz for $SECONDS_TO_RUN seconds (default 1800)
#   Fuzz/run.sh build                      build the fuzzer only; prints its path
#   Fuzz/run.sh replay [files…]            run every file in Fixtures/hostile/fuzz/ (or the given files)
#                                          once with default and once with tight limits; fails if any
#                                          run crashes, leaks, times out or blows memory
#   Fuzz/run.sh minimize CRASH [OUT]       shrink a crashing input (libFuzzer -minimize_crash=1)
#
# Environment:
#   SECONDS_TO_RUN  fuzzing time (default 1800)
#   FUZZ_LIMITS     "tight": the reader runs with small limits (1 KiB text, depth 8, 16 attributes,
#                   4 KiB chunks) so small inputs reach every limit and span several chunks;
#                   default: the reader's default limits. `replay` always tries both.
#   JOBS            libFuzzer -jobs (default 1: one fuzzing process, one core; 0: fuzz in this process)
#   FUZZ_REV        a git revision to fuzz instead of the working tree: its Package.swift, Sources/ and
#                   Tests/ are exported with `git archive` into Fuzz/.build/rev-<sha>/ and built there,
#                   so edits in progress in the checkout neither break nor change the build
set -euo pipefail

FUZZ="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$FUZZ/.." && pwd)"
SECONDS_TO_RUN="${SECONDS_TO_RUN:-1800}"
JOBS="${JOBS:-1}"
REGRESSIONS="$ROOT/Fixtures/hostile/fuzz"
SEED="$FUZZ/corpus/seed"
CORPUS="$FUZZ/corpus/run"
ARTIFACTS="$FUZZ/artifacts"
LOGS="$FUZZ/artifacts/logs"
# The flags every mode shares: hangs over 10 s and memory over 2 GB are bugs too.
COMMON=(-timeout=10 -rss_limit_mb=2048)

# Builds the fuzzer (release, ASan + libFuzzer) and sets BINARY.
build() {
    local package scratch
    if [[ -n "${FUZZ_REV:-}" ]]; then
        local sha
        sha="$(git -C "$ROOT" rev-parse --short=12 "$FUZZ_REV^{commit}")"
        local snapshot="$FUZZ/.build/rev-$sha"
        if [[ ! -d "$snapshot/src/Fuzz" ]]; then
            rm -rf "$snapshot/src" && mkdir -p "$snapshot/src/Fuzz"
            git -C "$ROOT" archive "$sha" Package.swift Sources Tests | tar -x -C "$snapshot/src"
            if [[ -f "$ROOT/Package.resolved" ]]; then cp "$ROOT/Package.resolved" "$snapshot/src/"; fi
        fi
        # The fuzz package itself always comes from the working tree.
        rm -rf "$snapshot/src/Fuzz/Sources"
        cp -p "$FUZZ/Package.swift" "$snapshot/src/Fuzz/"
        cp -Rp "$FUZZ/Sources" "$snapshot/src/Fuzz/"
        if [[ -f "$FUZZ/Package.resolved" ]]; then cp -p "$FUZZ/Package.resolved" "$snapshot/src/Fuzz/"; fi
        package="$snapshot/src/Fuzz"
        scratch="$snapshot/build"
        echo "fuzzing TenderXML at $FUZZ_REV ($sha)" >&2
    else
        package="$FUZZ"
        scratch="$FUZZ/.build/worktree"
        echo "fuzzing TenderXML in the working tree (git $(git -C "$ROOT" rev-parse --short=12 HEAD)" \
             "$(git -C "$ROOT" diff --quiet HEAD -- Sources Package.swift || echo '+ uncommitted changes'))" >&2
    fi
    swift build -c release --package-path "$package" --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address >&2
    BINARY="$scratch/release/NoticeReaderFuzzer"
}

seed() {
    rm -rf "$SEED" && mkdir -p "$SEED" "$CORPUS" "$ARTIFACTS" "$LOGS"
    # Name each seed by its path so identical basenames (award-notice.xml…) do not collide.
    (cd "$ROOT" && find Fixtures -type f -name '*.xml' -print0) | while IFS= read -r -d '' file; do
        cp "$ROOT/$file" "$SEED/${file//\//__}"
    done
    # Regression inputs (*.fuzz, kept out of the engine's *.xml folder walks) seed the run too.
    if [[ -d "$REGRESSIONS" ]]; then
        find "$REGRESSIONS" -maxdepth 1 -type f ! -name 'README*' -exec cp {} "$SEED/" \;
    fi
    echo "seed corpus: $(find "$SEED" -type f | wc -l) files in $SEED" >&2
}

fuzz() {
    build
    seed
    local stamp log
    stamp="$(date -u +%Y%m%dT%H%M%SZ)"
    log="$LOGS/fuzz-$stamp${FUZZ_LIMITS:+-$FUZZ_LIMITS}.log"
    local flags=("${COMMON[@]}" -max_len=65536 -max_total_time="$SECONDS_TO_RUN" -dict="$FUZZ/xml.dict"
                 -artifact_prefix="$ARTIFACTS/" -print_final_stats=1)
    if [[ "$JOBS" -gt 0 ]]; then
        # With -jobs libFuzzer runs worker processes that log to fuzz-<job>.log in the current
        # directory: run from the log folder, and follow $LOGS/fuzz-0.log while it runs.
        flags+=(-jobs="$JOBS" -workers="$JOBS")
        echo "live progress: tail -f $LOGS/fuzz-0.log" >&2
    fi
    echo "fuzzing for $SECONDS_TO_RUN s with ${FUZZ_LIMITS:-default} limits; full log: $log" >&2
    local started status=0
    started=$(date +%s)
    touch "$log.start"
    (cd "$LOGS" && "$BINARY" "${flags[@]}" "$@" "$CORPUS" "$SEED") >"$log" 2>&1 || status=$?
    local elapsed=$(( $(date +%s) - started ))
    echo "--- $elapsed s, libFuzzer exit status $status" | tee -a "$log"
    # The last progress line (#N … cov ft corp exec/s rss) and libFuzzer's final stats.
    grep -E '^#[0-9]+' "$log" | tail -n 1 || true
    grep -E '^(Done [0-9]+ runs|stat::)' "$log" || true
    local crashes
    crashes=$(find "$ARTIFACTS" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
              -o -name 'oom-*' -o -name 'slow-unit-*' \) -newer "$log.start" 2>/dev/null || true)
    rm -f "$log.start"
    if [[ -n "$crashes" ]]; then echo "findings:"; echo "$crashes"; fi
    echo "corpus: $(find "$CORPUS" -type f | wc -l) files in $CORPUS"
    return "$status"
}

replay() {
    build
    local files=("$@")
    if [[ ${#files[@]} -eq 0 ]]; then
        [[ -d "$REGRESSIONS" ]] || { echo "no $REGRESSIONS: nothing to replay"; return 0; }
        mapfile -d '' files < <(find "$REGRESSIONS" -maxdepth 1 -type f ! -name 'README*' -print0 | sort -z)
    fi
    [[ ${#files[@]} -gt 0 ]] || { echo "no regression inputs in $REGRESSIONS"; return 0; }
    local failed=0 file
    mkdir -p "$LOGS"
    for file in "${files[@]}"; do
        file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
        # One process per file and limits, so one crash does not hide the runs after it.
        # No -max_len: a regression input is run whole, whatever its size.
        local limits out
        for limits in default tight; do
            if out=$(cd "$LOGS" && FUZZ_LIMITS="$limits" "$BINARY" "${COMMON[@]}" -runs=1 "$file" 2>&1); then
                echo "ok    $limits  $file"
            else
                echo "FAIL  $limits  $file"; echo "$out" | grep -m 1 -E '^==[0-9]+== ?ERROR' || true
                echo "$out" | grep -E '^ +#[0-9]+ ' | grep -v -E 'fuzzer::|libc_start|in _start' | head -n 12 || true
                echo "$out" | grep -E '^SUMMARY' || true
                failed=$((failed + 1))
            fi
        done
    done
    echo "replayed ${#files[@]} file(s) with default and tight limits, $failed run(s) failed"
    [[ $failed -eq 0 ]]
}

minimize() {
    local crash="${1:?usage: run.sh minimize CRASH [OUT]}"
    crash="$(cd "$(dirname "$crash")" && pwd)/$(basename "$crash")"
    local out="${2:-$ARTIFACTS/minimized-$(basename "$crash")}"
    out="$(mkdir -p "$(dirname "$out")" && cd "$(dirname "$out")" && pwd)/$(basename "$out")"
    build
    mkdir -p "$LOGS"
    echo "minimizing with ${FUZZ_LIMITS:-default} limits (set FUZZ_LIMITS as for the run that found it)" >&2
    (cd "$LOGS" && "$BINARY" "${COMMON[@]}" -minimize_crash=1 -max_total_time=300 \
        -exact_artifact_path="$out" "$crash") || true
    [[ -f "$out" ]] && echo "minimized: $out ($(wc -c <"$out") bytes)"
}

mode=fuzz
case "${1:-}" in
    fuzz|build|replay|minimize) mode="$1"; shift ;;
    ""|-*) ;;
    *) echo "usage: $0 [fuzz|build|replay|minimize] …" >&2; exit 2 ;;
esac
case "$mode" in
    build) build; echo "$BINARY" ;;
    *) "$mode" "$@" ;;
esac
