"""word2vec's step inspector (ch11.word2vec, and ch11.analogy while it trains word2vec first).

One target position at a time: the review around it with the context window marked (two words on the left and two
on the right; the book's right side has one word fewer, Q11, shown as an unused slot), the target and the five
negative samples with how likely each was to be drawn (its share of the token stream), the six sigmoid outputs
against the goal [1, 0, 0, 0, 0, 0] once predicted, their deltas once compared, and which rows of the two matrices
the learn phase changes (a word listed twice learns twice by default, once in the book's code, Q12).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.colour import mix
from desktop.format import num
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec
from desktop.views.language._common import LiveView, count, short
from desktop.widgets import ElidedLabel

#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 230)
ACTIONS: tuple[str, ...] = ()
AROUND = 3  # words shown beyond the window on each side
ROW_H = 16


def word2vec_of(experiment: Any) -> Any:
    """The word2vec experiment whose steps are shown: the experiment itself, or the one ch11.analogy trains first
    (None once that training is over)."""
    if callable(getattr(experiment, "current_step", None)):
        return experiment
    inner = getattr(experiment, "inner", None)
    if inner is not None and getattr(experiment, "training", False) and callable(getattr(inner, "current_step", None)):
        return inner
    return None


def applies(experiment: object) -> bool:
    """True for word2vec and for experiments that train it first."""
    trainer = getattr(experiment, "trainer", None)
    return callable(getattr(experiment, "current_step", None)) or callable(getattr(trainer, "current_step", None))


def spec() -> ViewSpec:
    """The step inspector: the main view of ch11.word2vec."""
    return ViewSpec("cbow", lambda: QCoreApplication.translate("CbowView", "Word2vec step"), CbowView, MINIMUM,
                    applies, rank=16, actions=ACTIONS)


class WindowStrip(QWidget):
    """The review around the target: left context, target, right context (and the book's unused slot)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cbow_window")
        self.setMinimumSize(340, 40)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.cells: list[tuple[str, str]] = []  # (word, kind): before, left, target, right, unused, after
        self.unused_text = ""

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, 40)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        font = number_font(8)
        bold = QFont(font)
        bold.setBold(True)
        metrics = painter.fontMetrics()
        widths = [max(24, metrics.horizontalAdvance(short(w, 12)) + 10) for w, _ in self.cells]
        total = sum(widths) + 3 * max(0, len(widths) - 1)
        target = next((i for i, (_, kind) in enumerate(self.cells) if kind == "target"), 0)
        before = sum(widths[:target]) + 3 * target + widths[target] / 2 if widths else 0
        x = max(min(self.width() / 2 - before, 2.0), self.width() - total - 2) if total > self.width() else \
            (self.width() - total) / 2
        y, h = 4.0, 20.0
        for (word, kind), w in zip(self.cells, widths, strict=True):
            rect = QRectF(x, y, w, h)
            if kind in ("left", "right"):
                painter.fillRect(rect, mix(c.surface, c.positive, 0.25))
            if kind == "target":
                painter.fillRect(rect, mix(c.surface, c.accent, 0.3))
            pen = QPen(c.accent if kind == "target" else c.grid, 1.5 if kind == "target" else 1)
            if kind == "unused":
                pen = QPen(c.negative, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(rect)
            painter.setFont(bold if kind == "target" else font)
            painter.setPen(c.muted if kind in ("before", "after", "unused") else c.text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, short(word, 12))
            if kind == "unused":
                painter.setPen(c.negative)
                painter.setFont(font)
                painter.drawText(QRectF(x - 20, y + h, w + 40, 14), Qt.AlignmentFlag.AlignCenter, self.unused_text)
            x += w + 3
        painter.end()


class SampleTable(QWidget):
    """The target and the negatives: word, sampling probability, layer_2 against the goal, layer_2_delta."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cbow_samples")
        self.setMinimumSize(340, ROW_H * 7 + 2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.rows: list[tuple[str, str, float | None, float | None, int]] = []  # word, p, layer_2, delta, goal
        self.headers = ("", "p", "layer_2", "goal", "layer_2_delta")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, ROW_H * 7 + 2)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        painter.setFont(number_font(8))
        w = float(self.width())
        word_w, p_w, goal_w, delta_w = 0.22 * w, 72.0, 34.0, 88.0
        bar_w = w - word_w - p_w - goal_w - delta_w - 8
        xs = (0.0, word_w, word_w + p_w, word_w + p_w + bar_w, word_w + p_w + bar_w + goal_w)
        ws = (word_w, p_w, bar_w, goal_w, delta_w)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.setPen(c.muted)
        for x, width, text in zip(xs, ws, self.headers, strict=True):
            painter.drawText(QRectF(x + 2, 0, width - 4, ROW_H), left if x == 0 else right, text)
        for j, (word, p, value, delta, goal) in enumerate(self.rows):
            y = ROW_H * (j + 1)
            painter.setPen(c.text if j == 0 else c.muted)
            painter.drawText(QRectF(xs[0] + 2, y, ws[0] - 4, ROW_H), left, short(word, 14))
            painter.setPen(c.muted)
            painter.drawText(QRectF(xs[1], y, ws[1] - 4, ROW_H), right, p)
            bar = QRectF(xs[2] + 4, y + 3, ws[2] - 8, ROW_H - 6)
            painter.setPen(QPen(c.grid, 1))
            painter.drawRect(bar)
            goal_x = bar.left() + bar.width() * goal
            painter.setPen(QPen(c.text, 1.5))
            painter.drawLine(int(goal_x), int(bar.top() - 2), int(goal_x), int(bar.bottom() + 2))
            if value is not None:
                painter.fillRect(QRectF(bar.left(), bar.top(), bar.width() * min(max(value, 0.0), 1.0), bar.height()),
                                 c.positive if j == 0 else c.negative)
                painter.setPen(c.text)
                painter.drawText(QRectF(bar.left(), y, bar.width() - 2, ROW_H), right, num(value, 3))
            painter.setPen(c.muted)
            painter.drawText(QRectF(xs[3], y, ws[3] - 4, ROW_H), right, str(goal))
            if delta is not None:
                painter.setPen(c.text)
                painter.drawText(QRectF(xs[4], y, ws[4] - 4, ROW_H), right, num(delta, 3))
        painter.end()


class CbowView(LiveView):
    """The target of the current iteration, its context window, the negatives and the rows that learn."""

    PLAY_MS = 150

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "cbow", parent)
        self.caption = ElidedLabel()
        self.caption.setObjectName("cbow_caption")
        self.strip = WindowStrip(self)
        self.samples = SampleTable(self)
        self.rows_text = QLabel()
        self.rows_text.setObjectName("cbow_rows")
        self.rows_text.setWordWrap(True)
        self.rows_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.rows_text.setFont(number_font(8))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.strip)
        layout.addWidget(self.samples)
        layout.addWidget(self.rows_text, 1)
        self.step: Any = None
        self.retranslate()

    def retranslate(self) -> None:
        self.strip.unused_text = self.tr("not used (Q11)")
        self.samples.headers = ("", self.tr("p(drawn)"), "layer_2", self.tr("goal"), "layer_2_delta")
        self.strip.setAccessibleName(self.tr("Context window"))
        self.samples.setAccessibleName(self.tr("Target and negative samples"))
        self.refresh()

    def refresh(self) -> None:
        exp = self.runner.experiment
        w2v = word2vec_of(exp)
        if w2v is None:
            self.step = None
            self.strip.cells = []
            self.samples.rows = []
            self.caption.setText(self.tr("No word2vec step to show: the training is over.") if applies(exp)
                                 else self.tr("This experiment is not word2vec."))
            self.rows_text.setText("")
            self.strip.update()
            self.samples.update()
            return
        step = self.step = w2v.current_step()
        corpus = w2v.corpus
        slot = step.review % len(corpus.order)
        tokens = corpus.reviews[corpus.order[slot]].tolist()
        vocabulary = w2v.vocabulary
        t = step.position
        window = int(w2v.window)
        right_used = len(step.right)
        cells = [(vocabulary[i], "before") for i in tokens[max(0, t - window - AROUND):max(0, t - window)]]
        cells += [(vocabulary[i], "left") for i in step.left]
        cells.append((vocabulary[step.target], "target"))
        cells += [(vocabulary[i], "right") for i in step.right]
        after_start = t + 1 + right_used
        if w2v.book_faithful and t + window < len(tokens):  # Q11: the book's right side stops one word short
            cells.append((vocabulary[tokens[t + window]], "unused"))
            after_start = t + window + 1
        cells += [(vocabulary[i], "after") for i in tokens[after_start:after_start + AROUND]]
        self.strip.cells = cells
        self.strip.update()
        stream = len(corpus.concatenated)
        rows = []
        layer_2, delta = step.layer_2, step.layer_2_delta
        for j, index in enumerate(step.rows_1_2):
            p = "" if j == 0 else num(step.negative_probabilities[j - 1], 2)
            rows.append((vocabulary[index], p, None if layer_2 is None else float(layer_2[j]),
                         None if delta is None else float(delta[j]), 1 if j == 0 else 0))
        self.samples.rows = rows
        self.samples.update()
        passes = step.review // len(corpus.order)
        self.caption.setText(self.tr("Pass {0}, review {1}, word {2} of {3}: predict “{4}” from {5} context words "
                                     "(p = share of the {6} tokens).").format(
            passes + 1, count(slot + 1), t + 1, len(tokens), short(vocabulary[step.target], 20),
            len(step.rows_0_1), count(stream)))
        self.rows_text.setText(self.rows_summary(w2v, step))

    def rows_summary(self, w2v: Any, step: Any) -> str:
        """Which rows the learn phase changes (or changed), and the rows listed twice (Q12)."""
        vocabulary = w2v.vocabulary
        context = ", ".join(short(vocabulary[i], 12) for i in step.rows_0_1)
        samples = ", ".join(short(vocabulary[i], 12) for i in step.rows_1_2)
        done = step.layer_1_delta is not None
        if done:
            text = self.tr("Learned: weights_0_1 rows of {0} (the context, each by −alpha · layer_1_delta, |·| = {1}); "
                           "weights_1_2 rows of {2} (target and negatives).").format(
                context, num(float(np.linalg.norm(step.layer_1_delta)) * float(w2v.alpha), 3), samples)
        else:
            text = self.tr("The learn phase will change: weights_0_1 rows of {0} (the context); weights_1_2 rows of "
                           "{1} (target and negatives); no other row.").format(context, samples)
        twice = [vocabulary[i] for rows in (step.rows_0_1, step.rows_1_2) for i, n in Counter(rows).items() if n > 1]
        if twice:
            how = self.tr("learns once (the book's fancy indexing, Q12)") if w2v.book_faithful else \
                self.tr("learns once per listing (Q12 corrected)")
            text += " " + self.tr("Listed twice: {0} — {1}.").format(", ".join(short(w, 12) for w in twice), how)
        return text

    def describe(self) -> str:
        if self.step is None:
            return self.caption.text()
        left = " ".join(w for w, kind in self.strip.cells if kind == "left")
        right = " ".join(w for w, kind in self.strip.cells if kind == "right")
        negatives = ", ".join(r[0] for r in self.samples.rows[1:])
        return " ".join((self.caption.text(), self.tr("Left context: {0}; right context: {1}; negatives: {2}.").format(
            left or "–", right or "–", negatives or "–"), self.rows_text.text()))
