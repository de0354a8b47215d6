"""The main window's panels. A panel takes the runner in its constructor and never imports another panel.

Docked panels beyond the core four (diagram, error plot, controls, math) are listed in
desktop/panels/registry.py; the main window makes a dock for each, with a View-menu toggle, so adding a
panel needs no edit there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.runner import Runner


@dataclass(frozen=True)
class PanelSpec:
    """A dockable panel: stable object name, translated title, factory, default dock area."""

    name: str
    title: Callable[[], str]
    factory: Callable[[Runner], QWidget]
    area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea
    #: Shown only while the current experiment satisfies this test (None: always available).
    applies: Callable[[object], bool] | None = None
    #: The name lesson pages use for it in `panels = [...]` (default: `name` without "_dock").
    key: str = ""

    @property
    def page_key(self) -> str:
        """The name lesson pages use for this panel."""
        return self.key or self.name.removesuffix("_dock")


def repaint_timer(owner: QObject, redraw: Callable[[], object], ms: int) -> QTimer:
    """A single-shot timer that runs `redraw` `ms` after it is started: panels start it on every runner
    signal (if it is not running yet), so they paint at their own rate however fast the run goes."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(redraw)
    return timer
