"""The computation graph as data, for views: a trace, a dry backward pass to step through, a gradient check.

`trace(root)` walks from a tensor back through its creators and returns a `Trace`: nodes in topological
order (creators first) with their op, shape, data and grad, the edges between them, and the layer calls
(groups) each node belongs to. The arrays are references, not copies: the framework never changes an array
in place, so a trace keeps the values it saw. Given the optimiser, a trace taken after `SGD.step()` shows the
parameters as the forward pass used them (with the gradients of that pass), not as the step left them.

A trace's nodes look like tensors to the backward pass (`data`, `creators`, `op`, `attrs`, `autograd`), so
`Trace.backward_pass()` replays the pass on the snapshot, node by node, without touching any tensor, with
the same algorithm and the same bits as `Tensor.backward()`; `gradcheck(trace)` compares every node's
gradient with finite differences, re-evaluating only the operations downstream of the perturbed node.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from learning.framework.autograd import STRICT, BackwardPass, Policy
from learning.framework.layers import Layer
from learning.framework.ops import Op
from learning.framework.optim import SGD
from learning.framework.tensor import Tensor

#: A layer call: (the layer's dotted name, its call number within the trace, from 0).
GroupKey = tuple[str, int]


@dataclass(eq=False)
class Node:
    """One tensor of a trace. `creators` are Nodes (None for a leaf: data, parameters, constants);
    `creation_op` is the book's name ("add", "mm", "sum_0"), `op` the operation (ops.Op); `grad` is what the
    tensor's .grad held (for a parameter stepped since the forward pass: the gradient the step used);
    `groups` the layer calls that made it, outermost first; `name` a parameter's dotted name or a tensor's."""

    index: int
    tensor_id: int
    creation_op: str | None
    op: Op | None
    attrs: tuple[Any, ...]
    data: np.ndarray
    grad: np.ndarray | None
    creators: list[Node] | None
    autograd: bool
    name: str = ""
    groups: tuple[GroupKey, ...] = ()
    parameter: bool = False
    spent: bool = False  # a snapshot never refuses a replay

    @property
    def shape(self) -> tuple[int, ...]:
        """The data's shape."""
        return tuple(np.shape(self.data))

    @property
    def leaf(self) -> bool:
        """True for a tensor made from data (no creators)."""
        return self.creators is None

    def label(self) -> str:
        """A short caption: the name, else the operation, else "tensor"."""
        return self.name or self.creation_op or "tensor"


@dataclass(frozen=True)
class Edge:
    """A creator → result edge: node indices, and which input of the result's operation it is."""

    source: int
    target: int
    slot: int


@dataclass
class Group:
    """One layer call: its key, the enclosing call's key (None at the top), and its nodes (indices)."""

    key: GroupKey
    parent: GroupKey | None
    nodes: list[int] = field(default_factory=list)

    def label(self) -> str:
        """The layer's name and the call, e.g. "model.w_hh #2"."""
        return f"{self.key[0]} #{self.key[1]}"


@dataclass
class Trace:
    """A graph from `root`: nodes in topological order (a node's creators come before it), edges, groups."""

    nodes: list[Node]
    edges: list[Edge]
    groups: dict[GroupKey, Group]
    root: Node

    def by_tensor_id(self, tensor_id: int) -> Node:
        """The node of the tensor with this id (KeyError if it is not in the trace)."""
        for node in self.nodes:
            if node.tensor_id == tensor_id:
                return node
        raise KeyError(tensor_id)

    def children(self) -> list[list[int]]:
        """For each node index, the indices of the nodes it is a creator of (once per use)."""
        out: list[list[int]] = [[] for _ in self.nodes]
        for e in self.edges:
            out[e.source].append(e.target)
        return out

    def backward_pass(self, grad: Any = None, policy: Policy = STRICT) -> BackwardPass:
        """A dry backward pass from the root on this snapshot: step it with `.steps()` (a Step each time a
        node has all its gradients; `.received`/`.expected` per node) or `.run()` it; tensors are untouched."""
        return BackwardPass(self.root, grad, policy)

    def gradients(self, policy: Policy = STRICT) -> dict[Node, np.ndarray]:
        """Every reached node's gradient from a fresh pass (seed: ones), as Tensor.backward() computes it."""
        run = self.backward_pass(policy=policy)
        run.run()
        return dict(run.grads)


def _layer_paths(layers: Mapping[str, Layer]) -> dict[int, str]:
    paths: dict[int, str] = {}
    stack = list(layers.items())
    while stack:
        path, layer = stack.pop()
        paths.setdefault(id(layer), path)
        stack.extend((f"{path}.{key}", sub) for key, sub in layer.sublayers())
    return paths


