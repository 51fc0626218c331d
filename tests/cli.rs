//! The `nutgraf` command end to end, through the built binary. The library is the oracle: what the
//! command prints must be what the library computes for the same options.

use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use nutgraf::render::{Format, render};
use nutgraf::{Budget, Config, Language, Preset, SentenceSplitter, Summarizer};
use tempfile::TempDir;

fn nutgraf() -> assert_cmd::Command {
    cargo_bin_cmd!("nutgraf")
}

fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples/japan-us-chips.txt")
}

fn sample() -> String {
    std::fs::read_to_string(sample_path()).expect("the repository's sample article")
}

/// Runs nutgraf, asserts success and an empty stderr, returns stdout.
fn run(cmd: &mut assert_cmd::Command) -> String {
    let output = cmd.output().expect("run nutgraf");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "exit {:?}: {stderr}", output.status);
    assert!(stderr.is_empty(), "unexpected stderr: {stderr}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn library_brief(text: &str, preset: Preset, language: Language, budget: Budget, format: Format) -> String {
    let summarizer =
        Summarizer::builder().preset(preset).language(language).budget(budget).build().expect("valid options");
    render(&summarizer.summarize(text), format)
}

const GERMAN: &str = "Stadtrat beschließt neuen Haushalt\n\n\
    Der Stadtrat hat am Montag nach langer Debatte den neuen Haushalt für den Nahverkehr beschlossen. \
    Die Mitglieder sagten, das Geld werde mehr Busse auf den vollsten Linien finanzieren. \
    Die Abstimmung endete mit sieben zu zwei Stimmen. Der Bürgermeister begrüßte das Ergebnis, \
    die Opposition kritisierte die Kosten. Die ersten neuen Busse sollen im Frühjahr fahren.\n";

#[test]
fn a_file_gets_the_library_brief() {
    let text = sample();
    let stdout = run(nutgraf().arg(sample_path()));
    let expected = library_brief(&text, Preset::News, Language::English, Budget::default(), Format::Text);
    assert_eq!(stdout, expected);
    assert_eq!(stdout.lines().count(), 3);
    assert!(!stdout.contains("Subscribe"), "{stdout}");
}

#[test]
fn stdin_and_dash_read_the_same_text_as_a_file() {
    let from_file = run(nutgraf().arg(sample_path()));
    assert_eq!(run(nutgraf().write_stdin(sample())), from_file);
    assert_eq!(run(nutgraf().arg("-").write_stdin(sample())), from_file);
}

#[test]
fn budgets_reach_the_library() {
    let text = sample();
    for (args, budget) in [
        (vec!["-n", "1"], Budget::Sentences(1)),
        (vec!["--sentences", "5"], Budget::Sentences(5)),
        (vec!["--ratio", "0.25"], Budget::Ratio(0.25)),
        (vec!["-w", "40"], Budget::Words(40)),
    ] {
        let stdout = run(nutgraf().args(&args).arg(sample_path()));
        assert_eq!(stdout, library_brief(&text, Preset::News, Language::English, budget, Format::Text), "{args:?}");
    }
}

#[test]
fn several_files_get_one_brief_each_under_a_header() {
    let dir = TempDir::new().unwrap();
    let german = dir.path().join("german.txt");
    std::fs::write(&german, GERMAN).unwrap();
    let sample_path = sample_path();
    let files = [sample_path.as_path(), german.as_path()];
    let briefs = [
        library_brief(&sample(), Preset::News, Language::English, Budget::default(), Format::Text),
        // Each file in its own language, detected.
        library_brief(GERMAN, Preset::News, Language::German, Budget::default(), Format::Text),
    ];

    let text = run(nutgraf().args(files));
    let expected =
        format!("==> {} <==\n{}\n==> {} <==\n{}", files[0].display(), briefs[0], files[1].display(), briefs[1]);
    assert_eq!(text, expected);

    let markdown = run(nutgraf().args(["--format", "markdown"]).args(files));
    assert!(markdown.starts_with(&format!("## {}\n\n- ", files[0].display())), "{markdown}");
    assert!(markdown.contains(&format!("\n## {}\n\n- ", files[1].display())), "{markdown}");

    let json = run(nutgraf().args(["--format", "json"]).args(files));
    let lines: Vec<serde_json::Value> = json.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    for ((value, file), language) in lines.iter().zip(files).zip(["english", "german"]) {
        assert_eq!(value["file"], file.display().to_string());
        assert_eq!(value["language"], language);
        assert!(!value["sentences"].as_array().unwrap().is_empty());
    }
}

