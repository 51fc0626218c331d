//! A per-thread table of the word forms an analyzer has classified, kept from one document to the next.
//!
//! Classifying a form (lower-casing it, looking it up among the stop words, stemming it, finding its
//! stem among the known stems) costs far more than finding the form again, and news vocabulary repeats
//! from article to article: after a few hundred articles almost every form is known. So each surface
//! form maps, for the life of the thread, to its class: a stop word, or the id of its stem. Within a
//! document, stem ids become the document's own [`TermId`]s, in order of first use, through two arrays
//! indexed by stem id (no hashing).
//!
//! Forms of up to 15 bytes, almost all words, are keyed by their bytes packed into two `u64`s, which
//! hashes and compares in a few instructions. The table belongs to one analyzer (its stop words) and
//! one thread (no locks: the `Summarizer` stays `Send + Sync`); a thread keeps the tables of the last
//! few analyzers it ran. Everything in it is a pure function of the analyzer and the form, so output
//! never depends on what the thread analyzed before.

use std::cell::RefCell;

use rust_stemmers::Stemmer;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{TermId, Vocabulary, normalize_word, stem_lowercased};

/// Forms a table holds before it starts over (between documents), which bounds its memory to a few MB
/// whatever the input; news uses a few tens of thousands.
const MAX_FORMS: usize = 1 << 17;

/// Tables a thread keeps, one per analyzer, least recently used dropped first.
const MAX_TABLES: usize = 4;

/// The class of a stop word; any other class is a stem id.
const STOP: u32 = u32::MAX;

thread_local! {
    static TABLES: RefCell<Vec<WordTable>> = const { RefCell::new(Vec::new()) };
}

/// What classifying a new form needs from the analyzer.
pub(super) struct Lexicon<'a> {
    pub stop_words: &'a FxHashSet<String>,
    /// `None` for language-neutral analysis: the lower-cased form is its own stem.
    pub stemmer: Option<&'a Stemmer>,
    /// The stemmer is English's: ASCII forms take the byte-level copy of its rules in [`english`].
    pub english: bool,
}

/// Runs `f` with this thread's table for the analyzer `owner`.
pub(super) fn with_table<R>(owner: u64, f: impl FnOnce(&mut WordTable) -> R) -> R {
    TABLES.with(|tables| match tables.try_borrow_mut() {
        Ok(mut tables) => {
            match tables.iter().position(|t| t.owner == owner) {
                Some(index) => {
                    let table = tables.remove(index);
                    tables.push(table);
                }
                None => {
                    if tables.len() >= MAX_TABLES {
                        tables.remove(0);
                    }
                    tables.push(WordTable::new(owner));
                }
            }
            let last = tables.len() - 1;
            f(&mut tables[last])
        }
        // Only reachable if `f` itself analyzed text on this thread: give it a table of its own.
        Err(_) => f(&mut WordTable::new(owner)),
    })
}

/// Surface forms → class, stems, and the per-document mapping of stems to term ids.
pub(super) struct WordTable {
    owner: u64,
    /// Forms of at most 15 bytes, keyed by [`pack`].
    /// A pair of `u64` rather than a `u128`, whose 16-byte alignment would make each entry 32 bytes, not 24:
    /// the table outgrows the caches, and a smaller one misses them less.
    short_forms: FxHashMap<(u64, u64), u32>,
    long_forms: FxHashMap<Box<str>, u32>,
    stems: Stems,
    /// Numbers the documents; `seen[stem] == generation` when the stem has a term id in this one.
    generation: u32,
    seen: Vec<u32>,
    term_of_stem: Vec<TermId>,
}

/// The distinct stems, each once, with their ids.
#[derive(Default)]
struct Stems {
    ids: FxHashMap<Box<str>, u32>,
    text: String,
    ends: Vec<usize>,
    /// Scratch for lower-casing a form.
    lower: String,
    /// Scratch for an English stem.
    stem: Vec<u8>,
}

impl Stems {
    #[inline]
    fn get(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.text[start..self.ends[id]]
    }

