"""Laying out a computation graph left to right, as a pure function (no Qt): columns by longest path (each
vertex then pulled right to its first consumer), order within a column by a few barycenter sweeps; layer
calls can be collapsed into one box.

The result is in grid units: `x` is the column (0 = leftmost), `y` the height (the root at 0; boxes of one
column at least 1 apart, a chain of single-use results kept straight). A view scales both to pixels. The
same graph and the same collapsed groups always give the same layout.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass

from learning.framework.graph import GroupKey, Trace

#: A box: ("node", trace index) or ("group", layer name, call).
BoxKey = tuple[Hashable, ...]


@dataclass(frozen=True)
class Box:
    """One box of the layout: a node or a collapsed layer call, with the trace nodes it stands for."""

    key: BoxKey
    nodes: tuple[int, ...]
    column: int
    x: float
    y: float

    @property
    def collapsed(self) -> bool:
        """True for a collapsed layer call."""
        return self.key[0] == "group"


@dataclass(frozen=True)
class LayoutEdge:
    """An edge between two boxes: the operation it feeds as its label, and how many trace edges it stands for."""

    source: BoxKey
    target: BoxKey
    label: str
    count: int


@dataclass(frozen=True)
class Layout:
    """Boxes by key, the edges between them, and the grid's size."""

    boxes: dict[BoxKey, Box]
    edges: list[LayoutEdge]
    columns: int
    rows: int

    def box_of(self, node_index: int) -> Box:
        """The box that shows trace node `node_index`."""
        for box in self.boxes.values():
            if node_index in box.nodes:
                return box
        raise KeyError(node_index)


