"""Chapter 11: words as vectors — a bag of words, and word embeddings learned from movie-review sentiment.

BOOK.md ch. 11. The IMDB preparation here is shared by `ch11.word2vec` and `ch12.review-vectors`: a review is a
line of the book's `reviews.txt`, split on single spaces; the default strips the line terminator and drops empty
tokens, `book_faithful` keeps them as the book's code does (Q14: the last word of a review is "word\\n"). Every
vocabulary is sorted (BOOK.md section 1.5, Q25), so results are deterministic though only comparable with the
book within a band.

`ch11.sentiment` stores its weights as the book does (`weights_0_1` is vocabulary × hidden: row i is word i's
embedding; `weights_1_2` is hidden × 1). One iteration is one review: the rows of its words are summed, so only
those rows take part and only those rows learn — the "one-hot vector times a matrix picks rows" idea. Records
stay light (a few numbers per review); the views read the arrays through the accessors below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from learning.datasets import imdb
from learning.datasets.imdb import ImdbBook, book_imdb
from learning.embeddings import EmbeddingIndex, similar
from learning.experiment import Experiment, LeanStep, Param, ParamError, Phase, book_faithful_param
from learning.network import Layer, Network, Weights
from learning.results import SESSION, ResultStore
from learning.statespec import Log, Maybe, RowPatch

#: The book tests on the last 1,000 reviews and trains on the rest.
TEST_COUNT = imdb.TEST_COUNT
#: Most epoch lines a saved run may hold (one per epoch).
MAX_EPOCH_LINES = 100_000
_SPLIT = re.compile(r"[\s,]+")


def sigmoid(x: Any) -> Any:
    """The book's 1 / (1 + e^(−x))."""
    return 1 / (1 + np.exp(-x))


def split_words(text: str) -> list[str]:
    """Words of a text typed by the learner: separated by spaces or commas, lower-cased."""
    return [w for w in _SPLIT.split(text.strip().lower()) if w]


@dataclass(frozen=True)
class WordsParam(Param):
    """A parameter holding words separated by spaces; when `vocabulary` is given, only those words."""

    vocabulary: tuple[str, ...] = ()

    def allowed(self) -> str:
        """What the parameter accepts."""
        if self.vocabulary:
            return "words separated by spaces, from: " + ", ".join(self.vocabulary)
        return "one or more words separated by spaces"

    def check(self, value: Any) -> str:
        """The text itself, if it holds at least one word (each in the vocabulary, when there is one)."""
        if not isinstance(value, str):
            raise self._bad(value)
        words = split_words(value)
        if not words or (self.vocabulary and any(w not in self.vocabulary for w in words)):
            raise self._bad(value)
        return value


# -- IMDB in the book's forms -------------------------------------------------------------------------------
def review_tokens(line: str, book: bool, keep_empty: bool = False) -> list[str]:
    """The tokens of one line of reviews.txt. Default: terminator stripped, empty strings dropped. `book` (Q14):
    `line.split(" ")` as the book does — the terminator stays on the last token, and empty strings from double
    spaces stay when `keep_empty` (word2vec's vocabulary keeps them; the sentiment vocabulary drops them)."""
    if not book:
        return imdb.tokens(line)
    parts = line.split(" ")
    return parts if keep_empty else [t for t in parts if t]


@dataclass
class SentimentCorpus:
    """The sentiment form of the reviews: each review as the set of its words' rows.

    `inputs[k]` holds review k's vocabulary indices, each once, ascending (the book takes `list(set(...))`,
    whose order follows string hashes like its vocabulary; the order only changes the last bits of a sum);
    `goals[k]` is 1 for a positive review; `document_counts[i]` is how many reviews contain word i.
    """

    vocabulary: list[str]
    word2index: dict[str, int]
    inputs: list[np.ndarray]
    goals: np.ndarray
    document_counts: np.ndarray