    /// The class of a form not seen before.
    fn classify(&mut self, form: &str, lexicon: &Lexicon<'_>) -> u32 {
        self.lower.clear();
        if form.is_ascii() {
            self.lower.push_str(form);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower.push_str(&normalize_word(form));
        }
        if lexicon.stop_words.contains(self.lower.as_str()) {
            return STOP;
        }
        // The scratch buffers leave `self` while the stem borrows them, so that `id_of` may change it.
        let lower = std::mem::take(&mut self.lower);
        let mut stem_buffer = std::mem::take(&mut self.stem);
        let id = self.id_of(&stem_lowercased(&lower, lexicon.stemmer, lexicon.english, &mut stem_buffer));
        self.lower = lower;
        self.stem = stem_buffer;
        id
    }

    /// The id of `stem`, given a new one if it is new.
    fn id_of(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        // Ids stay below STOP: a table starts over long before it has four billion stems.
        let id = u32::try_from(self.ends.len()).unwrap_or(STOP - 1).min(STOP - 1);
        self.text.push_str(stem);
        self.ends.push(self.text.len());
        self.ids.insert(Box::from(stem), id);
        id
    }
}

impl WordTable {
    fn new(owner: u64) -> WordTable {
        WordTable {
            owner,
            short_forms: FxHashMap::default(),
            long_forms: FxHashMap::default(),
            stems: Stems::default(),
            generation: 0,
            seen: Vec::new(),
            term_of_stem: Vec::new(),
        }
    }

    /// Starts a document: no stem has a term id yet.
    pub(super) fn begin_document(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.seen.fill(0);
            self.generation = 1;
        }
    }

    /// Ends a document; a table that has grown past its bound starts over (and gives its memory back).
    pub(super) fn end_document(&mut self) {
        if self.short_forms.len() + self.long_forms.len() > MAX_FORMS {
            *self = WordTable::new(self.owner);
        }
    }

    /// The stem id of `form`, or `None` for a stop word.
    #[inline]
    pub(super) fn stem_of(&mut self, form: &str, lexicon: &Lexicon<'_>) -> Option<u32> {
        let stems = &mut self.stems;
        let class = match pack(form) {
            Some(key) => match self.short_forms.get(&key) {
                Some(&class) => class,
                None => {
                    // A form's class is its lower-case form's ("Market" is "market"), which a text has
                    // usually met already: reuse it rather than stem again, and remember both.
                    let class = match lower_ascii_key(form) {
                        Some(lower) if lower != key => {
                            *self.short_forms.entry(lower).or_insert_with(|| stems.classify(form, lexicon))
                        }
                        _ => stems.classify(form, lexicon),
                    };
                    self.short_forms.insert(key, class);
                    class
                }
            },
            None => match self.long_forms.get(form) {
                Some(&class) => class,
                None => {
                    let class = stems.classify(form, lexicon);
                    self.long_forms.insert(Box::from(form), class);
                    class
                }
            },
        };
        (class != STOP).then_some(class)
    }

    /// The term id of `stem` in the current document, adding it to `vocabulary` on its first use.
    #[inline]
    pub(super) fn term(&mut self, stem: u32, vocabulary: &mut Vocabulary) -> TermId {
        let index = stem as usize;
        if index >= self.seen.len() {
            self.seen.resize(index + 1, 0);
            self.term_of_stem.resize(index + 1, 0);
        }
        if self.seen[index] != self.generation {
            self.seen[index] = self.generation;
            self.term_of_stem[index] = vocabulary.push(self.stems.get(stem));
        }
        self.term_of_stem[index]
    }
}

/// A form of at most 15 bytes as one 16-byte integer, split in halves: its bytes, zero-padded
/// (little-endian), and its length in the last byte.
#[inline]
fn pack(form: &str) -> Option<(u64, u64)> {
    let bytes = form.as_bytes();
    let len = bytes.len();
    if len > 15 {
        return None;
    }
    // Each half read with overlapping fixed-size loads: copying a variable number of bytes into a buffer
    // would call `memcpy` for every word.
    let (low, high) = bytes.split_at(len.min(8));
    Some((zero_padded(low), zero_padded(high) | ((len as u64) << 56)))
}

