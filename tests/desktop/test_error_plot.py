"""The error plot: epoch views with train/test, the best-epoch marker, and earlier runs as faint curves."""

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop.panels.error_plot import EPOCH_ACCURACY, EPOCH_ERROR, ITERATIONS, ErrorPlotPanel, best_epoch
from desktop.runner import Runner
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
    runner.experiment_changed.emit(runner.experiment)  # picks the accuracy view for an epoch experiment
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
