"""One model's map: time step (rows, t = 0 at the top) × training batch (columns, latest at the right), each cell
shaded by a gradient's size through desktop/colour.py, with its title, axes and a legend of what the shades mean."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.colour import signed_rgba, to_qimage
from desktop.theme import colours, number_font

#: Each column is at least this many pixels wide (older batches leave the map when it is full).
COLUMN_PX = 3


class HeatMap(QWidget):
    """A map of shades 0…1 (rows × columns; NaN grey) with a title, t and batch labels and a legend line."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = ""
        self.legend = ""
        self.empty = ""
        self.shades = np.zeros((0, 0))
        self.iterations = np.zeros(0, dtype=np.int64)
        self.setMinimumSize(170, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 220)

    def capacity(self) -> int:
        """How many columns fit at the current width."""
        return max(1, (self.width() - self._left()) // COLUMN_PX)

    def _left(self) -> int:
        return 6 + self.fontMetrics().horizontalAdvance("t 24")

    def set_map(self, title: str, shades: np.ndarray, iterations: np.ndarray, legend: str, empty: str) -> None:
        """Show `shades` (steps × columns) for the batches `iterations` (0-based), or `empty` when there are none."""
        self.title, self.shades, self.iterations, self.legend, self.empty = (
            title, np.asarray(shades, dtype=float), np.asarray(iterations), legend, empty)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        font = number_font(8)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        metrics = painter.fontMetrics()
        line = metrics.height()
        width = self.width() - 8
        painter.setPen(c.text)
        painter.drawText(QRectF(4, 1, width, line), Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, width))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        left = self._left()
        top, bottom = line + 4, self.height() - 2 * line - 4
        area = QRectF(left, top, self.width() - left - 4, max(1, bottom - top))
        painter.setPen(QPen(c.grid, 1))
        painter.drawRect(area)
        rows, columns = self.shades.shape if self.shades.ndim == 2 else (0, 0)
        if rows and columns:
            painter.drawImage(area, to_qimage(signed_rgba(self.shades, 1.0)))  # columns stretch to fill the map
            painter.setPen(c.muted)
            painter.drawText(QRectF(0, area.top(), left - 3, line), Qt.AlignmentFlag.AlignRight, "t 0")
            painter.drawText(QRectF(0, area.bottom() - line, left - 3, line), Qt.AlignmentFlag.AlignRight,
                             f"t {rows - 1}")
            painter.drawText(QRectF(area.left(), bottom + 1, area.width(), line), Qt.AlignmentFlag.AlignLeft,
                             str(int(self.iterations[0]) + 1))
            painter.drawText(QRectF(area.left(), bottom + 1, area.width(), line), Qt.AlignmentFlag.AlignRight,
                             str(int(self.iterations[-1]) + 1))
        else:
            painter.setPen(c.muted)
            painter.drawText(area.adjusted(6, 4, -6, -4), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.empty)
        painter.setPen(c.muted)
        painter.drawText(QRectF(4, self.height() - line - 1, width, line), Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(self.legend, Qt.TextElideMode.ElideRight, width))
        painter.end()
