//! nutgraf for Python: extractive summaries and keyphrases of articles, in Rust.
//!
//! Finds the sentences that say what an article is about and returns them verbatim, in their original
//! order, leaving out web boilerplate (subscription prompts, photo credits, share lines). Reads plain
//! text, HTML pages and Markdown, in any language (detected by default).
//!
//! ```text
//! >>> import nutgraf
//! >>> brief = nutgraf.summarize(article, sentences=2)
//! >>> for s in brief.sentences:
//! ...     assert brief.source_text[s.start:s.end] == s.text
//! >>> print(brief.text)
//! ```
//!
//! * `summarize(text, sentences=3 | ratio=R | words=W, language="auto", preset="adaptive", title=None,
//!   input="auto", keywords=None)` → `Summary`
//! * `Summarizer(...)`: the same options, built once; `.summarize(text, title=None)` and
//!   `.summarize_many(texts, threads=None, titles=None)`, which runs on all cores without the GIL and
//!   returns the summaries in input order.
//! * `keywords(text, k=10, language="auto", input="auto")` → `list[Keyphrase]`
//! * `extract(text, input="auto")` → `Document`: what nutgraf reads of an HTML page or Markdown file.
//! * `split(text, language="english")` → the sentences nutgraf sees, as `Span`s.
//!
//! Offsets (`start`, `end`, keyphrase spans) are character offsets into `source_text`: the Python
//! string itself for plain text, the extracted text for HTML and Markdown. Bad options raise
//! `NutgrafError` (a `ValueError`) with the library's message; a text that is not a `str` raises
//! `TypeError`.
//!
//! The Rust library's byte offsets become character offsets here, and its options become keyword
//! arguments; everything else is the library's own code path (`Summarizer::summarize_document`,
//! `KeywordExtractor::summarize_and_extract_document`), which is what the command line runs.
#![deny(missing_docs)]

