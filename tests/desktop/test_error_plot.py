"""The error plot: epoch views with train/test, the best-epoch marker, and earlier runs as faint curves."""

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop.runner import Runner
from desktop.views.plots.error_plot import EPOCH_ACCURACY, EPOCH_ERROR, ITERATIONS, ErrorPlotPanel, best_epoch
from learning.catalogue import get
from learning.experiment import Experiment, Param, Phase
from learning.network import Layer, Network

# Test accuracy per epoch peaks at epoch 2 and then falls: the overfitting shape of chapter 8.
TEST_ACCURACY = [0.5, 0.7, 0.8, 0.75, 0.7]


class Epochs(Experiment):
    id = "test.epochs"
    title = "epochs"
    chapter = 99
    params = (Param("alpha", 0.1, "learning rate", 0.0, 1.0, live=True),)
    epoch_size = 2
    epochs = 5

    def iteration(self) -> Iterator[tuple[Phase, dict]]:
        yield Phase.PREDICT, {"prediction": 0.0}
        yield Phase.COMPARE, {"error": 1.0 / (1 + self.iteration_index)}
        yield Phase.LEARN, {}

    def epoch_summary(self, records):
        e = records[0]["epoch"]
        return {"error": 1.0, "train_error": 1.0 / (e + 1), "train_accuracy": 0.6 + 0.1 * e}

    def evaluate(self):
        yield {"done": 1, "total": 1}
        e = self.epoch_index - 1
        return {"test_error": 0.5 + 0.01 * e, "test_accuracy": TEST_ACCURACY[e]}

    def network(self) -> Network:
        return Network([Layer("input", ("x",)), Layer("output", ("y",))])


def test_best_epoch_is_the_first_maximum():
    assert best_epoch(np.array(TEST_ACCURACY)) == 2
    assert best_epoch(np.array([0.1, 0.3, 0.3])) == 1
    assert best_epoch(np.array([])) is None


def test_epoch_views_show_train_test_gap_and_best_epoch(qtbot):
    runner = Runner(Epochs())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    runner.experiment_changed.emit(runner.experiment)  # picks the accuracy view for a tested classifier
    assert panel.view.currentData() == EPOCH_ACCURACY
    runner.run_to(10)
    panel.refresh()
    x, y = panel.curve.getData()  # what is drawn
    assert list(x) == [0, 1, 2, 3, 4] and list(y) == TEST_ACCURACY
    train = panel.train_curve.getData()[1]
    assert np.allclose(train, [0.6, 0.7, 0.8, 0.9, 1.0])
    assert panel.gap.isVisible()
    assert panel.best.getData()[0].tolist() == [2.0]
    assert "epoch 2" in panel.best_text.toPlainText()
    assert "best test accuracy at epoch 2" in panel.readout.text()
    panel.view.setCurrentIndex(panel.view.findData(EPOCH_ERROR))
    assert np.allclose(panel.curve.getData()[1], [0.5, 0.51, 0.52, 0.53, 0.54])
    assert np.allclose(panel.train_curve.getData()[1], [1.0, 1 / 2, 1 / 3, 1 / 4, 1 / 5])
    assert panel.best.getData()[0] is None or len(panel.best.getData()[0]) == 0
    panel.view.setCurrentIndex(panel.view.findData(ITERATIONS))
    x, y = panel.curve.getData()
    assert list(x) == list(range(10)) and np.allclose(y, [1 / (1 + i) for i in range(10)])
    assert panel.marker.getData()[1].tolist() == [0.1]  # the latest iteration is marked


