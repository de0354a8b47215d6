"""The course: chapters of lesson pages read from resources/lessons (TOML manifests + Markdown), and task checks.

Pure Python (no Qt): the lesson browser loads the course through `load_course` and ticks tasks with `check_met`.
Lessons are data: `lessons/chNN/chapter.toml` lists a chapter's pages; each page's text lives beside it in
`<file>.en.md` and `<file>.ru.md`. Bad content never raises: every fault becomes a `Problem` (file, line, what is
wrong) and only the faulty page (or chapter, if its manifest cannot be read) is left out.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from desktop.course_lines import Locator
from learning import catalogue
from learning.experiment import Experiment, Param, ParamError, Phase

LANGUAGES = ("en", "ru")


def known_panels() -> tuple[str, ...]:
    """The names a page may give in `panels` and `main`: every view of desktop/views/registry.py (the single
    source) and the window's math and code strips."""
    from desktop.views import registry  # imported here: the course model itself needs no Qt

    return (*registry.keys(), *registry.STRIPS)


def known_actions() -> tuple[str, ...]:
    """The learner's actions in views that a `view_action` check may count (each view declares its own)."""
    from desktop.views import registry

    return tuple(dict.fromkeys(action for spec in registry.specs() for action in spec.actions))


#: The panels a page with an experiment shows when it names none.
CORE_PANELS = ("diagram", "plot", "math", "code")

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
    "figure": {"name": ("string", True), "min": ("number", False), "max": ("number", False), "at": ("count", False)},
    "view_action": {"name": ("action", True), "count": ("count", False)},
    "all": {"of": ("checks", True)},
}

_CHAPTER_KEYS = ("chapter", "title", "pages")
_PAGE_KEYS = ("id", "file", "title", "experiment", "params", "main", "panels", "tasks")
_TASK_KEYS = ("id", "text", "check", "solution")
_SOLUTION_KEYS = ("params", "weight_edits", "phase_steps", "iterations", "view_actions")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?")


@dataclass
class Task:
    """A "try this" task: its text per language and the check that ticks it.

    `solution` (optional, never shown as a task) says how a learner can meet the check: parameter values,
    weight edits, single phase steps, whole iterations and actions in views ({action: times}, done after the
    iterations); the course tests replay it to prove the task is possible (view actions: in the window).
    """

    id: str
    text: dict[str, str]
    check: dict[str, Any]
    solution: dict[str, Any] | None = None


@dataclass
class Page:
    """One lesson page: a title and Markdown text per language, optionally an experiment to run, and tasks."""

    chapter: int
    id: str
    title: dict[str, str]
    text: dict[str, str]
    experiment: str | None
    params: dict[str, Any]
    panels: tuple[str, ...] | None
    tasks: list[Task]
    folder: Path
    file: str = ""  # the Markdown files' name without ".<language>.md"
    #: The view that takes the main area (default: the first view named in `panels`).
    main: str | None = None

    @property
    def key(self) -> str:
        """Stable key for progress and settings, e.g. "ch04/compare"."""
        return f"ch{self.chapter:02d}/{self.id}"

    @property
    def shown_panels(self) -> tuple[str, ...]:
        """The panels to show: those named, else the core ones for an experiment page, else none."""
        if self.panels is not None:
            return self.panels
        return CORE_PANELS if self.experiment else ()


@dataclass
class Chapter:
    """A chapter of the book: its number, title per language and pages in reading order."""

    number: int
    title: dict[str, str]
    pages: list[Page]
    folder: Path | None = None

    @property
    def key(self) -> str:
        """"ch04" for chapter 4."""
        return f"ch{self.number:02d}"


@dataclass
class Problem:
    """Something wrong in the lesson files: where it is and what is wrong."""

    file: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line is not None else f"{self.file}: {self.message}"


