"""The scene items the pictures are made of: units, links, labels, selection regions, grids and images."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from desktop.colour import sign_colour, signed_rgba, to_qimage
from desktop.faults import reported
from desktop.format import num
from desktop.theme import colours, number_font
from desktop.views.network.diagram.common import MAX_CELLS, NODE_R, fitting, link_width


# -- items ------------------------------------------------------------------------------------------
class RegionItem(QGraphicsPathItem):
    """A rounded area behind a layer or a matrix: clicking it selects it, and it glows while selected."""

    def __init__(self, rect: QRectF, key: tuple[str, int], on_click: Callable[[tuple[str, int]], None]) -> None:
        path = QPainterPath()
        path.addRoundedRect(rect, 10, 10)
        super().__init__(path)
        self.key = key
        self._on_click = on_click
        self.setZValue(-5)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.set_selected(False)

    def set_selected(self, selected: bool) -> None:
        """Glow in the accent colour while selected; invisible but clickable otherwise."""
        c = colours()
        self.selected = selected
        fill = QColor(c.accent)
        fill.setAlpha(46)
        self.setBrush(QBrush(fill) if selected else QBrush(Qt.BrushStyle.NoBrush))
        self.setPen(QPen(c.accent, 1.5) if selected else QPen(Qt.PenStyle.NoPen))

    @reported
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        event.accept() if event.button() == Qt.MouseButton.LeftButton else event.ignore()

    @reported
    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._on_click(self.key)


class LockItem(QGraphicsItem):
    """A small padlock drawn on a frozen weight."""

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-7, -9, 14, 17)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = colours()
        painter.setPen(QPen(c.text, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(-4, -9, 8, 10), 0, 180 * 16)
        painter.drawLine(QPointF(-4, -4), QPointF(-4, -1))
        painter.drawLine(QPointF(4, -4), QPointF(4, -1))
        painter.setBrush(QBrush(c.text))
        painter.drawRoundedRect(QRectF(-6, -1, 12, 9), 2, 2)


class LinkItem(QGraphicsLineItem):
    """A weight: a line whose hover area is wider than its stroke; thickens while hovered; click to edit."""

    def __init__(self, a: QPointF, b: QPointF, ref: tuple[int, str, int, int] | None = None,
                 on_click: Callable[[LinkItem, QPointF], None] | None = None,
                 on_menu: Callable[[LinkItem, QGraphicsSceneContextMenuEvent], None] | None = None) -> None:
        super().__init__(a.x(), a.y(), b.x(), b.y())
        self.setAcceptHoverEvents(True)
        self.setZValue(-1)
        self._hover = False
        self.weight = 0.0
        self.frozen = False
        #: (matrix index, matrix name, row, column) of the weight, rows = target units.
        self.ref = ref
        self._on_click = on_click
        self._on_menu = on_menu
        self.lock = LockItem(self)
        self.lock.setPos(self.midpoint())
        self.lock.setVisible(False)
        if on_click is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def midpoint(self) -> QPointF:
        """The middle of the line, in scene coordinates."""
        line = self.line()
        return (line.p1() + line.p2()) / 2

    def shape(self) -> QPainterPath:
        path = QPainterPath(self.line().p1())
        path.lineTo(self.line().p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(max(14.0, self.pen().widthF() + 8))
        return stroker.createStroke(path)

    def set_weight(self, weight: float, frozen: bool = False) -> None:
        """Colour by sign, width by magnitude; frozen weights are dashed with a padlock."""
        self.weight = weight
        self.frozen = frozen
        pen = QPen(sign_colour(weight), link_width(weight) + (2.0 if self._hover else 0.0))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap if frozen else Qt.PenCapStyle.RoundCap)
        if frozen:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.lock.setVisible(frozen)

    @reported
    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = True
        self.set_weight(self.weight, self.frozen)
        super().hoverEnterEvent(event)

    @reported
    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = False
        self.set_weight(self.weight, self.frozen)
        super().hoverLeaveEvent(event)

    @reported
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._on_click is not None and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
        else:
            event.ignore()

    @reported
    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._on_click is not None and event.button() == Qt.MouseButton.LeftButton:
            self._on_click(self, event.scenePos())

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        if self._on_menu is None:
            event.ignore()
            return
        event.accept()
        self._on_menu(self, event)


class LabelItem(QGraphicsSimpleTextItem):
    """A weight's value on its line; on a plate of the background colour where lines cross."""

    def __init__(self, plate: bool) -> None:
        super().__init__()
        self.setFont(number_font(9))
        self.setBrush(QBrush(colours().text))
        self.setZValue(1)
        self._plate = plate

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._plate:
            fill = QColor(colours().surface)
            fill.setAlpha(215)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(self.boundingRect().adjusted(-2, 0, 2, 0), 3, 3)
        super().paint(painter, option, widget)


