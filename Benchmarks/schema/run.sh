#!/usr/bin/env bash
# Schema validation benchmark: fmadd against Python's jsonschema, in the same run.
#
#   Benchmarks/schema/run.sh [N]          (N entries, default 1000000)
#
# Generates N paper entries as JSON Lines (deterministic, about 3% invalid, 1% with a warning),
# validates them with `fmadd validate --schema entry FILE.jsonl` (release build) and with
# jsonschema's Draft202012Validator on the same Schemas/entry.schema.json, prints both times,
# the ratio, and checks that both count the same invalid instances. Exits 1 if they differ.
#
# Environment: FMADD=/path/to/fmadd skips the build; PYTHON=python3 picks the interpreter;
# BENCH_DATA=DIR holds the generated data and outputs (default .build/bench-data).
# jsonschema comes from that interpreter if it has it, else from a venv in .build/bench-venv.
set -euo pipefail

count="${1:-1000000}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data_dir="${BENCH_DATA:-$root/.build/bench-data}"
data="$data_dir/entries-$count.jsonl"
schema="$root/Schemas/entry.schema.json"
python="${PYTHON:-python3}"

mkdir -p "$data_dir"

if ! "$python" -c 'import jsonschema' 2>/dev/null; then
    venv="$root/.build/bench-venv"
    if [ ! -x "$venv/bin/python" ]; then
        echo "creating $venv with jsonschema"
        "$python" -m venv "$venv"
        "$venv/bin/pip" install --quiet jsonschema
    fi
    python="$venv/bin/python"
fi

if [ -z "${FMADD:-}" ]; then
    echo "building fmadd (release)"
    (cd "$root" && nice -n 10 swift build -c release --product fmadd --static-swift-stdlib -Xswiftc -use-ld=lld >/dev/null)
    FMADD="$root/.build/release/fmadd"
fi

if [ ! -s "$data" ]; then
    echo "generating $count entries"
    "$python" "$here/generate_entries.py" "$count" "$data"
fi

now() { date +%s.%N; }
summary() { grep -E '^checked [0-9]+ instances: [0-9]+ invalid' "$1" | tail -1; }
invalid_count() { summary "$1" | sed -E 's/.*: ([0-9]+) invalid.*/\1/'; }

fmadd_out="$data_dir/fmadd-$count.out"
python_out="$data_dir/jsonschema-$count.out"

echo "validating with fmadd: $FMADD validate --schema entry"
start=$(now)
"$FMADD" validate --schema entry "$data" >"$fmadd_out" 2>&1 || true   # exits non-zero on invalid input
fmadd_seconds=$(awk -v a="$(now)" -v b="$start" 'BEGIN { print a - b }')

echo "validating with jsonschema $("$python" -c 'import importlib.metadata as m; print(m.version("jsonschema"))') (Draft202012Validator)"
start=$(now)
"$python" "$here/validate_jsonschema.py" "$schema" "$data" >"$python_out"
python_seconds=$(awk -v a="$(now)" -v b="$start" 'BEGIN { print a - b }')

fmadd_invalid=$(invalid_count "$fmadd_out")
python_invalid=$(invalid_count "$python_out")
if [ -z "$fmadd_invalid" ]; then
    echo "fmadd printed no summary line ('checked N instances: X invalid, ...'); its output is in $fmadd_out" >&2
    exit 1
fi

printf '\n%d entries of %s\n' "$count" "$(basename "$schema")"
printf '  fmadd       %8.2f s   %s\n' "$fmadd_seconds" "$(summary "$fmadd_out")"
printf '  jsonschema  %8.2f s   %s\n' "$python_seconds" "$(summary "$python_out")"
printf '  fmadd is %.1fx faster\n' "$(awk -v a="$python_seconds" -v b="$fmadd_seconds" 'BEGIN { print a / b }')"
if [ "$fmadd_invalid" = "$python_invalid" ]; then
    echo "  both count $fmadd_invalid invalid instances"
else
    echo "  MISMATCH: fmadd counts $fmadd_invalid invalid instances, jsonschema $python_invalid" >&2
    exit 1
fi
