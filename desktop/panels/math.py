"""Math strip: each phase's formulas filled with the live numbers of the current iteration.

Nothing is cut off: a formula wider than the strip wraps to further lines at its operators (=, −, +, ·, ⊙), never
inside a number or a bracket; vectors and matrices show their first and last elements around "…", and each
formula's exact values (all of them, for vectors of up to FULL_VALUES numbers) are in its tooltip. The strip scrolls
only when the formulas are taller than the strip, or when one unbreakable piece is wider than it.
"""

from __future__ import annotations

import html
import re
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from desktop.counting import iteration_text, shown_iteration
from desktop.format import exact, num
from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours, number_font
from learning.experiment import Phase

PLACEHOLDER = re.compile(r"\{(\w+)\}")
REPAINT_MS = 100  # while playing: numbers that change faster cannot be read anyway, and each change lays text out
# A line may break before these (the operators between the terms of a formula).
BREAK_BEFORE = {"=", "−", "+", "·", "⊙", "×", "/", "→"}
# A bracket (a vector, a function's argument) written longer than this many characters may wrap inside.
LONG_GROUP = 16
# The tooltip lists every value of an array up to this many; longer arrays show their first and last values.
FULL_VALUES = 120


def fill(template: str, values: dict[str, Any], digits: int = 6) -> str:
    """Put the values into a formula; names not computed yet show as an ellipsis; text values as they are."""
    def shown(name: str) -> str:
        value = values[name]
        return value if isinstance(value, str) else num(value, digits)

    return PLACEHOLDER.sub(lambda m: shown(m.group(1)) if m.group(1) in values else "…", template)


def breakable_html(text: str) -> str:
    """The formula as HTML that may wrap only before an operator or after a comma, and not inside a short bracket
    (a vector, a function's argument) at all: every other space is a non-breaking one."""
    closing: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in "[(":
            stack.append(i)
        elif ch in "])" and stack:
            closing[stack.pop()] = i
    out = []
    stack = []
    for i, ch in enumerate(text):
        if ch != " ":
            if ch in "[(":
                stack.append(i)
            elif ch in "])" and stack:
                stack.pop()
            out.append(html.escape(ch))
            continue
        following = text[i + 1:].split(" ", 1)[0]
        previous = text[:i].rstrip(" ").rsplit(" ", 1)[-1]
        if not following:
            free = False  # of several spaces, only the last may break
        else:
            # in a short bracket nothing breaks; at the top level and in a long bracket, operators and commas do
            long = not stack or closing.get(stack[-1], len(text)) - stack[-1] > LONG_GROUP
            free = long and (following in BREAK_BEFORE or previous.endswith(","))
        out.append(" " if free else "&nbsp;")
    return "".join(out)


def value_tip(name: str, value: Any) -> str:
    """`name = value` at full precision; a long array gives its shape and its first and last values."""
    array = np.asarray(value) if isinstance(value, np.ndarray | list | tuple) else None
    if array is None or array.size <= FULL_VALUES:
        return f"{name} = {exact(value)}"
    flat = array.reshape(-1)
    head = ", ".join(exact(float(v)) for v in flat[:8])
    tail = ", ".join(exact(float(v)) for v in flat[-8:])
    shape = "×".join(str(n) for n in array.shape)
    return f"{name} ({shape}) = [{head}, …, {tail}]"


