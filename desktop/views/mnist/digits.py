"""The digit the network is looking at (chapters 8-10): the input image with its label and the prediction, the
hidden layer as a strip of cells (the dropout mask crossed out when paused or stepping), the ten outputs as bars
beside the label, and where the run is within its epoch and its test pass.

Everything is read from the experiment's view methods (current_example, hidden_activations, last_dropout_mask,
output_probabilities) and repainted at most ~30 times a second.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.colour import rgb, scale_for, signed_rgba, to_qimage
from desktop.counting import iteration_text
from desktop.format import exact, num
from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec, described, preview
from desktop.widgets import ElidedLabel, FlowLayout, mark_hint

REPAINT_MS = 33
DIGIT_SCALE = 4  # the 28 x 28 input drawn at 112 x 112
#: Largest and smallest cell of the hidden strip, in pixels; crosses are drawn on cells at least CROSS_MIN wide.
CELL_MAX, CROSS_MIN = 16, 6
STRIP_HEIGHT = 62
#: Narrower than this (the digit and the bars side by side need about 460 pixels) and at least TALL high, the
#: output bars go under the digit.
NARROW, TALL = 470, 460
VIEW_METHODS = ("current_example", "hidden_activations", "last_dropout_mask", "output_probabilities")


def applies(experiment: object) -> bool:
    """True for experiments that show one input digit at a time (the MNIST networks of chapters 8-10)."""
    return all(callable(getattr(experiment, name, None)) for name in VIEW_METHODS)


#: The smallest readable size (width, height) in pixels.
MINIMUM = (370, 220)


def spec() -> ViewSpec:
    """The dock of this panel."""
    return ViewSpec("digits", lambda: QCoreApplication.translate("DigitsPanel", "Digit and prediction"),
                    DigitsPanel, MINIMUM, applies, rank=20)


def grey_image(image: np.ndarray) -> QImage:
    """A digit (values 0..1) as ink on the panel's surface: 0 is the surface colour, 1 the text colour."""
    c = colours()
    t = np.clip(np.nan_to_num(np.asarray(image, dtype=float)), 0.0, 1.0)[..., None]
    surface, ink = rgb(c.surface), rgb(c.text)
    out = np.empty((*t.shape[:2], 4), dtype=np.uint8)
    out[..., :3] = np.round(surface + (ink - surface) * t)
    out[..., 3] = 255
    return to_qimage(out)


