"""Speed of the chapter-13 framework (a measurement, not a test; ratios come from one run of this script).

1. Per-operation overhead of forward + backward on tiny (1×1) tensors: learning.framework against a
   re-implementation of the book's Tensor design written here (random ids from numpy's global generator,
   children dictionaries, recursive backward), and against PyTorch CPU when it is importable
   (`pip install torch` into the .venv; not a dependency). Goal: ours ≥ 3× faster than the book's design,
   within 1.5× of PyTorch.
2. A ch13.rnn-babi training run of 1000 iterations (the book's run): goal ≤ 10 s. Needs bAbI (GROKKING_DATA).
3. The graph view's Qt-free part for a ~100-node graph: trace + layout (the view's build budget is 30 ms).
4. What a finished graph leaves behind: entries in the book's children dictionaries after N iterations.

Run: .venv/bin/python benchmarks/framework.py [--repeats 7] [--skip-rnn] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from learning.framework import Tensor  # noqa: E402


# -- the book's Tensor design, re-implemented for this benchmark -----------------------------------------------
class BookTensor:
    """The book's chapter-14 Tensor (the version chapters 14-15 run on), for the operations timed here."""

    def __init__(self, data, autograd=False, creators=None, creation_op=None, id=None):
        self.data = np.array(data)
        self.autograd = autograd
        self.grad = None
        self.id = np.random.randint(0, 1000000000) if id is None else id
        self.creators = creators
        self.creation_op = creation_op
        self.children = {}
        if creators is not None:
            for c in creators:
                c.children[self.id] = c.children.get(self.id, 0) + 1

    def all_children_grads_accounted_for(self):
        return all(cnt == 0 for cnt in self.children.values())

    def backward(self, grad=None, grad_origin=None):
        if not self.autograd:
            return
        if grad is None:
            grad = BookTensor(np.ones_like(self.data))
        if grad_origin is not None:
            if self.children[grad_origin.id] == 0:
                return
            self.children[grad_origin.id] -= 1
        self.grad = grad if self.grad is None else self.grad + grad
        if self.creators is not None and (self.all_children_grads_accounted_for() or grad_origin is None):
            op, c = self.creation_op, self.creators
            if op == "add":
                c[0].backward(self.grad, self)
                c[1].backward(self.grad, self)
            elif op == "sub":
                c[0].backward(BookTensor(self.grad.data), self)
                c[1].backward(BookTensor(self.grad.__neg__().data), self)
            elif op == "mul":
                c[0].backward(self.grad * c[1], self)
                c[1].backward(self.grad * c[0], self)
            elif op == "mm":
                c[0].backward(self.grad.mm(c[1].transpose()))
                c[1].backward(self.grad.transpose().mm(c[0]).transpose())
            elif op == "transpose":
                c[0].backward(self.grad.transpose())
            elif op == "neg":
                c[0].backward(self.grad.__neg__())
            elif op == "sigmoid":
                ones = BookTensor(np.ones_like(self.grad.data))
                c[0].backward(self.grad * (self * (ones - self)))
            elif op == "tanh":
                ones = BookTensor(np.ones_like(self.grad.data))
                c[0].backward(self.grad * (ones - (self * self)))

    def _make(self, data, creators, op):
        if all(c.autograd for c in creators):
            return BookTensor(data, True, creators, op)
        return BookTensor(data)

    def __add__(self, other):
        return self._make(self.data + other.data, [self, other], "add")

    def __sub__(self, other):
        return self._make(self.data - other.data, [self, other], "sub")

    def __mul__(self, other):
        return self._make(self.data * other.data, [self, other], "mul")

    def __neg__(self):
        return self._make(self.data * -1, [self], "neg")

    def transpose(self):
        return self._make(self.data.transpose(), [self], "transpose")

    def mm(self, x):
        return self._make(self.data.dot(x.data), [self, x], "mm")

    def sigmoid(self):
        return self._make(1 / (1 + np.exp(-self.data)), [self], "sigmoid")

    def tanh(self):
        return self._make(np.tanh(self.data), [self], "tanh")


