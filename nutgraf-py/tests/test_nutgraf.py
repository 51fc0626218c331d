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


def shared_root():
    for root in [os.environ.get("NUTGRAF_SHARED"), REPO.parent / "shared", "/work/shared"]:
        if root and (pathlib.Path(root) / "eval").is_dir():
            return pathlib.Path(root)
    return None


def shared_eval(name):
    root = shared_root()
    if root and (root / "eval" / name / "dev.jsonl").is_file():
        return root / "eval" / name / "dev.jsonl"
    return None


def scraped_pages():
    """The dev HTML pages (sorted), when ../shared is at hand."""
    root = shared_root()
    pages = sorted((root / "eval" / "scraped" / "html").glob("*.html")) if root else []
    if not pages and os.environ.get("CI"):
        pytest.fail("the scraped dev pages (../shared/eval/scraped/html) are missing")
    return pages


def corpora():
    """(name, path) of every JSON Lines corpus at hand: the fixture always, the dev sets when present."""
    found = [("fixture", FIXTURE)]
    for name in ["cnndm_frank", "bbc_news_summary", "orangesum_fr", "klexikon_de", "temario_pt", "tes_tr"]:
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


def cli_json(*arguments, stdin=None):
    """The JSON objects the command prints, one a line."""
    run = subprocess.run([binary(), *arguments], capture_output=True, check=True, input=stdin)
    return [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]


def byte_offset(text, char_offset):
    return len(text[:char_offset].encode("utf-8"))


def assert_same_keyphrases(text, keyphrases, cli_keyphrases):
    """Same phrases, scores (bit for bit) and spans (characters here, bytes there)."""
    assert [(k.text, k.score) for k in keyphrases] == [(k["text"], k["score"]) for k in cli_keyphrases]
    for mine, theirs in zip(keyphrases, cli_keyphrases):
        assert [(byte_offset(text, s), byte_offset(text, e)) for s, e in mine.spans] == [tuple(p) for p in theirs["spans"]]
        # A span is an occurrence of the phrase's stems, one of them in the form the phrase shows.
        assert any(" ".join(text[start:end].split()).lower() == mine.text.lower() for start, end in mine.spans)


def assert_same_as_cli(text, summary, cli_sentences, cli_text=None):
    """Same sentences, indices, scores (bit for bit) and spans (characters here, bytes there)."""
    assert summary.source_text == text
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


@pytest.mark.parametrize("preset", ["adaptive", "news", "general"])
@pytest.mark.parametrize("name,path", corpora())
def test_briefs_equal_the_clis_on_every_article(name, path, preset):
    records = read_records(path)
    """Each text's language detected, its record's title as the headline, as `nutgraf --jsonl` does."""
    expected = cli_jsonl(path, "--preset", preset, "--threads", "2")
    assert len(expected) == len(records)
    texts = [r["text"] for r in records]
    titles = [r.get("title") for r in records]
    summaries = nutgraf.Summarizer(preset=preset).summarize_many(texts, titles=titles)
    assert len(summaries) == len(records)
    for record, summary, cli in zip(records, summaries, expected):
        assert cli["id"] == record["id"]
        assert summary.language == cli["language"]
        assert_same_as_cli(record["text"], summary, cli["sentences"], cli["summary"])
    if name != "fixture" and "language" in records[0]:
        # The multilingual sets say their language: detection finds it for nearly every article.
        found = sum(s.language == r["language"] for s, r in zip(summaries, records))
        assert found >= 0.9 * len(records), (found, len(records))


@pytest.mark.parametrize(
    "options,cli_options",
    [
        ({}, []),
        ({"sentences": 1}, ["-n", "1"]),
        ({"sentences": 5, "preset": "general"}, ["-n", "5", "--preset", "general"]),
        ({"ratio": 0.2}, ["--ratio", "0.2"]),
        ({"words": 40}, ["--words", "40"]),
        ({"language": "de"}, ["--language", "german"]),
        ({"language": "auto"}, ["--language", "auto"]),
        ({"language": "english", "input": "text"}, ["--language", "english", "--input", "text"]),
        ({"title": "Japan and US sign chip research pact"}, ["--title", "Japan and US sign chip research pact"]),
        ({"title": "Chips", "sentences": 1, "language": "en"}, ["--title", "Chips", "-n", "1", "--language", "en"]),
        ({"input": "markdown", "words": 60}, ["--input", "markdown", "--words", "60"]),
    ],
)
def test_every_budget_and_option_equals_the_clis(options, cli_options):
    options = dict(options)
    text = SAMPLE.read_text(encoding="utf-8")
    run = subprocess.run([binary(), "--format", "json", *cli_options, str(SAMPLE)], capture_output=True, check=True)
    cli = json.loads(run.stdout)
    summary = nutgraf.summarize(text, **options)
    assert summary.total_sentences == cli["total_sentences"]
    assert summary.language == cli["language"]
    if options.get("input") == "markdown":
        assert summary.source_text == nutgraf.extract(text, input="markdown").text
        text = summary.source_text
    assert_same_as_cli(text, summary, cli["sentences"])
    title = options.pop("title", None)
    assert nutgraf.Summarizer(**options).summarize(SAMPLE.read_text(encoding="utf-8"), title).text == summary.text


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