#[test]
fn many_files_print_in_the_order_given_on_every_thread_count() {
    // More files than one window of work per thread, one of them missing and one empty, so that the
    // briefs are made out of order on several threads and the error falls between them; the empty file
    // gets an empty brief under its header.
    let dir = TempDir::new().unwrap();
    let mut files = Vec::new();
    for k in 0..40 {
        let path = dir.path().join(format!("{k:02}.txt"));
        let text = match k % 3 {
            0 => sample(),
            1 => GERMAN.to_string(),
            _ => format!("Story {k} opens here. It goes on for a while, as stories do. Then story {k} ends."),
        };
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    files.insert(17, dir.path().join("missing.txt"));
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    files.insert(30, dir.path().join("empty.txt"));
    let outputs: Vec<_> = ["1", "2", "7"]
        .iter()
        .map(|threads| nutgraf().args(["--threads", threads]).args(&files).output().unwrap())
        .collect();
    let sequential: Vec<String> =
        files.iter().map(|file| String::from_utf8(nutgraf().arg(file).output().unwrap().stdout).unwrap()).collect();
    for output in &outputs {
        assert_eq!(output.status.code(), Some(2), "a missing file is a usage error");
        assert_eq!(output.stdout, outputs[0].stdout);
        assert_eq!(output.stderr, outputs[0].stderr);
        let text = String::from_utf8_lossy(&output.stdout);
        let headers: Vec<&str> = text.lines().filter(|line| line.starts_with("==> ")).collect();
        let expected: Vec<String> =
            files.iter().filter(|file| file.exists()).map(|file| format!("==> {} <==", file.display())).collect();
        assert_eq!(headers, expected);
        for (file, brief) in files.iter().zip(&sequential).filter(|(_, brief)| !brief.is_empty()) {
            assert!(text.contains(&format!("==> {} <==\n{brief}", file.display())), "{}", file.display());
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("missing.txt") && stderr.lines().count() == 1, "{stderr}");
    }
}

#[test]
fn every_format_renders_the_same_brief() {
    let text = sample();
    for format in [Format::Text, Format::Markdown] {
        let stdout = run(nutgraf().args(["--format", format.name()]).arg(sample_path()));
        assert_eq!(stdout, library_brief(&text, Preset::default(), Language::English, Budget::default(), format));
    }
    // JSON is the library's record with the "file" key that every JSON record has.
    let stdout = run(nutgraf().args(["--format", "json"]).arg(sample_path()));
    let mut value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let file = value.as_object_mut().unwrap().remove("file");
    assert_eq!(file, Some(sample_path().display().to_string().into()));
    let library = library_brief(&text, Preset::default(), Language::English, Budget::default(), Format::Json);
    assert_eq!(value, serde_json::from_str::<serde_json::Value>(&library).unwrap());
    let markdown = run(nutgraf().args(["-f", "markdown"]).arg(sample_path()));
    assert!(markdown.lines().all(|l| l.starts_with("- ")), "{markdown}");
}

/// JSON spans are byte offsets into the file as it is on disk, BOM and all.
#[test]
fn json_spans_are_byte_offsets_into_the_file() {
    let dir = TempDir::new().unwrap();
    // A BOM, CRLF line ends and multi-byte characters: offsets must still be bytes of the file.
    let text = format!("\u{FEFF}{}", sample().replace('\n', "\r\n"));
    let path = dir.path().join("crlf.txt");
    std::fs::write(&path, &text).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let stdout = run(nutgraf().args(["--format", "json", "--sentences", "4"]).arg(&path));
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let sentences = value["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 4);
    for sentence in sentences {
        let (start, end) = (sentence["start"].as_u64().unwrap() as usize, sentence["end"].as_u64().unwrap() as usize);
        assert_eq!(&bytes[start..end], sentence["text"].as_str().unwrap().as_bytes());
    }
    assert!(value["total_sentences"].as_u64().unwrap() > 4);
}

#[test]
fn split_prints_the_splitter_sentences_as_text_and_json() {
    let text = sample();
    let expected: Vec<String> =
        SentenceSplitter::new(Language::English)
            .split(&text)
            .iter()
            .map(|s| s.text(&text))
            // A sentence of hard-wrapped lines is printed on one line; other whitespace is kept verbatim.
            .map(|s| {
                if s.contains(['\n', '\r']) {
                    s.split_whitespace().collect::<Vec<_>>().join(" ")
                } else {
                    s.to_string()
                }
            })
            .collect();
    let stdout = run(nutgraf().arg("split").arg(sample_path()));
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
    assert_eq!(run(nutgraf().arg("split").write_stdin(text.clone())), stdout);

    let bytes = std::fs::read(sample_path()).unwrap();
    let json = run(nutgraf().args(["split", "--format", "json"]).arg(sample_path()));
    let lines: Vec<serde_json::Value> = json.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), expected.len());
    let mut previous_end = 0;
    for (index, line) in lines.iter().enumerate() {
        assert_eq!(line["index"], index);
        let (start, end) = (line["start"].as_u64().unwrap() as usize, line["end"].as_u64().unwrap() as usize);
        assert!(start >= previous_end && start < end);
        assert_eq!(&bytes[start..end], line["text"].as_str().unwrap().as_bytes());
        for field in ["paragraph", "line", "starts_line", "ends_line", "terminated"] {
            assert!(line.get(field).is_some(), "no {field} in {line}");
        }
        previous_end = end;
    }
}

