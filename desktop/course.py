"""The course: chapters of lesson pages read from resources/lessons (TOML manifests + Markdown), and task checks.

Pure Python (no Qt): the lesson browser loads the course through `load_course` and ticks tasks with `check_met`.
Lessons are data: `lessons/chNN/chapter.toml` lists a chapter's pages; each page's text lives beside it in
`<file>.en.md` and `<file>.ru.md`. Bad content never raises: every fault becomes a `Problem` (file, line, what is
wrong) and only the faulty page (or chapter, if its manifest cannot be read) is left out.
"""

from __future__ import annotations

import re
import stat
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.course_checks import CHECK_KINDS, RunFacts, as_number, check_met, check_problems, is_int, known_actions
from desktop.course_lines import Locator
from learning import catalogue
from learning.experiment import Experiment, ParamError

__all__ = ["CHECK_KINDS", "RunFacts", "check_met"]  # the checks live in desktop/course_checks.py

LANGUAGES = ("en", "ru")


def known_panels() -> tuple[str, ...]:
    """The names a page may give in `panels` and `main`: every view of desktop/views/registry.py (the single
    source) and the window's math and code strips."""
    from desktop.views import registry  # imported here: the course model itself needs no Qt

    return (*registry.keys(), *registry.STRIPS)


#: The panels a page with an experiment shows when it names none.
CORE_PANELS = ("diagram", "plot", "math", "code")

_CHAPTER_KEYS = ("chapter", "title", "pages")
_PAGE_KEYS = ("id", "file", "title", "experiment", "params", "main", "panels", "tasks")
_TASK_KEYS = ("id", "text", "check", "solution")
_SOLUTION_KEYS = ("params", "weight_edits", "phase_steps", "iterations", "runs", "view_actions")
_RUN_KEYS = ("params", "iterations")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?")
#: Limits of lesson files: a manifest, a page's text, an image (larger ones are reported, not read).
MAX_MANIFEST_BYTES = 512 * 1024
MAX_TEXT_BYTES = 2 * 2**20
MAX_IMAGE_BYTES = 4 * 2**20
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".gif")
#: How deeply checks may nest (kind "all" inside "all" ...).
MAX_CHECK_DEPTH = 8


def lesson_image(folder: Path, target: str) -> tuple[Path | None, str]:
    """The image file a page's Markdown names, if it may be shown: a regular file inside the page's folder (no
    absolute path, no way out through .. or a link), of an image type, at most MAX_IMAGE_BYTES. Else (None, why)."""
    if not target or "://" in target or target.startswith(("/", "\\")) or ":" in target:
        return None, f"image {target!r} is not a file in the lesson folder"
    try:
        root = folder.resolve()
        path = (folder / target).resolve()
    except (OSError, RuntimeError, ValueError):
        return None, f"image {target!r} cannot be resolved"
    if root not in path.parents:
        return None, f"image {target!r} is outside the lesson folder"
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return None, f"image {target!r} is not an image file ({', '.join(IMAGE_SUFFIXES)})"
    try:
        info = path.stat()
    except OSError:
        return None, f"missing image {target!r}"
    if not stat.S_ISREG(info.st_mode):
        return None, f"image {target!r} is not a regular file"
    if info.st_size > MAX_IMAGE_BYTES:
        return None, f"image {target!r} is larger than {MAX_IMAGE_BYTES // 2**20} MB"
    return path, ""


def _regular_text(path: Path, limit: int) -> str:
    """A regular file's UTF-8 text, at most `limit` bytes (OSError / UnicodeDecodeError / ValueError otherwise):
    a device, a pipe or a huge file is never read."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("not a regular file")
    if info.st_size > limit:
        raise ValueError(f"larger than {limit // 1024} kB")
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than {limit // 1024} kB")
    return data.decode("utf-8")


#: Tables and arrays in a manifest nest at most this deep (a page > its tasks > a check > an "all" of checks ...).
MAX_TOML_DEPTH = 100


def _depth(value: Any, limit: int) -> int:
    """How deeply tables and arrays nest in `value` (counting stops past `limit`), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > limit:
            return level
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


