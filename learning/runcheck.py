"""Checking a saved run against the experiment it names, before anything uses it.

Every part of a SavedRun is compared with a freshly built experiment of the same id: parameters through their
declarations, states (the current one and each kept one) shape by shape and type by type against the fresh
experiment's own `state()` and the rules it declares for parts that change form (learning.statespec), the records
of an unfinished epoch against a record the experiment makes, the learner's edits against the declared parameters
and the weights' shapes, the history's rows against the run's length, the results of other runs it was built on by
the experiment. Then every state the run keeps is loaded, and the run goes on from its state for a moment. A file
that passes is loaded into that fresh experiment; nothing else was touched.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from learning import catalogue
from learning.experiment import Experiment, ParamError
from learning.history import EPOCH_BUDGET, ITERATION_BUDGET, Snapshots
from learning.runfile import RunFileError, SavedRun
from learning.statespec import EpochRecords, conform, is_number, unfit

#: The learner's edits a run replays, and nothing else.
CHANGES = ("set_param", "set_weight", "set_frozen")

Make = Callable[[type[Experiment], "int | None", dict[str, Any]], Experiment]


def _values(cls: type[Experiment], values: Any, where: str) -> dict[str, Any]:
    if not isinstance(values, dict):
        raise unfit(where, "a table of parameter values expected")
    out = {}
    for name, value in values.items():
        try:
            out[name] = cls.param(name).check(list(value) if isinstance(value, list) else value)
        except ParamError as exc:
            raise unfit(where, str(exc)) from None
    return out


def check_state(state: Any, template: dict[str, Any], specs: dict[str, Any], record: dict[str, Any] | None,
                cls: type[Experiment], iteration: int, epoch_size: int | None, where: str,
                seen: set[int] | None = None) -> dict[str, Any]:
    """A state taken before `iteration`, checked against the experiment's own (`template`, with the parts its
    `state_spec()` declares checked by those `specs`); returns it with checked values. Records in `seen` (ids of
    records checked before, which states share) are not checked again."""
    if not isinstance(state, dict) or set(state) != set(template):
        raise unfit(where, "its parts are not the experiment's")
    if type(state["iteration_index"]) is not int or state["iteration_index"] != iteration:
        raise unfit(where, f"it is the state before iteration {state['iteration_index']!r}, not {iteration}")
    values = _values(cls, state["values"], f"{where}.values")
    if set(values) != set(template["values"]):
        raise unfit(f"{where}.values", "not every parameter is there")
    records = state["epoch_records"]
    rule = specs.get("epoch_records")
    if rule is not None and not isinstance(rule, EpochRecords):  # kept otherwise (word2vec: a count and a sum)
        conform(records, rule, f"{where}.epoch_records")
    else:
        expected = iteration % epoch_size if epoch_size else 0
        if not isinstance(records, list) or len(records) != expected:
            raise unfit(f"{where}.epoch_records", f"{expected} records of the unfinished epoch expected")
        for i, r in enumerate(records):
            if seen is None or id(r) not in seen:
                conform(r, record if rule is None else rule.form(record, r),
                        f"{where}.epoch_records[{i}]")
                if seen is not None:
                    seen.add(id(r))
    for key, t in template.items():
        if key not in ("iteration_index", "values", "epoch_records"):
            conform(state[key], specs.get(key, t), f"{where}.{key}")
    return {**state, "values": values}


def _weights(exp: Experiment) -> dict[str, tuple[int, int]]:
    try:
        return {w.name: np.asarray(w.values).shape for w in exp.network().weights}
    except NotImplementedError:
        return {}


def check_changes(changes: dict[int, list[tuple[str, tuple[Any, ...]]]], cls: type[Experiment], exp: Experiment,
                  horizon: int) -> dict[int, list[tuple[str, tuple[Any, ...]]]]:
    """The learner's edits: only the three kinds the runner makes, with values the experiment accepts."""
    weights = _weights(exp)
    out: dict[int, list[tuple[str, tuple[Any, ...]]]] = {}
    for key, edits in changes.items():
        if not 0 <= key <= horizon + 1:
            raise unfit("changes", f"an edit at iteration {key}, beyond the run")
        out[key] = []
        for method, args in edits:
            where = f"changes at iteration {key}"
            if method not in CHANGES:
                raise unfit(where, f"{method!r} is not an edit a run makes")
            if method == "set_param":
                if len(args) != 2 or not isinstance(args[0], str):
                    raise unfit(where, "set_param needs a name and a value")
                checked = _values(cls, {args[0]: args[1]}, where)
                out[key].append((method, (args[0], checked[args[0]])))
                continue
            if len(args) != 4 or not isinstance(args[0], str) or args[0] not in weights:
                raise unfit(where, f"{method} of an unknown weight")
            rows, columns = weights[args[0]]
            if not (type(args[1]) is int and type(args[2]) is int and 0 <= args[1] < rows and 0 <= args[2] < columns):
                raise unfit(where, f"{method} of a weight outside {args[0]}")
            if method == "set_weight" and not (is_number(args[3]) and math.isfinite(float(args[3]))):
                raise unfit(where, "set_weight needs a finite number")
            if method == "set_frozen" and not isinstance(args[3], bool):
                raise unfit(where, "set_frozen needs true or false")
            if method == "set_frozen" and getattr(exp, "set_frozen", None) is None:
                raise unfit(where, f"{cls.id} cannot freeze weights")
            out[key].append((method, tuple(args)))
    return out


