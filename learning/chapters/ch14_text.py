"""Chapter 14: the character models' parts that are not the Experiment — the text cut into streams and
batches, the network built through learning.framework, and a numpy forward step for generation and views.

Batching (BOOK.md `ch14.char-lstm`): the indices are cut into `streams` contiguous slices of n = len // streams
characters (the last len % streams characters are unused); batch b, time step t, stream s reads character
s·n + bptt·b + t and predicts the one after it; an epoch has (n − 1) // bptt batches.

`NumpyNet` runs the same forward step as the framework's cells with plain arrays, expression by expression
(x·W + b, then + h·U, the book's sigmoid 1 / (1 + e^−z)), so for the same batch shape its numbers are the
framework's bit for bit (tested); it is what generation and the text views use (no graph, ~10× faster).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from learning.datasets import DatasetError
from learning.framework import Embedding, LSTMCell, RNNCell, Tensor, id_draws
from learning.framework.layers import Layer

KINDS = ("lstm", "rnn")


@dataclass(frozen=True)
class Batching:
    """How a text of `length` characters is cut: `streams` × `stream_length` characters, `batches` batches of
    `bptt` steps per epoch."""

    length: int
    streams: int
    bptt: int

    def __post_init__(self) -> None:
        if self.streams < 1 or self.bptt < 1:
            raise DatasetError("streams and bptt must be at least 1")
        if self.batches < 1:
            raise DatasetError(f"a text of {self.length} characters is too short for {self.streams} streams of "
                               f"{self.bptt + 1} characters")

    @property
    def stream_length(self) -> int:
        """Characters per stream (the book's n_batches: ⌊length / streams⌋)."""
        return self.length // self.streams

    @property
    def batches(self) -> int:
        """Batches per epoch: ⌊(stream_length − 1) / bptt⌋."""
        return (self.stream_length - 1) // self.bptt

    @property
    def unused_tail(self) -> int:
        """Characters at the end of the text that no stream holds."""
        return self.length - self.streams * self.stream_length

    def position(self, batch: int, step: int, stream: int) -> int:
        """Index in the text of the character that (batch, step, stream) reads (its target is the next one)."""
        return stream * self.stream_length + self.bptt * batch + step

    def streams_of(self, indices: np.ndarray) -> np.ndarray:
        """The (streams, stream_length) matrix of the text's indices."""
        n = self.stream_length
        return np.asarray(indices[: n * self.streams]).reshape(self.streams, n)

    def covered(self, batch: int) -> list[tuple[int, int]]:
        """For each stream, the text range [start, stop) of the characters batch `batch` reads (inputs);
        the targets are the same range shifted by one."""
        return [(self.position(batch, 0, s), self.position(batch, 0, s) + self.bptt) for s in range(self.streams)]

    def layout(self, batch: int) -> dict[str, Any]:
        """The truncated back-propagation picture as plain values: sizes, and which characters `batch` covers."""
        return {"length": self.length, "streams": self.streams, "stream_length": self.stream_length,
                "bptt": self.bptt, "batches": self.batches, "batch": batch, "unused_tail": self.unused_tail,
                "unused_per_stream": self.stream_length - 1 - self.batches * self.bptt,
                "covered": self.covered(batch)}


class CharNet:
    """Embedding(V, hidden) → LSTMCell or RNNCell(hidden, hidden, V), built in the book's order of draws from
    `rs` with its id draws (`randint(0, id_high)`). The LSTM's output weights are multiplied by 0, as the book
    does, so the first predictions are uniform. `parameters` = the cell's then the embedding's (the book's SGD).
    """

    def __init__(self, kind: str, vocab_size: int, hidden: int, *, rs: np.random.RandomState, id_high: int,
                 activation: str = "sigmoid", book_faithful: bool = False) -> None:
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)} (got {kind!r})")
        self.kind = kind
        self.vocab_size = vocab_size
        self.hidden = hidden
        draw = id_draws(rs, id_high)
        self.embed = Embedding(vocab_size, hidden, rs=rs, id_draw=draw)
        self.cell: Layer
        if kind == "lstm":
            self.cell = LSTMCell(hidden, hidden, vocab_size, rs=rs, id_draw=draw)
            w = self.cell.w_ho.weight
            w.data = w.data * 0  # the book's `model.w_ho.weight.data *= 0` (same values, signed zeros included)
        else:
            self.cell = RNNCell(hidden, hidden, vocab_size, activation, rs=rs, id_draw=draw,
                                book_faithful=book_faithful)
        self.parameters: list[Tensor] = self.cell.get_parameters() + self.embed.get_parameters()
        self.names = [name for name, _ in self.cell.named_parameters()] + ["embed.weight"]

    @property
    def state_size(self) -> int:
        """Arrays in the recurrent state: (h, c) for the LSTM, (h,) for the RNN."""
        return 2 if self.kind == "lstm" else 1

    def initial_state(self, batch_size: int) -> tuple[np.ndarray, ...]:
        """The book's initial state as arrays: LSTM h and c zeros with column 0 set to 1; RNN h zeros."""
        tensors = self.cell.init_hidden(batch_size)
        return tuple(t.data for t in (tensors if isinstance(tensors, tuple) else (tensors,)))

    def step(self, indices: np.ndarray, state: tuple[Tensor, ...]) -> tuple[Tensor, tuple[Tensor, ...]]:
        """One time step through the framework: embed the characters, run the cell; (output logits, new state)."""
        x = self.embed.forward(indices)
        if self.kind == "lstm":
            output, (h, c) = self.cell.forward(x, (state[0], state[1]))
            return output, (h, c)
        output, h = self.cell.forward(x, state[0])
        return output, (h,)

    def arrays(self) -> list[np.ndarray]:
        """The parameters' current arrays, in `parameters` order (SGD rebinds them, so these stay as they are)."""
        return [p.data for p in self.parameters]

    def load_arrays(self, arrays: list[np.ndarray]) -> None:
        """Set every parameter from copies of `arrays` (as arrays() gave them)."""
        if len(arrays) != len(self.parameters):
            raise ValueError(f"expected {len(self.parameters)} arrays, got {len(arrays)}")
        for p, a in zip(self.parameters, arrays, strict=True):
            if np.shape(a) != p.data.shape:
                raise ValueError(f"parameter shape {p.data.shape} does not match {np.shape(a)}")
            p.data = np.array(a, dtype=float)
            p.grad = None

    def numpy(self) -> NumpyNet:
        """A plain-array copy of the forward step with the current weights (no copies: SGD rebinds arrays)."""
        return NumpyNet(self)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The framework's (and the book's) sigmoid expression."""
    return 1 / (1 + np.exp(-z))


class NumpyNet:
    """The forward step of a CharNet on plain arrays, with the weights it had when made."""

    def __init__(self, net: CharNet) -> None:
        self.kind = net.kind
        self.hidden = net.hidden
        self.vocab_size = net.vocab_size
        self.embed = net.embed.weight.data
        cell: Any = net.cell
        if net.kind == "lstm":
            self.wx = [(cell.xf.weight.data, cell.xf.bias.data), (cell.xi.weight.data, cell.xi.bias.data),
                       (cell.xo.weight.data, cell.xo.bias.data), (cell.xc.weight.data, cell.xc.bias.data)]
            self.wh = [cell.hf.weight.data, cell.hi.weight.data, cell.ho.weight.data, cell.hc.weight.data]
            self.w_out, self.b_out = cell.w_ho.weight.data, None
            self.tanh = True
        else:
            self.w_ih, self.b_ih = cell.w_ih.weight.data, cell.w_ih.bias.data
            self.w_hh, self.b_hh = cell.w_hh.weight.data, cell.w_hh.bias.data
            self.w_out, self.b_out = cell.w_ho.weight.data, cell.w_ho.bias.data
            self.tanh = type(cell.activation).__name__ == "Tanh"

    def step(self, indices: np.ndarray, state: tuple[np.ndarray, ...],
             gates: dict[str, np.ndarray] | None = None) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
        """(logits, new state) for a batch of character indices; fills `gates` (f, i, o, g, c, h for the LSTM,
        h for the RNN) when given."""
        x = self.embed[np.asarray(indices)]
        if self.kind == "lstm":
            h, c = state
            (wf, bf), (wi, bi), (wo, bo), (wc, bc) = self.wx
            hf, hi, ho, hc = self.wh
            f = sigmoid((x.dot(wf) + bf) + h.dot(hf))
            i = sigmoid((x.dot(wi) + bi) + h.dot(hi))
            o = sigmoid((x.dot(wo) + bo) + h.dot(ho))
            g = np.tanh((x.dot(wc) + bc) + h.dot(hc))
            c = (f * c) + (i * g)
            h = o * np.tanh(c)
            if gates is not None:
                gates.update(f=f, i=i, o=o, g=g, c=c, h=h)
            return h.dot(self.w_out), (h, c)
        (h,) = state
        from_prev_hidden = h.dot(self.w_hh) + self.b_hh
        combined = (x.dot(self.w_ih) + self.b_ih) + from_prev_hidden
        h = np.tanh(combined) if self.tanh else sigmoid(combined)
        if gates is not None:
            gates.update(h=h)
        return h.dot(self.w_out) + self.b_out, (h,)