def sentiment_corpus(reviews: list[str], labels: list[str], book: bool) -> SentimentCorpus:
    """Token sets, the sorted vocabulary of every non-empty token, index sets and goals (BOOK.md ch. 11)."""
    sets = [set(review_tokens(line, book)) for line in reviews]
    vocabulary = sorted(set().union(*sets))
    word2index = {w: i for i, w in enumerate(vocabulary)}
    inputs = []
    for words in sets:
        rows = np.fromiter((word2index[w] for w in words), dtype=np.intp, count=len(words))
        rows.sort()
        inputs.append(rows)
    counts = np.bincount(np.concatenate(inputs), minlength=len(vocabulary)) if inputs else np.zeros(0, int)
    return SentimentCorpus(vocabulary, word2index, inputs, np.array(imdb.targets(labels), dtype=np.int64), counts)


class TouchedRows:
    """The rows of a (vocabulary × hidden) weight matrix that learning may have changed since the run began.

    A state() then copies only those rows (with the starting matrix kept once): the runner takes a state before
    each of a run's first iterations, and a review touches ~150 of 74,000 rows, so those states hold kilobytes
    instead of the whole 60 MB matrix (whose copy stalls the window for tens of milliseconds)."""

    def __init__(self, initial: np.ndarray) -> None:
        self.initial = initial.copy()
        self.initial.setflags(write=False)
        self.mask = np.zeros(len(initial), dtype=bool)

    def mark(self, rows: np.ndarray) -> None:
        """These rows may change (or have changed)."""
        self.mask[rows] = True

    def capture(self, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(the starting matrix — shared, never copied —, the marked rows ascending, a copy of their values): a
        state's form of the matrix (checked in a saved run by learning.statespec.RowPatch). The starting matrix is
        part of the state, so that a state's size (`history.state_bytes`) is that of the whole matrix and the
        runner's snapshot budget stays as careful as with full copies."""
        rows = np.flatnonzero(self.mask).astype(np.int64, copy=False)
        return self.initial, rows, weights[rows]

    def restore(self, initial: np.ndarray, rows: np.ndarray, values: np.ndarray) -> np.ndarray:
        """The matrix of a captured state: the starting values with the captured rows put back."""
        if initial.flags.writeable:  # a saved run's (shared by its states): read-only, as the one it stands for
            initial.setflags(write=False)
        self.initial = initial
        weights = initial.copy()
        weights[rows] = values
        self.mask[:] = False
        self.mask[rows] = True
        return weights


def book_progress(i: int, reviews: int) -> str:
    """The book's progress text: characters 2-3 and 4-5 of str(i / reviews), e.g. "95.99" for 23,999 / 25,000."""
    text = str(i / float(reviews))
    return text[2:4] + "." + text[4:6]


# -- ch11.bag-of-words ----------------------------------------------------------------------------------------
ONEHOTS = {"cat": (1, 0, 0, 0), "the": (0, 1, 0, 0), "dog": (0, 0, 1, 0), "sat": (0, 0, 0, 1)}


class BagOfWords(Experiment):
    """Summing one-hot vectors encodes a sentence: "the cat sat" → [1 1 0 1]."""

    id = "ch11.bag-of-words"
    title = "Capturing word correlation in input data"
    chapter = 11
    phases_used = (Phase.PREDICT,)
    params = (WordsParam("sentence", "the cat sat", "the sentence to encode, from the words cat, the, dog, sat",
                         live=True, vocabulary=tuple(ONEHOTS)),)
    formulas = {Phase.PREDICT: ("sent_encoding = Σ onehots[word] for the words of the sentence = {sent_encoding}",)}

    def setup(self) -> None:
        self.onehots = {w: np.array(v) for w, v in ONEHOTS.items()}
        self.sent_encoding: np.ndarray | None = None

    def state_names(self) -> tuple[str, ...]:
        return ("sent_encoding",)

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        sentence = split_words(self.sentence)
        x = self.onehots[sentence[0]]
        for word in sentence[1:]:
            x = x + self.onehots[word]  # the book: onehots[sentence[0]] + onehots[sentence[1]] + ...
        self.sent_encoding = x
        yield Phase.PREDICT, {"sentence": sentence, "sent_encoding": x}

    def report(self) -> dict[str, Any] | None:
        """The book's line: `Sent Encoding:[1 1 0 1]`."""
        if self.sent_encoding is None:
            return None
        return {"text": ["Sent Encoding:" + str(self.sent_encoding)], "sent_encoding": self.sent_encoding.tolist()}

    def network(self) -> Network:
        """One layer: the sentence's encoding over the four words."""
        return Network([Layer("sentence", tuple(ONEHOTS), self.sent_encoding, code_name="sent_encoding")])


# -- ch11.sentiment -------------------------------------------------------------------------------------------
def alpha_param(default: float) -> Param:
    """The learning rate, live."""
    return Param("alpha", default, "learning rate: the fraction of each weight update applied", 0.0, 100.0,
                 live=True)


class ImdbExperiment(Experiment):
    """Shared by the experiments on the reviews: the data (injected or `book_imdb()`) and the session store."""

    chapter = 11
    default_seed = 1
    datasets: ClassVar[tuple[str, ...]] = ("imdb",)

    def __init__(self, seed: int | None = None, data: ImdbBook | None = None, store: ResultStore | None = None,
                 cache: dict[Any, Any] | None = None, **values: Any) -> None:
        self.data = data
        self.store = SESSION if store is None else store
        self._cache: dict[Any, Any] = {} if cache is None else cache
        super().__init__(seed, **values)

    def _load(self) -> ImdbBook:
        if self.data is None:
            self.data = book_imdb()  # DatasetMissing propagates: the app offers the download
        return self.data

    def _cached(self, key: Any, make: Any) -> Any:
        """The corpus preparation is kept across resets (it takes seconds on the full data set)."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]


class Sentiment(LeanStep, ImdbExperiment):
    """Embedding sum → sigmoid → sigmoid: learning to tell positive from negative reviews places words of
    similar sentiment close together in `weights_0_1`.

    Accessors for the views: `vocabulary`, `word2index`, `weights_0_1` (V × hidden, row = word), `selected_rows()`
    (the rows the current review sums: the only rows its learn phase changes), `last_update()`, `review_words()`,
    `review_text()`, `document_counts`, `embedding_index()` (nearest words), `predict_reviews()`.
    """

    id = "ch11.sentiment"
    title = "Predicting movie reviews; comparing word embeddings"
    epochs = 2
    params = (alpha_param(0.01), Param("hidden_size", 100, "units in the hidden layer (the embedding size)", 1, 1000),
              book_faithful_param())
    formulas = {
        Phase.PREDICT: ("layer_1 = sigmoid(Σ weights_0_1[i] for the {words} words i of the review)",
                        "layer_2 = sigmoid(layer_1 · weights_1_2) = {layer_2},  goal = {goal}"),
        Phase.COMPARE: ("layer_2_delta = layer_2 − goal = {layer_2_delta}",
                        "error = layer_2_delta² = {error},  correct = |layer_2_delta| < 0.5 = {correct}"),
        Phase.LEARN: ("layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ layer_1 ⊙ (1 − layer_1)",
                      "weights_0_1[i] −= layer_1_delta · alpha   for the review's words only",
                      "weights_1_2 −= outer(layer_1, layer_2_delta) · alpha   (alpha = {alpha})"),
    }
    #: Test reviews per chunk of the end-of-epoch test pass (a few milliseconds each).
    test_chunk: ClassVar[int] = 100
    #: The book's sayings after training: the words it compares.
    compared: ClassVar[tuple[str, ...]] = ("beautiful", "terrible")

    def __init__(self, seed: int | None = None, data: ImdbBook | None = None, store: ResultStore | None = None,
                 cache: dict[Any, Any] | None = None, test_count: int = TEST_COUNT, **values: Any) -> None:
        self.test_count = int(test_count)
        super().__init__(seed, data, store, cache, **values)

    def setup(self) -> None:
        data = self._load()
        book = bool(self.book_faithful)
        corpus = self._cached(("sentiment", book), lambda: sentiment_corpus(data.reviews, data.labels, book))
        self.corpus: SentimentCorpus = corpus
        self.vocabulary = corpus.vocabulary
        self.word2index = corpus.word2index
        self.document_counts = corpus.document_counts
        self._inputs, self._goals = corpus.inputs, corpus.goals
        count = len(corpus.inputs)
        if not 0 < self.test_count < count:
            raise ParamError(f"test_count must leave reviews to train on: {self.test_count} of {count}")
        self.train_count = self.epoch_size = count - self.test_count
        self._slots = tuple(f"word {k + 1}" for k in range(max(len(x) for x in corpus.inputs)))
        v, h = len(self.vocabulary), int(self.hidden_size)
        self.weights_0_1 = 0.2 * self.rs.random_sample((v, h)) - 0.1
        self.weights_1_2 = 0.2 * self.rs.random_sample((h, 1)) - 0.1
        self.touched = TouchedRows(self.weights_0_1)  # a state() copies only the rows reviews have changed
        self.book_correct = 0  # Q10: the book's counters run on across epochs
        self.book_total = 0
        self.book_lines: list[str] = []
        self.last_test: dict[str, float] | None = None
        self._clear_step()

    def _clear_step(self) -> None:
        self._network_cache: tuple[Any, Network] | None = None
        self.review = self.iteration_index % self.epoch_size
        self.layer_0: np.ndarray | None = None  # the review's rows (the book's x)
        self.layer_1: np.ndarray | None = None
        self.layer_2: np.ndarray | None = None
        self.layer_2_delta: np.ndarray | None = None
        self.layer_1_delta: np.ndarray | None = None

    def state_names(self) -> tuple[str, ...]:
        return ("weights_1_2", "book_correct", "book_total", "book_lines", "last_test")

    def state(self) -> dict[str, Any]:
        out = super().state()
        out["weights_0_1"] = self.touched.capture(self.weights_0_1)
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self.weights_0_1 = self.touched.restore(*state["weights_0_1"])
        self.book_lines = list(self.book_lines)
        self._clear_step()

    def state_spec(self) -> dict[str, Any]:
        """weights_0_1 as the rows reviews changed; a line per epoch; the last test's figures once tested."""
        return {"weights_0_1": RowPatch(len(self.vocabulary), int(self.hidden_size)),
                "book_lines": Log("", MAX_EPOCH_LINES),
                "last_test": Maybe({"test_accuracy": 0.0, "test_correct": 0, "test_error": 0.0})}

    # -- the book's loop ----------------------------------------------------------------------------------------
    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        """Predict, compare, learn on one review, in the book's order and arithmetic."""
        i = self.review = self.iteration_index % self.epoch_size
        x, y = self._inputs[i], int(self._goals[i])
        weights_0_1, weights_1_2, alpha = self.weights_0_1, self.weights_1_2, self.alpha
        rows = weights_0_1.take(x, axis=0)  # weights_0_1[x]: one row per word of the review
        layer_1 = sigmoid(np.sum(rows, axis=0))  # embed + sigmoid
        layer_2 = sigmoid(np.dot(layer_1, weights_1_2))  # (1,)
        self.layer_0, self.layer_1, self.layer_2 = x, layer_1, layer_2
        self.layer_2_delta = self.layer_1_delta = None
        yield Phase.PREDICT, {"goal": y, "words": len(x), "layer_2": float(layer_2[0])}
        layer_2_delta = layer_2 - y
        self.layer_2_delta = layer_2_delta
        delta = float(layer_2_delta[0])
        yield Phase.COMPARE, {"layer_2_delta": delta, "error": delta * delta, "correct": int(abs(delta) < 0.5)}
        layer_1_delta = layer_2_delta.dot(weights_1_2.T)  # backprop (weights_1_2 before its update)
        if not self.book_faithful:  # Q9: the book leaves out the sigmoid's derivative here
            layer_1_delta = layer_1_delta * layer_1 * (1 - layer_1)  # BOOK.md's order: (δ2·W12ᵀ ⊙ l1) ⊙ (1 − l1)
        self.layer_1_delta = layer_1_delta
        rows -= layer_1_delta * alpha  # the gathered rows, moved in place, then written back:
        weights_0_1[x] = rows  # = the book's weights_0_1[x] -= layer_1_delta * alpha
        self.touched.mark(x)
        weights_1_2 -= np.outer(layer_1, layer_2_delta) * alpha
        yield Phase.LEARN, {"alpha": alpha}

    # -- per-epoch figures ----------------------------------------------------------------------------------
    def epoch_summary(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """train_accuracy = correct / reviews of this epoch (the book, Q10: of all epochs so far); error = summed
        squared error; `book_line` is the line the book keeps at the end of the epoch."""
        correct = total = 0
        error = 0.0
        book_correct, book_total = self.book_correct, self.book_total
        line = ""
        for r in records:
            correct += r["correct"]
            total += 1
            error += r["error"]
            if r["example"] % 10 == 9:  # the book rewrites its line every 10 reviews
                c, t = (book_correct + correct, book_total + total) if self.book_faithful else (correct, total)
                line = (f"Iter:{r['epoch']} Progress:{book_progress(r['example'], len(self._inputs))}% "
                        f"Training Accuracy:{c / float(t)}%")
        if self.book_faithful:
            self.book_correct, self.book_total = book_correct + correct, book_total + total
            accuracy = self.book_correct / self.book_total
        else:
            accuracy = correct / total
        self.book_lines = [*self.book_lines, line]
        epoch = records[-1]["epoch"]
        if epoch + 1 >= (self.epochs or 0):
            self.store.publish(self.id, self.vocabulary, self.weights_0_1, bool(self.book_faithful),
                               self.data.source, self.data.sample_mode, self.iteration_index)
        return {"error": error, "train_error": error / total, "correct": correct, "reviews": total,
                "train_accuracy": accuracy, "book_line": line}

    def evaluate(self) -> Iterator[dict[str, int]]:
        return self.test_pass()

    def test_pass(self) -> Iterator[dict[str, int]]:
        """The last `test_count` reviews in chunks: yields {"done", "total"}, returns test_accuracy (the book's
        |layer_2 − goal| < 0.5), test_correct and test_error (mean squared error)."""
        start, end = self.train_count, len(self._inputs)
        correct = 0
        error = 0.0
        for s in range(start, end, self.test_chunk):
            e = min(s + self.test_chunk, end)
            layer_2 = self.predict_reviews(range(s, e))
            delta = layer_2 - self._goals[s:e]
            correct += int(np.count_nonzero(np.abs(delta) < 0.5))
            error += float(np.sum(delta * delta))
            yield {"done": e - start, "total": end - start}
        total = end - start
        self.last_test = {"test_accuracy": correct / float(total), "test_correct": correct,
                          "test_error": error / total}
        return dict(self.last_test)

    def run_test_pass(self) -> dict[str, float]:
        """The test pass at once; returns its figures."""
        gen = self.test_pass()
        while True:
            try:
                next(gen)
            except StopIteration as stop:
                return stop.value

    def predict_reviews(self, reviews: Any) -> np.ndarray:
        """layer_2 of each review (by index) with the current weights, bit for bit as the training loop computes
        it; nothing changes."""
        reviews = list(reviews)
        if not reviews:
            return np.empty(0)
        w01, w12 = self.weights_0_1, self.weights_1_2
        # review by review, as the loop sums (rows added in order; np.add.reduceat would sum in another order)
        return np.array([sigmoid(np.dot(sigmoid(np.sum(w01.take(self._inputs[k], axis=0), axis=0)), w12))[0]
                         for k in reviews])

    # -- after the run -------------------------------------------------------------------------------------
    def report(self) -> dict[str, Any] | None:
        """The book's lines: each epoch's last progress line, `Test Accuracy:…`, then `similar()` of the words it
        compares (the 10 nearest by Euclidean distance, the word itself first)."""
        text = [line for line in self.book_lines if line]
        out: dict[str, Any] = {"epochs": list(self.book_lines)}
        if self.last_test is not None:
            text.append("Test Accuracy:" + str(self.last_test["test_accuracy"]))
            out["test_accuracy"] = self.last_test["test_accuracy"]
        out["similar"] = {}
        for word in self.compared:
            if word in self.word2index:
                pairs = similar(self.weights_0_1, self.vocabulary, word)
                text.append(str(pairs))
                out["similar"][word] = pairs
        out["text"] = text
        return out

    # -- views ---------------------------------------------------------------------------------------------
    def selected_rows(self) -> np.ndarray:
        """The rows of weights_0_1 the current review sums (its words, ascending): the only rows its learn phase
        changes. The current review is the one of the last predict phase, or the next one before any."""
        return self.layer_0 if self.layer_0 is not None else self._inputs[self.iteration_index % self.epoch_size]

    def last_update(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(rows, change) of the last learn phase: every listed row of weights_0_1 moved by the same `change`
        (= −alpha · layer_1_delta, shape (hidden,)); no other row moved. None before a learn phase."""
        if self.layer_1_delta is None or self.layer_0 is None:
            return None
        return self.layer_0, -(self.layer_1_delta * self.alpha)

    def review_words(self, review: int | None = None) -> list[str]:
        """The words of a review (default: the current one), in vocabulary order."""
        rows = self.selected_rows() if review is None else self._inputs[review]
        return [self.vocabulary[i] for i in rows.tolist()]

    def review_text(self, review: int | None = None) -> str:
        """The review's line of reviews.txt (default: the current one), without its terminator."""
        return self.data.reviews[self.review if review is None else review].rstrip("\n")

    def embedding_index(self) -> EmbeddingIndex:
        """Nearest-word queries on the current weights_0_1 (build a new one after the weights change)."""
        return EmbeddingIndex(self.weights_0_1, self.vocabulary, self.word2index)

    def network(self) -> Network:
        """The current review's words → hidden (sigmoid) → output (sigmoid). The input layer has one unit per word
        slot of the longest review (`word 1` … `word N`, the review's words in vocabulary order, then empty slots
        valued 0), so its shape stays the same from review to review; weights_0_1 shows the rows the review selects
        (hidden × slots, zero for empty slots). Cached until the next phase."""
        key = (self.iteration_index, self.layer_0 is None, self.layer_1_delta is None)
        if self._network_cache is not None and self._network_cache[0] == key:
            return self._network_cache[1]
        x = self.selected_rows()
        i = self.review if self.layer_0 is not None else self.iteration_index % self.epoch_size
        slots = self._slots
        present = np.zeros(len(slots))
        present[:len(x)] = 1.0
        rows = np.zeros((self.weights_0_1.shape[1], len(slots)))
        rows[:, :len(x)] = self.weights_0_1[x].T
        hidden = tuple(str(j) for j in range(self.weights_1_2.shape[0]))
        net = Network(
            [Layer("review", slots, present, code_name="x"),
             Layer("hidden", hidden, self.layer_1, activation="sigmoid", code_name="layer_1"),
             Layer("output", ("positive?",), None if self.layer_2 is None else self.layer_2,
                   goals=[float(self._goals[i])], activation="sigmoid", code_name="layer_2")],
            [Weights("weights_0_1", 0, 1, rows, code_name="weights_0_1"),
             Weights("weights_1_2", 1, 2, self.weights_1_2.T, code_name="weights_1_2")],
        )
        self._network_cache = (key, net)
        return net


EXPERIMENTS = (BagOfWords, Sentiment)