@dataclass
class Task:
    """A "try this" task: its text per language and the check that ticks it.

    `solution` (optional, never shown as a task) says how a learner can meet the check: earlier runs to compare
    (`runs`, each with its parameter values and iterations, ended by a reset), then parameter values, weight edits,
    single phase steps, whole iterations and actions in views ({action: times}, done after the iterations); the
    course tests replay it to prove the task is possible (view actions: in the window).
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
    runs = solution.get("runs", [])
    if not (isinstance(runs, list) and all(isinstance(r, dict) and set(r) <= set(_RUN_KEYS) for r in runs)):
        report.add(f"solution runs must be a list of tables with {' and/or '.join(_RUN_KEYS)}", (*path, "runs"),
                   page, task)
    else:
        for run in runs:
            if "params" in run:
                _param_problems(cls, run["params"], report, (*path, "runs", "params"), page, task)
            if "iterations" in run and not (is_int(run["iterations"]) and run["iterations"] >= 0):
                report.add("solution runs' iterations must be a whole number >= 0", (*path, "runs"), page, task)
    for key in ("phase_steps", "iterations"):
        if key in solution and not (is_int(solution[key]) and solution[key] >= 0):
            report.add(f"solution {key} must be a whole number >= 0", (*path, key), page, task)
    edits = solution.get("weight_edits", [])
    if not (isinstance(edits, list) and all(
            isinstance(e, list) and len(e) == 4 and isinstance(e[0], str) and is_int(e[1]) and is_int(e[2])
            and as_number(e[3]) is not None for e in edits)):
        report.add("solution weight_edits must be a list of [name, row, column, value]", (*path, "weight_edits"),
                   page, task)
    actions = solution.get("view_actions", {})
    if not (isinstance(actions, dict) and all(a in known_actions() and is_int(n) and n >= 1
                                              for a, n in actions.items())):
        report.add(f"solution view_actions must be a table of view actions and times; actions: "
                   f"{', '.join(known_actions())}", (*path, "view_actions"), page, task)
    return report.count == before


def _read_text(folder: Path, file: str, report: _Report, page: int) -> dict[str, str] | None:
    """The page's Markdown per language, or None after reporting a missing or empty file."""
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        path = folder / f"{file}.{lang}.md"
        try:
            text = _regular_text(path, MAX_TEXT_BYTES)
        except FileNotFoundError:
            report.add(f"missing page text {path.name} (file = {file!r})", ("file",), page)
            continue
        except (OSError, UnicodeDecodeError, ValueError) as error:
            report.add(f"cannot read {path.name}: {error}", ("file",), page)
            continue
        if not text.strip():
            report.add(f"page text {path.name} is empty", ("file",), page)
            continue
        out[lang] = text
        for number, line in enumerate(text.splitlines(), start=1):
            for target in _IMAGE.findall(line):
                image, why = lesson_image(folder, target)
                if image is None:
                    # reported, but the page still shows (without it): a figure should not hide its text
                    report.problems.append(Problem(path, number, why))
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
        if not isinstance(experiment, str):
            report.add(f"experiment must be an id string (got {experiment!r})", ("experiment",), index)
        else:
            try:
                cls = catalogue.get(experiment)
            except catalogue.UnknownExperiment as error:
                report.add(str(error), ("experiment",), index)
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
        elif _depth(check, 2 * MAX_CHECK_DEPTH) > 2 * MAX_CHECK_DEPTH:  # an "all" nests as table > list > table
            report.add(f"check nested more than {MAX_CHECK_DEPTH} levels deep", ("check",), index, t)
        elif isinstance(check, dict) and not isinstance(check.get("kind", ""), str):
            report.add(f"check kind must be a name (got {check.get('kind')!r})", ("check", "kind"), index, t)
        elif has_experiment and cls is None:
            pass  # the unknown experiment is reported once, on the page
        else:
            for path, hint, message in check_problems(check, cls):
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
        text = _regular_text(manifest, MAX_MANIFEST_BYTES)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return None, [Problem(manifest, None, f"cannot read the manifest: {error}")]
    try:
        data = tomllib.loads(text)
    except RecursionError:
        return None, [Problem(manifest, None, "TOML nested too deeply")]
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error)) or "bad TOML"
        return None, [Problem(manifest, int(found.group(1)) if found else None, f"TOML syntax error: {message}")]
    if _depth(data, MAX_TOML_DEPTH) > MAX_TOML_DEPTH:  # also where the interpreter's recursion limit is raised
        return None, [Problem(manifest, None, "TOML nested too deeply")]
    report = _Report(manifest, Locator(text), problems)
    for key in data:
        if key not in _CHAPTER_KEYS:
            report.add(f"unknown key {key!r} in the chapter; allowed: {', '.join(_CHAPTER_KEYS)}", (key,))
    number = data.get("chapter")
    folder_number = re.fullmatch(r"ch(\d+)", manifest.parent.name)
    if not (is_int(number) and 1 <= number <= 99):
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
        try:
            page = _page(raw, index, number, manifest.parent, report, seen)
        except Exception as error:  # noqa: BLE001 - one bad page never hides the others
            report.add(f"this page cannot be used ({type(error).__name__}: {error})", ("id",), index)
            page = None
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
        try:
            chapter, found = load_chapter(manifest)
        except Exception as error:  # noqa: BLE001 - a lesson file must never stop the app: report and go on
            chapter, found = None, [Problem(manifest, None, f"cannot be used ({type(error).__name__}: {error})")]
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
