"""One card class for every participant of the board (small multiples): a title with the participant's state, a few
lines, a little chart (a client's loss per batch, the owner's test accuracy per round) and the update strip on the
colour scale all cards share. Cards never know each other; the canvas places them."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPen

from desktop.colour import signed_image
from desktop.theme import colours
from desktop.views.federated._common import OWNER
from desktop.views.federated.board.model import Card

STRIP_HEIGHT = 8
PAD = 5


def paint_card(painter: QPainter, rect: QRectF, card: Card, title: str, state: str, lines: list[str],
               scale: float, active: bool) -> dict[str, QRectF]:
    """Draw one card into `rect`; returns where its chart and strip went (for tooltips)."""
    c = colours()
    painter.save()
    painter.setPen(QPen(c.accent if active else c.node_border, 2 if active else 1))
    painter.setBrush(c.surface)
    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
    inner = rect.adjusted(PAD, PAD - 1, -PAD, -PAD)
    metrics = painter.fontMetrics()
    line_h = metrics.height()
    bold = QFont(painter.font())
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(c.text)
    name_w = min(painter.fontMetrics().horizontalAdvance(title) + 6, inner.width())
    painter.drawText(QRectF(inner.left(), inner.top(), name_w, line_h), Qt.AlignmentFlag.AlignLeft,
                     painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, int(name_w)))
    normal = QFont(bold)
    normal.setBold(False)
    painter.setFont(normal)
    painter.setPen(c.accent if active else c.muted)
    right = QRectF(inner.left() + name_w, inner.top(), inner.width() - name_w, line_h)
    painter.drawText(right, Qt.AlignmentFlag.AlignRight,
                     metrics.elidedText(state, Qt.TextElideMode.ElideRight, max(0, int(right.width()))))
    y = inner.top() + line_h
    painter.setPen(c.text)
    bottom = inner.bottom() - STRIP_HEIGHT - 2
    for text in lines:
        if y + line_h > bottom - 8:  # keep room for a chart of at least a few pixels
            break
        painter.drawText(QRectF(inner.left(), y, inner.width(), line_h), Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width())))
        y += line_h
    chart = QRectF(inner.left(), y + 2, inner.width(), max(0.0, bottom - y - 3))
    if chart.height() >= 6:
        if card.key == OWNER:
            _bars(painter, chart, card.series)
        else:
            _line(painter, chart, card.series, card.round_starts)
    strip = QRectF(inner.left(), inner.bottom() - STRIP_HEIGHT, inner.width(), STRIP_HEIGHT)
    if card.strip is not None:
        painter.drawImage(strip, signed_image(card.strip.reshape(1, -1), scale if scale > 0 else 1.0))
    else:
        painter.fillRect(strip, c.grid)
    painter.setPen(QPen(c.grid, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(strip)
    painter.restore()
    return {"chart": chart, "strip": strip}


def _line(painter: QPainter, rect: QRectF, values: list[float], starts: list[int]) -> None:
    """A sparkline of a client's loss per e-mail, batch after batch; a faint line where each round starts."""
    c = colours()
    painter.setPen(QPen(c.grid, 1))
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())
    if not values:
        return
    top = max(max(values), 1e-12)
    step = rect.width() / max(len(values) - 1, 1)
    for start in starts[1:]:
        x = rect.left() + step * (start - 0.5)
        painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
    path = QPainterPath()
    for k, v in enumerate(values):
        point = QPointF(rect.left() + step * k if len(values) > 1 else rect.center().x(),
                        rect.bottom() - rect.height() * min(max(v / top, 0.0), 1.0))
        if k == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    painter.setPen(QPen(c.negative, 1.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setBrush(c.negative)
    painter.drawEllipse(path.currentPosition(), 2, 2)


def _bars(painter: QPainter, rect: QRectF, accuracies: list[float]) -> None:
    """The owner's test accuracy after each round as bars from 0 to 100 %, each with its value."""
    c = colours()
    painter.setPen(QPen(c.grid, 1))
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())
    if not accuracies:
        return
    metrics = painter.fontMetrics()
    slots = max(len(accuracies), 3)
    width = rect.width() / slots
    for k, value in enumerate(accuracies):
        height = rect.height() * min(max(value, 0.0), 1.0)
        bar = QRectF(rect.left() + width * k + 2, rect.bottom() - height, max(width - 4, 1.0), height)
        painter.fillRect(bar, c.accent)
        label = f"{100 * value:.1f}"
        if metrics.horizontalAdvance(label) < bar.width() and bar.height() > metrics.height():
            painter.setPen(c.surface)
            painter.drawText(bar, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
