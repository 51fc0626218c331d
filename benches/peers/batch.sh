#!/usr/bin/env bash
# The batch path against the Python peers, in one run: whole-process `nutgraf --jsonl --threads 1` over
# the dev articles (BBC + CNN/DM, 656; start-up, JSON in and out included), divided by the number of
# articles, against the mean per-article time of summa and sumy TextRank (their algorithm alone, after a
# warm-up, as shared/peers/peers.py times it) and of nutgraf called from Python (the `nutgraf` wheel:
# `Summarizer.summarize` per article, and `summarize_many(threads=1)` over all of them).
#
#   benches/peers/batch.sh [RUNS] [BINARY]     (default: 15 runs of target/release/nutgraf)
#
# Needs the peers' venv ($PEERS_VENV, default ~/.cache/nutgraf-peers/venv) and, for the Python row, a
# Python with the nutgraf wheel installed ($NUTGRAF_PYTHON; the row is left out without it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
crate=$(cd "$here/../.." && pwd)
runs=${1:-15}
binary=${2:-$crate/target/release/nutgraf}
shared=${NUTGRAF_SHARED:-}
for candidate in "$shared" "$crate/../shared" /work/shared; do
    if [[ -n "$candidate" && -d "$candidate/eval" ]]; then shared=$candidate; break; fi
done
python=${PEERS_VENV:-$HOME/.cache/nutgraf-peers/venv}/bin/python
if [[ ! -x "$python" || ! -f "$shared/peers/peers.py" ]]; then
    echo "peers/batch.sh: needs $python and $shared/peers/peers.py (run shared/peers/setup.sh)" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$shared/eval/bbc_news_summary/dev.jsonl" "$shared/eval/cnndm_frank/dev.jsonl" >"$work/in.jsonl"
docs=$(grep -c . "$work/in.jsonl")
echo "articles: $docs" >&2

for system in summa sumy-textrank; do
    echo "running $system" >&2
    "$python" "$shared/peers/peers.py" "$system" "$work/in.jsonl" "$work/$system.jsonl" --sentences 3 >&2
done

echo "running nutgraf --jsonl --threads 1, $runs times" >&2
"$binary" --jsonl --threads 1 "$work/in.jsonl" >/dev/null # warm the page cache
# Wall and CPU time (user + system, from the children's rusage: microseconds, where time(1) prints
# hundredths) of each run.
"$python" - "$binary" "$work/in.jsonl" "$runs" >"$work/nutgraf-runs.txt" <<'PY'
import resource, subprocess, sys, time
binary, corpus, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([binary, "--jsonl", "--threads", "1", corpus], stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime)
PY

if [[ -n "${NUTGRAF_PYTHON:-}" ]]; then
    echo "running nutgraf from Python" >&2
    "$NUTGRAF_PYTHON" - "$work/in.jsonl" "$work/python.json" <<'PY'
import json, statistics, sys, time
import nutgraf
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
s = nutgraf.Summarizer()
for t in texts:
    s.summarize(t)
wall, cpu = [], []
for t in texts:
    w, c = time.perf_counter(), time.process_time()
    s.summarize(t)
    wall.append(time.perf_counter() - w)
    cpu.append(time.process_time() - c)
many = []
for _ in range(5):
    w = time.perf_counter()
    s.summarize_many(texts, threads=1)
    many.append((time.perf_counter() - w) / len(texts))
json.dump({"wall": wall, "cpu": cpu, "many": statistics.median(many)}, open(sys.argv[2], "w"))
PY
fi

"$python" - "$work" "$docs" <<'PY'
import json, os, statistics, sys
work, docs = sys.argv[1], int(sys.argv[2])
runs = [tuple(map(float, l.split())) for l in open(os.path.join(work, "nutgraf-runs.txt")) if l.strip()]
wall = statistics.median(r[0] for r in runs) / docs
cpu = statistics.median(r[1] + r[2] for r in runs) / docs
rows = [("nutgraf --jsonl --threads 1 (whole process / articles)", wall, None, cpu)]
py = os.path.join(work, "python.json")
if os.path.exists(py):
    p = json.load(open(py))
    rows.append(("nutgraf from Python, Summarizer.summarize", statistics.mean(p["wall"]), statistics.median(p["wall"]), statistics.mean(p["cpu"])))
    rows.append(("nutgraf from Python, summarize_many(threads=1)", p["many"], None, None))
for name in ["summa", "sumy-textrank"]:
    recs = [json.loads(l) for l in open(os.path.join(work, name + ".jsonl"))]
    w = [r["seconds"] for r in recs if r.get("seconds") is not None and not r.get("error")]
    c = [r["cpu_seconds"] for r in recs if r.get("cpu_seconds") is not None and not r.get("error")]
    rows.append((name, statistics.mean(w), statistics.median(w), statistics.mean(c)))
print(f"{'system':<52} {'mean ms':>8} {'median ms':>9} {'mean CPU ms':>11} {'× wall':>7} {'× CPU':>7}")
for name, w, med, c in rows:
    med_s = f"{med * 1e3:9.4f}" if med is not None else f"{'-':>9}"
    c_s = f"{c * 1e3:11.4f}" if c is not None else f"{'-':>11}"
    xc = f"{c / cpu:7.1f}" if c is not None else f"{'-':>7}"
    print(f"{name:<52} {w * 1e3:8.4f} {med_s} {c_s} {w / wall:7.1f} {xc}")
print("(× = the system's mean per-article time over nutgraf's whole-process time per article)")
PY
