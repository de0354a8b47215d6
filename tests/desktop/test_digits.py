"""The digits view follows the run: the digit is the experiment's current example, the bars are its outputs, the
hidden strip's crossed cells are the dropout mask; progress within the epoch and the sliced test pass are shown.
Tiny synthetic MNIST (20 training, 30 test images) is injected, so no data files are needed."""

import os

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop import runner as runner_module
from desktop.colour import nice_ceiling
from desktop.format import num
from desktop.runner import Runner
from desktop.theme import colours
from desktop.views.mnist.digits import CROSS_MIN, DigitsPanel, applies
from learning.catalogue import get
from learning.chapters.ch08_regularization import MnistBatch, MnistDropout, MnistOverfit
from learning.chapters.ch10_convolution import MnistConv
from tests.learning.conftest import synthetic_mnist

# a step finishes at once, however loaded the machine (conftest.still_clock)
pytestmark = pytest.mark.usefixtures("still_clock")


@pytest.fixture
def tiny():
    return synthetic_mnist()


@pytest.fixture
def panel_for(qtbot):
    def make(experiment):
        runner = Runner(experiment)
        panel = DigitsPanel(runner)
        qtbot.addWidget(panel)
        panel.resize(900, 420)
        panel.show()
        qtbot.waitExposed(panel)
        return runner, panel
    return make


@pytest.fixture
def fake_clock(monkeypatch):
    """Every perf_counter() call is one millisecond later: the runner's 5 ms slices are deterministic."""
    clock = iter(range(10**8))
    monkeypatch.setattr(runner_module.time, "perf_counter", lambda: next(clock) / 1000)


