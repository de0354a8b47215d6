"""Task checks of the course: what a learner must do for a "try this" task to tick (check_met on RunFacts), and how a
lesson file's check is validated (check_problems). Pure Python, no Qt."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from learning.experiment import Experiment, Param, ParamError, Phase

#: Check kinds and their arguments: name -> (argument kind, required).
CHECK_KINDS: dict[str, dict[str, tuple[str, bool]]] = {
    "diverged": {},
    "finished": {},
    "iterations": {"count": ("count", True)},
    "error_below": {"value": ("positive", True), "within": ("count", False), "changed": ("names", False)},
    "param": {"name": ("name", True), "min": ("number", False), "max": ("number", False),
              "value": ("any", False), "index": ("index", False)},
    "phase_steps": {"count": ("count", True)},
    "weight_edited": {"count": ("count", False)},
    "epoch_figure": {"name": ("string", True), "min": ("number", False), "max": ("number", False)},
    "epoch_difference": {"name": ("string", True), "minus": ("string", True), "min": ("number", False),
                         "max": ("number", False), "after": ("index", False)},
    "peaked": {"name": ("string", True), "patience": ("count", True)},
    "compared": {"name": ("name", True), "values": ("values", True), "same": ("names", False),
                 "epochs": ("count", False)},
    "figure": {"name": ("string", True), "min": ("number", False), "max": ("number", False), "at": ("count", False)},
    "view_action": {"name": ("action", True), "count": ("count", False)},
    "all": {"of": ("checks", True)},
}


def known_actions() -> tuple[str, ...]:
    """The learner's actions in views that a `view_action` check may count (each view declares its own)."""
    from desktop.views import registry  # imported here: the checks themselves need no Qt

    return tuple(dict.fromkeys(action for spec in registry.specs() for action in spec.actions))


@dataclass
class RunFacts:
    """What the run of the current page has done since the page opened or was reset, for `check_met`.

    `errors` holds one summed error per completed iteration (NaN where an iteration computes none);
    `iterations` is the number of completed iterations when `errors` does not say it (default: len(errors)).
    `runs` are the earlier runs of the page's experiment since the page opened, each {"values": the parameter
    values it started with, "epochs": epochs it completed}; `run_values` are the values the current run started
    with (default: `values`), for comparing runs; `figures` every numeric figure of the iterations by name (one
    value per iteration, NaN where missing); `view_actions` how often the learner did each named thing in a view
    (see ViewSpec.actions).
    """

    experiment: str
    errors: Sequence[float]
    values: dict[str, Any]
    start_values: dict[str, Any]
    diverged: bool = False
    finished: bool = False
    phase_steps: int = 0
    weight_edits: int = 0
    epochs: Sequence[dict[str, Any]] = ()
    iterations: int | None = None
    runs: Sequence[dict[str, Any]] = ()
    run_values: dict[str, Any] | None = None
    figures: dict[str, Sequence[float]] = field(default_factory=dict)
    view_actions: dict[str, int] = field(default_factory=dict)

    @property
    def completed(self) -> int:
        """Iterations completed since the page opened or was reset."""
        return len(self.errors) if self.iterations is None else self.iterations

    def all_runs(self) -> list[dict[str, Any]]:
        """The earlier runs and the current one, each {"values", "epochs"}."""
        current = {"values": self.values if self.run_values is None else self.run_values, "epochs": len(self.epochs)}
        return [*self.runs, current]


# -- checks -------------------------------------------------------------------------------------

def as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list | tuple) or isinstance(b, list | tuple):
        try:
            return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
        except TypeError:
            return False
    return bool(a == b)


def _within(value: Any, check: dict[str, Any]) -> bool:
    number = as_number(value)
    if number is None:
        return False
    low, high = check.get("min"), check.get("max")
    return (low is None or number >= low) and (high is None or number <= high)


