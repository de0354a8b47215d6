"""IMDB movie reviews in the book's form: `reviews.txt` (one cleaned review per line) and `labels.txt`.

The book (chapters 11-12) reads both files with `readlines()`. They can be rebuilt from the Large Movie
Review Dataset (`aclImdb_v1.tar.gz`, or its extracted `train/pos` and `train/neg` folders) by the rule of
BOOK.md section 1.6: line k interleaves the two folders (pos[0], neg[0], pos[1], ...), each folder's files
in sorted file-name order; the text is lower-cased, every character other than a-z and '.' becomes a
space, each '.' is preceded by a space, and the line ends with '\n'. Labels are "positive"/"negative".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from learning.datasets import DatasetError, DatasetMissing
from learning.datasets._files import read_text, tar_members, write_atomic
from learning.datasets.locate import candidates, data_dirs

REVIEWS = "reviews.txt"
LABELS = "labels.txt"
ARCHIVE = "aclImdb_v1.tar.gz"
FULL_COUNT = 25_000  # 12,500 positive and 12,500 negative training reviews
TEST_COUNT = 1000  # the book tests on the last 1,000 reviews
LABEL_WORDS = ("positive", "negative")
_NOT_KEPT = re.compile(r"[^a-z.]")


def clean_review(text: str) -> str:
    """The book's form of one raw review (without the line terminator): lower-cased, every character
    other than a-z and '.' made a space, each '.' preceded by a space."""
    return _NOT_KEPT.sub(" ", text.lower()).replace(".", " .")


def tokens(review: str) -> list[str]:
    """The words of one line of reviews.txt: split on single spaces, terminator and empty strings dropped."""
    return [t for t in review.rstrip("\n").split(" ") if t]


def vocabulary(reviews: list[str]) -> list[str]:
    """Every distinct non-empty token of the reviews, sorted (BOOK.md section 1.5)."""
    return sorted({t for review in reviews for t in tokens(review)})


def targets(labels: list[str]) -> list[int]:
    """The book's goals: 1 for "positive", 0 for "negative"."""
    return [1 if label == "positive" else 0 for label in labels]


def _lines(text: str) -> list[str]:
    """`readlines()` of a text: every line keeps its '\n'; a last line without one is kept as it is."""
    parts = text.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def read_labels(path: Path) -> list[str]:
    """labels.txt as a list of "positive"/"negative" (terminators removed); anything else is an error."""
    labels = [line.rstrip("\r\n") for line in _lines(read_text(path))]
    for number, label in enumerate(labels, start=1):
        if label not in LABEL_WORDS:
            raise DatasetError(f"{Path(path).name}, line {number}: {label[:30]!r} is neither 'positive' nor 'negative'")
    if not labels:
        raise DatasetError(f"{Path(path).name}: the file is empty")
    return labels


def read_reviews(path: Path) -> list[str]:
    """reviews.txt as `readlines()` gives it: one review per line, each with its '\n'."""
    reviews = _lines(read_text(path))
    if not reviews:
        raise DatasetError(f"{Path(path).name}: the file is empty")
    return reviews


def read_book_pair(reviews_path: Path, labels_path: Path) -> tuple[list[str], list[str]]:
    """(reviews, labels) from the book's two files; their line counts must agree."""
    reviews = read_reviews(reviews_path)
    labels = read_labels(labels_path)
    if len(reviews) != len(labels):
        raise DatasetError(f"{Path(reviews_path).name} has {len(reviews)} reviews but "
                           f"{Path(labels_path).name} has {len(labels)} labels")
    return reviews, labels


def interleave(positive: list[str], negative: list[str]) -> tuple[list[str], list[str]]:
    """Raw reviews of the two folders (each in sorted file order) as book lines and labels:
    pos[0], neg[0], pos[1], ... The two folders must hold the same number of reviews."""
    if not positive or not negative:
        raise DatasetError(f"no reviews: train/pos holds {len(positive)}, train/neg {len(negative)}")
    if len(positive) != len(negative):
        raise DatasetError(f"train/pos holds {len(positive)} reviews but train/neg {len(negative)}; "
                           "the book interleaves them one to one")
    reviews: list[str] = []
    labels: list[str] = []
    for pos, neg in zip(positive, negative, strict=True):
        reviews += [clean_review(pos) + "\n", clean_review(neg) + "\n"]
        labels += ["positive", "negative"]
    return reviews, labels


def _folder_texts(folder: Path) -> list[str]:
    if not folder.is_dir():
        raise DatasetError(f"{folder}: the folder does not exist")
    names = sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix == ".txt")
    return [read_text(folder / name, errors="replace") for name in names]


