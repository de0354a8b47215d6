"""One colour and scale service (desktop/colour.py): the map itself, and the same weight drawn in the same colour by
the diagram, the weight tiles and the kernels view — read from the images each view paints."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint

from desktop import colour
from desktop.colour import nice_ceiling, scale_for, signed_rgba
from desktop.runner import Runner
from desktop.theme import colours
from desktop.views.mnist.kernels import KernelsPanel
from desktop.views.network.diagram import DiagramPanel, GridItem
from desktop.views.network.weight_images import TILE, WeightImagesPanel
from learning.chapters.ch08_regularization import MnistDropout
from tests.learning.conftest import synthetic_mnist


def name(rgba):
    return "#{:02x}{:02x}{:02x}".format(*(int(v) for v in rgba[:3]))


def test_the_map_at_its_landmarks():
    c = colours()
    values = np.array([0.0, 2.0, -2.0, np.nan, np.inf, -np.inf, 5.0, -5.0])
    got = [name(v) for v in signed_rgba(values, 2.0)]
    assert got == [c.surface.name(), c.positive.name(), c.negative.name(), c.grid.name(), c.positive.name(),
                   c.negative.name(), c.positive.name(), c.negative.name()]
    half = signed_rgba(np.array([1.0, -1.0]), 2.0).astype(int)
    surface = np.array(c.surface.getRgb()[:3])
    for rgba, full in zip(half, (c.positive, c.negative), strict=True):  # linear: half the scale, half the way
        assert (np.abs(rgba[:3] - (surface + np.array(full.getRgb()[:3])) / 2) <= 1).all()
    greyed = signed_rgba(np.array([1.0, 1.0]), 1.0, np.array([False, True]))
    assert [name(v) for v in greyed] == [c.positive.name(), c.grid.name()]
    assert colour.signed_colour(-2.0, 2.0).name() == c.negative.name()


@pytest.mark.parametrize(("value", "scale"), [(0.07, 0.1), (0.1, 0.1), (0.11, 0.2), (0.3, 0.5), (7.0, 10.0),
                                              (0.0, 1.0), (math.nan, 1.0), (-3.0, 5.0), (1e-7, 1e-7)])
def test_scales_round_up_to_1_2_5(value, scale):
    assert scale_for(np.array([value, -value / 2])) == pytest.approx(scale)
    assert nice_ceiling(scale) == pytest.approx(scale)


def test_a_stable_scale_only_grows():
    stable = colour.StableScale()
    assert stable.update(0.3) == 0.5
    assert stable.update(0.1) == 0.5  # smaller values keep the scale: no flicker
    assert stable.update(0.6) == 1.0
    stable.reset()
    assert stable.update(0.1) == 0.1


def test_one_weight_one_colour_in_the_diagram_the_tiles_and_the_kernels(qtbot):
    runner = Runner(MnistDropout(data=synthetic_mnist(), hidden_size=12))
    runner.step()
    w = runner.experiment.weights_0_1  # 784 x 12, as the book stores it
    w *= 1.3  # largest |weight| about 0.13: the scale is 0.2, so no view may take its own maximum as full colour
    diagram = DiagramPanel(runner)
    tiles = WeightImagesPanel(runner)
    kernels = KernelsPanel(runner)
    for widget in (diagram, tiles, kernels):
        qtbot.addWidget(widget)
        widget.resize(900, 600)
        widget.show()
    diagram.set_diagram_style("blocks")
    diagram.refresh()
    tiles.shared_scale.setChecked(True)
    tiles.refresh()
    kernels.shared_scale.setChecked(True)
    kernels.refresh()
    block = next(i for i in diagram.scene().items() if isinstance(i, GridItem) and (i.rows, i.columns) == (784, 12))
    drawn_block = block._image  # the picture the block paints, one pixel per weight (rows = inputs)
    atlas = kernels.weights._atlas  # the tiles side by side, one pixel per weight
    expected_scale = scale_for(w)
    picks = [np.unravel_index(int(np.argmax(w)), w.shape), np.unravel_index(int(np.argmin(w)), w.shape),
             np.unravel_index(int(np.argmin(np.abs(w))), w.shape), (300, 5), (406, 11)]
    for pixel, unit in picks:
        want = name(signed_rgba(np.array([w[pixel, unit]]), expected_scale)[0])
        in_block = drawn_block.pixelColor(QPoint(int(unit), int(pixel))).name()
        in_kernels = atlas.pixelColor(QPoint(int(unit) * 28 + int(pixel) % 28, int(pixel) // 28)).name()
        icon = tiles.tiles.item(int(unit)).icon().pixmap(TILE, TILE).toImage()
        zoom = (TILE - 2) / 28  # the tile is scaled nearest-neighbour into TILE - 2 pixels, centred in the frame
        centre = QPoint(1 + int((int(pixel) % 28 + 0.5) * zoom), 1 + int((int(pixel) // 28 + 0.5) * zoom))
        in_tiles = icon.pixelColor(centre).name()
        assert (in_block, in_kernels, in_tiles) == (want, want, want), (pixel, unit)
