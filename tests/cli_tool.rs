//! The command's conventions as a tool, through the built binary: completions and the man page,
//! `--color`, `NUTGRAF_CONFIG`, one JSON record shape, the stdin hint, the languages in `--help`, tune's
//! output as a `--config` file, a grid refused as a configuration, and `--format html`.

use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use nutgraf::{Budget, Config, Language, Preset, Summarizer};
use tempfile::TempDir;

fn nutgraf() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("nutgraf");
    // The tests choose these themselves; the environment of the run must not.
    cmd.env_remove("NUTGRAF_CONFIG").env_remove("NO_COLOR");
    cmd
}

fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples/japan-us-chips.txt")
}

const TINY_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/eval_tiny.jsonl");

/// Runs nutgraf, asserts success, returns (stdout, stderr).
fn run(cmd: &mut assert_cmd::Command) -> (String, String) {
    let output = cmd.output().expect("run nutgraf");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "exit {:?}: {stderr}", output.status);
    (String::from_utf8(output.stdout).expect("UTF-8 output"), stderr)
}

fn fails(cmd: &mut assert_cmd::Command) -> String {
    let output = cmd.output().expect("run nutgraf");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn completions_for_every_shell_name_the_commands_and_flags() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (script, _) = run(nutgraf().args(["completions", shell]));
        for word in ["nutgraf", "eval", "tune", "sentences", "color", "completions"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
    }
    assert!(fails(nutgraf().args(["completions", "tcsh"])).contains("tcsh"));

    // The bash script loads in bash and registers a completion for nutgraf.
    let dir = TempDir::new().unwrap();
    let script = dir.path().join("nutgraf.bash");
    std::fs::write(&script, run(nutgraf().args(["completions", "bash"])).0).unwrap();
    if let Ok(output) = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("source '{}' && complete -p nutgraf", script.display()))
        .output()
    {
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert!(String::from_utf8_lossy(&output.stdout).contains("nutgraf"));
    }
}

#[test]
fn the_man_page_is_roff_with_every_option() {
    let (page, _) = run(nutgraf().arg("man"));
    assert!(page.starts_with(".ie") || page.contains(".TH nutgraf"), "{}", &page[..200.min(page.len())]);
    for word in ["\\-\\-sentences", "\\-\\-color", "\\-\\-format", "NUTGRAF_CONFIG", "Exit codes"] {
        assert!(page.contains(word), "no {word} in the man page");
    }
}

#[test]
fn help_lists_every_language() {
    let (help, _) = run(nutgraf().arg("--help"));
    for language in Language::ALL {
        assert!(help.contains(language.name()), "no {language} in --help");
    }
}

#[test]
fn color_is_off_off_a_terminal_and_when_asked_and_on_when_asked() {
    let plain = run(nutgraf().arg(sample_path())).0;
    assert!(!plain.contains('\u{1b}'));
    assert_eq!(run(nutgraf().args(["--color", "never"]).arg(sample_path())).0, plain);
    assert_eq!(run(nutgraf().args(["--color", "auto"]).arg(sample_path()).env("NO_COLOR", "1")).0, plain);

    let colored = run(nutgraf().args(["--color", "always"]).arg(sample_path())).0;
    assert_eq!(colored.matches("\u{1b}[32m").count(), 3, "{colored:?}");
    let stripped = colored.replace("\u{1b}[32m", "").replace("\u{1b}[0m", "");
    assert_eq!(stripped, plain);

    // Headers too, with several files; JSON never.
    let two = run(nutgraf().args(["--color", "always"]).arg(sample_path()).arg(sample_path())).0;
    assert!(two.contains(&format!("\u{1b}[1m\u{1b}[35m==> {} <==", sample_path().display())), "{two:?}");
    let json = run(nutgraf().args(["--color", "always", "--format", "json"]).arg(sample_path())).0;
    assert!(!json.contains('\u{1b}'));
    assert!(fails(nutgraf().args(["--color", "sometimes"])).contains("sometimes"));
}

