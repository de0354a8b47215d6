"""Perplexity (ch12.rnn-babi): how many words the network is still choosing between, falling as it learns.

The plot (log scale) shows each training sentence's perplexity exp(loss / words) as a faint band, each pass's
perplexity as points, and the baseline of a blind guess: the vocabulary size (82 for the book's lines), where the
run starts. Under it an analysed sentence (the book's "sandra moved to the garden." by default, or one the learner
types): each word on a background that darkens with its surprise −ln p, and under each word the network's guess
for it — the book's Prev Input / True / Pred rows laid out in a line (Q18 in book-faithful mode). "Book's
printout" shows the lines the book's code prints, verbatim.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from desktop.colour import mix
from desktop.format import num
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec
from desktop.views.language._common import LiveView, count, short, shown
from desktop.widgets import ElidedLabel, FlowLayout, spoken
from learning.chapters.ch11_language import split_words

#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 240)
ACTIONS = ("sentence_analysed", "printout_shown")
TICKS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)


def applies(experiment: object) -> bool:
    """True for experiments that measure perplexity against a blind guess (ch12.rnn-babi)."""
    return hasattr(experiment, "perplexity_baseline") and callable(getattr(experiment, "analyse", None))


def spec() -> ViewSpec:
    """Perplexity and surprise."""
    return ViewSpec("perplexity", lambda: QCoreApplication.translate("PerplexityView", "Perplexity"),
                    PerplexityView, MINIMUM, applies, rank=13, actions=ACTIONS)


def binned_log_mean(x: np.ndarray, y: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) thinned to at most `bins` points: the mean x and the geometric mean of y of each run of points
    (perplexities multiply: their average is taken in logs)."""
    keep = np.isfinite(x) & np.isfinite(y) & (y > 0)
    x, y = x[keep], y[keep]
    if len(x) <= bins or bins < 1:
        return x, y
    starts = np.linspace(0, len(x), bins + 1).astype(np.intp)[:-1]
    sizes = np.diff(np.append(starts, len(x)))
    return np.add.reduceat(x, starts) / sizes, np.exp(np.add.reduceat(np.log(y), starts) / sizes)


