"""The analogy workbench (chapter 11): type "terrible − bad + good", see every word ranked.

Two full ranked lists side by side: the correct arithmetic (rows divided by their norms) and the book's (rows
multiplied by their squared norms, Q13). The query words are marked in the lists — they often come first, which is
why the book drops the best match — and a switch leaves them out. An optional expected word is highlighted with
its rank in both lists. The workbench says where its word vectors come from: this run's (word2vec learning now), a
finished word2vec run of this session, or the one ch11.analogy trains first (with its progress; the lists follow
the weights as they learn, at most once a second).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.format import num
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec
from desktop.views.language._common import LiveView, count, embeddings_of, origin_text, short
from desktop.widgets import ElidedLabel, FlowLayout, spoken
from learning.embeddings import Ranking, analogy, parse_analogy

#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 240)
ACTIONS = ("analogy_asked", "analogy_worked", "query_excluded")
DEFAULT_QUERY = "terrible - bad + good"
#: An analogy "works" when the expected word is among this many best answers of the correct list.
WORKS_WITHIN = 10
#: While the run plays, the lists hold only this many best words (ranking all of them twice a second would stall
#: the window on the full vocabulary); paused, they hold every word.
PLAYING_TOP = 200

Index = QModelIndex | QPersistentModelIndex


def applies(experiment: object) -> bool:
    """True for word2vec and the analogy experiment (vector arithmetic on word2vec's embeddings)."""
    trainer = getattr(experiment, "trainer", None)
    return callable(getattr(experiment, "current_step", None)) or callable(getattr(trainer, "current_step", None))


def spec() -> ViewSpec:
    """The analogy workbench: the main view of ch11.analogy."""
    return ViewSpec("analogy", lambda: QCoreApplication.translate("AnalogyView", "Analogy workbench"), AnalogyView,
                    MINIMUM, applies, rank=14, actions=ACTIONS)


class RankingModel(QAbstractTableModel):
    """A full ranked list (rank, word, score) with the query words and the expected word marked."""

    def __init__(self) -> None:
        super().__init__()
        self.ranking: Ranking | None = None
        self.expected = ""
        self.headers = ("#", "word", "score")
        self._query: list[bool] = []
        self._fonts: dict[tuple[bool, bool], QFont] = {}
        self._colours: tuple[QColor, QColor] | None = None

    def set_ranking(self, ranking: Ranking | None, expected: str) -> None:
        """Show another list (None: empty)."""
        self.beginResetModel()
        self.ranking = ranking
        self.expected = expected
        self._query = [] if ranking is None else ranking.is_query.tolist()
        c = colours()  # looked up once per list: data() is asked for every visible cell at every repaint
        self._colours = (c.accent, c.muted)
        self.endResetModel()

    def _font(self, italic: bool, bold: bool) -> QFont:
        font = self._fonts.get((italic, bold))
        if font is None:
            font = number_font(8)
            font.setItalic(italic)
            font.setBold(bold)
            self._fonts[(italic, bold)] = font
        return font

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self.ranking is None else len(self.ranking.words)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        ranking = self.ranking
        if ranking is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        word = ranking.words[row]
        is_query = self._query[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(row + 1)
            if column == 1:
                return short(word, 20) + ("  ◂" if is_query else "")
            return num(float(ranking.scores[row]), 4)
        if role == Qt.ItemDataRole.ForegroundRole and self._colours is not None:
            if word == self.expected:
                return self._colours[0]
            return self._colours[1] if is_query else None
        if role == Qt.ItemDataRole.FontRole and (is_query or word == self.expected):
            return self._font(is_query, word == self.expected)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return word + (" — " + QCoreApplication.translate("AnalogyView", "a query word") if is_query else "")
        return None


class AnalogyView(LiveView):
    """Type an analogy, read both full ranked lists; they follow the word vectors as they learn."""

    STEP_MS = 60
    PLAY_MS = 1000

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "analogy", parent)
        bar = QWidget()
        flow = FlowLayout(bar, spacing=6, expand_first=True)
        self.entry = QLineEdit()
        self.entry.setObjectName("analogy_entry")
        self.entry.setMinimumWidth(160)
        self.entry.returnPressed.connect(self.ask)
        self.expected = QLineEdit()
        self.expected.setObjectName("analogy_expected")
        self.expected.setFixedWidth(110)
        self.expected.returnPressed.connect(self.ask)
        self.exclude = QCheckBox()
        self.exclude.setObjectName("analogy_exclude")
        self.exclude.toggled.connect(self._on_exclude_toggled)
        flow.addWidget(self.entry)
        flow.addWidget(self.expected)
        flow.addWidget(self.exclude)
        self.origin = ElidedLabel()
        self.origin.setObjectName("analogy_origin")
        self.origin.setStyleSheet(f"color: {colours().muted.name()}")
        self.progress = QProgressBar()
        self.progress.setObjectName("analogy_progress")
        self.progress.setMaximumHeight(10)
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1000)
        self.status = ElidedLabel()
        self.status.setObjectName("analogy_status")
        self.models = {"correct": RankingModel(), "book": RankingModel()}
        self.titles: dict[str, QLabel] = {}
        self.tables: dict[str, QTableView] = {}
        lists = QHBoxLayout()
        lists.setSpacing(6)
        for key, model in self.models.items():
            column = QVBoxLayout()
            column.setSpacing(1)
            title = QLabel()
            title.setObjectName(f"analogy_{key}_title")
            title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            table = QTableView()
            table.setObjectName(f"analogy_{key}")
            table.setModel(model)
            table.setFont(number_font(8))
            table.verticalHeader().hide()
            table.verticalHeader().setDefaultSectionSize(16)
            table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            for section, width in ((0, 46), (2, 62)):  # fixed: measuring 74,000 rows would stall
                table.horizontalHeader().setSectionResizeMode(section, QHeaderView.ResizeMode.Fixed)
                table.horizontalHeader().resizeSection(section, width)
            table.setSelectionMode(QTableView.SelectionMode.NoSelection)
            table.setMinimumSize(150, 80)
            column.addWidget(title)
            column.addWidget(table, 1)
            lists.addLayout(column, 1)
            self.titles[key] = title
            self.tables[key] = table
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(bar)
        layout.addWidget(self.origin)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(lists, 1)
        self.query: tuple[list[str], list[str]] | None = None
        self.error = ""
        self.rankings: dict[str, Ranking | None] = {"correct": None, "book": None}
        self.missing: list[str] = []
        self._worked: tuple[Any, ...] | None = None  # the (query, expected) that has already been reported
        self._version: tuple[Any, ...] | None = None
        self._asking = False
        self.partial = False  # the lists hold only the best PLAYING_TOP words (while the run plays)
        self.new_run()
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.entry.setPlaceholderText(self.tr("e.g. terrible - bad + good"))
        self.entry.setToolTip(self.tr("Words joined by + and −; press Enter to rank every word."))
        self.expected.setPlaceholderText(self.tr("expected word"))
        self.expected.setToolTip(self.tr("The word you expect: it is highlighted, with its rank."))
        self.exclude.setText(self.tr("exclude query words"))
        self.exclude.setToolTip(self.tr("Leave the query words out of the lists (they are often the nearest)."))
        self.titles["correct"].setText(self.tr("Correct: rows ÷ ‖row‖"))
        self.titles["correct"].setToolTip(self.tr("Each row divided by its length, so only directions count."))
        self.titles["book"].setText(self.tr("The book's: rows × ‖row‖² (Q13)"))
        self.titles["book"].setToolTip(self.tr("The book multiplies each row by its squared length instead of "
                                               "dividing by its length: long rows dominate."))
        for model in self.models.values():
            model.headers = ("#", self.tr("word"), self.tr("score"))
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        spoken(self.entry, self.tr("Analogy"))
        spoken(self.expected, self.tr("Expected word"))
        for key, table in self.tables.items():
            table.setAccessibleName(self.titles[key].text())
            table.horizontalHeader().setAccessibleName(self.tr("Columns: rank, word, score"))
        self.refresh()

    # -- the learner -----------------------------------------------------------------------------------------
    def new_run(self) -> None:
        """A new experiment starts with its own first query (or the book's)."""
        exp = self.runner.experiment
        text = DEFAULT_QUERY
        queries = getattr(exp, "queries", None)
        if isinstance(queries, str) and queries.strip():
            text = queries.split(";")[0].strip()
        self.entry.setText(text)
        self._parse(text)
        self._version = None

    def _parse(self, text: str) -> bool:
        try:
            self.query = parse_analogy(text)
        except ValueError as exc:
            self.query = None
            self.error = str(exc)
            return False
        self.error = ""
        return True

    def ask(self) -> None:
        """Enter in either field: rank every word for the typed analogy."""
        if self._parse(self.entry.text()):
            self._version = None
            self._asking = True  # the course hears "asked" before "worked"
            try:
                self.refresh()
            finally:
                self._asking = False
            if not self.missing:
                self.acted.emit("analogy_asked")
                self._report_worked()
        else:
            self.refresh()

    def _on_exclude_toggled(self, on: bool) -> None:
        self._version = None
        if on:
            self.acted.emit("query_excluded")
        self.refresh()
        self._report_worked()

    def expected_word(self) -> str:
        """The expected word, lower case."""
        return self.expected.text().strip().lower()

    def rank_of(self, key: str, word: str) -> int | None:
        """1-based rank of a word in one of the lists."""
        ranking = self.rankings.get(key)
        if ranking is None or not word:
            return None
        rank = ranking.rank_of(word)
        return None if rank is None else rank + 1

    def _report_worked(self) -> None:
        """Tell the course once per (query, expected word) when the expected word is among the best answers."""
        word = self.expected_word()
        rank = self.rank_of("correct", word)
        key = (self.entry.text(), word, self.exclude.isChecked())
        if rank is not None and rank <= WORKS_WITHIN and self.query is not None and self._worked != key \
                and word not in (*self.query[0], *self.query[1]):
            self._worked = key
            self.acted.emit("analogy_worked")

    # -- model ----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        exp = self.runner.experiment
        emb = embeddings_of(exp) if applies(exp) else None
        self.origin.setText(origin_text(emb) if applies(exp) else self.tr("This experiment has no word vectors."))
        training = emb is not None and emb.origin == "training"
        self.progress.setVisible(training)
        if training and emb.total:
            self.progress.setValue(round(1000 * emb.done / emb.total))
        self.missing = []
        if emb is None or self.query is None:
            self.rankings = {"correct": None, "book": None}
        else:
            positive, negative = self.query
            self.missing = [w for w in (*positive, *negative) if w not in emb.index]
            top = PLAYING_TOP if self.runner.playing else None
            version = (emb.version, tuple(positive), tuple(negative), self.exclude.isChecked(), top)
            if self.missing:
                self.rankings = {"correct": None, "book": None}
            elif version != self._version:
                for key in self.rankings:
                    self.rankings[key] = analogy(emb.weights, emb.vocabulary, positive, negative, book=key == "book",
                                                 exclude_query=self.exclude.isChecked(), index=emb.index, top=top)
            self._version = version
            self.partial = top is not None
        expected = self.expected_word()
        for key, model in self.models.items():
            if model.ranking is not self.rankings[key] or model.expected != expected:
                model.set_ranking(self.rankings[key], expected)
        self.status.setText(self.status_text(exp))
        if not self._asking:
            self._report_worked()

    def status_text(self, exp: Any) -> str:
        """The query as understood, where the expected word ranks, or what is wrong."""
        if self.error:
            return self.tr("Cannot read the analogy: {0}").format(self.error)
        if self.query is None:
            return ""
        positive, negative = self.query
        shown = " + ".join(positive) + "".join(" − " + w for w in negative)
        if self.missing:
            return self.tr("{0}: not in the vocabulary: {1}").format(shown, ", ".join(self.missing))
        if self.rankings["correct"] is None:
            return shown
        word = self.expected_word()
        if not word:
            best = self.rankings["correct"].top(3)
            return self.tr("{0} ≈ {1}").format(shown, ", ".join(w for w, _, _ in best))
        ranks = [self.rank_of(key, word) for key in ("correct", "book")]
        if ranks[0] is None and self.partial:
            return self.tr("{0}: “{1}” is not among the best {2} (pause for the whole list)").format(
                shown, word, PLAYING_TOP)
        if ranks[0] is None:
            return self.tr("{0}: “{1}” is not in the lists").format(shown, word)
        return self.tr("{0}: “{1}” is number {2} (correct) and number {3} (the book's)").format(
            shown, word, count(ranks[0]), count(ranks[1]) if ranks[1] is not None else "–")

    def describe(self) -> str:
        parts = [self.status.text(), self.origin.text()]
        for key, label in (("correct", self.tr("Correct list")), ("book", self.tr("The book's list"))):
            ranking = self.rankings[key]
            if ranking is not None:
                parts.append("{}: {}.".format(label, ", ".join(w for w, _, _ in ranking.top(10))))
        return " ".join(p for p in parts if p)
