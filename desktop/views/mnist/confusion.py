"""The confusion matrix of the last test pass (chapters 8-10): which digit the network took each test image for.

Rows are the true digit, columns the predicted one; every cell shows its count and is coloured by the share of
that row (the true digit's test images): the diagonal (right answers) in blue, mistakes in orange. A last column
gives each digit's accuracy; hovering a cell says "true 4 predicted 9: 23 images".
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QLinearGradient, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from desktop.colour import mix
from desktop.format import num
from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec, described
from desktop.widgets import mark_hint

REPAINT_MS = 33
DIGITS = 10


def applies(experiment: object) -> bool:
    """True for experiments that keep the confusion matrix of their test pass."""
    return callable(getattr(experiment, "confusion_matrix", None))


#: The smallest readable size (width, height) in pixels.
MINIMUM = (320, 230)


def spec() -> ViewSpec:
    """The dock of this panel."""
    return ViewSpec("confusion", lambda: QCoreApplication.translate("ConfusionPanel", "Confusion matrix"),
                    ConfusionPanel, MINIMUM, applies)


def per_class_accuracy(counts: np.ndarray) -> np.ndarray:
    """Right answers / test images of each true digit (NaN for a digit with no test images)."""
    totals = counts.sum(axis=1).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(counts) / np.where(totals > 0, totals, 1), np.nan)


class ConfusionGrid(QWidget):
    """The 10 x 10 counts with row and column headers, per-class accuracy and a colour scale."""

    #: The (true, predicted) cell under the mouse changed (None: no cell).
    hovered_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusion_grid")
        self.counts: np.ndarray | None = None
        self.hovered: tuple[int, int] | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(300, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 400)

    def set_counts(self, counts: np.ndarray | None) -> None:
        """The matrix to draw (rows = true digit), or None before the first test pass."""
        self.counts = None if counts is None else np.array(counts, dtype=np.int64)
        self.update()

    # -- geometry ---------------------------------------------------------------------------------------
    def grid_geometry(self) -> tuple[float, float, float]:
        """(left, top, cell side) of the 10 x 10 grid at the current size."""
        head, acc_w, scale_h = 38.0, 64.0, 30.0
        side = max(8.0, min((self.width() - head - acc_w - 6) / DIGITS, (self.height() - head - scale_h) / DIGITS))
        spare = max(0.0, self.width() - head - acc_w - 6 - side * DIGITS)
        return head + spare / 2, head, side

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(true, predicted) of the cell under a point, or None."""
        left, top, side = self.grid_geometry()
        col, row = int((x - left) // side), int((y - top) // side)
        if x < left or y < top or not (0 <= row < DIGITS and 0 <= col < DIGITS):
            return None
        return row, col

    def hover_text(self, true: int, predicted: int) -> str:
        """What a cell means: "true 4 predicted 9: 23 images"."""
        if self.counts is None:
            return ""
        n = int(self.counts[true, predicted])
        if n == 1:
            text = self.tr("true {0} predicted {1}: 1 image").format(true, predicted)
        else:
            text = self.tr("true {0} predicted {1}: {2} images").format(true, predicted, self.locale().toString(n))
        total = int(self.counts[true].sum())
        if total:
            text += " " + self.tr("({0} of the {1} test images of {2})").format(
                f"{100 * n / total:.1f} %", self.locale().toString(total), true)
        return text

    # -- events -----------------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        cell = self.cell_at(event.position().x(), event.position().y())
        if cell != self.hovered:
            self.hovered = cell
            self.update()
            self.hovered_changed.emit(cell)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        if self.hovered is not None:
            self.hovered = None
            self.update()
            self.hovered_changed.emit(None)
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self.cell_at(event.pos().x(), event.pos().y())
            if cell is None or self.counts is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.hover_text(*cell), self)
            return True
        return super().event(event)

    # -- painting ---------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        left, top, side = self.grid_geometry()
        font = number_font(8 if side < 34 else 9)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(font)
        centre = Qt.AlignmentFlag.AlignCenter
        painter.setPen(c.muted)
        painter.drawText(QRectF(left, 0, side * DIGITS, 16), centre, self.tr("predicted digit"))
        painter.save()
        painter.translate(left - 28, top + side * DIGITS / 2)
        painter.rotate(-90)
        painter.drawText(QRectF(-side * DIGITS / 2, -8, side * DIGITS, 16), centre, self.tr("true digit"))
        painter.restore()
        for d in range(DIGITS):
            painter.drawText(QRectF(left + d * side, 16, side, top - 18), centre, str(d))
            painter.drawText(QRectF(left - 20, top + d * side, 18, side), centre, str(d))
        acc_x = left + DIGITS * side + 6
        painter.drawText(QRectF(acc_x, 16, 60, top - 18), centre, self.tr("right"))
        counts = self.counts
        if counts is None:
            painter.setPen(QPen(c.grid, 1))
            painter.drawRect(QRectF(left, top, side * DIGITS, side * DIGITS))
            painter.end()
            return
        totals = counts.sum(axis=1)
        accuracy = per_class_accuracy(counts)
        for t in range(DIGITS):
            for p in range(DIGITS):
                n = int(counts[t, p])
                share = n / totals[t] if totals[t] else 0.0
                # mistakes are rarer than right answers: a stronger ramp so a 5 % confusion still shows
                colour = mix(c.surface, c.positive, share) if t == p else mix(c.surface, c.negative,
                                                                               min(1.0, 4 * share))
                rect = QRectF(left + p * side, top + t * side, side, side)
                painter.fillRect(rect, colour)
                strong = share > 0.55 if t == p else 4 * share > 0.55
                painter.setPen(QColor("#ffffff") if strong else (c.text if n else c.muted))
                painter.setFont(bold if t == p else font)
                painter.drawText(rect, centre, self.locale().toString(n) if side >= 22 or n else "")
            painter.setFont(font)
            painter.setPen(c.text)
            share_text = "–" if np.isnan(accuracy[t]) else f"{100 * accuracy[t]:.0f} %"
            painter.drawText(QRectF(acc_x, top + t * side, 60, side),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, share_text)
        painter.setPen(QPen(c.grid, 1))
        for k in range(DIGITS + 1):
            painter.drawLine(QPointF(left, top + k * side), QPointF(left + DIGITS * side, top + k * side))
            painter.drawLine(QPointF(left + k * side, top), QPointF(left + k * side, top + DIGITS * side))
        if self.hovered is not None:
            t, p = self.hovered
            painter.setPen(QPen(c.text, 2))
            painter.drawRect(QRectF(left + p * side, top + t * side, side, side))
        self._paint_scale(painter, left, top + DIGITS * side + 8, side * DIGITS)
        painter.end()

    def _paint_scale(self, painter: QPainter, x: float, y: float, width: float) -> None:
        """Two ramps: the share of a digit's test images predicted right (blue) and taken for another (orange)."""
        c = colours()
        metrics = painter.fontMetrics()
        ramp = 56.0
        for toward, label in ((c.positive, self.tr("right: 0 → 100 %")),
                              (c.negative, self.tr("mistaken: 0 → 25 % and more"))):
            gradient = QLinearGradient(x, 0, x + ramp, 0)
            gradient.setColorAt(0, c.surface)
            gradient.setColorAt(1, toward)
            bar = QRectF(x, y + 3, ramp, 10)
            painter.fillRect(bar, gradient)
            painter.setPen(QPen(c.grid, 1))
            painter.drawRect(bar)
            painter.setPen(c.muted)
            text_w = metrics.horizontalAdvance(label) + 4
            painter.drawText(QRectF(bar.right() + 5, y - 1, text_w, 18),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            x = bar.right() + 5 + text_w + 18


class ConfusionPanel(QWidget):
    """A 10 x 10 confusion matrix of the last test pass, updated after each tested epoch."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("confusion")
        c = colours()
        self.title = QLabel()
        self.title.setObjectName("confusion_title")
        self.title.setWordWrap(True)
        self.grid = ConfusionGrid()
        self.hover = QLabel()
        self.hover.setObjectName("confusion_hover")
        self.hover.setFont(number_font())
        self.hover.setStyleSheet(f"color: {c.muted.name()}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.hover)
        mark_hint(self.hover)  # "point at a cell": an export is not pointed at
        #: The epoch whose test pass the matrix shows (None: not known, e.g. after a rewind).
        self.epoch: int | None = None
        self._dirty = True
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        self.grid.hovered_changed.connect(self._on_grid_hovered_changed)
        runner.epoch_finished.connect(self._on_runner_epoch_finished)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.rewound.connect(self._on_runner_rewound)
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        self.grid.setAccessibleName(self.tr("Confusion matrix"))
        self.grid.setToolTip("")
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- events -----------------------------------------------------------------------------------------
    def _schedule(self) -> None:
        self._repaint.schedule()

    def _on_runner_epoch_finished(self, record: dict[str, Any]) -> None:
        if "test_accuracy" in record:
            self.epoch = int(record["epoch"])
            self._schedule()

    def _on_runner_reset_done(self) -> None:
        self.epoch = None
        self.refresh()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self.epoch = None
        self.refresh()

    def _on_runner_rewound(self, *_: Any) -> None:
        self.epoch = self._last_tested_epoch()
        self._schedule()

    def _on_grid_hovered_changed(self, *_: Any) -> None:
        self._update_hover()

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _update_hover(self) -> None:
        cell = self.grid.hovered
        self.hover.setText(self.grid.hover_text(*cell) if cell is not None else
                           (self.tr("Point at a cell to read it.") if self.grid.counts is not None else ""))

    # -- model ------------------------------------------------------------------------------------------
    def _last_tested_epoch(self) -> int | None:
        column = self.runner.history.epochs.get("test_accuracy")
        if column is None:
            return None
        values = np.asarray(column.view if hasattr(column, "view") else column, dtype=float)
        tested = np.flatnonzero(np.isfinite(values))
        return int(tested[-1]) if len(tested) else None

    def describe(self) -> str:
        """A text alternative of the matrix, for screen readers."""
        return self.grid.accessibleDescription() or self.title.text()

    @described
    def refresh(self) -> None:
        """Draw the experiment's confusion matrix as it is now."""
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        exp = self.runner.experiment
        counts = exp.confusion_matrix() if applies(exp) else None
        self.grid.set_counts(counts)
        self._update_hover()
        if not applies(exp):
            self.title.setText(self.tr("This experiment has no test pass to show as a confusion matrix."))
            self.grid.setAccessibleDescription(self.title.text())
            return
        if counts is None:
            self.title.setText(self.tr("No test pass yet: the matrix appears after the first tested epoch. Rows are "
                                       "the true digit, columns the network's prediction."))
            self.grid.setAccessibleDescription(self.title.text())
            return
        counts = np.asarray(counts)
        total, right = int(counts.sum()), int(np.trace(counts))
        locale = self.locale()
        share = f"{100 * right / total:.1f} %" if total else "–"
        if self.epoch is not None:
            title = self.tr("Test pass after epoch {0}: {1} of {2} test images right ({3}). Rows: the true digit; "
                            "columns: what the network predicted.").format(
                self.epoch, locale.toString(right), locale.toString(total), share)
        else:
            title = self.tr("Last test pass: {0} of {1} test images right ({2}). Rows: the true digit; columns: "
                            "what the network predicted.").format(locale.toString(right), locale.toString(total), share)
        self.title.setText(title)
        self.grid.setAccessibleDescription(title + " " + self.describe_counts(counts))

    def describe_counts(self, counts: np.ndarray) -> str:
        """A text alternative: the worst digit and the most frequent mistake."""
        accuracy = per_class_accuracy(counts)
        parts = []
        if np.isfinite(accuracy).any():
            worst = int(np.nanargmin(accuracy))
            parts.append(self.tr("Hardest digit: {0}, {1} right.").format(worst, f"{100 * accuracy[worst]:.0f} %"))
        off = counts.copy()
        np.fill_diagonal(off, 0)
        if off.max() > 0:
            t, p = np.unravel_index(int(np.argmax(off)), off.shape)
            parts.append(self.tr("Most frequent mistake: true {0} predicted {1}, {2} images.").format(
                int(t), int(p), num(int(off[t, p]))))
        return " ".join(parts)


def _preview() -> None:
    import sys

    from PySide6.QtWidgets import QApplication

    from learning.catalogue import get

    app = QApplication(sys.argv)
    runner = Runner(get(sys.argv[1] if len(sys.argv) > 1 else "ch08.mnist-overfit")())
    panel = ConfusionPanel(runner)
    runner.run_to(runner.experiment.epoch_size or 1)
    panel.resize(560, 460)
    panel.show()
    app.exec()


if __name__ == "__main__":
    _preview()
