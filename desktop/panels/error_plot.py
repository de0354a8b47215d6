"""Live error plot: the error of every iteration, or train/test curves per epoch, with earlier runs as faint
curves to compare; repainted at about 30 Hz, with a log-y switch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.format import num
from desktop.panels import Repaint
from desktop.runner import RunArchive, Runner
from desktop.theme import colours
from learning.experiment import Phase
from learning.history import Column

REPAINT_MS = 33
MAX_GHOSTS = 5

#: The plot's views: per iteration, or per epoch (error, accuracy).
ITERATIONS, EPOCH_ERROR, EPOCH_ACCURACY = "iterations", "epoch_error", "epoch_accuracy"


def nice_ceiling(n: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is >= n."""
    step = 1.0
    while True:
        for m in (1, 2, 5):
            if m * step >= n:
                return m * step
        step *= 10


class CountAxis(pg.AxisItem):
    """An axis of iterations or epochs: whole numbers only (no tick at epoch 0.2)."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802, N803
        levels = super().tickValues(minVal, maxVal, size)
        whole = [(spacing, [v for v in values if float(v).is_integer()]) for spacing, values in levels
                 if spacing >= 1]
        return whole or [(1.0, [float(v) for v in range(int(np.ceil(minVal)), int(maxVal) + 1)])]


def finite(y: np.ndarray, log: bool) -> np.ndarray:
    """A copy with non-finite values (and, on a log axis, values <= 0) turned into NaN gaps."""
    y = np.array(y, dtype=float)
    y[~np.isfinite(y)] = np.nan
    if log:
        y[y <= 0] = np.nan
    return y


def best_epoch(test_accuracy: np.ndarray) -> int | None:
    """The first epoch with the highest test accuracy (what early stopping keeps), or None."""
    if not len(test_accuracy) or np.isnan(test_accuracy).all():
        return None
    return int(np.nanargmax(test_accuracy))


@dataclass
class Ghost:
    """An earlier run kept as a faint curve: its label and columns."""

    experiment_id: str
    label: str
    iterations: dict[str, np.ndarray]
    epochs: dict[str, np.ndarray]


def run_label(archive: RunArchive, defaults: dict[str, Any]) -> str:
    """What set this run apart: the parameters that differ from the experiment's defaults."""
    changed = [f"{k}={v}" for k, v in archive.values.items() if defaults.get(k) != v]
    return ", ".join(changed) or "defaults"