/// The [`pack`]ed key of an ASCII form of at most 15 bytes, lower-cased: the form that
/// [`Stems::classify`] classifies it as (for ASCII, lower-casing is all that normalizing does).
#[inline]
fn lower_ascii_key(form: &str) -> Option<(u64, u64)> {
    if form.len() > 15 || !form.is_ascii() {
        return None;
    }
    let mut lower = [0u8; 15];
    let lower = &mut lower[..form.len()];
    lower.copy_from_slice(form.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok().and_then(pack)
}

/// Up to 8 bytes as a little-endian integer, zero-padded. Overlapping loads write the same byte to the
/// same place, so or-ing them is exact.
#[inline]
fn zero_padded(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    if len >= 4 {
        u64::from(u32_at(bytes, 0)) | (u64::from(u32_at(bytes, len - 4)) << (8 * (len - 4)))
    } else if len > 0 {
        u64::from(bytes[0])
            | (u64::from(bytes[len / 2]) << (8 * (len / 2)))
            | (u64::from(bytes[len - 1]) << (8 * (len - 1)))
    } else {
        0
    }
}

/// The 4 bytes at `at`, little-endian.
#[inline]
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let b = &bytes[at..at + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_forms_differ_when_the_forms_do() {
        assert_ne!(pack("a"), pack("a\0"));
        assert_ne!(pack("ab"), pack("ba"));
        assert_eq!(pack("same"), pack("same"));
        assert!(pack("fifteen-bytes-x").is_some() && pack("sixteen-bytes-xy").is_none());
    }

    #[test]
    fn packing_is_the_zero_padded_bytes_and_the_length() {
        let text = "abcdefghijklmno";
        for len in 0..=15 {
            let mut buffer = [0u8; 16];
            buffer[..len].copy_from_slice(&text.as_bytes()[..len]);
            buffer[15] = len as u8;
            let packed = u128::from_le_bytes(buffer);
            assert_eq!(pack(&text[..len]), Some((packed as u64, (packed >> 64) as u64)), "{len} bytes");
        }
    }

    #[test]
    fn a_capitalised_form_has_its_lower_case_class() {
        let stop_words: FxHashSet<String> = ["the".to_string()].into_iter().collect();
        let stemmer = Stemmer::create(rust_stemmers::Algorithm::English);
        let lexicon = Lexicon { stop_words: &stop_words, stemmer: Some(&stemmer), english: true };
        let forms = ["Markets", "markets", "MARKETS", "The", "the", "Über", "über", "internationalization"];
        // In either order of first sight, each form gets the class a fresh table gives it alone.
        for order in [forms.to_vec(), forms.iter().rev().copied().collect()] {
            let mut table = WordTable::new(0);
            for form in order {
                let shared = table.stem_of(form, &lexicon).map(|s| table.stems.get(s).to_string());
                let mut fresh = WordTable::new(0);
                let alone = fresh.stem_of(form, &lexicon).map(|s| fresh.stems.get(s).to_string());
                assert_eq!(shared, alone, "{form}");
            }
        }
    }

    #[test]
    fn a_table_that_starts_over_gives_the_same_classes() {
        let stop_words: FxHashSet<String> = ["the".to_string()].into_iter().collect();
        let stemmer = Stemmer::create(rust_stemmers::Algorithm::English);
        let lexicon = Lexicon { stop_words: &stop_words, stemmer: Some(&stemmer), english: true };
        let mut table = WordTable::new(0);
        table.begin_document();
        let mut vocabulary = Vocabulary::default();
        let forms = ["Markets", "the", "market", "internationalization", "The"];
        let first: Vec<Option<TermId>> =
            forms.iter().map(|f| table.stem_of(f, &lexicon).map(|s| table.term(s, &mut vocabulary))).collect();
        assert_eq!(first, [Some(0), None, Some(0), Some(1), None]);
        assert_eq!(vocabulary.stem(1), "internation");
        table = WordTable::new(0);
        table.begin_document();
        let mut again = Vocabulary::default();
        let second: Vec<Option<TermId>> =
            forms.iter().map(|f| table.stem_of(f, &lexicon).map(|s| table.term(s, &mut again))).collect();
        assert_eq!(first, second);
    }
}
