"""The leak inspector: pick an update (Bob's, Alice's, Sue's, or the average of the three), read the words whose
weights it changed, search it for a word, and see those words marked in the e-mails behind the update."""

from __future__ import annotations

import html
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.colour import mix, sign_colour
from desktop.format import num
from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours
from desktop.views.federated._common import CLIENTS, federated, hack, secure
from desktop.views.federated.leaks.model import AVERAGE, Leak, colour_scale, delta_of, leak_of, order, rows_with
from desktop.views.federated.leaks.texts import LeakTexts
from desktop.widgets import ElidedLabel, FlowLayout, spoken

REPAINT_MS = 200
#: Tokens of an e-mail shown at most (the longest kept e-mails have a few thousand).
MOST_TOKENS = 3000


#: Shades of a changed word's background on each side of zero.
SHADES = 16


def tint(value: float, scale: float) -> QColor:
    """A changed word's background: its sign's colour, at least faintly however small the change (so that every
    changed word shows), stronger up to the scale."""
    share = min(abs(value) / scale, 1.0) if scale > 0 else 1.0
    return mix(colours().surface, sign_colour(value), 0.2 + 0.4 * share)


def tints(values: np.ndarray, scale: float) -> list[str]:
    """tint() of many changes as colour names, through SHADES steps a side (one QColor per step, not per word)."""
    share = np.minimum(np.abs(values) / scale, 1.0) if scale > 0 else np.ones(len(values))
    steps = np.rint(share * SHADES).astype(int).tolist()
    table = {(sign, k): tint(sign * k * scale / SHADES, scale).name() if k else
             mix(colours().surface, sign_colour(sign), 0.2).name() for sign in (-1.0, 1.0) for k in range(SHADES + 1)}
    return [table[(-1.0 if v < 0 else 1.0, k)] for v, k in zip(values.tolist(), steps, strict=True)]


