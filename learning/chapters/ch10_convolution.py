"""Chapter 10: a convolutional layer on MNIST — 16 kernels of 3 × 3 shared by every position (BOOK.md ch. 10).

input 28 × 28 → windows image[r:r+3, c:c+3] for r, c < R (R = 26, or 25 in book_faithful: Q7) → windows ·
kernels (9 × 16) → tanh → flattened hidden layer (R²·16, position-major, kernel-minor) → dropout → dense → softmax.
Kernels learn from k_update = windowsᵀ · layer_1_delta: `+=` by default, `-=` (up the gradient, Q6) in
book_faithful. The rest (softmax, dropout, deltas, the test pass) is chapter 9's network, from chapter 8's
`MnistNet`; the iteration is written out here so that the code panel shows the convolution that runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from learning.activations import softmax
from learning.chapters.ch08_regularization import (
    SIDE,
    MnistNet,
    alpha_param,
    batch_size_param,
    cross_entropy,
    test_every_param,
    test_images_param,
)
from learning.experiment import Param, Phase, book_faithful_param
from learning.network import Weights

KERNEL = 3
NUM_KERNELS = 16
#: Hand-made starting values for kernel 0 (3 × 3, row-major), at the scale the trained kernels reach: a bright
#: middle row between dark rows answers most to a horizontal stroke, the transpose to a vertical one.
_LINE = 0.1 * np.array([[-1.0, -1.0, -1.0], [2.0, 2.0, 2.0], [-1.0, -1.0, -1.0]])
KERNEL_PRESETS: dict[str, np.ndarray | None] = {"random": None, "horizontal": _LINE, "vertical": _LINE.T.copy()}


def image_windows(images: np.ndarray, positions: int) -> np.ndarray:
    """The 3 × 3 windows of n images (n × 784) at positions × positions places, as the book's
    get_image_section loops order them: (n · positions², 9), image-major, then row, then column."""
    n = len(images)
    view = sliding_window_view(images.reshape(n, SIDE, SIDE), (KERNEL, KERNEL), axis=(1, 2))
    return view[:, :positions, :positions].reshape(n * positions * positions, KERNEL * KERNEL)


class MnistConv(MnistNet):
    """16 kernels of 3 × 3 → tanh → dropout → 10 softmax, batches of 128 (7 per epoch), alpha 2."""

    id = "ch10.mnist-conv"
    title = "A convolutional layer on MNIST"
    chapter = 10
    epochs = 300
    epoch_size = 7
    activation = "tanh"
    dropout = True
    softmax_output = True
    delta_divisor = "batch_squared"
    test_chunk = 50
    loss = "loss"
    params = (alpha_param(2.0), batch_size_param(128), book_faithful_param(), test_every_param(),
              test_images_param(), Param("first_kernel", "random", "how kernel 0 starts: the book's random draw, or "
                                         "a hand-made detector of horizontal or vertical strokes (the draws are the "
                                         "same; only kernel 0 is replaced)", choices=tuple(KERNEL_PRESETS)))
    formulas = {
        Phase.PREDICT: ("layer_0 = images[{batch_start} : {batch_start} + {images}]",
                        "windows = layer_0[r : r+3, c : c+3] for r, c = 0 … 25",
                        "kernel_output = windows · kernels",
                        "hidden = tanh(kernel_output)",
                        "layer_1 = hidden ⊙ dropout_mask ⊙ 2",
                        "layer_2 = softmax(layer_1 · weights_1_2)"),
        Phase.COMPARE: ("loss = −Σ_batch log layer_2[label] = {loss},  correct = {correct}",
                        "layer_2_delta = (labels − layer_2) / (batch_size · batch_size)",
                        "squared_error = Σ_batch (labels − layer_2)² = {squared_error}"),
        Phase.LEARN: ("layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (1 − hidden²) ⊙ dropout_mask ⊙ 2",
                      "weights_1_2 += alpha · layer_1ᵀ · layer_2_delta",
                      "k_update = windowsᵀ · layer_1_delta;  kernels += alpha · k_update   (alpha = {alpha})"),
    }
    #: The book's code: 25 × 25 windows (Q7), the derivative after dropout and no ×2 (Q3, Q4), kernels moved up
    #: the gradient (Q6).
    book_formulas = {
        Phase.PREDICT: (formulas[Phase.PREDICT][0], "windows = layer_0[r : r+3, c : c+3] for r, c = 0 … 24",
                        *formulas[Phase.PREDICT][2:]),
        Phase.LEARN: ("layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (1 − layer_1²) ⊙ dropout_mask",
                      "weights_1_2 += alpha · layer_1ᵀ · layer_2_delta",
                      "k_update = windowsᵀ · layer_1_delta;  kernels −= alpha · k_update   (alpha = {alpha})"),
    }

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        """Predict, compare, learn on one batch: the convolution written out, in the book's order and arithmetic."""
        batch = self._batch
        start = self._start = (self.iteration_index % self.epoch_size) * batch
        layer_0 = self._images[start:start + batch]
        labels = self._labels[start:start + batch]
        # PREDICT: every 3 × 3 window of every image, times each of the 16 kernels, through tanh
        windows = self.windows = image_windows(layer_0, self.positions)  # (batch · R², 9)
        kernel_output = windows.dot(self.kernels)  # (batch · R², 16)
        hidden = np.tanh(kernel_output.reshape(batch, -1))  # (batch, R² · 16): position-major, kernel-minor
        dropout_mask = self.rs.randint(2, size=hidden.shape)
        layer_1 = hidden * (dropout_mask * 2.0)
        layer_2 = softmax(np.dot(layer_1, self.weights_1_2))
        self.layer_0, self.hidden, self.layer_1, self.dropout_mask, self.layer_2 = (
            layer_0, hidden, layer_1, dropout_mask, layer_2)
        self.layer_2_delta = self.layer_1_delta = None
        yield Phase.PREDICT, {"batch_start": start, "images": batch}
        # COMPARE: the cross-entropy and its delta, (labels − layer_2) / (batch_size · batch_size) as the book has it
        digits = self._label_index[start:start + batch]
        diff = labels - layer_2
        layer_2_delta = self.layer_2_delta = diff / self._divisor
        correct = int(np.count_nonzero(np.argmax(layer_2, axis=1) == digits))
        yield Phase.COMPARE, {"loss": cross_entropy(layer_2, digits), "correct": correct,
                              "squared_error": float(np.square(diff).sum())}
        # LEARN: back through the dense layer and tanh to each window's kernel outputs, then into the kernels
        alpha, book = self.alpha, self.book_faithful
        layer_1_delta = np.dot(layer_2_delta, self.weights_1_2.T)
        if book:  # Q4 and Q3: tanh′ from the values after dropout, and the mask without its ×2
            layer_1_delta *= (1 - layer_1 ** 2) * dropout_mask
        else:
            layer_1_delta *= (1 - hidden ** 2) * (dropout_mask * 2.0)
        buf = self._buf_1_2
        np.dot(layer_1.T, layer_2_delta, out=buf)
        buf *= alpha
        self.weights_1_2 += buf
        k_update = windows.T.dot(layer_1_delta.reshape(-1, NUM_KERNELS))  # (9, 16): summed over every window
        if book:
            self.kernels -= alpha * k_update  # Q6: up the gradient
        else:
            self.kernels += alpha * k_update
        self.layer_1_delta = layer_1_delta
        yield Phase.LEARN, {"alpha": alpha, "updates": 1}

    @property
    def positions(self) -> int:
        """R: windows per row and column (26 for a valid convolution; the book's loops give 25, Q7)."""
        return SIDE - KERNEL if self.book_faithful else SIDE - KERNEL + 1

    @property
    def hidden_size(self) -> int:
        """R² · 16 hidden units (10,816; 10,000 in book_faithful)."""
        return self.positions**2 * NUM_KERNELS

    def _init_weights(self) -> None:
        self.kernels = 0.02 * self.rs.random_sample((KERNEL * KERNEL, NUM_KERNELS)) - 0.01
        self.weights_1_2 = 0.2 * self.rs.random_sample((self.hidden_size, 10)) - 0.1
        preset = KERNEL_PRESETS[self.first_kernel]
        if preset is not None:  # after every draw: the rest of the run uses the same random numbers
            self.kernels[:, 0] = preset.reshape(-1)

    def _make_buffers(self) -> None:
        self._buf_1_2 = np.empty_like(self.weights_1_2)

    def _clear_step(self) -> None:
        super()._clear_step()
        self.windows: np.ndarray | None = None

    def state_names(self) -> tuple[str, ...]:
        return ("kernels", "weights_1_2", "confusion", "last_test")

    def _hidden_forward(self, layer_0: np.ndarray, training: bool = False) -> np.ndarray:
        windows = image_windows(layer_0, self.positions)
        if training:
            self.windows = windows
        kernel_output = windows.dot(self.kernels)
        return np.tanh(kernel_output.reshape(len(layer_0), -1))

    def _accuracy_divisor(self, images: int) -> int:
        return self.train_count if self.book_faithful else images  # Q8: the book divides by 1000

    # -- views --------------------------------------------------------------------------------------------
    def kernel_images(self) -> np.ndarray:
        """The 16 kernels as 3 × 3 images: (16, 3, 3), a view (no copy)."""
        return self.kernels.T.reshape(NUM_KERNELS, KERNEL, KERNEL)

    def hidden_weight_images(self) -> np.ndarray:
        """The input weights of the hidden units: they share the 16 kernels, so (16, 3, 3)."""
        return self.kernel_images()

    def feature_maps(self, row: int = 0) -> np.ndarray | None:
        """The hidden layer of the current example as 16 maps of R × R (after dropout), or None."""
        if self.layer_1 is None:
            return None
        r = self.positions
        return self.layer_1[row].reshape(r, r, NUM_KERNELS).transpose(2, 0, 1)

    def _hidden_units(self) -> tuple[str, ...]:
        units = getattr(self, "_units_cache", None)
        if units is None or len(units) != self.hidden_size:
            r = self.positions
            units = self._units_cache = tuple(f"{k}:{i},{j}" for i in range(r) for j in range(r)
                                              for k in range(NUM_KERNELS))
        return units

    def _weights(self) -> list[Weights]:
        return [Weights("weights_1_2", 1, 2, self.weights_1_2.T, code_name="weights_1_2")]


EXPERIMENTS = (MnistConv,)
