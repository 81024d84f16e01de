#!/usr/bin/env bash
# Fuzzes the round trip with libFuzzer and AddressSanitizer.
#
#   Fuzz/run.sh [SECONDS]      default 60; the long run is `Fuzz/run.sh 600` (ten minutes)
#
# Seeds are the corpus lists and the example list; new inputs go to .build/fuzz-corpus, crashes
# to .build/fuzz-artifacts (the command that reproduces one is printed).
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_TO_RUN=${1:-60}
# `--sanitize=fuzzer --sanitize=address` passes two -sanitize flags to swiftc, and the last one
# wins: the code gets no coverage and libFuzzer never learns. One combined flag keeps both.
FLAGS=(-c debug --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address)
swift build "${FLAGS[@]}" --product FuzzRoundTrip
BIN=$(swift build "${FLAGS[@]}" --show-bin-path)/FuzzRoundTrip
mkdir -p .build/fuzz-corpus .build/fuzz-artifacts .build/fuzz-seeds
cp ../Examples/*.md ../Tests/Fixtures/*.md .build/fuzz-seeds/
cp ../../shared/corpus/*.md .build/fuzz-seeds/ 2>/dev/null || true
"$BIN" .build/fuzz-corpus .build/fuzz-seeds -max_total_time="$SECONDS_TO_RUN" -max_len=4096 \
  -artifact_prefix=.build/fuzz-artifacts/ -print_final_stats=1 -detect_leaks=0
