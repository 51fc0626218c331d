//! What happens before the command line is parsed: default flags from `NUTGRAF_CONFIG`, and the hint
//! for someone who ran `nutgraf` on a terminal without input.

use std::ffi::OsString;
use std::path::Path;

use anyhow::Context;

use crate::input::Source;

/// The names of the subcommands: `NUTGRAF_CONFIG` holds defaults for summarizing, so it is not applied
/// to them (its flags would not all be theirs).
const SUBCOMMANDS: [&str; 6] = ["split", "eval", "tune", "completions", "man", "help"];

/// The arguments to parse: the program's own, with the flags of the file `NUTGRAF_CONFIG` names (if
/// set and non-empty) put first, so that the command line's come later and win.
pub fn arguments(args: Vec<OsString>) -> anyhow::Result<Vec<OsString>> {
    let Some(path) = std::env::var_os("NUTGRAF_CONFIG").filter(|p| !p.is_empty()) else {
        return Ok(args);
    };
    if args.get(1).is_some_and(|first| SUBCOMMANDS.iter().any(|name| first == *name)) {
        return Ok(args);
    }
    let path = Path::new(&path);
    let text =
        std::fs::read_to_string(path).with_context(|| format!("NUTGRAF_CONFIG={}: cannot read", path.display()))?;
    let mut out = Vec::with_capacity(args.len() + 8);
    let mut args = args.into_iter();
    out.extend(args.next());
    out.extend(config_flags(&text).map(OsString::from));
    out.extend(args);
    Ok(out)
}

/// The flags of a `NUTGRAF_CONFIG` file, as ripgrep reads its config: one argument per line, blank
/// lines and lines starting with `#` skipped, leading and trailing whitespace trimmed. A flag with a
/// value is `--flag=value` on one line, or the flag and the value on two.
pub fn config_flags(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// The one-line hint printed when nutgraf would wait for an article typed on the terminal.
pub fn stdin_hint(sources: &[Source], stdin_is_terminal: bool) -> Option<&'static str> {
    (stdin_is_terminal && sources.contains(&Source::Stdin)).then_some(
        "nutgraf: reading an article from the terminal; end it with Ctrl-D (or give a file; see nutgraf --help)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_lines_are_flags_without_comments_or_blanks() {
        let text = "# defaults\n--sentences=2\n\n  --language\n  german  \n#--lossy\n";
        assert_eq!(config_flags(text).collect::<Vec<_>>(), ["--sentences=2", "--language", "german"]);
    }

    #[test]
    fn the_hint_is_for_a_terminal_stdin_only() {
        let file = Source::File("a.txt".into());
        assert!(stdin_hint(&[Source::Stdin], true).is_some());
        assert!(stdin_hint(&[file.clone(), Source::Stdin], true).is_some());
        assert_eq!(stdin_hint(&[Source::Stdin], false), None);
        assert_eq!(stdin_hint(&[file], true), None);
    }
}