def reviews_from_folders(train_dir: Path) -> tuple[list[str], list[str]]:
    """Book lines and labels from an extracted `train` folder holding `pos/*.txt` and `neg/*.txt`."""
    train_dir = Path(train_dir)
    return interleave(_folder_texts(train_dir / "pos"), _folder_texts(train_dir / "neg"))


def reviews_from_archive(archive: Path) -> tuple[list[str], list[str]]:
    """Book lines and labels from `aclImdb_v1.tar.gz` (only `aclImdb/train/pos` and `/neg` are read)."""
    found: dict[str, dict[str, bytes]] = {"pos": {}, "neg": {}}
    pattern = re.compile(r"(?:^|/)train/(pos|neg)/([^/]+\.txt)$")

    def wanted(name: str) -> bool:
        return pattern.search(name) is not None

    for name, data in tar_members(archive, wanted):
        match = pattern.search(name)
        assert match is not None
        found[match.group(1)][match.group(2)] = data
    texts = {side: [found[side][n].decode("utf-8", errors="replace") for n in sorted(found[side])]
             for side in found}
    return interleave(texts["pos"], texts["neg"])


def write_book_files(reviews: list[str], labels: list[str], folder: Path) -> tuple[Path, Path]:
    """Write reviews.txt and labels.txt into `folder` (each through a .part file, then renamed)."""
    if len(reviews) != len(labels):
        raise DatasetError(f"{len(reviews)} reviews but {len(labels)} labels")
    folder = Path(folder)
    reviews_path, labels_path = folder / REVIEWS, folder / LABELS
    write_atomic(reviews_path, "".join(r if r.endswith("\n") else r + "\n" for r in reviews).encode("utf-8"))
    write_atomic(labels_path, "".join(label + "\n" for label in labels).encode("utf-8"))
    return reviews_path, labels_path


@dataclass(frozen=True)
class ImdbFiles:
    """Where the reviews are in one data root: kind "book" (reviews.txt + labels.txt), "folders" (an
    extracted train folder) or "archive" (aclImdb_v1.tar.gz); `complete` is False for a partial copy."""

    kind: str
    path: Path  # the folder of the book files, the train folder, or the archive
    complete: bool


def _count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


def _count_txt(folder: Path) -> int:
    return sum(1 for p in folder.iterdir() if p.suffix == ".txt") if folder.is_dir() else 0


def locate(root: Path) -> ImdbFiles | None:
    """The best form of the reviews in `root/imdb` or `root`, or None."""
    for folder in candidates(root, "imdb"):
        if (folder / REVIEWS).is_file() and (folder / LABELS).is_file():
            return ImdbFiles("book", folder, _count_lines(folder / LABELS) >= FULL_COUNT)
        for train in (folder / "train", folder / "aclImdb" / "train"):
            if (train / "pos").is_dir() and (train / "neg").is_dir():
                half = FULL_COUNT // 2
                complete = _count_txt(train / "pos") >= half and _count_txt(train / "neg") >= half
                return ImdbFiles("folders", train, complete)
        if (folder / ARCHIVE).is_file():
            return ImdbFiles("archive", folder / ARCHIVE, True)
    return None


@dataclass
class ImdbBook:
    """The book's IMDB data: `reviews` as readlines() gives them ('\\n' kept, BOOK.md Q14) and `labels`
    ("positive"/"negative"); sample mode when fewer than 25,000 reviews are available."""

    reviews: list[str]
    labels: list[str]
    sample_mode: bool
    source: str


def load(files: ImdbFiles) -> tuple[list[str], list[str]]:
    """(reviews, labels) from whatever form `files` names."""
    if files.kind == "book":
        return read_book_pair(files.path / REVIEWS, files.path / LABELS)
    if files.kind == "archive":
        return reviews_from_archive(files.path)
    reviews, labels = reviews_from_folders(files.path)
    # The shared sample keeps the book's labels.txt beside the raw folders: they must agree.
    book_labels = files.path.parent / LABELS
    if book_labels.is_file() and read_labels(book_labels)[:len(labels)] != labels:
        raise DatasetError(f"{book_labels}: its labels disagree with the train/pos and train/neg folders")
    return reviews, labels


def book_imdb(folder: Path | None = None) -> ImdbBook:
    """The book's reviews and labels from the first complete copy among the data folders, else the
    first partial one (the shared sample: 2,000 reviews, sample mode)."""
    found = [f for f in (locate(root) for root in data_dirs(folder)) if f is not None]
    if not found:
        raise DatasetMissing("imdb", "IMDB reviews (reviews.txt and labels.txt, or aclImdb_v1.tar.gz) were not found")
    files = next((f for f in found if f.complete), found[0])
    reviews, labels = load(files)
    return ImdbBook(reviews, labels, len(reviews) < FULL_COUNT, str(files.path))
