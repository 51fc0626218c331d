#!/usr/bin/env bash
# Batch throughput of `nutgraf --jsonl` as a whole process on the dev sets (BBC + CNN/DM, 656 articles),
# with one worker thread and with all cores: median wall time, MB/s and docs/s. COPIES > 1 repeats the
# corpus that many times in one input, so that process start-up and the first use of each language's
# tables weigh less (default: 1 and 10). Uses hyperfine when it is installed
# (`apt-get install -y hyperfine`), else times repeated runs itself.
#
#   benches/scripts/throughput.sh [BINARY] [RUNS] [COPIES...]   (default: target/release/nutgraf, 20 runs, 1 10)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
binary=${1:-$here/target/release/nutgraf}
runs=${2:-20}
copy_counts=("${@:3}")
[[ ${#copy_counts[@]} -gt 0 ]] || copy_counts=(1 10)
shared=${NUTGRAF_SHARED:-}
for candidate in "$shared" "$here/../shared" /work/shared; do
    if [[ -n "$candidate" && -d "$candidate/eval" ]]; then shared=$candidate; break; fi
done
if [[ ! -d "$shared/eval" ]]; then
    echo "throughput.sh: no shared/eval directory found" >&2
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dev=$work/dev.jsonl
cat "$shared/eval/bbc_news_summary/dev.jsonl" "$shared/eval/cnndm_frank/dev.jsonl" >"$dev"
for copies in "${copy_counts[@]}"; do
    corpus=$work/corpus-$copies.jsonl
    for _ in $(seq "$copies"); do cat "$dev"; done >"$corpus"
    docs=$(grep -c . "$corpus")
    bytes=$(wc -c <"$corpus")
    cores=$(nproc)
    echo "corpus: $docs articles, $((bytes / 1000)) kB; $cores cores; $runs runs each; binary $binary"
    # CPU time (user + system) is printed too: on a shared machine it moves much less than wall time.
    printf '%-12s %12s %10s %10s %14s\n' threads "median ms" "MB/s" "docs/s" "mean CPU ms"
    for threads in 1 "$cores"; do
        command=("$binary" --jsonl --threads "$threads" "$corpus")
        if command -v hyperfine >/dev/null; then
            hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/h.json" "${command[*]}" >/dev/null 2>&1
            read -r median cpu < <(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; \
    print(r['median'], r['user'] + r['system'])" "$work/h.json")
        else
            cpu=nan
            times=()
            for _ in $(seq "$runs"); do
                start=$(date +%s.%N)
                "${command[@]}" >/dev/null
                end=$(date +%s.%N)
                times+=("$(echo "$end - $start" | bc -l)")
            done
            median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
        fi
        awk -v t="$threads" -v m="$median" -v b="$bytes" -v d="$docs" -v c="$cpu" \
            'BEGIN { printf "%-12s %12.1f %10.1f %10.0f %14.1f\n", t, m * 1000, b / m / 1e6, d / m, c * 1000 }'
    done
done
