"""One review touches a few rows of a huge matrix (ch11.sentiment): the "one-hot vector times a matrix = pick rows"
idea, with live numbers.

Left to right: the review's input x as a tall bar over the whole vocabulary (a mark at each of its words), the
matrix weights_0_1 with only those rows drawn where they sit, the picked rows stacked (one row per word), and
under them their sum and layer_1 = sigmoid(sum). After a learn phase a column shows how far each picked row moved
— the same vector for every one of them — and, when the learner steps, the view checks the whole matrix: the rows
whose numbers changed are exactly the review's words (a fingerprint of every row, taken before and after).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.colour import StableScale, scale_for
from desktop.format import num
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec
from desktop.views.language._common import LiveView, count, draw_heat, short
from desktop.widgets import ElidedLabel

#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 230)
ACTIONS = ("row_inspected",)
HEADER, STRIPS = 16.0, 40.0  # the titles above the columns; the two strips (sum, layer_1) under them


def applies(experiment: object) -> bool:
    """True for experiments whose input selects rows of weights_0_1 (ch11.sentiment)."""
    return callable(getattr(experiment, "selected_rows", None)) and callable(getattr(experiment, "last_update", None))


def spec() -> ViewSpec:
    """The rows one review picks: the main view of ch11.sentiment."""
    return ViewSpec("rows", lambda: QCoreApplication.translate("RowsView", "Rows a review picks"), RowsView,
                    MINIMUM, applies, rank=15, actions=ACTIONS)


class Fingerprint:
    """A cheap test of which rows of a matrix changed: each row's dot product with a fixed random vector (drawn
    from a RandomState of its own, never the experiment's), compared before and after."""

    def __init__(self) -> None:
        self._probe: np.ndarray | None = None

    def take(self, weights: np.ndarray) -> np.ndarray:
        """The fingerprint of every row."""
        if self._probe is None or len(self._probe) != weights.shape[1]:
            self._probe = np.random.RandomState(20_11).standard_normal(weights.shape[1])
        return weights @ self._probe

    @staticmethod
    def changed(before: np.ndarray, after: np.ndarray) -> np.ndarray:
        """Rows whose fingerprint differs (ascending)."""
        return np.flatnonzero(before != after)


