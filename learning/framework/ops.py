"""Every operation of the book's framework: its forward beside its backward, on plain numpy arrays.

An operation is a pair of pure functions. `forward(*inputs, *attrs)` computes the result from the input
arrays and the operation's attributes (a dimension, indices, a flag); `backward(grad, out, *inputs, *attrs)`
returns one gradient per input (None where an input gets none). Nothing here keeps state or touches a
Tensor: the Tensor methods (tensor.py) call these functions, the backward pass (autograd.py) calls the
backward functions, and the gradient check (graph.py) re-evaluates the forward functions on copies.

The arithmetic follows the book's code expression by expression (`a * -1` for negation, the book's
`expand` with `repeat`/`reshape`/`transpose`, `1 / (1 + exp(-x))`), so the bits and even the memory layouts
of the results are the book's. `mm` sums each dot product left to right without fused multiply-add when
asked (`ordered=True`, BOOK.md section 1.2): that reproduces the book's full-precision prints, which an
optimised BLAS changes in the last digit.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

Grads = tuple[np.ndarray | None, ...]


@dataclass(frozen=True, eq=False)
class Op:
    """One operation: the book's name, its forward and backward functions, and (where the backward is the
    gradient of something else than the forward, as for the book's cross-entropy) the function whose
    gradient the backward really computes, for numerical checks."""

    name: str
    forward: Callable[..., np.ndarray]
    backward: Callable[..., Grads]
    check_forward: Callable[..., np.ndarray] | None = None

    def __repr__(self) -> str:
        return f"Op({self.name})"

    @property
    def checked(self) -> Callable[..., np.ndarray]:
        """The function the backward differentiates (the forward, except for cross-entropy)."""
        return self.check_forward or self.forward


# -- summation --------------------------------------------------------------------------------------------
def ordered_dot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a · b for 2-D arrays (m×k · k×n → m×n), each dot product summed left to right over k with one
    rounding per product and one per sum (no fused multiply-add): the book's digits (BOOK.md section 1.2)."""
    m, k = a.shape
    if k != b.shape[0]:
        raise ValueError(f"mm: shapes {a.shape} and {b.shape} do not fit (inner sizes {k} and {b.shape[0]})")
    n = b.shape[1]
    if k == 0:
        return np.zeros((m, n), dtype=np.result_type(a, b))
    if k > 8 and k * m * n <= 1 << 18:
        # Long sums into small outputs: every product in one operation, then the rows added one by one.
        products = a.T[:, :, None] * b[:, None, :]
        out = products[0].copy()
        for j in range(1, k):
            out += products[j]
        return out
    out = a[:, 0:1] * b[0:1, :]
    for j in range(1, k):
        out += a[:, j:j + 1] * b[j:j + 1, :]  # a fresh product, then one addition: two roundings per term
    return out


