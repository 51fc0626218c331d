//! Candidate keyphrases: the runs of content words between stop words and punctuation, found once per
//! document with the byte span of every word.
//!
//! Without a part-of-speech tagger, English runs are cut and trimmed by what suffixes say about a word:
//! a past tense after the first word of a run is a verb (“the jet *crashed*”), so it ends the run; an
//! adjective does not end a noun phrase, so trailing ones are dropped; a lone `-ed` or `-ing` word is a
//! verb far more often than a keyphrase. A word that general English uses as a verb, an adverb or a
//! function word (`carry`, `perhaps`) is not a content word unless capitalised, and a usual adjective
//! is trimmed like a suffixed one (the `lexicon` table). Other languages use their stop words alone.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::analyze::Analyzer;
use crate::language::Language;
use crate::segment::Sentence;

use super::lexicon::{self, WordClass, WordInfo};

/// Words after this many are not read: the graph and the candidate table stay bounded on any input, and
/// position bias gives words this far into a document almost no weight anyway.
pub(super) const MAX_WORDS: usize = 200_000;

/// One content word of the document.
#[derive(Clone, Copy, Debug)]
pub(super) struct ContentWord {
    /// Index of the stem in [`Scan::stems`].
    pub stem: u32,
    /// Position among all the document's words, stop words included (0-based).
    pub position: u32,
    pub start: usize,
    pub end: usize,
    /// Capitalised other than at the start of a sentence: a name, which the suffix rules leave alone.
    pub proper: bool,
    /// Its usual part of speech in general English ([`WordClass::Mixed`] outside English).
    pub class: WordClass,
}

/// What one pass over a document finds.
#[derive(Debug, Default)]
pub(super) struct Scan {
    /// Distinct stems; `ContentWord::stem` indexes it.
    pub stems: Vec<String>,
    /// What each stem's graph score is multiplied by: its inverse document frequency in general English
    /// to a power (of the first form the document uses; all 1.0 outside English).
    pub weights: Vec<f64>,
    /// Every content word, in reading order: the nodes of the co-occurrence graph.
    pub words: Vec<ContentWord>,
    /// Candidate phrases, as ranges into `words`.
    pub runs: Vec<std::ops::Range<usize>>,
}

/// The language-specific knowledge candidate finding needs.
pub(super) struct Lexicon<'a> {
    pub analyzer: &'a Analyzer,
    /// Stop words and the keyphrase-only extra stop words, lower-case.
    pub stop_words: &'a FxHashSet<String>,
    /// Whether the English suffix rules apply.
    pub english: bool,
    /// Longest candidate, in words; a longer run keeps its first words.
    pub max_words: usize,
}

/// A word as the text has it: its span, and hyphenated compounds (`single-photon`) kept whole.
struct Token {
    start: usize,
    end: usize,
    /// A possessive (`Shining Path's`): its `'s` is not part of the span, and it ends the phrase.
    possessive: bool,
}

