"""Spam words (chapter 15): the model's learned weights as the most spam-like words (the largest weights, blue) and
the most ham-like (the smallest, orange), each with a bar as long as its weight; in federated rounds also the copy
a client is training."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.colour import sign_colour
from desktop.format import num
from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec
from desktop.views.federated._common import CLIENTS, OWNER, Names, federated, hack, spam_model
from desktop.widgets import ElidedLabel, FlowLayout

REPAINT_MS = 150
MOST_ROWS = 30

#: The smallest readable size: a picker, a title and five words a side.
MINIMUM = (300, 200)


def applies(experiment: object) -> bool:
    """True for chapter 15's spam experiments."""
    return spam_model(experiment)


def spec() -> ViewSpec:
    """The spam words: the main view of the plain spam filter."""
    return ViewSpec("spam_words", lambda: QCoreApplication.translate("SpamWordsTexts", "Spam words"), SpamWordsPanel,
                    MINIMUM, applies, rank=28)


def weights_of(experiment: Any, whose: str) -> np.ndarray | None:
    """The weights to read: the model's, a client's copy this round (None if it has none), or Bob's in the hack."""
    if hack(experiment):
        return experiment.bob.weights
    if whose == OWNER:
        return experiment.model.weights
    model = experiment.clients.get(whose) if federated(experiment) else None
    return None if model is None else model.weights


