"""What the computation-graph view shows, without Qt.

The view takes the current iteration's trace from the experiment (`experiment.graph()`) and keeps here:
- the layout of its boxes (a box is a tensor, or a collapsed layer call), rebuilt only when the graph's shape or
  the collapsed calls change;
- which tensors' data are lit: the forward pass lights them column by column, left to right;
- the backward pass, replayed dry on the snapshot (`Trace.backward_pass`) with the experiment's version of the
  Tensor (`policy`; "break it" forces the naive one): the view steps it node by node, so each node's gradient and
  its child counting ("received 2 of 3") appear as the pass reaches them, right to left;
- the gradient check: every gradient against finite differences, node by node (`iter_gradcheck`), so the view
  stays responsive on big graphs.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from learning.framework import NAIVE, STRICT, BackwardPass, Layer, Layout, NodeCheck, Policy, Step, Trace, layout
from learning.framework.graph import GroupKey, Node, iter_gradcheck
from learning.framework.layout import Box

#: Stages of an iteration as the view shows them: the prediction (PREDICT), the loss (COMPARE), the gradients (LEARN).
FORWARD, LOSS, BACKWARD = "forward", "loss", "backward"
#: Relative errors of the gradient check: below AGREE a gradient agrees with finite differences, above WRONG it is
#: wrong (a missed child gradient is off by a whole term: errors of 0.1 and more; rounding gives 1e-9 or less).
AGREE, WRONG = 1e-6, 1e-3
#: A graph with more tensors than this starts with its top-level layer calls collapsed (the RNN's time steps).
COLLAPSE_ABOVE = 40


def shape_of(trace: Trace | None) -> tuple[Any, ...]:
    """What decides the boxes and edges: every node's operation, shape, groups and name, and the edges."""
    if trace is None:
        return ()
    return (tuple((n.creation_op, n.shape, n.groups, n.name, n.parameter) for n in trace.nodes),
            tuple((e.source, e.target, e.slot) for e in trace.edges))


def layer_types(layers: Mapping[str, Layer]) -> dict[str, str]:
    """{dotted layer name: class name} of the model's layers and their sublayers ("model.0": "Linear")."""
    out: dict[str, str] = {}
    stack = list(layers.items())
    while stack:
        path, layer = stack.pop()
        out.setdefault(path, type(layer).__name__)
        stack.extend((f"{path}.{key}", sub) for key, sub in layer.sublayers())
    return out


def error_share(error: float) -> float:
    """Where a relative error sits between agreeing (0) and wrong (1), on a log scale (for its colour)."""
    if not math.isfinite(error):
        return 1.0
    if error <= AGREE:
        return 0.0
    return min(1.0, (math.log10(error) - math.log10(AGREE)) / (math.log10(WRONG) - math.log10(AGREE)))


