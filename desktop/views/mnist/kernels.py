"""What the hidden layer looks for (chapters 8-10): every hidden unit's input weights as a 28 x 28 tile, and in
chapter 10 the 16 convolution kernels as 3 x 3 tiles with the feature maps they make of the current image.

Blue is positive, orange negative; tiles update live at most ~30 times a second. All tiles come from one atlas
image drawn tile by tile, so a repaint costs a millisecond or two even for 100 tiles.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize
from PySide6.QtGui import QHelpEvent, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from desktop.colour import scale_for, signed_index, signed_lut, to_qimage
from desktop.format import exact
from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours
from desktop.views import ViewSpec, described, preview
from desktop.widgets import FlowLayout, mark_hint

REPAINT_MS = 33
GAP = 3


def applies(experiment: object) -> bool:
    """True for experiments that show their hidden units' input weights as images (chapters 8-10)."""
    return callable(getattr(experiment, "hidden_weight_images", None))


def convolutional(experiment: object) -> bool:
    """True for chapter 10's network: kernels and feature maps instead of 28 x 28 weight images."""
    return callable(getattr(experiment, "kernel_images", None)) and callable(getattr(experiment, "feature_maps",
                                                                                      None))


#: The smallest readable size (width, height) in pixels.
MINIMUM = (370, 220)


def spec() -> ViewSpec:
    """The dock of this panel."""
    return ViewSpec("kernels", lambda: QCoreApplication.translate("KernelsPanel", "Weights and kernels"),
                    KernelsPanel, MINIMUM, applies)


def tile_scales(tiles: np.ndarray, shared: bool) -> np.ndarray:
    """The colour scale of each tile (desktop.colour.scale_for): its own, or one for all tiles together."""
    if shared:
        return np.full(len(tiles), scale_for(tiles))
    return np.array([scale_for(tile) for tile in tiles], dtype=float)


def signed_atlas(tiles: np.ndarray, scales: np.ndarray, greyed: np.ndarray | None = None) -> np.ndarray:
    """Tiles (n, h, w) side by side as one (h, n * w, 4) uint8 image, each on its own scale, in the colours of
    desktop.colour (greyed pixels and NaN in the grid grey). One table lookup per pixel (100 tiles of 28 x 28 take
    about a millisecond)."""
    n, h, w = tiles.shape
    with np.errstate(invalid="ignore"):
        index = signed_index(tiles / scales[:, None, None], 1.0, greyed)
    return np.ascontiguousarray(signed_lut()[index.transpose(1, 0, 2).reshape(h, n * w)])


def grid_layout(n: int, tile_h: int, tile_w: int, width: float, height: float) -> tuple[int, float]:
    """(columns, pixels per tile pixel) that make n tiles as large as possible within width x height."""
    best = (max(n, 1), 0.0)
    for columns in range(1, max(n, 1) + 1):
        rows = math.ceil(n / columns)
        zoom = min((width - (columns - 1) * GAP) / (columns * tile_w), (height - (rows - 1) * GAP) / (rows * tile_h))
        if zoom > best[1]:
            best = (columns, zoom)
    return best[0], max(best[1], 0.25)


