"""The full picture of a big network (chapters 8-10: 784 pixels in): grouped so that it stays readable.

The input is the digit image; a big layer is a strip of cells (one per unit, coloured by its value, hatched when relu
turned it off); the weights between two layers are one band, and where a matrix is small enough to read (a hidden
layer into the ten outputs) a block beside its source layer shows every weight as a cell, row by row level with the
source unit it leaves. Small layers (the ten outputs) stay circles. Hovering a cell gives its exact value.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem

from desktop.format import num
from desktop.theme import colours, number_font
from desktop.units import unit_name
from desktop.views.network.diagram.common import MAX_NODES, NODE_R
from desktop.views.network.diagram.full import FullPicture
from desktop.views.network.diagram.items import GridItem, ImageLayerItem, NodeItem
from desktop.views.network.diagram.picture import frozen_mask
from learning.analysis import units_off
from learning.network import Layer, Network, Weights

# A matrix is drawn cell by cell beside its source layer when it has at most this many rows (source units) and
# columns (target units); bigger ones (784 pixels into a hidden layer) are a band only.
BLOCK_ROWS, BLOCK_COLUMNS = 400, 16
# A strip has at most this many cells in a column; a bigger layer (a convolution's 10,816 units) wraps into more.
STRIP_ROWS = 200
STRIP_CELL_MAX = 22.0
GAP = 120.0
# Circles stand closer than in the small pictures (their names go to their left), so that the picture is less tall.
ROW_GAP = 68.0


def grouped(net: Network) -> bool:
    """True for networks too big for a circle per unit and a line per weight."""
    return any(layer.size > MAX_NODES for layer in net.layers)


def strip_shape(size: int) -> tuple[int, int]:
    """(rows, columns) of a big layer's strip: one column of cells, wrapped into more beyond STRIP_ROWS."""
    columns = math.ceil(size / STRIP_ROWS)
    return math.ceil(size / columns), columns


