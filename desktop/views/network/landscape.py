"""The error landscape: the error as a function of one weight (a parabola for the book's linear networks) with
the current weight as a ball and every step drawn, or a contour map over two weights with the trajectory.

Overshoot, divergence and the effect of alpha become visible: the x range follows the last steps, so a
diverging run stays readable, and a weight that escapes to infinity is reported "off the chart".
"""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.colour import mix
from desktop.counting import shown_iteration
from desktop.format import num
from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours
from desktop.units import unit_name
from desktop.views import ViewSpec, described, preview
from desktop.widgets import ElidedLabel, FlowLayout
from learning.analysis import (
    WeightRef,
    error_curve,
    error_grid,
    learning_refs,
    quadratic_bottom,
    trajectory_window,
    upsample,
    weight_arrays,
    weight_refs,
)
from learning.experiment import Experiment, Phase
from learning.network import Network

REPAINT_MS = 66  # 15 Hz: each redraw evaluates the error a few hundred times
#: The contour map costs a grid of error evaluations: repaint it less often.
REPAINT_2D_MS = 150
#: How many of the latest steps set the zoom; the last few of them are numbered.
VISIBLE_STEPS = 8
NUMBERED_STEPS = 4
CURVE_POINTS = 121
GRID_POINTS = 33
#: Experiments with more weights than this get no landscape (a contour of two among thousands says little).
MAX_WEIGHTS = 200
MAX_SAMPLES = 5000
#: The error curve draws at most this many of the latest steps (each costs two error evaluations a frame).
MAX_DRAWN = 400
#: Errors beyond this are not drawn: the plot's own arithmetic overflows near the largest float.
DRAWABLE = 1e250


def applies(experiment: object) -> bool:
    """True for experiments that can tell their error for other weights (error_for) and are small enough."""
    if not isinstance(experiment, Experiment) or type(experiment).error_for is Experiment.error_for:
        return False
    if Phase.COMPARE not in experiment.phases_used:
        return False
    try:
        net = experiment.network()
    except NotImplementedError:
        return False
    return 0 < sum(w.values.size for w in net.weights) <= MAX_WEIGHTS


#: The smallest readable size (width, height) in pixels.
MINIMUM = (320, 200)


def spec() -> ViewSpec:
    """The dock of this panel."""
    return ViewSpec("landscape", lambda: QCoreApplication.translate("LandscapePanel", "Error landscape"),
                    LandscapePanel, MINIMUM, applies)


def ref_label(net: Network, ref: WeightRef) -> str:
    """A weight named as the diagram names it: matrix[row, column] (source → target)."""
    name, row, column = ref
    w = next(w for w in net.weights if w.name == name)
    where = f"[{row}, {column}]" if w.values.size > 1 else ""
    source, target = net.layers[w.source].units[column], net.layers[w.target].units[row]
    return f"{name}{where}  ({unit_name(source)} → {unit_name(target)})"


