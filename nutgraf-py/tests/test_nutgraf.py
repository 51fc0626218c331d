"""The Python package against the command line (the oracle), on offsets, threads and bad input.

Run by .ci/run against the installed wheel. The CLI binary is $NUTGRAF_BIN (default: the repository's
target/release/nutgraf, then target/debug/nutgraf); the dev sets are read from $NUTGRAF_SHARED,
../shared beside the checkout or /work/shared, and the bundled sample and fixtures are always used.
"""

import json
import os
import pathlib
import pydoc
import re
import subprocess
import threading
import time

import pytest

import nutgraf

REPO = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = REPO / "data" / "samples" / "japan-us-chips.txt"
FIXTURE = REPO / "tests" / "fixtures" / "eval_tiny.jsonl"


def binary():
    candidates = [os.environ.get("NUTGRAF_BIN"), REPO / "target/release/nutgraf", REPO / "target/debug/nutgraf"]
    for candidate in candidates:
        if candidate and pathlib.Path(candidate).is_file():
            return str(candidate)
    pytest.fail("no nutgraf binary: build it (cargo build --release) or set NUTGRAF_BIN")


def shared_eval(name):
    for root in [os.environ.get("NUTGRAF_SHARED"), REPO.parent / "shared", "/work/shared"]:
        if root and (pathlib.Path(root) / "eval" / name / "dev.jsonl").is_file():
            return pathlib.Path(root) / "eval" / name / "dev.jsonl"
    return None


def corpora():
    """(name, path) of every JSON Lines corpus at hand: the fixture always, the dev sets when present."""
    found = [("fixture", FIXTURE)]
    for name in ["cnndm_frank", "bbc_news_summary"]:
        path = shared_eval(name)
        if path:
            found.append((name, path))
    return found


