"""The one seam between the book's math and everything that shows it.

An experiment's iteration is a generator that yields after each phase of the book's loop
(predict -> compare -> learn) with the values it just computed, named as the book names them.
Runners can drain a whole iteration (`Experiment.step`) or stop between phases (`Experiment.phases`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

import numpy as np

from learning.network import DataTable, Network

ParamValue = float | int | bool | str | tuple[float, ...]


class Phase(StrEnum):
    """The three phases of one iteration, in the book's order."""

    PREDICT = "predict"
    COMPARE = "compare"
    LEARN = "learn"
    #: Progress of an epoch's test pass, yielded in small chunks after the epoch's last iteration;
    #: its values are {"done": examples tested, "total": examples to test}.
    TEST = "test"


class ParamError(ValueError):
    """A parameter name or value that an experiment does not accept; the message says what is allowed."""


def _fmt(value: float) -> str:
    return repr(float(value)) if not float(value).is_integer() else str(int(value))


@dataclass(frozen=True)
class Param:
    """A declared parameter: default, allowed range, and a one-line meaning.

    `live` parameters (alpha, input, goal) take effect at the next iteration without a reset;
    the others (initial weights, switches) describe how a run starts and apply on reset.
    A tuple default declares a fixed-length vector parameter (`--param weights=0.1,0.2,0`).
    `book_default` is the default in `book_faithful` mode where the book's code needs another value (the
    batch experiment's alpha); `shown` False keeps a parameter out of the controls (the no-op `book_faithful`
    of an experiment whose book code has no quirk: accepted on the command line and in lessons, nothing more).
    """

    name: str
    default: ParamValue
    help: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] | None = None
    live: bool = False
    book_default: ParamValue | None = None
    shown: bool = True

    @property
    def kind(self) -> type:
        """The Python type of the value: bool, int, float, str or tuple."""
        return type(self.default)

    def allowed(self) -> str:
        """Describe the allowed values in a few words."""
        if self.kind is bool:
            return "true or false"
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.kind is tuple:
            what = f"{len(self.default)} numbers separated by commas"  # type: ignore[arg-type]
        else:
            what = "a whole number" if self.kind is int else "a number"
        lo, hi = self.minimum, self.maximum
        if lo is not None and hi is not None:
            return f"{what} from {_fmt(lo)} to {_fmt(hi)}"
        if lo is not None:
            return f"{what} >= {_fmt(lo)}"
        if hi is not None:
            return f"{what} <= {_fmt(hi)}"
        return what

    def _bad(self, got: object) -> ParamError:
        return ParamError(f"{self.name} must be {self.allowed()} (got {got!r})")

    def parse(self, text: str) -> ParamValue:
        """Turn text from the command line or a text field into a checked value."""
        raw = text.strip()
        try:
            if self.kind is bool:
                low = raw.lower()
                if low in ("true", "1", "yes", "on"):
                    return True
                if low in ("false", "0", "no", "off"):
                    return False
                raise ValueError
            if self.kind is str:
                return self.check(raw)
            if self.kind is int:
                return self.check(int(raw))
            if self.kind is tuple:
                parts = [p for p in raw.replace(";", ",").split(",")]
                return self.check(tuple(float(p.replace("−", "-")) for p in parts))
            return self.check(float(raw.replace("−", "-").replace(",", ".")))
        except (ParamError, ValueError, TypeError):
            raise self._bad(text) from None

    def check(self, value: Any) -> ParamValue:
        """Return `value` as this parameter's type, or raise ParamError saying what is allowed."""
        if self.kind is bool:
            if isinstance(value, bool | np.bool_):
                return bool(value)
            raise self._bad(value)
        if self.kind is str:
            if not isinstance(value, str) or (self.choices and value not in self.choices):
                raise self._bad(value)
            return value
        if self.kind is tuple:
            try:
                values = tuple(float(v) for v in value)
            except (TypeError, ValueError):
                raise self._bad(value) from None
            if len(values) != len(self.default):
                raise self._bad(value)
            for v in values:
                self._check_number(v, value)
            return values
        if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
            raise self._bad(value)
        if self.kind is int:
            if not math.isfinite(float(value)) or float(value) != int(value):
                raise self._bad(value)
            value = int(value)
        else:
            value = float(value)
        self._check_number(value, value)
        return value

    def _check_number(self, v: float, shown: object) -> None:
        if not math.isfinite(v):
            raise self._bad(shown)
        if self.minimum is not None and v < self.minimum:
            raise self._bad(shown)
        if self.maximum is not None and v > self.maximum:
            raise self._bad(shown)


