"""The confusion matrix shows the experiment's last test pass, updates after each tested epoch, and reads out
a cell under the mouse ("true 4 predicted 9: 23 images"). Tiny synthetic MNIST is injected."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.runner import Runner
from desktop.theme import colours
from desktop.views.mnist.confusion import ConfusionPanel, applies, per_class_accuracy
from learning.catalogue import get
from learning.chapters.ch08_regularization import MnistOverfit
from tests.learning.conftest import synthetic_mnist

# a step finishes at once, however loaded the machine (conftest.still_clock)
pytestmark = pytest.mark.usefixtures("still_clock")


@pytest.fixture
def panel_for(qtbot):
    def make(experiment):
        runner = Runner(experiment)
        panel = ConfusionPanel(runner)
        qtbot.addWidget(panel)
        panel.resize(620, 520)
        panel.show()
        qtbot.waitExposed(panel)
        return runner, panel
    return make


def cell_centre(grid, true, predicted):
    left, top, side = grid.grid_geometry()
    return QPoint(int(left + (predicted + 0.5) * side), int(top + (true + 0.5) * side))


def move_mouse(grid, point):
    """A mouse move over the grid, as the window system delivers it (no button pressed)."""
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(point), QPointF(grid.mapToGlobal(point)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(grid, event)


def test_applies_only_to_experiments_with_a_test_pass():
    assert applies(MnistOverfit(data=synthetic_mnist()))
    assert not applies(get("ch05.multi-input")())


def test_empty_until_the_first_tested_epoch_then_equal_to_the_experiment(qtbot, panel_for):
    runner, panel = panel_for(MnistOverfit(data=synthetic_mnist()))
    assert panel.grid.counts is None
    assert panel.title.text().startswith("No test pass yet")
    runner.run_to(19)
    assert panel.grid.counts is None
    with qtbot.waitSignal(runner.epoch_finished, timeout=3000):
        runner.step()  # the 20th example closes epoch 0 and runs its test pass
    expected = runner.experiment.confusion_matrix()
    assert expected is not None and expected.sum() == 30
    qtbot.waitUntil(lambda: panel.grid.counts is not None, timeout=3000)
    np.testing.assert_array_equal(panel.grid.counts, expected)
    right = int(np.trace(expected))
    assert panel.title.text().startswith(f"Test pass after epoch 0: {right} of 30 test images right "
                                         f"({100 * right / 30:.1f} %)")
    # after the next tested epoch the matrix follows
    runner.run_to(40)
    qtbot.waitUntil(lambda: panel.epoch == 1 and "after epoch 1" in panel.title.text(), timeout=3000)
    np.testing.assert_array_equal(panel.grid.counts, runner.experiment.confusion_matrix())


def test_hover_reads_the_cell_and_the_colours_mean_right_and_mistaken(qtbot, panel_for):
    runner, panel = panel_for(MnistOverfit(data=synthetic_mnist()))
    runner.run_to(20)
    qtbot.waitUntil(lambda: panel.grid.counts is not None, timeout=3000)
    counts = panel.grid.counts
    # a mistake cell with images (the untrained network confuses some digits) and an empty one
    off = counts.copy()
    np.fill_diagonal(off, -1)
    t, p = np.unravel_index(int(np.argmax(off)), off.shape)
    n = int(counts[t, p])
    assert n > 0 and t != p
    move_mouse(panel.grid, cell_centre(panel.grid, t, p))
    assert panel.grid.hovered == (t, p)
    expected = f"true {t} predicted {p}: " + ("1 image" if n == 1 else f"{n} images")
    assert panel.hover.text().startswith(expected)
    assert f"of the {counts[t].sum()} test images of {t}" in panel.hover.text()
    assert panel.grid.hover_text(int(t), int(p)) == panel.hover.text()
    image = panel.grid.grab().toImage()
    c = colours()
    centre = cell_centre(panel.grid, t, p)
    corner = QPoint(centre.x() - 8, centre.y() - 8)  # inside the cell, clear of the number
    mistake = image.pixelColor(corner)
    assert mistake.red() > mistake.blue()  # mistakes towards the palette's orange
    empty = [(a, b) for a in range(10) for b in range(10) if counts[a, b] == 0]
    if empty:
        e = cell_centre(panel.grid, *empty[0])
        assert image.pixelColor(QPoint(e.x() - 8, e.y() - 8)).name() == c.surface.name()
    # the mouse leaves: the read-out goes back to its hint
    QApplication.sendEvent(panel.grid, QEvent(QEvent.Type.Leave))
    assert panel.grid.hovered is None and panel.hover.text() == "Point at a cell to read it."


def test_per_class_accuracy_column_and_text_alternative(qtbot, panel_for):
    counts = np.zeros((10, 10), dtype=int)
    counts[4, 4], counts[4, 9] = 77, 23
    counts[1, 1] = 10
    acc = per_class_accuracy(counts)
    assert acc[4] == pytest.approx(0.77) and acc[1] == 1.0 and np.isnan(acc[0])
    runner, panel = panel_for(MnistOverfit(data=synthetic_mnist()))
    panel.grid.set_counts(counts)
    assert panel.grid.hover_text(4, 9).startswith("true 4 predicted 9: 23 images")
    assert panel.grid.hover_text(4, 9).endswith("(23.0 % of the 100 test images of 4)")
    assert "Most frequent mistake: true 4 predicted 9, 23 images." in panel.describe_counts(counts)
    assert "Hardest digit: 4, 77 % right." in panel.describe_counts(counts)


def test_reset_clears_the_matrix(qtbot, panel_for):
    runner, panel = panel_for(MnistOverfit(data=synthetic_mnist()))
    runner.run_to(20)
    qtbot.waitUntil(lambda: panel.grid.counts is not None, timeout=3000)
    runner.reset()
    assert panel.grid.counts is None and panel.title.text().startswith("No test pass yet")


def test_the_panel_follows_a_language_change(qtbot, panel_for):
    from desktop.i18n import Translations

    runner, panel = panel_for(MnistOverfit(data=synthetic_mnist()))
    runner.run_to(20)
    qtbot.waitUntil(lambda: panel.grid.counts is not None, timeout=3000)
    english = panel.title.text()
    translations = Translations()
    try:
        assert translations.set_language("ru")  # widgets hear of it through a posted LanguageChange event
        qtbot.waitUntil(lambda: "Test pass" not in panel.title.text(), timeout=3000)
        assert "true" not in panel.grid.hover_text(0, 1)
    finally:
        translations.set_language("en")
    qtbot.waitUntil(lambda: panel.title.text() == english, timeout=3000)
