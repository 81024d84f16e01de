#!/usr/bin/env bash
# Times the duplicate finder beside peer_dedupe.py (rapidfuzz, every pair compared; and its
# --presort mode) and scores each against the planted duplicates, in one run.
#
#   Benchmarks/dedupe/run.sh
#
# The finder runs as DEDUPE_CMD, a command that takes the list's path last and prints the clusters
# as `fmadd dedupe --json` does: for example
#   DEDUPE_CMD="$PWD/.build/release/fmadd dedupe --json --scope list" Benchmarks/dedupe/run.sh
# Without it, the script builds Benchmarks/dedupe/driver (the FMDedupe library behind the same JSON)
# in a package of its own under $DRIVER_DIR and runs that. The lists come from
# ../shared/bench/gen_list.py (1k, 10k, 100k entries; seed 42) into .build/bench-data/; they move
# about 30% of the planted duplicates to another section, so the finder runs with `--scope list`,
# like the peers, which compare every title with every other.
#
# Precision and recall are over pairs of lines, with both the planted pairs and the found ones
# closed transitively (score.py). The finder's pairs are those of confidence `likely` or more;
# `possible` ones are counted apart.
#
# Knobs: RUNS=5 (hyperfine runs of the finder), PEER_RUNS=3, SIZES="1000 10000 100000",
#        PEER_SIZES="10000", THRESHOLDS="" (e.g. "0.8 0.85 0.9 0.95": a precision/recall sweep
#        of the driver's --threshold, for choosing the default).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/Benchmarks/dedupe
SHARED=${FMADD_SHARED:-$ROOT/../shared}
DATA=$ROOT/.build/bench-data
OUT=$ROOT/.build/bench-results/dedupe
VENV=$ROOT/.build/dedupe-venv
DRIVER_DIR=${DRIVER_DIR:-${TMPDIR:-/tmp}/fmadd-dedupe-driver}
RUNS=${RUNS:-5}
PEER_RUNS=${PEER_RUNS:-3}
SIZES=${SIZES:-"1000 10000 100000"}
PEER_SIZES=${PEER_SIZES:-"10000"}
THRESHOLDS=${THRESHOLDS:-}
mkdir -p "$DATA" "$OUT"

command -v hyperfine >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }
if [[ ! -x $VENV/bin/python ]] || ! "$VENV/bin/python" -c "import rapidfuzz, numpy" 2>/dev/null; then
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q rapidfuzz==3.14.6 numpy==2.4.6
fi

for n in $SIZES $PEER_SIZES; do
  [[ -s $DATA/list_$n.md && -s $DATA/list_$n.truth.json ]] ||
    python3 "$SHARED/bench/gen_list.py" "$n" --out "$DATA/list_$n.md" --truth "$DATA/list_$n.truth.json"
done

# The driver: the library built for release in a package that links to the repository's sources.
build_driver() {
  mkdir -p "$DRIVER_DIR/Sources"
  for target in CCmarkGFM FMSchema FMList FMDedupe; do ln -sfn "$ROOT/Sources/$target" "$DRIVER_DIR/Sources/$target"; done
  ln -sfn "$HERE/driver" "$DRIVER_DIR/Sources/dedupe-driver"
  cat > "$DRIVER_DIR/Package.swift" <<'EOF'
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "dedupe-driver",
    dependencies: [.package(url: "https://github.com/jpsim/Yams", from: "6.0.0")],
    targets: [
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm"),
        .target(name: "FMSchema"),
        .target(name: "FMList", dependencies: ["CCmarkGFM", "FMSchema", .product(name: "Yams", package: "Yams")]),
        .target(name: "FMDedupe", dependencies: ["FMList"]),
        .executableTarget(name: "dedupe-driver", dependencies: ["FMDedupe", "FMList"]),
    ]
)
EOF
  (cd "$DRIVER_DIR" && nice -n 10 swift build -c release --product dedupe-driver --static-swift-stdlib >/dev/null)
  echo "$DRIVER_DIR/.build/release/dedupe-driver"
}

if [[ -z ${DEDUPE_CMD:-} ]]; then
  DRIVER=$(build_driver)
  DEDUPE_CMD="$DRIVER --scope list"
  echo "finder: the release-built driver (FMDedupe through Benchmarks/dedupe/driver), until \`fmadd dedupe --json\` exists"
else
  echo "finder: $DEDUPE_CMD"
fi
echo

