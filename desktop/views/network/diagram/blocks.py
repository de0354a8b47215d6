"""The blocks picture: a layer is a vector, a weight matrix a block (chapter 7)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
)

from desktop.theme import colours, number_font
from desktop.views.network.diagram.common import BIG_SIDE, CELL, MAX_CELLS, letter_font
from desktop.views.network.diagram.items import GridItem
from desktop.views.network.diagram.picture import Picture, frozen_mask
from learning.analysis import units_off
from learning.network import Layer, Network, Weights


class BlocksPicture(Picture):
    """Each layer a vector (a strip of cells), each weight matrix a block labelled with its shape."""

    def build(self, net: Network) -> None:
        c = colours()
        self.strips: list[GridItem] = []
        self.blocks: list[GridItem] = []
        self.goal_strip: GridItem | None = None
        self.off_texts: dict[int, QGraphicsSimpleTextItem] = {}
        strip_rects = [self._strip_rect(layer) for layer in net.layers]
        block_rects = [self._block_rect(net, w) for w in net.weights]
        tallest = max([r.height() for r in strip_rects] + [r.height() for r in block_rects] + [CELL])
        top, bottom = -tallest / 2 - 56, tallest / 2 + 58
        x = 0.0
        for li, layer in enumerate(net.layers):
            if li > 0:
                incoming = [wi for wi, w in enumerate(net.weights) if w.target == li]
                x = self._place_blocks(net, incoming, block_rects, x, top, bottom)
            rect = strip_rects[li].translated(x, 0)
            rows, cols = self._strip_grid(layer)
            strip = GridItem(rows, cols, rect, lambda r, col, li=li, cols=cols: self.panel.unit_tip(li, r * cols + col),
                             lambda li=li: self.panel.select(("layer", li)))
            self.add(strip)
            self.strips.append(strip)
            symbol = self.text(f"l{li}", c.text, letter_font(14, True))
            code = self.text(self.panel.layer_code(net, li))
            shape = self.text(f"1×{layer.size}" if layer.image_shape is None
                              else f"1×{layer.size} ({layer.image_shape[0]}×{layer.image_shape[1]})")
            cx = rect.center().x()
            y = rect.bottom() + 6
            for item in (symbol, code, shape):
                r = item.boundingRect()
                item.setPos(cx - r.width() / 2, y)
                y += r.height() + 1
            if layer.activation:
                self._marker(layer.activation, cx, rect.top() - 26)
                off = self.text("", c.muted, number_font(8))
                self.off_texts[li] = off
                off.setPos(rect.left(), rect.top() - 44)
            width = rect.width()
            if li == len(net.layers) - 1 and layer.goals is not None:
                grect = QRectF(rect.right() + 10, rect.top(), rect.width(), rect.height())
                self.goal_strip = GridItem(rows, cols, grect,
                                           lambda r, col, cols=cols: self.panel.goal_tip(r * cols + col))
                self.add(self.goal_strip)
                label = self.text(self.tr("goal"), c.accent)
                r = label.boundingRect()
                label.setPos(grect.center().x() - r.width() / 2, grect.bottom() + 6)
                width += 10 + rect.width()
            self.region(QRectF(x - 16, top, width + 32, bottom - top), ("layer", li))
            x += width + 26
        notes = [self.tr("a layer is a vector, a weight matrix a block"), self.tr("(rows = inputs, columns = outputs)"),
                 self.tr("colour = sign, strength = size"), self.tr("hatched = off (relu gave 0); dashed = frozen")]
        group = self.legend_group()
        y = 0.0
        for text in notes:
            item = self.text(text)
            item.setPos(0, y)
            group.addToGroup(item)
            y += 20

    def _strip_grid(self, layer: Layer) -> tuple[int, int]:
        if layer.image_shape is not None and layer.size > MAX_CELLS:
            return layer.image_shape
        return layer.size, 1

    def _strip_rect(self, layer: Layer) -> QRectF:
        rows, cols = self._strip_grid(layer)
        if cols > 1:
            side = BIG_SIDE * 0.75
            w, h = (side, side * rows / cols) if cols >= rows else (side * cols / rows, side)
        elif rows > MAX_CELLS:
            w, h = CELL * 0.6, BIG_SIDE
        else:
            w, h = CELL, rows * CELL
        return QRectF(0, -h / 2, w, h)

    def _block_rect(self, net: Network, w: Weights) -> QRectF:
        inputs, outputs = w.shape[1], w.shape[0]
        h = inputs * CELL if inputs <= MAX_CELLS else BIG_SIDE
        width = outputs * CELL if outputs <= MAX_CELLS else BIG_SIDE * 0.6
        return QRectF(0, -h / 2, width, h)

    def _place_blocks(self, net: Network, incoming: list[int], rects: list[QRectF], x: float, top: float,
                      bottom: float) -> float:
        c = colours()
        self.scene.addEllipse(QRectF(x - 3.5, -3.5, 7, 7), QPen(Qt.PenStyle.NoPen), QBrush(c.text))  # the "·"
        x += 20
        widest = max((rects[wi].width() for wi in incoming), default=0.0)
        stack = sum(rects[wi].height() for wi in incoming) + 40 * (len(incoming) - 1)
        y = -stack / 2
        for wi in incoming:
            w = net.weights[wi]
            rect = QRectF(x, y, rects[wi].width(), rects[wi].height())
            inputs, outputs = w.shape[1], w.shape[0]
            block = GridItem(inputs, outputs, rect, lambda r, col, wi=wi: self.panel.weight_tip(wi, col, r),
                             lambda wi=wi: self.panel.select(("weights", wi)))
            self.add(block)
            self.blocks.append(block)
            title = self.text(f"W{wi}", c.text, letter_font(14, True))
            size = self.text(f"  {inputs}×{outputs}", c.text, QFont(QFont().family(), 11, QFont.Weight.Bold))
            title.setPos(rect.center().x() - (title.boundingRect().width() + size.boundingRect().width()) / 2,
                         rect.top() - title.boundingRect().height() - 6)
            size.setPos(title.pos().x() + title.boundingRect().width(),
                        title.pos().y() + title.boundingRect().height() - size.boundingRect().height() - 1)
            code = self.text(self.panel.weights_code(net, wi))
            r = code.boundingRect()
            code.setPos(rect.center().x() - r.width() / 2, rect.bottom() + 6)
            self.region(QRectF(x - 12, top, max(rect.width(), r.width()) + 24, bottom - top), ("weights", wi))
            y += rect.height() + 40
        x += widest + 14
        arrow = self.text("→", c.text, QFont(QFont().family(), 18))
        arrow.setPos(x, -arrow.boundingRect().height() / 2)
        return x + arrow.boundingRect().width() + 18

    def _marker(self, activation: str, cx: float, y: float) -> None:
        c = colours()
        label = self.text(activation, c.surface, QFont(QFont().family(), 9, QFont.Weight.Bold))
        r = label.boundingRect()
        path = QPainterPath()
        path.addRoundedRect(QRectF(cx - r.width() / 2 - 7, y - 2, r.width() + 14, r.height() + 4), 8, 8)
        pill = QGraphicsPathItem(path)
        pill.setBrush(QBrush(c.accent))
        pill.setPen(QPen(Qt.PenStyle.NoPen))
        self.add(pill)
        label.setZValue(1)
        label.setPos(cx - r.width() / 2, y)

    def refresh(self, net: Network) -> None:
        for li, layer in enumerate(net.layers):
            off = units_off(layer)
            self.strips[li].set_values(layer.values, off if off.any() else None)
            if li in self.off_texts:
                n = int(off.sum())
                self.off_texts[li].setText(self.tr("{0} of {1} off").format(n, layer.size) if n else "")
        if self.goal_strip is not None:
            self.goal_strip.set_values(net.layers[-1].goals)
        for wi, w in enumerate(net.weights):
            frozen = frozen_mask(w)
            self.blocks[wi].set_values(w.values.T, frozen=None if frozen is None else frozen.T)