#[test]
fn split_uses_the_language_abbreviations() {
    let text = "Das kostet ca. 5 Euro. Dr. Müller kam am 3. Mai. Er blieb.";
    let expected: Vec<&str> =
        SentenceSplitter::new(Language::German).split(text).iter().map(|s| s.text(text)).collect();
    let stdout = run(nutgraf().args(["split", "--language", "german"]).write_stdin(text));
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn print_config_is_the_preset_as_toml() {
    for (args, preset) in [(vec![], Preset::News), (vec!["--preset", "general"], Preset::General)] {
        let stdout = run(nutgraf().args(&args).arg("--print-config"));
        let parsed = Config::from_toml_str(&stdout, Preset::News).expect("printed configuration parses");
        assert_eq!(parsed, Config::preset(preset), "{args:?}");
    }
    let stdout = run(nutgraf().args(["--print-config", "--language", "german"]));
    let parsed = Config::from_toml_str(&stdout, Preset::News).unwrap();
    assert_eq!(parsed.language, Language::German);
}

#[test]
fn a_config_file_in_toml_or_json_sets_the_options() {
    let dir = TempDir::new().unwrap();
    let mut config = Config::preset(Preset::General);
    config.redundancy = 0.3;
    config.weights.position = 0.5;
    config.noise.threshold = 0.8;
    let toml_path = dir.path().join("nutgraf.toml");
    std::fs::write(&toml_path, config.to_toml_string()).unwrap();
    let json_path = dir.path().join("nutgraf.json");
    std::fs::write(&json_path, serde_json::to_string(&config).unwrap()).unwrap();
    // A partial file: unset fields come from the preset.
    let partial_path = dir.path().join("partial.toml");
    std::fs::write(&partial_path, "redundancy = 0.3\n[weights]\nposition = 0.5\n[noise]\nthreshold = 0.8\n").unwrap();

    let text = sample();
    let summarizer = Summarizer::builder().config(config.clone()).budget(Budget::Sentences(4)).build().unwrap();
    let expected = render(&summarizer.summarize(&text), Format::Text);
    for (path, preset) in [(&toml_path, "news"), (&json_path, "news"), (&partial_path, "general")] {
        let printed = run(nutgraf().arg("--config").arg(path).args(["--preset", preset, "--print-config"]));
        assert_eq!(Config::from_toml_str(&printed, Preset::News).unwrap(), config, "{}", path.display());
        let stdout = run(nutgraf().arg("--config").arg(path).args(["--preset", preset, "-n", "4"]).arg(sample_path()));
        assert_eq!(stdout, expected, "{}", path.display());
    }
}

#[test]
fn the_general_preset_and_german_reach_the_library() {
    let text = sample();
    let stdout = run(nutgraf().args(["--preset", "general"]).arg(sample_path()));
    assert_eq!(stdout, library_brief(&text, Preset::General, Language::English, Budget::default(), Format::Text));

    let stdout = run(nutgraf().args(["--language", "german", "-n", "2"]).write_stdin(GERMAN));
    let expected = library_brief(GERMAN, Preset::News, Language::German, Budget::Sentences(2), Format::Text);
    assert_eq!(stdout, expected);
    assert_eq!(stdout.lines().count(), 2);
    assert!(!stdout.contains("Stadtrat beschließt neuen Haushalt\n"), "the headline is not a brief sentence");
    let stdout = run(nutgraf().args(["-l", "de", "-n", "2"]).write_stdin(GERMAN));
    assert_eq!(stdout, expected, "the language code works too");
}

/// A varied batch: news-like records built from a small word list, with ids of several JSON types.
fn generated_batch(records: usize) -> String {
    const WORDS: [&str; 24] = [
        "council", "budget", "river", "flood", "minister", "school", "vote", "market", "energy", "price", "court",
        "ruling", "storm", "harbour", "railway", "strike", "hospital", "report", "election", "tax", "bridge",
        "festival", "museum", "police",
    ];
    let mut state: u64 = 42;
    let mut next = |bound: usize| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % bound
    };
    let mut out = String::new();
    for k in 0..records {
        let sentences = next(12);
        let mut text = String::new();
        for _ in 0..sentences {
            let words: Vec<&str> = (0..3 + next(15)).map(|_| WORDS[next(WORDS.len())]).collect();
            let mut sentence = words.join(" ");
            sentence[..1].make_ascii_uppercase();
            text.push_str(&sentence);
            text.push_str(if next(4) == 0 { ".\n\n" } else { ". " });
        }
        let id = match k % 3 {
            0 => serde_json::json!(k),
            1 => serde_json::json!(format!("doc-{k}")),
            _ => serde_json::json!({"n": k}),
        };
        out.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        out.push('\n');
    }
    out
}

