"""The encrypted-aggregation view's data, Qt-free, read from ch15.paillier (learning/chapters/ch15_paillier.py).

Each client encrypts its model with the owner's public key: what anybody else sees of it is a row of opaque numbers
(drawn as short fingerprints). The encrypted models are added while encrypted (ciphertexts multiplied mod n²), and
the owner decrypts only the sum, divides it by 3 and has the average — the very weights plain averaging gives, bit
for bit. The book (Q24) decrypts Sue's encrypted model instead of the sum.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from desktop.views.federated._common import CLIENTS
from learning.chapters.ch15_spam import exact_mean

SUM = "sum"
#: Fingerprints drawn per row at most.
BLOCKS = 12


@dataclass
class Row:
    """One encrypted array: a client's model, or the sum."""

    key: str
    blocks: list[str]
    count: int
    nbytes: int
    #: Seconds its encryption took (clients) or the addition (the sum).
    seconds: float | None = None


@dataclass
class Aggregation:
    """Everything the view shows about the last encrypted round and the one under way."""

    key_bits: int
    ciphertext_bytes: int
    weights: int
    rows: dict[str, Row] = field(default_factory=dict)
    #: What the owner decrypts: SUM, or "sue" (the book, Q24); the run's mode and the next run's.
    decrypts: str = SUM
    book_next: bool = False
    encrypt: str = "all"
    encrypt_next: str = "all"
    #: The round whose figures these are (0-based), or None before the first aggregation.
    round: int | None = None
    #: Words with the largest change in the new model, and their new weights.
    decrypted: list[tuple[str, float]] = field(default_factory=list)
    #: Weights each client changed (what "encrypt only what changed" encrypts).
    changed: dict[str, int] = field(default_factory=dict)
    #: Seconds of each stage of the last aggregation ("keygen", "encrypt", "add", "decrypt").
    seconds: dict[str, float] = field(default_factory=dict)
    test_accuracy: float | None = None
    average_accuracy: float | None = None
    q24_accuracy: float | None = None
    #: True when the decrypted average equals plain averaging bit for bit (None before a round).
    same_as_plain: bool | None = None
    #: The aggregation under way: its stage and progress.
    stage: str = ""
    done: int = 0
    total: int = 0

    @property
    def encryptions(self) -> int:
        """Encryptions of the last round (all three clients)."""
        return sum(self.rows[name].count for name in CLIENTS if name in self.rows)

    @property
    def all_encryptions(self) -> int:
        """Encryptions if every weight of every model is encrypted (the book)."""
        return 3 * self.weights

    @property
    def changed_encryptions(self) -> int:
        """Encryptions if each client encrypts only the weights it changed."""
        return sum(self.changed.values())

    @property
    def per_encryption(self) -> float | None:
        """Seconds per encryption in the last round."""
        seconds, count = self.seconds.get("encrypt"), self.encryptions
        return seconds / count if seconds and count else None


def _last(history: Any, name: str) -> float | None:
    """The last recorded value of an iteration figure (None if never recorded)."""
    values = np.asarray(history.series(name), dtype=float)
    finite = values[np.isfinite(values)]
    return float(finite[-1]) if finite.size else None


def aggregation_of(experiment: Any, history: Any = None, progress: tuple[int, int] | None = None) -> Aggregation:
    """The encrypted aggregation of a ch15.paillier run as it is now; `history` gives the stages' seconds of the
    last aggregation, `progress` the one under way (runner.test_progress)."""
    spam = experiment.spam
    keypair = experiment.keypair
    bits = keypair.public_key.bits if keypair is not None else int(experiment.values["key_bits"])
    ciphertext = keypair.public_key.ciphertext_bytes if keypair is not None else (2 * bits + 7) // 8
    out = Aggregation(key_bits=bits, ciphertext_bytes=ciphertext, weights=spam.vocab_size,
                      decrypts="sue" if experiment.book_faithful else SUM,
                      book_next=bool(experiment.values["book_faithful"]), encrypt=str(experiment.encrypt),
                      encrypt_next=str(experiment.values["encrypt"]))
    for name in CLIENTS:
        array = experiment.encrypted.get(name)
        if array is not None:
            cost = experiment.costs.get(name)
            out.rows[name] = Row(name, experiment.blocks(name, BLOCKS), len(array), array.nbytes,
                                 cost.seconds if cost is not None else None)
    if experiment.aggregated is not None:
        out.rows[SUM] = Row(SUM, experiment.blocks(SUM, BLOCKS), len(experiment.aggregated),
                            experiment.aggregated.nbytes)
    finished = [e for e in experiment.rounds if e.get("test_accuracy") is not None or "q24_accuracy" in e]
    if finished and out.rows:
        entry = finished[-1]
        out.round = int(entry["round"])
        out.test_accuracy = entry.get("test_accuracy")
        out.average_accuracy = entry.get("average_accuracy")
        out.q24_accuracy = entry.get("q24_accuracy")
        out.changed = {name: int(entry["clients"][name]["changed"] or 0) for name in CLIENTS}
    if history is not None:
        for stage in ("keygen", "encrypt", "add", "decrypt"):
            value = _last(history, f"{stage}_seconds")
            if value is not None:
                out.seconds[stage] = value
    if experiment.last_average is not None and experiment.previous is not None and out.rows:
        delta = (experiment.last_average - experiment.previous).reshape(-1)
        delta[spam.unk] = 0  # the padding's weight is zeroed before every use
        top = np.argsort(-np.abs(delta), kind="stable")[:6]
        out.decrypted = [(spam.vocab[i], float(experiment.last_average[i, 0])) for i in top.tolist() if delta[i]]
        clients = [experiment.last_clients.get(name) for name in CLIENTS]
        if all(c is not None for c in clients):
            plain = exact_mean(clients)  # type: ignore[arg-type]
            out.same_as_plain = bool(np.array_equal(experiment.last_average.view(np.int64), plain.view(np.int64)))
    work = experiment.work
    if work is not None:
        out.stage = work.stage
        out.done, out.total = progress if progress is not None else (work.done, work.total)
    return out