def strip_layout(n: int, width: int, height: int) -> tuple[int, int, int]:
    """(cell size, columns, rows) of the largest square cells that fit n cells into width x height."""
    for cell in range(CELL_MAX, 1, -1):
        columns = max(1, width // cell)
        rows = math.ceil(n / columns)
        if rows * cell <= height:
            return cell, columns, rows
    columns = max(1, width)
    return 1, columns, math.ceil(n / columns)


class DigitImage(QWidget):
    """The 28 x 28 input, drawn pixel for pixel at four times its size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("digit_image")
        self.image: np.ndarray | None = None
        self._qimage: QImage | None = None
        side = 28 * DIGIT_SCALE + 2
        self.setFixedSize(side, side)

    def set_image(self, image: np.ndarray | None) -> None:
        """Show this image (28 x 28, values 0..1), or nothing."""
        self.image = None if image is None else np.array(image, dtype=float)
        self._qimage = None if image is None else grey_image(self.image)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        if self._qimage is not None:
            painter.drawImage(QRect(1, 1, self.width() - 2, self.height() - 2), self._qimage)
        painter.setPen(QPen(c.node_border, 1))
        painter.drawRect(0, 0, self.width() - 1, self.height() - 1)
        painter.end()


class OutputBars(QWidget):
    """Ten bars, one per digit: the network's outputs for this input, the true digit and the predicted one
    marked."""

    ROW = 19

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("output_bars")
        self.values: np.ndarray | None = None
        self.label: int | None = None
        self.predicted: int | None = None
        self.probabilities = True
        self.setMinimumSize(250, self.ROW * 10 + 4)
        self.setMaximumWidth(620)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(460, self.ROW * 10 + 4)

    def set_values(self, values: np.ndarray | None, label: int | None, probabilities: bool) -> None:
        """The ten outputs (or None before the first prediction), the true digit, and whether they are
        probabilities (softmax) or raw linear outputs."""
        self.values = None if values is None else np.array(values, dtype=float).reshape(-1)
        self.label = label
        self.probabilities = probabilities
        finite = self.values is not None and np.isfinite(self.values).any()
        self.predicted = int(np.nanargmax(self.values)) if finite else None
        self.update()

    def span(self) -> tuple[float, float]:
        """The value range the bars cover: 0..1 for probabilities, otherwise at least 0..1 and every output."""
        if self.probabilities or self.values is None:
            return 0.0, 1.0
        finite = self.values[np.isfinite(self.values)]
        lo = min(0.0, float(finite.min())) if len(finite) else 0.0
        hi = max(1.0, float(finite.max())) if len(finite) else 1.0
        return lo, hi

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        font = number_font(9)
        bold = QFont(font)
        bold.setBold(True)
        compact = self.width() < 460  # a narrow dock: short tags leave the bars room
        digit_w, value_w, tag_w = 22, 72, (64 if compact else 140)
        left = digit_w + 4
        right = max(left + 20, self.width() - value_w - tag_w)
        lo, hi = self.span()
        zero = left + (right - left) * (0.0 - lo) / (hi - lo)
        for d in range(10):
            y = 2 + d * self.ROW
            is_label, is_pred = d == self.label, d == self.predicted
            if is_label:
                band = QColor(c.accent)
                band.setAlpha(40)
                painter.fillRect(QRectF(0, y, self.width(), self.ROW - 1), band)
            painter.setFont(bold if (is_label or is_pred) else font)
            painter.setPen(c.text if (is_label or is_pred) else c.muted)
            painter.drawText(QRect(0, y, digit_w, self.ROW - 1),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(d))
            value = None if self.values is None else float(self.values[d])
            if value is not None and math.isfinite(value):
                end = left + (right - left) * (min(max(value, lo), hi) - lo) / (hi - lo)
                colour = QColor(c.positive if value >= 0 else c.negative)
                if not is_pred:
                    colour.setAlpha(150)
                x0, x1 = sorted((zero, end))
                painter.fillRect(QRectF(x0, y + 4, max(1.0, x1 - x0), self.ROW - 9), colour)
            painter.setFont(font)
            painter.setPen(c.text)
            painter.drawText(QRect(right + 4, y, value_w - 6, self.ROW - 1),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             "–" if value is None else num(value, 3))
            if is_label and is_pred:
                tag, pen = (self.tr("true ✓") if compact else self.tr("◀ predicted = true ✓")), c.accent
            elif is_pred:
                tag, pen = ("◀ ✗" if compact else self.tr("◀ predicted ✗")), c.negative
            elif is_label:
                tag, pen = self.tr("true"), c.text
            else:
                tag = ""
            if tag:
                painter.setPen(pen)
                painter.drawText(QRect(right + value_w + 2, y, tag_w - 2, self.ROW - 1),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, tag)
        painter.setPen(QPen(c.grid, 1))
        painter.drawLine(QPointF(zero, 0), QPointF(zero, 2 + 10 * self.ROW))
        painter.end()


class HiddenStrip(QWidget):
    """The hidden layer as a strip of cells coloured by value (blue positive, orange negative); with the mask
    shown, dropped units are greyed and, where the cells are big enough, crossed out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hidden_strip")
        self.values: np.ndarray | None = None
        self.dropped: np.ndarray | None = None  # bool per unit, or None without dropout
        self.show_mask = False
        self.scale = 1.0
        self._qimage: QImage | None = None
        self._shape: tuple[int, int] | None = None
        self.setMinimumWidth(200)
        self.setFixedHeight(STRIP_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, STRIP_HEIGHT)

    def set_values(self, values: np.ndarray | None, dropped: np.ndarray | None, show_mask: bool,
                   scale: float) -> None:
        """Hidden values (after dropout), which units were dropped, whether to show that, and full-colour scale."""
        self.values = None if values is None else np.array(values, dtype=float).reshape(-1)
        self.dropped = None if dropped is None else np.asarray(dropped, dtype=bool).reshape(-1).copy()
        self.show_mask = show_mask
        self.scale = scale
        self._qimage = None
        self._fit_height()
        self.update()

    def layout_cells(self) -> tuple[int, int, int]:
        """(cell size, columns, rows) at the current width, at most STRIP_HEIGHT high."""
        n = 0 if self.values is None else len(self.values)
        return strip_layout(max(n, 1), self.width() - 2, STRIP_HEIGHT - 2)

    def _fit_height(self) -> None:
        cell, _, rows = self.layout_cells()
        height = STRIP_HEIGHT if self.values is None else rows * cell + 2
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_height()

    def unit_at(self, x: float, y: float) -> int | None:
        """The unit under a point of the widget, or None."""
        if self.values is None:
            return None
        cell, columns, _ = self.layout_cells()
        col, row = int((x - 1) // cell), int((y - 1) // cell)
        if x < 1 or y < 1 or col >= columns:
            return None
        unit = row * columns + col
        return unit if unit < len(self.values) else None

    def describe_unit(self, unit: int) -> str:
        """What one cell shows, for its tooltip."""
        assert self.values is not None
        text = self.tr("hidden unit {0}: {1}").format(unit, exact(float(self.values[unit])))
        if self.dropped is not None and self.dropped[unit]:
            text += " " + self.tr("(dropped by dropout this step)")
        return text

    def _image(self, columns: int, rows: int) -> QImage:
        if self._qimage is None or self._shape != (columns, rows):
            assert self.values is not None
            n = len(self.values)
            grid = np.full(columns * rows, np.nan)
            grid[:n] = self.values
            greyed = np.zeros(columns * rows, dtype=bool)
            if self.show_mask and self.dropped is not None:
                greyed[:n] = self.dropped
            pixels = signed_rgba(grid, self.scale, greyed)
            pixels[n:] = rgb(colours().surface).astype(np.uint8).tolist() + [255]  # past the last unit: nothing
            self._qimage = to_qimage(pixels.reshape(rows, columns, 4))
            self._shape = (columns, rows)
        return self._qimage

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        if self.values is None or not len(self.values):
            painter.end()
            return
        cell, columns, rows = self.layout_cells()
        n = len(self.values)
        painter.drawImage(QRect(1, 1, columns * cell, rows * cell), self._image(columns, rows))
        if cell >= CROSS_MIN:
            painter.setPen(QPen(c.background, 1))
            for r in range(1, rows):  # thin gaps between cells
                painter.drawLine(1, 1 + r * cell, 1 + columns * cell, 1 + r * cell)
            for k in range(1, columns):
                painter.drawLine(1 + k * cell, 1, 1 + k * cell, 1 + rows * cell)
            if self.show_mask and self.dropped is not None:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(QPen(c.muted, 1.2))
                for unit in np.flatnonzero(self.dropped[:n]).tolist():
                    x, y = 1 + (unit % columns) * cell, 1 + (unit // columns) * cell
                    painter.drawLine(QPointF(x + 2, y + 2), QPointF(x + cell - 2, y + cell - 2))
                    painter.drawLine(QPointF(x + cell - 2, y + 2), QPointF(x + 2, y + cell - 2))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            unit = self.unit_at(event.pos().x(), event.pos().y())
            if unit is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe_unit(unit), self)
            return True
        return super().event(event)


class DigitsPanel(QWidget):
    """The current input digit, the hidden layer, the ten outputs, and the progress within the epoch."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("digits")
        c = colours()
        self.progress = ElidedLabel()  # "example k of n · epoch e · …" grows during a run: cut, never widening
        self.progress.setObjectName("digits_progress")
        self.progress.setFont(number_font())
        self.test_label = QLabel()
        self.test_label.setObjectName("digits_test_progress")
        self.test_label.setFont(number_font())
        self.test_bar = QProgressBar()
        self.test_bar.setObjectName("digits_test_bar")
        self.test_bar.setTextVisible(False)
        self.test_bar.setMaximumWidth(140)
        self.test_bar.setMaximumHeight(10)
        self.row_label = QLabel()
        self.row = QSpinBox()
        self.row.setObjectName("digits_row")
        self.row.setMinimum(1)
        self.row.valueChanged.connect(self._on_row_value_changed)
        self.image = DigitImage()
        self.label_text = QLabel()
        self.label_text.setObjectName("digits_label")
        self.label_text.setFont(number_font(11))
        self.label_text.setTextFormat(Qt.TextFormat.RichText)
        self.label_text.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.label_text.setMinimumHeight(2 * self.label_text.fontMetrics().lineSpacing() + 6)
        self.bars_title = QLabel()
        self.bars_title.setStyleSheet(f"color: {c.muted.name()}")
        self.bars = OutputBars()
        self.strip_title = QLabel()
        self.strip_title.setObjectName("hidden_strip_title")
        self.strip_title.setWordWrap(True)
        self.strip_title.setStyleSheet(f"color: {c.muted.name()}")
        self.strip = HiddenStrip()
        self.empty = QLabel()
        self.empty.setObjectName("digits_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {c.muted.name()}")

        self.progress.setMinimumWidth(160)
        top = FlowLayout(expand_first=True)
        top.addWidget(self.progress)
        top.addWidget(self.test_label)
        top.addWidget(self.test_bar)
        left = QVBoxLayout()
        left.addWidget(self.image, 0, Qt.AlignmentFlag.AlignHCenter)
        left.addWidget(self.label_text, 0, Qt.AlignmentFlag.AlignHCenter)
        row_line = QHBoxLayout()
        row_line.addWidget(self.row_label)
        row_line.addWidget(self.row)
        left.addLayout(row_line)
        for chooser in (self.row_label, self.row):  # which image of a batch: a control, not the picture
            mark_hint(chooser)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.bars_title)
        right.addWidget(self.bars)
        right.addStretch(1)
        middle = self.middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        middle.addLayout(left)
        middle.addSpacing(12)
        middle.addLayout(right, 1)
        middle.addStretch(0)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(middle)
        body.addWidget(self.strip_title)
        body.addWidget(self.strip)
        body.addStretch(1)
        # scrolls when the dock is squeezed, so the panel never makes the window's bottom area taller
        self.scroll = QScrollArea()
        self.scroll.setObjectName("digits_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.empty)

        #: What is shown now (for tests and screen readers): the training iteration, its image and label.
        self.shown_iteration: int | None = None
        self.shown_label: int | None = None
        self.shown_prediction: int | None = None
        self._dirty = True
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        runner.advanced.connect(self._on_runner_advanced)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.playing_changed.connect(self._on_runner_playing_changed)
        runner.tested.connect(self._on_runner_tested)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.rewound.connect(self._on_runner_rewound)
        self.retranslate()
        self._sync_rows()

    # -- texts ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        self.row_label.setText(self.tr("image in batch"))
        self.row.setToolTip(self.tr("A batch iteration predicts many images at once: choose which one to show"))
        self.image.setAccessibleName(self.tr("Input digit"))
        self.bars.setAccessibleName(self.tr("Output of each digit"))
        self.strip.setAccessibleName(self.tr("Hidden layer"))
        self.test_bar.setAccessibleName(self.tr("Test pass progress"))
        self.row.setAccessibleName(self.tr("Training image shown"))
        self.row.lineEdit().setAccessibleName(self.row.accessibleName())
        self.strip.setToolTip("")
        self.empty.setText(self.tr("This experiment does not look at digits: the view shows the MNIST networks of "
                                   "chapters 8 to 10."))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- events -----------------------------------------------------------------------------------------
    def _schedule(self) -> None:
        self._repaint.schedule()

    def _on_runner_advanced(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_playing_changed(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_rewound(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_tested(self, done: int, total: int) -> None:
        self._show_test_progress((done, total) if done < total else None)

    def _on_runner_reset_done(self) -> None:
        self._sync_rows()
        self.refresh()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self._sync_rows()
        self.refresh()

    def _on_row_value_changed(self, *_: Any) -> None:
        self.refresh()

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        # a narrow, tall dock: the bars go below the digit instead of beside it
        stacked = self.width() < NARROW and self.height() >= TALL
        direction = QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        if self.middle.direction() != direction:
            self.middle.setDirection(direction)

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    # -- model ------------------------------------------------------------------------------------------
    def batch_size(self) -> int:
        """Images per iteration of the run (1 for the per-example networks)."""
        return int(getattr(self.runner.experiment, "batch_size", 1) or 1)

    def _sync_rows(self) -> None:
        batch = self.batch_size() if applies(self.runner.experiment) else 1
        self.row.blockSignals(True)
        self.row.setMaximum(batch)
        self.row.setValue(min(self.row.value(), batch))
        self.row.blockSignals(False)
        self.row.setVisible(batch > 1)
        self.row_label.setVisible(batch > 1)

    def current_iteration(self) -> int:
        """The training iteration whose example the views show: the open one while stepping through phases
        (or testing after it), the last finished one otherwise, or the next one before anything was computed."""
        runner = self.runner
        if runner.experiment.hidden_activations(0) is None or runner.mid_iteration:
            return runner.count
        return max(runner.count - 1, 0)

    def progress_text(self) -> str:
        """Where the shown example is: "example 312 of 1,000 · epoch 3" (or the batch and its images)."""
        exp = self.runner.experiment
        size = int(exp.epoch_size or 1)
        iteration = self.current_iteration()
        epoch, index = divmod(iteration, size)
        locale = self.locale()
        batch = self.batch_size()
        if batch > 1:
            first = index * batch + 1
            where = self.tr("batch {0} of {1} · images {2}–{3}").format(
                locale.toString(index + 1), locale.toString(size), locale.toString(first),
                locale.toString(first + batch - 1))
        else:
            where = self.tr("example {0} of {1}").format(locale.toString(index + 1), locale.toString(size))
        if exp.hidden_activations(0) is None:
            return " · ".join((where, self.tr("epoch {0}").format(epoch), self.tr("not predicted yet")))
        return f"{iteration_text(self.runner)} · {where}"  # the iteration and epoch as every view names them

    def _show_test_progress(self, progress: tuple[int, int] | None) -> None:
        if progress is None:
            self.test_label.setText("")
            self.test_bar.setVisible(False)
            return
        done, total = progress
        locale = self.locale()
        self.test_label.setText(self.tr("testing {0} / {1}").format(locale.toString(done), locale.toString(total)))
        self.test_bar.setMaximum(total)
        self.test_bar.setValue(done)
        self.test_bar.setVisible(True)

    def describe(self) -> str:
        """A text alternative of the digit, the outputs and the hidden layer, for screen readers."""
        if self.empty.isVisible():
            return self.empty.text()
        parts = (self.progress.text(), self.image.accessibleDescription(), self.strip.accessibleDescription())
        return ". ".join(p for p in parts if p)

    @described
    def refresh(self) -> None:
        """Read the experiment's views and redraw (called at most ~30 times a second)."""
        exp = self.runner.experiment
        ok = applies(exp)
        self.scroll.setVisible(ok)  # even while hidden, so the layout is right when it shows
        self.progress.setVisible(ok)
        self.empty.setVisible(not ok)
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        if not ok:
            self._show_test_progress(None)
            return
        progress = self.runner.test_progress
        self._show_test_progress(progress if progress is not None and progress[0] < progress[1] else None)
        self.progress.setText(self.progress_text())
        row = min(self.row.value() - 1, self.batch_size() - 1)
        image, label = exp.current_example(row)
        outputs = exp.output_probabilities(row)
        hidden = exp.hidden_activations(row)
        mask = exp.last_dropout_mask(row)
        softmax = bool(getattr(exp, "softmax_output", False))
        self.shown_iteration = self.current_iteration()
        self.shown_label = int(label)
        self.image.set_image(image)
        self.bars.set_values(outputs, int(label), softmax)
        self.shown_prediction = self.bars.predicted
        self._label_texts(int(label), outputs, softmax)
        self._strip(exp, hidden, mask)

    def _label_texts(self, label: int, outputs: np.ndarray | None, softmax: bool) -> None:
        c = colours()
        predicted = self.bars.predicted
        if outputs is None or predicted is None:
            self.label_text.setText(self.tr("label {0}").format(label))
            self.image.setAccessibleDescription(self.tr("digit {0}, not predicted yet").format(label))
            self.bars_title.setText(self.tr("outputs: after the next prediction"))
            return
        value = float(outputs[predicted])
        right = predicted == label
        colour = (c.accent if right else c.negative).name()
        mark = "✓" if right else "✗"
        self.label_text.setText(self.tr("label {0}").format(label) + "<br>" + f"<span style='color:{colour}'>"
                                + self.tr("predicted {0}").format(predicted) + f" {mark}</span>")
        if softmax:
            self.bars_title.setText(self.tr("softmax probabilities of the ten digits"))
            description = self.tr("digit {0}, predicted {1} with probability {2}").format(label, predicted,
                                                                                        num(value, 2))
        else:
            self.bars_title.setText(self.tr("outputs of the ten digits (linear: the goal is 1 for the label, "
                                            "0 for the others)"))
            description = self.tr("digit {0}, predicted {1} (output {2})").format(label, predicted, num(value, 2))
        self.image.setAccessibleDescription(description)
        self.bars.setAccessibleDescription(description)

    def _strip(self, exp: Any, hidden: np.ndarray | None, mask: np.ndarray | None) -> None:
        activation = str(getattr(exp, "activation", ""))
        if hidden is None:
            self.strip.set_values(None, None, False, 1.0)
            self.strip_title.setText(self.tr("hidden layer: {0} units, after the next prediction").format(
                self.locale().toString(int(getattr(exp, "hidden_size", 0)))))
            self.strip.setAccessibleDescription(self.strip_title.text())
            return
        hidden = np.asarray(hidden, dtype=float)
        n = len(hidden)
        scale = scale_for(hidden)
        show_mask = mask is not None and not self.runner.playing
        dropped = None if mask is None else np.asarray(mask) == 0
        self.strip.set_values(hidden, dropped, show_mask, scale)
        units = self.locale().toString(n)
        if mask is None:
            title = self.tr("hidden layer: {0} {1} units; full colour = {2}").format(units, activation, num(scale, 3))
        elif show_mask:
            title = self.tr("hidden layer: {0} {1} units after dropout; grey ✕ = dropped this step ({2} of {0}), "
                            "kept units doubled; full colour = {3}").format(
                units, activation, self.locale().toString(int(np.count_nonzero(dropped))), num(scale, 3))
        else:
            title = self.tr("hidden layer: {0} {1} units after dropout; the mask is crossed out when paused or "
                            "stepping; full colour = {2}").format(units, activation, num(scale, 3))
        if callable(getattr(exp, "feature_maps", None)):
            title += " " + self.tr("(position by position, 16 kernels each: the Weights and kernels panel shows them "
                                   "as feature maps)")
        self.strip_title.setText(title)
        finite = np.isfinite(hidden)
        strongest = int(np.argmax(np.where(finite, np.abs(hidden), -1.0)))
        description = title + " " + self.tr("Strongest: unit {0} at {1}.").format(strongest,
                                                                                  num(hidden[strongest], 3))
        self.strip.setAccessibleDescription(description)


if __name__ == "__main__":  # python -m desktop.views.mnist.digits [experiment id]
    preview(DigitsPanel, "ch08.mnist-dropout", (760, 380))