def _check_table(columns: dict[str, Any], stride: int, known: int, budget: int, name: str, index: str) -> None:
    if stride & (stride - 1):
        raise unfit(f"history of {name}", "its stride is not a power of two")
    rows = -(-known // stride)
    for key, column in columns.items():
        if not (isinstance(column, np.ndarray) and column.dtype == np.float64 and column.shape == (rows,)):
            raise unfit(f"history of {name}", f"column {key!r} must hold {rows} numbers")
    if rows * 8 * len(columns) > 2 * budget:
        raise unfit(f"history of {name}", "larger than a run keeps")
    if index in columns and not np.array_equal(columns[index], np.arange(0, known, stride, dtype=float)):
        raise unfit(f"history of {name}", f"its rows are not every {stride}th {index}")


def _check_divergence(divergence: Any, horizon: int) -> None:
    if divergence is None:
        return
    if not (isinstance(divergence, dict) and set(divergence) == {"iteration", "error", "reason", "bound", "facts"}
            and type(divergence["iteration"]) is int and 0 <= divergence["iteration"] < max(horizon, 1)
            and isinstance(divergence["error"], float) and divergence["reason"] in ("non_finite", "bound")
            and isinstance(divergence["bound"], float) and isinstance(divergence["facts"], dict)
            and all(isinstance(k, str) and is_number(v) for k, v in divergence["facts"].items())):
        raise unfit("divergence", "malformed")


#: The check runs the saved run on from its state for at most this long (one iteration, or its first phases: an
#: encrypted aggregation or a large model's batch is not waited for).
GO_ON_SECONDS = 0.5


def _go_on(exp: Experiment) -> None:
    """Run the next iteration phase by phase, for at most GO_ON_SECONDS."""
    phases = exp.phases()
    deadline = time.perf_counter() + GO_ON_SECONDS
    try:
        while time.perf_counter() < deadline:
            next(phases)
    except StopIteration:
        pass
    finally:
        phases.close()


def check_run(saved: SavedRun, make: Make) -> Experiment:
    """Check `saved` against a fresh experiment from `make(cls, seed, start_values)` and return that experiment
    with the saved state loaded (RunFileError if any part does not fit; nothing else changes). The kept states are
    thinned to what a run keeps (learning.history.Snapshots), as the runner would."""
    try:
        cls = catalogue.get(saved.experiment_id)
    except catalogue.UnknownExperiment:
        raise RunFileError(f"this run was made with the experiment {saved.experiment_id!r}, which this version of "
                           "Grokking Lab does not have") from None
    start = _values(cls, saved.start_values, "start values")
    try:
        exp = make(cls, saved.seed, start)
        exp.use_results(saved.results)  # built on what the run was built on, not on this session's results
    except (ParamError, ValueError) as exc:
        raise unfit("start values" if isinstance(exc, ParamError) else "results", str(exc)) from None
    template = exp.state()
    specs = exp.state_spec()
    rule = specs.get("epoch_records")
    record = None
    if exp.epoch_size and (rule is None or isinstance(rule, EpochRecords) and rule.record is None):
        record = exp.step().record  # what a record of this experiment holds; then back to the start
        exp.load_state(template)
        template = exp.state()
    size = exp.epoch_size
    count, horizon = saved.count, saved.horizon
    seen: set[int] = set()  # the states' records (which they share), each checked once
    try:
        state = check_state(saved.state, template, specs, record, cls, count, size, "state", seen)
    except RunFileError as exc:
        names = getattr(cls, "datasets", ())
        if not names:
            raise
        raise RunFileError(f"{exc} (was it saved with another copy of the {names[0]} data set than the one "
                           "here, the sample or the full set?)") from None
    if 0 not in saved.snapshots:
        raise unfit("snapshots", "the state at iteration 0 is missing")
    grid = Snapshots(epoch_size=size)
    grid.level = saved.snapshot_level
    snapshots = {}
    for iteration, snapshot in saved.snapshots.items():
        if not 0 <= iteration <= horizon or not grid.on_grid(iteration):
            raise unfit("snapshots", f"a state at iteration {iteration}, off the run's grid")
        snapshots[iteration] = check_state(snapshot, template, specs, record, cls, iteration, size,
                                           f"snapshot {iteration}", seen)
    changes = check_changes(saved.changes, cls, exp, horizon)
    _check_table(saved.iterations, saved.iteration_stride, horizon, ITERATION_BUDGET, "iterations", "iteration")
    _check_table(saved.epochs, saved.epoch_stride, horizon // size if size else 0, EPOCH_BUDGET, "epochs", "epoch")
    _check_divergence(saved.divergence, horizon)
    grid.restore(snapshots, saved.snapshot_level)  # what the run keeps of them, within its limits
    try:  # every kept state must load, the run must go on from its state, and the network must draw from it
        for iteration in sorted(grid.states):
            exp.load_state(grid.states[iteration])
        exp.load_state(state)
        _go_on(exp)
        exp.load_state(state)
        exp.network()
    except NotImplementedError:
        pass
    except Exception as exc:  # noqa: BLE001 - any failure means the file does not fit; it is refused
        raise unfit("state", f"{type(exc).__name__}: {exc}") from None
    saved.state, saved.snapshots, saved.snapshot_level = state, grid.states, grid.level
    saved.changes, saved.start_values = changes, start
    return exp
