"""The chapter 11-12 views while their experiments train at full speed (a measurement, not a test; offscreen Qt).

For each experiment the views a course page shows with it are put on screen at about the size of the window's
areas, and the run plays at full speed for a few seconds; a 5 ms timer measures the event loop's longest stall
(goal < 50 ms: the window stays responsive), and each view reports how often it redrew and its longest redraw. The
same run without the views gives the runner's own stalls to compare with.

Data: the IMDB sample and bAbI from GROKKING_DATA; with --full, a synthetic corpus of the full IMDB's shape (25,000
reviews over a 74,074-word vocabulary, benchmarks/language.py) shows the views at the book's size.

Run: GROKKING_DATA=../shared/data .venv/bin/python benchmarks/language_views.py [--seconds 3] [--full]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")  # as the app does (desktop/app.py), before numpy loads

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.runner import Runner  # noqa: E402
from desktop.views import registry  # noqa: E402
from desktop.views.language._common import embeddings_of, pins_for  # noqa: E402
from learning.datasets.babi import book_babi  # noqa: E402
from learning.datasets.imdb import book_imdb  # noqa: E402
from learning.results import ResultStore  # noqa: E402

#: (experiment id, the views shown with it, at these sizes) — as the course pages place them.
SCENARIOS = (
    ("ch11.sentiment", {"rows": (840, 260), "nearest": (840, 260), "word_map": (420, 240)}),
    ("ch11.word2vec", {"cbow": (840, 260), "nearest": (840, 240), "word_map": (420, 240), "analogy": (420, 240)}),
    ("ch11.analogy", {"analogy": (840, 260), "cbow": (420, 240), "word_map": (420, 240)}),
    ("ch12.review-vectors", {"review_search": (840, 260), "nearest": (840, 240)}),
    ("ch12.rnn-babi", {"unrolled": (840, 260), "perplexity": (840, 260)}),
)


def full_size_imdb() -> Any:
    """A synthetic corpus of the full IMDB's shape, made by benchmarks/language.py."""
    spec = importlib.util.spec_from_file_location("language_bench", ROOT / "benchmarks" / "language.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sample = module.sample_or_none()
    lengths = np.array([len(module.tokens(r)) for r in sample.reviews]) if sample is not None else None
    return module.synthetic_imdb(lengths)


def make(experiment_id: str, imdb: Any, babi: Any) -> Any:
    from learning.catalogue import get

    cls = get(experiment_id)
    if experiment_id.startswith("ch12.rnn"):
        return cls(data=babi)
    return cls(data=imdb, store=ResultStore())


def play(app: QApplication, experiment: Any, views: dict[str, tuple[int, int]], seconds: float) -> dict[str, Any]:
    """Play at full speed for `seconds` with the views on screen; the stalls and each view's redraws."""
    runner = Runner(experiment)
    shown = {}
    redraws: dict[str, list[float]] = {}
    recording = [True]  # the redraws of the measured seconds only (pausing redraws the whole analogy lists)
    for key, size in views.items():
        view = registry.get(key).factory(runner)
        view.resize(*size)
        view.show()
        shown[key] = view
        redraws[key] = []
        view._repaint.timer.timeout.connect(
            lambda k=key, v=view: redraws[k].append(v.last_refresh_s) if recording[0] else None)
    emb = embeddings_of(experiment)
    words = set(emb.vocabulary) if emb is not None else set()
    if shown and words and "terrible" not in words:  # a synthetic corpus: follow words it has ("w<rank>")
        pins = pins_for(runner)
        pins.words[:] = ["w10", "w200"]
        if "analogy" in shown:
            shown["analogy"].entry.setText("w10 - w20 + w30")
            shown["analogy"].ask()
    app.processEvents()
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
    recording[0] = False
    runner.pause()
    timer.stop()
    out = {"iterations": runner.count, "stall": max(gaps) if gaps else 0.0,
           "p99": float(np.percentile(gaps, 99)) if gaps else 0.0, "views": {}}
    for key, times in redraws.items():
        out["views"][key] = (len(times) / seconds, 1e3 * max(times, default=0.0))
        shown[key].close()
        shown[key].deleteLater()
    app.processEvents()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--full", action="store_true", help="a synthetic IMDB of the full size instead of the sample")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    imdb = full_size_imdb() if args.full else book_imdb()
    babi = book_babi()
    print(f"IMDB: {len(imdb.reviews):,} reviews ({'synthetic, full size' if args.full else imdb.source}); "
          f"{args.seconds:.0f} s at full speed per run; stalls = longest gap between ticks of a 5 ms timer")
    for experiment_id, views in SCENARIOS:
        alone = play(app, make(experiment_id, imdb, babi), {}, args.seconds)
        shown = play(app, make(experiment_id, imdb, babi), views, args.seconds)
        print(f"{experiment_id}: longest stall {shown['stall']:.1f} ms with the views (99th percentile "
              f"{shown['p99']:.1f} ms), {alone['stall']:.1f} ms without (99th {alone['p99']:.1f} ms); "
              f"{shown['iterations']:,} iterations with, {alone['iterations']:,} without")
        for key, (rate, longest) in shown["views"].items():
            print(f"    {key:14s} {rate:5.1f} redraws/s, longest redraw {longest:6.1f} ms")


if __name__ == "__main__":
    main()
