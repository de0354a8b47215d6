"""Checking a saved run against the experiment it names, before anything uses it.

Every part of a SavedRun is compared with a freshly built experiment of the same id: parameters through their
declarations, states (the current one and each kept one) shape by shape and type by type against the fresh
experiment's own `state()`, the records of an unfinished epoch against a record the experiment makes, the
learner's edits against the declared parameters and the weights' shapes, the history's rows against the run's
length. A file that passes is loaded into that fresh experiment; nothing else was touched.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from learning import catalogue
from learning.experiment import Experiment, ParamError
from learning.history import EPOCH_BUDGET, ITERATION_BUDGET, Snapshots
from learning.runfile import RunFileError, SavedRun

#: The learner's edits a run replays, and nothing else.
CHANGES = ("set_param", "set_weight", "set_frozen")
MAX_TEXT = 1000

Make = Callable[[type[Experiment], "int | None", dict[str, Any]], Experiment]


def _unfit(where: str, what: str) -> RunFileError:
    return RunFileError(f"this saved run does not fit its experiment: {where}: {what}")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool | np.bool_)


def _free(value: Any, where: str, depth: int = 0) -> None:
    """A value whose template is None (set later by the run): plain numbers, strings, small containers, arrays."""
    if depth > 6:
        raise _unfit(where, "nested too deeply")
    if value is None or isinstance(value, bool | np.bool_) or _is_number(value):
        return
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise _unfit(where, "a text too long")
        return
    if isinstance(value, np.ndarray):
        if value.size > 10_000_000:
            raise _unfit(where, "an array too large")
        return
    if isinstance(value, list | tuple):
        if len(value) > 100_000:
            raise _unfit(where, "a list too long")
        for v in value:
            _free(v, where, depth + 1)
        return
    if isinstance(value, dict):
        if len(value) > 10_000:
            raise _unfit(where, "a table too large")
        for k, v in value.items():
            if not isinstance(k, str):
                raise _unfit(where, "a table with a key that is not a name")
            _free(v, f"{where}.{k}", depth + 1)
        return
    raise _unfit(where, f"an unexpected {type(value).__name__}")


def conform(value: Any, template: Any, where: str) -> None:
    """`value` has the shape of `template` (a value the experiment itself makes): same array shapes and dtypes,
    same keys, same lengths, numbers where numbers are; RunFileError otherwise."""
    if isinstance(template, np.ndarray):
        if not isinstance(value, np.ndarray) or value.dtype != template.dtype or value.shape != template.shape:
            got = f"{value.dtype} {value.shape}" if isinstance(value, np.ndarray) else type(value).__name__
            raise _unfit(where, f"an array of {template.dtype} {template.shape} expected, not {got}")
        return
    if template is None:
        _free(value, where)
        return
    if isinstance(template, bool | np.bool_):
        if not isinstance(value, bool | np.bool_):
            raise _unfit(where, "true or false expected")
        return
    if _is_number(template):
        if not _is_number(value):
            raise _unfit(where, "a number expected")
        return
    if isinstance(template, str):
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise _unfit(where, "a text expected")
        return
    if isinstance(template, list | tuple):
        if not template and isinstance(value, list | tuple):  # a log the run grows (rounds, samples): plain data
            _free(value, where)
            return
        if type(value) is not type(template) or len(value) != len(template):
            raise _unfit(where, f"{len(template)} values expected")
        for i, (v, t) in enumerate(zip(value, template, strict=True)):
            conform(v, t, f"{where}[{i}]")
        return
    if isinstance(template, dict):
        if not isinstance(value, dict) or set(value) != set(template):
            missing = set(template) - set(value) if isinstance(value, dict) else set(template)
            extra = set(value) - set(template) if isinstance(value, dict) else set()
            raise _unfit(where, f"other entries expected (missing {sorted(map(str, missing))}, "
                                f"unknown {sorted(map(str, extra))})")
        for key, t in template.items():
            conform(value[key], t, f"{where}.{key}")
        return
    raise _unfit(where, f"an unexpected {type(template).__name__} in the experiment")  # pragma: no cover


def _values(cls: type[Experiment], values: Any, where: str) -> dict[str, Any]:
    if not isinstance(values, dict):
        raise _unfit(where, "a table of parameter values expected")
    out = {}
    for name, value in values.items():
        try:
            out[name] = cls.param(name).check(list(value) if isinstance(value, list) else value)
        except ParamError as exc:
            raise _unfit(where, str(exc)) from None
    return out


def check_state(state: Any, template: dict[str, Any], record: dict[str, Any] | None, cls: type[Experiment],
                iteration: int, epoch_size: int | None, where: str) -> dict[str, Any]:
    """A state taken before `iteration`, checked against the experiment's own; returns it with checked values."""
    if not isinstance(state, dict) or set(state) != set(template):
        raise _unfit(where, "its parts are not the experiment's")
    if state["iteration_index"] != iteration:
        raise _unfit(where, f"it is the state before iteration {state['iteration_index']!r}, not {iteration}")
    values = _values(cls, state["values"], f"{where}.values")
    if set(values) != set(template["values"]):
        raise _unfit(f"{where}.values", "not every parameter is there")
    rs = state["rs"]
    if not (isinstance(rs, tuple) and len(rs) == 5 and rs[0] == "MT19937" and isinstance(rs[1], np.ndarray)
            and rs[1].dtype == np.uint32 and rs[1].shape == (624,) and type(rs[2]) is int and 0 <= rs[2] <= 624
            and rs[3] in (0, 1) and type(rs[3]) is int and isinstance(rs[4], float)):
        raise _unfit(f"{where}.rs", "not a random state")
    records = state["epoch_records"]
    expected = iteration % epoch_size if epoch_size else 0
    if not isinstance(records, list) or len(records) != expected:
        raise _unfit(f"{where}.epoch_records", f"{expected} records of the unfinished epoch expected")
    for i, r in enumerate(records):
        conform(r, record, f"{where}.epoch_records[{i}]")
    for key, t in template.items():
        if key not in ("iteration_index", "values", "rs", "epoch_records"):
            conform(state[key], t, f"{where}.{key}")
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
            raise _unfit("changes", f"an edit at iteration {key}, beyond the run")
        out[key] = []
        for method, args in edits:
            where = f"changes at iteration {key}"
            if method not in CHANGES:
                raise _unfit(where, f"{method!r} is not an edit a run makes")
            if method == "set_param":
                if len(args) != 2 or not isinstance(args[0], str):
                    raise _unfit(where, "set_param needs a name and a value")
                checked = _values(cls, {args[0]: args[1]}, where)
                out[key].append((method, (args[0], checked[args[0]])))
                continue
            if len(args) != 4 or not isinstance(args[0], str) or args[0] not in weights:
                raise _unfit(where, f"{method} of an unknown weight")
            rows, columns = weights[args[0]]
            if not (type(args[1]) is int and type(args[2]) is int and 0 <= args[1] < rows and 0 <= args[2] < columns):
                raise _unfit(where, f"{method} of a weight outside {args[0]}")
            if method == "set_weight" and not (_is_number(args[3]) and math.isfinite(float(args[3]))):
                raise _unfit(where, "set_weight needs a finite number")
            if method == "set_frozen" and not isinstance(args[3], bool):
                raise _unfit(where, "set_frozen needs true or false")
            if method == "set_frozen" and getattr(exp, "set_frozen", None) is None:
                raise _unfit(where, f"{cls.id} cannot freeze weights")
            out[key].append((method, tuple(args)))
    return out


