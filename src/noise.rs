//! Boilerplate detection: which sentences are page furniture rather than the article.
//!
//! Scraped pages bring navigation, paywall and newsletter prompts, photo captions and credits, bylines,
//! share lines, teasers for other articles and comments. None of them may reach a brief. The detector
//! works like jusText or boilerpipe, on text lines instead of HTML blocks, in three steps:
//!
//! 1. Each sentence is judged on its own: its length, its final punctuation, whether it is a line of
//!    its own, its share of function words, and cue phrases from `data/noise/` (prompts, credits,
//!    caption phrases, byline words).
//! 2. Each paragraph (text between blank lines) is classed from its sentences: prose, a photo caption
//!    (prose above or ending in a credit), a teaser (cut off with an ellipsis, in a list of them),
//!    short complete sentences, or other furniture.
//! 3. The article body is located among the paragraphs: the first stretch with a high balance of prose
//!    over furniture, starting at the first prose paragraph that continues into more text. The
//!    standfirst, the lead photo's caption and anything else above the body are never candidates, since
//!    the position prior of the news preset would favour them; what follows the body is suspect.
//!
//! The signals add up, logistic-style, to a likelihood per sentence; some (a repeated line, a prompt on
//! a short line, a byline, a credit) rule a sentence out whatever the threshold.
//!
//! ```
//! use nutgraf::{Analyzer, Language, NoiseDetector, SentenceSplitter};
//!
//! let text = "Subscribe now\nPicture: REUTERS\n\nThe central bank raised rates by half a point on \
//!             Tuesday, its third increase this year, citing stubborn inflation.\n\nSign up for our newsletter.";
//! let sentences = SentenceSplitter::new(Language::English).split(text);
//! let document = Analyzer::new(Language::English).analyze(text, &sentences);
//! let noise = NoiseDetector::new(Language::English).detect(text, &sentences, &document);
//! let kept: Vec<&str> = sentences.iter().zip(&noise.likelihood)
//!     .filter(|(_, p)| **p < 0.5)
//!     .map(|(s, _)| s.text(text))
//!     .collect();
//! assert_eq!(kept, ["The central bank raised rates by half a point on Tuesday, its third increase this year, citing stubborn inflation."]);
//! ```

mod cues;

use std::collections::hash_map::Entry;
use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHasher};

use crate::analyze::AnalyzedDocument;
use crate::input::{BlockKind, Document};
use crate::language::Language;
use crate::segment::{Sentence, is_closing};
use cues::{CueList, CuePhrases};

/// Prose: a complete sentence at least this long, with function words, is article text.
const PROSE_MIN_WORDS: usize = 10;
/// Articles discuss privacy policies and people who sign up: a prompt phrase only keeps a sentence
/// shorter than this from counting as prose (its likelihood is raised at any length).
const PROSE_DESPITE_CUE_WORDS: usize = 15;
/// Sentences shorter than this are fragments of layout more often than sentences.
const SHORT_WORDS: usize = 6;
/// A photo credit ("Photo: Hau Dinh, AP") and a byline ("By Louis Jacobson on Monday, November 18th")
/// are short.
const MAX_CREDIT_WORDS: usize = 12;
const MAX_BYLINE_WORDS: usize = 15;
/// An advertisement's label is a word or a few: "Advertisement", "Story continues below gallery".
const MAX_PLACEHOLDER_WORDS: usize = 5;
/// A whole-line question or exclamation this short is a title ("Is Football Violence a Crime?").
const MAX_TITLE_WORDS: usize = 12;
/// A whole line in Title Case up to this long is a title ("Home Depot Stock Is Falling After Its
/// Earnings Release.").
const MAX_TITLE_CASE_WORDS: usize = 20;
/// Captions are a sentence or two; a longer paragraph above a credit is article text.
const MAX_CAPTION_WORDS: usize = 60;
/// Paragraphs cut off with an ellipsis within this many paragraphs of each other form a teaser list.
const TEASER_LIST_SPAN: usize = 3;
/// A teaser is an excerpt of a couple of hundred characters.
const MAX_TEASER_WORDS: usize = 50;
/// What a paragraph that is not prose costs the main region: this, plus its words up to
/// [`MAX_LINE_COST_WORDS`]. A menu of one-word lines weighs about as much as its length on the page.
const LINE_COST: i64 = 4;
const MAX_LINE_COST_WORDS: usize = 20;
/// How much furniture (in the units of [`LINE_COST`]) may separate the main region from earlier article
/// text: a picture gallery or a box of links inside the article, not a page of menus.
const MAX_BACK_GAP: i64 = 250;
/// A standfirst is a sentence or two shorter than this; a lead that a photo separates from the second
/// paragraph is at least this long.
const MIN_LEAD_WORDS: usize = 30;
/// How many words of prose may stand above an article's lead: a standfirst and a photo caption.
const MAX_PRELUDE_WORDS: usize = 150;

/// The likelihood given to a sentence that the source marks as furniture.
const FURNITURE_LIKELIHOOD: f64 = 0.99;

/// A title or a sentence as compared with each other: lower case, single spaces, without the final
/// punctuation that a title may lack.
fn comparable(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ").trim_end_matches(['.', '!', '?', ':']).to_lowercase()
}

/// Whether `comparable(text) == title`, where `title` is itself a [`comparable`] form: asked of every
/// sentence of a titled document, so ASCII text (nearly all of it) is compared as it is read, without
/// building its comparable form, and most sentences are told apart by their first letters.
fn is_comparable_to(text: &str, title: &str) -> bool {
    if !text.is_ascii() {
        return is_comparable_to_unicode(text, title);
    }
    // An ASCII text's comparable form is ASCII: lower-casing and trimming do not leave ASCII.
    if !title.is_ascii() {
        return false;
    }
    // `title` has no final `.!?:` (it was trimmed): the text matches when its single-spaced, lower-case
    // form is `title` followed by nothing but those marks.
    let title = title.as_bytes();
    let mut matched = 0;
    let mut compare = |byte: u8| {
        if matched < title.len() {
            let equal = title[matched] == byte;
            matched += 1;
            equal
        } else {
            matches!(byte, b'.' | b'!' | b'?' | b':')
        }
    };
    // `char::is_whitespace` on ASCII, as `split_whitespace` splits (which includes U+000B).
    let words = text.as_bytes().split(|&b| char::from(b).is_whitespace()).filter(|w| !w.is_empty());
    for (k, word) in words.enumerate() {
        if k > 0 && !compare(b' ') {
            return false;
        }
        if !word.iter().all(|&b| compare(b.to_ascii_lowercase())) {
            return false;
        }
    }
    matched >= title.len()
}

