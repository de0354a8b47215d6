"""Saved runs of the largest experiments (a measurement, not a test): file size, seconds to write, to read and to
open (read + every check, every kept state loaded), on the real samples (GROKKING_DATA).

Each run goes as the app runs it (the history and the states kept for rewinding, learning.history), then is saved.
The reference, measured in the same run: the current state's arrays alone written with np.save to memory (the
least any file of the weights must cost) — the ratios say what the format and its checks add.

Run: GROKKING_DATA=../shared/data .venv/bin/python benchmarks/saved_runs.py [--only ch11.sentiment ...]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

#: (label, experiment id, parameters, iterations): the book's run where it takes a minute or less.
CASES = (
    ("ch11.sentiment, the book's 2 epochs", "ch11.sentiment", {}, 2000),
    ("ch11.word2vec, 20,000 targets", "ch11.word2vec", {}, 20_000),
    ("ch12.review-vectors, trained here + 1 query", "ch12.review-vectors", {}, 2001),
    ("ch12.review-vectors on the session's ch11.sentiment weights, 5 queries", "ch12.review-vectors",
     {"after": "ch11.sentiment"}, 5),
    ("ch14.char-lstm, 128 units, 30 batches", "ch14.char-lstm", {"size": "laptop"}, 30),
    ("ch14.char-lstm, 512 units, 10 batches", "ch14.char-lstm", {"size": "book"}, 10),
    ("ch15.paillier, the book's 3 rounds (128-bit key)", "ch15.paillier", {}, 33),
)


def arrays_of(value: Any) -> list[np.ndarray]:
    """Every array in a state."""
    if isinstance(value, np.ndarray):
        return [value]
    if isinstance(value, dict):
        return [a for v in value.values() for a in arrays_of(v)]
    if isinstance(value, list | tuple):
        return [a for v in value for a in arrays_of(v)]
    return []


def measure(label: str, experiment_id: str, values: dict[str, Any], iterations: int, folder: Path) -> None:
    from learning.catalogue import get
    from learning.history import History, Snapshots
    from learning.results import SESSION
    from learning.runcheck import check_run
    from learning.runfile import capture, read_run, write_run

    SESSION.clear()
    values = dict(values)
    trainer = values.pop("after", None)
    if trainer is not None:  # a finished run of the trainer first: its weights go to the session
        first = get(trainer)()
        for _ in range(first.epochs * first.epoch_size):
            first.step()
    exp = get(experiment_id)(**values)
    history, snaps = History(), Snapshots(epoch_size=exp.epoch_size)
    start = time.perf_counter()
    for i in range(iterations):
        if snaps.wants(i):
            snaps.add(i, exp.state())
        result = exp.step()
        history.add_iteration(result.record)
        if result.epoch is not None:
            history.add_epoch(result.epoch)
    ran = time.perf_counter() - start
    state = exp.state()
    start = time.perf_counter()
    for array in arrays_of(state):
        np.save(io.BytesIO(), array, allow_pickle=False)
    reference = time.perf_counter() - start
    raw = sum(a.nbytes for a in arrays_of(state))
    path = folder / f"{experiment_id}.glrun"
    start = time.perf_counter()
    write_run(path, capture(exp, history, snaps, dict(exp.values)))
    wrote = time.perf_counter() - start
    start = time.perf_counter()
    saved = read_run(path)
    read = time.perf_counter() - start
    start = time.perf_counter()
    check_run(saved, lambda cls, seed, v: cls(seed=seed, **v))
    checked = time.perf_counter() - start
    size = path.stat().st_size
    SESSION.clear()
    origin = f"; weights from: {exp.weights_from}" if hasattr(exp, "weights_from") else ""
    print(f"{label}\n    run {ran:.1f} s; {len(snaps.states)} kept states{origin}; file {size / 2**20:.1f} MB "
          f"(the state's arrays: {raw / 2**20:.1f} MB)\n"
          f"    write {wrote:.2f} s, read {read:.2f} s, open (read + checks) {read + checked:.2f} s; "
          f"np.save of the state's arrays {reference:.3f} s: write ×{wrote / max(reference, 1e-9):.0f}, "
          f"open ×{(read + checked) / max(reference, 1e-9):.0f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="experiment ids to measure (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for label, experiment_id, values, iterations in CASES:
            if not args.only or experiment_id in args.only:
                measure(label, experiment_id, values, iterations, Path(folder))


if __name__ == "__main__":
    main()