def check_met(check: dict[str, Any], facts: RunFacts) -> bool:
    """True when the run described by `facts` meets the task check (see CHECK_KINDS); False for unknown kinds."""
    kind = check.get("kind")
    try:
        if kind == "diverged":
            return bool(facts.diverged)
        if kind == "finished":
            return bool(facts.finished)
        if kind == "iterations":
            return facts.completed >= int(check["count"])
        if kind == "phase_steps":
            return facts.phase_steps >= int(check["count"])
        if kind == "weight_edited":
            return facts.weight_edits >= int(check.get("count", 1))
        if kind == "error_below":
            within = check.get("within")
            errors = np.asarray(facts.errors, dtype=float)  # a long run: no loop in Python over its errors
            if within is not None:
                errors = errors[: int(within)]
            with np.errstate(invalid="ignore"):
                if not bool((errors < float(check["value"])).any()):  # NaN (no error) is never below
                    return False
            return all(name in facts.values and not _same(facts.values[name], facts.start_values.get(name))
                       for name in check.get("changed", ()))
        if kind == "param":
            if check["name"] not in facts.values:
                return False
            value = facts.values[check["name"]]
            if "index" in check:
                value = value[int(check["index"])]
            if "value" in check and not _same(value, check["value"]):
                return False
            return _within(value, check) if ("min" in check or "max" in check) else True
        if kind == "epoch_figure":
            return any(isinstance(epoch, dict) and _within(epoch.get(check["name"]), check) for epoch in facts.epochs)
        if kind == "epoch_difference":
            return _difference_met(check, facts.epochs)
        if kind == "peaked":
            return _peaked(check["name"], int(check["patience"]), facts.epochs)
        if kind == "compared":
            return _compared(check, facts.all_runs())
        if kind == "figure":
            values = np.asarray(facts.figures.get(check["name"], ()), dtype=float)
            if "at" in check:  # the figure of iteration `at` (counted from 1)
                values = values[int(check["at"]) - 1:int(check["at"])]
            return any(_within(v, check) for v in values.tolist())
        if kind == "view_action":
            return facts.view_actions.get(check["name"], 0) >= int(check.get("count", 1))
        if kind == "all":
            return all(check_met(part, facts) for part in check["of"])
    except (KeyError, TypeError, ValueError, IndexError):
        return False
    return False


def _difference_met(check: dict[str, Any], epochs: Sequence[dict[str, Any]]) -> bool:
    """Some epoch (from `after` on) where both figures were measured and name − minus is within min/max."""
    for index, epoch in enumerate(epochs):
        if index < int(check.get("after", 0)) or not isinstance(epoch, dict):
            continue
        a, b = as_number(epoch.get(check["name"])), as_number(epoch.get(check["minus"]))
        if a is not None and b is not None and _within(a - b, check):
            return True
    return False


def _peaked(name: str, patience: int, epochs: Sequence[dict[str, Any]]) -> bool:
    """The figure reached its highest value and was measured `patience` more times without beating it."""
    measured = [v for v in (as_number(e.get(name)) if isinstance(e, dict) else None for e in epochs) if v is not None]
    if not measured:
        return False
    best = measured.index(max(measured))  # the first epoch with the highest value: what early stopping keeps
    return len(measured) - 1 - best >= patience


def _compared(check: dict[str, Any], runs: Sequence[dict[str, Any]]) -> bool:
    """A run for each of the values of one parameter, each with `epochs` epochs, agreeing on the `same` ones."""
    name, same, needed = check["name"], check.get("same", ()), int(check.get("epochs", 1))
    done = [run["values"] for run in runs if run["epochs"] >= needed and name in run["values"]]
    groups = [[v for v in done if _same(v[name], wanted)] for wanted in check["values"]]
    if not all(groups):
        return False
    for first in groups[0]:
        if all(any(all(_same(other.get(p), first.get(p)) for p in same) for other in group) for group in groups[1:]):
            return True
    return False