/// [`is_comparable_to`] for any text, compared as it is read too. Lower-casing a character on its own is
/// what lower-casing the string does, but for a capital sigma, which becomes final at the end of a word:
/// a text with one is compared by building its comparable form. Trimming the final marks before or after
/// lower-casing is the same, as no other character lower-cases to one of them.
fn is_comparable_to_unicode(text: &str, title: &str) -> bool {
    if text.contains('\u{3a3}') {
        return comparable(text) == title;
    }
    let mut expected = title.chars();
    // After the title, only final marks may follow.
    let mut next_is = |c: char| match expected.next() {
        Some(e) => e == c,
        None => matches!(c, '.' | '!' | '?' | ':'),
    };
    for (k, word) in text.split_whitespace().enumerate() {
        if k > 0 && !next_is(' ') {
            return false;
        }
        if !word.chars().flat_map(char::to_lowercase).all(&mut next_is) {
            return false;
        }
    }
    expected.next().is_none()
}

/// Per-sentence boilerplate likelihoods, and the headline if the text opens with one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NoiseReport {
    /// Likelihood in [0, 1] that each sentence is boilerplate.
    pub likelihood: Vec<f64>,
    /// Whether each sentence must never be chosen whatever the threshold: a repeated line, a prompt or
    /// a site name on a short line, a byline, a photo credit, or a fragment of fewer than three words.
    pub hard: Vec<bool>,
    /// The index of the headline: a first line without final punctuation, followed by more text.
    pub headline: Option<usize>,
}

/// Scores sentences for boilerplate, for one language. Cheap to create and to clone (each language's
/// cue phrases are compiled once per process and shared); it is `Send + Sync`.
#[derive(Clone, Debug)]
pub struct NoiseDetector {
    /// The cue phrases and byline words of the language, shared by every detector of the process.
    cues: &'static CuePhrases,
}

impl NoiseDetector {
    /// A detector with the cue phrases of `language`.
    pub fn new(language: Language) -> Self {
        NoiseDetector { cues: CuePhrases::of(language) }
    }

    /// Scores every sentence of an analyzed text.
    pub fn detect(&self, text: &str, sentences: &[Sentence], document: &AnalyzedDocument) -> NoiseReport {
        let cue_masks = self.cues.masks(text, sentences);
        let traits: Vec<Traits> = (sentences.iter().zip(cue_masks).enumerate())
            .map(|(i, (sentence, cues))| {
                self.traits(sentence, sentence.text(text), cues, document.word_count(i), document.terms(i).len())
            })
            .collect();
        let occurrence = occurrences(text, sentences);
        let paragraphs = paragraphs(sentences, &traits);
        let layout = Layout::of(&paragraphs);

        let mut likelihood = Vec::with_capacity(sentences.len());
        let mut hard = Vec::with_capacity(sentences.len());
        for (k, paragraph) in paragraphs.iter().enumerate() {
            let place = layout.place(k);
            for i in paragraph.sentences.clone() {
                let (sentence, t) = (&sentences[i], &traits[i]);
                // Pages repeat their furniture (titles, captions, prompts); an article sentence may come
                // back too, in a pull quote or a share box, and its first use in the body is the one to keep.
                let kept_repeat = occurrence[i] == Occurrence::First && place == Place::Body && t.prose;
                let repeated = occurrence[i] != Occurrence::Unique && !kept_repeat;
                let fragment = !sentence.terminated;
                let short = t.words < SHORT_WORDS;

                let mut z: f64 = -2.5;
                z += if sentence.is_standalone_line() {
                    3.0
                } else if fragment {
                    1.0
                } else {
                    0.0
                };
                z += if short {
                    1.5
                } else if t.words < PROSE_MIN_WORDS {
                    0.7
                } else if t.words >= PROSE_DESPITE_CUE_WORDS && !fragment {
                    -1.0
                } else {
                    0.0
                };
                if t.cue {
                    z += if short || fragment { 3.0 } else { 1.2 };
                } else if t.mention && place != Place::Body {
                    // Outside the article, "cookies" and "the website" are about this page.
                    z += 1.2;
                }
                if t.caption {
                    z += 2.0;
                }
                if repeated {
                    z += 2.5;
                } else if kept_repeat {
                    z += 1.0;
                }
                if matches!(paragraph.kind, Kind::Caption | Kind::Teaser) {
                    z += 5.0;
                }
                z += match place {
                    Place::BeforeBody => 5.0,
                    Place::Body => 0.0,
                    Place::AfterBody => 2.5,
                    Place::Comments => 5.0,
                };
                likelihood.push(1.0 / (1.0 + (-z).exp()));
                hard.push(
                    repeated || t.byline || t.credit || (t.cue && (short || fragment)) || (t.words < 3 && fragment),
                );
            }
        }
        NoiseReport { likelihood, hard, headline: detect_headline(text, sentences, &traits) }
    }

    /// Scores every sentence of a [`Document`] (see [`detect`](Self::detect)), with what its source says
    /// on top: a sentence of a furniture block (navigation, a footer, a caption, code, a table cell, a
    /// heading; see [`BlockKind::is_furniture`]) and a sentence that repeats the document's title are
    /// ruled out whatever the threshold. `sentences` are those of `document.text`.
    ///
    /// ```
    /// use nutgraf::{Analyzer, Document, Language, NoiseDetector, SentenceSplitter};
    ///
    /// let document = Document::from_markdown("Some prose about the release that people may read.\n\n| a table cell |\n|---|\n");
    /// let ranges: Vec<_> = document.blocks.iter().map(|b| b.start..b.end).collect();
    /// let sentences = SentenceSplitter::new(Language::English).split_within(&document.text, &ranges);
    /// let analyzed = Analyzer::new(Language::English).analyze(&document.text, &sentences);
    /// let noise = NoiseDetector::new(Language::English).detect_document(&document, &sentences, &analyzed);
    /// assert_eq!(noise.hard, [false, true]);
    /// ```
    pub fn detect_document(
        &self,
        document: &Document,
        sentences: &[Sentence],
        analyzed: &AnalyzedDocument,
    ) -> NoiseReport {
        let text = document.text.as_str();
        let mut report = self.detect(text, sentences, analyzed);
        let title = document.title.as_deref().map(comparable);
        for (i, sentence) in sentences.iter().enumerate() {
            let furniture = document.kind_at(sentence.start).is_some_and(BlockKind::is_furniture);
            let repeats_title = title.as_deref().is_some_and(|title| is_comparable_to(sentence.text(text), title));
            if furniture || repeats_title {
                report.hard[i] = true;
                report.likelihood[i] = report.likelihood[i].max(FURNITURE_LIKELIHOOD);
            }
            // The text's own copy of the title is its headline line, as a first line would be in plain
            // text: never a brief sentence, but what the document is about (keyphrases read it).
            if repeats_title && !furniture && report.headline.is_none() {
                report.headline = Some(i);
            }
        }
        report
    }

