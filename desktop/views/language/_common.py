"""What the chapter 11-12 views share (not a view itself): where an experiment's word vectors are, the pinned words,
a base class for views that follow the run at their own rate, and heat strips drawn through desktop/colour.py.

Word vectors come from three kinds of experiment: one that trains them (ch11.sentiment, ch11.word2vec: its own
`weights_0_1`, changing as it learns), and one that works on another's finished run (ch11.analogy,
ch12.review-vectors: `TrainsFirst` in learning/chapters/ch11_analogy.py) — the trainer's weights while it trains
them first, then the finished weights, from this session's store or trained here. `embeddings_of` hides the
difference and says which it is, so that every view can tell the learner where its numbers come from.
"""

from __future__ import annotations

import functools
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QRectF, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from desktop.colour import signed_image
from desktop.repaint import Repaint
from desktop.runner import Runner
from learning.chapters.ch11_language import review_tokens

#: Words pinned when a session starts (the words the book compares).
DEFAULT_PINS = ("terrible", "beautiful")
#: Most words pinned at once (each is a column of the nearest-words panel and a label on the map).
MOST_PINS = 8


# -- where the word vectors are ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Embeddings:
    """The word vectors an experiment shows now (rows of `weights` = words of `vocabulary`).

    `origin` is "run" (the experiment's own weights, learning as it runs), "training" (the trainer's weights while
    an analogy or review-search experiment trains them first), "session" (a finished run of this session) or
    "trained here" (finished, trained by this experiment first). `done` / `total` are the trainer's iterations so
    far and planned (total None when open-ended); `trainer` the id of the experiment that trains them. `version`
    changes whenever the numbers may have changed (for caches)."""

    weights: np.ndarray
    vocabulary: Sequence[str]
    index: dict[str, int]
    origin: str
    done: int
    total: int | None
    trainer: str
    counts: np.ndarray | None
    version: tuple[Any, ...]
    source: Any = None  # the experiment object whose weights these are (for view accessors)


_index_cache: list[Any] = [None, None]  # (the TrainedEmbedding, its word -> row dictionary)


def _trained_index(trained: Any) -> dict[str, int]:
    if _index_cache[0] is not trained:
        _index_cache[0], _index_cache[1] = trained, trained.word2index()
    return _index_cache[1]


def _own_counts(experiment: Any) -> np.ndarray | None:
    counts = getattr(experiment, "document_counts", None)
    if counts is None:
        counts = getattr(experiment, "word_counts", None)
    return None if counts is None else np.asarray(counts)


def trains_first(experiment: object) -> bool:
    """True for experiments that work on another experiment's finished weights (TrainsFirst)."""
    return hasattr(experiment, "training_iterations") and hasattr(experiment, "inner")


def has_embeddings(experiment: object) -> bool:
    """True for experiments with word vectors (their own, or a trainer's): the chapter 11-12 experiments on IMDB."""
    if trains_first(experiment):
        return True
    return isinstance(getattr(experiment, "weights_0_1", None), np.ndarray) and hasattr(experiment, "word2index")


def embeddings_of(experiment: Any) -> Embeddings | None:
    """The word vectors `experiment` shows now, or None (not a word-vector experiment, or nothing trained yet)."""
    if trains_first(experiment):
        inner = experiment.inner
        if experiment.training and inner is not None:
            return Embeddings(inner.weights_0_1, inner.vocabulary, inner.word2index, "training",
                              experiment.iteration_index, experiment.training_iterations, inner.id,
                              _own_counts(inner), (id(inner), id(inner.weights_0_1), experiment.iteration_index),
                              inner)
        trained = experiment.weights
        if trained is None:
            return None
        counts = _own_counts(inner) if inner is not None else None
        if counts is None or len(counts) != len(trained.vocabulary):
            counts = corpus_counts(experiment, trained.vocabulary, _trained_index(trained))
        return Embeddings(trained.weights_0_1, trained.vocabulary, _trained_index(trained), experiment.weights_from,
                          trained.iterations, trained.iterations, trained.experiment_id, counts,
                          (id(trained), trained.iterations), experiment)
    if not has_embeddings(experiment):
        return None
    total = (experiment.epochs or 1) * experiment.epoch_size if experiment.epoch_size else experiment.iterations
    return Embeddings(experiment.weights_0_1, experiment.vocabulary, experiment.word2index, "run",
                      experiment.iteration_index, total, experiment.id, _own_counts(experiment),
                      (id(experiment), id(experiment.weights_0_1), experiment.iteration_index), experiment)


