"""Live error plot: the error of every iteration, repainted at about 30 Hz, with a log-y switch."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.format import num
from desktop.runner import Runner
from desktop.theme import colours
from learning.experiment import Phase

REPAINT_MS = 33


def nice_ceiling(n: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is >= n."""
    step = 1.0
    while True:
        for m in (1, 2, 5):
            if m * step >= n:
                return m * step
        step *= 10


class ErrorPlotPanel(QWidget):
    """Error per iteration from the runner's history; non-finite values are gaps, never exceptions."""

    log_y_changed = Signal(bool)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("error_plot")
        c = colours()
        self.plot = pg.PlotWidget(background=c.surface)
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
        self.curve = item.plot([], [], pen=pg.mkPen(c.error, width=2), connect="finite", name="error")
        self.marker = item.plot([], [], pen=None, symbol="o", symbolSize=9, symbolBrush=pg.mkBrush(c.error),
                                symbolPen=pg.mkPen(c.surface, width=1.5))
        self.log_y = QCheckBox()
        self.log_y.setObjectName("log_y")
        self.log_y.toggled.connect(self.set_log_y)
        self.readout = QLabel()
        self.readout.setObjectName("error_readout")
        self.empty = QLabel()
        self.empty.setObjectName("error_plot_empty")
        self.empty.setStyleSheet(f"color: {c.muted.name()}")
        top = QHBoxLayout()
        top.addWidget(self.readout, 1)
        top.addWidget(self.log_y)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.empty)
        self._repaint = QTimer(self)
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(REPAINT_MS)
        self._repaint.timeout.connect(self.refresh)
        runner.advanced.connect(self._schedule)
        runner.reset_done.connect(self.refresh)
        runner.experiment_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        c = colours()
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("iteration"), color=c.text.name())
        item.setLabel("left", self.tr("error"), color=c.text.name())
        self.log_y.setText(self.tr("Log scale"))
        self.log_y.setToolTip(self.tr("Show the error on a logarithmic axis: growth by the same factor looks like "
                                      "a straight line, and huge errors stay readable"))
        self.empty.setText(self.tr("This experiment only predicts: there is no error to plot yet."))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _schedule(self, *_: Any) -> None:
        if not self._repaint.isActive():
            self._repaint.start()

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
        copy.set_log_y(self.log_y.isChecked())
        copy.refresh()
        copy.plot.setParent(None)  # the plot alone becomes a top-level widget that export can size
        return copy

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """(iterations, errors) as plotted: non-finite errors, and non-positive ones on log scale, are NaN."""
        errors = self.runner.history.series("error")
        y = np.array(errors, dtype=float)
        y[~np.isfinite(y)] = np.nan
        if self.log_y.isChecked():
            y[y <= 0] = np.nan
        return np.arange(len(y), dtype=float), y

    def refresh(self) -> None:
        """Redraw from the runner's history (one setData)."""
        x, y = self.data()
        has_error = Phase.COMPARE in self.runner.experiment.phases_used
        self.empty.setVisible(not has_error)
        self.plot.setVisible(has_error)
        finite = bool(np.isfinite(y).all())
        self.curve.setData(x, y, connect="all" if finite else "finite")
        # The x axis grows in calm steps (10, 20, 50, 100, ...) instead of every frame.
        self.plot.getPlotItem().setXRange(0, nice_ceiling(max(len(y) - 1, 1)), padding=0.02)
        if len(y) and np.isfinite(y[-1]):
            self.marker.setData([x[-1]], [y[-1]])
        else:
            self.marker.setData([], [])
        errors = self.runner.history.series("error")
        if len(errors):
            self.readout.setText(self.tr("iteration {0}: error {1}").format(len(errors) - 1, num(errors[-1], 6)))
        else:
            self.readout.setText(self.tr("no iterations yet"))
