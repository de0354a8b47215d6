"""Qt objects die when Qt can take it: Python's cyclic garbage collector runs between events, never inside one.

Why. A widget that Python owns (created without a parent) and that sits in a reference cycle (a panel and
its repaint timer's callback are one) is destroyed by the cyclic collector, and CPython starts a collection
at whatever allocation crosses its threshold: also inside a Python method that Qt is calling on that very
widget. Measured here: a landscape panel left to the collector was destroyed from inside its own
`IsocurveItem.boundingRect`, which Qt had called while walking the panel's graphics scene to repaint it; the
scene and its items were freed under that walk, and the interpreter died (SIGSEGV in `processEvents`, about
one test run in two). Collecting only from a timer of the event loop makes that impossible by construction:
when the timer fires, no Qt code is in the middle of walking a scene, a layout or a list of children.

The collector keeps its own thresholds (the generation whose count is past its threshold is collected), so
memory behaves as usual; only the moment moves to the next turn of the event loop.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the event loop checks whether a collection is due (a check costs well under a microsecond).
CHECK_MS = 100


def collect_due() -> int | None:
    """Collect the oldest generation whose count is past its threshold, as the automatic collector would;
    returns that generation, or None when nothing was due."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return generation
    return None


class CollectBetweenEvents(QObject):
    """While installed, automatic garbage collection is off and a timer of the event loop collects instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._was_enabled = gc.isenabled()

    @property
    def installed(self) -> bool:
        """True while collections wait for the event loop."""
        return self._timer.isActive()

    def install(self) -> None:
        """Turn automatic collection off; collect from the event loop from now on."""
        if not self.installed:
            self._was_enabled = gc.isenabled()
            gc.disable()
            self._timer.start()

    def uninstall(self) -> None:
        """Collect everything now (call this from a safe place, outside any Qt callback) and give collection
        back to Python as it was before `install`."""
        if self.installed:
            self._timer.stop()
            gc.collect()
            if self._was_enabled:
                gc.enable()

    def _on_timer_timeout(self) -> None:
        collect_due()
