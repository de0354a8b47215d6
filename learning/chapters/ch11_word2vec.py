"""Chapter 11: filling in the blank (CBOW with negative sampling) and king − man + woman (BOOK.md ch. 11).

`ch11.word2vec`: one iteration is one target position of one review. Its context rows of `weights_0_1` are
averaged into `layer_1`; the target and 5 negatives, drawn from the whole token stream, are scored against the
rows of `weights_1_2` (`layer_2` = six sigmoids, goal [1, 0, 0, 0, 0, 0]); then the context rows and the six
sampled rows learn. Reviews are shuffled once with Python's `random.Random(seed)` and passed over twice in the
same order; the negatives come from the experiment's RandomState, one `rand(5)` per target position in
processing order (drawn a review at a time: the same numbers).

Quirks: Q11 (the book's right context is one word shorter than its left), Q12 (numpy fancy-index updates: a row
listed twice learns once; the default accumulates every occurrence), Q14 (the book keeps "word\\n" and the empty
strings of double spaces as tokens). A one-token review has no context: it is skipped (the book's loop would
average an empty context into NaN; no IMDB review is that short).

`ch11.analogy` (ch11_analogy.py) does its arithmetic on the weights this experiment leaves.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from learning.chapters.ch11_language import ImdbExperiment, TouchedRows, alpha_param, review_tokens
from learning.embeddings import EmbeddingIndex, similar
from learning.experiment import IterationResult, Param, ParamError, Phase, book_faithful_param
from learning.network import Layer, Network, Weights
from learning.statespec import Array, Log, Maybe, RowPatch, Whole


@dataclass
class Word2VecCorpus:
    """The word2vec form of the reviews: `reviews[k]` = review k's token indices in order (repeats kept),
    `concatenated` = every review's indices in file order (negatives are drawn from it, so by frequency),
    `order` = the review indices after Python's shuffle, `counts[i]` = how often word i occurs."""

    vocabulary: list[str]
    word2index: dict[str, int]
    reviews: list[np.ndarray]
    concatenated: np.ndarray
    order: list[int]
    counts: np.ndarray


def word2vec_corpus(lines: list[str], book: bool, seed: int) -> Word2VecCorpus:
    """Tokens (Q14 in `book` mode), the sorted vocabulary, index lists, the token stream, the shuffled order."""
    tokens = [review_tokens(line, book, keep_empty=True) for line in lines]
    vocabulary = sorted({t for review in tokens for t in review})
    word2index = {w: i for i, w in enumerate(vocabulary)}
    reviews = [np.fromiter((word2index[t] for t in review), dtype=np.intp, count=len(review)) for review in tokens]
    concatenated = np.concatenate(reviews) if reviews else np.zeros(0, dtype=np.intp)
    order = list(range(len(reviews)))
    random.Random(seed).shuffle(order)  # the book's random.seed(1); random.shuffle(input_dataset)
    counts = np.bincount(concatenated, minlength=len(vocabulary))
    return Word2VecCorpus(vocabulary, word2index, reviews, concatenated, order, counts)


class PassSums:
    """What word2vec keeps of a pass's records: how many and their summed error."""

    __slots__ = ("count", "error")

    def __init__(self, count: int = 0, error: float = 0.0) -> None:
        self.count = count
        self.error = error

    def append(self, record: dict[str, Any]) -> None:
        """Count one record."""
        self.count += 1
        self.error += record["error"]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(())


@dataclass(frozen=True)
class Word2VecStep:
    """One target position, for the step inspector: the target, its context (left and right: the book's right
    side is shorter, Q11), the negatives with their sampling probabilities (frequency in the token stream), and
    the rows that learn (`rows_0_1`: the context rows of weights_0_1, `rows_1_2`: target + negatives of
    weights_1_2). After the compare/learn phases `layer_2`, `layer_2_delta` and `layer_1_delta` are filled."""

    review: int
    position: int
    target: int
    left: tuple[int, ...]
    right: tuple[int, ...]
    negatives: tuple[int, ...]
    negative_probabilities: tuple[float, ...]
    words: dict[int, str]
    layer_1: np.ndarray | None
    layer_2: np.ndarray | None
    layer_2_delta: np.ndarray | None
    layer_1_delta: np.ndarray | None

    @property
    def rows_0_1(self) -> tuple[int, ...]:
        """Rows of weights_0_1 that learn (the context; a repeated word is listed twice)."""
        return self.left + self.right

    @property
    def rows_1_2(self) -> tuple[int, ...]:
        """Rows of weights_1_2 that learn: the target, then the negatives."""
        return (self.target, *self.negatives)

    def word(self, index: int) -> str:
        """The word of a row."""
        return self.words[index]