JAPANESE = (
    "東京都は月曜日、新しい防災計画を発表した。防災計画は大地震への備えを強化する。"
    "都の担当者によると、防災計画には避難所の増設が含まれる。専門家は防災計画を評価した。"
    "一方で、住民の間には費用への懸念もある。🏙️ 都は来年度から防災計画を実施する予定だ。"
)


KOREAN = (
    "한국 정부는 월요일 새로운 방재 계획을 발표했다. 방재 계획은 지진 대비를 강화한다. "
    "전문가들은 방재 계획을 평가했다. 🏙️ 정부는 내년부터 방재 계획을 시행한다. 주민들은 비용을 걱정했다."
)


# Japanese, written without spaces, gives the (language-neutral) keyphrase candidates nothing to cut at:
# no keyphrases, here as in the command line; Korean, Hangul between spaces, gives some.
@pytest.mark.parametrize(
    "text,has_keyphrases", [(MIXED, True), (KOREAN, True), (JAPANESE, False), (MIXED + "\n\n" + KOREAN, True)]
)
def test_summaries_and_keyphrases_of_cjk_and_emoji_text_equal_the_clis(text, has_keyphrases, tmp_path):
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    [cli] = cli_json("--format", "json", "--keywords", "8", str(path))
    summary = nutgraf.summarize(text, keywords=8)
    assert summary.language == cli["language"]
    assert_same_as_cli(text, summary, cli["sentences"], cli_text=None)
    assert bool(summary.keyphrases) == has_keyphrases
    assert_same_keyphrases(text, summary.keyphrases, cli["keyphrases"])
    [cli_keywords] = cli_json("keywords", "--format", "json", "-k", "8", str(path))
    keyphrases = nutgraf.keywords(text, 8)
    assert_same_keyphrases(text, keyphrases, cli_keywords["keyphrases"])
    # The text is not ASCII before the spans, so byte offsets would not slice the Python string.
    assert any(byte_offset(text, s) != s for k in keyphrases for s, _ in k.spans) == has_keyphrases


def test_japanese_is_detected_and_read_language_neutrally():
    summary = nutgraf.summarize(JAPANESE, sentences=2)
    assert summary.language == "japanese"
    assert len(summary.sentences) == 2
    assert nutgraf.summarize(KOREAN).language == "korean"
    assert any("방재 계획" in k.text for k in nutgraf.keywords(KOREAN, 3))


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


def test_html_pages_equal_the_clis_and_offsets_index_the_extracted_text():
    """Every dev page: sniffed as HTML, summarized with keyphrases as `nutgraf --format json --keywords 5
    page.html` does, the offsets into the extracted text (which is `extract(page).text`)."""
    pages = scraped_pages()
    if not pages:
        pytest.skip("no ../shared/eval/scraped/html")
    expected = cli_json("--format", "json", "--keywords", "5", *map(str, pages))
    assert len(expected) == len(pages)
    htmls = [page.read_text(encoding="utf-8") for page in pages]
    summaries = nutgraf.Summarizer(keywords=5).summarize_many(htmls)
    for page, html, summary, cli in zip(pages, htmls, summaries, expected):
        assert cli["file"] == str(page)
        assert summary.format == "html", page
        document = nutgraf.extract(html)
        assert document.format == "html"
        assert summary.source_text == document.text
        assert summary.title == document.title
        assert summary.language == cli["language"]
        assert_same_as_cli(document.text, summary, cli["sentences"])
        assert_same_keyphrases(document.text, summary.keyphrases, cli["keyphrases"])
        for block in document.blocks:
            assert document.text[block.start:block.end] == block.text
    # An explicit input= reads the same; as text, the page is markup.
    first = nutgraf.summarize(htmls[0], input="html")
    assert first.text == summaries[0].text and first.format == "html"
    assert nutgraf.summarize(htmls[0], input="text").format == "text"


def test_keywords_of_html_pages_equal_the_clis():
    pages = scraped_pages()[:10]
    if not pages:
        pytest.skip("no ../shared/eval/scraped/html")
    expected = cli_json("keywords", "--format", "json", "-k", "7", *map(str, pages))
    for page, cli in zip(pages, expected):
        html = page.read_text(encoding="utf-8")
        assert_same_keyphrases(nutgraf.extract(html).text, nutgraf.keywords(html, 7), cli["keyphrases"])
        assert_same_keyphrases(nutgraf.extract(html).text, nutgraf.keywords(html, k=7, input="html"), cli["keyphrases"])


