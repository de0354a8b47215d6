"""Pictures that are right: every view exports through File → Export view to PNG and SVG, the SVG draws what the PNG
draws (rendered back with QSvgRenderer and compared pixel region by pixel region), and on-screen hints stay out."""

import numpy as np
import pytest
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from desktop.export import export_plot, export_widget
from desktop.runner import Runner
from desktop.theme import colours
from desktop.views import registry
from learning.catalogue import EXPERIMENTS, get
from tests.learning.conftest import synthetic_mnist
from tests.learning.runfile_helpers import DATA as RUN_DATA

#: The experiment each view is exported with: the first of the book's that the view has something to show for.
PREFERRED = {"kernels": "ch10.mnist-conv", "activations": "ch09.mnist-tanh-softmax", "confusion": "ch08.mnist-overfit",
             "digits": "ch08.mnist-overfit", "streetlights": "ch06.whole-dataset", "landscape": "ch04.divergence",
             "weights": "ch08.mnist-overfit", "diagram": "ch06.backprop", "plot": "ch04.divergence",
             "graph": "ch13.autograd-sequential", "rows": "ch11.sentiment", "nearest": "ch11.sentiment",
             "word_map": "ch11.sentiment", "analogy": "ch11.analogy", "cbow": "ch11.word2vec",
             "review_search": "ch12.review-vectors", "unrolled": "ch12.toy-forward", "perplexity": "ch12.rnn-babi",
             "federation": "ch15.federated", "leaks": "ch15.federated-hack", "encrypted": "ch15.paillier",
             "spam_words": "ch15.spam-plain", "paillier_lab": "ch15.paillier", "chain_lab": "ch14.exploding-gradients",
             "gradient_map": "ch14.char-lstm", "sampling": "ch14.char-lstm", "reading": "ch14.char-lstm",
             "bptt": "ch14.char-rnn", "lstm_cell": "ch14.char-lstm"}


#: Views that are mostly lines of text: QSvgRenderer sets SVG text with its own font metrics, so a long line ends
#: a few pixels off and more cells differ a little (seen: 95 % of the word2vec step's cells agree, all in place;
#: 96.6 % of the spam words' list, a column of words beside their bars; 95 % of the streams of characters of
#: truncated back-propagation; 96 % of the chain lab's and the gradient map's, whose labels differ, not their shades).
MOSTLY_TEXT = {"cbow": 0.94, "spam_words": 0.95, "bptt": 0.94, "chain_lab": 0.95, "gradient_map": 0.95}

#: Small stand-ins for the data sets (the real samples are not needed to draw a view).
SYNTHETIC = {"mnist": synthetic_mnist, **{k: v for k, v in RUN_DATA.items() if k != "mnist"}}


def pixels(image: QImage) -> np.ndarray:
    """(h, w, 3) RGB of an image."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w = image.height(), image.width()
    return np.frombuffer(bytes(image.constBits()), dtype=np.uint8).reshape(h, image.bytesPerLine())[:, :w * 3] \
        .reshape(h, w, 3).copy()


def render_svg(path, size: QSize) -> np.ndarray:
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    image = QImage(size, QImage.Format.Format_RGB888)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return pixels(image)


def box(mask: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the True pixels."""
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    assert len(rows) and len(cols), "nothing drawn"
    return int(cols[0]), int(rows[0]), int(cols[-1]), int(rows[-1])


def near(picture: np.ndarray, colour: QColor, tolerance: int = 40) -> np.ndarray:
    rgb = np.array(colour.getRgb()[:3])
    return np.abs(picture.astype(int) - rgb).sum(axis=2) < tolerance


def ink(picture: np.ndarray) -> np.ndarray:
    """Pixels that differ clearly from the background (the most common colour)."""
    flat = picture.reshape(-1, 3)
    values, counts = np.unique(flat, axis=0, return_counts=True)
    background = values[np.argmax(counts)]
    return np.abs(picture.astype(int) - background).sum(axis=2) > 60


def test_the_plot_svg_puts_the_axes_where_the_png_does(qtbot, tmp_path):
    from desktop.views.plots.error_plot import ErrorPlotPanel

    runner = Runner(get("ch04.divergence")())
    panel = ErrorPlotPanel(runner)
    qtbot.addWidget(panel)
    runner.run_to(8)
    panel.refresh()
    width, height = 800, 450
    for suffix in ("png", "svg"):
        copy = panel.offscreen_copy()
        export_plot(copy, tmp_path / f"plot.{suffix}", width, height)
        copy.deleteLater()
    png = pixels(QImage(str(tmp_path / "plot.png")))
    svg = render_svg(tmp_path / "plot.svg", QSize(width, height))
    c = colours()
    curve_png, curve_svg = box(near(png, c.error)), box(near(svg, c.error))
    axes_png, axes_svg = box(ink(png) & ~near(png, c.error)), box(ink(svg) & ~near(svg, c.error))
    assert np.allclose(curve_png, curve_svg, atol=4), (curve_png, curve_svg)
    assert np.allclose(axes_png, axes_svg, atol=4), (axes_png, axes_svg)  # not squeezed into 75 % of the canvas
    assert axes_svg[2] > 0.9 * width and axes_svg[3] > 0.9 * height
    assert f'width="{width}" height="{height}"' in (tmp_path / "plot.svg").read_text()  # its size in pixels


