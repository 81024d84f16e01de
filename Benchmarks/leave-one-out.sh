#!/usr/bin/env bash
# Takes each entry of every configured list out and adds it back from its own fields, then from
# its exported record as `add --from` reads it (the round trip), and prints two tables, per list:
# same section, same year group, same slot, identical line, no new finding, refused; under each,
# the counts behind the percentages.
#   Benchmarks/leave-one-out.sh          (FMADD_LEAVE_ONE_OUT_DETAILS=1 prints each difference,
#                                         FMADD_LEAVE_ONE_OUT_LIST=xmindflow reads only the lists so named)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests >/dev/null
swift test --skip-build --filter LeaveOneOutTests 2>&1 | grep -E '^(\||\[|refused|written|original|list |leave-one-out|round trip|accepted )' || true
