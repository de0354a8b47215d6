"""The error landscape follows the run: the ball is the new weight, every step is drawn, divergence stays readable."""

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop.format import num
from desktop.runner import Runner
from desktop.views.network.landscape import VISIBLE_STEPS, LandscapePanel, applies
from learning.catalogue import get


@pytest.fixture
def landscape_for(qtbot):
    def make(experiment):
        runner = Runner(experiment)
        panel = LandscapePanel(runner)
        qtbot.addWidget(panel)
        panel.resize(760, 480)
        panel.show()
        qtbot.waitExposed(panel)
        return runner, panel
    return make


def segments(panel):
    """The bold (latest) step chords as ((x0, y0), (x1, y1)) pairs."""
    x, y = panel.steps.getData()
    if x is None:
        return []
    return [((x[i], y[i]), (x[i + 1], y[i + 1])) for i in range(0, len(x), 2)]


def test_the_ball_is_the_new_weight_and_each_step_is_a_chord(qtbot, landscape_for):
    runner, panel = landscape_for(get("ch04.gradient-descent")())  # input 0.5, goal 0.8, weight 0.5
    assert panel.ball_position() == (0.5, pytest.approx(0.3025))  # the book's first error
    assert panel.step_count == 0 and segments(panel) == []
    runner.step()
    new = runner.experiment.weight
    qtbot.waitUntil(lambda: panel.step_count == 1, timeout=2000)
    assert panel.ball_position() == (new, pytest.approx((0.5 * new - 0.8) ** 2))
    (x0, y0), (x1, y1) = segments(panel)[0]
    assert (x0, x1) == (0.5, new) and y0 == pytest.approx(0.3025) and y1 < y0
    for _ in range(3):
        runner.step()
    qtbot.waitUntil(lambda: panel.step_count == 4, timeout=2000)
    assert len(segments(panel)) == 4
    assert panel.ball_position()[0] == runner.experiment.weight
    # consecutive chords join: each step starts where the last one landed
    chords = segments(panel)
    assert all(chords[i][1][0] == chords[i + 1][0][0] for i in range(3))
    assert "after iteration 3" in panel.readout.text()  # four steps: iterations 0 … 3
    # the bottom of the parabola (goal / input = 1.6) is marked and inside the view
    bx, _ = panel.bottom.getData()
    assert bx[0] == pytest.approx(1.6)
    lo, hi = panel.x_range()
    assert lo < 0.5 and hi > 1.6


def test_divergence_is_seen_zoomed_and_then_reported_off_the_chart(qtbot, landscape_for):
    runner, panel = landscape_for(get("ch04.divergence")())
    runner.set_speed(None)
    with qtbot.waitSignal(runner.diverged, timeout=5000):
        runner.play()
    qtbot.waitUntil(lambda: panel.step_count == runner.count == 7, timeout=2000)  # paused at iteration 6
    assert "−3" in panel.note.text() and "divergence" in panel.note.text()
    # each landing is further from the bottom (0.4) than the last, on alternating sides
    chords = segments(panel)
    landings = [end[0] - 0.4 for _, end in chords]
    assert all(abs(b) > abs(a) and a * b < 0 for a, b in zip(landings, landings[1:], strict=False))
    runner.run_to(12)
    qtbot.waitUntil(lambda: panel.step_count == 12, timeout=2000)
    weights = runner.history.series("new_weight")
    lo, hi = panel.x_range()
    last = weights[-VISIBLE_STEPS:]
    assert lo <= last.min() and hi >= last.max()
    assert hi - lo < 2 * (last.max() - last.min())  # zoomed to the last steps ...
    assert len(segments(panel)) == VISIBLE_STEPS  # ... bold, the older ones faint
    assert "Zoomed to the last 8 of 12 steps" in panel.note.text()
    assert not panel.warning.isVisible()

    runner.run_to(400)  # the weight grows past anything the chart can draw
    qtbot.waitUntil(lambda: panel.step_count == 400, timeout=2000)
    assert panel.off_chart and panel.warning.isVisible()
    assert panel.warning.text().startswith("Off the chart")
    assert panel.ball_position() is None
    lo, hi = panel.x_range()
    assert math.isfinite(lo) and math.isfinite(hi) and lo < hi
    assert 0 < panel.drawn_steps < 400 and len(segments(panel)) == VISIBLE_STEPS