@pytest.mark.parametrize("name,path", corpora())
def test_keyphrases_of_every_article_equal_the_clis(name, path):
    records = read_records(path)
    expected = cli_jsonl(path, "--keywords", "6", "--threads", "2")
    summarizer = nutgraf.Summarizer(keywords=6)
    summaries = summarizer.summarize_many([r["text"] for r in records], titles=[r.get("title") for r in records])
    for record, summary, cli in zip(records, summaries, expected):
        assert_same_keyphrases(record["text"], summary.keyphrases, cli["keyphrases"])
    # The keyword command (no title, its own analysis) on the first articles.
    for record in records[:20]:
        [cli] = cli_json("keywords", "--format", "json", "-k", "6", stdin=record["text"].encode("utf-8"))
        assert_same_keyphrases(record["text"], nutgraf.keywords(record["text"], 6), cli["keyphrases"])


def test_a_given_title_steers_the_brief_and_is_never_in_it():
    text = SAMPLE.read_text(encoding="utf-8")
    [cli] = cli_json("--format", "json", "-n", "1", "--title", "Officials call it an incremental step", str(SAMPLE))
    summary = nutgraf.summarize(text, sentences=1, title="Officials call it an incremental step")
    assert_same_as_cli(text, summary, cli["sentences"])
    assert summary.title == "Officials call it an incremental step"
    assert nutgraf.summarize(text, title=None).title is None
    assert nutgraf.summarize(text, title="").text == nutgraf.summarize(text).text  # a blank title is none


def test_markdown_input_reads_the_text_without_markup():
    markdown = "# Storm hits coast\n\nThe **storm** hit the [coast](https://example.com) overnight.\n\n- Power lines were down.\n"
    document = nutgraf.extract(markdown, input="markdown")
    assert document.title == "Storm hits coast" and document.format == "markdown"
    assert "**" not in document.text and "](" not in document.text
    summary = nutgraf.summarize(markdown, input="markdown")
    assert summary.title == "Storm hits coast" and summary.source_text == document.text
    for s in summary.sentences:
        assert summary.source_text[s.start:s.end] == s.text
    # Markdown is not guessed from content: auto reads it as plain text.
    assert nutgraf.extract(markdown).format == "text" and nutgraf.extract(markdown).text == markdown


def test_extract_gives_the_main_text_title_and_blocks():
    page = "<html><head><title>Storm</title></head><body><nav>Home | News</nav><h1>Storm hits</h1><p>The storm hit the coast.</p><footer>© 2024</footer></body></html>"
    document = nutgraf.extract(page)
    assert document.format == "html" and document.title == "Storm"
    assert "The storm hit the coast." in document.text
    kinds = [b.kind for b in document.blocks]
    assert "paragraph" in kinds
    heading = [b for b in document.blocks if b.kind == "heading"]
    assert heading and heading[0].level == 1
    assert repr(document).startswith("Document(") and str(document) == document.text


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
    with pytest.raises(TypeError, match="text must be a str"):
        nutgraf.keywords(bad)
    with pytest.raises(TypeError, match="text must be a str"):
        nutgraf.extract(bad)
    with pytest.raises(TypeError, match="text must be a str"):
        nutgraf.summarize(bad, input="html")
    if bad is not None:
        with pytest.raises(TypeError, match="title must be a str"):
            nutgraf.summarize("Some text.", title=bad)
        with pytest.raises(TypeError, match="title must be a str"):
            nutgraf.Summarizer().summarize_many(["Some text."], titles=[bad])


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


def test_titles_must_match_the_texts():
    with pytest.raises(ValueError, match="titles has 1 items for 2 texts"):
        nutgraf.Summarizer().summarize_many(["One.", "Two."], titles=["One"])
    with pytest.raises(TypeError, match="titles must be an iterable"):
        nutgraf.Summarizer().summarize_many(["One."], titles="One")
    many = nutgraf.Summarizer().summarize_many(["One thing. Another.", "Two things."], titles=[None, "Two"])
    assert [s.title for s in many] == [None, "Two"]


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda: nutgraf.summarize("x", input="pdf"), 'unknown input format "pdf" (try one of: auto, text, html, markdown)'),
        (lambda: nutgraf.Summarizer(input=""), "unknown input format"),
        (lambda: nutgraf.keywords("x", input="docx"), 'unknown input format "docx"'),
        (lambda: nutgraf.extract("x", input="pdf"), 'unknown input format "pdf"'),
        (lambda: nutgraf.keywords("x", 0), "keywords must be at least 1, not 0"),
        (lambda: nutgraf.keywords("x", k=-1), "keywords must be at least 1, not -1"),
        (lambda: nutgraf.summarize("x", keywords=0), "keywords must be at least 1, not 0"),
        (lambda: nutgraf.keywords("x", language="klingon"), 'unknown language "klingon"'),
        (lambda: nutgraf.extract("<div>" * 20_000, input="html"), "input too complex to read"),
        (lambda: nutgraf.summarize("<div>" * 20_000, input="html"), "input too complex to read"),
        (lambda: nutgraf.Summarizer().summarize_many(["Fine.", "<div>" * 20_000]), "text 1: input too complex"),
    ],
)
def test_bad_inputs_and_options_raise_nutgraf_error(call, message):
    with pytest.raises(nutgraf.NutgrafError) as raised:
        call()
    assert message in str(raised.value)


