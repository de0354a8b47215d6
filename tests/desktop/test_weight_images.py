"""What the weights learn: weight tiles that follow the run, and the dot product spelled out, on 3x3 images."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop.format import num
from desktop.runner import Runner
from desktop.theme import colours
from desktop.views.network.weight_images import TILE, WeightImagesPanel, applies, image_matrix
from learning.catalogue import get
from learning.experiment import Experiment, Param, Phase
from learning.network import Layer, Network, Weights

# a step finishes at once, however loaded the machine (conftest.still_clock)
pytestmark = pytest.mark.usefixtures("still_clock")

# A vertical and a horizontal bar on a 3x3 retina; the network learns to tell them apart.
VERTICAL = np.array([0, 1, 0, 0, 1, 0, 0, 1, 0], dtype=float)
HORIZONTAL = np.array([0, 0, 0, 1, 1, 1, 0, 0, 0], dtype=float)


class Bars(Experiment):
    """9 pixels -> 2 outputs (vertical?, horizontal?), trained one image at a time."""

    id = "test.bars"
    title = "bars stand-in"
    chapter = 5
    params = (Param("alpha", 0.1, "learning rate", 0.0, 10.0, live=True),)
    iterations = 100
    hidden = False

    def setup(self):
        self.images = np.array([VERTICAL, HORIZONTAL])
        self.goals = np.eye(2)
        self.w = np.zeros((2, 9))
        self.x = self.pred = None

    def iteration(self):
        i = self.iteration_index % 2
        self.x = x = self.images[i]
        self.pred = pred = self.w @ x
        yield Phase.PREDICT, {"prediction": pred}
        delta = pred - self.goals[i]
        yield Phase.COMPARE, {"error": float(delta @ delta)}
        self.w -= self.alpha * np.outer(delta, x)
        yield Phase.LEARN, {}

    def network(self):
        return Network([Layer("input", tuple(f"px{k}" for k in range(9)), self.x, image_shape=(3, 3)),
                        Layer("output", ("vertical", "horizontal"), self.pred)],
                       [Weights("weights", 0, 1, self.w)])


@pytest.fixture
def panel_for(qtbot):
    def make(experiment):
        runner = Runner(experiment)
        panel = WeightImagesPanel(runner)
        qtbot.addWidget(panel)
        panel.resize(820, 560)
        panel.show()
        qtbot.waitExposed(panel)
        return runner, panel
    return make


def tile_image(panel, row):
    return panel.tiles.item(row).icon().pixmap(TILE, TILE).toImage()


def pixel_colour(image, r, c, side=3):
    """The colour drawn for pixel (r, c) of a side x side tile."""
    cell = (TILE - 2) / side
    return image.pixelColor(int(1 + (c + 0.5) * cell), int(1 + (r + 0.5) * cell))


def test_one_tile_per_output_shows_its_weights_and_follows_the_run(qtbot, panel_for):
    runner, panel = panel_for(Bars())
    assert panel.tiles.count() == 2
    assert [panel.tiles.item(i).text() for i in range(2)] == ["vertical", "horizontal"]
    assert "3×3" in panel.title.text()
    blank = tile_image(panel, 0)
    runner.run_to(10)
    qtbot.waitUntil(lambda: tile_image(panel, 0) != blank, timeout=2000)
    c = colours()
    vertical = tile_image(panel, 0)
    centre_column = pixel_colour(vertical, 0, 1)  # weight into vertical from a vertical-bar pixel: positive
    side = pixel_colour(vertical, 1, 0)  # from a horizontal-bar pixel: negative
    corner = pixel_colour(vertical, 0, 0)  # a pixel that is never on: its weight stays 0
    assert runner.experiment.w[0, 1] > 0 and runner.experiment.w[0, 3] < 0 and runner.experiment.w[0, 0] == 0
    assert centre_column.blue() > centre_column.red()  # blue family: positive
    assert side.red() > side.blue()  # orange family: negative
    assert corner == c.surface
    # the tiles are the same whether selected or not (no selection tint over the weights)
    assert panel.tiles.currentRow() == 0


def test_a_shared_scale_makes_tiles_comparable(qtbot, panel_for):
    runner, panel = panel_for(Bars())
    runner.run_to(3)  # vertical, horizontal, vertical: vertical's weights are now the larger ones
    panel.refresh()
    w = runner.experiment.w
    assert np.abs(w[0]).max() > np.abs(w[1]).max() > 0 and w[1, 3] > 0
    own = pixel_colour(tile_image(panel, 1), 1, 0)
    qtbot.mouseClick(panel.shared_scale, Qt.MouseButton.LeftButton)
    assert panel.shared_scale.isChecked()
    shared = pixel_colour(tile_image(panel, 1), 1, 0)
    # horizontal's weights look fainter measured against vertical's strongest weight than on their own scale
    assert shared.lightness() > own.lightness()
    assert own.blue() > own.red() and shared.blue() > shared.red()


def test_the_dot_product_is_spelled_out_for_the_tile_clicked(qtbot, panel_for):
    runner, panel = panel_for(Bars())
    assert panel.products is None and "no input yet" in panel.x_image.text()
    runner.run_to(7)  # the next image is horizontal; the last one seen (iteration 6) was vertical
    panel.refresh()
    exp = runner.experiment
    item = panel.tiles.item(1)
    qtbot.mouseClick(panel.tiles.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.tiles.visualItemRect(item).center())
    assert panel.chosen == 1
    np.testing.assert_array_equal(panel.products, exp.x * exp.w[1])
    assert panel.total == pytest.approx(float(exp.x @ exp.w[1]))
    assert num(panel.total, 5) in panel.sum_label.text()
    # the prediction was made before this iteration's update changed w, and the panel says so
    assert f"horizontal was {num(float(exp.pred[1]), 4)}" in panel.sum_label.text()
    # stepping only the predict phase: x · w is exactly what the network just computed
    runner.step_phase()
    panel.refresh()
    assert panel.total == pytest.approx(float(exp.pred[1]))
    assert "the weighted sum the network computed" in panel.sum_label.text()
    runner.step()
    assert "horizontal" in panel.w_caption.text()
    # which weight vector the input agrees with: the vertical bar input, vertical unit
    runner.reset()
    runner.run_to(7)
    panel.refresh()
    assert np.array_equal(exp.x, VERTICAL)
    assert panel.agreeing == "vertical"
    values = dict(panel.bars.items)
    np.testing.assert_allclose([values["vertical"], values["horizontal"]], exp.w @ exp.x)
    assert panel.bars.items[panel.bars.best][0] == "vertical"
    runner.step()  # now the horizontal bar is the input
    qtbot.waitUntil(lambda: panel.agreeing == "horizontal", timeout=2000)


def test_many_units_show_the_ones_the_input_agrees_with_most(qtbot, panel_for):
    class Many(Bars):
        def setup(self):
            super().setup()
            self.w = np.linspace(-1, 1, 30 * 9).reshape(30, 9)
            self.x = VERTICAL
            self.pred = self.w @ self.x

        def network(self):
            return Network([Layer("input", tuple(f"px{k}" for k in range(9)), self.x, image_shape=(3, 3)),
                            Layer("hidden", tuple(f"h{k}" for k in range(30)), np.maximum(0, self.pred),
                                  activation="relu")],
                           [Weights("weights_0_1", 0, 1, self.w)])

    runner, panel = panel_for(Many())
    assert panel.tiles.count() == 30
    assert len(panel.bars.items) == 10 and "of 30" in panel.bars_title.text()
    sums = runner.experiment.w @ VERTICAL
    assert panel.agreeing == f"h{int(np.argmax(sums))}"
    assert "relu" in panel.sum_label.text()


def test_which_experiments_have_weight_images(qtbot, panel_for):
    assert applies(Bars()) and not applies(get("ch06.backprop")()) and not applies(get("ch04.alpha")())
    assert image_matrix(get("ch05.multi-in-out")().network()) is None
    runner, panel = panel_for(get("ch04.alpha")())
    assert panel.empty.isVisible() and not panel.tiles.isVisible()
    runner.set_experiment(Bars())
    assert not panel.empty.isVisible() and panel.tiles.count() == 2