def test_alpha_changes_what_a_step_does(qtbot, landscape_for):
    runner, panel = landscape_for(get("ch04.divergence")())
    runner.set_param("alpha", 0.1)  # live: the next iteration uses it
    runner.run_to(8)
    qtbot.waitUntil(lambda: panel.step_count == 8, timeout=2000)
    assert "1 − alpha·input² = 0.6" in panel.note.text() and "never past the bottom" in panel.note.text()
    landings = [end[0] for _, end in segments(panel)]
    assert all(w > 0.4 for w in landings) and landings == sorted(landings, reverse=True)
    runner.set_param("alpha", 0.4)  # 1 - 0.4*4 = -0.6: overshoots, by less each time
    runner.run_to(12)
    qtbot.waitUntil(lambda: "overshoots" in panel.note.text(), timeout=2000)
    landings = [end[0] - 0.4 for _, end in segments(panel)][-4:]
    assert all(a * b < 0 and abs(b) < abs(a) for a, b in zip(landings, landings[1:], strict=False))


def test_an_edited_weight_moves_the_ball_but_is_not_a_step(qtbot, landscape_for):
    runner, panel = landscape_for(get("ch04.alpha")())
    runner.run_to(2)
    runner.set_weight("weight", 0, 0, 1.5)
    qtbot.waitUntil(lambda: panel.ball_position() is not None and panel.ball_position()[0] == 1.5, timeout=2000)
    assert panel.step_count == 2
    runner.step()
    qtbot.waitUntil(lambda: panel.step_count == 3, timeout=2000)
    assert segments(panel)[-1][0][0] == 1.5  # the next step starts from the edited weight


def test_rewinding_takes_the_steps_back(qtbot, landscape_for):
    runner, panel = landscape_for(get("ch04.alpha")())
    runner.run_to(6)
    runner.rewind_to(2)
    qtbot.waitUntil(lambda: panel.step_count == 2, timeout=2000)
    assert panel.ball_position()[0] == runner.experiment.weight


def test_two_weights_give_a_contour_map_with_the_trajectory(qtbot, landscape_for):
    runner, panel = landscape_for(get("ch05.multi-input")())
    assert panel.y_ref is not None and panel.x_ref != panel.y_ref
    assert panel.image.isVisible() and panel.isocurves
    for _ in range(3):
        runner.step()  # as the Step button does: one iteration, one drawn step each
    qtbot.waitUntil(lambda: panel.step_count == 3, timeout=2000)
    w = runner.experiment.network().weights[0].values
    (_, xr, xc), (_, yr, yc) = panel.x_ref, panel.y_ref
    assert panel.ball_position() == (w[xr, xc], w[yr, yc])
    x, y = panel.steps.getData()
    assert len(x) == 4 and x[0] == 0.1 and y[0] == 0.2  # from the book's start [0.1, 0.2, -0.1]
    assert "after iteration 2" in panel.readout.text()

    # at full speed several iterations make one drawn step, and the panel says so
    runner.run_to(9)
    qtbot.waitUntil(lambda: panel.step_count == 4, timeout=2000)
    assert "covers up to 6 iterations" in panel.note.text()
    w = runner.experiment.network().weights[0].values
    assert panel.ball_position() == (w[xr, xc], w[yr, yc])

    # the learner picks "none" as the second weight (Home in the box): the error curve of the first one
    panel.y_choice.setFocus()
    qtbot.keyClick(panel.y_choice, Qt.Key.Key_Home)
    assert panel.y_choice.currentIndex() == 0
    assert panel.y_ref is None and not panel.image.isVisible()
    assert panel.ball_position()[0] == w[xr, xc]
    # and then the third weight against the first: End picks the last one
    qtbot.keyClick(panel.y_choice, Qt.Key.Key_End)
    assert panel.y_ref == ("weights", 0, 2) and panel.image.isVisible()
    assert panel.ball_position() == (w[xr, xc], w[0, 2])