@dataclass
class RunFacts:
    """What the run of the current page has done since the page opened or was reset, for `check_met`.

    `errors` holds one summed error per completed iteration (NaN where an iteration computes none);
    `iterations` is the number of completed iterations when `errors` does not say it (default: len(errors));
    `figures` every numeric figure of the iterations by name (one value per iteration, NaN where missing);
    `view_actions` how often the learner did each named thing in a view (see ViewSpec.actions).
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
    figures: dict[str, Sequence[float]] = field(default_factory=dict)
    view_actions: dict[str, int] = field(default_factory=dict)

    @property
    def completed(self) -> int:
        """Iterations completed since the page opened or was reset."""
        return len(self.errors) if self.iterations is None else self.iterations


# -- checks -------------------------------------------------------------------------------------

def _number(value: Any) -> float | None:
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
    number = _number(value)
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


# -- validation ----------------------------------------------------------------------------------

class _Report:
    """Collects problems of one manifest, each located at the line of its key."""

    def __init__(self, file: Path, locator: Locator, problems: list[Problem]) -> None:
        self.file, self.locator, self.problems = file, locator, problems
        self.count = 0

    def add(self, message: str, path: Sequence[str | int] = (), page: int | None = None, task: int | None = None,
            value: str | None = None) -> None:
        """Record a problem at the line of `path` (or of `value` after it) in the page or task's section."""
        self.problems.append(Problem(self.file, self.locator.line(path, page, task, value), message))
        self.count += 1


def _languages(table: Any, what: str, report: _Report, path: tuple[str, ...], page: int | None = None,
               task: int | None = None) -> dict[str, str] | None:
    """A {language: text} table with every language and nothing else, or None (problems reported)."""
    if table is None:
        report.add(f"missing {what} ({' and '.join(f'{path[-1]}.{lang}' for lang in LANGUAGES)})", path[:-1],
                   page, task)
        return None
    if not isinstance(table, dict):
        report.add(f"{what} must be a table of texts per language ({', '.join(LANGUAGES)})", path, page, task)
        return None
    ok = True
    for lang in table:
        if lang not in LANGUAGES:
            report.add(f"unknown language {lang!r} in {what}; known: {', '.join(LANGUAGES)}", (*path, lang),
                       page, task)
            ok = False
    for lang in LANGUAGES:
        text = table.get(lang)
        if text is None:
            report.add(f"missing translation: {path[-1]}.{lang}", path, page, task)
            ok = False
        elif not isinstance(text, str) or not text.strip():
            report.add(f"{path[-1]}.{lang} must be a non-empty string", (*path, lang), page, task)
            ok = False
    return {lang: table[lang].strip() for lang in LANGUAGES} if ok else None


def _param_problems(cls: type[Experiment], params: Any, report: _Report, path: tuple[str, ...], page: int,
                    task: int | None = None) -> dict[str, Any] | None:
    """Checked parameter values, or None after reporting unknown names and refused values."""
    if not isinstance(params, dict):
        report.add(f"{path[-1]} must be a table of parameter values", path, page, task)
        return None
    out: dict[str, Any] = {}
    for name, value in params.items():
        try:
            out[name] = cls.param(name).check(value)
        except ParamError as error:
            report.add(str(error), (*path, name), page, task)
    return out if len(out) == len(params) else None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_problems(check: Any, cls: type[Experiment] | None) -> list[tuple[tuple[str, ...], str | None, str]]:
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
        if what == "count" and not (_is_int(value) and value >= 1):
            out.append(((name,), None, f"{name} must be a whole number >= 1 (got {value!r})"))
        elif what == "positive" and not ((v := _number(value)) is not None and v > 0):
            out.append(((name,), None, f"{name} must be a number > 0 (got {value!r})"))
        elif what == "number" and _number(value) is None:
            out.append(((name,), None, f"{name} must be a number (got {value!r})"))
        elif what in ("string", "name") and not (isinstance(value, str) and value):
            out.append(((name,), None, f"{name} must be a non-empty string (got {value!r})"))
        elif what == "action" and value not in known_actions():
            out.append(((name,), None, f"unknown view action {value!r}; known: {', '.join(known_actions())}"))
        elif what == "index" and not (_is_int(value) and value >= 0):
            out.append(((name,), None, f"{name} must be a whole number >= 0 (got {value!r})"))
        elif what == "names" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            out.append(((name,), None, f"{name} must be a list of parameter names (got {value!r})"))
        elif what == "checks":
            if not (isinstance(value, list) and value):
                out.append(((name,), None, f"{name} must be a non-empty list of checks"))
            else:
                for part in value:
                    out.extend(((name, *p), hint, msg) for p, hint, msg in _check_problems(part, cls))
    if out:
        return out
    low, high = check.get("min"), check.get("max")
    if kind in ("param", "epoch_figure", "figure") and low is not None and high is not None and low > high:
        out.append((("min",), None, f"min ({low}) is greater than max ({high})"))
    if kind in ("epoch_figure", "figure") and low is None and high is None:
        out.append((("kind",), None, f"check {kind!r} needs min or max"))
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
    if kind == "epoch_figure" and not cls.epoch_size:
        out.append((("kind",), None, f"check 'epoch_figure' can never be met: {cls.id} has no epochs"))
    for name in check.get("changed", ()):
        if name not in {p.name for p in cls.params}:
            out.append((("changed",), name, f"unknown parameter {name!r} for {cls.id}"))
    if kind == "param":
        out.extend(_param_check_problems(check, cls))
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


