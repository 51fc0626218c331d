//! Per-article time of the Rust summarizer crates on crates.io against nutgraf's library call, on the
//! same articles, in one process, on one thread.
//!
//! Every system is built once before any clock starts (nutgraf's `Summarizer`, `summary`'s
//! `Summarizer`; the others are free functions or per-document objects); only the call that turns one
//! article into a summary of about three sentences is timed. Its result, and any per-document object the
//! crate makes, is dropped after the clock stops. A warm-up pass runs every system on every article.
//!
//! Each run times every article in two regimes, systems taking turns so that a burst of load from
//! elsewhere on the machine falls on all of them alike:
//! * hot: per article, each system (the first one rotating from article to article) summarizes it
//!   `--reps` times in a row; the median is the article's figure, as in `cargo bench --bench latency`.
//!   The first of those calls, which comes right after the other systems ran, is kept too ("first
//!   call"): the system's data has been pushed out of the CPU caches by the others.
//! * stream: per block of `--block` articles, each system (rotating) summarizes the block's articles
//!   once each, in order, as a batch job does: its own data stays in cache, the article is new to it.
//!   (The first few articles of a block come after the other systems' blocks: with blocks of 16
//!   nutgraf's median was 17% higher than with blocks of 64, the other systems' within 3%.)
//!
//! The run is repeated `--runs` times; an article's figure is its median over the runs, so that a
//! preemption must hit the same article in most runs to show, even among the single calls of the stream.
//!
//! nutgraf keeps a per-thread table of the word forms it has classified (`src/analyze/word_table.rs`),
//! keyed by the analyzer that built it, so it appears as:
//! * warm: the one `Summarizer`, on the measuring thread; its table has seen every article, this one
//!   included (the warm-up pass and earlier calls);
//! * first sight (stream regime only): a `Summarizer` built for the run, whose table has seen the
//!   articles before this one in the run and never this one, as in a long-running process;
//! * cold: each call on a fresh thread, whose table is empty (the `Summarizer` itself is built once).
//!
//! The other crates keep nothing between documents except lazily built statics (stop-word sets,
//! compiled regexes and their per-thread caches), which the warm-up pass builds.
//!
//! Options: `--reps N` (default 9), `--runs N` (default 5), `--block N` (default 64), `--limit N` (the
//! first N articles).

use std::hint::black_box;
use std::num::NonZeroU32;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use nutgraf::{Language, SentenceSplitter, Summarizer};

/// The summary length asked of every system, in sentences.
const SENTENCES: usize = 3;

/// The dev sets, in the order the other benches read them.
const DEV_SETS: [&str; 2] = ["bbc_news_summary", "cnndm_frank"];

/// The crate's bundled article, for machines without `shared/`.
const SAMPLE: &str = include_str!("../../../../data/samples/japan-us-chips.txt");

struct Options {
    reps: usize,
    runs: usize,
    /// Articles a system summarizes in a row in the stream regime before the next system's turn.
    block: usize,
    limit: Option<usize>,
}

fn options() -> Options {
    let mut options = Options { reps: 9, runs: 5, block: 64, limit: None };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().and_then(|v| v.parse::<usize>().ok());
        match (arg.as_str(), value) {
            ("--reps", Some(n)) => options.reps = n.max(1),
            ("--runs", Some(n)) => options.runs = n.max(1),
            ("--block", Some(n)) => options.block = n.max(1),
            ("--limit", Some(n)) => options.limit = Some(n.max(1)),
            _ => {
                eprintln!("usage: nutgraf-rust-peers [--reps N] [--runs N] [--block N] [--limit N]");
                std::process::exit(2);
            }
        }
    }
    options
}

/// One article, with the length targets of the crates that take no sentence count, worked out before any
/// timing: the length of three of the article's sentences of mean length (sentences as nutgraf splits
/// them), in words and in characters, and the share of `simple-summarize`'s own sentences to cut.
struct Article {
    text: String,
    words_budget: u32,
    chars_budget: usize,
    cut_ratio: f32,
}

