"""The small editor that opens on a clicked weight."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import (
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.format import exact
from desktop.theme import colours, number_font


# -- the weight editor ------------------------------------------------------------------------------
class WeightEditor(QFrame):
    """A small inline editor over the diagram: type a weight, Enter applies it, Esc closes."""

    def __init__(self, parent: QWidget, apply: Callable[[str], str | None]) -> None:
        super().__init__(parent)
        self.setObjectName("weight_editor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._apply = apply
        self.title = QLabel()
        self.title.setObjectName("weight_editor_title")
        self.field = QLineEdit()
        self.field.setObjectName("weight_editor_field")
        self.field.setFont(number_font())
        self.field.setMinimumWidth(190)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.message = QLabel()
        self.message.setObjectName("weight_editor_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {colours().muted.name()}")
        self.retranslate()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        self.setMaximumWidth(300)
        self.hide()


    def retranslate(self) -> None:
        """The hint in the current language."""
        self.hint.setText(self.tr("Enter applies it, Esc cancels; the run continues from the new weight"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:  # the field passes Escape on to us
            self.hide()
            event.accept()
            return
        super().keyPressEvent(event)

    def open(self, title: str, value: float, where: QPointF) -> None:
        """Show at `where` (parent coordinates) with the current value selected."""
        self.title.setText(title)
        self.field.setText(exact(value))
        self.field.setProperty("invalid", False)
        self.message.hide()
        self.adjustSize()
        parent = self.parentWidget()
        x = min(max(0, int(where.x()) + 12), max(0, parent.width() - self.width()))
        y = min(max(0, int(where.y()) + 12), max(0, parent.height() - self.height()))
        self.move(x, y)
        self.show()
        self.raise_()
        self.field.setFocus()
        self.field.selectAll()

    def _on_field_return_pressed(self) -> None:
        problem = self._apply(self.field.text())
        if problem is None:
            self.hide()
            return
        self.field.setProperty("invalid", True)
        self.message.setText(problem)
        self.message.show()
        self.adjustSize()
