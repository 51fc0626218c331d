#!/usr/bin/env python3
"""The pysbd column of the README's splitter table: pySBD itself on the cases that
`tests/golden_rules_languages.rs` gives nutgraf, counted the same way (the expected sentences, stripped,
equal to pySBD's, stripped; `pysbd_clean` cases apart).

    ~/.cache/nutgraf-peers/venv/bin/python data/scripts/pysbd_golden_rules.py [SHARED_DIR]

SHARED_DIR defaults to ../shared beside the checkout. Each case runs with the Segmenter options of its
pySBD test (`pysbd_language`, `pysbd_clean`, `pysbd_doc_type`).
"""

import collections
import json
import pathlib
import sys

import pysbd


def main():
    root = pathlib.Path(__file__).resolve().parents[2]
    shared = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared"
    sbd = shared / "eval" / "sbd"
    for title, folder in [("nutgraf's languages", sbd), ("other languages", sbd / "other_languages")]:
        tallies = collections.defaultdict(lambda: [0, 0, 0, 0])
        for path in sorted(folder.glob("golden_rules_*.jsonl")):
            if path.name.startswith("golden_rules_en"):
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                case = json.loads(line)
                segmenter = pysbd.Segmenter(
                    language=case["pysbd_language"], clean=bool(case["pysbd_clean"]), doc_type=case["pysbd_doc_type"]
                )
                got = [s.strip() for s in segmenter.segment(case["text"])]
                passed = got == [s.strip() for s in case["sentences"]]
                tally = tallies[case["pysbd_language"]]
                index = 2 if case["pysbd_clean"] else 0
                tally[index] += passed
                tally[index + 1] += 1
        print(f"{title} (pysbd {pysbd.__version__})")
        print("| language | passed | rewritten (pysbd_clean) |")
        for language, (passed, total, clean_passed, clean_total) in sorted(tallies.items()):
            print(f"| {language} | {passed}/{total} | {clean_passed}/{clean_total} |")
        passed = sum(t[0] for t in tallies.values())
        total = sum(t[1] for t in tallies.values())
        print(f"total: {passed}/{total}")


if __name__ == "__main__":
    main()