def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_problems(check: Any, cls: type[Experiment] | None) -> list[tuple[tuple[str, ...], str | None, str]]:
    """What is wrong with a task check for this experiment: (key path within the check, value hint, message)."""
    if not isinstance(check, dict):
        return [((), None, "check must be an inline table with a kind, e.g. { kind = \"diverged\" }")]
    kind = check.get("kind")
    if kind not in CHECK_KINDS:
        return [(("kind",), None, f"unknown check kind {kind!r}; known: {', '.join(CHECK_KINDS)}")]
    spec = CHECK_KINDS[kind]
    out: list[tuple[tuple[str, ...], str | None, str]] = []
    for name in check:
        if name != "kind" and name not in spec:
            allowed = ", ".join(spec) or "none"
            out.append(((name,), None, f"check {kind!r} has no argument {name!r}; arguments: {allowed}"))
    for name, (what, required) in spec.items():
        if name not in check:
            if required:
                out.append((("kind",), None, f"check {kind!r} needs the argument {name!r}"))
            continue
        value = check[name]
        if what == "count" and not (is_int(value) and value >= 1):
            out.append(((name,), None, f"{name} must be a whole number >= 1 (got {value!r})"))
        elif what == "positive" and not ((v := as_number(value)) is not None and v > 0):
            out.append(((name,), None, f"{name} must be a number > 0 (got {value!r})"))
        elif what == "number" and as_number(value) is None:
            out.append(((name,), None, f"{name} must be a number (got {value!r})"))
        elif what in ("string", "name") and not (isinstance(value, str) and value):
            out.append(((name,), None, f"{name} must be a non-empty string (got {value!r})"))
        elif what == "index" and not (is_int(value) and value >= 0):
            out.append(((name,), None, f"{name} must be a whole number >= 0 (got {value!r})"))
        elif what == "names" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            out.append(((name,), None, f"{name} must be a list of parameter names (got {value!r})"))
        elif what == "action" and value not in known_actions():
            out.append(((name,), None, f"unknown view action {value!r}; known: {', '.join(known_actions())}"))
        elif what == "values" and not (isinstance(value, list) and len(value) >= 2):
            out.append(((name,), None, f"{name} must be a list of at least two values to compare (got {value!r})"))
        elif what == "checks":
            if not (isinstance(value, list) and value):
                out.append(((name,), None, f"{name} must be a non-empty list of checks"))
            else:
                for part in value:
                    out.extend(((name, *p), hint, msg) for p, hint, msg in check_problems(part, cls))
    if out:
        return out
    low, high = check.get("min"), check.get("max")
    if kind in ("param", "epoch_figure", "figure") and low is not None and high is not None and low > high:
        out.append((("min",), None, f"min ({low}) is greater than max ({high})"))
    if kind in ("epoch_figure", "epoch_difference", "figure") and low is None and high is None:
        out.append((("kind",), None, f"check {kind!r} needs min or max"))
    if kind == "epoch_difference" and low is not None and high is not None and low > high:
        out.append((("min",), None, f"min ({low}) is greater than max ({high})"))
    if kind == "param" and low is None and high is None and "value" not in check:
        out.append((("kind",), None, "check 'param' needs min, max or value"))
    if cls is None:
        if kind != "all":
            out.append((("kind",), None, f"check {kind!r} needs a page with an experiment"))
        return out
    if kind in ("error_below", "diverged") and Phase.COMPARE not in cls.phases_used:
        out.append((("kind",), None, f"check {kind!r} can never be met: {cls.id} computes no error"))
    if kind == "weight_edited" and cls.set_weight is Experiment.set_weight:
        out.append((("kind",), None, f"check 'weight_edited' can never be met: {cls.id} has no editable weights"))
    # an experiment whose epoch size depends on its data (set when it loads them) declares its epochs instead
    if kind in ("epoch_figure", "epoch_difference", "peaked", "compared") and not (cls.epoch_size or cls.epochs):
        out.append((("kind",), None, f"check {kind!r} can never be met: {cls.id} has no epochs"))
    for key in ("changed", "same"):
        for name in check.get(key, ()):
            if name not in {p.name for p in cls.params}:
                out.append(((key,), name, f"unknown parameter {name!r} for {cls.id}"))
    if kind == "param":
        out.extend(_param_check_problems(check, cls))
    if kind == "compared":
        try:
            param = cls.param(check["name"])
            for value in check["values"]:
                param.check(value)
        except ParamError as error:
            out.append((("values",), None, str(error)))
    return out


def _param_check_problems(check: dict[str, Any], cls: type[Experiment]) -> list[tuple[tuple[str, ...], str | None,
                                                                                     str]]:
    try:
        param: Param = cls.param(check["name"])
    except ParamError as error:
        return [(("name",), None, str(error))]
    kind = param.kind
    if "index" in check:
        if kind is not tuple:
            return [(("index",), None, f"index given but {param.name} is not a vector parameter")]
        if check["index"] >= len(param.default):  # type: ignore[arg-type]
            return [(("index",), None, f"index {check['index']} out of range: {param.name} has "
                                       f"{len(param.default)} values")]  # type: ignore[arg-type]
        kind = float
    if ("min" in check or "max" in check) and kind not in (int, float):
        return [(("min" if "min" in check else "max",), None, f"min/max need a numeric parameter; {param.name} is not")]
    if "value" in check:
        try:
            if "index" in check:
                Param(param.name, 0.0, "", param.minimum, param.maximum).check(check["value"])
            else:
                param.check(check["value"])
        except ParamError as error:
            return [(("value",), None, str(error))]
    return []


