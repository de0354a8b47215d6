"""The centre of the window: pages decide what is big, every other view is one tab away, views are built on first
show, and the learner's own arrangement is remembered per chapter until View → Reset layout."""

import json

import pytest
from PySide6.QtWidgets import QLabel

from desktop.runner import Runner
from desktop.views import ViewSpec, registry
from desktop.workspace import Workspace, arrange
from learning.catalogue import get


def spec(key, rank=0, fits=True, size=(200, 150)):
    return ViewSpec(key, lambda: key.title(), lambda runner: QLabel(key), size, (lambda e: fits), rank)


SPECS = [spec("diagram", rank=10), spec("plot", rank=5), spec("landscape"), spec("table"), spec("digits", 20, False)]


def test_the_page_names_the_main_view_and_the_secondary_ones():
    a = arrange(SPECS, object(), "diagram", ["plot", "landscape"])
    assert a.areas == {"main": ["diagram", "table"], "left": ["plot"], "right": ["landscape"]}
    assert a.current == {"main": "diagram", "left": "plot", "right": "landscape"}


def test_without_a_main_view_the_best_ranked_view_that_applies_is_main():
    a = arrange(SPECS, object(), None, [])
    assert a.areas["main"][0] == "diagram"  # digits ranks higher but does not apply
    assert a.areas["left"] == a.areas["right"] == []
    assert sorted(a.areas["main"]) == ["diagram", "landscape", "plot", "table"]  # every other view is a tab


def test_views_that_do_not_apply_are_left_out_even_when_named():
    a = arrange(SPECS, object(), "digits", ["digits", "plot"])
    assert a.area_of("digits") is None and a.areas["main"][0] == "diagram" and a.areas["left"] == ["plot"]


def test_the_learners_moves_go_on_top_of_the_page():
    a = arrange(SPECS, object(), "diagram", ["plot"], {"table": "right", "plot": "main", "nonsense": "left"})
    assert a.areas == {"main": ["diagram", "landscape", "plot"], "left": [], "right": ["table"]}
    assert a.current["main"] == "diagram"


def test_views_are_built_on_first_show(qtbot):
    runner = Runner(get("ch04.gradient-descent")())
    workspace = Workspace(runner, SPECS)
    qtbot.addWidget(workspace)
    workspace.apply(arrange(SPECS, runner.experiment, "diagram", ["plot"]))
    assert workspace.built() == {}  # nothing shown yet
    built = []
    workspace.view_built.connect(lambda key, view: built.append(key))
    workspace.show()
    qtbot.waitExposed(workspace)
    assert sorted(workspace.built()) == ["diagram", "plot"] == sorted(built)  # the two in front of their areas
    workspace.bring_to_front("table")
    assert "table" in workspace.built() and workspace.built()["table"].isVisible()
    assert "landscape" not in workspace.built()


def test_a_tab_moved_by_its_menu_goes_to_the_other_area(qtbot):
    runner = Runner(get("ch04.gradient-descent")())
    workspace = Workspace(runner, SPECS)
    qtbot.addWidget(workspace)
    workspace.apply(arrange(SPECS, runner.experiment, "diagram", ["plot"]))
    moved = []
    workspace.rearranged.connect(lambda key, area: moved.append((key, area)))
    main = workspace.tabs["main"]
    index = main.keys().index("table")
    menu = main.move_menu(index)
    action = next(a for a in menu.actions() if a.objectName() == "move_to_right")
    action.trigger()
    assert moved == [("table", "right")]
    assert workspace.tabs["right"].keys() == ["table"] and "table" not in main.keys()
    assert workspace.tabs["right"].isVisibleTo(workspace)


def arrangement(window):
    return {area: tabs.keys() for area, tabs in window.workspace.tabs.items()}


def open_page(window, key):
    window.lesson.open_page(next(p for p in window.lesson.pages if p.key == key))


def test_the_window_remembers_the_learners_arrangement_per_chapter(main_window):
    open_page(main_window, "ch04/gradient-descent")
    page = arrangement(main_window)
    assert page["main"][0] == "diagram" and page["left"] == ["plot"]
    main_window.workspace.tabs["left"].move_requested.emit("plot", "main")  # the tab's context menu
    assert "plot" in main_window.workspace.tabs["main"].keys() and not main_window.workspace.tabs["left"].keys()
    open_page(main_window, "ch05/multi-input")  # another chapter: the page's own arrangement
    assert main_window.workspace.tabs["left"].keys() == ["plot"]
    open_page(main_window, "ch04/alpha")  # back in chapter 4: the learner's move is still there
    assert "plot" in main_window.workspace.tabs["main"].keys() and not main_window.workspace.tabs["left"].keys()
    saved = json.loads(main_window.settings.get("layout/chapters"))
    assert saved["ch04"]["moved"] == {"plot": "main"} and "ch05" not in saved
    main_window.actions["view.reset_layout"].trigger()
    assert main_window.workspace.tabs["left"].keys() == ["plot"]
    assert "ch04" not in json.loads(main_window.settings.get("layout/chapters"))


def test_a_damaged_layout_setting_is_ignored(main_window):
    main_window.settings.set("layout/chapters", "{not json")
    open_page(main_window, "ch04/alpha")
    assert main_window.workspace.tabs["left"].keys() == ["plot"]
    main_window.settings.set("layout/chapters", json.dumps({"ch04": {"moved": "x", "sizes": {"centre": [-5, "a"]}}}))
    open_page(main_window, "ch04/gradient-descent")
    assert main_window.workspace.tabs["left"].keys() == ["plot"]


def test_an_experiment_without_a_page_opens_on_its_best_view_above_the_plot(main_window, monkeypatch):
    monkeypatch.setattr(main_window.lesson, "page_for", lambda experiment_id: None)  # as if no page ran it
    main_window.open_experiment("ch06.backprop")
    assert arrangement(main_window)["main"][0] == "diagram" and arrangement(main_window)["left"] == ["plot"]
    assert main_window.workspace.shown() == ["diagram", "plot"]


@pytest.mark.parametrize("key", ["diagram", "plot"])
def test_view_menu_brings_a_view_to_front(main_window, key):
    main_window.view_actions[key].trigger()
    assert key in main_window.workspace.shown()


def test_every_registered_view_has_a_view_menu_entry(main_window):
    assert set(main_window.view_actions) == set(registry.keys())
    main_window.open_experiment("ch03.stacked")  # no landscape here
    assert not main_window.view_actions["landscape"].isEnabled() and main_window.view_actions["diagram"].isEnabled()
