"""Enron-Spam: the archives enron1 ... enron6 (one e-mail per file) and the book's spam.txt / ham.txt.

The book's chapter 15 reads `spam.txt` and `ham.txt`, one e-mail per line, as UTF-8 ignoring errors
(`codecs.open(...).readlines()`), and strips the last two characters of each line (its CR LF). Built from
an archive (BOOK.md section 1.6): each file, in sorted name order, is one e-mail, read as UTF-8 ignoring
errors, with every line break replaced by a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from learning.datasets import DatasetError, DatasetMissing
from learning.datasets._files import read_bytes, tar_members, write_atomic
from learning.datasets.locate import candidates, data_dirs

SPAM = "spam.txt"
HAM = "ham.txt"
SETS = tuple(range(1, 7))
# What str.splitlines() (and so the book's codecs reader) treats as a line boundary; CR LF counts once.
_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def email_line(data: bytes) -> str:
    """One e-mail file as one line: UTF-8 ignoring errors, each line break replaced by a space."""
    return _BREAKS.sub(" ", data.decode("utf-8", errors="ignore"))


def emails_from_folder(folder: Path) -> list[str]:
    """Every file of a folder (sorted by name) as one e-mail line."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DatasetError(f"{folder}: the folder does not exist")
    names = sorted(p.name for p in folder.iterdir() if p.is_file())
    if not names:
        raise DatasetError(f"{folder}: the folder holds no e-mails")
    return [email_line(read_bytes(folder / name)) for name in names]


@dataclass
class EnronSet:
    """One Enron-Spam set as the book's two lists (one e-mail per entry, no line breaks inside)."""

    ham: list[str]
    spam: list[str]


def set_from_folder(folder: Path) -> EnronSet:
    """An extracted set (a folder with `ham/` and `spam/`)."""
    folder = Path(folder)
    return EnronSet(emails_from_folder(folder / "ham"), emails_from_folder(folder / "spam"))


def set_from_archive(archive: Path) -> EnronSet:
    """A set from its archive (enronN.tar.gz holding enronN/ham/* and enronN/spam/*)."""
    pattern = re.compile(r"(?:^|/)(ham|spam)/([^/]+)$")
    found: dict[str, dict[str, bytes]] = {"ham": {}, "spam": {}}
    for name, data in tar_members(archive, lambda n: pattern.search(n) is not None):
        match = pattern.search(name)
        assert match is not None
        found[match.group(1)][match.group(2)] = data
    for kind in ("ham", "spam"):
        if not found[kind]:
            raise DatasetError(f"{Path(archive).name}: the archive holds no {kind} e-mails")
    return EnronSet(*([email_line(found[kind][n]) for n in sorted(found[kind])] for kind in ("ham", "spam")))


def read_set(path: Path) -> EnronSet:
    """A set from an archive (.tar.gz) or an extracted folder."""
    path = Path(path)
    return set_from_folder(path) if path.is_dir() else set_from_archive(path)


def read_book_list(path: Path) -> list[str]:
    """The book's spam.txt / ham.txt: UTF-8 ignoring errors, the lines of codecs' readlines(), each
    without its last two characters (the book's strip of CR LF)."""
    text = read_bytes(path).decode("utf-8", errors="ignore")
    lines = text.splitlines(keepends=True)
    if not lines:
        raise DatasetError(f"{Path(path).name}: the file is empty")
    return [line[:-2] for line in lines]


def write_book_list(emails: list[str], path: Path) -> None:
    """Write e-mail lines in the book's form (each ending CR LF), so that read_book_list gives them back."""
    for number, email in enumerate(emails):
        if _BREAKS.search(email):
            raise DatasetError(f"e-mail {number} contains a line break; build it with email_line()")
    write_atomic(Path(path), "".join(email + "\r\n" for email in emails).encode("utf-8"))


@dataclass(frozen=True)
class EnronFiles:
    """Where spam and ham are in one data root: kind "book" (spam.txt + ham.txt in `path`), "folder"
    (an extracted set) or "archive" (enronN.tar.gz)."""

    kind: str
    path: Path


def locate(root: Path, which: int = 1) -> EnronFiles | None:
    """The book's lists, else set `which` (folder or archive), in `root/enron` or `root`; or None."""
    for folder in candidates(root, "enron"):
        if (folder / SPAM).is_file() and (folder / HAM).is_file():
            return EnronFiles("book", folder)
        for extracted in (folder / f"enron{which}", folder):
            if (extracted / "ham").is_dir() and (extracted / "spam").is_dir():
                return EnronFiles("folder", extracted)
        if (folder / f"enron{which}.tar.gz").is_file():
            return EnronFiles("archive", folder / f"enron{which}.tar.gz")
    return None


@dataclass
class EnronBook:
    """Chapter 15's data: `spam` and `ham` e-mail lines; `substitute` is True when they come from an
    Enron-Spam set rather than the book's own files (the book's numbers are then not comparable)."""

    spam: list[str]
    ham: list[str]
    substitute: bool
    source: str


def load(files: EnronFiles) -> EnronBook:
    """The e-mails of whatever form `files` names."""
    if files.kind == "book":
        return EnronBook(read_book_list(files.path / SPAM), read_book_list(files.path / HAM), False, str(files.path))
    data = read_set(files.path)
    return EnronBook(data.spam, data.ham, True, str(files.path))


def book_enron(folder: Path | None = None, which: int = 1) -> EnronBook:
    """Spam and ham from the first data folder that has the book's files or Enron-Spam set `which`."""
    if which not in SETS:
        raise DatasetError(f"Enron-Spam has sets 1 to 6, not {which}")
    for root in data_dirs(folder):
        files = locate(root, which)
        if files is not None:
            return load(files)
    raise DatasetMissing("enron", f"Enron-Spam (spam.txt and ham.txt, or enron{which}.tar.gz) was not found")
