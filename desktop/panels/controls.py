"""Controls: transport (play, step, phase step, reset), speed, and the experiment's declared parameters."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QRandomGenerator, Qt
from PySide6.QtGui import QAction, QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.counting import done_text, iteration_text
from desktop.epoch_progress import EpochClock, progress_lines
from desktop.repaint import Repaint
from desktop.runner import DEFAULT_SPEED, SPEEDS, Runner, default_speed
from desktop.theme import colours, number_font
from desktop.widgets import ElidedLabel
from learning.experiment import Param, ParamError, check_seed

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def allowed_text(p: Param) -> str:
    """What a parameter accepts, in the current language (learning's Param.allowed() says it in English)."""
    def number(v: float) -> str:
        return str(int(v)) if float(v).is_integer() else repr(float(v))

    if p.kind is bool:
        return translate("ControlsPanel", "true or false")
    if p.choices:
        return translate("ControlsPanel", "one of {0}").format(", ".join(p.choices))
    if p.kind is str:  # free text (words, analogies): the parameter's description says which
        return translate("ControlsPanel", "text as the description says")
    if p.kind is tuple:
        what = translate("ControlsPanel", "{0} numbers separated by commas").format(len(p.default))
    elif p.kind is int:
        what = translate("ControlsPanel", "a whole number")
    else:
        what = translate("ControlsPanel", "a number")
    lo, hi = p.minimum, p.maximum
    if lo is not None and hi is not None:
        return translate("ControlsPanel", "{0} from {1} to {2}").format(what, number(lo), number(hi))
    if lo is not None:
        return translate("ControlsPanel", "{0} ≥ {1}").format(what, number(lo))
    if hi is not None:
        return translate("ControlsPanel", "{0} ≤ {1}").format(what, number(hi))
    return what


def param_text(value: Any) -> str:
    """A parameter value as the learner types it."""
    if isinstance(value, tuple):
        return ", ".join(param_text(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


class ControlsPanel(QWidget):
    """Buttons for the runner's actions, a speed slider and one field per declared parameter."""

    def __init__(self, runner: Runner, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("controls")
        self.buttons: dict[str, QToolButton] = {}
        transport = QGridLayout()
        for i, action_id in enumerate(("run.play", "run.step", "run.phase", "run.reset")):
            button = QToolButton()
            button.setDefaultAction(actions[action_id])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setObjectName(action_id.replace(".", "_"))
            transport.addWidget(button, i // 2, i % 2)
            self.buttons[action_id] = button

        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setObjectName("speed")
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setPageStep(1)
        self.speed.setValue(SPEEDS.index(DEFAULT_SPEED))
        self.speed.valueChanged.connect(self._on_speed_value_changed)
        self.speed_label = QLabel()
        self.speed_label.setFont(number_font())
        self.speed_label.setMinimumWidth(90)
        speed_row = QHBoxLayout()
        self.speed_caption = QLabel()
        speed_row.addWidget(self.speed_caption)
        speed_row.addWidget(self.speed, 1)
        speed_row.addWidget(self.speed_label)

        # Two lines that change with every step: elided (never widening the dock), and never relaying it out.
        self.status = ElidedLabel()
        self.status.setObjectName("run_status")
        self.status.setFont(number_font())
        self.done = ElidedLabel()
        self.done.setObjectName("run_done")
        self.done.setFont(number_font())
        # a long epoch (chapter 14's 249 batches): where it stands and how long it still needs
        self.epoch_line = ElidedLabel()
        self.epoch_line.setObjectName("epoch_progress")
        self.eta_line = ElidedLabel()
        self.eta_line.setObjectName("epoch_time_left")
        for label in (self.epoch_line, self.eta_line):
            label.setFont(number_font())
            label.setVisible(False)
        self.epoch_clock = EpochClock()

        self.rewind = QSlider(Qt.Orientation.Horizontal)
        self.rewind.setObjectName("rewind")
        self.rewind.setRange(0, 0)
        self.rewind.setPageStep(10)
        self.rewind.valueChanged.connect(self._on_rewind_value_changed)
        self.rewind_caption = QLabel()
        rewind_row = QHBoxLayout()
        rewind_row.addWidget(self.rewind_caption)
        rewind_row.addWidget(self.rewind, 1)

        self.params_box = QGroupBox()
        self.form = QFormLayout(self.params_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = QLabel()
        self.message.setObjectName("param_message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(transport)
        layout.addLayout(speed_row)
        layout.addWidget(self.status)
        layout.addWidget(self.done)
        layout.addWidget(self.epoch_line)
        layout.addWidget(self.eta_line)
        layout.addLayout(rewind_row)
        # The parameters scroll when there are more than the dock's height can show (chapter 8's six or so on a
        # 768-pixel screen), instead of making the window taller.
        self.params_scroll = QScrollArea()
        self.params_scroll.setObjectName("params_scroll")
        self.params_scroll.setWidgetResizable(True)
        self.params_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.params_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.params_scroll.setMinimumHeight(90)
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.params_box)
        inner.addWidget(self.message)
        inner.addStretch(1)
        self.params_scroll.setWidget(holder)
        layout.addWidget(self.params_scroll, 1)

        self.fields: dict[str, QWidget] = {}
        self.seed_edit: QLineEdit | None = None
        self.new_seed: QToolButton | None = None
        self._speeds: dict[str, int] = {}  # the speed (index) last chosen for each kind of experiment
        self._repaint = Repaint(self, self.show_progress, 100, skip_hidden=False)
        runner.playing_changed.connect(self._on_runner_advanced)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.seed_changed.connect(self._on_runner_seed_changed)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.param_changed.connect(self._on_runner_param_changed)
        runner.advanced.connect(self._on_runner_advanced)
        runner.phase_stepped.connect(self._on_runner_advanced)
        runner.rewound.connect(self._on_runner_rewound)
        runner.playing_changed.connect(self._on_runner_playing_changed)
        self._on_speed_value_changed(self.speed.value())
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language (the parameter rows are rebuilt)."""
        self.speed.setToolTip(self.tr("How many iterations run per second while playing"))
        self.speed_caption.setText(self.tr("Speed"))
        self.speed.setAccessibleName(self.tr("Speed"))
        self.rewind.setAccessibleName(self.tr("History"))
        self.params_box.setTitle(self.tr("Parameters"))
        self.rewind_caption.setText(self.tr("History"))
        self.rewind.setToolTip(self.tr("Drag back to see the network as it was at an earlier iteration, and forward "
                                       "again; Play continues from where you stop."))
        self._on_speed_value_changed(self.speed.value())
        self.rebuild()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- form -------------------------------------------------------------------------------
    def rebuild(self) -> None:
        """One field per declared parameter of the current experiment."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields.clear()
        exp = self.runner.experiment
        for p in exp.params:
            if not p.shown:
                continue
            field = self._field(p, exp.values[p.name])
            field.setObjectName(f"param_{p.name}")
            meaning = translate("Params", p.help)
            tip = f"{meaning}\n" + self.tr("Allowed: {0}").format(allowed_text(p))
            tip += "\n" + (self.tr("Takes effect at the next iteration.") if p.live
                           else self.tr("Takes effect when you reset (Ctrl+R)."))
            field.setToolTip(tip)
            field.setAccessibleName(p.name)
            field.setAccessibleDescription(meaning)
            label = QLabel(p.name)
            label.setToolTip(meaning)
            label.setBuddy(field)
            self.form.addRow(label, field)
            self.fields[p.name] = field
        self._seed_row(exp)
        self.params_box.setVisible(bool(self.fields) or self.seed_edit is not None)
        self._show_message("")
        self._on_runner_advanced()

    def _seed_row(self, exp: Any) -> None:
        """The seed of the next run and a button for a new one, for experiments that draw random numbers."""
        self.seed_edit = self.new_seed = None
        if not exp.uses_seed:
            return
        edit = QLineEdit(str(exp.next_seed))
        edit.setObjectName("seed")
        edit.setFont(number_font())
        edit.setValidator(QIntValidator(0, 2**31 - 1, edit))  # within numpy's 0 … 2³² − 1
        edit.editingFinished.connect(self._on_seed_editing_finished)
        meaning = self.tr("The seed of the random numbers: the starting weights (and the dropout masks) come from it. "
                          "The book's seed is {0}; another seed shows how much a result depends on where the "
                          "weights start.").format(exp.default_seed)
        edit.setToolTip(meaning + "\n" + self.tr("Takes effect when you reset (Ctrl+R)."))
        edit.setAccessibleName("seed")
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0" * 10) + 12)  # any seed, 0 … 2³¹ − 1, whole
        edit.setAccessibleDescription(meaning)
        button = QToolButton()
        button.setObjectName("new_seed")
        # a symbol, not words: the field beside it keeps room for a seed of ten digits in a narrow dock
        button.setText("↻")
        button.setAccessibleName(self.tr("New seed"))
        button.setToolTip(self.tr("New seed") + ": " + self.tr("Pick another seed at random; reset (Ctrl+R) to start "
                                                                "from it"))
        button.clicked.connect(self._on_new_seed_clicked)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(button)
        holder = QWidget()
        holder.setLayout(row)
        label = QLabel(self.tr("seed"))
        label.setToolTip(meaning)
        label.setBuddy(edit)
        self.form.addRow(label, holder)
        self.seed_edit, self.new_seed = edit, button

    def _on_seed_editing_finished(self) -> None:
        edit = self.seed_edit
        if edit is None or edit.text() == str(self.runner.experiment.next_seed):
            return
        try:
            self._set_seed(check_seed(int(edit.text())))
        except (ValueError, ParamError):
            self._mark(edit, True)
            self._show_message(self.tr("Not accepted: the seed must be a whole number from 0 to {0}.").format(
                2**31 - 1), error=True)

    def _on_new_seed_clicked(self) -> None:
        seed = QRandomGenerator.global_().bounded(1, 1_000_000)  # short enough to read, write down and type again
        self._set_seed(seed)

    def _set_seed(self, seed: int) -> None:
        self.runner.set_seed(seed)
        self._show_message(self.tr("seed = {0} takes effect when you reset (Ctrl+R).").format(seed))

    def _on_runner_seed_changed(self, seed: int) -> None:
        if self.seed_edit is not None:
            self.seed_edit.setText(str(seed))
            self._mark(self.seed_edit, False)

    def _field(self, p: Param, value: Any) -> QWidget:
        if p.kind is bool:
            box = QCheckBox()
            box.setChecked(bool(value))
            box.toggled.connect(lambda on, name=p.name: self._apply(name, on))
            return box
        if p.choices:
            combo = QComboBox()
            combo.addItems(list(p.choices))
            combo.setCurrentText(str(value))
            combo.currentTextChanged.connect(lambda text, name=p.name: self._apply(name, text))
            return combo
        edit = QLineEdit(param_text(value))
        edit.setFont(number_font())
        edit.editingFinished.connect(lambda name=p.name, e=edit: self._apply_text(name, e))
        return edit

    def _apply_text(self, name: str, edit: QLineEdit) -> None:
        if edit.text() == param_text(self.runner.experiment.values[name]) and not edit.property("invalid"):
            return
        try:
            value = self.runner.experiment.param(name).parse(edit.text())
        except ParamError:
            self._mark(edit, True)
            p = self.runner.experiment.param(name)
            refused = self.tr("{0} must be {1} (got {2})").format(name, allowed_text(p), repr(edit.text()))
            self._show_message(self.tr("Not accepted: {0}. The run goes on with {1} = {2}.").format(
                refused, name, param_text(self.runner.experiment.values[name])), error=True)
            return
        self._apply(name, value)

    def _apply(self, name: str, value: Any) -> None:
        try:
            live = self.runner.set_param(name, value)
        except ParamError as exc:
            self._show_message(self.tr("Not accepted: {0}").format(str(exc)), error=True)
            return
        field = self.fields.get(name)
        if isinstance(field, QLineEdit):
            self._mark(field, False)
        if live:
            self._show_message(self.tr("{0} = {1} from the next iteration.").format(name, param_text(
                self.runner.experiment.values[name])))
        else:
            self._show_message(self.tr("{0} = {1} takes effect when you reset (Ctrl+R).").format(
                name, param_text(self.runner.experiment.values[name])))

    def _mark(self, edit: QLineEdit, invalid: bool) -> None:
        edit.setProperty("invalid", invalid)
        edit.setStyleSheet(f"border: 2px solid {colours().negative.name()};" if invalid else "")

    def _show_message(self, text: str, error: bool = False) -> None:
        c = colours()
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {(c.negative if error else c.muted).name()};")
        self.message.setVisible(bool(text))

    # -- runner -----------------------------------------------------------------------------
    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self.epoch_clock.reset()
        self.rebuild()
        # a data-set experiment starts at its own speed (images a second), a small one at the learner's reading
        # speed; each kind keeps the speed the learner last chose for it
        kind = self._kind()
        index = self._speeds.get(kind, SPEEDS.index(default_speed(self.runner.experiment)))
        if index != self.speed.value():
            self.speed.setValue(index)

    def _kind(self) -> str:
        return "data" if getattr(self.runner.experiment, "datasets", ()) else "small"

    def small_speed_index(self) -> int:
        """The speed chosen for the book's small networks (what the settings remember between sessions)."""
        return self._speeds.get("small", SPEEDS.index(DEFAULT_SPEED))

    def _on_runner_reset_done(self) -> None:
        self.epoch_clock.reset()
        for name, field in self.fields.items():
            self._show_value(name, field)
        if self.seed_edit is not None:
            self.seed_edit.setText(str(self.runner.experiment.next_seed))
        self._show_message("")
        self._on_runner_advanced()

    def _on_runner_param_changed(self, name: str, value: Any, live: bool) -> None:
        for other, field in self.fields.items():  # one change can move another (a mode's own default)
            if other == name or not field.hasFocus():
                self._show_value(other, field)

    def _show_value(self, name: str, field: QWidget) -> None:
        value = self.runner.experiment.values[name]
        field.blockSignals(True)
        if isinstance(field, QCheckBox):
            field.setChecked(bool(value))
        elif isinstance(field, QComboBox):
            field.setCurrentText(str(value))
        elif isinstance(field, QLineEdit) and not field.hasFocus():
            field.setText(param_text(value))
            self._mark(field, False)
        field.blockSignals(False)

    def status_text(self) -> str:
        """Both lines of the run's status, as one text."""
        return f"{self.status.text()} · {self.done.text()}"

    def _on_runner_advanced(self, *_: Any) -> None:
        if self.runner.playing:  # at full speed, a few times a second is all the eye can read
            self._repaint.schedule()
        else:
            self.show_progress()

    def show_progress(self) -> None:
        """The iteration shown, how many are done, and the History slider."""
        r = self.runner
        self.status.setText(iteration_text(r))
        text = done_text(r)
        if r.count < r.horizon:
            text += "  " + self.tr("(rewound: the run reached iteration {0})").format(r.horizon - 1)
        if r.experiment.uses_seed:
            text += "  · " + self.tr("seed {0}").format(r.experiment.seed)  # the seed this run started from
        self.done.setText(text)
        self._show_epoch_progress()
        self.rewind.blockSignals(True)
        self.rewind.setRange(0, r.horizon)
        self.rewind.setValue(r.count)
        self.rewind.blockSignals(False)

    def _show_epoch_progress(self) -> None:
        progress = getattr(self.runner.experiment, "progress", None)
        self.epoch_line.setVisible(callable(progress))
        self.eta_line.setVisible(callable(progress))
        if callable(progress):
            self.epoch_clock.observe(time.perf_counter(), self.runner.count, self.runner.playing)
            where, pace = progress_lines(progress(), self.epoch_clock)
            self.epoch_line.setText(where)
            self.eta_line.setText(pace)

    def _on_runner_playing_changed(self, playing: bool) -> None:
        self.epoch_clock.observe(time.perf_counter(), self.runner.count, playing)

    def _on_rewind_value_changed(self, value: int) -> None:
        if value != self.runner.count:
            self.runner.rewind_to(value)

    def _on_runner_rewound(self, count: int) -> None:
        for name, field in self.fields.items():
            self._show_value(name, field)

    def _on_speed_value_changed(self, index: int) -> None:
        self._speeds[self._kind()] = index
        speed = SPEEDS[index]
        if speed != self.runner.speed:
            self.runner.set_speed(speed)
        self.speed_label.setText(self.tr("max") if speed is None else self.tr("{0}/s").format(speed))


def _preview() -> None:
    import sys

    from PySide6.QtWidgets import QApplication

    from learning.catalogue import get

    app = QApplication(sys.argv)
    runner = Runner(get("ch04.alpha")())
    actions = {k: QAction(k) for k in ("run.play", "run.step", "run.phase", "run.reset")}
    panel = ControlsPanel(runner, actions)
    panel.show()
    app.exec()


if __name__ == "__main__":
    _preview()
