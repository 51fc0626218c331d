#!/usr/bin/env bash
# Runs examples/spark/summarize_job.py in Spark local mode on the dev sets (BBC + CNN/DM, 656 articles,
# repeated COPIES times) and checks its output is byte-identical to one plain `nutgraf --jsonl` run;
# prints both wall times and docs/s. Not part of CI: it downloads pyspark (about 540 MB, into
# $NUTGRAF_SPARK_VENV, default ~/.cache/nutgraf-spark/venv) and needs Java 17 or newer on the PATH.
#
#   examples/spark/run-local.sh [COPIES] [PARTITIONS] [CORES]     (defaults: 1, 8, all cores)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
crate=$(cd "$here/../.." && pwd)
copies=${1:-1}
partitions=${2:-8}
cores=${3:-$(nproc)}
venv=${NUTGRAF_SPARK_VENV:-$HOME/.cache/nutgraf-spark/venv}
shared=${NUTGRAF_SHARED:-}
for candidate in "$shared" "$crate/../shared" /work/shared; do
    if [[ -n "$candidate" && -d "$candidate/eval" ]]; then shared=$candidate; break; fi
done
[[ -d "$shared/eval" ]] || { echo "run-local.sh: no shared/eval directory found" >&2; exit 1; }
command -v java >/dev/null || { echo "run-local.sh: Spark needs Java 17+ on the PATH" >&2; exit 1; }

if [[ ! -x "$venv/bin/spark-submit" ]]; then
    echo "== installing pyspark into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'pyspark>=4.0,<5'
fi
echo "== building nutgraf (release)" >&2
(cd "$crate" && cargo build --release --quiet)
binary=$crate/target/release/nutgraf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq "$copies"); do
    cat "$shared/eval/bbc_news_summary/dev.jsonl" "$shared/eval/cnndm_frank/dev.jsonl"
done >"$work/input.jsonl"
docs=$(grep -c . "$work/input.jsonl")

seconds() { date +%s.%N; }
start=$(seconds)
"$binary" --jsonl --threads "$cores" "$work/input.jsonl" >"$work/plain.jsonl"
plain=$(echo "$(seconds) - $start" | bc -l)

export PYSPARK_PYTHON=$venv/bin/python
start=$(seconds)
"$venv/bin/spark-submit" --master "local[$cores]" --conf spark.ui.enabled=false \
    --files "$binary" "$here/summarize_job.py" "$work/input.jsonl" "$work/out" --partitions "$partitions" \
    2> "$work/spark.log" || { tail -30 "$work/spark.log" >&2; exit 1; }
spark=$(echo "$(seconds) - $start" | bc -l)
cat "$work/out"/part-* >"$work/spark.jsonl"

if cmp -s "$work/plain.jsonl" "$work/spark.jsonl"; then same="byte-identical"; else same="DIFFERENT"; fi
printf '%s documents, %s partitions, %s cores\n' "$docs" "$partitions" "$cores"
printf '%-34s %8.2f s %10.0f docs/s\n' "plain nutgraf --jsonl --threads $cores" "$plain" "$(echo "$docs / $plain" | bc -l)"
printf '%-34s %8.2f s %10.0f docs/s\n' "spark-submit (whole job)" "$spark" "$(echo "$docs / $spark" | bc -l)"
echo "Spark output vs plain run: $same"
[[ $same == byte-identical ]]