def _check_table(columns: dict[str, Any], stride: int, known: int, budget: int, name: str, index: str) -> None:
    if stride & (stride - 1):
        raise _unfit(f"history of {name}", "its stride is not a power of two")
    rows = -(-known // stride)
    for key, column in columns.items():
        if not (isinstance(column, np.ndarray) and column.dtype == np.float64 and column.shape == (rows,)):
            raise _unfit(f"history of {name}", f"column {key!r} must hold {rows} numbers")
    if rows * 8 * len(columns) > 2 * budget:
        raise _unfit(f"history of {name}", "larger than a run keeps")
    if index in columns and not np.array_equal(columns[index], np.arange(0, known, stride, dtype=float)):
        raise _unfit(f"history of {name}", f"its rows are not every {stride}th {index}")


def _check_divergence(divergence: Any, horizon: int) -> None:
    if divergence is None:
        return
    if not (isinstance(divergence, dict) and set(divergence) == {"iteration", "error", "reason", "bound", "facts"}
            and type(divergence["iteration"]) is int and 0 <= divergence["iteration"] < max(horizon, 1)
            and isinstance(divergence["error"], float) and divergence["reason"] in ("non_finite", "bound")
            and isinstance(divergence["bound"], float) and isinstance(divergence["facts"], dict)
            and all(isinstance(k, str) and _is_number(v) for k, v in divergence["facts"].items())):
        raise _unfit("divergence", "malformed")


def check_run(saved: SavedRun, make: Make) -> Experiment:
    """Check `saved` against a fresh experiment from `make(cls, seed, start_values)` and return that experiment
    with the saved state loaded (RunFileError if any part does not fit; nothing else changes)."""
    try:
        cls = catalogue.get(saved.experiment_id)
    except catalogue.UnknownExperiment:
        raise RunFileError(f"this run was made with the experiment {saved.experiment_id!r}, which this version of "
                           "Grokking Lab does not have") from None
    start = _values(cls, saved.start_values, "start values")
    try:
        exp = make(cls, saved.seed, start)
    except ParamError as exc:
        raise _unfit("start values", str(exc)) from None
    template = exp.state()
    record = None
    if exp.epoch_size:
        record = exp.step().record  # what a record of this experiment holds; then back to the start
        exp.load_state(template)
        template = exp.state()
    size = exp.epoch_size
    count, horizon = saved.count, saved.horizon
    state = check_state(saved.state, template, record, cls, count, size, "state")
    if 0 not in saved.snapshots:
        raise _unfit("snapshots", "the state at iteration 0 is missing")
    grid = Snapshots(epoch_size=size)
    grid.level = saved.snapshot_level
    snapshots = {}
    for iteration, snapshot in saved.snapshots.items():
        if not 0 <= iteration <= horizon or not grid.on_grid(iteration):
            raise _unfit("snapshots", f"a state at iteration {iteration}, off the run's grid")
        snapshots[iteration] = check_state(snapshot, template, record, cls, iteration, size,
                                           f"snapshot {iteration}")
    changes = check_changes(saved.changes, cls, exp, horizon)
    _check_table(saved.iterations, saved.iteration_stride, horizon, ITERATION_BUDGET, "iterations", "iteration")
    _check_table(saved.epochs, saved.epoch_stride, horizon // size if size else 0, EPOCH_BUDGET, "epochs", "epoch")
    _check_divergence(saved.divergence, horizon)
    kept = sorted(snapshots)
    trial = kept[:: max(1, len(kept) // 32)] + kept[-1:]  # each was checked part by part; some are loaded too
    try:  # the states must load, and the network must draw from them
        for iteration in trial:
            exp.load_state(snapshots[iteration])
        exp.load_state(state)
        exp.step()  # and the run must go on from the last one (free-form logs in a state are plain data only)
        exp.load_state(state)
        exp.network()
    except NotImplementedError:
        pass
    except Exception as exc:  # noqa: BLE001 - any failure means the file does not fit; it is refused
        raise _unfit("state", f"{type(exc).__name__}: {exc}") from None
    saved.state, saved.snapshots, saved.changes, saved.start_values = state, snapshots, changes, start
    return exp
