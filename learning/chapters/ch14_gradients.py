"""Chapter 14, part 0: vanishing and exploding gradients (BOOK.md `ch14.exploding-gradients`).

The same 2 × 2 matrix is applied ten times. Sigmoid: a ← sigmoid(a · W); back-propagating ones through the ten
steps, g ← (a ⊙ (1 − a) ⊙ g) · Wᵀ, shrinks the gradient (the derivative is at most 0.25 and the activations
saturate). ReLU: x ← relu(x · W); g ← ([x > 0] ⊙ g) · Wᵀ multiplies by Wᵀ again and again, so the gradient
explodes. The arithmetic is the book's numpy, expression by expression (its `weights` is an integer matrix;
products with float vectors are float).

`gradient_chain` computes one chain for any matrix, start vector, length and activation: the data of the
exploding/vanishing lab, recomputed instantly when the learner edits the matrix (Qt-free, tested here).

Q21: the book's ReLU cell continues from whatever its variable held (the sigmoid backward loop left the first
sigmoid activation a₁ in it), and the stored output is the cell's second run, which starts from relu(a₁ · W).
Default: the ReLU chain starts from the same vector as the sigmoid chain.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from learning.experiment import Experiment, Param, ParamError, Phase, book_faithful_param

#: The book's matrix, row-major, and the vector whose sigmoid starts both chains.
BOOK_MATRIX = (1.0, 4.0, 4.0, 1.0)
BOOK_START = (1.0, 0.01)
BOOK_STEPS = 10
ACTIVATIONS = ("sigmoid", "tanh", "relu")
#: The largest slope of each activation (the bound on what one step can multiply a gradient by, besides W).
MAX_SLOPE = {"sigmoid": 0.25, "tanh": 1.0, "relu": 1.0}


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^−z), the book's lambda."""
    return 1 / (1 + np.exp(-z))


def relu(z: np.ndarray) -> np.ndarray:
    """z where z > 0, else 0 (BOOK.md; no −0.0 for negative z)."""
    return np.where(z > 0, z, 0.0)


def _forward(name: str, z: np.ndarray) -> np.ndarray:
    if name == "sigmoid":
        return sigmoid(z)
    if name == "tanh":
        return np.tanh(z)
    return relu(z)


def _local_gradient(name: str, a: np.ndarray, g: np.ndarray) -> np.ndarray:
    """The gradient at the step's input side of the activation, from its output a (the book's expressions)."""
    if name == "sigmoid":
        return a * (1 - a) * g
    if name == "tanh":
        return (1 - a * a) * g
    return (a > 0) * g


@dataclass(frozen=True)
class Chain:
    """One chain: `activations[k]` is the activation after step k+1 (steps × 2), `gradients[k]` the gradient
    after k+1 backward steps, the last activation first (steps × 2), as the book prints them; their Euclidean
    norms per step; the start vector; and facts about the matrix (its eigenvalues and spectral radius, the
    activation's largest slope) that explain whether the gradient vanishes or explodes."""

    activation: str
    start: np.ndarray
    activations: np.ndarray
    gradients: np.ndarray
    activation_norms: np.ndarray
    gradient_norms: np.ndarray
    eigenvalues: np.ndarray
    spectral_radius: float
    max_slope: float

    def growth_per_step(self) -> float:
        """The geometric mean of ‖g_k+1‖ / ‖g_k‖ over the backward steps (1 = neither vanishes nor explodes);
        NaN when a gradient is zero or not finite."""
        norms = self.gradient_norms
        if len(norms) < 2 or not np.all(np.isfinite(norms)) or np.any(norms == 0):
            return float("nan")
        return float(np.exp(np.mean(np.diff(np.log(norms)))))


def gradient_chain(matrix: Any, start: Any, steps: int = BOOK_STEPS, activation: str = "sigmoid") -> Chain:
    """Run `steps` steps of a ← act(a · W) from `start` (the activation before step 1), then back-propagate
    ones through them: g ← (act′ ⊙ g) · Wᵀ, from the last activation to the first. `matrix` is 2 × 2 (or 4
    numbers, row-major) — any n × n works with an n-vector `start`. Overflow gives inf/NaN, shown as such."""
    if activation not in ACTIVATIONS:
        raise ParamError(f"activation must be one of {', '.join(ACTIVATIONS)} (got {activation!r})")
    start = np.asarray(start, dtype=float).reshape(-1)
    n = len(start)
    weights = np.asarray(matrix, dtype=float).reshape(n, n)
    if steps < 1:
        raise ParamError(f"steps must be at least 1 (got {steps})")
    activations = np.empty((steps, n))
    gradients = np.empty((steps, n))
    with np.errstate(all="ignore"):
        a = start
        for k in range(steps):
            a = _forward(activation, a.dot(weights))
            activations[k] = a
        g = np.ones_like(a)
        for k, a in enumerate(activations[::-1]):
            g = _local_gradient(activation, a, g).dot(weights.transpose())
            gradients[k] = g
        eigenvalues = np.linalg.eigvals(weights) if np.all(np.isfinite(weights)) else np.full(n, np.nan)
        return Chain(activation, start, activations, gradients, np.linalg.norm(activations, axis=1),
                     np.linalg.norm(gradients, axis=1), eigenvalues, float(np.max(np.abs(eigenvalues))),
                     MAX_SLOPE[activation])