BOOK_FAITHFUL_HELP = "reproduce the book's code, quirks included, instead of the correct algorithm"
NO_QUIRK_HELP = "accepted for every experiment; the book's code has no quirk here, so both modes compute the same"


#: numpy's legacy RandomState takes seeds from 0 to 2**32 - 1.
SEED_MAX = 2**32 - 1


def check_seed(seed: Any) -> int:
    """A seed as an int, or ParamError saying what is allowed."""
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or not 0 <= int(seed) <= SEED_MAX:
        raise ParamError(f"seed must be a whole number from 0 to {SEED_MAX} (got {seed!r})")
    return int(seed)


def book_faithful_param() -> Param:
    """The switch of BOOK.md section 1.1, declared the same way by every experiment with a quirk."""
    return Param("book_faithful", False, BOOK_FAITHFUL_HELP)


def no_quirk_param() -> Param:
    """`book_faithful` of an experiment without a quirk: accepted (BOOK.md 1.1), changes nothing, not shown."""
    return Param("book_faithful", False, NO_QUIRK_HELP, shown=False)


@dataclass(slots=True)
class PhaseResult:
    """What one phase computed: the phase and its named values (plain floats and copied arrays)."""

    phase: Phase
    values: dict[str, Any]


@dataclass(slots=True)
class IterationResult:
    """A finished iteration: its merged record and, when it closed an epoch, the epoch record."""

    record: dict[str, Any]
    epoch: dict[str, Any] | None = None
    phases: list[PhaseResult] = field(default_factory=list)


