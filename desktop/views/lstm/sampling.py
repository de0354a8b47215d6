"""The sampling lab (chapter 14's character models): the network writes from its current weights, live — greedy,
sampling from the softmax at a temperature, or the book's rule (Q22) — from a seed and a prime text; beside it the
probabilities of the next character after the prime, the softmax's against what the book's rule really draws.

The book's RNN picks the first character whose own probability exceeds a uniform u, which is not sampling: the
histogram shows learning.chapters.ch14_sampling.book_rule_distribution against the softmax. Text comes from
desktop/views/lstm/_text.Writer (CharModel.generate's numbers, a character per turn of the event loop).
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec
from desktop.views.lstm._common import Chunked, LiveView, is_char_model, muted_label, runner_busy, shown_char
from desktop.views.lstm._text import PIECE, REPEATS, Writer, repetition
from desktop.widgets import FlowLayout, spoken
from learning.chapters.ch14_sampling import RULES, distribution
from learning.experiment import ParamError

#: What the learner does here that a lesson task may count.
ACTIONS = ("generated", "text_repeats", "book_rule_shown")
#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 240)
#: Characters written per sample.
LENGTH = 300
#: While playing with "live" on, a new sample at most this often.
LIVE_S = 1.5
#: Characters in the histogram (the most probable under the softmax, and the book rule's winners).
BARS = 12
#: The temperature slider: hundredths, 0.01 … 2.00.
T_STEPS = (1, 200)


def spec() -> ViewSpec:
    """The sampling lab: the main view of the character models."""
    return ViewSpec("sampling", lambda: QCoreApplication.translate("SamplingLab", "Sampling lab"), SamplingLab,
                    MINIMUM, is_char_model, rank=12, actions=ACTIONS)


def prime_from_field(text: str) -> str:
    """The prime as typed: "\\n" stands for a line break (a line edit cannot hold one)."""
    return text.replace("\\n", "\n")


class Histogram(QWidget):
    """The next character's probability under the softmax (blue) and under the book's rule (orange), bar pairs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sampling_histogram")
        self.chars: list[str] = []
        self.softmax = np.zeros(0)
        self.book = np.zeros(0)
        self.greedy: int | None = None
        self.labels = ("", "")
        self.setMinimumSize(200, 80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 130)

    def set_bars(self, chars: list[str], softmax: np.ndarray, book: np.ndarray, greedy: int | None,
                 labels: tuple[str, str]) -> None:
        """Bars for `chars` (their softmax and book-rule probabilities); `greedy` marks the largest logit."""
        self.chars, self.softmax, self.book, self.greedy, self.labels = chars, softmax, book, greedy, labels
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        painter.setFont(number_font(8))
        metrics = painter.fontMetrics()
        line = metrics.height()
        x = 4.0
        for colour, label in zip((c.positive, c.negative), self.labels, strict=True):
            painter.fillRect(QRectF(x, 4, 10, 10), colour)
            painter.setPen(c.text)
            width = metrics.horizontalAdvance(label) + 6
            painter.drawText(QRectF(x + 13, 0, width, line + 2), Qt.AlignmentFlag.AlignVCenter, label)
            x += 13 + width + 10
        top, bottom = line + 6, self.height() - line - 2
        left = 4 + metrics.horizontalAdvance("100%")
        height = max(1.0, bottom - top)
        peak = max([0.1, *self.softmax.tolist(), *self.book.tolist()])
        scale = min(1.0, np.ceil(peak * 10) / 10)  # the axis ends at the next 10 % above the highest bar
        painter.setPen(QPen(c.grid, 1))
        for share in (0.0, scale / 2, scale):
            y = bottom - height * share / scale
            painter.drawLine(int(left), int(y), self.width() - 4, int(y))
            painter.setPen(c.muted)
            painter.drawText(QRectF(0, y - line / 2, left - 2, line), Qt.AlignmentFlag.AlignRight, f"{share:.0%}")
            painter.setPen(QPen(c.grid, 1))
        n = len(self.chars)
        if n:
            slot = (self.width() - 4 - left) / n
            for k, char in enumerate(self.chars):
                x0 = left + k * slot
                for j, (values, colour) in enumerate(((self.softmax, c.positive), (self.book, c.negative))):
                    h = height * float(values[k]) / scale
                    painter.fillRect(QRectF(x0 + slot * (0.12 + 0.38 * j), bottom - h, slot * 0.36, h), colour)
                painter.setPen(c.accent if k == self.greedy else c.text)
                mark = "▲" if k == self.greedy else ""
                painter.drawText(QRectF(x0, bottom + 1, slot, line), Qt.AlignmentFlag.AlignCenter,
                                 mark + shown_char(char))
        painter.end()