def test_earlier_runs_stay_as_faint_curves_until_cleared(qtbot):
    runner = Runner(get("ch04.divergence")())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    runner.run_to(5)
    runner.set_param("alpha", 0.1)
    runner.reset()
    runner.run_to(8)
    panel.refresh()
    ghosts = panel.ghost_curves()
    assert [label for label, _, _ in ghosts] == ["defaults"]  # the first run had the book's values
    assert len(ghosts[0][2]) == 5 and ghosts[0][2][-1] == pytest.approx(0.04 * 9**4)  # ×9 per step
    assert panel.ghost_items[0].isVisible()
    runner.reset()
    ghosts = panel.ghost_curves()
    assert [label for label, _, _ in ghosts] == ["defaults", "alpha=0.1"]
    qtbot.mouseClick(panel.show_ghosts, Qt.MouseButton.LeftButton)
    assert panel.ghost_curves() == [] and not panel.ghost_items[0].isVisible()
    qtbot.mouseClick(panel.show_ghosts, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.clear_ghosts, Qt.MouseButton.LeftButton)
    assert panel.ghost_curves() == []
    # another experiment's runs are not drawn over this one
    runner.run_to(3)
    runner.set_experiment(get("ch04.alpha")())
    assert panel.ghost_curves() == []


def test_non_finite_errors_are_gaps_not_exceptions(qtbot):
    runner = Runner(get("ch04.divergence")())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    runner.run_to(400)  # the error overflows to inf, then nan
    panel.refresh()
    y = panel.curve.yData  # as handed to the curve (what it draws before clipping to the view)
    assert np.isnan(y[-1]) and y[0] == runner.history.series("error")[0] == pytest.approx(0.04)
    assert not np.isinf(y).any() and np.isnan(y).sum() == np.count_nonzero(~np.isfinite(runner.history.series("error")))
    panel.set_log_y(True)
    assert np.isnan(panel.curve.yData[-1])


def test_text_alternative_describes_the_curve(qtbot):
    runner = Runner(get("ch04.alpha")())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    runner.run_to(20)
    panel.refresh()
    text = panel.plot.accessibleDescription()
    assert "20 iterations" in text and "first error 0.04" in text and "falling" in text
    runner.set_experiment(get("ch04.divergence")())
    runner.run_to(8)
    panel.refresh()
    assert "rising" in panel.plot.accessibleDescription()


def test_a_hundred_thousand_points_are_drawn_downsampled(qtbot):
    runner = Runner(get("ch04.hot-cold")())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    runner.run_to(100_000)  # past the book's 1,101: the run goes on as long as the learner plays
    panel.refresh()
    original = panel.curve.getOriginalDataset()
    assert len(original[0]) == 100_000
    shown = panel.curve.getData()[0]
    assert len(shown) < 20_000  # peak downsampling: what is drawn follows the pixels, not the run's length
    assert panel.plot.getPlotItem().viewRange()[0][1] >= 99_999  # the x axis reaches the end


def y_range(panel):
    return panel.plot.getPlotItem().viewRange()[1]


def test_the_current_run_sets_the_scale_not_an_earlier_diverged_one(qtbot):
    runner = Runner(get("ch04.divergence")())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    runner.run_to(6)  # diverges: the error reaches 0.04 · 9⁵ ≈ 2,362
    runner.set_param("alpha", 0.1)
    runner.reset()
    runner.run_to(20)  # tamed: the error falls from 0.04 towards 0
    panel.refresh()
    errors = runner.history.series("error")
    assert len(panel.ghost_curves()) == 1 and panel.ghost_curves()[0][2].max() > 2000
    lo, hi = y_range(panel)
    assert lo <= 0 and errors.max() <= hi < 2 * errors.max()  # the tamed run fills the height: not a flat line
    assert panel.curve.zValue() > panel.ghost_items[0].zValue()  # and it is drawn above the earlier run
    assert [label.text for _, label in panel.legend.items] == ["this run", "earlier: defaults"]
    panel.set_log_y(True)
    lo, hi = y_range(panel)
    assert 10 ** lo <= errors.min() and errors.max() <= 10 ** hi < 10 * errors.max()


def test_an_empty_plot_shows_no_invented_range(qtbot):
    runner = Runner(get("ch04.gradient-descent")())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    left = panel.plot.getPlotItem().getAxis("left")
    assert panel.is_empty() and panel.empty_text.isVisible() and "Step" in panel.empty_text.toPlainText()
    assert not left.style["showValues"]  # no −0.4 … 0.4 made up for a curve that is not there
    runner.step()
    panel.refresh()
    assert not panel.is_empty() and left.style["showValues"]
    lo, hi = y_range(panel)
    assert lo <= 0 and runner.history.series("error")[0] <= hi