# -- add: a + b; each input receives the gradient as it is -------------------------------------------------
def add(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return a + b


def add_backward(grad: np.ndarray, out: np.ndarray, a: np.ndarray, b: np.ndarray) -> Grads:
    return grad, grad


# -- neg: −a; the input receives −grad ---------------------------------------------------------------------
def neg(a: np.ndarray) -> np.ndarray:
    return a * -1


def neg_backward(grad: np.ndarray, out: np.ndarray, a: np.ndarray) -> Grads:
    return (grad * -1,)


# -- sub: a − b; a receives grad, b receives −grad ---------------------------------------------------------
def sub(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return a - b


def sub_backward(grad: np.ndarray, out: np.ndarray, a: np.ndarray, b: np.ndarray) -> Grads:
    return grad, grad * -1


# -- mul: a ⊙ b; each input receives grad ⊙ the other input ------------------------------------------------
def mul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return a * b


def mul_backward(grad: np.ndarray, out: np.ndarray, a: np.ndarray, b: np.ndarray) -> Grads:
    return grad * b, grad * a


# -- sum(dim): sum over axis dim; the gradient is repeated along the summed axis ---------------------------
def sum_(a: np.ndarray, dim: int) -> np.ndarray:
    return a.sum(dim)


def sum_backward(grad: np.ndarray, out: np.ndarray, a: np.ndarray, dim: int) -> Grads:
    return (expand(grad, dim, a.shape[dim]),)


# -- expand(dim, copies): repeat along a new axis dim; the gradient is summed over it -----------------------
def expand(a: np.ndarray, dim: int, copies: int) -> np.ndarray:
    trans_cmd = list(range(0, len(a.shape)))
    trans_cmd.insert(dim, len(a.shape))
    return a.repeat(copies).reshape(list(a.shape) + [copies]).transpose(trans_cmd)


def expand_backward(grad: np.ndarray, out: np.ndarray, a: np.ndarray, dim: int, copies: int) -> Grads:
    return (grad.sum(dim),)


# -- transpose: aᵀ; the gradient is transposed back --------------------------------------------------------
def transpose(a: np.ndarray) -> np.ndarray:
    return a.transpose()


def transpose_backward(grad: np.ndarray, out: np.ndarray, a: np.ndarray) -> Grads:
    return (grad.transpose(),)


# -- mm: a · b; a receives grad · bᵀ, b receives aᵀ · grad (computed as the book does, (gradᵀ · a)ᵀ) --------
def mm(a: np.ndarray, b: np.ndarray, ordered: bool) -> np.ndarray:
    return ordered_dot(a, b) if ordered else a.dot(b)


def mm_backward(grad: np.ndarray, out: np.ndarray, a: np.ndarray, b: np.ndarray, ordered: bool) -> Grads:
    if ordered:
        return ordered_dot(grad, b.transpose()), ordered_dot(grad.transpose(), a).transpose()
    return grad.dot(b.transpose()), grad.transpose().dot(a).transpose()


# -- sigmoid: s = 1 / (1 + e^−a); the input receives grad ⊙ s ⊙ (1 − s) -------------------------------------
def sigmoid(a: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-a))


def sigmoid_backward(grad: np.ndarray, out: np.ndarray, a: np.ndarray) -> Grads:
    return (grad * (out * (1 - out)),)  # the book's ones − s: the same bits


# -- tanh: t = tanh(a); the input receives grad ⊙ (1 − t²) -------------------------------------------------
def tanh(a: np.ndarray) -> np.ndarray:
    return np.tanh(a)


def tanh_backward(grad: np.ndarray, out: np.ndarray, a: np.ndarray) -> Grads:
    return (grad * (1 - (out * out)),)


# -- index_select(indices): the rows of a at the indices; each selected row adds its gradient row ----------
def index_select(a: np.ndarray, indices: np.ndarray) -> np.ndarray:
    return a[indices]


def index_select_backward(grad: np.ndarray, out: np.ndarray, a: np.ndarray, indices: np.ndarray) -> Grads:
    new_grad = np.zeros(a.shape, dtype=np.result_type(a.dtype, grad.dtype, np.float64))
    flat = indices.reshape(-1)
    # np.add.at adds repeated indices one after the other; new_grad[flat] += ... would keep only the last
    np.add.at(new_grad, flat, grad.reshape((len(flat),) + a.shape[1:]))
    return (new_grad,)


# -- softmax: rows of exp(a) / Σ exp(a), no maximum subtracted (chapter 14: forward only, for sampling) -----
def softmax(a: np.ndarray) -> np.ndarray:
    temp = np.exp(a)
    return temp / np.sum(temp, axis=len(a.shape) - 1, keepdims=True)


# -- cross_entropy(target): mean over rows of −ln softmax(a)[target]; sends softmax − one-hot --------------
def _softmax_and_target(a: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    t = target.reshape(-1)
    p = softmax(a).reshape(len(t), -1)
    return p, np.eye(p.shape[1])[t]


def cross_entropy(a: np.ndarray, target: np.ndarray) -> np.ndarray:
    p, target_dist = _softmax_and_target(a, target)
    return np.array(-(np.log(p) * target_dist).sum(1).mean())


def cross_entropy_summed(a: np.ndarray, target: np.ndarray) -> np.ndarray:
    """The loss whose gradient the book's backward sends: the sum over rows, not the mean (BOOK.md 1.1)."""
    p, target_dist = _softmax_and_target(a, target)
    return np.array(-(np.log(p) * target_dist).sum(1).sum())


def cross_entropy_backward(grad: np.ndarray, out: np.ndarray, a: np.ndarray, target: np.ndarray) -> Grads:
    # The book ignores the incoming gradient and does not divide by the number of rows (BOOK.md 1.1).
    p, target_dist = _softmax_and_target(a, target)
    return ((p - target_dist).reshape(a.shape),)


ADD = Op("add", add, add_backward)
NEG = Op("neg", neg, neg_backward)
SUB = Op("sub", sub, sub_backward)
MUL = Op("mul", mul, mul_backward)
SUM = Op("sum", sum_, sum_backward)
EXPAND = Op("expand", expand, expand_backward)
TRANSPOSE = Op("transpose", transpose, transpose_backward)
MM = Op("mm", mm, mm_backward)
SIGMOID = Op("sigmoid", sigmoid, sigmoid_backward)
TANH = Op("tanh", tanh, tanh_backward)
INDEX_SELECT = Op("index_select", index_select, index_select_backward)
CROSS_ENTROPY = Op("cross_entropy", cross_entropy, cross_entropy_backward, cross_entropy_summed)

#: Every graph operation by name (the book's creation_op without its "_dim" suffix).
OPS: dict[str, Op] = {op.name: op for op in (ADD, NEG, SUB, MUL, SUM, EXPAND, TRANSPOSE, MM, SIGMOID, TANH,
                                             INDEX_SELECT, CROSS_ENTROPY)}


# -- where the code is ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CodeLocation:
    """Where an operation's code lives: the file and the first and last line (1-based, inclusive) of its
    forward and of its backward function."""

    op: str
    file: Path
    forward: tuple[int, int]
    backward: tuple[int, int]


def _lines(function: Callable[..., object]) -> tuple[int, int]:
    source, first = inspect.getsourcelines(function)
    return first, first + len(source) - 1


@cache
def code_location(op: str | Op) -> CodeLocation:
    """Where the forward and the backward of `op` (an Op or its name, e.g. "mm" or "sum_0") are written,
    so a view can light the line that computed a node or its gradient. KeyError for an unknown name."""
    operation = op if isinstance(op, Op) else OPS[op_name(op)]
    file = Path(inspect.getsourcefile(operation.forward) or __file__)
    return CodeLocation(operation.name, file, _lines(operation.forward), _lines(operation.backward))


def op_name(creation_op: str) -> str:
    """The operation of a book creation_op string: "sum_0" → "sum", "expand_1" → "expand", "mm" → "mm"."""
    head, _, tail = creation_op.rpartition("_")
    return head if head in ("sum", "expand") and tail.isdigit() else creation_op
