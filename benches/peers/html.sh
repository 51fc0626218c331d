#!/usr/bin/env bash
# HTML to brief, whole process, against Python trafilatura's extraction alone, on the same pages in one
# run: the 50 scraped dev pages (the ids of shared/eval/scraped/dev.jsonl, their HTML in
# shared/eval/scraped/html/).
#
#   benches/peers/html.sh [path/to/nutgraf] [RUNS]    (default: target/release/nutgraf, 7 runs)
#
# nutgraf: `nutgraf -n 3 PAGE...` over all pages in one process, started RUNS times, on one thread
# (`--threads 1`) and on all cores (the default for several files); its CPU time (user + system, from
# wait4) and wall time. trafilatura: `trafilatura.extract(html)` on every page in
# one Python process, after one warm-up pass, RUNS passes; CPU time (process_time) and wall time of the
# extraction calls alone (no interpreter start, no imports, no file reads). Runs alternate between the
# two so that load on the machine falls on both. Prints the medians, MB/s of HTML and the ratios.
#
# Needs a Python with trafilatura (`pip install trafilatura==2.3.1 lxml_html_clean`): $PY, or the peers'
# venv ($PEERS_VENV, default ~/.cache/nutgraf-peers/venv).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
crate=$(cd "$here/../.." && pwd)
bin=${1:-$crate/target/release/nutgraf}
runs=${2:-7}
shared=${NUTGRAF_SHARED:-}
for candidate in "$shared" "$crate/../shared" /work/shared; do
    if [[ -n "$candidate" && -d "$candidate/eval/scraped/html" ]]; then shared=$candidate; break; fi
done
python=${PY:-${PEERS_VENV:-$HOME/.cache/nutgraf-peers/venv}/bin/python}
if [[ ! -x "$python" || ! -d "$shared/eval/scraped/html" ]]; then
    echo "peers/html.sh: needs $python and $shared/eval/scraped/html" >&2
    exit 0
fi
[[ -x "$bin" ]] || { echo "peers/html.sh: no $bin (cargo build --release)" >&2; exit 1; }

"$python" - "$bin" "$runs" "$shared/eval/scraped/dev.jsonl" "$shared/eval/scraped/html" <<'PY'
import json, os, statistics, subprocess, sys, time

import trafilatura

binary, runs, data, html_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
paths = [os.path.join(html_dir, json.loads(line)["id"] + ".html") for line in open(data) if line.strip()]
pages = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
size = sum(os.path.getsize(p) for p in paths)


def nutgraf_run(*threads):
    start = time.perf_counter()
    child = subprocess.Popen([binary, "-n", "3", *threads, *paths], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"peers/html.sh: {binary} exited with status {status}")
    return usage.ru_utime + usage.ru_stime, wall


def trafilatura_pass():
    cpu, wall = time.process_time(), time.perf_counter()
    for page in pages:
        trafilatura.extract(page)
    return time.process_time() - cpu, time.perf_counter() - wall


nutgraf_run("--threads", "1")
nutgraf_run()
trafilatura_pass()
one, every, theirs = [], [], []
for _ in range(runs):
    one.append(nutgraf_run("--threads", "1"))
    theirs.append(trafilatura_pass())
    every.append(nutgraf_run())
o_cpu, o_wall = (statistics.median(x[k] for x in one) for k in (0, 1))
e_cpu, e_wall = (statistics.median(x[k] for x in every) for k in (0, 1))
t_cpu, t_wall = (statistics.median(x[k] for x in theirs) for k in (0, 1))
mb = size / 1e6
cores = os.cpu_count()
print(f"{len(pages)} pages, {mb:.1f} MB of HTML, medians of {runs} runs, {cores} cores")
print(f"{'':48} {'CPU s':>8} {'wall s':>8} {'MB/s CPU':>9} {'MB/s wall':>9}")
print(f"{'nutgraf -n 3 --threads 1 (whole process)':48} {o_cpu:8.3f} {o_wall:8.3f} {mb / o_cpu:9.1f} {mb / o_wall:9.1f}")
print(f"{'nutgraf -n 3 (whole process, all cores)':48} {e_cpu:8.3f} {e_wall:8.3f} {mb / e_cpu:9.1f} {mb / e_wall:9.1f}")
print(f"{'trafilatura ' + trafilatura.__version__ + ' extract() alone':48} {t_cpu:8.3f} {t_wall:8.3f} {mb / t_cpu:9.1f} {mb / t_wall:9.1f}")
print(f"one thread: nutgraf is {t_cpu / o_cpu:.1f}x faster by CPU time, {t_wall / o_wall:.1f}x by wall time")
print(f"all cores: nutgraf is {t_wall / e_wall:.1f}x faster by wall time (trafilatura on one core)")
PY
