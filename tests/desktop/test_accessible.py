"""Screen readers everywhere: on every page of the course, every visible control of the main window has a name a
screen reader can say, and every view in front offers a text alternative of what it shows (its describe())."""

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from desktop.course import load_course
from desktop.paths import resource_dir

#: What a learner operates or reads as a unit: each needs a name of its own.
CONTROLS = (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView, QTextEdit,
            QPlainTextEdit, QGraphicsView, QProgressBar, QTabBar)
PAGES = [page.key for chapter in load_course(resource_dir() / "lessons")[0] for page in chapter.pages]


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says for a widget (its own, or what Qt derives: a button's text, a field's label)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed(window: QWidget) -> list[str]:
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, CONTROLS) or isinstance(widget, QScrollBar):
            continue  # a scroll bar belongs to its scrolled area, which has the name
        if not spoken_name(widget):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {widget.parentWidget().objectName()!r}")
    return found


@pytest.fixture(scope="module")
def window(laptop_window):
    return laptop_window


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_visible_control_has_a_name_on_every_page(qtbot, window, language):
    window.set_language(language)
    problems = []
    for key in PAGES:
        page = next(p for p in window.lesson.pages if p.key == key)
        window.lesson.open_page(page)
        window.runner.step()
        qtbot.wait(10)
        problems += [f"{key}: {what}" for what in unnamed(window)]
    window.set_language("en")
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_views_in_front_offer_their_text_alternative(qtbot, window):
    window.set_language("en")
    for key in PAGES:
        page = next(p for p in window.lesson.pages if p.key == key)
        window.lesson.open_page(page)
        for _ in range(2):
            window.runner.step()
        for name in window.workspace.shown():
            view = window.workspace.view(name)
            assert callable(getattr(view, "describe", None)), name
            assert view.describe().strip(), (key, name)
            # the description follows what the view shows, once it has redrawn
            qtbot.waitUntil(lambda v=view: v.accessibleDescription() == v.describe(), timeout=3000)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_course_tree_shows_more_than_six_whole_rows_and_every_title_on_hover(qtbot, window, language):
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    window.set_language(language)
    window.lesson.open_key("ch06/backprop")  # its chapter open: more rows than fit
    qtbot.wait(20)
    tree = window.lesson.tree
    viewport = tree.viewport().rect()
    whole = []
    it = QTreeWidgetItemIterator(tree)
    while it.value():
        item = it.value()
        rect = tree.visualItemRect(item)
        if not rect.isEmpty() and viewport.contains(rect.adjusted(0, 0, -1, -1)):
            whole.append(item)
        # the whole title is there on hover, where the row has to cut it
        assert item.toolTip(0) == item.text(0) and item.text(0).strip()
        it += 1
    window.set_language("en")
    assert len(whole) > 6, [i.text(0) for i in whole]