class RowsCanvas(QWidget):
    """The picture: x over the vocabulary, the matrix with the picked rows, the rows stacked, their sum and
    layer_1, and after learning each row's change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rows_canvas")
        self.setMouseTracking(True)
        self.setMinimumSize(340, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.vocabulary_size = 0
        self.rows = np.zeros(0, dtype=np.intp)
        self.words: list[str] = []
        self.values: np.ndarray | None = None  # the picked rows as the forward pass read them (k × hidden)
        self.summed: np.ndarray | None = None
        self.layer_1: np.ndarray | None = None
        self.change: np.ndarray | None = None  # the change every picked row received (hidden,)
        self.changed: np.ndarray | None = None  # rows found changed by the fingerprint, or None (not checked)
        self.scale = 1.0
        self.hovered: int | None = None
        self.titles = ("x", "weights_0_1", "rows", "Σ", "layer_1", "Δ")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 320)

    # -- geometry ----------------------------------------------------------------------------------------
    def columns(self) -> tuple[QRectF, QRectF, QRectF, QRectF]:
        """(x bar, matrix, stacked rows, change column) rectangles."""
        w, h = float(self.width()), float(self.height())
        top, bottom = HEADER + 2, h - STRIPS - 4
        x_bar = QRectF(4, top, 12, bottom - top)
        matrix = QRectF(x_bar.right() + 14, top, max(50.0, 0.2 * w), bottom - top)
        change_w = max(40.0, 0.2 * w)
        stacked = QRectF(matrix.right() + 22, top, max(40.0, w - matrix.right() - 22 - change_w - 12), bottom - top)
        change = QRectF(stacked.right() + 8, top, change_w, bottom - top)
        return x_bar, matrix, stacked, change

    def row_at(self, x: float, y: float) -> int | None:
        """The position (0 … k−1) of the picked row under a point, in the stacked rows or the matrix, or None."""
        k = len(self.rows)
        if not k:
            return None
        _, matrix, stacked, change = self.columns()
        if stacked.left() <= x <= change.right() and stacked.top() <= y < stacked.bottom():
            return min(k - 1, int((y - stacked.top()) / stacked.height() * k))
        if matrix.left() - 16 <= x <= matrix.right() and matrix.top() <= y <= matrix.bottom() and self.vocabulary_size:
            where = (y - matrix.top()) / matrix.height() * self.vocabulary_size
            nearest = int(np.argmin(np.abs(self.rows - where)))
            if abs(self.row_y(int(self.rows[nearest]), matrix) - y) <= 3:
                return nearest
        return None

    def row_y(self, row: int, rect: QRectF) -> float:
        """Where vocabulary row `row` sits in a tall column."""
        return rect.top() + (row + 0.5) / max(self.vocabulary_size, 1) * rect.height()

    # -- events -------------------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self.row_at(event.position().x(), event.position().y())
        if found != self.hovered:
            self.hovered = found
            self.update()
            parent = self.parent()
            if isinstance(parent, RowsView):
                parent.hovered_row(found)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        if self.hovered is not None:
            self.hovered = None
            self.update()
            parent = self.parent()
            if isinstance(parent, RowsView):
                parent.hovered_row(None)
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self.row_at(event.position().x(), event.position().y())
        parent = self.parent()
        if found is not None and isinstance(parent, RowsView):
            parent.inspect_row(found)
        super().mousePressEvent(event)

    # -- painting -----------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        font = number_font(8)
        painter.setFont(font)
        x_bar, matrix, stacked, change = self.columns()
        painter.setPen(c.muted)
        for rect, title in zip((x_bar, matrix, stacked, change), (self.titles[0], self.titles[1], self.titles[2],
                                                                 self.titles[5]), strict=True):
            painter.drawText(QRectF(max(0.0, rect.left() - 4), 0, rect.width() + 40, HEADER),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setPen(QPen(c.grid, 1))
        painter.drawRect(x_bar)
        painter.drawRect(matrix)
        painter.setPen(c.text)
        mid = matrix.center().y()
        painter.drawText(QRectF(x_bar.right(), mid - 8, matrix.left() - x_bar.right(), 16),
                         Qt.AlignmentFlag.AlignCenter, "·")
        painter.drawText(QRectF(matrix.right(), mid - 8, stacked.left() - matrix.right(), 16),
                         Qt.AlignmentFlag.AlignCenter, "=")
        k = len(self.rows)
        if k == 0 or self.values is None:
            painter.end()
            return
        changed = set(self.changed.tolist()) if self.changed is not None else set()
        for j, row in enumerate(self.rows.tolist()):
            y = self.row_y(row, matrix)
            painter.setPen(QPen(c.accent if row in changed else c.text, 1))
            painter.drawLine(QPointF(x_bar.left() + 2, y), QPointF(x_bar.right() - 2, y))
            draw_heat(painter, QRectF(matrix.left() + 1, y - 0.5, matrix.width() - 2, 1.5), self.values[j], self.scale)
        if self.changed is not None:  # rows that changed although the review did not pick them (never, if right)
            painter.setPen(QPen(c.error, 1))
            for row in sorted(changed - set(self.rows.tolist())):
                y = self.row_y(row, matrix)
                painter.drawLine(QPointF(matrix.left(), y), QPointF(matrix.right(), y))
        draw_heat(painter, stacked, self.values, self.scale)
        row_h = stacked.height() / k
        if row_h >= 11:
            painter.setPen(c.text)
            for j, word in enumerate(self.words):
                painter.drawText(QRectF(stacked.left() + 2, stacked.top() + j * row_h, stacked.width() - 4, row_h),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, short(word))
        if self.change is not None:  # every picked row moved by the same vector: k identical stripes
            draw_heat(painter, change, np.tile(self.change, (k, 1)), scale_for(self.change))
            if self.changed is not None:
                painter.setPen(QPen(c.error, 2))
                for j, row in enumerate(self.rows.tolist()):
                    if row not in changed:  # picked but unchanged (alpha = 0, or something wrong)
                        y = stacked.top() + (j + 0.5) * row_h
                        painter.drawLine(QPointF(change.left(), y), QPointF(change.right(), y))
        if self.hovered is not None:
            painter.setPen(QPen(c.text, 1.5))
            painter.drawRect(QRectF(stacked.left() - 1, stacked.top() + self.hovered * row_h - 1,
                                    change.right() - stacked.left() + 2, max(row_h, 2) + 2))
            y = self.row_y(int(self.rows[self.hovered]), matrix)
            painter.drawLine(QPointF(matrix.right() + 2, y), QPointF(stacked.left() - 3,
                                                                      stacked.top() + (self.hovered + 0.5) * row_h))
        strip_top = stacked.bottom() + 6
        for n, (label, values) in enumerate(((self.titles[3], self.summed), (self.titles[4], self.layer_1))):
            y = strip_top + n * 17
            painter.setPen(c.muted)
            painter.drawText(QRectF(matrix.left(), y, stacked.left() - matrix.left() - 6, 14),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            if values is not None:
                draw_heat(painter, QRectF(stacked.left(), y, stacked.width(), 14), values,
                          self.scale if n == 0 else 1.0)
        painter.end()


class RowsView(LiveView):
    """The rows of weights_0_1 the current review picks, their sum and layer_1, and which rows learning changed."""

    PLAY_MS = 100

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "rows", parent)
        self.caption = ElidedLabel()
        self.caption.setObjectName("rows_caption")
        self.canvas = RowsCanvas(self)
        self.readout = ElidedLabel()
        self.readout.setObjectName("rows_readout")
        self.readout.setFont(number_font(8))
        self.learn = QLabel()
        self.learn.setObjectName("rows_learn")
        self.learn.setWordWrap(True)
        self.learn.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.readout)
        layout.addWidget(self.learn)
        self.scale = StableScale()
        self.fingerprint = Fingerprint()
        self._before: tuple[int, np.ndarray] | None = None  # (runner count, fingerprint) at the last quiet refresh
        self.checked: tuple[int, np.ndarray] | None = None  # (iteration, rows found changed) of the last check
        self.inspected: int | None = None
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.canvas.titles = ("x", "weights_0_1", self.tr("picked rows"), self.tr("Σ rows"), "layer_1", "Δ")
        self.canvas.setAccessibleName(self.tr("Rows a review picks"))
        self.refresh()

    # -- model ----------------------------------------------------------------------------------------------
    def new_run(self) -> None:
        self.scale.reset()
        self._before = None
        self.checked = None
        self.inspected = None

    def _on_runner_rewound(self, *_: Any) -> None:
        self._before = None
        self.checked = None
        super()._on_runner_rewound()

    def refresh(self) -> None:
        exp = self.runner.experiment
        canvas = self.canvas
        if not applies(exp):
            canvas.rows = np.zeros(0, dtype=np.intp)
            canvas.values = None
            self.caption.setText(self.tr("This experiment does not pick rows of a word matrix."))
            self.learn.setText("")
            canvas.update()
            return
        rows = np.asarray(exp.selected_rows())
        weights = exp.weights_0_1
        update = exp.last_update()
        values = weights[rows]
        if update is not None:
            values = values - update[1]  # the rows as the forward pass read them, before the learn phase
        canvas.vocabulary_size = len(exp.vocabulary)
        canvas.rows = rows
        canvas.words = [exp.vocabulary[i] for i in rows.tolist()]
        canvas.values = values
        canvas.summed = values.sum(axis=0) if exp.layer_1 is not None else None
        canvas.layer_1 = exp.layer_1
        canvas.change = None if update is None else update[1]
        canvas.scale = self.scale.update(values)
        self._check_changed_rows(exp, weights)
        canvas.changed = self.checked[1] if self.checked is not None and self.checked[0] == self.runner.count - 1 \
            and update is not None else None
        review = exp.review
        label = exp.data.labels[review] if review < len(exp.data.labels) else ""
        self.caption.setText(self.tr("Review {0} ({1}): its {2} different words pick {2} of the {3} rows of "
                                     "weights_0_1.").format(count(review), self.label_text(label), count(len(rows)),
                                                            count(len(exp.vocabulary))))
        self.learn.setText(self.learn_text(exp, rows, update))
        self.hovered_row(canvas.hovered)
        canvas.update()

    def label_text(self, label: str) -> str:
        """positive / negative in the current language."""
        return {"positive": self.tr("positive"), "negative": self.tr("negative")}.get(label, label)

    def _check_changed_rows(self, exp: Any, weights: np.ndarray) -> None:
        """While the learner steps (not while playing), fingerprint every row; when exactly one learn phase happened
        since the last fingerprint, keep which rows changed in it."""
        if self.runner.playing:
            self._before = None
            return
        count_now = self.runner.count
        if self._before is not None and self._before[0] == count_now:
            return  # no learn phase since (a predict or compare phase, a repaint): keep the fingerprint
        after = self.fingerprint.take(weights)
        if self._before is not None and self._before[0] == count_now - 1 and not self.runner.mid_iteration:
            self.checked = (count_now - 1, Fingerprint.changed(self._before[1], after))
        self._before = (count_now, after)

    def learn_text(self, exp: Any, rows: np.ndarray, update: tuple[np.ndarray, np.ndarray] | None) -> str:
        """What the last learn phase did to weights_0_1, with its numbers."""
        if exp.layer_1 is None:
            return self.tr("Step (→ or Shift+→): x · weights_0_1 just adds up the rows of the review's words.")
        if update is None:
            return self.tr("layer_1 = sigmoid(Σ of {0} rows). The learn phase will move only these rows.").format(
                count(len(rows)))
        size = num(float(np.linalg.norm(update[1])), 3)
        text = self.tr("Learn: each of the {0} picked rows moved by the same vector −alpha · layer_1_delta "
                       "(length {1}).").format(count(len(rows)), size)
        if self.checked is not None and self.checked[0] == self.runner.count - 1:
            changed = self.checked[1]
            others = len(exp.vocabulary) - len(changed)
            same = np.array_equal(changed, np.unique(rows))
            if same:
                text += " " + self.tr("Checked on the whole matrix: exactly these {0} rows changed; the other {1} "
                                      "rows did not.").format(count(len(changed)), count(others))
            else:
                text += " " + self.tr("Checked on the whole matrix: {0} rows changed, and they are not the review's "
                                      "words.").format(count(len(changed)))
        elif not self.runner.playing:
            text += " " + self.tr("Step once more (→) to check the whole matrix.")
        return text

    # -- hover and click ----------------------------------------------------------------------------------
    def row_text(self, position: int) -> str:
        """One picked row: its word, its row number and its first numbers."""
        canvas = self.canvas
        row = int(canvas.rows[position])
        values = canvas.values[position] if canvas.values is not None else np.zeros(0)
        text = self.tr("“{0}”: row {1} of weights_0_1 = {2}").format(short(canvas.words[position], 24), count(row),
                                                                       num(values, 3))
        if canvas.change is not None:
            text += " " + self.tr("moved by {0}").format(num(canvas.change, 2))
        return text

    def hovered_row(self, position: int | None) -> None:
        """The readout follows the row under the mouse (else the last clicked one)."""
        position = position if position is not None else self.inspected
        if position is None or position >= len(self.canvas.rows):
            self.readout.setText(self.tr("Point at a row to read it; click to keep it."))
        else:
            self.readout.setText(self.row_text(position))

    def inspect_row(self, position: int) -> None:
        """The learner clicked a picked row: keep it in the readout."""
        self.inspected = position
        self.hovered_row(position)
        self.acted.emit("row_inspected")

    def describe(self) -> str:
        exp = self.runner.experiment
        if not applies(exp):
            return self.caption.text()
        return " ".join(t for t in (self.caption.text(), self.learn.text()) if t)