class NodeItem(QGraphicsEllipseItem):
    """A unit: a circle with its current value inside and its name below; grey and marked "off" when off."""

    def __init__(self, centre: QPointF, label: str) -> None:
        super().__init__(centre.x() - NODE_R, centre.y() - NODE_R, 2 * NODE_R, 2 * NODE_R)
        c = colours()
        self.setBrush(QBrush(c.node))
        self.setPen(QPen(c.node_border, 1.5))
        self.value_text = QGraphicsSimpleTextItem(self)
        self.value_text.setFont(number_font(10))
        self.value_text.setBrush(QBrush(c.text))
        self.label = QGraphicsSimpleTextItem(label, self)
        self.label.setBrush(QBrush(c.muted))
        r = self.label.boundingRect()
        self.label.setPos(centre.x() - r.width() / 2, centre.y() + NODE_R + 4)
        self.off_text = QGraphicsSimpleTextItem(self)
        self.off_text.setFont(number_font(8))
        self.off_text.setBrush(QBrush(c.muted))
        self.off_text.setVisible(False)
        self.centre = centre
        self.off = False

    def set_value(self, value: float | None, off: bool = False, off_label: str = "off") -> None:
        """Show a value in the middle of the circle (scaled down if it would not fit); grey out a unit that is off."""
        c = colours()
        self.off = off
        self.value_text.setText(num(value, 4))
        r = self.value_text.boundingRect()
        scale = min(1.0, (2 * NODE_R - 8) / max(r.width(), 1.0))
        self.value_text.setScale(scale)
        self.value_text.setPos(self.centre.x() - r.width() * scale / 2, self.centre.y() - r.height() * scale / 2)
        self.value_text.setBrush(QBrush(c.muted if off else c.text))
        self.setBrush(QBrush(c.grid if off else c.node))
        pen = QPen(c.node_border, 1.5)
        if off:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.off_text.setText(off_label)
        self.off_text.setVisible(off)
        o = self.off_text.boundingRect()
        self.off_text.setPos(self.centre.x() - o.width() / 2, self.centre.y() - NODE_R + 3)


