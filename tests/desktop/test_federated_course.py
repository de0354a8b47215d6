"""Chapter 15's pages in the window: every task whose solution acts in a chapter-15 view is replayed there like a
learner (the board's round buttons, a search in the leak inspector, the Paillier lab's button, the Q24 switch) and
ticks only once the view actions are done; the pages open on their main views, in English and Russian."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.course import load_course
from desktop.paths import resource_dir
from desktop.views import registry
from desktop.views.federated.leaks import AVERAGE
from tests.desktop.course_replay import assert_met, open_and_run
from tests.desktop.test_paillier_lab import key_2048

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
PAGES = [page for chapter in load_course(resource_dir() / "lessons")[0] for page in chapter.pages
         if page.chapter == 15]
FAMILY = {spec.key for spec in registry.specs() if spec.family == "federated"}
OWNERS = {action: spec.key for spec in registry.specs() if spec.key in FAMILY for action in spec.actions}
ACTED = [(page.key, task.id) for page in PAGES for task in page.tasks
         if task.solution and task.solution.get("view_actions")]


def act(qtbot, window, action: str) -> None:
    """Do `action` in the view that offers it, as a learner would."""
    key = OWNERS[action]
    window.workspace.bring_to_front(key)
    view = window.workspace.view(key)
    repaint = getattr(view, "_repaint", None)
    if repaint is not None:  # what the learner looks at has caught up with the run
        qtbot.waitUntil(lambda: not repaint.timer.isActive() and not repaint.stale, timeout=5000)
    if action in ("next_round", "previous_round"):
        button = view.stepper.forward if action == "next_round" else view.stepper.back
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not view.stepper.going, timeout=60000)
    elif action == "word_found":
        exp = window.runner.experiment
        named = set(view.words.words)  # the e-mail's words the update names (marked in the e-mail)
        word = "pizza" if exp.id == "ch15.federated-hack" else next(
            w for w in exp.spam.words(exp.spam.train_input[view.rows[view.email]]) if w in named and w.isalpha())
        view.search_field.clear()
        QTest.keyClicks(view.search_field, word)
        QTest.keyClick(view.search_field, Qt.Key.Key_Return)
    elif action == "average_inspected":
        index = view.whose.findData(AVERAGE)
        view.whose.setCurrentIndex(index)
        view.whose.activated.emit(index)
    elif action in ("lab_run", "sizes_compared"):
        sizes = (128,) if action == "lab_run" else (128, 2048)
        view.keys.setdefault(2048, key_2048())  # a key of the session (making one takes seconds)
        for bits in sizes:
            view.set_bits(bits)
            qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not view.driver.running, timeout=60000)
    elif action == "q24_switched":
        qtbot.mouseClick(view.q24, Qt.MouseButton.LeftButton)
    else:
        raise AssertionError(f"no way to do {action!r} in the test")


@pytest.fixture
def window(qtbot, main_window, monkeypatch):
    monkeypatch.setenv("GROKKING_DATA", os.environ.get("GROKKING_DATA") or str(SHARED))
    return main_window


@pytest.mark.parametrize(("page_key", "task_id"), ACTED)
def test_view_actions_of_a_solution_tick_the_task_in_the_window(qtbot, window, page_key, task_id):
    w = window
    page, task = open_and_run(w, page_key, task_id)
    assert w.workspace.shown()[0] == page.main
    for action, times in task.solution["view_actions"].items():
        for _ in range(times):
            act(qtbot, w, action)
    assert_met(w, page, task)


def test_the_secure_page_starts_with_the_books_decryption_and_the_switch_shows_it(qtbot, window):
    w = window
    page = next(p for p in w.lesson.pages if p.key == "ch15/secure")
    w.lesson.open_page(page)
    view = w.workspace.view("encrypted")
    assert w.runner.experiment.book_faithful and view.q24.isChecked()
    assert w.runner.experiment.values["emails"] == 100 and w.runner.experiment.encrypt == "changed"
    assert "Sue's model" in view.describe()
    w.set_language("ru")
    qtbot.waitUntil(lambda: view.q24.text() == "Расшифровка из книги (Q24)")
    assert w.workspace.tabs["main"].tabText(w.workspace.tabs["main"].currentIndex()) == "Зашифрованное агрегирование"
    assert "Сью" in view.describe()
    w.set_language("en")
    qtbot.waitUntil(lambda: view.q24.text() == "The book's decryption (Q24)")
