"""Streetlights: the table follows the run (current pattern, predictions, errors); the correlation view explains."""

import math

import numpy as np
import pytest

from desktop.format import num
from desktop.runner import SPEEDS, Runner
from desktop.views.network.streetlights import StreetlightsPanel, applies
from learning.catalogue import get


@pytest.fixture
def panel_for(qtbot):
    def make(experiment):
        runner = Runner(experiment)
        panel = StreetlightsPanel(runner)
        qtbot.addWidget(panel)
        panel.resize(900, 420)
        panel.show()
        qtbot.waitExposed(panel)
        return runner, panel
    return make


def highlighted_rows(panel):
    return [r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text().startswith("▶")]


def column(panel, header):
    headers = [panel.table.horizontalHeaderItem(c).text() for c in range(panel.table.columnCount())]
    index = headers.index(header)
    return [panel.table.item(r, index).text() for r in range(panel.table.rowCount())]


def test_the_table_follows_each_step(qtbot, panel_for):
    runner, panel = panel_for(get("ch06.whole-dataset")())
    exp = runner.experiment
    data = exp.data_table()
    assert panel.table.rowCount() == 6
    assert column(panel, "light 2")[:2] == ["○ 0", "● 1"]
    assert column(panel, "goal walk?") == [num(g, 4) for g in data.goals[:, 0]]
    for _ in range(8):  # across an epoch boundary: rows 0..5, then 0, 1 again
        current = exp.data_table().current
        qtbot.waitUntil(lambda current=current: highlighted_rows(panel) == [current], timeout=2000)
        predictions = exp.predict(data.inputs)[:, 0]
        assert column(panel, "prediction") == [num(p, 4) for p in predictions]
        assert column(panel, "error") == [num((p - g) ** 2, 4) for p, g in zip(predictions, data.goals[:, 0],
                                                                                strict=True)]
        runner.step()
    qtbot.waitUntil(lambda: highlighted_rows(panel) == [exp.data_table().current], timeout=2000)
    assert exp.data_table().current == 8 % 6
    total = float(np.sum((exp.predict(data.inputs)[:, 0] - data.goals[:, 0]) ** 2))
    assert panel.total.text().endswith(num(total, 5))


def test_the_table_follows_a_playing_run(qtbot, panel_for):
    runner, panel = panel_for(get("ch06.backprop")())
    runner.set_speed(SPEEDS[-2])
    runner.play()
    qtbot.waitUntil(lambda: runner.count >= 30, timeout=5000)
    runner.pause()
    exp = runner.experiment

    def following():
        predictions = [num(p, 4) for p in exp.predict(exp.data_table().inputs)[:, 0]]
        return highlighted_rows(panel) == [exp.data_table().current] and column(panel, "prediction") == predictions

    qtbot.waitUntil(following, timeout=2000)  # at most one repaint (~33 ms) after the run paused


def test_the_goal_column_follows_a_live_goal_change(qtbot, panel_for):
    runner, panel = panel_for(get("ch06.whole-dataset")())
    runner.set_param("walk_vs_stop", (1.0, 1.0, 0.0, 1.0, 1.0, 0.0))
    qtbot.waitUntil(lambda: column(panel, "goal walk?")[0] == "1", timeout=2000)


def test_the_middle_light_predicts_walk(qtbot, panel_for):
    runner, panel = panel_for(get("ch06.whole-dataset")())
    r = dict((name, value) for name, value, _, _ in panel.bars.rows)
    assert r["light 2"] == pytest.approx(1.0)
    assert r["light 1"] == pytest.approx(-1 / 3)
    assert math.isnan(r["light 3"])
    text = panel.explanation.text()
    assert "light 2 predicts walk? by itself (r = 1)" in text
    assert "light 3: always the same" in text
    assert panel.hidden_r is None  # no hidden layer here


def test_backprop_needs_the_hidden_layer_and_the_view_shows_why(qtbot, panel_for):
    runner, panel = panel_for(get("ch06.backprop")())
    assert abs(panel.input_r[0]) < 1e-12 and abs(panel.input_r[1]) < 1e-12 and math.isnan(panel.input_r[2])
    assert "No light on its own correlates with walk?" in panel.explanation.text()
    assert "cannot learn this pattern" in panel.explanation.text()
    names = [name for name, _, _, _ in panel.bars.rows]
    assert names == ["light 1", "light 2", "light 3", "hidden 1", "hidden 2", "hidden 3", "hidden 4", "prediction"]
    runner.run_to(240)  # the book's 60 epochs
    qtbot.waitUntil(lambda: panel.prediction_r is not None and panel.prediction_r[0] > 0.99, timeout=2000)
    # the hidden units' activations, computed from the network for every pattern, correlate with walk
    exp = runner.experiment
    hidden = np.maximum(0, exp.streetlights @ exp.weights_0_1)
    goal = np.array(exp.walk_vs_stop, dtype=float)
    expected = [np.corrcoef(h, goal)[0, 1] if h.std() > 0 else math.nan for h in hidden.T]
    np.testing.assert_allclose(panel.hidden_r, expected, rtol=1e-9)
    assert np.nanmax(np.abs(panel.hidden_r)) > 0.5 > np.nanmax(np.abs(np.nan_to_num(panel.input_r)))
    assert "The hidden layer creates the correlation the lights lack" in panel.explanation.text()
    dead = [name for name, _, _, note in panel.bars.rows if note == "always off"]
    assert dead == [f"hidden {k + 1}" for k in range(4) if not hidden[:, k].any()]


def test_which_experiments_show_the_table(qtbot, panel_for):
    assert applies(get("ch06.backprop")()) and applies(get("ch06.single-light")())
    assert not applies(get("ch04.alpha")()) and not applies(object())
    runner, panel = panel_for(get("ch04.alpha")())
    assert panel.empty.isVisible() and not panel.table.isVisible()
    runner.set_experiment(get("ch06.single-light")())
    assert not panel.empty.isVisible() and panel.table.rowCount() == len(runner.experiment.data_table().inputs)


def test_the_main_window_offers_the_table_for_data_sets_only(main_window):
    placed = main_window.workspace.placed
    assert "streetlights" not in placed() and "weights" not in placed()  # ch04: no data set
    main_window.open_experiment("ch06.backprop")
    assert "streetlights" in placed() and "weights" not in placed()  # no image input
    main_window.show_view("streetlights")
    view = main_window.workspace.built()["streetlights"]
    assert view.isVisible() and view.table.rowCount() == 4
