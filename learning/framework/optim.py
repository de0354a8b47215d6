"""Stochastic gradient descent, the book's `SGD`: data ← data − α·grad, then grad ← 0, for each parameter."""

from __future__ import annotations

from collections.abc import Iterable

from learning.framework.tensor import Tensor


class SGD:
    """Updates `parameters` by `alpha` times their gradients. The arrays are rebound, not changed in place
    (the same numbers as the book's `-=` and `*= 0`), so traces taken before the step keep their values."""

    def __init__(self, parameters: Iterable[Tensor], alpha: float = 0.1) -> None:
        self.parameters = list(parameters)
        self.alpha = alpha

    def zero(self) -> None:
        """Set every gradient to zero."""
        for p in self.parameters:
            if p.grad is not None:
                p.grad.data = p.grad.data * 0

    def step(self, zero: bool = True) -> None:
        """data ← data − grad · alpha for every parameter that has a gradient; then zero the gradients."""
        for p in self.parameters:
            if p.grad is None:
                continue  # not reached by the last backward pass
            p.data = p.data - p.grad.data * self.alpha
            if zero:
                p.grad.data = p.grad.data * 0
