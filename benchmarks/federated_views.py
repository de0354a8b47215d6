"""Chapter 15's views: how long the window waits at most (a measurement, not a test; offscreen Qt).

1. The Paillier lab at 128, 512, 1024 and 2048 bits, each run with a new key: the longest gap between two ticks of
   a 5 ms timer while the lab computes (the event loop's longest stall; goal < 50 ms, above all at 2048 bits), the
   lab's own longest slice, the key generation's and one encryption's time, and one encryption's time as a ratio to
   the 128-bit one. Reference in the same run: the longest gap of the idle event loop.
2. ch15.federated playing at full speed in the window for a few seconds with the federation board, then the leak
   inspector, then the spam words in front: the longest stall and the redraws per second, beside the same run with
   the network diagram in front (the reference). Needs Enron (GROKKING_DATA); without it this part is skipped.

Run: GROKKING_DATA=../shared/data .venv/bin/python benchmarks/federated_views.py [--repeats 3] [--seconds 4]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.views.federated.paillier_lab import LabPanel  # noqa: E402
from desktop.views.federated.paillier_lab.texts import encrypt_time  # noqa: E402
from learning.crypto.paillier import KEY_SIZES  # noqa: E402


class Probe:
    """A 5 ms timer that records the gaps between its ticks (a stalled event loop makes a long gap)."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self.last = self.clock.nsecsElapsed()
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed()
        self.gaps.append((now - self.last) / 1e6)
        self.last = now

    def stop(self) -> float:
        """The longest gap in ms."""
        self.timer.stop()
        return max(self.gaps, default=0.0)


def idle(app: QApplication, probe: Probe, seconds: float) -> float:
    probe.start()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    return probe.stop()


def lab_runs(app: QApplication, probe: Probe, repeats: int) -> None:
    panel = LabPanel(None)
    panel.resize(900, 600)
    panel.show()
    reference = idle(app, probe, 1.0)
    print(f"1. Paillier lab, a new key each run ({repeats} runs a size); idle event loop: longest gap "
          f"{reference:.1f} ms")
    print("   bits | longest stall ms (max of runs) | lab's longest slice ms | keygen s (median) | one encryption ms "
          "| × 128-bit")
    base = None
    for bits in KEY_SIZES:
        stalls, slices, keygens, encrypts = [], [], [], []
        for _ in range(repeats):
            panel.set_bits(bits)
            probe.start()
            panel.run_new_key()
            while panel.driver.running:
                app.processEvents()
            stalls.append(probe.stop())
            slices.append(panel.driver.longest * 1000)
            keygens.append(panel.last.seconds["keygen"])
            encrypts.append(encrypt_time(panel.last))
        one = statistics.median(encrypts)
        base = base or one
        print(f"   {bits:5d} | {max(stalls):6.1f} (runs: {', '.join(f'{s:.0f}' for s in stalls)}) | "
              f"{max(slices):6.1f} | {statistics.median(keygens):7.3f} | {one * 1000:8.3f} | ×{one / base:.0f}")
    panel.close()


def federated_play(app: QApplication, probe: Probe, seconds: float) -> None:
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    settings = Settings(QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, "ch15.federated")
    window.resize(1366, 768)
    window.show()
    if window.runner.experiment.id != "ch15.federated":
        print("2. skipped: the Enron data set is not here (set GROKKING_DATA)")
        return
    print(f"2. ch15.federated playing at full speed for {seconds:g} s in a 1366×768 window")
    for key in ("diagram", "federation", "leaks", "spam_words"):
        window.runner.reset()
        window.workspace.bring_to_front(key)
        view = window.workspace.view(key)
        redraws: list[int] = []

        def counted(redraws: list[int] = redraws) -> None:
            redraws.append(1)

        repaint = getattr(view, "_repaint", None)
        if repaint is not None:
            repaint.timer.timeout.connect(counted)
        app.processEvents()
        probe.start()
        window.runner.set_speed(None)
        window.runner.play()
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
        window.runner.pause()
        stall = probe.stop()
        label = "network diagram (reference)" if key == "diagram" else key
        rate = f"{len(redraws) / seconds:5.1f} redraws/s" if repaint is not None else ""
        print(f"   {label:28s} {window.runner.count:4d} iterations · longest stall {stall:6.1f} ms · {rate}")
        if repaint is not None:
            repaint.timer.timeout.disconnect(counted)
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from desktop.app import setup_application

    setup_application(app)
    probe = Probe()
    lab_runs(app, probe, args.repeats)
    federated_play(app, probe, args.seconds)


if __name__ == "__main__":
    main()
