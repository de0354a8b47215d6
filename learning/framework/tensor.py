"""The book's Tensor: data, an autograd flag, the creators and creation_op of a result, and its gradient.

Ids come from one process-wide counter (unique, increasing: a tensor made later has a larger id); the
book's random ids are not needed, but its random *draws* are, because they decide which random numbers
become the initial weights: pass `id_draw=id_draws(rs, HIGH)` where BOOK.md lists an id draw (section 1.4).

Arrays are never changed in place by the framework (results are fresh arrays, SGD rebinds `data`), so a
trace of a graph keeps the values it saw. A tensor keeps no children: a graph lives exactly as long as its
results are referenced, and nothing grows on the weights from one iteration to the next.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import numpy as np

from learning.framework import ops
from learning.framework.autograd import STRICT, BackwardPass, Policy

#: A callable that consumes one of the book's Tensor-id draws (its value is not used).
IdDraw = Callable[[], object]

_ids = itertools.count(1)


def next_id() -> int:
    """A fresh id from the counter every tensor takes its id from (used to mark "tensors made from now on")."""
    return next(_ids)


def id_draws(rs: np.random.RandomState, high: int) -> IdDraw:
    """The book's Tensor-id draw, `rs.randint(0, high)` (legacy method, default dtype): 100000 in chapter 13
    and the chapter-14 character RNN, 1000000000 in the chapter-14 LSTM and chapter 15 (BOOK.md 1.4)."""
    randint = rs.randint

    def draw() -> object:
        return randint(0, high)

    return draw


class Tensor:
    """A numpy array with what autograd needs: `creators` (the input tensors of the operation that made
    it, None for a tensor made from data), `creation_op` (the book's name: "add", "mm", "sum_0", ...),
    `grad` (a Tensor, or None) and a unique `id`. `scope` says which layer calls made it (set by layers,
    read by traces); `name` is an optional label for views."""

    __slots__ = ("data", "autograd", "creators", "creation_op", "op", "attrs", "grad", "id", "scope", "name",
                 "spent", "__weakref__")

    def __init__(self, data: Any, autograd: bool = False, *, id_draw: IdDraw | None = None,
                 name: str | None = None) -> None:
        self.data = np.array(data)
        if id_draw is not None:
            id_draw()  # after the data argument was evaluated, as in the book
        self.autograd = bool(autograd)
        self.creators: list[Tensor] | None = None
        self.creation_op: str | None = None
        self.op: ops.Op | None = None
        self.attrs: tuple[Any, ...] = ()
        self.grad: Tensor | None = None
        self.id = next(_ids)
        self.scope: tuple[Any, ...] = ()
        self.name = name
        self.spent = False

    # -- the book's printing ----------------------------------------------------------------------------------
    def __repr__(self) -> str:
        return str(self.data.__repr__())

    def __str__(self) -> str:
        return str(self.data.__str__())

    @property
    def shape(self) -> tuple[int, ...]:
        """The data's shape."""
        return self.data.shape

    # -- backward ---------------------------------------------------------------------------------------------
    def backward(self, grad: Tensor | np.ndarray | None = None, policy: Policy = STRICT) -> None:
        """Send `grad` (default: ones shaped like the data) back through the graph that made this tensor,
        setting every reached tensor's `grad`; `policy` picks the book's version (autograd.STRICT, LENIENT,
        NAIVE). Does nothing for a tensor without autograd."""
        if self.autograd:
            BackwardPass(self, grad, policy, _plain).run()

    # -- operations (forward and backward of each are side by side in ops.py) ----------------------------------
    def __add__(self, other: Tensor) -> Tensor:
        return _binary(ops.ADD, "add", self, other)

    def __neg__(self) -> Tensor:
        return _unary(ops.NEG, "neg", self, ops.neg(self.data), ())

    def __sub__(self, other: Tensor) -> Tensor:
        return _binary(ops.SUB, "sub", self, other)

    def __mul__(self, other: Tensor) -> Tensor:
        return _binary(ops.MUL, "mul", self, other)

    def sum(self, dim: int) -> Tensor:
        """Sum over axis `dim` (backward: the gradient repeated along it)."""
        return _unary(ops.SUM, "sum_" + str(dim), self, ops.sum_(self.data, dim), (dim,))

    def expand(self, dim: int, copies: int) -> Tensor:
        """Repeat `copies` times along a new axis `dim` (backward: the gradient summed over it)."""
        return _unary(ops.EXPAND, "expand_" + str(dim), self, ops.expand(self.data, dim, copies), (dim, copies))

    def transpose(self) -> Tensor:
        """The transpose."""
        return _unary(ops.TRANSPOSE, "transpose", self, ops.transpose(self.data), ())

    def mm(self, other: Tensor, ordered: bool = False) -> Tensor:
        """Matrix product self · other; `ordered` sums each dot product left to right (the book's digits)."""
        _check(other)
        data = ops.mm(self.data, other.data, ordered)
        if self.autograd or other.autograd:
            return _node(data, [self, other], ops.MM, (ordered,), "mm")
        return _plain(data)

    def sigmoid(self) -> Tensor:
        """1 / (1 + e^−x), elementwise."""
        return _unary(ops.SIGMOID, "sigmoid", self, ops.sigmoid(self.data), ())

    def tanh(self) -> Tensor:
        """tanh, elementwise."""
        return _unary(ops.TANH, "tanh", self, ops.tanh(self.data), ())

    def index_select(self, indices: Tensor | np.ndarray) -> Tensor:
        """The rows at `indices` (any shape of index array); repeated rows add up their gradients."""
        index = np.asarray(getattr(indices, "data", indices))
        return _unary(ops.INDEX_SELECT, "index_select", self, ops.index_select(self.data, index), (index,))

    def softmax(self) -> np.ndarray:
        """Rows of exp(x) / Σ exp(x) as a plain array, as the book's chapter 14 (forward only, for sampling)."""
        return ops.softmax(self.data)

    def cross_entropy(self, target_indices: Tensor | np.ndarray) -> Tensor:
        """Mean over rows of −ln softmax(x)[target]; backward sends softmax − one-hot (BOOK.md 1.1)."""
        target = np.asarray(getattr(target_indices, "data", target_indices))
        return _unary(ops.CROSS_ENTROPY, "cross_entropy", self, ops.cross_entropy(self.data, target), (target,))


_new = object.__new__


def _node(data: np.ndarray, creators: list[Tensor], op: ops.Op, attrs: tuple[Any, ...], creation_op: str) -> Tensor:
    """A result that takes part in autograd (built without __init__: no copy, no checks)."""
    t = _new(Tensor)
    t.data = data
    t.autograd = True
    t.creators = creators
    t.creation_op = creation_op
    t.op = op
    t.attrs = attrs
    t.grad = None
    t.id = next(_ids)
    t.scope = ()
    t.name = None
    t.spent = False
    return t


def _plain(data: np.ndarray) -> Tensor:
    """A tensor without autograd around an existing array (results of plain tensors, gradients)."""
    t = _new(Tensor)
    t.data = data
    t.autograd = False
    t.creators = None
    t.creation_op = None
    t.op = None
    t.attrs = ()
    t.grad = None
    t.id = next(_ids)
    t.scope = ()
    t.name = None
    t.spent = False
    return t


def _check(other: object) -> None:
    if not isinstance(other, Tensor):
        raise TypeError(f"a Tensor operation needs another Tensor (got {type(other).__name__})")


def _binary(op: ops.Op, creation_op: str, a: Tensor, b: Tensor) -> Tensor:
    _check(b)
    data = op.forward(a.data, b.data)
    if a.autograd or b.autograd:
        return _node(data, [a, b], op, (), creation_op)
    return _plain(data)


def _unary(op: ops.Op, creation_op: str, a: Tensor, data: np.ndarray, attrs: tuple[Any, ...]) -> Tensor:
    if a.autograd:
        return _node(np.asarray(data), [a], op, attrs, creation_op)
    return _plain(np.asarray(data))