_counts_cache: dict[tuple[Any, ...], np.ndarray] = {}


def corpus_counts(experiment: Any, vocabulary: Sequence[str], index: dict[str, int]) -> np.ndarray:
    """How often each vocabulary word occurs in the experiment's reviews (for "the most frequent words" when the
    finished weights came without their trainer's counts). Counted once per data set and vocabulary."""
    data = getattr(experiment, "data", None)
    book = bool(getattr(experiment, "book_faithful", False))
    key = (getattr(data, "source", None), id(data), book, len(vocabulary))
    counts = _counts_cache.get(key)
    if counts is None:
        reviews = getattr(data, "reviews", ())
        if book:  # the book's tokens keep "word\n" and empty strings (Q14): line by line
            counter: Counter[str] = Counter()
            for line in reviews:
                counter.update(review_tokens(line, book, keep_empty=True))
        else:  # cleaned lines hold letters, '.', spaces and a terminator: one split of them all is their tokens
            counter = Counter(" ".join(reviews).split())
        counts = np.zeros(len(vocabulary), dtype=np.int64)
        for word, n in counter.items():
            row = index.get(word)
            if row is not None:
                counts[row] += n
        _counts_cache.clear()
        _counts_cache[key] = counts
    return counts


def count(n: int | float) -> str:
    """A whole number with the locale's digit grouping (12,345 or 12 345)."""
    return QLocale().toString(int(n))


def origin_text(emb: Embeddings | None) -> str:
    """One line saying where the word vectors come from, in the current language."""
    translate = QCoreApplication.translate
    if emb is None:
        return translate("LanguageViews", "No word vectors yet.")
    if emb.origin == "run":
        return translate("LanguageViews", "Word vectors of this run after {0} iterations.").format(count(emb.done))
    if emb.origin == "training":
        share = 100.0 * emb.done / emb.total if emb.total else 0.0
        return translate("LanguageViews", "Training {0} first: {1} % ({2} of {3} iterations); these are its word "
                                          "vectors as they are now.").format(emb.trainer, f"{share:.1f}",
                                                                             count(emb.done), count(emb.total or 0))
    if emb.origin == "session":
        return translate("LanguageViews", "Word vectors of a finished {0} run of this session ({1} iterations)."
                         ).format(emb.trainer, count(emb.done))
    return translate("LanguageViews", "Word vectors of {0}, trained here first ({1} iterations).").format(
        emb.trainer, count(emb.done))


# -- pinned words --------------------------------------------------------------------------------------------
class Pins(QObject):
    """The words the learner follows, shared by the views of one runner (the nearest-words panel lists their
    neighbours, the map labels them); `changed` after every pin or unpin."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("language_pins")
        self.words: list[str] = list(DEFAULT_PINS)

    def pin(self, word: str) -> bool:
        """Follow `word` (the oldest pin goes when there are MOST_PINS); False if it was pinned already."""
        word = word.strip().lower()
        if not word or word in self.words:
            return False
        self.words.append(word)
        del self.words[:-MOST_PINS]
        self.changed.emit()
        return True

    def unpin(self, word: str) -> bool:
        """Stop following `word`; False if it was not pinned."""
        if word not in self.words:
            return False
        self.words.remove(word)
        self.changed.emit()
        return True


def pins_for(runner: Runner) -> Pins:
    """The pinned words of a runner's views (made on first use, living as long as the runner)."""
    pins = runner.findChild(Pins, "language_pins")
    if pins is None:
        pins = Pins(runner)
    return pins


