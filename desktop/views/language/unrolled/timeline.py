"""What the unrolled view draws, read from the experiment without Qt: one sentence laid out in time.

`TimeLine` is the common form of the two recurrent experiments of chapter 12: ch12.rnn-babi (a start vector, a
guess before every word, the surprise of each word, the gradient that reached every hidden vector) and
ch12.toy-forward (red → socks → defeat, one prediction at the end, the three layer deltas of its backward step).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

Guesses = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class TimeLine:
    """A sentence in time (n words, h hidden units).

    `hidden[k]` is the hidden vector after reading word k; `start` the one before any word (None for the toy
    chain, which starts from the first word's vector). `guesses[k]` are the best guesses for word k made before
    reading it (None where the model guesses nothing), `surprise[k]` = −ln p(word k) of that guess, `after` the
    best guesses for the word after the last one. `deltas[k]` / `start_delta` are the gradients that reached each
    hidden vector in the backward pass (None before it), `backward` the order the backward pass reaches them (word
    positions from the last to the first; −1 is the start). `recurrent` is the recurrent matrix (it starts as the
    identity)."""

    words: tuple[str, ...]
    start: np.ndarray | None
    hidden: np.ndarray
    guesses: tuple[Guesses | None, ...]
    surprise: np.ndarray | None
    after: Guesses | None
    deltas: np.ndarray | None
    start_delta: np.ndarray | None
    backward: tuple[int, ...]
    recurrent: np.ndarray
    goal: str | None = None
    perplexity: float | None = None

    @property
    def drift(self) -> float:
        """How far the recurrent matrix has moved from the identity: ‖recurrent − I‖ (Frobenius)."""
        return float(np.linalg.norm(self.recurrent - np.eye(len(self.recurrent))))

    def delta_norms(self) -> list[float]:
        """‖gradient‖ reaching each hidden vector, in backward order (empty before the backward pass)."""
        if self.deltas is None:
            return []
        return [float(np.linalg.norm(self.start_delta if k < 0 else self.deltas[k])) for k in self.backward]


def _top(vocabulary: Any, probabilities: np.ndarray, k: int = 3) -> Guesses:
    order = np.argsort(-probabilities, kind="stable")[:k]
    return tuple((str(vocabulary[i]), float(probabilities[i])) for i in order.tolist())


def from_rnn(experiment: Any, words: list[str] | None = None) -> TimeLine | None:
    """ch12.rnn-babi: the last training sentence (with the backward pass's deltas once it has learned), or
    `words` analysed with the current weights (KeyError naming an unknown word). None before the first sentence."""
    unrolled = experiment.analyse(words) if words else experiment.unrolled()
    if unrolled is None:
        return None
    vocabulary = experiment.vocabulary
    n = len(unrolled.words)
    guesses = tuple(tuple((str(vocabulary[i]), float(p)) for i, p in zip(unrolled.top[k].tolist(),
                                                                       unrolled.top_probabilities[k].tolist(),
                                                                       strict=True)) for k in range(n))
    after = tuple(experiment.next_word(list(unrolled.words), 3))
    deltas = unrolled.hidden_deltas
    backward = tuple(k - 1 for k in unrolled.backward_order)  # hidden_k follows word k−1; hidden_0 is the start
    return TimeLine(tuple(unrolled.words), unrolled.hidden[0], unrolled.hidden[1:], guesses, unrolled.surprise,
                    after, None if deltas is None else deltas[1:], None if deltas is None else deltas[0],
                    backward if deltas is not None else (), experiment.recurrent, None, unrolled.perplexity)


def from_toy(experiment: Any, learn_values: dict[str, Any] | None) -> TimeLine | None:
    """ch12.toy-forward from its third iteration on: red, socks, defeat, the prediction at the end and, after a
    learn phase (`learn_values` of its record), layer_0_delta … layer_2_delta. None for the first two iterations."""
    steps = experiment.unrolled()
    if steps is None:
        return None
    words = tuple(w for w, _ in steps)
    hidden = np.array([v for _, v in steps])
    pred = experiment.pred[0] if experiment.pred is not None else None
    names = getattr(experiment, "word_vects", {})
    after = _top(tuple(names), pred) if pred is not None else None
    deltas = None
    if learn_values is not None and "layer_0_delta" in learn_values:
        deltas = np.array([learn_values[f"layer_{k}_delta"] for k in range(len(words))], dtype=float)
    return TimeLine(words, None, hidden, (None,) * len(words), None, after, deltas, None,
                    tuple(range(len(words) - 1, -1, -1)) if deltas is not None else (), experiment.identity,
                    "yankees")
