"""Where a long epoch stands and how long it still needs (chapter 14's character models: 249 batches an epoch).

`EpochClock` measures the wall time per iteration while the run plays — between iterations completed during
uninterrupted play, so that a pause, a single step or a rewind never counts as slow training — and estimates the
seconds an epoch still needs. `progress_lines` writes the lines the controls show under the iteration count, for an
experiment that reports `progress()` (batch k of n, epoch, seconds of computing per batch), on two lines.
"""

from __future__ import annotations

import math
from collections import deque
from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls

#: The pace is the mean over about this many of the latest iterations played (a burst of load on a shared machine,
#: or a view that was busy for a moment, moves it little).
WINDOW = 40


class EpochClock:
    """Wall seconds per iteration while playing, the mean over the latest WINDOW iterations; None until two
    iterations completed in one stretch of play."""

    def __init__(self) -> None:
        self._samples: deque[tuple[float, int]] = deque()  # (seconds, iterations) between two observations
        self._anchor: tuple[float, int] | None = None
        self._partial = True

    @property
    def per_iteration(self) -> float | None:
        """The measured wall seconds per iteration (None before a measurement)."""
        count = sum(n for _, n in self._samples)
        return sum(t for t, _ in self._samples) / count if count else None

    def observe(self, now: float, count: int, playing: bool) -> None:
        """The run has `count` iterations at time `now` (seconds) and is (not) playing."""
        if not playing:
            self._anchor = None
            return
        if self._anchor is None or count < self._anchor[1]:
            self._anchor = (now, count)
            self._partial = True  # the iteration under way began before this moment: its time is not whole
            return
        then, before = self._anchor
        if count == before:
            return
        if self._partial:
            self._partial = False
        else:
            self._samples.append((now - then, count - before))
            while sum(n for _, n in self._samples) - self._samples[0][1] >= WINDOW:
                self._samples.popleft()
        self._anchor = (now, count)

    def reset(self) -> None:
        """Forget the measurements (a new run, another experiment, another model size)."""
        self._samples.clear()
        self._anchor = None

    def seconds_left(self, iterations_left: int, fallback: float | None = None) -> float | None:
        """The wall seconds `iterations_left` iterations take at the measured pace (or at `fallback` seconds each
        before there is a measurement); None when neither is known."""
        pace = self.per_iteration if self.per_iteration is not None else fallback
        return None if pace is None or not math.isfinite(pace) else pace * iterations_left


def duration(seconds: float) -> str:
    """A duration for people: "8 s", "2 min 05 s", "1 h 03 min"."""
    s = max(0, round(seconds))
    if s < 90:
        return translate("EpochProgress", "{0} s").format(s)
    if s < 3600:
        return translate("EpochProgress", "{0} min {1:02d} s").format(s // 60, s % 60)
    return translate("EpochProgress", "{0} h {1:02d} min").format(s // 3600, (s % 3600) // 60)


def progress_lines(progress: dict[str, Any], clock: EpochClock) -> tuple[str, str]:
    """("Epoch 0: 16 of 249 batches done", "0.036 s a batch · about 8 s left") from an experiment's progress()
    (epochs counted from 0 as the book's log and the window count them; a batch under way is not done yet); the
    second is empty until a pace is known."""
    where = translate("EpochProgress", "Epoch {0}: {1} of {2} batches done").format(
        progress["epoch"], progress["batch"] - 1, progress["batches"])
    parts = []
    pace = clock.per_iteration
    computing = progress.get("seconds_per_batch")
    if pace is not None:
        parts.append(translate("EpochProgress", "{0} s a batch").format(f"{pace:.3f}"))
    elif computing is not None:
        parts.append(translate("EpochProgress", "{0} s of computing a batch").format(f"{computing:.3f}"))
    left = clock.seconds_left(progress["batches"] - progress["batch"] + 1, computing)
    if left is not None:
        parts.append(translate("EpochProgress", "about {0} left").format(duration(left)))
    return where, " · ".join(parts)