class MathPanel(QWidget):
    """One row per formula, grouped by phase; the phase just computed is highlighted."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("math")
        self.header = QLabel()
        self.header.setObjectName("math_header")
        self.header.setWordWrap(True)
        self.body = QWidget()
        self.body.setObjectName("math_text")
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(1)
        self.grid.setColumnStretch(1, 1)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.header)
        column.addWidget(self.body)
        column.addStretch(1)
        # The formulas wrap to the strip's width; it scrolls (down, or sideways for one huge piece) only as a last
        # resort.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("math_scroll")
        self.scroll.setWidget(holder)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.scroll)
        self.heads: list[QLabel] = []
        self.rows: list[QLabel] = []
        self._templates: tuple[tuple[Phase, str], ...] = ()
        self._indent = 0
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        runner.advanced.connect(self._schedule)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.reset_done.connect(self.refresh)
        runner.experiment_changed.connect(self.refresh)
        runner.rewound.connect(self._schedule)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def phase_name(self, phase: Phase) -> str:
        """The translated name of a phase."""
        return {Phase.PREDICT: self.tr("Predict"), Phase.COMPARE: self.tr("Compare"),
                Phase.LEARN: self.tr("Learn")}[phase]

    def _schedule(self, *_: Any) -> None:
        if self.runner.playing:
            self._repaint.schedule()
        else:
            self.refresh()  # a Step shows its math at once

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self.refresh()

    def lines(self) -> list[tuple[Phase, str, bool]]:
        """(phase, filled formula, computed?) for every formula of the experiment, as shown."""
        return [(phase, text, computed) for phase, text, computed, _ in self._filled()]

    def _filled(self) -> list[tuple[Phase, str, bool, str]]:
        """(phase, filled formula, computed?, tooltip with the exact values) of every formula."""
        exp = self.runner.experiment
        done = {r.phase for r in self.runner.iteration_phases}
        values: dict[str, Any] = {}
        out = []
        for phase in exp.phases_used:
            for r in self.runner.iteration_phases:
                if r.phase == phase:
                    values.update(r.values)
            for written in exp.mode_formulas().get(phase, ()):
                template = QCoreApplication.translate("Formulas", written)  # its words in the learner's language
                if phase in done:
                    names = dict.fromkeys(PLACEHOLDER.findall(template))
                    tip = "\n".join(value_tip(n, values[n]) for n in names if n in values)
                    out.append((phase, fill(template, values), True, tip))
                else:
                    out.append((phase, fill(template, {}), False, ""))
        return out

    def shown_iteration(self) -> int | None:
        """The number of the iteration whose math is shown (README, "Counting"), or None before the first."""
        return shown_iteration(self.runner)

    def shown_text(self) -> str:
        """What the strip shows, as plain text: the header, then one line per formula (wrapped lines joined)."""
        lines = [self.header.text()]
        for head, row in zip(self.heads, self.rows, strict=True):
            text = re.sub(r"<[^>]+>", "", row.text()).replace("&nbsp;", " ")
            lines.append(f"{head.text()}\t{html.unescape(text)}".strip("\t"))
        return "\n".join(lines)

    def _build_rows(self, templates: tuple[tuple[Phase, str], ...]) -> None:
        for label in (*self.heads, *self.rows):
            self.grid.removeWidget(label)
            label.deleteLater()
        self.heads, self.rows = [], []
        font = number_font(11)
        for i, _ in enumerate(templates):
            head = QLabel()
            head.setFont(font)
            head.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            row = QLabel()
            row.setObjectName(f"math_row_{i}")
            row.setFont(font)
            row.setTextFormat(Qt.TextFormat.RichText)
            row.setWordWrap(True)
            row.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            row.setAutoFillBackground(True)
            self.grid.addWidget(head, i, 0)
            self.grid.addWidget(row, i, 1)
            self.heads.append(head)
            self.rows.append(row)
        self._templates = templates
        self._indent = 2 * QFontMetrics(font).horizontalAdvance("0")

    def refresh(self) -> None:
        """Rebuild the texts from the runner's current iteration."""
        c = colours()
        exp = self.runner.experiment
        templates = tuple((p, t) for p in exp.phases_used for t in exp.formulas.get(p, ()))
        if templates != self._templates:
            self._build_rows(templates)
        current = self.runner.current_phase.phase if self.runner.current_phase else None
        seen: set[Phase] = set()
        for (phase, text, computed, tip), head, row in zip(self._filled(), self.heads, self.rows, strict=True):
            head.setText(self.phase_name(phase) if phase not in seen else "")
            head.setStyleSheet(f"color: {c.muted.name()}")
            seen.add(phase)
            lit = phase == current and self.runner.mid_iteration
            colour = c.text if computed else c.muted
            weight = "600" if lit else "400"
            # a hanging indent: the lines a long formula wraps to start further right than the formula itself
            row.setText(f"<p style='margin:0; margin-left:{self._indent}px; text-indent:-{self._indent}px; "
                        f"color:{colour.name()}; font-weight:{weight}'>{breakable_html(text)}</p>")
            row.setToolTip(tip)
            row.setAccessibleName(text)
            palette = row.palette()
            palette.setColor(row.backgroundRole(), c.warning_bg if lit else c.surface)
            row.setPalette(palette)
            row.setAutoFillBackground(lit)
        self.header.setText(iteration_text(self.runner) if self.shown_iteration() is not None else self.tr(
            "Press Step (→) or Phase step (Shift+→) to see the math of one iteration"))
        self.header.setStyleSheet(f"color: {c.muted.name()}")
        self.setAccessibleDescription(self.describe())

    def describe(self) -> str:
        """The strip as text, for screen readers."""
        return self.shown_text()
