"""The runner: a QTimer that drives one Experiment in small slices and tells the panels what happened."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from learning.divergence import Divergence, DivergenceMonitor
from learning.experiment import Experiment, IterationResult, ParamError, Phase, PhaseResult
from learning.history import History, Snapshots
from learning.runfile import SavedRun, capture

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

#: Speeds offered to the learner, in iterations per second; None is "as fast as possible".
SPEEDS: tuple[int | None, ...] = (1, 2, 5, 10, 20, 50, 100, 1000, None)
DEFAULT_SPEED = 5
#: The iteration columns an earlier run keeps (its curve); its epoch columns are all kept.
ARCHIVED_COLUMNS = ("iteration", "error", "loss")

#: Data-set experiments start at about this many images a second: a first epoch of the book's 1,000 images (and its
#: test accuracy) within seconds, where 5 iterations a second would take minutes.
IMAGES_PER_S = 1000


def default_speed(experiment: Experiment) -> int | None:
    """The speed a run of this experiment starts at: DEFAULT_SPEED for the book's small networks (one step at a time,
    readable), about IMAGES_PER_S images a second for experiments over a data set (a batch counts its images)."""
    if not getattr(experiment, "datasets", ()):
        return DEFAULT_SPEED
    target = IMAGES_PER_S / max(1, int(getattr(experiment, "batch_size", 1) or 1))
    return min((s for s in SPEEDS if s is not None), key=lambda s: abs(math.log(s / target)))


#: How long one timer tick may compute at full speed before returning to the event loop.
TICK_BUDGET_S = 0.005
#: While a data-set experiment's iteration is computed off the window's thread, how often the timer looks for it (ms),
#: and how much of a test pass the worker computes before it reports progress (s).
POLL_MS = 4
TEST_REPORT_S = 0.03
#: An iteration that computes longer than this goes to the worker (shorter ones are quicker on the window's thread).
HEAVY_S = 0.008
_MORE = object()  # the worker stopped in the middle of an iteration (to report test progress)


def book_length(experiment: Experiment) -> int:
    """The iterations of the book's run: its iterations, or its epochs (one if it names none) of its epoch size."""
    if not experiment.epoch_size:
        return experiment.iterations
    return (experiment.epochs or 1) * experiment.epoch_size


def _run_phases(phases: Iterator[PhaseResult], halt: threading.Event) -> tuple[list[PhaseResult], Any, float | None]:
    """In the worker thread: the phases of one iteration, until it ends (its IterationResult), a test pass has run
    for TEST_REPORT_S, or `halt` is set (a pause: the learner stops between two phases, not after the whole batch) —
    then _MORE, and the rest at the next call; and how long its predict, compare and learn took (None when this call
    computed none of them)."""
    results: list[PhaseResult] = []
    start = time.perf_counter()
    took = None
    try:
        while True:
            result = next(phases)
            results.append(result)
            if halt.is_set() and result.phase is not Phase.TEST:
                return results, _MORE, None
            if result.phase is Phase.TEST:
                if took is None and len(results) > 1:
                    took = time.perf_counter() - start  # the phases before the test pass
                if time.perf_counter() - start >= TEST_REPORT_S:
                    return results, _MORE, took
    except StopIteration as stop:
        if took is None and results and not any(r.phase is Phase.TEST for r in results):
            took = time.perf_counter() - start
        return results, stop.value, took


