"""The base of the three pictures: build once per network shape, refresh live, highlight the selection."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
)
from PySide6.QtWidgets import (
    QGraphicsItemGroup,
    QGraphicsSimpleTextItem,
)

from desktop.theme import colours
from desktop.views.network.diagram.common import MAX_NODES, SAMPLE_HEAD, SAMPLE_TAIL, Selection
from desktop.views.network.diagram.items import RegionItem
from learning.network import Layer, Network, Weights

if TYPE_CHECKING:
    from desktop.views.network.diagram.panel import DiagramPanel


# -- the three pictures ----------------------------------------------------------------------------
class Picture:
    """One way of drawing the network into the panel's scene; built once per layout, refreshed live."""

    def __init__(self, panel: DiagramPanel, net: Network) -> None:
        self.panel = panel
        self.scene = panel.scene()
        self.regions: dict[tuple[str, int], RegionItem] = {}
        self.legend: QGraphicsItemGroup | None = None
        self.kept: list[Any] = []
        self.build(net)

    def tr(self, text: str) -> str:
        """Translate in the context lupdate files the string under: the picture class that wrote it."""
        for klass in type(self).__mro__:
            translated = QCoreApplication.translate(klass.__name__, text)
            if translated != text:
                return translated
        return text

    def release(self) -> None:
        """Drop every reference to the scene's items (before the scene deletes them)."""
        self.__dict__.clear()

    def build(self, net: Network) -> None:
        """Create the items."""

    def refresh(self, net: Network) -> None:
        """Show the network's current values."""

    def highlight(self, selection: Selection) -> None:
        """Glow the selected layer or matrix."""
        for key, region in self.regions.items():
            region.set_selected(key == selection)

    def add(self, item: Any) -> Any:
        """Put an item made in Python into the scene and keep its wrapper for as long as the picture lives,
        so that no later call on a fresh wrapper (see DiagramView.fit) can hand the item back to Python."""
        self.scene.addItem(item)
        self.kept.append(item)
        return item

    def body_rect(self) -> QRectF:
        """The area the network itself covers (every top-level item but the legend)."""
        body = QRectF()
        for item in self.kept:
            if item.topLevelItem() is item and item is not self.legend:
                body = body.united(item.sceneBoundingRect())
        return body

    def add_stage(self) -> None:
        """A line above the network that says which moment it shows (the iteration, before or after learn)."""
        body = self.body_rect()
        self.stage = self.text("", colours().text)
        self.stage.setPos(body.left(), body.top() - 44)

    def set_stage(self, text: str) -> None:
        """Write the moment shown."""
        self.stage.setText(text)

    def legend_group(self) -> QGraphicsItemGroup:
        """The picture's legend: one group the view places below or beside the network, whichever fits better."""
        if self.legend is None:
            self.legend = QGraphicsItemGroup()
            self.add(self.legend)
        return self.legend

    def region(self, rect: QRectF, key: tuple[str, int]) -> RegionItem:
        """A clickable selection area behind a layer or matrix."""
        item = RegionItem(rect, key, self.panel.select)
        self.add(item)
        self.regions[key] = item
        return item

    def text(self, text: str, colour: QColor | None = None, font: QFont | None = None) -> QGraphicsSimpleTextItem:
        """A plain text item in the scene."""
        item = QGraphicsSimpleTextItem(text)
        self.add(item)
        item.setBrush(QBrush(colour or colours().muted))
        if font is not None:
            item.setFont(font)
        return item


def shown_units(layer: Layer) -> list[int]:
    """The units the full picture draws as circles: all of a small layer, a head and tail sample otherwise."""
    if layer.size <= MAX_NODES:
        return list(range(layer.size))
    return list(range(SAMPLE_HEAD)) + list(range(layer.size - SAMPLE_TAIL, layer.size))


def frozen_mask(w: Weights) -> np.ndarray | None:
    """The matrix's frozen mask shaped like its values, or None."""
    if w.frozen is None:
        return None
    return np.asarray(w.frozen, dtype=bool).reshape(w.values.shape)
