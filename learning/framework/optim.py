"""Stochastic gradient descent, the book's `SGD`: data ← data − α·grad, then grad ← 0, for each parameter."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from learning.framework.tensor import Tensor, next_id


class SGD:
    """Updates `parameters` by `alpha` times their gradients. The arrays are rebound, not changed in place
    (the same numbers as the book's `-=` and `*= 0`). The last step's arrays stay in `previous`
    ({parameter: (data, grad) before the step}) with `step_id`, so a trace of a graph made before the step
    shows the values that graph used (graph.trace(..., optimizer=sgd)); `keep_previous=False` drops them."""

    def __init__(self, parameters: Iterable[Tensor], alpha: float = 0.1, keep_previous: bool = True) -> None:
        self.parameters = list(parameters)
        self.alpha = alpha
        self.keep_previous = keep_previous
        self.previous: dict[Tensor, tuple[np.ndarray, np.ndarray]] = {}
        self.step_id = 0  # tensors with a smaller id were made before the last step

    def zero(self) -> None:
        """Set every gradient to zero."""
        for p in self.parameters:
            if p.grad is not None:
                p.grad.data = p.grad.data * 0

    def step(self, zero: bool = True) -> None:
        """data ← data − grad · alpha for every parameter that has a gradient; then zero the gradients."""
        previous = {}
        for p in self.parameters:
            if p.grad is None:
                continue  # not reached by the last backward pass
            if self.keep_previous:
                previous[p] = (p.data, p.grad.data)
            p.data = p.data - p.grad.data * self.alpha
            if zero:
                p.grad.data = p.grad.data * 0
        self.previous = previous
        self.step_id = next_id()