    /// What one sentence shows on its own.
    fn traits(&self, sentence: &Sentence, body: &str, cues: u8, words: usize, content_words: usize) -> Traits {
        let has = |list: CueList| cues & list as u8 != 0;
        let function_words = words.saturating_sub(content_words);
        let short_or_fragment = words < SHORT_WORDS || !sentence.terminated;
        let mention = has(CueList::Mention);
        let cue = has(CueList::Prompt) || (short_or_fragment && mention);
        let bracketed = body.starts_with('(') || body.ends_with(')');
        let credit = words <= MAX_CREDIT_WORDS && (!sentence.terminated || bracketed) && has(CueList::Credit);
        let byline = words <= MAX_BYLINE_WORDS && self.is_byline(body);
        let truncated = is_truncated(body);
        let whole_line = sentence.starts_line && sentence.ends_line;
        let title_case = whole_line && words <= MAX_TITLE_CASE_WORDS && is_title_case(body);
        let title = title_case || (whole_line && words <= MAX_TITLE_WORDS && is_exclamation(body));
        let prose = sentence.terminated
            && words >= PROSE_MIN_WORDS
            && function_words > 0
            // A short whole-line question is a title ("Is Football Violence a Crime?") or a question the
            // article asks: complete, but not prose.
            && !(byline || credit || truncated || title)
            && !(cue && words < PROSE_DESPITE_CUE_WORDS);
        let caption = has(CueList::Caption);
        let interruption = words <= MAX_PLACEHOLDER_WORDS && has(CueList::Interruption);
        let comments_heading = whole_line && words <= MAX_PLACEHOLDER_WORDS && has(CueList::Comments) && !prose;
        // Only a credit needs to be signed (see `Paragraph::credit_line`), and looking costs a pass over
        // the sentence.
        let signed = credit && (mention || body.contains([':', '/', '(', ')', ',', '\u{a9}']) || credits_by_name(body));
        Traits {
            words,
            function_words,
            cue,
            credit,
            signed,
            caption,
            byline,
            truncated,
            title_case,
            mention,
            interruption,
            comments_heading,
            prose,
        }
    }

    /// "By Carrie Arnold", "Written by Rachael Link, MS, RD on November 14": a byline word, then a name of
    /// at least two capitalised words ("By Monday, the firm…" is not a byline).
    fn is_byline(&self, sentence: &str) -> bool {
        self.cues.bylines.iter().any(|lead| {
            // Most sentences fail on their first letter: when it and the lead's are ASCII, they must be
            // the same letter (which the full comparison, folding Unicode case, would find too).
            if let (Some(&a), Some(&b)) = (sentence.as_bytes().first(), lead.as_bytes().first())
                && a.is_ascii()
                && b.is_ascii()
                && !a.eq_ignore_ascii_case(&b)
            {
                return false;
            }
            let Some(rest) = strip_prefix_ignore_case(sentence, lead) else {
                return false;
            };
            if !rest.starts_with(char::is_whitespace) {
                return false;
            }
            let mut names = rest.split_whitespace();
            let capitalised = |w: Option<&str>| w.and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
            capitalised(names.next()) && capitalised(names.next())
        })
    }
}

/// Has "of" or "by" followed by a capitalised word, as "Courtesy of Andrew Vaughan" and "Photo by Jane
/// Doe" name whom a picture is from.
fn credits_by_name(line: &str) -> bool {
    let mut words = line.split_whitespace();
    while let Some(word) = words.next() {
        if word.eq_ignore_ascii_case("of") || word.eq_ignore_ascii_case("by") {
            return words.next().and_then(|next| next.chars().next()).is_some_and(char::is_uppercase);
        }
    }
    false
}

/// Ends in `?` or `!`, before any closing quotes and brackets.
fn is_exclamation(sentence: &str) -> bool {
    sentence.trim_end_matches(is_closing).ends_with(['?', '!'])
}

/// All its longer words are capitalised, as in a title: "Stadia Falls Short of 4K at Launch". Short words
/// are left out, since titles keep "of", "at", "the" in lower case; a sentence, however full of names
/// ("The Secretary of State for Culture, Media and Sport … has hit out at critics"), has a verb or a
/// noun in lower case.
fn is_title_case(sentence: &str) -> bool {
    let mut long = 0;
    for word in sentence.split_whitespace() {
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            continue;
        };
        if first.is_alphabetic() && chars.take(3).count() == 3 {
            // One long word in lower case tells a sentence: the rest need not be looked at.
            if !first.is_uppercase() {
                return false;
            }
            long += 1;
        }
    }
    long >= 4
}

/// Ends in an ellipsis (`...` or `…`) right after a word: an excerpt cut off, not a sentence.
fn is_truncated(sentence: &str) -> bool {
    let body = sentence.trim_end_matches(is_closing);
    let Some(rest) = body.strip_suffix("...").or_else(|| body.strip_suffix('\u{2026}')) else {
        return false;
    };
    rest.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// `text` without `prefix`, compared case-insensitively.
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    // ASCII, as bylines nearly always are, needs no Unicode case mapping.
    let same = if head.is_ascii() && prefix.is_ascii() {
        head.eq_ignore_ascii_case(prefix)
    } else {
        head.chars().flat_map(char::to_lowercase).eq(prefix.chars().flat_map(char::to_lowercase))
    };
    same.then(|| &text[prefix.len()..])
}

/// What the detector knows about one sentence on its own.
struct Traits {
    words: usize,
    /// Words of the language's stop list: prose has some, addresses, scores and copyright lines none.
    function_words: usize,
    /// Contains a prompt ("we use cookies", "click here"), opens with a call to action ("Sign up for…"),
    /// or is short or unfinished and mentions a site or platform ("Facebook", "Comments").
    cue: bool,
    /// A short unfinished or bracketed line with a credit word: "Photo: Hau Dinh, AP", "(NASA via AP)".
    credit: bool,
    /// A credit that names a source the way credits do: with a colon, slash, bracket, comma or ©, an
    /// agency's name, or "of" or "by" and a name ("Courtesy of Andrew Vaughan"). A subheading with a
    /// credit word ("The big picture", "Photos of the week") does not.
    signed: bool,
    /// Has a phrase of photo captions: "file photo", "(left)".
    caption: bool,
    /// "By Louis Jacobson on Monday, November 18th".
    byline: bool,
    /// Cut off with an ellipsis: "The headphones offer up to 12 hours of list..."
    truncated: bool,
    /// A whole line in Title Case: a headline, even with a full stop.
    title_case: bool,
    /// Names a platform, an agency or a thing sites have ("cookies", "privacy policy").
    mention: bool,
    /// A short label of an advertisement or a gallery: "Advertisement", "Story continues below gallery".
    interruption: bool,
    /// A short line that heads a comment section: "[ 167 comments ]", "Top Rated Comments".
    comments_heading: bool,
    /// A complete sentence of article length.
    prose: bool,
}

/// What a paragraph is, judged from its sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Mostly prose sentences.
    Prose,
    /// Prose that describes a picture: it ends with a photo credit, a credit line follows it, or it
    /// uses the phrases of captions.
    Caption,
    /// The opening of another article, cut off with an ellipsis, in a list of them or under a title.
    Teaser,
    /// Complete sentences, too short to be prose ("The tagline?", "Hong Kong is burning.").
    Sentences,
    /// Anything else: titles, menus, bylines, dates, prompts, credits.
    Other,
}

