"""Where the window puts the views: the page's declaration, with the learner's own arrangement on top, remembered per
chapter (setting `layout/chapters`) until View → Reset layout. A mixin of MainWindow."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QMainWindow

from desktop.views import registry
from desktop.workspace import Arrangement, arrange


class LayoutCommands(QMainWindow):
    """Arranges the workspace for the current page and experiment and remembers the learner's changes."""

    def chapter_key(self) -> str:
        """The chapter whose layout the window shows: the page's, else the experiment's ("ch04")."""
        chapter = self._page.chapter if self._page is not None else self.runner.experiment.chapter
        return f"ch{chapter:02d}"

    def _layouts(self) -> dict[str, Any]:
        """The learner's own arrangements by chapter: {"ch04": {"moved": {view: area}, "sizes": {...}}}."""
        try:
            value = json.loads(self.settings.get("layout/chapters") or "{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def _remember_layout(self, **fields: Any) -> None:
        layouts = self._layouts()
        mine = layouts.setdefault(self.chapter_key(), {})
        if isinstance(mine, dict):
            mine.update(fields)
            self.settings.set("layout/chapters", json.dumps(layouts))

    def page_views(self) -> tuple[str | None, list[str]]:
        """The main view and the secondary views the current page names (an experiment from the menu: its best
        view above the plot)."""
        page = self._page
        if page is None:
            return None, ["plot"]
        views = [name for name in page.shown_panels if name not in registry.STRIPS]
        main = page.main or (views[0] if views else None)
        return main, [name for name in views if name != main]

    def _arrange(self) -> None:
        """Place the views for the current page and experiment, with the learner's own arrangement on top."""
        page = self._page
        if page is not None and not page.experiment:  # a text page: no views, no strips
            self.workspace.apply(Arrangement())
            self.math_dock.setVisible(False)
            self.code_dock.setVisible(False)
            return
        main, named = self.page_views()
        mine = self._layouts().get(self.chapter_key(), {})
        mine = mine if isinstance(mine, dict) else {}
        moved = mine.get("moved") if isinstance(mine.get("moved"), dict) else None
        self.workspace.apply(arrange(self.view_specs, self.runner.experiment, main, named, moved))
        self.workspace.set_sizes(mine.get("sizes") if isinstance(mine.get("sizes"), dict) else {})
        strips = page.shown_panels if page is not None else registry.STRIPS
        self.math_dock.setVisible("math" in strips)
        self.code_dock.setVisible("code" in strips)
        for spec in self.view_specs:
            self.view_actions[spec.key].setEnabled(spec.fits(self.runner.experiment))

    def show_view(self, key: str) -> None:
        """Bring the view `key` to the front of its area."""
        if not self.workspace.bring_to_front(key):
            self.statusBar().showMessage(self.tr("This view has nothing to show for this experiment."), 5000)

    def reset_layout(self) -> None:
        """Forget the learner's arrangement of this chapter and put the docks back where they started."""
        layouts = self._layouts()
        layouts.pop(self.chapter_key(), None)
        self.settings.set("layout/chapters", json.dumps(layouts))
        self.restoreState(self._default_state)
        self._default_sizes()
        self._arrange()

    def _on_workspace_rearranged(self, key: str, area: str) -> None:
        layouts = self._layouts().get(self.chapter_key(), {})
        moved = dict(layouts.get("moved") or {}) if isinstance(layouts, dict) else {}
        moved[key] = area
        self._remember_layout(moved=moved)

    def _on_workspace_resized(self) -> None:
        self._remember_layout(sizes=self.workspace.sizes())