class GroupedPicture(FullPicture):
    """Images, strips of cells, bands and blocks instead of hundreds of circles and thousands of lines."""

    def build(self, net: Network) -> None:
        self.nodes = [{} for _ in net.layers]
        self.images: dict[int, ImageLayerItem] = {}
        self.links = [{} for _ in net.weights]
        self.link_labels = [{} for _ in net.weights]
        self.goal_texts = []
        self.strips: dict[int, GridItem] = {}
        self.blocks: dict[int, GridItem] = {}
        self.bands: dict[int, QGraphicsPathItem] = {}
        small = max((layer.size for layer in net.layers if layer.size <= MAX_NODES), default=1)
        height = max(small - 1, 1) * ROW_GAP + 2 * NODE_R  # the tallest column of circles sets the height
        self.top, self.bottom = -height / 2 - 44, height / 2 + 24
        spans: list[tuple[float, float, float, float]] = []  # each layer's (left, right, top, bottom)
        x = 0.0
        for li, layer in enumerate(net.layers):
            left = x
            x = self._place_layer(li, layer, x, height, len(net.layers))
            spans.append((left, x, *self._extent(li, layer, height)))
            title = self.text(self.panel.layer_title(li, len(net.layers), layer.activation))
            r = title.boundingRect()
            title.setPos((left + x) / 2 - r.width() / 2, self.top + 4)
            self.region(QRectF(left - 12, self.top, x - left + 24, self.bottom - self.top), ("layer", li))
            outgoing = [wi for wi, w in enumerate(net.weights) if w.source == li]
            if outgoing:
                x = self._place_weights(net, outgoing[0], net.weights[outgoing[0]], spans[-1], x)
            elif li < len(net.layers) - 1:
                x += GAP
        for wi, w in enumerate(net.weights):
            self._band(net, wi, w, spans[w.source], spans[w.target])
        for li in range(len(net.layers) - 1):  # a layer computed without a weight matrix (a convolution): an arrow
            if not any(w.source == li and w.target == li + 1 for w in net.weights):
                self._arrow(spans[li], spans[li + 1])
        self._goals_and_error(net)
        self._add_legend(net)

    # -- layers -----------------------------------------------------------------------------------------------
    def _place_layer(self, li: int, layer: Layer, x: float, height: float, count: int) -> float:
        """Draw one layer with its left edge at x; returns its right edge."""
        if layer.size > MAX_NODES and layer.image_shape is not None:
            h, w = layer.image_shape
            side = min(height * 0.4, 320.0)
            iw, ih = (side, side * h / w) if w >= h else (side * w / h, side)
            rect = QRectF(x, -ih / 2, iw, ih)
            self.images[li] = self.add(ImageLayerItem(rect, (h, w), lambda i, li=li: self.panel.unit_tip(li, i)))
            self._caption(self.tr("{0} pixels ({1}×{2})").format(layer.size, h, w), x + iw / 2, rect.bottom() + 6)
            return x + iw
        if layer.size > MAX_NODES:
            rows, columns = strip_shape(layer.size)
            cell = min(STRIP_CELL_MAX, (height - 2 * NODE_R) / rows)
            rect = QRectF(x, -rows * cell / 2, columns * cell, rows * cell)
            strip = GridItem(rows, columns, rect, lambda r, col, li=li, rows=rows: self._unit_tip(li, col * rows + r))
            self.strips[li] = self.add(strip)
            self._caption(self.tr("{0} units").format(layer.size), x + rect.width() / 2, rect.bottom() + 6)
            return x + rect.width()
        top = -(layer.size - 1) * ROW_GAP / 2
        title = self.panel.layer_title(li, count, layer.activation)
        for ui in range(layer.size):
            unit = unit_name(layer.units[ui])
            centre = QPointF(x + NODE_R, top + ui * ROW_GAP)
            node = NodeItem(centre, "" if unit == title else unit)
            r = node.label.boundingRect()
            node.label.setPos(centre.x() - NODE_R - 6 - r.width(), centre.y() - r.height() - 2)  # above the spoke
            self.nodes[li][ui] = self.add(node)
        return x + 2 * NODE_R

    def _extent(self, li: int, layer: Layer, height: float) -> tuple[float, float]:
        """The top and bottom of what a layer draws (where bands meet it)."""
        if li in self.images:
            rect = self.images[li].boundingRect().adjusted(1, 1, -1, -1)  # the items draw a margin around
        elif li in self.strips:
            rect = self.strips[li].boundingRect().adjusted(2, 2, -2, -2)
        else:
            ys = [n.centre.y() for n in self.nodes[li].values()]
            return min(ys) - NODE_R, max(ys) + NODE_R
        return rect.top(), rect.bottom()

    def _caption(self, text: str, centre_x: float, top: float) -> None:
        item = self.text(text)
        item.setPos(centre_x - item.boundingRect().width() / 2, top)

    def _unit_tip(self, li: int, index: int) -> str:
        layers = self.panel.network().layers
        return self.panel.unit_tip(li, index) if li < len(layers) and index < layers[li].size else ""

    # -- weights ----------------------------------------------------------------------------------------------
    def _place_weights(self, net: Network, wi: int, w: Weights, source: tuple[float, float, float, float],
                       x: float) -> float:
        """A block of the matrix beside its source layer when it can be read cell by cell; returns where the band
        to the next layer starts."""
        targets, sources = w.shape
        if w.source in self.strips and sources <= BLOCK_ROWS and targets <= BLOCK_COLUMNS:
            strip = self.strips[w.source]
            if strip.columns == 1:
                cell = strip.boundingRect().adjusted(2, 2, -2, -2).height() / strip.rows
                left = x + 10
                rect = QRectF(left, source[2], targets * max(cell, 9.0), sources * cell)
                block = GridItem(sources, targets, rect, lambda r, col, wi=wi: self.panel.weight_tip(wi, col, r))
                self.blocks[wi] = self.add(block)
                name = self.text(f"W{wi}  {sources}×{targets}", colours().text, number_font(9))
                name.setPos(left, rect.top() - name.boundingRect().height() - 4)
                self.region(QRectF(left - 4, rect.top() - 24, rect.width() + 8, rect.height() + 30), ("weights", wi))
                return rect.right() + GAP
        return x + GAP

    def _band(self, net: Network, wi: int, w: Weights, source: tuple[float, float, float, float],
              target: tuple[float, float, float, float]) -> None:
        """Every weight between two layers as one band: from the source (or its block) to the target."""
        c = colours()
        start = self.blocks[wi].boundingRect().adjusted(2, 2, -2, -2) if wi in self.blocks else None
        x0 = start.right() if start is not None else source[1]
        top0, bottom0 = (start.top(), start.bottom()) if start is not None else (source[2], source[3])
        x1, top1, bottom1 = target[0], target[2], target[3]
        path = QPainterPath(QPointF(x0, top0))
        bend = (x1 - x0) / 2
        path.cubicTo(QPointF(x0 + bend, top0), QPointF(x1 - bend, top1), QPointF(x1, top1))
        path.lineTo(QPointF(x1, bottom1))
        path.cubicTo(QPointF(x1 - bend, bottom1), QPointF(x0 + bend, bottom0), QPointF(x0, bottom0))
        path.closeSubpath()
        band = QGraphicsPathItem(path)
        fill = QColor(c.muted)
        fill.setAlpha(38)
        band.setBrush(QBrush(fill))
        band.setPen(QPen(QColor(c.muted.red(), c.muted.green(), c.muted.blue(), 90), 1.0))
        band.setZValue(-3)
        self.bands[wi] = self.add(band)
        targets, sources = w.shape
        if wi not in self.blocks:
            label = self.text(f"W{wi}  {sources}×{targets}", c.text, number_font(9))
            r = label.boundingRect()
            label.setPos((x0 + x1) / 2 - r.width() / 2, (top0 + bottom0 + top1 + bottom1) / 4 - r.height() / 2)
            self.region(QRectF(x0 + 4, min(top0, top1), max(x1 - x0 - 8, 1), max(bottom0, bottom1) - min(top0, top1)),
                        ("weights", wi))
        if self.nodes[w.target]:
            for node in self.nodes[w.target].values():  # short spokes lead the band into each target unit
                spoke = QGraphicsLineItem(x1 - 18, node.centre.y(), node.centre.x() - NODE_R, node.centre.y())
                spoke.setPen(QPen(fill.darker(160), 1.0))
                spoke.setZValue(-3)
                self.add(spoke)

    def _arrow(self, source: tuple[float, float, float, float], target: tuple[float, float, float, float]) -> None:
        c = colours()
        y = 0.0
        x0, x1 = source[1] + 10, target[0] - 10
        pen = QPen(c.muted, 2.0)
        for a, b in ((QPointF(x0, y), QPointF(x1, y)), (QPointF(x1 - 12, y - 7), QPointF(x1, y)),
                     (QPointF(x1 - 12, y + 7), QPointF(x1, y))):
            line = QGraphicsLineItem(a.x(), a.y(), b.x(), b.y())
            line.setPen(pen)
            line.setToolTip(self.tr("computed without a weight matrix of its own (a convolution: see the kernels "
                                    "view)"))
            self.add(line)

    def _goals_and_error(self, net: Network) -> None:
        c = colours()
        last = net.layers[-1]
        if last.goals is not None:
            for ui, node in self.nodes[-1].items():
                t = self.text("", c.accent, number_font(9))
                t.setPos(node.centre.x() + NODE_R + 10, node.centre.y() - 18)
                self.goal_texts.append((ui, t))
        self.out_text = self.text("", c.error, number_font(9))
        if self.nodes[-1]:
            centre = list(self.nodes[-1].values())[-1].centre
            self.out_text.setPos(centre.x() + NODE_R + 10, centre.y() + 2)

    def _add_legend(self, net: Network) -> None:
        group = self.legend_group()
        lines = [self.tr("a cell = one unit or one weight:"),
                 self.tr("blue positive, orange negative, paler = smaller"),
                 self.tr("a band = every weight between two layers;"),
                 self.tr("a block shows each: a row per unit it leaves,"), self.tr("a column per unit it reaches"),
                 self.tr("grey cell = off: relu gave 0")]
        y = 0.0
        for line in lines:
            item = self.text(line)
            item.setPos(0, y)
            group.addToGroup(item)
            y += 22

    # -- live values -------------------------------------------------------------------------------------------
    def refresh(self, net: Network) -> None:
        for li, layer in enumerate(net.layers):
            values = layer.values
            if li in self.images:
                self.images[li].set_values(values)
            elif li in self.strips:
                strip = self.strips[li]
                cells = strip.rows * strip.columns
                if values is None:
                    strip.set_values(None)
                else:
                    padded = np.full(cells, np.nan)
                    padded[:layer.size] = values
                    off = np.zeros(cells, dtype=bool)
                    off[:layer.size] = units_off(layer)
                    # column by column, so that the strip reads top to bottom like a column of circles
                    strip.set_values(padded.reshape(strip.columns, strip.rows).T,
                                     off.reshape(strip.columns, strip.rows).T)
            else:
                off = units_off(layer)
                for ui, node in self.nodes[li].items():
                    node.set_value(None if values is None else float(values[ui]), bool(off[ui]), self.tr("off"))
                    node.setToolTip(self.panel.unit_tip(li, ui))
        for wi, w in enumerate(net.weights):
            block = self.blocks.get(wi)
            if block is not None:
                frozen = frozen_mask(w)
                block.set_values(w.values.T, frozen=None if frozen is None else frozen.T)
            band = self.bands[wi]
            finite = w.values[np.isfinite(w.values)]
            band.setToolTip(self.tr("{0}: {1}×{2} weights from {3} to {4}; from {5} to {6}, mean {7}").format(
                w.name, w.shape[1], w.shape[0], self.panel.layer_title(w.source, len(net.layers), None),
                self.panel.layer_title(w.target, len(net.layers), None),
                num(float(finite.min()), 3) if finite.size else "–", num(float(finite.max()), 3) if finite.size
                else "–", num(float(finite.mean()), 3) if finite.size else "–"))
        goals = net.layers[-1].goals
        for ui, text in self.goal_texts:
            if goals is not None:
                text.setText(self.tr("goal {0}").format(num(float(goals[ui]), 4)))
        error = self.panel.phase_values().get("error")
        self.out_text.setText(self.tr("error {0}").format(num(np.sum(error), 4)) if error is not None else "")
