"""Chapter 14 in the window (a measurement, not a test): the character models training in the main window with the
chapter's views on screen, at the laptop preset (128 units).

1. Stalls: the longest gap between two ticks of a 5 ms timer (the event loop's longest stall; goal < 50 ms) and the
   99th percentile, and the longest single event by CPU time (the window's own work, without the time the
   operating system gave to other processes), while a course page plays at full speed with its views in front:
   `gradients` (the gradient map
   in probe mode, the LSTM cell, the error plot), `writing` (the sampling lab writing live, the text through the
   network's eyes, the error plot) and `truncated` (the batch picture, the math and code strips; the RNN).
2. Seconds per batch in the window against the computing alone (CharModel.progress()), and batches per second.
3. The estimate of the time an epoch still needs (the controls' line), taken a quarter of the way into an epoch,
   against the time the epoch really took to finish.
0. For comparison, the same timer in the idle window: on a shared machine the operating system alone pauses a
   process now and then; `uptime`'s load average says how busy the machine was.
4. Speed 5/s: seconds per batch with the runner as it is, and with the pause of the speed between the slices of a
   batch (how the runner worked before: each 5 ms slice waited 200 ms).

Run: GROKKING_DATA=/work/shared/data QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/lstm_window.py
     [--seconds 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the app sets it before numpy loads (desktop/app.py)

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.app import setup_application  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.runner import Runner  # noqa: E402
from desktop.settings import Settings  # noqa: E402


class TimedApp(QApplication):
    """Records, for every event the event loop delivers (top level only), its wall and CPU seconds: the CPU time is
    what the window's own code costs, whatever else the machine is doing."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.depth = 0
        self.longest: tuple[float, float, str] = (0.0, 0.0, "")

    def notify(self, receiver: object, event: object) -> bool:  # noqa: D401
        if self.depth:
            return super().notify(receiver, event)
        self.depth += 1
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return super().notify(receiver, event)
        finally:
            self.depth -= 1
            cpu = time.thread_time() - cpu
            if cpu > self.longest[1]:
                parent = receiver.parent() if hasattr(receiver, "parent") else None  # type: ignore[attr-defined]
                owner = f" of {type(parent).__name__}" if parent is not None else ""
                self.longest = (time.perf_counter() - wall, cpu,
                                f"{type(receiver).__name__}{owner} {event.type().name}")  # type: ignore[attr-defined]

    def take_longest(self) -> tuple[float, float, str]:
        out, self.longest = self.longest, (0.0, 0.0, "")
        return out