#[test]
fn nutgraf_config_sets_defaults_that_the_command_line_overrides() {
    let dir = TempDir::new().unwrap();
    let defaults = dir.path().join("defaults");
    std::fs::write(&defaults, "# my defaults\n--sentences=1\n\n--format\nmarkdown\n").unwrap();
    let with = |args: &[&str]| run(nutgraf().env("NUTGRAF_CONFIG", &defaults).args(args).arg(sample_path())).0;

    let one = with(&[]);
    assert_eq!(one.lines().count(), 1, "{one}");
    assert!(one.starts_with("- "), "{one}");
    // Later flags win: a budget of any kind, and the format.
    assert_eq!(with(&["-n", "2"]).lines().count(), 2);
    let words = with(&["--words", "60", "--format", "text"]);
    let expected = Summarizer::builder()
        .budget(Budget::Words(60))
        .build()
        .unwrap()
        .summarize(&std::fs::read_to_string(sample_path()).unwrap())
        .to_text();
    assert_eq!(words.trim_end(), expected);
    // Without the file too, the last budget given counts (no conflict error between budgets).
    let last = |args: &[&str]| run(nutgraf().args(args).arg(sample_path())).0;
    assert_eq!(last(&["-n", "2", "--words", "60"]), last(&["--words", "60"]));
    assert_eq!(last(&["--words", "60", "-n", "2"]), last(&["-n", "2"]));
    assert_eq!(last(&["--ratio", "0.5", "-n", "1", "-n", "2"]), last(&["-n", "2"]));
    // Subcommands are not summarizing: the file does not reach them.
    assert!(run(nutgraf().env("NUTGRAF_CONFIG", &defaults).arg("split").arg(sample_path())).0.lines().count() > 3);

    let missing = dir.path().join("missing");
    assert!(fails(nutgraf().env("NUTGRAF_CONFIG", &missing).arg(sample_path())).contains("NUTGRAF_CONFIG"));
    std::fs::write(&defaults, "--no-such-flag\n").unwrap();
    assert!(fails(nutgraf().env("NUTGRAF_CONFIG", &defaults).arg(sample_path())).contains("--no-such-flag"));
}

#[test]
fn json_has_one_record_shape_for_one_file_or_many() {
    let (one, _) = run(nutgraf().args(["--format", "json"]).arg(sample_path()));
    let (two, _) = run(nutgraf().args(["--format", "json"]).arg(sample_path()).arg(sample_path()));
    let (stdin, _) = run(nutgraf().args(["--format", "json"]).write_stdin("Cats purr. Dogs bark."));
    let records =
        |out: &str| -> Vec<serde_json::Value> { out.lines().map(|l| serde_json::from_str(l).unwrap()).collect() };
    let (one, two, stdin) = (records(&one), records(&two), records(&stdin));
    assert_eq!(one.len(), 1);
    assert_eq!(two, [one[0].clone(), one[0].clone()]);
    assert_eq!(stdin[0]["file"], "<stdin>");
    for record in one.iter().chain(&stdin) {
        let mut keys: Vec<&str> = record.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["file", "language", "scoring", "sentences", "total_sentences"]);
    }
}

#[test]
fn stdin_that_is_not_a_terminal_gets_no_hint() {
    let (stdout, stderr) = run(nutgraf().write_stdin("Cats purr. Dogs bark."));
    assert_eq!(stdout, "Cats purr.\nDogs bark.\n");
    assert_eq!(stderr, "");
}

#[test]
fn a_tuning_grid_given_as_a_config_is_named_as_one() {
    let grid = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tune/news.toml");
    let stderr = fails(nutgraf().arg("--config").arg(&grid).arg(sample_path()));
    assert!(stderr.contains("this is a tuning grid"), "{stderr}");
    // A configuration with a plain mistake still gets the parser's message.
    let dir = TempDir::new().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "redundancy = \"high\"\n").unwrap();
    assert!(!fails(nutgraf().arg("--config").arg(&bad).arg(sample_path())).contains("tuning grid"));
}

#[test]
fn tune_prints_the_toml_alone_on_stdout_and_it_works_as_a_config() {
    let dir = TempDir::new().unwrap();
    let grid = dir.path().join("grid.toml");
    std::fs::write(&grid, "redundancy = [0.5, 0.9]\n[weights]\nposition = [0.0, 1.5]\n").unwrap();
    let (stdout, stderr) = run(nutgraf().args(["tune", TINY_DATA, "--threads", "1", "--grid"]).arg(&grid));
    assert!(stderr.contains("4 configurations"), "{stderr}");
    assert!(stderr.contains("#1"), "{stderr}");
    let best = Config::from_toml_str(&stdout, Preset::News).expect("stdout is a configuration");
    assert!(!stdout.contains("#1") && !stdout.contains("objective"), "{stdout}");
    let best_file = dir.path().join("best.toml");
    std::fs::write(&best_file, &stdout).unwrap();
    let (brief, _) = run(nutgraf().arg("--config").arg(&best_file).arg(sample_path()));
    let text = std::fs::read_to_string(sample_path()).unwrap();
    assert_eq!(brief.trim_end(), Summarizer::builder().config(best).build().unwrap().summarize(&text).to_text());
}

