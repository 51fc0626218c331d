//! Snowball's English stemmer (Porter2), for ASCII words, exactly as `rust-stemmers` 1.2 stems them.
//!
//! A batch meets most of its word forms for the first time, and `rust-stemmers` spent about 3,700
//! instructions on each (17% of a whole `--jsonl` run over the dev articles): its generated code walks
//! the word by `char` through a general Snowball machine and looks suffixes up by binary search over
//! tables of strings. On ASCII, where one byte is one character, the same rules are a few suffix tests
//! on a byte buffer. Every step below mirrors the generated code of `rust-stemmers`' `english.rs`
//! (the older Snowball English: only `arsen`, `commun` and `gener` as region prefixes), including its
//! edge cases, and the tests compare the two on Snowball's English vocabulary and on random ASCII;
//! anything that is not ASCII goes to `rust-stemmers` itself.

/// Whole words with a stem of their own (`exception1`); the rest of the rules do not apply to them.
const EXCEPTIONS: [(&[u8], &[u8]); 18] = [
    (b"andes", b"andes"),
    (b"atlas", b"atlas"),
    (b"bias", b"bias"),
    (b"cosmos", b"cosmos"),
    (b"dying", b"die"),
    (b"early", b"earli"),
    (b"gently", b"gentl"),
    (b"howe", b"howe"),
    (b"idly", b"idl"),
    (b"lying", b"lie"),
    (b"news", b"news"),
    (b"only", b"onli"),
    (b"singly", b"singl"),
    (b"skies", b"sky"),
    (b"skis", b"ski"),
    (b"sky", b"sky"),
    (b"tying", b"tie"),
    (b"ugly", b"ugli"),
];

/// Words left as they are after step 1a (`exception2`).
const INVARIANT_AFTER_1A: [&[u8]; 8] =
    [b"succeed", b"proceed", b"exceed", b"canning", b"inning", b"earring", b"herring", b"outing"];

/// Step 2's suffixes and replacements, longest first: the rule applies to the longest suffix the word
/// has (two of one length never both match). `ogi` and `li` have conditions of their own.
const STEP_2: [(&[u8], &[u8]); 24] = [
    (b"ational", b"ate"),
    (b"ization", b"ize"),
    (b"iveness", b"ive"),
    (b"fulness", b"ful"),
    (b"ousness", b"ous"),
    (b"tional", b"tion"),
    (b"biliti", b"ble"),
    (b"lessli", b"less"),
    (b"fulli", b"ful"),
    (b"ousli", b"ous"),
    (b"entli", b"ent"),
    (b"aliti", b"al"),
    (b"iviti", b"ive"),
    (b"alism", b"al"),
    (b"ation", b"ate"),
    (b"anci", b"ance"),
    (b"enci", b"ence"),
    (b"abli", b"able"),
    (b"alli", b"al"),
    (b"izer", b"ize"),
    (b"ator", b"ate"),
    (b"ogi", b"og"),
    (b"bli", b"ble"),
    (b"li", b""),
];

/// Step 3's suffixes and replacements, longest first; `ative` needs R2 as well.
const STEP_3: [(&[u8], &[u8]); 9] = [
    (b"ational", b"ate"),
    (b"tional", b"tion"),
    (b"icate", b"ic"),
    (b"ative", b""),
    (b"alize", b"al"),
    (b"iciti", b"ic"),
    (b"ical", b"ic"),
    (b"ness", b""),
    (b"ful", b""),
];

/// Step 4's suffixes, longest first, deleted in R2 (`ion` only after `s` or `t`).
const STEP_4: [&[u8]; 18] = [
    b"ement", b"ance", b"ence", b"able", b"ible", b"ment", b"ate", b"ive", b"ize", b"iti", b"ism", b"ion", b"ous",
    b"ant", b"ent", b"ic", b"al", b"er",
];