/// A paragraph: a run of sentences between blank lines.
struct Paragraph {
    sentences: Range<usize>,
    words: usize,
    prose_words: usize,
    /// Prose words of sentences without a prompt: what counts towards the main region, so that a long
    /// cookie notice never outweighs a short article.
    plain_prose_words: usize,
    kind: Kind,
    /// A short paragraph that starts with a signed photo credit of at least two words (a bare "Reuters"
    /// after the last paragraph is the wire's credit for the article, not a caption's).
    credit_line: bool,
    /// A label on its own that stands in for an advertisement or a gallery: "Advertisement".
    placeholder: bool,
    /// A heading on its own above a comment section: "Comments", "Leave a comment".
    comments_heading: bool,
}

impl Paragraph {
    /// What articles have between their paragraphs: a picture's caption and credit, an advertisement.
    fn interrupts(&self) -> bool {
        self.kind == Kind::Caption || self.credit_line || self.placeholder
    }

    /// Prose that does not owe its length to sentences with prompts: a cookie notice is not.
    fn is_plain_prose(&self) -> bool {
        self.kind == Kind::Prose && self.plain_prose_words > 0
    }

    /// Prose or complete sentences: what an article's paragraphs are.
    fn is_text(&self) -> bool {
        matches!(self.kind, Kind::Prose | Kind::Sentences)
    }

    /// What the paragraph costs the main region when it is not prose.
    fn cost(&self) -> i64 {
        LINE_COST + self.words.min(MAX_LINE_COST_WORDS) as i64
    }

    /// What the paragraph adds to the main region's balance of prose over furniture.
    fn gain(&self) -> i64 {
        match self.kind {
            Kind::Prose => self.plain_prose_words as i64,
            Kind::Sentences => 0,
            Kind::Caption | Kind::Teaser | Kind::Other => -self.cost(),
        }
    }
}

fn paragraphs(sentences: &[Sentence], traits: &[Traits]) -> Vec<Paragraph> {
    let count = sentences.last().map_or(0, |s| s.paragraph as usize + 1).min(sentences.len());
    let mut out: Vec<Paragraph> = Vec::with_capacity(count);
    let mut start = 0;
    for end in 1..=sentences.len() {
        if end < sentences.len() && sentences[end].paragraph == sentences[start].paragraph {
            continue;
        }
        let members = &traits[start..end];
        let words: usize = members.iter().map(|t| t.words).sum();
        let prose_words: usize = members.iter().filter(|t| t.prose).map(|t| t.words).sum();
        let plain_prose_words: usize = members.iter().filter(|t| t.prose && !t.cue).map(|t| t.words).sum();
        let last = &members[members.len() - 1];
        let kind = if last.truncated {
            Kind::Teaser // Confirmed or undone below, once the neighbours are known.
        } else if prose_words > 0 && prose_words * 2 >= words {
            let ends_with_credit = members.len() > 1 && last.credit;
            let describes_picture = members.iter().any(|t| t.caption);
            if (ends_with_credit || describes_picture) && words <= MAX_CAPTION_WORDS {
                Kind::Caption
            } else {
                Kind::Prose
            }
        } else if sentences[start..end].iter().all(|s| s.terminated)
            && members.iter().all(|t| !(t.cue || t.byline || t.credit || t.title_case) && t.function_words > 0)
        {
            Kind::Sentences
        } else {
            Kind::Other
        };
        let lead = &members[0];
        let credit_line = lead.credit && lead.signed && lead.words >= 2 && words <= MAX_CREDIT_WORDS;
        let placeholder = members.len() == 1 && lead.interruption;
        let comments_heading = members.len() == 1 && lead.comments_heading;
        out.push(Paragraph {
            sentences: start..end,
            words,
            prose_words,
            plain_prose_words,
            kind,
            credit_line,
            placeholder,
            comments_heading,
        });
        start = end;
    }
    // A paragraph cut off with an ellipsis is a teaser when it is short and comes under a title or in a
    // list of them; one that follows running text is the article's own ("Google confirmed this in a
    // statement…"), and so is one between paragraphs of text or a long one (readers' letters trailing
    // off).
    let cut: Vec<bool> = out.iter().map(|p| p.kind == Kind::Teaser).collect();
    let text = |k: usize| !cut[k] && out[k].is_text();
    let mut own = vec![false; out.len()];
    for k in (0..out.len()).filter(|&k| cut[k]) {
        let window = &cut[k.saturating_sub(TEASER_LIST_SPAN)..(k + TEASER_LIST_SPAN + 1).min(cut.len())];
        let in_list = window.iter().filter(|&&c| c).count() > 1;
        let after_text = k > 0 && text(k - 1);
        let before_text = k + 1 < out.len() && text(k + 1);
        own[k] = out[k].words > MAX_TEASER_WORDS || (after_text && (before_text || !in_list));
    }
    for (paragraph, _) in out.iter_mut().zip(&own).filter(|(_, own)| **own) {
        paragraph.kind = if paragraph.prose_words > 0 { Kind::Prose } else { Kind::Sentences };
    }
    // A short prose paragraph right above a credit line is the caption the credit belongs to.
    for k in 1..out.len() {
        if out[k].credit_line && out[k - 1].kind == Kind::Prose && out[k - 1].words <= MAX_CAPTION_WORDS {
            out[k - 1].kind = Kind::Caption;
        }
    }
    out
}

/// Where a paragraph sits relative to the article body.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    BeforeBody,
    Body,
    AfterBody,
    /// Under the heading of a comment section: what readers wrote, however much it reads like prose.
    Comments,
}

/// The article body among the paragraphs.
struct Layout {
    /// First and last paragraph of the body, or `None` when the text has no prose to stand out from.
    body: Option<(usize, usize)>,
    /// The heading of a comment section that ends the body: it and what follows are readers' comments.
    comments: Option<usize>,
}