def _solution(solution: Any, cls: type[Experiment] | None, report: _Report, page: int, task: int) -> bool:
    """Validate a task's solution table; True if it is usable."""
    path = ("solution",)
    if not isinstance(solution, dict):
        report.add("solution must be a table", path, page, task)
        return False
    if cls is None:
        report.add("a solution needs a page with an experiment", path, page, task)
        return False
    before = report.count
    for key in solution:
        if key not in _SOLUTION_KEYS:
            report.add(f"unknown key {key!r} in solution; allowed: {', '.join(_SOLUTION_KEYS)}", (*path, key),
                       page, task)
    if "params" in solution:
        _param_problems(cls, solution["params"], report, (*path, "params"), page, task)
    for key in ("phase_steps", "iterations"):
        if key in solution and not (_is_int(solution[key]) and solution[key] >= 0):
            report.add(f"solution {key} must be a whole number >= 0", (*path, key), page, task)
    actions = solution.get("view_actions", {})
    if not (isinstance(actions, dict) and all(a in known_actions() and _is_int(n) and n >= 1
                                              for a, n in actions.items())):
        report.add(f"solution view_actions must be a table of view actions and times; actions: "
                   f"{', '.join(known_actions())}", (*path, "view_actions"), page, task)
    edits = solution.get("weight_edits", [])
    if not (isinstance(edits, list) and all(
            isinstance(e, list) and len(e) == 4 and isinstance(e[0], str) and _is_int(e[1]) and _is_int(e[2])
            and _number(e[3]) is not None for e in edits)):
        report.add("solution weight_edits must be a list of [name, row, column, value]", (*path, "weight_edits"),
                   page, task)
    return report.count == before


def _read_text(folder: Path, file: str, report: _Report, page: int) -> dict[str, str] | None:
    """The page's Markdown per language, or None after reporting a missing or empty file."""
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        path = folder / f"{file}.{lang}.md"
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            report.add(f"missing page text {path.name} (file = {file!r})", ("file",), page)
            continue
        except (OSError, UnicodeDecodeError) as error:
            report.add(f"cannot read {path.name}: {error}", ("file",), page)
            continue
        if not text.strip():
            report.add(f"page text {path.name} is empty", ("file",), page)
            continue
        out[lang] = text
        for number, line in enumerate(text.splitlines(), start=1):
            for target in _IMAGE.findall(line):
                if "://" not in target and not (folder / target).is_file():
                    # reported, but the page still shows: a missing figure should not hide its text
                    report.problems.append(Problem(path, number, f"missing image {target!r}"))
    return out if len(out) == len(LANGUAGES) else None