def test_chapter_6_epochs_open_on_the_error_per_epoch_and_the_x_axis_follows(qtbot):
    runner = Runner(get("ch06.backprop")())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    runner.experiment_changed.emit(runner.experiment)
    assert panel.view.currentData() == EPOCH_ERROR
    assert panel.view.findData(EPOCH_ACCURACY) == -1  # no accuracy to plot: not offered
    runner.run_to(4 * 12)
    panel.refresh()
    train = panel.train_curve.getData()[1]
    assert len(train) == 12 and np.allclose(train, runner.history.epochs["error"].view)
    assert panel.plot.getPlotItem().viewRange()[0][1] >= 11  # the axis reaches the last epoch, not 0..1
    lo, hi = y_range(panel)
    assert lo <= 0 and train.max() <= hi


def test_an_earlier_run_of_an_epoch_experiment_stays_as_a_faint_curve(qtbot):
    runner = Runner(get("ch06.backprop")())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    runner.experiment_changed.emit(runner.experiment)
    runner.run_to(4 * 5)
    first = runner.history.epochs["error"].view.copy()
    runner.reset()
    runner.run_to(4 * 2)
    panel.refresh()
    [(label, x, y)] = panel.ghost_curves()
    assert label == "defaults" and np.array_equal(y, first) and x.tolist() == [0, 1, 2, 3, 4]


def test_a_plot_built_after_the_experiment_opens_on_its_epoch_curves(qtbot):
    runner = Runner(get("ch06.backprop")())
    panel = ErrorPlotPanel(runner)  # no experiment_changed: views are built on first show, after it
    qtbot.addWidget(panel)
    assert panel.view.currentData() == EPOCH_ERROR


def test_after_reset_the_epoch_views_draw_the_earlier_run_as_a_faint_curve(qtbot):
    """A reset archives the run as plain arrays; the epoch views read them (not an array's `.view` method)."""
    runner = Runner(Epochs())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.view.setCurrentIndex(panel.view.findData(EPOCH_ACCURACY))
    runner.run_to(6)  # three epochs
    runner.reset()  # the panel redraws at once (a slot): with a ghost run in an epoch view
    panel.refresh()
    (label, x, y), = panel.ghost_curves()
    assert label == "defaults" and list(y) == TEST_ACCURACY[:3]
    drawn_x, drawn_y = panel.ghost_items[0].getData()
    assert list(drawn_x) == [0.0, 1.0, 2.0] and list(drawn_y) == TEST_ACCURACY[:3]
    panel.view.setCurrentIndex(panel.view.findData(EPOCH_ERROR))
    assert list(panel.ghost_items[0].getData()[1]) == pytest.approx([0.5, 0.51, 0.52])


def test_the_drawn_curve_is_the_runs_error_in_order(qtbot):
    """Read what the curve draws, not a recomputation: the book's divergence multiplies the error by 9 a step."""
    runner = Runner(get("ch04.divergence")())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    runner.run_to(6)
    qtbot.waitUntil(lambda: panel.curve.getData()[0] is not None and len(panel.curve.getData()[0]) == 6)
    x, y = panel.curve.getData()
    assert list(x) == [0, 1, 2, 3, 4, 5]
    assert list(y) == pytest.approx([0.04 * 9**k for k in range(6)])
    mx, my = panel.marker.getData()
    assert list(mx) == [5] and list(my) == pytest.approx([0.04 * 9**5])


def test_rewinding_an_epoch_run_takes_its_later_epochs_off_the_plot(qtbot):
    runner = Runner(Epochs())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.view.setCurrentIndex(panel.view.findData(EPOCH_ACCURACY))
    runner.run_to(10)  # five epochs
    runner.rewind_to(5)  # back into epoch 2: epochs 0 and 1 are complete
    panel.refresh()
    x, y = panel.curve.getData()
    assert list(x) == [0, 1] and list(y) == TEST_ACCURACY[:2]
    assert list(panel.train_curve.getData()[1]) == pytest.approx([0.6, 0.7])
    assert panel.best.getData()[0].tolist() == [1.0]  # the best of what is left, not the forgotten epoch 2