def cell_pixel(panel, unit, dy=3):
    """The colour near the top middle of a strip cell (away from the diagonals of its cross)."""
    cell, columns, _ = panel.strip.layout_cells()
    x = 1 + (unit % columns) * cell + cell // 2
    y = 1 + (unit // columns) * cell + dy
    return panel.strip.grab().toImage().pixelColor(x, y)


def test_applies_only_to_the_digit_networks(tiny):
    assert applies(MnistOverfit(data=tiny))
    assert applies(MnistConv(data=tiny, batch_size=5))
    assert not applies(get("ch04.gradient-descent")())
    assert not applies(get("ch06.backprop")())


def test_after_a_step_the_views_show_the_experiment_s_current_example(qtbot, panel_for, tiny):
    runner, panel = panel_for(MnistDropout(data=tiny))
    exp = runner.experiment
    assert panel.bars.values is None and panel.strip.values is None
    assert "not predicted yet" in panel.progress.text()
    runner.step()
    qtbot.waitUntil(lambda: panel.bars.values is not None, timeout=3000)
    image, label = exp.current_example()
    np.testing.assert_array_equal(panel.image.image, image)
    assert panel.shown_label == label == 0  # the synthetic labels cycle 0, 1, 2, ...
    np.testing.assert_array_equal(panel.bars.values, exp.output_probabilities())
    predicted = int(np.argmax(exp.output_probabilities()))
    assert panel.shown_prediction == predicted
    assert f"predicted {predicted}" in panel.label_text.text()
    description = panel.image.accessibleDescription()
    assert description.startswith(f"digit {label}, predicted {predicted} (output ")  # ch. 8: linear outputs
    np.testing.assert_array_equal(panel.strip.values, exp.hidden_activations())
    mask = exp.last_dropout_mask()
    assert panel.strip.show_mask  # paused after a step: the mask is shown
    np.testing.assert_array_equal(panel.strip.dropped, mask == 0)
    assert f"({np.count_nonzero(mask == 0)} of 100)" in panel.strip_title.text()
    assert panel.progress.text() == "Iteration 0, epoch 0 · example 1 of 20"


def test_dropped_cells_are_greyed_and_kept_ones_coloured(qtbot, panel_for, tiny):
    runner, panel = panel_for(MnistDropout(data=tiny))
    runner.step()
    qtbot.waitUntil(lambda: panel.strip.values is not None, timeout=3000)
    cell, _, _ = panel.strip.layout_cells()
    assert cell >= CROSS_MIN  # 100 units fit as crossable cells
    hidden, mask = runner.experiment.hidden_activations(), runner.experiment.last_dropout_mask()
    dropped = int(np.flatnonzero(mask == 0)[0])
    strongest = int(np.argmax(hidden))
    assert mask[strongest] == 1 and hidden[strongest] > 0
    c = colours()
    assert cell_pixel(panel, dropped).name() == c.grid.name()
    kept = cell_pixel(panel, strongest)
    assert kept.blue() > kept.red()  # positive: towards the palette's blue
    assert panel.strip.scale == nice_ceiling(float(hidden.max()))
    assert "hidden unit" in panel.strip.describe_unit(dropped) and "dropped" in panel.strip.describe_unit(dropped)


def test_phase_step_shows_the_open_iteration_with_its_mask(qtbot, panel_for, tiny):
    runner, panel = panel_for(MnistDropout(data=tiny))
    runner.step()
    runner.step_phase()  # predict of the second example: weights not yet updated
    assert runner.mid_iteration
    exp = runner.experiment
    qtbot.waitUntil(lambda: panel.shown_iteration == 1 and panel.shown_label == 1, timeout=3000)
    np.testing.assert_array_equal(panel.image.image, exp.current_example()[0])
    np.testing.assert_array_equal(panel.bars.values, exp.output_probabilities())
    assert panel.strip.show_mask
    np.testing.assert_array_equal(panel.strip.dropped, exp.last_dropout_mask() == 0)
    assert panel.progress.text() == "Iteration 1, epoch 0 · after predict · example 2 of 20"


def test_the_mask_is_not_crossed_while_playing_and_pause_keeps_the_current_example(qtbot, panel_for, tiny):
    runner, panel = panel_for(MnistDropout(data=tiny))
    runner.set_speed(20)
    runner.play()
    qtbot.waitUntil(lambda: panel.shown_iteration is not None and panel.shown_iteration >= 1
                    and panel.strip.values is not None, timeout=5000)
    assert runner.playing and not panel.strip.show_mask
    assert "crossed out when paused" in panel.strip_title.text()
    runner.pause()
    count = runner.count
    assert 0 < count < 20  # paused mid-epoch
    qtbot.waitUntil(lambda: panel.strip.show_mask and panel.shown_iteration == count - 1, timeout=3000)
    exp = runner.experiment
    image, label = exp.current_example()
    np.testing.assert_array_equal(panel.image.image, image)
    assert panel.shown_label == label == (count - 1) % 10
    np.testing.assert_array_equal(panel.bars.values, exp.output_probabilities())
    np.testing.assert_array_equal(panel.strip.dropped, exp.last_dropout_mask() == 0)
    assert panel.progress.text() == f"Iteration {count - 1}, epoch 0 · example {count} of 20"
    qtbot.waitUntil(lambda: not panel._repaint.timer.isActive(), timeout=3000)
    assert runner.count == count and panel.shown_iteration == count - 1  # paused: nothing moves on


def test_epoch_progress_and_the_sliced_test_pass(qtbot, panel_for, tiny, fake_clock):
    exp = MnistDropout(data=tiny)
    exp.test_chunk = 3  # 30 test images in 10 chunks: the pass spans several timer ticks
    runner, panel = panel_for(exp)
    seen = []
    runner.tested.connect(lambda done, total: seen.append((done, total, panel.test_label.text(),
                                                           panel.test_bar.isVisible())))
    runner.run_to(19)
    qtbot.waitUntil(lambda: panel.progress.text() == "Iteration 18, epoch 0 · example 19 of 20", timeout=3000)
    runner.step()  # closes epoch 0; its test pass goes on in slices
    assert runner.mid_iteration and seen and seen[-1][0] < 30
    qtbot.waitUntil(lambda: runner.count == 20, timeout=5000)
    during = [s for s in seen if s[0] < s[1]]
    assert len(during) >= 2
    for done, total, text, bar in during:
        assert text == f"testing {done} / {total}" and bar
    assert seen[-1][:2] == (30, 30)
    assert panel.test_label.text() == "" and not panel.test_bar.isVisible()
    qtbot.waitUntil(lambda: panel.progress.text() == "Iteration 19, epoch 0 · example 20 of 20", timeout=3000)
    runner.step()
    qtbot.waitUntil(lambda: panel.progress.text() == "Iteration 20, epoch 1 · example 1 of 20", timeout=3000)


def test_a_batch_shows_the_chosen_image(qtbot, panel_for, tiny):
    runner, panel = panel_for(MnistBatch(data=tiny, batch_size=5))
    assert panel.row.isVisible() and panel.row.maximum() == 5
    runner.step()
    qtbot.waitUntil(lambda: panel.bars.values is not None, timeout=3000)
    assert panel.progress.text() == "Iteration 0, epoch 0 · batch 1 of 4 · images 1–5"
    for _ in range(2):
        qtbot.keyClick(panel.row, Qt.Key.Key_Up)
    assert panel.row.value() == 3
    exp = runner.experiment
    qtbot.waitUntil(lambda: panel.shown_label == 2, timeout=3000)
    np.testing.assert_array_equal(panel.image.image, exp.current_example(2)[0])
    np.testing.assert_array_equal(panel.bars.values, exp.output_probabilities(2))
    np.testing.assert_array_equal(panel.strip.dropped, exp.last_dropout_mask(2) == 0)


def test_softmax_outputs_are_described_as_probabilities(qtbot, panel_for, tiny):
    runner, panel = panel_for(MnistConv(data=tiny, batch_size=5))
    runner.step()
    qtbot.waitUntil(lambda: panel.bars.values is not None, timeout=3000)
    probabilities = runner.experiment.output_probabilities()
    np.testing.assert_allclose(panel.bars.values.sum(), 1.0)
    np.testing.assert_array_equal(panel.bars.values, probabilities)
    predicted = int(np.argmax(probabilities))
    assert panel.bars.span() == (0.0, 1.0)
    assert panel.image.accessibleDescription() == (
        f"digit {panel.shown_label}, predicted {predicted} with probability {num(probabilities[predicted], 2)}")
    assert len(panel.strip.values) == 26 * 26 * 16


def test_panel_says_when_the_experiment_has_no_digits(qtbot, panel_for):
    runner, panel = panel_for(get("ch04.gradient-descent")())
    assert panel.empty.isVisible() and not panel.body.isVisible()
    assert "chapters 8 to 10" in panel.empty.text()


def test_real_sample_first_digit(qtbot, panel_for):
    from learning.datasets import DatasetMissing
    from learning.datasets.mnist import book_mnist
    from tests.shared_data import missing

    if not os.environ.get("GROKKING_DATA"):
        missing("GROKKING_DATA is not set: this test reads the MNIST sample of ../shared/data")
    try:
        data = book_mnist()
    except DatasetMissing as exc:
        missing(f"MNIST files are absent: {exc}")
    runner, panel = panel_for(MnistOverfit(data=data))
    runner.step()
    qtbot.waitUntil(lambda: panel.bars.values is not None, timeout=3000)
    # in sample mode the first training image is the first test image of MNIST, a 7; with the training
    # files it is the first training image, a 5
    assert panel.shown_label == (7 if data.sample_mode else 5)
    thousand = panel.locale().toString(1000)
    assert panel.progress.text() == f"Iteration 0, epoch 0 · example 1 of {thousand}"
    assert panel.image.accessibleDescription().startswith(f"digit {panel.shown_label}, predicted ")


def test_a_narrow_dock_puts_the_bars_under_the_digit(qtbot, panel_for, tiny):
    runner, panel = panel_for(MnistOverfit(data=tiny))
    runner.step()
    qtbot.waitUntil(lambda: panel.bars.values is not None, timeout=3000)
    assert panel.bars.geometry().left() > panel.image.geometry().right()  # wide: beside
    panel.resize(380, 600)  # narrow and tall
    qtbot.waitUntil(lambda: panel.bars.geometry().top() > panel.image.geometry().bottom(), timeout=3000)
    assert panel.bars.width() >= panel.bars.minimumWidth()
    panel.resize(380, 300)  # narrow but short (a bottom dock): stay side by side and scroll
    qtbot.waitUntil(lambda: panel.bars.geometry().left() > panel.image.geometry().right(), timeout=3000)


def test_the_panel_follows_a_language_change(qtbot, panel_for, tiny):
    from desktop.i18n import Translations

    runner, panel = panel_for(MnistOverfit(data=tiny))
    runner.step()
    qtbot.waitUntil(lambda: panel.progress.text() == "Iteration 0, epoch 0 · example 1 of 20", timeout=3000)
    translations = Translations()
    try:
        assert translations.set_language("ru")  # widgets hear of it through a posted LanguageChange event
        qtbot.waitUntil(lambda: "example" not in panel.progress.text(), timeout=3000)
        assert "20" in panel.progress.text() and "digit" not in panel.image.accessibleDescription()
    finally:
        translations.set_language("en")
    qtbot.waitUntil(lambda: panel.progress.text() == "Iteration 0, epoch 0 · example 1 of 20", timeout=3000)
