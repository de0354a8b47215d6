"""Weights and kernels: every hidden unit's input weights as a 28 x 28 tile (chapters 8-9), the 16 conv kernels as
3 x 3 tiles and the feature maps of the current image (chapter 10), following the run; blue positive, orange
negative. Tiny synthetic MNIST is injected."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint

from desktop.colour import nice_ceiling
from desktop.runner import Runner
from desktop.theme import colours
from desktop.views.mnist.kernels import KernelsPanel, applies, convolutional, grid_layout, tile_scales
from learning.catalogue import get
from learning.chapters.ch08_regularization import MnistDropout, MnistOverfit
from learning.chapters.ch10_convolution import MnistConv
from tests.learning.conftest import synthetic_mnist

# a step finishes at once, however loaded the machine (conftest.still_clock)
pytestmark = pytest.mark.usefixtures("still_clock")


@pytest.fixture
def panel_for(qtbot):
    def make(experiment):
        runner = Runner(experiment)
        panel = KernelsPanel(runner)
        qtbot.addWidget(panel)
        panel.resize(900, 480)
        panel.show()
        qtbot.waitExposed(panel)
        return runner, panel
    return make


def pixel_centre(grid, tile, r, c):
    rect = grid.tile_rects()[tile]
    _, h, w = grid.values.shape
    return QPoint(int(rect.left() + (c + 0.5) * rect.width() / w), int(rect.top() + (r + 0.5) * rect.height() / h))


def test_applies_and_conv_detection():
    data = synthetic_mnist()
    assert applies(MnistOverfit(data=data)) and not convolutional(MnistOverfit(data=data))
    conv = MnistConv(data=data, batch_size=5)
    assert applies(conv) and convolutional(conv)
    assert not applies(get("ch06.backprop")())


def test_hidden_weight_tiles_follow_the_run(qtbot, panel_for):
    runner, panel = panel_for(MnistOverfit(data=synthetic_mnist()))
    exp = runner.experiment
    assert panel.weights.isVisible() and not panel.conv.isVisible()
    np.testing.assert_array_equal(panel.weights.values, exp.hidden_weight_images())
    assert panel.weights.values.shape == (40, 28, 28)
    before = panel.weights.values.copy()
    runner.run_to(5)
    qtbot.waitUntil(lambda: not np.array_equal(panel.weights.values, before), timeout=3000)
    np.testing.assert_array_equal(panel.weights.values, exp.hidden_weight_images())
    assert "40 hidden units" in panel.title.text() and "28×28" in panel.title.text()
    assert len(panel.weights.tile_rects()) == 40


def test_tiles_are_drawn_blue_for_positive_and_orange_for_negative(qtbot, panel_for):
    runner, panel = panel_for(MnistDropout(data=synthetic_mnist()))
    grid = panel.weights
    values = grid.values
    assert values.shape == (100, 28, 28)
    tile = 7
    assert grid.tile_rects()[tile].width() >= 2 * 28  # two screen pixels per weight: pixel centres are exact
    image = grid.grab().toImage()
    r, c = np.unravel_index(int(np.argmax(values[tile])), values[tile].shape)
    blue = image.pixelColor(pixel_centre(grid, tile, r, c))
    assert blue.name() == colours().positive.name()  # the tile's strongest weight is full colour (own scale)
    r, c = np.unravel_index(int(np.argmin(values[tile])), values[tile].shape)
    orange = image.pixelColor(pixel_centre(grid, tile, r, c))
    assert orange.red() > orange.blue()
    assert grid.scales[tile] == nice_ceiling(abs(values[tile]).max())  # the tile's own scale (desktop.colour)
    hit = grid.pixel_at(pixel_centre(grid, tile, 3, 5).x(), pixel_centre(grid, tile, 3, 5).y())
    assert hit == (tile, 3, 5)
    assert panel._describe_weight(tile, 3, 5, float(values[tile, 3, 5]), False).startswith(
        "hidden unit 7, weight from pixel (3, 5): ")


def test_one_scale_for_all_tiles(qtbot, panel_for):
    runner, panel = panel_for(MnistDropout(data=synthetic_mnist()))
    panel.shared_scale.click()
    top = np.abs(runner.experiment.hidden_weight_images()).max()
    np.testing.assert_allclose(panel.weights.scales, np.full(100, nice_ceiling(top)))  # desktop.colour.scale_for
    per = tile_scales(np.array([[[0.0, 0.5]], [[0.0, 0.0]]]), shared=False)
    np.testing.assert_array_equal(per, [0.5, 1.0])  # an all-zero tile does not divide by zero


def test_kernel_tiles_and_feature_maps_in_chapter_10(qtbot, panel_for):
    runner, panel = panel_for(MnistConv(data=synthetic_mnist(), batch_size=5))
    exp = runner.experiment
    assert panel.conv.isVisible() and not panel.weights.isVisible()
    np.testing.assert_array_equal(panel.kernels.values, exp.kernel_images())
    assert panel.kernels.values.shape == (16, 3, 3)
    assert panel.maps.values is None and "after the next prediction" in panel.maps_title.text()
    runner.step()
    qtbot.waitUntil(lambda: panel.maps.values is not None, timeout=3000)
    np.testing.assert_array_equal(panel.kernels.values, exp.kernel_images())
    maps = exp.feature_maps(0)
    np.testing.assert_array_equal(panel.maps.values, maps)
    assert panel.maps.values.shape == (16, 26, 26)
    # paused: the positions dropout switched off are greyed, and only those (where the map is 0)
    greyed = panel.maps.greyed
    assert greyed is not None and greyed.sum() == np.count_nonzero(exp.last_dropout_mask(0) == 0)
    assert (maps[greyed] == 0).all()
    kept_nonzero = (maps != 0) & ~greyed
    assert kept_nonzero.any()
    image = panel.maps.grab().toImage()
    k, r, c = map(int, np.argwhere(greyed)[0])
    assert image.pixelColor(pixel_centre(panel.maps, k, r, c)).name() == colours().grid.name()
    assert "grey: dropped" in panel.maps_title.text()
    assert panel._describe_kernel(2, 1, 0, 0.25, False) == "kernel 2, row 1, column 0: 0.25"


def test_kernels_change_as_the_network_learns(qtbot, panel_for):
    runner, panel = panel_for(MnistConv(data=synthetic_mnist(), batch_size=5))
    before = panel.kernels.values.copy()
    runner.run_to(2)
    qtbot.waitUntil(lambda: not np.array_equal(panel.kernels.values, before), timeout=3000)
    np.testing.assert_array_equal(panel.kernels.values, runner.experiment.kernel_images())


def test_grid_layout_makes_tiles_as_large_as_fit():
    columns, zoom = grid_layout(16, 3, 3, 300, 300)
    assert columns == 4 and zoom == pytest.approx((300 - 3 * 3) / 12)
    columns, zoom = grid_layout(100, 28, 28, 900, 400)
    rows = -(-100 // columns)
    assert columns * 28 * zoom + (columns - 1) * 3 <= 900 + 1e-9 and rows * 28 * zoom + (rows - 1) * 3 <= 400 + 1e-9


def test_learned_so_far_shows_the_change_since_the_start(qtbot, panel_for):
    runner, panel = panel_for(MnistOverfit(data=synthetic_mnist()))
    start = runner.experiment.hidden_weight_images().copy()
    assert panel.learned.isEnabled()
    runner.run_to(20)
    panel.learned.click()
    np.testing.assert_allclose(panel.weights.values, runner.experiment.hidden_weight_images() - start)
    assert "learned so far" in panel.title.text()
    assert "changed by" in panel._describe_weight(0, 1, 2, 0.5, False)
    runner.reset()  # a new run: its own start, nothing learned yet
    assert not panel.weights.values.any()
    panel.learned.click()
    np.testing.assert_array_equal(panel.weights.values, runner.experiment.hidden_weight_images())


def test_learned_so_far_needs_the_start_of_the_run(qtbot):
    runner = Runner(MnistOverfit(data=synthetic_mnist()))
    runner.run_to(3)
    panel = KernelsPanel(runner)  # opened mid-run: the random start is gone
    qtbot.addWidget(panel)
    assert not panel.learned.isEnabled() and panel.start is None


def test_signed_atlas_colours():
    from desktop.views.mnist.kernels import signed_atlas

    c = colours()
    tiles = np.array([[[0.0, 2.0, -2.0, np.nan]], [[1.0, 0.0, 0.0, 0.0]]])
    greyed = np.zeros(tiles.shape, dtype=bool)
    greyed[1, 0, 0] = True
    atlas = signed_atlas(tiles, np.array([2.0, 1.0]), greyed)
    assert atlas.shape == (1, 8, 4)
    names = ["#{:02x}{:02x}{:02x}".format(*atlas[0, k, :3]) for k in range(8)]
    assert names[:5] == [c.surface.name(), c.positive.name(), c.negative.name(), c.grid.name(), c.grid.name()]
    half = atlas[0, 1, :3].astype(int)
    assert (np.abs(signed_atlas(np.array([[[1.0]]]), np.array([2.0]))[0, 0, :3].astype(int)
                   - (np.array(c.surface.getRgb()[:3]) + half) / 2) <= 1).all()  # half scale: half way


def test_the_panel_follows_a_language_change(qtbot, panel_for):
    from desktop.i18n import Translations

    runner, panel = panel_for(MnistOverfit(data=synthetic_mnist()))
    english = panel.title.text()
    translations = Translations()
    try:
        assert translations.set_language("ru")  # widgets hear of it through a posted LanguageChange event
        qtbot.waitUntil(lambda: panel.shared_scale.text() != "One scale for all tiles", timeout=3000)
        assert panel.title.text() != english
    finally:
        translations.set_language("en")
    qtbot.waitUntil(lambda: panel.shared_scale.text() == "One scale for all tiles" and panel.title.text() == english,
                    timeout=3000)
