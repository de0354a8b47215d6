"""Small widgets the views share (views never import each other; what they share lives here or in desktop/colour.py),
and `mark_hint` for the on-screen hints that exports leave out.

`FlowLayout` lays a row of controls out left to right and wraps to a new line when the row is narrow, so that a
view's controls never make it wider than its declared minimum. `ElidedLabel` shows a live text on one line and cuts
it with "…" (the whole text in its tooltip) instead of widening its view.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QGraphicsItem,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

# An on-screen hint ("click a line to edit its weight", "press Step") that exports leave out: a widget property, or
# the data under HINT_KEY of a graphics item.
HINT = "export_hint"
HINT_KEY = 0x6874


def mark_hint(thing: QWidget | QGraphicsItem) -> None:
    """Mark a widget or a graphics item as an on-screen hint: File → Export view and the GIF leave it out."""
    if isinstance(thing, QWidget):
        thing.setProperty(HINT, True)
    else:
        thing.setData(HINT_KEY, True)


def spoken(widget: QWidget, name: str) -> None:
    """Give a control the name a screen reader says: a spin box's text field too, and a text field's clear button
    (controls of their own)."""
    widget.setAccessibleName(name)
    if isinstance(widget, QAbstractSpinBox):
        widget.lineEdit().setAccessibleName(name)
    if isinstance(widget, QLineEdit):
        for button in widget.findChildren(QToolButton):
            button.setAccessibleName(QCoreApplication.translate("Widgets", "Clear: {0}").format(name))


class FlowLayout(QLayout):
    """Items left to right, wrapping to the next line where they do not fit; as narrow as its widest item.

    With `expand_first`, the first item (a live readout) takes whatever width its line leaves over, and moves to a
    line of its own when the others do not fit beside it at its minimum width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, expand_first: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._expand_first = expand_first
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def _width(self, item: QLayoutItem, index: int) -> int:
        if self._expand_first and index == 0:
            return max(item.minimumSize().width(), 1)
        return item.sizeHint().width()

    def sizeHint(self) -> QSize:  # noqa: N802
        shown = [(i, item) for i, item in enumerate(self._items) if not item.isEmpty()]
        width = sum(self._width(item, i) for i, item in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for _, item in shown), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[tuple[int, QLayoutItem, int]]] = [[]]
        x = 0
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            width = min(self._width(item, index), area.width())
            if lines[-1] and x + width > area.width():
                lines.append([])
                x = 0
            lines[-1].append((index, item, width))
            x += width + self._spacing
        y = area.y()
        for line in lines:
            height = max((item.sizeHint().height() for _, item, _ in line), default=0)
            used = sum(w for _, _, w in line) + self._spacing * max(0, len(line) - 1)
            x = area.x()
            for index, item, width in line:
                if self._expand_first and index == 0:
                    width += max(0, area.width() - used)
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - item.sizeHint().height()) // 2),
                                           QSize(width, item.sizeHint().height())))
                x += width + self._spacing
            y += height + (self._spacing // 2 if line is not lines[-1] else 0)
        return y - rect.y() + m.bottom()


class ElidedLabel(QWidget):
    """One line of live text that never widens its parent: cut with "…" where it does not fit, whole in the
    tooltip and the accessible name."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def text(self) -> str:
        """The whole text."""
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802
        """Show a new text."""
        if text != self._text:
            self._text = text
            self.setToolTip(text)
            self.setAccessibleName(text)
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance(self._text) + 4, metrics.height() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(20, QFontMetrics(self.font()).height() + 2)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        metrics = QFontMetrics(self.font())
        shown = metrics.elidedText(self._text, Qt.TextElideMode.ElideRight, self.width() - 2)
        painter.drawText(self.rect().adjusted(1, 0, -1, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         shown)
        painter.end()
