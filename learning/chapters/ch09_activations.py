"""Chapter 9: activation functions — a tanh hidden layer and a softmax output on MNIST (BOOK.md ch. 9).

The network and its machinery are chapter 8's `MnistNet`; this chapter changes the hidden activation (tanh by
default; relu and sigmoid to compare), adds softmax at the output with the cross-entropy delta
(goal − softmax) / (batch_size · rows), and trains in batches of 100 with dropout.
"""

from __future__ import annotations

from learning.activations import HIDDEN
from learning.chapters.ch08_regularization import (
    MnistNet,
    alpha_param,
    batch_size_param,
    hidden_size_param,
    test_every_param,
    test_images_param,
)
from learning.experiment import Param, Phase, book_faithful_param


def activation_param(default: str = "tanh") -> Param:
    """The hidden layer's activation, one of learning.activations.HIDDEN."""
    return Param("activation", default, "activation function of the hidden layer", choices=tuple(HIDDEN))


class MnistTanhSoftmax(MnistNet):
    """784 → 100 tanh (dropout) → 10 softmax, batches of 100, alpha 2."""

    id = "ch09.mnist-tanh-softmax"
    title = "Upgrading the MNIST network: tanh and softmax"
    chapter = 9
    epochs = 300
    epoch_size = 10
    dropout = True
    softmax_output = True
    delta_divisor = "batch_squared"
    init_0_1 = (0.02, 0.01)
    loss = "loss"
    params = (alpha_param(2.0), hidden_size_param(100), batch_size_param(100), activation_param(),
              book_faithful_param(), test_every_param(), test_images_param())
    formulas = {
        Phase.PREDICT: ("layer_0 = images[{batch_start} : {batch_start} + {images}]",
                        "hidden = activation(layer_0 · weights_0_1)",
                        "layer_1 = hidden ⊙ dropout_mask ⊙ 2",
                        "layer_2 = softmax(layer_1 · weights_1_2)"),
        Phase.COMPARE: ("loss = −Σ_batch log layer_2[label] = {loss},  correct = {correct}",
                        "layer_2_delta = (labels − layer_2) / (batch_size · batch_size)",
                        "squared_error = Σ_batch (labels − layer_2)² = {squared_error}"),
        Phase.LEARN: ("layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ activation′(hidden) ⊙ dropout_mask ⊙ 2",
                      "weights_1_2 += alpha · layer_1ᵀ · layer_2_delta",
                      "weights_0_1 += alpha · layer_0ᵀ · layer_1_delta   (alpha = {alpha})"),
    }
    #: The book's code (Q3, Q4): the derivative from the hidden values after dropout, and the mask without ×2.
    book_formulas = {
        Phase.LEARN: ("layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ activation′(layer_1) ⊙ dropout_mask",
                      *formulas[Phase.LEARN][1:]),
    }


EXPERIMENTS = (MnistTanhSoftmax,)