use nutgraf::{
    Budget, Document, InputFormat, Keyphrase as RustKeyphrase, KeywordExtractor, Language, Preset, SentenceSplitter,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;

pyo3::create_exception!(
    nutgraf,
    NutgrafError,
    PyValueError,
    "An option or input nutgraf cannot use (an unknown language, preset or input format, a budget out of \
     range, an HTML page too complex to read); the message is the Rust library's."
);

fn library_error(err: nutgraf::Error) -> PyErr {
    NutgrafError::new_err(err.to_string())
}

/// One sentence of a `Summary`.
///
/// `text == summary.source_text[start:end]`: `start` and `end` are character offsets into the text
/// that was summarized (the Python string for plain text, the extracted text for HTML and Markdown).
/// `index` is the sentence's number among all sentences of the text (0-based); `score` is relative,
/// 1.0 for the best candidate of the text.
#[pyclass(frozen, module = "nutgraf", eq, from_py_object)]
#[derive(Clone, PartialEq)]
struct Sentence {
    /// The sentence, verbatim.
    #[pyo3(get)]
    text: String,
    /// Character offset of its first character in the summary's `source_text`.
    #[pyo3(get)]
    start: usize,
    /// Character offset one past its last character.
    #[pyo3(get)]
    end: usize,
    /// Relative score: 1.0 for the best candidate of the text, lower for the others.
    #[pyo3(get)]
    score: f64,
    /// Its number among all sentences of the text (0-based).
    #[pyo3(get)]
    index: usize,
}

#[pymethods]
impl Sentence {
    fn __repr__(&self) -> String {
        format!(
            "Sentence(index={}, start={}, end={}, score={:.4}, text={:?})",
            self.index,
            self.start,
            self.end,
            self.score,
            abbreviate(&self.text)
        )
    }

    fn __str__(&self) -> &str {
        &self.text
    }
}

/// A keyphrase: a phrase the text is about, with every place it occurs.
///
/// `text` is the phrase as the text writes it (its most frequent form); `score` is relative, 1.0 for
/// the best keyphrase of the text; `spans` lists `(start, end)` character offsets of each occurrence
/// into the source text (`source_text[start:end]` is an occurrence; for HTML and Markdown the source
/// text is the extracted text, `nutgraf.extract(page).text` or `Summary.source_text`).
#[pyclass(frozen, module = "nutgraf", eq, from_py_object)]
#[derive(Clone, PartialEq)]
struct Keyphrase {
    /// The phrase, whitespace folded to single spaces.
    #[pyo3(get)]
    text: String,
    /// Relative score: 1.0 for the best keyphrase of the text.
    #[pyo3(get)]
    score: f64,
    /// `(start, end)` character offsets of every occurrence, in order.
    #[pyo3(get)]
    spans: Vec<(usize, usize)>,
}

#[pymethods]
impl Keyphrase {
    fn __repr__(&self) -> String {
        format!("Keyphrase(text={:?}, score={:.4}, occurrences={})", self.text, self.score, self.spans.len())
    }

    fn __str__(&self) -> &str {
        &self.text
    }
}

/// A brief: the chosen sentences in source order.
///
/// `sentences` is a list of `Sentence`; `text` is the brief as text (one sentence per line, line breaks
/// inside a sentence folded to spaces); `total_sentences` is how many sentences the input had;
/// `language` the language it was summarized as; `source_text` the text the offsets index (the input
/// itself for plain text, the extracted text of an HTML page or Markdown file); `format` how the input
/// was read; `title` the document's title (given, or from the page); `keyphrases` the keyphrases when
/// asked for with `keywords=N`, else None. `len(summary)` is the number of sentences chosen, and
/// iterating gives them.
#[pyclass(frozen, module = "nutgraf")]
struct Summary {
    sentences: Vec<Sentence>,
    keyphrases: Option<Vec<Keyphrase>>,
    /// The brief as text: one sentence per line.
    #[pyo3(get)]
    text: String,
    /// How many sentences the input had.
    #[pyo3(get)]
    total_sentences: usize,
    /// The language the text was summarized as: one of `languages()`, or the detected language's
    /// English name ("polish") where nutgraf read it language-neutrally.
    #[pyo3(get)]
    language: String,
    /// The text that `start` and `end` index: the input for plain text, the extracted text otherwise.
    #[pyo3(get)]
    source_text: Py<PyString>,
    /// How the input was read: "text", "html" or "markdown".
    #[pyo3(get)]
    format: &'static str,
    /// The document's title: the one given, or the one an HTML page or Markdown file has; else None.
    #[pyo3(get)]
    title: Option<String>,
}

#[pymethods]
impl Summary {
    /// The chosen sentences, in the order they appear in the input.
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.sentences.iter().cloned())
    }

    /// The keyphrases, best first, when the summarizer was asked for them (`keywords=N`); else None.
    #[getter]
    fn keyphrases<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyList>>> {
        self.keyphrases.as_ref().map(|k| PyList::new(py, k.iter().cloned())).transpose()
    }

    fn __len__(&self) -> usize {
        self.sentences.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.sentences(py)?.into_any().try_iter()?.into_any())
    }

    fn __str__(&self) -> &str {
        &self.text
    }

    fn __repr__(&self) -> String {
        format!(
            "Summary({} of {} sentences, language={:?}, text={:?})",
            self.sentences.len(),
            self.total_sentences,
            self.language,
            abbreviate(&self.text)
        )
    }
}

/// A sentence as the splitter finds it (see `split`): `text == original[start:end]`, character offsets.
#[pyclass(frozen, module = "nutgraf", eq, from_py_object)]
#[derive(Clone, PartialEq)]
struct Span {
    /// The sentence, verbatim.
    #[pyo3(get)]
    text: String,
    /// Character offset of its first character.
    #[pyo3(get)]
    start: usize,
    /// Character offset one past its last character.
    #[pyo3(get)]
    end: usize,
    /// Its number among the sentences of the text (0-based).
    #[pyo3(get)]
    index: usize,
    /// The paragraph it is in (0-based; a blank line starts a paragraph).
    #[pyo3(get)]
    paragraph: u32,
}

#[pymethods]
impl Span {
    fn __repr__(&self) -> String {
        format!("Span(index={}, start={}, end={}, text={:?})", self.index, self.start, self.end, abbreviate(&self.text))
    }

    fn __str__(&self) -> &str {
        &self.text
    }
}

