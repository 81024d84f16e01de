#!/usr/bin/env bash
# Times committing a one-line change to a list of 100,000 entries (23 MB): fmadd's commit
# (FMGit's Repository.commit, run by the small release-built driver in CommitDriver/) beside
# `git commit -q -- README.md` on an identical repository. Before each run the list gets a
# change on a line not changed before. Prints the medians and their ratio (fmadd / git).
#
#   Benchmarks/git/run.sh            knobs: N=100000 RUNS=10 WARMUP=2
#
# The list is generated once into .build/bench-data (gitignored). The driver is built in a
# package of its own (FMGIT_BENCH_BUILD, default .build/bench-git) that links Sources/CLibGit2
# and Sources/FMGit, so the benchmark does not disturb the main build.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SHARED=${FMADD_SHARED:-$ROOT/../shared}
N=${N:-100000}
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-2}
DATA=$ROOT/.build/bench-data
OUT=$ROOT/.build/bench-results
BUILD=${FMGIT_BENCH_BUILD:-$ROOT/.build/bench-git}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$DATA" "$OUT" "$BUILD/Sources"

command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }
LIST=$DATA/list_$N.md
[[ -s $LIST ]] || python3 "$SHARED/bench/gen_list.py" "$N" --out "$LIST"

ln -sfn "$ROOT/Sources/CLibGit2" "$BUILD/Sources/CLibGit2"
ln -sfn "$ROOT/Sources/FMGit" "$BUILD/Sources/FMGit"
ln -sfn "$ROOT/Benchmarks/git/CommitDriver" "$BUILD/Sources/CommitDriver"
cat >"$BUILD/Package.swift" <<'EOF'
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "fmgit-bench",
    products: [.executable(name: "fmgit-commit-driver", targets: ["CommitDriver"])],
    targets: [
        .systemLibrary(name: "CLibGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .target(name: "FMGit", dependencies: ["CLibGit2"]),
        .executableTarget(name: "CommitDriver", dependencies: ["FMGit"]),
    ]
)
EOF
# The Swift runtime linked in, as fmadd is installed: it halves start-up time.
nice -n 10 swift build -c release --package-path "$BUILD" --product fmgit-commit-driver --static-swift-stdlib >/dev/null
DRIVER=$BUILD/.build/release/fmgit-commit-driver

# Both tools read the same empty configuration; each repository has its own identity.
export HOME=$WORK/home GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
for name in fmadd git; do
    repository=$WORK/$name
    git init -q -b main "$repository"
    git -C "$repository" config user.name "Bench Mark"
    git -C "$repository" config user.email "bench@example.com"
    cp "$LIST" "$repository/README.md"
    git -C "$repository" add README.md
    git -C "$repository" commit -q -m "The list"
done

# Changes line 40 + 997·k (mod the length) of the list, k counting the runs of one repository.
cat >"$WORK/change-a-line.py" <<'EOF'
import sys
path, counter = sys.argv[1], sys.argv[2]
try:
    run = int(open(counter).read()) + 1
except FileNotFoundError:
    run = 1
open(counter, "w").write(str(run))
lines = open(path, "rb").read().split(b"\n")
line = 40 + (997 * run) % (len(lines) - 80)
lines[line] += b" <!-- edited in run %d -->" % run
open(path, "wb").write(b"\n".join(lines))
EOF

hyperfine --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$OUT/git-commit-$N.json" \
    --prepare "python3 $WORK/change-a-line.py $WORK/fmadd/README.md $WORK/fmadd.count" \
    --command-name "fmadd commit (FMGit)" "$DRIVER $WORK/fmadd README.md 'Add an entry'" \
    --prepare "python3 $WORK/change-a-line.py $WORK/git/README.md $WORK/git.count" \
    --command-name "git commit -q -- README.md" "git -C $WORK/git commit -q -m 'Add an entry' -- README.md"

# Both made every commit, each of one line, and left a clean work tree.
for name in fmadd git; do
    repository=$WORK/$name
    [[ -z $(git -C "$repository" status --porcelain) ]] || { echo "$name left changes" >&2; exit 1; }
    git -C "$repository" diff --shortstat HEAD~1 HEAD | grep -q "1 insertion(+), 1 deletion(-)" \
        || { echo "$name: the last commit is not a one-line change" >&2; exit 1; }
    git -C "$repository" fsck --strict --no-dangling --no-progress
    echo "$name: $(git -C "$repository" rev-list --count HEAD) commits, fsck clean"
done

python3 - "$OUT/git-commit-$N.json" <<'EOF'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
fmadd = results["fmadd commit (FMGit)"]["median"]
git = results["git commit -q -- README.md"]["median"]
print(f"median: fmadd {fmadd * 1000:.1f} ms, git {git * 1000:.1f} ms, ratio fmadd/git {fmadd / git:.2f}")
EOF