def read_records(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cli_jsonl(path, *options):
    run = subprocess.run([binary(), "--jsonl", *options, str(path)], capture_output=True, check=True)
    return [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]


def byte_offset(text, char_offset):
    return len(text[:char_offset].encode("utf-8"))


def assert_same_as_cli(text, summary, cli_sentences, cli_text=None):
    """Same sentences, indices, scores (bit for bit) and spans (characters here, bytes there)."""
    assert len(summary.sentences) == len(cli_sentences)
    for mine, theirs in zip(summary.sentences, cli_sentences):
        assert mine.text == theirs["text"]
        assert mine.index == theirs["index"]
        assert mine.score == theirs["score"]
        assert byte_offset(text, mine.start) == theirs["start"]
        assert byte_offset(text, mine.end) == theirs["end"]
        assert text[mine.start:mine.end] == mine.text
    if cli_text is not None:
        assert summary.text == cli_text


@pytest.mark.parametrize("preset", ["news", "general"])
@pytest.mark.parametrize("name,path", corpora())
def test_briefs_equal_the_clis_on_every_article(name, path, preset):
    records = read_records(path)
    expected = cli_jsonl(path, "--preset", preset, "--threads", "2")
    assert len(expected) == len(records)
    texts = [r["text"] for r in records]
    summaries = nutgraf.Summarizer(preset=preset).summarize_many(texts)
    assert len(summaries) == len(records)
    for record, summary, cli in zip(records, summaries, expected):
        assert cli["id"] == record["id"]
        assert_same_as_cli(record["text"], summary, cli["sentences"], cli["summary"])


@pytest.mark.parametrize(
    "options,cli_options",
    [
        ({}, []),
        ({"sentences": 1}, ["-n", "1"]),
        ({"sentences": 5, "preset": "general"}, ["-n", "5", "--preset", "general"]),
        ({"ratio": 0.2}, ["--ratio", "0.2"]),
        ({"words": 40}, ["--words", "40"]),
        ({"language": "de"}, ["--language", "german"]),
    ],
)
def test_every_budget_and_option_equals_the_clis(options, cli_options):
    text = SAMPLE.read_text(encoding="utf-8")
    run = subprocess.run([binary(), "--format", "json", *cli_options, str(SAMPLE)], capture_output=True, check=True)
    cli = json.loads(run.stdout)
    summary = nutgraf.summarize(text, **options)
    assert summary.total_sentences == cli["total_sentences"]
    assert_same_as_cli(text, summary, cli["sentences"])
    assert nutgraf.Summarizer(**options).summarize(text).text == summary.text


MIXED = (
    "東京 — 日本と米国は金曜日に半導体研究の協定に署名する。🚀 The agreement commits both countries "
    "to joint research on advanced chips, officials said. 🇯🇵🇺🇸 Officials described the deal as "
    "an incremental step, not a breakthrough. Les responsables ont décrit l'accord comme une étape. "
    "Café owners in Zürich were unimpressed by the naïve coverage. 👩‍🔬 Researchers welcomed the "
    "funding for new laboratories. 研究者たちは新しい研究所への資金を歓迎した。"
)


def test_offsets_are_characters_on_cjk_emoji_and_accents():
    summary = nutgraf.summarize(MIXED, sentences=4)
    assert len(summary.sentences) == 4
    for s in summary.sentences:
        assert MIXED[s.start:s.end] == s.text
    # The text is not ASCII before the chosen sentences, so byte offsets would differ.
    assert any(byte_offset(MIXED, s.start) != s.start for s in summary.sentences)
    spans = nutgraf.split(MIXED)
    assert len(spans) >= 6
    assert [s.index for s in spans] == list(range(len(spans)))
    for span in spans:
        assert MIXED[span.start:span.end] == span.text
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_offsets_hold_when_every_character_is_outside_the_bmp():
    text = " ".join(["𝐓𝐡𝐞 𝐜𝐨𝐮𝐧𝐜𝐢𝐥 𝐦𝐞𝐭 🎉🎉.", "𝐈𝐭 𝐯𝐨𝐭𝐞𝐝 😀 𝐭𝐨 𝐟𝐮𝐧𝐝 𝐛𝐮𝐬𝐞𝐬.", "𝐓𝐡𝐞 𝐦𝐚𝐲𝐨𝐫 𝐚𝐠𝐫𝐞𝐞𝐝."] * 3)
    for s in nutgraf.summarize(text).sentences + nutgraf.split(text):
        assert text[s.start:s.end] == s.text


def test_summarize_many_is_the_same_for_every_thread_count_and_as_one_by_one():
    texts = [r["text"] for r in read_records(FIXTURE)] * 30 + [MIXED, "", "no punctuation at all here"]
    summarizer = nutgraf.Summarizer(sentences=2)
    one_by_one = [summarizer.summarize(t) for t in texts]

    def key(summaries):
        return [[(s.text, s.start, s.end, s.score, s.index) for s in x.sentences] for x in summaries]

    for threads in [None, 1, 2, 4]:
        assert key(summarizer.summarize_many(texts, threads=threads)) == key(one_by_one)
    assert key(summarizer.summarize_many(iter(texts))) == key(one_by_one)
    assert summarizer.summarize_many([]) == []


def test_summarize_many_releases_the_gil():
    texts = [SAMPLE.read_text(encoding="utf-8")] * 3000
    summarizer = nutgraf.Summarizer()
    started, done = threading.Event(), threading.Event()
    result = []

    def work():
        started.set()
        result.extend(summarizer.summarize_many(texts, threads=1))
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    time.sleep(0.05)  # let the worker get into Rust
    ticks = 0
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    assert len(result) == len(texts)
    # With the GIL held for the whole call, this thread could not have run while the worker was in Rust.
    assert ticks >= 20, ticks


def test_python_threads_can_share_one_summarizer():
    from concurrent.futures import ThreadPoolExecutor

    texts = [r["text"] for r in read_records(FIXTURE)] * 10
    summarizer = nutgraf.Summarizer()
    expected = [summarizer.summarize(t).text for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda t: summarizer.summarize(t).text, texts)) == expected


@pytest.mark.parametrize("bad", [None, b"bytes are not text", bytearray(b"x"), 42, ["a list"]])
def test_a_text_that_is_not_a_str_is_a_type_error(bad):
    with pytest.raises(TypeError, match="text must be a str"):
        nutgraf.summarize(bad)
    with pytest.raises(TypeError):
        nutgraf.split(bad)
    with pytest.raises(TypeError):
        nutgraf.Summarizer().summarize_many(["fine", bad])


def test_bytes_get_a_hint_and_one_str_is_not_many_texts():
    with pytest.raises(TypeError, match="decode"):
        nutgraf.summarize(b"abc")
    with pytest.raises(TypeError, match="iterable of str"):
        nutgraf.Summarizer().summarize_many("one text")
    with pytest.raises(TypeError):
        nutgraf.Summarizer().summarize_many(None)


