"""The framework's own code under the graph: click a tensor and its lines light up — the forward function of the
operation that computed it, and the backward functions of the operations that used it (they computed its
gradient). The text is read from the framework's files (the code that runs), located with `code_location`."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QSizePolicy, QTextEdit, QToolButton, QVBoxLayout, QWidget

from desktop.colour import mix
from desktop.theme import colours, number_font
from desktop.widgets import ElidedLabel
from learning.framework import code_location
from learning.framework.graph import Node, Trace

#: Where the framework lives, for the captions (paths relative to the project).
ROOT = Path(code_location("add").file).resolve().parents[2]


@dataclass
class Lines:
    """The lines to light in one file (1-based, inclusive): what computed a tensor and what computed its gradient."""

    file: Path
    forward: list[tuple[int, int]] = field(default_factory=list)
    backward: list[tuple[int, int]] = field(default_factory=list)
    #: The operations named in the caption: (forward op or None, [ops whose backward gave the gradient]).
    forward_op: str | None = None
    backward_ops: list[str] = field(default_factory=list)


def node_lines(trace: Trace, node: Node) -> Lines:
    """The code of a tensor: its operation's forward function, and the backward function of every operation that
    used it (one per consumer; the root's gradient is the seed, no code)."""
    ops_file = code_location("add").file
    out = Lines(ops_file)
    if node.op is not None:
        where = code_location(node.op)
        out.forward.append(where.forward)
        out.forward_op = where.op
    for edge in trace.edges:
        if edge.source == node.index:
            consumer = trace.nodes[edge.target]
            if consumer.op is None:
                continue
            where = code_location(consumer.op)
            if where.backward not in out.backward:
                out.backward.append(where.backward)
                out.backward_ops.append(where.op)
    return out


def layer_lines(layer_class: type) -> Lines | None:
    """The forward method of a layer class (a collapsed layer call), or None when its source cannot be read."""
    try:
        source, first = inspect.getsourcelines(layer_class.forward)
        file = Path(inspect.getsourcefile(layer_class.forward) or "")
    except (OSError, TypeError):
        return None
    return Lines(file, [(first, first + len(source) - 1)], [], layer_class.__name__ + ".forward")


class SourcePane(QWidget):
    """A read-only view of one framework file with the lines of a tensor lit (forward in the code panel's
    colour, backward in a blue tint); hidden until a tensor is clicked."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graph_source")
        self.caption = ElidedLabel()
        self.caption.setObjectName("graph_source_caption")
        self.close_button = QToolButton()
        self.close_button.setObjectName("graph_source_close")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self._on_close_clicked)
        self.text = QPlainTextEdit()
        self.text.setObjectName("graph_source_text")
        self.text.setReadOnly(True)
        self.text.setFont(number_font(9))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setMinimumHeight(48)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        head = QHBoxLayout()
        head.setContentsMargins(4, 0, 0, 0)
        head.addWidget(self.caption, 1)
        head.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.text, 1)
        self.file: Path | None = None
        self.lines: Lines | None = None
        self._top: int | None = None
        self._texts: dict[Path, str] = {}
        self.retranslate()

    def retranslate(self) -> None:
        """The close button's tip in the current language."""
        self.close_button.setToolTip(self.tr("Hide the code"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_lines(self, lines: Lines, caption: str, primary: str) -> None:
        """Show the file of `lines` with its ranges lit; scroll to the `primary` kind ("forward" or "backward")."""
        if lines.file != self.file:
            text = self._texts.get(lines.file)
            if text is None:
                try:
                    text = self._texts[lines.file] = lines.file.read_text(encoding="utf-8")
                except OSError:  # a frozen build without sources: say so rather than fail
                    text = ""
            self.text.setPlainText(text)
            self.file = lines.file
        self.lines = lines
        try:
            shown = lines.file.resolve().relative_to(ROOT)
        except ValueError:
            shown = lines.file
        self.caption.setText(f"{shown.as_posix()} — {caption}")
        c = colours()
        selections = []
        doc = self.text.document()
        tints = ((lines.forward, QColor(c.warning_bg)), (lines.backward, mix(c.surface, c.positive, 0.2)))
        for ranges, colour in tints:
            for first, last in ranges:
                for n in range(first - 1, last):
                    block = doc.findBlockByNumber(n)
                    if not block.isValid():
                        continue
                    selection = QTextEdit.ExtraSelection()
                    fmt = QTextCharFormat()
                    fmt.setBackground(colour)
                    fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
                    selection.format = fmt
                    selection.cursor = QTextCursor(block)
                    selections.append(selection)
        self.text.setExtraSelections(selections)
        order = (lines.backward, lines.forward) if primary == "backward" else (lines.forward, lines.backward)
        first_range = next((r[0] for r in order if r), None)
        self._top = None if first_range is None else max(first_range[0] - 3, 0)
        if self._top is not None:
            self.text.setTextCursor(QTextCursor(doc.findBlockByNumber(first_range[0] - 1)))
            self._scroll()
            QTimer.singleShot(0, self._scroll)  # again once the pane is laid out (it may have just been shown)

    def _scroll(self) -> None:
        """Put the lit lines (two lines of context above them) at the top of the text."""
        if self._top is not None:
            self.text.verticalScrollBar().setValue(self._top)  # a plain text edit scrolls line by line

    def top_line(self) -> int:
        """The first line in sight (1-based)."""
        return self.text.verticalScrollBar().value() + 1

    def lit_lines(self) -> dict[str, list[int]]:
        """The lit line numbers (1-based) by kind, read back from the text's highlights."""
        c = colours()
        out: dict[str, list[int]] = {"forward": [], "backward": []}
        for selection in self.text.extraSelections():
            kind = "forward" if selection.format.background().color() == QColor(c.warning_bg) else "backward"
            out[kind].append(selection.cursor.blockNumber() + 1)
        return out

    def _on_close_clicked(self) -> None:
        self.hide()
        self.closed.emit()