class NumberAxis(pg.AxisItem):
    """Tick labels as the rest of the app writes numbers: 2×10⁴ rather than 2e+04."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        """Each tick value in a short form."""
        return [num(v * scale, 3) for v in values]


class LandscapePanel(QWidget):
    """Error over one weight (curve, ball, steps) or two weights (contours, trajectory), following the run."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("landscape")
        c = colours()
        self.x_choice = QComboBox()
        self.x_choice.setObjectName("landscape_x")
        self.x_choice.activated.connect(self._on_x_choice_activated)
        self.y_choice = QComboBox()
        self.y_choice.setObjectName("landscape_y")
        self.y_choice.activated.connect(self._on_y_choice_activated)
        self.x_label = QLabel()
        self.y_label = QLabel()
        self.readout = ElidedLabel()
        self.readout.setObjectName("landscape_readout")
        self.note = QLabel()
        self.note.setObjectName("landscape_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {c.muted.name()}")
        self.warning = QLabel()
        self.warning.setObjectName("landscape_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"background: {c.warning_bg.name()}; color: {c.text.name()}; padding: 3px;")
        self.warning.hide()
        self.empty = QLabel()
        self.empty.setObjectName("landscape_empty")
        self.empty.setStyleSheet(f"color: {c.muted.name()}")
        self.empty.setWordWrap(True)

        self.plot = pg.PlotWidget(background=c.surface,
                                  axisItems={"left": NumberAxis("left"), "bottom": NumberAxis("bottom")})
        self.plot.setObjectName("landscape_plot")
        item = self.plot.getPlotItem()
        # no grid: pyqtgraph draws its grid slowly (about 12 ms a frame with the raster engine, measured)
        item.setMenuEnabled(False)
        item.hideButtons()
        for axis in ("left", "bottom"):
            item.getAxis(axis).enableAutoSIPrefix(False)
            item.getAxis(axis).setTextPen(pg.mkPen(c.muted))
            item.getAxis(axis).setPen(pg.mkPen(c.grid))
        item.disableAutoRange()
        item.setMouseEnabled(x=False, y=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-20)
        item.addItem(self.image)
        self.isocurves: list[pg.IsocurveItem] = []
        self.curve = item.plot([], [], pen=pg.mkPen(c.muted, width=2))
        faint = with_alpha(c.positive, 90)
        self.old_steps = item.plot([], [], pen=pg.mkPen(faint, width=1.2), connect="pairs")
        self.steps = item.plot([], [], pen=pg.mkPen(c.positive, width=2), connect="pairs")
        self.landings = pg.ScatterPlotItem(size=7, brush=pg.mkBrush(c.positive), pen=pg.mkPen(c.surface))
        item.addItem(self.landings)
        self.tangent = item.plot([], [], pen=pg.mkPen(c.accent, width=1.5, style=Qt.PenStyle.DashLine))
        self.bottom = pg.ScatterPlotItem(size=11, symbol="t1", brush=pg.mkBrush(c.accent), pen=None)
        item.addItem(self.bottom)
        self.ball = pg.ScatterPlotItem(size=17, brush=pg.mkBrush(c.error), pen=pg.mkPen(c.surface, width=2))
        self.ball.setZValue(10)
        item.addItem(self.ball)
        self.step_numbers: list[pg.TextItem] = []

        for choice in (self.x_choice, self.y_choice):  # long weight names elide instead of widening the view
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            choice.setMinimumContentsLength(14)
        choices = FlowLayout()
        for label, choice in ((self.x_label, self.x_choice), (self.y_label, self.y_choice)):
            pair = QHBoxLayout()
            pair.addWidget(label)
            pair.addWidget(choice, 1)
            holder = QWidget()
            holder.setLayout(pair)
            pair.setContentsMargins(0, 0, 0, 0)
            choices.addWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(choices)
        layout.addWidget(self.readout)
        layout.addWidget(self.warning)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.empty)

        #: Weight arrays seen after each completed iteration (or edit): (iteration, arrays, edited).
        self.samples: list[tuple[int, dict[str, np.ndarray], bool]] = []
        self.refs: list[WeightRef] = []
        self.x_ref: WeightRef | None = None
        self.y_ref: WeightRef | None = None
        self.step_count = 0
        self.step_iterations = np.empty(0, dtype=int)
        self._errors: dict[float, float] = {}  # the error at weight x, for the drawn steps (see _step_errors)
        self._error_context: tuple[Any, ...] = ()
        self.drawn_steps = 0
        self.off_chart = False
        self.flat = False
        self.merged = 1
        self._last_grid = 0.0
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.advanced.connect(self._on_runner_advanced)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.param_changed.connect(self._on_runner_param_changed)
        runner.weights_edited.connect(self._on_runner_weights_edited)
        runner.rewound.connect(self._on_runner_rewound)
        self._static_texts()
        self._start()

    # -- choosing weights ----------------------------------------------------------------------------
    def _start(self) -> None:
        """A new experiment or run: choose default weights and forget the trajectory."""
        exp = self.runner.experiment
        self.applicable = applies(exp)
        self.samples = []
        self.refs = weight_refs(exp.network()) if self.applicable else []
        net = exp.network() if self.applicable else None
        frozen = [ref for ref in self.refs if net is not None and self._is_frozen(net, ref)]
        if not self.refs:
            self.x_ref = self.y_ref = None
        elif len(self.refs) == 1:
            self.x_ref, self.y_ref = self.refs[0], None
        elif frozen:  # chapter 5's lesson: the frozen weight's error curve shifts under it
            self.x_ref, self.y_ref = frozen[0], None
        else:  # two weights that learn (a dead relu unit's do not), of the matrix nearest the output if it has two
            moving = set(learning_refs(exp))
            learning = [ref for ref in self.refs if ref in moving]  # the refs themselves: the boxes find them
            if len(learning) == 1:
                self.x_ref, self.y_ref = learning[0], None
            else:
                candidates = learning or self.refs
                last = [ref for ref in candidates if ref[0] == candidates[-1][0]]
                pair = last[:2] if len(last) > 1 else candidates[-2:]
                self.x_ref, self.y_ref = pair[0], pair[1]
        self._fill_choices()
        self._sample(edited=False)
        self.refresh()

    def retranslate(self) -> None:
        """Texts in the current language (the drawn notes are rebuilt by refresh)."""
        self._static_texts()
        self._fill_choices()
        self.refresh()

    def _static_texts(self) -> None:
        self.x_choice.setToolTip(self.tr("The weight along the horizontal axis; the others stay as they are now"))
        self.y_choice.setToolTip(self.tr("A second weight for a contour map of the error, or none for the error "
                                         "curve of one weight"))
        self.y_label.setText(self.tr("against"))
        self.plot.setAccessibleName(self.tr("Error landscape plot"))
        self.empty.setText(self.tr("This experiment has no error landscape to show."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def _is_frozen(net: Network, ref: WeightRef) -> bool:
        name, row, column = ref
        w = next(w for w in net.weights if w.name == name)
        return w.frozen is not None and bool(np.asarray(w.frozen, dtype=bool).reshape(w.values.shape)[row, column])

    def _fill_choices(self) -> None:
        net = self.runner.experiment.network() if self.applicable else None
        for box in (self.x_choice, self.y_choice):
            box.blockSignals(True)
            box.clear()
        if net is not None:
            for ref in self.refs:
                self.x_choice.addItem(ref_label(net, ref), ref)
            if len(self.refs) > 1:
                self.y_choice.addItem(self.tr("— none: the error curve of one weight"), None)
                for ref in self.refs:
                    self.y_choice.addItem(ref_label(net, ref), ref)
        self.x_choice.setCurrentIndex(max(0, self.x_choice.findData(self.x_ref)))
        self.y_choice.setCurrentIndex(max(0, self.y_choice.findData(self.y_ref)) if self.y_ref else 0)
        for box in (self.x_choice, self.y_choice):
            box.blockSignals(False)
        two = len(self.refs) > 1
        for widget in (self.y_choice, self.y_label, self.x_choice):
            widget.setVisible(two)
        if two or net is None:
            self.x_label.setText(self.tr("Weight"))
        else:
            self.x_label.setText(self.tr("Weight: {0}").format(ref_label(net, self.refs[0])))

    def set_weights(self, x_ref: WeightRef, y_ref: WeightRef | None = None) -> None:
        """Show the error over weight `x_ref` (and `y_ref` for a contour map)."""
        if x_ref not in self.refs or (y_ref is not None and y_ref not in self.refs):
            raise ValueError(f"unknown weight {x_ref if x_ref not in self.refs else y_ref}")
        self.x_ref, self.y_ref = x_ref, y_ref
        self._fill_choices()
        self._last_grid = 0.0
        self.refresh()

    def _on_x_choice_activated(self, index: int) -> None:
        ref = self.x_choice.itemData(index)
        if ref is not None:
            self.x_ref = tuple(ref)  # type: ignore[assignment]
            self._last_grid = 0.0
            self.refresh()

    def _on_y_choice_activated(self, index: int) -> None:
        ref = self.y_choice.itemData(index)
        self.y_ref = tuple(ref) if ref is not None else None  # type: ignore[assignment]
        self._last_grid = 0.0
        self.refresh()

    # -- the trajectory --------------------------------------------------------------------------------
    def _sample(self, edited: bool) -> None:
        if not self.applicable:
            return
        arrays = weight_arrays(self.runner.experiment.network())
        self.samples.append((self.runner.count, arrays, edited))
        if len(self.samples) > MAX_SAMPLES:
            del self.samples[: len(self.samples) - MAX_SAMPLES]

    def _history_steps(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """Exact steps (weight -> new_weight of every iteration, and the iteration's number) when the history records
        them (one weight)."""
        if len(self.refs) != 1:
            return None
        history = self.runner.history
        before, after = history.series("weight"), history.series("new_weight")
        if len(before) == 0 or len(after) != len(before):
            return None
        keep = ~(np.isnan(before) | np.isnan(after))
        return before[keep], after[keep], np.flatnonzero(keep)

    def trajectory(self, ref: WeightRef) -> tuple[np.ndarray, np.ndarray]:
        """(from, to) of every step of weight `ref`, oldest first."""
        exact = self._history_steps()
        if exact is not None:
            self.merged = 1
            before, after, self.step_iterations = exact
            return before, after
        name, row, column = ref
        values = [float(arrays[name][row, column]) for _, arrays, _ in self.samples]
        edited = [e for _, _, e in self.samples]
        steps = [i for i in range(1, len(values)) if not edited[i]]
        self.merged = max([self.samples[i][0] - self.samples[i - 1][0] for i in steps], default=1)
        # a step is named by the iteration that ended it (README, "Counting")
        self.step_iterations = np.array([self.samples[i][0] - 1 for i in steps], dtype=int)
        return np.array([values[i - 1] for i in steps]), np.array([values[i] for i in steps])

    def trajectory_2d(self) -> np.ndarray:
        """The (x, y) weights of every sample, oldest first (n x 2)."""
        assert self.x_ref is not None and self.y_ref is not None
        (xn, xr, xc), (yn, yr, yc) = self.x_ref, self.y_ref
        self.merged = max([self.samples[i][0] - self.samples[i - 1][0] for i in range(1, len(self.samples))
                           if not self.samples[i][2]], default=1)
        return np.array([[arrays[xn][xr, xc], arrays[yn][yr, yc]] for _, arrays, _ in self.samples], dtype=float
                        ).reshape(-1, 2)

    # -- runner events -------------------------------------------------------------------------------
    def _schedule(self) -> None:
        self._repaint.schedule()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self._start()

    def _on_runner_reset_done(self) -> None:
        self._start()

    def _on_runner_advanced(self, count: int) -> None:
        if self.samples and self.samples[-1][0] == count:
            return  # a slice of a test pass: nothing learned
        self._sample(edited=False)
        self._schedule()

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self._schedule()  # the readout names the iteration under way

    def _on_runner_param_changed(self, *_: Any) -> None:
        self._schedule()  # input or goal moved the landscape

    def _on_runner_weights_edited(self, *_: Any) -> None:
        self._sample(edited=True)
        self._schedule()

    def _on_runner_rewound(self, count: int) -> None:
        self.samples = [s for s in self.samples if s[0] <= count]
        self._sample(edited=True)
        self._schedule()

    # -- drawing -------------------------------------------------------------------------------------
    def describe(self) -> str:
        """A text alternative of the landscape, for screen readers: where the weight is, and the notes."""
        if not self.plot.isVisible():
            return self.empty.text()
        parts = [self.x_label.text() if self.x_label.isVisible() else "", self.readout.text(),
                 self.warning.text() if self.warning.isVisible() else "", self.note.text()]
        return " ".join(p for p in parts if p)

    def export_source(self) -> QWidget:
        """What File → Export view draws: the landscape plot (its axes name the weights)."""
        return self.plot

    def ball_position(self) -> tuple[float, float] | None:
        """Where the ball is drawn: (weight, error), or (x weight, y weight) on the contour map."""
        x, y = self.ball.getData()
        return (float(x[0]), float(y[0])) if len(x) else None

    def x_range(self) -> tuple[float, float]:
        """The horizontal range on show."""
        lo, hi = self.plot.getPlotItem().getViewBox().viewRange()[0]
        return float(lo), float(hi)

    def shown_iteration(self) -> int | None:
        """The iteration the weights belong to (README, "Counting"): the one under way while stepping through its
        phases (it predicts with them), else the last one completed (its learning left them); None at the start."""
        return shown_iteration(self.runner)

    def moment(self) -> str:
        """"used by iteration k" while it runs, "after iteration k" once it learned, or "at the start"."""
        shown = self.shown_iteration()
        if shown is None:
            return self.tr("at the start")
        if self.runner.mid_iteration:
            return self.tr("used by iteration {0}").format(shown)
        return self.tr("after iteration {0}").format(shown)

    @described
    def refresh(self) -> None:
        """Redraw the landscape for the current weights."""
        shown = self.applicable and self.x_ref is not None
        self.empty.setVisible(not shown)
        self.plot.setVisible(shown)
        self.note.setVisible(shown)
        if not shown:
            self.readout.setText("")
            self.warning.hide()
            return
        if self.y_ref is None or self.y_ref == self.x_ref:
            self._draw_curve()
        else:
            self._draw_contours()

    def _clear_2d(self) -> None:
        self.image.clear()
        self.image.setVisible(False)
        for iso in self.isocurves:
            iso.setParentItem(None)
            self.plot.getPlotItem().removeItem(iso)
        self.isocurves = []

    def _set_numbers(self, xs: list[float], ys: list[float], labels: list[int], span: float = 1.0) -> None:
        """Number the landing points of the latest steps, skipping those too close to a later one to read."""
        item = self.plot.getPlotItem()
        c = colours()
        near = span * 24 / max(80.0, float(item.getViewBox().width()))  # about 24 pixels
        keep: list[int] = []
        for i in range(len(xs) - 1, -1, -1):
            if all(abs(xs[i] - xs[k]) > near for k in keep):
                keep.append(i)
        numbers = [(xs[i], ys[i], labels[i]) for i in sorted(keep)]
        while len(self.step_numbers) < len(numbers):
            text = pg.TextItem("", color=c.muted, anchor=(0.5, 1.3))
            item.addItem(text)
            self.step_numbers.append(text)
        for i, text in enumerate(self.step_numbers):
            if i < len(numbers):
                x, y, n = numbers[i]
                if text.toPlainText() != str(n):  # setText lays the text out again: only when it changes
                    text.setText(str(n))
                text.setPos(x, y)
                text.setVisible(True)
            else:
                text.setVisible(False)

    def _axis_labels(self, bottom: str, left: str) -> None:
        item = self.plot.getPlotItem()
        colour = colours().text.name()
        item.setLabel("bottom", bottom, color=colour)
        item.setLabel("left", left, color=colour)

    def _draw_curve(self) -> None:
        assert self.x_ref is not None
        self._clear_2d()
        self.curve.setVisible(True)
        self.tangent.setVisible(True)
        exp = self.runner.experiment
        net = exp.network()
        ref = self.x_ref
        name, row, column = ref
        w_now = float(next(w for w in net.weights if w.name == name).values[row, column])
        start, end = self.trajectory(ref)
        self.step_count = len(start)
        e_now = float(error_curve(exp, ref, [w_now])[0]) if math.isfinite(w_now) else math.inf
        # where the bottom is (a parabola in the book's linear networks: three evaluations find it)
        h = max(1.0, abs(w_now)) if math.isfinite(w_now) else 1.0
        centre = w_now if math.isfinite(w_now) else 0.0
        f = error_curve(exp, ref, [centre - h, centre, centre + h])
        bottom = quadratic_bottom(float(f[0]), float(f[1]), float(f[2]), centre, h)
        self.off_chart = not (math.isfinite(w_now) and abs(e_now) < DRAWABLE)
        # every step as a chord from the error before to the error after; the latest ones bold and numbered
        a, b = start[-MAX_DRAWN:], end[-MAX_DRAWN:]  # a long run: only its latest steps are drawn
        number = self.step_iterations[len(self.step_iterations) - len(a):]  # the iteration that made each step
        ea, eb = self._step_errors(exp, ref, a), self._step_errors(exp, ref, b)
        with np.errstate(invalid="ignore"):
            drawable = (np.isfinite(a) & np.isfinite(b) & (np.abs(ea) < DRAWABLE) & (np.abs(eb) < DRAWABLE))
        a, b, ea, eb, number = a[drawable], b[drawable], ea[drawable], eb[drawable], number[drawable]
        self.drawn_steps = int(number[-1]) + 1 if len(number) else 0  # iterations up to the last drawable step
        recent = list(a[-VISIBLE_STEPS:]) + list(b[-VISIBLE_STEPS:]) + ([] if self.off_chart else [w_now])
        lo, hi = trajectory_window(recent, keep=2 * VISIBLE_STEPS + 1,
                                   include=[bottom] if bottom is not None else [])
        xs = np.linspace(lo, hi, CURVE_POINTS)
        ys = error_curve(exp, ref, xs)
        ys[~(np.abs(ys) < 100 * DRAWABLE)] = np.nan
        self.curve.setData(xs, ys, connect="finite")
        segs_x = np.empty(2 * len(a))
        segs_y = np.empty(2 * len(a))
        segs_x[0::2], segs_x[1::2] = a, b
        segs_y[0::2], segs_y[1::2] = ea, eb
        recent_n = min(VISIBLE_STEPS, len(a))
        split = 2 * (len(a) - recent_n)
        self.old_steps.setData(segs_x[:split], segs_y[:split], connect="pairs")
        self.steps.setData(segs_x[split:], segs_y[split:], connect="pairs")
        land_x, land_y = b[len(b) - recent_n:], eb[len(eb) - recent_n:]
        self.landings.setData(land_x, land_y)
        numbered = slice(-NUMBERED_STEPS, None)  # early steps near the bottom would crowd their numbers
        self._set_numbers([float(v) for v in land_x[numbered]], [float(v) for v in land_y[numbered]],
                          [int(n) for n in number[len(number) - recent_n:][numbered]], hi - lo)
        ymax = np.nanmax(ys) if np.isfinite(ys).any() else 1.0
        ymin = min(0.0, float(np.nanmin(ys))) if np.isfinite(ys).any() else 0.0
        item = self.plot.getPlotItem()
        item.setXRange(lo, hi, padding=0)
        top = ymin + (ymax - ymin) * 1.12
        top = top if math.isfinite(top) else ymax  # near the largest float: no headroom left
        item.setYRange(ymin, top if top > ymin else ymin + 1.0, padding=0)
        if self.off_chart:
            self.ball.setData([], [])
            self.tangent.setData([], [])
        else:
            self.ball.setData([w_now], [e_now])
            dx = (hi - lo) * 1e-4
            slope_points = error_curve(exp, ref, [w_now - dx, w_now + dx])
            slope = float(slope_points[1] - slope_points[0]) / (2 * dx)
            half = (hi - lo) * 0.12
            self.tangent.setData([w_now - half, w_now + half], [e_now - slope * half, e_now + slope * half])
        if bottom is not None and lo <= bottom <= hi:
            self.bottom.setData([bottom], [float(error_curve(exp, ref, [bottom])[0])])
        else:
            self.bottom.setData([], [])
        self._axis_labels(ref[0] if len(self.refs) == 1 else f"{ref[0]}[{ref[1]}, {ref[2]}]", self.tr("error"))
        self.readout.setText(self.tr("weight {0} → error {1} · {2}").format(num(w_now, 6), num(e_now, 6),
                                                                          self.moment()))
        self._write_notes(b, w_now, bottom)

    def _step_errors(self, exp: Experiment, ref: WeightRef, xs: np.ndarray) -> np.ndarray:
        """The error at each x of the drawn steps: remembered while the rest of the landscape (the parameters and
        the other weights) stays the same, so that a long run does not evaluate hundreds of old steps every frame."""
        arrays = weight_arrays(exp.network())
        name, row, column = ref
        arrays[name][row, column] = 0.0
        context = (ref, tuple(sorted((k, repr(v)) for k, v in exp.values.items())),
                   tuple(a.tobytes() for a in arrays.values()))
        if context != self._error_context or len(self._errors) > 4 * MAX_DRAWN:
            self._error_context, self._errors = context, {}
        missing = [float(x) for x in xs if float(x) not in self._errors]
        if missing:
            self._errors.update(zip(missing, error_curve(exp, ref, missing).tolist(), strict=True))
        return np.array([self._errors[float(x)] for x in xs], dtype=float)

    def _write_notes(self, drawn: np.ndarray, w_now: float, bottom: float | None) -> None:
        facts = self.runner.experiment.divergence_facts()
        lines = []
        factor = facts.get("step_factor")
        if factor is not None and len(self.refs) == 1:
            if factor < -1:
                verdict = self.tr("each step lands further away on the other side: divergence")
            elif factor < 0:
                verdict = self.tr("each step overshoots the bottom, by less every time")
            elif factor < 1:
                verdict = self.tr("each step moves part of the way down, never past the bottom")
            else:
                verdict = self.tr("the steps go uphill")
            lines.append(self.tr("Each step multiplies the distance to the bottom by 1 − alpha·input² = {0}: {1}.")
                         .format(num(factor, 4), verdict))
        if self.step_count > VISIBLE_STEPS:
            lines.append(self.tr("Zoomed to the last {0} of {1} steps; older steps are faint.").format(
                VISIBLE_STEPS, self.step_count))
        if len(self.refs) > 1:
            lines.append(self.tr("The other weights stay as they are now: when they learn, this curve moves."))
        if self.merged > 1:
            lines.append(self.tr("At this speed one drawn step covers up to {0} iterations.").format(self.merged))
        if bottom is not None:
            lines.append(self.tr("▲ marks the bottom, at {0}.").format(num(bottom, 4)))
        self.note.setText("  ".join(lines))
        if self.off_chart:
            last = num(float(drawn[-1]), 4) if len(drawn) else "–"
            self.warning.setText(self.tr("Off the chart: the weight is now {0}, its error too large to draw. "
                                         "The chart shows the last steps that could still be drawn (up to weight "
                                         "{1}); lower alpha and reset.").format(num(w_now, 4), last))
            self.warning.show()
        else:
            self.warning.hide()

    def _draw_contours(self) -> None:
        assert self.x_ref is not None and self.y_ref is not None
        self.curve.setData([], [])
        self.tangent.setData([], [])
        self.bottom.setData([], [])
        self.curve.setVisible(False)
        self.tangent.setVisible(False)
        exp = self.runner.experiment
        points = self.trajectory_2d()
        self.step_count = max(0, sum(1 for _, _, e in self.samples[1:] if not e))
        net = exp.network()
        arrays = weight_arrays(net)
        xn, xr, xc = self.x_ref
        yn, yr, yc = self.y_ref
        now = (float(arrays[xn][xr, xc]), float(arrays[yn][yr, yc]))
        self.off_chart = not all(math.isfinite(v) for v in now)
        recent = points[-VISIBLE_STEPS:]
        x0, x1 = trajectory_window(list(recent[:, 0]) + [now[0]], keep=VISIBLE_STEPS + 1, pad=0.5, min_span=0.1)
        y0, y1 = trajectory_window(list(recent[:, 1]) + [now[1]], keep=VISIBLE_STEPS + 1, pad=0.5, min_span=0.1)
        stamp = time.monotonic()
        if stamp - self._last_grid >= REPAINT_2D_MS / 1000 or not self.image.isVisible():
            self._last_grid = stamp
            xs, ys = np.linspace(x0, x1, GRID_POINTS), np.linspace(y0, y1, GRID_POINTS)
            grid = error_grid(exp, self.x_ref, self.y_ref, xs, ys)
            self._paint_grid(grid, QRectF(x0, y0, x1 - x0, y1 - y0))
        elif self._repaint is not None and not self._repaint.timer.isActive():
            self._repaint.timer.start(REPAINT_2D_MS)  # the grid catches up a moment later
        seg = points if len(points) else np.empty((0, 2))
        finite = np.isfinite(seg).all(axis=1)
        # a line from each point to the next, except into an edit (a jump the learner made, not a step)
        joined = np.array([not self.samples[i + 1][2] for i in range(len(seg) - 1)] + [False], dtype=bool)
        self.old_steps.setData([], [])
        self.steps.setData(seg[finite, 0], seg[finite, 1], connect=joined[finite])
        tail = seg[finite][-VISIBLE_STEPS:]
        self.landings.setData(tail[:, 0], tail[:, 1])
        self._set_numbers([], [], [])
        e_now = float(exp.error_for(arrays)) if not self.off_chart else math.inf
        self.ball.setData([now[0]], [now[1]] if not self.off_chart else [])
        if self.off_chart:
            self.ball.setData([], [])
        item = self.plot.getPlotItem()
        item.setXRange(x0, x1, padding=0)
        item.setYRange(y0, y1, padding=0)
        self._axis_labels(f"{xn}[{xr}, {xc}]", f"{yn}[{yr}, {yc}]")
        self.readout.setText(self.tr("{0} = {1}, {2} = {3} → error {4} · {5}").format(
            f"{xn}[{xr}, {xc}]", num(now[0], 5), f"{yn}[{yr}, {yc}]", num(now[1], 5), num(e_now, 5),
            self.moment()))
        if self.merged > 1:
            self.note.setText(self.tr("At this speed one drawn step covers up to {0} iterations.").format(
                self.merged))
        elif self.flat:
            self.note.setText(self.tr("The error does not change with these two weights here: they feed a unit "
                                      "that relu turned off, or an input that is 0. Pick other weights."))
        else:
            self.note.setText(self.tr("Contours of the error over these two weights (darker = larger; lines at "
                                      "equal steps of √error); the other weights stay as they are now, so the map "
                                      "moves as they learn. Each dot is a step."))
        if self.off_chart:
            self.warning.setText(self.tr("Off the chart: a weight is no longer a finite number."))
            self.warning.show()
        else:
            self.warning.hide()

    def _paint_grid(self, grid: np.ndarray, rect: QRectF) -> None:
        """Shade the map by √error (= |prediction − goal| for one output: evenly spaced contours)."""
        c = colours()
        z = np.sqrt(np.where(np.isfinite(grid) & (grid >= 0), grid, np.nan))
        finite = np.isfinite(z)
        if not finite.any():
            self._clear_2d()
            return
        lo, hi = float(np.nanmin(z)), float(np.nanmax(z))
        self.flat = not hi > lo * (1 + 1e-9) + 1e-12
        hi = hi if hi > lo else lo + 1.0
        z = upsample(np.where(finite, z, hi), 4)
        dark = mix(c.surface, c.muted, 0.55)
        cmap = pg.ColorMap([0.0, 1.0], [c.surface, dark])
        self.image.setImage(z, levels=(lo, hi), lut=cmap.getLookupTable(nPts=256), autoLevels=False)
        self.image.setRect(rect)
        self.image.setVisible(True)
        for iso in self.isocurves:
            iso.setParentItem(None)
            self.plot.getPlotItem().removeItem(iso)
        self.isocurves = []
        pen = pg.mkPen(with_alpha(c.muted, 170), width=1)
        for level in np.linspace(lo, hi, 10)[1:-1]:
            iso = pg.IsocurveItem(data=z, level=float(level), pen=pen, axisOrder="row-major")
            iso.setParentItem(self.image)
            self.isocurves.append(iso)


def with_alpha(colour: QColor, alpha: int) -> QColor:
    """A copy of a colour with another alpha."""
    out = QColor(colour)
    out.setAlpha(alpha)
    return out


if __name__ == "__main__":
    preview(LandscapePanel, "ch04.divergence", (700, 460))
