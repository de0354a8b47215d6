"""Streetlights (chapter 6): the data table with the pattern the network learns from next, its prediction
and error for every row, following the run; and which light correlates with walk/stop, and, for a network
with a hidden layer, how its hidden units create the correlation no single light has.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.format import exact, num
from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.units import unit_name
from desktop.views import ViewSpec, described, network_of
from learning.analysis import correlation, forward
from learning.experiment import Experiment
from learning.network import DataTable

REPAINT_MS = 33
#: Below this |r| a light "does not correlate"; above STRONG it predicts the goal by itself.
WEAK, STRONG = 0.3, 0.7


def applies(experiment: object) -> bool:
    """True for experiments with a small data set to show as a table."""
    return isinstance(experiment, Experiment) and experiment.data_table() is not None


#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 200)


def spec() -> ViewSpec:
    """The dock of this panel."""
    return ViewSpec("streetlights", lambda: QCoreApplication.translate("StreetlightsPanel", "Streetlights"),
                    StreetlightsPanel, MINIMUM, applies)


class CorrelationBars(QWidget):
    """One signed bar per row (a light, a hidden unit, the prediction): its correlation with the goal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correlation_bars")
        #: name, r (NaN: the values never change), a section starts here, what to say instead of a NaN bar
        self.rows: list[tuple[str, float, bool, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(200)

    def set_rows(self, rows: list[tuple[str, float, bool, str]]) -> None:
        """Names, correlations and where a new section (hidden units, prediction) starts."""
        self.rows = rows
        self.setMinimumHeight(self._height())
        self.update()

    def _height(self) -> int:
        return 4 + sum(22 + (6 if section else 0) for _, _, section, _ in self.rows)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(number_font(9))
        name_w, value_w = 96, 56
        zero = name_w + (self.width() - name_w - value_w) / 2
        half = (self.width() - name_w - value_w) / 2 - 6
        y = 2
        for name, r, section, constant in self.rows:
            if section:
                painter.setPen(QPen(c.grid, 1))
                painter.drawLine(0, y + 2, self.width(), y + 2)
                y += 6
            painter.setPen(c.text)
            painter.drawText(0, y, name_w - 8, 20, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            if math.isnan(r):
                painter.setPen(c.muted)
                painter.drawText(int(zero) + 8, y, int(self.width() - zero - 30), 20,
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, constant)
                text = ""
            else:
                length = half * abs(r)
                colour = QColor(c.positive if r >= 0 else c.negative)
                if abs(r) < WEAK:
                    colour.setAlpha(120)
                painter.fillRect(int(zero if r >= 0 else zero - length), y + 5, int(max(1.0, length)), 11, colour)
                text = num(r, 2) if abs(r) >= 0.005 else "0"
            painter.setPen(c.text)
            painter.drawText(int(self.width() - value_w), y, value_w, 20,
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
            y += 22
        painter.setPen(QPen(c.muted, 1, Qt.PenStyle.DashLine))
        painter.drawLine(int(zero), 0, int(zero), y)
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        painter.end()


class StreetlightsPanel(QWidget):
    """The experiment's data table following the run, and the correlation view beside it."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("streetlights")
        c = colours()
        self.table = QTableWidget()
        self.table.setObjectName("streetlights_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.total = QLabel()
        self.total.setObjectName("streetlights_total")
        self.total.setFont(number_font())
        self.bars_title = QLabel()
        self.bars_title.setWordWrap(True)
        self.bars = CorrelationBars()
        self.explanation = QLabel()
        self.explanation.setObjectName("streetlights_explanation")
        self.explanation.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setObjectName("streetlights_empty")
        self._static_texts()
        self.empty.setStyleSheet(f"color: {c.muted.name()}")
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.total)
        column = QWidget()
        right = QVBoxLayout(column)
        right.setContentsMargins(0, 0, 4, 0)
        right.addWidget(self.bars_title)
        right.addWidget(self.bars)
        right.addWidget(self.explanation)
        right.addStretch(1)
        self.correlations = QScrollArea()  # a short dock scrolls rather than squeezing text over the bars
        self.correlations.setObjectName("streetlights_correlations")
        self.correlations.setWidgetResizable(True)
        self.correlations.setFrameShape(QFrame.Shape.NoFrame)
        self.correlations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.correlations.setWidget(column)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.correlations, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(body, 1)
        layout.addWidget(self.empty)
        self.data: DataTable | None = None
        self.predictions: np.ndarray | None = None
        self.current: int | None = None
        self.input_r: np.ndarray | None = None
        self.hidden_r: np.ndarray | None = None
        self.prediction_r: np.ndarray | None = None
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.advanced.connect(self._on_runner_advanced)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.param_changed.connect(self._on_runner_param_changed)
        runner.weights_edited.connect(self._on_runner_weights_edited)
        runner.rewound.connect(self._on_runner_rewound)
        self.rebuild()

    # -- columns ---------------------------------------------------------------------------------------
    def columns(self) -> list[str]:
        """Header texts: #, each input, each goal, each prediction, error."""
        data = self.data
        if data is None:
            return []
        many = len(data.goal_names) > 1
        goals = [unit_name(g) for g in data.goal_names]
        return ["#", *(unit_name(n) for n in data.input_names), *(self.tr("goal {0}").format(g) for g in goals),
                *(self.tr("prediction {0}").format(g) if many else self.tr("prediction") for g in goals),
                self.tr("error")]

    def describe(self) -> str:
        """A text alternative of the table and the correlations, for screen readers."""
        if self.data is None:
            return self.empty.text()
        rows = self.tr("{0} patterns.").format(len(self.data.inputs)) if self.current is None else self.tr(
            "{0} patterns; the network learns from pattern {1} next.").format(len(self.data.inputs), self.current + 1)
        return " ".join(t for t in (rows, self.total.text(), self.explanation.text()) if t)

    def _static_texts(self) -> None:
        """Texts set once, again after a language change."""
        self.table.setToolTip(self.tr("Each row is one pattern of lights and its goal; ▶ marks the pattern the "
                                      "network learns from next"))
        self.bars_title.setText(self.tr("Correlation with the goal (r, over the whole table)"))
        self.table.setAccessibleName(self.tr("Data set: one row per pattern"))
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns"))
        self.bars.setToolTip(self.tr("r = +1: on exactly when the goal is 1; r = −1: on exactly when it is 0; r = 0: "
                                     "no linear relation. A unit that is always off (relu gave 0 for every pattern) "
                                     "or a light that never changes has no correlation at all"))
        self.empty.setText(self.tr("This experiment has no small data set to show as a table."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._static_texts()
            self.rebuild()
        super().changeEvent(event)

    def rebuild(self) -> None:
        """Lay the table out for the current experiment's data set."""
        self.data = self.runner.experiment.data_table()
        shown = self.data is not None
        self.empty.setVisible(not shown)
        for widget in (self.table, self.total, self.correlations):
            widget.setVisible(shown)
        self.table.blockSignals(True)
        self.table.clear()
        if self.data is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.table.blockSignals(False)
            return
        headers = self.columns()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self.data.inputs))
        font = number_font()
        for r in range(len(self.data.inputs)):
            for col in range(len(headers)):
                item = QTableWidgetItem()
                item.setFont(font)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, col, item)
        self.table.blockSignals(False)
        self.refresh()

    # -- updating ----------------------------------------------------------------------------------------
    def _schedule(self) -> None:
        self._repaint.schedule()

    @described
    def refresh(self) -> None:
        """Fill the table and the correlations from the experiment as it is now."""
        exp = self.runner.experiment
        data = exp.data_table()
        if data is None:
            if self.data is not None:
                self.rebuild()
            return
        old = self.data
        if old is None or data.inputs.shape != old.inputs.shape or data.goals.shape != old.goals.shape:
            self.rebuild()  # a different data set: new rows and columns (rebuild refreshes)
            return
        self.data = data
        try:
            predictions = np.asarray(exp.predict(data.inputs), dtype=float).reshape(len(data.inputs), -1)
        except NotImplementedError:
            predictions = None
        self.predictions = predictions
        self.current = data.current
        self._fill(data, predictions)
        self._correlate(data, predictions)

    def _fill(self, data: DataTable, predictions: np.ndarray | None) -> None:
        c = colours()
        n_in, n_goal = data.inputs.shape[1], data.goals.shape[1]
        highlight = QColor(c.accent)
        highlight.setAlpha(60)
        plain = QBrush(Qt.BrushStyle.NoBrush)
        bold = number_font()
        bold.setWeight(QFont.Weight.Bold)
        normal = number_font()
        self.table.blockSignals(True)
        total = 0.0
        for r in range(len(data.inputs)):
            current = r == data.current
            cells = [("▶ " if current else "") + str(r + 1)]
            for value in data.inputs[r]:
                cells.append(("● " if value == 1 else "○ " if value == 0 else "") + num(float(value), 4))
            cells.extend(num(float(g), 4) for g in data.goals[r])
            if predictions is not None:
                cells.extend(num(float(p), 4) for p in predictions[r])
                with np.errstate(over="ignore", invalid="ignore"):
                    error = float(np.sum((predictions[r] - data.goals[r]) ** 2))
                total += error
                cells.append(num(error, 4))
            else:
                cells.extend(["–"] * (n_goal + 1))
            for col, text in enumerate(cells):
                item = self.table.item(r, col)
                item.setText(text)
                item.setBackground(QBrush(highlight) if current else plain)
                item.setFont(bold if current else normal)
                if col == 0:
                    item.setToolTip(self.tr("the network learns from this pattern next") if current else "")
                elif 1 + n_in + n_goal <= col < 1 + n_in + 2 * n_goal and predictions is not None:
                    item.setToolTip(exact(float(predictions[r][col - 1 - n_in - n_goal])))
        self.table.blockSignals(False)
        if predictions is not None:
            self.total.setText(self.tr("error over the whole table: {0}").format(num(total, 5)))
        else:
            self.total.setText("")

    def _correlate(self, data: DataTable, predictions: np.ndarray | None) -> None:
        """Correlation of each light, each hidden unit and the prediction with the (first) goal."""
        goal = data.goals[:, 0]
        goal_name = unit_name(data.goal_names[0])
        self.input_r = correlation(data.inputs, goal)[:, 0]
        same = self.tr("never changes")
        rows: list[tuple[str, float, bool, str]] = [
            (unit_name(name), float(r), False, same) for name, r in zip(data.input_names, self.input_r, strict=True)]
        self.hidden_r = None
        net = network_of(self.runner.experiment)  # None for a table without a network (nothing hidden to show)
        layers = forward(net, data.inputs) if net is not None and len(net.layers) > 2 else None
        if layers is not None and predictions is not None and not np.allclose(layers[-1], predictions,
                                                                               rtol=1e-6, atol=1e-9):
            layers = None  # the description does not reproduce the experiment's own predictions: say nothing
        if layers is not None:
            hidden = np.concatenate(layers[1:-1], axis=1)
            names = [unit_name(u) for layer in net.layers[1:-1] for u in layer.units]
            self.hidden_r = correlation(hidden, goal)[:, 0]
            dead = np.all(hidden == 0, axis=0)
            rows += [(name, float(r), i == 0, self.tr("always off") if dead[i] else same)
                     for i, (name, r) in enumerate(zip(names, self.hidden_r, strict=True))]
        self.prediction_r = None
        if predictions is not None:
            self.prediction_r = correlation(predictions[:, :1], goal)[:, 0]
            rows.append((self.tr("prediction"), float(self.prediction_r[0]), True, same))
        self.bars_title.setText(self.tr("Correlation with {0} (r, over the whole table)").format(goal_name))
        self.bars.set_rows(rows)
        self.explanation.setText(self._explain(data, goal_name))

    def _explain(self, data: DataTable, goal_name: str) -> str:
        assert self.input_r is not None
        r = self.input_r
        lines = []
        inputs = [unit_name(n) for n in data.input_names]
        constant = [name for name, v in zip(inputs, r, strict=True) if math.isnan(v)]
        if constant:
            lines.append(self.tr("{0}: always the same, so it cannot tell one pattern from another.").format(
                ", ".join(constant)))
        strength = np.where(np.isnan(r), 0.0, np.abs(r))
        best = int(np.argmax(strength))
        if strength[best] >= STRONG:
            lines.append(self.tr("{0} predicts {1} by itself (r = {2}): one layer of weights can learn this "
                                 "directly, and its weight grows while the others shrink.").format(
                inputs[best], goal_name, num(float(r[best]), 2)))
        elif strength[best] < WEAK:
            lines.append(self.tr("No light on its own correlates with {0} (largest |r| = {1}): a network with no "
                                 "hidden layer cannot learn this pattern.").format(goal_name,
                                                                                   num(float(strength[best]), 2)))
        else:
            lines.append(self.tr("{0} correlates with {1} only partly (r = {2}).").format(
                inputs[best], goal_name, num(float(r[best]), 2)))
        if self.hidden_r is not None:
            hidden = np.where(np.isnan(self.hidden_r), 0.0, np.abs(self.hidden_r))
            net = network_of(self.runner.experiment)
            names = [unit_name(u) for layer in net.layers[1:-1] for u in layer.units] if net is not None else []
            k = int(np.argmax(hidden))
            if hidden[k] > strength[best] + 0.1:
                lines.append(self.tr("The hidden layer creates the correlation the lights lack: {0} correlates with "
                                     "{1} at r = {2}. Each hidden unit switches off (relu = 0) for some patterns, "
                                     "and that is what makes the difference.").format(
                    names[k], goal_name, num(float(self.hidden_r[k]), 2)))
            else:
                lines.append(self.tr("No hidden unit correlates with {0} more than the lights yet (best: {1}, "
                                     "r = {2}); watch them as the network learns.").format(
                    goal_name, names[k], num(float(self.hidden_r[k]), 2)))
        return "\n".join(lines)

    # -- runner events ---------------------------------------------------------------------------------
    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self.rebuild()

    def _on_runner_reset_done(self) -> None:
        self.rebuild()

    def _on_runner_advanced(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_param_changed(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_weights_edited(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_rewound(self, *_: Any) -> None:
        self._schedule()


def _preview() -> None:
    import sys

    from PySide6.QtWidgets import QApplication

    from learning.catalogue import get

    app = QApplication(sys.argv)
    runner = Runner(get(sys.argv[1] if len(sys.argv) > 1 else "ch06.backprop")())
    panel = StreetlightsPanel(runner)
    runner.run_to(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    panel.resize(900, 380)
    panel.show()
    app.exec()


if __name__ == "__main__":
    _preview()