/// A block of a `Document`: `document.text[start:end] == text` (character offsets).
///
/// `kind` is what the source says it is, as `nutgraf extract --format json` names it: "paragraph",
/// "heading" (with `level`), "list_item", "quote", "caption", "code", "table_cell", "navigation",
/// "aside", "footer", "header" or "form".
#[pyclass(frozen, module = "nutgraf", eq, from_py_object)]
#[derive(Clone, PartialEq)]
struct Block {
    /// What the block is.
    #[pyo3(get)]
    kind: &'static str,
    /// The heading level (1–6) for a heading, else None.
    #[pyo3(get)]
    level: Option<u8>,
    /// Character offset of its first character in the document's text.
    #[pyo3(get)]
    start: usize,
    /// Character offset one past its last character.
    #[pyo3(get)]
    end: usize,
    /// The block's text.
    #[pyo3(get)]
    text: String,
}

#[pymethods]
impl Block {
    fn __repr__(&self) -> String {
        format!(
            "Block(kind={:?}, start={}, end={}, text={:?})",
            self.kind,
            self.start,
            self.end,
            abbreviate(&self.text)
        )
    }
}

/// What nutgraf reads of an input (see `extract`): the main text of an HTML page or a Markdown file.
///
/// `text` is what the splitter reads (blocks one after another, a blank line between them); `title` the
/// page's title, if it has one; `format` how the input was read; `blocks` the blocks with character
/// offsets into `text`.
#[pyclass(frozen, module = "nutgraf", name = "Document")]
struct PyDocument {
    /// The text nutgraf summarizes.
    #[pyo3(get)]
    text: String,
    /// The title or headline, if the source has one.
    #[pyo3(get)]
    title: Option<String>,
    /// How the input was read: "text", "html" or "markdown".
    #[pyo3(get)]
    format: &'static str,
    blocks: Vec<Block>,
}

#[pymethods]
impl PyDocument {
    /// The blocks in order: paragraphs, headings, list items, … (empty for plain text).
    #[getter]
    fn blocks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.blocks.iter().cloned())
    }

    fn __str__(&self) -> &str {
        &self.text
    }

    fn __repr__(&self) -> String {
        format!(
            "Document(format={:?}, title={:?}, blocks={}, text={:?})",
            self.format,
            self.title,
            self.blocks.len(),
            abbreviate(&self.text)
        )
    }
}

/// Summarizes texts with fixed options; build once, reuse for any number of texts (and threads).
///
/// Summarizer(*, sentences=None, ratio=None, words=None, language="auto", preset="adaptive", input="auto",
///            keywords=None)
///
/// The budget is at most one of `sentences` (default 3), `ratio` (a fraction in (0, 1] of the text's
/// sentences) or `words` (whole sentences only, never more than that many words). `language` is "auto"
/// (detect each text's, as the command line does) or a name or ISO 639-1 code of one of nutgraf's 18
/// languages; `preset` is "adaptive" (the default: each text chooses "news" or "general" by its own
/// signals), "news" (the lead matters) or "general" (key sentences anywhere). `input` is "auto" (HTML
/// when the text looks like an HTML page, else plain text), "text", "html" or "markdown".
/// `keywords=N` also extracts N keyphrases into `Summary.keyphrases`, from the same analysis.
///
/// >>> s = nutgraf.Summarizer(sentences=2)
/// >>> briefs = s.summarize_many(articles)        # all cores, in input order
#[pyclass(frozen, module = "nutgraf")]
struct Summarizer {
    inner: nutgraf::Summarizer,
    preset: Preset,
    input: Option<InputFormat>,
    keywords: Option<KeywordExtractor>,
}

/// `"auto"` (detect) or a language name or code.
fn language_option(language: &str) -> PyResult<Option<Language>> {
    if language.trim().eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    language.parse().map(Some).map_err(library_error)
}

/// `"auto"` (sniff each text) or a format name.
fn input_option(input: &str) -> PyResult<Option<InputFormat>> {
    if input.trim().eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    input.trim().parse().map(Some).map_err(library_error)
}

