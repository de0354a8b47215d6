"""What a run remembers, in bounded memory: its scalar figures per iteration and per epoch, and states to rewind to.

- `History` keeps one row of figures per iteration (and per epoch) in numpy columns. A run of any length fits a
  byte budget: when a table is full, every second row is dropped and from then on only every `stride`-th record
  is kept (rows stay evenly spread: row r is record r * stride). The "iteration" and "epoch" columns say which
  record a row is.
- History has a position (`count`, the iterations done as the learner sees them) and may know rows beyond it: after
  a rewind the rows of the run's future are kept, and replaying along the same path only moves the position.
  `forget_after` drops them when the run takes another path.
- `Snapshots` keeps states of the run (`Experiment.state()`) on a grid that coarsens as the run grows, within a
  byte budget; rewinding to any iteration is: the nearest kept state at or before it, then replay (exact, the
  experiment owns its RandomState). For experiments with epochs the grid always includes epoch starts, and once it
  is coarser than an epoch it holds epoch starts only (whose states carry no records of an unfinished epoch).
- `decimate` turns a run's columns into a short curve (an earlier run shown faintly), not a copy.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from learning.divergence import record_error

#: Bytes the iteration rows, the epoch rows and the kept states of one run may use.
ITERATION_BUDGET = 12 * 2**20
EPOCH_BUDGET = 4 * 2**20
SNAPSHOT_BUDGET = 16 * 2**20
#: Most states kept: scrubbing replays at most about 2 x run length / MOST_SNAPSHOTS iterations (<= 512 at 10^6).
MOST_SNAPSHOTS = 4096
#: Points of an earlier run's curve.
ARCHIVE_POINTS = 2048


class Column:
    """A float64 buffer that doubles when full, up to `most` values when given; `view` is the filled part."""

    def __init__(self, capacity: int = 1024, most: int | None = None) -> None:
        self.most = most
        self._data = np.full(capacity if most is None else max(1, min(capacity, most)), np.nan)
        self.size = 0

    def append(self, value: float) -> None:
        """Add one value at the end (OverflowError past `most`)."""
        if self.size == len(self._data):
            room = 2 * len(self._data) if self.most is None else min(2 * len(self._data), self.most)
            if room <= self.size:
                raise OverflowError("column full")  # a Table thins out before this can happen
            grown = np.full(room, np.nan)
            grown[: self.size] = self._data[: self.size]
            self._data = grown
        self._data[self.size] = value
        self.size += 1

    def pad_to(self, size: int) -> None:
        """Fill with NaN up to `size` values (a column that appears late)."""
        while self.size < size:
            self.append(np.nan)

    @property
    def view(self) -> np.ndarray:
        """The values so far."""
        return self._data[: self.size]

    @property
    def nbytes(self) -> int:
        """Bytes held (the whole buffer)."""
        return self._data.nbytes

    def truncate(self, size: int) -> None:
        """Forget the values from index `size` on."""
        self._data[size: self.size] = np.nan
        self.size = min(self.size, size)

    def halve(self) -> None:
        """Keep every second value (0, 2, 4, ...) and at most `most` values of room."""
        kept = self._data[: self.size: 2].copy()
        room = len(self._data) if self.most is None else max(len(kept), 1, min(len(self._data), self.most))
        self._data = np.full(room, np.nan)
        self._data[: len(kept)] = kept
        self.size = len(kept)


class Visible:
    """The visible part of a column: `view` (a numpy view, no copy), like Column's."""

    __slots__ = ("view",)

    def __init__(self, view: np.ndarray) -> None:
        self.view = view

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return self.view if dtype is None else self.view.astype(dtype)

    def __len__(self) -> int:
        return len(self.view)


def _scalars(record: dict[str, Any]) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in record.items():
        kind = type(value)
        if kind is float or kind is int:
            out[key] = float(value)
        elif kind is not bool and isinstance(value, np.integer | np.floating):
            out[key] = float(value)
    error = record_error(record)
    if error is not None:
        out["error"] = error
    return out