class PerplexityPlot(QWidget):
    """Perplexity against iterations on a log scale, with the blind-guess baseline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("perplexity_plot")
        self.setMinimumSize(340, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.sentences = (np.zeros(0), np.zeros(0))  # (iteration, perplexity of its sentence)
        self.passes = (np.zeros(0), np.zeros(0))  # (iterations done at the pass's end, its perplexity)
        self.baseline = 82.0
        self.horizon = 1.0
        self.labels = ("iteration", "perplexity", "blind guess")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, 200)

    def frame(self) -> QRectF:
        return QRectF(38, 6, max(10.0, self.width() - 46), max(10.0, self.height() - 24))

    def y_of(self, value: float, frame: QRectF, top: float) -> float:
        t = math.log(max(value, 1.0)) / math.log(top)
        return frame.bottom() - t * frame.height()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        frame = self.frame()
        top = max(self.baseline * 1.4, 2.0)
        font = number_font(8)
        painter.setFont(font)
        for tick in TICKS:
            if tick > top:
                break
            y = self.y_of(tick, frame, top)
            painter.setPen(QPen(c.grid, 1))
            painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
            painter.setPen(c.muted)
            painter.drawText(QRectF(0, y - 7, frame.left() - 4, 14), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, str(tick))
        painter.drawText(QRectF(frame.left(), frame.bottom() + 2, frame.width(), 14),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                         f"{self.labels[0]} → {count(self.horizon)}")

        def x_of(values: np.ndarray) -> np.ndarray:
            return frame.left() + values / max(self.horizon, 1.0) * frame.width()

        base_y = self.y_of(self.baseline, frame, top)
        painter.setPen(QPen(c.negative, 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(frame.left(), base_y), QPointF(frame.right(), base_y))
        painter.setPen(c.negative)
        painter.drawText(QRectF(frame.left() + 4, base_y - 15, frame.width() - 8, 14),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"{num(self.baseline, 3)}: {self.labels[2]}")
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        x, y = binned_log_mean(*self.sentences, int(frame.width() / 2))
        if len(x) > 1:
            faint = c.positive.lighter(150) if c.surface.lightness() > 128 else c.positive.darker(150)
            painter.setPen(QPen(faint, 1))
            xs = x_of(x)
            ys = [self.y_of(v, frame, top) for v in y.tolist()]
            painter.drawPolyline(QPolygonF([QPointF(a, b) for a, b in zip(xs.tolist(), ys, strict=True)]))
        px, py = self.passes
        if len(px):
            xs = x_of(px)
            ys = [self.y_of(v, frame, top) for v in py.tolist()]
            painter.setPen(QPen(c.positive, 2))
            if len(px) > 1:
                painter.drawPolyline(QPolygonF([QPointF(a, b) for a, b in zip(xs.tolist(), ys, strict=True)]))
            painter.setBrush(c.positive)
            for a, b in zip(xs.tolist(), ys, strict=True):
                painter.drawEllipse(QPointF(a, b), 2.5, 2.5)
        painter.setPen(QPen(c.grid, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame)
        painter.end()


class SurpriseLine(QWidget):
    """The analysed sentence: each word on a background that darkens with its surprise; under it the guess."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("perplexity_sentence")
        self.setMinimumSize(340, 44)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.words: list[str] = []
        self.surprise: np.ndarray = np.zeros(0)
        self.guesses: list[str | None] = []
        self.baseline = 1.0
        self.labels = ("true", "pred")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, 44)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        font = number_font(8)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(font)
        painter.setPen(c.muted)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(2, 2, 40, 18), left, self.labels[0])
        painter.drawText(QRectF(2, 24, 40, 16), left, self.labels[1])
        if not self.words:
            painter.end()
            return
        width = (self.width() - 46) / len(self.words)
        for k, word in enumerate(self.words):
            x = 44 + k * width
            chip = QRectF(x + 1, 2, width - 2, 18)
            s = float(self.surprise[k]) if k < len(self.surprise) else float("nan")
            if math.isfinite(s):
                painter.fillRect(chip, mix(c.surface, c.negative, min(1.0, s / self.baseline)))
            painter.setPen(QPen(c.grid, 1))
            painter.drawRect(chip)
            painter.setPen(c.text)
            painter.setFont(bold)
            most = max(3, int(width / 7))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, short(word, most))
            painter.setFont(font)
            guess = self.guesses[k] if k < len(self.guesses) else None
            if guess is not None:
                painter.setPen(c.accent if guess == word else c.muted)
                painter.drawText(QRectF(x + 1, 24, width - 2, 16), Qt.AlignmentFlag.AlignCenter, short(guess, most))
        painter.end()