impl Layout {
    /// Locates the body: the main region (see [`main_region`]), extended back over earlier article text
    /// cut off from it by a gallery or a box of links, and started at its first prose paragraph that
    /// continues into more text (the next paragraph, past any caption and its credit, is prose or
    /// complete sentences). A standfirst, a lead photo's caption or a teaser above the article is
    /// separated from it by a byline, a date or share buttons, so it is left out; an article's lead is
    /// followed by its second paragraph.
    fn of(paragraphs: &[Paragraph]) -> Layout {
        let Some((mut first, last)) = main_region(paragraphs) else {
            return Layout { body: None, comments: None };
        };
        let continues = |k: usize| {
            let Some(skip) = paragraphs[k + 1..].iter().position(|p| !p.interrupts()) else {
                return false;
            };
            // A standfirst may sit right above the lead photo: across a picture, only a paragraph of a
            // lead's length continues.
            let across_picture = paragraphs[k + 1..k + 1 + skip].iter().any(|p| !p.placeholder);
            paragraphs[k + 1 + skip].is_text() && (!across_picture || paragraphs[k].prose_words >= MIN_LEAD_WORDS)
        };
        let mut gap = 0;
        for k in (0..first).rev() {
            let paragraph = &paragraphs[k];
            if paragraph.is_plain_prose() && continues(k) {
                first = k;
                gap = 0;
                continue;
            }
            gap += match paragraph.kind {
                Kind::Sentences => 0,
                Kind::Prose => LINE_COST,
                Kind::Caption | Kind::Teaser | Kind::Other => paragraph.cost(),
            };
            if gap > MAX_BACK_GAP {
                break;
            }
        }
        // What stands above a lead is short; past that much prose, the article's paragraphs are simply
        // apart (a picture between each), and the body starts where the region does.
        let region_start = (first..=last).find(|&k| paragraphs[k].is_plain_prose()).unwrap_or(first);
        let mut start = region_start;
        let mut skipped = 0;
        for k in region_start..=last {
            let paragraph = &paragraphs[k];
            if !paragraph.is_plain_prose() {
                continue;
            }
            if continues(k) {
                start = k;
                // A lead too short to be prose ("Ken Bates has completed his takeover of Leeds United.")
                // opens the article too.
                while start > 0 && paragraphs[start - 1].kind == Kind::Sentences {
                    start -= 1;
                }
                break;
            }
            skipped += paragraph.prose_words;
            if skipped > MAX_PRELUDE_WORDS {
                break;
            }
        }
        match comment_section(paragraphs, start, last) {
            Some((last_prose, heading)) => Layout { body: Some((start, last_prose)), comments: Some(heading) },
            None => Layout { body: Some((start, last)), comments: None },
        }
    }

    fn place(&self, paragraph: usize) -> Place {
        if self.comments.is_some_and(|heading| paragraph >= heading) {
            return Place::Comments;
        }
        match self.body {
            Some((start, _)) if paragraph < start => Place::BeforeBody,
            Some((_, last)) if paragraph > last => Place::AfterBody,
            _ => Place::Body,
        }
    }
}

/// Where a comment section opens in a body that runs from `start` to `last`: the body's last prose
/// paragraph above it, and the paragraph of its heading.
///
/// Readers' comments are prose and follow the article with only short lines between them (a name, a
/// time, "Rating: 17 votes"), so the balance of [`main_region`] may carry the body on into them. A
/// heading such as "Top Rated Comments" on its own line ends the article, once the body above it is
/// longer than anything that stands above a lead: a comment count under the byline ("12 comments")
/// must not cut a lead off from the rest of its article. A heading after the body leaves the body as it
/// is, and what follows the heading is comments all the same.
fn comment_section(paragraphs: &[Paragraph], start: usize, last: usize) -> Option<(usize, usize)> {
    let mut prose_above = 0;
    let mut last_prose = start;
    for (k, paragraph) in paragraphs.iter().enumerate().skip(start) {
        if paragraph.comments_heading && prose_above > MAX_PRELUDE_WORDS {
            return Some((last_prose, k));
        }
        if k <= last && paragraph.is_plain_prose() {
            prose_above += paragraph.plain_prose_words;
            last_prose = k;
        }
    }
    None
}

/// A stretch of paragraphs whose balance of prose over furniture stays above zero.
struct Run {
    first: usize,
    balance: i64,
    /// The prose paragraph where the balance peaks, and the peak.
    peak: Option<(usize, i64)>,
}

/// The first and last paragraph of the main region, or `None` without prose.
///
/// Each prose paragraph adds its prose words to a running balance, each other paragraph costs its words
/// plus [`LINE_COST`], and a run ends where its balance falls to zero. Long runs of article text thus
/// bridge a caption, a subheading or a short box of links, while a lone paragraph beyond a menu stays
/// apart. The region is the first run whose peak reaches half the best run's peak, from its start to
/// its peak: articles come before the comments that answer them, which may be longer.
fn main_region(paragraphs: &[Paragraph]) -> Option<(usize, usize)> {
    let mut runs: Vec<Run> = Vec::new();
    for (k, paragraph) in paragraphs.iter().enumerate() {
        if runs.last().is_none_or(|run| run.balance <= 0) {
            runs.push(Run { first: k, balance: 0, peak: None });
        }
        let run = runs.last_mut()?;
        run.balance += paragraph.gain();
        if paragraph.kind == Kind::Prose && run.peak.is_none_or(|(_, peak)| run.balance > peak) {
            run.peak = Some((k, run.balance));
        }
    }
    let best = runs.iter().filter_map(|run| run.peak).map(|(_, peak)| peak).max()?;
    runs.iter().find_map(|run| run.peak.filter(|&(_, peak)| peak * 2 >= best).map(|(last, _)| (run.first, last)))
}

/// How often a sentence's text (case- and space-insensitive) occurs in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Occurrence {
    Unique,
    /// The first of several.
    First,
    /// A repeat of an earlier sentence.
    Again,
}

/// How often each sentence's text occurs, compared with ASCII letters lower-cased and runs of whitespace
/// as one space (by [`text_key`]).
///
/// Hashing every sentence in full would cost a pass over the whole text, so sentences are first told
/// apart by a [`fingerprint`] of their ends; only the sentences that share one with an earlier sentence,
/// in an article nearly always repeats, are then hashed in full.
fn occurrences(text: &str, sentences: &[Sentence]) -> Vec<Occurrence> {
    let body = |i: usize| sentences[i].text(text).as_bytes();
    let mut first_with_fingerprint: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(sentences.len(), Default::default());
    let mut first_with_key: FxHashMap<u64, usize> = FxHashMap::default();
    // Whether a sentence that is the first with its fingerprint is in `first_with_key` yet.
    let mut keyed = vec![false; sentences.len()];
    // For each sentence, the first with its text; for each of those, how many there are.
    let mut first_of = Vec::with_capacity(sentences.len());
    let mut count = vec![0u32; sentences.len()];
    for i in 0..sentences.len() {
        let first = match first_with_fingerprint.entry(fingerprint(body(i))) {
            Entry::Vacant(entry) => *entry.insert(i),
            Entry::Occupied(entry) => {
                let earlier = *entry.get();
                if !keyed[earlier] {
                    keyed[earlier] = true;
                    first_with_key.insert(text_key(body(earlier)), earlier);
                }
                *first_with_key.entry(text_key(body(i))).or_insert(i)
            }
        };
        count[first] += 1;
        first_of.push(first);
    }
    first_of
        .iter()
        .enumerate()
        .map(|(i, &first)| match (count[first] > 1, first == i) {
            (false, _) => Occurrence::Unique,
            (true, true) => Occurrence::First,
            (true, false) => Occurrence::Again,
        })
        .collect()
}

