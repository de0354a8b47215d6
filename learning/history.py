"""What a run remembers: its scalar figures per iteration and per epoch, in growing numpy columns."""

from __future__ import annotations

from typing import Any

import numpy as np

from learning.divergence import record_error


class Column:
    """A float64 buffer that doubles when full; `view` is the filled part (no copy)."""

    def __init__(self, capacity: int = 1024) -> None:
        self._data = np.full(capacity, np.nan)
        self.size = 0

    def append(self, value: float) -> None:
        """Add one value at the end."""
        if self.size == len(self._data):
            grown = np.full(2 * len(self._data), np.nan)
            grown[: self.size] = self._data
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

    def truncate(self, size: int) -> None:
        """Forget the values from index `size` on."""
        self._data[size: self.size] = np.nan
        self.size = min(self.size, size)


class History:
    """Scalar figures of every iteration ("error" is the summed error) and every epoch of one run."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Forget everything (a new run)."""
        self.iterations: dict[str, Column] = {}
        self.epochs: dict[str, Column] = {}
        self.count = 0
        self.epoch_count = 0
        self.last_record: dict[str, Any] | None = None

    @staticmethod
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

    @staticmethod
    def _add(columns: dict[str, Column], count: int, values: dict[str, float]) -> None:
        for key, value in values.items():
            column = columns.get(key)
            if column is None:
                column = columns[key] = Column()
                column.pad_to(count)
            column.append(value)
        if len(columns) != len(values):
            for key, column in columns.items():
                if key not in values:
                    column.append(np.nan)

    def add_iteration(self, record: dict[str, Any]) -> None:
        """Remember one iteration record."""
        self._add(self.iterations, self.count, self._scalars(record))
        self.count += 1
        self.last_record = record

    def add_epoch(self, record: dict[str, Any]) -> None:
        """Remember one epoch record."""
        self._add(self.epochs, self.epoch_count, self._scalars(record))
        self.epoch_count += 1

    def truncate(self, iterations: int, epochs: int) -> None:
        """Forget everything after the first `iterations` iterations and `epochs` epochs (a rewind)."""
        for column in self.iterations.values():
            column.truncate(iterations)
        for column in self.epochs.values():
            column.truncate(epochs)
        self.count = min(self.count, iterations)
        self.epoch_count = min(self.epoch_count, epochs)
        self.last_record = None

    def series(self, name: str, epochs: bool = False) -> np.ndarray:
        """The column `name` so far (empty if the run has no such figure)."""
        columns = self.epochs if epochs else self.iterations
        column = columns.get(name)
        return column.view if column is not None else np.empty(0)


def state_bytes(state: dict[str, Any]) -> int:
    """Rough size of a state: the bytes of its arrays (small values count as 64 bytes)."""
    return sum(v.nbytes if isinstance(v, np.ndarray) else 64 for v in state.values())


class Snapshots:
    """States of a run taken before iterations, thinned to a bounded memory: every `stride`-th iteration is
    kept, and the stride doubles when the budget is full. Rewinding = nearest earlier state + replay."""

    def __init__(self, budget_bytes: int = 64 * 2**20, most: int = 512) -> None:
        self.budget_bytes = budget_bytes
        self.most = most
        self.clear()

    def clear(self) -> None:
        """Forget every state (a new run)."""
        self.states: dict[int, dict[str, Any]] = {}
        self.stride = 1
        self.limit = self.most

    def wants(self, iteration: int) -> bool:
        """True if a state before this iteration should be kept."""
        return iteration % self.stride == 0 and iteration not in self.states

    def add(self, iteration: int, state: dict[str, Any]) -> None:
        """Keep the state taken before `iteration`; thin out when over the limit."""
        if not self.states:
            self.limit = max(8, min(self.most, self.budget_bytes // max(state_bytes(state), 1)))
        self.states[iteration] = state
        while len(self.states) > self.limit:
            self.stride *= 2
            self.states = {i: s for i, s in self.states.items() if i % self.stride == 0}

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
