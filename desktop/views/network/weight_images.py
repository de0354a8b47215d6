"""What the weights learn (chapter 5, "Visualizing weight values" and "Visualizing dot products").

For a network whose input is an image, each unit's incoming weights are drawn as an image of the same
shape (blue positive, orange negative) that changes as the network learns; and the dot product of the
current input with one chosen weight vector is spelled out: x, w, x ⊙ w and the sum x · w, beside the
dot products with every weight vector (which weight vector the input agrees with most).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.colour import scale_for, signed_image
from desktop.format import exact, num
from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec, described
from desktop.widgets import FlowLayout, mark_hint
from learning.analysis import activate, agreement, dot_products
from learning.experiment import Experiment
from learning.network import Network, Weights

REPAINT_MS = 100  # 10 Hz: a hundred 28×28 tiles take ~20 ms to draw
TILE = 84
STRIP_TILE = 96
#: Bars for at most this many weight vectors; beyond it, the ones the input agrees with most.
MAX_BARS = 10


def image_matrix(net: Network) -> tuple[int, Weights] | None:
    """The first weight matrix whose inputs are the pixels of an image, with its index, or None."""
    for index, w in enumerate(net.weights):
        shape = net.layers[w.source].image_shape
        if shape is not None and shape[0] * shape[1] == w.shape[1]:
            return index, w
    return None


def applies(experiment: object) -> bool:
    """True for experiments whose network takes an image in (Layer.image_shape)."""
    if not isinstance(experiment, Experiment):
        return False
    try:
        return image_matrix(experiment.network()) is not None
    except NotImplementedError:
        return False


#: The smallest readable size (width, height) in pixels.
MINIMUM = (340, 200)


def spec() -> ViewSpec:
    """The dock of this panel."""
    return ViewSpec("weights", lambda: QCoreApplication.translate("WeightImagesPanel", "What the weights learn"),
                    WeightImagesPanel, MINIMUM, applies)


def scaled(image: QImage, side: int) -> QPixmap:
    """A crisp (nearest-neighbour) pixmap of an image in a side x side frame, for display."""
    c = colours()
    inner = image.scaled(QSize(side - 2, side - 2), Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.FastTransformation)
    pixmap = QPixmap(side, side)
    pixmap.fill(c.surface)
    painter = QPainter(pixmap)
    x, y = (side - inner.width()) // 2, (side - inner.height()) // 2
    painter.drawImage(x, y, inner)
    painter.setPen(QPen(c.node_border, 1))
    painter.drawRect(x - 1, y - 1, inner.width() + 1, inner.height() + 1)
    painter.end()
    return pixmap


def tile_icon(pixmap: QPixmap) -> QIcon:
    """An icon that looks the same selected or not (the style would tint a selected one blue)."""
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pixmap, mode)
    return icon


class Bars(QWidget):
    """Horizontal bars of signed values with names; the largest is marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement_bars")
        self.items: list[tuple[str, float]] = []
        self.best: int | None = None
        self.setMinimumWidth(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_items(self, items: list[tuple[str, float]], best: int | None) -> None:
        """Names and values to draw; `best` is the index to mark."""
        self.items, self.best = items, best
        self.setMinimumHeight(18 * max(1, len(items)) + 4)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = number_font(9)
        painter.setFont(font)
        finite = [abs(v) for _, v in self.items if np.isfinite(v)]
        top = max(finite, default=1.0) or 1.0
        name_w = 96
        value_w = 64
        zero = name_w + (self.width() - name_w - value_w) / 2
        half = (self.width() - name_w - value_w) / 2 - 4
        for i, (name, value) in enumerate(self.items):
            y = 2 + i * 18
            best = i == self.best
            painter.setPen(c.text if best else c.muted)
            painter.drawText(0, y, name_w - 6, 16, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             ("▶ " if best else "") + name)
            length = half * (abs(value) / top if np.isfinite(value) else 1.0)
            colour = QColor(c.positive if value >= 0 else c.negative)
            if not best:
                colour.setAlpha(150)
            painter.fillRect(int(zero if value >= 0 else zero - length), y + 3, int(max(1, length)), 11, colour)
            painter.setPen(c.text)
            painter.drawText(int(self.width() - value_w), y, value_w, 16,
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, num(value, 4))
        painter.setPen(QPen(c.grid, 1))
        painter.drawLine(int(zero), 0, int(zero), self.height())
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        painter.end()


class WeightImagesPanel(QWidget):
    """Every unit's incoming weights as an image tile, and the dot product with the current input spelled out."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("weight_images")
        c = colours()
        self.title = QLabel()
        self.title.setObjectName("weight_images_title")
        self.title.setWordWrap(True)
        self.shared_scale = QCheckBox()
        self.shared_scale.setObjectName("weight_images_shared_scale")
        self.shared_scale.toggled.connect(self._on_shared_scale_toggled)
        self.tiles = QListWidget()
        self.tiles.setObjectName("weight_tiles")
        self.tiles.setViewMode(QListView.ViewMode.IconMode)
        self.tiles.setIconSize(QSize(TILE, TILE))
        self.tiles.setResizeMode(QListView.ResizeMode.Adjust)
        self.tiles.setMovement(QListView.Movement.Static)
        self.tiles.setUniformItemSizes(True)
        self.tiles.setSpacing(4)
        self.tiles.setWordWrap(True)
        self.tiles.currentRowChanged.connect(self._on_tiles_current_row_changed)

        self.x_image, self.w_image, self.p_image = QLabel(), QLabel(), QLabel()
        self.x_caption, self.w_caption, self.p_caption = QLabel(), QLabel(), QLabel()
        for label, name in ((self.x_image, "dot_input"), (self.w_image, "dot_weights"), (self.p_image, "dot_products")):
            label.setObjectName(name)
            label.setFixedSize(STRIP_TILE, STRIP_TILE)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sum_label = QLabel()
        self.sum_label.setObjectName("dot_sum")
        self.sum_label.setWordWrap(True)
        self.sum_label.setMinimumWidth(190)
        self.sum_label.setTextFormat(Qt.TextFormat.RichText)
        self.bars = Bars()
        self.bars_title = QLabel()
        self.bars_title.setWordWrap(True)
        # The dot product as a row of cells (input ⊙ weights = products, Σ) that wraps in a narrow view, and the
        # agreement bars beside it or below.
        def cell(image: QLabel, caption: QLabel) -> QWidget:
            caption.setWordWrap(True)
            caption.setMaximumWidth(STRIP_TILE + 40)
            caption.setAlignment(Qt.AlignmentFlag.AlignTop)
            caption.setStyleSheet(f"color: {c.muted.name()}")
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(image)
            column.addWidget(caption)
            column.addStretch(1)
            return holder

        signs = (QLabel("⊙"), QLabel("="), QLabel("Σ"))
        for sign in signs:
            sign.setFont(number_font(16))
        strip = FlowLayout(spacing=10)
        strip.addWidget(cell(self.x_image, self.x_caption))
        strip.addWidget(signs[0])
        strip.addWidget(cell(self.w_image, self.w_caption))
        strip.addWidget(signs[1])
        strip.addWidget(cell(self.p_image, self.p_caption))
        strip.addWidget(signs[2])
        strip.addWidget(self.sum_label)
        agree = QWidget()
        agree_column = QVBoxLayout(agree)
        agree_column.setContentsMargins(0, 0, 0, 0)
        agree_column.addWidget(self.bars_title)
        agree_column.addWidget(self.bars)
        agree_column.addStretch(1)
        strip.addWidget(agree)
        bottom = QVBoxLayout()
        bottom.addLayout(strip)
        bottom.addStretch(1)
        self.empty = QLabel()
        self.empty.setObjectName("weight_images_empty")
        self._static_texts()
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {c.muted.name()}")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.shared_scale)
        mark_hint(self.shared_scale)  # a switch, not part of the picture
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        dot = QWidget()
        dot.setLayout(bottom)
        self.dot_view = QScrollArea()  # a tall dot product in a short view scrolls rather than growing the window
        self.dot_view.setObjectName("dot_product_view")
        self.dot_view.setWidgetResizable(True)
        self.dot_view.setFrameShape(QFrame.Shape.NoFrame)
        self.dot_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.dot_view.setWidget(dot)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.tiles)
        self.split.addWidget(self.dot_view)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        layout.addLayout(top)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.empty)
        self.chosen = 0
        self.products: np.ndarray | None = None
        self.total: float | None = None
        self.agreeing: str | None = None
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.advanced.connect(self._on_runner_advanced)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.weights_edited.connect(self._on_runner_weights_edited)
        runner.rewound.connect(self._on_runner_rewound)
        self.rebuild()

    # -- building ------------------------------------------------------------------------------------
    def _static_texts(self) -> None:
        """Texts set once, again after a language change."""
        self.shared_scale.setText(self.tr("One scale for all tiles"))
        self.shared_scale.setToolTip(self.tr("Off: each tile uses its own strongest weight as full colour, so every "
                                             "pattern shows. On: one scale, so tiles compare in strength"))
        self.tiles.setToolTip(self.tr("Click a tile to take its weights into the dot product below"))
        self.tiles.setAccessibleName(self.tr("Each unit's input weights as an image"))
        self.empty.setText(self.tr("This network does not take an image in, so its weights are not drawn as "
                                    "images here."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._static_texts()
            self.rebuild()
        super().changeEvent(event)

    def rebuild(self) -> None:
        """One tile per unit fed by the image, for the current experiment."""
        net = self._network()
        found = None if net is None else image_matrix(net)
        self.tiles.blockSignals(True)
        self.tiles.clear()
        shown = found is not None
        for widget in (self.split, self.shared_scale):
            widget.setVisible(shown)
        self.empty.setVisible(not shown)
        if found is None:
            self.title.setText("")
            self.tiles.blockSignals(False)
            return
        index, w = found
        target = net.layers[w.target]
        for unit in target.units:
            item = QListWidgetItem(unit)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.tiles.addItem(item)
        self.chosen = min(self.chosen, target.size - 1)
        self.tiles.setCurrentRow(self.chosen)
        self.tiles.blockSignals(False)
        h, wd = net.layers[w.source].image_shape  # type: ignore[misc]
        self.title.setText(self.tr("The weights into each unit of {0}, drawn as {1}×{2} images like the input: "
                                   "blue = positive, orange = negative").format(target.name, h, wd))
        self.refresh()

    def _network(self) -> Network | None:
        """The experiment's network, None for an experiment without one (chapter 13's recurrent network)."""
        try:
            return self.runner.experiment.network()
        except NotImplementedError:
            return None

    # -- updating ------------------------------------------------------------------------------------
    def _schedule(self) -> None:
        self._repaint.schedule()

    def describe(self) -> str:
        """A text alternative of the weight pictures and the dot product, for screen readers."""
        if not self.split.isVisible():
            return self.empty.text()
        return " ".join(t for t in (self.title.text(), self.sum_label.text(), self.bars_title.text()) if t)

    @described
    def refresh(self) -> None:
        """Draw the tiles and the dot product from the network as it is now."""
        net = self._network()
        found = None if net is None else image_matrix(net)
        if found is None:
            return
        _, w = found
        if self.tiles.count() != w.shape[0]:
            self.rebuild()
            return
        source, target = net.layers[w.source], net.layers[w.target]
        shape = source.image_shape
        assert shape is not None
        shared = scale_for(w.values) if self.shared_scale.isChecked() else None
        for row in range(w.shape[0]):
            vector = w.values[row]
            item = self.tiles.item(row)
            item.setIcon(tile_icon(scaled(signed_image(vector.reshape(shape), shared), TILE)))
            item.setToolTip(self.tr("weights into {0}: from {1} to {2}; click to use it in the dot product").format(
                target.units[row], num(float(np.nanmin(vector)), 3), num(float(np.nanmax(vector)), 3)))
        self._refresh_dot(net, w)

    def _refresh_dot(self, net: Network, w: Weights) -> None:
        source, target = net.layers[w.source], net.layers[w.target]
        shape = source.image_shape
        assert shape is not None
        row = self.chosen
        unit = target.units[row]
        weights = w.values[row]
        self.w_image.setPixmap(scaled(signed_image(weights.reshape(shape)), STRIP_TILE - 4))
        self.w_caption.setText(self.tr("w: the weights into {0}").format(unit))
        if source.values is None:
            self.x_image.clear()
            self.p_image.clear()
            self.x_image.setText(self.tr("no input yet"))
            self.x_caption.setText(self.tr("x: the input"))
            self.p_caption.setText(self.tr("x ⊙ w"))
            self.sum_label.setText(self.tr("Step once to see which parts of the input agree with the weights."))
            self.bars.set_items([], None)
            self.bars_title.setText("")
            self.products = None
            self.total = None
            return
        x = np.asarray(source.values, dtype=float)
        products, total = agreement(x, weights)
        self.products, self.total = products, total
        self.x_image.setPixmap(scaled(signed_image(x.reshape(shape)), STRIP_TILE - 4))
        self.p_image.setPixmap(scaled(signed_image(products.reshape(shape)), STRIP_TILE - 4))
        self.x_caption.setText(self.tr("x: the input now"))
        self.p_caption.setText(self.tr("x ⊙ w: agree (blue), disagree (orange)"))
        value = None if target.values is None else float(target.values[row])
        text = f"<span style='font-family:monospace; font-size:13pt'>x · w = {num(total, 5)}</span>"
        if value is not None:
            shown = total if target.activation is None else float(activate(target.activation, np.array([total]))[0])
            if math.isclose(shown, value, rel_tol=1e-9, abs_tol=1e-12):
                if target.activation is None:
                    text += "<br>" + self.tr("= {0}: the weighted sum the network computed").format(unit)
                else:
                    text += "<br>" + self.tr("{0}({1}) = {2} = {3}").format(target.activation, num(total, 4),
                                                                           num(value, 4), unit)
            else:
                text += "<br>" + self.tr("{0} was {1}: computed before the last update changed w").format(
                    unit, num(value, 4))
        self.sum_label.setText(text)
        self.sum_label.setToolTip(exact(total))
        sums = dot_products(x[None, :], w.values)[0]
        order = list(range(len(sums)))
        if len(order) > MAX_BARS:
            order = sorted(order, key=lambda i: -sums[i] if np.isfinite(sums[i]) else np.inf)[:MAX_BARS]
            self.bars_title.setText(self.tr("The input's dot product with the {0} weight vectors it agrees with "
                                            "most (of {1}):").format(MAX_BARS, len(sums)))
        else:
            self.bars_title.setText(self.tr("The input's dot product with every weight vector: the largest is "
                                            "the unit this input looks most like"))
        finite = [i for i in order if np.isfinite(sums[i])]
        best = max(finite, key=lambda i: sums[i]) if finite else None
        self.bars.set_items([(target.units[i], float(sums[i])) for i in order],
                            order.index(best) if best is not None else None)
        self.agreeing = target.units[best] if best is not None else None

    # -- events ----------------------------------------------------------------------------------------
    def _on_tiles_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.chosen = row
            self.refresh()

    def _on_shared_scale_toggled(self, _: bool) -> None:
        self.refresh()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self.chosen = 0
        self.rebuild()

    def _on_runner_reset_done(self) -> None:
        self.rebuild()

    def _on_runner_advanced(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_weights_edited(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_rewound(self, *_: Any) -> None:
        self._schedule()


def _preview() -> None:
    import sys

    from PySide6.QtWidgets import QApplication

    from learning import catalogue

    app = QApplication(sys.argv)
    # the experiment named on the command line, else the first one that takes images in
    fitting = [i for i, cls in catalogue.EXPERIMENTS.items() if cls.chapter >= 8]
    name = sys.argv[1] if len(sys.argv) > 1 else (fitting[0] if fitting else "ch04.alpha")
    runner = Runner(catalogue.get(name)())
    panel = WeightImagesPanel(runner)
    runner.step()
    panel.resize(800, 560)
    panel.show()
    app.exec()


if __name__ == "__main__":
    _preview()
