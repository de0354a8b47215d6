"""The learner's keys work wherever the focus is in the window, except where a widget needs the key itself."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

#: Widgets that keep a key for themselves when they have the focus (typing, sliding, moving in a tree).
TEXT_FIELDS = (QLineEdit, QAbstractSpinBox, QPlainTextEdit)
KEEPS_KEYS = {
    "course.prev": (*TEXT_FIELDS, QAbstractSlider),
    "course.next": (*TEXT_FIELDS, QAbstractSlider),
    "run.play": TEXT_FIELDS,
    "run.step": (*TEXT_FIELDS, QAbstractSlider, QAbstractItemView),
    "run.phase": (*TEXT_FIELDS, QAbstractSlider, QAbstractItemView),
}


class WindowKeys(QObject):
    """The learner's keys (Space, →, Shift+→, Page Up/Down) work wherever the focus is in the window, except
    where a widget needs that key itself (KEEPS_KEYS: a text field types Space, a slider slides, a tree moves).

    Lists, trees, buttons and text views claim some of these keys (ShortcutOverride); this filter takes them
    back: the actions' shortcuts then fire, and a key press that still arrives triggers them."""

    def __init__(self, actions: dict[str, QAction], window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.actions = {actions[name].shortcut()[0]: (name, actions[name]) for name in KEEPS_KEYS}
        self._kept = False

    def _key(self, watched: QObject, event: QEvent) -> tuple[str, QAction | None]:
        """("", None): not ours; ("widget", None): the focused widget keeps it; ("window", action): ours."""
        if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget) or watched.window() is not self.window:
            return "", None
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier  # arrows may come as keypad keys
        found = self.actions.get(QKeyCombination(modifiers, Qt.Key(event.key())))
        if found is None:
            return "", None
        name, action = found
        keeps = KEEPS_KEYS[name]
        if isinstance(watched, keeps) or isinstance(QApplication.focusWidget(), keeps):
            return "widget", None
        return "window", action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            key, _ = self._key(watched, event)
            self._kept = key == "widget"  # this keystroke belongs to the focused widget, also as it propagates
            if key == "widget":
                event.accept()  # the field, slider or tree gets the key press; the shortcut does not fire
                return True
            if key == "window":
                event.ignore()  # nobody may claim it: the action's shortcut fires
                return True
        elif kind == QEvent.Type.KeyPress and not self._kept:
            key, action = self._key(watched, event)
            if action is not None:
                if action.isEnabled():
                    action.trigger()
                return True
        return False
