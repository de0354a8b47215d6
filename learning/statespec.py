"""What each part of a saved state may hold: the rules `learning.runcheck` checks a saved run by.

By default a part must have the form of the same part of a freshly built experiment's `state()` (its *template*):
arrays of the same dtype and shape, dicts with the same keys, lists and tuples of the same length, numbers where
numbers are, text where text is. A random state (numpy's MT19937 tuple) must be one numpy can load, wherever it is.

Some parts change form as a run goes on, and the fresh state cannot show how: a value set later (None at the
start), a log that grows, the rows of a matrix that learning changed, an entry per client that appears with the
first round. An experiment declares those in `Experiment.state_spec()` ({state key: spec}); a spec is a template
(any value of the form above) or one of the classes below, which may nest. Every spec is bounded: an array's
variable dimension has a highest length, a log a longest length, a whole number a range.

A part whose template is None or an empty list and that no spec declares is *free*: plain values within fixed
limits (the views' caches: the last prediction, the last test figures). Nothing here can run code: values are
only compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from learning.runfile import RunFileError

MAX_TEXT = 1000
#: Limits of a free part.
FREE_DEPTH = 6
FREE_ITEMS = 100_000
FREE_ELEMENTS = 10_000_000
#: numpy's MT19937 state: 624 words.
MT_WORDS = 624


def unfit(where: str, what: str) -> RunFileError:
    """The error of a part that does not fit."""
    return RunFileError(f"this saved run does not fit its experiment: {where}: {what}")


def is_number(value: Any) -> bool:
    """A Python or numpy number that is not a truth value."""
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool | np.bool_)


def is_whole(value: Any) -> bool:
    """A Python or numpy whole number that is not a truth value."""
    return isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_)


class Spec:
    """A rule for a part of a state that its template cannot describe."""

    def check(self, value: Any, where: str) -> None:
        """RunFileError (through `unfit`) if `value` breaks the rule."""
        raise NotImplementedError


@dataclass(frozen=True)
class Maybe(Spec):
    """None, or a value of the form of `template` (a value the run sets later)."""

    template: Any

    def check(self, value: Any, where: str) -> None:
        if value is not None:
            conform(value, self.template, where)


@dataclass(frozen=True)
class OneOf(Spec):
    """A value of the form of one of `templates` (e.g. {} before the first round, an entry per client after)."""

    templates: tuple[Any, ...]

    def check(self, value: Any, where: str) -> None:
        errors = []
        for template in self.templates:
            try:
                conform(value, template, where)
                return
            except RunFileError as exc:
                errors.append(str(exc))
        raise RunFileError(errors[-1])


@dataclass(frozen=True)
class Array(Spec):
    """An array of `dtype` whose dimensions are each a length or a (lowest, highest) range, and whose values, when
    `low`/`high` are given, lie in [low, high) (no NaN)."""

    dtype: str
    shape: tuple[int | tuple[int, int], ...]
    low: float | None = None
    high: float | None = None

    def check(self, value: Any, where: str) -> None:
        wanted = "×".join(str(d) if isinstance(d, int) else f"{d[0]}…{d[1]}" for d in self.shape)
        if not (isinstance(value, np.ndarray) and value.dtype == np.dtype(self.dtype)
                and value.ndim == len(self.shape)
                and all(n == d if isinstance(d, int) else d[0] <= n <= d[1]
                        for n, d in zip(value.shape, self.shape, strict=True))):
            got = f"{value.dtype} {value.shape}" if isinstance(value, np.ndarray) else type(value).__name__
            raise unfit(where, f"an array of {self.dtype} ({wanted}) expected, not {got}")
        if value.size and (self.low is not None or self.high is not None):
            inside = np.ones(value.shape, dtype=bool)
            if self.low is not None:
                inside &= value >= self.low
            if self.high is not None:
                inside &= value < self.high
            if not inside.all():
                raise unfit(where, f"values from {self.low} to below {self.high} expected")


@dataclass(frozen=True)
class Indices(Spec):
    """Row numbers of an axis of `size` rows: a 1-d array of whole numbers, strictly ascending, each in
    0 … size − 1 (so at most `size` of them)."""

    size: int
    dtype: str = "int64"

    def check(self, value: Any, where: str) -> None:
        Array(self.dtype, ((0, self.size),), 0, self.size).check(value, where)
        if value.size > 1 and not (np.diff(value) > 0).all():
            raise unfit(where, "row numbers in ascending order, each once, expected")


@dataclass(frozen=True)
class RowPatch(Spec):
    """A matrix as (its starting values, the rows changed since, their values now): a rows × width array of
    `dtype`, Indices(rows), and a len(changed rows) × width array of `dtype` (learning.chapters.ch11_language
    TouchedRows: a state holds the rows a run changed instead of a copy of the whole matrix)."""

    rows: int
    width: int
    dtype: str = "float64"

    def check(self, value: Any, where: str) -> None:
        if not (isinstance(value, tuple) and len(value) == 3):
            raise unfit(where, "(starting matrix, changed rows, their values) expected")
        start, rows, values = value
        Array(self.dtype, (self.rows, self.width)).check(start, f"{where}[0]")
        Indices(self.rows).check(rows, f"{where}[1]")
        Array(self.dtype, (len(rows), self.width)).check(values, f"{where}[2]")


@dataclass(frozen=True)
class Log(Spec):
    """A list of at most `most` items, each of the form of `item` (a log the run grows)."""

    item: Any
    most: int

    def check(self, value: Any, where: str) -> None:
        if not isinstance(value, list):
            raise unfit(where, "a list expected")
        if len(value) > self.most:
            raise unfit(where, f"at most {self.most} entries expected, not {len(value)}")
        for i, v in enumerate(value):
            conform(v, self.item, f"{where}[{i}]")


@dataclass(frozen=True)
class EpochRecords(Spec):
    """The records of the unfinished epoch (one per iteration done in it), each of the form `record` (by default:
    a record a fresh run makes, which costs the check an iteration), some with these `optional` entries too (e.g.
    the sample logged after an epoch's first batch). Checked by learning.runcheck, which knows the epoch."""

    optional: dict[str, Any]
    record: dict[str, Any] | None = None

    def form(self, record: dict[str, Any] | None, value: Any) -> dict[str, Any]:
        """The form a record `value` must have, given a fresh run's `record` when this rule has none."""
        made = self.record if self.record is not None else record
        assert made is not None
        base = {k: v for k, v in made.items() if k not in self.optional}
        if isinstance(value, dict):
            base.update({k: t for k, t in self.optional.items() if k in value})
        return base


@dataclass(frozen=True)
class Whole(Spec):
    """A whole number from `low` to `high`."""

    low: int
    high: int

    def check(self, value: Any, where: str) -> None:
        if not (is_whole(value) and self.low <= value <= self.high):
            raise unfit(where, f"a whole number from {self.low} to {self.high} expected")


@dataclass(frozen=True)
class Exactly(Spec):
    """This very value (e.g. a trainer's parameters, which its run never changes)."""

    value: Any

    def check(self, value: Any, where: str) -> None:
        if not same(value, self.value):
            raise unfit(where, f"{self.value!r} expected")


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types (arrays by dtype, shape and values; NaN equals NaN)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.dtype == b.dtype
                and a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=a.dtype.kind == "f")))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and a != a:
        return isinstance(b, float) and b != b
    return type(a) is type(b) and a == b