impl Article {
    fn new(text: String, splitter: &SentenceSplitter) -> Article {
        let sentences = splitter.split(&text).len().max(1);
        let words = text.split_whitespace().count();
        let chars = text.chars().count();
        let words_budget = u32::try_from((words * SENTENCES).div_ceil(sentences)).unwrap_or(u32::MAX).max(1);
        let chars_budget = (chars * SENTENCES).div_ceil(sentences);
        let own_sentences = simple_summarize::split_sentences(&simple_summarize::strip_html_tags(&text)).len();
        let cut_ratio = 1.0 - SENTENCES as f32 / own_sentences.max(SENTENCES) as f32;
        Article { text, words_budget, chars_budget, cut_ratio }
    }
}

/// The `shared/` directory: `$NUTGRAF_SHARED`, the repository's sibling `../shared`, or `/work/shared`.
fn shared_dir() -> Option<PathBuf> {
    let repository = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../..");
    std::env::var_os("NUTGRAF_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain([repository.join("../shared"), PathBuf::from("/work/shared")])
        .find(|dir| dir.join("eval").is_dir())
}

/// The texts of the dev articles, or the bundled sample when `shared/` is absent.
fn article_texts() -> Vec<String> {
    let Some(shared) = shared_dir() else {
        eprintln!("peers: no shared/eval directory found; timing the bundled sample only");
        return vec![SAMPLE.to_string()];
    };
    let mut texts = Vec::new();
    for set in DEV_SETS {
        let path = shared.join("eval").join(set).join("dev.jsonl");
        let Ok(body) = std::fs::read_to_string(&path) else {
            eprintln!("peers: cannot read {}; skipping it", path.display());
            continue;
        };
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            if let Some(text) = value["text"].as_str() {
                texts.push(text.to_string());
            }
        }
    }
    texts
}

/// The systems, in the order of the tables.
#[derive(Clone, Copy, PartialEq, Eq)]
enum System {
    NutgrafWarm,
    NutgrafFirstSight,
    NutgrafCold,
    Xberg,
    SimpleSummarize,
    Pithy,
    Lede,
    Summary,
}

const SYSTEMS: [System; 8] = [
    System::NutgrafWarm,
    System::NutgrafFirstSight,
    System::NutgrafCold,
    System::Xberg,
    System::SimpleSummarize,
    System::Pithy,
    System::Lede,
    System::Summary,
];

impl System {
    fn name(self) -> &'static str {
        match self {
            System::NutgrafWarm => "nutgraf (warm)",
            System::NutgrafFirstSight => "nutgraf (first sight)",
            System::NutgrafCold => "nutgraf (cold: fresh thread)",
            System::Xberg => "xberg 1.3.10 textrank",
            System::SimpleSummarize => "simple-summarize 0.2.1",
            System::Pithy => "pithy 0.1.7",
            System::Lede => "lede 0.5.1",
            System::Summary => "summary 0.1.0",
        }
    }
}

/// One timed call: its time and the number of words in the summary; `None` if the system panicked.
type Sample = Option<(Duration, usize)>;

/// What is built once, outside the timed region.
struct Systems {
    nutgraf: Summarizer,
    /// Rebuilt for each run's stream (see [`Systems::start_first_sight`]).
    first_sight: Summarizer,
    summary: summary::Summarizer,
    sentences: NonZeroU32,
}

/// The time of `call` alone, and its result.
fn timed<T>(call: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let result = black_box(call());
    (start.elapsed(), result)
}

fn count_words<'a>(texts: impl IntoIterator<Item = &'a str>) -> usize {
    texts.into_iter().map(|t| t.split_whitespace().count()).sum()
}

fn nutgraf_summarizer() -> Summarizer {
    match Summarizer::builder().build() {
        Ok(summarizer) => summarizer,
        Err(e) => {
            eprintln!("peers: the default summarizer does not build: {e}");
            std::process::exit(1);
        }
    }
}

