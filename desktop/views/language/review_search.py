"""Review search (ch12.review-vectors): type a few words, read the reviews most like them.

Each review's vector is the average of its words' normalised rows of the sentiment network's weights_0_1; the
typed words are averaged the same way, and the reviews with the largest dot product come first — with their
score, their label and their text, the typed words in bold. Until the sentiment network has finished (a finished
run of this session, or the one this experiment trains first) the view shows that training's progress.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QProgressBar, QTextBrowser, QVBoxLayout, QWidget

from desktop.format import num
from desktop.runner import Runner
from desktop.theme import colours
from desktop.views import ViewSpec
from desktop.views.language._common import LiveView, count, embeddings_of, origin_text
from desktop.widgets import ElidedLabel, spoken
from learning.chapters.ch11_language import split_words

#: The smallest readable size (width, height) in pixels.
MINIMUM = (340, 220)
ACTIONS = ("reviews_searched",)
BEST = 5  # reviews listed
CHARACTERS = 420  # of each review's text


def applies(experiment: object) -> bool:
    """True for experiments that search reviews by averaged word vectors (ch12.review-vectors)."""
    return callable(getattr(experiment, "search", None)) and callable(getattr(experiment, "review_text", None))


def spec() -> ViewSpec:
    """Review search: the main view of ch12.review-vectors."""
    return ViewSpec("review_search", lambda: QCoreApplication.translate("ReviewSearchView", "Review search"),
                    ReviewSearchView, MINIMUM, applies, rank=14, actions=ACTIONS)


def marked(text: str, words: set[str]) -> str:
    """A review's text as HTML with the given words in bold."""
    return " ".join(f"<b>{html.escape(t)}</b>" if t in words else html.escape(t) for t in text.split(" "))


class ReviewSearchView(LiveView):
    """The reviews most like the typed words."""

    PLAY_MS = 500

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "review_search", parent)
        self.entry = QLineEdit()
        self.entry.setObjectName("review_search_entry")
        self.entry.setClearButtonEnabled(True)
        self.entry.returnPressed.connect(self.search)
        self.origin = ElidedLabel()
        self.origin.setObjectName("review_search_origin")
        self.origin.setStyleSheet(f"color: {colours().muted.name()}")
        self.progress = QProgressBar()
        self.progress.setObjectName("review_search_progress")
        self.progress.setMaximumHeight(10)
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1000)
        self.results = QTextBrowser()
        self.results.setObjectName("review_search_results")
        self.results.setOpenLinks(False)
        self.results.setMinimumSize(200, 80)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.entry)
        layout.addWidget(self.origin)
        layout.addWidget(self.progress)
        layout.addWidget(self.results, 1)
        self.words: list[str] = []
        self.found: list[tuple[int, float]] = []
        self.missing: list[str] = []
        self.summary = ""
        self._version: tuple[Any, ...] | None = None
        self.new_run()
        self.retranslate()

    def retranslate(self) -> None:
        self.entry.setPlaceholderText(self.tr("words to look for, e.g. boring awful"))
        spoken(self.entry, self.tr("Words to look for"))
        self.progress.setAccessibleName(self.tr("Search progress"))
        self.entry.setToolTip(self.tr("Press Enter: the reviews whose averaged word vectors are most like these "
                                      "words come first."))
        self.results.setAccessibleName(self.tr("Reviews found"))
        self._version = None
        self.refresh()

    def new_run(self) -> None:
        """Another experiment: start from its own query."""
        query = getattr(self.runner.experiment, "query", "")
        self.entry.setText(query if isinstance(query, str) else "")
        self.words = split_words(self.entry.text())
        self._version = None

    def search(self) -> None:
        """Enter: search for the typed words."""
        self.words = split_words(self.entry.text())
        self._version = None
        self.refresh()
        if self.found:
            self.acted.emit("reviews_searched")

    def refresh(self) -> None:
        exp = self.runner.experiment
        if not applies(exp):
            self.origin.setText(self.tr("This experiment does not search reviews."))
            self.progress.hide()
            self.results.setHtml("")
            self.found = []
            self.summary = ""
            return
        emb = embeddings_of(exp)
        self.origin.setText(origin_text(emb))
        training = emb is None or emb.origin == "training"
        self.progress.setVisible(training)
        if training:
            if emb is not None and emb.total:
                self.progress.setValue(round(1000 * emb.done / emb.total))
            self.found = []
            self.summary = self.tr("The search works once the sentiment network has finished training.")
            self.results.setHtml(f"<p>{html.escape(self.summary)}</p>")
            self._version = None
            return
        version = (emb.version, tuple(self.words))
        if version == self._version:
            return
        self._version = version
        if not self.words:
            self.found, self.missing = [], []
            self.summary = self.tr("Type a few words and press Enter.")
            self.results.setHtml(f"<p>{html.escape(self.summary)}</p>")
            return
        best, scores, self.missing = exp.search(self.words, BEST)
        self.found = list(zip(best, scores, strict=True))
        self.results.setHtml(self.results_html(exp))

    def results_html(self, exp: Any) -> str:
        """The list of reviews found, as HTML."""
        muted = colours().muted.name()
        parts = []
        if self.missing:
            parts.append("<p style='color:{}'>{}</p>".format(muted, html.escape(
                self.tr("Not in the vocabulary (left out): {0}").format(", ".join(self.missing)))))
        if not self.found:
            self.summary = self.tr("None of these words is in the vocabulary.")
            parts.append(f"<p>{html.escape(self.summary)}</p>")
            return "".join(parts)
        labels = exp.data.labels
        words = set(self.words)
        for rank, (review, score) in enumerate(self.found, start=1):
            label = labels[review] if review < len(labels) else ""
            label = {"positive": self.tr("positive"), "negative": self.tr("negative")}.get(label, label)
            text = exp.review_text(review).rstrip("\n")
            cut = text[:CHARACTERS] + ("…" if len(text) > CHARACTERS else "")
            head = self.tr("{0}. review {1} ({2}), score {3}").format(rank, count(review), label, num(score, 3))
            parts.append(f"<p><span style='color:{muted}'>{html.escape(head)}</span><br>{marked(cut, words)}</p>")
        self.summary = self.tr("Reviews most like “{0}”: {1}.").format(
            " ".join(self.words), "; ".join(self.tr("review {0}, score {1}").format(count(r), num(s, 3))
                                            for r, s in self.found))
        return "".join(parts)

    def describe(self) -> str:
        return " ".join(t for t in (self.summary, self.origin.text()) if t)
