"""Engine speed and window responsiveness (a measurement, not a test).

1. Iterations per second of ch04.gradient-descent through the engine (Experiment.step, records on)
   against a bare Python loop of the same math in the same process; prints the ratio.
2. The longest event-loop stall (ms) while the main window runs an experiment at full speed for
   5 seconds: a 1 ms QTimer records the gaps between its ticks (wall clock, and the CPU the window's thread
   itself spent: on a loaded machine the wall clock also counts the time other processes had the CPU).
   One experiment of each kind by default (chapters 4, 6, 8 and 10); the target is < 50 ms.

Run: GROKKING_DATA=../shared/data .venv/bin/python benchmarks/engine.py [--seconds 5] [--experiment ID ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass

N = 200_000


def bare_loop(n: int) -> float:
    """The same math as ch04.gradient-descent with nothing around it; returns seconds."""
    weight, input, goal, alpha = 0.5, 0.5, 0.8, 1.0
    start = time.perf_counter()
    for _ in range(n):
        prediction = input * weight
        delta = prediction - goal
        error = delta * delta  # noqa: F841 - computed as the engine does
        weight_delta = delta * input
        weight = weight - alpha * weight_delta
    return time.perf_counter() - start


def engine_loop(n: int) -> float:
    """n iterations through Experiment.step(), records kept in a list; returns seconds."""
    from learning.catalogue import get

    exp = get("ch04.gradient-descent")()
    records = []
    start = time.perf_counter()
    for _ in range(n):
        records.append(exp.step().record)
    return time.perf_counter() - start


#: One experiment of each kind the window runs: one weight, a hidden layer, MNIST one image at a time, a conv batch.
CHAPTERS = ("ch04.hot-cold", "ch06.backprop", "ch08.mnist-overfit", "ch10.mnist-conv",
            "ch10.mnist-conv:test_every=1000")  # the last: its training batches only, no test pass in 5 s


@dataclass
class Stall:
    """What a probe timer saw while the window played an experiment at full speed."""

    experiment: str
    iterations: int
    ticks: int
    longest_ms: float  # the longest gap between two 1 ms probe ticks (wall clock)
    p95_ms: float
    longest_cpu_ms: float  # the most CPU the window's thread spent between two ticks (its own work, not waiting)


def stall(seconds: float, experiment_id: str) -> Stall:
    """Play an experiment at full speed in the main window for `seconds` while a 1 ms timer probes the event loop."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import setup_application
    from desktop.main_window import MainWindow
    from desktop.runner import SPEEDS
    from desktop.settings import Settings

    app = QApplication.instance() or QApplication([])
    setup_application(app)
    folder = tempfile.mkdtemp()
    experiment_id, *settings = experiment_id.split(":")
    window = MainWindow(Settings(f"{folder}/s.ini"), experiment_id)
    window.resize(1300, 850)
    window.show()
    for setting in settings:  # "ch10.mnist-conv:test_every=1000": the same experiment with other values
        name, value = setting.split("=")
        window.runner.set_param(name, window.runner.experiment.param(name).parse(value))
    if settings:
        window.runner.reset()
    window.controls.speed.setValue(SPEEDS.index(None))
    window.runner.limit = None
    gaps: list[tuple[float, float]] = []
    last = [time.perf_counter(), time.thread_time()]

    def tick() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gaps.append(((now - last[0]) * 1000, (cpu - last[1]) * 1000))
        last[0], last[1] = now, cpu

    probe = QTimer()
    probe.timeout.connect(tick)
    QTimer.singleShot(300, lambda: probe.start(1))  # the window first lays out and paints once
    QTimer.singleShot(300, window.runner.play)
    QTimer.singleShot(int(seconds * 1000) + 300, app.quit)
    app.exec()
    probe.stop()
    window.runner.pause()
    count = window.runner.count
    window.close()
    walls = sorted(g for g, _ in gaps[3:])
    cpus = sorted(c for _, c in gaps[3:])
    name = ":".join([window.runner.experiment.id, *settings])  # what actually ran (a missing data set: the default)
    return Stall(name, count, len(walls), walls[-1], walls[int(0.95 * (len(walls) - 1))], cpus[-1])


def main() -> int:
    """Print the engine's speed against a bare loop, then the window's longest stall at full speed in each chapter."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--experiment", action="append", help="an experiment id (repeatable; default: one per "
                        f"chapter kind: {', '.join(CHAPTERS)})")
    parser.add_argument("--no-engine", action="store_true", help="skip the engine/bare-loop measurement")
    args = parser.parse_args()
    if not args.no_engine:
        bare = statistics.median(bare_loop(N) for _ in range(5))
        engine = statistics.median(engine_loop(N) for _ in range(5))
        print(f"bare loop:  {N / bare:12,.0f} iterations/s")
        print(f"engine:     {N / engine:12,.0f} iterations/s (records on)")
        print(f"ratio engine/bare time: {engine / bare:.1f}x")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (other processes "
          "stretch the wall-clock gaps; the CPU column is the window thread's own work)")
    print(f"{'experiment':32s} {'iterations':>10s} {'ticks':>6s} {'longest':>8s} {'95th %':>7s} {'own CPU':>8s}")
    for experiment_id in args.experiment or CHAPTERS:
        s = stall(args.seconds, experiment_id)
        print(f"{s.experiment:32s} {s.iterations:10,d} {s.ticks:6,d} {s.longest_ms:6.1f}ms {s.p95_ms:5.1f}ms "
              f"{s.longest_cpu_ms:6.1f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