/// Scans the `sentences` of `text` (those for which `skip` is false) for content words and candidates.
pub(super) fn scan(text: &str, sentences: &[Sentence], skip: impl Fn(usize) -> bool, lexicon: &Lexicon<'_>) -> Scan {
    let mut scan = Scan::default();
    let mut stem_ids: FxHashMap<String, u32> = FxHashMap::default();
    // Surface form → its stem id, or `None` for a word that is never a content word: each distinct form
    // is lower-cased, looked up and stemmed once per document.
    let mut seen: FxHashMap<&str, Option<(u32, WordClass)>> = FxHashMap::default();
    let mut position: u32 = 0;
    let mut tokens: Vec<Token> = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        if position as usize >= MAX_WORDS {
            break;
        }
        let sentence_text = sentence.text(text);
        tokens.clear();
        tokenize(text, sentence.start, sentence_text, &mut tokens);
        if skip(index) {
            position = position.saturating_add(u32::try_from(tokens.len()).unwrap_or(u32::MAX));
            continue;
        }
        let mut run_start = scan.words.len();
        let mut previous_end: Option<usize> = None;
        for (k, token) in tokens.iter().enumerate() {
            let surface = &text[token.start..token.end];
            let joined = previous_end.is_some_and(|end| text[end..token.start].chars().all(char::is_whitespace));
            if !joined {
                close_run(&mut scan, run_start, text, lexicon);
                run_start = scan.words.len();
            }
            previous_end = Some(token.end);
            let stem = match seen.get(surface) {
                Some(&stem) => stem,
                None => {
                    let stem = cached_content_stem(surface, lexicon).map(|(stem, class, weight)| {
                        let next = u32::try_from(stem_ids.len()).unwrap_or(u32::MAX);
                        let id = *stem_ids.entry(stem).or_insert(next);
                        if id == next {
                            scan.weights.push(weight);
                        }
                        (id, class)
                    });
                    seen.insert(surface, stem);
                    stem
                }
            };
            let in_run = scan.words.len() > run_start;
            let proper = k > 0 && starts_upper(surface);
            let breaks_run = lexicon.english && in_run && !proper && is_past_tense(surface);
            match stem {
                Some((stem, class)) if !breaks_run => {
                    scan.words.push(ContentWord { stem, position, start: token.start, end: token.end, proper, class });
                    if token.possessive {
                        close_run(&mut scan, run_start, text, lexicon);
                        run_start = scan.words.len();
                    }
                }
                _ => {
                    close_run(&mut scan, run_start, text, lexicon);
                    run_start = scan.words.len();
                }
            }
            position = position.saturating_add(1);
        }
        close_run(&mut scan, run_start, text, lexicon);
    }
    scan.stems = vec![String::new(); stem_ids.len()];
    for (stem, id) in stem_ids {
        if let Some(slot) = scan.stems.get_mut(id as usize) {
            *slot = stem;
        }
    }
    scan
}

/// The words of one sentence as tokens: UAX #29 words, with `-` between two words (no space) joining
/// them, and the final full stop of an abbreviation such as `U.S.` kept with it.
fn tokenize(text: &str, offset: usize, sentence: &str, tokens: &mut Vec<Token>) {
    crate::analyze::for_each_word(sentence, |word| {
        let start = offset + (word.as_ptr() as usize - sentence.as_ptr() as usize);
        let mut end = start + word.len();
        if word.contains('.') && text.as_bytes().get(end) == Some(&b'.') {
            end += 1;
        }
        let possessive =
            ["'s", "’s", "'S", "’S"].iter().find(|suffix| word.len() > suffix.len() && word.ends_with(*suffix));
        if let Some(suffix) = possessive {
            end -= suffix.len();
        }
        let possessive = possessive.is_some();
        if let Some(last) = tokens.last_mut()
            && (last.end < start && &text[last.end..start] == "-")
        {
            last.end = end;
            last.possessive = possessive;
            return;
        }
        tokens.push(Token { start, end, possessive });
    });
}

/// Ends the run of content words that started at `run_start`, keeping it as a candidate if it is one.
fn close_run(scan: &mut Scan, mut run_start: usize, text: &str, lexicon: &Lexicon<'_>) {
    let mut end = scan.words.len();
    if lexicon.english {
        let surface = |word: &ContentWord| &text[word.start..word.end];
        let adjective = |word: &ContentWord| word.class == WordClass::Adjective || is_adjective(surface(word));
        while end > run_start && !scan.words[end - 1].proper && adjective(&scan.words[end - 1]) {
            end -= 1;
        }
        if end == run_start + 1 && !scan.words[run_start].proper && is_verb_form(surface(&scan.words[run_start])) {
            return;
        }
        // A leading `-ing` word before a noun phrase is a verb more often than a modifier
        // ("*constructing* fuzzy inference", "*employing* organisation").
        if end > run_start + 1 && !scan.words[run_start].proper && is_gerund(surface(&scan.words[run_start])) {
            run_start += 1;
        }
    }
    if end > run_start {
        scan.runs.push(end.saturating_sub(lexicon.max_words).max(run_start)..end);
    }
}

