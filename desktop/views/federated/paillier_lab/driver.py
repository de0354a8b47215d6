"""Drive a sliced computation (learning/crypto/slices.py) from a timer on the GUI thread: each tick runs slices for
about BUDGET_S and returns to the event loop, so the window keeps drawing and answering; Cancel closes the
generator between two slices. No thread: the big-number arithmetic holds Python's lock anyway, and one slice is a
few milliseconds."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from learning.crypto.slices import Steps, run_for

#: Work per tick of the event loop (seconds); a tick lasts this plus at most one slice.
BUDGET_S = 0.010


class SliceDriver(QObject):
    """Runs one Steps generator at a time. Signals: `progressed(Progress)` after each tick, `finished(result)`,
    `failed(message)` when the computation raised (a plain-language message), `cancelled()`."""

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None, budget: float = BUDGET_S) -> None:
        super().__init__(parent)
        self.budget = budget
        self.steps: Steps[Any] | None = None
        #: The longest tick so far (seconds): how long the window waited at most.
        self.longest = 0.0
        self.ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def running(self) -> bool:
        """True while a computation is under way."""
        return self.steps is not None

    def start(self, steps: Steps[Any]) -> None:
        """Begin `steps` (a computation still running is cancelled first)."""
        if self.steps is not None:
            self.cancel()
        self.steps = steps
        self.longest = 0.0
        self.ticks = 0
        self._timer.start()

    def cancel(self) -> None:
        """Stop the computation between two slices; nothing of it is kept."""
        steps, self.steps = self.steps, None
        self._timer.stop()
        if steps is not None:
            steps.close()
            self.cancelled.emit()

    def _on_timer_timeout(self) -> None:
        steps = self.steps
        if steps is None:
            self._timer.stop()
            return
        begun = time.perf_counter()
        try:
            done, result, last = run_for(steps, self.budget)
        except (ArithmeticError, ValueError) as error:  # a number too large for the key, a key size refused
            self.steps = None
            self._timer.stop()
            self.failed.emit(str(error))
            return
        finally:
            self.longest = max(self.longest, time.perf_counter() - begun)
            self.ticks += 1
        if done:
            self.steps = None
            self._timer.stop()
            self.finished.emit(result)
        elif last is not None:
            self.progressed.emit(last)
