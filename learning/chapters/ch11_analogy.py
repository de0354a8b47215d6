"""Chapter 11: king − man + woman ≈ queen — arithmetic on word2vec's embeddings (BOOK.md ch. 11, `ch11.analogy`).

`TrainsFirst` is how an experiment works on another one's finished weights: it takes them from the session store
(learning.results) when a finished run of this session fits, or else trains them itself first — its first
iterations are then the trainer's own, and `weights_from` says which ("session" or "trained here"; "saved run" when
a saved run that was built on them is reopened: it keeps them, and `weights` says which run made them).
`ch12.review-vectors` uses it too, with ch11.sentiment as its trainer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from learning.chapters.ch11_language import ImdbExperiment
from learning.chapters.ch11_word2vec import Word2Vec
from learning.datasets.imdb import ImdbBook
from learning.embeddings import Ranking, analogy, parse_analogy
from learning.experiment import Experiment, Param, Phase, book_faithful_param
from learning.network import Layer, Network, Weights
from learning.results import ResultStore, TrainedEmbedding
from learning.statespec import Exactly, Log, Whole

BOOK_ANALOGIES = "terrible - bad + good; elizabeth - she + he"


@dataclass(frozen=True)
class AnalogiesParam(Param):
    """Analogies written as words joined by + and -, separated by semicolons."""

    def allowed(self) -> str:
        """What the parameter accepts."""
        return "analogies like 'king - man + woman', separated by semicolons"

    def check(self, value: Any) -> str:
        """The text itself if every analogy in it parses."""
        if not isinstance(value, str):
            raise self._bad(value)
        try:
            parse_analogies(value)
        except ValueError:
            raise self._bad(value) from None
        return value


def parse_analogies(text: str) -> list[tuple[list[str], list[str]]]:
    """"a - b + c; d + e - f" → [(positive, negative), ...] (ValueError when one does not parse)."""
    parts = [p for p in text.split(";") if p.strip()]
    if not parts:
        raise ValueError("no analogy given")
    return [parse_analogy(p) for p in parts]


class TrainsFirst(ImdbExperiment):
    """An experiment that works on the weights of another one's finished run (`trainer`): from the session store
    when one fits, else it trains them itself first — its first iterations are then the trainer's own.

    `weights_from` is "session" (a finished run of this session) or "trained here"; `training` is True while the
    trainer's iterations run. Subclasses implement `query_list()` and `answer(query)` (the phases of one query).
    """

    trainer: ClassVar[type[Experiment]]
    query_formulas: ClassVar[dict[Phase, tuple[str, ...]]] = {}

    def __init__(self, seed: int | None = None, data: ImdbBook | None = None, store: ResultStore | None = None,
                 cache: dict[Any, Any] | None = None, trainer_options: dict[str, Any] | None = None,
                 **values: Any) -> None:
        self.trainer_options = dict(trainer_options or {})  # e.g. the trainer's test_count, for small data
        #: What a saved run was built on (use_results): (its trainer's result,) or (None,) = trained there; None
        #: = whatever this session's store holds.
        self._given: tuple[TrainedEmbedding | None] | None = None
        super().__init__(seed, data, store, cache, **values)

    def setup(self) -> None:
        data = self._load()
        if self._given is None:
            found, origin = self.store.latest(self.trainer.id, data.source), "session"
        else:
            found, origin = self._given[0], "saved run"
        self.inner: Experiment | None = None
        self.weights: TrainedEmbedding | None = found
        self.weights_from = origin if found is not None else "trained here"
        self.training_iterations = 0
        if found is None:
            self.inner = self.trainer(seed=self.seed, data=data, store=self.store, cache=self._cache,
                                      book_faithful=bool(self.book_faithful), **self.trainer_options)
            total = self.inner.epochs * self.inner.epoch_size if self.inner.epoch_size else self.inner.iterations
            self.training_iterations = int(total)
        self.iterations = self.training_iterations + len(self.query_list())
        self._showing_training = self.training
        self.prepare()

    @property
    def training(self) -> bool:
        """True while the iterations are the trainer's."""
        return self.iteration_index < self.training_iterations

    @property
    def formulas(self) -> dict[Phase, tuple[str, ...]]:  # type: ignore[override]
        """The trainer's formulas for its iterations, then the queries' (`query_formulas`): those of the iteration
        shown (the last one begun)."""
        return self.trainer.formulas if self._showing_training else self.query_formulas

    def prepare(self) -> None:
        """Set-up after the weights are known (called again when the trained weights arrive)."""

    def query_list(self) -> list[Any]:
        """The queries, one per iteration after training."""
        raise NotImplementedError

    def answer(self, query: Any) -> Iterator[tuple[Phase, dict[str, Any]]]:
        """The phases of one query."""
        raise NotImplementedError

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        """The trainer's iteration while training, then one query per iteration (cycling through the queries)."""
        self._showing_training = self.training
        if self.training:
            inner = self.inner
            assert inner is not None
            yield from inner.iteration()
            inner.iteration_index += 1
            if inner.iteration_index >= self.training_iterations:  # the trainer's last iteration: keep its weights
                self._take_weights()
            return
        if self.weights is None:  # rewound into the training and replayed to its end
            self._take_weights()
        queries = self.query_list()
        yield from self.answer(queries[(self.iteration_index - self.training_iterations) % len(queries)])

    def _take_weights(self) -> None:
        """The trainer's finished weights become ours, and the session's (a later run finds them there)."""
        inner = self.inner
        assert inner is not None
        self.weights = self.store.publish(inner.id, inner.vocabulary, inner.weights_0_1, bool(inner.book_faithful),
                                          self.data.source, self.data.sample_mode, inner.iteration_index)
        self.prepare()

    def state(self) -> dict[str, Any]:
        out = super().state()
        if self.inner is not None:  # the trainer's entries at the top level, so that state_bytes counts its arrays
            out.update({f"inner.{key}": value for key, value in self.inner.state().items()})
        out["has_weights"] = self.weights is not None
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        inner = {key[6:]: value for key, value in state.items() if key.startswith("inner.")}
        if self.inner is not None and inner:
            self.inner.load_state(inner)
            if not state["has_weights"]:
                self.weights = None

    def state_spec(self) -> dict[str, Any]:
        """The trainer's rules for its entries; its parameters are those it was built with, its iterations are
        run by this experiment (it keeps no records of its own)."""
        inner = self.inner
        if inner is None:
            return {}
        spec = {f"inner.{key}": rule for key, rule in inner.state_spec().items()}
        spec.update({"inner.values": Exactly(dict(inner.values)), "inner.epoch_records": Log(None, 0),
                     "inner.iteration_index": Whole(0, self.training_iterations)})
        return spec

    def results_used(self) -> dict[str, Any]:
        """The trainer's weights when they were not trained here (a session's or a saved run's)."""
        if self.inner is None and self.weights is not None:
            return {self.weights.experiment_id: self.weights.plain()}
        return {}

    def use_results(self, results: dict[str, Any]) -> None:
        """Work on the given trainer's weights (a saved run's) or, when none are given, train them here — whatever
        this session's store holds; then start again."""
        if results and set(results) != {self.trainer.id}:
            raise ValueError(f"{self.id} is built on {self.trainer.id}'s weights only")
        self._given = (TrainedEmbedding.from_plain(results[self.trainer.id], self.trainer.id) if results else None,)
        self.reset()

    def network(self) -> Network:
        if self.training and self.inner is not None:
            return self.inner.network()
        return self.query_network()

    def query_network(self) -> Network:
        """The diagram after training."""
        raise NotImplementedError