/// The options shared by `summarize` and `Summarizer`, checked and turned into the library's builders.
fn build_summarizer(
    sentences: Option<i64>,
    ratio: Option<f64>,
    words: Option<i64>,
    language: &str,
    preset: &str,
    input: &str,
    keywords: Option<i64>,
) -> PyResult<Summarizer> {
    let budget = match (sentences, ratio, words) {
        (None, None, None) => Budget::default(),
        (Some(n), None, None) => Budget::Sentences(positive("sentences", n)?),
        (None, Some(r), None) => Budget::Ratio(r),
        (None, None, Some(w)) => Budget::Words(positive("words", w)?),
        _ => return Err(NutgrafError::new_err("give at most one of sentences, ratio and words")),
    };
    let language = language_option(language)?;
    let preset: Preset = preset.parse().map_err(library_error)?;
    let input = input_option(input)?;
    let mut builder = nutgraf::Summarizer::builder().preset(preset).budget(budget);
    if let Some(language) = language {
        builder = builder.language(language);
    }
    let inner = builder.build().map_err(library_error)?;
    let keywords = keywords.map(|k| keyword_extractor(k, language)).transpose()?;
    Ok(Summarizer { inner, preset, input, keywords })
}

/// A keyword extractor for `count` keyphrases, in `language` or each text's own.
fn keyword_extractor(count: i64, language: Option<Language>) -> PyResult<KeywordExtractor> {
    let mut builder = KeywordExtractor::builder().count(positive("keywords", count)?);
    if let Some(language) = language {
        builder = builder.language(language);
    }
    builder.build().map_err(library_error)
}

fn positive(name: &str, value: i64) -> PyResult<usize> {
    match usize::try_from(value) {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(NutgrafError::new_err(format!("{name} must be at least 1, not {value}"))),
    }
}

/// A text argument: the `str` object (kept for `Summary.source_text`) and its UTF-8, kept alive by
/// Python so the GIL can be released while Rust reads it.
struct TextArg<'py> {
    object: Bound<'py, PyString>,
    utf8: PyBackedStr,
}

/// Anything but a `str` is a `TypeError` that says what was given (bytes must be decoded first).
fn text_argument<'py>(value: &Bound<'py, PyAny>, what: &str) -> PyResult<TextArg<'py>> {
    match value.cast::<PyString>() {
        Ok(text) => Ok(TextArg { object: text.clone(), utf8: text.clone().try_into()? }),
        Err(_) => {
            let kind = value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into());
            let hint =
                if kind == "bytes" || kind == "bytearray" { " (decode it first, e.g. .decode('utf-8'))" } else { "" };
            Err(PyTypeError::new_err(format!("{what} must be a str, not {kind}{hint}")))
        }
    }
}

/// An optional title: a `str` or None.
fn title_argument(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    match value {
        None => Ok(None),
        Some(value) if value.is_none() => Ok(None),
        Some(value) => Ok(Some(text_argument(value, "title")?.utf8.to_string())),
    }
}

/// The document of `text` read as `format` (sniffed when `None`), with `title`; `None` for plain text
/// without a title, which the library reads as it is (no copy of a large input).
fn document_of(text: &str, format: Option<InputFormat>, title: Option<&str>) -> nutgraf::Result<Option<Document>> {
    let format = format.unwrap_or_else(|| InputFormat::sniff(text));
    if format == InputFormat::Text && title.is_none() {
        return Ok(None);
    }
    let document = Document::read(text, Some(format))?;
    Ok(Some(match title {
        Some(title) => document.with_title(title),
        None => document,
    }))
}

/// A summary with character offsets, made without the GIL; `extracted` is the document's text when it
/// is not the input itself.
struct Converted {
    sentences: Vec<Sentence>,
    keyphrases: Option<Vec<Keyphrase>>,
    text: String,
    total_sentences: usize,
    language: String,
    format: &'static str,
    title: Option<String>,
    extracted: Option<String>,
}

impl Converted {
    fn into_python(self, py: Python<'_>, input: &Bound<'_, PyString>) -> Summary {
        let source_text = match self.extracted {
            Some(text) => PyString::new(py, &text).unbind(),
            None => input.clone().unbind(),
        };
        Summary {
            sentences: self.sentences,
            keyphrases: self.keyphrases,
            text: self.text,
            total_sentences: self.total_sentences,
            language: self.language,
            source_text,
            format: self.format,
            title: self.title,
        }
    }
}

