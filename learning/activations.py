"""Activation functions, each beside its derivative, in the book's forms (chapters 6, 8, 9, 10).

Derivatives take the layer's *output* (as the book's `relu2deriv(output)` and `tanh2deriv(output)` do), so a
backward pass can use the values the forward pass kept. Shapes: any array; softmax works along the last axis.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np


def relu(x: np.ndarray) -> np.ndarray:
    """max(x, 0). The book writes `(x >= 0) * x`, which differs only in the sign of zero (−0.0 for x < 0)."""
    return np.maximum(x, 0)


def relu2deriv(output: np.ndarray, book_faithful: bool = False) -> np.ndarray:
    """1.0 where the unit was active (output > 0), else 0.0.

    book_faithful (quirk Q2): the book tests `output >= 0` on the ReLU output, which is always true,
    so its derivative is 1 everywhere.
    """
    return (output >= 0 if book_faithful else output > 0).astype(float)


def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + e^−x)."""
    return 1 / (1 + np.exp(-x))


def sigmoid2deriv(output: np.ndarray) -> np.ndarray:
    """s·(1 − s) from the sigmoid's output s."""
    return output * (1 - output)


def tanh(x: np.ndarray) -> np.ndarray:
    """The hyperbolic tangent."""
    return np.tanh(x)


def tanh2deriv(output: np.ndarray) -> np.ndarray:
    """1 − t² from the tanh output t."""
    return 1 - (output**2)


def softmax(x: np.ndarray) -> np.ndarray:
    """exp(x) / Σ exp(x) along the last axis, as the book computes it: no maximum is subtracted (the logits
    of chapters 9-10 stay small, and subtracting would change the last bits of the book's numbers)."""
    temp = np.exp(x)
    return temp / np.sum(temp, axis=-1, keepdims=True)


class Activation(NamedTuple):
    """A hidden-layer activation: the function and its derivative, which takes the function's output."""

    name: str
    function: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[np.ndarray], np.ndarray]


#: The hidden-layer activations chapter 9 compares, by the id the `activation` parameter takes.
HIDDEN: dict[str, Activation] = {
    "relu": Activation("relu", relu, relu2deriv),
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid2deriv),
    "tanh": Activation("tanh", tanh, tanh2deriv),
}


def curve(name: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(f(x), f′(x)) of relu, sigmoid, tanh or softmax at the points x, for plotting a function and its derivative.

    For softmax, `x` is one row of logits and f′ is the diagonal of the Jacobian, ∂s_k/∂x_k = s_k·(1 − s_k).
    """
    x = np.asarray(x, dtype=float)
    if name == "softmax":
        s = softmax(x)
        return s, s * (1 - s)
    act = HIDDEN[name]
    y = act.function(x)
    return y, act.derivative(y)
