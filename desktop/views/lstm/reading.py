"""The text through the network's eyes (chapter 14's character models): a stretch of the training text, each
character coloured by how surprised the network was to see it (the loss, −ln p of the true next character), or by
the value of one hidden unit or one LSTM gate after reading it. Pick a unit, or let the view find the unit that
differs most on capital letters, line breaks or speaker names (Reading.units_that_track).

The values come from desktop/views/lstm/_text.Reader (CharModel.read's numbers, a few characters per turn of the
event loop); a QSyntaxHighlighter paints them with a few dozen formats quantised from desktop/colour.py. Line
breaks are shown as ↵ so that they can be coloured too.
"""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QColor, QHelpEvent, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.colour import scale_for, signed_rgba
from desktop.format import num
from desktop.runner import Runner
from desktop.theme import number_font
from desktop.views import ViewSpec
from desktop.views.lstm._common import Chunked, LiveView, is_char_model, muted_label, runner_busy, shown_char
from desktop.views.lstm._text import FEATURES, Reader, feature_mask
from desktop.widgets import FlowLayout, spoken
from learning.chapters.ch14_reading import Reading
from learning.experiment import ParamError

#: What the learner does here that a lesson task may count: the unit shown is among the TOP units for a feature.
ACTIONS = tuple(f"unit_for_{feature}" for feature in FEATURES)
#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 240)
#: Characters read.
LENGTH = 1000
#: While playing, the text is read again at most this often.
READ_S = 3.0
#: A unit "tracks" a feature when it is among this many units that differ most on it.
TOP = 3
#: Shades on each side of zero.
SHADES = 16
#: What the characters can be coloured by: the surprise, the hidden state h, the LSTM's gates and cell state.
COLOURINGS = ("surprise", "h", "f", "i", "o", "g", "c")
#: Surprise (nats) at full colour: a little more than ln 62 = 4.13, a blind guess among 62 characters.
SURPRISE_SCALE = 5.0


def spec() -> ViewSpec:
    """The text through the network's eyes, for the character models."""
    return ViewSpec("reading", lambda: QCoreApplication.translate("ReadingPanel", "Text through the network's eyes"),
                    ReadingPanel, MINIMUM, is_char_model, rank=6, actions=ACTIONS)


def shade_formats() -> list[QTextCharFormat]:
    """2 · SHADES + 1 background formats from the signed colour map (index SHADES is 0), then the grey of NaN."""
    values = np.append(np.arange(-SHADES, SHADES + 1) / SHADES, np.nan)
    formats = []
    for k, (r, g, b, _) in enumerate(signed_rgba(values, 1.0)):
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(int(r), int(g), int(b)))
        strong = k < len(values) - 1 and abs(values[k]) > 0.6
        if strong:
            fmt.setForeground(QColor("#ffffff"))
        formats.append(fmt)
    return formats


def shade_index(values: np.ndarray, scale: float) -> np.ndarray:
    """Each value's format: round(value / scale · SHADES) + SHADES, clipped; NaN the grey (the last)."""
    v = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        index = np.rint(np.clip(v / scale, -1, 1) * SHADES) + SHADES
    return np.where(np.isnan(index), 2 * SHADES + 1, index).astype(np.intp)


class ShadeHighlighter(QSyntaxHighlighter):
    """Colours each character of the document by its entry in `shades` (a format index per document position,
    −1 for none)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats = shade_formats()
        self.shades = np.zeros(0, dtype=np.intp)

    def set_shades(self, shades: np.ndarray) -> None:
        """New format indices per document position; the document is repainted."""
        self.shades = shades
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        start = self.currentBlock().position()
        shades = self.shades[start:start + len(text)]
        k = 0
        while k < len(shades):  # runs of one shade: one setFormat each
            j = k
            while j + 1 < len(shades) and shades[j + 1] == shades[k]:
                j += 1
            if shades[k] >= 0:
                self.setFormat(k, j - k + 1, self.formats[int(shades[k])])
            k = j + 1


def display_text(chars: str) -> tuple[str, np.ndarray]:
    """The text as shown (each line break as "↵" then the break) and each character's position in it."""
    out, positions, at = [], [], 0
    for c in chars:
        positions.append(at)
        out.append("↵\n" if c == "\n" else c)
        at += 2 if c == "\n" else 1
    return "".join(out), np.array(positions, dtype=np.intp)


