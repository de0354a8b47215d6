"""The pictures a page chooses between: every view declares itself with a `ViewSpec` and the window places it.

A view is a QWidget built with the runner (`factory(runner)`), on first show. It listens to the runner's signals,
repaints through `desktop.repaint.Repaint` (hidden views only remember that they owe a redraw) and never imports
another view (an import-linter contract). Views live by family: `network/` (the diagram and the pictures of
chapters 3-7), `plots/` (error and accuracy curves), `mnist/` (chapters 8-10), and one package per later family.

What a view offers the window (all optional, looked up by name):
- `retranslate()`: set every text in the current language (called on a language change);
- `describe() -> str`: a text alternative of what it shows now, for screen readers (decorate the refresh with
  `described` and the view's accessible description follows it);
- `export_source() -> QGraphicsScene | QWidget`: what File → Export view draws (default: the view itself);
- `acted` (a Signal(str)): the learner did one of the view's declared `actions` (a lesson task may count it).

`desktop/views/registry.py` lists the view modules; it is the single source for the window, the View menu and
the course's known view names.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.runner import Runner
    from learning.network import Network

T = TypeVar("T")


@dataclass(frozen=True)
class ViewSpec:
    """How the window places a view: its page name, title, factory, readable minimum and when it applies."""

    #: The name pages use for it (`main = "digits"`, `panels = ["plot", ...]`); also its widget's object name.
    key: str
    #: The title in the current language (tab text and View menu).
    title: Callable[[], str]
    #: Builds the view for a runner (called once, when the view is first shown).
    factory: Callable[[Runner], QWidget]
    #: The smallest size (width, height) in pixels at which the view is still readable; the window never gives it
    #: less, and the view's own minimum size hint stays within it.
    minimum: tuple[int, int]
    #: Offered only while the current experiment satisfies this test (None: every experiment).
    applies: Callable[[object], bool] | None = None
    #: When a page names no main view, the applicable view with the highest rank takes the main area.
    rank: int = 0
    #: What the learner can do in this view that a lesson task may count (`view_action` checks); the view emits
    #: each as `acted(name)` and the window passes it to the course.
    actions: tuple[str, ...] = ()

    def fits(self, experiment: object) -> bool:
        """True if this view has something to show for the experiment."""
        return self.applies is None or bool(self.applies(experiment))

    @property
    def family(self) -> str:
        """The view's family: the package under desktop/views that holds it ("network", "mnist", ...)."""
        parts = getattr(self.factory, "__module__", "").split(".")
        return parts[2] if len(parts) > 3 and parts[:2] == ["desktop", "views"] else ""


def network_of(experiment: object) -> Network | None:
    """The experiment's network for the pictures, or None when it has none (a check of tensors, a recurrent model
    whose computation graph is its picture)."""
    try:
        return experiment.network()  # type: ignore[attr-defined]
    except (NotImplementedError, AttributeError):
        return None


def described(refresh: Callable[[Any], T]) -> Callable[[Any], T]:
    """Decorate a view's refresh (or whatever redraws it; it takes no arguments, so that signals may call it):
    afterwards its accessible description is its describe(), so that a screen reader hears what the view shows now."""
    @functools.wraps(refresh)
    def wrapper(self: QWidget) -> T:
        result = refresh(self)
        self.setAccessibleDescription(self.describe())  # type: ignore[attr-defined]
        return result
    return wrapper


def preview(view: Callable[[Runner], QWidget], experiment_id: str, size: tuple[int, int]) -> None:
    """Show one view on its own with one step of an experiment (`python -m desktop.views.<family>.<name> [id]`)."""
    import sys

    from PySide6.QtWidgets import QApplication

    from desktop.runner import Runner
    from learning.catalogue import get

    app = QApplication(sys.argv)
    runner = Runner(get(sys.argv[1] if len(sys.argv) > 1 else experiment_id)())
    widget = view(runner)
    runner.step()
    widget.resize(*size)
    widget.show()
    app.exec()