class SpamWordsTexts(QObject):
    """The view's words."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = Names(self)

    def whose(self, key: str) -> str:
        """An entry of the weights picker."""
        if key == OWNER:
            return self.tr("the model (the owner's)")
        return self.tr("{0} copy this round").format(self.names.whose(key))

    def headings(self) -> tuple[str, str]:
        """The two columns."""
        return self.tr("most spam-like (largest weights)"), self.tr("most ham-like (smallest weights)")

    def title(self, experiment: Any, whose: str, rows: int) -> str:
        """The line above the columns."""
        if hack(experiment):
            return self.tr("Bob's copy after his one e-mail: every word of it moved towards ham")
        note = self.names.data_note(experiment)
        if whose != OWNER and weights_of(experiment, whose) is None:
            return self.tr("The model has not reached {0} this round yet").format(self.names.of(whose))
        return self.tr("{0} words a side, <unk> left out. {1}").format(rows, note)

    def empty(self) -> str:
        """No spam model."""
        return self.tr("This experiment has no spam model: the words appear with chapter 15's experiments")

    def describe(self, words: dict[str, list[tuple[str, float]]]) -> str:
        """The columns as text."""
        spam = ", ".join(f"{w} {num(v, 3)}" for w, v in words.get("spam", [])[:10]) or "–"
        ham = ", ".join(f"{w} {num(v, 3)}" for w, v in words.get("ham", [])[:10]) or "–"
        return self.tr("Most spam-like words: {0}. Most ham-like words: {1}.").format(spam, ham)


class WordColumns(QWidget):
    """Two columns of words with bars: spam-like on the left, ham-like on the right."""

    def __init__(self, texts: SpamWordsTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spam_words_columns")
        self.texts = texts
        self.words: dict[str, list[tuple[str, float]]] = {"spam": [], "ham": []}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 120)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 320)

    def rows(self) -> int:
        """Words a side that fit."""
        return max(1, min(MOST_ROWS, int((self.height() - self._row_height() - 4) // self._row_height())))

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 3

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = colours()
        painter.fillRect(self.rect(), c.background)
        row_h = self._row_height()
        width = (self.width() - 12) / 2
        every = [abs(v) for side in self.words.values() for _, v in side]
        top = max(every) if every else 1.0
        for k, (side, heading) in enumerate(zip(("spam", "ham"), self.texts.headings(), strict=True)):
            left = 4 + k * (width + 4)
            painter.setPen(c.muted)
            painter.drawText(QRectF(left, 2, width, row_h), Qt.AlignmentFlag.AlignLeft,
                             self.fontMetrics().elidedText(heading, Qt.TextElideMode.ElideRight, int(width)))
            numbers = number_font(self.font().pointSizeF() * 0.9)
            labels = [num(v, 3) for _, v in self.words.get(side, [])] or ["−0.000"]
            value_w = max(QFontMetrics(numbers).horizontalAdvance(text) for text in labels) + 6
            word_w = (width - value_w) * 0.42
            bar_left = left + word_w + value_w + 4
            for row, (word, value) in enumerate(self.words.get(side, [])):
                y = 2 + row_h * (row + 1)
                if y + row_h > self.height():
                    break
                bar = QRectF(bar_left, y + 2, max(0.0, left + width - bar_left) * abs(value) / top, row_h - 5)
                painter.fillRect(bar, sign_colour(value))
                painter.setPen(c.text)
                painter.drawText(QRectF(left, y, word_w - 2, row_h), Qt.AlignmentFlag.AlignRight,
                                 self.fontMetrics().elidedText(word or "␣", Qt.TextElideMode.ElideLeft,
                                                               int(word_w - 2)))
                painter.setFont(numbers)
                painter.drawText(QRectF(left + word_w, y, value_w, row_h), Qt.AlignmentFlag.AlignRight,
                                 labels[row])
                painter.setFont(self.font())
        painter.end()


class SpamWordsPanel(QWidget):
    """The spam-like and ham-like words of the current weights, live."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("spam_words")
        self.texts = SpamWordsTexts(self)
        self.pick_label = QLabel()
        self.pick = QComboBox()
        self.pick.setObjectName("spam_words_whose")
        bar = QWidget()
        flow = FlowLayout(bar, spacing=4)
        flow.addWidget(self.pick_label)
        flow.addWidget(self.pick)
        self.title = ElidedLabel()
        self.title.setObjectName("spam_words_title")
        self.title.setStyleSheet(f"color: {colours().muted.name()}")
        self.columns = WordColumns(self.texts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(bar)
        layout.addWidget(self.title)
        layout.addWidget(self.columns, 1)
        self.pick.activated.connect(self.refresh)
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        for signal in (runner.advanced, runner.rewound, runner.phase_stepped):
            signal.connect(self._repaint.schedule)
        runner.reset_done.connect(self.refresh)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.pick_label.setText(QCoreApplication.translate("SpamWordsTexts", "Weights of"))
        self._fill_pick()
        self.columns.setAccessibleName(QCoreApplication.translate("SpamWordsTexts", "Spam words"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._repaint.schedule()

    def _fill_pick(self) -> None:
        current = self.pick.currentData() or OWNER
        self.pick.blockSignals(True)
        self.pick.clear()
        keys = [OWNER, *CLIENTS] if federated(self.runner.experiment) else [OWNER]
        for key in keys:
            self.pick.addItem(self.texts.whose(key), key)
        self.pick.setCurrentIndex(max(0, keys.index(current) if current in keys else 0))
        self.pick.setVisible(len(keys) > 1)
        self.pick_label.setVisible(len(keys) > 1)
        self.pick.blockSignals(False)

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self._fill_pick()
        self.refresh()

    def refresh(self, *_: Any) -> None:
        """Read the weights and redraw."""
        exp = self.runner.experiment
        if not spam_model(exp):
            self.columns.words = {"spam": [], "ham": []}
            self.title.setText(self.texts.empty())
        else:
            whose = self.pick.currentData() or OWNER
            weights = weights_of(exp, whose)
            rows = self.columns.rows()
            self.columns.words = {"spam": [], "ham": []} if weights is None else exp.spam_words(rows, weights)
            self.title.setText(self.texts.title(exp, whose, rows))
        self.columns.update()
        text = self.describe()
        self.columns.setAccessibleDescription(text)
        self.setAccessibleDescription(text)

    def describe(self) -> str:
        """A text alternative: the words of both columns with their weights."""
        if not spam_model(self.runner.experiment):
            return self.texts.empty()
        return self.title.text() + " " + self.texts.describe(self.columns.words)

    def export_source(self) -> QWidget:
        """File → Export view draws the two columns."""
        return self.columns


if __name__ == "__main__":
    from desktop.views import preview

    preview(SpamWordsPanel, "ch15.spam-plain", (600, 400))
