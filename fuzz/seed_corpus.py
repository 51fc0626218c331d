#!/usr/bin/env python3
"""Writes starting corpora for the fuzz targets from the repository's sample and, when present, the
shared evaluation data (read at run time, never committed). Usage: python3 fuzz/seed_corpus.py"""
import json
import pathlib

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
SHARED = next((p for p in (ROOT.parent / "shared", pathlib.Path("/work/shared")) if p.is_dir()), None)

texts = [p.read_text() for p in sorted((ROOT / "data" / "samples").glob("*.txt"))]
texts += ["Dr. Smith paid $1.5m. It was Jan. 5 in the U.S. . . . \"Why?!\" she asked.\n\nSubscribe now",
          "\u05e9\u05dc\u05d5\u05dd. \u4f60\u597d\u3002\u3053\u3093\u306b\u3061\u306f\uff01 \U0001F600 e\u0301.",
          "\n" * 300, "x" * 5000]
if SHARED:
    picks = {"scraped/dev.jsonl": 12, "sbd/golden_rules_en.jsonl": 48, "sbd/pysbd_regression_en.jsonl": 22,
             "bbc_news_summary/dev.jsonl": 6, "cnndm_frank/dev.jsonl": 4}
    for name, count in picks.items():
        path = SHARED / "eval" / name
        if path.exists():
            for line in path.read_text().splitlines()[:count]:
                texts.append(json.loads(line)["text"])
else:
    print("shared eval data not found; seeding from the repository sample only")

for target in ("split", "summarize"):
    out = FUZZ / "corpus" / target
    out.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        body = text.encode()
        # split: 1 language byte; summarize: budget byte + options byte.
        prefix = bytes([i % 18]) if target == "split" else bytes([(i * 7) % 256, i % 36])
        (out / f"seed-{i:03}").write_bytes(prefix + body)
    print(f"{target}: {len(texts)} seeds in {out}")

# html: budget byte + a page. The scraped dev pages, cut to the 64 KiB the README's run allows (libFuzzer
# would cut them anyway), and small pages of the shapes that have broken HTML readers.
pages = [
    "<html><head><title>T</title></head><body><p>One. Two.</p></body></html>",
    "<body></body>",
    "<div>" * 3000 + "deep text. more." + "</div>" * 10,
    "<p>unclosed <b>bold <i>italic <table><tr><td>cell <ul><li>item",
    '<meta charset="utf-16"><p>A lying charset. \u00e9\u00e8.</p>',
    "<nav><a href=/>Home</a></nav><article><h1>H</h1><p>Body text here. And more.</p></article><footer>(c)</footer>",
    "<pre>code\n  line</pre><figure><figcaption>cap</figcaption></figure><br><hr><p hidden>x</p>",
]
html_dir = SHARED / "eval" / "scraped" / "html" if SHARED else None
if html_dir and html_dir.is_dir():
    for path in sorted(html_dir.glob("*.html"))[:20]:
        pages.append(path.read_bytes()[:65535].decode("utf-8", "ignore"))
out = FUZZ / "corpus" / "html"
out.mkdir(parents=True, exist_ok=True)
for i, page in enumerate(pages):
    (out / f"seed-{i:03}").write_bytes(bytes([i % 8]) + page.encode())
print(f"html: {len(pages)} seeds in {out}")