/// Snowball's `v`: the vowels, `y` included (a `y` the prelude made consonantal is `Y`, not in it).
fn vowel(byte: u8) -> bool {
    matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Snowball's `v_WXY`.
fn vowel_wxy(byte: u8) -> bool {
    vowel(byte) || matches!(byte, b'w' | b'x' | b'Y')
}

/// Snowball's `valid_LI`: what may stand before a deleted `li`.
fn valid_li(byte: u8) -> bool {
    matches!(byte, b'c' | b'd' | b'e' | b'g' | b'h' | b'k' | b'm' | b'n' | b'r' | b't')
}

/// Whether the word ends, at `end`, in a short syllable (`shortv`).
fn short_syllable(word: &[u8], end: usize) -> bool {
    (end >= 3 && !vowel_wxy(word[end - 1]) && vowel(word[end - 2]) && !vowel(word[end - 3]))
        || (end == 2 && !vowel(word[1]) && vowel(word[0]))
}

/// The end of the first non-vowel after a vowel, from `from` on: the start of R1 (or R2) after `from`.
fn region_after(word: &[u8], from: usize) -> Option<usize> {
    let vowel_at = from + word.get(from..)?.iter().position(|&b| vowel(b))?;
    let consonant_at = vowel_at + 1 + word[vowel_at + 1..].iter().position(|&b| !vowel(b))?;
    Some(consonant_at + 1)
}

/// Replaces the last `suffix_len` bytes with `by`.
fn replace_end(word: &mut Vec<u8>, suffix_len: usize, by: &[u8]) {
    word.truncate(word.len() - suffix_len);
    word.extend_from_slice(by);
}

/// The English stem of the ASCII `word` into `out` (cleared first); `false`, with `out` untouched, if
/// `word` is not ASCII.
pub(super) fn stem_ascii(word: &str, out: &mut Vec<u8>) -> bool {
    if !word.is_ascii() {
        return false;
    }
    let word = word.as_bytes();
    out.clear();
    if let Some((_, stem)) = EXCEPTIONS.iter().find(|(form, _)| *form == word) {
        out.extend_from_slice(stem);
        return true;
    }
    out.extend_from_slice(word);
    if word.len() < 3 {
        return true;
    }
    let w = out;

    // Prelude: an initial apostrophe goes; `y` at the start or after a vowel is a consonant, `Y`.
    if w[0] == b'\'' {
        w.remove(0);
    }
    let mut y_found = false;
    if w[0] == b'y' {
        w[0] = b'Y';
        y_found = true;
    }
    for i in 1..w.len() {
        if w[i] == b'y' && vowel(w[i - 1]) {
            w[i] = b'Y';
            y_found = true;
        }
    }

    // R1 and R2.
    let mut p1 = w.len();
    let mut p2 = w.len();
    let r1 = if w.starts_with(b"gener") || w.starts_with(b"arsen") {
        Some(5)
    } else if w.starts_with(b"commun") {
        Some(6)
    } else {
        region_after(w, 0)
    };
    if let Some(r1) = r1 {
        p1 = r1;
        if let Some(r2) = region_after(w, r1) {
            p2 = r2;
        }
    }

    step_1a(w);
    if !INVARIANT_AFTER_1A.contains(&w.as_slice()) {
        step_1b(w, p1);
        step_1c(w);
        step_2(w, p1);
        step_3(w, p1, p2);
        step_4(w, p2);
        step_5(w, p1, p2);
    }

    if y_found {
        for byte in w.iter_mut() {
            if *byte == b'Y' {
                *byte = b'y';
            }
        }
    }
    true
}

fn step_1a(w: &mut Vec<u8>) {
    if w.ends_with(b"'s'") {
        w.truncate(w.len() - 3);
    } else if w.ends_with(b"'s") {
        w.truncate(w.len() - 2);
    } else if w.ends_with(b"'") {
        w.truncate(w.len() - 1);
    }
    let n = w.len();
    if w.ends_with(b"sses") {
        replace_end(w, 4, b"ss");
    } else if w.ends_with(b"ied") || w.ends_with(b"ies") {
        let by: &[u8] = if n - 3 >= 2 { b"i" } else { b"ie" };
        replace_end(w, 3, by);
    } else if w.ends_with(b"ss") || w.ends_with(b"us") {
    } else if w.ends_with(b"s") {
        // Deleted if a vowel comes before the letter before the `s`.
        let before = n - 1;
        if before > 0 && w[..before - 1].iter().any(|&b| vowel(b)) {
            w.truncate(before);
        }
    }
}

fn step_1b(w: &mut Vec<u8>, p1: usize) {
    let (suffix_len, eed) = if w.ends_with(b"eedly") {
        (5, true)
    } else if w.ends_with(b"ingly") {
        (5, false)
    } else if w.ends_with(b"edly") {
        (4, false)
    } else if w.ends_with(b"eed") {
        (3, true)
    } else if w.ends_with(b"ing") {
        (3, false)
    } else if w.ends_with(b"ed") {
        (2, false)
    } else {
        return;
    };
    let start = w.len() - suffix_len;
    if eed {
        if start >= p1 {
            replace_end(w, suffix_len, b"ee");
        }
        return;
    }
    if !w[..start].iter().any(|&b| vowel(b)) {
        return;
    }
    w.truncate(start);
    if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
        w.push(b'e');
    } else if let [.., a, b] = w.as_slice()
        && a == b
        && matches!(a, b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't')
    {
        w.pop();
    } else if w.len() == p1 && short_syllable(w, w.len()) {
        w.push(b'e');
    }
}

fn step_1c(w: &mut [u8]) {
    let n = w.len();
    if n >= 3 && matches!(w[n - 1], b'y' | b'Y') && !vowel(w[n - 2]) {
        w[n - 1] = b'i';
    }
}

fn step_2(w: &mut Vec<u8>, p1: usize) {
    let Some(&(suffix, by)) = STEP_2.iter().find(|(suffix, _)| w.ends_with(suffix)) else {
        return;
    };
    let start = w.len() - suffix.len();
    if start < p1 {
        return;
    }
    let applies = match suffix {
        b"ogi" => start >= 1 && w[start - 1] == b'l',
        b"li" => start >= 1 && valid_li(w[start - 1]),
        _ => true,
    };
    if applies {
        replace_end(w, suffix.len(), by);
    }
}