impl Summarizer {
    /// The brief (and keyphrases) of one text, as the command line makes it, with character offsets.
    fn brief(&self, text: &str, title: Option<&str>) -> nutgraf::Result<Converted> {
        let document = document_of(text, self.input, title)?;
        let source = document.as_ref().map_or(text, |d| d.text.as_str());
        let (summary, keyphrases) = match (&self.keywords, &document) {
            (Some(extractor), Some(document)) => {
                let (summary, keyphrases) = extractor.summarize_and_extract_document(&self.inner, document);
                (summary, Some(keyphrases))
            }
            (Some(extractor), None) => {
                let (summary, keyphrases) = extractor.summarize_and_extract(&self.inner, text);
                (summary, Some(keyphrases))
            }
            (None, Some(document)) => (self.inner.summarize_document(document), None),
            (None, None) => (self.inner.summarize(text), None),
        };
        let mut bytes: Vec<usize> = summary.sentences.iter().flat_map(|s| [s.start, s.end]).collect();
        for keyphrase in keyphrases.iter().flatten() {
            bytes.extend(keyphrase.spans.iter().flat_map(|&(start, end)| [start, end]));
        }
        let chars = char_offsets(source, &bytes);
        let mut chars = chars.chunks_exact(2).map(|pair| (pair[0], pair[1]));
        let sentences = summary
            .sentences
            .iter()
            .zip(chars.by_ref())
            .map(|(s, (start, end))| Sentence { start, end, text: s.text.clone(), score: s.score, index: s.index })
            .collect();
        let keyphrases = keyphrases.map(|keyphrases| python_keyphrases(keyphrases, &mut chars));
        Ok(Converted {
            sentences,
            keyphrases,
            text: summary.to_text(),
            total_sentences: summary.total_sentences,
            language: summary.language.clone(),
            format: document.as_ref().map_or(InputFormat::Text, |d| d.format).name(),
            title: document.as_ref().and_then(|d| d.title.clone()),
            extracted: document.filter(|d| d.format != InputFormat::Text).map(|d| d.text),
        })
    }
}

/// Keyphrases with their spans taken, in order, from `chars` (character offset pairs).
fn python_keyphrases(
    keyphrases: Vec<RustKeyphrase>,
    chars: &mut impl Iterator<Item = (usize, usize)>,
) -> Vec<Keyphrase> {
    keyphrases
        .into_iter()
        .map(|k| {
            let spans = chars.by_ref().take(k.spans.len()).collect();
            Keyphrase { text: k.text, score: k.score, spans }
        })
        .collect()
}

