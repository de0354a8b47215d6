"""Noticing that a run has diverged: the error became non-finite or grew past a bound."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

#: A run has diverged when its error exceeds this many times max(first error, 1).
GROWTH_BOUND = 1e4


@dataclass
class Divergence:
    """Where and how a run diverged, with the experiment's explaining numbers."""

    iteration: int
    error: float
    reason: str  # "non_finite" or "bound"
    bound: float
    facts: dict[str, float] = field(default_factory=dict)


def record_error(record: dict[str, Any]) -> float | None:
    """The record's error as one float (summed over outputs), or None if it has none."""
    error = record.get("error")
    if error is None or type(error) is float:
        return error
    with np.errstate(all="ignore"):
        return float(np.sum(error))


class DivergenceMonitor:
    """Feed it iteration records; it answers a Divergence the first time the error runs away."""

    def __init__(self, growth_bound: float = GROWTH_BOUND) -> None:
        self.growth_bound = growth_bound
        self.reset()

    def reset(self) -> None:
        """Forget the reference error (a new run starts)."""
        self.first_error: float | None = None

    @property
    def bound(self) -> float:
        """The error above which the run counts as diverged."""
        return self.growth_bound * max(self.first_error or 0.0, 1.0)

    def check(self, record: dict[str, Any]) -> Divergence | None:
        """Return a Divergence if this record's error is non-finite or past the bound."""
        error = record_error(record)
        if error is None:
            return None
        if not math.isfinite(error):
            return Divergence(record["iteration"], error, "non_finite", self.bound)
        if self.first_error is None:
            self.first_error = error
        if error > self.bound:
            return Divergence(record["iteration"], error, "bound", self.bound)
        return None
