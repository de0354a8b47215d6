"""The main window's panels. A panel takes the runner in its constructor and never imports another panel.

Docked panels beyond the core four (diagram, error plot, controls, math) are listed in
desktop/panels/registry.py; the main window makes a dock for each, with a View-menu toggle, so adding a
panel needs no edit there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:

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


class Repaint(QObject):
    """Redraws a panel at its own rate however fast the run goes: `schedule()` on every runner signal starts a
    single-shot timer (if it is not running yet) that calls `redraw`. With `skip_hidden`, a panel that is not on
    screen (a tab behind another) only remembers that it owes a redraw, and catches up when it is shown."""

    def __init__(self, widget: QWidget, redraw: Callable[[], object], ms: int, skip_hidden: bool = False) -> None:
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
            self.stale = False
            self.redraw()
        return False


def preview(panel: Callable[[Runner], QWidget], experiment_id: str, size: tuple[int, int]) -> None:
    """Show one panel on its own with one step of an experiment (`python -m desktop.panels.<name> [id]`)."""
    import sys

    from PySide6.QtWidgets import QApplication

    from desktop.runner import Runner
    from learning.catalogue import get

    app = QApplication(sys.argv)
    runner = Runner(get(sys.argv[1] if len(sys.argv) > 1 else experiment_id)())
    widget = panel(runner)
    runner.step()
    widget.resize(*size)
    widget.show()
    app.exec()