# -- a view that follows the run at its own rate ---------------------------------------------------------------
class LiveView(QWidget):
    """Base of the chapter 11-12 views: redraws after the runner's signals, at most every STEP_MS while the learner
    steps and every PLAY_MS while the run plays (never per tick), skips redraws while hidden, retranslates on a
    language change and keeps its text alternative (`describe()`) as its accessible description.

    Subclasses implement `refresh()` (read the experiment, update the widgets), `describe()` and `retranslate()`;
    `new_run()` is called after a reset or a new experiment. `acted(name)` reports what the learner did."""

    acted = Signal(str)
    STEP_MS = 30
    PLAY_MS = 250

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Every refresh of a subclass ends by renewing the text alternative, whoever calls it (the timer, a
        language change, the learner's own action)."""
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("refresh")
        if own is not None:
            @functools.wraps(own)
            def refresh(self: LiveView) -> None:
                own(self)
                self.setAccessibleDescription(self.describe())

            cls.refresh = refresh  # type: ignore[method-assign]

    def __init__(self, runner: Runner, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName(key)
        #: Seconds the last refresh took (the benchmark reads it).
        self.last_refresh_s = 0.0
        self.refreshes = 0
        self._repaint = Repaint(self, self._redraw, self.STEP_MS)
        runner.advanced.connect(self._on_runner_advanced)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.rewound.connect(self._on_runner_rewound)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.param_changed.connect(self._on_runner_param_changed)
        runner.playing_changed.connect(self._on_runner_playing_changed)

    # -- scheduling ---------------------------------------------------------------------------------------
    def schedule(self) -> None:
        """Ask for a redraw at the view's rate."""
        self._repaint.set_interval(self.PLAY_MS if self.runner.playing else self.STEP_MS)
        self._repaint.schedule()

    def _redraw(self) -> None:
        start = time.perf_counter()
        self.refresh()
        self.last_refresh_s = time.perf_counter() - start
        self.refreshes += 1

    def _on_runner_advanced(self, *_: Any) -> None:
        self.schedule()

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self.schedule()

    def _on_runner_rewound(self, *_: Any) -> None:
        self.schedule()

    def _on_runner_param_changed(self, *_: Any) -> None:
        self.schedule()

    def _on_runner_playing_changed(self, *_: Any) -> None:
        self.schedule()  # paused: what was cut short while playing (a whole ranked list) is drawn in full

    def _on_runner_reset_done(self) -> None:
        self.new_run()
        self.schedule()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self.new_run()
        self.schedule()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.schedule()
        super().changeEvent(event)

    # -- for subclasses ---------------------------------------------------------------------------------------
    def new_run(self) -> None:
        """A reset or another experiment: forget what belonged to the old run."""

    def refresh(self) -> None:
        """Read the experiment and show it."""

    def retranslate(self) -> None:
        """Every fixed text in the current language."""

    def describe(self) -> str:
        """A text alternative of what the view shows now."""
        return ""


# -- painting ---------------------------------------------------------------------------------------------
def draw_heat(painter: QPainter, rect: QRectF, values: np.ndarray, scale: float) -> None:
    """A 2-D array of signed values as cells filling `rect` (nearest-neighbour scaling: each value one block)."""
    values = np.atleast_2d(np.asarray(values, dtype=float))
    if values.size == 0:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawImage(rect, signed_image(values, scale))
    painter.restore()


def shown(word: str) -> str:
    """A token as it can be shown: the line terminator (Q14) as ⏎, tabs as ⇥, the empty token (Q14) as ∅."""
    return word.replace("\n", "⏎").replace("\t", "⇥") if word else "∅"


def short(word: str, most: int = 14) -> str:
    """A word cut to `most` characters with "…" (a review's longest tokens would otherwise push columns apart);
    the book's terminator (Q14) shown as ⏎, the tabs of bAbI's answer tokens as ⇥."""
    word = shown(word)
    return word if len(word) <= most else word[: most - 1] + "…"