def test_a_50_mb_html_string_is_refused_and_a_50_mb_text_gives_the_clis_keyphrases(tmp_path):
    import random

    page = "<p>a b</p>" * 5_000_000
    assert len(page) == 50_000_000
    with pytest.raises(nutgraf.NutgrafError, match="input too complex to read: an HTML page with"):
        nutgraf.summarize(page)
    with pytest.raises(nutgraf.NutgrafError, match="input too complex"):
        nutgraf.keywords(page)
    # Distinct sentences of non-ASCII words (a repeated line would be boilerplate, with no keyphrases).
    words = [f"{w}{n}" for w in ["brücke", "fluss", "straße", "zug", "bahn", "städte"] for n in range(300)]
    pick = random.Random(11)
    text = " ".join(" ".join(pick.choices(words, k=11)).capitalize() + "." for _ in range(550_000))
    assert len(text) > 50_000_000
    keyphrases = nutgraf.keywords(text, 3)
    assert len(keyphrases) == 3
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    [cli] = cli_json("keywords", "--format", "json", "-k", "3", str(path))
    assert_same_keyphrases(text, keyphrases, cli["keyphrases"])


def test_empty_and_blank_texts_give_empty_briefs():
    for text in ["", "   ", "\n\n\n"]:
        summary = nutgraf.summarize(text)
        assert summary.sentences == [] and summary.text == "" and len(summary) == 0
    assert nutgraf.split("") == []
    assert nutgraf.keywords("") == [] and nutgraf.keywords("   ") == []
    assert nutgraf.extract("").text == "" and nutgraf.summarize("", keywords=3).keyphrases == []
    assert nutgraf.summarize("<html></html>").sentences == []


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
        ({"preset": "poetry"}, 'unknown preset "poetry" (try one of: news, general, adaptive)'),
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
    assert (summarizer.input, summarizer.keywords) == ("auto", None)
    detecting = nutgraf.Summarizer(input="HTML", keywords=4)
    assert (detecting.language, detecting.input, detecting.keywords) == ("auto", "html", 4)
    assert repr(detecting).startswith("Summarizer(")
    summary = summarizer.summarize(SAMPLE.read_text(encoding="utf-8"))
    assert summary.language == "german" and summary.format == "text" and summary.keyphrases is None
    with_keys = nutgraf.summarize(SAMPLE.read_text(encoding="utf-8"), keywords=2)
    assert with_keys.language == "english" and len(with_keys.keyphrases) == 2
    assert repr(with_keys.keyphrases[0]).startswith("Keyphrase(text=") and str(with_keys.keyphrases[0]) == with_keys.keyphrases[0].text
    assert repr(summary).startswith("Summary(") and str(summary) == summary.text
    assert list(summary) == summary.sentences
    assert repr(summary.sentences[0]).startswith("Sentence(index=")
    assert "english" in nutgraf.languages() and len(nutgraf.languages()) == 18
    assert re.fullmatch(r"\d+\.\d+\.\d+", nutgraf.__version__)


def test_help_is_useful():
    text = pydoc.render_doc(nutgraf, renderer=pydoc.plaintext)
    for needle in ["summarize_many", "character offsets", "NutgrafError", "split(", "Summarizer", "GIL",
                   "keywords(", "extract(", "source_text", 'language="auto"', 'input="auto"', "title=None",
                   "Keyphrase", "Document"]:
        assert needle in text, needle
    assert "sentences=None" in nutgraf.summarize.__text_signature__
    assert "keywords=None" in nutgraf.summarize.__text_signature__
    assert "k=10" in nutgraf.keywords.__text_signature__
    assert "threads=None" in nutgraf.Summarizer.summarize_many.__text_signature__


def test_the_readme_example_runs_as_written(capsys, monkeypatch):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python", 1)[1]
    example = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(REPO)
    exec(compile(example, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert out.strip(), "the example prints the brief"