@dataclass(frozen=True)
class RunArchive:
    """The figures of a finished run: its experiment, the parameter values it started with, and its columns as a
    short curve (at most learning.history.ARCHIVE_POINTS rows; the "iteration" and "epoch" columns say which)."""

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
    `archived(RunArchive)` with the figures of a run just before a reset or a new experiment clears them,
    `rewound(count)` after the learner went back (or forward again) in the run's own history, and
    `seed_changed(seed)` when the seed of the next run was set (it applies on reset).
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
    seed_changed = Signal(int)

    def __init__(self, experiment: Experiment, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.history = History()
        self.snapshots = Snapshots()
        self.monitor = DivergenceMonitor()
        self.speed: int | None = DEFAULT_SPEED
        # Playing a data-set experiment, its iterations are computed by one worker thread (numpy lets go of the
        # interpreter while it multiplies), so that a conv batch of several hundred milliseconds never holds up the
        # window; the window's thread only files the results. Every command first waits for the worker (_settle).
        self._pool: ThreadPoolExecutor | None = None
        self._work: Future[tuple[list[PhaseResult], Any, float | None]] | None = None
        self._halt = threading.Event()  # set by a command: the worker stops after the phase it is computing
        self._mode: str | None = None  # "play", "step" (finishing one iteration in slices) or None
        self._replaying = False
        self._set(experiment)

    # -- state ------------------------------------------------------------------------------
    def _set(self, experiment: Experiment) -> None:
        self.experiment = experiment
        self.run_values = dict(experiment.values)  # what this run started with (for labels of earlier runs)
        if experiment.uses_seed:
            self.run_values["seed"] = experiment.seed
        self.history.clear()
        self.snapshots.clear(experiment.epoch_size)
        self.horizon = 0  # the furthest iteration this run has reached (rewinding keeps it reachable)
        self.changes: dict[int, list[tuple[str, tuple[Any, ...]]]] = {}  # learner's edits by iteration
        self.monitor.reset()
        self._gen: Iterator[PhaseResult] | None = None
        self.current_phase: PhaseResult | None = None
        self.iteration_phases: list[PhaseResult] = []
        #: The weight arrays (as network() shows them) the current or last iteration predicted with, kept for
        #: iterations the learner watches one at a time (Step, Phase step, slow play); None otherwise.
        self.used_weights: dict[str, np.ndarray] | None = None
        self.divergence: Divergence | None = None
        self.known_divergence: Divergence | None = None  # where this run's path diverged, also when rewound before
        self.test_progress: tuple[int, int] | None = None
        self.slow = bool(getattr(experiment, "datasets", ()))  # iterations of data-set nets take milliseconds
        self._iteration_s: float | None = None  # how long its iterations compute (a running mean), once measured
        self.weight_edits = 0
        self.limit: int | None = book_length(experiment)

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
            iterations, epochs = self.history.decimated()  # a curve of the run (bounded), not a copy of it
            iterations = {k: v for k, v in iterations.items() if k in ARCHIVED_COLUMNS}
            self.archived.emit(RunArchive(self.experiment.id, self.run_values, iterations, epochs))

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
            self._forget_future()
            self.changes = {k: v for k, v in self.changes.items() if k <= self.count}

    def _forget_future(self) -> None:
        """Drop what the run knew beyond the current point: states, rows, a divergence that lay ahead."""
        count = self.count
        self.snapshots.drop_after(count)
        self.history.forget_after(count, self.history.epoch_count)
        if self.known_divergence is not None and self.known_divergence.iteration >= count:
            self.known_divergence = None
        self.horizon = count

    def _log(self, method: str, *args: Any) -> None:
        """Remember a change so that rewinding replays it before the iteration it first affects."""
        if not self._replaying:
            key = self.count + (1 if self._gen is not None else 0)
            self.changes.setdefault(key, []).append((method, args))
            if key in self.snapshots.states:  # that state was taken before the change: take it again
                self.snapshots.replace(key, self.experiment.state())

    def _replay_changes(self, iteration: int) -> None:
        for method, args in self.changes.get(iteration, ()):
            getattr(self.experiment, method)(*args)

    def set_param(self, name: str, value: Any) -> bool:
        """Change a parameter (ParamError if refused); True if it applies at the next iteration."""
        self._settle()
        live = self.experiment.set_param(name, value)
        self._fork()
        self._log("set_param", name, self.experiment.values[name])
        self.param_changed.emit(name, self.experiment.values[name], live)
        return live

    def set_seed(self, seed: int) -> None:
        """The seed of the next run (ParamError if refused); like the starting weights, it applies on reset."""
        self.experiment.set_seed(seed)
        self.seed_changed.emit(self.experiment.next_seed)

    def set_weight(self, name: str, row: int, column: int, value: float) -> None:
        """Edit one weight (ParamError if refused); the run continues from it."""
        self._settle()
        self.experiment.set_weight(name, row, column, float(value))
        self._fork()
        self._log("set_weight", name, row, column, float(value))
        self.weight_edits += 1
        self.weights_edited.emit(name, row, column)

    def set_frozen(self, name: str, row: int, column: int, frozen: bool) -> None:
        """Freeze or unfreeze one weight, where the experiment supports it (ParamError otherwise)."""
        self._settle()
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
            self._timer.setInterval(self._play_interval())

    def _interval(self) -> int:
        if self.speed is None or self.speed >= 60:
            return 0 if self.speed is None else 16
        return round(1000 / self.speed)

    def _play_interval(self) -> int:
        """The timer's interval while playing: the speed's pause comes between iterations, never between the
        slices of one (a character model's batch or a test pass computed a few milliseconds per tick); while the
        worker computes, the timer looks for its result every POLL_MS (not in a busy loop)."""
        if self._work is not None:
            return POLL_MS
        return 0 if self._gen is not None else self._interval()

    # -- commands ---------------------------------------------------------------------------
    def play(self) -> None:
        """Run on the timer until paused, diverged or finished."""
        if self.playing:
            return
        if self.limit is not None and self.count >= self.limit:
            self.limit = None  # the book's run is over: keep going on request
        self._mode = "play"
        self._timer.start(self._play_interval())
        self.playing_changed.emit(True)

    def pause(self) -> None:
        """Stop the timer; a half-done iteration stays half done."""
        was_playing = self.playing
        self._timer.stop()
        self._mode = None
        self._settle()
        if was_playing:
            self.playing_changed.emit(False)

    def _settle(self) -> None:
        """Wait for the worker's iteration, if one is under way, and file what it computed."""
        if self._work is None:
            return
        self._halt.set()  # the learner waits for one phase at most, not for the rest of a long batch
        work, self._work = self._work, None
        results, stop, took = work.result()
        self._took(took)
        finished = self._file(results, stop)
        if finished is not None:
            self._complete(finished)
            self.advanced.emit(self.count)

    def _file(self, results: list[PhaseResult], stop: Any) -> IterationResult | None:
        """Take the worker's phases into the run, as the window's thread would have; the finished iteration, if any."""
        for result in results:
            if result.phase is Phase.TEST:
                self.test_progress = (int(result.values["done"]), int(result.values["total"]))
            else:
                self.iteration_phases.append(result)
                self.current_phase = result
        if stop is _MORE:
            if self.test_progress is not None:
                self.tested.emit(*self.test_progress)
            return None
        self._gen = None
        if self.test_progress is not None:
            self.tested.emit(*self.test_progress)
            self.test_progress = None
        return stop

    def _advance_off_thread(self) -> IterationResult | None:
        """Hand the open iteration to the worker, or file it once done; None while it is under way."""
        if self._work is None:
            if self._pool is None:
                from concurrent.futures import ThreadPoolExecutor  # only data-set experiments need it

                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="grokking-run")
            assert self._gen is not None
            self._halt.clear()
            self._work = self._pool.submit(_run_phases, self._gen, self._halt)
            return None
        if not self._work.done():
            return None
        work, self._work = self._work, None
        results, stop, took = work.result()
        self._took(took)
        return self._file(results, stop)

    def _took(self, seconds: float | None) -> None:
        """Remember how long an iteration's phases compute (a running mean), to choose where the next one runs."""
        if seconds is not None:
            self._iteration_s = seconds if self._iteration_s is None else 0.8 * self._iteration_s + 0.2 * seconds

    @property
    def busy(self) -> bool:
        """True while the worker computes an iteration: the experiment must not be read (views wait, see
        desktop.repaint.Repaint) nor changed (every command waits for the worker first)."""
        return self._work is not None

    def _goes_off_thread(self) -> bool:
        """Whether the next phases go to the worker: a data-set experiment played on the timer (see _off_thread)."""
        return self.slow and self._mode == "play" and self._off_thread()

    def _off_thread(self) -> bool:
        """Whether the open iteration of a data-set experiment played on the timer goes to the worker: when its
        iterations are heavy (or not measured yet), or when it closes an epoch (a test pass may follow)."""
        size = self.experiment.epoch_size
        closes_epoch = bool(size) and (self.count + 1) % size == 0
        return self._iteration_s is None or self._iteration_s > HEAVY_S or closes_epoch

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
            self._before_iteration(single=True)
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
        result = self._advance(time.perf_counter() + TICK_BUDGET_S, single=True)
        if result is None:
            self._mode = "step"
            self._timer.start(0)
            return
        self._complete(result)
        self.advanced.emit(self.count)

    # -- work -------------------------------------------------------------------------------
    def _advance(self, deadline: float | None, single: bool = False) -> IterationResult | None:
        """Run phases of the current iteration; None if the deadline passed during its test pass. `single`: the
        learner watches this iteration on its own (keep the weights it predicts with)."""
        if self._gen is None:
            self._before_iteration(single)
            self.iteration_phases = []
            self._gen = self.experiment.phases()
        if self._work is not None or (deadline is not None and self._goes_off_thread()):
            return self._advance_off_thread()
        fresh = self.slow and not self.iteration_phases
        start = time.perf_counter() if fresh else 0.0  # (a fast network's iterations are not timed)
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
            elif fresh:
                self._took(time.perf_counter() - start)
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

    def _before_iteration(self, single: bool = False) -> None:
        self.used_weights = self._weights_now() if single and not self._replaying else None
        count = self.count
        if count < self.horizon and not self._replaying:  # a new path from a rewound point: forget the old one
            self._forget_future()
        if self.snapshots.wants(count):
            self.snapshots.add(count, self.experiment.state())

    def _weights_now(self) -> dict[str, np.ndarray] | None:
        try:
            net = self.experiment.network()
        except NotImplementedError:
            return None
        return {w.name: np.array(w.values, dtype=float) for w in net.weights}

    def rewind_to(self, iteration: int) -> None:
        """Show the network as it was before `iteration` (0 ... the furthest iteration reached), backward or
        forward: the nearest kept state at or before it is loaded (unless the current point is nearer) and the
        iterations after it are replayed, which is exact (own RandomState). The rows of the run's figures beyond
        the point are kept, so going forward again replays only from the nearest state."""
        self.pause()
        iteration = max(0, min(int(iteration), self.horizon))
        base = self.count
        nearest, state = self.snapshots.nearest(iteration)
        if iteration < self.count or self._gen is not None or nearest > self.count:
            base = nearest
            self._gen = None
            self.iteration_phases = []
            self.current_phase = None
            self.experiment.load_state(state)
            size = self.experiment.epoch_size
            self.history.seek(base, base // size if size else 0)
            if self.divergence is not None and self.divergence.iteration >= base:
                self.divergence = None  # the replay meets it again
            known = self.known_divergence
            if self.divergence is None and known is not None and known.iteration < base:
                self.divergence = known  # jumped past it
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

    # -- saving and opening ----------------------------------------------------------------------
    def saved_run(self, page: str | None = None) -> SavedRun:
        """Everything this run needs to continue later (a half-done iteration is finished first): the
        experiment's state, the states kept for rewinding, the learner's edits and the history's rows."""
        if self._gen is not None:  # finish it now, test pass included (step() could leave it to the timer)
            self.pause()
            result = self._advance(None)
            assert result is not None
            self._complete(result)
            self.advanced.emit(self.count)
        start = {k: v for k, v in self.run_values.items() if k != "seed"}  # the seed (a label here) is saved apart
        return capture(self.experiment, self.history, self.snapshots, start, horizon=self.horizon,
                       changes=self.changes, limit=self.limit, divergence=self.known_divergence, page=page)

    def restore(self, saved: SavedRun, experiment: Experiment) -> None:
        """Continue a saved run: `experiment` is the fresh experiment `learning.runcheck.check_run` checked the
        file against and loaded with its state. The current run is kept as an earlier run's curve."""
        self.pause()
        self._archive()
        self._set(experiment)
        self.run_values = dict(saved.start_values)
        if experiment.uses_seed:
            self.run_values["seed"] = experiment.seed
        self.history.restore(saved.iterations, saved.iteration_stride, saved.epochs, saved.epoch_stride,
                             saved.horizon, saved.count, experiment.epoch_size)
        self.snapshots.restore(saved.snapshots, saved.snapshot_level)
        self.horizon = saved.horizon
        self.changes = {k: list(v) for k, v in saved.changes.items()}
        self.limit = saved.limit
        d = saved.divergence
        if d is not None:
            self.known_divergence = Divergence(d["iteration"], d["error"], d["reason"], d["bound"], dict(d["facts"]))
            if self.known_divergence.iteration < self.count:
                self.divergence = self.known_divergence
        errors = self.history.iteration_table.columns.get("error")
        if errors is not None and errors.size and np.isfinite(errors.view[0]):
            self.monitor.first_error = float(errors.view[0])  # the run's first error sets the divergence bound
        self.experiment_changed.emit(experiment)
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
                self.divergence = self.known_divergence = divergence
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
            batch = max(1, round(self.speed * self._interval() / 1000))
        else:
            batch = 1
        done = 0
        while done < batch:
            if done and self._gen is None and self._goes_off_thread():
                break  # the next iteration goes to the worker at the next tick, after the views heard of this one
            result = self._advance(deadline, single=batch == 1)
            if result is None:
                break  # a test pass (or the worker's iteration) is under way: go on at the next tick
            done += 1
            if self._mode == "step":
                self.pause()
                self._complete(result)
                break
            if not self._complete(result) or time.perf_counter() >= deadline:
                break
        waiting = self._work is not None
        if self._mode == "play":
            interval = self._play_interval()
            if self._timer.interval() != interval:
                self._timer.setInterval(interval)
        if done or not waiting:
            self.advanced.emit(self.count)
