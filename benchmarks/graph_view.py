"""Speed of the computation-graph view (a measurement, not a test; offscreen Qt).

1. Building the view for a graph of about 100 tensors (an RNN cell unrolled over 9 words, as in
   benchmarks/framework.py): the trace, the layout, the boxes and edges, their pictures — one `refresh()` of a new
   graph. Goal: ≤ 30 ms. Also: the same with the time steps collapsed, and a refresh of the next iteration (same
   shape: boxes kept, pictures updated).
2. The gradient check of that graph: total time and the longest slice the event loop waits for (goal < 50 ms).
3. ch13.rnn-babi playing at full speed with the view on screen: the longest gap between two ticks of a 5 ms timer
   (the event loop's longest stall; goal < 50 ms) and how often the graph was redrawn. Needs bAbI (GROKKING_DATA);
   without it a synthetic bAbI-like text of the same shape is used.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/graph_view.py [--repeats 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.runner import Runner  # noqa: E402
from desktop.views.graph.computation import GraphPanel  # noqa: E402
from learning.chapters.ch13_framework import AutogradExperiment  # noqa: E402
from learning.experiment import Phase  # noqa: E402
from learning.framework import SGD, CrossEntropyLoss, Embedding, Layer, RNNCell, Tensor  # noqa: E402


class UnrolledRnn(AutogradExperiment):
    """Embedding(83, 16) → RNNCell(16, 16, 83) over 9 words of random text, batch 100: about 100 tensors."""

    id = "bench.unrolled-rnn"
    title = "benchmark"
    iterations = 1000
    steps = 9

    def build(self) -> None:
        self.embed = Embedding(83, 16, rs=self.rs)
        self.model = RNNCell(16, 16, 83, rs=self.rs)
        self.criterion = CrossEntropyLoss()
        self.optim = SGD(self.model.get_parameters() + self.embed.get_parameters(), 0.05)

    def graph_layers(self) -> dict[str, Layer]:
        return {"embed": self.embed, "model": self.model, "criterion": self.criterion}

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        words = self.rs.randint(0, 83, size=(100, self.steps + 1))
        hidden = self.model.init_hidden(100)
        for t in range(self.steps):
            output, hidden = self.model.forward(self.embed.forward(Tensor(words[:, t])), hidden)
        self.graph_root = output
        yield Phase.PREDICT, {}
        loss = self.criterion.forward(output, Tensor(words[:, self.steps]))
        self.graph_root = loss
        yield Phase.COMPARE, {"error": float(loss.data)}
        loss.backward()
        self.optim.step()
        yield Phase.LEARN, {}


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1e3


def build(app: QApplication, repeats: int) -> None:
    runner = Runner(UnrolledRnn())
    panel = GraphPanel(runner)
    panel.resize(1000, 600)
    panel.show()
    runner.step()
    app.processEvents()
    nodes = len(runner.experiment.graph().nodes)
    runner.pause()
    times: dict[str, list[float]] = {"open": [], "collapsed": [], "whole": [], "next": []}
    boxes = 0
    for _ in range(repeats):
        for name, collapsed in (("open", set()), ("collapsed", None), ("whole", set())):
            panel.model.forget(collapsed_too=True)
            panel.model.collapsed = collapsed  # None: the default, every time step collapsed
            panel._after_play = name == "whole"  # at once, as after playing: every gradient computed now
            start = time.perf_counter()
            panel.refresh()
            times[name].append(time.perf_counter() - start)
            boxes = len(panel.items) if name == "collapsed" else boxes
            panel.settle()
        runner.step()  # the next iteration: the same shape
        start = time.perf_counter()
        panel.refresh()
        times["next"].append(time.perf_counter() - start)
        panel.settle()
    print(f"1. building the view of {nodes} tensors (median of {repeats}): {median_ms(times['open']):.1f} ms with "
          f"every box open (the data now, the gradients as the animation steps the pass), "
          f"{median_ms(times['whole']):.1f} ms with every gradient at once, {median_ms(times['collapsed']):.1f} ms "
          f"with the 9 time steps collapsed ({boxes} boxes); the next iteration (boxes kept) "
          f"{median_ms(times['next']):.1f} ms. Goal: ≤ 30 ms")

    panel.model.forget(collapsed_too=True)
    panel.model.collapsed = set()
    panel.refresh()
    panel.settle()
    assert panel.model.start_check()
    slices = []
    start = time.perf_counter()
    while True:
        begin = time.perf_counter()
        done = panel.model.check_some(0.02)
        slices.append(time.perf_counter() - begin)
        if done:
            break
    total = time.perf_counter() - start
    print(f"2. gradient check of {len(panel.model.checks)} tensors: {total * 1e3:.0f} ms in {len(slices)} slices, "
          f"the longest {max(slices) * 1e3:.1f} ms (goal < 50 ms)")
    panel.close()


def babi_lines() -> list[str]:
    try:
        from learning.datasets.babi import book_babi

        return book_babi()
    except Exception:  # noqa: BLE001 - no data set: the same shape from random words
        rs = np.random.RandomState(0)
        words = [f"w{k}" for k in range(80)]
        return [f"{i + 1} " + " ".join(words[j] for j in rs.randint(0, 80, size=5)) + "." for i in range(1000)]


def playing(app: QApplication, seconds: float, with_view: bool) -> tuple[float, float]:
    """Play ch13.rnn-babi for `seconds` (with the view on screen or not); the event loop's longest stall and its
    99th percentile, in ms."""
    from learning.chapters.ch13_rnn import RnnBabi

    runner = Runner(RnnBabi(data=babi_lines()))
    redraws: list[int] = []
    if with_view:
        panel = GraphPanel(runner)
        panel.resize(1000, 600)
        panel.show()
        panel._repaint.timer.timeout.connect(lambda: redraws.append(runner.count))
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    runner.set_speed(None)
    runner.play()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()
    runner.pause()
    timer.stop()
    if with_view:
        print(f"   with the view: {runner.count} iterations, {len(redraws)} redraws "
              f"({len(redraws) / seconds:.1f} per second)")
        panel.close()
    return max(gaps), float(np.percentile(gaps, 99))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    build(app, args.repeats)
    print(f"3. ch13.rnn-babi playing at full speed for {args.seconds:.0f} s, the event loop's stalls (goal < 50 ms)")
    alone = playing(app, args.seconds, False)
    shown = playing(app, args.seconds, True)
    print(f"   longest stall {shown[0]:.1f} ms with the view, {alone[0]:.1f} ms without it (ratio "
          f"{shown[0] / alone[0]:.2f}); 99th percentile {shown[1]:.1f} ms with, {alone[1]:.1f} ms without")


if __name__ == "__main__":
    main()
