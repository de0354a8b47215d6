"""Engine speed and window responsiveness (a measurement, not a test).

1. Iterations per second of ch04.gradient-descent through the engine (Experiment.step, records on)
   against a bare Python loop of the same math in the same process; prints the ratio.
2. The longest event-loop stall (ms) while the main window runs an experiment at full speed for
   5 seconds: a 1 ms QTimer records the gaps between its ticks.

Run: .venv/bin/python benchmarks/engine.py [--seconds 5] [--experiment ch04.hot-cold]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

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


def stall(seconds: float, experiment_id: str) -> tuple[float, int, int]:
    """(longest gap between 1 ms timer ticks in ms, iterations run, ticks seen) at full speed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import setup_application
    from desktop.main_window import MainWindow
    from desktop.runner import SPEEDS
    from desktop.settings import Settings

    app = QApplication.instance() or QApplication([])
    setup_application(app)
    folder = tempfile.mkdtemp()
    window = MainWindow(Settings(f"{folder}/s.ini"), experiment_id)
    window.resize(1300, 850)
    window.show()
    window.controls.speed.setValue(SPEEDS.index(None))
    window.runner.limit = None
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    probe = QTimer()
    probe.timeout.connect(tick)
    probe.start(1)
    window.runner.play()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    probe.stop()
    window.runner.pause()
    count = window.runner.count
    window.close()
    gaps = sorted(gaps[5:])
    print(f"  gaps between 1 ms probe ticks: median {statistics.median(gaps):.1f} ms, "
          f"95th percentile {gaps[int(0.95 * len(gaps))]:.1f} ms, five longest {[round(g, 1) for g in gaps[-5:]]}")
    return (gaps[-1] if gaps else float("nan")), count, len(gaps)


def main() -> int:
    """Print both measurements."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--experiment", default="ch04.hot-cold")
    args = parser.parse_args()
    bare = statistics.median(bare_loop(N) for _ in range(5))
    engine = statistics.median(engine_loop(N) for _ in range(5))
    print(f"bare loop:  {N / bare:12,.0f} iterations/s")
    print(f"engine:     {N / engine:12,.0f} iterations/s (records on)")
    print(f"ratio engine/bare time: {engine / bare:.1f}x")
    longest, count, ticks = stall(args.seconds, args.experiment)
    print(f"window at full speed for {args.seconds:g} s ({args.experiment}): {count:,} iterations, "
          f"{ticks:,} probe ticks, longest event-loop stall {longest:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