def experiment_for(key: str):
    cls = EXPERIMENTS[PREFERRED[key]]
    names_of_params = {p.name for p in cls.params}
    small = {"batch_size": 5} if "batch_size" in names_of_params else {}  # 20 synthetic images
    if "size" in names_of_params:
        small["size"] = "small"  # a character model of 32 units
    names = getattr(cls, "datasets", ())
    exp = cls(data=SYNTHETIC[names[0]](), **small) if names else cls()
    assert registry.get(key).fits(exp)
    return exp


@pytest.mark.parametrize("key", registry.keys())
def test_every_view_exports_png_and_svg_that_agree(qtbot, tmp_path, key):
    spec = registry.get(key)
    exp = experiment_for(key)
    runner = Runner(exp)
    view = spec.factory(runner)
    qtbot.addWidget(view)
    view.resize(640, 420)
    view.show()
    qtbot.waitExposed(view)
    runner.run_to(exp.epoch_size or 5)  # a whole epoch: the confusion matrix has its test pass
    for child in [view, *view.findChildren(type(view))]:
        getattr(child, "refresh", lambda: None)()
    qtbot.wait(80)
    png_path, svg_path = tmp_path / f"{key}.png", tmp_path / f"{key}.svg"
    export_widget(view, png_path, 900, spec.title())
    export_widget(view, svg_path, 900, spec.title())
    png = pixels(QImage(str(png_path)))
    assert png.shape[1] == 900 and png.shape[0] > 100
    svg = render_svg(svg_path, QSize(png.shape[1], png.shape[0]))
    drawn_png, drawn_svg = ink(png), ink(svg)
    assert drawn_png.mean() > 0.003, "the PNG is blank"
    assert np.allclose(box(drawn_png), box(drawn_svg), atol=0.03 * 900), (box(drawn_png), box(drawn_svg))
    # the same picture: the mean colour of nearly every 12-pixel cell agrees (text is antialiased a little
    # differently; an image drawn from the wrong part of its source, or content spilling out of its box, is not)
    cell = 12
    h, w = (png.shape[0] // cell) * cell, 900 // cell * cell
    means = [p[:h, :w].astype(float).reshape(h // cell, cell, w // cell, cell, 3).mean(axis=(1, 3)) for p in (png, svg)]
    assert (np.abs(means[0] - means[1]).sum(axis=2) < 30).mean() > MOSTLY_TEXT.get(key, 0.98)


def test_exports_leave_out_the_on_screen_hints(qtbot, tmp_path):
    from desktop.views.network.diagram import DiagramPanel
    from desktop.views.plots.error_plot import ErrorPlotPanel

    runner = Runner(get("ch04.gradient-descent")())
    diagram, plot = DiagramPanel(runner), ErrorPlotPanel(runner)
    for view in (diagram, plot):
        qtbot.addWidget(view)
        view.resize(700, 400)
        view.show()
    plot.refresh()
    hints = [item for item in diagram.scene().items() if hasattr(item, "text") and "click a line" in item.text()]
    assert hints and hints[0].isVisible()  # on screen the legend says how to edit a weight
    assert plot.is_empty() and "press Step" in plot.empty_text.toPlainText()
    export_widget(diagram, tmp_path / "net.svg", 900)
    export_widget(plot, tmp_path / "plot.svg", 900)
    assert "click a line" not in (tmp_path / "net.svg").read_text()
    assert "positive weight" in (tmp_path / "net.svg").read_text()  # the legend itself stays
    assert "press Step" not in (tmp_path / "plot.svg").read_text()
    assert hints[0].isVisible() and plot.empty_text.isVisible()  # and come back on screen


def test_right_click_on_a_plot_offers_the_apps_export_not_pyqtgraphs(qtbot, main_window, tmp_path, monkeypatch):
    import pyqtgraph as pg

    w = main_window
    w.runner.run_to(3)
    w.show_view("plot")
    plot = w.workspace.view("plot")
    graphics = plot.findChild(pg.PlotWidget)
    boxes = [item for item in graphics.scene().items() if isinstance(item, pg.ViewBox)]
    assert boxes and not any(b.menuEnabled() for b in boxes)  # pyqtgraph's menu with its Export… is off
    assert graphics.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    asked = []
    monkeypatch.setattr(w, "export_view_dialog", lambda key=None: asked.append(key))

    def choose():
        menu = QApplication.activePopupWidget()
        [action] = menu.actions()
        assert action.text() == "Export view…"
        action.trigger()
        menu.close()

    QTimer.singleShot(50, choose)
    graphics.customContextMenuRequested.emit(graphics.rect().center())  # a right-click on the plot
    assert asked == ["plot"]  # the app's export of this very view


def test_gif_frames_leave_out_the_hints(qtbot, tmp_path, monkeypatch):
    from desktop import animation

    runner = Runner(get("ch04.gradient-descent")())
    runner.run_to(3)
    seen = []
    grab = animation.Stage.grab

    def spy(stage):
        hints = [item for item in stage.diagram.scene().items() if hasattr(item, "text") and "click a line" in
                 item.text()]
        seen.append(bool(hints) and not any(item.isVisible() for item in hints))
        return grab(stage)

    monkeypatch.setattr(animation.Stage, "grab", spy)
    animation.record_gif(runner, tmp_path / "run.gif", 480)
    assert seen and all(seen)