class TextPane(QPlainTextEdit):
    """The read-only text; a tooltip says what the network saw at the character under the mouse."""

    def __init__(self, owner: ReadingPanel) -> None:
        super().__init__()
        self.owner = owner
        self.setObjectName("reading_text")
        self.setReadOnly(True)
        self.setFont(number_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setMinimumHeight(60)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self.cursorForPosition(event.pos())
            text = self.owner.tip_at(cursor.position())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class ReadingPanel(LiveView):
    """Colour by, unit, find a unit for a feature, where the stretch starts; the coloured text; a caption."""

    REPAINT_MS = 100

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "reading", parent)
        self.reading: Reading | None = None
        self.reader: Reader | None = None
        self.positions = np.zeros(0, dtype=np.intp)
        self._read_at = -1e9
        self._stale = True
        self._reported: set[tuple[str, str, int]] = set()  # (feature, state, unit) already reported
        self.chunks = Chunked(self, self._on_reader_done)
        bar = QWidget()
        flow = FlowLayout(bar, spacing=6)
        self.colouring = QComboBox()
        self.colouring.setObjectName("reading_colouring")
        self.colouring.addItems(["" for _ in COLOURINGS])
        self.colouring.currentIndexChanged.connect(self._on_colouring_current_index_changed)
        self.unit_caption = QLabel()
        self.unit = QSpinBox()
        self.unit.setObjectName("reading_unit")
        self.unit.setKeyboardTracking(False)
        self.unit.valueChanged.connect(self._on_unit_value_changed)
        self.feature = QComboBox()
        self.feature.setObjectName("reading_feature")
        self.feature.addItems(["" for _ in FEATURES])
        self.find = QToolButton()
        self.find.setObjectName("reading_find")
        self.find.clicked.connect(self.find_unit)
        self.start_caption = QLabel()
        self.start = QSpinBox()
        self.start.setObjectName("reading_start")
        self.start.setSingleStep(LENGTH)
        self.start.setKeyboardTracking(False)
        self.start.valueChanged.connect(self._on_start_value_changed)
        for widget in (self.colouring, self.unit_caption, self.unit, self.feature, self.find, self.start_caption,
                       self.start):
            flow.addWidget(widget)
        self.text = TextPane(self)
        self.highlighter = ShadeHighlighter(self.text.document())
        self.caption = muted_label("reading_caption")
        self.caption.setFont(number_font(8))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(bar)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.caption)
        self.run_changed(True)
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the current language."""
        names = (self.tr("surprise (loss)"), self.tr("hidden unit h"), self.tr("forget gate f"),
                 self.tr("input gate i"), self.tr("output gate o"), self.tr("candidate g"), self.tr("cell state c"))
        for k, name in enumerate(names):
            self.colouring.setItemText(k, name)
        self.colouring.setToolTip(self.tr("Surprise: −ln of the probability the network gave the character "
                                          "(orange: surprised). A unit: its value after reading the character "
                                          "(blue above zero, orange below)."))
        self.unit_caption.setText(self.tr("unit"))
        spoken(self.colouring, self.tr("Colour the characters by"))
        spoken(self.unit, self.tr("Unit"))
        spoken(self.feature, self.tr("Characters to find a unit for"))
        spoken(self.start, self.tr("Where the stretch starts"))
        for k, name in enumerate((self.tr("capital letters"), self.tr("line breaks"), self.tr("speaker names"))):
            self.feature.setItemText(k, name)
        self.find.setText(self.tr("Find a unit"))
        self.find.setToolTip(self.tr("Show the unit whose value differs most between these characters and the "
                                     "others"))
        self.start_caption.setText(self.tr("from"))
        self.start.setToolTip(self.tr("Where in the training text the stretch of {0} characters starts")
                              .format(LENGTH))
        spoken(self.text, self.tr("Training text, coloured"))
        self.setAccessibleName(self.tr("Text through the network's eyes"))
        self.refresh()

    # -- following the run --------------------------------------------------------------------------------------
    def run_changed(self, fresh: bool) -> None:
        self._stale = True
        if not fresh:
            return
        self._reported.clear()
        self.chunks.stop()
        self.reader = None
        self.reading = None
        exp = self.runner.experiment
        lstm = is_char_model(exp) and exp.kind == "lstm"
        model = self.colouring.model()
        for k in range(2, len(COLOURINGS)):  # the gates exist only in the LSTM
            item = model.item(k)  # type: ignore[attr-defined]
            if item is not None:
                item.setEnabled(lstm)
        if not lstm and self.colouring.currentIndex() >= 2:
            self.colouring.setCurrentIndex(1)
        if is_char_model(exp):
            self.unit.setRange(0, exp.net.hidden - 1)
            self.start.setRange(0, max(0, len(exp.text) - 2))
        self.text.setPlainText("")

    def _read(self) -> None:
        exp = self.runner.experiment
        try:
            self.reader = Reader(exp, self.start.value(), LENGTH, gates=exp.kind == "lstm")
        except ParamError as error:
            self.caption.setText(str(error))
            return
        self._read_at = time.perf_counter()
        self._stale = False
        self.chunks.start(self.reader.steps())

    def _on_reader_done(self) -> None:
        if self.reader is None or self.reader.result is None:
            return
        first = self.reading is None or self.reading.chars != self.reader.result.chars
        self.reading = self.reader.result
        if first:
            shown, self.positions = display_text(self.reading.chars[:-1])
            self.text.setPlainText(shown)
        self.paint_text()
        self.update_description()

    def settle(self) -> None:
        """Finish the reading under way now (tests, exports)."""
        if self.reader is None or self._stale:
            self.refresh()
        self.chunks.finish()

    # -- the learner's controls ----------------------------------------------------------------------------------
    def colouring_name(self) -> str:
        """surprise, h, f, i, o, g or c."""
        return COLOURINGS[self.colouring.currentIndex()]

    def _on_colouring_current_index_changed(self, *_: Any) -> None:
        self.paint_text()
        self.update_description()

    def _on_unit_value_changed(self, *_: Any) -> None:
        if self.colouring_name() == "surprise":
            self.colouring.setCurrentIndex(1)
        self.paint_text()
        self.update_description()

    def _on_start_value_changed(self, *_: Any) -> None:
        self._stale = True
        self.reading = None
        self.schedule()

    def find_unit(self) -> None:
        """Show the unit (of the state or gate chosen, h when colouring by surprise) that differs most on the
        chosen feature's characters."""
        if self.reading is None:
            return
        what = self.colouring_name() if self.colouring_name() != "surprise" else "h"
        feature = FEATURES[self.feature.currentIndex()]
        top = self.reading.units_that_track(feature_mask(self.reading.chars[:-1], feature), what, 1)
        if not top:
            self.caption.setText(self.tr("No character of that kind in this stretch: read another one."))
            return
        if self.colouring_name() == "surprise":
            self.colouring.setCurrentIndex(1)
        self.unit.setValue(top[0][0])
        self.paint_text()
        self.update_description()

    # -- the picture ------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the text again when the weights changed (throttled while playing)."""
        exp = self.runner.experiment
        if not is_char_model(exp):
            self.caption.setText(self.tr("This view reads chapter 14's training text with a character model."))
            return
        if self.isVisible() and not self.chunks.busy and self._stale and not runner_busy(self.runner) and (
                not self.runner.playing or time.perf_counter() - self._read_at >= READ_S):
            self._read()
        if self.reading is None:
            self.caption.setText(self.tr("Reading the text…"))
        else:
            self.caption.setText(self.caption_text())  # the words may have changed (a language switch)

    def values(self) -> tuple[np.ndarray, float, int] | None:
        """(values per character, colour scale, shift): value k belongs to character k + shift of the stretch."""
        reading = self.reading
        if reading is None:
            return None
        name = self.colouring_name()
        if name == "surprise":  # the character that surprised it: the one after the character it had read
            return -reading.surprise, SURPRISE_SCALE, 1
        try:
            values = reading.unit(self.unit.value(), name)
        except ValueError:
            return None
        return values, (scale_for(values) if name == "c" else 1.0), 0

    def paint_text(self) -> None:
        """Colour the characters and write the caption; report a unit that tracks a feature."""
        got = self.values()
        if got is None or self.reading is None:
            self.highlighter.set_shades(np.zeros(0, dtype=np.intp))
            return
        values, scale, shift = got
        doc = np.full(self.text.document().characterCount(), -1, dtype=np.intp)
        index = shade_index(values, scale)
        where = self.positions[shift:shift + len(index)]
        doc[where] = index[: len(where)]
        self.highlighter.set_shades(doc)
        self.caption.setText(self.caption_text())
        self._report()

    def _ranks(self) -> dict[str, int | None]:
        """The shown unit's rank (1 = differs most) for each feature, among the units of the shown state."""
        reading, name = self.reading, self.colouring_name()
        if reading is None or name == "surprise":
            return {}
        out: dict[str, int | None] = {}
        chars = reading.chars[:-1]
        for feature in FEATURES:
            order = [u for u, _ in reading.units_that_track(feature_mask(chars, feature), name, TOP)]
            out[feature] = order.index(self.unit.value()) + 1 if self.unit.value() in order else None
        return out

    def _report(self) -> None:
        for feature, rank in self._ranks().items():
            key = (feature, self.colouring_name(), self.unit.value())
            if rank is not None and key not in self._reported:
                self._reported.add(key)
                self.acted.emit(f"unit_for_{feature}")

    def caption_text(self) -> str:
        """The stretch's mean surprise, or the unit and what it tracks."""
        reading = self.reading
        assert reading is not None
        mean = reading.mean_surprise()
        base = self.tr("{0} characters from {1}: mean surprise {2} nats (perplexity {3})").format(
            reading.length, reading.start, num(mean, 3), num(math.exp(mean), 3) if math.isfinite(mean) else "∞")
        if self.colouring_name() == "surprise":
            return base
        names = dict(zip(FEATURES, (self.tr("capital letters"), self.tr("line breaks"), self.tr("speaker names")),
                         strict=True))
        tracked = [self.tr("{0} (rank {1})").format(names[f], r) for f, r in self._ranks().items() if r is not None]
        unit = self.tr("unit {0} of {1}").format(self.unit.value(), self.colouring_name())
        if tracked:
            return self.tr("{0} tracks {1} · {2}").format(unit, ", ".join(tracked), base)
        return f"{unit} · {base}"

    def tip_at(self, position: int) -> str:
        """What the network saw at a document position: the character, its probability and surprise, what it
        expected, and the unit's value."""
        reading = self.reading
        if reading is None or not len(self.positions):
            return ""
        k = int(np.searchsorted(self.positions, position, side="right")) - 1
        if not 0 <= k < reading.length:
            return ""
        parts = [self.tr("{0}: next {1} had p = {2} (surprise {3} nats); it expected {4}").format(
            repr(shown_char(reading.chars[k])), repr(shown_char(reading.chars[k + 1])),
            num(reading.probability[k], 3), num(reading.surprise[k], 3), repr(shown_char(reading.predicted[k])))]
        if self.colouring_name() != "surprise":
            got = self.values()
            if got is not None:
                parts.append(self.tr("unit {0} of {1} = {2}").format(self.unit.value(), self.colouring_name(),
                                                                     num(got[0][k], 3)))
        return "\n".join(parts)

    def describe(self) -> str:
        """A text alternative: the caption and the start of the text."""
        head = self.reading.chars[:80] if self.reading is not None else ""
        return self.tr("Text through the network's eyes, coloured by {0}. {1}. Text: {2}").format(
            self.colouring.currentText(), self.caption.text(), repr(head))


if __name__ == "__main__":  # python -m desktop.views.lstm.reading [experiment id]
    from desktop.views import preview

    preview(ReadingPanel, "ch14.char-lstm", (760, 460))