def _pack(desired: Sequence[float], priority: Sequence[float]) -> list[float]:
    """Positions as close as possible to `desired` (least squares weighted by `priority`), keeping their order
    and at least 1 apart: with z_k = y_k − k this is an isotonic regression, solved by pooling adjacent
    violators."""
    blocks: list[list[float]] = []  # [weighted sum of targets, total weight, count]
    for k, (d, w) in enumerate(zip(desired, priority, strict=True)):
        blocks.append([(d - k) * w, w, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, weight, n = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += weight
            blocks[-1][2] += n
    out: list[float] = []
    for total, weight, n in blocks:
        out.extend([total / weight] * int(n))
    return [z + k for k, z in enumerate(out)]


def layered(count: int, edges: Sequence[tuple[int, int]], sweeps: int = 4,
            weights: Sequence[float] | None = None) -> list[tuple[int, float]]:
    """(column, y) for `count` vertices of a directed acyclic graph given as (source, target) pairs, with the
    vertices numbered in a topological order. Columns by longest path from the sources, then every vertex moved
    right until it sits just left of its earliest consumer (inputs and parameters appear where they are used, a
    side branch joins next to the chain it feeds). The order within a column comes from barycenter sweeps
    (forward, then backward); then each vertex is placed as near the weighted mean height of its neighbours as
    the column's order allows (vertices of a column at least 1 apart). `weights` (default 1) weigh the edges:
    a light edge pulls its ends together less."""
    weights = [1.0] * len(edges) if weights is None else list(weights)
    preds: list[list[tuple[int, float]]] = [[] for _ in range(count)]
    succs: list[list[tuple[int, float]]] = [[] for _ in range(count)]
    for (s, t), w in zip(edges, weights, strict=True):
        if s != t:
            preds[t].append((s, w))
            succs[s].append((t, w))
    column = [0] * count
    for v in range(count):
        if preds[v]:
            column[v] = 1 + max(column[p] for p, _ in preds[v])
    for v in range(count - 1, -1, -1):  # then every vertex moves right, next to its earliest consumer
        if succs[v]:
            column[v] = min(column[s] for s, _ in succs[v]) - 1
    width = max(column, default=-1) + 1
    layers: list[list[int]] = [[] for _ in range(width)]
    for v in range(count):
        layers[column[v]].append(v)
    y = [0.0] * count

    def means(layer: list[int], near: list[list[tuple[int, float]]]) -> list[float]:
        out = []
        for v in layer:
            total = top = 0.0
            for n, w in near[v]:
                total += w
                top += y[n] * w
            out.append(top / total if total > 0 else y[v])
        return out

    def spread(layer: list[int]) -> None:
        middle = (len(layer) - 1) / 2
        for k, v in enumerate(layer):
            y[v] = k - middle

    for layer in layers:
        spread(layer)
    crowded = [c for c in range(width) if len(layers[c]) > 1]
    for _ in range(sweeps):  # the order within each column
        for order, near in ((crowded, preds), (crowded[::-1], succs)):
            for c in order:
                layer = layers[c]
                keyed = sorted(zip(means(layer, near), range(len(layer)), layer, strict=True))  # ties keep order
                layers[c] = [v for _, _, v in keyed]
                spread(layers[c])
    # Heights: a vertex follows the results it is computed from, not the inputs and parameters feeding it (they
    # are placed around it), so chains of results run straight; then each column is packed in its order, results
    # keeping their place before inputs and parameters give way.
    inner = [[(p, w) for p, w in preds[v] if preds[p]] or preds[v] for v in range(count)]
    both = [inner[v] + succs[v] for v in range(count)]
    priority = [[10.0 if preds[v] else 1.0 for v in layer] for layer in layers]
    for _ in range(sweeps):
        for order, near in ((range(width), inner), (range(width - 1, -1, -1), succs), (range(width), both)):
            for c in order:
                layer = layers[c]
                desired = means(layer, near)
                packed = desired if len(layer) == 1 else _pack(desired, priority[c])
                for v, placed in zip(layer, packed, strict=True):
                    y[v] = placed
    return [(column[v], y[v]) for v in range(count)]


def crossings(positions: Sequence[tuple[int, float]], edges: Sequence[tuple[int, int]]) -> int:
    """The number of pairs of edges that cross between the same two columns (a measure of tangle)."""
    by_span: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for s, t in edges:
        (cs, ys), (ct, yt) = positions[s], positions[t]
        by_span.setdefault((cs, ct), []).append((ys, yt))
    total = 0
    for pairs in by_span.values():
        for i in range(len(pairs)):
            for j in range(i + 1, len(pairs)):
                (a1, b1), (a2, b2) = pairs[i], pairs[j]
                if (a1 - a2) * (b1 - b2) < 0:
                    total += 1
    return total


def _topological(keys: list[BoxKey], members: dict[BoxKey, list[int]],
                 edges: list[tuple[BoxKey, BoxKey]]) -> list[BoxKey]:
    """Boxes in a topological order (Kahn's algorithm, the box with the smallest first node first)."""
    indegree = {k: 0 for k in keys}
    out: dict[BoxKey, list[BoxKey]] = {k: [] for k in keys}
    for s, t in edges:
        indegree[t] += 1
        out[s].append(t)
    ready = [(members[k][0], k) for k in keys if indegree[k] == 0]
    heapq.heapify(ready)
    result: list[BoxKey] = []
    while ready:
        _, k = heapq.heappop(ready)
        result.append(k)
        for t in out[k]:
            indegree[t] -= 1
            if indegree[t] == 0:
                heapq.heappush(ready, (members[t][0], t))
    if len(result) < len(keys):  # a cycle through a collapsed call: keep the rest in node order
        done = set(result)
        result += sorted((k for k in keys if k not in done), key=lambda k: members[k][0])
    return result


def layout(graph: Trace, collapsed: Collection[GroupKey] = (), sweeps: int = 4) -> Layout:
    """Boxes and edges for a trace, left (inputs, parameters) to right (the root). A node inside a collapsed
    layer call (the outermost collapsed one) is drawn as that call's box."""
    collapsed = set(collapsed)
    box_of: list[BoxKey] = []
    order: list[BoxKey] = []
    members: dict[BoxKey, list[int]] = {}
    for node in graph.nodes:
        key: BoxKey = ("node", node.index)
        for group in node.groups:
            if group in collapsed:
                key = ("group", *group)
                break
        box_of.append(key)
        if key not in members:
            members[key] = []
            order.append(key)
        members[key].append(node.index)
    seen: dict[tuple[BoxKey, BoxKey], int] = {}
    labels: dict[tuple[BoxKey, BoxKey], str] = {}
    for e in graph.edges:
        s, t = box_of[e.source], box_of[e.target]
        if s == t:
            continue
        seen[(s, t)] = seen.get((s, t), 0) + 1
        labels.setdefault((s, t), graph.nodes[e.target].creation_op or "")  # the operation the edge feeds
    order = _topological(order, members, list(seen))
    number = {key: i for i, key in enumerate(order)}
    forward = [(s, t) for (s, t) in seen if number[s] < number[t]]
    uses: dict[BoxKey, int] = {}
    for s, _ in forward:
        uses[s] = uses.get(s, 0) + 1
    # A box used in many places (a shared weight) pulls each of its consumers less than a chain does.
    positions = layered(len(order), [(number[s], number[t]) for s, t in forward], sweeps,
                        [1.0 / uses[s] for s, _ in forward])
    shift = positions[number[box_of[graph.root.index]]][1]  # the root at height 0
    boxes = {key: Box(key, tuple(members[key]), positions[i][0], float(positions[i][0]), positions[i][1] - shift)
             for i, key in enumerate(order)}
    edges = [LayoutEdge(s, t, labels[(s, t)], n) for (s, t), n in seen.items()]
    columns = max((b.column for b in boxes.values()), default=-1) + 1
    rows = max((sum(1 for b in boxes.values() if b.column == c) for c in range(columns)), default=0)
    return Layout(boxes, edges, columns, rows)
