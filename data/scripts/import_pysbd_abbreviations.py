#!/usr/bin/env python3
"""Adds pySBD's abbreviation lists to nutgraf's `data/abbreviations/<language>.txt`.

Run with a Python that has pySBD installed (the version is written into each file), from anywhere:

    ~/.cache/nutgraf-peers/venv/bin/python data/scripts/import_pysbd_abbreviations.py

Each file keeps what nutgraf wrote above the marker line; everything below the marker is rewritten on every
run, byte for byte the same for the same pySBD. How pySBD's entries become nutgraf's:

* nutgraf's own entries win: a word already listed above the marker keeps its kind and is not repeated;
* `NUMBER_ABBREVIATIONS` become `:number` (they precede numbers: `Nr. 5`);
* every other entry, `PREPOSITIVE_ABBREVIATIONS` included, becomes a general abbreviation. pySBD's
  prepositive lists mix titles with ordinary words and word-forming prefixes (Spanish `bien`, `auto`,
  `contra`; Italian `ecc`, `tel`), and a title never ends a sentence, so a general entry is the safe
  reading: it goes on before a name (`Skt. Hans`, `l'Avv. Cassioni`) and ends before a word that opens
  sentences (`bien. El`);
* left out: entries with a space inside (the splitter looks at one word: `st. d. arte` is `st`, `d`,
  `arte`), general entries that are stop words of the language (a function word is no abbreviation;
  Spanish `no` stays, as `:number`: it only holds before a number, `No. 103`), English
  (nutgraf's English list is larger than pySBD's and leaves ordinary words out on purpose) and Greek
  (pySBD has no Greek list: its Greek uses the English one).

Entries are lower-cased, stripped of spaces and of a final period, deduplicated and sorted.
"""

import pathlib
import sys

import pysbd
from pysbd.languages import LANGUAGE_CODES

MARKER = "# ---- imported from pySBD below this line by data/scripts/import_pysbd_abbreviations.py; do not edit ----"

# pySBD code -> nutgraf's file name, for the languages both have. Not English (see above) and not Greek:
# pySBD has no Greek list and falls back to its English one.
LANGUAGES = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "ru": "russian",
}

DATA = pathlib.Path(__file__).resolve().parent.parent


def data_words(path):
    """The entries of a nutgraf data file (`word` or `word:kind`), lower-cased words only."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words.add(line.split(":", 1)[0].lower())
    return words


def normalised(entry):
    return entry.strip().lower().rstrip(".")


def import_language(code, name):
    path = DATA / "abbreviations" / f"{name}.txt"
    own = path.read_text(encoding="utf-8").split(MARKER, 1)[0].rstrip("\n") + "\n"
    own_words = data_words_from_text(own)
    stop_words = data_words(DATA / "stopwords" / f"{name}.txt")
    lists = LANGUAGE_CODES[code].Abbreviation
    number = {normalised(e) for e in lists.NUMBER_ABBREVIATIONS}
    every = {normalised(e) for e in [*lists.ABBREVIATIONS, *lists.PREPOSITIVE_ABBREVIATIONS, *lists.NUMBER_ABBREVIATIONS]}
    imported = []
    skipped = {"nutgraf's own": 0, "a space inside": 0, "a stop word": 0}
    for word in sorted(every):
        if not word:
            continue
        if word in own_words:
            skipped["nutgraf's own"] += 1
        elif any(c.isspace() for c in word):
            skipped["a space inside"] += 1
        elif word in stop_words and word not in number:
            skipped["a stop word"] += 1
        else:
            imported.append(f"{word}:number" if word in number else word)
    header = [
        MARKER,
        f"# pySBD {pysbd.__version__} (https://github.com/nipunsadvilkar/pySBD, MIT licence, Copyright (c) 2019",
        f"# Nipun Sadvilkar), pysbd/lang: {len(every)} entries for '{code}'; {len(imported)} added here, left out: "
        + ", ".join(f"{count} {why}" for why, count in skipped.items())
        + ".",
    ]
    path.write_text(own + "\n" + "\n".join(header + imported) + "\n", encoding="utf-8")
    print(f"{name}: {len(own_words)} own + {len(imported)} from pySBD ({len(every)} there)", file=sys.stderr)


def data_words_from_text(text):
    words = set()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line.split(":", 1)[0].lower())
    return words


def main():
    for code, name in LANGUAGES.items():
        import_language(code, name)


if __name__ == "__main__":
    main()