impl Systems {
    /// A new first-sight summarizer, its word table registered on this thread by a call on a made-up
    /// word, so that the table it evicts (a thread keeps four) is dropped before any clock starts.
    fn start_first_sight(&mut self) {
        self.first_sight = nutgraf_summarizer();
        black_box(self.first_sight.analyze("Zzqx."));
    }

    /// One timed summary of `article` by `system`.
    fn run(&self, system: System, article: &Article) -> Sample {
        let text = black_box(article.text.as_str());
        let nutgraf = |summarizer: &Summarizer| {
            let (time, summary) = timed(|| summarizer.summarize(text));
            (time, summary.word_count())
        };
        let measured = panic::catch_unwind(AssertUnwindSafe(|| match system {
            System::NutgrafWarm => nutgraf(&self.nutgraf),
            System::NutgrafFirstSight => nutgraf(&self.first_sight),
            System::NutgrafCold => std::thread::scope(|scope| {
                scope.spawn(|| nutgraf(&self.nutgraf)).join().unwrap_or_else(|e| panic::resume_unwind(e))
            }),
            System::Xberg => {
                let (time, summary) = timed(|| {
                    xberg::text::summarization::textrank::summarize(text, Some("en"), Some(article.words_budget))
                });
                (time, count_words(summary.as_deref()))
            }
            System::SimpleSummarize => {
                let (time, report) = timed(|| simple_summarize::summarize_text(text, article.cut_ratio));
                (time, report.map_or(0, |r| count_words([r.summary.as_str()])))
            }
            System::Pithy => {
                // `add_raw_text` takes the text by value: the copy is made before the clock starts.
                let owned = text.to_string();
                let (time, (summariser, top)) = timed(|| {
                    let mut summariser = pithy::Summariser::new();
                    // The defaults of pithy's command line: split on ".", keep 50..1500-byte sentences.
                    summariser.add_raw_text(String::new(), owned, ".", 50, 1500, false);
                    let mut top = summariser.top_sentences(
                        SENTENCES,
                        false,
                        None,
                        false,
                        0.6,
                        false,
                        3.0,
                        None,
                        None,
                        false,
                        String::new(),
                    );
                    top.sort_unstable_by_key(|s| s.index);
                    (summariser, top)
                });
                drop(summariser);
                (time, count_words(top.iter().map(|s| s.text.as_str())))
            }
            System::Lede => {
                let (time, result) = timed(|| lede::summarize(text, article.chars_budget, lede::Mode::Default));
                (time, count_words([result.summary.as_str()]))
            }
            System::Summary => {
                let (time, sentences) = timed(|| self.summary.summarize_sentences(text, self.sentences));
                (time, count_words(sentences))
            }
        }));
        measured.ok()
    }

    /// `reps` timed summaries of `article` in a row: the median and the first.
    fn repeat(&self, system: System, article: &Article, reps: usize) -> (Sample, Sample) {
        let mut samples = Vec::with_capacity(reps);
        for _ in 0..reps {
            match self.run(system, article) {
                Some(sample) => samples.push(sample),
                None => return (None, None),
            }
        }
        let first = samples.first().copied();
        samples.sort_unstable_by_key(|&(time, _)| time);
        (samples.get(samples.len() / 2).copied(), first)
    }
}

/// The regimes, in the order of the tables.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Regime {
    Hot,
    Stream,
    FirstCall,
}

const REGIMES: [Regime; 3] = [Regime::Hot, Regime::Stream, Regime::FirstCall];

impl Regime {
    fn title(self, options: &Options) -> String {
        match self {
            Regime::Hot => format!("hot: median of {} calls on each article in a row", options.reps),
            Regime::Stream => format!("stream: each article once, {} articles in a row per system", options.block),
            Regime::FirstCall => "first call: the first of the repetitions, right after the other systems".into(),
        }
    }

    fn index(self) -> usize {
        REGIMES.iter().position(|&r| r == self).unwrap_or(0)
    }

    /// Whether the regime has a row for `system`: first sight means one call per article, as in the stream.
    fn times(self, system: System) -> bool {
        self == Regime::Stream || system != System::NutgrafFirstSight
    }
}