fn step_3(w: &mut Vec<u8>, p1: usize, p2: usize) {
    let Some(&(suffix, by)) = STEP_3.iter().find(|(suffix, _)| w.ends_with(suffix)) else {
        return;
    };
    let start = w.len() - suffix.len();
    if start >= p1 && (suffix != b"ative" || start >= p2) {
        replace_end(w, suffix.len(), by);
    }
}

fn step_4(w: &mut Vec<u8>, p2: usize) {
    let Some(&suffix) = STEP_4.iter().find(|suffix| w.ends_with(suffix)) else {
        return;
    };
    let start = w.len() - suffix.len();
    if start >= p2 && (suffix != b"ion" || (start >= 1 && matches!(w[start - 1], b's' | b't'))) {
        w.truncate(start);
    }
}

fn step_5(w: &mut Vec<u8>, p1: usize, p2: usize) {
    let Some(&last) = w.last() else {
        return;
    };
    let start = w.len() - 1;
    let delete = match last {
        b'e' => start >= p2 || (start >= p1 && !short_syllable(w, start)),
        b'l' => start >= p2 && start >= 1 && w[start - 1] == b'l',
        _ => false,
    };
    if delete {
        w.truncate(start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_stemmers::{Algorithm, Stemmer};

    fn fast(word: &str) -> Option<String> {
        let mut out = Vec::new();
        stem_ascii(word, &mut out).then(|| String::from_utf8(out).unwrap_or_default())
    }

    #[test]
    fn stems_real_words_as_rust_stemmers_does() {
        let reference = Stemmer::create(Algorithm::English);
        // The words of the Porter fixture (chosen to reach every rule path of Porter's stemmer, which
        // Porter2 shares most suffixes with), the bundled sample article, and the exceptions.
        let fixture = include_str!("../../tests/fixtures/porter_nltk.tsv");
        let sample = include_str!("../../data/samples/japan-us-chips.txt");
        let words = fixture
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split('\t').next())
            .chain(sample.split(|c: char| !c.is_ascii_alphanumeric() && c != '\''))
            .filter(|word| word.is_ascii())
            .map(str::to_ascii_lowercase)
            .chain(EXCEPTIONS.iter().map(|(w, _)| String::from_utf8_lossy(w).into_owned()));
        let mut checked = 0;
        for word in words {
            assert_eq!(fast(&word).as_deref(), Some(reference.stem(&word).as_ref()), "{word:?}");
            checked += 1;
        }
        assert!(checked > 2000, "{checked}");
    }

    #[test]
    fn leaves_non_ascii_to_rust_stemmers() {
        assert_eq!(fast("café"), None);
        assert_eq!(fast("running").as_deref(), Some("run"));
        assert_eq!(fast("").as_deref(), Some(""));
    }

    /// Letters weighted towards the ones the rules test, and the other bytes that words can hold.
    fn word_byte() -> impl Strategy<Value = char> {
        prop_oneof![
            6 => prop::sample::select(vec!['a', 'e', 'i', 'o', 'u', 'y', 'Y']),
            6 => prop::sample::select(vec!['s', 'l', 't', 'n', 'g', 'd', 'c', 'r', 'b', 'z', 'w', 'x', 'f', 'm', 'p', 'h', 'k', 'v']),
            1 => prop::sample::select(vec!['\'', '.', ':', '_', '0', '7', ',', 'q', 'j']),
        ]
    }

    /// Words built from the suffixes and prefixes the rules look for, so that every branch is met.
    fn affixed_word() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "ational", "tional", "ization", "iveness", "fulness", "ousness", "biliti", "lessli", "fulli", "ousli",
            "entli", "aliti", "iviti", "alism", "ation", "anci", "enci", "abli", "alli", "izer", "ator", "ogi", "bli",
            "li", "icate", "ative", "alize", "iciti", "ical", "ness", "ful", "ement", "ance", "ence", "able", "ible",
            "ment", "ate", "ive", "ize", "iti", "ism", "ion", "ous", "ant", "ent", "ic", "al", "er", "eedly", "ingly",
            "edly", "eed", "ing", "ed", "sses", "ied", "ies", "ss", "us", "s", "'s'", "'s", "'", "y", "e", "l", "ll",
            "gener", "arsen", "commun", "bb", "tt", "at", "bl", "iz", "hop", "sk", "c", "sion", "tion", "log",
        ]);
        prop::collection::vec(
            prop_oneof![2 => pieces.prop_map(str::to_string), 1 => word_byte().prop_map(String::from)],
            0..6,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn random_ascii_stems_as_rust_stemmers_does(chars in prop::collection::vec(word_byte(), 0..14)) {
            let word: String = chars.into_iter().collect();
            let reference = Stemmer::create(Algorithm::English);
            prop_assert_eq!(fast(&word), Some(reference.stem(&word).into_owned()));
        }

        #[test]
        fn affixed_words_stem_as_rust_stemmers_does(word in affixed_word()) {
            let reference = Stemmer::create(Algorithm::English);
            prop_assert_eq!(fast(&word), Some(reference.stem(&word).into_owned()));
        }
    }
}
