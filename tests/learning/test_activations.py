"""Activations and their derivatives against central finite differences; softmax with cross-entropy."""

import numpy as np
import pytest

from learning.activations import (
    HIDDEN,
    curve,
    relu,
    relu2deriv,
    sigmoid,
    sigmoid2deriv,
    softmax,
    tanh,
    tanh2deriv,
)

EPS = 1e-6


def numerical_derivative(f, x):
    return (f(x + EPS) - f(x - EPS)) / (2 * EPS)


# points away from relu's kink at 0, where a finite difference straddling it means nothing
POINTS = np.array([-3.0, -1.2, -0.4, -0.05, 0.03, 0.5, 1.1, 2.7])


@pytest.mark.parametrize(("f", "deriv"), [(relu, relu2deriv), (sigmoid, sigmoid2deriv), (tanh, tanh2deriv)])
def test_derivative_from_the_output_matches_finite_differences(f, deriv):
    analytic = deriv(f(POINTS))
    assert np.allclose(analytic, numerical_derivative(f, POINTS), rtol=1e-7, atol=1e-9)


def test_hidden_table_pairs_each_function_with_its_own_derivative():
    assert set(HIDDEN) == {"relu", "sigmoid", "tanh"}
    for name, act in HIDDEN.items():
        assert act.name == name
        assert np.allclose(act.derivative(act.function(POINTS)), numerical_derivative(act.function, POINTS),
                           rtol=1e-7, atol=1e-9)


def test_relu2deriv_book_faithful_is_one_everywhere_on_relu_outputs():
    # Q2: (output >= 0) on a ReLU output is always true, also where the unit was off
    outputs = relu(POINTS)
    assert list(relu2deriv(outputs)) == [0, 0, 0, 0, 1, 1, 1, 1]
    assert list(relu2deriv(outputs, book_faithful=True)) == [1] * len(POINTS)


def test_softmax_is_the_books_exp_over_sum_on_rows():
    logits = np.array([[0.1, -0.3, 2.0], [1.0, 1.0, 1.0]])
    out = softmax(logits)
    e = np.exp(logits)
    assert np.array_equal(out, e / e.sum(axis=1, keepdims=True))  # the book's formula, bit for bit
    assert np.allclose(out.sum(axis=1), 1.0)
    assert np.allclose(out[1], 1 / 3)
    stable = np.exp(logits - logits.max(axis=1, keepdims=True))
    assert np.allclose(out, stable / stable.sum(axis=1, keepdims=True), rtol=1e-15)


def test_softmax_with_cross_entropy_gradient_is_output_minus_goal():
    """d/dz of −Σ y·log softmax(z) is softmax(z) − y: why the book's delta goal − output needs no derivative."""
    rs = np.random.RandomState(3)
    z = rs.randn(4, 10)
    y = np.eye(10)[[3, 0, 9, 3]]

    def loss(z):
        return -np.sum(y * np.log(softmax(z)))

    numeric = np.zeros_like(z)
    for index in np.ndindex(z.shape):
        dz = np.zeros_like(z)
        dz[index] = EPS
        numeric[index] = (loss(z + dz) - loss(z - dz)) / (2 * EPS)
    assert np.allclose(softmax(z) - y, numeric, rtol=1e-6, atol=1e-8)


def test_curve_gives_function_and_derivative_for_plotting():
    x = np.linspace(-4, 4, 81)
    y, dy = curve("tanh", x)
    assert np.array_equal(y, np.tanh(x)) and np.allclose(dy, 1 - np.tanh(x) ** 2)
    y, dy = curve("sigmoid", x)
    assert y[40] == 0.5 and dy[40] == 0.25  # at x = 0
    y, dy = curve("relu", x)
    assert y.min() == 0 and set(dy) == {0.0, 1.0}
    s, ds = curve("softmax", np.array([0.0, np.log(3.0)]))
    assert np.allclose(s, [0.25, 0.75]) and np.allclose(ds, [0.1875, 0.1875])
    with pytest.raises(KeyError):
        curve("swish", x)