# -- one workload, three engines -------------------------------------------------------------------------------
BLOCKS = 10
OPS_PER_BLOCK = 6  # mm, add, sigmoid, mul, sub, tanh


def chain(h, w, b, c, d):
    """BLOCKS × (h·w + b → sigmoid → ⊙ c → − d → tanh): OPS_PER_BLOCK operations per block."""
    for i in range(BLOCKS):
        h = (((h.mm(w[i]) + b[i]).sigmoid() * c[i]) - d[i]).tanh()
    return h


def leaves(make, size, seed=0):
    rs = np.random.RandomState(seed)
    return [make(rs.uniform(-1, 1, size=(size, size))) for _ in range(BLOCKS)]


def time_engine(make, backward, size, loops):
    """(forward seconds, backward seconds) of `loops` graphs of the chain on fresh leaves."""
    ws, bs, cs, ds = (leaves(make, size, k) for k in range(4))
    x = make(np.full((size, size), 0.5))
    start = time.perf_counter()
    graphs = [chain(x, ws, bs, cs, ds) for _ in range(loops)]
    forward = time.perf_counter() - start
    start = time.perf_counter()
    for out in graphs:
        backward(out)
    return forward, time.perf_counter() - start


def engines():
    """(name, make a leaf, run backward from a result) for every engine available here."""
    out = [
        ("ours", lambda a: Tensor(a, autograd=True), lambda t: t.backward()),
        ("book design", lambda a: BookTensor(a, autograd=True), lambda t: t.backward(BookTensor(np.ones_like(t.data)))),
    ]
    try:
        import torch

        torch.set_num_threads(1)  # the same chain(): torch tensors have .mm, +, .sigmoid, *, −, .tanh
        out.append(("pytorch", lambda a: torch.tensor(a, requires_grad=True),
                    lambda t: t.backward(torch.ones_like(t))))
    except ImportError:
        pass
    return out


def per_op(repeats: int) -> None:
    print(f"1. forward and backward per operation (µs) in a chain of {BLOCKS * OPS_PER_BLOCK} operations; the engines "
          f"take turns, {repeats} rounds, the fastest round of each")
    found = engines()
    rows: dict[tuple[str, int], tuple[float, float]] = {}
    for size in (1, 16):
        best: dict[str, list[float]] = {name: [np.inf, np.inf] for name, _, _ in found}
        for _ in range(repeats):  # taking turns spreads the machine's other load over all engines alike
            for name, make, backward in found:
                loops = 50
                forward, back = time_engine(make, backward, size, loops)
                ops = loops * BLOCKS * OPS_PER_BLOCK
                best[name] = [min(best[name][0], forward / ops * 1e6), min(best[name][1], back / ops * 1e6)]
        for name, (f, b) in best.items():
            rows[(name, size)] = (f, b)
            print(f"   {name:12s} {size:2d}×{size:<2d}  forward {f:6.2f}  backward {b:6.2f}  total {f + b:6.2f}")
    for size in (1, 16):
        ours = sum(rows[("ours", size)])
        line = f"   {size}×{size}: book design / ours = {sum(rows[('book design', size)]) / ours:.2f} (goal ≥ 3)"
        if ("pytorch", size) in rows:
            line += f"; ours / pytorch = {ours / sum(rows[('pytorch', size)]):.2f} (goal ≤ 1.5)"
        print(line)


