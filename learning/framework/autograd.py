"""The backward pass: gradients flow from a root back through its creators, with the book's child counting.

A node here is anything with `data`, `creators` (None for a leaf), `op` and `attrs` (how it was computed),
`autograd` and `spent` — a Tensor, or a node of a trace (graph.py), so a view can replay a pass on a
snapshot. One algorithm serves the three versions of the book's Tensor (`Policy`):

* counted (chapters 13-15): a node adds up the gradients arriving from its children and passes its gradient
  on to its creators once every child has reported. The children counted are the ones on a path from the
  root of this pass (the book counts every child ever created, so a tensor with an unused second child
  would wait for ever; its ids and children dictionaries are gone too: counts live in the pass, not the
  tensor, so a finished graph keeps no bookkeeping alive).
* what a second gradient from the same child does — a node that already passed its gradient on is reached
  again, e.g. backward() called twice: STRICT (chapter 13) raises "cannot backprop more than once" before
  anything changes; LENIENT (chapters 14-15) lets the node add it up but not pass it on.
* NAIVE (chapter 13, check 3, on purpose): no counting; each arriving gradient overwrites the node's
  gradient and is passed on at once, so a tensor used twice ends with the last gradient only.

Gradients travel as deliveries on a stack, popped last-in first-out, which visits the graph in exactly the
order of the book's recursive `backward` (creators[0]'s whole branch before creators[1] receives anything);
gradients that meet in one tensor are therefore added in the book's order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np


class BackpropError(RuntimeError):
    """A gradient would pass through a node a second time under the STRICT policy (the book's chapter 13)."""


@dataclass(frozen=True)
class Policy:
    """How a backward pass treats gradients: `counted` (wait for every child) and what happens when a node
    that already passed its gradient on is reached again: "raise", "ignore" or (uncounted) "again"."""

    name: str
    counted: bool
    repeat: str


#: Chapter 13: counted; a second gradient through a node is an error ("cannot backprop more than once").
STRICT = Policy("strict", True, "raise")
#: Chapters 14-15: counted; a second gradient is added to the node but not passed on.
LENIENT = Policy("lenient", True, "ignore")
#: Chapter 13, check 3: the first, naive Tensor — every gradient overwrites and is passed on at once.
NAIVE = Policy("naive", False, "again")


@dataclass(frozen=True, slots=True)
class Step:
    """One node of a backward pass has its gradient: `grad` (the sum of what it received so far; the last
    arrival under NAIVE), `received` of `expected` gradients, and whether it `passed_on` to its creators."""

    node: Any
    grad: np.ndarray
    passed_on: bool
    received: int
    expected: int


class BackwardPass:
    """One backward pass from `root`, run at once (`run()`, what Tensor.backward does) or node by node
    (`steps()`, for a view). With `wrap` (a function turning an array into a gradient Tensor) it writes
    every node's `grad` and marks nodes that passed their gradient on as spent; without it, it is a dry run
    that keeps its gradients in `grads` and changes nothing. `expected[node]` and `received[node]` are the
    child counting made visible: the gradients a node waits for in this pass and those it got so far."""

    def __init__(self, root: Any, grad: Any = None, policy: Policy = STRICT,
                 wrap: Callable[[np.ndarray], Any] | None = None) -> None:
        self.root = root
        self.policy = policy
        self._wrap = wrap
        seed = np.ones_like(root.data) if grad is None else np.asarray(getattr(grad, "data", grad))
        if seed.shape != np.shape(root.data):
            raise ValueError(f"backward: the gradient has shape {seed.shape}, the tensor {np.shape(root.data)}")
        self.seed = seed
        self.expected: dict[Any, int] = {root: 1}  # the root waits for its seed
        self.received: dict[Any, int] = {}
        self.grads: dict[Any, np.ndarray] = {}
        self.passed: list[Any] = []  # nodes in the order they passed their gradient on
        self._stops: set[Any] = set()
        self._count()

    def _count(self) -> None:
        """Count, for every node below the root, the gradients it will receive in this pass."""
        expected = self.expected
        writes = self._wrap is not None and self.policy.counted
        stack = [self.root]
        while stack:
            node = stack.pop()
            creators = node.creators
            if creators is None:
                continue
            if writes and node.spent:
                if self.policy.repeat == "raise":
                    raise BackpropError("cannot backprop more than once")
                self._stops.add(node)  # it adds up what arrives but passes nothing on
                continue
            for c in creators:
                if not c.autograd:
                    continue
                if c in expected:
                    expected[c] += 1
                else:
                    expected[c] = 1
                    stack.append(c)

    def steps(self) -> Iterator[Step]:
        """Advance the pass: one Step each time a node has all its gradients (under NAIVE: each arrival)."""
        return self._walk(True)

    def run(self) -> None:
        """The whole pass at once."""
        for _ in self._walk(False):  # without steps to record, the walk finishes in one go
            pass

    def _walk(self, record: bool) -> Iterator[Step]:
        wrap, naive = self._wrap, not self.policy.counted
        expected, received, grads, stops, passed = self.expected, self.received, self.grads, self._stops, self.passed
        stack: list[tuple[Any, np.ndarray]] = [(self.root, self.seed)]
        pop, push = stack.pop, stack.append
        while stack:
            node, g = pop()
            k = received[node] = received.get(node, 0) + 1
            if wrap is None:
                total = grads[node] = g if naive or node not in grads else grads[node] + g
            else:
                current = node.grad
                if current is None or naive:
                    node.grad = wrap(g)
                    total = g
                else:
                    total = current.data = current.data + g
            if not naive and k < expected[node]:
                continue  # wait for the other children
            creators = node.creators
            passes = creators is not None and node not in stops
            if passes:
                if len(creators) == 2:
                    a, b = creators
                    local = node.op.backward(total, node.data, a.data, b.data, *node.attrs)
                    if b.autograd and local[1] is not None:  # pushed last-first: creators[0] is served first
                        push((b, local[1]))
                    if a.autograd and local[0] is not None:
                        push((a, local[0]))
                else:
                    local = node.op.backward(total, node.data, *[c.data for c in creators], *node.attrs)
                    for i in range(len(creators) - 1, -1, -1):
                        c = creators[i]
                        if c.autograd and local[i] is not None:
                            push((c, local[i]))
                if wrap is not None and not naive:
                    node.spent = True
                passed.append(node)
            if record:
                yield Step(node, total, passes, k, expected[node])

    def gradient(self, node: Any) -> np.ndarray | None:
        """The gradient this pass gave `node` so far (None if nothing reached it yet)."""
        if node not in self.received:
            return None
        if self._wrap is None:
            return self.grads[node]
        return node.grad.data

    def done(self, node: Any) -> bool:
        """True once `node` received every gradient it waits for in this pass."""
        return self.received.get(node, 0) >= self.expected.get(node, 0) > 0
