"""What chapter 14's views share: when they apply, a live-view base (follows the runner, repaints at its own rate,
retranslates, keeps its text alternative current), chunked work spread over the event loop, and small helpers."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours
from desktop.widgets import ElidedLabel

#: How long a chunk of a view's own work (generating, reading, probing) may compute before the event loop runs.
CHUNK_S = 0.008


def is_char_model(experiment: object) -> bool:
    """True for chapter 14's character models (they report gradient norms and generate text)."""
    return callable(getattr(experiment, "grad_norms", None)) and callable(getattr(experiment, "generate", None))


def is_chain(experiment: object) -> bool:
    """True for the exploding/vanishing gradients experiment (it offers its two chains)."""
    return callable(getattr(experiment, "lab", None))


def runner_busy(runner: Runner) -> bool:
    """True while the runner computes an iteration on a worker thread (where the window has one): the experiment must
    not be read then, so work that reads it waits for the next redraw."""
    return bool(getattr(runner, "busy", False))


def shown_char(c: str) -> str:
    """A character as a picture shows it: a line break as ↵, a space as ␣, others as they are."""
    return {"\n": "↵", " ": "␣", "\t": "⇥"}.get(c, c)


def muted_label(name: str) -> ElidedLabel:
    """A one-line caption in the muted colour that never widens its view."""
    label = ElidedLabel()
    label.setObjectName(name)
    label.setStyleSheet(f"color: {colours().muted.name()}")
    return label


class Chunked(QObject):
    """Runs a generator's steps on a zero-interval timer, at most CHUNK_S of computing per turn of the event loop;
    `done` is called when it is exhausted. Starting new work drops the old."""

    def __init__(self, parent: QObject, done: Callable[[], object]) -> None:
        super().__init__(parent)
        self.done = done
        self._work: Iterator[Any] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def busy(self) -> bool:
        """True while work is under way."""
        return self._work is not None

    def start(self, work: Iterator[Any]) -> None:
        """Begin `work` (dropping any unfinished work)."""
        self._work = work
        self._timer.start()

    def stop(self) -> None:
        """Drop the work under way."""
        self._work = None
        self._timer.stop()

    def finish(self) -> None:
        """Do the rest of the work now (tests, exports)."""
        while self._work is not None:
            self._on_timer_timeout(deadline=float("inf"))

    def _on_timer_timeout(self, deadline: float | None = None) -> None:
        work = self._work
        if work is None:
            self._timer.stop()
            return
        deadline = time.perf_counter() + CHUNK_S if deadline is None else deadline
        try:
            while time.perf_counter() < deadline:
                next(work)
        except StopIteration:
            self._work = None
            self._timer.stop()
            self.done()


class LiveView(QWidget):
    """A chapter-14 view: it follows the runner (`runner_changed()` on every step, phase, rewind, reset or new
    experiment), redraws at most every `REPAINT_MS` through Repaint (hidden views only remember it), retranslates on
    a language change and keeps its accessible description equal to `describe()`."""

    acted = Signal(str)
    REPAINT_MS = 33

    def __init__(self, runner: Runner, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName(key)
        self._repaint = Repaint(self, self._redraw, self.REPAINT_MS)
        runner.advanced.connect(self._on_runner_advanced)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.rewound.connect(self._on_runner_rewound)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)

    # -- what a view implements ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the run as it is now."""

    def retranslate(self) -> None:
        """Every text in the current language."""

    def describe(self) -> str:
        """A text alternative of what the view shows now."""
        return ""

    def run_changed(self, fresh: bool) -> None:
        """The run moved (`fresh`: a reset or another experiment, so what was kept of the old run is stale)."""

    # -- plumbing ------------------------------------------------------------------------------------------------
    def schedule(self) -> None:
        """Redraw soon (at most every REPAINT_MS; later if hidden)."""
        self._repaint.schedule()

    def _redraw(self) -> None:
        self.refresh()
        self.update_description()

    def update_description(self) -> None:
        """Keep the accessible description equal to describe() (also when the view's own work is done)."""
        self.setAccessibleDescription(self.describe())

    def _on_runner_advanced(self, *_: Any) -> None:
        self.run_changed(False)
        self.schedule()

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self.run_changed(False)
        self.schedule()

    def _on_runner_rewound(self, *_: Any) -> None:
        self.run_changed(False)
        self.schedule()

    def _on_runner_reset_done(self) -> None:
        self.run_changed(True)
        self.schedule()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self.run_changed(True)
        self.schedule()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._redraw()
        super().changeEvent(event)
