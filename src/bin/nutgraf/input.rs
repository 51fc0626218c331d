//! Reading an input file or stdin into text, with a clear error for anything that is not text.

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use nutgraf::{Document, InputFormat};

/// Where text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    pub fn from_arg(arg: &Path) -> Source {
        if arg.as_os_str() == "-" { Source::Stdin } else { Source::File(arg.to_path_buf()) }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Stdin => f.write_str("<stdin>"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// Why an input could not be read as text. Each message is one line that names the input.
#[derive(Debug)]
pub enum InputError {
    Io(Source, io::Error),
    IsDirectory(Source),
    InvalidUtf8 { source: Source, offset: usize },
    Binary(Source),
    InvalidUtf16(Source),
    Unreadable(Source, nutgraf::Error),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(source, err) => write!(f, "{source}: {}", describe_io_error(err)),
            InputError::IsDirectory(source) => write!(f, "{source}: is a directory, not a file"),
            InputError::InvalidUtf8 { source, offset } => write!(
                f,
                "{source}: not valid UTF-8 (first bad byte at offset {offset}); use --lossy to replace invalid bytes"
            ),
            InputError::Binary(source) => {
                write!(f, "{source}: looks like a binary file (contains NUL bytes); use --lossy to read it anyway")
            }
            InputError::Unreadable(source, err) => write!(f, "{source}: {err}"),
            InputError::InvalidUtf16(source) => {
                write!(f, "{source}: starts with a UTF-16 byte-order mark but is not valid UTF-16")
            }
        }
    }
}

impl std::error::Error for InputError {}

fn describe_io_error(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            // io::Error's Display ends with "(os error N)"; keep the readable part.
            let text = err.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_string()
        }
    }
}

/// Reads all bytes of a source.
pub fn read_bytes(source: &Source) -> Result<Vec<u8>, InputError> {
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes).map_err(|e| InputError::Io(source.clone(), e))?;
            Ok(bytes)
        }
        Source::File(path) => {
            if path.is_dir() {
                return Err(InputError::IsDirectory(source.clone()));
            }
            std::fs::read(path).map_err(|e| InputError::Io(source.clone(), e))
        }
    }
}

/// Decodes bytes as text: UTF-8 (a BOM is kept; the splitter skips it), or UTF-16 when it starts with a
/// UTF-16 byte-order mark. With `lossy`, invalid UTF-8 is replaced by U+FFFD and NUL bytes are allowed.
pub fn decode(source: &Source, bytes: Vec<u8>, lossy: bool) -> Result<String, InputError> {
    if let Some(text) = decode_utf16(&bytes) {
        let text = text.ok_or_else(|| InputError::InvalidUtf16(source.clone()))?;
        // NULs in decoded UTF-16 mean binary data, or UTF-32, whose little-endian BOM starts like UTF-16's.
        if !lossy && text.contains('\0') {
            return Err(InputError::Binary(source.clone()));
        }
        return Ok(text);
    }
    if !lossy && memchr::memchr(0, &bytes).is_some() {
        return Err(InputError::Binary(source.clone()));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) if lossy => Ok(String::from_utf8_lossy(err.as_bytes()).into_owned()),
        Err(err) => Err(InputError::InvalidUtf8 { source: source.clone(), offset: err.utf8_error().valid_up_to() }),
    }
}

/// `Some(Some(text))` for valid UTF-16 with a BOM, `Some(None)` for a BOM followed by invalid UTF-16,
/// `None` when there is no UTF-16 BOM.
fn decode_utf16(bytes: &[u8]) -> Option<Option<String>> {
    let little_endian = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let body = &bytes[2..];
    if !body.len().is_multiple_of(2) {
        return Some(None);
    }
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
    });
    Some(char::decode_utf16(units).collect::<Result<String, _>>().ok())
}

/// Reads and decodes one source.
pub fn read_text(source: &Source, lossy: bool) -> Result<String, InputError> {
    let bytes = read_bytes(source)?;
    decode(source, bytes, lossy)
}

/// The format to read a source as: the one asked for, else the one its file name says, else (`None`)
/// the one its content shows.
pub fn format_of(source: &Source, asked: Option<InputFormat>) -> Option<InputFormat> {
    asked.or_else(|| match source {
        Source::File(path) => path.file_name().and_then(|name| InputFormat::from_extension(&name.to_string_lossy())),
        Source::Stdin => None,
    })
}

/// Reads one source into a [`Document`], as `asked` or as detected; `title` replaces the source's.
pub fn read_document(
    source: &Source,
    lossy: bool,
    asked: Option<InputFormat>,
    title: Option<&str>,
) -> Result<Document, InputError> {
    document_of(source, read_text(source, lossy)?, asked, title)
}

/// The document of an input's text, read in the format asked for, else the one its name or content
/// says.
pub fn document_of(
    source: &Source,
    text: String,
    asked: Option<InputFormat>,
    title: Option<&str>,
) -> Result<Document, InputError> {
    let format = format_of(source, asked).unwrap_or_else(|| InputFormat::sniff(&text));
    let document = if format == InputFormat::Text {
        // Plain text is taken as it is: no copy of a large input.
        Document::from_text(text)
    } else {
        Document::read(&text, Some(format)).map_err(|err| InputError::Unreadable(source.clone(), err))?
    };
    Ok(match title {
        Some(title) => document.with_title(title),
        None => document,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_bom_is_transcoded() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Hé!".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&Source::Stdin, bytes, false).unwrap(), "Hé!");
    }

    #[test]
    fn invalid_utf8_names_the_offset_and_lossy_replaces() {
        let err = decode(&Source::Stdin, b"ab\xFFcd".to_vec(), false).unwrap_err();
        assert!(err.to_string().contains("offset 2"), "{err}");
        assert_eq!(decode(&Source::Stdin, b"ab\xFFcd".to_vec(), true).unwrap(), "ab\u{FFFD}cd");
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(decode(&Source::Stdin, b"a\0b".to_vec(), false), Err(InputError::Binary(_))));
    }
}
