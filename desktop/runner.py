"""The runner: a QTimer that drives one Experiment in small slices and tells the panels what happened."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from learning.divergence import Divergence, DivergenceMonitor
from learning.experiment import Experiment, IterationResult, ParamError, Phase, PhaseResult
from learning.history import History, Snapshots

#: Speeds offered to the learner, in iterations per second; None is "as fast as possible".
SPEEDS: tuple[int | None, ...] = (1, 2, 5, 10, 20, 50, 100, 1000, None)
DEFAULT_SPEED = 5
#: How long one timer tick may compute at full speed before returning to the event loop.
TICK_BUDGET_S = 0.005


@dataclass(frozen=True)
class RunArchive:
    """The figures of a finished run: its experiment, the parameter values it started with, its columns."""

    experiment_id: str
    values: dict[str, Any]
    iterations: dict[str, np.ndarray]
    epochs: dict[str, np.ndarray]


class Runner(QObject):
    """Owns the experiment, its history and the timer; emits plain Python values.

    Signals are past tense: `advanced(count)` after every tick that completed iterations,
    `phase_stepped(PhaseResult)` after each phase in step-through, `epoch_finished(dict)`,
    `diverged(Divergence)`, `finished(count)` at the book's iteration count, `playing_changed(bool)`,
    `reset_done()`, `experiment_changed(Experiment)`, `param_changed(name, value, live)` and
    `tested(done, total)` while an epoch's test pass runs in slices, `weights_edited(name, row, column)`,
    `archived(RunArchive)` with the figures of a run just before a reset or a new experiment clears them, and
    `rewound(count)` after the learner went back (or forward again) in the run's own history.
    """

    advanced = Signal(int)
    phase_stepped = Signal(object)
    epoch_finished = Signal(object)
    diverged = Signal(object)
    finished = Signal(int)
    playing_changed = Signal(bool)
    reset_done = Signal()
    experiment_changed = Signal(object)
    param_changed = Signal(str, object, bool)
    tested = Signal(int, int)
    weights_edited = Signal(str, int, int)
    archived = Signal(object)
    rewound = Signal(int)

    def __init__(self, experiment: Experiment, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.history = History()
        self.snapshots = Snapshots()
        self.monitor = DivergenceMonitor()
        self.speed: int | None = DEFAULT_SPEED
        self._mode: str | None = None  # "play", "step" (finishing one iteration in slices) or None
        self._replaying = False
        self._set(experiment)

    # -- state ------------------------------------------------------------------------------
    def _set(self, experiment: Experiment) -> None:
        self.experiment = experiment
        self.run_values = dict(experiment.values)  # what this run started with (for labels of earlier runs)
        self.history.clear()
        self.snapshots.clear()
        self.horizon = 0  # the furthest iteration this run has reached (rewinding keeps it reachable)
        self.changes: dict[int, list[tuple[str, tuple[Any, ...]]]] = {}  # learner's edits by iteration
        self.monitor.reset()
        self._gen: Iterator[PhaseResult] | None = None
        self.current_phase: PhaseResult | None = None
        self.iteration_phases: list[PhaseResult] = []
        self.divergence: Divergence | None = None
        self.test_progress: tuple[int, int] | None = None
        self.slow = bool(getattr(experiment, "datasets", ()))  # iterations of data-set nets take milliseconds
        self.weight_edits = 0
        self.limit: int | None = experiment.iterations if not experiment.epoch_size else (
            (experiment.epochs or 1) * experiment.epoch_size)

    @property
    def playing(self) -> bool:
        """True while the timer plays the experiment (not while it only finishes one step)."""
        return self._timer.isActive() and self._mode == "play"

    @property
    def count(self) -> int:
        """Iterations completed in this run."""
        return self.history.count

    @property
    def mid_iteration(self) -> bool:
        """True between phases of an unfinished iteration (step-through)."""
        return self._gen is not None

    def _archive(self) -> None:
        if self.history.count:
            self.archived.emit(RunArchive(
                self.experiment.id, self.run_values,
                {k: c.view.copy() for k, c in self.history.iterations.items()},
                {k: c.view.copy() for k, c in self.history.epochs.items()}))

    def set_experiment(self, experiment: Experiment) -> None:
        """Drive a different experiment from the start."""
        self.pause()
        self._archive()
        self._set(experiment)
        self.experiment_changed.emit(experiment)

    def reset(self) -> None:
        """Start the same experiment again from its (possibly edited) initial values."""
        self.pause()
        self._archive()
        self.experiment.reset()
        self._set(self.experiment)
        self.reset_done.emit()

    def _fork(self) -> None:
        """The learner changed something after rewinding: the run's old future no longer follows."""
        if self.count < self.horizon:
            self.snapshots.drop_after(self.count)
            self.changes = {k: v for k, v in self.changes.items() if k <= self.count}
            self.horizon = self.count

    def _log(self, method: str, *args: Any) -> None:
        """Remember a change so that rewinding replays it before the iteration it first affects."""
        if not self._replaying:
            key = self.count + (1 if self._gen is not None else 0)
            self.changes.setdefault(key, []).append((method, args))

    def _replay_changes(self, iteration: int) -> None:
        for method, args in self.changes.get(iteration, ()):
            getattr(self.experiment, method)(*args)

    def set_param(self, name: str, value: Any) -> bool:
        """Change a parameter (ParamError if refused); True if it applies at the next iteration."""
        live = self.experiment.set_param(name, value)
        self._fork()
        self._log("set_param", name, self.experiment.values[name])
        self.param_changed.emit(name, self.experiment.values[name], live)
        return live

    def set_weight(self, name: str, row: int, column: int, value: float) -> None:
        """Edit one weight (ParamError if refused); the run continues from it."""
        self.experiment.set_weight(name, row, column, float(value))
        self._fork()
        self._log("set_weight", name, row, column, float(value))
        self.weight_edits += 1
        self.weights_edited.emit(name, row, column)

    def set_frozen(self, name: str, row: int, column: int, frozen: bool) -> None:
        """Freeze or unfreeze one weight, where the experiment supports it (ParamError otherwise)."""
        setter = getattr(self.experiment, "set_frozen", None)
        if setter is None:
            raise ParamError(f"{self.experiment.id} cannot freeze weights")
        setter(name, row, column, frozen)
        self._fork()
        self._log("set_frozen", name, row, column, frozen)
        self.weights_edited.emit(name, row, column)

    def set_speed(self, speed: int | None) -> None:
        """Iterations per second, or None for as fast as the machine allows."""
        self.speed = speed
        if self.playing:
            self._timer.setInterval(self._interval())

    def _interval(self) -> int:
        if self.speed is None or self.speed >= 60:
            return 0 if self.speed is None else 16
        return round(1000 / self.speed)

    # -- commands ---------------------------------------------------------------------------
    def play(self) -> None:
        """Run on the timer until paused, diverged or finished."""
        if self.playing:
            return
        if self.limit is not None and self.count >= self.limit:
            self.limit = None  # the book's run is over: keep going on request
        self._mode = "play"
        self._timer.start(self._interval())
        self.playing_changed.emit(True)

    def pause(self) -> None:
        """Stop the timer; a half-done iteration stays half done."""
        was_playing = self.playing
        self._timer.stop()
        self._mode = None
        if was_playing:
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        """Play if paused, pause if playing."""
        self.pause() if self.playing else self.play()

    def step(self) -> None:
        """Finish the current iteration, or run one whole iteration."""
        self.pause()
        self._finish_iteration()

    def step_phase(self) -> None:
        """Run the next phase only (predict, compare or learn)."""
        self.pause()
        if self._gen is None:
            self._before_iteration()
            self._gen = self.experiment.phases()
            self.iteration_phases = []
        try:
            result = next(self._gen)
        except StopIteration as stop:
            self._gen = None
            self._complete(stop.value)
            self.advanced.emit(self.count)
            self.step_phase()
            return
        except Exception:
            self._abandon_iteration()
            raise
        if result.phase is Phase.TEST:  # cannot happen before the last phase; finish in slices
            self._finish_iteration()
            return
        self.current_phase = result
        self.iteration_phases.append(result)
        self.phase_stepped.emit(result)
        if result.phase == self.experiment.phases_used[-1]:
            self._finish_iteration()

    def run_to(self, count: int) -> None:
        """Run without the timer until `count` iterations are done, through divergence and the book's limit."""
        self.pause()
        while self.count < count:
            result = self._advance(None)
            assert result is not None
            self._complete(result)
        self.advanced.emit(self.count)

    def _finish_iteration(self) -> None:
        """Complete the open (or a new) iteration now, or in timer slices if it holds a long test pass."""
        result = self._advance(time.perf_counter() + TICK_BUDGET_S)
        if result is None:
            self._mode = "step"
            self._timer.start(0)
            return
        self._complete(result)
        self.advanced.emit(self.count)

    # -- work -------------------------------------------------------------------------------
    def _advance(self, deadline: float | None) -> IterationResult | None:
        """Run phases of the current iteration; None if the deadline passed during its test pass."""
        if self._gen is None:
            self._before_iteration()
            self.iteration_phases = []
            self._gen = self.experiment.phases()
        try:
            while True:
                result = next(self._gen)
                if result.phase is Phase.TEST:
                    self.test_progress = (int(result.values["done"]), int(result.values["total"]))
                    if deadline is not None and time.perf_counter() >= deadline:
                        self.tested.emit(*self.test_progress)
                        return None
                else:
                    self.iteration_phases.append(result)
                    self.current_phase = result
                    if self.slow and deadline is not None and time.perf_counter() >= deadline:
                        return None  # a heavy iteration (a conv batch) goes on at the next tick
        except StopIteration as stop:
            self._gen = None
            if self.test_progress is not None:
                self.tested.emit(*self.test_progress)
                self.test_progress = None
            return stop.value
        except Exception:
            self._abandon_iteration()
            raise

    def _abandon_iteration(self) -> None:
        """The experiment raised in the middle of an iteration: stop the timer (it must not tick into the same
        exception again) and drop the broken iteration; the completed ones and their history stay."""
        self.pause()
        self._gen = None
        self.iteration_phases = []
        self.test_progress = None

    def _before_iteration(self) -> None:
        count = self.count
        if count < self.horizon and not self._replaying:  # a new path from a rewound point: forget the old one
            self.snapshots.drop_after(count)
            self.horizon = count
        if self.snapshots.wants(count):
            self.snapshots.add(count, self.experiment.state())

    def rewind_to(self, iteration: int) -> None:
        """Show the network as it was before `iteration` (0 ... the furthest iteration reached): the nearest
        kept state is loaded and the iterations after it are replayed, which is exact (own RandomState)."""
        self.pause()
        iteration = max(0, min(int(iteration), self.horizon))
        base = self.count
        if iteration < self.count or self._gen is not None:
            base, state = self.snapshots.nearest(iteration)
            self._gen = None
            self.iteration_phases = []
            self.current_phase = None
            self.experiment.load_state(state)
            size = self.experiment.epoch_size
            self.history.truncate(base, base // size if size else 0)
            if self.divergence is not None and self.divergence.iteration >= base:
                self.divergence = None
                if base == 0:
                    self.monitor.reset()
        self._replaying = True
        try:
            while self.count < iteration:
                if self._gen is None and self.count > base:
                    self._replay_changes(self.count)
                result = self._advance(None)
                assert result is not None
                self._complete(result)
        finally:
            self._replaying = False
        self.rewound.emit(self.count)
        self.advanced.emit(self.count)

    def _complete(self, result: IterationResult) -> bool:
        """Record a finished iteration; returns False if the run must stop (diverged or finished)."""
        self.history.add_iteration(result.record)
        self.horizon = max(self.horizon, self.count)
        if result.epoch is not None:
            self.history.add_epoch(result.epoch)
            self.epoch_finished.emit(result.epoch)
        if self.divergence is None:
            divergence = self.monitor.check(result.record)
            if divergence is not None:
                divergence.facts = self.experiment.divergence_facts()
                self.divergence = divergence
                self.pause()
                self.diverged.emit(divergence)
                return False
        if self.limit is not None and self.count >= self.limit:
            self.pause()
            self.finished.emit(self.count)
            return False
        return True

    def _on_timer_timeout(self) -> None:
        try:
            self._tick()
        except Exception:
            self.pause()  # whatever failed would fail again at the next tick
            raise

    def _tick(self) -> None:
        deadline = time.perf_counter() + TICK_BUDGET_S
        if self._mode == "play" and self.speed is None:
            batch = 1 << 30
        elif self._mode == "play" and self.speed >= 60:
            batch = max(1, round(self.speed * self._timer.interval() / 1000))
        else:
            batch = 1
        done = 0
        while done < batch:
            result = self._advance(deadline)
            if result is None:
                break  # a test pass is under way: go on at the next tick
            done += 1
            if self._mode == "step":
                self.pause()
                self._complete(result)
                break
            if not self._complete(result) or time.perf_counter() >= deadline:
                break
        self.advanced.emit(self.count)