/// The same for texts that differ only in ASCII case and spacing: a hash of the first and the last
/// eight bytes that are not whitespace, with the bit that tells ASCII capitals set. That lower-cases
/// letters in one operation, and makes a few other bytes alike (`@` and `` ` ``, for one), which only
/// sends a few more sentences to the comparison of their whole text.
fn fingerprint(sentence: &[u8]) -> u64 {
    let visible = |b: &&u8| !b.is_ascii_whitespace();
    let pack = |word: u64, &b: &u8| word << 8 | u64::from(b | 0x20);
    let head = sentence.iter().filter(visible).take(8).fold(0, pack);
    let tail = sentence.iter().rev().filter(visible).take(8).fold(0, pack);
    let mut hasher = FxHasher::default();
    hasher.write_u64(head);
    hasher.write_u64(tail);
    hasher.finish()
}

/// A hash of the sentence's text with ASCII letters lower-cased and runs of whitespace as one space:
/// equal for texts that differ only in case and spacing.
fn text_key(sentence: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    let mut space = false;
    for &b in sentence {
        if b.is_ascii_whitespace() {
            space = true;
            continue;
        }
        if space {
            hasher.write_u8(b' ');
            space = false;
        }
        hasher.write_u8(b.to_ascii_lowercase());
    }
    hasher.finish()
}

