"""Compares per-article times: compare.py NUTGRAF.jsonl OTHER.jsonl...

Each file has one {"id", "seconds"} line per article; the system's name is the file's stem. Prints
median, p90 and maximum per article in ms, and each system's median and maximum over nutgraf's.
"""
import json
import os
import statistics
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return {r["id"]: r["seconds"] for r in map(json.loads, f) if r.get("seconds") is not None}


def quantile(values, q):
    values = sorted(values)
    return values[round((len(values) - 1) * q)]


def main():
    baseline_path, *paths = sys.argv[1:]
    baseline = load(baseline_path)
    rows = []
    for path in [baseline_path] + [p for p in paths if os.path.abspath(p) != os.path.abspath(baseline_path)]:
        name = os.path.splitext(os.path.basename(path))[0]
        if name in ("in", "all"):
            continue
        times = load(path)
        common = [i for i in times if i in baseline]
        if not common:
            continue
        t = [times[i] for i in common]
        per_doc = [times[i] / baseline[i] for i in common if baseline[i] > 0]
        rows.append((name, len(common), statistics.median(t), quantile(t, 0.9), max(t),
                     statistics.median(t) / statistics.median(baseline.values()),
                     max(t) / max(baseline.values()), statistics.median(per_doc)))
    print(f"{'system':<18} {'docs':>5} {'median ms':>10} {'p90 ms':>9} {'max ms':>9} "
          f"{'median ×':>9} {'max ×':>8} {'per-doc ×':>10}")
    for name, n, median, p90, top, ratio, top_ratio, per_doc in rows:
        print(f"{name:<18} {n:>5} {median * 1e3:>10.3f} {p90 * 1e3:>9.3f} {top * 1e3:>9.3f} "
              f"{ratio:>9.1f} {top_ratio:>8.1f} {per_doc:>10.1f}")
    print("(× = times nutgraf's figure; per-doc × = median over articles of peer time / nutgraf time)")


if __name__ == "__main__":
    main()
