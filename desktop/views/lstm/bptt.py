"""Truncated back-propagation (chapter 14's character models): how the training text is cut into streams × time
steps. Above, the whole text as 16 streams (rows) of ⌊length / 16⌋ characters, divided into the epoch's batches of
25 steps: the batches done this epoch shaded, the current one marked, the characters no batch reads in grey.
Below, the current batch itself: each stream's 25 input characters, the step being computed marked while
phase-stepping. The hidden state carries over from one batch to the next, but the graph is cut there
(`hidden = Tensor(hidden.data, autograd=True)`): no gradient crosses into the previous batch.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from desktop.colour import mix
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec
from desktop.views.lstm._common import LiveView, is_char_model, muted_label, shown_char

#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 240)


def spec() -> ViewSpec:
    """The truncated back-propagation picture, for the character models."""
    return ViewSpec("bptt", lambda: QCoreApplication.translate("BpttPanel", "Truncated back-propagation"), BpttPanel,
                    MINIMUM, is_char_model, rank=4)


class BpttPicture(QWidget):
    """The streams with their batches (top) and the current batch's characters (bottom)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bptt_picture")
        self.layout_: dict[str, Any] | None = None
        self.grid: list[list[str]] = []
        self.step: int | None = None
        self.open = False
        self.words = {"streams": "", "batch": "", "cut": "", "more": "{0}"}
        self.setMinimumSize(340, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 330)

    def set_batch(self, layout: dict[str, Any] | None, grid: list[list[str]], step: int | None, open_: bool) -> None:
        """The text's layout (Batching.layout), the batch's characters per stream, the step computed (or None)."""
        self.layout_, self.grid, self.step, self.open = layout, grid, step, open_
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        painter.setFont(number_font(8))
        metrics = painter.fontMetrics()
        line = metrics.height()
        lay = self.layout_
        if lay is None:
            painter.setPen(c.muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.words["streams"])
            painter.end()
            return
        streams, n, bptt, batches, b = (lay["streams"], lay["stream_length"], lay["bptt"], lay["batches"],
                                        lay["batch"])
        width = self.width() - 8
        # -- the whole text: streams × characters, batch by batch --------------------------------------------
        painter.setPen(c.text)
        painter.drawText(QRectF(4, 0, width, line), Qt.AlignmentFlag.AlignLeft, self.words["streams"])
        top = line + 2
        row = max(2.0, min(8.0, (self.height() * 0.22) / streams))
        scale = width / n
        done = mix(c.surface, c.positive, 0.35)
        for s in range(streams):
            y = top + s * row
            painter.fillRect(QRectF(4, y, width, row - 1), c.surface)
            painter.fillRect(QRectF(4, y, b * bptt * scale, row - 1), done)
            used = batches * bptt + 1
            painter.fillRect(QRectF(4 + used * scale, y, max(1.0, (n - used) * scale), row - 1), c.grid)
        mark = QRectF(4 + b * bptt * scale, top - 1, max(2.0, bptt * scale), streams * row + 1)
        painter.fillRect(mark, c.accent)
        painter.setPen(QPen(c.grid, 1))
        painter.drawRect(QRectF(4, top, width, streams * row - 1))
        # -- the current batch: streams × steps ----------------------------------------------------------------
        y0 = top + streams * row + 4
        painter.setPen(c.text)
        painter.drawText(QRectF(4, y0, width, line), Qt.AlignmentFlag.AlignLeft, self.words["batch"])
        y0 += line + 1
        label = metrics.horizontalAdvance("16 ") + 4
        cut = 14.0  # the cut before the batch: where the previous batch's state arrives
        cell_w = (width - label - cut) / bptt
        avail = self.height() - y0 - line - 4
        fit = max(1, int(avail // line))  # rows with readable letters
        grid = self.grid if len(self.grid) <= fit else self.grid[:max(1, fit - 1)]
        cell_h = avail / max(1, len(self.grid)) if len(self.grid) <= fit else float(line)
        font_ok = cell_w >= metrics.horizontalAdvance("W")
        x0 = 4 + label + cut
        if self.step is not None:
            painter.fillRect(QRectF(x0 + self.step * cell_w, y0, cell_w, cell_h * len(grid)),
                             mix(c.surface, c.accent, 0.45))
        for s, chars in enumerate(grid):
            y = y0 + s * cell_h
            painter.setPen(c.muted)
            painter.drawText(QRectF(4, y, label - 2, cell_h), Qt.AlignmentFlag.AlignRight |
                             Qt.AlignmentFlag.AlignVCenter, str(s + 1))
            painter.setPen(c.text)
            for t, ch in enumerate(chars):
                if font_ok and ch != " ":  # spaces stay blank: the words stand out
                    painter.drawText(QRectF(x0 + t * cell_w, y, cell_w, cell_h), Qt.AlignmentFlag.AlignCenter,
                                     shown_char(ch))
        if len(grid) < len(self.grid):
            painter.setPen(c.muted)
            painter.drawText(QRectF(x0, y0 + len(grid) * cell_h, width - x0, line), Qt.AlignmentFlag.AlignLeft,
                             self.words["more"].format(len(self.grid) - len(grid)))
        painter.setPen(QPen(c.grid, 1))
        painter.drawRect(QRectF(x0, y0, cell_w * bptt, cell_h * len(grid)))
        painter.setPen(QPen(c.error, 2, Qt.PenStyle.DashLine))  # the cut: no gradient crosses it
        painter.drawLine(QPointF(x0 - cut / 2, y0 - 2), QPointF(x0 - cut / 2, y0 + cell_h * len(grid) + 2))
        painter.setPen(c.muted)
        painter.drawText(QRectF(4, self.height() - line - 1, width, line), Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(self.words["cut"], Qt.TextElideMode.ElideRight, width))
        painter.end()


class BpttPanel(LiveView):
    """The picture and a caption with the sizes."""

    REPAINT_MS = 50

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "bptt", parent)
        self.picture = BpttPicture()
        self.caption = muted_label("bptt_caption")
        self.caption.setFont(number_font(8))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.setAccessibleName(self.tr("Truncated back-propagation"))
        self.refresh()

    def refresh(self) -> None:
        """Draw the layout of the open (or next) batch."""
        exp = self.runner.experiment
        words = self.picture.words
        if not is_char_model(exp):
            words["streams"] = self.tr("This picture shows how chapter 14's character models cut their text.")
            self.picture.set_batch(None, [], None, False)
            self.caption.setText("")
            return
        open_ = self.runner.mid_iteration and exp.batch_index is not None
        # the open batch, or the one the next iteration trains (not the last one done, which layout() would give)
        lay = exp.layout(exp.batch_index if open_ else exp.iteration_index % exp.epoch_size)
        b, bptt = lay["batch"], lay["bptt"]
        start = b * bptt
        grid = [[exp.vocab[int(k)] for k in row[start:start + bptt]] for row in exp.stream_matrix]
        phase = self.runner.current_phase
        step = int(phase.values["t"]) if open_ and phase is not None and "t" in phase.values else None
        words["streams"] = self.tr("The text ({0} characters) as {1} streams of {2}: {3} batches of {4} steps").format(
            lay["length"], lay["streams"], lay["stream_length"], lay["batches"], bptt)
        words["batch"] = (self.tr("Batch {0} (being trained): each stream's {1} characters, step {2} marked")
                          .format(b + 1, bptt, "–" if step is None else step) if open_ else
                          self.tr("Batch {0} (next): each stream's {1} input characters").format(b + 1, bptt))
        words["more"] = self.tr("⋮ and {0} more streams (make the view taller to see them)")
        words["cut"] = self.tr("┆ the cut: h carries over from batch {0}, its graph does not: hidden = "
                               "Tensor(hidden.data, autograd=True)").format(b if b else lay["batches"])
        self.picture.set_batch(lay, grid, step, open_)
        unused = lay["unused_per_stream"] * lay["streams"] + lay["unused_tail"]
        self.caption.setText(self.tr("{0} streams × {1} steps = {2} characters a batch · stream 1 reads {3}–{4} · "
                                     "{5} characters of the text are never used").format(
            lay["streams"], bptt, lay["streams"] * bptt, lay["covered"][0][0], lay["covered"][0][1] - 1, unused))

    def describe(self) -> str:
        """A text alternative: the picture's words and the caption."""
        words = self.picture.words
        return ". ".join(t for t in (words["streams"], words["batch"], words["cut"], self.caption.text()) if t)


if __name__ == "__main__":  # python -m desktop.views.lstm.bptt [experiment id]
    from desktop.views import preview

    preview(BpttPanel, "ch14.char-lstm", (760, 460))