def rnn_babi(profile: bool) -> None:
    print("2. ch13.rnn-babi, the book's 1000 iterations")
    from learning.datasets import DatasetMissing
    from learning.datasets.babi import book_babi

    try:
        lines = book_babi()
    except DatasetMissing as exc:
        print(f"   skipped: {exc} (set GROKKING_DATA to the shared data folder)")
        return
    from learning.catalogue import get

    exp = get("ch13.rnn-babi")(data=lines)
    start = time.perf_counter()
    if profile:
        cProfile.runctx("for _ in range(1000): exp.step()", globals(), {"exp": exp}, "/tmp/rnn_babi.prof")
    else:
        for _ in range(1000):
            exp.step()
    seconds = time.perf_counter() - start
    print(f"   {seconds:.2f} s for 1000 iterations ({seconds:.2f} ms per iteration; goal ≤ 10 s)")
    if profile:
        pstats.Stats("/tmp/rnn_babi.prof").sort_stats("tottime").print_stats(8)


def graph_view(repeats: int) -> None:
    print("3. the graph view's Qt-free part for a ~100-node graph (median of", repeats * 5, "runs)")
    from learning.framework import CrossEntropyLoss, Embedding, RNNCell
    from learning.framework.graph import trace
    from learning.framework.layout import layout

    rs = np.random.RandomState(0)
    embed, model = Embedding(83, 16, rs=rs), RNNCell(16, 16, 83, rs=rs)
    words = rs.randint(0, 83, size=(100, 10))
    hidden = model.init_hidden(100)
    for t in range(9):
        output, hidden = model.forward(embed.forward(Tensor(words[:, t])), hidden)
    loss = CrossEntropyLoss().forward(output, Tensor(words[:, 9]))
    layers = {"embed": embed, "model": model}
    graph = trace(loss, layers)
    times_trace, times_layout, times_folded = [], [], []
    for _ in range(repeats * 5):
        start = time.perf_counter()
        graph = trace(loss, layers)
        times_trace.append(time.perf_counter() - start)
        start = time.perf_counter()
        layout(graph)
        times_layout.append(time.perf_counter() - start)
        start = time.perf_counter()
        layout(graph, collapsed=[k for k in graph.groups if k[0] == "model"])
        times_folded.append(time.perf_counter() - start)
    ms = [statistics.median(t) * 1e3 for t in (times_trace, times_layout, times_folded)]
    print(f"   {len(graph.nodes)} nodes: trace {ms[0]:.2f} ms, layout {ms[1]:.2f} ms, layout with the 9 cell calls "
          f"collapsed {ms[2]:.2f} ms (the view's build budget: 30 ms)")


def leftovers() -> None:
    print("4. what finished graphs leave behind after 1000 iterations of a 2-3-1 network")
    from learning.framework import SGD, Linear, MSELoss, Sequential

    rs = np.random.RandomState(0)
    model = Sequential([Linear(2, 3, rs=rs), Linear(3, 1, rs=rs)])
    data = Tensor(np.array([[0, 0], [0, 1], [1, 0], [1, 1]]), autograd=True)
    target = Tensor(np.array([[0], [1], [0], [1]]), autograd=True)
    optim = SGD(model.get_parameters(), 0.05)
    for _ in range(1000):
        loss = MSELoss().forward(model.forward(data), target)
        loss.backward()
        optim.step()
    print("   ours: tensors keep no children (counts live in each backward pass)")
    w = BookTensor(rs.rand(2, 3), autograd=True)
    x = BookTensor(np.array([[0, 1]]), autograd=True)
    for _ in range(1000):
        out = x.mm(w).sigmoid()
        out.backward(BookTensor(np.ones_like(out.data)))
        w.data -= w.grad.data * 0.05
        w.grad.data *= 0
    print(f"   book design: the weight's children dictionary holds {len(w.children)} entries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--skip-rnn", action="store_true")
    parser.add_argument("--profile", action="store_true", help="profile the rnn-babi run")
    args = parser.parse_args()
    np.random.seed(0)
    per_op(args.repeats)
    if not args.skip_rnn:
        rnn_babi(args.profile)
    graph_view(args.repeats)
    leftovers()


if __name__ == "__main__":
    main()