# median TAG RUNS WARMUP COMMAND: hyperfine's median in seconds
median() {
  local tag=$1 runs=$2 warmup=$3; shift 3
  hyperfine -N -i --warmup "$warmup" --runs "$runs" --export-json "$OUT/$tag.json" "$@" >/dev/null 2>&1 \
    || hyperfine -i --warmup "$warmup" --runs "$runs" --export-json "$OUT/$tag.json" "$@" >/dev/null 2>&1
  python3 -c "import json,sys; print('%.3f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$OUT/$tag.json"
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
ratio() { python3 -c "import sys; a,b=map(float,sys.argv[1:]); print('%.0f' % (a/b) if b > 0 else 'inf')" "$1" "$2"; }

echo "## Finder: time (whole process, median of $RUNS) and quality"
echo
echo "| entries | time | planted pairs | precision | recall | found likely+ | false | also possible |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
declare -A T_FINDER R_FINDER
for n in $SIZES; do
  f=$DATA/list_$n.md
  $DEDUPE_CMD "$f" > "$OUT/finder-$n.json" || [[ $? -eq 1 ]]   # fmadd dedupe exits 1 when it finds duplicates
  score=$(python3 "$HERE/score.py" clusters "$OUT/finder-$n.json" "$DATA/list_$n.truth.json" --min likely)
  loose=$(python3 "$HERE/score.py" clusters "$OUT/finder-$n.json" "$DATA/list_$n.truth.json" --min possible)
  t=$(median "finder-$n" "$RUNS" 1 "$DEDUPE_CMD $f")
  T_FINDER[$n]=$t; R_FINDER[$n]=$(field recall "$score")
  extra=$(( $(field found_pairs "$loose") - $(field found_pairs "$score") ))
  echo "| $n | ${t}s | $(field planted_pairs "$score") | $(field precision "$score") | $(field recall "$score") |" \
       "$(field found_pairs "$score") | $(field false "$score") | $extra |"
done
echo
echo "Targets: precision ≥ 0.98 and recall ≥ 0.95 at 10k and 100k; 100k under 2 s."
echo

echo "## Beside peer_dedupe.py (rapidfuzz, both cores; median of $PEER_RUNS)"
echo
echo "| entries | finder | peer (token_sort_ratio) | peer ÷ finder | peer --presort | presort ÷ finder | recall: finder / peer / presort |"
echo "|---:|---:|---:|---:|---:|---:|---|"
for n in $PEER_SIZES; do
  f=$DATA/list_$n.md
  t_f=${T_FINDER[$n]:-$(median "finder-$n" "$RUNS" 1 "$DEDUPE_CMD $f")}
  if [[ -z ${R_FINDER[$n]:-} ]]; then
    $DEDUPE_CMD "$f" > "$OUT/finder-$n.json" || [[ $? -eq 1 ]]
    R_FINDER[$n]=$(field recall "$(python3 "$HERE/score.py" clusters "$OUT/finder-$n.json" "$DATA/list_$n.truth.json")")
  fi
  "$VENV/bin/python" "$SHARED/bench/peer_dedupe.py" "$f" > "$OUT/peer-$n.tsv" 2>/dev/null
  "$VENV/bin/python" "$SHARED/bench/peer_dedupe.py" "$f" --presort > "$OUT/presort-$n.tsv" 2>/dev/null
  r_p=$(field recall "$(python3 "$HERE/score.py" pairs "$OUT/peer-$n.tsv" "$DATA/list_$n.truth.json")")
  r_s=$(field recall "$(python3 "$HERE/score.py" pairs "$OUT/presort-$n.tsv" "$DATA/list_$n.truth.json")")
  t_p=$(median "peer-$n" "$PEER_RUNS" 0 "$VENV/bin/python $SHARED/bench/peer_dedupe.py $f")
  t_s=$(median "presort-$n" "$PEER_RUNS" 0 "$VENV/bin/python $SHARED/bench/peer_dedupe.py $f --presort")
  echo "| $n | ${t_f}s | ${t_p}s | $(ratio "$t_p" "$t_f")× | ${t_s}s | $(ratio "$t_s" "$t_f")× | ${R_FINDER[$n]} / $r_p / $r_s |"
done
echo
echo "Targets at 10k: peer ÷ finder ≥ 100, presort ÷ finder ≥ 20, the finder's recall no lower."
echo

if [[ -n $THRESHOLDS ]]; then
  [[ -n ${DRIVER:-} ]] || DRIVER=$(build_driver)
  echo "## Threshold sweep (the driver's --threshold; precision and recall of likely+ pairs)"
  echo
  echo "| threshold | entries | precision | recall | false pairs |"
  echo "|---:|---:|---:|---:|---:|"
  for t in $THRESHOLDS; do
    for n in $SIZES; do
      "$DRIVER" --scope list --threshold "$t" "$DATA/list_$n.md" > "$OUT/sweep-$t-$n.json"
      score=$(python3 "$HERE/score.py" clusters "$OUT/sweep-$t-$n.json" "$DATA/list_$n.truth.json")
      echo "| $t | $n | $(field precision "$score") | $(field recall "$score") | $(field false "$score") |"
    done
  done
  echo
fi
