//! nutgraf for Python: extractive summaries of articles, in Rust.
//!
//! Finds the sentences that say what an article is about and returns them verbatim, in their original
//! order, leaving out web boilerplate (subscription prompts, photo credits, share lines).
//!
//! ```text
//! >>> import nutgraf
//! >>> brief = nutgraf.summarize(article, sentences=2)
//! >>> for s in brief.sentences:
//! ...     assert article[s.start:s.end] == s.text
//! >>> print(brief.text)
//! ```
//!
//! * `summarize(text, sentences=3 | ratio=R | words=W, language="english", preset="news")` → `Summary`
//! * `Summarizer(...)`: the same options, built once; `.summarize(text)` and
//!   `.summarize_many(texts, threads=None)`, which runs on all cores without the GIL and returns the
//!   summaries in input order.
//! * `split(text, language="english")` → the sentences nutgraf sees, as `Span`s.
//!
//! Offsets (`start`, `end`) are character offsets into the Python string, so `text[s.start:s.end]`
//! is the sentence whatever the script. Bad options raise `NutgrafError` (a `ValueError`) with the
//! library's message; a text that is not a `str` raises `TypeError`.
//!
//! The Rust library's byte offsets become character offsets here, and its options become keyword
//! arguments; everything else is the library's own code path (`Summarizer::summarize`).
#![deny(missing_docs)]

use nutgraf::{Budget, Language, Preset, SentenceSplitter};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;

pyo3::create_exception!(
    nutgraf,
    NutgrafError,
    PyValueError,
    "An option nutgraf cannot use (an unknown language or preset, a budget out of range); the message \
     is the Rust library's."
);

fn library_error(err: nutgraf::Error) -> PyErr {
    NutgrafError::new_err(err.to_string())
}

/// One sentence of a `Summary`.
///
/// `text == original[start:end]`: `start` and `end` are character offsets into the string that was
/// summarized. `index` is the sentence's number among all sentences of the text (0-based); `score` is
/// relative, 1.0 for the best candidate of the text.
#[pyclass(frozen, module = "nutgraf", eq, from_py_object)]
#[derive(Clone, PartialEq)]
struct Sentence {
    /// The sentence, verbatim.
    #[pyo3(get)]
    text: String,
    /// Character offset of its first character in the summarized string.
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

/// A brief: the chosen sentences in source order.
///
/// `sentences` is a list of `Sentence`; `text` is the brief as text (one sentence per line, line breaks
/// inside a sentence folded to spaces); `total_sentences` is how many sentences the input had.
/// `len(summary)` is the number of sentences chosen, and iterating gives them.
#[pyclass(frozen, module = "nutgraf")]
struct Summary {
    sentences: Vec<Sentence>,
    /// The brief as text: one sentence per line.
    #[pyo3(get)]
    text: String,
    /// How many sentences the input had.
    #[pyo3(get)]
    total_sentences: usize,
}

#[pymethods]
impl Summary {
    /// The chosen sentences, in the order they appear in the input.
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.sentences.iter().cloned())
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
            "Summary({} of {} sentences, text={:?})",
            self.sentences.len(),
            self.total_sentences,
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

/// Summarizes texts with fixed options; build once, reuse for any number of texts (and threads).
///
/// Summarizer(*, sentences=None, ratio=None, words=None, language="english", preset="news")
///
/// The budget is at most one of `sentences` (default 3), `ratio` (a fraction in (0, 1] of the text's
/// sentences) or `words` (whole sentences only, never more than that many words). `language` is a name
/// or ISO 639-1 code of one of nutgraf's 18 languages; `preset` is "news" (the lead matters),
/// "general" (key sentences anywhere) or "adaptive" (each text chooses one of the two by its own signals).
///
/// >>> s = nutgraf.Summarizer(sentences=2)
/// >>> briefs = s.summarize_many(articles)        # all cores, in input order
#[pyclass(frozen, module = "nutgraf")]
struct Summarizer {
    inner: nutgraf::Summarizer,
    preset: Preset,
}

/// The options shared by `summarize` and `Summarizer`, checked and turned into the library's builder.
fn build_summarizer(
    sentences: Option<i64>,
    ratio: Option<f64>,
    words: Option<i64>,
    language: &str,
    preset: &str,
) -> PyResult<Summarizer> {
    let budget = match (sentences, ratio, words) {
        (None, None, None) => Budget::default(),
        (Some(n), None, None) => Budget::Sentences(positive("sentences", n)?),
        (None, Some(r), None) => Budget::Ratio(r),
        (None, None, Some(w)) => Budget::Words(positive("words", w)?),
        _ => return Err(NutgrafError::new_err("give at most one of sentences, ratio and words")),
    };
    let language: Language = language.parse().map_err(library_error)?;
    let preset: Preset = preset.parse().map_err(library_error)?;
    let inner = nutgraf::Summarizer::builder()
        .preset(preset)
        .language(language)
        .budget(budget)
        .build()
        .map_err(library_error)?;
    Ok(Summarizer { inner, preset })
}

fn positive(name: &str, value: i64) -> PyResult<usize> {
    match usize::try_from(value) {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(NutgrafError::new_err(format!("{name} must be at least 1, not {value}"))),
    }
}

/// The text argument as UTF-8 kept alive by Python, so the GIL can be released while Rust reads it.
/// Anything but a `str` is a `TypeError` that says what was given (bytes must be decoded first).
fn text_argument(value: &Bound<'_, PyAny>) -> PyResult<PyBackedStr> {
    match value.cast::<PyString>() {
        Ok(text) => text.clone().try_into(),
        Err(_) => {
            let kind = value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into());
            let hint =
                if kind == "bytes" || kind == "bytearray" { " (decode it first, e.g. .decode('utf-8'))" } else { "" };
            Err(PyTypeError::new_err(format!("text must be a str, not {kind}{hint}")))
        }
    }
}

