"""The picture of the unrolled view: one column per time step, the recurrent matrix below.

Columns, left to right: the start vector (when the model has one), one column per word read, and the guess after
the last word. A word's column shows, top to bottom: the three best guesses for it made before reading it (with
their probabilities; the true word in the accent colour), the word itself on a background that darkens with its
surprise −ln p, the hidden vector after reading it as a heat strip and, once the backward pass has reached it, the
gradient that arrived there with its length. Columns the learner has not stepped to yet are faded.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.colour import StableScale, mix, scale_for
from desktop.format import num
from desktop.theme import colours, number_font
from desktop.views.language._common import draw_heat, short
from desktop.views.language.unrolled.timeline import TimeLine

LABEL_W = 66.0
GUESS_Y, GUESS_H = 2.0, 36.0
WORD_Y, WORD_H = 40.0, 16.0
HIDDEN_Y, STRIP_H = 72.0, 14.0
GRADIENT_Y = 92.0
MATRIX_Y = 124.0
NARROW = 84.0  # columns narrower than this show words without their numbers


class TimeCanvas(QWidget):
    """Draws a TimeLine; `cursor` (how many words are read, None: all) and `revealed` (how many hidden vectors
    the backward pass has reached, None: all) say how far the learner has stepped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unrolled_canvas")
        self.setMouseTracking(True)
        self.setMinimumSize(340, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.line: TimeLine | None = None
        self.cursor: int | None = None
        self.revealed: int | None = None
        self.baseline = 1.0  # ln of the vocabulary size: the surprise of a blind guess
        self.hidden_scale = StableScale()
        self.gradient_scale = StableScale()
        self.labels = ("guesses", "reads", "hidden", "gradient", "start", "next?", "recurrent")
        self.matrix_text = ""
        self.note = ""
        self.hovered: int | None = None

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 260)

    # -- geometry ----------------------------------------------------------------------------------------
    def column_count(self) -> int:
        line = self.line
        if line is None:
            return 0
        return len(line.words) + (line.start is not None) + 1

    def column_rect(self, column: int) -> QRectF:
        """The rectangle of column `column` (0 = start if any)."""
        count = max(1, self.column_count())
        width = (self.width() - LABEL_W - 4) / count
        return QRectF(LABEL_W + column * width, 0, width, MATRIX_Y - 8)

    def word_column(self, k: int) -> int:
        """The column of word k (−1: the start)."""
        offset = 1 if self.line is not None and self.line.start is not None else 0
        return k + offset

    def shown_words(self) -> int:
        """How many words are read so far (the cursor)."""
        n = len(self.line.words) if self.line is not None else 0
        return n if self.cursor is None else min(self.cursor, n)

    def reached(self) -> set[int]:
        """Word positions (−1: start) whose gradient the backward pass has reached."""
        line = self.line
        if line is None or line.deltas is None:
            return set()
        order = line.backward
        return set(order if self.revealed is None else order[: self.revealed])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        x = event.position().x()
        found = None
        for column in range(self.column_count()):
            rect = self.column_rect(column)
            if rect.left() <= x < rect.right() and event.position().y() < rect.bottom():
                found = column
        if found != self.hovered:
            self.hovered = found
            self.setToolTip(self.column_tip(found))
        super().mouseMoveEvent(event)

    def column_tip(self, column: int | None) -> str:
        """The whole words of a column (they are cut in narrow columns)."""
        line = self.line
        if line is None or column is None:
            return ""
        k = column - (1 if line.start is not None else 0)
        if 0 <= k < len(line.words):
            guesses = line.guesses[k] or ()
            return line.words[k] + "".join(f"\n{w}: {num(p, 3)}" for w, p in guesses)
        if k == len(line.words) and line.after:
            return "\n".join(f"{w}: {num(p, 3)}" for w, p in line.after)
        return ""

    # -- painting -----------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        font = number_font(8)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(font)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.setPen(c.muted)
        for y, h, label in ((GUESS_Y, GUESS_H, self.labels[0]), (WORD_Y, WORD_H, self.labels[1]),
                            (HIDDEN_Y, STRIP_H, self.labels[2]), (GRADIENT_Y, STRIP_H, self.labels[3])):
            painter.drawText(QRectF(2, y, LABEL_W - 4, h), left, label)
        line = self.line
        if line is None:
            painter.setPen(c.text)
            painter.drawText(QRectF(LABEL_W, 0, self.width() - LABEL_W, MATRIX_Y), Qt.AlignmentFlag.AlignCenter
                             | Qt.TextFlag.TextWordWrap, self.note)
            self._paint_matrix(painter, None)
            painter.end()
            return
        n = len(line.words)
        read = self.shown_words()
        reached = self.reached()
        hidden_scale = self.hidden_scale.update(line.hidden if line.start is None else
                                                np.vstack((line.start, line.hidden)))
        gradient_scale = self.gradient_scale.update(line.deltas) if line.deltas is not None else 1.0
        if line.start is not None:
            rect = self.column_rect(0)
            painter.setPen(c.muted)
            painter.drawText(QRectF(rect.left(), WORD_Y, rect.width(), WORD_H), Qt.AlignmentFlag.AlignCenter,
                             self.labels[4])
            self._strip(painter, rect, HIDDEN_Y, line.start, hidden_scale)
            if -1 in reached and line.start_delta is not None:
                self._gradient(painter, rect, line.start_delta, gradient_scale)
        for k in range(n):
            rect = self.column_rect(self.word_column(k))
            painter.setOpacity(1.0 if k < read else 0.22)
            guesses = line.guesses[k]
            if guesses is not None:
                for j, (word, p) in enumerate(guesses):
                    painter.setPen(c.accent if word == line.words[k] else c.text)
                    painter.setFont(bold if word == line.words[k] else font)
                    painter.drawText(QRectF(rect.left() + 2, GUESS_Y + 12 * j, rect.width() - 4, 12), left,
                                     self.guess_text(word, p, rect.width()))
            chip = QRectF(rect.left() + 2, WORD_Y, rect.width() - 4, WORD_H)
            surprise = float(line.surprise[k]) if line.surprise is not None else None
            if surprise is not None and math.isfinite(surprise):
                painter.fillRect(chip, mix(c.surface, c.negative, min(1.0, surprise / self.baseline)))
            painter.setPen(QPen(c.grid, 1))
            painter.drawRect(chip)
            painter.setFont(bold)
            painter.setPen(c.text)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, short(line.words[k], max(3, int(rect.width() / 7))))
            painter.setFont(font)
            if surprise is not None:
                painter.setPen(c.muted)
                painter.drawText(QRectF(rect.left(), WORD_Y + WORD_H, rect.width(), 12), Qt.AlignmentFlag.AlignCenter,
                                 ("−ln p " if rect.width() >= NARROW else "") + num(surprise, 2))
            self._strip(painter, rect, HIDDEN_Y, line.hidden[k], hidden_scale)
            if k in reached and line.deltas is not None:
                self._gradient(painter, rect, line.deltas[k], gradient_scale)
            painter.setOpacity(1.0)
        self._paint_arrows(painter, line, read, reached)
        rect = self.column_rect(self.word_column(n))
        painter.setOpacity(1.0 if read >= n else 0.22)
        painter.setPen(c.muted)
        painter.drawText(QRectF(rect.left(), WORD_Y, rect.width(), WORD_H), Qt.AlignmentFlag.AlignCenter,
                         self.labels[5] if line.goal is None else f"→ {line.goal}?")
        for j, (word, p) in enumerate(line.after or ()):
            painter.setPen(c.accent if word == line.goal else c.text)
            painter.drawText(QRectF(rect.left() + 2, HIDDEN_Y - 14 + 12 * j, rect.width() - 4, 12), left,
                             self.guess_text(word, p, rect.width()))
        painter.setOpacity(1.0)
        self._paint_matrix(painter, line.recurrent)
        painter.end()

    @staticmethod
    def guess_text(word: str, p: float, width: float) -> str:
        """A guess in a column: "0.35 bedroom." where there is room, the word alone in a narrow column (the
        probability is in the tooltip)."""
        if width < NARROW:
            return short(word, max(3, int(width / 7)))
        return f"{num(p, 2)} {short(word, max(3, int(width / 7) - 5))}"

    def _strip(self, painter: QPainter, rect: QRectF, y: float, values: np.ndarray, scale: float) -> None:
        draw_heat(painter, QRectF(rect.left() + 4, y, rect.width() - 8, STRIP_H), values, scale)
        painter.setPen(QPen(colours().grid, 1))
        painter.drawRect(QRectF(rect.left() + 4, y, rect.width() - 8, STRIP_H))

    def _gradient(self, painter: QPainter, rect: QRectF, values: np.ndarray, scale: float) -> None:
        self._strip(painter, rect, GRADIENT_Y, values, scale)
        painter.setPen(colours().muted)
        painter.drawText(QRectF(rect.left(), GRADIENT_Y + STRIP_H, rect.width(), 12), Qt.AlignmentFlag.AlignCenter,
                         ("‖·‖ " if rect.width() >= NARROW else "") + num(float(np.linalg.norm(values)), 2))

    def _paint_arrows(self, painter: QPainter, line: TimeLine, read: int, reached: set[int]) -> None:
        """→ between hidden vectors read so far; ← between gradients the backward pass has carried back."""
        c = colours()
        first = -1 if line.start is not None else 0
        for k in range(first, len(line.words) - 1):
            a, b = self.column_rect(self.word_column(k)), self.column_rect(self.word_column(k + 1))
            x = (a.right() + b.left()) / 2
            if k + 1 < read:
                painter.setPen(QPen(c.text, 1))
                painter.drawText(QRectF(x - 6, HIDDEN_Y, 12, STRIP_H), Qt.AlignmentFlag.AlignCenter, "→")
            if k in reached and k + 1 in reached:
                painter.setPen(QPen(c.error, 1))
                painter.drawText(QRectF(x - 6, GRADIENT_Y, 12, STRIP_H), Qt.AlignmentFlag.AlignCenter, "←")

    def _paint_matrix(self, painter: QPainter, matrix: np.ndarray | None) -> None:
        c = colours()
        side = max(24.0, min(110.0, self.height() - MATRIX_Y - 4))
        box = QRectF(LABEL_W, MATRIX_Y, side, side)
        painter.setPen(c.muted)
        painter.drawText(QRectF(2, MATRIX_Y, LABEL_W - 4, 14), Qt.AlignmentFlag.AlignLeft, self.labels[6])
        if matrix is None:
            return
        draw_heat(painter, box, matrix, scale_for(matrix))
        painter.setPen(QPen(c.grid, 1))
        painter.drawRect(box)
        painter.setPen(c.text)
        painter.drawText(QRectF(box.right() + 8, MATRIX_Y, self.width() - box.right() - 10, side),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         self.matrix_text)
        if len(matrix) <= 12:  # the diagonal the identity had: a faint outline per cell
            cell = side / len(matrix)
            painter.setPen(QPen(c.muted, 1, Qt.PenStyle.DotLine))
            for i in range(len(matrix)):
                painter.drawRect(QRectF(box.left() + i * cell, box.top() + i * cell, cell, cell))
