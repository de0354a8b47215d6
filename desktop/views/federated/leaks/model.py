"""The leak inspector's data, Qt-free: what one update (a client's, or the average of the three) gives away.

A client's update changes the weight of every word of the e-mails it trained on (and of `<unk>`, the padding) —
apart from a word whose gradients happened to sum to exactly 0 — so whoever sees the update reads off the words the
client wrote, though not which e-mail each came from. The average of the three updates changes the union of their
words: averaging (and secure aggregation, which only hides each update) hides *who* wrote a word, not *that* someone
did. ch15.federated-hack shows it with one e-mail: the update is the e-mail's words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from desktop.views.federated._common import CLIENTS

AVERAGE = "average"


@dataclass
class Leak:
    """One update and what it reveals."""

    who: str
    #: The changed weights (vocabulary indices, ascending) and their changes.
    indices: np.ndarray
    deltas: np.ndarray
    #: The training rows of the e-mails behind the update (the hack: none; its e-mail is `text`).
    rows: list[int] = field(default_factory=list)
    #: Distinct words of those e-mails (without `<unk>`), and those of them the update does not name.
    email_words: int = 0
    hidden: list[str] = field(default_factory=list)
    #: For the average: each client's count of changed words, and how many words more than one client changed.
    per_client: dict[str, int] = field(default_factory=dict)
    shared: int = 0
    #: The hack: Bob's e-mail and its words missing from the vocabulary.
    text: str = ""
    missing: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Weights the update changed."""
        return int(len(self.indices))


def _changes(new: np.ndarray | None, old: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    if new is None or old is None:
        return np.empty(0, dtype=np.int64), np.empty(0)
    delta = (np.asarray(new) - np.asarray(old)).reshape(-1)
    where = np.flatnonzero(delta != 0)
    return where, delta[where]


def trained_rows(experiment: Any, name: str) -> list[int]:
    """The training rows behind `name`'s current update: its batches done this round, or all of them once the round
    was averaged (the update then is the last round's)."""
    steps = [s for s in experiment.schedule if s.client == name]
    if experiment.clients.get(name) is not None:
        size = experiment.epoch_size or 1
        entry = experiment.rounds[experiment.iteration_index // size] if experiment.rounds and \
            experiment.iteration_index // size < len(experiment.rounds) else None
        done = len(entry["clients"][name]["losses"]) if entry is not None else 0
        steps = steps[:done]
    elif experiment.last_clients.get(name) is None:
        return []
    return [row for s in steps for row in range(s.start, s.stop)]


def _words_of_rows(spam: Any, rows: list[int]) -> np.ndarray:
    """The distinct vocabulary indices of these rows (without `<unk>`), ascending (a mask over the vocabulary: several
    times faster than sorting the rows' 500 indices each)."""
    if not rows:
        return np.empty(0, dtype=np.int64)
    used = np.zeros(spam.vocab_size, dtype=bool)
    used[spam.train_input[np.asarray(rows)].reshape(-1)] = True
    used[spam.unk] = False
    return np.flatnonzero(used)


def leak_of(experiment: Any, who: str) -> Leak:
    """What `who`'s update reveals now: "bob", "alice", "sue" or "average" (federated rounds), "bob" (the hack)."""
    spam = experiment.spam
    if hasattr(experiment, "missing_words"):  # ch15.federated-hack: Bob's one e-mail
        indices, deltas = _changes(experiment.bob.weights, experiment.zero_model)
        words = {spam.word2index[w] for w in experiment.email_words}
        hidden = sorted(spam.vocab[i] for i in words - set(indices.tolist()) if experiment.iteration_index)
        return Leak("bob", indices, deltas, email_words=len(words), hidden=hidden, text=str(experiment.email),
                    missing=list(experiment.missing_words))
    if who == AVERAGE:
        indices, deltas = _changes(experiment.last_average, experiment.previous)
        rows = [row for name in CLIENTS for row in trained_rows_of_last(experiment, name)]
        per_client = {}
        counts = np.zeros(spam.vocab_size, dtype=np.int64)
        for name in CLIENTS:
            changed = _changes(experiment.last_clients.get(name), experiment.last_sent)[0]
            per_client[name] = int(len(changed))
            counts[changed] += 1
        leak = Leak(AVERAGE, indices, deltas, rows=rows, per_client=per_client,
                    shared=int(np.count_nonzero(counts > 1)))
    else:
        indices, deltas = experiment.client_update(who)
        leak = Leak(who, np.asarray(indices), np.asarray(deltas), rows=trained_rows(experiment, who))
    words = _words_of_rows(spam, leak.rows)
    leak.email_words = int(len(words))
    changed = np.zeros(spam.vocab_size, dtype=bool)
    changed[leak.indices] = True
    leak.hidden = [spam.vocab[i] for i in words[~changed[words]].tolist()]
    return leak


def trained_rows_of_last(experiment: Any, name: str) -> list[int]:
    """The rows behind `name`'s update in the last averaged round."""
    if experiment.last_clients.get(name) is None:
        return []
    return [row for s in experiment.schedule if s.client == name for row in range(s.start, s.stop)]


def order(leak: Leak, vocabulary_order: bool) -> np.ndarray:
    """Positions into leak.indices: by the size of the change (largest first), or in vocabulary order (the book's
    printout)."""
    if vocabulary_order:
        return np.arange(leak.count)
    return np.argsort(-np.abs(leak.deltas), kind="stable")


def delta_of(leak: Leak, size: int) -> np.ndarray:
    """The update as a full vector of `size` changes (0 where unchanged)."""
    full = np.zeros(size)
    full[leak.indices] = leak.deltas
    return full


def rows_with(experiment: Any, rows: list[int], word: int) -> list[int]:
    """The rows among `rows` whose e-mail contains the word index `word`."""
    if not rows:
        return []
    chosen = np.asarray(rows)
    hit = np.any(experiment.spam.train_input[chosen] == word, axis=1)
    return chosen[hit].tolist()


def colour_scale(leak: Leak, share: float = 90.0) -> float:
    """The colour scale of the words: the `share` percentile of |change| (the few largest saturate)."""
    values = np.abs(leak.deltas)
    return float(np.percentile(values, share)) if values.size else 0.0