/// A library summary with its byte offsets turned into character offsets of `text`.
fn to_python_summary(text: &str, summary: &nutgraf::Summary) -> Summary {
    let mut offsets = CharOffsets::new(text);
    let sentences = summary
        .sentences
        .iter()
        .map(|s| Sentence {
            start: offsets.at(s.start),
            end: offsets.at(s.end),
            text: s.text.clone(),
            score: s.score,
            index: s.index,
        })
        .collect();
    Summary { sentences, text: summary.to_text(), total_sentences: summary.total_sentences }
}

#[pymethods]
impl Summarizer {
    #[new]
    #[pyo3(signature = (*, sentences=None, ratio=None, words=None, language="english", preset="news"))]
    fn new(
        sentences: Option<i64>,
        ratio: Option<f64>,
        words: Option<i64>,
        language: &str,
        preset: &str,
    ) -> PyResult<Self> {
        build_summarizer(sentences, ratio, words, language, preset)
    }

    /// summarize(text) -> Summary
    ///
    /// The brief of one text (a `str`). The GIL is released while nutgraf works.
    fn summarize(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Summary> {
        let text = text_argument(text)?;
        let inner = &self.inner;
        Ok(py.detach(|| to_python_summary(&text, &inner.summarize(&text))))
    }

    /// summarize_many(texts, threads=None) -> list[Summary]
    ///
    /// The briefs of many texts (any iterable of `str`), in input order, computed in parallel on
    /// `threads` threads (default: all cores) with the GIL released. The result is the same for every
    /// thread count.
    #[pyo3(signature = (texts, threads=None))]
    fn summarize_many(&self, py: Python<'_>, texts: &Bound<'_, PyAny>, threads: Option<i64>) -> PyResult<Vec<Summary>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("texts must be an iterable of str, not one str (use summarize)"));
        }
        let texts: Vec<PyBackedStr> =
            texts.try_iter()?.map(|item| item.and_then(|t| text_argument(&t))).collect::<PyResult<_>>()?;
        let pool = match threads {
            None => None,
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(positive("threads", n)?)
                    .build()
                    .map_err(|e| NutgrafError::new_err(format!("cannot start worker threads: {e}")))?,
            ),
        };
        let inner = &self.inner;
        Ok(py.detach(|| {
            let run = || -> Vec<Summary> {
                texts.par_iter().map(|text| to_python_summary(text, &inner.summarize(text))).collect()
            };
            match &pool {
                Some(pool) => pool.install(run),
                None => run(),
            }
        }))
    }

    /// The language in use (its English name).
    #[getter]
    fn language(&self) -> &'static str {
        self.inner.config().language.name()
    }

    /// The scoring preset in use.
    #[getter]
    fn preset(&self) -> &'static str {
        self.preset.name()
    }

    /// The budget in words: "3 sentences", "20% of the sentences" or "60 words".
    #[getter]
    fn budget(&self) -> String {
        self.inner.budget().to_string()
    }

    fn __repr__(&self) -> String {
        format!("Summarizer(budget={:?}, language={:?}, preset={:?})", self.budget(), self.language(), self.preset())
    }
}

