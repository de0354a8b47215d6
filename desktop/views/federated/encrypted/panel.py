"""Encrypted aggregation: the three encrypted models as rows of opaque blocks, their homomorphic sum, only the sum
decrypted (or, with the book's decryption switched on, Sue's model: Q24), what it all cost and what it did to the
accuracy; a progress bar while a long aggregation runs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views.federated._common import CLIENTS, secure
from desktop.views.federated.encrypted.model import SUM, Aggregation, aggregation_of
from desktop.views.federated.encrypted.texts import EncryptedTexts
from desktop.widgets import ElidedLabel, FlowLayout

REPAINT_MS = 60
#: Characters of a ciphertext's fingerprint drawn in a block.
BLOCK_CHARS = 8


class AggregationCanvas(QWidget):
    """Draws an Aggregation: a row per encrypted array, the operations between them, then the costs."""

    def __init__(self, texts: EncryptedTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("encrypted_canvas")
        self.texts = texts
        self.aggregation: Aggregation | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def _line(self) -> int:
        return self.fontMetrics().height() + 2

    def items(self) -> list[tuple[Any, ...]]:
        """What is drawn, top to bottom: ("text", text, colour, bold, italic) and ("row", key) entries."""
        c = colours()
        agg = self.aggregation
        if agg is None:
            return [("text", self.texts.empty(), c.muted, False, False)]
        out: list[tuple[Any, ...]] = [("text", self.texts.key(agg), c.muted, False, False)]
        for key in CLIENTS:
            out.append(("row", key))
        out.append(("text", self.texts.operation(agg), c.text, False, True))
        out.append(("row", SUM))
        out.append(("text", self.texts.decryption(agg), c.accent if agg.decrypts == SUM else c.error, True, False))
        out.append(("text", self.texts.decrypted(agg), c.text, False, False))
        out += [("text", text, c.muted, False, False) for text in self.texts.costs(agg)]
        out += [("text", text, c.text, False, False) for text in self.texts.accuracy(agg)]
        return out

    def _font(self, bold: bool, italic: bool) -> QFont:
        font = QFont(self.font())
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def _text_height(self, text: str, bold: bool, italic: bool, width: int) -> int:
        metrics = QFontMetrics(self._font(bold, italic))
        return metrics.boundingRect(QRect(0, 0, max(width, 40), 100000), int(Qt.TextFlag.TextWordWrap), text).height()

    def content_height(self, width: int | None = None) -> int:
        """The height all lines need at `width` (default: the current width)."""
        width = (self.width() if width is None else width) - 8
        total = 8
        for item in self.items():
            total += 2 * self._line() if item[0] == "row" else self._text_height(item[1], item[3], item[4], width) + 2
        return total

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(560, self.content_height(560))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.content_height())

    def set_aggregation(self, aggregation: Aggregation | None) -> None:
        """Draw this aggregation (None: not an encrypted experiment)."""
        self.aggregation = aggregation
        self._fit()
        self.update()

    def _fit(self) -> None:
        height = self.content_height()
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
            self.updateGeometry()

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter)
        painter.end()

    def paint(self, painter: QPainter) -> None:
        """Draw the aggregation with `painter`."""
        c = colours()
        painter.fillRect(self.rect(), c.background)
        agg = self.aggregation
        width = self.width() - 8
        label_w = min(70.0, width * 0.2)
        y = 4.0
        for item in self.items():
            if item[0] == "row":
                key = item[1]
                assert agg is not None
                chosen = key == SUM if agg.decrypts == SUM else key == "sue"
                y = self._row(painter, y, label_w, width, agg, key, chosen)
                continue
            _, text, colour, bold, italic = item
            painter.setFont(self._font(bold, italic))
            painter.setPen(colour)
            height = self._text_height(text, bold, italic, width)
            painter.drawText(QRectF(4, y, width, height), int(Qt.TextFlag.TextWordWrap), text)
            painter.setFont(self.font())
            y += height + 2

    def _row(self, painter: QPainter, y: float, label_w: float, width: float, agg: Aggregation, key: str,
             chosen: bool) -> float:
        """A row's name, then its blocks (opaque fingerprints in grey), then its figures on the next line."""
        c = colours()
        line = self._line()
        painter.setPen(c.text)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(4, y, label_w, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.texts.row_name(key))
        row = agg.rows.get(key)
        font = number_font(self.font().pointSizeF() * 0.85)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        block_w = metrics.horizontalAdvance("0" * BLOCK_CHARS) + 8
        x = 4 + label_w
        if row is not None:
            for block in row.blocks:
                if x + block_w > 4 + width:
                    break
                rect = QRectF(x, y + 1, block_w - 3, line - 2)
                painter.fillRect(rect, c.grid)
                painter.setPen(QPen(c.accent if chosen else c.node_border, 2 if chosen else 1))
                painter.drawRect(rect)
                painter.setPen(c.muted)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, block[:BLOCK_CHARS])
                x += block_w
            if x + metrics.horizontalAdvance("…") < 4 + width:
                painter.drawText(QPointF(x, y + line - 5), "…")
        painter.setFont(self.font())
        painter.setPen(c.muted)
        text = self.texts.row_line(agg, key)
        painter.drawText(QRectF(4 + label_w, y + line, width - label_w, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width - label_w)))
        return y + 2 * line