#[test]
fn jsonl_output_is_in_input_order_and_identical_for_any_thread_count() {
    let batch = generated_batch(300);
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("batch.jsonl");
    std::fs::write(&path, &batch).unwrap();

    let single = nutgraf().args(["--jsonl", "--threads", "1"]).arg(&path).output().unwrap();
    assert!(single.status.success(), "{}", String::from_utf8_lossy(&single.stderr));
    for threads in ["2", "3", "8"] {
        let output = nutgraf().args(["--jsonl", "--threads", threads]).arg(&path).output().unwrap();
        assert!(output.status.success());
        assert!(output.stdout == single.stdout, "--threads {threads} gives different bytes than --threads 1");
    }
    let from_stdin = nutgraf().args(["--jsonl", "--threads", "2"]).write_stdin(batch.clone()).output().unwrap();
    assert!(from_stdin.stdout == single.stdout, "stdin and file input differ");

    let summarizer = Summarizer::builder().build().unwrap();
    let inputs: Vec<serde_json::Value> = batch.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let outputs: Vec<serde_json::Value> =
        String::from_utf8(single.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(outputs.len(), inputs.len());
    for (input, output) in inputs.iter().zip(&outputs) {
        assert_eq!(output["id"], input["id"]);
        let summary = summarizer.summarize(input["text"].as_str().unwrap());
        assert_eq!(output["summary"], summary.to_text());
    }
    // Scores compared as printed: parsing a float back into a JSON value may round its last digit.
    for (line, input) in String::from_utf8(single.stdout).unwrap().lines().zip(&inputs) {
        let summary = summarizer.summarize(input["text"].as_str().unwrap());
        let sentences = serde_json::to_string(&summary.sentences).unwrap();
        let language = &summary.language;
        // The default, adaptive, says which scoring it chose wherever there was a sentence to choose.
        let scoring = summary.scoring.as_ref().map(|s| format!(",\"scoring\":{}", serde_json::to_string(s).unwrap()));
        let scoring = scoring.unwrap_or_default();
        assert!(
            line.ends_with(&format!(",\"sentences\":{sentences},\"language\":\"{language}\"{scoring}}}")),
            "{line}\n{sentences}"
        );
    }
}

#[test]
fn jsonl_reads_several_files_in_order() {
    let dir = TempDir::new().unwrap();
    let first = dir.path().join("first.jsonl");
    let second = dir.path().join("second.jsonl");
    std::fs::write(&first, generated_batch(20)).unwrap();
    std::fs::write(&second, generated_batch(7)).unwrap();
    let stdout = run(nutgraf().args(["--jsonl", "--threads", "2"]).args([&first, &second]));
    let ids: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone()).collect();
    let expected: Vec<serde_json::Value> = [&first, &second]
        .iter()
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(ids, expected);
}

#[test]
fn help_and_version_work() {
    let help = run(nutgraf().arg("--help"));
    assert!(help.contains("Exit codes"), "{help}");
    assert!(!help.contains("max-record-bytes"), "the test-only flag stays hidden");
    let version = run(nutgraf().arg("--version"));
    assert!(version.starts_with("nutgraf "), "{version}");
}

