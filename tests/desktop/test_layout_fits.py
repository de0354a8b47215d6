"""The window fits a laptop: every page of every chapter, at 1366 x 768, in English and Russian, opens with every
widget inside the window, each shown view at least as big as the minimum it declares (and laid out within it), and
the window never grows by itself — not on opening a page, not during a run."""

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from desktop.course import load_course
from desktop.paths import resource_dir
from desktop.views import registry

SCREEN = (1366, 768)
PAGES = [page.key for chapter in load_course(resource_dir() / "lessons")[0] for page in chapter.pages]


def inside_scroll_area(widget: QWidget) -> bool:
    """True for widgets inside a scroll area's viewport (they may extend past it: that is what scrolling is for)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return True
        parent = parent.parentWidget()
    return False


def outside(window: QWidget) -> list[str]:
    """Visible widgets that are not wholly inside the window."""
    frame = window.rect().adjusted(-1, -1, 1, 1)
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or inside_scroll_area(widget):
            continue
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not rect.isEmpty() and not frame.contains(rect):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} at {rect.getRect()}")
    return found


def too_small(window) -> list[str]:
    """Views in front of their area that got less than their declared readable minimum, or that would need more."""
    found = []
    for key in window.workspace.shown():
        spec = registry.get(key)
        slot = window.workspace.slots[key]
        width, height = spec.minimum
        if slot.width() < width or slot.height() < height:
            found.append(f"{key} got {slot.width()}x{slot.height()}, declares {width}x{height}")
        hint = slot.build().minimumSizeHint()
        if hint.width() > width or hint.height() > height:
            found.append(f"{key} needs {hint.width()}x{hint.height()}, declares {width}x{height}")
    return found


@pytest.fixture(scope="module")
def window(laptop_window):
    return laptop_window


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_page_fits_a_laptop_screen(qtbot, window, language):
    window.set_language(language)
    problems = []
    for key in PAGES:
        page = next(p for p in window.lesson.pages if p.key == key)
        window.lesson.open_page(page)
        for _ in range(3):
            if page.experiment is not None:
                window.runner.step()
        qtbot.wait(10)
        if (window.width(), window.height()) != SCREEN:
            problems.append(f"{key}: the window is now {window.width()}x{window.height()}")
            window.resize(*SCREEN)
            qtbot.wait(10)
        problems += [f"{key}: {p}" for p in outside(window) + too_small(window)]
    window.set_language("en")
    assert not problems, "\n".join(problems[:40])


def test_the_window_can_be_smaller_than_the_smallest_laptop(window):
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720, (hint.width(), hint.height())