class WordsModel(QAbstractListModel):
    """The changed words of an update, in a chosen order; data is read only for the rows on screen."""

    def __init__(self, texts: LeakTexts, parent: Any = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.vocab: list[str] = []
        self.indices: np.ndarray = np.empty(0, dtype=np.int64)
        self.values: np.ndarray = np.empty(0)
        self.scale = 1.0

    @property
    def words(self) -> list[str]:
        """The words listed, in order."""
        return [self.vocab[i] for i in self.indices.tolist()]

    def set_words(self, vocab: list[str], indices: np.ndarray, values: np.ndarray, scale: float) -> None:
        """Show these words (vocabulary indices) with their changes; a word is looked up only when it is drawn."""
        self.beginResetModel()
        self.vocab, self.indices, self.values = vocab, np.asarray(indices, dtype=np.int64), values
        self.scale = scale if scale > 0 else 1.0
        self.endResetModel()

    def row_of(self, index: int) -> int | None:
        """The row of a vocabulary index, or None."""
        rows = np.flatnonzero(self.indices == index)
        return int(rows[0]) if rows.size else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.indices)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.indices):
            return None
        word, value = self.vocab[int(self.indices[index.row()])], float(self.values[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{word or '␣'}   {num(value, 3)}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return tint(value, self.scale)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.texts.word_tip(word, value)
        return None


class LeakPanel(QWidget):
    """What an update reveals, live; `acted` reports "update_inspected", "average_inspected", "word_found"."""

    acted = Signal(str)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("leaks")
        self.texts = LeakTexts(self)
        self.leak: Leak | None = None
        self.full: np.ndarray = np.empty(0)
        self.scale = 1.0
        self.email = 0
        self._marked_html = ""
        self.rows: list[int] = []  # the e-mails browsed (all behind the update, or those with the found word)

        self.whose_label = QLabel()
        self.whose = QComboBox()
        self.whose.setObjectName("leaks_whose")
        self.order = QComboBox()
        self.order.setObjectName("leaks_order")
        self.search_field = QLineEdit()
        self.search_field.setObjectName("leaks_find")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(120)
        bar = QWidget()
        flow = FlowLayout(bar, spacing=4)
        for widget in (self.whose_label, self.whose, self.search_field, self.order):
            flow.addWidget(widget)
        self.summary = QLabel()
        self.summary.setObjectName("leaks_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setMaximumHeight(2 * self.fontMetrics().lineSpacing() + 2)  # two lines; all of it in the tip
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self.answer = ElidedLabel()
        self.answer.setObjectName("leaks_answer")
        self.answer.setStyleSheet(f"color: {colours().accent.name()}")
        self.words = WordsModel(self.texts, self)
        self.list = QListView()
        self.list.setObjectName("leaks_words")
        self.list.setModel(self.words)
        self.list.setUniformItemSizes(True)
        # tens of thousands of words: laid out a few hundred per pass of the event loop, so that a new list (every
        # step while the run plays) never holds the window for long
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(400)
        self.back = QToolButton()
        self.back.setText("◀")
        self.forward = QToolButton()
        self.forward.setText("▶")
        self.email_title = ElidedLabel()
        self.email_title.setObjectName("leaks_email_title")
        nav = QWidget()
        nav_flow = FlowLayout(nav, spacing=4, expand_first=True)
        for widget in (self.email_title, self.back, self.forward):
            nav_flow.addWidget(widget)
        self.email_view = QTextBrowser()
        self.email_view.setObjectName("leaks_email")
        self.email_view.setOpenLinks(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(2)
        right_layout.addWidget(nav)
        right_layout.addWidget(self.email_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.list.setMinimumWidth(80)
        right.setMinimumWidth(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.answer)
        layout.addWidget(self.splitter, 1)

        self.whose.activated.connect(self._on_whose_activated)
        self.order.currentIndexChanged.connect(self._on_order_changed)
        self.search_field.returnPressed.connect(self.search)
        self.search_field.textChanged.connect(self._on_find_text_changed)
        self.back.clicked.connect(lambda: self.show_email(self.email - 1))
        self.forward.clicked.connect(lambda: self.show_email(self.email + 1))
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        for signal in (runner.advanced, runner.rewound, runner.phase_stepped):
            signal.connect(self._repaint.schedule)
        runner.reset_done.connect(self.refresh)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        self.retranslate()

    # -- language -------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        self.whose_label.setText(self.texts.whose())
        self.search_field.setPlaceholderText(self.texts.find_hint())
        self.search_field.setToolTip(self.texts.find_hint())
        spoken(self.search_field, self.texts.find_hint().rstrip("…"))
        self.email_view.setAccessibleName(self.texts.email_name())
        self.order.blockSignals(True)
        index = max(self.order.currentIndex(), 0)
        self.order.clear()
        self.order.addItems(list(self.texts.order()))
        self.order.setCurrentIndex(index)
        self.order.blockSignals(False)
        back, forward = self.texts.browse()
        self.back.setToolTip(back)
        self.forward.setToolTip(forward)
        self.email_view.setToolTip(self.texts.email_tip())
        self.list.setAccessibleName(self.texts.title())
        self._fill_whose()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_whose(self) -> None:
        current = self.who()
        exp = self.runner.experiment
        keys = ["bob"] if hack(exp) else [*CLIENTS, AVERAGE]
        self.whose.blockSignals(True)
        self.whose.clear()
        for key in keys:
            self.whose.addItem(self.texts.names.name(key), key)
        self.whose.setCurrentIndex(max(0, keys.index(current) if current in keys else 0))
        self.whose.setEnabled(len(keys) > 1)
        self.whose.blockSignals(False)

    # -- commands -------------------------------------------------------------------------------------------
    def who(self) -> str:
        """The update inspected: "bob", "alice", "sue" or "average"."""
        return self.whose.currentData() or "bob"

    def inspect(self, who: str) -> None:
        """Inspect `who`'s update (as picking it in the list does)."""
        index = self.whose.findData(who)
        if index >= 0:
            self.whose.setCurrentIndex(index)
            self._on_whose_activated(index)

    def _on_whose_activated(self, _: int) -> None:
        self.email = 0
        self.refresh()
        who = self.who()
        if self.leak is not None and self.leak.count:
            self.acted.emit("average_inspected" if who == AVERAGE else "update_inspected")
        if self.search_field.text().strip():
            self.search()

    def _on_order_changed(self, _: int) -> None:
        self.refresh()

    def _on_find_text_changed(self, text: str) -> None:
        if not text.strip():
            self.answer.setText("")
            self._browse(self.leak.rows if self.leak is not None else [])

    def search(self, word: str | None = None) -> bool:
        """Look `word` (default: the search field's text) up in the update: say whether it is there, select it in
        the list and show the first e-mail that contains it. True when the update names it."""
        if word is not None:
            self.search_field.setText(word)
        word = self.search_field.text().strip()
        exp, leak = self.runner.experiment, self.leak
        if leak is None or not word:
            self.answer.setText("")
            return False
        index = exp.spam.word2index.get(word)
        delta = None if index is None or not self.full.size or self.full[index] == 0 else float(self.full[index])
        rows = rows_with(exp, leak.rows, index) if index is not None and delta is not None else []
        emails = 1 if hack(exp) else len(rows)  # the hack: his one e-mail
        self.answer.setText(self.texts.found(word, leak.who, delta, index is not None, emails))
        if delta is None:
            return False
        self._select_word(index)
        if rows:
            self._browse(rows)
        self.acted.emit("word_found")
        return True

    def _select_word(self, word: int) -> None:
        row = self.words.row_of(word)
        if row is None:
            return
        index = self.words.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    # -- reading the run ------------------------------------------------------------------------------------
    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self.leak, self.rows = None, []  # the last experiment's update: nothing of it may be read in the new one
        self._fill_whose()
        self.search_field.clear()
        self.refresh()

    def refresh(self, *_: Any) -> None:
        """Read the update and redraw."""
        exp = self.runner.experiment
        if not (federated(exp) or hack(exp)):
            self.leak = None
            self.words.set_words([], np.empty(0, dtype=np.int64), np.empty(0), 1.0)
            self._summarise(self.texts.none())
            self._browse([])
            self._describe()
            return
        leak = self.leak = leak_of(exp, self.who())
        self.full = delta_of(leak, exp.spam.vocab_size)
        self.scale = colour_scale(leak)
        vocab_order = hack(exp) or self.order.currentIndex() == 1
        positions = order(leak, vocab_order)
        self.words.set_words(exp.spam.vocab, leak.indices[positions], leak.deltas[positions], self.scale)
        self._summarise(self.texts.summary(leak, secure(exp)) if leak.count else self.texts.nothing(leak.who))
        self.order.setEnabled(not hack(exp))
        if self.search_field.text().strip():
            self.search()
        else:
            self._browse(leak.rows)
        self._describe()

    def _summarise(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setToolTip(text)

    def _browse(self, rows: list[int]) -> None:
        same = rows == self.rows  # the same e-mails (a redraw while the run plays): stay on the one shown
        self.rows = rows
        self.show_email(self.email if same else 0)

    def show_email(self, position: int) -> None:
        """Show the e-mail at `position` among those browsed, its changed words marked."""
        exp, leak = self.runner.experiment, self.leak
        if leak is None:
            self.email_title.setText("")
            self._set_html("")
            return
        if leak.text or leak.missing:  # the hack: Bob's e-mail itself
            self.email_title.setText(self.texts.email_title(0, 1, False))
            self._set_html(self._marked(leak.text))
            self.back.setEnabled(False)
            self.forward.setEnabled(False)
            return
        total = len(self.rows)
        self.email = min(max(position, 0), max(total - 1, 0))
        self.back.setEnabled(self.email > 0)
        self.forward.setEnabled(self.email < total - 1)
        if not total:
            self.email_title.setText(self.texts.email_title(0, 0, None))
            self._set_html("")
            return
        row = self.rows[self.email]
        spam = exp.spam
        self.email_title.setText(self.texts.email_title(self.email, total, bool(spam.train_target[row, 0] > 0.5)))
        self._set_html(self._marked(spam.email_text(spam.train_origin[row])))

    def _set_html(self, text: str) -> None:
        self._marked_html = text  # as written (the browser rewrites what it is given)
        self.email_view.setHtml(text)

    def _marked(self, text: str) -> str:
        """The e-mail as HTML: each token whose weight changed on a background of its change's colour."""
        exp = self.runner.experiment
        word2index = exp.spam.word2index
        c = colours()
        tokens = text.split(" ")[:MOST_TOKENS]
        known = np.array([word2index.get(token, -1) for token in tokens], dtype=np.int64)
        values = self.full[np.maximum(known, 0)] if self.full.size else np.zeros(len(tokens))
        values = np.where(known >= 0, values, 0.0)
        backs = tints(values, self.scale)
        muted = c.muted.name()
        out = []
        for token, index, value, back in zip(tokens, known.tolist(), values.tolist(), backs, strict=True):
            shown = html.escape(token)
            if index < 0:  # not in the vocabulary (the hack's missing words): no weight
                out.append(f'<s style="color:{muted}">{shown}</s>')
            elif value != 0:
                out.append(f'<span style="background-color:{back}">{shown}</span>')
            else:
                out.append(shown)
        return "<p>" + " ".join(out) + "</p>"

    # -- words ----------------------------------------------------------------------------------------------
    def _describe(self) -> None:
        text = self.describe()
        self.list.setAccessibleDescription(text)
        self.setAccessibleDescription(text)

    def describe(self) -> str:
        """A text alternative: the summary, the first words of the update and the search's answer."""
        leak = self.leak
        if leak is None:
            return self.summary.text()
        head = ", ".join(self.words.vocab[i] for i in self.words.indices[:12].tolist())
        more = "…" if len(self.words.indices) > 12 else ""
        return " ".join(t for t in (self.summary.text(), f"{head}{more}".strip(), self.answer.text()) if t)

    def export_source(self) -> QWidget:
        """File → Export view draws the whole inspector."""
        return self