/// Surface forms remembered per thread and language, across documents, before the cache is emptied: a
/// news vocabulary fits many times over, and memory stays bounded whatever the input.
const MAX_CACHED_FORMS: usize = 200_000;

/// Surface form → its content stem (`None`: not a content word), for one language.
type StemCache = FxHashMap<Box<str>, Option<(Box<str>, WordClass, f64)>>;

thread_local! {
    /// Surface form → [`content_stem`] of it, per language (`None`: language-neutral): most words of a document have been seen in
    /// earlier documents, and stemming is the costliest step per word.
    static CONTENT_STEMS: RefCell<FxHashMap<Option<Language>, StemCache>> =
        RefCell::new(FxHashMap::default());
}

/// [`content_stem`] through this thread's cache.
fn cached_content_stem(surface: &str, lexicon: &Lexicon<'_>) -> Option<(String, WordClass, f64)> {
    CONTENT_STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let forms = cache.entry(lexicon.analyzer.language()).or_default();
        if let Some(stem) = forms.get(surface) {
            return stem.as_ref().map(|(stem, class, weight)| (stem.to_string(), *class, *weight));
        }
        let stem = content_stem(&lower_case(surface), surface, lexicon)
            .map(|(stem, info)| (stem, info.class, if lexicon.english { info.weight() } else { 1.0 }));
        if forms.len() >= MAX_CACHED_FORMS {
            forms.clear();
        }
        forms.insert(
            surface.into(),
            stem.as_ref().map(|(stem, class, weight)| (Box::from(stem.as_str()), *class, *weight)),
        );
        stem
    })
}

/// The stem of a word that can be part of a keyphrase and what general English says of the word, or
/// `None`.
fn content_stem(lower: &str, surface: &str, lexicon: &Lexicon<'_>) -> Option<(String, WordInfo)> {
    let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || lower.chars().count() < 2 || lexicon.stop_words.contains(lower) {
        return None;
    }
    if !lexicon.english {
        return Some((lexicon.analyzer.stem(lower), WordInfo::UNKNOWN));
    }
    let info = lexicon::lookup(lower);
    // A capitalised `-ly` word is a name (`Italy`) unless only capitalised to start a sentence, which
    // cannot be told here; names are the likelier keyphrases. The same holds for words that general
    // English uses as verbs, adverbs or function words (`Bush`, `Will`).
    let not_in_phrases = matches!(info.class, WordClass::Verb | WordClass::Adverb | WordClass::Closed);
    if (is_adverb(lower) || not_in_phrases) && !starts_upper(surface) {
        return None;
    }
    Some((lexicon.analyzer.stem(lower), info))
}

/// Lower case, with typographic apostrophes made ASCII (as the analyzer does), so that stop words match.
fn lower_case(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.contains('\u{2019}') { lower.replace('\u{2019}', "'") } else { lower }
}

fn starts_upper(surface: &str) -> bool {
    surface.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `word` ends with the ASCII `suffix`, in any case.
fn ends_with_ignore_case(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len() && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// `-ly` words of some length are adverbs.
fn is_adverb(lower: &str) -> bool {
    lower.len() > 4 && lower.ends_with("ly")
}

/// A regular past tense (not a hyphenated compound such as `computer-aided`).
fn is_past_tense(word: &str) -> bool {
    word.len() > 4 && ends_with_ignore_case(word, "ed") && !word.contains('-')
}

/// Suffixes of English adjectives, which a noun phrase does not end with.
fn is_adjective(word: &str) -> bool {
    const SUFFIXES: [&str; 7] = ["al", "ive", "ous", "able", "ible", "ful", "less"];
    SUFFIXES.iter().any(|suffix| ends_with_ignore_case(word, suffix))
}

/// An `-ing` form (not a hyphenated compound).
fn is_gerund(word: &str) -> bool {
    word.len() > 5 && !word.contains('-') && ends_with_ignore_case(word, "ing")
}

/// `-ed` and `-ing` forms, which alone are verbs far more often than keyphrases.
fn is_verb_form(word: &str) -> bool {
    !word.contains('-') && (ends_with_ignore_case(word, "ed") || ends_with_ignore_case(word, "ing"))
}
