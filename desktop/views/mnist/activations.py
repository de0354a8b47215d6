"""Activation functions (chapter 9): pick the hidden layer's activation (relu, sigmoid, tanh) and see each
function beside its derivative, and the softmax at the output.

Choosing one sets the experiment's `activation` parameter and starts the run again; the run so far stays in the
error plot as a faint earlier run, which is how the learner compares them. Curves come from
learning.activations.curve, the same functions the network uses.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.runner import Runner
from desktop.theme import colours
from desktop.views import ViewSpec, described
from desktop.widgets import mark_hint
from learning.activations import HIDDEN, curve
from learning.experiment import ParamError

#: Where the curves are sampled.
X = np.linspace(-4.0, 4.0, 321)
#: Softmax saturates further out: with nine other scores at 0, s(x) passes 0.9 only after x = 4.4.
X_SOFTMAX = np.linspace(-4.0, 8.0, 481)
#: Each function and its derivative in notation (not prose: the same in every language).
FORMULAS: dict[str, tuple[str, str]] = {
    "relu": ("relu(x) = max(0, x)", "relu′(x) = 1 if x > 0, else 0"),
    "sigmoid": ("σ(x) = 1 / (1 + e⁻ˣ)", "σ′(x) = σ(x)·(1 − σ(x))"),
    "tanh": ("tanh(x)", "tanh′(x) = 1 − tanh²(x)"),
    "softmax": ("s(x) = eˣ / (eˣ + Σ eᵒᵗʰᵉʳˢ)", "∂s/∂x = s·(1 − s)"),
    "linear": ("f(x) = x", "f′(x) = 1"),
}


def applies(experiment: object) -> bool:
    """True for the MNIST networks (chapters 8-10), whose hidden layer has one of the activations of HIDDEN."""
    return callable(getattr(experiment, "hidden_activations", None)) and getattr(experiment, "activation",
                                                                                  None) in HIDDEN


#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 230)


def spec() -> ViewSpec:
    """The dock of this panel."""
    return ViewSpec("activations", lambda: QCoreApplication.translate("ActivationsPanel", "Activation functions"),
                    ActivationsPanel, MINIMUM, applies)


def choosable(experiment: object) -> bool:
    """True if the experiment declares an `activation` parameter (chapter 9)."""
    return any(p.name == "activation" for p in getattr(experiment, "params", ()))


def softmax_curve(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Softmax of one output whose logit is x while the nine others are 0, and its derivative ∂s/∂x = s(1 − s)."""
    logits = np.zeros((len(x), 10))
    logits[:, 0] = x
    s, ds = curve("softmax", logits)
    return s[:, 0], ds[:, 0]


