"""History memory and scrubbing (a measurement, not a test).

1. A long run through the runner (default 10^6 iterations of ch04.alpha and ch06.backprop): the bytes the
   history keeps (rows + states), against what one row per iteration would take (the reference: the old,
   unbounded history), and the process's resident memory before and after.
2. Scrubbing that run: the History slider moved to random points, backward and forward; the slowest and the
   median answer in ms, against the time the run itself took per iteration x the distance (the reference: the old
   replay from the current point).
   Then the run saved to a file and opened again: its size and the seconds each takes.
3. The whole window at full speed (--minutes, default 10; 0 skips): its resident memory every 30 s, one run all
   along, or with a Reset every --reset-every minutes (each keeps an earlier run as a faint curve).

Run: .venv/bin/python benchmarks/history.py [--iterations 1000000] [--minutes 10] [--experiments ch04.alpha ...]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path("/proc/self/statm").read_text().split()
        return int(fields[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def long_run(experiment_id: str, iterations: int, scrubs: int) -> None:
    """Memory and scrub times of one long run through the runner."""
    from desktop.runner import Runner
    from learning.catalogue import get

    before = rss_mb()
    runner = Runner(get(experiment_id)())
    start = time.perf_counter()
    runner.run_to(iterations)
    seconds = time.perf_counter() - start
    per_iteration = seconds / iterations
    history, snaps = runner.history, runner.snapshots
    columns = len(history.iteration_table.columns)
    unbounded = 8 * columns * iterations + 8 * len(history.epoch_table.columns) * history.epoch_count
    kept = history.nbytes + snaps.nbytes
    print(f"{experiment_id}: {iterations:,} iterations in {seconds:.1f} s ({per_iteration * 1e6:.1f} µs each)")
    print(f"  rows: {history.nbytes / 2**20:.1f} MB ({columns} columns, every {history.stride}th iteration); "
          f"states: {len(snaps.states)} = {snaps.nbytes / 2**20:.1f} MB, every {snaps.stride} iterations")
    print(f"  history kept {kept / 2**20:.1f} MB; one row per iteration would be {unbounded / 2**20:.1f} MB "
          f"(ratio {kept / unbounded:.3f}); resident memory {before:.0f} -> {rss_mb():.0f} MB")
    rng = random.Random(1)
    times, distances = [], []
    for _ in range(scrubs):
        target = rng.randrange(iterations + 1)
        distances.append(abs(target - runner.count))
        t0 = time.perf_counter()
        runner.rewind_to(target)
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    runner.rewind_to(0)
    runner.rewind_to(iterations)  # the case: back to the start, then drag to the end
    to_end = time.perf_counter() - t0
    from learning.runcheck import check_run
    from learning.runfile import read_run, write_run

    path = Path(tempfile.mkdtemp()) / "run.glrun"
    t0 = time.perf_counter()
    write_run(path, runner.saved_run())
    written = time.perf_counter() - t0
    t0 = time.perf_counter()
    check_run(read_run(path), lambda cls, seed, values: cls(seed=seed, **values))
    opened = time.perf_counter() - t0
    print(f"  saved run: {path.stat().st_size / 2**20:.1f} MB, written in {written:.2f} s, read and checked in "
          f"{opened:.2f} s")
    reference = per_iteration * statistics.median(distances)
    print(f"  scrub to {scrubs} random points: median {statistics.median(times) * 1e3:.1f} ms, slowest "
          f"{max(times) * 1e3:.1f} ms; start -> end {to_end * 1e3:.1f} ms; replaying from the current point "
          f"would take a median {reference * 1e3:.0f} ms (ratio {statistics.median(times) / reference:.4f})")


def window(minutes: float, experiment_id: str, reset_every: float) -> None:
    """Resident memory of the whole window at full speed for `minutes`, with a Reset every `reset_every` minutes
    (0: never)."""
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
    w = MainWindow(Settings(f"{folder}/s.ini"), experiment_id)
    w.resize(1366, 768)
    w.show()
    w.controls.speed.setValue(len(SPEEDS) - 1)
    app.processEvents()
    start_rss = rss_mb()
    samples: list[tuple[float, float, int]] = []
    began = time.monotonic()

    def sample() -> None:
        elapsed = time.monotonic() - began
        samples.append((elapsed, rss_mb(), w.runner.count))
        print(f"  {elapsed / 60:5.1f} min: {samples[-1][1]:.0f} MB resident, run at {w.runner.count:,} iterations, "
              f"history {(w.runner.history.nbytes + w.runner.snapshots.nbytes) / 2**20:.1f} MB", flush=True)
        if elapsed >= minutes * 60:
            w.runner.pause()
            app.quit()
        elif reset_every and len(samples) % max(1, round(reset_every * 2)) == 0:
            w.runner.reset()  # keeps this run as a faint curve
            w.runner.play()

    def keep_going(*_: object) -> None:
        QTimer.singleShot(0, w.runner.play)  # past the book's run (or a divergence): Play again, as a learner would

    w.runner.finished.connect(keep_going)
    w.runner.diverged.connect(keep_going)
    timer = QTimer()
    timer.timeout.connect(sample)
    timer.start(30_000)
    w.runner.play()
    print(f"window at full speed on {experiment_id} for {minutes:g} min (start {start_rss:.0f} MB resident"
          f"{f', a Reset every {reset_every:g} min' if reset_every else ', one run'})")
    app.exec()
    growth = max(s[1] for s in samples) - start_rss
    print(f"  grew by {growth:.0f} MB at most over {minutes:g} min (bound: < 50 MB)")
    w.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=1_000_000)
    parser.add_argument("--scrubs", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--experiments", nargs="*", default=["ch04.alpha", "ch06.backprop"])
    parser.add_argument("--window-experiment", default="ch04.alpha")
    parser.add_argument("--reset-every", type=float, default=0.0, help="minutes between Resets (0: never)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])  # the runner's timer and the window need one
    for experiment_id in args.experiments:
        long_run(experiment_id, args.iterations, args.scrubs)
    if args.minutes > 0:
        window(args.minutes, args.window_experiment, args.reset_every)


if __name__ == "__main__":
    main()