class Analogy(TrainsFirst):
    """King − man + woman ≈ queen: word-vector arithmetic on word2vec's embeddings.

    Each iteration after training answers one analogy of `queries` (the book's two by default): PREDICT builds
    the query vector, COMPARE ranks every word (the book lists ranks 2-10). `ranking(i)` gives the full ranked
    list of the i-th analogy with the query words marked; `embeddings.analogy` answers any other query.
    """

    id = "ch11.analogy"
    title = "King − man + woman ≈ queen"
    trainer = Word2Vec
    phases_used = (Phase.PREDICT, Phase.COMPARE, Phase.LEARN)
    params = (AnalogiesParam("queries", BOOK_ANALOGIES, "the analogies to answer: words joined by + and -, "
                             "separated by semicolons", live=True), book_faithful_param())
    query_formulas = {
        Phase.PREDICT: ("query = Σ normed[positive] − Σ normed[negative],  normed = weights_0_1 / ‖weights_0_1‖",),
        Phase.COMPARE: ("score[w] = −‖normed[w] − query‖;  the list drops the best match (rank 1)",),
    }

    def prepare(self) -> None:
        self._rankings: dict[int, Ranking] = {}
        self._last = 0
        if self.weights is not None:
            self._index = self.weights.word2index()

    def query_list(self) -> list[tuple[list[str], list[str]]]:
        return parse_analogies(self.queries)

    def answer(self, query: tuple[list[str], list[str]]) -> Iterator[tuple[Phase, dict[str, Any]]]:
        """PREDICT: the query words (and any the vocabulary lacks); COMPARE: the book's nine words and scores."""
        positive, negative = query
        assert self.weights is not None
        missing = [w for w in (*positive, *negative) if w not in self._index]
        yield Phase.PREDICT, {"positive": positive, "negative": negative, "missing": missing,
                              "weights_from": self.weights_from}
        number = self.iteration_index - self.training_iterations
        self._last = number
        if missing:
            yield Phase.COMPARE, {"words": [], "scores": []}
            return
        ranking = analogy(self.weights.weights_0_1, self.weights.vocabulary, positive, negative,
                          book=bool(self.book_faithful), index=self._index)
        self._rankings[number] = ranking
        pairs = ranking.book_list()
        yield Phase.COMPARE, {"words": [w for w, _ in pairs], "scores": [s for _, s in pairs]}

    def ranking(self, number: int = -1) -> Ranking | None:
        """The full ranked list of an answered analogy (default: the last one), query words marked."""
        if not self._rankings:
            return None
        return self._rankings[max(self._rankings) if number < 0 else number]

    def report(self) -> dict[str, Any] | None:
        """The book's output: the list of nine (word, score) pairs per analogy."""
        if self.weights is None:
            return None
        text = []
        lists = []
        for positive, negative in self.query_list():
            try:
                pairs = analogy(self.weights.weights_0_1, self.weights.vocabulary, positive, negative,
                                book=bool(self.book_faithful), index=self._index).book_list()
            except KeyError as exc:
                text.append(str(exc))
                lists.append(None)
                continue
            text.append(str(pairs))
            lists.append(pairs)
        return {"text": text, "analogies": lists, "weights_from": self.weights_from}

    def query_network(self) -> Network:
        """The last (or first) analogy's words, +1 or −1 → the query vector."""
        assert self.weights is not None
        number = getattr(self, "_last", 0)
        queries = self.query_list()
        positive, negative = queries[number % len(queries)]
        words = [*positive, *negative]
        w01 = self.weights.weights_0_1
        rows = np.zeros((w01.shape[1], len(words)))
        for k, w in enumerate(words):
            if w in self._index:
                rows[:, k] = w01[self._index[w]]
        ranking = self._rankings.get(number)
        signs = [1.0] * len(positive) + [-1.0] * len(negative)
        units = tuple(f"positive {k + 1}" for k in range(len(positive))) + tuple(
            f"negative {k + 1}" for k in range(len(negative)))  # by place: the diagram keeps labels per shape
        return Network([Layer("words", units, signs, code_name="words"),
                        Layer("query", tuple(str(j) for j in range(w01.shape[1])),
                              None if ranking is None else ranking.query, code_name="query_vect")],
                       [Weights("weights_0_1", 0, 1, rows, code_name="weights_0_1")])


EXPERIMENTS = (Analogy,)
