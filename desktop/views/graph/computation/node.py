"""A box of the computation graph: one tensor (or a collapsed layer call) with its name and shape, the operation
that made it in a pill on its left, its data above its gradient (a small heat map, or the numbers when there are
a few), the child counting badge below ("received 2 of 3"), and the gradient check's colour.

Items only draw: they hold no reference to the panel (PySide deletes a scene's items with the scene; an item in a
reference cycle with its panel would outlive them). The panel finds them by key and sets their state.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop.colour import mix, scale_for, signed_colour, signed_image
from desktop.format import num
from desktop.theme import Colours, colours, number_font
from desktop.views.graph.computation.model import error_share
from desktop.views.graph.computation.placement import NODE_H, pill_rect

#: Arrays with at most this many elements show their numbers; bigger ones a heat map.
MAX_NUMBERS = 6
HEADER, ROW, PAD, GUTTER = 22.0, 31.0, 7.0, 15.0


def two_d(values: np.ndarray) -> np.ndarray:
    """An array as rows and columns for a picture: a vector is one row, a scalar one cell, more dimensions are
    folded into the columns."""
    a = np.asarray(values, dtype=float)
    if a.ndim == 0:
        return a.reshape(1, 1)
    if a.ndim == 1:
        return a.reshape(1, -1)
    return a.reshape(a.shape[0], -1)


def short_name(name: str, metrics: QFontMetricsF, width: float) -> str:
    """A name that fits: whole, else without its leading dotted parts ("model.0.weight" → "0.weight"), else cut."""
    parts = name.split(".")
    for k in range(len(parts)):
        candidate = ".".join(parts[k:])
        if metrics.horizontalAdvance(candidate) <= width:
            return candidate
    return metrics.elidedText(parts[-1], Qt.TextElideMode.ElideRight, width)


class Picture:
    """How one array is drawn in a row of a box: its numbers on their colours, or a heat map; built once per
    value (the arrays of a trace never change in place)."""

    def __init__(self, values: np.ndarray) -> None:
        self.values = values
        self.scale = scale_for(values)
        grid = two_d(values)
        self.numbers: list[list[tuple[str, QColor]]] | None = None
        self.image: QImage | None = None
        if grid.size <= MAX_NUMBERS:
            cells = [(num(v, 3), signed_colour(float(v), self.scale)) for v in grid.reshape(-1)]
            short = max(len(text) for text, _ in cells) <= 3  # small whole numbers fit six to a line
            per_line = len(cells) if len(cells) <= 4 or short else (len(cells) + 1) // 2
            self.numbers = [cells[i:i + per_line] for i in range(0, len(cells), per_line)]
        else:
            self.rows, self.columns = grid.shape
            self.image = signed_image(grid, self.scale)

    def draw(self, painter: QPainter, area: QRectF, font: QFont, c: Colours, text: bool = True) -> None:
        """Draw into `area` (numbers fill it; a heat map's cells are at most three times wider than high);
        without `text` (zoomed far out) the numbers' cells are drawn without their numbers."""
        if self.numbers is not None:
            line_h = area.height() / len(self.numbers)
            fitted = QFont(font)
            fitted.setPointSizeF(min(font.pointSizeF(), line_h * 0.62))
            painter.setFont(fitted)
            metrics = QFontMetricsF(fitted)
            for k, line in enumerate(self.numbers):
                cell_w = area.width() / len(line)
                for j, (text, colour) in enumerate(line):
                    cell = QRectF(area.left() + j * cell_w, area.top() + k * line_h, cell_w - 1, line_h - 1)
                    painter.fillRect(cell, colour)
                    if not text:
                        continue
                    painter.setPen(c.text)
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter,
                                     metrics.elidedText(text, Qt.TextElideMode.ElideRight, cell_w - 2))
            return
        assert self.image is not None
        cell_h = min(area.height() / self.rows, 12.0)
        cell_w = min(area.width() / self.columns, max(3 * cell_h, 3.0))
        target = QRectF(area.left(), area.top(), cell_w * self.columns, cell_h * self.rows)
        painter.drawImage(target, self.image)
        painter.setPen(QPen(c.grid, 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target)


class NodeItem(QGraphicsItem):
    """One box: title, shape, the operation's pill, data and gradient rows, the counting badge."""

    def __init__(self, key: tuple[Any, ...], rect: QRectF, title: str, subtitle: str, op: str, collapsed: bool,
                 parameter: bool, texts: dict[str, str]) -> None:
        super().__init__()
        self.key = key
        self.rect = rect
        self.title = title
        self.subtitle = subtitle
        self.op = op
        self.collapsed = collapsed
        self.parameter = parameter
        self.texts = texts  # the panel's translated words, shared by every item
        self.data: Picture | None = None
        self.grad: Picture | None = None
        self.badge: tuple[int, int, str] | None = None  # (received, expected, state: "done", "waiting", "early")
        self.current = False
        self.selected = False
        self.error: float | None = None
        self._data_source: np.ndarray | None = None
        self._grad_source: np.ndarray | None = None
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    # -- state ----------------------------------------------------------------------------------------------
    def set_values(self, data: np.ndarray | None, grad: np.ndarray | None) -> bool:
        """Show these arrays (None: not reached yet); pictures are rebuilt only for new arrays. True if changed."""
        changed = False
        if data is not self._data_source:
            self._data_source, changed = data, True
            self.data = None if data is None else Picture(data)
        if grad is not self._grad_source:
            self._grad_source, changed = grad, True
            self.grad = None if grad is None else Picture(grad)
        return changed

    def set_marks(self, badge: tuple[int, int, str] | None, current: bool, selected: bool,
                  error: float | None) -> bool:
        """The counting badge, whether the backward pass just reached it, selection and check error."""
        marks = (badge, current, selected, error)
        if marks == (self.badge, self.current, self.selected, self.error):
            return False
        self.badge, self.current, self.selected, self.error = marks
        return True

    def data_shown(self) -> np.ndarray | None:
        """The data array drawn now (None: the forward pass has not reached it)."""
        return self._data_source

    def grad_shown(self) -> np.ndarray | None:
        """The gradient drawn now (None: the backward pass has not reached it)."""
        return self._grad_source

    def fill(self, c: Colours | None = None) -> QColor:
        """The box's background: the node colour, a tint of the check's colour once checked."""
        c = c or colours()
        base = mix(c.node, c.grid, 0.55) if self.collapsed else c.node
        if self.error is None:
            return base
        return mix(base, self.error_colour(c), 0.32)

    def error_colour(self, c: Colours | None = None) -> QColor:
        """The check's colour of this box: from agreeing (green) to wrong (the theme's error colour)."""
        c = c or colours()
        return mix(c.accent, c.error, error_share(self.error if self.error is not None else 0.0))

    # -- drawing ----------------------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802
        left = pill_rect(self.rect).left() if self.op else self.rect.left()
        return QRectF(left - 2, self.rect.top() - 4, self.rect.right() - left + 6, NODE_H + 34)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = colours()
        rect = self.rect
        # Zoomed out, words grow (up to twice) so that names stay readable while pictures shrink.
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        grow = 1 / min(max(lod, 0.5), 1.0)
        small = number_font(7.5 * grow)
        if self.op:
            pill = pill_rect(rect)
            painter.setPen(QPen(c.node_border, 1.2))
            painter.drawLine(QPointF(pill.right(), pill.center().y()), QPointF(rect.left(), pill.center().y()))
            painter.setBrush(QBrush(c.surface))
            painter.drawRoundedRect(pill, 9, 9)
            painter.setFont(number_font(min(8.5 * grow, 12)))
            painter.setPen(c.text)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self.op)
        border = QPen(c.node_border, 1.8 if self.parameter else 1.2)
        if self.error is not None:
            border = QPen(self.error_colour(c), 2.6)
        if self.selected:
            border = QPen(c.positive, 2.8)
        if self.current:
            border = QPen(c.accent, 3.4)
        if self.collapsed:
            painter.setPen(QPen(c.node_border, 1.0))
            painter.setBrush(QBrush(self.fill(c)))
            painter.drawRoundedRect(rect.translated(4, 4), 8, 8)  # a stack: several tensors inside
        painter.setPen(border)
        painter.setBrush(QBrush(self.fill(c)))
        painter.drawRoundedRect(rect, 8, 8)

        title = QFont(number_font(min(8.5 * grow, 14)))
        title.setBold(self.parameter or self.collapsed)
        metrics = QFontMetricsF(title)
        head = QRectF(rect.left() + PAD, rect.top() + 2, rect.width() - 2 * PAD, HEADER)
        shape_font = number_font(min(7.5 * grow, 9.5))
        subtitle = self.subtitle
        shape_w = QFontMetricsF(shape_font).horizontalAdvance(subtitle) + 6
        if metrics.horizontalAdvance(self.title) + shape_w > head.width() and "," in subtitle:
            subtitle = subtitle.split(",")[0]  # "RNNCell, t = 3" → "RNNCell": the title says "#3"
            shape_w = QFontMetricsF(shape_font).horizontalAdvance(subtitle) + 6
        room = head.width() - metrics.horizontalAdvance(self.title) - 6
        if self.collapsed and shape_w > room > 24:  # a layer call keeps its whole name and its kind, smaller
            shape_font.setPointSizeF(shape_font.pointSizeF() * room / shape_w)
            shape_w = room
        if metrics.horizontalAdvance(self.title) + shape_w > head.width() and grow > 1.2:
            shape_w = 0.0  # zoomed out and short of room: the name first (the rest is in the tooltip)
        else:
            painter.setFont(shape_font)
            painter.setPen(c.muted)
            painter.drawText(head, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, subtitle)
        painter.setFont(title)
        painter.setPen(c.accent if self.parameter else c.text)
        name = short_name(self.title, metrics, head.width() - shape_w)
        painter.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)

        for k, (picture, mark) in enumerate(((self.data, ""), (self.grad, "∇"))):
            row = QRectF(rect.left() + PAD + GUTTER, rect.top() + HEADER + 4 + k * (ROW + 4),
                         rect.width() - 2 * PAD - GUTTER, ROW)
            painter.setFont(number_font(9))
            painter.setPen(c.muted)
            if mark:
                painter.drawText(QRectF(rect.left() + PAD - 2, row.top(), GUTTER, ROW), Qt.AlignmentFlag.AlignCenter,
                                 mark)
            if picture is None:
                painter.setFont(small)
                words = QFontMetricsF(small).elidedText(self.texts["no grad" if k else "no data"],
                                                        Qt.TextElideMode.ElideRight, row.width())
                painter.drawText(row, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, words)
            else:
                picture.draw(painter, row, number_font(7.5), c, lod >= 0.35)
        if self.badge is not None:
            self._paint_badge(painter, number_font(min(7.5 * grow, 11)), c)

    def _paint_badge(self, painter: QPainter, font: QFont, c: Colours) -> None:
        received, expected, state = self.badge  # type: ignore[misc]
        text = self.texts["badge"].format(received, expected)
        width = QFontMetricsF(font).horizontalAdvance(text) + 14
        height = QFontMetricsF(font).height() + 4
        pill = QRectF(self.rect.center().x() - width / 2, self.rect.bottom() + 5, width, height)
        fill = {"done": c.surface, "waiting": c.warning_bg, "early": mix(c.surface, c.error, 0.25)}[state]
        edge = {"done": c.accent, "waiting": c.negative, "early": c.error}[state]
        painter.setPen(QPen(edge, 1.3))
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(pill, 8, 8)
        painter.setFont(font)
        painter.setPen(c.text)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
