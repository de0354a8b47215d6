"""Chapter 14: how far one loss reaches back through time — the vanishing gradient measured in the real model.

The training's gradient sums the losses of every time step, so ‖∂loss/∂h_t‖ (CharModel.grad_norms) mixes what
reaches h_t from its own step's loss with what comes back from the steps after it; in a trained model the first
part dominates and the map is nearly flat. The probe isolates the second part: it runs one batch again — its
inputs, from the state it started with — through a copy of the network with the current weights, and
back-propagates the *last* step's loss alone. ‖∂loss_T/∂h_t‖ for t = T, T−1, …, 0 (and ‖∂loss_T/∂c_t‖ for the
LSTM) says how much of that one loss still arrives t steps back; `start_h` is what would cross into the previous
batch if truncated back-propagation did not cut the graph there.

Everything goes through learning.framework (the cells' forward, the counted backward pass as a dry run, exact in
both modes: the probe measures the true gradient, not the book's backward) on a copy of the weights: the run does
not change. `steps()` yields after every time step forward and every node backward, so a window can spread a probe
over its event loop.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from learning.chapters.ch14_text import CharNet
from learning.framework import LENIENT, BackwardPass, CrossEntropyLoss, Tensor


@dataclass(frozen=True)
class Probe:
    """One probe: `h[t]` = ‖∂loss_T/∂h_t‖ over all the batch's streams (T = the last step; the framework's
    cross-entropy back-propagates the gradient of the sum over the streams, BOOK.md 1.1), `c[t]` the same for
    the LSTM's cell state (None for the RNN), `start_h` / `start_c` the gradient that reaches the state the batch
    started from; `batch` and `epoch` say which batch's text was read."""

    kind: str
    batch: int
    epoch: int
    h: np.ndarray
    c: np.ndarray | None
    start_h: float
    start_c: float | None

    def reach(self, what: str = "h") -> np.ndarray:
        """The share of the last step's gradient that arrives at each step: values[t] / values[T] (1 at T); NaN
        when the last step got no gradient (an LSTM's zero output weights before its first update)."""
        values = self.h if what == "h" else self.c
        if values is None:
            raise ValueError(f"{self.kind} has no cell state c")
        last = float(values[-1])
        with np.errstate(divide="ignore", invalid="ignore"):
            return values / last if last > 0 else np.full_like(values, np.nan)

    def factor_per_step(self, what: str = "h") -> float:
        """The geometric mean of reach[t] / reach[t+1] over the batch: what one step back multiplies the
        gradient by on average (NaN when a value is zero)."""
        values = self.h if what == "h" else self.c
        if values is None or len(values) < 2 or np.any(values <= 0) or not np.all(np.isfinite(values)):
            return float("nan")
        return float(math.exp(np.mean(np.diff(np.log(values[::-1])))))


def _shape(net: CharNet) -> tuple[str, int, int, str]:
    return net.kind, net.hidden, net.vocab_size, type(getattr(net.cell, "activation", None)).__name__


def probe_net(experiment: Any, reuse: CharNet | None = None) -> CharNet:
    """A CharNet of the experiment's shape holding copies of its current weights: `reuse`, if it has that shape,
    refilled, else a deep copy of the experiment's (a copy is a memory copy; building a CharNet would draw 2.2
    million random weights at the book's size, only to overwrite them)."""
    net: CharNet = experiment.net
    if reuse is None or _shape(reuse) != _shape(net):
        reuse = copy.deepcopy(net)
        for p in reuse.parameters:
            p.grad = None
    else:
        reuse.load_arrays(net.arrays())
    return reuse


class GradientProbe:
    """A probe of the experiment's current batch (the open one, or the last one done), taken now: the inputs,
    targets, start state and weights are copied at once, so the run may go on while the probe is computed."""

    def __init__(self, experiment: Any, reuse: CharNet | None = None) -> None:
        if experiment.step_inputs is None or experiment.step_targets is None:
            raise ValueError("no batch to probe yet: train at least one time step first")
        self.kind = experiment.kind
        self.batch = int(experiment.batch_index)
        self.epoch = int(experiment.epoch_index)
        self.inputs = np.array(experiment.step_inputs)
        self.targets = np.array(experiment.step_targets)
        self.start_state = tuple(np.array(a) for a in experiment.batch_start_state)
        self.net = probe_net(experiment, reuse)
        self.result: Probe | None = None
        #: Once computed: ∂loss_T/∂(the state after step t), t = 0 … T, each a tuple (h, c) or (h,), and the same
        #: for the start state (for checks against finite differences).
        self.state_grads: list[tuple[np.ndarray, ...]] = []
        self.start_grads: tuple[np.ndarray, ...] = ()

    def steps(self) -> Iterator[None]:
        """Compute the probe, yielding between slices of work; `result` holds it at the end."""
        start = tuple(Tensor(a, autograd=True) for a in self.start_state)
        state = start
        states = []
        output = None
        for t in range(self.inputs.shape[1]):
            output, state = self.net.step(self.inputs[:, t], state)
            states.append(state)
            yield
        assert output is not None
        loss = CrossEntropyLoss().forward(output, self.targets[:, -1])
        backward = BackwardPass(loss, None, LENIENT)  # a dry run: gradients kept in `grads`, nothing written
        for _ in backward.steps():  # a node at a time: the caller decides how many fit in a slice of its time
            yield
        grads = backward.grads

        def norm(node: Tensor) -> float:
            g = grads.get(node)
            return 0.0 if g is None else float(np.sqrt(np.sum(np.square(g))))

        def grad(node: Tensor) -> np.ndarray:
            return np.array(grads.get(node, np.zeros_like(node.data)))

        self.start_grads = tuple(grad(a) for a in start)
        self.state_grads = [tuple(grad(a) for a in s) for s in states]
        h = np.array([norm(s[0]) for s in states])
        c = np.array([norm(s[1]) for s in states]) if self.kind == "lstm" else None
        self.result = Probe(self.kind, self.batch, self.epoch, h, c, norm(start[0]),
                            norm(start[1]) if self.kind == "lstm" else None)

    def run(self) -> Probe:
        """The whole probe at once."""
        for _ in self.steps():
            pass
        assert self.result is not None
        return self.result
