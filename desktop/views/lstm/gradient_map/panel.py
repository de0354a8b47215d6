"""The gradients-through-time panel: the LSTM's and the RNN's maps side by side, the mode (the training's gradient,
or the probe: the last step's loss alone), h or c, the clipping switch with its effect, and a button that trains a
few batches of the other model here when this session has no run of it yet."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from typing import Any

import numpy as np
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.format import num
from desktop.runner import RunArchive, Runner
from desktop.theme import number_font
from desktop.views.lstm._common import Chunked, LiveView, is_char_model, muted_label, runner_busy
from desktop.views.lstm.gradient_map.heatmap import HeatMap
from desktop.views.lstm.gradient_map.maps import REACH_DECADES, TOTAL_DECADES, ModelMaps, shades
from desktop.widgets import FlowLayout, spoken
from learning.catalogue import get
from learning.chapters.ch14_probe import GradientProbe
from learning.experiment import ParamError, Phase

#: What the learner does here that a lesson task may count.
ACTIONS = ("clipping_switched", "other_model_run", "probe_shown")
#: Batches the "run the other model" button trains.
OTHER_BATCHES = 20
#: While playing, a new probe at most this often (a probe costs about a batch's forward and backward pass).
PROBE_S = 0.5
KINDS = ("lstm", "rnn")
IDS = {"lstm": "ch14.char-lstm", "rnn": "ch14.char-rnn"}
NAMES = {"lstm": "LSTM", "rnn": "RNN"}
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


class GradientMapPanel(LiveView):
    """Gradient norms through time for the LSTM and the RNN, side by side."""

    REPAINT_MS = 100

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "gradient_map", parent)
        self.maps: dict[str, ModelMaps] = {}
        self.kind: str | None = None
        self.net: Any = None  # the probe's copy of the network, refilled for each probe
        self.other_net: Any = None
        self.other_progress: tuple[int, int] | None = None
        self._probed_at = -math.inf
        self.prober = Chunked(self, self._on_probe_done)
        self.probe: GradientProbe | None = None
        self.probe_key: int | None = None
        self.other = Chunked(self, self._on_other_done)
        bar = QWidget()
        flow = FlowLayout(bar, spacing=6)
        self.mode = QComboBox()
        self.mode.setObjectName("gradient_mode")
        self.mode.addItems(["", ""])
        self.mode.currentIndexChanged.connect(self._on_mode_current_index_changed)
        self.state = QComboBox()
        self.state.setObjectName("gradient_state")
        self.state.addItems(["h", "c"])
        self.state.currentIndexChanged.connect(self.schedule)
        self.clip = QCheckBox()
        self.clip.setObjectName("gradient_clip")
        self.clip.toggled.connect(self._on_clip_toggled)
        self.clip_value = QDoubleSpinBox()
        self.clip_value.setObjectName("gradient_clip_value")
        self.clip_value.setRange(0.1, 1e6)
        self.clip_value.setDecimals(1)
        self.clip_value.setValue(40.0)
        self.clip_value.setKeyboardTracking(False)
        self.clip_value.valueChanged.connect(self._on_clip_value_changed)
        clip_box = QWidget()
        clip_row = QHBoxLayout(clip_box)
        clip_row.setContentsMargins(0, 0, 0, 0)
        clip_row.setSpacing(2)
        clip_row.addWidget(self.clip)
        clip_row.addWidget(self.clip_value)
        self.run_other = QToolButton()
        self.run_other.setObjectName("gradient_run_other")
        self.run_other.clicked.connect(self._on_run_other_clicked)
        for widget in (self.mode, self.state, clip_box, self.run_other):
            flow.addWidget(widget)
        self.pictures = {kind: HeatMap(f"gradient_map_{kind}") for kind in KINDS}
        maps = QHBoxLayout()
        maps.setSpacing(4)
        for kind in KINDS:
            maps.addWidget(self.pictures[kind])
        self.clip_line = muted_label("gradient_clip_line")
        self.clip_line.setFont(number_font(8))
        self.reach_line = muted_label("gradient_reach_line")
        self.reach_line.setFont(number_font(8))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(bar)
        layout.addLayout(maps, 1)
        layout.addWidget(self.clip_line)
        layout.addWidget(self.reach_line)
        runner.archived.connect(self._on_runner_archived)
        runner.param_changed.connect(self._on_runner_param_changed)
        self.run_changed(True)
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the current language."""
        self.mode.setItemText(0, self.tr("every loss of the batch (training)"))
        self.mode.setItemText(1, self.tr("the last step's loss alone (probe)"))
        self.mode.setToolTip(self.tr("Training: ‖∂loss/∂h_t‖ of the batch's summed loss, what SGD uses. Probe: the "
                                     "last step's loss back-propagated alone: how far one loss reaches back."))
        self.state.setToolTip(self.tr("h: the hidden state; c: the LSTM's cell state"))
        spoken(self.mode, self.tr("What the maps show"))
        spoken(self.state, self.tr("State whose gradient is shown"))
        spoken(self.clip_value, self.tr("Clipping length"))
        self.clip.setText(self.tr("clip to"))
        self.clip.setToolTip(self.tr("Gradient clipping by norm: when the gradient of all weights is longer than "
                                     "this, it is scaled down to this length (the book has none)"))
        self.setAccessibleName(self.tr("Gradients through time"))
        self._show_run_other()
        self.refresh()

    def _show_run_other(self) -> None:
        other = self._other_kind()
        if self.other.busy and self.other_progress is not None:
            self.run_other.setText(self.tr("Stop ({0} of {1})").format(*self.other_progress))
        else:
            self.run_other.setText(self.tr("Train {0} batches of the {1}").format(OTHER_BATCHES, NAMES[other]))
        self.run_other.setToolTip(self.tr("Train the other model here for a few batches, with the same size and "
                                          "text, to see its map beside this one (the run itself does not change)"))

    # -- following the run -------------------------------------------------------------------------------------
    def _other_kind(self) -> str:
        return "rnn" if self.kind != "rnn" else "lstm"

    def _label(self, exp: Any, how: str) -> str:
        return f"{NAMES[exp.kind]} · {exp.values.get('size', '')} · {how}"

    def run_changed(self, fresh: bool) -> None:
        exp = self.runner.experiment
        if not fresh:
            return
        self.prober.stop()
        self.probe = None
        if is_char_model(exp):
            self.kind = exp.kind
            self.maps[exp.kind] = ModelMaps(exp.kind, self._label(exp, self.tr("this run")))
            self.state.setEnabled(exp.kind == "lstm")
            self._sync_clip()
        else:
            self.kind = None
        self._show_run_other()

    def _on_runner_archived(self, archive: RunArchive) -> None:
        exp = self.runner.experiment  # still the run that is being archived
        if is_char_model(exp) and exp.kind in self.maps:
            maps = self.maps[exp.kind]
            maps.take_norms(exp.grad_norms())
            maps.label = self._label(exp, self.tr("earlier run"))

    def _on_runner_param_changed(self, name: str, *_: Any) -> None:
        if name in ("clip", "book_faithful"):
            self._sync_clip()

    def _sync_clip(self) -> None:
        exp = self.runner.experiment
        if not is_char_model(exp):
            return
        clip = float(exp.values.get("clip", 0.0))
        for widget, value in ((self.clip, clip > 0), (self.clip_value, clip if clip > 0 else None)):
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif value is not None:
                widget.setValue(value)
            widget.blockSignals(False)
        book = bool(exp.values.get("book_faithful"))
        self.clip.setEnabled(not book)
        self.clip_value.setEnabled(not book)

    # -- the learner's controls ------------------------------------------------------------------------------
    def _on_mode_current_index_changed(self, index: int) -> None:
        if index == 1:
            self.acted.emit("probe_shown")
        self.schedule()

    def _on_clip_toggled(self, on: bool) -> None:
        self._set_clip(self.clip_value.value() if on else 0.0)
        self.acted.emit("clipping_switched")

    def _on_clip_value_changed(self, value: float) -> None:
        if self.clip.isChecked():
            self._set_clip(value)

    def _set_clip(self, value: float) -> None:
        if not is_char_model(self.runner.experiment):
            return
        try:
            self.runner.set_param("clip", float(value))
        except ParamError as error:
            self.clip_line.setText(str(error))

    def _on_run_other_clicked(self) -> None:
        if self.other.busy:
            self.other.stop()
            self.other_progress = None
            self._show_run_other()
            return
        exp = self.runner.experiment
        if not is_char_model(exp):
            return
        kind = self._other_kind()
        values = {k: exp.values[k] for k in ("size", "corpus", "clip", "book_faithful") if k in exp.values}
        other = get(IDS[kind])(data=getattr(exp, "data", None), **values)
        self.maps[kind] = ModelMaps(kind, self._label(other, self.tr("{0} batches here").format(OTHER_BATCHES)))
        self.other_progress = (0, OTHER_BATCHES)
        self.other.start(self._train_other(other, self.maps[kind]))
        self._show_run_other()
        self.acted.emit("other_model_run")

    def _train_other(self, other: Any, maps: ModelMaps) -> Iterator[None]:
        """Train the other model a batch at a time in slices, probing each batch, and fill its maps."""
        for k in range(OTHER_BATCHES):
            yield from other.phases()
            probe = GradientProbe(other, self.other_net)
            self.other_net = probe.net
            yield from probe.steps()
            assert probe.result is not None
            maps.probes[other.iteration_index - 1] = probe.result
            maps.take_norms(other.grad_norms())
            self.other_progress = (k + 1, OTHER_BATCHES)
            self._show_run_other()
            self.schedule()
            yield

    def _on_other_done(self) -> None:
        self.other_progress = None
        self._show_run_other()
        self.refresh()
        self.update_description()

    # -- probes -------------------------------------------------------------------------------------------------
    def _latest_batch(self) -> int | None:
        """The iteration whose batch a probe can read now (None: none, or the weights are being updated)."""
        r = self.runner
        exp = r.experiment
        if getattr(exp, "step_inputs", None) is None:
            return None
        if r.mid_iteration:
            if r.current_phase is None or r.current_phase.phase is Phase.LEARN:
                return None  # the backward pass or the update is under way: wait for the next batch's forward
            return r.count
        return r.count - 1 if r.count else None

    def _maybe_probe(self) -> None:
        if self.mode.currentIndex() != 1 or self.prober.busy or self.kind is None or not self.isVisible():
            return
        if runner_busy(self.runner):  # the batch is being computed on the worker thread: probe at a later redraw
            return
        if self.runner.playing and time.perf_counter() - self._probed_at < PROBE_S:
            return
        key = self._latest_batch()
        if key is None or key in self.maps[self.kind].probes:
            return
        self.probe = GradientProbe(self.runner.experiment, self.net)
        self.net = self.probe.net
        self.probe_key = key
        self._probed_at = time.perf_counter()
        self.prober.start(self.probe.steps())

    def _on_probe_done(self) -> None:
        if self.probe is not None and self.probe.result is not None and self.kind in self.maps:
            self.maps[self.kind].probes[int(self.probe_key or 0)] = self.probe.result
        self.probe = None
        self.refresh()
        self.update_description()

    def settle(self) -> None:
        """Finish the work under way now (tests, exports)."""
        self._maybe_probe()
        self.prober.finish()
        self.other.finish()
        self.refresh()

    # -- the picture --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw both maps and the lines under them."""
        exp = self.runner.experiment
        mode = "probe" if self.mode.currentIndex() == 1 else "total"
        what = self.state.currentText()
        if self.kind is not None and is_char_model(exp):
            current = self.maps[self.kind]
            current.take_norms(exp.grad_norms())
            count = self.runner.count
            for key in [k for k in current.probes if k > count]:  # rewound before them
                del current.probes[key]
        for kind in KINDS:
            self._draw(kind, mode, what)
        self.clip_line.setText(self.clip_text())
        self.reach_line.setText(self.reach_text(mode, what))
        self._maybe_probe()

    def _draw(self, kind: str, mode: str, what: str) -> None:
        picture = self.pictures[kind]
        maps = self.maps.get(kind)
        shown = what if kind == "lstm" else "h"
        symbol = f"‖∂loss/∂{shown}_t‖" if mode == "total" else f"‖∂loss_T/∂{shown}_t‖"
        if maps is None:
            empty = (self.tr("No {0} run in this session yet: open the {0} experiment, or press Train.")
                     .format(NAMES[kind]) if is_char_model(self.runner.experiment) else
                     self.tr("This view shows chapter 14's character models."))
            picture.set_map(f"{NAMES[kind]} {symbol}", np.zeros((0, 0)), np.zeros(0), "", empty)
            return
        iterations, values = maps.columns(mode, shown, picture.capacity())
        shade, top = shades(values, mode)
        if mode == "probe":
            legend = self.tr("shade: {0} … 1 × the last step's gradient").format(
                "10⁻" + str(REACH_DECADES).translate(SUPERSCRIPT))
            empty = self.tr("No probe yet: step or play a batch (probes are taken while this is shown).")
        else:
            legend = self.tr("shade: from {0} to {1}").format(num(top / 10 ** TOTAL_DECADES, 2), num(top, 2))
            empty = self.tr("No batch trained yet.")
        picture.set_map(f"{maps.label} · {symbol}", shade, iterations, legend, empty)

    def clip_text(self) -> str:
        """The last batch's gradient length and whether clipping shortened it."""
        exp = self.runner.experiment
        record = self.runner.history.last_record
        if not is_char_model(exp) or not record or "grad_norm" not in record:
            return ""
        if exp.values.get("book_faithful"):
            return self.tr("Batch {0}: ‖∇‖ = {1}; book_faithful: the book's backward (a hidden state passes on only "
                           "the first gradient that reaches it), no clipping").format(
                record["batch"], num(record["grad_norm"], 3))
        clipped = self.runner.history.series("clipped")[-50:]
        recent = self.tr("{0} of the last {1} batches clipped").format(int(np.nansum(clipped)), len(clipped))
        if record.get("clipped"):
            return self.tr("Batch {0}: ‖∇‖ = {1} → clipped to {2} · {3}").format(
                record["batch"], num(record["grad_norm"], 3), num(record["grad_norm_after"], 3), recent)
        limit = float(exp.values.get("clip", 0.0))
        if limit <= 0:
            return self.tr("Batch {0}: ‖∇‖ = {1}, clipping off · {2}").format(
                record["batch"], num(record["grad_norm"], 3), recent)
        return self.tr("Batch {0}: ‖∇‖ = {1}, not clipped (limit {2}) · {3}").format(
            record["batch"], num(record["grad_norm"], 3), num(limit, 3), recent)

    def reach_text(self, mode: str, what: str) -> str:
        """In probe mode: what one step back multiplies one loss's gradient by, for each model."""
        if mode != "probe":
            return self.tr("Each column is one batch; rows are the time steps t. Probe mode shows how far one loss "
                           "reaches back.")
        parts = []
        for kind in KINDS:
            maps = self.maps.get(kind)
            factor = maps.mean_factor(what) if maps is not None else float("nan")
            if math.isfinite(factor):
                parts.append(self.tr("{0}: ×{1} a step back").format(NAMES[kind], num(factor, 2)))
        if not parts:
            return self.tr("One loss back through time: no probe yet.")
        return self.tr("One loss back through time: {0}").format(" · ".join(parts))

    def describe(self) -> str:
        """A text alternative: what each map holds and the lines under them."""
        parts = [self.tr("Gradients through time.")]
        for kind in KINDS:
            maps = self.maps.get(kind)
            if maps is None:
                parts.append(self.tr("No {0} map.").format(NAMES[kind]))
            else:
                parts.append(self.tr("{0}: {1} batches, {2} probes.").format(maps.label, len(maps.iterations),
                                                                          len(maps.probes)))
        return " ".join([*parts, self.clip_line.text(), self.reach_line.text()]).strip()

