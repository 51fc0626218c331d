//! Accuracy and speed of whatlang and lingua on the evaluation sets: long texts (the dev articles),
//! headlines, and the pySBD sentences as short texts. Prints one Markdown table.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use lingua::{LanguageDetector, LanguageDetectorBuilder};

/// What nutgraf feeds the detector: at most this many bytes from the start of the text.
/// (`PREFIX_BYTES` in the environment overrides it.)
const PREFIX_BYTES: usize = 2048;

fn prefix_bytes() -> usize {
    std::env::var("PREFIX_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(PREFIX_BYTES)
}

struct Sample {
    set: String,
    expected: String,
    text: String,
}

fn prefix(text: &str) -> &str {
    if text.len() <= prefix_bytes() {
        return text;
    }
    let mut end = prefix_bytes();
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// ISO 639-3 (as whatlang names languages) to ISO 639-1, for the languages the sets use.
fn whatlang_iso1(lang: whatlang::Lang) -> String {
    let code = lang.code();
    let known = [
        ("eng", "en"), ("fra", "fr"), ("deu", "de"), ("por", "pt"), ("tur", "tr"), ("ara", "ar"), ("dan", "da"),
        ("ell", "el"), ("spa", "es"), ("ita", "it"), ("nld", "nl"), ("rus", "ru"), ("fin", "fi"), ("hun", "hu"),
        ("nob", "no"), ("ron", "ro"), ("swe", "sv"), ("tam", "ta"), ("amh", "am"), ("bul", "bg"), ("pes", "fa"),
        ("hin", "hi"), ("hye", "hy"), ("jpn", "ja"), ("mar", "mr"), ("mya", "my"), ("pol", "pl"), ("slk", "sk"),
        ("urd", "ur"), ("cmn", "zh"), ("ukr", "uk"), ("ces", "cs"), ("cat", "ca"), ("lat", "la"),
    ];
    known.iter().find(|(three, _)| *three == code).map_or_else(|| code.to_string(), |(_, one)| one.to_string())
}

fn lingua_iso1(detector: &LanguageDetector, text: &str) -> String {
    detector.detect_language_of(text).map_or_else(|| "none".to_string(), |l| l.iso_code_639_1().to_string())
}

fn read(path: &Path) -> Vec<serde_json::Value> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect()
}

fn main() {
    let shared = std::env::args().nth(1).unwrap_or_else(|| "../../../shared/eval".into());
    let shared = Path::new(&shared);
    let mut samples = Vec::new();
    let articles = [
        ("orangesum_fr", "fr"), ("klexikon_de", "de"), ("temario_pt", "pt"), ("tes_tr", "tr"),
        ("cnndm_frank", "en"), ("bbc_news_summary", "en"), ("scraped", "en"),
    ];
    for (set, iso) in articles {
        for record in read(&shared.join(set).join("dev.jsonl")) {
            let expected = record["iso"].as_str().unwrap_or(iso).to_string();
            if let Some(text) = record["text"].as_str() {
                samples.push(Sample { set: format!("{set} text"), expected: expected.clone(), text: text.into() });
            }
            for field in ["title", "headline"] {
                if let Some(title) = record[field].as_str().filter(|t| !t.trim().is_empty()) {
                    let set = format!("{set} {field}");
                    samples.push(Sample { set, expected: expected.clone(), text: title.into() });
                }
            }
        }
    }
    let mut sbd_files: Vec<_> = ["sbd", "sbd/other_languages"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(shared.join(dir)).into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("golden_rules_") && n.ends_with(".jsonl")))
        .collect();
    sbd_files.sort();
    for path in sbd_files {
        for record in read(&path) {
            let iso = record["pysbd_language"].as_str().unwrap_or("en").to_string();
            for sentence in record["sentences"].as_array().into_iter().flatten().filter_map(|s| s.as_str()) {
                samples.push(Sample { set: format!("sbd sentence {iso}"), expected: iso.clone(), text: sentence.into() });
            }
        }
    }

    use whatlang::Lang;
    // The languages whatlang most often wrongly reports on short English and Romance text, none a
    // common language of news on the web: whatlang without them is the third column.
    let denied = vec![Lang::Epo, Lang::Lat, Lang::Aka, Lang::Sna, Lang::Zul, Lang::Jav, Lang::Tgl, Lang::Tuk, Lang::Uzb, Lang::Afr, Lang::Cym];
    let whatlang_denied = whatlang::Detector::with_denylist(denied);
    if std::env::var("TIME_WHATLANG").is_ok() {
        // Per-text cost with the machine's other load filtered out: the fastest of 7 runs of each text.
        use whatlang::{Lang, Detector};
        let allow = vec![Lang::Eng, Lang::Fra, Lang::Deu, Lang::Spa, Lang::Por, Lang::Ita, Lang::Nld, Lang::Dan, Lang::Nob, Lang::Swe, Lang::Fin, Lang::Hun, Lang::Ron, Lang::Tur, Lang::Rus, Lang::Ell, Lang::Ara, Lang::Tam, Lang::Pol, Lang::Jpn, Lang::Cmn];
        let allowed = Detector::with_allowlist(allow);
        let variants: [(&str, Box<dyn Fn(&str) -> Option<Lang>>); 2] = [
            ("default", Box::new(|t: &str| whatlang::detect_lang(t))),
            ("allowlist 21", Box::new(move |t: &str| allowed.detect_lang(t))),
        ];
        for (name, detect) in &variants {
            let mut best: Vec<f64> = samples.iter().filter(|s| s.set.ends_with(" text")).map(|s| {
                let text = prefix(&s.text);
                (0..7).map(|_| { let t = Instant::now(); std::hint::black_box(detect(std::hint::black_box(text))); t.elapsed().as_secs_f64() }).fold(f64::INFINITY, f64::min)
            }).collect();
            best.sort_by(f64::total_cmp);
            let hits = samples.iter().filter(|s| s.set.ends_with(" text")).filter(|s| detect(prefix(&s.text)).map(whatlang_iso1).as_deref() == Some(s.expected.as_str())).count();
            println!("{name}: median {:.0} µs, {hits} right", 1e6 * best[best.len() / 2]);
        }
        for bytes in [256, 512, 1024, 2048, 4096] {
            let mut best: Vec<f64> = samples
                .iter()
                .filter(|s| s.set.ends_with(" text"))
                .map(|s| {
                    let mut end = s.text.len().min(bytes);
                    while !s.text.is_char_boundary(end) {
                        end -= 1;
                    }
                    let text = &s.text[..end];
                    (0..7)
                        .map(|_| {
                            let t = Instant::now();
                            std::hint::black_box(whatlang::detect_lang(std::hint::black_box(text)));
                            t.elapsed().as_secs_f64()
                        })
                        .fold(f64::INFINITY, f64::min)
                })
                .collect();
            best.sort_by(f64::total_cmp);
            println!("whatlang, first {bytes} bytes of the dev articles: median {:.0} µs", 1e6 * best[best.len() / 2]);
        }
        return;
    }
    let started = Instant::now();
    let lingua = LanguageDetectorBuilder::from_all_languages().with_preloaded_language_models().build();
    let lingua_load = started.elapsed().as_secs_f64();

    // set → (n, whatlang hits, lingua hits, whatlang seconds, lingua seconds, confusions)
    let mut table: BTreeMap<String, (usize, usize, usize, usize, f64, f64, BTreeMap<String, usize>)> = BTreeMap::new();
    for sample in &samples {
        let text = prefix(&sample.text);
        let t = Instant::now();
        let w = whatlang::detect_lang(text).map_or_else(|| "none".to_string(), whatlang_iso1);
        let w_secs = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let l = lingua_iso1(&lingua, text);
        let l_secs = t.elapsed().as_secs_f64();
        let d = whatlang_denied.detect_lang(text).map_or_else(|| "none".to_string(), whatlang_iso1);
        let row = table.entry(sample.set.clone()).or_default();
        row.0 += 1;
        row.1 += usize::from(w == sample.expected);
        row.2 += usize::from(d == sample.expected);
        row.3 += usize::from(l == sample.expected);
        row.4 += w_secs;
        row.5 += l_secs;
        if w != sample.expected {
            *row.6.entry(format!("w:{w}")).or_default() += 1;
        }
        if d != sample.expected {
            *row.6.entry(format!("d:{d}")).or_default() += 1;
        }
        if l != sample.expected {
            *row.6.entry(format!("l:{l}")).or_default() += 1;
        }
    }
    println!("lingua model load: {lingua_load:.3} s; prefix {} bytes", prefix_bytes());
    println!("| set | n | whatlang | whatlang, denylist | lingua | whatlang µs/text | lingua µs/text | errors (w: whatlang, d: with denylist, l: lingua) |");
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    for (set, (n, w, d, l, ws, ls, errors)) in &table {
        let pct = |hits: usize| 100.0 * hits as f64 / *n as f64;
        let errors: Vec<String> = errors.iter().map(|(k, v)| format!("{k}×{v}")).collect();
        println!(
            "| {set} | {n} | {:.1}% | {:.1}% | {:.1}% | {:.0} | {:.0} | {} |",
            pct(*w), pct(*d), pct(*l), 1e6 * ws / *n as f64, 1e6 * ls / *n as f64, errors.join(" ")
        );
    }
}