/// `[regime][system][article]`.
type RunSamples = Vec<Vec<Vec<Sample>>>;

/// One run: every article in every regime.
fn measure(systems: &mut Systems, articles: &[Article], options: &Options) -> RunSamples {
    let mut samples = vec![vec![vec![None; articles.len()]; SYSTEMS.len()]; REGIMES.len()];
    let (hot, first_call, stream) = (Regime::Hot.index(), Regime::FirstCall.index(), Regime::Stream.index());
    for (i, article) in articles.iter().enumerate() {
        for k in 0..SYSTEMS.len() {
            let s = (i + k) % SYSTEMS.len();
            if Regime::Hot.times(SYSTEMS[s]) {
                (samples[hot][s][i], samples[first_call][s][i]) = systems.repeat(SYSTEMS[s], article, options.reps);
            }
        }
    }
    systems.start_first_sight();
    for (b, start) in (0..articles.len()).step_by(options.block).enumerate() {
        let block = start..(start + options.block).min(articles.len());
        for k in 0..SYSTEMS.len() {
            let s = (b + k) % SYSTEMS.len();
            for i in block.clone() {
                samples[stream][s][i] = systems.run(SYSTEMS[s], &articles[i]);
            }
        }
    }
    samples
}

/// Each article's median over the runs, in each regime and system; an article on which a system failed
/// in any run is a failure.
fn median_over_runs(runs: &[RunSamples]) -> RunSamples {
    let Some(first) = runs.first() else { return Vec::new() };
    let mut combined = first.clone();
    for (r, regime) in combined.iter_mut().enumerate() {
        for (s, system) in regime.iter_mut().enumerate() {
            for (i, article) in system.iter_mut().enumerate() {
                let samples: Option<Vec<(Duration, usize)>> = runs.iter().map(|run| run[r][s][i]).collect();
                *article = samples.map(|mut samples| {
                    samples.sort_unstable_by_key(|&(time, _)| time);
                    samples[samples.len() / 2]
                });
            }
        }
    }
    combined
}

/// One system's figures over the articles, in one regime.
#[derive(Clone, Copy)]
struct Figures {
    median_us: f64,
    p90_us: f64,
    max_us: f64,
    /// Mean words per summary.
    words: f64,
    failed: usize,
    /// Share of the articles on which nutgraf (warm) took less time than this system.
    nutgraf_faster: f64,
}

fn quantile(sorted: &[Duration], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e6
}

