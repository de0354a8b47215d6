"""Chapter 14: choosing the next character from the network's output (Qt-free; the sampling lab's math).

Three rules, all in float64 and safe for any logits:

* **greedy** — the index of the largest logit (the book's LSTM samples; it falls into loops such as
  "the see the see");
* **sample** — draw from the softmax of logits / temperature: one uniform u per character, the first index
  whose cumulative probability exceeds u (inverse cumulative distribution; the correct rule, default);
* **book** (Q22) — the book's RNN rule `(p > u).argmax()`: the first index whose *own* probability exceeds u,
  index 0 when none does. It is not sampling from p: `book_rule_distribution` gives what it really draws.

The softmax subtracts the largest logit first (no overflow); temperature 0 means greedy. The book multiplies
its logits by 10, i.e. temperature 0.1 (1 / 0.1 is exactly 10.0 in floating point, so `logits * (1 / T)`
gives the book's products).
"""

from __future__ import annotations

import numpy as np

RULES = ("greedy", "sample", "book")


def check_rule(rule: str) -> str:
    """`rule` if it is one of RULES, else ValueError naming them."""
    if rule not in RULES:
        raise ValueError(f"rule must be one of {', '.join(RULES)} (got {rule!r})")
    return rule


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """exp(z − max z) / Σ exp(z − max z) with z = logits / temperature, along the last axis, in float64.
    Temperature 0 puts all the probability on the first largest logit. Non-finite logits are an error."""
    z = np.asarray(logits, dtype=np.float64)
    if not np.all(np.isfinite(z)):
        raise ValueError("the logits are not all finite numbers")
    if temperature < 0 or not np.isfinite(temperature):
        raise ValueError(f"temperature must be a number >= 0 (got {temperature!r})")
    if temperature == 0:
        out = np.zeros_like(z)
        np.put_along_axis(out, np.argmax(z, axis=-1)[..., None], 1.0, axis=-1)
        return out
    z = z * (1.0 / temperature)
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def inverse_cdf(p: np.ndarray, u: float) -> int:
    """The first index whose cumulative probability exceeds u (u in [0, 1)); the last index with positive
    probability if rounding leaves the total below u."""
    cdf = np.cumsum(p)
    k = int(np.searchsorted(cdf, u, side="right"))
    if k >= len(p):
        k = int(np.flatnonzero(np.asarray(p) > 0)[-1])
    return k


def book_rule(p: np.ndarray, u: float) -> int:
    """Q22, the book's `(temp_dist > np.random.rand()).argmax()`: the first index with p > u, else 0."""
    return int((np.asarray(p) > u).argmax())


def pick(logits: np.ndarray, rule: str, u: float | None = None, temperature: float = 1.0) -> int:
    """The next index under `rule` for one row of logits; `u` is the uniform draw (unused by greedy)."""
    check_rule(rule)
    if rule == "greedy":
        return int(np.argmax(logits))
    if u is None:
        raise ValueError(f"rule {rule!r} needs a uniform draw u")
    p = softmax(logits, temperature)
    return inverse_cdf(p, u) if rule == "sample" else book_rule(p, u)


def book_rule_distribution(p: np.ndarray) -> np.ndarray:
    """What the book's rule really draws when u is uniform on [0, 1): index k wins when p[k] > u ≥ every
    earlier p[j], i.e. with probability max(0, p[k] − max(p[:k])); index 0 also wins when u ≥ max(p) (no
    index exceeds u), so it gets 1 − max(p) more. Example: p = [.05, .6, .3, .05] → [.45, .55, 0, 0]."""
    p = np.asarray(p, dtype=np.float64).reshape(-1)
    if len(p) == 0:
        return p.copy()
    earlier = np.concatenate(([0.0], np.maximum.accumulate(p)[:-1]))
    q = np.maximum(p - earlier, 0.0)
    q[0] += 1.0 - max(float(p.max()), 0.0)
    return q


def distribution(logits: np.ndarray, rule: str, temperature: float = 1.0) -> np.ndarray:
    """The probability with which `rule` picks each index for these logits (a histogram's expected heights):
    one-hot for greedy, the softmax for sample, book_rule_distribution(softmax) for the book's rule."""
    check_rule(rule)
    if rule == "greedy":
        return softmax(logits, 0.0)
    p = softmax(logits, temperature)
    return p if rule == "sample" else book_rule_distribution(p)
