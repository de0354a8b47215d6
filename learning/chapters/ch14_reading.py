"""Chapter 14: the text as the network reads it — per character, how surprised it is by the true next character
and what its hidden units (and the LSTM's gates) do. Qt-free data for the "text with the network's eyes" view.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from learning.chapters.ch14_sampling import softmax
from learning.chapters.ch14_text import NumpyNet

#: What `Reading.unit` can show besides the hidden state h.
GATES = ("f", "i", "o", "g", "c")


@dataclass(frozen=True)
class Reading:
    """The network read `chars` (a stretch of the training text starting at `start`): after character k it
    gave the true next character (chars[k + 1]) the probability `probability[k]`; `surprise[k]` = −ln of it
    (nats; the loss the training sums); `hidden[k]` is its hidden state h after character k; `gates` (LSTM,
    when asked) holds f, i, o, g and c per character, each (length × hidden)."""

    start: int
    chars: str
    probability: np.ndarray
    surprise: np.ndarray
    predicted: str
    hidden: np.ndarray
    gates: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def length(self) -> int:
        """Characters read whose next character is known (len(chars) − 1)."""
        return len(self.surprise)

    def unit(self, unit: int, what: str = "h") -> np.ndarray:
        """One unit's value after each character: the hidden state (`h`) or an LSTM gate (f, i, o, g, c)."""
        values = self.hidden if what == "h" else self.gates.get(what)
        if values is None:
            raise ValueError(f"{what!r} was not kept: read with gates=True (LSTM only) or use 'h'")
        if not 0 <= unit < values.shape[1]:
            raise ValueError(f"unit must be from 0 to {values.shape[1] - 1} (got {unit})")
        return values[:, unit]

    def mean_surprise(self) -> float:
        """The mean loss per character over the stretch (nats); exp of it is the stretch's perplexity."""
        return float(np.mean(self.surprise)) if self.length else float("nan")

    def units_that_track(self, mask: np.ndarray, what: str = "h", top: int = 5) -> list[tuple[int, float]]:
        """The units whose values differ most between the characters where `mask` is true and the others
        (e.g. capital letters, or the character after a line break): (unit, difference of means), largest
        absolute difference first."""
        values = self.hidden if what == "h" else self.gates[what]
        mask = np.asarray(mask, dtype=bool)[: self.length]
        if mask.all() or not mask.any():
            return []
        diff = values[mask].mean(axis=0) - values[~mask].mean(axis=0)
        order = np.argsort(-np.abs(diff), kind="stable")[:top]
        return [(int(u), float(diff[u])) for u in order]


def read_text(net: NumpyNet, state: tuple[np.ndarray, ...], vocab: list[str], chars: str, indices: np.ndarray,
              start: int = 0, gates: bool = False) -> Reading:
    """Run the network over `indices` (the vocabulary indices of `chars`; batch 1, from `state`) and collect a
    Reading; `predicted[k]` is the network's most likely next character after chars[k]."""
    n = len(indices) - 1
    hidden = np.empty((n, net.hidden))
    kept = {g: np.empty((n, net.hidden)) for g in GATES} if gates and net.kind == "lstm" else {}
    probability = np.empty(n)
    predicted = []
    step: dict[str, np.ndarray] = {}
    for k in range(n):
        logits, state = net.step(indices[k:k + 1], state, step)
        p = softmax(logits[0])
        probability[k] = p[indices[k + 1]]
        predicted.append(int(np.argmax(logits[0])))
        hidden[k] = state[0][0]
        for g, values in kept.items():
            values[k] = step[g][0]
    with np.errstate(divide="ignore"):
        surprise = -np.log(probability)
    return Reading(start, chars, probability, surprise, "".join(vocab[i] for i in predicted), hidden, kept)