class Experiment:
    """Base class of every experiment of the book.

    Subclasses declare `id`, `title`, `chapter`, `params`, `iterations` (the book's run length) and
    implement `setup()` (initial state from the parameters and `self.rs`) and `iteration()`.
    Experiments that pass over a data set set `epoch_size` and may extend `epoch_summary()`.
    """

    id: ClassVar[str] = ""
    title: ClassVar[str] = ""
    chapter: ClassVar[int] = 0
    params: ClassVar[tuple[Param, ...]] = ()
    iterations: ClassVar[int] = 1
    epochs: ClassVar[int | None] = None
    epoch_size: ClassVar[int | None] = None
    default_seed: ClassVar[int | None] = None
    phases_used: ClassVar[tuple[Phase, ...]] = (Phase.PREDICT, Phase.COMPARE, Phase.LEARN)
    #: Each phase's math as notation with {name} placeholders for the phase's values (no prose).
    formulas: ClassVar[dict[Phase, tuple[str, ...]]] = {}
    #: The phases whose math differs in book_faithful mode: what the book's code computes there (quirks shown).
    book_formulas: ClassVar[dict[Phase, tuple[str, ...]]] = {}
    #: The record key of the figure this experiment minimises: "error" (squared error) or "loss" (cross-entropy);
    #: epoch records carry train_<name> and test_<name>.
    loss: ClassVar[str] = "error"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # BOOK.md 1.1: every experiment accepts book_faithful; where the book has no quirk it changes nothing.
        if not any(p.name == "book_faithful" for p in cls.params):
            cls.params = (*cls.params, no_quirk_param())

    def __init__(self, seed: int | None = None, **values: Any) -> None:
        self._declared = {p.name: p for p in self.params}
        self.values: dict[str, ParamValue] = {p.name: p.default for p in self.params}
        for name, value in values.items():
            self.values[name] = self.param(name).check(value)
        if self.values.get("book_faithful"):  # the book's defaults, where the mode has its own (not given ones)
            for p in self.params:
                if p.book_default is not None and p.name not in values:
                    self.values[p.name] = p.book_default
        self._run_mode = bool(self.values.get("book_faithful"))
        self.seed = self.default_seed if seed is None else check_seed(seed)
        self.next_seed = self.seed
        self._pending: dict[str, ParamValue] = {}
        self.reset()

    @property
    def uses_seed(self) -> bool:
        """True if the experiment draws random numbers (its seed matters)."""
        return self.default_seed is not None

    def set_seed(self, seed: int) -> None:
        """The seed of the next run: it applies on reset(), like the other starting values."""
        self.next_seed = check_seed(seed)

    def mode_formulas(self) -> dict[Phase, tuple[str, ...]]:
        """The formulas of the running mode: book_faithful runs show what the book's code computes."""
        if getattr(self, "book_faithful", False) and self.book_formulas:
            return {**self.formulas, **self.book_formulas}
        return self.formulas

    @property
    def images_per_iteration(self) -> int:
        """Examples one iteration learns from (a batch experiment's error is summed over them)."""
        return 1

    # -- parameters -------------------------------------------------------------------------
    @classmethod
    def param(cls, name: str) -> Param:
        """The declared parameter `name`, or ParamError naming the allowed ones."""
        for p in cls.params:
            if p.name == name:
                return p
        allowed = ", ".join(p.name for p in cls.params) or "none"
        raise ParamError(f"unknown parameter {name!r} for {cls.id}; allowed: {allowed}")

    def set_param(self, name: str, value: Any) -> bool:
        """Change a parameter; returns True if it takes effect at the next iteration, False if on reset."""
        p = self.param(name)
        value = p.check(value)
        self.values[name] = value
        if p.live:
            self._pending[name] = value
        return p.live

    def _apply_pending(self) -> None:
        for name, value in self._pending.items():
            setattr(self, name, value)
        self._pending.clear()

    # -- lifecycle --------------------------------------------------------------------------
    def reset(self) -> None:
        """Start again from the declared initial values and a fresh RandomState(seed) (the next seed, if set).

        A parameter with a book_default follows a change of mode: when book_faithful was switched since the last
        run and the parameter still has the old mode's default, it takes the new mode's."""
        mode = bool(self.values.get("book_faithful"))
        if mode != self._run_mode:
            for p in self.params:
                if p.book_default is not None:
                    old, new = (p.default, p.book_default) if mode else (p.book_default, p.default)
                    if self.values[p.name] == old:
                        self.values[p.name] = new
            self._run_mode = mode
        self.seed = self.next_seed
        self.rs = np.random.RandomState(self.seed if self.seed is not None else 0)
        self.iteration_index = 0
        self._pending.clear()
        for name, value in self.values.items():
            setattr(self, name, value)
        self._epoch_records: list[dict[str, Any]] = []
        self.setup()

    def setup(self) -> None:
        """Build the initial state (weights, data) from the parameters and `self.rs`."""

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        """One predict -> compare -> learn step; yields (phase, values) after each phase."""
        raise NotImplementedError

    # -- running ----------------------------------------------------------------------------
    @property
    def epoch_index(self) -> int:
        """The epoch the next iteration belongs to (0 for experiments without a data set)."""
        return self.iteration_index // self.epoch_size if self.epoch_size else 0

    def phases(self) -> Iterator[PhaseResult]:
        """Run one iteration phase by phase; the generator's return value is the IterationResult."""
        self._apply_pending()
        record: dict[str, Any] = {"iteration": self.iteration_index}
        if self.epoch_size:
            record["epoch"] = self.epoch_index
            record["example"] = self.iteration_index % self.epoch_size
        done: list[PhaseResult] = []
        for phase, values in self.iteration():
            result = PhaseResult(Phase(phase), values)
            done.append(result)
            for key, value in values.items():
                record.setdefault(key, value)
            yield result
        self.iteration_index += 1
        epoch = None
        if self.epoch_size:
            self._epoch_records.append(record)
            if self.iteration_index % self.epoch_size == 0:
                epoch = {"epoch": record["epoch"], **self.epoch_summary(self._epoch_records)}
                self._epoch_records = []
                test = self.evaluate()
                if test is not None:
                    try:
                        while True:
                            yield PhaseResult(Phase.TEST, next(test))
                    except StopIteration as stop:
                        epoch.update(stop.value or {})
        return IterationResult(record, epoch, done)

    def step(self) -> IterationResult:
        """Run one whole iteration."""
        gen = self.phases()
        while True:
            try:
                next(gen)
            except StopIteration as stop:
                return stop.value

    def evaluate(self) -> Iterator[dict[str, int]] | None:
        """The end-of-epoch test pass, or None. A generator that yields {"done": k, "total": n} after each
        small chunk (a few milliseconds of work) and returns the test figures to add to the epoch record."""
        return None

    def epoch_summary(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """The epoch's figures from its iteration records (default: the summed error)."""
        return {"error": float(sum(float(np.sum(r["error"])) for r in records if "error" in r))}

    # -- views ------------------------------------------------------------------------------
    def network(self) -> Network:
        """Layers and weight matrices as they are now, for the diagram."""
        raise NotImplementedError

    def set_weight(self, name: str, row: int, column: int, value: float) -> None:
        """Edit one weight as network() shows it (rows = outputs); the run continues from it."""
        raise ParamError(f"{self.id} has no editable weight {name!r}")

    def error_for(self, weights: dict[str, np.ndarray]) -> float:
        """The error the next iteration's example would have if the named weight arrays (shaped as in
        network()) had these values; nothing changes. Used by the error landscape."""
        raise NotImplementedError

    def data_table(self) -> DataTable | None:
        """The experiment's whole data set as a table (small data sets only), or None."""
        return None

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        """Predictions of the current weights for rows of inputs (n x inputs -> n x outputs); no state changes."""
        raise NotImplementedError

    def report(self) -> dict[str, Any] | None:
        """What the book prints after a run (an analysis, a word list, a test accuracy), or None.

        {"text": [lines exactly as the book prints them], ...the same facts as plain values}. The CLI prints
        it after the records (as one more JSON object {"report": ...} with --jsonl); views may show it."""
        return None

    def divergence_facts(self) -> dict[str, float]:
        """Numbers that explain a divergence of this experiment (empty when there is no simple story)."""
        return {}

    def state(self) -> dict[str, Any]:
        """Everything needed to continue the run later: counters and copies of the arrays."""
        out: dict[str, Any] = {"iteration_index": self.iteration_index, "values": dict(self.values)}
        for name in self.state_names():
            value = getattr(self, name)
            out[name] = value.copy() if isinstance(value, np.ndarray) else value
        out["rs"] = self.rs.get_state()
        out["epoch_records"] = list(self._epoch_records)
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        """Continue from a state() taken earlier from the same experiment."""
        self.values = dict(state["values"])
        for name, value in self.values.items():
            setattr(self, name, value)
        self._pending.clear()
        self.iteration_index = state["iteration_index"]
        for name in self.state_names():
            value = state[name]
            setattr(self, name, value.copy() if isinstance(value, np.ndarray) else value)
        self.rs.set_state(state["rs"])
        self._epoch_records = list(state["epoch_records"])

    def state_names(self) -> tuple[str, ...]:
        """Attributes that change as the experiment learns (weights, the last prediction)."""
        return ()

    def state_spec(self) -> dict[str, Any]:
        """How parts of state() may differ in form from those of a fresh run ({key: spec}, learning.statespec):
        values set later, logs that grow, rows that change. A saved run is checked by these rules; every other
        part must have the form the fresh run's part has."""
        return {}

    def results_used(self) -> dict[str, Any]:
        """Results of other runs this run is built on, as plain values, by the id of the experiment that made them
        (saved with the run, so that it reopens without them); most experiments use none."""
        return {}

    def use_results(self, results: dict[str, Any]) -> None:
        """Build on these results (from results_used() of a saved run) rather than on this session's, and start
        again; ValueError if they do not fit."""
        if results:
            raise ValueError(f"{self.id} is not built on another run's results")


class LeanStep:
    """Mixin for experiments whose iterations take microseconds (chapters 11-12): `step()` drains iteration()
    directly instead of through phases(), which saves its per-phase bookkeeping while giving the same record
    (no value name may repeat across an iteration's phases). An iteration that closes an epoch goes through
    phases(), so that the epoch record and the test pass run exactly as the runner runs them. Put it before
    Experiment in the bases: `class Sentiment(LeanStep, Experiment)`."""

    def step(self: Any) -> IterationResult:
        """One whole iteration, as Experiment.step() but without phases()' generator."""
        index = self.iteration_index
        size = self.epoch_size
        if size and (index + 1) % size == 0:
            return Experiment.step(self)
        if self._pending:
            self._apply_pending()
        done = [PhaseResult(phase, values) for phase, values in self.iteration()]
        if size:
            record: dict[str, Any] = {"iteration": index, "epoch": index // size, "example": index % size}
        else:
            record = {"iteration": index}
        for result in done:
            record.update(result.values)
        self.iteration_index = index + 1
        if size:
            self._epoch_records.append(record)
        return IterationResult(record, None, done)
