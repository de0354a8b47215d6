"""The word vectors on a 2-D map that holds still while they learn (chapter 11).

The map is the plane of the first two principal components of the most frequent words' vectors (learning/
embeddings.py: EmbeddingMap), turned at each refit to match the previous axes so that words drift instead of the
whole picture flipping. It is refitted at most twice a second, never per iteration. The most frequent words are
points, a few hundred of them labelled where their labels do not overlap, the pinned words always (in the accent
colour). Hover to read a word, click to pin or unpin it (the nearest-words panel follows the same pins); the wheel
zooms, dragging moves the map, a double click fits it again.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec
from desktop.views.language._common import LiveView, count, embeddings_of, has_embeddings, origin_text, pins_for, short
from desktop.widgets import ElidedLabel
from learning.embeddings import EmbeddingMap, most_frequent

#: The smallest readable size (width, height) in pixels.
MINIMUM = (320, 220)
ACTIONS = ("map_pinned", "word_unpinned")
FIT_ROWS, POINTS, LABELS = 5000, 2000, 300  # words the plane is fitted on, drawn as points, labelled at most
HOVER_PX = 7


def applies(experiment: object) -> bool:
    """True for experiments with word vectors."""
    return has_embeddings(experiment)


def spec() -> ViewSpec:
    """The map of the word vectors."""
    return ViewSpec("word_map", lambda: QCoreApplication.translate("WordMapView", "Word map"), WordMapView,
                    MINIMUM, applies, rank=11, actions=ACTIONS)


def place_labels(points: np.ndarray, widths: np.ndarray, height: float, order: np.ndarray,
                 bounds: tuple[float, float, float, float]) -> list[int]:
    """Greedy label placement: in `order` (most important first), keep a label (to the right of its point) unless
    it overlaps one already kept or leaves `bounds` (x0, y0, x1, y1). Returns the kept indices."""
    boxes = np.empty((0, 4))
    kept: list[int] = []
    x0, y0, x1, y1 = bounds
    for i in order.tolist():
        left, top = points[i, 0] + 4, points[i, 1] - height / 2
        box = np.array([left, top, left + widths[i], top + height])
        if box[0] < x0 or box[1] < y0 or box[2] > x1 or box[3] > y1:
            continue
        if len(boxes) and np.any((boxes[:, 0] < box[2]) & (box[0] < boxes[:, 2]) & (boxes[:, 1] < box[3])
                                 & (box[1] < boxes[:, 3])):
            continue
        boxes = np.vstack((boxes, box))
        kept.append(i)
    return kept


class MapCanvas(QWidget):
    """The points, labels and pins; zoom and pan; hover and click report the word under the mouse."""

    def __init__(self, view: WordMapView) -> None:
        super().__init__()
        self.view = view
        self.setObjectName("word_map_canvas")
        self.setMouseTracking(True)
        self.setMinimumSize(300, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.coords = np.zeros((0, 2))  # map coordinates of the shown words
        self.words: list[str] = []
        self.labelled = 0  # the first `labelled` shown words may get labels (most frequent first)
        self.pinned: set[int] = set()  # positions of pinned words among the shown ones
        self.hovered: int | None = None
        self.zoom = 1.0
        self.centre: np.ndarray | None = None  # map point at the middle of the canvas (None: fit)
        self._drag: QPointF | None = None
        self._fit: tuple[np.ndarray, float] | None = None  # (centre, pixels per map unit) that fits every point
        self._version = 0  # changes with every new set of points
        self._widths: tuple[int, np.ndarray] | None = None  # (version, label widths in pixels)
        self._placed: tuple[Any, list[int]] | None = None  # (what the placement depends on, the kept labels)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, 360)

    def set_points(self, coords: np.ndarray, words: list[str], labelled: int, pinned: set[int]) -> None:
        """New coordinates (shown words, most frequent first), how many may be labelled, the pinned positions."""
        if words != self.words or pinned != self.pinned or labelled != self.labelled:
            self._widths = None  # new words: measure their labels again (the same words keep their widths)
        self.coords = coords
        self.words = words
        self.labelled = labelled
        self.pinned = pinned
        self._version += 1
        if len(coords):
            lo, hi = coords.min(axis=0), coords.max(axis=0)
            span = np.maximum(hi - lo, 1e-9)
            self._fit = ((lo + hi) / 2, 1.0)
            self._span = span
        else:
            self._fit = None
        if self.hovered is not None and self.hovered >= len(coords):
            self.hovered = None
        self.update()

    def transform(self) -> tuple[np.ndarray, float]:
        """(map point at the centre, pixels per map unit)."""
        if self._fit is None:
            return np.zeros(2), 1.0
        margin = 16.0
        span = self._span
        fit_scale = min((self.width() - 2 * margin) / span[0], (self.height() - 2 * margin) / span[1])
        centre = self._fit[0] if self.centre is None else self.centre
        return centre, max(fit_scale, 1e-9) * self.zoom

    def to_pixels(self, coords: np.ndarray) -> np.ndarray:
        """Map coordinates → widget pixels (y up on the map)."""
        centre, scale = self.transform()
        out = np.empty_like(coords, dtype=float)
        out[:, 0] = self.width() / 2 + (coords[:, 0] - centre[0]) * scale
        out[:, 1] = self.height() / 2 - (coords[:, 1] - centre[1]) * scale
        return out

    def point_at(self, x: float, y: float) -> int | None:
        """The shown word nearest to a pixel, within HOVER_PX, or None."""
        if not len(self.coords):
            return None
        pixels = self.to_pixels(self.coords)
        d2 = (pixels[:, 0] - x) ** 2 + (pixels[:, 1] - y) ** 2
        best = int(np.argmin(d2))
        return best if d2[best] <= HOVER_PX ** 2 else None

    # -- events -------------------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        if self._drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            centre, scale = self.transform()
            delta = pos - self._drag
            self.centre = centre - np.array([delta.x(), -delta.y()]) / scale
            self._drag = pos
            self._moved = True
            self.update()
            return
        found = self.point_at(pos.x(), pos.y())
        if found != self.hovered:
            self.hovered = found
            self.update()
            self.view.hovered(found)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = event.position()
            self._moved = False
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            moved = getattr(self, "_moved", False)
            self._drag = None
            if not moved:
                found = self.point_at(event.position().x(), event.position().y())
                if found is not None:
                    self.view.toggle_pin(self.words[found])
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.zoom = 1.0
        self.centre = None
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120.0
        if not steps or not len(self.coords):
            return
        pos = event.position()
        centre, scale = self.transform()
        under = centre + np.array([pos.x() - self.width() / 2, self.height() / 2 - pos.y()]) / scale
        self.zoom = float(np.clip(self.zoom * 1.25 ** steps, 0.5, 200.0))
        _, new_scale = self.transform()
        self.centre = under - np.array([pos.x() - self.width() / 2, self.height() / 2 - pos.y()]) / new_scale
        self.update()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        if self.hovered is not None:
            self.hovered = None
            self.update()
            self.view.hovered(None)
        super().leaveEvent(event)

    # -- painting -----------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        painter.setPen(QPen(c.grid, 1))
        painter.drawRect(QRectF(0, 0, self.width() - 1, self.height() - 1))
        if not len(self.coords):
            painter.end()
            return
        pixels = self.to_pixels(self.coords)
        centre, scale = self.transform()
        origin = self.to_pixels(np.zeros((1, 2)))[0]
        painter.setPen(QPen(c.grid, 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(origin[0], 0), QPointF(origin[0], self.height()))
        painter.drawLine(QPointF(0, origin[1]), QPointF(self.width(), origin[1]))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(c.muted, 3.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPoints(QPolygonF([QPointF(float(x), float(y)) for x, y in pixels.tolist()]))
        font = number_font(8)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        pinned = sorted(self.pinned)
        if self._widths is None:
            widths = np.zeros(len(self.words))
            for i in [*range(self.labelled), *pinned]:
                widths[i] = metrics.horizontalAdvance(short(self.words[i]))
            self._widths = (self._version, widths)
        key = (self._version, self.width(), self.height(), self.zoom, None if self.centre is None else
               tuple(self.centre.tolist()))
        if self._placed is None or self._placed[0] != key:  # a hover repaint reuses the placement
            order = np.array(pinned + [i for i in range(self.labelled) if i not in self.pinned], dtype=np.intp)
            self._placed = (key, place_labels(pixels, self._widths[1], metrics.height(), order,
                                              (0, 0, self.width(), self.height())))
        kept = self._placed[1]
        painter.setPen(c.text)
        for i in kept:
            if i in self.pinned:
                continue
            x, y = pixels[i]
            painter.drawText(QPointF(x + 4, y + metrics.ascent() / 2 - 1), short(self.words[i]))
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        for i in pinned:
            x, y = pixels[i]
            painter.setPen(QPen(c.accent, 2))
            painter.drawEllipse(QPointF(x, y), 4.5, 4.5)
            painter.drawText(QPointF(x + 6, y + metrics.ascent() / 2 - 1), short(self.words[i]))
        if self.hovered is not None:
            x, y = pixels[self.hovered]
            painter.setPen(QPen(c.text, 1.5))
            painter.drawEllipse(QPointF(x, y), 6, 6)
            painter.setFont(bold)
            painter.drawText(QPointF(x + 8, y - 6), short(self.words[self.hovered], 24))
        painter.end()


class WordMapView(LiveView):
    """The word vectors on an aligned PCA map, refreshed at most twice a second."""

    STEP_MS = 60
    PLAY_MS = 500

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "word_map", parent)
        self.pins = pins_for(runner)
        self.caption = ElidedLabel()
        self.caption.setObjectName("word_map_caption")
        self.canvas = MapCanvas(self)
        self.readout = ElidedLabel()
        self.readout.setObjectName("word_map_readout")
        self.readout.setStyleSheet(f"color: {colours().muted.name()}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.readout)
        self.map = EmbeddingMap()
        self.projection: Any = None
        self.origin = ""
        self.shown: np.ndarray = np.zeros(0, dtype=np.intp)  # vocabulary rows of the shown words
        self._frequent: tuple[Any, np.ndarray] | None = None  # (counts array, rows by frequency)
        self._emb: Any = None
        self.pins.changed.connect(self._on_pins_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.canvas.setAccessibleName(self.tr("Word map"))
        self.refresh()

    def new_run(self) -> None:
        self.map.reset()
        self.canvas.zoom = 1.0
        self.canvas.centre = None
        self._frequent = None

    def _on_pins_changed(self) -> None:
        self.schedule()

    def _rows_by_frequency(self, emb: Any) -> np.ndarray:
        counts = emb.counts
        if counts is None or len(counts) != len(emb.vocabulary):
            counts = np.zeros(len(emb.vocabulary))
        if self._frequent is None or self._frequent[0] is not counts:
            self._frequent = (counts, most_frequent(counts, FIT_ROWS))
        return self._frequent[1]

    def refresh(self) -> None:
        exp = self.runner.experiment
        emb = embeddings_of(exp) if applies(exp) else None
        self._emb = emb
        if emb is None or len(emb.vocabulary) < 2 or emb.weights.shape[1] < 2:
            self.projection = None
            self.shown = np.zeros(0, dtype=np.intp)
            self.canvas.set_points(np.zeros((0, 2)), [], 0, set())
            self.origin = origin_text(emb) if applies(exp) else self.tr("This experiment has no word vectors.")
            self.caption.setText(self.origin)
            return
        frequent = self._rows_by_frequency(emb)
        self.projection = self.map.fit(emb.weights, frequent)
        shown = list(frequent[:POINTS].tolist())
        present = set(shown)
        pinned_rows = [emb.index[w] for w in self.pins.words if w in emb.index]
        shown += [r for r in pinned_rows if r not in present]
        self.shown = np.array(shown, dtype=np.intp)
        coords = self.projection.project(emb.weights[self.shown])
        words = [emb.vocabulary[r] for r in shown]
        where = {r: i for i, r in enumerate(shown)}
        self.canvas.set_points(coords, words, min(LABELS, len(shown)), {where[r] for r in pinned_rows})
        self.origin = origin_text(emb)
        explained = self.projection.explained
        self.caption.setText(self.tr("Axis 1: {0} %, axis 2: {1} % of the variance of the {2} most frequent words. "
                                     "{3}").format(f"{100 * explained[0]:.1f}", f"{100 * explained[1]:.1f}",
                                                    count(len(frequent)), self.origin))
        self.hovered(self.canvas.hovered)

    # -- the learner ------------------------------------------------------------------------------------
    def hovered(self, position: int | None) -> None:
        """The readout names the word under the mouse."""
        if position is None or self._emb is None or position >= len(self.shown):
            self.readout.setText(self.tr("Point at a word to read it, click it to pin it; wheel: zoom, drag: move, "
                                         "double click: fit."))
            return
        row = int(self.shown[position])
        counts = self._emb.counts
        times = int(counts[row]) if counts is not None and len(counts) > row else 0
        pinned = self._emb.vocabulary[row] in self.pins.words
        text = self.tr("“{0}” (rank {1} by frequency, {2} times)").format(
            short(self._emb.vocabulary[row], 24), count(position + 1), count(times))
        self.readout.setText(text + (" " + self.tr("— pinned: click to unpin") if pinned else ""))

    def toggle_pin(self, word: str) -> None:
        """A click on a word: pin it, or unpin it if it was pinned."""
        if word in self.pins.words:
            if self.pins.unpin(word):
                self.acted.emit("word_unpinned")
        elif self.pins.pin(word):
            self.acted.emit("map_pinned")

    def describe(self) -> str:
        if self.projection is None:
            return self.caption.text()
        return self.tr("A map of the word vectors: {0} words as points.").format(count(len(self.shown))) + " " + \
            self.caption.text() + " " + self.tr("Pinned: {0}.").format(", ".join(self.pins.words) or "–")
