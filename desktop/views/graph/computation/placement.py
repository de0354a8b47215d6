"""Where the graph's items go, in scene pixels: each box of the layout (learning/framework/layout.py, in grid
units) on a grid of columns and rows, the operation that made a tensor in a pill left of its box, edges from a
creator's right side into that pill (one entry point per input of the operation), the legend below the graph."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from learning.framework.layout import Box

NODE_W, NODE_H = 150.0, 100.0
PILL_W, PILL_H = 36.0, 20.0
#: Between columns: the pill, and room for edges to bend.
GAP = 66.0
PITCH_X = NODE_W + GAP
#: Between rows: the badge under a box ("received 2 of 3") needs about 24 pixels.
PITCH_Y = NODE_H + 36.0

#: The pill's text for each operation (the book's creation_op names; "sum_0" is "Σ0").
SYMBOLS = {"add": "+", "sub": "−", "neg": "−x", "mul": "×", "mm": "mm", "sum": "Σ", "expand": "⇉",
           "transpose": "ᵀ", "sigmoid": "σ", "tanh": "tanh", "index_select": "rows", "cross_entropy": "CE"}


def op_symbol(creation_op: str | None) -> str:
    """A short symbol of an operation for its pill: "add" → "+", "sum_1" → "Σ1", "expand_0" → "⇉0"."""
    if not creation_op:
        return ""
    head, _, tail = creation_op.rpartition("_")
    if head in ("sum", "expand") and tail.isdigit():
        return SYMBOLS[head] + tail
    return SYMBOLS.get(creation_op, creation_op)


def box_rect(box: Box) -> QRectF:
    """The box's rectangle: the column's x, the layout's height (the root at 0)."""
    return QRectF(box.x * PITCH_X, box.y * PITCH_Y - NODE_H / 2, NODE_W, NODE_H)


def pill_rect(rect: QRectF) -> QRectF:
    """The operation's pill, left of a box, at its middle."""
    return QRectF(rect.left() - PILL_W - 8, rect.center().y() - PILL_H / 2, PILL_W, PILL_H)


def exit_point(rect: QRectF) -> QPointF:
    """Where edges leave a box: its right side, in the middle."""
    return QPointF(rect.right(), rect.center().y())


def entry_point(rect: QRectF, has_pill: bool, slot: int, slots: int) -> QPointF:
    """Where the edge of input `slot` (of `slots`) enters: the pill's left side, inputs spread top to bottom."""
    target = pill_rect(rect) if has_pill else rect
    spread = 0.0 if slots <= 1 else (slot / (slots - 1) - 0.5) * (target.height() - 8)
    return QPointF(target.left(), target.center().y() + spread)


def edge_path(start: QPointF, end: QPointF) -> QPainterPath:
    """A smooth curve from a creator to the operation that uses it (horizontal at both ends)."""
    path = QPainterPath(start)
    bend = max(30.0, (end.x() - start.x()) * 0.45)
    if end.x() <= start.x():  # a backward edge (a cycle through a collapsed call): loop around below
        bend = 60.0
    path.cubicTo(QPointF(start.x() + bend, start.y()), QPointF(end.x() - bend, end.y()), end)
    return path


def legend_origin(graph: QRectF) -> QPointF:
    """The legend's top-left corner: below the graph, at its left."""
    return QPointF(graph.left(), graph.bottom() + 18)