def random_state(value: Any, where: str) -> None:
    """numpy's RandomState.get_state(): ("MT19937", 624 uint32 words, a position 0 … 624, has_gauss 0 or 1, the
    cached gaussian). numpy does not check the position it is given: beyond 624 it would read past the words."""
    if not (isinstance(value, tuple) and len(value) == 5 and value[0] == "MT19937"
            and isinstance(value[1], np.ndarray) and value[1].dtype == np.uint32 and value[1].shape == (MT_WORDS,)
            and type(value[2]) is int and 0 <= value[2] <= MT_WORDS and type(value[3]) is int and value[3] in (0, 1)
            and isinstance(value[4], float)):
        raise unfit(where, "not a random state")


def _is_random_state(template: Any) -> bool:
    return isinstance(template, tuple) and len(template) == 5 and template[0] == "MT19937"


def free(value: Any, where: str, depth: int = 0) -> None:
    """A value whose template is None or an empty list and that no spec declares: plain numbers, text, arrays and
    small containers of them."""
    if depth > FREE_DEPTH:
        raise unfit(where, "nested too deeply")
    if value is None or isinstance(value, bool | np.bool_) or is_number(value):
        return
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise unfit(where, "a text too long")
        return
    if isinstance(value, np.ndarray):
        if value.size > FREE_ELEMENTS:
            raise unfit(where, "an array too large")
        return
    if isinstance(value, list | tuple):
        if len(value) > FREE_ITEMS:
            raise unfit(where, "a list too long")
        for v in value:
            free(v, where, depth + 1)
        return
    if isinstance(value, dict):
        if len(value) > FREE_ITEMS:
            raise unfit(where, "a table too large")
        for k, v in value.items():
            if not isinstance(k, str):
                raise unfit(where, "a table with a key that is not a name")
            free(v, f"{where}.{k}", depth + 1)
        return
    raise unfit(where, f"an unexpected {type(value).__name__}")


def conform(value: Any, template: Any, where: str) -> None:
    """`value` has the form `template` describes (a value the experiment itself makes, or a Spec); RunFileError
    otherwise."""
    if isinstance(template, Spec):
        template.check(value, where)
        return
    if isinstance(template, np.ndarray):
        if not isinstance(value, np.ndarray) or value.dtype != template.dtype or value.shape != template.shape:
            got = f"{value.dtype} {value.shape}" if isinstance(value, np.ndarray) else type(value).__name__
            raise unfit(where, f"an array of {template.dtype} {template.shape} expected, not {got}")
        return
    if template is None:
        free(value, where)
        return
    if isinstance(template, bool | np.bool_):
        if not isinstance(value, bool | np.bool_):
            raise unfit(where, "true or false expected")
        return
    if is_number(template):
        if not is_number(value):
            raise unfit(where, "a number expected")
        return
    if isinstance(template, str):
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise unfit(where, "a text expected")
        return
    if _is_random_state(template):
        random_state(value, where)
        return
    if isinstance(template, list | tuple):
        if not template and isinstance(value, list | tuple):  # a log the run grows (rounds, samples): plain data
            free(value, where)
            return
        if type(value) is not type(template) or len(value) != len(template):
            raise unfit(where, f"{len(template)} values expected")
        for i, (v, t) in enumerate(zip(value, template, strict=True)):
            conform(v, t, f"{where}[{i}]")
        return
    if isinstance(template, dict):
        if not isinstance(value, dict) or set(value) != set(template):
            missing = set(template) - set(value) if isinstance(value, dict) else set(template)
            extra = set(value) - set(template) if isinstance(value, dict) else set()
            raise unfit(where, f"other entries expected (missing {sorted(map(str, missing))}, "
                               f"unknown {sorted(map(str, extra))})")
        for key, t in template.items():
            conform(value[key], t, f"{where}.{key}")
        return
    raise unfit(where, f"an unexpected {type(template).__name__} in the experiment")  # pragma: no cover
