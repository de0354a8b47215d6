"""The book's layers: Linear, Sequential, Tanh, Sigmoid, Embedding, the two losses, RNNCell and LSTMCell.

Random initial weights come from the experiment's RandomState `rs`, in the book's order of draws; where
the book's Tensor drew a random id, the layer calls `id_draw` (tensor.id_draws) at the same point — after
each weight's values were drawn, once per parameter tensor (BOOK.md section 1.4 and "The framework").

Every call of a layer's `forward` marks the tensors it made with (layer, call number) in their `scope`,
outermost layer first, so a trace can group (and a view collapse) the nodes of one layer call. Subclasses
get this by defining `forward`; nothing else is needed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np

from learning.framework.tensor import IdDraw, Tensor, next_id


def _tensors(value: Any) -> Iterator[Tensor]:
    """The tensors in a forward's result (a tensor, or nested tuples/lists of them)."""
    if isinstance(value, Tensor):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _tensors(item)


def _mark(result: Any, first_id: int, entry: tuple[Layer, int]) -> None:
    """Put `entry` in front of the scope of every tensor made since `first_id` that leads to `result`."""
    stack = [t for t in _tensors(result)]
    while stack:
        t = stack.pop()
        if t.id < first_id or (t.scope and t.scope[0] is entry):
            continue
        t.scope = (entry, *t.scope)
        if t.creators is not None:
            stack.extend(t.creators)


class Layer:
    """A part of a model: its `parameters` (tensors SGD updates) and a `forward`."""

    def __init__(self) -> None:
        self.parameters: list[Tensor] = []
        self.calls = 0  # forward calls so far (the scope of each call's tensors counts them)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        forward = cls.__dict__.get("forward")
        if forward is not None and not getattr(forward, "_marks_scope", False):
            cls.forward = _marking(forward)  # type: ignore[method-assign]

    def get_parameters(self) -> list[Tensor]:
        """The tensors this layer learns, in the book's order."""
        return self.parameters

    def sublayers(self) -> Iterator[tuple[str, Layer]]:
        """(attribute name, layer) of the layers this layer holds, for naming them in traces."""
        for key, value in vars(self).items():
            if isinstance(value, Layer):
                yield key, value
            elif isinstance(value, list | tuple):
                for i, item in enumerate(value):
                    if isinstance(item, Layer):
                        yield f"{key}.{i}", item

    def named_parameters(self, prefix: str = "") -> Iterator[tuple[str, Tensor]]:
        """(dotted name, tensor) of this layer's own parameters and those of its sublayers."""
        own = {id(p) for p in self.parameters}
        for key, value in vars(self).items():
            if isinstance(value, Tensor) and id(value) in own:
                yield prefix + key, value
        for key, layer in self.sublayers():
            yield from layer.named_parameters(f"{prefix}{key}.")