class ImageLayerItem(QGraphicsItem):
    """A layer whose units are pixels (image_shape), drawn as one image of its values instead of circles."""

    def __init__(self, rect: QRectF, shape: tuple[int, int], tip: Callable[[int], str]) -> None:
        super().__init__()
        self._rect = rect
        self.shape_ = shape
        self._image: QImage | None = None
        self._tip = tip
        self.setAcceptHoverEvents(True)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-1, -1, 1, 1)

    def set_values(self, values: np.ndarray | None) -> None:
        """Show the layer's current values (None: empty)."""
        if values is None:
            self._image = None
        else:
            self._image = to_qimage(signed_rgba(np.asarray(values, dtype=float).reshape(self.shape_)))
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = colours()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        if self._image is None:
            painter.fillRect(self._rect, c.node)
        else:
            painter.drawImage(self._rect, self._image)
        painter.setPen(QPen(c.node_border, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._rect)

    @reported
    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        h, w = self.shape_
        p = event.pos() - self._rect.topLeft()
        row = min(h - 1, max(0, int(p.y() / self._rect.height() * h)))
        col = min(w - 1, max(0, int(p.x() / self._rect.width() * w)))
        self.setToolTip(self._tip(row * w + col))


class GridItem(QGraphicsItem):
    """A vector or matrix as a grid of cells coloured by value; numbers inside when cells are big enough.

    `values` is rows x columns; `off` greys cells out (ReLU units that are 0), `frozen` marks cells with a
    dashed border. Grids with many cells are painted as one scaled image.
    """

    def __init__(self, rows: int, columns: int, rect: QRectF, tip: Callable[[int, int], str],
                 on_click: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.rows, self.columns = rows, columns
        self._rect = rect
        self._tip = tip
        self._on_click = on_click
        self.values: np.ndarray | None = None
        self.off: np.ndarray | None = None
        self.frozen: np.ndarray | None = None
        self._image: QImage | None = None
        self._cells: np.ndarray | None = None
        self.setAcceptHoverEvents(True)

    @property
    def big(self) -> bool:
        """True when drawn as an image rather than cell by cell."""
        return self.rows > MAX_CELLS or self.columns > MAX_CELLS

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-2, -2, 2, 2)

    def set_values(self, values: np.ndarray | None, off: np.ndarray | None = None,
                   frozen: np.ndarray | None = None) -> None:
        """New values (rows x columns, or None before the first prediction)."""
        self.values = None if values is None else np.asarray(values, dtype=float).reshape(self.rows, self.columns)
        self.off, self.frozen = off, frozen
        if self.values is None:
            self._cells = self._image = None
        else:
            greyed = None if off is None else np.asarray(off, dtype=bool).reshape(self.rows, self.columns)
            self._cells = signed_rgba(self.values, greyed=greyed)  # an image of many cells greys the off ones
            self._image = to_qimage(self._cells) if self.big else None
        self.update()

    def cell_rect(self, row: int, column: int) -> QRectF:
        """Where one cell is drawn."""
        w = self._rect.width() / self.columns
        h = self._rect.height() / self.rows
        return QRectF(self._rect.left() + column * w, self._rect.top() + row * h, w, h)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = colours()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        if self._image is not None:
            painter.drawImage(self._rect, self._image)
        elif self._cells is None or self.values is None:
            painter.fillRect(self._rect, c.node)
        else:
            font = number_font(7.5)
            painter.setFont(font)
            metrics = QFontMetricsF(font)
            for r in range(self.rows):
                for col in range(self.columns):
                    rect = self.cell_rect(r, col)
                    off = self.off is not None and bool(self.off.reshape(self.rows, self.columns)[r, col])
                    rgba = self._cells[r, col]
                    painter.fillRect(rect, c.grid if off else QColor(int(rgba[0]), int(rgba[1]), int(rgba[2])))
                    if off:
                        painter.fillRect(rect, QBrush(c.muted, Qt.BrushStyle.BDiagPattern))
                    if rect.width() >= 26 and rect.height() >= 16:
                        v = float(self.values[r, col])
                        dark = QColor(int(rgba[0]), int(rgba[1]), int(rgba[2])).lightness() < 120 and not off
                        painter.setPen(QColor("#ffffff") if dark else c.text)
                        text = QCoreApplication.translate("GridItem", "off") if off else fitting(
                            v, rect.width() - 4, metrics)
                        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if not self.big:
            painter.setPen(QPen(c.surface, 1.0))
            for r in range(1, self.rows):
                y = self._rect.top() + r * self._rect.height() / self.rows
                painter.drawLine(QPointF(self._rect.left(), y), QPointF(self._rect.right(), y))
            for col in range(1, self.columns):
                x = self._rect.left() + col * self._rect.width() / self.columns
                painter.drawLine(QPointF(x, self._rect.top()), QPointF(x, self._rect.bottom()))
            if self.frozen is not None and self.frozen.any():
                pen = QPen(c.text, 1.6, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                frozen = self.frozen.reshape(self.rows, self.columns)
                for r, col in zip(*np.nonzero(frozen), strict=True):
                    painter.drawRect(self.cell_rect(int(r), int(col)).adjusted(2, 2, -2, -2))
        painter.setPen(QPen(c.node_border, 1.2))
        painter.drawRect(self._rect)

    @reported
    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        p = event.pos() - self._rect.topLeft()
        row = min(self.rows - 1, max(0, int(p.y() / max(self._rect.height(), 1e-9) * self.rows)))
        col = min(self.columns - 1, max(0, int(p.x() / max(self._rect.width(), 1e-9) * self.columns)))
        self.setToolTip(self._tip(row, col))

    @reported
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        event.accept() if self._on_click and event.button() == Qt.MouseButton.LeftButton else event.ignore()

    @reported
    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._on_click and event.button() == Qt.MouseButton.LeftButton:
            self._on_click()
