"""Code panel: the experiment's own iteration() source, with the lines of the current phase lit.

The code shown is the code that runs: it is read with `inspect` from the experiment class, and the
lines of each phase are found with `ast` (from the line after the previous phase's `yield` to this
phase's `yield`).
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours, number_font
from learning.experiment import Experiment, Phase


def iteration_source(cls: type[Experiment]) -> tuple[str, dict[Phase, tuple[int, int]]]:
    """(dedented source of cls.iteration, {phase: (first line, last line)}), lines counted from 0."""
    source = textwrap.dedent(inspect.getsource(cls.iteration))
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    ranges: dict[Phase, tuple[int, int]] = {}
    start = function.body[0].lineno - 1
    if isinstance(function.body[0], ast.Expr) and isinstance(function.body[0].value, ast.Constant):
        start = function.body[1].lineno - 1 if len(function.body) > 1 else start  # skip the docstring
    yields = sorted((node for node in ast.walk(function) if isinstance(node, ast.Yield)), key=lambda n: n.lineno)
    for node in yields:
        phase = _phase_of(node)
        end = (node.end_lineno or node.lineno) - 1
        if phase is not None and phase not in ranges:
            ranges[phase] = (start, end)
        start = end + 1
    return source, ranges


def _phase_of(node: ast.Yield) -> Phase | None:
    value = node.value
    if isinstance(value, ast.Tuple) and value.elts:
        first = value.elts[0]
        if isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name) and first.value.id == "Phase":
            try:
                return Phase[first.attr]
            except KeyError:
                return None
    return None


class CodePanel(QWidget):
    """Read-only source of one iteration; the current phase's lines are highlighted."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("code")
        self.caption = QLabel()
        self.caption.setObjectName("code_caption")
        self.view = QPlainTextEdit()
        self.view.setObjectName("code_view")
        self.view.setReadOnly(True)
        self.view.setFont(number_font(10))
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setMinimumHeight(48)  # three lines: the strip stays low on a laptop screen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        self.ranges: dict[Phase, tuple[int, int]] = {}
        self._repaint = Repaint(self, self.highlight, 33)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.advanced.connect(self._schedule)
        runner.reset_done.connect(self.highlight)
        self.load()

    def _schedule(self, *_: Any) -> None:
        self._repaint.schedule()

    def load(self) -> None:
        """Show the current experiment's iteration() source."""
        cls = type(self.runner.experiment)
        try:
            source, self.ranges = iteration_source(cls)
        except (OSError, TypeError, SyntaxError):  # no source available (e.g. a frozen build)
            source, self.ranges = "", {}
        self.view.setPlainText(source)
        owner = next(k for k in cls.__mro__ if "iteration" in vars(k))  # where the code shown is written
        module = owner.__module__.replace(".", "/") + ".py"
        self.caption.setText(self.tr("{0} — one iteration of {1}").format(module, cls.id))
        self.view.setAccessibleName(self.tr("Code of one iteration"))
        self.highlight()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self.load()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.load()
        super().changeEvent(event)

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self.highlight()

    def current_lines(self) -> tuple[int, int] | None:
        """The highlighted line range (from 0), or None."""
        phase = self.runner.current_phase.phase if self.runner.current_phase else None
        return self.ranges.get(phase) if phase is not None else None

    def highlight(self) -> None:
        """Light the lines of the phase just computed."""
        c = colours()
        selections = []
        lines = self.current_lines()
        if lines is not None:
            doc = self.view.document()
            first, last = lines
            for n in range(first, last + 1):
                block = doc.findBlockByNumber(n)
                if not block.isValid():
                    continue
                selection = QTextEdit.ExtraSelection()
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(c.warning_bg))
                fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.format = fmt
                selection.cursor = QTextCursor(block)
                selections.append(selection)
            cursor = QTextCursor(doc.findBlockByNumber(first))
            self.view.setTextCursor(cursor)
            self.view.ensureCursorVisible()
        self.view.setExtraSelections(selections)
