"""Live error plot: the error of every iteration, or train/test curves per epoch, with earlier runs as faint
curves to compare; repainted at about 30 Hz, with a log-y switch."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.counting import iteration_text, shown_iteration
from desktop.format import num
from desktop.repaint import Repaint
from desktop.runner import RunArchive, Runner
from desktop.theme import colours
from desktop.views import ViewSpec, described
from desktop.widgets import ElidedLabel, FlowLayout, mark_hint
from learning.experiment import Experiment, Phase
from learning.history import Column

REPAINT_MS = 33
MAX_GHOSTS = 5

#: The plot's views: per iteration, or per epoch (error, accuracy).
ITERATIONS, EPOCH_ERROR, EPOCH_ACCURACY = "iterations", "epoch_error", "epoch_accuracy"
#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 180)


def spec() -> ViewSpec:
    """The error (or loss, or accuracy) curves of the run: every experiment has them."""
    return ViewSpec("plot", lambda: QCoreApplication.translate("ErrorPlotPanel", "Error and accuracy"),
                    ErrorPlotPanel, MINIMUM, None, rank=5)


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


def x_of(columns: dict[str, Any], name: str, n: int) -> np.ndarray:
    """The iteration (or epoch) numbers of n plotted rows: the run's own `name` column when it has one (a long
    run keeps every k-th row), else 0 ... n-1."""
    column = columns.get(name)
    if column is not None:
        values = np.asarray(column if isinstance(column, np.ndarray) else column.view, dtype=float)
        if len(values) == n:
            return values
    return np.arange(n, dtype=float)


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
        item.disableAutoRange()  # the plot sets its ranges itself: this run's values, never earlier runs'
        item.setMenuEnabled(False)  # pyqtgraph's own menu (its Export… fails on SVG): File → Export view instead
        item.setMouseEnabled(x=False, y=False)  # the plot keeps the whole run in view itself
        item.hideButtons()
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
        self.empty_text = pg.TextItem(color=c.muted, anchor=(0.5, 0.5))
        item.addItem(self.empty_text, ignoreBounds=True)
        mark_hint(self.empty_text)
        self.hold_y: tuple[float, float] | None = None  # a fixed y range (an animation), else this run's values

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
        self.readout = ElidedLabel()
        self.readout.setObjectName("error_readout")
        self.progress = QLabel()
        self.progress.setObjectName("test_progress")
        self.empty = QLabel()
        self.empty.setObjectName("error_plot_empty")
        self.empty.setStyleSheet(f"color: {c.muted.name()}")
        self.view.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.view.setMinimumContentsLength(12)
        self.readout.setMinimumWidth(200)
        # One line when there is room; in a narrow area the readout keeps a line of its own and the controls wrap
        # below it, instead of widening the view.
        top = FlowLayout(expand_first=True)
        for widget in (self.readout, self.progress, self.view, self.show_ghosts, self.clear_ghosts, self.log_y):
            top.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.empty)
        self.ghosts: list[Ghost] = []
        self.x_extent = 0  # the x axis reaches at least this far (an animation fixes it to the whole run)
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        runner.advanced.connect(self._schedule)
        runner.phase_stepped.connect(self._schedule)
        runner.epoch_finished.connect(self._schedule)
        runner.tested.connect(self._on_runner_tested)
        runner.reset_done.connect(self.refresh)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.archived.connect(self._on_runner_archived)
        self.retranslate()
        self._on_runner_experiment_changed()  # built after the experiment was chosen: open on its curves too

    # -- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        self.plot.setAccessibleName(self.tr("Error plot"))
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

    def _cross_entropy(self) -> bool:
        return self.runner.experiment.loss == "loss"

    def loss_label(self, per_iteration: bool = False) -> str:
        """What the curve shows: the squared error, or the cross-entropy loss (chapters 9-10); per iteration of a
        batch experiment, summed over its images."""
        name = self.tr("cross-entropy loss") if self._cross_entropy() else self.tr("error")
        batch = self.runner.experiment.images_per_iteration
        if per_iteration and batch > 1:
            return self.tr("{0}, summed over a batch of {1}").format(name, batch)
        return name

    def _fill_views(self) -> None:
        current = self.view.currentData() or ITERATIONS
        self.view.blockSignals(True)
        self.view.clear()
        loss = self._cross_entropy()
        self.view.addItem(self.tr("Loss per iteration") if loss else self.tr("Error per iteration"), ITERATIONS)
        if self.runner.experiment.epoch_size:
            self.view.addItem(self.tr("Loss per image, per epoch (train / test)") if loss else
                              self.tr("Error per epoch (train / test)"), EPOCH_ERROR)
            if self.has_accuracy():
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

    def has_accuracy(self) -> bool:
        """True when the experiment reports an accuracy per epoch (a classifier tested on held-out data)."""
        exp = self.runner.experiment
        columns = self.runner.history.epochs
        return ("train_accuracy" in columns or "test_accuracy" in columns
                or type(exp).evaluate is not Experiment.evaluate)

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        # an experiment over a data set opens on its curves per epoch: accuracy where it has one, else the error
        self._fill_views()
        if self.runner.experiment.epoch_size:
            self.view.setCurrentIndex(self.view.findData(EPOCH_ACCURACY if self.has_accuracy() else EPOCH_ERROR))
        self.refresh()

    def _on_runner_tested(self, done: int, total: int) -> None:
        self.progress.setText(self.tr("testing {0}/{1}").format(done, total) if done < total else "")

    def _on_runner_archived(self, archive: RunArchive) -> None:
        cls = type(self.runner.experiment)
        defaults = ({p.name: p.default for p in cls.params} | {"seed": cls.default_seed}
                    if cls.id == archive.experiment_id else {})
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

    def export_source(self) -> QWidget:
        """What File → Export view draws: the plot, without the controls above it."""
        return self.plot

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
        history = self.runner.history
        if mode == ITERATIONS:
            y = finite(history.series(self.runner.experiment.loss), log)
            return x_of(history.iterations, "iteration", len(y)), y
        y = finite(self._epoch_series("test", mode, history.epochs), log)
        return x_of(history.epochs, "epoch", len(y)), y

    def _epoch_series(self, which: str, mode: str, columns: dict[str, Any]) -> np.ndarray:
        loss = self.runner.experiment.loss
        name = f"{which}_{'accuracy' if mode == EPOCH_ACCURACY else loss}"
        column = columns.get(name)
        if column is None and which == "train" and mode == EPOCH_ERROR:
            column = columns.get(loss)
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
                y = ghost.iterations.get(self.runner.experiment.loss, np.empty(0))
                columns, name = ghost.iterations, "iteration"
            else:
                y = self._epoch_series("test", mode, ghost.epochs)
                if not len(y):
                    y = self._epoch_series("train", mode, ghost.epochs)
                columns, name = ghost.epochs, "epoch"
            y = finite(y, log)
            if len(y):
                out.append((ghost.label, x_of(columns, name, len(y)), y))
        return out

    # -- drawing ----------------------------------------------------------------------------
    @described
    def refresh(self) -> None:
        """Redraw from the runner's history (one setData per curve)."""
        c = colours()
        mode = self.view.currentData() or ITERATIONS
        log = self.log_y.isChecked()
        has_error = Phase.COMPARE in self.runner.experiment.phases_used
        self.empty.setVisible(not has_error)
        self.plot.setVisible(has_error)
        item = self.plot.getPlotItem()
        x, y = self.data()
        self.curve.setData(x, y, connect="all" if np.isfinite(y).all() else "finite")
        ghosts = self.ghost_curves()
        self.legend.clear()
        self._draw_ghosts(ghosts)
        train = finite(self._epoch_series("train", mode, self.runner.history.epochs), log) if mode != ITERATIONS \
            else np.empty(0)
        # the x axis reaches the last iteration (or epoch) shown: a long run keeps every k-th row, so its numbers
        # are read from the rows, not counted
        longest = max([float(x[-1]) + 1 if len(x) else 0.0, float(len(train)),
                       *(float(g[1][-1]) + 1 for g in ghosts if len(g[1]))])
        if mode == ITERATIONS:
            self.curve.setSymbol(None)
            item.setLabel("bottom", self.tr("iteration"), color=c.text.name())
            item.setLabel("left", self.loss_label(per_iteration=True), color=c.text.name())
            self.train_curve.setData([], [])
            self.best.setData([], [])
            self.best_text.setText("")
            self.gap.setVisible(False)
            self.legend.setVisible(bool(ghosts))
            if ghosts:
                self.legend.addItem(self.curve, self.tr("this run"))
            errors = self.runner.history.series(self.runner.experiment.loss)
            point = self.shown_point()
            if point is not None and np.isfinite(point[1]) and not (log and point[1] <= 0):
                self.marker.setData([point[0]], [point[1]])
            else:
                self.marker.setData([], [])
            if point is None:
                self.readout.setText(iteration_text(self.runner))
            elif shown_iteration(self.runner) == point[0]:
                self.readout.setText(self.tr("{0}: {1} = {2}").format(
                    iteration_text(self.runner), self.loss_label(per_iteration=True), num(point[1], 6)))
            else:  # stepping through an iteration that has no error yet: the last one is marked
                self.readout.setText(self.tr("{0} · {1} of iteration {2}: {3}").format(
                    iteration_text(self.runner), self.loss_label(per_iteration=True), int(point[0]),
                    num(point[1], 6)))
            self.plot.setAccessibleDescription(self.describe_errors(errors))
        else:
            self._draw_epochs(mode, x, y)
        for curve, (label, _, _) in zip(self.ghost_items, ghosts, strict=False):  # after this run's entries
            self.legend.addItem(curve, self.tr("earlier: {0}").format(label))
        under_way = self.runner.count if mode == ITERATIONS and self.runner.mid_iteration else 0
        right = nice_ceiling(max(longest - 1, self.x_extent, under_way, 1))
        item.setXRange(0, right, padding=0.02)
        point = self.marker.getData()[1]
        shown = self._fit_y(mode, [y, train, point if point is not None else np.empty(0)], ghosts)
        self._show_empty(not shown, mode, right)

    def _fit_y(self, mode: str, series: list[np.ndarray], ghosts: list[tuple[str, np.ndarray, np.ndarray]]
               ) -> bool:
        """Set the y range from this run's values — earlier runs never set it, so that a tamed run is not a flat
        line under a diverged one — or from the earlier runs while this one has none; False if nothing has any."""
        item = self.plot.getPlotItem()
        log = self.log_y.isChecked()
        if self.hold_y is not None:  # an animation keeps the axes still
            item.setYRange(*self.hold_y, padding=0)
            return True
        for group in (series, [g[2] for g in ghosts]):
            values = np.concatenate([np.asarray(v, dtype=float).ravel() for v in group]) if group else np.empty(0)
            with np.errstate(invalid="ignore"):
                values = values[np.isfinite(values) & (np.abs(values) < 1e300) & ((values > 0) if log else True)]
            if values.size:
                break
        else:
            return False
        lo, hi = float(values.min()), float(values.max())
        if log:
            lo, hi = np.log10(lo), np.log10(hi)
        elif mode != EPOCH_ACCURACY:
            lo = min(lo, 0.0)  # an error or loss is drawn from 0 up
        if hi - lo <= 1e-12 * max(abs(hi), abs(lo), 1e-300):
            half = 0.5 if log else max(abs(hi) * 0.1, 1e-3)
            lo, hi = lo - half, hi + half
        item.setYRange(lo, hi, padding=0.05)
        return True

    def _show_empty(self, empty: bool, mode: str, right: float) -> None:
        """An empty plot shows no invented range: no tick values, and a line that says what will appear."""
        item = self.plot.getPlotItem()
        for axis in ("left", "bottom"):
            item.getAxis(axis).setStyle(showValues=not empty)
        self.empty_text.setVisible(empty)
        if empty:
            item.setYRange(0, 1, padding=0)
            text = (self.tr("No error yet: press Step (→) or Play (Space)") if mode == ITERATIONS
                    else self.tr("No epoch finished yet: the curves start when the first one ends"))
            self.empty_text.setHtml(f"<div style='text-align:center'>{html.escape(text)}</div>")
            self.empty_text.setTextWidth(max(120.0, 0.8 * item.getViewBox().width()))  # wraps in a narrow plot
            self.empty_text.setPos(right / 2, 0.5)

    def is_empty(self) -> bool:
        """True while the plot shows its empty state (no values of any run yet)."""
        return self.empty_text.isVisible()

    def shown_point(self) -> tuple[float, float] | None:
        """(iteration, error) the marker stands on: the iteration under way once it has compared (while stepping
        through its phases), else the last one completed; None before any error."""
        runner = self.runner
        name = runner.experiment.loss
        if runner.mid_iteration:
            for result in runner.iteration_phases:
                if name in result.values:
                    return float(runner.count), float(np.sum(result.values[name]))
        history = runner.history
        errors = history.series(name)
        if not len(errors):
            return None
        return float(x_of(history.iterations, "iteration", len(errors))[-1]), float(errors[-1])

    def describe(self) -> str:
        """A text alternative of what the plot shows now, for screen readers."""
        if not self.plot.isVisible() and self.empty.isVisible():
            return self.empty.text()
        mode = self.view.currentData() or ITERATIONS
        if mode == ITERATIONS:
            return self.describe_errors(self.runner.history.series(self.runner.experiment.loss))
        return self.tr("{0}: {1}").format(self.view.currentText(), self.readout.text())

    def describe_errors(self, errors: np.ndarray) -> str:
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
            max(len(errors), self.runner.count), num(finite_errors[0]), num(errors[-1]), num(finite_errors.min()),
            trend)

    def train_label(self, mode: str) -> str:
        """The train curve's name; for accuracy it says what the correct count is divided by (chapter 10's
        book_faithful mode divides by the book's 1000 although the batches see 896 images)."""
        divisor = self._epoch_series_named("accuracy_divisor")
        if mode == EPOCH_ACCURACY and len(divisor) and np.isfinite(divisor[-1]):
            return self.tr("train (correct ÷ {0})").format(int(divisor[-1]))
        return self.tr("train")

    def _epoch_series_named(self, name: str) -> np.ndarray:
        column = self.runner.history.epochs.get(name)
        return column.view if column is not None else np.empty(0)

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

    def _draw_epochs(self, mode: str, x: np.ndarray, test: np.ndarray) -> None:
        c = colours()
        item = self.plot.getPlotItem()
        history = self.runner.history
        log = self.log_y.isChecked()
        train = finite(self._epoch_series("train", mode, history.epochs), log)
        figure = self.tr("accuracy") if mode == EPOCH_ACCURACY else self.loss_label()
        item.setLabel("bottom", self.tr("epoch"), color=c.text.name())
        item.setLabel("left", figure, color=c.text.name())
        self.train_curve.setData(x_of(history.epochs, "epoch", len(train)), train, connect="finite")
        self.legend.setVisible(True)
        self.legend.addItem(self.train_curve, self.train_label(mode))
        if len(test):
            self.legend.addItem(self.curve, self.tr("test"))
        both = len(test) == len(train) and len(test) > 0 and np.isfinite(test).all() and np.isfinite(train).all()
        self.gap.setVisible(bool(both))
        self.marker.setData([], [])
        n = history.epoch_count
        accuracy = self._epoch_series("test", EPOCH_ACCURACY, history.epochs)
        row = best_epoch(np.asarray(accuracy, dtype=float))
        best = None if row is None else int(x_of(history.epochs, "epoch", len(accuracy))[row])  # a long run keeps
        best_value = 0.0 if row is None else float(accuracy[row])  # every k-th epoch: the row's own number
        if best is not None and mode == EPOCH_ACCURACY:
            self.best.setData([float(best)], [best_value])
            self.best_text.setText(self.tr("best test accuracy {0} at epoch {1}").format(num(best_value, 4), best))
            self.best_text.setPos(float(best), best_value)
            # keep the label inside the plot: left-aligned near the start, right-aligned near the end, and
            # under the star (the best accuracy is the top of the test curve, often the top of the plot)
            span = max(n - 1, 1)
            self.best_text.setAnchor((0.0 if best < span / 3 else 1.0 if best > 2 * span / 3 else 0.5, -0.4))
        else:
            self.best.setData([], [])
            self.best_text.setText("")
        n = history.epoch_count
        parts = []  # the last finished epoch's figures first (a narrow view cuts the end), then where the run is
        if n:
            figures = [self.tr("train {0}").format(num(train[-1], 4))] if len(train) else []
            if len(test):
                figures.append(self.tr("test {0}").format(num(test[-1], 4)))
            parts.append(self.tr("epoch {0}: {1}").format(n - 1, ", ".join(figures)))
            if best is not None:
                parts.append(self.tr("best test accuracy at epoch {0}").format(best))
        else:
            parts.append(self.tr("the first epoch is not finished yet"))
        parts.append(iteration_text(self.runner))
        self.readout.setText(" · ".join(parts))
        # a few epochs are dots as well as a line: one finished epoch is a point, not nothing
        dots = len(train) <= 60
        for curve in (self.train_curve, self.curve):
            curve.setSymbol("o" if dots else None)
            curve.setSymbolSize(6)
        self.train_curve.setSymbolBrush(pg.mkBrush(c.positive))
        self.curve.setSymbolBrush(pg.mkBrush(c.error))