/// Ties go to the configuration closest to the base one: a grid whose every point gives the same
/// briefs (values of a setting that the tiny data set cannot tell apart) names the base's own values.
#[test]
fn tune_breaks_ties_toward_the_base_configuration() {
    let dir = TempDir::new().unwrap();
    let grid = dir.path().join("grid.toml");
    // max_iterations above what PageRank needs on three short documents: every value gives the same briefs.
    let base = Config::preset(Preset::News).textrank.max_iterations;
    std::fs::write(&grid, format!("[textrank]\nmax_iterations = [{}, {}, {base}]\n", base + 7, base + 3)).unwrap();
    let (stdout, stderr) = run(nutgraf().args(["tune", TINY_DATA, "--grid"]).arg(&grid));
    assert!(stderr.contains("3 configuration(s) tie"), "{stderr}");
    assert_eq!(Config::from_toml_str(&stdout, Preset::News).unwrap(), Config::preset(Preset::News));
}

#[test]
fn html_is_one_self_contained_page_with_the_brief_highlighted() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("tags.txt");
    let text = "Council passes <b>budget</b>\n\nThe council passed the budget on Monday & cheered. Members \
                said buses would benefit from the money. The vote was close.\n\nSubscribe now";
    std::fs::write(&path, text).unwrap();
    let (page, _) = run(nutgraf().args(["--format", "html", "-n", "2"]).arg(&path));
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    assert_eq!(page.matches("class=\"s brief\"").count(), 2);
    assert!(page.contains("passes &lt;b&gt;budget&lt;/b&gt;") && !page.contains("<b>"));
    assert!(page.contains("Monday &amp; cheered"));
    for external in ["http:", "https:", "<link", "<script", "<img", "url("] {
        assert!(!page.contains(external), "{external}");
    }
    assert!(fails(nutgraf().args(["--format", "html", "--jsonl"]).write_stdin("")).contains("html"));
    assert!(fails(nutgraf().args(["--format", "html"]).arg(&path).arg(&path)).contains("one file"));
}

/// The `data-index` of each highlighted sentence of a `--format html` page.
fn highlighted_indices(page: &str) -> Vec<usize> {
    page.match_indices("<span class=\"s brief\" data-index=\"")
        .map(|(at, prefix)| {
            let rest = &page[at + prefix.len()..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

/// The `index` of each sentence of a `--format json` brief.
fn brief_indices(json: &str) -> Vec<usize> {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    value["sentences"].as_array().unwrap().iter().map(|s| s["index"].as_u64().unwrap() as usize).collect()
}

#[test]
fn the_html_page_highlights_the_brief_the_default_chose() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("markup.txt");
    // A headline line sends the adaptive default to `general`, whose brief here is not `news`'s.
    let text = "Markup <b>stays</b> text\n\nThe <script>alert(1)</script> tag & the \"quotes\" are shown as typed \
                in the council's report on Monday. Members said the budget would fund more buses on the \
                busiest routes. The vote was 7 < 9 > 2, a reporter wrote.\n\nSubscribe now";
    std::fs::write(&path, text).unwrap();
    let output =
        |format: &str, preset: &[&str]| run(nutgraf().args(["--format", format, "-n", "2"]).args(preset).arg(&path)).0;
    let default_json = output("json", &[]);
    let news_json = output("json", &["--preset", "news"]);
    assert!(default_json.contains("\"preset\":\"general\""), "{default_json}");
    assert_ne!(brief_indices(&default_json), brief_indices(&news_json), "the test needs briefs that differ");
    for preset in [&[][..], &["--preset", "news"], &["--preset", "general"]] {
        assert_eq!(highlighted_indices(&output("html", preset)), brief_indices(&output("json", preset)), "{preset:?}");
    }
}
