"""Chapters 11 and 12 in the window: every task whose solution acts in a view is replayed there like a learner
(clicks, typing, Enter) on the page's own data (GROKKING_DATA), and ticks only once the actions are done."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.course import load_course
from desktop.paths import resource_dir
from tests.desktop.course_replay import assert_met, open_and_run
from tests.desktop.language_views import click

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
PAGES = [page for chapter in load_course(resource_dir() / "lessons")[0] for page in chapter.pages
         if page.chapter in (11, 12)]
ACTED = [(page.key, task.id) for page in PAGES for task in page.tasks
         if task.solution and task.solution.get("view_actions")]
#: The view each action is done in.
VIEW_OF = {"row_inspected": "rows", "neighbour_pinned": "nearest", "metric_switched": "nearest",
           "map_pinned": "word_map", "analogy_worked": "analogy", "query_excluded": "analogy",
           "reviews_searched": "review_search", "bptt_step": "unrolled", "sentence_analysed": "unrolled",
           "printout_shown": "perplexity"}
SEARCHES = ["boring awful", "beautiful masterpiece"]


def type_and_enter(qtbot, entry, text):
    entry.clear()
    qtbot.keyClicks(entry, text)
    qtbot.keyClick(entry, Qt.Key.Key_Return)


def wait_drawn(qtbot, view):
    qtbot.waitUntil(lambda: not view._repaint.timer.isActive(), timeout=10000)


def act(qtbot, view, action, done):
    """Do `action` in the view as a learner would (`done`: how often it was done already)."""
    if action == "row_inspected":
        _, _, stacked, _ = view.canvas.columns()
        click(view.canvas, (stacked.center().x(), stacked.top() + 2))
    elif action == "neighbour_pinned":
        from desktop.views.language.nearest import COLUMN_W, HEAD_H, ROW_H

        click(view.grid, (COLUMN_W / 2, HEAD_H + 2.5 * ROW_H))
    elif action == "metric_switched":
        qtbot.mouseClick(view.buttons["cosine"], Qt.MouseButton.LeftButton)
    elif action == "map_pinned":
        canvas = view.canvas
        free = next(i for i, w in enumerate(canvas.words) if w not in view.pins.words)
        click(canvas, canvas.to_pixels(canvas.coords[free:free + 1])[0])
    elif action == "analogy_worked":
        view.expected.setText("she")
        type_and_enter(qtbot, view.entry, "he - his + her")  # frequent words learn first
    elif action == "query_excluded":
        qtbot.mouseClick(view.exclude, Qt.MouseButton.LeftButton, pos=QPoint(8, view.exclude.height() // 2))
    elif action == "reviews_searched":
        type_and_enter(qtbot, view.entry, SEARCHES[done % len(SEARCHES)])
    elif action == "bptt_step":
        qtbot.mouseClick(view.buttons["bptt"], Qt.MouseButton.LeftButton)
    elif action == "sentence_analysed":
        type_and_enter(qtbot, view.entry, "mary moved to the")
    elif action == "printout_shown":
        qtbot.mouseClick(view.printout_button, Qt.MouseButton.LeftButton)
    else:
        raise AssertionError(f"no way to do {action!r} in the test")


@pytest.mark.parametrize(("page_key", "task_id"), ACTED)
def test_view_actions_of_a_solution_tick_the_task_in_the_window(qtbot, main_window, monkeypatch, page_key, task_id):
    monkeypatch.setenv("GROKKING_DATA", os.environ.get("GROKKING_DATA") or str(SHARED))
    w = main_window
    page, task = open_and_run(w, page_key, task_id)
    assert w.workspace.shown()[0] == page.main
    for action, times in task.solution["view_actions"].items():
        key = VIEW_OF[action]
        assert key == page.main or key in page.panels, f"{action} is done in {key}, which the page does not show"
        w.workspace.bring_to_front(key)
        view = w.workspace.view(key)
        qtbot.waitUntil(view.isVisible, timeout=5000)
        wait_drawn(qtbot, view)
        for done in range(times):
            act(qtbot, view, action, done)
            wait_drawn(qtbot, view)
    assert_met(w, page, task)