#[pymethods]
impl Summarizer {
    #[new]
    #[pyo3(signature = (*, sentences=None, ratio=None, words=None, language="auto", preset="adaptive", input="auto", keywords=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        sentences: Option<i64>,
        ratio: Option<f64>,
        words: Option<i64>,
        language: &str,
        preset: &str,
        input: &str,
        keywords: Option<i64>,
    ) -> PyResult<Self> {
        build_summarizer(sentences, ratio, words, language, preset, input, keywords)
    }

    /// summarize(text, title=None) -> Summary
    ///
    /// The brief of one text (a `str`: plain text, an HTML page or Markdown, as `input` says), with
    /// `title` as its headline if given (it counts for the headline similarity of each sentence and is
    /// never itself in the brief). The GIL is released while nutgraf works.
    #[pyo3(signature = (text, title=None))]
    fn summarize(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        title: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Summary> {
        let text = text_argument(text, "text")?;
        let title = title_argument(title)?;
        let utf8 = &text.utf8;
        let converted = py.detach(|| self.brief(utf8, title.as_deref())).map_err(library_error)?;
        Ok(converted.into_python(py, &text.object))
    }

    /// summarize_many(texts, threads=None, titles=None) -> list[Summary]
    ///
    /// The briefs of many texts (any iterable of `str`), in input order, computed in parallel on
    /// `threads` threads (default: all cores) with the GIL released. The result is the same for every
    /// thread count. `titles`, if given, has one title (a `str` or None) per text.
    #[pyo3(signature = (texts, threads=None, titles=None))]
    fn summarize_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<i64>,
        titles: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Summary>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("texts must be an iterable of str, not one str (use summarize)"));
        }
        let texts: Vec<TextArg<'_>> =
            texts.try_iter()?.map(|item| item.and_then(|t| text_argument(&t, "text"))).collect::<PyResult<_>>()?;
        let titles: Vec<Option<String>> = match titles {
            None => vec![None; texts.len()],
            Some(titles) if titles.is_none() => vec![None; texts.len()],
            Some(titles) => {
                if titles.is_instance_of::<PyString>() {
                    return Err(PyTypeError::new_err("titles must be an iterable of str or None, not one str"));
                }
                titles.try_iter()?.map(|t| t.and_then(|t| title_argument(Some(&t)))).collect::<PyResult<_>>()?
            }
        };
        if titles.len() != texts.len() {
            return Err(PyValueError::new_err(format!(
                "titles has {} items for {} texts; give one title (or None) per text",
                titles.len(),
                texts.len()
            )));
        }
        let pool = match threads {
            None => None,
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(positive("threads", n)?)
                    .build()
                    .map_err(|e| NutgrafError::new_err(format!("cannot start worker threads: {e}")))?,
            ),
        };
        let utf8: Vec<&str> = texts.iter().map(|t| &*t.utf8).collect();
        let converted = py.detach(|| {
            let run = || -> Vec<nutgraf::Result<Converted>> {
                utf8.par_iter().zip(titles.par_iter()).map(|(text, title)| self.brief(text, title.as_deref())).collect()
            };
            match &pool {
                Some(pool) => pool.install(run),
                None => run(),
            }
        });
        converted
            .into_iter()
            .zip(&texts)
            .enumerate()
            .map(|(k, (converted, text))| match converted {
                Ok(converted) => Ok(converted.into_python(py, &text.object)),
                Err(err) => Err(NutgrafError::new_err(format!("text {k}: {err}"))),
            })
            .collect()
    }

    /// The language in use: "auto" (each text's own, detected), or a language's English name.
    #[getter]
    fn language(&self) -> &'static str {
        if self.inner.detects_language() { "auto" } else { self.inner.config().language.name() }
    }

    /// The scoring preset in use.
    #[getter]
    fn preset(&self) -> &'static str {
        self.preset.name()
    }

    /// How texts are read: "auto" (HTML when a text looks like a page), "text", "html" or "markdown".
    #[getter]
    fn input(&self) -> &'static str {
        self.input.map_or("auto", InputFormat::name)
    }

    /// How many keyphrases each summary carries, or None.
    #[getter]
    fn keywords(&self) -> Option<usize> {
        self.keywords.as_ref().map(KeywordExtractor::count)
    }

    /// The budget in words: "3 sentences", "20% of the sentences" or "60 words".
    #[getter]
    fn budget(&self) -> String {
        self.inner.budget().to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "Summarizer(budget={:?}, language={:?}, preset={:?}, input={:?}, keywords={:?})",
            self.budget(),
            self.language(),
            self.preset(),
            self.input(),
            self.keywords()
        )
    }
}

/// summarize(text, *, sentences=None, ratio=None, words=None, language="auto", preset="adaptive", title=None, input="auto", keywords=None) -> Summary
///
/// The brief of `text`: its most central sentences, verbatim, in their original order. At most one
/// budget: `sentences` (default 3), `ratio` (a fraction in (0, 1] of the sentences) or `words` (whole
/// sentences, never more than that many words). `language="auto"` detects the text's language; a name
/// or ISO 639-1 code fixes it. `title` is the headline, if the text comes without it. `input` says how
/// to read `text`: "auto" (an HTML page when it looks like one, else plain text), "text", "html" or
/// "markdown"; offsets index `Summary.source_text`, the extracted text for HTML and Markdown.
/// `keywords=N` also fills `Summary.keyphrases`. For many texts, build a `Summarizer` once and use
/// `summarize_many`.
///
/// >>> brief = nutgraf.summarize(article, sentences=2)
/// >>> [article[s.start:s.end] == s.text for s in brief.sentences]
/// [True, True]
#[pyfunction]
#[pyo3(signature = (text, *, sentences=None, ratio=None, words=None, language="auto", preset="adaptive", title=None, input="auto", keywords=None))]
#[allow(clippy::too_many_arguments)]
fn summarize(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    sentences: Option<i64>,
    ratio: Option<f64>,
    words: Option<i64>,
    language: &str,
    preset: &str,
    title: Option<&Bound<'_, PyAny>>,
    input: &str,
    keywords: Option<i64>,
) -> PyResult<Summary> {
    build_summarizer(sentences, ratio, words, language, preset, input, keywords)?.summarize(py, text, title)
}

