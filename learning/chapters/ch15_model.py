"""Chapter 15's spam model on the chapter-13 framework: one learned number per word (BOOK.md, chapter 15).

`model = Embedding(V, 1)` with every weight set to 0; an e-mail's score is the sum of its 500 word weights
(`model.forward(input).sum(1)`), its prediction sigmoid(score); the loss is MSELoss, Σ over the batch of
(pred − goal)²; SGD with alpha 0.01. Before every batch (and before testing) the `<unk>` weight is set to 0.

The arithmetic is the book's, operation by operation, through the framework's Tensor (forward, backward with
the chapter-14/15 child counting, SGD), so the gradient of a weight is Σ over the occurrences of its word in the
batch of 2·(pred − goal)·pred·(1 − pred).
"""

from __future__ import annotations

import copy
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import numpy as np

from learning.framework.autograd import LENIENT
from learning.framework.layers import Embedding, MSELoss
from learning.framework.optim import SGD
from learning.framework.tensor import Tensor, id_draws

#: Chapter 15's Tensor-id draws: randint(0, 1000000000) (BOOK.md 1.4).
ID_HIGH = 1_000_000_000
ALPHA = 0.01


@dataclass(slots=True)
class BatchStep:
    """What one batch of training computed: the predictions (rows × 1), the loss Σ (pred − goal)² (the book's
    loss.data[0]), the gradient of the weights (V × 1, before SGD zeroed it) and alpha."""

    pred: np.ndarray
    loss: float
    grad: np.ndarray
    alpha: float

    @property
    def weight_delta(self) -> np.ndarray:
        """grad · alpha: what SGD subtracted from the weights."""
        return self.grad * self.alpha


class SpamModel:
    """The book's Embedding(V, 1) classifier; `unk` is the index of `<unk>`, the padding word."""

    def __init__(self, embedding: Embedding, unk: int) -> None:
        self.embedding = embedding
        self.unk = unk

    @classmethod
    def create(cls, vocab_size: int, unk: int, rs: np.random.RandomState) -> SpamModel:
        """The book's `Embedding(vocab_size=len(vocab), dim=1)` (draws U(V×1), then an id), then
        `model.weight.data *= 0` (signed zeros, as the book's)."""
        embedding = Embedding(vocab_size, 1, rs=rs, id_draw=id_draws(rs, ID_HIGH))
        embedding.weight.data = embedding.weight.data * 0
        return cls(embedding, unk)

    @property
    def weights(self) -> np.ndarray:
        """The weights, V × 1 (the embedding's weight data; not a copy)."""
        return self.embedding.weight.data

    @weights.setter
    def weights(self, value: np.ndarray) -> None:
        self.embedding.weight.data = np.array(value, dtype=np.float64).reshape(self.embedding.weight.data.shape)

    def copy(self) -> SpamModel:
        """The book's `copy.deepcopy(model)`: a model of its own with the same weights (no random draw)."""
        return SpamModel(copy.deepcopy(self.embedding), self.unk)

    def zero_unk(self) -> None:
        """The book's `model.weight.data[w2i['<unk>']] *= 0` (a fresh array: the framework never writes in place)."""
        data = self.embedding.weight.data.copy()
        data[self.unk] *= 0
        self.embedding.weight.data = data

    def forward(self, inputs: np.ndarray | Tensor) -> Tensor:
        """pred = model.forward(input).sum(1).sigmoid(): rows × 1."""
        return self.embedding.forward(inputs).sum(1).sigmoid()

    def train_batch_steps(self, inputs: np.ndarray, goals: np.ndarray,
                          alpha: float = ALPHA) -> Generator[tuple[str, Any], None, BatchStep]:
        """One batch of the book's train(), pausing after each phase: zero `<unk>`, then yields ("predict", pred
        array) after the forward pass, ("compare", loss) after MSELoss, and returns the BatchStep after backward
        and the SGD step."""
        self.zero_unk()
        optim = SGD(parameters=self.embedding.get_parameters(), alpha=alpha)
        input_ = Tensor(inputs, autograd=True)
        target = Tensor(goals, autograd=True)
        pred = self.forward(input_)
        yield "predict", pred.data
        loss = MSELoss().forward(pred, target)
        yield "compare", float(loss.data[0])
        loss.backward(policy=LENIENT)
        grad = self.embedding.weight.grad.data  # SGD rebinds the gradient to zeros: this array keeps its values
        optim.step()
        return BatchStep(pred.data, float(loss.data[0]), grad, alpha)

    def train_batch(self, inputs: np.ndarray, goals: np.ndarray, alpha: float = ALPHA) -> BatchStep:
        """One batch of the book's train() at once."""
        steps = self.train_batch_steps(inputs, goals, alpha)
        while True:
            try:
                next(steps)
            except StopIteration as stop:
                return stop.value

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        """Predictions (rows × 1) without learning; the book's test() zeroes `<unk>` first."""
        self.zero_unk()
        return self.forward(Tensor(inputs)).data
