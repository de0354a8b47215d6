"""Paint at your own rate: one helper that every view and panel uses to redraw however fast the run goes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class Repaint(QObject):
    """Redraws a widget at its own rate: `schedule()` on every runner signal starts a single-shot timer (if it is not
    running yet) that calls `redraw`. A widget that is not on screen (a tab behind another, a closed dock) only
    remembers that it owes a redraw, and catches up when it is shown (`skip_hidden=False` redraws regardless)."""

    def __init__(self, widget: QWidget, redraw: Callable[[], object], ms: int, skip_hidden: bool = True) -> None:
        super().__init__(widget)
        self.widget = widget
        self.redraw = redraw
        self.skip_hidden = skip_hidden
        self.stale = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(ms)
        self.timer.timeout.connect(redraw)
        if skip_hidden:
            widget.installEventFilter(self)

    def schedule(self, *_: object) -> None:
        """Ask for a redraw soon."""
        if self.skip_hidden and not self.widget.isVisible():
            self.stale = True
            return
        if not self.timer.isActive():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and self.stale:
            # Not at once: a view shown while the window handles a runner signal (a new experiment arranges the
            # tabs) must first hear that signal itself; the timer fires after the signal is through.
            self.stale = False
            self.timer.start()
        return False
