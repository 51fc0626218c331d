#!/usr/bin/env bash
# Writes the briefs a nutgraf binary gives on the dev sets, under several presets, similarities and budgets,
# into OUTDIR, so that the outputs of two builds can be compared with `diff -r`. An optimization must leave
# every file byte-identical.
#
#   benches/scripts/briefs.sh BINARY OUTDIR
set -euo pipefail
binary=${1:?usage: briefs.sh BINARY OUTDIR}
outdir=${2:?usage: briefs.sh BINARY OUTDIR}
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=${NUTGRAF_SHARED:-}
for candidate in "$shared" "$here/../shared" /work/shared; do
    if [[ -n "$candidate" && -d "$candidate/eval" ]]; then shared=$candidate; break; fi
done
if [[ ! -d "$shared/eval" ]]; then
    echo "briefs.sh: no shared/eval directory found; nothing to compare" >&2
    exit 0
fi
mkdir -p "$outdir"
config_dir=$(mktemp -d)
trap 'rm -rf "$config_dir"' EXIT
printf 'similarity = "bm25"\n[weights]\ntextrank = 1.0\nbackward = 0.5\ncentroid = 0.5\nheadline = 0.5\n' \
    >"$config_dir/bm25.toml"
printf 'similarity = "word-overlap"\n[weights]\ntextrank = 1.0\nforward = 0.5\n[graph]\nmax_term_sentences = 3\n' \
    >"$config_dir/capped.toml"
printf 'similarity = "cosine"\nredundancy = 0.3\n[weights]\ntextrank = 1.0\ncentroid = 1.0\n[graph]\nself_loops = true\nmin_similarity = 0.05\n' \
    >"$config_dir/cosine.toml"
run() {
    local out=$1
    shift
    "$binary" "$@" >"$out"
}
for set in bbc_news_summary cnndm_frank scraped; do
    input="$shared/eval/$set/dev.jsonl"
    [[ -f "$input" ]] || continue
    run "$outdir/$set.news.jsonl" --jsonl "$input"
    run "$outdir/$set.general.jsonl" --jsonl --preset general --ratio 0.3 "$input"
    run "$outdir/$set.bm25.jsonl" --jsonl --words 60 --config "$config_dir/bm25.toml" "$input"
    run "$outdir/$set.capped.jsonl" --jsonl --preset general --config "$config_dir/capped.toml" "$input"
    run "$outdir/$set.cosine.jsonl" --jsonl -n 5 --config "$config_dir/cosine.toml" "$input"
done
echo "briefs.sh: wrote $(ls "$outdir" | wc -l) files to $outdir"
