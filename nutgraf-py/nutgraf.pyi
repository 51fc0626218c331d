"""nutgraf: extractive summaries and keyphrases of articles (Rust, via PyO3).

Offsets are character offsets into ``Summary.source_text``: ``source_text[s.start:s.end] == s.text``.
For plain text ``source_text`` is the input itself; for HTML and Markdown it is the extracted text
(``extract(page).text``).
"""

from typing import Iterable, Iterator, List, Optional, Tuple

__version__: str

class NutgrafError(ValueError):
    """An option or input nutgraf cannot use; the message is the Rust library's."""

class Sentence:
    """One sentence of a Summary."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int:
        """Character offset of the first character in the summary's source_text."""
    @property
    def end(self) -> int:
        """Character offset one past the last character."""
    @property
    def score(self) -> float:
        """Relative score: 1.0 for the best candidate of the text."""
    @property
    def index(self) -> int:
        """The sentence's number among all sentences of the text (0-based)."""

class Keyphrase:
    """A phrase the text is about, with every place it occurs."""

    @property
    def text(self) -> str:
        """The phrase as the text writes it (its most frequent form)."""
    @property
    def score(self) -> float:
        """Relative score: 1.0 for the best keyphrase of the text."""
    @property
    def spans(self) -> List[Tuple[int, int]]:
        """(start, end) character offsets of every occurrence in the source text, in order."""

class Summary:
    """A brief: the chosen sentences in source order."""

    @property
    def sentences(self) -> List[Sentence]: ...
    @property
    def text(self) -> str:
        """One sentence per line, line breaks inside a sentence folded to spaces."""
    @property
    def total_sentences(self) -> int: ...
    @property
    def language(self) -> str:
        """The language the text was summarized as (detected unless one was given)."""
    @property
    def source_text(self) -> str:
        """The text the offsets index: the input for plain text, the extracted text otherwise."""
    @property
    def format(self) -> str:
        """How the input was read: "text", "html" or "markdown"."""
    @property
    def title(self) -> Optional[str]:
        """The title given, or the one the page or Markdown file has."""
    @property
    def keyphrases(self) -> Optional[List[Keyphrase]]:
        """Best first, with ``keywords=N``; None without."""
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Sentence]: ...

class Span:
    """A sentence as the splitter finds it."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def index(self) -> int: ...
    @property
    def paragraph(self) -> int: ...

class Block:
    """A block of a Document: ``document.text[start:end] == text``."""

    @property
    def kind(self) -> str:
        """"paragraph", "heading", "list_item", "quote", "caption", "code", "table_cell", "navigation", …"""
    @property
    def level(self) -> Optional[int]:
        """1–6 for a heading, else None."""
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...

class Document:
    """What nutgraf reads of an input (see extract)."""

    @property
    def text(self) -> str:
        """The text nutgraf summarizes: blocks one after another, a blank line between them."""
    @property
    def title(self) -> Optional[str]: ...
    @property
    def format(self) -> str:
        """"text", "html" or "markdown"."""
    @property
    def blocks(self) -> List[Block]: ...

class Summarizer:
    """Summarizes texts with fixed options; build once, reuse from any thread."""

    def __init__(
        self,
        *,
        sentences: Optional[int] = None,
        ratio: Optional[float] = None,
        words: Optional[int] = None,
        language: str = "auto",
        preset: str = "adaptive",
        input: str = "auto",
        keywords: Optional[int] = None,
    ) -> None: ...
    def summarize(self, text: str, title: Optional[str] = None) -> Summary: ...
    def summarize_many(
        self,
        texts: Iterable[str],
        threads: Optional[int] = None,
        titles: Optional[Iterable[Optional[str]]] = None,
    ) -> List[Summary]:
        """In input order, on all cores (or ``threads``), with the GIL released."""
    @property
    def language(self) -> str:
        """"auto" or a language's English name."""
    @property
    def preset(self) -> str: ...
    @property
    def input(self) -> str: ...
    @property
    def keywords(self) -> Optional[int]: ...
    @property
    def budget(self) -> str: ...

def summarize(
    text: str,
    *,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    words: Optional[int] = None,
    language: str = "auto",
    preset: str = "adaptive",
    title: Optional[str] = None,
    input: str = "auto",
    keywords: Optional[int] = None,
) -> Summary: ...
def keywords(text: str, k: int = 10, *, language: str = "auto", input: str = "auto") -> List[Keyphrase]: ...
def extract(text: str, *, input: str = "auto") -> Document: ...
def split(text: str, *, language: str = "english") -> List[Span]: ...
def languages() -> List[str]: ...
