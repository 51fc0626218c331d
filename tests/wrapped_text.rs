//! Hard-wrapped prose (a licence, a README, an e-mail, in tests/fixtures/wrapped/): a line broken inside
//! a sentence joins its paragraph whatever the next line starts with (a capital, a quote, a backtick, a
//! bracket), while headings, list items, salutations and sign-offs stay lines of their own.

use nutgraf::{Language, SentenceSplitter};

/// The sentences of a fixture, with the line breaks and indentation inside each folded into one space.
fn sentences(name: &str) -> Vec<String> {
    let path = format!("{}/tests/fixtures/wrapped/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let splitter = SentenceSplitter::new(Language::English);
    splitter.split(&text).iter().map(|s| s.text(&text).split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

fn assert_sentences(name: &str, expected: &[&str]) {
    let got = sentences(name);
    assert_eq!(got, expected, "{name}");
}

#[test]
fn a_licence_wrapped_at_eighty_columns_splits_into_its_sentences() {
    assert_sentences(
        "licence.txt",
        &[
            "THE HARBOUR SOFTWARE LICENCE",
            "Version 1.0, written for tests",
            "1. Definitions.",
            "\"Licence\" shall mean the terms and conditions for use, copying and distribution as set out in \
             Sections 1 through 6 of this document.",
            "\"Work\" shall mean the program, the manual and every file that came with them, whether in Source \
             or Object form, made available under the Licence, as indicated by a notice that is included in or \
             attached to the work (an example is provided in the Appendix below).",
            "\"Source\" form shall mean the preferred form for making changes, and \"Object\" form shall mean \
             any form resulting from translation of a Source form, including but not limited to compiled code, \
             generated documentation, and conversions to other media types.",
            "2. Grant of Licence.",
            "Subject to the terms and conditions of this Licence, each Contributor hereby grants to You a free, \
             worldwide and perpetual licence to reproduce, prepare Derivative Works of, publicly display, \
             sublicense, and distribute the Work and such Derivative Works in Source or Object form.",
        ],
    );
}

#[test]
fn a_readme_keeps_its_headings_and_list_items_and_joins_its_wrapped_lines() {
    assert_sentences(
        "readme.md",
        &[
            "# harbourctl",
            "harbourctl moves boats between the berths of a small marina and keeps a log of every move it makes.",
            "It reads the berth plan from a file of its own, named in the configuration as `berths.toml`, and \
             the tide table from the feed of the harbour master, and it refuses a move that would leave a keel \
             in less than a metre of water at low tide.",
            "Install it with cargo, then point it at the plan of your own marina.",
            "The first run writes a log file next to the plan; every later run appends to it, in the format \
             that the page called [The log format](docs/log.md) describes, with an example of each kind of line \
             it can write.",
            "## Usage",
            "- `harbourctl plan` prints the berth plan",
            "- `harbourctl move A3 B7` moves the boat in A3 to B7",
        ],
    );
}

#[test]
fn an_email_wrapped_at_seventy_two_columns_keeps_its_greeting_and_sign_off() {
    assert_sentences(
        "email.txt",
        &[
            "Hi Sam,",
            "Thanks for the draft of the tide report.",
            "I read it on the train this morning and I think the second section needs more work before we send \
             it to the Harbour Board, because the figures for March and April do not match the ones in the \
             table at the end, which I took from the gauge at Pier Head myself.",
            "Could you check them against the gauge readings?",
            "The Board meets on Thursday and I would rather send them nothing than the wrong numbers.",
            "Best,",
            "Alex",
        ],
    );
}

#[test]
fn a_headline_over_a_paragraph_of_long_lines_stays_its_own_line() {
    let text = "Flood water fills the main street of Harbour Town after storms\n\
                The council said on Sunday that repairs to the homes and shops along the river would take months, \
                and that the road to the harbour would stay closed until the water had gone down.\n";
    let splitter = SentenceSplitter::new(Language::English);
    let got: Vec<&str> = splitter.split(text).iter().map(|s| s.text(text)).collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0], "Flood water fills the main street of Harbour Town after storms");
}
