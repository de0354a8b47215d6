"""Text corpora for the character models of chapter 14: the book's `shakespear.txt` and tiny-shakespeare.

The book's file (99,993 characters, 62 distinct) is machine-generated Shakespeare-like text; the
real text of the same kind, tiny-shakespeare (1,115,394 characters), is offered as an extra corpus.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from learning.datasets import DatasetError, DatasetMissing
from learning.datasets._files import read_text
from learning.datasets.locate import candidates, data_dirs

BOOK_FILE = "book-shakespear.txt"
BOOK_ALIASES = (BOOK_FILE, "shakespear.txt")  # the second is the name the book's notebook opens
TINY_FILE = "tinyshakespeare.txt"
TINY_ALIASES = (TINY_FILE,)


def read_corpus(path: Path) -> str:
    """A text file as the book's `open(...).read()` sees it: UTF-8, line ends turned into '\\n'."""
    text = read_text(path).replace("\r\n", "\n").replace("\r", "\n")
    if not text:
        raise DatasetError(f"{Path(path).name}: the file is empty")
    return text


def char_vocabulary(text: str) -> list[str]:
    """The distinct characters, sorted (code-point order, so '\\n' and ' ' come first; BOOK.md 1.5)."""
    return sorted(set(text))


def encode(text: str, vocab: list[str]) -> np.ndarray:
    """The text as an int64 array of indices into `vocab`; a character outside it is an error."""
    index = {c: i for i, c in enumerate(vocab)}
    try:
        return np.fromiter((index[c] for c in text), dtype=np.int64, count=len(text))
    except KeyError as exc:
        raise DatasetError(f"character {exc.args[0]!r} is not in the vocabulary") from None


def streams(indices: np.ndarray, count: int) -> np.ndarray:
    """The book's parallel streams: (count, n) with n = len // count; stream s is indices[s*n:(s+1)*n]
    and the last len % count entries are unused (16 streams of 6,249 for the book's file)."""
    if count <= 0 or len(indices) < count:
        raise DatasetError(f"cannot cut {len(indices)} characters into {count} streams")
    n = len(indices) // count
    return np.asarray(indices[: n * count]).reshape(count, n)


def _locate(root: Path, aliases: tuple[str, ...]) -> Path | None:
    for folder in candidates(root, "shakespeare"):
        for name in aliases:
            if (folder / name).is_file():
                return folder / name
    return None


def locate_book(root: Path) -> Path | None:
    """The book's file in `root/shakespeare` or `root`, or None."""
    return _locate(root, BOOK_ALIASES)


def locate_tiny(root: Path) -> Path | None:
    """tinyshakespeare.txt in `root/shakespeare` or `root`, or None."""
    return _locate(root, TINY_ALIASES)


def book_shakespeare(folder: Path | None = None) -> str:
    """The text of the book's chapter-14 file from the first data folder that has it."""
    for root in data_dirs(folder):
        path = locate_book(root)
        if path is not None:
            return read_corpus(path)
    raise DatasetMissing("shakespeare", "the book's Shakespeare file (book-shakespear.txt) was not found")


def tiny_shakespeare(folder: Path | None = None) -> str:
    """The text of tiny-shakespeare from the first data folder that has it."""
    for root in data_dirs(folder):
        path = locate_tiny(root)
        if path is not None:
            return read_corpus(path)
    raise DatasetMissing("tinyshakespeare", "tinyshakespeare.txt was not found")
