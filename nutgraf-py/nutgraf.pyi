"""nutgraf: extractive summaries of articles (Rust, via PyO3).

Offsets are character offsets into the Python string: ``text[s.start:s.end] == s.text``.
"""

from typing import Iterable, Iterator, List, Optional

__version__: str

class NutgrafError(ValueError):
    """An option nutgraf cannot use; the message is the Rust library's."""

class Sentence:
    """One sentence of a Summary."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int:
        """Character offset of the first character in the summarized string."""
    @property
    def end(self) -> int:
        """Character offset one past the last character."""
    @property
    def score(self) -> float:
        """Relative score: 1.0 for the best candidate of the text."""
    @property
    def index(self) -> int:
        """The sentence's number among all sentences of the text (0-based)."""

class Summary:
    """A brief: the chosen sentences in source order."""

    @property
    def sentences(self) -> List[Sentence]: ...
    @property
    def text(self) -> str:
        """One sentence per line, line breaks inside a sentence folded to spaces."""
    @property
    def total_sentences(self) -> int: ...
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

class Summarizer:
    """Summarizes texts with fixed options; build once, reuse from any thread."""

    def __init__(
        self,
        *,
        sentences: Optional[int] = None,
        ratio: Optional[float] = None,
        words: Optional[int] = None,
        language: str = "english",
        preset: str = "news",
    ) -> None: ...
    def summarize(self, text: str) -> Summary: ...
    def summarize_many(self, texts: Iterable[str], threads: Optional[int] = None) -> List[Summary]:
        """In input order, on all cores (or ``threads``), with the GIL released."""
    @property
    def language(self) -> str: ...
    @property
    def preset(self) -> str: ...
    @property
    def budget(self) -> str: ...

def summarize(
    text: str,
    *,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    words: Optional[int] = None,
    language: str = "english",
    preset: str = "news",
) -> Summary: ...
def split(text: str, *, language: str = "english") -> List[Span]: ...
def languages() -> List[str]: ...
