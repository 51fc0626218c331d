#!/usr/bin/env python3
"""Build a "lead removed" evaluation set: news articles whose first body sentence has been cut out, with
that sentence as the single-sentence reference (the XSum construction: the summary is the article's
opening sentence, and the article no longer has it).

    make_lead_removed.py DEV.jsonl [DEV.jsonl ...] > lead_removed.jsonl
        [--nutgraf target/release/nutgraf] [--drop-title]

Each input record's `text` is split with `nutgraf split --format json`; the first sentence that is not
the record's `title` (BBC texts open with their headline line, which stays) is the reference, and the
text without it is the article. Records with fewer than four sentences are left out. Output records:
{"id", "text", "summary", "title"?}, which `nutgraf --jsonl`, `nutgraf eval`, shared/peers/peers.py and
shared/peers/score.py all read. With --drop-title, the headline line goes too and records carry no title,
as in XSum, whose documents are the body alone. The dev texts stay on the machine: the set is made
afresh, never stored.
"""
import argparse
import json
import subprocess
import sys


def sentences(nutgraf, text):
    out = subprocess.run([nutgraf, "split", "--format", "json"], input=text, capture_output=True, text=True,
                         check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--nutgraf", default="target/release/nutgraf")
    ap.add_argument("--drop-title", action="store_true",
                    help="cut the headline line out of the text as well, and give no title (XSum's form)")
    args = ap.parse_args()
    for path in args.inputs:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if not line.strip():
                    continue
                record = json.loads(line)
                text, title = record["text"], record.get("title")
                data = text.encode("utf-8")
                spans = sentences(args.nutgraf, text)
                body = [s for s in spans
                        if not (title and data[s["start"]:s["end"]].decode("utf-8").strip() == title.strip())]
                if len(spans) < 4 or not body:
                    continue
                first = body[0]
                cut = [first] + ([s for s in spans if s not in body] if args.drop_title else [])
                kept, at = b"", 0
                for span in sorted(cut, key=lambda s: s["start"]):
                    kept += data[at:span["start"]]
                    at = span["end"]
                kept += data[at:]
                out = {
                    "id": record["id"],
                    "text": kept.decode("utf-8").strip(),
                    "summary": data[first["start"]:first["end"]].decode("utf-8"),
                }
                if title and not args.drop_title:
                    out["title"] = title
                sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