class GraphModel:
    """The state of the graph view: trace, layout, lit data, the backward pass being stepped and the check."""

    def __init__(self) -> None:
        self.trace: Trace | None = None
        self.layout: Layout | None = None
        self.collapsed: set[GroupKey] | None = None  # None: the defaults are chosen with the first trace
        self.policy: Policy = STRICT  # the experiment's version of the Tensor
        self.naive = False  # "break it": the naive Tensor, whatever the experiment uses
        self.stage: str | None = None
        self.types: dict[str, str] = {}
        self.revealed: set[int] = set()
        self.backward: BackwardPass | None = None
        self.last: Step | None = None
        self.steps_taken = 0
        self.total_steps: int | None = None
        self.checks: dict[int, NodeCheck] = {}
        self.checking = False
        self._steps: Iterator[Step] | None = None
        self._pass_done = False
        self._check_iter: Iterator[tuple[Node, NodeCheck]] | None = None
        self._identity: tuple[Any, ...] | None = None
        self._shape: tuple[Any, ...] | None = None
        self.generation = 0  # counts the fresh traces taken (a new iteration or phase)

    # -- the trace ----------------------------------------------------------------------------------------------
    @property
    def active_policy(self) -> Policy:
        """The version of the backward pass shown: the experiment's, or the naive one while broken."""
        return NAIVE if self.naive else self.policy

    def forget(self, collapsed_too: bool = False) -> None:
        """Drop the trace and everything derived from it (a reset; a new experiment also forgets the collapsed
        calls and the naive switch)."""
        self.trace = self.layout = None
        self.stage = None
        self.revealed = set()
        self.checks = {}
        self._identity = self._shape = None
        self._stop_pass()
        self._check_iter = None
        self.checking = False
        if collapsed_too:
            self.collapsed = None
            self.naive = False

    def update(self, trace: Trace | None, stage: str | None, policy: Policy, reveal_all: bool) -> bool:
        """Take the current iteration's trace. The same tensors at the same stage keep the view's state (a
        stepped pass, a check); a new iteration or phase starts afresh. True if the boxes must be rebuilt."""
        identity = None if trace is None else (trace.root.tensor_id, len(trace.nodes), stage, policy.name)
        if identity == self._identity and trace is not None:
            return False
        self.generation += 1
        lit = set()
        if self.trace is not None and trace is not None:
            seen = {n.tensor_id for n in self.trace.nodes if n.index in self.revealed}
            lit = {n.index for n in trace.nodes if n.tensor_id in seen}
        self.trace, self.stage, self.policy, self._identity = trace, stage, policy, identity
        self.checks = {}
        self._check_iter = None
        self.checking = False
        self._stop_pass()
        if trace is None:
            self.layout, self.revealed, self._shape = None, set(), ()
            return True
        if self.collapsed is None:
            self.collapsed = self.default_collapsed(trace)
        self.revealed = {n.index for n in trace.nodes} if reveal_all else lit
        if stage == BACKWARD:
            self.start_pass()
            if reveal_all:
                self.complete_pass()
        shape = shape_of(trace)
        if shape != self._shape or self.layout is None:
            self._shape = shape
            self.relayout()
            return True
        return False

    @staticmethod
    def default_collapsed(trace: Trace) -> set[GroupKey]:
        """Small graphs open; big ones (an unrolled RNN) with their top-level calls of several tensors collapsed."""
        if len(trace.nodes) <= COLLAPSE_ABOVE:
            return set()
        return {key for key, g in trace.groups.items() if g.parent is None and len(g.nodes) > 3}

    def relayout(self) -> None:
        """Lay the boxes out again (the graph or the collapsed calls changed)."""
        if self.trace is not None:
            self.collapsed = {k for k in self.collapsed or () if k in self.trace.groups}
            self.layout = layout(self.trace, self.collapsed)

    # -- collapsing ---------------------------------------------------------------------------------------------
    def collapse(self, key: GroupKey) -> None:
        """Draw layer call `key` as one box."""
        self.collapsed = (self.collapsed or set()) | {key}
        self.relayout()

    def expand(self, key: GroupKey) -> None:
        """Show the tensors of layer call `key` again."""
        self.collapsed = (self.collapsed or set()) - {key}
        self.relayout()

    def set_all_collapsed(self, collapsed: bool) -> None:
        """Collapse every top-level layer call, or expand every call."""
        if self.trace is None:
            return
        self.collapsed = {k for k, g in self.trace.groups.items() if g.parent is None} if collapsed else set()
        self.relayout()

    def innermost_group(self, node: Node) -> GroupKey | None:
        """The smallest layer call a tensor belongs to (None outside layers)."""
        return node.groups[-1] if node.groups else None

    def group_name(self, key: GroupKey) -> tuple[str, str]:
        """A layer call's name ("model.0"; "model #3" when the layer was called several times) and its kind
        ("Linear"; a recurrent cell's calls are time steps: "RNNCell, t = 3")."""
        path, call = key
        calls = sum(1 for k in (self.trace.groups if self.trace else {}) if k[0] == path)
        kind = self.types.get(path, "")
        if kind.endswith("Cell") and calls > 1:
            kind = f"{kind}, t = {call}"
        return (f"{path} #{call}" if calls > 1 else path), kind

    def group_title(self, key: GroupKey) -> str:
        """A layer call's name and kind in one line: "model.0 · Linear"."""
        name, kind = self.group_name(key)
        return f"{name} · {kind}" if kind else name

    # -- boxes ----------------------------------------------------------------------------------------------------
    def boxes(self) -> list[Box]:
        """The boxes of the layout in a stable order (by their first node)."""
        if self.layout is None:
            return []
        return sorted(self.layout.boxes.values(), key=lambda b: b.nodes[0])

    def output(self, box: Box) -> Node:
        """The tensor a box shows: its own, or the last one a collapsed call computed."""
        assert self.trace is not None
        return self.trace.nodes[max(box.nodes)]

    def node(self, index: int) -> Node:
        """A node of the trace by index."""
        assert self.trace is not None
        return self.trace.nodes[index]

    # -- the forward pass, lit left to right ----------------------------------------------------------------------
    def reveal_next(self) -> bool:
        """Light the data of the next column of boxes; False when every tensor is lit."""
        if self.trace is None or self.layout is None:
            return False
        waiting = [b for b in self.layout.boxes.values() if not set(b.nodes) <= self.revealed]
        if not waiting:
            return False
        column = min(b.column for b in waiting)
        for b in waiting:
            if b.column == column:
                self.revealed.update(b.nodes)
        return True

    def reveal_all(self) -> None:
        """Light every tensor's data."""
        if self.trace is not None:
            self.revealed = {n.index for n in self.trace.nodes}

    def data_shown(self, node: Node) -> bool:
        """True once the forward pass reached this tensor."""
        return node.index in self.revealed

    # -- the backward pass, node by node --------------------------------------------------------------------------
    def can_step(self) -> bool:
        """True when there is a loss to send gradients back from (after COMPARE, and after LEARN)."""
        return self.trace is not None and self.stage in (LOSS, BACKWARD) and self.trace.root.autograd

    def start_pass(self) -> None:
        """A fresh dry backward pass from the root (seed: ones, as every chapter-13 experiment sends)."""
        if self.trace is None:
            return
        self.backward = self.trace.backward_pass(policy=self.active_policy)
        self._steps = self.backward.steps()
        self._pass_done = not self.trace.root.autograd
        self.total_steps = None
        self.last = None
        self.steps_taken = 0

    def _stop_pass(self) -> None:
        self.backward = None
        self._steps = None
        self._pass_done = False
        self.total_steps = None
        self.last = None
        self.steps_taken = 0

    def total(self) -> int:
        """How many steps the whole pass takes (counted on a second dry pass: the walk cannot look ahead)."""
        if self.total_steps is None:
            assert self.trace is not None
            self.total_steps = sum(1 for _ in self.trace.backward_pass(policy=self.active_policy).steps()) \
                if self.trace.root.autograd else 0
        return self.total_steps

    @property
    def pass_done(self) -> bool:
        """True when the pass has no node left to reach."""
        return self.backward is not None and self._pass_done

    def step(self) -> Step | None:
        """One node of the backward pass gets all its gradients (a finished pass starts again); None if none can."""
        if not self.can_step():
            return None
        if self.backward is None or self._pass_done:
            self.start_pass()
        assert self._steps is not None
        try:
            self.last = next(self._steps)
        except StopIteration:
            self._pass_done = True
            return None
        self.steps_taken += 1
        self._pass_done = self.steps_taken >= self.total()
        return self.last

    def complete_pass(self) -> None:
        """Run the rest of the pass at once."""
        if self.backward is None:
            self.start_pass()
        if self._steps is not None:
            for _ in self._steps:
                self.steps_taken += 1
        self.total_steps = self.steps_taken
        self._pass_done = True
        self.last = None

    def gradient(self, node: Node) -> np.ndarray | None:
        """The gradient this pass gave a node so far (None before it arrived)."""
        if self.backward is None or node not in self.backward.received:
            return None
        return self.backward.grads.get(node)

    def counts(self, node: Node) -> tuple[int, int]:
        """(gradients received, gradients it waits for) in this pass: the child counting made visible."""
        if self.backward is None:
            return 0, 0
        return self.backward.received.get(node, 0), self.backward.expected.get(node, 0)

    def passed_early(self, node: Node) -> bool:
        """True when a node passed its gradient on before all of it had arrived (the naive Tensor's mistake)."""
        received, expected = self.counts(node)
        return not self.active_policy.counted and 0 < received < expected

    def passed_on(self, node: Node) -> list[int]:
        """The creators the last step sent gradients to (their node indices), for lighting edges."""
        if self.last is None or self.last.node is not node or not self.last.passed_on or node.creators is None:
            return []
        return [c.index for c in node.creators if c.autograd]

    # -- the gradient check -------------------------------------------------------------------------------------
    def start_check(self) -> bool:
        """Begin comparing every gradient of the finished pass with finite differences; False if there is none."""
        if not self.can_step():
            return False
        if self.backward is None or not self._pass_done:
            self.complete_pass()
        assert self.trace is not None and self.backward is not None
        grads = {n: g for n, g in self.backward.grads.items()}
        big = len(self.trace.nodes) > COLLAPSE_ABOVE or max(n.data.size for n in self.trace.nodes) > 1000
        self.checks = {}
        self._check_iter = iter_gradcheck(self.trace, grads, max_elements=4 if big else 16)
        self.checking = True
        return True

    def check_some(self, budget_s: float) -> bool:
        """Check nodes until `budget_s` seconds have passed; True when the check is complete."""
        if self._check_iter is None:
            return True
        deadline = time.perf_counter() + budget_s
        for node, result in self._check_iter:
            self.checks[node.index] = result
            if time.perf_counter() >= deadline:
                return False
        self._check_iter = None
        self.checking = False
        return True

    def box_error(self, box: Box) -> float | None:
        """The largest relative error of the checked tensors of a box (None when none was checked)."""
        errors = [self.checks[i].error for i in box.nodes if i in self.checks]
        return max(errors) if errors else None

    def wrong(self) -> list[Node]:
        """The checked tensors whose gradient disagrees with finite differences."""
        return [self.node(i) for i, c in sorted(self.checks.items()) if not c.error <= WRONG]


def layer_at(layers: Mapping[str, Layer], path: str) -> Layer | None:
    """The layer with a dotted name ("model.0", "model.w_hh") among the model's layers, or None."""
    head, *rest = path.split(".")
    layer = layers.get(head)
    while layer is not None and rest:
        subs = dict(layer.sublayers())
        for size in range(len(rest), 0, -1):  # a sublayer's own name may hold dots ("layers.0")
            key = ".".join(rest[:size])
            if key in subs:
                layer, rest = subs[key], rest[size:]
                break
        else:
            return None
    return layer
