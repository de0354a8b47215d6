"""The ten nearest words of each pinned word, live while the embeddings learn (chapter 11).

The book's `similar()` ranks words by Euclidean distance between rows of weights_0_1; cosine similarity ranks by
angle only. Both are one switch away, the formula in use is shown with the numbers of one pair, and each list
marks how its words moved since the last redraw (↑2, ↓1, new). The learner pins words by typing them or by
clicking a neighbour (the map pins by click too: the pins are shared), and unpins with ×.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.format import num
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec
from desktop.views.language._common import LiveView, embeddings_of, has_embeddings, origin_text, pins_for, short
from desktop.widgets import ElidedLabel, FlowLayout, spoken
from learning.embeddings import EmbeddingIndex, Neighbour

#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 230)
ACTIONS = ("word_pinned", "neighbour_pinned", "word_unpinned", "metric_switched")
NEIGHBOURS = 10
COLUMN_W, ROW_H, HEAD_H = 176, 15, 18


def applies(experiment: object) -> bool:
    """True for experiments with word vectors (chapters 11-12 on the IMDB reviews)."""
    return has_embeddings(experiment)


def spec() -> ViewSpec:
    """The nearest words of pinned words."""
    return ViewSpec("nearest", lambda: QCoreApplication.translate("NearestView", "Nearest words"), NearestView,
                    MINIMUM, applies, rank=12, actions=ACTIONS)


def rank_moves(previous: list[str] | None, now: list[str]) -> list[int | None]:
    """For each word of `now`, how many places it rose since `previous` (negative: fell; None: new in the list;
    0 when there is no previous list)."""
    if previous is None:
        return [0] * len(now)
    where = {w: i for i, w in enumerate(previous)}
    return [where[w] - i if w in where else None for i, w in enumerate(now)]


class NeighbourGrid(QWidget):
    """One column per pinned word: the word (× unpins it) above its ten nearest words, each with its score and how
    it moved. Clicking a neighbour pins it."""

    def __init__(self, view: NearestView) -> None:
        super().__init__()
        self.view = view
        self.setObjectName("nearest_grid")
        self.setMouseTracking(True)
        self.columns: list[tuple[str, list[Neighbour] | None, list[int | None]]] = []
        self.hovered: tuple[int, int] | None = None  # (column, row); row −1 is the header's ×
        self.missing_text = ""

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(max(1, len(self.columns)) * COLUMN_W, HEAD_H + NEIGHBOURS * ROW_H + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def set_columns(self, columns: list[tuple[str, list[Neighbour] | None, list[int | None]]]) -> None:
        """(pinned word, its neighbours or None when not in the vocabulary, rank moves) per column."""
        self.columns = columns
        self.setFixedSize(self.sizeHint())
        self.update()

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        column = int(x // COLUMN_W)
        if not 0 <= column < len(self.columns):
            return None
        if y < HEAD_H:
            return (column, -1) if x >= (column + 1) * COLUMN_W - 22 else None
        row = int((y - HEAD_H) // ROW_H)
        neighbours = self.columns[column][1]
        return (column, row) if neighbours is not None and 0 <= row < len(neighbours) else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        cell = self.cell_at(event.position().x(), event.position().y())
        if cell != self.hovered:
            self.hovered = cell
            self.setCursor(Qt.CursorShape.PointingHandCursor if cell is not None else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self.hovered = None
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        cell = self.cell_at(event.position().x(), event.position().y())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            word, neighbours, _ = self.columns[cell[0]]
            if cell[1] < 0:
                self.view.unpin(word)
            elif neighbours is not None:
                self.view.pin_neighbour(neighbours[cell[1]].word)
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), c.surface)
        font = number_font(8)
        bold = QFont(font)
        bold.setBold(True)
        left_align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right_align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for k, (word, neighbours, moves) in enumerate(self.columns):
            x = k * COLUMN_W
            if k:
                painter.setPen(QPen(c.grid, 1))
                painter.drawLine(int(x), 0, int(x), self.height())
            painter.setFont(bold)
            painter.setPen(c.text)
            painter.drawText(QRectF(x + 4, 0, COLUMN_W - 30, HEAD_H), left_align, short(word, 18))
            painter.setPen(c.text if self.hovered == (k, -1) else c.muted)
            painter.drawText(QRectF(x + COLUMN_W - 22, 0, 18, HEAD_H), Qt.AlignmentFlag.AlignCenter, "×")
            painter.setFont(font)
            if neighbours is None:
                painter.setPen(c.muted)
                painter.drawText(QRectF(x + 4, HEAD_H, COLUMN_W - 8, ROW_H * 2), left_align, self.missing_text)
                continue
            for j, (n, move) in enumerate(zip(neighbours, moves, strict=True)):
                y = HEAD_H + j * ROW_H
                if self.hovered == (k, j):
                    painter.fillRect(QRectF(x + 1, y, COLUMN_W - 2, ROW_H), c.grid)
                painter.setPen(c.muted)
                painter.drawText(QRectF(x + 2, y, 16, ROW_H), right_align, str(j + 1))
                painter.setPen(c.text if j else c.muted)
                painter.drawText(QRectF(x + 22, y, 82, ROW_H), left_align, short(n.word, 12))
                painter.drawText(QRectF(x + 100, y, 48, ROW_H), right_align, num(n.score, 3))
                if move is None:
                    mark, pen = self.tr("new"), c.accent
                elif move > 0:
                    mark, pen = f"↑{move}", c.positive
                elif move < 0:
                    mark, pen = f"↓{-move}", c.negative
                else:
                    mark, pen = "", c.muted
                painter.setPen(pen)
                painter.drawText(QRectF(x + 150, y, COLUMN_W - 152, ROW_H), left_align, mark)
        painter.end()


class NearestView(LiveView):
    """Pinned words and their ten nearest words, Euclidean (the book) or cosine."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "nearest", parent)
        self.pins = pins_for(runner)
        self.distance = "euclidean"
        self.buttons: dict[str, QToolButton] = {}
        bar = QWidget()
        flow = FlowLayout(bar, spacing=4)
        group = QButtonGroup(self)
        for metric in ("euclidean", "cosine"):
            button = QToolButton()
            button.setObjectName(f"nearest_{metric}")
            button.setCheckable(True)
            button.setChecked(metric == self.distance)
            group.addButton(button)
            button.clicked.connect(lambda _=False, m=metric: self.set_metric(m))
            flow.addWidget(button)
            self.buttons[metric] = button
        self.entry = QLineEdit()
        self.entry.setObjectName("nearest_entry")
        self.entry.setClearButtonEnabled(True)
        self.entry.setMinimumWidth(120)
        self.entry.returnPressed.connect(self._on_entry_return_pressed)
        flow.addWidget(self.entry)
        self.formula = ElidedLabel()
        self.formula.setObjectName("nearest_formula")
        self.formula.setFont(number_font(8))
        self.origin = ElidedLabel()
        self.origin.setObjectName("nearest_origin")
        self.origin.setStyleSheet(f"color: {colours().muted.name()}")
        self.grid = NeighbourGrid(self)
        self.scroller = QScrollArea()
        self.scroller.setObjectName("nearest_scroll")
        self.scroller.setWidget(self.grid)
        self.scroller.setWidgetResizable(False)
        self.scroller.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.scroller.setMinimumSize(200, 60)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(bar)
        layout.addWidget(self.formula)
        layout.addWidget(self.origin)
        layout.addWidget(self.scroller, 1)
        self.message = ""
        self.lists: dict[str, list[Neighbour] | None] = {}
        self._previous: dict[tuple[str, str], list[str]] = {}
        self.pins.changed.connect(self._on_pins_changed)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.buttons["euclidean"].setText(self.tr("Euclidean (book)"))
        self.buttons["euclidean"].setToolTip(self.tr("The book's similar(): words ranked by the distance between "
                                                     "their rows, nearest first (score = −distance)."))
        self.buttons["cosine"].setText(self.tr("Cosine"))
        self.buttons["cosine"].setToolTip(self.tr("Words ranked by the angle between their rows only (score = "
                                                  "cosine, 1 for the same direction)."))
        self.entry.setPlaceholderText(self.tr("pin a word…"))
        self.entry.setToolTip(self.tr("Type a word and press Enter to follow its nearest words."))
        spoken(self.entry, self.tr("Pin a word"))
        self.grid.missing_text = self.tr("not in the vocabulary")
        self.grid.setAccessibleName(self.tr("Nearest words"))
        self.refresh()

    # -- the learner -----------------------------------------------------------------------------------------
    def set_metric(self, metric: str) -> None:
        """Rank by "euclidean" (the book) or "cosine"."""
        if metric == self.distance:
            return
        self.distance = metric
        self.buttons[metric].setChecked(True)
        self.acted.emit("metric_switched")
        self.refresh()

    def _on_entry_return_pressed(self) -> None:
        word = self.entry.text().strip().lower()
        if not word:
            return
        self.entry.clear()
        if self.pins.pin(word):
            self.acted.emit("word_pinned")

    def pin_neighbour(self, word: str) -> None:
        """A neighbour was clicked: follow it too."""
        if self.pins.pin(word):
            self.acted.emit("neighbour_pinned")

    def unpin(self, word: str) -> None:
        """× was clicked: stop following the word."""
        if self.pins.unpin(word):
            self.acted.emit("word_unpinned")

    def _on_pins_changed(self) -> None:
        self.schedule()

    # -- model ----------------------------------------------------------------------------------------------
    def new_run(self) -> None:
        self._previous.clear()

    def refresh(self) -> None:
        exp = self.runner.experiment
        emb = embeddings_of(exp) if applies(exp) else None
        self.origin.setText(origin_text(emb) if applies(exp) else self.tr("This experiment has no word vectors."))
        self.lists = {}
        columns = []
        if emb is not None:
            index = EmbeddingIndex(emb.weights, emb.vocabulary, emb.index)
            known = [w for w in self.pins.words if w in emb.index]
            found = index.nearest_many(known, NEIGHBOURS, self.distance)
            for word in self.pins.words:
                neighbours = found.get(word)
                self.lists[word] = neighbours
                if neighbours is None:
                    columns.append((word, None, []))
                    continue
                now = [n.word for n in neighbours]
                key = (word, self.distance)
                columns.append((word, neighbours, rank_moves(self._previous.get(key), now)))
                self._previous[key] = now
            self.formula.setText(self.formula_text(emb))
        else:
            self.formula.setText(self.formula_text(None))
        self.grid.set_columns(columns)

    def formula_text(self, emb: Any) -> str:
        """The formula of the metric in use, with the numbers of the first pinned word and its nearest word."""
        if self.distance == "euclidean":
            text = "‖w − q‖ = √Σ (wᵢ − qᵢ)²"
        else:
            text = "cos = w · q / (‖w‖ ‖q‖)"
        pair = self._first_pair()
        if emb is None or pair is None:
            return text
        q, w = (emb.weights[emb.index[word]] for word in pair)
        if self.distance == "euclidean":
            value = math.sqrt(float(np.sum((w - q) ** 2)))
            return text + f":  ‖{short(pair[1], 12)} − {short(pair[0], 12)}‖ = {num(value, 4)}"
        nw, nq = float(np.linalg.norm(w)), float(np.linalg.norm(q))
        dot = float(w @ q)
        value = dot / (nw * nq) if nw and nq else float("nan")
        a, b = short(pair[1], 12), short(pair[0], 12)
        return text + f":  {a} · {b} = {num(dot, 3)} / ({num(nw, 3)} · {num(nq, 3)}) = {num(value, 4)}"

    def _first_pair(self) -> tuple[str, str] | None:
        """(the first pinned word with neighbours, its nearest other word)."""
        for word, neighbours in self.lists.items():
            if neighbours and len(neighbours) > 1:
                other = next((n.word for n in neighbours if n.word != word), None)
                if other is not None:
                    return word, other
        return None

    def describe(self) -> str:
        metric = self.tr("Euclidean distance") if self.distance == "euclidean" else self.tr("cosine similarity")
        parts = [self.tr("Nearest words by {0}.").format(metric), self.origin.text()]
        for word, neighbours in self.lists.items():
            if neighbours is None:
                parts.append(self.tr("{0}: not in the vocabulary.").format(word))
            else:
                parts.append("{}: {}.".format(word, ", ".join(n.word for n in neighbours[1:])))
        return " ".join(parts)