def test_a_lone_surrogate_is_an_exception_not_a_crash():
    with pytest.raises(UnicodeEncodeError):
        nutgraf.summarize("A sentence. \ud800 Another one.")


def test_empty_and_blank_texts_give_empty_briefs():
    for text in ["", "   ", "\n\n\n"]:
        summary = nutgraf.summarize(text)
        assert summary.sentences == [] and summary.text == "" and len(summary) == 0
    assert nutgraf.split("") == []


def test_a_50_mb_string_gives_a_bounded_brief_equal_to_the_clis(tmp_path):
    import random

    words = [f"{w}{n}" for w in ["data", "stream", "value", "record", "node", "sensor"] for n in range(1000)]
    text = " ".join(random.Random(7).choices(words, k=5_600_000))[:50_000_000]  # no punctuation
    assert len(text) == 50_000_000
    started = time.monotonic()
    summary = nutgraf.summarize(text)
    assert time.monotonic() - started < 60
    assert 1 <= len(summary.sentences) <= 3
    for s in summary.sentences:
        assert text[s.start:s.end] == s.text
        assert len(s.text.encode("utf-8")) <= 100_000
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    run = subprocess.run([binary(), "--format", "json", str(path)], capture_output=True, check=True)
    assert_same_as_cli(text, summary, json.loads(run.stdout)["sentences"])


def test_a_50_mb_string_of_one_repeated_word_is_no_crash():
    text = "word " * 10_000_000
    summary = nutgraf.summarize(text)
    assert summary.total_sentences > 1000
    for s in summary.sentences:
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize(
    "options,message",
    [
        ({"language": "klingon"}, 'unknown language "klingon" (try one of: arabic, danish'),
        ({"preset": "poetry"}, 'unknown preset "poetry" (try one of: news, general)'),
        ({"ratio": 0.0}, "invalid configuration: ratio must be in (0, 1], not 0"),
        ({"ratio": 1.5}, "invalid configuration: ratio must be in (0, 1], not 1.5"),
        ({"sentences": 0}, "sentences must be at least 1, not 0"),
        ({"words": -3}, "words must be at least 1, not -3"),
        ({"sentences": 2, "words": 10}, "give at most one of sentences, ratio and words"),
    ],
)
def test_bad_options_raise_nutgraf_error_with_the_rust_message(options, message):
    with pytest.raises(nutgraf.NutgrafError) as raised:
        nutgraf.Summarizer(**options)
    assert message in str(raised.value)
    assert isinstance(raised.value, ValueError)
    with pytest.raises(nutgraf.NutgrafError):
        nutgraf.summarize("Some text.", **options)


def test_bad_thread_counts_and_unknown_arguments():
    with pytest.raises(nutgraf.NutgrafError, match="threads must be at least 1"):
        nutgraf.Summarizer().summarize_many(["x"], threads=0)
    with pytest.raises(TypeError):
        nutgraf.summarize("x", sentence=2)  # a typo is not silently ignored
    with pytest.raises(TypeError):
        nutgraf.Summarizer(3)  # options are keyword-only


def test_the_objects_explain_themselves():
    summarizer = nutgraf.Summarizer(words=60, language="de", preset="general")
    assert (summarizer.budget, summarizer.language, summarizer.preset) == ("60 words", "german", "general")
    summary = summarizer.summarize(SAMPLE.read_text(encoding="utf-8"))
    assert repr(summary).startswith("Summary(") and str(summary) == summary.text
    assert list(summary) == summary.sentences
    assert repr(summary.sentences[0]).startswith("Sentence(index=")
    assert "english" in nutgraf.languages() and len(nutgraf.languages()) == 18
    assert re.fullmatch(r"\d+\.\d+\.\d+", nutgraf.__version__)


def test_help_is_useful():
    text = pydoc.render_doc(nutgraf, renderer=pydoc.plaintext)
    for needle in ["summarize_many", "character offsets", "NutgrafError", "split(", "Summarizer", "GIL"]:
        assert needle in text, needle
    assert "sentences=None" in nutgraf.summarize.__text_signature__
    assert "threads=None" in nutgraf.Summarizer.summarize_many.__text_signature__


def test_the_readme_example_runs_as_written(capsys, monkeypatch):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python", 1)[1]
    example = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(REPO)
    exec(compile(example, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert out.strip(), "the example prints the brief"
