"""Chapter 15's e-mails as the book prepares them (BOOK.md, chapter 15, shared setup).

Each e-mail is the *set* of its words (the line split on single spaces). The vocabulary is every word of both
classes plus `<unk>`, sorted (BOOK.md 1.5). An e-mail with fewer than 500 distinct words is kept and becomes 500
word indices: its words in sorted order, then `<unk>` up to 500; longer ones are dropped (the book drops them
silently; here they are counted). The last 1000 kept e-mails of each class are the test set, the rest the training
set; each set interleaves spam, ham, spam, ham … for as many pairs as the larger class has e-mails, cycling
through the smaller class. Goal 1 = spam, 0 = ham. Bob gets training rows 0–999, Alice 1000–1999, Sue the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from learning.datasets import DatasetError
from learning.datasets.enron import EnronBook

UNK = "<unk>"
#: E-mails must have fewer distinct words than this; each becomes exactly this many indices.
EMAIL_WORDS = 500
#: Kept e-mails of each class held out for the test (the last ones).
TEST_PER_CLASS = 1000
SPAM, HAM = 1, 0
#: The three owners of data and the training rows each one holds: (name, first row, end row or None = the rest).
CLIENTS: tuple[tuple[str, int, int | None], ...] = (("bob", 0, 1000), ("alice", 1000, 2000), ("sue", 2000, None))


def words_of(line: str) -> set[str]:
    """The book's e-mail: the set of the line's words, split on single spaces (empty strings included)."""
    return set(line.split(" "))


@dataclass
class SpamData:
    """The prepared e-mails.

    `train_input` (rows × 500 word indices) and `train_target` (rows × 1, 1.0 = spam) in the interleaved order;
    the same for the test. `train_origin[row]` = (class, number of the e-mail among the kept e-mails of that class,
    number of the e-mail in the loaded list), so a view can show a row's text. `vocab` is sorted and contains
    `<unk>` at index `unk`.
    """

    vocab: list[str]
    word2index: dict[str, int]
    unk: int
    train_input: np.ndarray
    train_target: np.ndarray
    test_input: np.ndarray
    test_target: np.ndarray
    train_origin: np.ndarray
    test_origin: np.ndarray
    kept: dict[str, int]
    dropped: dict[str, int]
    substitute: bool = True
    source: str = ""
    emails: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @property
    def vocab_size(self) -> int:
        """Words in the vocabulary, `<unk>` included."""
        return len(self.vocab)

    def client_rows(self, name: str) -> tuple[int, int]:
        """The training rows [start, end) of client `name` (bob, alice or sue)."""
        for client, start, end in CLIENTS:
            if client == name:
                return start, len(self.train_input) if end is None else min(end, len(self.train_input))
        raise KeyError(f"no client {name!r}; the clients are " + ", ".join(c for c, _, _ in CLIENTS))

    def email_text(self, origin: np.ndarray | tuple[int, int, int]) -> str:
        """The text of the e-mail an origin row names."""
        kind, _, number = (int(v) for v in origin)
        return self.emails["spam" if kind == SPAM else "ham"][number]

    def words(self, row: np.ndarray) -> list[str]:
        """The words of one input row in vocabulary order, without the `<unk>` padding."""
        return [self.vocab[i] for i in sorted({int(i) for i in row}) if i != self.unk]


def _indices(emails: list[set[str]], word2index: dict[str, int]) -> tuple[list[list[int]], list[int]]:
    """The book's to_indices(): kept e-mails as 500 indices (sorted words, then <unk>) and their numbers."""
    unk = word2index[UNK]
    rows: list[list[int]] = []
    kept: list[int] = []
    for number, email in enumerate(emails):
        if len(email) < EMAIL_WORDS:
            row = [word2index[w] for w in sorted(email)]
            rows.append(row + [unk] * (EMAIL_WORDS - len(row)))
            kept.append(number)
    return rows, kept


def _interleave(spam: list[int], ham: list[int]) -> list[tuple[int, int]]:
    """(class, position) pairs: spam, ham, spam, ham … for max(len) pairs, cycling through the shorter list."""
    out: list[tuple[int, int]] = []
    for i in range(max(len(spam), len(ham))):
        out.append((SPAM, i % len(spam)))
        out.append((HAM, i % len(ham)))
    return out


def prepare(data: EnronBook, test_per_class: int = TEST_PER_CLASS) -> SpamData:
    """The book's preparation of spam and ham e-mail lines (see the module docstring)."""
    spam_sets = [words_of(line) for line in data.spam]
    ham_sets = [words_of(line) for line in data.ham]
    vocab_set: set[str] = {UNK}
    for email in spam_sets:
        vocab_set.update(email)
    for email in ham_sets:
        vocab_set.update(email)
    vocab = sorted(vocab_set)
    word2index = {w: i for i, w in enumerate(vocab)}
    spam_rows, spam_kept = _indices(spam_sets, word2index)
    ham_rows, ham_kept = _indices(ham_sets, word2index)
    for name, rows in (("spam", spam_rows), ("ham", ham_rows)):
        if len(rows) <= test_per_class:
            raise DatasetError(f"{len(rows)} {name} e-mails of fewer than {EMAIL_WORDS} words were kept: more than "
                               f"{test_per_class} are needed (the last {test_per_class} are the test set)")
    rows = {SPAM: spam_rows, HAM: ham_rows}
    numbers = {SPAM: spam_kept, HAM: ham_kept}

    def build(part: slice) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        positions = {kind: list(range(len(rows[kind])))[part] for kind in (SPAM, HAM)}
        order = _interleave(positions[SPAM], positions[HAM])
        inputs = np.array([rows[kind][positions[kind][k]] for kind, k in order], dtype=np.int64)
        target = np.array([[float(kind)] for kind, _ in order])
        origin = np.array([(kind, positions[kind][k], numbers[kind][positions[kind][k]]) for kind, k in order],
                          dtype=np.int64)
        return inputs, target, origin

    train_input, train_target, train_origin = build(slice(0, -test_per_class))
    test_input, test_target, test_origin = build(slice(-test_per_class, None))
    return SpamData(
        vocab=vocab, word2index=word2index, unk=word2index[UNK],
        train_input=train_input, train_target=train_target, test_input=test_input, test_target=test_target,
        train_origin=train_origin, test_origin=test_origin,
        kept={"spam": len(spam_rows), "ham": len(ham_rows)},
        dropped={"spam": len(spam_sets) - len(spam_rows), "ham": len(ham_sets) - len(ham_rows)},
        substitute=data.substitute, source=data.source, emails={"spam": data.spam, "ham": data.ham},
    )
