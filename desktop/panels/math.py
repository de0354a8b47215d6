"""Math strip: each phase's formulas filled with the live numbers of the current iteration."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.format import exact, num
from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours, number_font
from learning.experiment import Phase

PLACEHOLDER = re.compile(r"\{(\w+)\}")
REPAINT_MS = 33


def fill(template: str, values: dict[str, Any], digits: int = 6) -> str:
    """Put the values into a formula; names not computed yet show as an ellipsis; text values as they are."""
    def shown(name: str) -> str:
        value = values[name]
        return value if isinstance(value, str) else num(value, digits)

    return PLACEHOLDER.sub(lambda m: shown(m.group(1)) if m.group(1) in values else "…", template)


class MathPanel(QWidget):
    """One line per formula, grouped by phase; the phase just computed is highlighted."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("math")
        self.label = QLabel()
        self.label.setObjectName("math_text")
        self.label.setFont(number_font(11))
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Long formulas (a layer of 100 values) scroll sideways instead of widening the window.
        scroll = QScrollArea()
        scroll.setObjectName("math_scroll")
        scroll.setWidget(self.label)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(scroll)
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        runner.advanced.connect(self._schedule)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.reset_done.connect(self.refresh)
        runner.experiment_changed.connect(self.refresh)
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
        self._repaint.schedule()

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self.refresh()

    def lines(self) -> list[tuple[Phase, str, bool]]:
        """(phase, filled formula, computed?) for every formula of the experiment, as shown."""
        exp = self.runner.experiment
        done = {r.phase for r in self.runner.iteration_phases}
        values: dict[str, Any] = {}
        out = []
        for phase in exp.phases_used:
            for r in self.runner.iteration_phases:
                if r.phase == phase:
                    values.update(r.values)
            for template in exp.mode_formulas().get(phase, ()):
                out.append((phase, fill(template, values) if phase in done else fill(template, {}), phase in done))
        return out

    def refresh(self) -> None:
        """Rebuild the text from the runner's current iteration."""
        c = colours()
        current = self.runner.current_phase.phase if self.runner.current_phase else None
        rows = []
        tips = []
        seen: set[Phase] = set()
        for phase, text, computed in self.lines():
            head = self.phase_name(phase) if phase not in seen else ""
            seen.add(phase)
            colour = c.text if computed else c.muted
            weight = "600" if phase == current and self.runner.mid_iteration else "400"
            bg = f"background:{c.warning_bg.name()};" if phase == current and self.runner.mid_iteration else ""
            rows.append(
                f"<tr><td style='color:{c.muted.name()};padding-right:14px'>{html.escape(head)}</td>"
                f"<td style='color:{colour.name()};font-weight:{weight};{bg}'>{html.escape(text)}</td></tr>")
        for r in self.runner.iteration_phases:
            tips.extend(f"{k} = {exact(v)}" for k, v in r.values.items())
        it = self.runner.count - (0 if self.runner.mid_iteration else 1)
        header = self.tr("Iteration {0}").format(max(it, 0)) if self.runner.iteration_phases else self.tr(
            "Press Step (→) or Phase step (Shift+→) to see the math of one iteration")
        self.label.setText(f"<div style='color:{c.muted.name()}'>{html.escape(header)}</div>"
                           f"<table cellspacing='0' cellpadding='1'>{''.join(rows)}</table>")
        self.label.setToolTip("\n".join(tips))
        self.label.setAccessibleDescription(" ; ".join(t for _, t, _ in self.lines()))