class ActivationsPanel(QWidget):
    """A picker for the hidden activation and plots of each function with its derivative."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("activations")
        c = colours()
        self.picker_label = QLabel()
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        picker = QHBoxLayout()
        picker.addWidget(self.picker_label)
        for index, name in enumerate(HIDDEN):
            button = QRadioButton(name)
            button.setObjectName(f"activation_{name}")
            self.group.addButton(button, index)
            self.buttons[name] = button
            picker.addWidget(button)
        picker.addStretch(1)
        self.group.idClicked.connect(self._on_group_id_clicked)
        self.caption = QLabel()
        self.caption.setObjectName("activations_caption")
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(f"color: {c.muted.name()}")

        self.hidden_plot = self._plot("activations_hidden_plot")
        self.output_plot = self._plot("activations_output_plot")
        faint = QColor(c.muted)
        faint.setAlpha(90)
        item = self.hidden_plot.getPlotItem()
        self.hidden_legend = item.addLegend(offset=(8, 8), labelTextColor=c.muted)
        self.others: dict[str, pg.PlotDataItem] = {}
        for name in HIDDEN:
            other = item.plot([], [], pen=pg.mkPen(faint, width=1.2, style=Qt.PenStyle.DotLine))
            other.setZValue(-5)
            self.others[name] = other
        self.function_curve = item.plot([], [], pen=pg.mkPen(c.positive, width=2.5))
        self.derivative_curve = item.plot([], [], pen=pg.mkPen(c.negative, width=2, style=Qt.PenStyle.DashLine))
        out = self.output_plot.getPlotItem()
        self.output_legend = out.addLegend(offset=(8, 8), labelTextColor=c.muted)
        self.output_function = out.plot([], [], pen=pg.mkPen(c.positive, width=2.5))
        self.output_derivative = out.plot([], [], pen=pg.mkPen(c.negative, width=2, style=Qt.PenStyle.DashLine))
        self.hidden_title, self.output_title = QLabel(), QLabel()
        for title in (self.hidden_title, self.output_title):
            title.setWordWrap(True)
        plots = QHBoxLayout()
        for title, plot, stretch in ((self.hidden_title, self.hidden_plot, 3), (self.output_title, self.output_plot,
                                                                                 2)):
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(plot, 1)
            plots.addLayout(column, stretch)
        for control in (self.picker_label, *self.buttons.values()):  # the picker is not part of the picture
            mark_hint(control)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(picker)
        layout.addWidget(self.caption)
        layout.addLayout(plots, 1)
        #: The activation plotted now (the experiment's chosen one).
        self.shown: str | None = None
        runner.param_changed.connect(self._on_runner_param_changed)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.rewound.connect(self._on_runner_rewound)
        self.retranslate()

    def _plot(self, name: str) -> pg.PlotWidget:
        c = colours()
        plot = pg.PlotWidget(background=c.surface)
        plot.setObjectName(name)
        plot.setMinimumHeight(150)
        item = plot.getPlotItem()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        for axis in ("left", "bottom"):
            item.getAxis(axis).setTextPen(pg.mkPen(c.muted))
            item.getAxis(axis).setPen(pg.mkPen(c.grid))
        item.addLine(x=0, pen=pg.mkPen(c.grid))
        item.addLine(y=0, pen=pg.mkPen(c.grid))
        return plot

    # -- texts ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        self.picker_label.setText(self.tr("Hidden layer:"))
        tip = self.tr("Start the run again with this activation. The run so far stays in the error plot as a faint "
                      "earlier run, so you can compare how fast each one learns.")
        for button in self.buttons.values():
            button.setToolTip(tip)
        self.group.setExclusive(True)
        self.sync()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- events -----------------------------------------------------------------------------------------
    def _on_group_id_clicked(self, index: int) -> None:
        self.choose(list(HIDDEN)[index])

    def _on_runner_param_changed(self, name: str, *_: Any) -> None:
        if name == "activation":
            self.sync()

    def _on_runner_reset_done(self) -> None:
        self.sync()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self.sync()

    def _on_runner_rewound(self, *_: Any) -> None:
        exp = self.runner.experiment
        if applies(exp) and exp.values.get("activation", exp.activation) != self.shown:  # rare: redraw only then
            self.sync()

    # -- commands ---------------------------------------------------------------------------------------
    def choose(self, name: str) -> None:
        """Use `name` for the hidden layer: set the parameter and start the run again (the old run is archived)."""
        exp = self.runner.experiment
        if not choosable(exp):
            return
        if exp.values.get("activation") == name and getattr(exp, "activation", None) == name:
            return
        try:
            self.runner.set_param("activation", name)
        except ParamError as exc:
            self.caption.setText(str(exc))
            return
        self.runner.reset()

    # -- drawing ----------------------------------------------------------------------------------------
    def describe(self) -> str:
        """A text alternative of both activation plots, for screen readers."""
        plots = (self.hidden_plot.accessibleDescription(), self.output_plot.accessibleDescription())
        parts = (self.caption.text(), *plots)
        return " ".join(p for p in parts if p)

    @described
    def sync(self) -> None:
        """Show the experiment's activation in the picker and plot it with its derivative."""
        exp = self.runner.experiment
        if not applies(exp):
            self.shown = None
            for button in self.buttons.values():
                button.setEnabled(False)
            self.caption.setText(self.tr("This experiment has no hidden layer activation to show here."))
            for item in (self.function_curve, self.derivative_curve, self.output_function, self.output_derivative,
                         *self.others.values()):
                item.setData([], [])
            return
        free = choosable(exp)
        chosen = str(exp.values.get("activation", exp.activation)) if free else str(exp.activation)
        running = str(exp.activation)
        self.group.blockSignals(True)
        for name, button in self.buttons.items():
            button.setEnabled(free)
            button.setChecked(name == chosen)
        self.group.blockSignals(False)
        if not free:
            self.caption.setText(self.tr("This network's hidden layer uses {0}. Chapter 9 lets you choose between "
                                         "relu, sigmoid and tanh.").format(running))
        elif chosen != running:
            self.caption.setText(self.tr("{0} is chosen but this run still uses {1}: it applies when the run starts "
                                         "again (Reset).").format(chosen, running))
        else:
            self.caption.setText(self.tr("Choosing another activation starts the run again; the run so far stays in "
                                         "the error plot as a faint earlier run to compare with."))
        self._plot_hidden(chosen)
        self._plot_output(bool(getattr(exp, "softmax_output", False)))

    def _plot_hidden(self, name: str) -> None:
        self.shown = name
        f, df = curve(name, X)
        self.function_curve.setData(X, f)
        self.derivative_curve.setData(X, df)
        for other, item in self.others.items():
            item.setData(X, curve(other, X)[0] if other != name else np.full_like(X, np.nan), connect="finite")
        function, derivative = FORMULAS[name]
        self.hidden_legend.clear()
        self.hidden_legend.addItem(self.function_curve, function)
        self.hidden_legend.addItem(self.derivative_curve, derivative)
        others = [o for o in HIDDEN if o != name]
        self.hidden_legend.addItem(self.others[others[0]], self.tr("others: {0}").format(", ".join(others)))
        self.hidden_title.setText(self.tr("Hidden layer: {0} (solid) and its derivative (dashed), which scales "
                                          "the error flowing back").format(name))
        self.hidden_plot.getPlotItem().setXRange(float(X[0]), float(X[-1]), padding=0.02)
        self.hidden_plot.getPlotItem().setYRange(-1.2, 2.0 if name == "relu" else 1.2, padding=0.02)
        self.hidden_plot.setAccessibleName(self.tr("Hidden activation plot"))
        self.hidden_plot.setAccessibleDescription(self.describe_curve(name, X, f, df))

    def _plot_output(self, softmax: bool) -> None:
        x = X_SOFTMAX if softmax else X
        if softmax:
            s, ds = softmax_curve(x)
            name = "softmax"
            self.output_title.setText(self.tr("Output layer: softmax of one digit's score x, the nine others at 0; "
                                              "all ten outputs add up to 1"))
        else:
            s, ds = X.copy(), np.ones_like(X)
            name = "linear"
            self.output_title.setText(self.tr("Output layer: linear (chapter 8), compared with the goal by squared "
                                              "error"))
        self.output_function.setData(x, s)
        self.output_derivative.setData(x, ds)
        function, derivative = FORMULAS[name]
        self.output_legend.clear()
        self.output_legend.addItem(self.output_function, function)
        self.output_legend.addItem(self.output_derivative, derivative)
        item = self.output_plot.getPlotItem()
        item.setXRange(float(x[0]), float(x[-1]), padding=0.02)
        low, high = (-0.1, 1.1) if softmax else (-4.0, 4.0)
        item.setYRange(low, high, padding=0.02)
        self.output_plot.setAccessibleName(self.tr("Output activation plot"))
        self.output_plot.setAccessibleDescription(self.describe_curve(name, x, s, ds))

    def describe_curve(self, name: str, x: np.ndarray, f: np.ndarray, df: np.ndarray) -> str:
        """A text alternative for a plot: the function's range and where its derivative is largest."""
        top = int(np.argmax(df))
        return self.tr("{0} from x = {1} to {2}: values from {3:.2f} to {4:.2f}; the derivative is largest, "
                       "{5:.2f}, at x = {6:.2f}.").format(name, f"{x[0]:g}", f"{x[-1]:g}", float(np.min(f)),
                                                          float(np.max(f)), float(df[top]), float(x[top]))


def _preview() -> None:
    import sys

    from PySide6.QtWidgets import QApplication

    from learning.catalogue import get

    app = QApplication(sys.argv)
    runner = Runner(get(sys.argv[1] if len(sys.argv) > 1 else "ch09.mnist-tanh-softmax")())
    panel = ActivationsPanel(runner)
    panel.resize(820, 360)
    panel.show()
    app.exec()


if __name__ == "__main__":
    _preview()
