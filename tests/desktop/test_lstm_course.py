"""Chapter 14's pages in the window: every task whose solution acts in one of the chapter's views is replayed there
like a learner (combo boxes, buttons, a click on a strip, the temperature slider), and ticks only once the view
actions are done."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from desktop.course import load_course
from desktop.paths import resource_dir
from desktop.views.lstm._text import FEATURES
from tests.desktop.course_replay import assert_met, open_and_run

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
PAGES = [page for chapter in load_course(resource_dir() / "lessons")[0] if chapter.number == 14
         for page in chapter.pages]
ACTED = [(page.key, task.id) for page in PAGES for task in page.tasks
         if task.solution and task.solution.get("view_actions")]
#: Which view does each action.
VIEW_OF = {"book_rule_shown": "sampling", "text_repeats": "sampling", "probe_shown": "gradient_map",
           "other_model_run": "gradient_map", "clipping_switched": "gradient_map", "unit_picked": "lstm_cell",
           **{f"unit_for_{f}": "reading" for f in FEATURES}}


def act(qtbot, view, action: str) -> None:
    """Do `action` in the view as a learner would."""
    if action == "book_rule_shown":
        view.rule.setCurrentIndex(2)
    elif action == "text_repeats":
        view.temperature.setValue(5)  # T = 0.05: the slider, then the text is written a character per turn
        qtbot.waitUntil(lambda: not view.chunks.busy, timeout=10000)
    elif action == "probe_shown":
        view.mode.setCurrentIndex(1)
    elif action == "other_model_run":
        qtbot.mouseClick(view.run_other, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not view.other.busy, timeout=30000)
    elif action == "clipping_switched":
        qtbot.mouseClick(view.clip, Qt.MouseButton.LeftButton)
    elif action == "unit_picked":
        view.refresh()
        qtbot.waitUntil(lambda: "h" in view.picture.strip_rects, timeout=5000)  # the strips are painted
        rect = view.picture.strip_rects["h"]
        QTest.mouseClick(view.picture, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(int(rect.left() + rect.width() * 0.8), int(rect.center().y())))
    elif action.startswith("unit_for_"):
        view.settle()  # the text read with the trained weights
        view.colouring.setCurrentIndex(1)
        view.feature.setCurrentIndex(FEATURES.index(action.removeprefix("unit_for_")))
        qtbot.mouseClick(view.find, Qt.MouseButton.LeftButton)
    else:
        raise AssertionError(f"no way to do {action!r} in the test")


@pytest.mark.parametrize(("page_key", "task_id"), ACTED)
def test_view_actions_of_a_solution_tick_the_task_in_the_window(qtbot, main_window, monkeypatch, page_key, task_id):
    monkeypatch.setenv("GROKKING_DATA", os.environ.get("GROKKING_DATA") or str(SHARED))
    w = main_window
    page, task = open_and_run(w, page_key, task_id)
    assert w.workspace.shown()[0] == page.main  # the page's main view is in front
    for action, times in task.solution["view_actions"].items():
        view = w.workspace.view(VIEW_OF[action])
        assert view.isVisible(), action  # the page shows the view that does it
        for _ in range(times):
            act(qtbot, view, action)
    assert_met(w, page, task)