def _marking(forward: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(forward)
    def marked(self: Layer, *args: Any, **kwargs: Any) -> Any:
        first = next_id()
        result = forward(self, *args, **kwargs)
        call = self.calls
        self.calls = call + 1
        _mark(result, first, (self, call))
        return result

    marked._marks_scope = True  # type: ignore[attr-defined]
    return marked


class Linear(Layer):
    """x · weight + bias repeated over the rows. weight ← N(n_inputs × n_outputs) · √(2 / n_inputs), then an
    id draw; bias = zeros(n_outputs), then an id draw (none without a bias). `ordered` sums the products
    left to right (the book's digits; slower for big layers)."""

    def __init__(self, n_inputs: int, n_outputs: int, bias: bool = True, *, rs: np.random.RandomState,
                 id_draw: IdDraw | None = None, ordered: bool = False) -> None:
        super().__init__()
        self.use_bias = bias
        self.ordered = ordered
        W = rs.randn(n_inputs, n_outputs) * np.sqrt(2.0 / (n_inputs))
        self.weight = Tensor(W, autograd=True, id_draw=id_draw)
        self.parameters.append(self.weight)
        if bias:
            self.bias = Tensor(np.zeros(n_outputs), autograd=True, id_draw=id_draw)
            self.parameters.append(self.bias)

    def forward(self, input: Tensor) -> Tensor:
        if self.use_bias:
            return input.mm(self.weight, self.ordered) + self.bias.expand(0, len(input.data))
        return input.mm(self.weight, self.ordered)


class Sequential(Layer):
    """Layers applied one after the other; its parameters are theirs, in order."""

    def __init__(self, layers: Sequence[Layer] = ()) -> None:
        super().__init__()
        self.layers = list(layers)

    def add(self, layer: Layer) -> None:
        """Append a layer."""
        self.layers.append(layer)

    def forward(self, input: Tensor) -> Tensor:
        for layer in self.layers:
            input = layer.forward(input)
        return input

    def sublayers(self) -> Iterator[tuple[str, Layer]]:
        for i, layer in enumerate(self.layers):
            yield str(i), layer

    def get_parameters(self) -> list[Tensor]:
        params: list[Tensor] = []
        for layer in self.layers:
            params += layer.get_parameters()
        return params


class Tanh(Layer):
    """tanh, elementwise; no parameters, no draws."""

    def forward(self, input: Tensor) -> Tensor:
        return input.tanh()


class Sigmoid(Layer):
    """The sigmoid, elementwise; no parameters, no draws."""

    def forward(self, input: Tensor) -> Tensor:
        return input.sigmoid()


class Embedding(Layer):
    """A row of `weight` per index: weight ← (U(vocab_size × dim) − 0.5) / dim, then an id draw."""

    def __init__(self, vocab_size: int, dim: int, *, rs: np.random.RandomState,
                 id_draw: IdDraw | None = None) -> None:
        super().__init__()
        self.vocab_size = vocab_size
        self.dim = dim
        # this random initialisation style is the word2vec convention, as in the book
        self.weight = Tensor((rs.rand(vocab_size, dim) - 0.5) / dim, autograd=True, id_draw=id_draw)
        self.parameters.append(self.weight)

    def forward(self, input: Tensor | np.ndarray) -> Tensor:
        return self.weight.index_select(input)


class MSELoss(Layer):
    """((pred − target) ⊙ (pred − target)) summed over the rows: one number per output."""

    def forward(self, pred: Tensor, target: Tensor) -> Tensor:
        return ((pred - target) * (pred - target)).sum(0)


class CrossEntropyLoss(Layer):
    """The book's cross-entropy: the mean over rows of −ln softmax[target] (gradient of the sum, BOOK.md 1.1)."""

    def forward(self, input: Tensor, target: Tensor | np.ndarray) -> Tensor:
        return input.cross_entropy(target)


ACTIVATIONS: dict[str, type[Layer]] = {"sigmoid": Sigmoid, "tanh": Tanh}


class RNNCell(Layer):
    """new_hidden = activation(w_ih(input) + w_hh(hidden)); output = w_ho(new_hidden). Linear layers with
    bias created in the order w_ih, w_hh, w_ho. Q20: the book's cell ignores activation="tanh" (it compares
    instead of assigning) and is always a sigmoid; `book_faithful` reproduces that."""

    def __init__(self, n_inputs: int, n_hidden: int, n_output: int, activation: str = "sigmoid", *,
                 rs: np.random.RandomState, id_draw: IdDraw | None = None, ordered: bool = False,
                 book_faithful: bool = False) -> None:
        super().__init__()
        if activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {activation!r}; known: {', '.join(ACTIVATIONS)}")
        self.n_inputs = n_inputs
        self.n_hidden = n_hidden
        self.n_output = n_output
        self.activation = ACTIVATIONS["sigmoid" if book_faithful else activation]()
        self.w_ih = Linear(n_inputs, n_hidden, rs=rs, id_draw=id_draw, ordered=ordered)
        self.w_hh = Linear(n_hidden, n_hidden, rs=rs, id_draw=id_draw, ordered=ordered)
        self.w_ho = Linear(n_hidden, n_output, rs=rs, id_draw=id_draw, ordered=ordered)
        self.parameters += self.w_ih.get_parameters()
        self.parameters += self.w_hh.get_parameters()
        self.parameters += self.w_ho.get_parameters()

    def forward(self, input: Tensor, hidden: Tensor) -> tuple[Tensor, Tensor]:
        from_prev_hidden = self.w_hh.forward(hidden)
        combined = self.w_ih.forward(input) + from_prev_hidden
        new_hidden = self.activation.forward(combined)
        output = self.w_ho.forward(new_hidden)
        return output, new_hidden

    def init_hidden(self, batch_size: int = 1) -> Tensor:
        """The initial hidden state: zeros(batch_size × n_hidden)."""
        return Tensor(np.zeros((batch_size, self.n_hidden)), autograd=True, name="hidden")


class LSTMCell(Layer):
    """The book's LSTM cell (chapter 14). Linear layers created in this order: xf, xi, xo, xc (input →
    hidden, with bias), hf, hi, ho, hc (hidden → hidden, without bias), w_ho (hidden → output, without bias).
    f = σ(xf(x) + hf(h)); i = σ(xi(x) + hi(h)); o = σ(xo(x) + ho(h)); g = tanh(xc(x) + hc(h));
    c′ = f ⊙ c + i ⊙ g; h′ = o ⊙ tanh(c′); output = w_ho(h′)."""

    def __init__(self, n_inputs: int, n_hidden: int, n_output: int, *, rs: np.random.RandomState,
                 id_draw: IdDraw | None = None, ordered: bool = False) -> None:
        super().__init__()
        self.n_inputs = n_inputs
        self.n_hidden = n_hidden
        self.n_output = n_output

        def linear(n_in: int, n_out: int, bias: bool) -> Linear:
            return Linear(n_in, n_out, bias, rs=rs, id_draw=id_draw, ordered=ordered)

        self.xf = linear(n_inputs, n_hidden, True)
        self.xi = linear(n_inputs, n_hidden, True)
        self.xo = linear(n_inputs, n_hidden, True)
        self.xc = linear(n_inputs, n_hidden, True)
        self.hf = linear(n_hidden, n_hidden, False)
        self.hi = linear(n_hidden, n_hidden, False)
        self.ho = linear(n_hidden, n_hidden, False)
        self.hc = linear(n_hidden, n_hidden, False)
        self.w_ho = linear(n_hidden, n_output, False)
        for layer in (self.xf, self.xi, self.xo, self.xc, self.hf, self.hi, self.ho, self.hc, self.w_ho):
            self.parameters += layer.get_parameters()

    def forward(self, input: Tensor, hidden: tuple[Tensor, Tensor]) -> tuple[Tensor, tuple[Tensor, Tensor]]:
        prev_hidden, prev_cell = hidden
        f = (self.xf.forward(input) + self.hf.forward(prev_hidden)).sigmoid()
        i = (self.xi.forward(input) + self.hi.forward(prev_hidden)).sigmoid()
        o = (self.xo.forward(input) + self.ho.forward(prev_hidden)).sigmoid()
        g = (self.xc.forward(input) + self.hc.forward(prev_hidden)).tanh()
        c = (f * prev_cell) + (i * g)
        h = o * c.tanh()
        output = self.w_ho.forward(h)
        return output, (h, c)

    def init_hidden(self, batch_size: int = 1, column_0_one: bool = True) -> tuple[Tensor, Tensor]:
        """The initial (hidden, cell): zeros(batch_size × n_hidden), with column 0 set to 1 as in the book
        (`column_0_one=False`: all zeros)."""
        hidden = np.zeros((batch_size, self.n_hidden))
        cell = np.zeros((batch_size, self.n_hidden))
        if column_0_one:
            hidden[:, 0] += 1
            cell[:, 0] += 1
        return Tensor(hidden, autograd=True, name="hidden"), Tensor(cell, autograd=True, name="cell")
