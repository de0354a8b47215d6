"""ch14.exploding-gradients: the book's printout in both modes (Q21), the chains against numerical derivatives,
and the experiment's phases."""

import numpy as np
import pytest

from learning.catalogue import get
from learning.chapters.ch14_gradients import BOOK_MATRIX, BOOK_START, book_chains, gradient_chain, sigmoid
from learning.experiment import ParamError, Phase


def book_script():
    """The book's notebook cells, run in order with its variable carried from cell to cell (independent of the
    module): the sigmoid cell, then the ReLU cell run twice; returns the printed lines of the second ReLU run."""
    sig = lambda x: 1 / (1 + np.exp(-x))  # noqa: E731 - the book's lambdas
    rel = lambda x: (x > 0).astype(float) * x  # noqa: E731
    weights = np.array([[1, 4], [4, 1]])
    activation = sig(np.array([1, 0.01]))
    printed = ["Activations"]
    activations = []
    for _ in range(10):
        activation = sig(activation.dot(weights))
        activations.append(activation)
        printed.append(str(activation))
    printed += ["", "Gradients"]
    gradient = np.ones_like(activation)
    for activation in reversed(activations):  # noqa: B020 - the book reuses the name: Q21 comes from this
        gradient = activation * (1 - activation) * gradient
        gradient = gradient.dot(weights.transpose())
        printed.append(str(gradient))
    runs = []
    for _ in range(2):  # the stored output is the ReLU cell's second run
        lines = ["Relu Activations"]
        activations = []
        for _ in range(10):
            activation = rel(activation.dot(weights))
            activations.append(activation)
            lines.append(str(activation))
        lines += ["", "Relu Gradients"]
        gradient = np.ones_like(activation)
        for activation in reversed(activations):  # noqa: B020
            gradient = ((activation > 0) * gradient).dot(weights.transpose())
            lines.append(str(gradient))
        runs.append(lines)
    return printed, runs


def test_anchor_is_the_first_sigmoid_activation_in_both_modes():
    for book in (False, True):
        exp = get("ch14.exploding-gradients")(book_faithful=book)
        assert exp.book_output()[1] == "[0.93940638 0.96852968]"
        first = exp.step().record
        assert str(first["sigmoid_activation"]) == "[0.93940638 0.96852968]"


def test_book_faithful_prints_the_books_cells_exactly():
    sigmoid_part, relu_runs = book_script()
    exp = get("ch14.exploding-gradients")(book_faithful=True)
    assert exp.book_output() == sigmoid_part + relu_runs[1]
    assert relu_runs[0][1] == "[4.8135251  4.72615519]"  # BOOK.md: what a single fresh run would print first


def test_default_relu_chain_starts_where_the_sigmoid_chain_starts():
    exp = get("ch14.exploding-gradients")()
    lines = exp.book_output()
    assert lines[lines.index("Relu Activations") + 1] == "[2.7410585  3.42673429]"  # BOOK.md check value
    sig, rel = exp.lab()
    np.testing.assert_array_equal(sig.start, rel.start)


def test_sigmoid_vanishes_and_relu_explodes_by_the_row_sum_of_w():
    sig, rel = book_chains()
    assert sig.gradient_norms[-1] < 1e-13 < sig.gradient_norms[0]
    # every ReLU unit stays active, so each backward step multiplies ones by Wᵀ: the row sums (5) to the power k
    np.testing.assert_array_equal(rel.gradients, np.array([[5.0 ** k] * 2 for k in range(1, 11)]))
    assert rel.growth_per_step() == pytest.approx(5.0)
    assert rel.spectral_radius == pytest.approx(5.0)
    assert sig.max_slope == 0.25


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_backward_chain_is_the_derivative_of_the_last_activation(activation):
    """After all the backward steps, g = ∂ Σ a_last / ∂ start (checked by central differences)."""
    matrix = (0.9, -0.6, 0.5, 1.2)
    start = np.array([0.3, -0.2])
    chain = gradient_chain(matrix, start, 6, activation)

    def f(x):
        return gradient_chain(matrix, x, 6, activation).activations[-1].sum()

    eps = 1e-6
    numeric = np.array([(f(start + eps * e) - f(start - eps * e)) / (2 * eps) for e in np.eye(2)])
    np.testing.assert_allclose(chain.gradients[-1], numeric, rtol=1e-6, atol=1e-10)


def test_iterations_walk_forward_then_back():
    exp = get("ch14.exploding-gradients")(steps=3)
    assert exp.iterations == 6
    results = [exp.step() for _ in range(6)]
    assert [r.phases[0].phase for r in results] == [Phase.PREDICT] * 3 + [Phase.LEARN] * 3
    sig = gradient_chain(BOOK_MATRIX, sigmoid(np.array(BOOK_START)), 3, "sigmoid")
    np.testing.assert_array_equal(results[2].record["sigmoid_activation"], sig.activations[2])
    np.testing.assert_array_equal(results[5].record["sigmoid_gradient"], sig.gradients[2])
    assert results[4].record["step"] == 2


def test_matrix_and_start_are_editable_and_checked():
    exp = get("ch14.exploding-gradients")(matrix=(0.5, 0.0, 0.0, 0.5), start=(0.0, 0.0))
    sig, rel = exp.lab()
    assert sig.spectral_radius == pytest.approx(0.5)
    assert rel.gradient_norms[-1] < rel.gradient_norms[0]  # a contracting matrix: the ReLU gradient vanishes too
    with pytest.raises(ParamError):
        get("ch14.exploding-gradients")(matrix=(1.0, 2.0))
    with pytest.raises(ParamError):
        gradient_chain(BOOK_MATRIX, BOOK_START, 3, "softplus")
