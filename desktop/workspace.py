"""The centre of the window: the page's main view above, its secondary views below, every other view one tab away.

```
+---------------------------------------------------+
| [main view] [other view] [other view] ...         |   main area: the page's main view, and as tabs behind it
|                                                   |   every other view of the experiment
+-------------------------+-------------------------+
| [secondary 1]           | [secondary 2] [3] ...   |   the secondary views the page names (hidden when none)
+-------------------------+-------------------------+
```

Views are built on first show (a `ViewSlot` stands in until then) and stay alive for the session; a view that has
nothing to show for the current experiment loses its tab. The learner may move a tab to another area (its context
menu); `rearranged` reports it so that the window can remember the arrangement per chapter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.runner import Runner
from desktop.views import ViewSpec

#: The three areas, top to bottom and left to right.
AREAS = ("main", "left", "right")


@dataclass
class Arrangement:
    """Which view sits in which area, in tab order, and which tab of each area is in front."""

    areas: dict[str, list[str]] = field(default_factory=lambda: {a: [] for a in AREAS})
    current: dict[str, str] = field(default_factory=dict)

    def area_of(self, key: str) -> str | None:
        """The area that holds the view `key`, or None."""
        return next((a for a, keys in self.areas.items() if key in keys), None)

    def move(self, key: str, area: str) -> None:
        """Put the view `key` at the end of `area` (taking it out of wherever it was) and bring it to front."""
        for keys in self.areas.values():
            if key in keys:
                keys.remove(key)
        self.areas[area].append(key)
        self.current[area] = key


def arrange(specs: Sequence[ViewSpec], experiment: object, main: str | None, named: Iterable[str],
            moved: dict[str, str] | None = None) -> Arrangement:
    """Where each view goes for a page: `main` (or the best-ranked view that applies) in front of the main area,
    the `named` secondary views below (the first on the left, the others on the right), every other applicable
    view as a tab behind the main view; then the learner's own moves (`moved`: view -> area) on top.
    Views that do not apply to the experiment are left out."""
    fitting = [s.key for s in specs if s.fits(experiment)]
    if main not in fitting:
        ranked = sorted((s for s in specs if s.key in fitting), key=lambda s: -s.rank)
        main = ranked[0].key if ranked else None
    secondary = [k for k in dict.fromkeys(named) if k in fitting and k != main]
    result = Arrangement()
    if main is not None:
        result.move(main, "main")
    if secondary:
        result.move(secondary[0], "left")
        for key in secondary[1:]:
            result.move(key, "right")
        if len(secondary) > 1:
            result.current["right"] = secondary[1]
    for key in fitting:
        if result.area_of(key) is None:
            result.areas["main"].append(key)
    for key, area in (moved or {}).items():
        if key in fitting and area in AREAS:
            result.move(key, area)
    for area, keys in result.areas.items():
        if keys and result.current.get(area) not in keys:
            result.current[area] = keys[0]
    if main is not None and result.area_of(main) == "main":
        result.current["main"] = main
    return result


class ViewSlot(QWidget):
    """A tab's page: holds one view, built the first time the tab is shown; never smaller than the view's
    declared readable minimum."""

    def __init__(self, spec: ViewSpec, runner: Runner, on_built: Callable[[str, QWidget], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.runner = runner
        self.on_built = on_built
        self.view: QWidget | None = None
        self.setObjectName(f"slot_{spec.key}")
        self.setMinimumSize(*spec.minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        """The view, built now if it was not yet."""
        if self.view is None:
            view = self.spec.factory(self.runner)
            view.setObjectName(view.objectName() or f"view_{self.spec.key}")
            self.layout().addWidget(view)
            view.show()  # at once: a widget added to a visible parent would otherwise show only later
            self.view = view
            self.on_built(self.spec.key, view)
        return self.view

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        self.build()
        super().showEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.view.sizeHint().expandedTo(self.minimumSize()) if self.view else self.minimumSize()


class ViewTabs(QTabWidget):
    """One area's tabs; the tab's context menu moves its view to another area."""

    move_requested = Signal(str, str)

    def __init__(self, area: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.setObjectName(f"{area}_area")
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self.tabBar().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tabBar().customContextMenuRequested.connect(self._on_tab_bar_context_menu)

    def keys(self) -> list[str]:
        """The views of this area, in tab order."""
        return [self.widget(i).spec.key for i in range(self.count())]  # type: ignore[attr-defined]

    def move_menu(self, index: int) -> QMenu:
        """The menu that moves the view of tab `index` to another area."""
        key = self.widget(index).spec.key  # type: ignore[attr-defined]
        menu = QMenu(self)
        texts = {"main": self.tr("Show in the main area"), "left": self.tr("Show below, on the left"),
                 "right": self.tr("Show below, on the right")}
        for area in AREAS:
            if area != self.area:
                action = QAction(texts[area], menu)
                action.setObjectName(f"move_to_{area}")
                action.triggered.connect(lambda _=False, a=area: self.move_requested.emit(key, a))
                menu.addAction(action)
        return menu

    def _on_tab_bar_context_menu(self, where: QPoint) -> None:
        index = self.tabBar().tabAt(where)
        if index >= 0:
            menu = self.move_menu(index)
            menu.exec(self.tabBar().mapToGlobal(where))
            menu.deleteLater()


class Workspace(QWidget):
    """The main area above two secondary areas; places views as an Arrangement says and builds them lazily."""

    #: The learner moved a view to another area: (view key, area).
    rearranged = Signal(str, str)
    #: The learner dragged a splitter: the sizes of both splitters.
    resized = Signal()
    #: A view was built (on its first show, or when asked for): (view key, view).
    view_built = Signal(str, QWidget)

    def __init__(self, runner: Runner, specs: Sequence[ViewSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.runner = runner
        self.specs = {s.key: s for s in specs}
        self.slots: dict[str, ViewSlot] = {}
        self.tabs = {area: ViewTabs(area) for area in AREAS}
        for tabs in self.tabs.values():
            tabs.move_requested.connect(self._on_tabs_move_requested)
        self.side = QSplitter(Qt.Orientation.Horizontal)
        self.side.setObjectName("side_splitter")
        self.side.setChildrenCollapsible(False)
        self.side.addWidget(self.tabs["left"])
        self.side.addWidget(self.tabs["right"])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("centre_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tabs["main"])
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.splitterMoved.connect(lambda *_: self.resized.emit())
        self.side.splitterMoved.connect(lambda *_: self.resized.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.arrangement = Arrangement()
        self._shelf = QWidget(self)  # holds the slots of views that have no tab now (they stay built)
        self._shelf.hide()
        self.retranslate()

    # -- views ------------------------------------------------------------------------------
    def slot(self, key: str) -> ViewSlot:
        """The slot of view `key` (made on first use, not shown anywhere until placed)."""
        slot = self.slots.get(key)
        if slot is None:
            slot = self.slots[key] = ViewSlot(self.specs[key], self.runner, self.view_built.emit, self._shelf)
            slot.hide()
        return slot

    def view(self, key: str) -> QWidget:
        """The view `key`, built now if it was not yet (placed or not)."""
        return self.slot(key).build()

    def built(self) -> dict[str, QWidget]:
        """The views built so far."""
        return {k: s.view for k, s in self.slots.items() if s.view is not None}

    def shown(self) -> list[str]:
        """The views in front of their area, main first."""
        return [self.tabs[a].currentWidget().spec.key for a in AREAS  # type: ignore[union-attr]
                if self.tabs[a].isVisibleTo(self) and self.tabs[a].count()]

    def placed(self) -> list[str]:
        """Every view that has a tab now, area by area."""
        return [k for a in AREAS for k in self.tabs[a].keys()]

    # -- placing ----------------------------------------------------------------------------
    def apply(self, arrangement: Arrangement) -> None:
        """Put every view where `arrangement` says; views it leaves out lose their tabs (and stay built)."""
        self.arrangement = arrangement
        for area, tabs in self.tabs.items():
            tabs.blockSignals(True)
            while tabs.count():
                tabs.removeTab(0)
            for key in arrangement.areas[area]:
                slot = self.slot(key)
                tabs.addTab(slot, self.specs[key].title())
            current = arrangement.current.get(area)
            if current is not None:
                tabs.setCurrentWidget(self.slot(current))
            tabs.blockSignals(False)
            tabs.tabBar().setVisible(tabs.count() > 0)  # a text page: no empty tab bar for a screen reader to find
        for key, slot in self.slots.items():
            if arrangement.area_of(key) is None:
                slot.setParent(self._shelf)  # kept (built views follow the runner) but shown nowhere
                slot.hide()
        left, right = (bool(arrangement.areas[a]) for a in ("left", "right"))
        self.tabs["left"].setVisible(left)
        self.tabs["right"].setVisible(right)
        self.side.setVisible(left or right)

    def bring_to_front(self, key: str) -> bool:
        """Show the tab of view `key`; False if it has none now."""
        area = self.arrangement.area_of(key)
        if area is None:
            return False
        self.tabs[area].setCurrentWidget(self.slot(key))
        return True

    def retranslate(self) -> None:
        """Tab titles (and the tab bars' names for screen readers) in the current language."""
        names = {"main": self.tr("Views"), "left": self.tr("Views below, left"), "right": self.tr("Views below, right")}
        for area, tabs in self.tabs.items():
            tabs.tabBar().setAccessibleName(names[area])
            for i in range(tabs.count()):
                tabs.setTabText(i, tabs.widget(i).spec.title())  # type: ignore[attr-defined]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def sizes(self) -> dict[str, list[int]]:
        """The splitters' sizes, to remember."""
        return {"centre": self.splitter.sizes(), "side": self.side.sizes()}

    def set_sizes(self, sizes: dict[str, list[int]]) -> None:
        """Restore remembered splitter sizes (ignored when malformed)."""
        for name, splitter in (("centre", self.splitter), ("side", self.side)):
            value = sizes.get(name)
            if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and v >= 0 for v in value):
                splitter.setSizes(value)

    def _on_tabs_move_requested(self, key: str, area: str) -> None:
        self.arrangement.move(key, area)
        self.apply(self.arrangement)
        self.rearranged.emit(key, area)
