"""Chapter 13's pages in the window: every task whose solution acts in the computation-graph view is replayed there
like a learner (buttons, clicks, double-clicks), and ticks only once the view actions are done."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.course import load_course
from desktop.paths import resource_dir
from desktop.views.graph.computation import ACTIONS, WRONG, GraphPanel
from tests.desktop.course_replay import assert_met, open_and_run

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
PAGES = [page for chapter in load_course(resource_dir() / "lessons")[0] for page in chapter.pages]
ACTED = [(page.key, task.id) for page in PAGES for task in page.tasks  # actions done in the graph view
         if task.solution and task.solution.get("view_actions") and set(task.solution["view_actions"]) <= set(ACTIONS)]


def click_box(qtbot, panel, key, double=False):
    box = panel.items[key]
    where = panel.view.mapFromScene(box.rect.center())
    action = QTest.mouseDClick if double else QTest.mouseClick
    action(panel.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)


def until_checked(qtbot, panel, press):
    with qtbot.waitSignal(panel.acted, check_params_cb=lambda name: name == "gradient_check", timeout=10000):
        press()


def act(qtbot, panel: GraphPanel, action: str) -> None:
    """Do `action` in the view as a learner would."""
    button = panel.buttons
    if action == "backward_step":
        qtbot.mouseClick(button["step"], Qt.MouseButton.LeftButton)
    elif action == "gradient_check":
        until_checked(qtbot, panel, lambda: qtbot.mouseClick(button["check"], Qt.MouseButton.LeftButton))
    elif action == "break_it":
        until_checked(qtbot, panel, lambda: qtbot.mouseClick(button["break"], Qt.MouseButton.LeftButton))
    elif action == "wrong_gradient_found":
        wrong = [key for key, item in panel.items.items() if item.error is not None and item.error > WRONG]
        assert wrong, "no box has a wrong gradient to click"
        click_box(qtbot, panel, wrong[0])
    elif action == "code_shown":
        click_box(qtbot, panel, panel.box_keys()[-1])
    elif action == "collapsed":
        key = next(k for k in panel.box_keys() if k[0] == "node" and panel.model.node(k[1]).groups)
        click_box(qtbot, panel, key, double=True)
    elif action == "expanded":
        key = next(k for k in panel.box_keys() if k[0] == "group")
        click_box(qtbot, panel, key, double=True)
    else:
        raise AssertionError(f"no way to do {action!r} in the test")


@pytest.mark.parametrize(("page_key", "task_id"), ACTED)
def test_view_actions_of_a_solution_tick_the_task_in_the_window(qtbot, main_window, monkeypatch, page_key, task_id):
    monkeypatch.setenv("GROKKING_DATA", os.environ.get("GROKKING_DATA") or str(SHARED))
    w = main_window
    page, task = open_and_run(w, page_key, task_id)
    assert w.workspace.shown()[0] == "graph"  # the page's main view
    panel = w.workspace.view("graph")
    qtbot.waitUntil(lambda: not panel._repaint.timer.isActive() and not panel._animation.isActive(), timeout=5000)
    for action, times in task.solution["view_actions"].items():
        for _ in range(times):
            act(qtbot, panel, action)
    assert_met(w, page, task)
