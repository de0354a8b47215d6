"""Chapter 10: a convolutional layer on MNIST — 16 kernels of 3 × 3 shared by every position (BOOK.md ch. 10).

input 28 × 28 → windows image[r:r+3, c:c+3] for r, c < R (R = 26, or 25 in book_faithful: Q7) → windows ·
kernels (9 × 16) → tanh → flattened hidden layer (R²·16, position-major, kernel-minor) → dropout → dense → softmax.
Kernels learn from k_update = windowsᵀ · layer_1_delta: `+=` by default, `-=` (up the gradient, Q6) in
book_faithful. The rest (softmax, dropout, deltas) is chapter 9's network, from chapter 8's `MnistNet`.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from learning.chapters.ch08_regularization import (
    SIDE,
    MnistNet,
    alpha_param,
    batch_size_param,
    test_every_param,
)
from learning.experiment import Phase, book_faithful_param
from learning.network import Weights

KERNEL = 3
NUM_KERNELS = 16


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
    params = (alpha_param(2.0), batch_size_param(128), book_faithful_param(), test_every_param())
    formulas = {
        Phase.PREDICT: ("layer_0 = images[{batch_start} : {batch_start} + {images}]",
                        "kernel_output = windows(layer_0) · kernels",
                        "hidden = tanh(kernel_output)",
                        "layer_1 = hidden ⊙ dropout_mask ⊙ 2",
                        "layer_2 = softmax(layer_1 · weights_1_2)"),
        Phase.COMPARE: ("correct = {correct},  error = Σ (labels − layer_2)² = {error}",
                        "layer_2_delta = (labels − layer_2) / (batch_size · batch_size)"),
        Phase.LEARN: ("layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (1 − hidden²) ⊙ dropout_mask ⊙ 2",
                      "weights_1_2 += alpha · layer_1ᵀ · layer_2_delta",
                      "k_update = windowsᵀ · layer_1_delta;  kernels += alpha · k_update   (alpha = {alpha})"),
    }

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

    def _hidden_update(self, layer_0: np.ndarray, layer_1_delta: np.ndarray, alpha: float) -> None:
        k_update = self.windows.T.dot(layer_1_delta.reshape(-1, NUM_KERNELS))
        if self.book_faithful:
            self.kernels -= alpha * k_update  # Q6: up the gradient
        else:
            self.kernels += alpha * k_update

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