/// summarize(text, *, sentences=None, ratio=None, words=None, language="english", preset="news") -> Summary
///
/// The brief of `text`: its most central sentences, verbatim, in their original order. At most one
/// budget: `sentences` (default 3), `ratio` (a fraction in (0, 1] of the sentences) or `words` (whole
/// sentences, never more than that many words). For many texts, build a `Summarizer` once and use
/// `summarize_many`.
///
/// >>> brief = nutgraf.summarize(article, sentences=2)
/// >>> [article[s.start:s.end] == s.text for s in brief.sentences]
/// [True, True]
#[pyfunction]
#[pyo3(signature = (text, *, sentences=None, ratio=None, words=None, language="english", preset="news"))]
fn summarize(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    sentences: Option<i64>,
    ratio: Option<f64>,
    words: Option<i64>,
    language: &str,
    preset: &str,
) -> PyResult<Summary> {
    build_summarizer(sentences, ratio, words, language, preset)?.summarize(py, text)
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
    let text = text_argument(text)?;
    let language: Language = language.parse().map_err(library_error)?;
    Ok(py.detach(|| {
        let mut offsets = CharOffsets::new(&text);
        SentenceSplitter::new(language)
            .split(&text)
            .iter()
            .enumerate()
            .map(|(index, s)| Span {
                start: offsets.at(s.start),
                end: offsets.at(s.end),
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

/// Turns byte offsets into character (code point) offsets, walking the text once for ascending offsets.
struct CharOffsets<'a> {
    bytes: &'a [u8],
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets { bytes: text.as_bytes(), ascii: text.is_ascii(), byte: 0, chars: 0 }
    }

    fn at(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let byte = byte.min(self.bytes.len());
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        // A character starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
        self.chars += self.bytes[self.byte..byte].iter().filter(|&&b| (b as i8) >= -0x40).count();
        self.byte = byte;
        self.chars
    }
}

fn abbreviate(text: &str) -> String {
    const LIMIT: usize = 60;
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// nutgraf: extractive summaries of articles (Rust, via PyO3).
///
/// Finds the sentences that say what an article is about and returns them verbatim, in their original
/// order, leaving out web boilerplate (subscription prompts, photo credits, share lines).
///
///     import nutgraf
///     brief = nutgraf.summarize(article, sentences=2)
///     print(brief.text)
///     for s in brief.sentences:                 # text, start, end, score, index
///         assert article[s.start:s.end] == s.text
///
/// summarize(text, *, sentences | ratio | words, language="english", preset="news") -> Summary
/// Summarizer(...) with .summarize(text) and .summarize_many(texts, threads=None): build once, reuse;
///     summarize_many releases the GIL, runs on all cores and keeps the input order.
/// split(text, *, language="english") -> list[Span]: the sentences nutgraf sees.
/// languages() -> the 18 language names (ISO 639-1 codes work too).
///
/// Offsets are character offsets into the Python string. Bad options raise NutgrafError (a
/// ValueError) with the Rust library's message; a text that is not a str raises TypeError.
#[pymodule]
#[pyo3(name = "nutgraf")]
fn nutgraf_module(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("NutgrafError", module.py().get_type::<NutgrafError>())?;
    module.add_class::<Summarizer>()?;
    module.add_class::<Summary>()?;
    module.add_class::<Sentence>()?;
    module.add_class::<Span>()?;
    module.add_function(wrap_pyfunction!(summarize, module)?)?;
    module.add_function(wrap_pyfunction!(split, module)?)?;
    module.add_function(wrap_pyfunction!(languages, module)?)?;
    Ok(())
}
