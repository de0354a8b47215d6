"""bAbI tasks v1.1 (English): the book's chapters 12-13 read the first 1,000 lines of task 1's training file.

Each line is "ID text"; question lines are "ID question<TAB>answer<TAB>supporting fact IDs". IDs restart
at 1 with each story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from learning.datasets import DatasetError, DatasetMissing
from learning.datasets._files import read_text
from learning.datasets.locate import candidates, data_dirs

TRAIN = "qa1_single-supporting-fact_train.txt"
TEST = "qa1_single-supporting-fact_test.txt"
BOOK_LINES = 1000
_SUBFOLDERS = (".", "tasksv11/en", "tasks_1-20_v1-1/en", "en")  # tasksv11/en is where the book's notebook looks
_STATEMENT = re.compile(r"^\d+ [^\t]+$")
_QUESTION = re.compile(r"^\d+ [^\t]+\t[^\t]+\t[\d ]+$")


def read_task(path: Path) -> list[str]:
    """A task file as `readlines()` gives it (each line keeps its '\\n'); every line's form is checked."""
    text = read_text(path).replace("\r\n", "\n")
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    if not lines:
        raise DatasetError(f"{Path(path).name}: the file is empty")
    for number, line in enumerate(lines, start=1):
        body = line.rstrip("\n")
        if not (_STATEMENT.match(body) or _QUESTION.match(body)):
            raise DatasetError(f"{Path(path).name}, line {number}: not a bAbI line "
                               f"('ID text' or 'ID question<TAB>answer<TAB>IDs'): {body[:40]!r}")
    return lines


def tokenize(lines: list[str]) -> list[list[str]]:
    """The book's tokens: each line lower-cased, newline removed, split on single spaces, the ID dropped.
    A question line's last token is TAB + answer + TAB + supporting IDs, as in the book."""
    return [line.lower().replace("\n", "").split(" ")[1:] for line in lines]


def vocabulary(token_lists: list[list[str]]) -> list[str]:
    """All distinct tokens, sorted (BOOK.md section 1.5); 82 for the book's 1,000 lines."""
    return sorted({t for tokens in token_lists for t in tokens})


def pad_left(token_lists: list[list[str]], length: int = 6, pad: str = "-") -> list[list[str]]:
    """Chapter 13's form: each token list left-padded with `pad` to `length` tokens (longer lists are kept)."""
    return [[pad] * (length - len(tokens)) + tokens for tokens in token_lists]


@dataclass(frozen=True)
class BabiFiles:
    """Task 1's files in one data root; the test file may be absent."""

    train: Path
    test: Path | None


def locate(root: Path) -> BabiFiles | None:
    """Task 1's files in `root/babi` or `root` (also under tasksv11/en or tasks_1-20_v1-1/en), or None."""
    for base in candidates(root, "babi"):
        for sub in _SUBFOLDERS:
            folder = base / sub
            if (folder / TRAIN).is_file():
                test = folder / TEST
                return BabiFiles(folder / TRAIN, test if test.is_file() else None)
    return None


def book_babi(folder: Path | None = None, count: int = BOOK_LINES) -> list[str]:
    """The first `count` lines of task 1's training file (readlines form), from the first data folder
    that has it."""
    for root in data_dirs(folder):
        files = locate(root)
        if files is not None:
            lines = read_task(files.train)
            if len(lines) < count:
                raise DatasetError(f"{files.train.name}: {len(lines)} lines, the book reads {count}")
            return lines[:count]
    raise DatasetMissing("babi", f"bAbI task 1 ({TRAIN}) was not found")