/// keywords(text, k=10, *, language="auto", input="auto") -> list[Keyphrase]
///
/// The `k` keyphrases of `text`, best first, as `nutgraf keywords` finds them: candidate phrases ranked
/// by a position-biased co-occurrence PageRank of their words, leaving out lines of certain
/// boilerplate. Spans are character offsets into the text (for HTML or Markdown, into the extracted
/// text: `nutgraf.extract(text, input=input).text`).
///
/// >>> [k.text for k in nutgraf.keywords("The wind farm opened. The wind farm is near a town.", 1)]
/// ['wind farm']
#[pyfunction]
#[pyo3(signature = (text, k=10, *, language="auto", input="auto"))]
fn keywords(py: Python<'_>, text: &Bound<'_, PyAny>, k: i64, language: &str, input: &str) -> PyResult<Vec<Keyphrase>> {
    let text = text_argument(text, "text")?;
    let language = language_option(language)?;
    let input = input_option(input)?;
    let extractor = keyword_extractor(k, language)?;
    // The command's extraction: over the summarizer's analysis, so that boilerplate gives no keyphrases.
    let mut builder = nutgraf::Summarizer::builder();
    if let Some(language) = language {
        builder = builder.language(language);
    }
    let summarizer = builder.build().map_err(library_error)?;
    let utf8 = &text.utf8;
    py.detach(|| {
        let document = document_of(utf8, input, None)?;
        let (source, keyphrases) = match &document {
            Some(document) => {
                (document.text.as_str(), extractor.extract_from(&summarizer.analyze_document(document), &document.text))
            }
            None => (&**utf8, extractor.extract_from(&summarizer.analyze(utf8), utf8)),
        };
        let bytes: Vec<usize> = keyphrases.iter().flat_map(|k| &k.spans).flat_map(|&(s, e)| [s, e]).collect();
        let chars = char_offsets(source, &bytes);
        Ok(python_keyphrases(keyphrases, &mut chars.chunks_exact(2).map(|pair| (pair[0], pair[1]))))
    })
    .map_err(library_error)
}

/// extract(text, *, input="auto") -> Document
///
/// What nutgraf reads of `text`: for an HTML page its main content (navigation, footers and
/// scripts left out) and title, for Markdown its text without markup, both as blocks; plain text as it
/// is. `input` is "auto" (HTML when it looks like a page), "text", "html" or "markdown". The offsets of
/// a `Summary` or `Keyphrase` of the same input index this `Document.text`.
///
/// >>> nutgraf.extract("<body><h1>Storm</h1><p>The storm hit the coast.</p></body>").text
/// 'Storm\n\nThe storm hit the coast.'
#[pyfunction]
#[pyo3(signature = (text, *, input="auto"))]
fn extract(py: Python<'_>, text: &Bound<'_, PyAny>, input: &str) -> PyResult<PyDocument> {
    let text = text_argument(text, "text")?;
    let input = input_option(input)?;
    let utf8 = &text.utf8;
    py.detach(|| {
        let format = input.unwrap_or_else(|| InputFormat::sniff(utf8));
        let document = Document::read(utf8, Some(format))?;
        let bytes: Vec<usize> = document.blocks.iter().flat_map(|b| [b.start, b.end]).collect();
        let chars = char_offsets(&document.text, &bytes);
        let blocks = document
            .blocks
            .iter()
            .zip(chars.chunks_exact(2))
            .map(|(block, pair)| Block {
                kind: block.kind.name(),
                level: match block.kind {
                    nutgraf::BlockKind::Heading { level } => Some(level),
                    _ => None,
                },
                start: pair[0],
                end: pair[1],
                text: block.text(&document.text).to_string(),
            })
            .collect();
        Ok(PyDocument { format: document.format.name(), title: document.title, text: document.text, blocks })
    })
    .map_err(library_error)
}