class EncryptedPanel(QWidget):
    """Secure aggregation of the current run, live; `acted` reports "q24_switched" and "encrypt_switched"."""

    acted = Signal(str)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("encrypted")
        self.texts = EncryptedTexts(self)
        self.q24 = QCheckBox()
        self.q24.setObjectName("encrypted_q24")
        self.mode = QComboBox()
        self.mode.setObjectName("encrypted_mode")
        self.note = ElidedLabel()
        self.note.setObjectName("encrypted_note")
        self.note.setStyleSheet(f"color: {colours().muted.name()}")
        bar = QWidget()
        flow = FlowLayout(bar, spacing=6, expand_first=True)
        flow.addWidget(self.note)
        flow.addWidget(self.q24)
        flow.addWidget(self.mode)
        self.progress = QProgressBar()
        self.progress.setObjectName("encrypted_progress")
        self.progress.setTextVisible(True)
        self.progress.setMaximumHeight(self.fontMetrics().height() + 4)
        self.progress.hide()
        self.canvas = AggregationCanvas(self.texts)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.scroll_area, 1)
        self.q24.toggled.connect(self._on_q24_toggled)
        self.mode.activated.connect(self._on_mode_activated)
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        for signal in (runner.advanced, runner.rewound, runner.tested, runner.phase_stepped):
            signal.connect(self._repaint.schedule)
        runner.reset_done.connect(self.refresh)
        runner.experiment_changed.connect(self.refresh)
        runner.param_changed.connect(self._on_runner_param_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        text, tip = self.texts.q24()
        self.q24.setText(text)
        self.q24.setToolTip(tip)
        self.mode.blockSignals(True)
        self.mode.clear()
        for value, label in zip(("all", "changed"), self.texts.encrypt_modes(), strict=True):
            self.mode.addItem(label, value)
        self.mode.setToolTip(self.texts.encrypt_tip())
        self.mode.blockSignals(False)
        self.canvas.setAccessibleName(self.texts.title())
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- switches -----------------------------------------------------------------------------------------------
    def set_book_decryption(self, on: bool) -> None:
        """Switch the book's decryption (Q24) for the next run, as the check box does."""
        self.q24.setChecked(on)

    def set_encrypt(self, mode: str) -> None:
        """Choose what the clients encrypt in the next run ("all" or "changed"), as the picker does."""
        index = self.mode.findData(mode)
        if index >= 0:
            self.mode.setCurrentIndex(index)
            self._on_mode_activated(index)

    def _on_q24_toggled(self, on: bool) -> None:
        if secure(self.runner.experiment) and bool(self.runner.experiment.values["book_faithful"]) != on:
            self._set("book_faithful", on)
            self.acted.emit("q24_switched")

    def _on_mode_activated(self, index: int) -> None:
        value = self.mode.itemData(index)
        if secure(self.runner.experiment) and self.runner.experiment.values["encrypt"] != value:
            self._set("encrypt", value)
            self.acted.emit("encrypt_switched")

    def _set(self, name: str, value: Any) -> None:
        """Change a parameter of the next run; a run that has not begun starts again with it at once."""
        self.runner.set_param(name, value)
        if self.runner.count == 0 and not self.runner.mid_iteration:
            self.runner.reset()

    def _on_runner_param_changed(self, name: str, *_: Any) -> None:
        if name in ("book_faithful", "encrypt"):
            self.refresh()

    # -- reading the run ------------------------------------------------------------------------------------------
    def aggregation(self) -> Aggregation | None:
        """The aggregation of the run as it is now (None for an experiment without one)."""
        exp = self.runner.experiment
        if not secure(exp):
            return None
        progress = self.runner.test_progress if self.runner.mid_iteration else None
        return aggregation_of(exp, self.runner.history, progress)

    def refresh(self, *_: Any) -> None:
        """Read the run and redraw."""
        agg = self.aggregation()
        self.canvas.set_aggregation(agg)
        for widget in (self.q24, self.mode):
            widget.setEnabled(agg is not None)
        if agg is not None:
            self.q24.blockSignals(True)
            self.q24.setChecked(agg.book_next)
            self.q24.blockSignals(False)
            self.mode.setCurrentIndex(max(0, self.mode.findData(agg.encrypt_next)))
            waiting = agg.book_next != (agg.decrypts != SUM) or agg.encrypt_next != agg.encrypt
            self.note.setText(self.texts.pending() if waiting else "")
            working = bool(agg.stage) and self.runner.mid_iteration
            self.progress.setVisible(working)
            if working:
                self.progress.setRange(0, max(agg.total, 1))
                self.progress.setValue(min(agg.done, max(agg.total, 1)))
                self.progress.setFormat(self.texts.progress(agg))
        else:
            self.note.setText("")
            self.progress.hide()
        text = self.describe()
        self.canvas.setAccessibleDescription(text)
        self.setAccessibleDescription(text)

    def describe(self) -> str:
        """A text alternative of the view."""
        agg = self.canvas.aggregation
        return self.texts.empty() if agg is None else self.texts.describe(agg)

    def export_source(self) -> QWidget:
        """File → Export view draws the canvas (all its lines)."""
        return self.canvas