class TileGrid(QWidget):
    """Signed image tiles in a grid that fills the widget; hover a pixel to read its value."""

    def __init__(self, name: str, describe: Callable[[int, int, int, float, bool], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.describe = describe
        self.values: np.ndarray | None = None  # (n, h, w) as drawn
        self.greyed: np.ndarray | None = None
        self.scales: np.ndarray | None = None
        self._atlas: QImage | None = None
        self.setMinimumSize(120, 60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 300)

    def set_tiles(self, values: np.ndarray | None, shared: bool, greyed: np.ndarray | None = None,
                  scale: float | None = None) -> None:
        """Draw these tiles (n, h, w); `scale` fixes full colour, else each tile's own (or a shared) maximum."""
        if values is None:
            self.values = self.greyed = self.scales = None
            self._atlas = None
            self.update()
            return
        self.values = np.array(values, dtype=float)
        self.greyed = None if greyed is None else np.asarray(greyed, dtype=bool)
        n = len(self.values)
        self.scales = np.full(n, float(scale)) if scale else tile_scales(self.values, shared)
        atlas = signed_atlas(self.values, self.scales, self.greyed)
        self._atlas = to_qimage(atlas)
        self.update()

    def tile_rects(self) -> list[QRectF]:
        """Where each tile is drawn at the current size."""
        if self.values is None:
            return []
        n, h, w = self.values.shape
        columns, zoom = grid_layout(n, h, w, self.width() - 2, self.height() - 2)
        tw, th = w * zoom, h * zoom
        return [QRectF(1 + (k % columns) * (tw + GAP), 1 + (k // columns) * (th + GAP), tw, th) for k in range(n)]

    def pixel_at(self, x: float, y: float) -> tuple[int, int, int] | None:
        """(tile, row, column) under a point, or None."""
        if self.values is None:
            return None
        _, h, w = self.values.shape
        for k, rect in enumerate(self.tile_rects()):
            if rect.contains(x, y):
                r = min(int((y - rect.top()) / rect.height() * h), h - 1)
                col = min(int((x - rect.left()) / rect.width() * w), w - 1)
                return k, r, col
        return None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.background)
        if self._atlas is None or self.values is None:
            painter.end()
            return
        _, h, w = self.values.shape
        painter.setPen(QPen(c.node_border, 1))
        for k, rect in enumerate(self.tile_rects()):
            # each tile its own image: a source rectangle of the atlas is lost on the way into an SVG export
            painter.drawImage(rect, self._atlas.copy(k * w, 0, w, h))
            if rect.width() >= 12:
                painter.drawRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.pixel_at(event.pos().x(), event.pos().y())
            if hit is None or self.values is None:
                QToolTip.hideText()
            else:
                k, r, col = hit
                greyed = bool(self.greyed[k, r, col]) if self.greyed is not None else False
                QToolTip.showText(event.globalPos(), self.describe(k, r, col, float(self.values[k, r, col]), greyed),
                                  self)
            return True
        return super().event(event)


class KernelsPanel(QWidget):
    """Hidden units' input weights as 28 x 28 tiles; for chapter 10, the 16 kernels and the feature maps."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("kernels")
        c = colours()
        self.title = QLabel()
        self.title.setObjectName("kernels_title")
        self.title.setWordWrap(True)
        self.shared_scale = QCheckBox()
        self.shared_scale.setObjectName("kernels_shared_scale")
        self.shared_scale.toggled.connect(self._on_shared_scale_toggled)
        self.learned = QCheckBox()
        self.learned.setObjectName("kernels_learned")
        self.learned.toggled.connect(self._on_learned_toggled)
        self.weights = TileGrid("hidden_weight_tiles", self._describe_weight)
        self.kernels = TileGrid("kernel_tiles", self._describe_kernel)
        self.maps_title = QLabel()
        self.maps_title.setObjectName("feature_maps_title")
        self.maps_title.setWordWrap(True)
        self.maps_title.setStyleSheet(f"color: {c.muted.name()}")
        self.maps = TileGrid("feature_map_tiles", self._describe_map)
        self.empty = QLabel()
        self.empty.setObjectName("kernels_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {c.muted.name()}")
        options = FlowLayout()  # the two switches wrap under each other in a narrow view
        options.addWidget(self.learned)
        options.addWidget(self.shared_scale)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addLayout(options)
        for switch in (self.learned, self.shared_scale):  # switches, not part of the picture
            mark_hint(switch)
        self.conv = QWidget()
        conv = QHBoxLayout(self.conv)
        conv.setContentsMargins(0, 0, 0, 0)
        kernels_column = QVBoxLayout()
        self.kernels_title = QLabel()
        self.kernels_title.setWordWrap(True)
        self.kernels_title.setStyleSheet(f"color: {c.muted.name()}")
        kernels_column.addWidget(self.kernels_title)
        kernels_column.addWidget(self.kernels, 1)
        maps_column = QVBoxLayout()
        maps_column.addWidget(self.maps_title)
        maps_column.addWidget(self.maps, 1)
        conv.addLayout(kernels_column, 2)
        conv.addLayout(maps_column, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.weights, 1)
        layout.addWidget(self.conv, 1)
        layout.addWidget(self.empty)
        self._dirty = True
        #: The run's starting hidden weights (kernels in ch. 10), for "learned so far"; None if not seen.
        self.start: np.ndarray | None = None
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        runner.advanced.connect(self._on_runner_advanced)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.playing_changed.connect(self._on_runner_playing_changed)
        runner.weights_edited.connect(self._on_runner_weights_edited)
        runner.rewound.connect(self._on_runner_rewound)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        self._keep_start()
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        self.learned.setText(self.tr("Learned so far"))
        self.learned.setToolTip(self.tr("Show each weight minus its random starting value: what the run has learned, "
                                        "which the random start hides early on"))
        self.shared_scale.setText(self.tr("One scale for all tiles"))
        self.shared_scale.setToolTip(self.tr("Off: each tile uses its own strongest weight as full colour, so every "
                                             "pattern shows. On: one scale, so tiles compare in strength"))
        self.weights.setAccessibleName(self.tr("Hidden units' input weights"))
        self.kernels.setAccessibleName(self.tr("Convolution kernels"))
        self.maps.setAccessibleName(self.tr("Feature maps"))
        self.empty.setText(self.tr("This network's hidden units do not look at an image."))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _describe_weight(self, tile: int, r: int, c: int, value: float, greyed: bool) -> str:
        if self.showing_learned():
            return self.tr("hidden unit {0}, weight from pixel ({1}, {2}): changed by {3} since the start").format(
                tile, r, c, exact(value))
        return self.tr("hidden unit {0}, weight from pixel ({1}, {2}): {3}").format(tile, r, c, exact(value))

    def _describe_kernel(self, tile: int, r: int, c: int, value: float, greyed: bool) -> str:
        if self.showing_learned():
            return self.tr("kernel {0}, row {1}, column {2}: changed by {3} since the start").format(tile, r, c,
                                                                                                   exact(value))
        return self.tr("kernel {0}, row {1}, column {2}: {3}").format(tile, r, c, exact(value))

    def _describe_map(self, tile: int, r: int, c: int, value: float, greyed: bool) -> str:
        text = self.tr("kernel {0} at window ({1}, {2}): {3}").format(tile, r, c, exact(value))
        return text + (" " + self.tr("(dropped by dropout this step)") if greyed else "")

    # -- events -----------------------------------------------------------------------------------------
    def _schedule(self) -> None:
        self._repaint.schedule()

    def _on_runner_advanced(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_playing_changed(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_weights_edited(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_rewound(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_reset_done(self) -> None:
        self._keep_start()
        self.refresh()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self._keep_start()
        self.refresh()

    def _keep_start(self) -> None:
        """Remember the run's starting weights (only known when the panel sees the run start)."""
        exp = self.runner.experiment
        self.start = None
        if applies(exp) and self.runner.count == 0 and not self.runner.mid_iteration:
            self.start = np.array(exp.hidden_weight_images(), dtype=float)
        self.learned.setEnabled(self.start is not None)
        if self.start is None:
            self.learned.setChecked(False)

    def _on_shared_scale_toggled(self, *_: Any) -> None:
        self.refresh()

    def _on_learned_toggled(self, *_: Any) -> None:
        self.refresh()

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    # -- drawing ----------------------------------------------------------------------------------------
    def describe(self) -> str:
        """A text alternative of the weights, kernels and feature maps, for screen readers."""
        if self.empty.isVisible():
            return self.empty.text()
        parts = [w.accessibleDescription() for w in (self.weights, self.kernels, self.maps) if w.isVisible()]
        return " ".join(p for p in [self.title.text(), *parts] if p)

    @described
    def refresh(self) -> None:
        """Draw the tiles from the experiment as it is now (called at most ~30 times a second)."""
        exp = self.runner.experiment
        ok, conv = applies(exp), convolutional(exp)
        self.empty.setVisible(not ok)  # even while hidden, so the layout is right when it shows
        self.shared_scale.setVisible(ok)
        self.learned.setVisible(ok)
        self.weights.setVisible(ok and not conv)
        self.conv.setVisible(ok and conv)
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        if not ok:
            self.title.setText("")
            return
        shared = self.shared_scale.isChecked()
        if conv:
            self._refresh_conv(exp, shared)
            return
        tiles = self._minus_start(exp.hidden_weight_images())
        self.weights.set_tiles(tiles, shared)
        n, h, w = tiles.shape
        if self.showing_learned():
            self.title.setText(self.tr("What each of the {0} hidden units has learned so far: its input weights minus "
                                       "their random start, as {1}×{2} images. Blue = grew, orange = shrank.").format(
                n, h, w))
        else:
            self.title.setText(self.tr("The input weights of each of the {0} hidden units, drawn as {1}×{2} images "
                                       "like the digits: blue = positive, orange = negative. Hover a pixel to read "
                                       "it.").format(n, h, w))
        self.weights.setAccessibleDescription(self.title.text() + " " + self._strength(tiles))

    def _refresh_conv(self, exp: Any, shared: bool) -> None:
        kernels = self._minus_start(exp.kernel_images())
        self.kernels.set_tiles(kernels, shared)
        if self.showing_learned():
            self.kernels_title.setText(self.tr("The 16 kernels (3×3): what each has learned since its random start"))
        else:
            self.kernels_title.setText(self.tr("The 16 kernels (3×3), shared by every position of the image"))
        self.title.setText(self.tr("Convolution: 16 kernels of 3×3 slide over the image; each makes a feature map "
                                   "of where its pattern appears. Blue = positive, orange = negative."))
        self.kernels.setAccessibleDescription(self.kernels_title.text() + ". " + self._strength(kernels))
        maps = exp.feature_maps(0)
        if maps is None:
            self.maps.set_tiles(None, shared)
            self.maps_title.setText(self.tr("Feature maps: after the next prediction"))
            self.maps.setAccessibleDescription(self.maps_title.text())
            return
        n, r, _ = maps.shape
        mask = exp.last_dropout_mask(0) if callable(getattr(exp, "last_dropout_mask", None)) else None
        greyed = None
        dropout = mask is not None
        if dropout and not self.runner.playing:
            # the hidden layer is position-major, kernel-minor (BOOK.md ch. 10), as feature_maps() reads it
            greyed = (np.asarray(mask).reshape(r, r, n).transpose(2, 0, 1) == 0)
        self.maps.set_tiles(maps, shared, greyed)
        if greyed is not None:
            text = self.tr("Feature maps ({0}×{0}) of the first image of the batch: tanh of each kernel at every "
                           "window, after dropout (grey: dropped this step, kept values doubled)").format(r)
        elif dropout:
            text = self.tr("Feature maps ({0}×{0}) of the first image of the batch: tanh of each kernel at every "
                           "window, after dropout (the dropped positions are greyed when paused)").format(r)
        else:
            text = self.tr("Feature maps ({0}×{0}): tanh of each kernel at every window").format(r)
        self.maps_title.setText(text)
        self.maps.setAccessibleDescription(text)

    def showing_learned(self) -> bool:
        """True when the tiles show the change since the run's start."""
        return self.learned.isChecked() and self.start is not None

    def _minus_start(self, tiles: np.ndarray) -> np.ndarray:
        if self.showing_learned() and self.start is not None and self.start.shape == tiles.shape:
            return tiles - self.start
        return tiles

    def _strength(self, tiles: np.ndarray) -> str:
        finite = np.abs(tiles[np.isfinite(tiles)])
        if not len(finite):
            return ""
        flat = np.abs(np.nan_to_num(tiles)).reshape(len(tiles), -1).max(axis=1)
        return self.tr("Strongest weight {0} in tile {1}.").format(f"{finite.max():.3g}", int(np.argmax(flat)))


if __name__ == "__main__":  # python -m desktop.views.mnist.kernels [experiment id]
    preview(KernelsPanel, "ch10.mnist-conv", (820, 420))
