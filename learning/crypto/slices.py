"""Long work cut into small slices: generators that yield progress and return their result.

Key generation at 2048 bits or encrypting thousands of weights takes seconds, and one big-number `pow` at 2048
bits holds the interpreter (and its lock) for ~90 ms. So every long computation here is a generator ("steps")
that does a few milliseconds of work between yields. A GUI drives it from a timer (`next()` until a time budget
is spent) or runs it in a worker thread with `run()`; both can stop between any two slices.

A step generator yields `Progress(done, total)` and returns its result (`StopIteration.value`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a sliced computation is: `done` of `total` units (total 0 when unknown), and what it is doing."""

    done: int
    total: int
    stage: str = ""


Steps = Generator[Progress, None, T]


class Cancelled(Exception):
    """The cancel callable asked a sliced computation to stop."""


def run(steps: Steps[T], progress: Callable[[Progress], None] | None = None,
        cancelled: Callable[[], bool] | None = None) -> T:
    """Drive `steps` to the end; `progress` hears every slice, `cancelled()` returning True raises Cancelled."""
    while True:
        try:
            step = next(steps)
        except StopIteration as stop:
            return stop.value
        if progress is not None:
            progress(step)
        if cancelled is not None and cancelled():
            steps.close()
            raise Cancelled("stopped")


def run_for(steps: Steps[T], budget: float) -> tuple[bool, T | None, Progress | None]:
    """Advance `steps` for about `budget` seconds (at least one slice): (finished, result, last progress)."""
    end = time.perf_counter() + budget
    last = None
    while True:
        try:
            last = next(steps)
        except StopIteration as stop:
            return True, stop.value, last
        if time.perf_counter() >= end:
            return False, None, last


#: Exponent bits per slice of `powmod_steps`: 64 bits of a 4096-bit modulus are about 3 ms of squarings here.
SLICE_BITS = 64
_WINDOW = 4


def powmod_steps(base: int, exponent: int, modulus: int, slice_bits: int = SLICE_BITS) -> Steps[int]:
    """pow(base, exponent, modulus) (exponent ≥ 0) in slices of `slice_bits` exponent bits, left to right with a
    4-bit window: per window one pow(acc, 16) (four squarings in C) and one multiplication by a table entry, so
    the total work stays that of one pow while no slice holds the interpreter for long."""
    if exponent < 0:
        raise ValueError("powmod_steps needs a non-negative exponent")
    base %= modulus
    table = [1 % modulus, base]
    for _ in range(2, 1 << _WINDOW):
        table.append(table[-1] * base % modulus)
    windows = max(1, (exponent.bit_length() + _WINDOW - 1) // _WINDOW)
    per_slice = max(1, slice_bits // _WINDOW)
    acc = 1 % modulus
    mask = (1 << _WINDOW) - 1
    for k, i in enumerate(range(windows - 1, -1, -1)):
        acc = pow(acc, 1 << _WINDOW, modulus)
        digit = (exponent >> (i * _WINDOW)) & mask
        if digit:
            acc = acc * table[digit] % modulus
        if (k + 1) % per_slice == 0 and i:
            yield Progress(k + 1, windows, "pow")
    return acc


def timed(steps: Steps[T]) -> Steps[tuple[T, float]]:
    """Pass `steps` through and return (its result, the seconds spent inside it), not counting the time between
    slices (when a GUI draws, or the learner waits)."""
    spent = 0.0
    while True:
        start = time.perf_counter()
        try:
            step = next(steps)
        except StopIteration as stop:
            return stop.value, spent + time.perf_counter() - start
        spent += time.perf_counter() - start
        yield step


def finish(steps: Steps[T]) -> T:
    """Run `steps` to the end at once (no progress, no cancel)."""
    return run(steps)
