#!/usr/bin/env bash
# Times two fmadd binaries on the jobs of Benchmarks/run.sh, in one run, taking turns (each round
# runs every job once with each binary, so a machine that slows down slows both alike).
#
#   Benchmarks/compare/run.sh OLD [NEW]      OLD, NEW: a binary, or a git revision to build
#
# NEW defaults to the work tree's release build. ROUNDS=7 rounds; medians are printed with the
# ratio new ÷ old. Inputs come from ../shared/bench/gen_list.py and ../shared/corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SHARED=${FMADD_SHARED:-$ROOT/../shared}
DATA=$ROOT/.build/bench-data
OUT=$ROOT/.build/bench-results/compare
mkdir -p "$DATA" "$OUT"

# binary REVISION-OR-PATH: a path as it is, a revision built in its own work tree under .build/.
binary() {
  if [[ -x $1 ]]; then echo "$1"; return; fi
  local rev tree
  rev=$(git rev-parse --short "$1")
  tree=$ROOT/.build/compare-$rev
  [[ -d $tree ]] || git worktree add -q --detach "$tree" "$rev"
  (cd "$tree" && swift build -c release --product fmadd --static-swift-stdlib -Xswiftc -use-ld=lld >/dev/null)
  echo "$tree/.build/release/fmadd"
}

OLD=$(binary "$1")
if [[ -n ${2:-} ]]; then NEW=$(binary "$2"); else
  swift build -c release --product fmadd --static-swift-stdlib -Xswiftc -use-ld=lld >/dev/null
  NEW=$ROOT/.build/release/fmadd
fi
for n in 1000 10000 100000; do
  [[ -s $DATA/list_$n.md ]] || python3 "$SHARED/bench/gen_list.py" "$n" --out "$DATA/list_$n.md" --truth "$DATA/list_$n.truth.json"
done
python3 Benchmarks/add-from/entries.py 10000 "$OUT/entries-10000.json"

python3 - "$OLD" "$NEW" "$DATA" "$OUT" "$SHARED/corpus" "${ROUNDS:-7}" <<'PY'
import glob, shutil, statistics, subprocess, sys, time
old, new, data, out, corpus, rounds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
corpus_files = sorted(f for f in glob.glob(corpus + "/*.md") if not f.endswith("SOURCES.md"))
def job(name, args, fresh=None):
    return (name, args, fresh)
jobs = [
    job("check 1k", ["check", f"{data}/list_1000.md"]),
    job("check 10k", ["check", f"{data}/list_10000.md"]),
    job("check 100k", ["check", f"{data}/list_100000.md"]),
    job("fix 10k", ["fix", f"{out}/work.md"], f"{data}/list_10000.md"),
    job("fix 100k", ["fix", f"{out}/work.md"], f"{data}/list_100000.md"),
    job("add one entry, 10k", ["add", "--no-commit", "--category", "mfm", "--title", "A benchmark entry of the list",
                               "--paper", "https://arxiv.org/abs/2501.01234", "--year", "2025", f"{out}/work.md"], f"{data}/list_10000.md"),
    job("add --from 10k into 10k", ["add", "--no-commit", "--from", f"{out}/entries-10000.json", f"{out}/work.md"], f"{data}/list_10000.md"),
] + [job("check corpus (%d lists)" % len(corpus_files), ["check"] + corpus_files)]
times = {(j[0], b): [] for j in jobs for b in ("old", "new")}
for _ in range(rounds):
    for name, args, fresh in jobs:
        for label, binary in (("old", old), ("new", new)):
            if fresh: shutil.copy(fresh, f"{out}/work.md")
            start = time.perf_counter()
            subprocess.run([binary] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[(name, label)].append(time.perf_counter() - start)
print("| job | old | new | new ÷ old |")
print("|---|---:|---:|---:|")
for name, _, _ in jobs:
    o, n = statistics.median(times[(name, "old")]), statistics.median(times[(name, "new")])
    print(f"| {name} | {o:.3f}s | {n:.3f}s | {n / o:.2f} |")
print(f"\nMedians of {rounds} rounds, taking turns.")
PY