/// Batch mode streams: each record's answer comes out while the producer is still waiting to send the
/// next one (a blank line after the record must not hold it back either).
#[test]
fn jsonl_answers_each_record_before_the_next_arrives() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("nutgraf"))
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for id in 0..3 {
        writeln!(stdin, r#"{{"id": {id}, "text": "Record {id} arrives alone. Its answer must not wait."}}"#).unwrap();
        writeln!(stdin).unwrap();
        stdin.flush().unwrap();
        // A liveness check, not a timing claim: without streaming the answer never comes before EOF.
        let answer = rx.recv_timeout(Duration::from_secs(60)).expect("no answer while the input stays open");
        assert!(answer.starts_with(&format!(r#"{{"id":{id},"#)), "{answer}");
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn an_idf_table_built_from_a_corpus_is_the_library_one_and_shapes_the_brief_as_in_the_library() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let texts = [sample(), "The council met on Monday. The budget passed after a long debate.".to_string()];
    let lines: Vec<String> =
        texts.iter().map(|text| serde_json::json!({ "id": 1, "text": text }).to_string()).collect();
    std::fs::write(&corpus, lines.join("\n")).unwrap();
    let table = nutgraf().args(["idf", "build"]).arg(&corpus).output().unwrap();
    assert!(table.status.success(), "{}", String::from_utf8_lossy(&table.stderr));
    let mut builder = nutgraf::CorpusIdf::builder(Language::English);
    for text in &texts {
        builder.add_document(text);
    }
    assert_eq!(table.stdout, builder.build().to_bytes());

    let idf_path = dir.path().join("idf.bin");
    std::fs::write(&idf_path, &table.stdout).unwrap();
    let stdout = run(nutgraf().args(["-n", "2", "--idf"]).arg(&idf_path).arg(sample_path()));
    let idf = std::sync::Arc::new(nutgraf::CorpusIdf::from_bytes(&table.stdout).unwrap());
    let summarizer = Summarizer::builder().budget(Budget::Sentences(2)).idf(idf).build().unwrap();
    assert_eq!(stdout, render(&summarizer.summarize(&sample()), Format::Text));

    // A table for another language, or a file that is not a table, is refused with exit code 2.
    nutgraf().args(["--language", "german", "--idf"]).arg(&idf_path).arg(sample_path()).assert().code(2);
    nutgraf().arg("--idf").arg(&corpus).arg(sample_path()).assert().code(2);
}

#[test]
fn explain_and_character_budgets_on_the_command_line() {
    let json = run(nutgraf().args(["--explain", "-f", "json", "--chars", "400"]).arg(sample_path()));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(value["weights"]["position"].is_number(), "{json}");
    for sentence in value["sentences"].as_array().unwrap() {
        assert!(sentence["features"]["textrank"].is_number(), "{json}");
    }
    let text = run(nutgraf().args(["--chars", "400"]).arg(sample_path()));
    assert!(!text.is_empty() && text.trim_end().chars().count() <= 400, "{text}");
    let summarizer = Summarizer::builder().budget(Budget::Chars(400)).build().unwrap();
    assert_eq!(text, render(&summarizer.summarize(&sample()), Format::Text));
}

/// `--preset adaptive` prints the library's adaptive brief, with what it chose and why; a fixed preset
/// has no `"scoring"`.
#[test]
fn the_adaptive_preset_says_what_it_chose() {
    let text = sample();
    let stdout = run(nutgraf().args(["--format", "json", "--preset", "adaptive"]).arg(sample_path()));
    let mut value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    value.as_object_mut().unwrap().remove("file");
    let library = library_brief(&text, Preset::Adaptive, Language::English, Budget::default(), Format::Json);
    assert_eq!(value, serde_json::from_str::<serde_json::Value>(&library).unwrap());
    let scoring = &value["scoring"];
    assert!(matches!(scoring["preset"].as_str(), Some("news" | "general")), "{scoring}");
    let probability = scoring["general_probability"].as_f64().unwrap();
    assert_eq!(scoring["preset"] == "general", probability >= 0.5, "{scoring}");
    let news = run(nutgraf().args(["--format", "json", "--preset", "news"]).arg(sample_path()));
    assert!(!news.contains("\"scoring\""), "{news}");
    let explained = run(nutgraf().args(["--preset", "adaptive", "--explain"]).arg(sample_path()));
    assert!(explained.lines().last().unwrap().starts_with("scoring: "), "{explained}");
}
