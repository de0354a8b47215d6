"""The backward pass of the book's chapter-14 Tensor, for `book_faithful` runs of the character models.

The book's chapter-14 `Tensor.backward(grad, grad_origin)` counts gradients per child only when the sender
names itself as the origin, and only add, sub and mul do; mm, transpose, sum, expand, neg, sigmoid, tanh,
index_select and cross_entropy call `creator.backward(new_grad)` without an origin. A tensor reached without
an origin adds the gradient to its own and passes its *whole accumulated* gradient on at once; a tensor reached
with an origin passes on only when every child has reported, and a second gradient from a child that already
reported is dropped silently (`return`, before it is added). In the recurrent models this means that a hidden
state, which is read by matrix products only, passes on the gradient of whichever path reaches it first (from
the window's last loss, back through the gates), and the later arrivals stop at its first add/mul; the
recurrent weights therefore learn from a small part of the true gradient, which is why the book's learning
rate of 0.05 is stable for it (the full gradient needs about a tenth; see the chapter's lesson).

`BookBackward` replays that recursion exactly on a graph built by learning.framework (whose own passes are
the correct, counted ones): deliveries are kept on a stack, last in first out, which visits the graph in the
recursion's order, so gradients are added in the book's order and the numbers are the book code's own. The
per-operation gradients are the framework's (ops.py follows the book's expressions); index_select sends back
the arriving gradient rather than the accumulated one, as the book's code does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from learning.framework import OPS, Tensor

#: Operations whose backward names itself as the origin of the gradients it sends (the book's add/sub/mul).
WITH_ORIGIN = frozenset({OPS["add"], OPS["sub"], OPS["mul"]})
_INDEX_SELECT = OPS["index_select"]


class BookBackward:
    """One backward pass from `root` with the book's chapter-14 rules. `steps()` advances it delivery by
    delivery (yielding each node that receives a gradient), `run()` does it all; afterwards `grads[node]` is
    every reached tensor's accumulated gradient (numpy arrays; nothing is written on the tensors)."""

    def __init__(self, root: Tensor, grad: np.ndarray | None = None) -> None:
        self.root = root
        self.seed = np.ones_like(root.data) if grad is None else np.asarray(grad)
        self.grads: dict[Any, np.ndarray] = {}
        self.deliveries = 0
        # children[node][child]: how many times `child` lists `node` among its creators (the book's dict)
        self._children: dict[Any, dict[Any, int]] = {}
        stack, seen = [root], {root}
        while stack:
            node = stack.pop()
            if node.creators is None:
                continue
            for c in node.creators:
                counts = self._children.setdefault(c, {})
                counts[node] = counts.get(node, 0) + 1
                if c not in seen:
                    seen.add(c)
                    stack.append(c)

    def steps(self) -> Iterator[Any]:
        """Deliver gradients in the book's recursive order; yields the node each delivery reached."""
        grads, children = self.grads, self._children
        stack: list[tuple[Any, np.ndarray, Any]] = [(self.root, self.seed, None)]
        pop, push = stack.pop, stack.append
        while stack:
            node, g, origin = pop()
            if not node.autograd:
                continue
            counts = children.get(node)
            if origin is not None:
                if counts[origin] == 0:
                    continue  # "cannot backprop more than once": the chapter-14 code returns silently
                counts[origin] -= 1
            self.deliveries += 1
            total = grads[node] = g if node not in grads else grads[node] + g
            yield node
            creators = node.creators
            if creators is None:
                continue
            if origin is not None and counts and any(counts.values()):
                continue  # waits for its other children
            op = node.op
            local = op.backward(g if op is _INDEX_SELECT else total, node.data, *[c.data for c in creators],
                                *node.attrs)
            sender = node if op in WITH_ORIGIN else None
            for i in range(len(creators) - 1, -1, -1):  # pushed last-first: creators[0]'s branch runs first
                if local[i] is not None:
                    push((creators[i], local[i], sender))

    def run(self) -> dict[Any, np.ndarray]:
        """The whole pass; returns `grads`."""
        for _ in self.steps():
            pass
        return self.grads