/// The first sentence is a headline when it is a whole line that does not end in `.`, `!`, `?` or `:`
/// after closing quotes and brackets (short lines ending in `?` or `!` are headlines too), and more
/// text follows.
fn detect_headline(text: &str, sentences: &[Sentence], traits: &[Traits]) -> Option<usize> {
    let first = sentences.first()?;
    if sentences.len() < 2 || !first.starts_line || !first.ends_line {
        return None;
    }
    let body = first.text(text).trim_end_matches(is_closing);
    let last = body.chars().next_back()?;
    let is_headline = match last {
        '.' | ':' | '\u{2026}' => false,
        '?' | '!' => traits.first().is_some_and(|t| t.words <= MAX_TITLE_WORDS),
        _ => true,
    };
    is_headline.then_some(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::segment::SentenceSplitter;

    fn report(text: &str) -> (Vec<String>, NoiseReport) {
        let sentences = SentenceSplitter::new(Language::English).split(text);
        let document = Analyzer::new(Language::English).analyze(text, &sentences);
        let report = NoiseDetector::new(Language::English).detect(text, &sentences, &document);
        (sentences.iter().map(|s| s.text(text).to_string()).collect(), report)
    }

    /// The sentences that may be chosen at the default threshold.
    fn candidates(text: &str) -> Vec<String> {
        let (texts, r) = report(text);
        texts.into_iter().enumerate().filter(|&(i, _)| !r.hard[i] && r.likelihood[i] < 0.5).map(|(_, t)| t).collect()
    }

    const LEAD: &str = "Tokyo — Japan and the US will issue a joint statement on chip research on Friday, a \
                        government source said.";
    const SECOND: &str = "The ministers will meet in Detroit on the sidelines of a trade meeting, a newspaper \
                          reported earlier this week.";
    const THIRD: &str = "They want to deepen ties between research hubs in both countries, the official told \
                         reporters on Thursday.";

    #[test]
    fn every_language_builds_its_cue_automata() {
        for language in Language::ALL {
            let _ = NoiseDetector::new(language);
        }
    }

    #[test]
    fn the_english_cue_file_has_every_list() {
        let detector = NoiseDetector::new(Language::English);
        let mask = |text: &str| {
            let sentences = SentenceSplitter::new(Language::English).split(text);
            assert_eq!(sentences.len(), 1, "{text}");
            detector.cues.masks(text, &sentences)[0]
        };
        let has = |text: &str, list: CueList| mask(text) & list as u8 != 0;
        assert!(has("Sign up for our newsletter", CueList::Prompt), "a call that opens a sentence is a prompt");
        assert!(!has("Customers who sign up in December get free calls.", CueList::Prompt));
        assert!(has("Customers who sign up in December get free calls.", CueList::Mention));
        assert!(has("Facebook", CueList::Mention) && !has("Facebook", CueList::Prompt));
        assert!(has("Photo: Hau Dinh, AP", CueList::Credit) && has("Photo: Hau Dinh, AP", CueList::Prompt));
        assert!(has("In this photo, the ship leaves port.", CueList::Caption));
        assert!(has("Advertisement", CueList::Interruption));
        assert!(has("[ 167 comments ]", CueList::Comments) && has("Top Rated Comments", CueList::Comments));
        assert_eq!(mask("Shareholders and photographers met."), 0, "cues match whole words only");
        assert!(detector.cues.bylines.contains(&"by"));
    }

    #[test]
    fn headline_is_a_first_line_without_final_punctuation() {
        let (_, r) = report("Rates rise again\n\nThe bank raised rates on Tuesday, the third rise this year.");
        assert_eq!(r.headline, Some(0));
        let (_, r) = report("The bank raised rates.\n\nIt was the third rise this year.");
        assert_eq!(r.headline, None);
    }

    #[test]
    fn repeated_lines_and_prompts_are_hard_noise() {
        let (texts, r) = report(
            "Subscribe now\n\nThe bank raised rates on Tuesday, the third rise this year, to curb inflation.\n\n\
             Subscribe now",
        );
        assert_eq!(texts.len(), 3);
        assert!(r.hard[0] && r.hard[2] && !r.hard[1]);
    }

    #[test]
    fn cue_words_in_long_article_sentences_are_not_fatal() {
        let (_, r) =
            report("The minister told Reuters on Friday that the new export rules would take effect next month.");
        assert!(!r.hard[0] && r.likelihood[0] < 0.5, "{r:?}");
        let text =
            format!("Facebook changed its privacy policy on Monday, a move that regulators had demanded.\n\n{SECOND}");
        assert_eq!(candidates(&text).len(), 2, "{text}");
    }

    #[test]
    fn standfirst_and_lead_caption_above_the_byline_are_left_out() {
        let text = format!(
            "Home\nWorld\nBusiness\n\nJapan and US to deepen chip ties\n\n\
             The two allies want closer co-operation in research on advanced semiconductors.\n\n\
             Officials wave flags at a ceremony in Tokyo on Thursday, November 18, 2023.\n\nPhoto: Kim Kyung-Hoon, Reuters\n\n\
             By Tim Kelly and David Dolan\n\nNovember 19, 2023\n\nShare\n\n{LEAD}\n\n{SECOND}\n\n{THIRD}"
        );
        assert_eq!(candidates(&text), [LEAD, SECOND, THIRD]);
    }

    #[test]
    fn a_caption_between_paragraphs_is_left_out_but_a_wire_credit_does_not_make_one() {
        let caption = "Traders work on the floor of the New York Stock Exchange in New York, U.S., on Monday.";
        let text = format!("{LEAD}\n\n{caption}\n\nREUTERS/Brendan McDermid\n\n{SECOND}\n\n{THIRD}\n\nReuters");
        assert_eq!(candidates(&text), [LEAD, SECOND, THIRD]);
    }

    #[test]
    fn a_caption_above_a_courtesy_credit_is_left_out() {
        let caption = "In a micrograph of lung tissue, newly emerging cells are stained green at left. The cells \
                       do not normally appear in these airways, but they seem to emerge after the infection.";
        let text = format!("{LEAD}\n\n{SECOND}\n\n{caption}\n\nCourtesy of Andrew Vaughan\n\n{THIRD}");
        assert_eq!(candidates(&text), [LEAD, SECOND, THIRD]);
        // Without a name after it, a line with a credit word is no credit ("Photos of the week").
        let text = format!("{LEAD}\n\n{SECOND}\n\n{caption}\n\nPhotos of the week\n\n{THIRD}");
        assert_eq!(candidates(&text).len(), 5, "{:?}", candidates(&text));
    }

    #[test]
    fn a_subheading_with_a_credit_word_does_not_make_a_caption() {
        let text = format!("{LEAD}\n\n{SECOND}\n\nThe big picture\n\n{THIRD}");
        assert_eq!(candidates(&text), [LEAD, SECOND, THIRD]);
    }

    #[test]
    fn a_title_case_headline_with_a_full_stop_is_not_the_lead() {
        let title = "Home Depot Stock Is Falling After Its Earnings Release.";
        let text = format!("Markets\n\n{title}\n\n{LEAD}\n\n{SECOND}\n\n{THIRD}");
        assert_eq!(candidates(&text), [LEAD, SECOND, THIRD]);
        for names in [
            "Kisna - the Warrior Poet opens in the UK on 21 January.",
            "The Secretary of State for Culture, Media and Sport, Tessa Jowell, has hit out at critics of the Bill.",
        ] {
            let text = format!("In brief\n\n{names}\n\n{SECOND}\n\n{THIRD}");
            assert_eq!(candidates(&text), [names, SECOND, THIRD]);
        }
    }

    #[test]
    fn an_advertisement_after_the_lead_does_not_cut_it_off_but_share_buttons_do() {
        let text = format!("Chip ties\n\n{LEAD}\n\nAdvertisement\n\n{SECOND}\n\n{THIRD}");
        assert_eq!(candidates(&text), [LEAD, SECOND, THIRD]);
        let standfirst = "The two allies want closer co-operation in research on advanced semiconductors.";
        let text = format!("Chip ties\n\n{standfirst}\n\nShare\n\n{LEAD}\n\n{SECOND}\n\n{THIRD}");
        assert_eq!(candidates(&text), [LEAD, SECOND, THIRD]);
    }

    #[test]
    fn a_standfirst_right_above_the_lead_photo_is_left_out_but_a_long_lead_above_one_is_kept() {
        let standfirst = "The two allies want closer co-operation in research on advanced semiconductors.";
        let caption = "Officials wave flags at a ceremony in Tokyo on Thursday, November 18, 2023.";
        let credit = "Photo: Kim Kyung-Hoon, Reuters";
        let text = format!("Chip ties\n\n{standfirst}\n\n{caption}\n\n{credit}\n\n{LEAD}\n\n{SECOND}\n\n{THIRD}");
        assert_eq!(candidates(&text), [LEAD, SECOND, THIRD]);
        let long_lead = "NEW YORK (Reuters) - Oil prices fell sharply on Tuesday on oversupply concerns, while a \
                         gauge of stocks across the globe held near record highs as investors awaited news on \
                         trade talks.";
        let text = format!("Markets\n\n{long_lead}\n\n{caption}\n\n{credit}\n\n{SECOND}\n\n{THIRD}");
        assert_eq!(candidates(&text), [long_lead, SECOND, THIRD]);
    }

    #[test]
    fn a_long_cookie_notice_does_not_outweigh_a_short_article() {
        let notice = "We use cookies and other tracking technologies to improve your browsing experience on our \
                      site, show personalized content and targeted ads, analyze site traffic, and understand \
                      where our audience is coming from.\n\nBy choosing I Accept, you consent to our use of \
                      cookies and other tracking technologies, which are described in our cookie policy and in the \
                      terms that apply to this site.";
        let text = format!("{notice}\n\nI Accept\n\nHome\n\nNews\n\nChip ties\n\n{LEAD}\n\n{SECOND}");
        assert_eq!(candidates(&text), [LEAD, SECOND]);
    }

    #[test]
    fn bylines_need_a_name() {
        let (_, r) = report(&format!("By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.\n\n{LEAD}"));
        assert!(r.hard[0]);
        let (_, r) = report("By Monday, the firm had cut 300 jobs in its plants across the state.");
        assert!(!r.hard[0] && r.likelihood[0] < 0.5, "{r:?}");
    }

    #[test]
    fn teasers_in_a_list_are_left_out_but_an_ellipsis_in_running_text_is_kept() {
        let teasers = "Deal Alert: Save $50 on headphones\n\n\
                       The wireless headphones with adjustable ear hooks are on sale for $199.95, down from...\n\n\
                       New laptops now available\n\n\
                       In September, the company announced seven new laptops, and today the range has become avail...";
        let text = format!("{LEAD}\n\n{SECOND}\n\n{THIRD}\n\n{teasers}");
        assert_eq!(candidates(&text), [LEAD, SECOND, THIRD]);
        let trailing = "Google confirmed this in a statement to reporters on the eve of the launch…";
        let text = format!("{LEAD}\n\n{trailing}\n\n{SECOND}");
        assert_eq!(candidates(&text), [LEAD, trailing, SECOND]);
        let letters = [
            "I play online every day and I find myself lying to friends and rescheduling everything around my \
             gaming fix. The longest I played was a whole day and a night without a break. I know I play for too \
             long, but it is an obsession that I cannot control. Can you recommend a counsellor, as I am \
             increasingly concerned...",
            "Me and my mate play online for an hour or two a day, and we are both aware of how much time can \
             disappear by sitting in front of a screen trying to beat some stranger. It is about getting the \
             balance right between getting home, relieving the stress of a day with an hour of gaming, and \
             enjoying real life...",
        ];
        let text = format!("{LEAD}\n\n{}\n\n{}\n\n{SECOND}", letters[0], letters[1]);
        assert_eq!(candidates(&text), report(&text).0, "long letters trailing off are text");
    }

    #[test]
    fn an_article_beats_its_longer_comment_thread() {
        let comment = "I think we will see similar updates to what the larger model received, and the price will \
                       surely go up again next year, as it always does with this company and its loyal buyers.";
        let mut text = format!("{LEAD}\n\n{SECOND}\n\n{THIRD}\n\n[ 167 comments ]\n\nTop Rated Comments");
        for user in ["Woyzeck", "fmcshan", "tjedora", "ascender", "falkon", "Zdigital"] {
            text.push_str(&format!("\n\n{user}\n\n2 days ago at 07:52 am\n\n{comment} {comment}\n\nRating: 36 Votes"));
        }
        let (texts, r) = report(&text);
        let first_comment = texts.iter().position(|t| t.starts_with("I think")).unwrap();
        assert!(r.likelihood[first_comment] > r.likelihood[0], "{r:?}");
        assert_eq!(&candidates(&text)[..3], [LEAD, SECOND, THIRD]);
    }

    /// An article of more words than stand above a lead: LEAD, SECOND, THIRD and four longer paragraphs.
    fn long_article() -> (String, Vec<&'static str>) {
        let more = [
            "Officials on both sides expect the statement to name three fields, among them memory chips and \
             the materials used to make them, and to set up a fund for joint projects.",
            "The fund would pay for researchers to work in each other's laboratories for up to two years, a \
             scheme that universities in both countries have asked for since the spring.",
            "Industry groups welcomed the plan but said the money on offer was small next to what companies \
             already spend on research, and that the details would matter more than the statement.",
            "The ministers are also expected to discuss export rules, which have tightened this year, and the \
             supply of rare metals that both economies import from abroad.",
        ];
        let sentences: Vec<&str> = [LEAD, SECOND, THIRD].into_iter().chain(more).collect();
        (sentences.join("\n\n"), sentences)
    }

    #[test]
    fn a_comment_section_heading_ends_the_article_above_it() {
        let (article, sentences) = long_article();
        let thread = "fmcshan\n\n2 days ago at 07:50 am\n\nIt would be nice if they also agreed on a common standard \
                      for the chips, just like they did with the batteries last year.\n\nRating: 17 Votes";
        let with_heading = format!("{article}\n\nTop Rated Comments\n\n{thread}");
        assert_eq!(candidates(&with_heading), sentences);
        // Without the heading, the comment is prose that carries the body on: the heading is what ends it.
        let without = format!("{article}\n\n{thread}");
        assert!(candidates(&without).iter().any(|c| c.starts_with("It would be nice")), "{:?}", candidates(&without));
    }

    #[test]
    fn a_comment_count_under_the_lead_does_not_cut_the_article_off() {
        let (_, sentences) = long_article();
        let text = format!("{}\n\n12 comments\n\n{}", sentences[..3].join("\n\n"), sentences[3..].join("\n\n"));
        assert_eq!(candidates(&text), sentences);
    }

    #[test]
    fn a_short_lead_above_the_first_long_paragraph_is_kept() {
        let lead = "Ken Bates has completed his takeover of Leeds United.";
        let text = format!("Bates seals takeover\n\n{lead}\n\n{SECOND}\n\n{THIRD}");
        assert_eq!(candidates(&text), [lead, SECOND, THIRD]);
    }

    #[test]
    fn an_article_sentence_quoted_again_keeps_its_first_use() {
        let text = format!("{LEAD}\n\n{SECOND}\n\n{THIRD}\n\nShare this article\n\n{LEAD}");
        let (_, r) = report(&text);
        assert!(!r.hard[0] && r.likelihood[0] < 0.5, "{r:?}");
        assert!(r.hard[4]);
    }

    #[test]
    fn text_without_prose_has_no_body_to_leave_out() {
        let text = "Palm Bay d. Rockledge 70-44\n\nPalm Bay (1-0): Tolivert 25 points.\n\nDavis 17 points.";
        let (_, r) = report(text);
        assert!(r.likelihood[1] < 0.5, "{r:?}");
    }

    #[test]
    fn repeats_differ_only_in_case_and_spacing() {
        let text = "Subscribe now to the daily newsletter today.\n\n\
                    SUBSCRIBE  now to the daily\tnewsletter today.\n\n\
                    Subscribe now to the weekly newsletter today.\n\n\
                    Subscribe now to the weekly newsletter today.\n\n\
                    Subscribe now to the monthly newsletter today.";
        let sentences = SentenceSplitter::new(Language::English).split(text);
        assert_eq!(sentences.len(), 5);
        // All five share their first and last eight letters, so telling them apart takes their whole text.
        assert_eq!(
            occurrences(text, &sentences),
            [Occurrence::First, Occurrence::Again, Occurrence::First, Occurrence::Again, Occurrence::Unique]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn any_page_of_lines_gets_a_likelihood_per_sentence(
            lines in proptest::collection::vec(
                proptest::string::string_regex("(By |Photo: |\\(|Subscribe|[A-Z][a-z]{0,8}| |[a-z]{1,9}|[.,:;!?…)©/\"'’—-]|\\.\\.\\.|é|日本){0,24}").unwrap(),
                0..40,
            ),
            blank in proptest::collection::vec(proptest::bool::ANY, 40),
        ) {
            let mut text = String::new();
            for (line, blank) in lines.iter().zip(&blank) {
                text.push_str(line);
                text.push_str(if *blank { "\n\n" } else { "\n" });
            }
            let (texts, r) = report(&text);
            proptest::prop_assert_eq!(r.likelihood.len(), texts.len());
            proptest::prop_assert_eq!(r.hard.len(), texts.len());
            proptest::prop_assert!(r.likelihood.iter().all(|p| (0.0..=1.0).contains(p)));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]
        /// The streaming comparison says what building both comparable forms would: texts made of a few
        /// words, whitespace of every ASCII kind, the final marks, and some non-ASCII.
        #[test]
        fn comparing_as_read_is_comparing_the_comparable_forms(
            title in proptest::string::string_regex("(Rates|rise|RATES|a|k|[.!?:]| |\\t|\u{b}|\n|é|İ|Σ|σ|ς|\u{212a}|\u{a0}){0,8}").unwrap(),
            text in proptest::string::string_regex("(Rates|rise|RATES|a|k|[.!?:]| |\\t|\u{b}|\n|\r|é|İ|Σ|σ|ς|\u{212a}|\u{a0}|\u{2009}|\u{301}){0,10}").unwrap(),
        ) {
            let title = comparable(&title);
            proptest::prop_assert_eq!(is_comparable_to(&text, &title), comparable(&text) == title);
            // The text's own form always matches, whatever its case and spacing.
            let own = comparable(&text);
            proptest::prop_assert!(is_comparable_to(&text, &own));
        }
    }

    #[test]
    fn a_sentence_that_repeats_the_title_matches_it() {
        let title = comparable("Rates rise  again");
        assert!(is_comparable_to("RATES rise\n again.", &title));
        assert!(is_comparable_to("Rates rise again?!", &title));
        assert!(!is_comparable_to("Rates rise again, the bank said.", &title));
        assert!(!is_comparable_to("Rates rise", &title));
        assert!(!is_comparable_to("Rates rise again .", &title));
    }

    #[test]
    fn empty_and_odd_inputs_do_not_panic() {
        for text in ["", "...", "\n\n\n", "…", "(", "By", "By A", "a\n\nb\n\nc", "1.\n\n2.\n\n3."] {
            let (texts, r) = report(text);
            assert_eq!(r.likelihood.len(), texts.len());
            assert_eq!(r.hard.len(), texts.len());
            assert!(r.likelihood.iter().all(|p| (0.0..=1.0).contains(p)));
        }
    }
}