class Word2Vec(ImdbExperiment):
    """Continuous bag of words with negative sampling on the IMDB reviews.

    Accessors: `vocabulary`, `weights_0_1` (the embeddings, V × hidden), `weights_1_2`, `current_step()` (the step
    inspector's facts), `word_counts`, `embedding_index()`, `progress`, `passes_done`.
    """

    id = "ch11.word2vec"
    title = "Filling in the blank"
    epochs = 2  # the book's two passes over the shuffled reviews
    params = (alpha_param(0.05), Param("hidden_size", 50, "units in the hidden layer (the embedding size)", 1, 1000),
              Param("window", 2, "context words on each side of the target (the book's right side has one fewer)",
                    1, 10),
              Param("negative", 5, "negative samples per target word", 1, 50), book_faithful_param())
    formulas = {
        Phase.PREDICT: ("layer_1 = mean(weights_0_1[left_context + right_context])",
                        "layer_2 = sigmoid(layer_1 · weights_1_2[target_samples]ᵀ) = {layer_2}"),
        Phase.COMPARE: ("layer_2_delta = layer_2 − layer_2_target = {layer_2_delta}",
                        "error = Σ layer_2_delta² = {error}"),
        Phase.LEARN: ("layer_1_delta = layer_2_delta · weights_1_2[target_samples]",
                      "weights_0_1[left_context + right_context] −= layer_1_delta · alpha",
                      "weights_1_2[target_samples] −= outer(layer_2_delta, layer_1) · alpha   (alpha = {alpha})"),
    }
    #: The book's saying after training.
    compared: ClassVar[tuple[str, ...]] = ("terrible",)

    def setup(self) -> None:
        data = self._load()
        book = bool(self.book_faithful)
        corpus = self._cached(("word2vec", book, self.seed),
                              lambda: word2vec_corpus(data.reviews, book, self.seed if self.seed is not None else 1))
        self.corpus: Word2VecCorpus = corpus
        self.vocabulary = corpus.vocabulary
        self.word2index = corpus.word2index
        self.word_counts = corpus.counts
        lengths = np.array([len(corpus.reviews[k]) for k in corpus.order], dtype=np.int64)
        self._slot_sizes = np.where(lengths >= 2, lengths, 0)  # iterations per review slot (one-token: skipped)
        self._slot_ends = np.cumsum(self._slot_sizes)
        self.pass_size = int(self._slot_ends[-1]) if len(self._slot_ends) else 0
        if self.pass_size == 0:
            raise ParamError("word2vec needs a review of two or more words")
        self.epoch_size = self.pass_size
        self.iterations = self.epochs * self.pass_size
        self._reviews_run = float(len(self.corpus.order) * self.epochs)  # progress = rev_i / this, as the book
        self._right = int(self.window) - 1 if book else int(self.window)  # Q11
        v, h = len(self.vocabulary), int(self.hidden_size)
        self.weights_0_1 = (self.rs.random_sample((v, h)) - 0.5) * 0.2
        self.weights_1_2 = self.rs.random_sample((v, h)) * 0  # drawn and zeroed, as the book: keeps the stream
        # a state() copies only the rows the reviews entered so far can have changed
        self.touched_0_1, self.touched_1_2 = TouchedRows(self.weights_0_1), TouchedRows(self.weights_1_2)
        self.layer_2_target = np.zeros(int(self.negative) + 1)
        self.layer_2_target[0] = 1
        self._slot = -1  # the review slot whose negatives are drawn, its uniforms and what follows from them
        self._draws: np.ndarray | None = None
        self._review_cache: tuple[Any, ...] | None = None
        self._clear_step()

    def _clear_step(self) -> None:
        self.layer_1: np.ndarray | None = None
        self.layer_2: np.ndarray | None = None
        self.layer_2_delta: np.ndarray | None = None
        self.layer_1_delta: np.ndarray | None = None
        self._step: tuple[int, int, int] | None = None  # (slot, position, review index)
        self._cursor: tuple[int, int, int, int] | None = None  # (first, end iteration, slot, pass) of a review
        self._network_cache: tuple[Any, Network] | None = None

    def state_names(self) -> tuple[str, ...]:
        return ("_slot", "_draws")

    # -- where an iteration is ------------------------------------------------------------------------------------
    def locate(self, iteration: int) -> tuple[int, int, int]:
        """(pass, review slot in the shuffled order, target position) of an iteration."""
        passes, within = divmod(iteration, self.pass_size)
        slot = int(np.searchsorted(self._slot_ends, within, side="right"))
        start = int(self._slot_ends[slot] - self._slot_sizes[slot])
        return passes, slot, within - start

    def _draw(self, slot: int) -> np.ndarray:
        """The review's negatives as uniforms: one rand(negative) per position, drawn at once (the same stream)."""
        return self.rs.random_sample((len(self.corpus.reviews[self.corpus.order[slot]]), int(self.negative)))

    def _prepare(self, slot: int, draws: np.ndarray) -> tuple[Any, ...]:
        """A review's facts for its targets: the sampled rows (target + negatives, from the uniforms `draws`),
        the flat context rows and where each target's context starts, and (default mode) which targets list a row
        twice."""
        review = self.corpus.reviews[self.corpus.order[slot]]
        n = len(review)
        concatenated = self.corpus.concatenated
        samples = np.empty((n, draws.shape[1] + 1), dtype=np.intp)
        samples[:, 0] = review
        samples[:, 1:] = concatenated[(draws * len(concatenated)).astype("int")]  # the book's truncation
        window, right = int(self.window), self._right
        offsets = np.concatenate((np.arange(-window, 0), np.arange(1, right + 1)))
        positions = np.arange(n)[:, None] + offsets[None, :]
        valid = (positions >= 0) & (positions < n)
        flat = review[positions[valid]]  # row by row: left context, then right context, as the book lists them
        bounds = np.concatenate(([0], np.cumsum(valid.sum(axis=1)))).tolist()
        if self.book_faithful:
            context_repeats = sample_repeats = None
        else:  # Q12, default: rows listed twice must learn twice; mark the targets where that happens
            padded = np.where(valid, review[np.clip(positions, 0, n - 1)], -1 - np.arange(len(offsets)))
            padded.sort(axis=1)
            context_repeats = (np.diff(padded, axis=1) == 0).any(axis=1).tolist()
            ordered = np.sort(samples, axis=1)
            sample_repeats = (np.diff(ordered, axis=1) == 0).any(axis=1).tolist()
        return slot, review.tolist(), samples, flat, bounds, context_repeats, sample_repeats

    # -- the book's loop ----------------------------------------------------------------------------------------
    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        """Predict, compare, learn for one target position, in the book's order and arithmetic."""
        t, rev_i, review, samples, flat, bounds, context_repeats, sample_repeats = self._target()
        context = flat[bounds[t]:bounds[t + 1]]  # left_context + right_context
        target_samples = samples[t]
        weights_0_1, weights_1_2, alpha = self.weights_0_1, self.weights_1_2, self.alpha
        rows = weights_0_1.take(context, axis=0)
        layer_1 = np.add.reduce(rows, axis=0)  # np.mean(rows, axis=0) as numpy computes it: the sum, then ÷ count
        layer_1 /= len(rows)
        sampled = weights_1_2.take(target_samples, axis=0)
        layer_2 = layer_1.dot(sampled.T)
        np.negative(layer_2, out=layer_2)  # sigmoid, in place: 1 / (1 + exp(−x)), the same roundings
        np.exp(layer_2, out=layer_2)
        layer_2 += 1
        np.reciprocal(layer_2, out=layer_2)
        self.layer_1, self.layer_2, self.layer_2_delta, self.layer_1_delta = layer_1, layer_2, None, None
        yield Phase.PREDICT, {"review": rev_i, "position": t, "target": review[t], "layer_2": layer_2}
        layer_2_delta = self.layer_2_delta = layer_2 - self.layer_2_target
        yield Phase.COMPARE, {"layer_2_delta": layer_2_delta, "error": float(layer_2_delta.dot(layer_2_delta))}
        layer_1_delta = self.layer_1_delta = layer_2_delta.dot(sampled)
        change = layer_1_delta * alpha
        if context_repeats is not None and context_repeats[t]:
            np.subtract.at(weights_0_1, context, change)  # each occurrence learns (Q12, default)
        else:
            rows -= change
            weights_0_1[context] = rows  # = the book's weights_0_1[context] -= layer_1_delta * alpha
        update = layer_2_delta[:, None] * layer_1  # np.outer(layer_2_delta, layer_1): the same products
        update *= alpha
        if sample_repeats is not None and sample_repeats[t]:
            np.subtract.at(weights_1_2, target_samples, update)
        else:
            sampled -= update
            weights_1_2[target_samples] = sampled  # the book's -=: a row listed twice keeps its last update
        self._after_learn()
        yield Phase.LEARN, {"alpha": alpha, "progress": rev_i / self._reviews_run}

    def step(self) -> IterationResult:
        """One whole iteration with the arithmetic and the record of iteration(), written straight through:
        without a generator and per-phase objects a target takes about 12 µs instead of 16 µs (measured), which
        doubles the book's loop. `phases` of the result is empty; phases() steps through iteration() itself."""
        index = self.iteration_index
        cursor = self._cursor  # _target(), inlined
        if cursor is None or not cursor[0] <= index < cursor[1]:
            cursor = self._cursor = self._place(index)
        first, end, slot, rev_i = cursor
        pass_size = self.pass_size
        if index + 1 == end and end % pass_size == 0:  # the pass ends: its epoch record comes from phases()
            return super().step()
        if self._pending:
            self._apply_pending()
        t = index - first
        if t == 0 or self._slot != slot:
            self._enter(slot)
        self._step = (slot, t, rev_i)
        _, review, samples, flat, bounds, context_repeats, sample_repeats = self._review_cache
        context = flat[bounds[t]:bounds[t + 1]]
        target_samples = samples[t]
        weights_0_1, weights_1_2, alpha = self.weights_0_1, self.weights_1_2, self.alpha
        rows = weights_0_1.take(context, 0)
        layer_1 = np.add.reduce(rows, 0)
        layer_1 /= len(rows)
        sampled = weights_1_2.take(target_samples, 0)
        layer_2 = layer_1.dot(sampled.T)
        np.negative(layer_2, layer_2)
        np.exp(layer_2, layer_2)
        layer_2 += 1
        np.reciprocal(layer_2, layer_2)
        layer_2_delta = layer_2 - self.layer_2_target
        layer_1_delta = layer_2_delta.dot(sampled)
        self.layer_1, self.layer_2, self.layer_2_delta, self.layer_1_delta = (layer_1, layer_2, layer_2_delta,
                                                                              layer_1_delta)
        change = layer_1_delta * alpha
        if context_repeats is not None and context_repeats[t]:
            np.subtract.at(weights_0_1, context, change)
        else:
            rows -= change
            weights_0_1[context] = rows
        update = layer_2_delta[:, None] * layer_1
        update *= alpha
        if sample_repeats is not None and sample_repeats[t]:
            np.subtract.at(weights_1_2, target_samples, update)
        else:
            sampled -= update
            weights_1_2[target_samples] = sampled
        if index + 1 == end:
            self._after_learn()
        self.iteration_index = index + 1
        error = float(layer_2_delta.dot(layer_2_delta))
        epoch, example = divmod(index, pass_size)
        sums = self._pass_sums  # PassSums.append(record), inlined
        sums.count += 1
        sums.error += error
        return IterationResult({"iteration": index, "epoch": epoch, "example": example, "review": rev_i,
                                "position": t, "target": review[t], "layer_2": layer_2,
                                "layer_2_delta": layer_2_delta, "error": error, "alpha": alpha,
                                "progress": rev_i / self._reviews_run})

    def _target(self) -> tuple[Any, ...]:
        """Where the current iteration is: (position, review counter, then the review's prepared facts); draws a
        new review's negatives when the iteration enters it."""
        index = self.iteration_index
        cursor = self._cursor
        if cursor is None or not cursor[0] <= index < cursor[1]:
            cursor = self._cursor = self._place(index)
        first, _, slot, rev_i = cursor
        t = index - first
        if t == 0 or self._slot != slot:
            self._enter(slot)
        self._step = (slot, t, rev_i)
        return (t, rev_i, *self._review_cache[1:])

    def _enter(self, slot: int) -> None:
        """A new review: draw its negatives and prepare its targets (and mark the rows they will change)."""
        self._draws = self._draw(slot)
        self._slot = slot
        cache = self._review_cache = self._prepare(slot, self._draws)
        self.touched_0_1.mark(cache[3])  # the context rows
        self.touched_1_2.mark(cache[2])  # the sampled rows

    def _after_learn(self) -> None:
        """At the end of each pass from the book's last on: keep the weights for the session (ch11.analogy)."""
        done = self.iteration_index + 1
        if done == self._cursor[1] and done % self.pass_size == 0 and done >= self.iterations:
            self.store.publish(self.id, self.vocabulary, self.weights_0_1, bool(self.book_faithful),
                               self.data.source, self.data.sample_mode, done)

    def _place(self, index: int) -> tuple[int, int, int, int]:
        """(first iteration, end iteration, slot, review counter) of the review that iteration `index` is in."""
        passes, slot, t = self.locate(index)
        return index - t, index - t + int(self._slot_sizes[slot]), slot, passes * len(self.corpus.order) + slot

    # -- per-pass figures ----------------------------------------------------------------------------------------
    # A pass has ~500,000 targets: instead of keeping every record of the epoch (as the base class does) the
    # experiment keeps their count and summed error.
    @property
    def _epoch_records(self) -> PassSums:
        return self._pass_sums

    @_epoch_records.setter
    def _epoch_records(self, _records: Any) -> None:  # the base class starts a new epoch with []
        self._pass_sums = PassSums()

    def state(self) -> dict[str, Any]:
        out = super().state()  # its epoch_records are always []: the pass's figures are pass_sums
        out["pass_sums"] = (self._pass_sums.count, self._pass_sums.error)
        out["weights_0_1"] = self.touched_0_1.capture(self.weights_0_1)
        out["weights_1_2"] = self.touched_1_2.capture(self.weights_1_2)
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self.weights_0_1 = self.touched_0_1.restore(*state["weights_0_1"])
        self.weights_1_2 = self.touched_1_2.restore(*state["weights_1_2"])
        self._pass_sums = PassSums(*state["pass_sums"])
        self._review_cache = None if self._draws is None else self._prepare(self._slot, self._draws)
        self._clear_step()

    def state_spec(self) -> dict[str, Any]:
        """Both matrices as the rows reviews changed; the review being read (-1: none yet) with its negatives'
        uniforms (one row per position, `negative` columns, each in [0, 1)); the pass's count and summed error
        instead of its records."""
        v, h = len(self.vocabulary), int(self.hidden_size)
        longest = max(len(r) for r in self.corpus.reviews)
        return {"weights_0_1": RowPatch(v, h), "weights_1_2": RowPatch(v, h),
                "_slot": Whole(-1, len(self.corpus.order) - 1),
                "_draws": Maybe(Array("float64", ((2, longest), int(self.negative)), 0.0, 1.0)),
                "pass_sums": (Whole(0, self.pass_size), 0.0), "epoch_records": Log(None, 0)}

    def epoch_summary(self, records: PassSums) -> dict[str, Any]:  # type: ignore[override]
        """error (summed over the pass's targets), train_error = error / targets, and the book's `similar()` of
        the words it compares."""
        out: dict[str, Any] = {"error": records.error, "train_error": records.error / max(records.count, 1),
                               "targets": records.count}
        for word in self.compared:
            if word in self.word2index:
                out[f"similar_{word}"] = similar(self.weights_0_1, self.vocabulary, word)
        return out

    # -- reading it ---------------------------------------------------------------------------------------------
    @property
    def progress(self) -> float:
        """Share of the book's two passes done (0 … 1; beyond 1 when the run goes on)."""
        return self.iteration_index / float(self.iterations)

    @property
    def passes_done(self) -> int:
        """Complete passes over the reviews."""
        return self.iteration_index // self.pass_size

    def current_step(self) -> Word2VecStep:
        """The target of the last predict phase (with its layers), or the next one before any, for the step
        inspector."""
        if self._step is None:
            return self.next_step()
        slot, t, rev_i = self._step
        return self._facts(self._review_cache, t, rev_i, computed=True)

    def next_step(self) -> Word2VecStep:
        """The target the next iteration will learn from, with its negatives (drawn on a copy of the random
        stream: the run's own stream does not move)."""
        passes, slot, t = self.locate(self.iteration_index)
        if t == 0 or self._slot != slot:
            saved = self.rs.get_state()
            cache = self._prepare(slot, self._draw(slot))
            self.rs.set_state(saved)
        else:
            cache = self._review_cache
        return self._facts(cache, t, passes * len(self.corpus.order) + slot, computed=False)

    def _facts(self, cache: Any, t: int, rev_i: int, computed: bool) -> Word2VecStep:
        _, review, samples, _, _, _, _ = cache
        left = tuple(review[max(0, t - int(self.window)):t])
        right = tuple(review[t + 1:min(len(review), t + 1 + self._right)])
        negatives = tuple(samples[t, 1:].tolist())
        total = float(len(self.corpus.concatenated))
        probabilities = tuple(float(self.word_counts[i]) / total for i in negatives)
        words = {i: self.vocabulary[i] for i in (*left, *right, *negatives, int(review[t]))}
        return Word2VecStep(rev_i, t, int(review[t]), left, right, negatives, probabilities, words,
                            self.layer_1 if computed else None, self.layer_2 if computed else None,
                            self.layer_2_delta if computed else None, self.layer_1_delta if computed else None)

    def embedding_index(self) -> EmbeddingIndex:
        """Nearest-word queries on the current weights_0_1 (build a new one after the weights change)."""
        return EmbeddingIndex(self.weights_0_1, self.vocabulary, self.word2index)

    def report(self) -> dict[str, Any] | None:
        """The book's last lines: `Progress:<last review / all>` and `similar('terrible')`."""
        if self.iteration_index == 0:
            return None
        rev_i = self.locate(self.iteration_index - 1)
        last = rev_i[0] * len(self.corpus.order) + rev_i[1]
        text = ["Progress:" + str(last / self._reviews_run)]
        out: dict[str, Any] = {"progress": last / self._reviews_run, "similar": {}}
        for word in self.compared:
            if word in self.word2index:
                pairs = similar(self.weights_0_1, self.vocabulary, word)
                text.append(str(pairs))
                out["similar"][word] = pairs
        out["text"] = text
        return out

    def network(self) -> Network:
        """The context words → layer_1 (their mean) → the target and negatives (sigmoid). Cached until the next
        phase."""
        key = (self.iteration_index, self._step is None, self.layer_2_delta is None, self.layer_1_delta is None)
        if self._network_cache is not None and self._network_cache[0] == key:
            return self._network_cache[1]
        step = self.current_step()
        context = step.rows_0_1
        samples = step.rows_1_2
        hidden = tuple(str(j) for j in range(self.weights_0_1.shape[1]))
        weights_0_1 = self.weights_0_1[list(context)].T / max(len(context), 1)
        # Units are named by their place (t−2 … t+2; target, negative 1 …), not by word: the diagram keeps its
        # labels while the shape stays the same, and the words change every step (the step inspector shows them).
        places = tuple(f"t−{len(step.left) - k}" for k in range(len(step.left))) + tuple(
            f"t+{k + 1}" for k in range(len(step.right)))
        sample_units = ("target", *(f"negative {k + 1}" for k in range(len(step.negatives))))
        net = Network(
            [Layer("context", places, np.ones(len(context)), code_name="left_context + right_context"),
             Layer("hidden", hidden, step.layer_1, code_name="layer_1"),
             Layer("samples", sample_units, step.layer_2, goals=self.layer_2_target,
                   activation="sigmoid", code_name="layer_2")],
            [Weights("weights_0_1", 0, 1, weights_0_1, code_name="weights_0_1"),
             Weights("weights_1_2", 1, 2, self.weights_1_2[list(samples)], code_name="weights_1_2")],
        )
        self._network_cache = (key, net)
        return net


EXPERIMENTS = (Word2Vec,)
