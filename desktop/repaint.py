"""Paint at your own rate: one helper that every view and panel uses to redraw however fast the run goes."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# After one view's redraw, the next view's waits this long (its paint then falls in a turn of its own).
STAGGER_S = 0.006
# While the runner's worker computes an iteration, a due redraw looks again this often (ms).
BUSY_MS = 5


class Repaint(QObject):
    """Redraws a widget at its own rate: `schedule()` on every runner signal starts a single-shot timer (if it is not
    running yet) that calls `redraw` — later while the widget's runner is busy computing an iteration on its worker
    thread (`runner.busy`), so that no view reads an experiment while it changes. A widget that is not on screen (a
    tab behind another, a closed dock) only remembers that it owes a redraw, and catches up when it is shown
    (`skip_hidden=False` redraws regardless)."""

    _next_turn = 0.0  # shared by every Repaint: when the next redraw may run

    def __init__(self, widget: QWidget, redraw: Callable[[], object], ms: int, skip_hidden: bool = True) -> None:
        super().__init__(widget)
        self.widget = widget
        self.redraw = redraw
        self.skip_hidden = skip_hidden
        self.stale = False
        self.ms = ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(ms)
        self.timer.timeout.connect(self._on_timer_timeout)
        if skip_hidden:
            widget.installEventFilter(self)

    def _on_timer_timeout(self) -> None:
        # One redraw per turn of the event loop: a view whose timer comes due right after another view's redraw
        # waits a moment, so that their redraws (and Qt's painting after each) fall in separate turns and no single
        # turn holds the event loop for all of them.
        wait = Repaint._next_turn - time.monotonic()
        if 0 < wait <= STAGGER_S:
            self.timer.start(max(1, round(wait * 1000)))
            return
        if getattr(getattr(self.widget, "runner", None), "busy", False):  # the worker is computing an iteration:
            self.timer.start(BUSY_MS)  # read the experiment once it is through
            return
        self.redraw()
        Repaint._next_turn = time.monotonic() + STAGGER_S

    def set_interval(self, ms: int) -> None:
        """Redraw every `ms` from now on (a view that draws slower while the run plays); a redraw already due keeps
        its time."""
        self.ms = ms
        if not self.timer.isActive():
            self.timer.setInterval(ms)

    def schedule(self, *_: object) -> None:
        """Ask for a redraw soon."""
        if self.skip_hidden and not self.widget.isVisible():
            self.stale = True
            return
        if not self.timer.isActive():
            self.timer.start(self.ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and self.stale:
            # Not at once: a view shown while the window handles a runner signal (a new experiment arranges the
            # tabs) must first hear that signal itself; the timer fires after the signal is through.
            self.stale = False
            self.timer.start(self.ms)
        return False