impl Figures {
    fn new(samples: &[Sample], warm: &[Sample]) -> Figures {
        let mut times: Vec<Duration> = samples.iter().flatten().map(|&(t, _)| t).collect();
        times.sort_unstable();
        let words = samples.iter().flatten().map(|&(_, w)| w as f64).sum::<f64>() / times.len().max(1) as f64;
        let compared: Vec<bool> =
            samples.iter().zip(warm).filter_map(|(own, nutgraf)| Some(nutgraf.as_ref()?.0 < own.as_ref()?.0)).collect();
        Figures {
            median_us: quantile(&times, 0.5),
            p90_us: quantile(&times, 0.9),
            max_us: quantile(&times, 1.0),
            words,
            failed: samples.iter().filter(|s| s.is_none()).count(),
            nutgraf_faster: compared.iter().filter(|&&f| f).count() as f64 / compared.len().max(1) as f64,
        }
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn ratio(time: f64, baseline: Option<&Figures>, field: fn(&Figures) -> f64) -> String {
    baseline.map_or("-".into(), |b| format!("{:.2}", time / field(b)))
}

/// The table of one regime; `figures` has one entry per system (`None` where the regime has no row).
fn print_table(regime: Regime, options: &Options, figures: &[Option<Figures>]) {
    let of = |system: System| SYSTEMS.iter().position(|&s| s == system).and_then(|i| figures[i].as_ref());
    let baselines = [of(System::NutgrafWarm), of(System::NutgrafFirstSight), of(System::NutgrafCold)];
    println!("{}", regime.title(options));
    println!(
        "{:<29} {:>9} {:>9} {:>9} {:>11} {:>11} {:>11} {:>7} {:>6} {:>6}",
        "system", "median µs", "p90 µs", "max µs", "×warm", "×1st sight", "×cold", "ng<", "words", "failed"
    );
    for (system, f) in SYSTEMS.iter().zip(figures) {
        let Some(f) = f else { continue };
        let [warm, first, cold] = baselines
            .map(|b| format!("{}/{}", ratio(f.median_us, b, |b| b.median_us), ratio(f.max_us, b, |b| b.max_us)));
        println!(
            "{:<29} {:>9.1} {:>9.1} {:>9.1} {warm:>11} {first:>11} {cold:>11} {:>6.0}% {:>6.1} {:>6}",
            system.name(),
            f.median_us,
            f.p90_us,
            f.max_us,
            f.nutgraf_faster * 100.0,
            f.words,
            f.failed
        );
    }
    println!();
}

fn main() {
    let options = options();
    // A peer that panics on an article is counted as failed on it; its messages would bury the tables.
    panic::set_hook(Box::new(|_| {}));
    let splitter = SentenceSplitter::new(Language::English);
    let mut texts = article_texts();
    if let Some(limit) = options.limit {
        texts.truncate(limit);
    }
    let articles: Vec<Article> = texts.into_iter().map(|t| Article::new(t, &splitter)).collect();
    let mut systems = Systems {
        nutgraf: nutgraf_summarizer(),
        first_sight: nutgraf_summarizer(),
        summary: summary::Summarizer::new(summary::Language::English),
        sentences: NonZeroU32::new(SENTENCES as u32).unwrap_or(NonZeroU32::MIN),
    };
    // pithy scores with rayon; in a one-thread pool its parallel loops run inline on the calling thread.
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("peers: cannot build a one-thread pool: {e}");
            std::process::exit(1);
        }
    };
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    println!(
        "{} articles, {:.1} KB mean; {SENTENCES}-sentence summaries; one thread; {} reps; {} runs; \
         load average at start {}\n",
        articles.len(),
        bytes as f64 / articles.len().max(1) as f64 / 1e3,
        options.reps,
        options.runs,
        load_average()
    );
    let runs: Vec<RunSamples> = pool.install(|| {
        eprintln!("warm-up");
        for article in &articles {
            // The first-sight and cold summarizers must not have seen the articles.
            for &system in SYSTEMS.iter().filter(|&&s| s != System::NutgrafFirstSight && s != System::NutgrafCold) {
                black_box(systems.run(system, article));
            }
        }
        (0..options.runs)
            .map(|run| {
                eprintln!("run {}/{}", run + 1, options.runs);
                measure(&mut systems, &articles, &options)
            })
            .collect()
    });

    println!("median µs per article, run by run");
    for regime in REGIMES {
        let r = regime.index();
        println!("  {}", regime.title(&options));
        for (s, system) in SYSTEMS.iter().enumerate().filter(|&(_, &system)| regime.times(system)) {
            let medians: Vec<String> =
                runs.iter().map(|run| format!("{:>8.1}", Figures::new(&run[r][s], &run[r][0]).median_us)).collect();
            println!("    {:<29}{}", system.name(), medians.join(""));
        }
    }
    println!(
        "\nfigures over the articles of each article's median over the {} runs; ×X: this system's median/max \
         over nutgraf X's; ng<: articles on which nutgraf (warm) took less time; words: mean words per summary\n",
        runs.len()
    );
    let combined = median_over_runs(&runs);
    for regime in REGIMES {
        let r = regime.index();
        let figures: Vec<Option<Figures>> = SYSTEMS
            .iter()
            .enumerate()
            .map(|(s, &system)| regime.times(system).then(|| Figures::new(&combined[r][s], &combined[r][0])))
            .collect();
        print_table(regime, &options, &figures);
    }
    println!("load average at end {}", load_average());
}
