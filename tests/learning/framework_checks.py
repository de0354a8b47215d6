"""Numerical gradients for the framework tests: central differences of a scalar built from plain arrays."""

import numpy as np

from learning.framework import Tensor


def numerical_gradient(f, arrays, index, h=1e-6):
    """d f(arrays) / d arrays[index] by central differences, element by element; f returns a float."""
    base = [np.array(a, dtype=float) for a in arrays]
    grad = np.zeros_like(base[index])
    for i in np.ndindex(grad.shape):
        plus = [a.copy() for a in base]
        minus = [a.copy() for a in base]
        plus[index][i] += h
        minus[index][i] -= h
        grad[i] = (f(plus) - f(minus)) / (2 * h)
    return grad


def check_gradients(build, arrays, objective=None, rtol=1e-6, atol=1e-8):
    """Build the graph from tensors of `arrays` with `build(*tensors) -> Tensor`, call backward() from it
    (ones as the seed) and compare every input's grad with the numerical gradient of objective(result)
    (default: the sum of the result's data)."""
    objective = objective or (lambda t: float(np.sum(t.data)))
    tensors = [Tensor(np.array(a, dtype=float), autograd=True) for a in arrays]
    out = build(*tensors)
    out.backward()

    def f(values):
        return objective(build(*[Tensor(v, autograd=True) for v in values]))

    for k, t in enumerate(tensors):
        expected = numerical_gradient(f, arrays, k)
        assert t.grad is not None, f"input {k} got no gradient"
        np.testing.assert_allclose(t.grad.data, expected, rtol=rtol, atol=atol, err_msg=f"input {k}")
    return tensors, out