def _page(raw: Any, index: int, number: int, folder: Path, report: _Report, seen: set[str]) -> Page | None:
    """One page from its manifest table, or None after reporting what is wrong with it."""
    before = report.count
    if not isinstance(raw, dict):
        report.add("each [[pages]] entry must be a table", ("pages",))
        return None
    for key in raw:
        if key not in _PAGE_KEYS:
            report.add(f"unknown key {key!r} in a page; allowed: {', '.join(_PAGE_KEYS)}", (key,), index)
    page_id = raw.get("id")
    if not (isinstance(page_id, str) and _ID.match(page_id)):
        report.add("page id missing or not lower-case letters, digits and dashes" if page_id is None else
                   f"bad page id {page_id!r}: use lower-case letters, digits and dashes", ("id",), index)
    elif page_id in seen:
        report.add(f"duplicate page id {page_id!r} in chapter {number}", ("id",), index)
    else:
        seen.add(page_id)
    title = _languages(raw.get("title"), "page title", report, ("title",), index)
    file = raw.get("file")
    text = None
    if not (isinstance(file, str) and _FILE.match(file) and ".." not in file):
        report.add("missing file (the page text's name without .en.md / .ru.md)" if file is None else
                   f"bad file {file!r}: a plain name in the chapter folder", ("file",), index)
    else:
        text = _read_text(folder, file, report, index)
    cls: type[Experiment] | None = None
    experiment = raw.get("experiment")
    if experiment is not None:
        try:
            cls = catalogue.get(experiment)
        except catalogue.UnknownExperiment as error:
            report.add(str(error), ("experiment",), index)
        except TypeError:
            report.add(f"experiment must be an id string (got {experiment!r})", ("experiment",), index)
    params: dict[str, Any] | None = {}
    if "params" in raw:
        if experiment is None:
            report.add("params given but the page has no experiment", ("params",), index)
        elif cls is not None:
            params = _param_problems(cls, raw["params"], report, ("params",), index)
    panels: tuple[str, ...] | None = None
    known = known_panels()
    main: str | None = None
    if "main" in raw:
        value = raw["main"]
        views = [k for k in known if k not in ("math", "code")]
        if not isinstance(value, str) or value not in views:
            report.add(f"main must be the name of a view: {', '.join(views)}", ("main",), index)
        elif experiment is None:
            report.add("main given but the page has no experiment", ("main",), index)
        else:
            main = value
    if "panels" in raw:
        value = raw["panels"]
        if not (isinstance(value, list) and value and all(isinstance(p, str) for p in value)):
            report.add(f"panels must be a non-empty list of panel names: {', '.join(known)}", ("panels",),
                       index)
        else:
            for name in value:
                if name not in known:
                    report.add(f"unknown panel {name!r}; known: {', '.join(known)}", ("panels",), index,
                               value=f'"{name}"')
            if len(set(value)) != len(value):
                report.add("a panel is listed twice", ("panels",), index)
            if experiment is None:
                report.add("panels given but the page has no experiment", ("panels",), index)
            panels = tuple(value)
    tasks = _tasks(raw.get("tasks", []), index, cls, experiment is not None, report)
    if report.count != before or title is None or text is None or params is None or tasks is None:
        return None
    return Page(number, page_id, title, text, experiment, params, panels, tasks, folder,  # type: ignore[arg-type]
                file, main)


def _tasks(raw: Any, index: int, cls: type[Experiment] | None, has_experiment: bool,
           report: _Report) -> list[Task] | None:
    if not isinstance(raw, list):
        report.add("tasks must be an array of tables ([[pages.tasks]])", ("tasks",), index)
        return None
    out: list[Task] = []
    seen: set[str] = set()
    before = report.count
    for t, task in enumerate(raw):
        if not isinstance(task, dict):
            report.add("each task must be a table", ("tasks",), index)
            continue
        for key in task:
            if key not in _TASK_KEYS:
                report.add(f"unknown key {key!r} in a task; allowed: {', '.join(_TASK_KEYS)}", (key,), index, t)
        task_id = task.get("id")
        if not (isinstance(task_id, str) and _ID.match(task_id)):
            report.add("task id missing or not lower-case letters, digits and dashes", ("id",), index, t)
        elif task_id in seen:
            report.add(f"duplicate task id {task_id!r}", ("id",), index, t)
        else:
            seen.add(task_id)
        text = _languages(task.get("text"), "task text", report, ("text",), index, t)
        check = task.get("check")
        if check is None:
            report.add("task has no check", ("id",), index, t)
        elif has_experiment and cls is None:
            pass  # the unknown experiment is reported once, on the page
        else:
            for path, hint, message in _check_problems(check, cls):
                report.add(message, ("check", *path), index, t, value=hint)
        solution = task.get("solution")
        if solution is not None:
            _solution(solution, cls, report, index, t)
        if text is not None and isinstance(task_id, str):
            out.append(Task(task_id, text, check if isinstance(check, dict) else {}, solution))
    return out if report.count == before else None


