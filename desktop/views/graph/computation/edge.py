"""The edges of the computation graph (a creator → the operation that used it), lit while the backward pass sends
a gradient along them, and the legend under the graph (the heat maps' colours; the gradient check's scale)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop.colour import mix, signed_image
from desktop.theme import colours, number_font
from desktop.views.graph.computation.model import AGREE, WRONG


def power_of_ten(value: float) -> str:
    """10⁻⁶ for 1e-6 (the legend's ticks)."""
    return "10" + str(round(math.log10(value))).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


class EdgeItem(QGraphicsItem):
    """A curve from a creator's box into the operation that used it (into a collapsed call: its box); `count`
    says how many uses one curve stands for."""

    def __init__(self, path: QPainterPath, start: QPointF, end: QPointF, count: int, source: tuple,
                 target: tuple) -> None:
        super().__init__()
        self.path = path
        self.count = count
        self.source = source
        self.target = target
        self.lit = False
        # Where the arrow and the count go, once: the curve is symmetric, so it passes through the middle of its ends.
        self._arrow = QPolygonF([end, end + QPointF(-7, -3.5), end + QPointF(-7, 3.5)])
        middle = (start + end) / 2
        self._count_rect = QRectF(middle.x() - 20, middle.y() - 14, 40, 12)
        self._bounds = path.boundingRect().adjusted(-8, -14, 8, 14)
        self.setZValue(-1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_lit(self, lit: bool) -> bool:
        """Light the edge (a gradient is travelling along it, back to the creator); True if it changed."""
        if lit == self.lit:
            return False
        self.lit = lit
        return True

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(6)
        return stroker.createStroke(self.path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = colours()
        colour = c.accent if self.lit else c.node_border
        painter.setPen(QPen(colour, 2.6 if self.lit else 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setBrush(QBrush(colour))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(self._arrow)
        if self.count > 1:
            painter.setFont(number_font(7.5))
            painter.setPen(c.muted)
            painter.drawText(self._count_rect, Qt.AlignmentFlag.AlignCenter, f"×{self.count}")


class LegendItem(QGraphicsItem):
    """What the colours mean: data and gradients on the blue/orange map (each tensor on its own scale), and, after
    a gradient check, the relative error from agreeing to wrong. Zoomed out, it grows with the boxes' words, but
    never wider than the graph (`span`)."""

    WIDTH, ROW = 420.0, 34.0  # at a scale of 1: the colour bar, then two lines of words

    def __init__(self, texts: dict[str, str], span: float) -> None:
        super().__init__()
        self.texts = texts
        self.checked = False
        self.most = min(2.0, max(1.0, span / self.WIDTH))  # the largest growth that stays within the graph
        self._ramp = signed_image(np.linspace(-1.0, 1.0, 64).reshape(1, -1), 1.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_checked(self, checked: bool) -> bool:
        """Show the check's scale too; True if it changed."""
        if checked == self.checked:
            return False
        self.prepareGeometryChange()
        self.checked = checked
        return True

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(0, 0, self.WIDTH * self.most, self.ROW * (2 if self.checked else 1) * self.most)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = colours()
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        grow = min(1 / min(max(lod, 0.5), 1.0), self.most)
        painter.scale(grow, grow)
        font = number_font(8)
        painter.setFont(font)
        words = QRectF(134, 0, self.WIDTH - 134, self.ROW - 4)
        wrap = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        bar = QRectF(0, 6, 120, 12)
        painter.drawImage(bar, self._ramp)
        painter.setPen(QPen(c.grid, 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(bar)
        painter.setPen(c.muted)
        for x, text in ((bar.left(), "−"), (bar.center().x(), "0"), (bar.right(), "+")):
            painter.drawText(QRectF(x - 10, bar.bottom() + 1, 20, 11), Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(c.text)
        painter.drawText(words, wrap, self.texts["legend values"])
        if not self.checked:
            return
        top = self.ROW
        steps = 48
        for k in range(steps):  # agreeing (10⁻⁶ and less) to wrong (10⁻³ and more), log scale, as the boxes
            painter.fillRect(QRectF(k * 120 / steps, top + 6, 120 / steps + 0.5, 12),
                             mix(c.accent, c.error, k / (steps - 1)))
        painter.setPen(c.muted)
        painter.drawText(QRectF(-10, top + 19, 40, 11), Qt.AlignmentFlag.AlignCenter, power_of_ten(AGREE))
        painter.drawText(QRectF(100, top + 19, 40, 11), Qt.AlignmentFlag.AlignCenter, power_of_ten(WRONG))
        painter.setPen(c.text)
        painter.drawText(words.translated(0, top), wrap, self.texts["legend check"])