def trace(root: Tensor, layers: Mapping[str, Layer] | None = None, optimizer: SGD | None = None) -> Trace:
    """The graph that made `root`. `layers` names the model's layers ({"model": model, "embed": embed}) so
    parameters and groups get dotted names; `optimizer` (an SGD that may have stepped since the forward pass)
    lets the trace show the parameters' values and gradients as that pass saw them."""
    layers = layers or {}
    paths = _layer_paths(layers)
    names: dict[int, str] = {}
    for path, layer in layers.items():
        for name, p in layer.named_parameters(path + "."):
            names.setdefault(id(p), name)
    previous: Mapping[Tensor, tuple[np.ndarray, np.ndarray | None]] = {}
    if optimizer is not None and optimizer.step_id > root.id:
        previous = optimizer.previous

    order: list[Tensor] = []  # post-order: creators before results
    index: dict[int, int] = {}
    stack: list[tuple[Tensor, bool]] = [(root, False)]
    while stack:
        t, expanded = stack.pop()
        if id(t) in index:
            continue
        if expanded or t.creators is None:
            index[id(t)] = len(order)
            order.append(t)
            continue
        stack.append((t, True))
        for c in reversed(t.creators):
            if id(c) not in index:
                stack.append((c, False))

    calls: dict[str, set[int]] = {}
    for t in order:
        for layer, call in t.scope:
            calls.setdefault(paths.get(id(layer), type(layer).__name__), set()).add(call)
    renumber = {path: {c: k for k, c in enumerate(sorted(found))} for path, found in calls.items()}

    nodes: list[Node] = []
    edges: list[Edge] = []
    groups: dict[GroupKey, Group] = {}
    for i, t in enumerate(order):
        data, grad = previous[t] if t in previous else (t.data, None if t.grad is None else t.grad.data)
        keys: list[GroupKey] = []
        for layer, call in t.scope:
            path = paths.get(id(layer), type(layer).__name__)
            key = (path, renumber[path][call])
            if key not in groups:
                groups[key] = Group(key, keys[-1] if keys else None)
            groups[key].nodes.append(i)
            keys.append(key)
        creators = None if t.creators is None else [nodes[index[id(c)]] for c in t.creators]
        nodes.append(Node(i, t.id, t.creation_op, t.op, t.attrs, data, grad, creators, t.autograd,
                          names.get(id(t), t.name or ""), tuple(keys), id(t) in names))
        if t.creators is not None:
            edges.extend(Edge(index[id(c)], i, slot) for slot, c in enumerate(t.creators))
    return Trace(nodes, edges, groups, nodes[-1])


# -- numerical gradient check ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class NodeCheck:
    """A node's gradient against finite differences at some elements (flat indices): the relative error
    ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖) over them (0 = equal, about 1 = unrelated)."""

    error: float
    indices: np.ndarray
    analytic: np.ndarray
    numeric: np.ndarray


def _downstream(trace: Trace, start: int, children: list[list[int]]) -> list[Node]:
    seen = {start}
    stack = [start]
    while stack:
        for c in children[stack.pop()]:
            if c not in seen:
                seen.add(c)
                stack.append(c)
    seen.discard(start)
    return [trace.nodes[i] for i in sorted(seen)]  # indices are topological


def _objective(trace: Trace, node: Node, value: np.ndarray, after: list[Node], seed: np.ndarray) -> float:
    """Σ(root ⊙ seed) with `node` set to `value` and the nodes after it re-evaluated. Operations whose backward
    is the gradient of another function (the book's cross-entropy: of the summed loss) use that function."""
    values: dict[int, np.ndarray] = {node.index: value}
    for n in after:
        inputs = [values.get(c.index, c.data) for c in n.creators or ()]
        values[n.index] = np.asarray(n.op.checked(*inputs, *n.attrs))
    root = trace.root
    out = values.get(root.index)
    if out is None:
        out = root.data if root.op is None else root.op.checked(*[c.data for c in root.creators], *root.attrs)
    return float(np.sum(np.asarray(out, dtype=float) * seed))


def iter_gradcheck(trace: Trace, grads: Mapping[Node, np.ndarray] | None = None, h: float = 1e-6,
                   max_elements: int = 16) -> Iterator[tuple[Node, NodeCheck]]:
    """Check node after node (so a view can stay responsive): every node with a gradient in `grads`
    (default: a fresh STRICT pass from the root, seed ones) against central differences at up to
    `max_elements` evenly spaced elements."""
    if grads is None:
        grads = trace.gradients()
    children = trace.children()
    seed = np.ones(trace.root.shape)
    for node in trace.nodes:
        analytic_all = grads.get(node)
        if analytic_all is None or not node.autograd:
            continue
        size = int(np.size(node.data))
        indices = np.unique(np.linspace(0, size - 1, min(size, max_elements)).astype(int))
        after = _downstream(trace, node.index, children)
        base = np.array(node.data, dtype=float)
        numeric = np.empty(len(indices))
        for k, flat in enumerate(indices):
            step = h * max(1.0, abs(float(base.flat[flat])))
            plus, minus = base.copy(), base.copy()
            plus.flat[flat] += step
            minus.flat[flat] -= step
            numeric[k] = (_objective(trace, node, plus, after, seed) - _objective(trace, node, minus, after, seed)) \
                / (plus.flat[flat] - minus.flat[flat])
        analytic = np.asarray(analytic_all, dtype=float).reshape(-1)[indices]
        scale = float(np.linalg.norm(analytic) + np.linalg.norm(numeric))
        error = float(np.linalg.norm(analytic - numeric)) / max(scale, 1e-6)
        yield node, NodeCheck(error, indices, analytic, numeric)


def gradcheck(trace: Trace, grads: Mapping[Node, np.ndarray] | None = None, h: float = 1e-6,
              max_elements: int = 16) -> dict[Node, NodeCheck]:
    """Every node's gradient against finite differences (see iter_gradcheck), at once."""
    return dict(iter_gradcheck(trace, grads, h, max_elements))