def load_chapter(manifest: Path) -> tuple[Chapter | None, list[Problem]]:
    """One chapter from its chapter.toml; None if the manifest cannot be used (problems say why)."""
    problems: list[Problem] = []
    try:
        text = manifest.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(manifest, None, f"cannot read the manifest: {error}")]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error)) or "bad TOML"
        return None, [Problem(manifest, int(found.group(1)) if found else None, f"TOML syntax error: {message}")]
    report = _Report(manifest, Locator(text), problems)
    for key in data:
        if key not in _CHAPTER_KEYS:
            report.add(f"unknown key {key!r} in the chapter; allowed: {', '.join(_CHAPTER_KEYS)}", (key,))
    number = data.get("chapter")
    folder_number = re.fullmatch(r"ch(\d+)", manifest.parent.name)
    if not (_is_int(number) and 1 <= number <= 99):
        report.add("chapter must be the chapter's number (a whole number from 1 to 99)", ("chapter",))
    elif folder_number and int(folder_number.group(1)) != number:
        report.add(f"chapter = {number} but the folder is {manifest.parent.name}", ("chapter",))
    title = _languages(data.get("title"), "chapter title", report, ("title",))
    pages_raw = data.get("pages", [])
    if not isinstance(pages_raw, list):
        report.add("pages must be an array of tables ([[pages]])", ("pages",))
    if report.count:
        return None, problems
    pages: list[Page] = []
    seen: set[str] = set()
    for index, raw in enumerate(pages_raw):
        page = _page(raw, index, number, manifest.parent, report, seen)
        if page is not None:
            pages.append(page)
    return Chapter(number, title, pages, manifest.parent), problems  # type: ignore[arg-type]


def load_course(root: Path) -> tuple[list[Chapter], list[Problem]]:
    """Every chapter under `root` (one chNN folder each), sorted by number, and the problems found on the way."""
    root = Path(root)
    if not root.is_dir():
        return [], [Problem(root, None, "the lessons folder does not exist")]
    chapters: dict[int, Chapter] = {}
    problems: list[Problem] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        manifest = folder / "chapter.toml"
        if not manifest.is_file():
            problems.append(Problem(manifest, None, "missing chapter.toml"))
            continue
        chapter, found = load_chapter(manifest)
        problems.extend(found)
        if chapter is None:
            continue
        if chapter.number in chapters:
            problems.append(Problem(manifest, Locator(manifest.read_text(encoding="utf-8")).line(("chapter",)),
                                    f"chapter {chapter.number} is also in {chapters[chapter.number].folder}"))
            continue
        chapters[chapter.number] = chapter
    return [chapters[n] for n in sorted(chapters)], problems


# -- navigation helpers for the lesson browser ----------------------------------------------------------

def all_pages(chapters: Sequence[Chapter]) -> list[Page]:
    """Every page of the course in reading order."""
    return [page for chapter in chapters for page in chapter.pages]


def find_page(chapters: Sequence[Chapter], key: str) -> Page | None:
    """The page with this key ("ch04/compare"), or None."""
    return next((page for page in all_pages(chapters) if page.key == key), None)


def neighbour(chapters: Sequence[Chapter], key: str, step: int) -> Page | None:
    """The page `step` pages after (or before, if negative) the page `key` in reading order, or None."""
    pages = all_pages(chapters)
    index = next((i for i, page in enumerate(pages) if page.key == key), None)
    if index is None or not 0 <= index + step < len(pages):
        return None
    return pages[index + step]
