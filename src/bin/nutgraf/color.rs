//! `--color`: whether terminal output is coloured, and the styles of what is.

use std::io::IsTerminal;

use anstyle::{AnsiColor, Style};
use clap::ValueEnum;

/// When to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Only when stdout is a terminal and `NO_COLOR` is unset or empty.
    Auto,
    Always,
    Never,
}

/// Whether `choice` colours the output, given the value of `NO_COLOR` (no-color.org: set and non-empty
/// turns colour off) and whether the output is a terminal. An explicit `always` wins over `NO_COLOR`,
/// as in ripgrep: the variable sets a default, the flag is a request.
pub fn wants_color(choice: ColorChoice, no_color: Option<&std::ffi::OsStr>, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && no_color.is_none_or(std::ffi::OsStr::is_empty),
    }
}

/// Styles text for the terminal, or passes it through unchanged.
pub struct Painter {
    color: bool,
}

const HEADER: Style = AnsiColor::Magenta.on_default().bold();
const SENTENCE: Style = AnsiColor::Green.on_default();

impl Painter {
    pub fn new(choice: ColorChoice, stdout: &std::io::Stdout) -> Self {
        Painter { color: wants_color(choice, std::env::var_os("NO_COLOR").as_deref(), stdout.is_terminal()) }
    }

    /// A file's header line.
    pub fn header(&self, header: &str) -> String {
        self.paint(HEADER, header)
    }

    /// The brief as rendered (one sentence per line, each after `marker`), each sentence coloured.
    pub fn sentences(&self, rendered: &str, marker: &str) -> String {
        if !self.color {
            return rendered.to_string();
        }
        let mut out = String::with_capacity(rendered.len() + 16);
        for line in rendered.lines() {
            let sentence = line.strip_prefix(marker).unwrap_or(line);
            out.push_str(&line[..line.len() - sentence.len()]);
            out.push_str(&self.paint(SENTENCE, sentence));
            out.push('\n');
        }
        out
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color { format!("{}{text}{}", style.render(), style.render_reset()) } else { text.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_colours_only_a_terminal_without_no_color() {
        use std::ffi::OsStr;
        assert!(wants_color(ColorChoice::Auto, None, true));
        assert!(wants_color(ColorChoice::Auto, Some(OsStr::new("")), true));
        assert!(!wants_color(ColorChoice::Auto, Some(OsStr::new("1")), true));
        assert!(!wants_color(ColorChoice::Auto, None, false));
        assert!(wants_color(ColorChoice::Always, Some(OsStr::new("1")), false));
        assert!(!wants_color(ColorChoice::Never, None, true));
    }

    #[test]
    fn sentences_are_coloured_after_their_marker() {
        let painter = Painter { color: true };
        let painted = painter.sentences("- One.\n- Two.\n", "- ");
        assert_eq!(painted, "- \u{1b}[32mOne.\u{1b}[0m\n- \u{1b}[32mTwo.\u{1b}[0m\n");
        assert_eq!(Painter { color: false }.sentences("- One.\n", "- "), "- One.\n");
    }
}