class Table:
    """Rows of scalar figures, one per kept record, in at most `budget` bytes: when the rows fill the budget every
    second row is dropped and from then on every `stride`-th record is kept (row r is record r * stride)."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.clear()

    def clear(self) -> None:
        """Forget every row."""
        self.columns: dict[str, Column] = {}
        self.count = 0  # records up to the position
        self.recorded = 0  # records known (>= count; more after a rewind)
        self.stride = 1
        self.rows = 0  # rows stored, for the records known

    def most_rows(self, columns: int | None = None) -> int:
        """Rows the budget allows for this many columns (default: the columns there are)."""
        return max(2, self.budget // (8 * max(1, len(self.columns) if columns is None else columns)))

    @property
    def visible_rows(self) -> int:
        """Rows of the records before the position."""
        return min(self.rows, -(-self.count // self.stride))

    @property
    def nbytes(self) -> int:
        """Bytes held by the columns."""
        return sum(c.nbytes for c in self.columns.values())

    def wants(self) -> bool:
        """True if the next record's figures would be stored (so that callers skip computing them otherwise)."""
        return self.count >= self.recorded and self.count % self.stride == 0

    def add(self, values: dict[str, float]) -> bool:
        """Record the next record's figures; True if a row was stored. Along a known path (after a rewind) the
        row is already there and only the position moves."""
        if self.count < self.recorded:
            self.count += 1
            return False
        stored = False
        if self.count % self.stride == 0:
            fresh = [key for key in values if key not in self.columns]
            most = self.most_rows(len(self.columns) + len(fresh))
            while self.rows >= most:
                self._thin(most)
            if self.count % self.stride == 0:
                for column in self.columns.values():
                    column.most = most
                for key in fresh:
                    column = self.columns[key] = Column(most=most)
                    column.pad_to(self.rows)
                for key, column in self.columns.items():
                    column.append(values.get(key, np.nan))
                self.rows += 1
                stored = True
        self.count += 1
        self.recorded = self.count
        return stored

    def _thin(self, most: int) -> None:
        """Keep every second row; from now on every (2 x stride)-th record."""
        for column in self.columns.values():
            column.most = most
            column.halve()
        self.rows = -(-self.rows // 2)
        self.stride *= 2

    def restore(self, columns: dict[str, np.ndarray], stride: int, recorded: int, count: int) -> None:
        """Take the rows of a saved run: columns of ceil(recorded / stride) rows, the position at `count`."""
        self.clear()
        self.stride = stride
        self.recorded = recorded
        self.count = min(count, recorded)
        self.rows = -(-recorded // stride)
        most = max(self.most_rows(len(columns)), self.rows)
        for name, values in columns.items():
            column = self.columns[name] = Column(capacity=max(self.rows, 1), most=most)
            column._data[: self.rows] = values[: self.rows]
            column.size = self.rows

    def seek(self, count: int) -> None:
        """Move the position to `count` records (at most the records known)."""
        self.count = max(0, min(int(count), self.recorded))

    def forget_after(self, count: int) -> None:
        """Drop the rows of records from `count` on (the run takes another path)."""
        count = max(0, min(int(count), self.recorded))
        rows = -(-count // self.stride)
        for column in self.columns.values():
            column.truncate(rows)
        self.rows = min(self.rows, rows)
        self.recorded = count
        self.count = min(self.count, count)

    def series(self, name: str) -> np.ndarray:
        """Column `name` up to the position (empty if there is no such figure)."""
        column = self.columns.get(name)
        return column.view[: self.visible_rows] if column is not None else np.empty(0)

    def visible(self) -> dict[str, Visible]:
        """Every column up to the position (views, no copies)."""
        rows = self.visible_rows
        return {name: Visible(column.view[:rows]) for name, column in self.columns.items()}


class History:
    """Scalar figures of the iterations ("error" is the summed error) and epochs of one run, in bounded memory.

    `count` / `epoch_count` are the iterations and epochs done up to the position; `iterations` / `epochs` hold
    the visible rows (`series` gives one column; the "iteration" and "epoch" columns say which rows they are)."""

    def __init__(self, iteration_budget: int = ITERATION_BUDGET, epoch_budget: int = EPOCH_BUDGET) -> None:
        self.iteration_table = Table(iteration_budget)
        self.epoch_table = Table(epoch_budget)
        self.clear()

    def clear(self) -> None:
        """Forget everything (a new run)."""
        self.iteration_table.clear()
        self.epoch_table.clear()
        self.last_record: dict[str, Any] | None = None

    @property
    def count(self) -> int:
        """Iterations done up to the position."""
        return self.iteration_table.count

    @property
    def epoch_count(self) -> int:
        """Epochs done up to the position."""
        return self.epoch_table.count

    @property
    def recorded(self) -> int:
        """Iterations known (more than `count` after a rewind)."""
        return self.iteration_table.recorded

    @property
    def stride(self) -> int:
        """Every how many iterations a row is kept (1 until the run outgrows its budget)."""
        return self.iteration_table.stride

    @property
    def iterations(self) -> dict[str, Visible]:
        """Visible iteration columns by name (each with `.view`)."""
        return self.iteration_table.visible()

    @property
    def epochs(self) -> dict[str, Visible]:
        """Visible epoch columns by name (each with `.view`)."""
        return self.epoch_table.visible()

    @property
    def nbytes(self) -> int:
        """Bytes held by both tables."""
        return self.iteration_table.nbytes + self.epoch_table.nbytes

    def add_iteration(self, record: dict[str, Any]) -> None:
        """Remember one iteration record."""
        table = self.iteration_table
        table.add(_scalars(record) if table.wants() else {})
        self.last_record = record

    def add_epoch(self, record: dict[str, Any]) -> None:
        """Remember one epoch record."""
        self.epoch_table.add(_scalars(record))

    def restore(self, iterations: dict[str, np.ndarray], iteration_stride: int, epochs: dict[str, np.ndarray],
                epoch_stride: int, recorded: int, count: int, epoch_size: int | None) -> None:
        """Take the rows of a saved run that knows `recorded` iterations and stands at `count`."""
        self.iteration_table.restore(iterations, iteration_stride, recorded, count)
        size = epoch_size or 0
        self.epoch_table.restore(epochs, epoch_stride, recorded // size if size else 0, count // size if size else 0)
        self.last_record = None

    def seek(self, iterations: int, epochs: int) -> None:
        """Move the position back or forward along the known run (a rewind; replay then moves it on)."""
        self.iteration_table.seek(iterations)
        self.epoch_table.seek(epochs)
        self.last_record = None

    def truncate(self, iterations: int, epochs: int) -> None:
        """Forget everything after the first `iterations` iterations and `epochs` epochs."""
        self.forget_after(iterations, epochs)
        self.last_record = None

    def forget_after(self, iterations: int, epochs: int) -> None:
        """Drop what was known beyond these counts (the run takes another path from there)."""
        self.iteration_table.forget_after(iterations)
        self.epoch_table.forget_after(epochs)

    def series(self, name: str, epochs: bool = False) -> np.ndarray:
        """The column `name` up to the position (empty if the run has no such figure)."""
        return (self.epoch_table if epochs else self.iteration_table).series(name)

    def decimated(self, points: int = ARCHIVE_POINTS) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
        """Copies of the visible columns, at most `points` rows each: a curve of the run, not the run."""
        return (decimate({k: v.view for k, v in self.iteration_table.visible().items()}, points),
                decimate({k: v.view for k, v in self.epoch_table.visible().items()}, points))


def decimate(columns: dict[str, np.ndarray], points: int = ARCHIVE_POINTS) -> dict[str, np.ndarray]:
    """Every k-th row of each column (and always the last), at most about `points` rows; copies."""
    out: dict[str, np.ndarray] = {}
    for name, values in columns.items():
        n = len(values)
        if n <= points:
            out[name] = np.array(values, dtype=float)
            continue
        step = math.ceil(n / (points - 1))
        index = np.arange(0, n, step)
        if index[-1] != n - 1:
            index = np.append(index, n - 1)
        out[name] = np.asarray(values, dtype=float)[index]
    return out


# -- states ----------------------------------------------------------------------------------------

def deep_bytes(value: Any) -> int:
    """Rough bytes held by a state value: arrays by their data, containers by their items, scalars ~ 32."""
    if isinstance(value, np.ndarray):
        return value.nbytes + 112
    if isinstance(value, dict):
        return 64 + 40 * len(value) + sum(deep_bytes(v) for v in value.values())
    if isinstance(value, list | tuple):
        return 56 + 8 * len(value) + sum(deep_bytes(v) for v in value)
    if isinstance(value, str | bytes):
        return 49 + len(value)
    return 32


def state_bytes(state: dict[str, Any]) -> int:
    """Bytes of a state, its records of an unfinished epoch counted as pointers only (they are shared)."""
    return sum(8 * len(v) + 56 if k == "epoch_records" and isinstance(v, list) else deep_bytes(v)
               for k, v in state.items())


class Snapshots:
    """States of a run taken before iterations, on a grid that coarsens so that at most `most` states and about
    `budget_bytes` are kept. The grid at level L: every 2^L-th iteration; with epochs of E iterations, every
    2^L-th iteration of each epoch while 2^L < E, then every 2^(L-m)-th epoch start (2^m >= E). Each level's
    grid is part of the level below, so coarsening only drops states."""

    def __init__(self, budget_bytes: int = SNAPSHOT_BUDGET, most: int = MOST_SNAPSHOTS,
                 epoch_size: int | None = None) -> None:
        self.budget_bytes = budget_bytes
        self.most = most
        self.clear(epoch_size)

    def clear(self, epoch_size: int | None = None) -> None:
        """Forget every state (a new run)."""
        self.states: dict[int, dict[str, Any]] = {}
        self.epoch_size = epoch_size if epoch_size and epoch_size > 1 else None
        self.level = 0
        self.limit = self.most  # kept for callers that read it
        self._last_rs: tuple[Any, ...] | None = None
        self._recount()

    @property
    def stride(self) -> int:
        """The grid's spacing in iterations (epochs count as their size)."""
        if self.epoch_size is None:
            return 1 << self.level
        m = max(0, math.ceil(math.log2(self.epoch_size)))
        return 1 << self.level if self.level < m else self.epoch_size << (self.level - m)

    def on_grid(self, iteration: int, level: int | None = None) -> bool:
        """True if `iteration` is on the grid of `level` (default: the current level)."""
        level = self.level if level is None else level
        size = self.epoch_size
        if size is None:
            return iteration % (1 << level) == 0
        m = max(0, math.ceil(math.log2(size)))
        within = iteration % size
        if level < m:
            return within % (1 << level) == 0
        return within == 0 and (iteration // size) % (1 << (level - m)) == 0

    def wants(self, iteration: int) -> bool:
        """True if a state before this iteration should be kept."""
        return iteration not in self.states and self.on_grid(iteration)

    @property
    def nbytes(self) -> int:
        """Bytes the kept states hold: their own parts, and what they share (a random state that did not change,
        the records of an unfinished epoch) once."""
        return self._own + sum(self._shared.values())

    @staticmethod
    def _parts(state: dict[str, Any]) -> tuple[int, dict[int, int]]:
        """(bytes of the state's own parts, {id: bytes} of the parts it may share with other states)."""
        shared: dict[int, int] = {}
        own = 0
        for key, value in state.items():
            if key == "epoch_records" and isinstance(value, list):
                own += 8 * len(value) + 56
                if value:  # one epoch's records, counted once for the longest list that holds them
                    shared[id(value[0])] = len(value) * deep_bytes(value[0])
            elif key == "rs":
                shared[id(value)] = deep_bytes(value)
            else:
                own += deep_bytes(value)
        return own, shared

    def _count(self, state: dict[str, Any]) -> None:
        own, shared = self._parts(state)
        self._own += own
        for key, size in shared.items():
            self._shared[key] = max(self._shared.get(key, 0), size)

    def _recount(self) -> None:
        self._own = 0
        self._shared: dict[int, int] = {}
        for state in self.states.values():
            self._count(state)

    def add(self, iteration: int, state: dict[str, Any]) -> None:
        """Keep the state taken before `iteration`; coarsen the grid while over the limits. A random state equal
        to the last one kept (experiments that draw only when they start) is shared, not kept twice."""
        rs, last = state.get("rs"), self._last_rs
        if (isinstance(rs, tuple) and len(rs) == 5 and isinstance(last, tuple) and rs[0] == last[0]
                and rs[2:] == last[2:] and np.array_equal(rs[1], last[1])):
            state["rs"] = last
        self._last_rs = state.get("rs")
        if iteration in self.states:
            del self.states[iteration]
            self._recount()
        self.states[iteration] = state
        self._count(state)
        while len(self.states) > 1 and (len(self.states) > self.most or self.nbytes > self.budget_bytes):
            self.level += 1
            self.states = {i: s for i, s in self.states.items() if self.on_grid(i)}
            self._recount()

    def restore(self, states: dict[int, dict[str, Any]], level: int) -> None:
        """Take the states of a saved run (on the grid of `level`); coarsen if they exceed this run's limits."""
        self.states = {}
        self._recount()
        self.level = level
        for iteration in sorted(states):
            self.add(iteration, states[iteration])

    def replace(self, iteration: int, state: dict[str, Any]) -> None:
        """Take the state before `iteration` again (the learner changed something there after a rewind)."""
        self.add(iteration, state)

    def nearest(self, iteration: int) -> tuple[int, dict[str, Any]]:
        """The latest kept state at or before `iteration` (KeyError if none)."""
        earlier = [i for i in self.states if i <= iteration]
        if not earlier:
            raise KeyError(iteration)
        base = max(earlier)
        return base, self.states[base]

    def drop_after(self, iteration: int) -> None:
        """Forget the states after `iteration` (the run took another path)."""
        self.states = {i: s for i, s in self.states.items() if i <= iteration}
        self._recount()