/// split(text, *, language="english") -> list[Span]
///
/// The sentences nutgraf finds in `text`, as `Span`s with character offsets: UAX #29 boundaries
/// corrected for abbreviations, initials, decimals, quotes, headlines and paragraphs.
///
/// >>> [s.text for s in nutgraf.split("Dr. Smith arrived. He sat down.")]
/// ['Dr. Smith arrived.', 'He sat down.']
#[pyfunction]
#[pyo3(signature = (text, *, language="english"))]
fn split(py: Python<'_>, text: &Bound<'_, PyAny>, language: &str) -> PyResult<Vec<Span>> {
    let text = text_argument(text, "text")?.utf8;
    let language: Language = language.parse().map_err(library_error)?;
    Ok(py.detach(|| {
        let sentences = SentenceSplitter::new(language).split(&text);
        let bytes: Vec<usize> = sentences.iter().flat_map(|s| [s.start, s.end]).collect();
        let chars = char_offsets(&text, &bytes);
        sentences
            .iter()
            .zip(chars.chunks_exact(2))
            .enumerate()
            .map(|(index, (s, pair))| Span {
                start: pair[0],
                end: pair[1],
                text: s.text(&text).to_string(),
                index,
                paragraph: s.paragraph,
            })
            .collect()
    }))
}

/// The names of the languages nutgraf knows (each also accepts its ISO 639-1 code).
#[pyfunction]
fn languages() -> Vec<&'static str> {
    Language::ALL.iter().map(|l| l.name()).collect()
}

/// The character (code point) offsets of byte offsets of `text`, in the order given, walking the text
/// once: offsets are visited in ascending order whatever order they come in (keyphrase spans are not).
fn char_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    if text.is_ascii() {
        return bytes.iter().map(|&b| b.min(text.len())).collect();
    }
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_unstable_by_key(|&k| bytes[k]);
    let text = text.as_bytes();
    let mut chars = vec![0; bytes.len()];
    let (mut byte, mut count) = (0, 0);
    for k in order {
        let next = bytes[k].min(text.len());
        // A character starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
        count += text[byte..next].iter().filter(|&&b| (b as i8) >= -0x40).count();
        byte = next;
        chars[k] = count;
    }
    chars
}

fn abbreviate(text: &str) -> String {
    const LIMIT: usize = 60;
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// nutgraf: extractive summaries and keyphrases of articles (Rust, via PyO3).
///
/// Finds the sentences that say what an article is about and returns them verbatim, in their original
/// order, leaving out web boilerplate (subscription prompts, photo credits, share lines). Reads plain
/// text, HTML pages and Markdown, in 18 languages (detected by default) and others language-neutrally.
///
///     import nutgraf
///     brief = nutgraf.summarize(article, sentences=2)
///     print(brief.text, brief.language)
///     for s in brief.sentences:                 # text, start, end, score, index
///         assert brief.source_text[s.start:s.end] == s.text
///
/// summarize(text, *, sentences | ratio | words, language="auto", preset="adaptive", title=None,
///           input="auto", keywords=None) -> Summary
/// Summarizer(...) with .summarize(text, title=None) and .summarize_many(texts, threads=None,
///     titles=None): build once, reuse; summarize_many releases the GIL, runs on all cores and keeps the
///     input order.
/// keywords(text, k=10, *, language="auto", input="auto") -> list[Keyphrase]: text, score, spans.
/// extract(text, *, input="auto") -> Document: the main text, title and blocks of an HTML page or
///     Markdown file.
/// split(text, *, language="english") -> list[Span]: the sentences nutgraf sees.
/// languages() -> the 18 language names (ISO 639-1 codes work too).
///
/// input="auto" reads a text that looks like an HTML page as HTML, anything else as plain text;
/// "text", "html" and "markdown" say it. Offsets are character offsets into Summary.source_text: the
/// Python string itself for plain text, the extracted text (extract(page).text) for HTML and Markdown.
/// Bad options raise NutgrafError (a ValueError) with the Rust library's message; a text that is not a
/// str raises TypeError.
#[pymodule]
#[pyo3(name = "nutgraf")]
fn nutgraf_module(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("NutgrafError", module.py().get_type::<NutgrafError>())?;
    module.add_class::<Summarizer>()?;
    module.add_class::<Summary>()?;
    module.add_class::<Sentence>()?;
    module.add_class::<Keyphrase>()?;
    module.add_class::<PyDocument>()?;
    module.add_class::<Block>()?;
    module.add_class::<Span>()?;
    module.add_function(wrap_pyfunction!(summarize, module)?)?;
    module.add_function(wrap_pyfunction!(keywords, module)?)?;
    module.add_function(wrap_pyfunction!(extract, module)?)?;
    module.add_function(wrap_pyfunction!(split, module)?)?;
    module.add_function(wrap_pyfunction!(languages, module)?)?;
    Ok(())
}