def book_chains(matrix: Any = BOOK_MATRIX, start: Any = BOOK_START, steps: int = BOOK_STEPS,
                book_faithful: bool = False) -> tuple[Chain, Chain]:
    """The chapter's two chains: sigmoid from sigmoid(start), ReLU from the same vector (default) or, Q21,
    from relu(a₁ · W), a₁ = the first sigmoid activation (the book's stored second run of its ReLU cell)."""
    first = sigmoid(np.asarray(start, dtype=float))
    chain = gradient_chain(matrix, first, steps, "sigmoid")
    if book_faithful:
        weights = np.asarray(matrix, dtype=float).reshape(len(first), len(first))
        with np.errstate(all="ignore"):
            relu_start = relu(chain.activations[0].dot(weights))
    else:
        relu_start = first
    return chain, gradient_chain(matrix, relu_start, steps, "relu")


def book_lines(sigmoid_chain: Chain, relu_chain: Chain) -> list[str]:
    """The book's printout: `Activations`, the arrays, a blank line, `Gradients`, ..., then the ReLU part."""
    out = ["Activations", *map(str, sigmoid_chain.activations), "", "Gradients", *map(str, sigmoid_chain.gradients),
           "Relu Activations", *map(str, relu_chain.activations), "", "Relu Gradients",
           *map(str, relu_chain.gradients)]
    return out


class ExplodingGradients(Experiment):
    """Ten steps forward through the same matrix (one iteration each, sigmoid and ReLU side by side), then
    ten steps back: the sigmoid gradient vanishes while the ReLU gradient explodes."""

    id = "ch14.exploding-gradients"
    title = "Vanishing and exploding gradients"
    chapter = 14
    phases_used = (Phase.PREDICT, Phase.LEARN)
    params = (
        Param("matrix", BOOK_MATRIX, "the recurrent matrix W, row by row (w11, w12, w21, w22)", -100.0, 100.0),
        Param("start", BOOK_START, "the vector whose sigmoid starts both chains: a = sigmoid(start)", -100.0, 100.0),
        Param("steps", BOOK_STEPS, "time steps of each chain", 1, 100),
        book_faithful_param(),
    )
    formulas = {
        Phase.PREDICT: ("step {step}:  a = sigmoid(a · W) = {sigmoid_activation}",
                        "x = relu(x · W) = {relu_activation}"),
        Phase.LEARN: ("back {step}:  g = (a ⊙ (1 − a) ⊙ g) · Wᵀ = {sigmoid_gradient}",
                      "g = ([x > 0] ⊙ g) · Wᵀ = {relu_gradient}"),
    }

    iterations = 2 * BOOK_STEPS

    def setup(self) -> None:
        self.iterations = 2 * self.steps  # forward steps, then as many backward steps
        self.sigmoid_chain, self.relu_chain = book_chains(self.matrix, self.start, self.steps, self.book_faithful)

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        k = self.iteration_index % (2 * self.steps)
        if k < self.steps:
            a, x = self.sigmoid_chain.activations[k], self.relu_chain.activations[k]
            yield Phase.PREDICT, {"step": k + 1, "sigmoid_activation": a.copy(), "relu_activation": x.copy(),
                                  "sigmoid_norm": float(np.linalg.norm(a)), "relu_norm": float(np.linalg.norm(x))}
        else:
            k -= self.steps
            g, r = self.sigmoid_chain.gradients[k], self.relu_chain.gradients[k]
            yield Phase.LEARN, {"step": k + 1, "sigmoid_gradient": g.copy(), "relu_gradient": r.copy(),
                                "sigmoid_norm": float(np.linalg.norm(g)), "relu_norm": float(np.linalg.norm(r))}

    def book_output(self) -> list[str]:
        """The lines the book prints for these chains."""
        return book_lines(self.sigmoid_chain, self.relu_chain)

    def lab(self) -> tuple[Chain, Chain]:
        """The two chains of the current parameters (the lab view's data)."""
        return self.sigmoid_chain, self.relu_chain


EXPERIMENTS = (ExplodingGradients,)