class SamplingLab(LiveView):
    """Rule, temperature, seed and prime; the written text; the next character's two distributions."""

    REPAINT_MS = 100

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "sampling", parent)
        self.writer: Writer | None = None
        self.written_with: dict[str, Any] = {}
        self.repeated: float | None = None  # the share of the text's pieces that came before in it
        self._written_at = -1e9
        self._stale = True  # the weights changed since the text was written
        self._requested = False  # asked for while the runner's worker computed: written at the next redraw
        self.chunks = Chunked(self, self._on_writer_done)
        bar = QWidget()
        flow = FlowLayout(bar, spacing=6)
        self.rule = QComboBox()
        self.rule.setObjectName("sampling_rule")
        self.rule.addItems(["", "", ""])
        self.rule.setCurrentIndex(RULES.index("sample"))
        self.rule.currentIndexChanged.connect(self._on_rule_current_index_changed)
        self.t_caption = QLabel()
        self.temperature = QSlider(Qt.Orientation.Horizontal)
        self.temperature.setObjectName("sampling_temperature")
        self.temperature.setRange(*T_STEPS)
        self.temperature.setValue(100)
        self.temperature.setFixedWidth(110)
        self.temperature.valueChanged.connect(self._on_temperature_value_changed)
        self.t_value = QLabel()
        self.t_value.setFont(number_font())
        t_box = QWidget()
        t_row = QHBoxLayout(t_box)
        t_row.setContentsMargins(0, 0, 0, 0)
        t_row.setSpacing(3)
        for widget in (self.t_caption, self.temperature, self.t_value):
            t_row.addWidget(widget)
        self.seed_caption = QLabel()
        self.seed = QSpinBox()
        self.seed.setObjectName("sampling_seed")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setKeyboardTracking(False)
        self.seed.valueChanged.connect(self._on_seed_value_changed)
        self.seed.setFixedWidth(80)
        seed_box = QWidget()
        seed_row = QHBoxLayout(seed_box)
        seed_row.setContentsMargins(0, 0, 0, 0)
        seed_row.setSpacing(3)
        seed_row.addWidget(self.seed_caption)
        seed_row.addWidget(self.seed)
        self.prime = QLineEdit()
        self.prime.setObjectName("sampling_prime")
        self.prime.setFixedWidth(110)
        self.prime.editingFinished.connect(self.generate)
        self.write = QToolButton()
        self.write.setObjectName("sampling_generate")
        self.write.clicked.connect(self.generate)
        self.live = QCheckBox()
        self.live.setObjectName("sampling_live")
        self.live.setChecked(True)
        for widget in (self.rule, t_box, seed_box, self.prime, self.write, self.live):
            flow.addWidget(widget)
        self.output = QPlainTextEdit()
        self.output.setObjectName("sampling_output")
        self.output.setReadOnly(True)
        self.output.setFont(number_font())
        self.output.setMinimumHeight(40)
        self.histogram = Histogram()
        self.caption = muted_label("sampling_caption")
        self.caption.setFont(number_font(8))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(bar)
        layout.addWidget(self.output, 3)
        layout.addWidget(self.histogram, 2)
        layout.addWidget(self.caption)
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the current language."""
        for k, text in enumerate((self.tr("greedy"), self.tr("sample from the softmax"),
                                  self.tr("the book's rule (Q22)"))):
            self.rule.setItemText(k, text)
        self.rule.setToolTip(self.tr("Greedy: always the most likely character. Sample: draw from the softmax of "
                                     "logits / temperature. The book's rule: the first character whose probability "
                                     "exceeds a uniform draw u (not sampling; see the histogram)."))
        self.t_caption.setText(self.tr("T"))
        self.temperature.setToolTip(self.tr("Temperature: the logits are divided by it before the softmax. Low: "
                                            "the likeliest characters win; high: everything becomes equally likely. "
                                            "The book's RNN uses 0.1 (it multiplies the logits by 10)."))
        spoken(self.temperature, self.tr("Temperature"))
        self.seed_caption.setText(self.tr("seed"))
        self.seed.setToolTip(self.tr("The seed of the uniform draws: the same seed and weights write the same text"))
        spoken(self.seed, self.tr("Seed of the draws"))
        spoken(self.rule, self.tr("How the next character is chosen"))
        self.prime.setPlaceholderText(self.tr("prime text"))
        self.prime.setToolTip(self.tr("The network reads this first (\\n for a line break); empty: the book's "
                                      "start character"))
        spoken(self.prime, self.tr("Prime text"))
        self.write.setText(self.tr("Write"))
        self.write.setToolTip(self.tr("Write {0} characters from the current weights").format(LENGTH))
        self.live.setText(self.tr("live"))
        self.live.setToolTip(self.tr("Write again as the network learns (every {0} s while it plays)").format(LIVE_S))
        spoken(self.output, self.tr("Generated text"))
        spoken(self.histogram, self.tr("Next character probabilities"))
        self.setAccessibleName(self.tr("Sampling lab"))
        self._show_temperature()
        self.refresh()

    def _show_temperature(self) -> None:
        self.t_value.setText(f"{self.temperature_value():.2f}")

    # -- settings -----------------------------------------------------------------------------------------------
    def temperature_value(self) -> float:
        """The temperature the slider stands at."""
        return self.temperature.value() / 100

    def rule_name(self) -> str:
        """greedy, sample or book."""
        return RULES[self.rule.currentIndex()]

    def _on_rule_current_index_changed(self, *_: Any) -> None:
        if self.rule_name() == "book":
            self.acted.emit("book_rule_shown")
        self.temperature.setEnabled(self.rule_name() != "greedy")
        self.seed.setEnabled(self.rule_name() != "greedy")
        self.generate()

    def _on_temperature_value_changed(self, *_: Any) -> None:
        self._show_temperature()
        self.generate()

    def _on_seed_value_changed(self, *_: Any) -> None:
        self.generate()

    # -- writing ------------------------------------------------------------------------------------------------
    def run_changed(self, fresh: bool) -> None:
        self._stale = True
        if fresh:
            self.chunks.stop()
            self.writer = None
            self.output.setPlainText("")

    def generate(self) -> None:
        """Write a new text from the current weights with the chosen rule, temperature, seed and prime."""
        exp = self.runner.experiment
        if not is_char_model(exp):
            return
        if runner_busy(self.runner):  # the weights are changing on the worker thread: write once it is through
            self._requested = True
            self.schedule()
            return
        self._requested = False
        prime = prime_from_field(self.prime.text()) or exp.start_char()
        try:
            self.writer = Writer(exp, LENGTH, prime, self.temperature_value(), self.rule_name(), self.seed.value())
        except ParamError as error:
            self.caption.setText(str(error))
            return
        self.written_with = {"rule": self.rule_name(), "temperature": self.temperature_value(), "prime": prime}
        self._written_at = time.perf_counter()
        self._stale = False
        self.repeated = None
        self.output.setPlainText("")
        self.chunks.start(self.writer.steps())
        self.acted.emit("generated")

    def _on_writer_done(self) -> None:
        writer = self.writer
        if writer is None:
            return
        self.output.setPlainText(writer.text)
        self.repeated = repetition(writer.text)
        with_ = self.written_with
        if self.repeated >= REPEATS and with_["rule"] != "greedy" and with_["temperature"] < 1:
            self.acted.emit("text_repeats")  # sampling, at a lowered temperature, fell into a loop
        self.refresh()
        self.update_description()

    def settle(self) -> None:
        """Finish the text under way now (tests, exports)."""
        self.chunks.finish()

    # -- the picture ----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Keep a live text current, and draw the histogram and the caption."""
        exp = self.runner.experiment
        if not is_char_model(exp):
            self.caption.setText(self.tr("This lab writes with chapter 14's character models."))
            self.histogram.set_bars([], np.zeros(0), np.zeros(0), None, ("", ""))
            return
        playing = self.runner.playing
        if self.isVisible() and not self.chunks.busy and (self.writer is None or self._requested or (
                self._stale and self.live.isChecked() and
                (not playing or time.perf_counter() - self._written_at >= LIVE_S))):
            self.generate()
        elif self.chunks.busy and self.writer is not None:
            self.output.setPlainText(self.writer.text)
        self._draw_histogram()

    def _draw_histogram(self) -> None:
        writer = self.writer
        labels = (self.tr("softmax at T = {0}").format(f"{self.temperature_value():.2f}"),
                  self.tr("the book's rule"))
        if writer is None or writer.first_logits is None:
            self.histogram.set_bars([], np.zeros(0), np.zeros(0), None, labels)
            return
        logits = writer.first_logits
        temperature = self.written_with["temperature"]
        soft = distribution(logits, "sample", temperature)
        book = distribution(logits, "book", temperature)
        order = list(np.argsort(-soft, kind="stable")[:BARS])
        for k in np.argsort(-book, kind="stable")[:3]:  # the book rule's winners, even where the softmax is small
            if book[k] > 0.01 and k not in order:
                order[-1] = int(k)
        order = sorted(order, key=lambda k: -soft[k])
        greedy = int(np.argmax(logits))
        self.histogram.set_bars([writer.vocab[k] for k in order], soft[order], book[order],
                                order.index(greedy) if greedy in order else None, labels)
        worst = int(np.argmax(np.abs(book - soft)))
        after = self.tr("After {0}: {1} has {2} under the softmax but {3} under the book's rule{4}")
        self.caption.setText(after.format(
            repr(self.written_with["prime"][-12:]), repr(writer.vocab[worst]), f"{soft[worst]:.1%}",
            f"{book[worst]:.1%}", self._loop_note()))

    def _loop_note(self) -> str:
        if self.repeated is None or self.repeated < REPEATS:
            return ""
        return self.tr(" · the text repeats itself: {0} of its {1}-character pieces came before").format(
            f"{self.repeated:.0%}", PIECE)

    def describe(self) -> str:
        """A text alternative: the settings, the start of the text and the caption."""
        text = self.writer.text[:120] if self.writer is not None else ""
        return self.tr("Sampling lab: {0}, temperature {1}. Text: {2}. {3}").format(
            self.rule.currentText(), f"{self.temperature_value():.2f}", repr(text), self.caption.text())


if __name__ == "__main__":  # python -m desktop.views.lstm.sampling [experiment id]
    from desktop.views import preview

    preview(SamplingLab, "ch14.char-lstm", (760, 460))
