"""Trained weights kept for the rest of the session, so that one experiment can build on another's run.

`ch11.analogy` does its arithmetic on the embeddings of a finished `ch11.word2vec` run, and
`ch12.review-vectors` averages the embeddings of a finished `ch11.sentiment` run (BOOK.md ch. 11-12). A
training experiment publishes its weights here when it completes the book's run (and again after each later
pass); the experiments that need them look here first and, when nothing fits, train the weights themselves and
say so. Nothing is written to disk: the store lives as long as the process (the desktop app's session). A saved
run that was built on a result keeps it (`TrainedEmbedding.plain`), and reopens on it in any later session.

Experiments take a `store` keyword (tests pass their own); by default they share `SESSION`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class TrainedEmbedding:
    """A finished run's first weight matrix with the vocabulary that indexes its rows.

    `weights_0_1` is a read-only copy (vocabulary × hidden); `iterations` is how many iterations the run had done;
    `source` names the data it was trained on (the data set's folder) and `sample_mode` whether that was the
    offline sample; `book_faithful` is the mode it ran in.
    """

    experiment_id: str
    vocabulary: tuple[str, ...]
    weights_0_1: np.ndarray
    book_faithful: bool
    source: str
    sample_mode: bool
    iterations: int

    def word2index(self) -> dict[str, int]:
        """Each vocabulary word's row."""
        return {w: i for i, w in enumerate(self.vocabulary)}

    def plain(self) -> dict[str, Any]:
        """The result as plain values (a saved run keeps it: learning.runfile)."""
        return {"experiment_id": self.experiment_id, "vocabulary": list(self.vocabulary),
                "weights_0_1": self.weights_0_1, "book_faithful": self.book_faithful, "source": self.source,
                "sample_mode": self.sample_mode, "iterations": self.iterations}

    @classmethod
    def from_plain(cls, plain: Any, experiment_id: str) -> TrainedEmbedding:
        """The result `plain()` gave, of `experiment_id`; ValueError (saying what) for anything else."""
        if not (isinstance(plain, dict) and set(plain) == set(_FIELDS)):
            raise ValueError(f"{experiment_id}'s trained weights expected ({', '.join(_FIELDS)})")
        vocabulary, weights = plain["vocabulary"], plain["weights_0_1"]
        if plain["experiment_id"] != experiment_id:
            raise ValueError(f"{experiment_id}'s trained weights expected, not {plain['experiment_id']!r}'s")
        if not (isinstance(vocabulary, list) and 0 < len(vocabulary) <= MAX_WORDS
                and all(isinstance(w, str) and len(w) <= MAX_WORD for w in vocabulary)
                and len(set(vocabulary)) == len(vocabulary)):
            raise ValueError(f"a vocabulary of 1 to {MAX_WORDS:,} different words expected")
        if not (isinstance(weights, np.ndarray) and weights.dtype == np.float64 and weights.ndim == 2
                and weights.shape[0] == len(vocabulary) and 1 <= weights.shape[1] <= MAX_WIDTH):
            raise ValueError(f"weights_0_1: a float64 array of {len(vocabulary)} rows and 1 to {MAX_WIDTH} columns "
                             "expected")
        if not (type(plain["book_faithful"]) is bool and type(plain["sample_mode"]) is bool
                and isinstance(plain["source"], str) and len(plain["source"]) <= MAX_WORD
                and type(plain["iterations"]) is int and plain["iterations"] >= 0):
            raise ValueError("malformed facts about the trained weights")
        return ResultStore().publish(experiment_id, vocabulary, weights, plain["book_faithful"], plain["source"],
                                     plain["sample_mode"], plain["iterations"])


_FIELDS = tuple(TrainedEmbedding.__dataclass_fields__)
#: Limits of trained weights read from a saved run.
MAX_WORDS = 10_000_000
MAX_WORD = 1000
MAX_WIDTH = 1000


class ResultStore:
    """The latest finished result of each training experiment (by experiment id)."""

    def __init__(self) -> None:
        self._latest: dict[str, TrainedEmbedding] = {}

    def publish(self, experiment_id: str, vocabulary: list[str] | tuple[str, ...], weights_0_1: np.ndarray,
                book_faithful: bool, source: str, sample_mode: bool, iterations: int) -> TrainedEmbedding:
        """Keep a copy of a finished run's weights (replacing that experiment's earlier result)."""
        weights = np.array(weights_0_1, dtype=float, copy=True)
        weights.setflags(write=False)
        result = TrainedEmbedding(experiment_id, tuple(vocabulary), weights, bool(book_faithful), str(source),
                                  bool(sample_mode), int(iterations))
        self._latest[experiment_id] = result
        return result

    def latest(self, experiment_id: str, source: str | None = None) -> TrainedEmbedding | None:
        """The latest result of `experiment_id`, if any (and, when `source` is given, only one trained on it)."""
        result = self._latest.get(experiment_id)
        if result is None or (source is not None and result.source != source):
            return None
        return result

    def clear(self) -> None:
        """Forget everything."""
        self._latest.clear()


#: The session's store, shared by every experiment that is not given its own.
SESSION = ResultStore()