def test_a_frozen_weight_waits_while_its_curve_moves_under_it(qtbot, landscape_for):
    """Chapter 5: freezing weight a, the error curve over a shifts until a sits near the bottom."""
    runner, panel = landscape_for(get("ch05.freeze-weight")())
    assert panel.x_ref == ("weights", 0, 0) and panel.y_ref is None

    def bottom_gap():
        bx, _ = panel.bottom.getData()
        return abs(bx[0] - panel.ball_position()[0])

    before = bottom_gap()
    for _ in range(3):
        runner.step()
    qtbot.waitUntil(lambda: panel.step_count == 3, timeout=2000)
    assert panel.ball_position()[0] == 0.1  # frozen: the ball has not moved
    assert bottom_gap() < before / 10  # but the bottom came to it


def test_the_backprop_network_has_a_map_of_two_output_weights(qtbot, landscape_for):
    runner, panel = landscape_for(get("ch06.backprop")())
    assert panel.x_ref[0] == panel.y_ref[0] == "weights_1_2"
    for _ in range(8):
        runner.step()
    qtbot.waitUntil(lambda: panel.step_count == 8, timeout=2000)
    error = runner.experiment.error_for({w.name: w.values for w in runner.experiment.network().weights})
    assert f"error {num(error, 5)}" in panel.readout.text()


def test_which_experiments_have_a_landscape():
    assert applies(get("ch04.divergence")()) and applies(get("ch05.multi-in-out")())
    assert applies(get("ch06.whole-dataset")()) and applies(get("ch06.backprop")())
    assert not applies(get("ch03.stacked")())  # nothing to compare with: no error
    assert not applies(object())


def test_a_panel_for_an_experiment_without_a_landscape_says_so(qtbot, landscape_for):
    runner, panel = landscape_for(get("ch03.multi-in-out")())
    assert panel.empty.isVisible() and not panel.plot.isVisible()
    runner.set_experiment(get("ch04.alpha")())
    assert not panel.empty.isVisible() and panel.plot.isVisible()
    assert np.isfinite(panel.ball_position()).all()


def tab_titles(window):
    return {key: tabs.tabText(i) for tabs in window.workspace.tabs.values() for i, key in enumerate(tabs.keys())}


def test_the_main_window_offers_the_landscape_where_it_applies(main_window):
    assert tab_titles(main_window)["landscape"] == "Error landscape"  # ch04.gradient-descent
    main_window.open_experiment("ch03.stacked")
    assert "landscape" not in tab_titles(main_window)
    main_window.open_experiment("ch05.freeze-weight")
    assert "landscape" in tab_titles(main_window)
    main_window.show_view("landscape")
    view = main_window.workspace.built()["landscape"]
    assert view.isVisible() and view.x_ref == ("weights", 0, 0)


def test_a_long_run_draws_only_its_latest_steps(qtbot, landscape_for):
    from desktop.views.network.landscape import MAX_DRAWN

    runner, panel = landscape_for(get("ch04.hot-cold")())  # 1,101 fixed steps of 0.001
    runner.run_to(1101)
    qtbot.waitUntil(lambda: panel.step_count == 1101, timeout=2000)
    old_x, _ = panel.old_steps.getData()
    assert len(old_x) + 2 * len(segments(panel)) == 2 * MAX_DRAWN
    assert panel.drawn_steps == 1101
    numbers = [t.toPlainText() for t in panel.step_numbers if t.isVisible()]
    assert numbers and numbers[-1] == "1100"  # the step of iteration 1100, the last of 1,101 (0 … 1100)
    assert panel.ball_position()[0] == runner.experiment.weight


@pytest.mark.parametrize("experiment_id", ["ch06.backprop", "ch06.single-light", "ch06.whole-dataset"])
def test_chapter_6_opens_on_weights_that_change(qtbot, landscape_for, experiment_id):
    runner, panel = landscape_for(get(experiment_id)())
    start = panel.ball_position()
    runner.run_to(8)
    panel.refresh()
    moved = panel.ball_position()
    assert moved[0] != start[0] and (panel.y_ref is None or moved[1] != start[1])  # both weights learn