class ErrorPlotPanel(QWidget):
    """Error per iteration (or train/test per epoch) from the runner's history; non-finite values are gaps."""

    log_y_changed = Signal(bool)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("error_plot")
        c = colours()
        self.plot = pg.PlotWidget(background=c.surface, axisItems={"bottom": CountAxis("bottom")})
        self.plot.setObjectName("error_plot_widget")
        item = self.plot.getPlotItem()
        # No grid: pyqtgraph's grid costs ~12 ms a frame with the raster engine (measured), and a plain
        # plot reads calmly enough with its axes.
        item.getAxis("left").enableAutoSIPrefix(False)
        item.getAxis("bottom").enableAutoSIPrefix(False)
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        item.enableAutoRange(x=False, y=True)
        for axis in ("left", "bottom"):
            item.getAxis(axis).setTextPen(pg.mkPen(c.muted))
            item.getAxis(axis).setPen(pg.mkPen(c.grid))
        self.ghost_items: list[pg.PlotDataItem] = []
        self.curve = item.plot([], [], pen=pg.mkPen(c.error, width=2), name="error")
        self.train_curve = item.plot([], [], pen=pg.mkPen(c.positive, width=2), name="train")
        self.gap = pg.FillBetweenItem(self.curve, self.train_curve, brush=pg.mkBrush(QColor(c.error.red(),
                                      c.error.green(), c.error.blue(), 40)))
        item.addItem(self.gap)
        self.marker = item.plot([], [], pen=None, symbol="o", symbolSize=9, symbolBrush=pg.mkBrush(c.error),
                                symbolPen=pg.mkPen(c.surface, width=1.5))
        self.best = item.plot([], [], pen=None, symbol="star", symbolSize=16, symbolBrush=pg.mkBrush(c.accent),
                              symbolPen=pg.mkPen(c.surface, width=1))
        self.best_text = pg.TextItem(color=c.accent, anchor=(0.5, 1.3))
        item.addItem(self.best_text)
        self.legend = item.addLegend(offset=(-10, 10), labelTextColor=c.muted)

        self.view = QComboBox()
        self.view.setObjectName("plot_view")
        self.view.currentIndexChanged.connect(self._on_view_current_index_changed)
        self.log_y = QCheckBox()
        self.log_y.setObjectName("log_y")
        self.log_y.toggled.connect(self.set_log_y)
        self.show_ghosts = QCheckBox()
        self.show_ghosts.setObjectName("show_earlier_runs")
        self.show_ghosts.setChecked(True)
        self.show_ghosts.toggled.connect(self.refresh)
        self.clear_ghosts = QPushButton()
        self.clear_ghosts.setObjectName("clear_earlier_runs")
        self.clear_ghosts.clicked.connect(self._on_clear_ghosts_clicked)
        self.readout = QLabel()
        self.readout.setObjectName("error_readout")
        self.progress = QLabel()
        self.progress.setObjectName("test_progress")
        self.empty = QLabel()
        self.empty.setObjectName("error_plot_empty")
        self.empty.setStyleSheet(f"color: {c.muted.name()}")
        top = QHBoxLayout()
        top.addWidget(self.readout, 1)
        top.addWidget(self.progress)
        top.addWidget(self.view)
        top.addWidget(self.show_ghosts)
        top.addWidget(self.clear_ghosts)
        top.addWidget(self.log_y)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.empty)
        self.ghosts: list[Ghost] = []
        self.x_extent = 0  # the x axis reaches at least this far (an animation fixes it to the whole run)
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        runner.advanced.connect(self._schedule)
        runner.epoch_finished.connect(self._schedule)
        runner.tested.connect(self._on_runner_tested)
        runner.reset_done.connect(self.refresh)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.archived.connect(self._on_runner_archived)
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        self.log_y.setText(self.tr("Log scale"))
        self.log_y.setToolTip(self.tr("Show the error on a logarithmic axis: growth by the same factor looks like "
                                      "a straight line, and huge errors stay readable"))
        self.show_ghosts.setText(self.tr("Earlier runs"))
        self.show_ghosts.setToolTip(self.tr("Show earlier runs of this experiment as faint curves to compare"))
        self.clear_ghosts.setText(self.tr("Clear"))
        self.clear_ghosts.setToolTip(self.tr("Forget the earlier runs"))
        self.empty.setText(self.tr("This experiment only predicts: there is no error to plot yet."))
        self._fill_views()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_views(self) -> None:
        current = self.view.currentData() or ITERATIONS
        self.view.blockSignals(True)
        self.view.clear()
        self.view.addItem(self.tr("Error per iteration"), ITERATIONS)
        if self.runner.experiment.epoch_size:
            self.view.addItem(self.tr("Error per epoch (train / test)"), EPOCH_ERROR)
            self.view.addItem(self.tr("Accuracy per epoch (train / test)"), EPOCH_ACCURACY)
        index = self.view.findData(current)
        self.view.setCurrentIndex(max(index, 0))
        self.view.setVisible(self.view.count() > 1)
        self.view.blockSignals(False)

    # -- events -----------------------------------------------------------------------------
    def _schedule(self, *_: Any) -> None:
        self._repaint.schedule()

    def _on_view_current_index_changed(self, *_: Any) -> None:
        self.refresh()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self._fill_views()
        if self.runner.experiment.epoch_size and self.view.currentData() == ITERATIONS and self.view.count() > 2:
            self.view.setCurrentIndex(self.view.findData(EPOCH_ACCURACY))
        self.refresh()

    def _on_runner_tested(self, done: int, total: int) -> None:
        self.progress.setText(self.tr("testing {0}/{1}").format(done, total) if done < total else "")

    def _on_runner_archived(self, archive: RunArchive) -> None:
        cls = type(self.runner.experiment)
        defaults = {p.name: p.default for p in cls.params} if cls.id == archive.experiment_id else {}
        self.ghosts.append(Ghost(archive.experiment_id, run_label(archive, defaults), archive.iterations,
                                 archive.epochs))
        mine = [g for g in self.ghosts if g.experiment_id == archive.experiment_id]
        if len(mine) > MAX_GHOSTS:
            self.ghosts.remove(mine[0])

    def _on_clear_ghosts_clicked(self) -> None:
        self.ghosts = [g for g in self.ghosts if g.experiment_id != self.runner.experiment.id]
        self.refresh()

    def set_log_y(self, on: bool) -> None:
        """Switch the y axis between linear and logarithmic."""
        if self.log_y.isChecked() != on:
            self.log_y.setChecked(on)
            return
        self.plot.getPlotItem().setLogMode(x=False, y=on)
        self.refresh()
        self.log_y_changed.emit(on)

    def offscreen_copy(self) -> ErrorPlotPanel:
        """A second panel on the same run, never shown on screen, for exporting at any size."""
        copy = ErrorPlotPanel(self.runner)
        copy.ghosts = list(self.ghosts)
        copy.view.setCurrentIndex(self.view.currentIndex())
        copy.show_ghosts.setChecked(self.show_ghosts.isChecked())
        copy.set_log_y(self.log_y.isChecked())
        copy.refresh()
        # Only the plot: no controls row and no margins, so the panel's size is the picture's size.
        for widget in (copy.readout, copy.progress, copy.view, copy.show_ghosts, copy.clear_ghosts, copy.log_y,
                       copy.empty):
            widget.setVisible(False)
        copy.layout().setContentsMargins(0, 0, 0, 0)
        copy.layout().setSpacing(0)
        copy.plot.setVisible(True)
        return copy

    # -- data -------------------------------------------------------------------------------
    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) of the main curve as plotted: iterations and errors, or epochs and the test figure."""
        mode = self.view.currentData() or ITERATIONS
        log = self.log_y.isChecked()
        if mode == ITERATIONS:
            y = finite(self.runner.history.series("error"), log)
        else:
            y = finite(self._epoch_series("test", mode, self.runner.history.epochs), log)
        return np.arange(len(y), dtype=float), y

    @staticmethod
    def _epoch_series(which: str, mode: str, columns: dict[str, Any]) -> np.ndarray:
        name = f"{which}_{'accuracy' if mode == EPOCH_ACCURACY else 'error'}"
        column = columns.get(name)
        if column is None and which == "train" and mode == EPOCH_ERROR:
            column = columns.get("error")
        if column is None:
            return np.empty(0)
        # the live run's columns are Columns; an archived run's are plain arrays (whose `.view` is a method)
        return column.view if isinstance(column, Column) else np.asarray(column, dtype=float)

    def ghost_curves(self) -> list[tuple[str, np.ndarray, np.ndarray]]:
        """(label, x, y) of each earlier run of this experiment that is shown."""
        if not self.show_ghosts.isChecked():
            return []
        mode = self.view.currentData() or ITERATIONS
        log = self.log_y.isChecked()
        out = []
        for ghost in self.ghosts:
            if ghost.experiment_id != self.runner.experiment.id:
                continue
            if mode == ITERATIONS:
                y = ghost.iterations.get("error", np.empty(0))
            else:
                y = self._epoch_series("test", mode, ghost.epochs)
                if not len(y):
                    y = self._epoch_series("train", mode, ghost.epochs)
            y = finite(y, log)
            if len(y):
                out.append((ghost.label, np.arange(len(y), dtype=float), y))
        return out

    # -- drawing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw from the runner's history (one setData per curve)."""
        c = colours()
        mode = self.view.currentData() or ITERATIONS
        has_error = Phase.COMPARE in self.runner.experiment.phases_used
        self.empty.setVisible(not has_error)
        self.plot.setVisible(has_error)
        item = self.plot.getPlotItem()
        x, y = self.data()
        self.curve.setData(x, y, connect="all" if np.isfinite(y).all() else "finite")
        ghosts = self.ghost_curves()
        self._draw_ghosts(ghosts)
        longest = max([len(y), *(len(g[1]) for g in ghosts)])
        self.legend.clear()
        if mode == ITERATIONS:
            item.setLabel("bottom", self.tr("iteration"), color=c.text.name())
            item.setLabel("left", self.tr("error"), color=c.text.name())
            self.train_curve.setData([], [])
            self.best.setData([], [])
            self.best_text.setText("")
            self.gap.setVisible(False)
            self.legend.setVisible(bool(ghosts))
            if ghosts:
                self.legend.addItem(self.curve, self.tr("this run"))
            if len(y) and np.isfinite(y[-1]):
                self.marker.setData([x[-1]], [y[-1]])
            else:
                self.marker.setData([], [])
            errors = self.runner.history.series("error")
            self.readout.setText(self.tr("iteration {0}: error {1}").format(len(errors) - 1, num(errors[-1], 6))
                                 if len(errors) else self.tr("no iterations yet"))
            self.plot.setAccessibleDescription(self.describe(errors))
        else:
            self._draw_epochs(mode, x, y)
        item.setXRange(0, nice_ceiling(max(longest - 1, self.x_extent, 1)), padding=0.02)

    def describe(self, errors: np.ndarray) -> str:
        """A text alternative of the curve for screen readers: how many points, first, last, lowest, trend."""
        if not len(errors):
            return self.tr("Error plot: no iterations yet.")
        finite_errors = errors[np.isfinite(errors)]
        if not len(finite_errors):
            return self.tr("Error plot: {0} iterations; the error is not a finite number.").format(len(errors))
        recent = finite_errors[-5:]
        if len(recent) < 2 or recent[-1] == recent[0]:
            trend = self.tr("steady")
        else:
            trend = self.tr("falling") if recent[-1] < recent[0] else self.tr("rising")
        return self.tr("Error plot: {0} iterations; first error {1}, last {2}, lowest {3}; recently {4}.").format(
            len(errors), num(finite_errors[0]), num(errors[-1]), num(finite_errors.min()), trend)

    def _draw_ghosts(self, ghosts: list[tuple[str, np.ndarray, np.ndarray]]) -> None:
        c = colours()
        item = self.plot.getPlotItem()
        while len(self.ghost_items) < len(ghosts):
            faint = QColor(c.muted)
            faint.setAlpha(110)
            curve = pg.PlotDataItem(pen=pg.mkPen(faint, width=1.5))
            curve.setZValue(-5)
            item.addItem(curve)
            self.ghost_items.append(curve)
        for curve, (_, gx, gy) in zip(self.ghost_items, ghosts, strict=False):
            curve.setData(gx, gy, connect="finite")
            curve.setVisible(True)
        for curve in self.ghost_items[len(ghosts):]:
            curve.setData([], [])
            curve.setVisible(False)
        for curve, (label, _, _) in zip(self.ghost_items, ghosts, strict=False):
            self.legend.addItem(curve, self.tr("earlier: {0}").format(label))

    def _draw_epochs(self, mode: str, x: np.ndarray, test: np.ndarray) -> None:
        c = colours()
        item = self.plot.getPlotItem()
        history = self.runner.history
        log = self.log_y.isChecked()
        train = finite(self._epoch_series("train", mode, history.epochs), log)
        figure = self.tr("accuracy") if mode == EPOCH_ACCURACY else self.tr("error")
        item.setLabel("bottom", self.tr("epoch"), color=c.text.name())
        item.setLabel("left", figure, color=c.text.name())
        self.train_curve.setData(np.arange(len(train), dtype=float), train, connect="finite")
        self.legend.setVisible(True)
        self.legend.addItem(self.train_curve, self.tr("train"))
        if len(test):
            self.legend.addItem(self.curve, self.tr("test"))
        both = len(test) == len(train) and len(test) > 0 and np.isfinite(test).all() and np.isfinite(train).all()
        self.gap.setVisible(bool(both))
        self.marker.setData([], [])
        accuracy = self._epoch_series("test", EPOCH_ACCURACY, history.epochs)
        best = best_epoch(np.asarray(accuracy, dtype=float))
        if best is not None and mode == EPOCH_ACCURACY:
            self.best.setData([float(best)], [float(accuracy[best])])
            self.best_text.setText(self.tr("best test accuracy {0} at epoch {1}").format(num(accuracy[best], 4), best))
            self.best_text.setPos(float(best), float(accuracy[best]))
            # keep the label inside the plot: left-aligned near the start, right-aligned near the end, and
            # under the star (the best accuracy is the top of the test curve, often the top of the plot)
            span = max(len(accuracy) - 1, 1)
            self.best_text.setAnchor((0.0 if best < span / 3 else 1.0 if best > 2 * span / 3 else 0.5, -0.4))
        else:
            self.best.setData([], [])
            self.best_text.setText("")
        n = history.epoch_count
        if n:
            parts = [self.tr("epoch {0}").format(n - 1)]
            if len(train):
                parts.append(self.tr("train {0}").format(num(train[-1], 4)))
            if len(test):
                parts.append(self.tr("test {0}").format(num(test[-1], 4)))
            if best is not None:
                parts.append(self.tr("best test accuracy at epoch {0}").format(best))
            self.readout.setText(" · ".join(parts))
        else:
            example = self.runner.count % (self.runner.experiment.epoch_size or 1)
            self.readout.setText(self.tr("epoch 0: example {0} of {1}").format(example,
                                                                              self.runner.experiment.epoch_size))