class Stalls:
    """Gaps between the ticks of a 5 ms timer, in ms."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0

    def start(self) -> None:
        self.clock.start()
        self.last = self.clock.nsecsElapsed()
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed()
        self.gaps.append((now - self.last) / 1e6)
        self.last = now

    def stop(self) -> tuple[float, float]:
        self.timer.stop()
        return max(self.gaps), float(np.percentile(self.gaps, 99))


def open_page(app: QApplication, window: MainWindow, key: str, size: str) -> None:
    page = next(p for p in window.lesson.pages if p.key == key)
    window.lesson.open_page(page)
    window.runner.set_param("size", size)
    window.runner.reset()
    if key == "ch14/gradients":
        window.workspace.view("gradient_map").mode.setCurrentIndex(1)  # the probe: the heaviest of its modes
    for _ in range(20):
        app.processEvents()


def play(app: QApplication, window: MainWindow, seconds: float, eta_at: int | None = None) -> dict[str, float]:
    """Play at full speed for `seconds`; the stalls, the pace, and (with `eta_at`) the estimate of the epoch's time
    left taken at batch `eta_at` against the time the epoch really took to finish."""
    runner = window.runner
    stalls = Stalls()
    runner.set_speed(None)
    start_count = runner.count
    stalls.start()
    began = time.perf_counter()
    runner.play()
    out: dict[str, float] = {}
    epoch = runner.experiment.epoch_size
    while time.perf_counter() - began < seconds or (eta_at is not None and "epoch_end" not in out and
                                                     time.perf_counter() - began < 4 * seconds):
        app.processEvents()
        if eta_at is not None and "eta" not in out and runner.count >= eta_at:
            left = window.controls.epoch_clock.seconds_left(epoch - runner.count % epoch)
            if left is not None:
                out["eta"], out["eta_taken"] = left, time.perf_counter()
        if "eta" in out and "epoch_end" not in out and runner.count >= epoch:
            out["epoch_end"] = time.perf_counter()
    elapsed = time.perf_counter() - began
    runner.pause()
    out["longest"], out["p99"] = stalls.stop()
    out["own_wall"], out["own_cpu"], out["own_what"] = app.take_longest()  # type: ignore[attr-defined]
    out["batches"] = runner.count - start_count
    out["wall_per_batch"] = elapsed / max(1, out["batches"])
    out["computing_per_batch"] = runner.experiment.progress()["seconds_per_batch"] or float("nan")
    return out


def speed_five(app: QApplication, window: MainWindow, seconds: float, old: bool) -> float:
    """Seconds per batch at 5/s (with `old`: the speed's pause also between the slices of a batch)."""
    runner = window.runner
    runner.reset()
    original = Runner._play_interval
    if old:
        Runner._play_interval = Runner._interval  # type: ignore[method-assign]
    try:
        runner.set_speed(5)
        began = time.perf_counter()
        runner.play()
        while time.perf_counter() - began < seconds:
            app.processEvents()
        runner.pause()
    finally:
        Runner._play_interval = original  # type: ignore[method-assign]
    return (time.perf_counter() - began) / max(1, runner.count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--size", default="laptop")
    parser.add_argument("--pages", default="gradients,writing,truncated", help="chapter 14 pages to play, in order")
    args = parser.parse_args()
    if not os.environ.get("GROKKING_DATA"):
        sys.exit("set GROKKING_DATA to the shared data folder (shakespeare/book-shakespear.txt)")
    app = TimedApp(sys.argv[:1])
    setup_application(app)
    window = MainWindow(Settings(Path(tempfile.mkdtemp()) / "settings.ini"), "ch14.char-lstm")
    window.resize(1366, 768)
    window.show()
    print(f"chapter 14 in the main window at 1366 × 768, {args.size} preset, {os.environ['QT_QPA_PLATFORM']}")
    idle = Stalls()
    idle.start()
    began = time.perf_counter()
    while time.perf_counter() - began < args.seconds / 2:
        app.processEvents()
    longest, p99 = idle.stop()
    app.take_longest()
    print(f"0. the window idle (the machine's own noise): longest gap {longest:.1f} ms, 99th percentile {p99:.1f} ms")
    print("1-3. playing at full speed (stalls: longest gap between 5 ms timer ticks; goal < 50 ms)")
    for key in (f"ch14/{name}" for name in args.pages.split(",")):
        open_page(app, window, key, args.size)
        shown = ", ".join(window.workspace.shown())
        epoch = window.runner.experiment.epoch_size
        result = play(app, window, args.seconds, eta_at=epoch // 4 if key == "ch14/gradients" else None)
        print(f"   {key} ({shown}): longest stall {result['longest']:.1f} ms, 99th percentile "
              f"{result['p99']:.1f} ms; the longest event by CPU time {result['own_cpu'] * 1e3:.1f} ms "
              f"({result['own_wall'] * 1e3:.1f} ms wall, {result['own_what']})")
        print(f"   {result['batches']:.0f} batches, {result['wall_per_batch']:.4f} s a batch "
              f"in the window, {result['computing_per_batch']:.4f} s of computing "
              f"({result['wall_per_batch'] / result['computing_per_batch']:.2f}×)")
        if "epoch_end" in result:
            actual = result["epoch_end"] - result["eta_taken"]
            print(f"   time left in the epoch at batch {epoch // 4}: estimated {result['eta']:.1f} s, took "
                  f"{actual:.1f} s (estimate / actual {result['eta'] / actual:.2f})")
    print("4. speed 5/s (the speed's interval is the pause between batches)")
    for key in ("ch14/truncated", "ch14/lstm-cell"):
        open_page(app, window, key, args.size)
        model = window.runner.experiment.id
        for old in (False, True):
            per = speed_five(app, window, args.seconds / 2, old)
            print(f"   {model}: {'before (the pause also between slices)' if old else 'now'}: {per:.3f} s a batch")
    window.close()


if __name__ == "__main__":
    main()
