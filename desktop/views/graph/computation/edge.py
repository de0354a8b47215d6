"""The edges of the computation graph (a creator → the operation that used it), lit while the backward pass sends
a gradient along them, and the legend under the graph (the heat maps' colours; the gradient check's scale)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop.colour import mix, signed_image
from desktop.theme import colours, number_font
from desktop.views.graph.computation.model import AGREE, WRONG


def power_of_ten(value: float) -> str:
    """10⁻⁶ for 1e-6 (the legend's ticks)."""
    return "10" + str(round(math.log10(value))).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


class EdgeItem(QGraphicsItem):
    """A curve from a creator's box into the operation that used it; `label` names the operation where the curve
    enters a collapsed call, `count` says how many uses one curve stands for."""

    def __init__(self, path: QPainterPath, label: str, count: int, source: tuple, target: tuple) -> None:
        super().__init__()
        self.path = path
        self.label = label
        self.count = count
        self.source = source
        self.target = target
        self.lit = False
        # Where the arrow and the labels go, computed once (QPainterPath.pointAtPercent is slow to call per paint).
        end = path.pointAtPercent(1.0)
        self._arrow = QPolygonF([end, end + QPointF(-7, -3.5), end + QPointF(-7, 3.5)])
        near, middle = path.pointAtPercent(0.88), path.pointAtPercent(0.5)
        self._label_rect = QRectF(near.x() - 40, near.y() - 15, 40, 12)
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
        if self.label or self.count > 1:
            painter.setFont(number_font(7.5))
            painter.setPen(c.muted)
        if self.label:
            painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.label)
        if self.count > 1:
            painter.drawText(self._count_rect, Qt.AlignmentFlag.AlignCenter, f"×{self.count}")


class LegendItem(QGraphicsItem):
    """What the colours mean: data and gradients on the blue/orange map (each tensor on its own scale), and, after
    a gradient check, the relative error from agreeing to wrong."""

    WIDTH = 640.0  # at a scale of 1; zoomed out, the legend grows with its words

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self.texts = texts
        self.checked = False
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
        return QRectF(0, 0, 2 * self.WIDTH, 2 * (64 if self.checked else 30))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = colours()
        grow = 1 / min(max(option.levelOfDetailFromTransform(painter.worldTransform()), 0.5), 1.0)
        painter.scale(grow, grow)
        font = number_font(8)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        bar = QRectF(0, 6, 120, 12)
        painter.drawImage(bar, self._ramp)
        painter.setPen(QPen(c.grid, 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(bar)
        painter.setPen(c.muted)
        for x, text in ((bar.left(), "−"), (bar.center().x(), "0"), (bar.right(), "+")):
            painter.drawText(QRectF(x - 10, bar.bottom() + 1, 20, 11), Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(c.text)
        painter.drawText(QRectF(bar.right() + 14, 0, self.WIDTH - bar.right() - 14, 24),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(self.texts["legend values"], Qt.TextElideMode.ElideRight,
                                            self.WIDTH - bar.right() - 14))
        if not self.checked:
            return
        top = 36.0
        steps = 48
        for k in range(steps):  # agreeing (10⁻⁶ and less) to wrong (10⁻³ and more), log scale, as the boxes
            painter.fillRect(QRectF(k * 120 / steps, top + 2, 120 / steps + 0.5, 12),
                             mix(c.accent, c.error, k / (steps - 1)))
        painter.setPen(c.muted)
        painter.drawText(QRectF(-10, top + 14, 40, 11), Qt.AlignmentFlag.AlignCenter, power_of_ten(AGREE))
        painter.drawText(QRectF(100, top + 14, 40, 11), Qt.AlignmentFlag.AlignCenter, power_of_ten(WRONG))
        painter.setPen(c.text)
        painter.drawText(QRectF(134, top - 4, self.WIDTH - 134, 24),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(self.texts["legend check"], Qt.TextElideMode.ElideRight,
                                            self.WIDTH - 134))
