"""The exploding/vanishing lab (chapter 14, ch14.exploding-gradients): the book's 2-unit chain, ten steps through
the same matrix, with the size of the activations per step and of the gradient per step back as bars on a log
scale — sigmoid (or tanh) beside ReLU on shared axes — and the matrix W and the start vector editable.

An edit sets the experiment's parameter and starts the run again (the math strip and the error plot follow); the
bars are recomputed at once by learning.chapters.ch14_gradients.gradient_chain, the same code the run uses. Under
the bars: W's eigenvalues and spectral radius, each activation's largest slope, and what one step back multiplies
the gradient by on average, which is why sigmoid's gradient vanishes and ReLU's explodes with the book's W.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.format import num
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec
from desktop.views.lstm._common import LiveView, is_chain, muted_label
from desktop.widgets import FlowLayout, spoken
from learning.chapters.ch14_gradients import BOOK_MATRIX, BOOK_START, BOOK_STEPS, Chain, book_chains, gradient_chain
from learning.experiment import ParamError

#: What the learner does here that a lesson task may count.
ACTIONS = ("matrix_edited", "start_edited", "steps_edited")
#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 240)
#: At most this many decades on a log axis (a chain that overflows would squash everything else).
MAX_DECADES = 40
#: A step back that multiplies the gradient by less than this (more than its inverse) makes it vanish (explode).
STEADY = 0.9


def spec() -> ViewSpec:
    """The lab: the main view of the exploding/vanishing gradients experiment."""
    return ViewSpec("chain_lab", lambda: QCoreApplication.translate("ChainLab", "Exploding/vanishing lab"), ChainLab,
                    MINIMUM, is_chain, rank=30, actions=ACTIONS)


def log_range(*series: np.ndarray) -> tuple[int, int]:
    """(lowest, highest) decade of a log axis holding every positive finite value of the series and 10⁰."""
    values = np.concatenate([np.asarray(s, dtype=float).reshape(-1) for s in series])
    shown = values[np.isfinite(values) & (values > 0)]
    lo = math.floor(math.log10(shown.min())) if shown.size else -1
    hi = math.ceil(math.log10(shown.max())) if shown.size else 1
    lo, hi = min(lo, 0), max(hi, 0)
    if hi - lo < 2:
        lo, hi = lo - 1, hi + 1
    return max(lo, hi - MAX_DECADES), hi


def verdict(factor: float) -> str:
    """What one step back does to the gradient on average, in words."""
    translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls
    if not math.isfinite(factor):
        return translate("ChainLab", "it dies or overflows")
    if factor < STEADY:
        return translate("ChainLab", "×{0} a step: vanishes").format(num(factor, 2))
    if factor > 1 / STEADY:
        return translate("ChainLab", "×{0} a step: explodes").format(num(factor, 2))
    return translate("ChainLab", "×{0} a step: keeps its size").format(num(factor, 2))


class LogBars(QWidget):
    """One series as bars on a log₁₀ axis: a title, the bars (∞ and NaN to the top, 0 at the floor), decade lines
    with 10⁰ stronger, the step numbers under them, and one bar marked (the run's current step)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = ""
        self.values = np.zeros(0)
        self.decades = (-1, 1)
        self.marked: int | None = None
        self.colour = colours().positive
        self.setMinimumSize(160, 62)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 140)

    def set_series(self, title: str, values: np.ndarray, decades: tuple[int, int], marked: int | None) -> None:
        """Show `values` (one bar each, numbered from 1) on the axis from 10^decades[0] to 10^decades[1]."""
        self.title, self.values, self.decades, self.marked = title, np.asarray(values, dtype=float), decades, marked
        self.update()

    def y_of(self, value: float, bottom: float, height: float) -> float:
        """The y of a value on the axis (∞/NaN: the top; 0: the floor)."""
        lo, hi = self.decades
        if not math.isfinite(value):
            return bottom - height
        if value <= 0:
            return bottom
        share = (math.log10(value) - lo) / (hi - lo)
        return bottom - height * min(1.0, max(0.0, share))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        font = number_font(8)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.setPen(c.text)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        title = painter.fontMetrics().elidedText(self.title, Qt.TextElideMode.ElideRight, self.width() - 8)
        painter.drawText(QRectF(4, 1, self.width() - 8, line), Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(font)
        left, top = 4 + metrics.horizontalAdvance("10⁻⁰⁰"), line + 4
        bottom = self.height() - line - 2
        width, height = self.width() - left - 4, max(1.0, bottom - top)
        lo, hi = self.decades
        step = max(1, math.ceil((hi - lo) / max(1, height / (line + 2))))  # label every step-th decade
        for d in range(lo, hi + 1):
            y = bottom - height * (d - lo) / (hi - lo)
            painter.setPen(QPen(c.text if d == 0 else c.grid, 1.5 if d == 0 else 1))
            painter.drawLine(QPointF(left, y), QPointF(left + width, y))
            if d % step == 0:  # 10⁰ always among them
                painter.setPen(c.muted)
                painter.drawText(QRectF(0, y - line / 2, left - 3, line), Qt.AlignmentFlag.AlignRight,
                                 "10" + str(d).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")))
        n = len(self.values)
        if n:
            slot = width / n
            label_every = max(1, math.ceil(metrics.horizontalAdvance(str(n)) * 1.6 / slot))
            one = self.y_of(1.0, bottom, height)  # bars grow from 10⁰: up when larger than 1, down when smaller
            for k, value in enumerate(self.values):
                x = left + k * slot
                y = self.y_of(float(value), bottom, height)
                rect = QRectF(x + slot * 0.18, min(y, one), slot * 0.64, max(abs(one - y), 1.0))
                painter.fillRect(rect, c.accent if k == self.marked else self.colour)
                if not math.isfinite(float(value)):
                    painter.setPen(c.error)
                    painter.drawText(QRectF(x, top - line + 2, slot, line), Qt.AlignmentFlag.AlignCenter,
                                     "∞" if float(value) > 0 else "NaN")
                if k == self.marked:
                    painter.setPen(QPen(c.text, 1.5))
                    painter.drawRect(rect)
                if (k + 1) % label_every == 0 or k == 0:
                    painter.setPen(c.muted)
                    painter.drawText(QRectF(x, bottom + 1, slot, line), Qt.AlignmentFlag.AlignCenter, str(k + 1))
        painter.end()


class ChainLab(LiveView):
    """The lab: the matrix, the start vector, the number of steps and the left chain's activation to edit, four
    bar charts (activations and gradients of the two chains) and what W's eigenvalues say."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "chain_lab", parent)
        self.chains: tuple[Chain, Chain] | None = None
        editor = QWidget()
        flow = FlowLayout(editor, spacing=10)
        self.w_caption = QLabel("W =")
        matrix = QWidget()
        grid = QGridLayout(matrix)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        grid.addWidget(self.w_caption, 0, 0, 2, 1)
        self.matrix = [self._spin(f"chain_w{r + 1}{c + 1}") for r in range(2) for c in range(2)]
        for k, box in enumerate(self.matrix):
            grid.addWidget(box, k // 2, 1 + k % 2)
            box.editingFinished.connect(self._on_matrix_editing_finished)
        start = QWidget()
        row = QGridLayout(start)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.start_caption = QLabel()
        row.addWidget(self.start_caption, 0, 0, 1, 2)
        self.start = [self._spin(f"chain_start{k + 1}") for k in range(2)]
        for k, box in enumerate(self.start):
            row.addWidget(box, 1, k)
            box.editingFinished.connect(self._on_start_editing_finished)
        other = QWidget()
        rows = QGridLayout(other)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        self.steps_caption = QLabel()
        self.steps = QSpinBox()
        self.steps.setObjectName("chain_steps")
        self.steps.setRange(1, 60)
        self.steps.editingFinished.connect(self._on_steps_editing_finished)
        self.activation = QComboBox()
        self.activation.setObjectName("chain_activation")
        self.activation.addItems(["sigmoid", "tanh"])
        self.activation.currentIndexChanged.connect(self._on_activation_current_index_changed)
        self.book = QToolButton()
        self.book.setObjectName("chain_book")
        self.book.clicked.connect(self._on_book_clicked)
        rows.addWidget(self.steps_caption, 0, 0)
        rows.addWidget(self.steps, 0, 1)
        rows.addWidget(self.activation, 1, 0)
        rows.addWidget(self.book, 1, 1)
        for part in (matrix, start, other):
            flow.addWidget(part)
        self.bars = {name: LogBars(f"chain_{name}") for name in ("left_a", "right_a", "left_g", "right_g")}
        charts = QGridLayout()
        charts.setSpacing(4)
        charts.addWidget(self.bars["left_a"], 0, 0)
        charts.addWidget(self.bars["right_a"], 0, 1)
        charts.addWidget(self.bars["left_g"], 1, 0)
        charts.addWidget(self.bars["right_g"], 1, 1)
        self.bars["left_a"].colour = self.bars["right_a"].colour = colours().muted
        self.facts = muted_label("chain_facts")
        self.facts.setFont(number_font(8))
        self.message = muted_label("chain_message")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(editor)
        layout.addLayout(charts, 1)
        layout.addWidget(self.facts)
        layout.addWidget(self.message)
        self.retranslate()
        self.refresh()

    @staticmethod
    def _spin(name: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setObjectName(name)
        box.setRange(-100.0, 100.0)
        box.setDecimals(2)
        box.setSingleStep(0.1)
        box.setKeyboardTracking(False)
        box.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
        box.setFixedWidth(58)
        return box

    # -- texts ----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the current language."""
        self.start_caption.setText(self.tr("start (before sigmoid)"))
        self.steps_caption.setText(self.tr("steps"))
        self.book.setText(self.tr("Book's values"))
        self.book.setToolTip(self.tr("W = [[1, 4], [4, 1]], start (1, 0.01), 10 steps, as in the book"))
        self.activation.setToolTip(self.tr("The left chain's activation (the right one is always ReLU)"))
        spoken(self.activation, self.tr("Activation of the left chain"))
        spoken(self.steps, self.tr("Steps of each chain"))
        for box in self.matrix:
            box.setToolTip(self.tr("The recurrent matrix W: the same matrix multiplies the vector at every step "
                                   "(Enter applies the value and starts the run again)"))
            spoken(box, self.tr("Matrix W, {0}").format(box.objectName()[-2:]))
        for k, box in enumerate(self.start):
            box.setToolTip(self.tr("The vector whose sigmoid starts both chains"))
            spoken(box, self.tr("Start vector, entry {0}").format(k + 1))
        self.setAccessibleName(self.tr("Exploding/vanishing lab"))
        self.refresh()

    # -- editing --------------------------------------------------------------------------------------------
    def _apply(self, name: str, value: Any, action: str) -> None:
        exp = self.runner.experiment
        if not is_chain(exp) or exp.values.get(name) == value:
            return
        try:
            self.runner.set_param(name, value)
        except ParamError as error:
            self.message.setText(str(error))
            self.refresh()
            return
        self.message.setText("")
        self.runner.reset()  # W, the start and the steps define the run: it starts again with them
        self.acted.emit(action)

    def _on_matrix_editing_finished(self) -> None:
        self._apply("matrix", tuple(float(b.value()) for b in self.matrix), "matrix_edited")

    def _on_start_editing_finished(self) -> None:
        self._apply("start", tuple(float(b.value()) for b in self.start), "start_edited")

    def _on_steps_editing_finished(self) -> None:
        self._apply("steps", int(self.steps.value()), "steps_edited")

    def _on_activation_current_index_changed(self, *_: Any) -> None:
        self.refresh()

    def _on_book_clicked(self) -> None:
        exp = self.runner.experiment
        if not is_chain(exp):
            return
        changed = False
        for name, value in (("matrix", BOOK_MATRIX), ("start", BOOK_START), ("steps", BOOK_STEPS)):
            if exp.values.get(name) != value:
                self.runner.set_param(name, value)
                changed = True
        if changed:
            self.runner.reset()
            self.acted.emit("matrix_edited")

    def set_matrix(self, values: tuple[float, float, float, float]) -> None:
        """Type a matrix into the four fields and apply it, as a learner would (tests, lessons)."""
        for box, value in zip(self.matrix, values, strict=True):
            box.setValue(value)
        self._on_matrix_editing_finished()

    # -- the picture ------------------------------------------------------------------------------------------
    def _chains(self) -> tuple[Chain, Chain]:
        exp = self.runner.experiment
        if is_chain(exp):
            left, right = exp.lab()
        else:  # another experiment: the book's chains, to show what the lab is about
            left, right = book_chains()
        if self.activation.currentText() == "tanh":  # the same start and matrix through tanh (slope up to 1)
            left = gradient_chain(self._matrix_values(), left.start, len(left.activations), "tanh")
        return left, right

    def _matrix_values(self) -> tuple[float, ...]:
        exp = self.runner.experiment
        return tuple(exp.values["matrix"]) if is_chain(exp) else BOOK_MATRIX

    def refresh(self) -> None:
        """Recompute the chains and redraw the bars and the facts."""
        exp = self.runner.experiment
        editable = is_chain(exp)
        values = exp.values if editable else {"matrix": BOOK_MATRIX, "start": BOOK_START, "steps": BOOK_STEPS}
        for box, value in zip(self.matrix, values["matrix"], strict=True):
            if not box.hasFocus():
                box.blockSignals(True)
                box.setValue(float(value))
                box.blockSignals(False)
        for box, value in zip(self.start, values["start"], strict=True):
            if not box.hasFocus():
                box.blockSignals(True)
                box.setValue(float(value))
                box.blockSignals(False)
        if not self.steps.hasFocus():
            self.steps.blockSignals(True)
            self.steps.setValue(int(values["steps"]))
            self.steps.blockSignals(False)
        for widget in (*self.matrix, *self.start, self.steps, self.book):
            widget.setEnabled(editable)
        left, right = self.chains = self._chains()
        n = len(left.activations)
        count = self.runner.count if editable else 0
        forward = count - 1 if 1 <= count <= n else None
        backward = count - n - 1 if n < count <= 2 * n else None
        a_range = log_range(left.activation_norms, right.activation_norms)
        g_range = log_range(left.gradient_norms, right.gradient_norms)
        name = left.activation
        self.bars["left_a"].set_series(self.tr("{0}: ‖a‖ after step k").format(name), left.activation_norms,
                                       a_range, forward)
        self.bars["right_a"].set_series(self.tr("relu: ‖x‖ after step k"), right.activation_norms, a_range, forward)
        self.bars["left_g"].set_series(self.tr("{0}: ‖g‖ k steps back, {1}").format(
            name, verdict(left.growth_per_step())), left.gradient_norms, g_range, backward)
        self.bars["right_g"].set_series(self.tr("relu: ‖g‖ k steps back, {0}").format(
            verdict(right.growth_per_step())), right.gradient_norms, g_range, backward)
        self.facts.setText(self.facts_text())
        if not editable:
            self.message.setText(self.tr("This lab edits chapter 14's exploding/vanishing chain; it shows the book's "
                                         "values here."))
        elif not self.message.text().startswith(("matrix", "start", "steps")):
            self.message.setText(self.tr("Edit W or the start and press Enter: the run starts again with them."))

    def facts_text(self) -> str:
        """W's eigenvalues and spectral radius, the activations' largest slopes, and each gradient's fate."""
        assert self.chains is not None
        left, right = self.chains
        eigen = ", ".join(num(complex(v).real, 3) if abs(complex(v).imag) < 1e-12 else
                          f"{num(complex(v).real, 3)}{'+' if complex(v).imag >= 0 else '−'}"
                          f"{num(abs(complex(v).imag), 3)}i" for v in left.eigenvalues)
        return self.tr("eigenvalues of W: {0} · spectral radius {1} · largest slope: {2} {3}, relu 1").format(
            eigen, num(left.spectral_radius, 3), left.activation, num(left.max_slope, 3))

    def describe(self) -> str:
        """A text alternative: the chains' last gradient sizes and the facts."""
        if self.chains is None:
            return ""
        left, right = self.chains
        return self.tr("Exploding/vanishing lab. After {0} steps back the {1} gradient has size {2} ({3}), the relu "
                       "gradient {4} ({5}). {6}.").format(
            len(left.gradient_norms), left.activation, num(left.gradient_norms[-1], 3),
            verdict(left.growth_per_step()), num(right.gradient_norms[-1], 3), verdict(right.growth_per_step()),
            self.facts_text())


if __name__ == "__main__":  # python -m desktop.views.lstm.chain_lab [experiment id]
    from desktop.views import preview

    preview(ChainLab, "ch14.exploding-gradients", (800, 480))