class PerplexityView(LiveView):
    """The perplexity curve, the blind-guess baseline, and the surprise of each word of a sentence."""

    PLAY_MS = 250

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "perplexity", parent)
        bar = QWidget()
        flow = FlowLayout(bar, spacing=4, expand_first=True)
        self.entry = QLineEdit()
        self.entry.setObjectName("perplexity_entry")
        self.entry.setClearButtonEnabled(True)
        self.entry.setMinimumWidth(150)
        self.entry.returnPressed.connect(self._on_entry_return_pressed)
        self.printout_button = QToolButton()
        self.printout_button.setObjectName("perplexity_printout_button")
        self.printout_button.setCheckable(True)
        self.printout_button.toggled.connect(self._on_printout_toggled)
        flow.addWidget(self.entry)
        flow.addWidget(self.printout_button)
        self.caption = ElidedLabel()
        self.caption.setObjectName("perplexity_caption")
        self.plot = PerplexityPlot(self)
        self.sentence_line = SurpriseLine(self)
        self.printout = QPlainTextEdit()
        self.printout.setObjectName("perplexity_printout")
        self.printout.setReadOnly(True)
        self.printout.setFont(number_font(8))
        self.printout.setMinimumSize(200, 60)
        self.printout.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(bar)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.printout, 1)
        layout.addWidget(self.sentence_line)
        self.words: list[str] | None = None  # the learner's sentence, or None: the book's line
        self.error = ""
        self.analysed = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.entry.setPlaceholderText(self.tr("a sentence to analyse (empty: the book's line)"))
        self.entry.setToolTip(self.tr("Press Enter: each word's surprise −ln p and the network's guess for it."))
        spoken(self.entry, self.tr("Sentence to analyse"))
        self.printout_button.setText(self.tr("Book's printout"))
        self.printout_button.setToolTip(self.tr("The lines the book's code prints: the perplexity every 1,000 "
                                                "iterations, then the analysis of one line."))
        self.plot.labels = (self.tr("iteration"), self.tr("perplexity"), self.tr("a blind guess"))
        self.sentence_line.labels = (self.tr("true"), self.tr("pred"))
        self.plot.setAccessibleName(self.tr("Perplexity curve"))
        self.sentence_line.setAccessibleName(self.tr("Surprise of each word"))
        self.refresh()

    def _on_entry_return_pressed(self) -> None:
        words = split_words(self.entry.text())
        exp = self.runner.experiment
        if words and applies(exp):
            try:
                exp.indices(words)
            except KeyError as exc:
                self.error = str(exc.args[0]) if exc.args else str(exc)
                self.refresh()
                return
        self.words = words or None
        self.error = ""
        self.refresh()
        if words:
            self.acted.emit("sentence_analysed")

    def _on_printout_toggled(self, on: bool) -> None:
        self.printout.setVisible(on)
        self.plot.setVisible(not on)
        if on:
            self.acted.emit("printout_shown")
        self.refresh()

    def new_run(self) -> None:
        self.error = ""

    def refresh(self) -> None:
        exp = self.runner.experiment
        if not applies(exp):
            self.caption.setText(self.tr("This experiment measures no perplexity."))
            self.analysed = ""
            self.plot.sentences = self.plot.passes = (np.zeros(0), np.zeros(0))
            self.sentence_line.words = []
            self.plot.update()
            self.sentence_line.update()
            return
        history = self.runner.history
        baseline = float(exp.perplexity_baseline)
        self.plot.baseline = baseline
        self.plot.sentences = (history.series("iteration"), history.series("perplexity"))
        size = exp.epoch_size or 1
        epochs = history.series("epoch", epochs=True)
        self.plot.passes = ((epochs + 1) * size, history.series("perplexity", epochs=True))
        self.plot.horizon = float(max(self.runner.limit or 0, self.runner.count, 1))
        self.plot.update()
        self._analyse(exp, baseline)
        parts = []
        if len(self.plot.passes[1]):
            parts.append(self.tr("last pass: {0}").format(num(float(self.plot.passes[1][-1]), 3)))
        if len(self.plot.sentences[1]):
            parts.append(self.tr("last sentence: {0}").format(num(float(self.plot.sentences[1][-1]), 3)))
        parts.append(self.tr("a blind guess: {0} (the vocabulary size)").format(count(baseline)))
        self.caption.setText(self.tr("Perplexity") + " · " + " · ".join(parts))
        if self.printout.isVisible():
            report = exp.report() or {}
            self.printout.setPlainText("\n".join(report.get("text", [])))

    def _analyse(self, exp: Any, baseline: float) -> None:
        """The analysed sentence's surprise per word and the guess shown under each word."""
        words = self.words if self.words is not None else list(exp.tokens[min(4, len(exp.tokens) - 1)])
        unrolled = exp.analyse(words)
        shift = 0 if exp.book_faithful else 1  # Q18: the book shows the guess made before reading the word
        guesses: list[str | None] = [None]
        for k in range(1, len(words)):
            guesses.append(exp.vocabulary[int(unrolled.top[k - 1 + shift][0])])
        line = self.sentence_line
        line.words, line.surprise, line.guesses = list(unrolled.words), unrolled.surprise, guesses
        line.baseline = math.log(baseline) if baseline > 1 else 1.0
        line.update()
        sentence = " ".join(shown(w) for w in words)
        if self.error:
            self.analysed = self.tr("Not in the vocabulary: {0}").format(self.error)
        else:
            right = sum(1 for k in range(1, len(words)) if guesses[k] == words[k])
            self.analysed = self.tr("“{0}”: perplexity {1}; {2} of {3} words guessed right.").format(
                sentence, num(unrolled.perplexity, 3), right, len(words) - 1)
        line.setToolTip(self.analysed)

    def describe(self) -> str:
        return " ".join(t for t in (self.caption.text(), self.analysed) if t)
