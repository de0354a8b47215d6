"""Chapter 12: averaged word vectors, and matrices that change nothing (BOOK.md ch. 12).

`ch12.review-vectors` averages the embeddings of a finished `ch11.sentiment` run (from the session store, or
trained here first) into one vector per review and finds the reviews most like a few typed words.
`ch12.toy-forward` is the chapter's walk from "a sum of word vectors" to "a chain of vector · matrix + next
word": the identity matrix changes nothing, and making it learnable gives a recurrent network; it prints exactly
what the book prints. The recurrent network trained on bAbI is in ch12_rnn_babi.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import numpy as np

from learning.chapters.ch11_analogy import TrainsFirst
from learning.chapters.ch11_language import Sentiment, WordsParam, review_tokens, split_words
from learning.embeddings import book_normed_rows, review_vectors, search_reviews, unit_rows
from learning.experiment import Experiment, Param, Phase, book_faithful_param
from learning.network import Layer, Network, Weights


# -- ch12.review-vectors --------------------------------------------------------------------------------------
class ReviewVectors(TrainsFirst):
    """The average of a review's word vectors is a usable review vector: reviews with similar meaning have large
    dot products. The query's words are averaged the same way and compared with every review.

    After training, an iteration answers `query`: PREDICT averages the query words' rows, COMPARE scores every
    review and lists the best three with the first 40 characters of their lines (the book's output). Accessors:
    `review_vectors` (reviews × hidden), `search(words, k)`, `review_text(k)`.
    """

    id = "ch12.review-vectors"
    title = "The surprising power of averaged word vectors"
    chapter = 12
    trainer = Sentiment
    params = (WordsParam("query", "boring awful", "the words to look for reviews like", live=True),
              book_faithful_param())
    query_formulas = {
        Phase.PREDICT: ("normed = weights_0_1 / ‖weights_0_1‖  (row by row)",
                        "review vector = mean(normed[words of the review]);  query = mean(normed[query words])"),
        Phase.COMPARE: ("score[review] = review vector · query;  the three best: {best}",),
    }
    #: How many reviews an answer lists.
    best_count: ClassVar[int] = 3

    def prepare(self) -> None:
        self._vectors: np.ndarray | None = None
        self.last_answer: tuple[list[int], list[float]] | None = None
        if self.weights is not None:
            self._index = self.weights.word2index()

    def query_list(self) -> list[list[str]]:
        return [split_words(self.query)]

    def _normed(self) -> np.ndarray:
        assert self.weights is not None
        w = self.weights.weights_0_1
        return book_normed_rows(w) if self.book_faithful else unit_rows(w)  # Q13

    @property
    def review_vectors(self) -> np.ndarray:
        """One vector per review (reviews × hidden): the mean of the normed rows of its known words (Q14: the book
        reads each review's token set with its "word\\n"), computed once per set of weights."""
        if self._vectors is None:
            book = bool(self.book_faithful)
            rows = []
            for line in self.data.reviews:
                known = sorted({self._index[w] for w in review_tokens(line, book) if w in self._index})
                rows.append(np.array(known, dtype=np.intp))
            self._normed_rows = self._normed()
            self._vectors = review_vectors(self._normed_rows, rows)
        return self._vectors

    def search(self, words: list[str], k: int = 3) -> tuple[list[int], list[float], list[str]]:
        """(review indices, scores, words not in the vocabulary) of the k reviews most like the words."""
        vectors = self.review_vectors
        known = [self._index[w] for w in words if w in self._index]
        missing = [w for w in words if w not in self._index]
        best, scores = search_reviews(vectors, self._normed_rows, known, k)
        return best.tolist(), scores.tolist(), missing

    def review_text(self, review: int, characters: int | None = None) -> str:
        """A review's line as the book stores it (the first `characters` characters, as the book prints them)."""
        line = self.data.reviews[review]
        return line if characters is None else line[:characters]

    def answer(self, query: list[str]) -> Iterator[tuple[Phase, dict[str, Any]]]:
        """PREDICT: the query words the vocabulary knows; COMPARE: the three best reviews and their beginnings."""
        missing = [w for w in query if w not in self._index]
        yield Phase.PREDICT, {"query_words": query, "missing": missing, "weights_from": self.weights_from}
        best, scores, _ = self.search(query, self.best_count)
        self.last_answer = (best, scores)
        yield Phase.COMPARE, {"best": best, "scores": scores, "texts": [self.review_text(k, 40) for k in best]}

    def report(self) -> dict[str, Any] | None:
        """The book's output: the first 40 characters of the three best reviews."""
        if self.weights is None:
            return None
        best, scores, missing = self.search(split_words(self.query), self.best_count)
        texts = [self.review_text(k, 40) for k in best]
        return {"text": [str(texts)], "reviews": best, "scores": scores, "missing": missing,
                "weights_from": self.weights_from}

    def query_network(self) -> Network:
        """The query words → the query vector (their mean normed row)."""
        assert self.weights is not None
        known = [self._index[w] for w in split_words(self.query) if w in self._index]
        hidden = tuple(str(j) for j in range(self.weights.weights_0_1.shape[1]))
        rows = self._normed()[known].T / len(known) if known else np.zeros((len(hidden), 1))
        query = rows.sum(axis=1) if known and self.last_answer is not None else None
        units = tuple(f"word {k + 1}" for k in range(max(len(known), 1)))  # by place, not by word
        return Network([Layer("query words", units, np.ones(len(units)) if known else None, code_name="known"),
                        Layer("query vector", hidden, query, code_name="query")],
                       [Weights("normed", 0, 1, rows, code_name="normed_weights")])


# -- ch12.toy-forward -----------------------------------------------------------------------------------------
TOY_WORDS = ("yankees", "bears", "braves", "red", "socks", "lose", "defeat", "beat", "tie")


def book_softmax(x_: np.ndarray) -> np.ndarray:
    """The chapter's first softmax: exp(x) / Σ exp(x) over each row (no max subtracted)."""
    x = np.atleast_2d(x_)
    temp = np.exp(x)
    return temp / np.sum(temp, axis=1, keepdims=True)


class ToyForward(Experiment):
    """Iteration 0: the identity matrix changes nothing (I, a·I, b·I, c·I, d·I). Iteration 1: a sum of word vectors
    equals the chain ((this·I + movie)·I) + rocks. Iteration 2 and on: "red socks defeat" through a recurrent
    chain with a learnable I and a decoder S (`sent2output`), predicting "yankees" — PREDICT gives the book's
    uniform prediction (every vector starts at zero), COMPARE and LEARN take one backpropagation step; later
    iterations repeat the step, so the prediction for "yankees" grows.

    `report()` gives the book's printed lines. Accessors: `word_vects`, `identity`, `sent2output`,
    `unrolled()` (per time step: the hidden vector and the prediction).

    A quirk BOOK.md does not list: the book's `layer_0` is the `word_vects['red']` array itself, which its update
    changes in place before `identity -= outer(layer_0, layer_1_delta) · alpha` reads it, so that term uses red
    after its step. `book_faithful` keeps this; the default uses red as the forward pass read it (the exact
    gradient). Nothing the book prints depends on it.
    """

    id = "ch12.toy-forward"
    title = "Matrices that change absolutely nothing; forward propagation in Python"
    chapter = 12
    default_seed = 0
    iterations = 3
    params = (Param("alpha", 0.01, "learning rate of the backpropagation step", 0.0, 100.0, live=True),
              book_faithful_param())
    #: The math of iterations 0 and 1 (demonstrations) and of the recurrent step (iteration 2 and on).
    step_formulas: ClassVar[tuple[dict[Phase, tuple[str, ...]], ...]] = (
        {Phase.PREDICT: ("a · identity = {a_identity},  b · identity = {b_identity}",
                         "c · identity = {c_identity},  d · identity = {d_identity}")},
        {Phase.PREDICT: ("this + movie + rocks = {sum}", "((this · identity + movie) · identity) + rocks = {chain}")},
        {Phase.PREDICT: ("layer_1 = layer_0 · identity + word_vects[socks]",
                         "layer_2 = layer_1 · identity + word_vects[defeat]",
                         "pred = softmax(layer_2 · sent2output) = {pred}"),
         Phase.COMPARE: ("pred_delta = pred − y = {pred_delta}",),
         Phase.LEARN: ("layer_2_delta = pred_delta · sent2outputᵀ;  layer_1_delta = layer_2_delta · identityᵀ;  "
                       "layer_0_delta = layer_1_delta · identityᵀ",
                       "word_vects[red] −= layer_0_delta · alpha;  word_vects[socks] −= layer_1_delta · alpha;  "
                       "word_vects[defeat] −= layer_2_delta · alpha",
                       "identity −= outer(layer_0, layer_1_delta) · alpha + outer(layer_1, layer_2_delta) · alpha",
                       "sent2output −= outer(layer_2, pred_delta) · alpha   (alpha = {alpha})")},
    )

    @property
    def formulas(self) -> dict[Phase, tuple[str, ...]]:  # type: ignore[override]
        """The math of the iteration shown (the last one begun)."""
        return self.step_formulas[min(self.shown, 2)]

    a, b, c, d = (np.array([1, 2, 3]), np.array([0.1, 0.2, 0.3]), np.array([-1, -0.5, 0]), np.array([0, 0, 0]))
    this, movie, rocks = np.array([2, 4, 6]), np.array([10, 10, 10]), np.array([1, 1, 1])

    def setup(self) -> None:
        self.word_vects = {w: np.array([[0.0, 0.0, 0.0]]) for w in TOY_WORDS}
        self.sent2output = self.rs.random_sample((3, len(TOY_WORDS)))  # the book's unseeded rand(3, 9)
        self.identity = np.eye(3)
        self.printed: list[str] = []
        self.shown = 0  # the iteration whose math is shown
        self.layers: list[np.ndarray] | None = None
        self.pred: np.ndarray | None = None

    def state_names(self) -> tuple[str, ...]:
        return ("word_vects", "sent2output", "identity", "printed", "layers", "pred", "shown")

    def state(self) -> dict[str, Any]:
        out = super().state()
        out["word_vects"] = {w: v.copy() for w, v in self.word_vects.items()}
        out["printed"] = list(self.printed)
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self.word_vects = {w: v.copy() for w, v in state["word_vects"].items()}
        self.printed = list(state["printed"])

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        step = self.shown = self.iteration_index
        if step == 0:  # the identity matrix changes nothing
            identity = np.eye(3)
            products = [v.dot(identity) for v in (self.a, self.b, self.c, self.d)]
            self.printed = [*self.printed, str(identity), *(str(p) for p in products)]
            yield Phase.PREDICT, {"identity": identity, "a_identity": products[0], "b_identity": products[1],
                                  "c_identity": products[2], "d_identity": products[3]}
            return
        if step == 1:  # a sum is the same as a chain through the identity
            identity = np.eye(3)
            summed = self.this + self.movie + self.rocks
            chained = (self.this.dot(identity) + self.movie).dot(identity) + self.rocks
            self.printed = [*self.printed, str(summed), str(chained)]
            yield Phase.PREDICT, {"sum": summed, "chain": chained}
            return
        word_vects, identity, sent2output = self.word_vects, self.identity, self.sent2output
        # The book's layer_0 *is* word_vects['red']: its in-place update below changes layer_0 before the identity's
        # first update reads it. The default takes the vector as the forward pass used it (the exact gradient).
        layer_0 = word_vects["red"] if self.book_faithful else word_vects["red"].copy()
        layer_1 = layer_0.dot(identity) + word_vects["socks"]
        layer_2 = layer_1.dot(identity) + word_vects["defeat"]
        pred = book_softmax(layer_2.dot(sent2output))
        self.layers, self.pred = [layer_0, layer_1, layer_2], pred
        if step == 2:
            self.printed = [*self.printed, str(pred)]
        yield Phase.PREDICT, {"layer_0": layer_0[0], "layer_1": layer_1[0], "layer_2": layer_2[0], "pred": pred[0]}
        y = np.array([1, 0, 0, 0, 0, 0, 0, 0, 0])  # target one-hot vector for "yankees"
        pred_delta = pred - y
        yield Phase.COMPARE, {"pred_delta": pred_delta[0], "error": float(np.sum(pred_delta ** 2))}
        alpha = self.alpha
        layer_2_delta = pred_delta.dot(sent2output.T)
        defeat_delta = layer_2_delta * 1
        layer_1_delta = layer_2_delta.dot(identity.T)
        socks_delta = layer_1_delta * 1
        layer_0_delta = layer_1_delta.dot(identity.T)
        word_vects["red"] -= layer_0_delta * alpha
        word_vects["socks"] -= socks_delta * alpha
        word_vects["defeat"] -= defeat_delta * alpha
        identity -= np.outer(layer_0, layer_1_delta) * alpha
        identity -= np.outer(layer_1, layer_2_delta) * alpha
        sent2output -= np.outer(layer_2, pred_delta) * alpha
        yield Phase.LEARN, {"alpha": alpha, "layer_2_delta": layer_2_delta[0], "layer_1_delta": layer_1_delta[0],
                            "layer_0_delta": layer_0_delta[0]}

    def report(self) -> dict[str, Any] | None:
        """Everything the book prints, line by line (numpy's own printing of each array)."""
        if not self.printed:
            return None
        return {"text": "\n".join(self.printed).split("\n")}

    def unrolled(self) -> list[tuple[str, np.ndarray]] | None:
        """(word read, hidden vector after it) for red, socks, defeat, with the last forward pass's values."""
        if self.layers is None:
            return None
        return list(zip(("red", "socks", "defeat"), (v[0] for v in self.layers), strict=True))

    def network(self) -> Network:
        """The word read (one-hot) and the previous hidden vector → the hidden vector → the prediction."""
        words = np.array([self.word_vects[w][0] for w in TOY_WORDS]).T  # 3 × 9: column = a word's vector
        layer_1 = None if self.layers is None else self.layers[1][0]
        layer_2 = None if self.layers is None else self.layers[2][0]
        onehot = np.zeros(len(TOY_WORDS))
        onehot[TOY_WORDS.index("defeat")] = 1.0
        goals = np.zeros(len(TOY_WORDS))
        goals[0] = 1.0
        return Network(
            [Layer("word", TOY_WORDS, onehot, code_name="word_vects[defeat]"),
             Layer("previous", ("0", "1", "2"), layer_1, code_name="layer_1"),
             Layer("hidden", ("0", "1", "2"), layer_2, code_name="layer_2"),
             Layer("prediction", TOY_WORDS, None if self.pred is None else self.pred[0], goals=goals,
                   activation="softmax", code_name="pred")],
            [Weights("word_vects", 0, 2, words, code_name="word_vects"),
             Weights("identity", 1, 2, self.identity.T, code_name="identity"),
             Weights("sent2output", 2, 3, self.sent2output.T, code_name="sent2output")],
        )


EXPERIMENTS = (ReviewVectors, ToyForward)
