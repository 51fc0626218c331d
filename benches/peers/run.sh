#!/usr/bin/env bash
# Per-article time of other extractive summarizers against nutgraf's library call, on the same articles
# in one run: sumy TextRank and LexRank and summa (Python, timed by shared/peers/peers.py, algorithm
# alone after a warm-up). Prints median, p90 and maximum per article and how many times slower each
# peer is than nutgraf.
#
#   benches/peers/run.sh [N]     (the first N articles of the dev sets; default all 656)
#
# Needs the peers' venv (shared/peers/setup.sh; $PEERS_VENV, default ~/.cache/nutgraf-peers/venv).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
crate=$(cd "$here/../.." && pwd)
limit=${1:-0}
shared=${NUTGRAF_SHARED:-}
for candidate in "$shared" "$crate/../shared" /work/shared; do
    if [[ -n "$candidate" && -d "$candidate/eval" ]]; then shared=$candidate; break; fi
done
python=${PEERS_VENV:-$HOME/.cache/nutgraf-peers/venv}/bin/python
if [[ ! -x "$python" || ! -f "$shared/peers/peers.py" ]]; then
    echo "peers/run.sh: needs $python and $shared/peers/peers.py (run shared/peers/setup.sh)" >&2
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$shared/eval/bbc_news_summary/dev.jsonl" "$shared/eval/cnndm_frank/dev.jsonl" >"$work/all.jsonl"
if [[ "$limit" -gt 0 ]]; then head -n "$limit" "$work/all.jsonl" >"$work/in.jsonl"; else mv "$work/all.jsonl" "$work/in.jsonl"; fi
echo "articles: $(grep -c . "$work/in.jsonl")" >&2

for system in sumy-textrank sumy-lexrank summa; do
    echo "running $system" >&2
    "$python" "$shared/peers/peers.py" "$system" "$work/in.jsonl" "$work/$system.jsonl" --sentences 3 >&2
done

echo "running nutgraf (library call, single thread, warm)" >&2
(cd "$crate" && cargo bench --bench latency -- --input "$work/in.jsonl" --per-doc "$work/nutgraf.jsonl") >&2

"$python" "$here/compare.py" "$work/nutgraf.jsonl" "$work"/*.jsonl
