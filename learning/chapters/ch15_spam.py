"""Chapter 15, step 1: plain old deep learning — the centrally trained spam classifier (BOOK.md ch15.spam-plain),
and what every chapter-15 experiment shares: the data, the model, a batch of training as predict → compare →
learn, the test pass in chunks, the spam words, the diagram and rewind.

An iteration is one batch of the book's train(): PREDICT (the forward pass: pred = sigmoid(Σ weights[words])),
COMPARE (loss = Σ (pred − goal)² and the book's printed running Loss), LEARN (backward and the SGD step).
The arrays stay on the experiment (`last_pred`, `last_rows`, `last_weight_delta`); records carry scalars.

Quirk Q23 (`book_faithful`): the book's train() takes n_batches = ⌊rows / batch_size⌋ but slices each batch
and divides the printed loss with a global batch size of 500, whatever `batch_size` is; the default uses
`batch_size` for both. With the book's batch size 500 both modes compute the same numbers.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from learning.chapters.ch15_data import TEST_PER_CLASS, SpamData, prepare
from learning.chapters.ch15_model import ALPHA, SpamModel
from learning.datasets.enron import EnronBook, book_enron
from learning.experiment import Experiment, Param, ParamError, Phase, book_faithful_param
from learning.network import Layer, Network, Weights
from learning.statespec import Maybe

#: The batch size the book's train() really slices with and divides by (its undefined global `bs`, Q23).
BOOK_BATCH = 500


#: The last e-mails prepared (a weak reference: kept only while an experiment uses them) and their test split.
_prepared: tuple[weakref.ref[SpamData], int] | None = None


def prepared(data: EnronBook, test_per_class: int = TEST_PER_CLASS) -> SpamData:
    """prepare(data), shared with the last experiment that prepared the same e-mails (the same lines, loaded again or
    not: the next course page, a test) while it is alive, instead of spending most of a second on them again. The
    prepared arrays are never written to."""
    global _prepared
    if _prepared is not None and _prepared[1] == test_per_class:
        spam = _prepared[0]()
        if spam is not None and spam.source == data.source and spam.substitute == data.substitute and \
                spam.emails["spam"] == data.spam and spam.emails["ham"] == data.ham:
            return spam
    spam = prepare(data, test_per_class)
    _prepared = (weakref.ref(spam), test_per_class)
    return spam


def alpha_param() -> Param:
    """The SGD learning rate, live."""
    return Param("alpha", ALPHA, "learning rate of SGD: weights −= alpha · gradient", 0.0, 10.0, live=True)


def batch_size_param() -> Param:
    """E-mails per batch (Q23: the book slices 500 whatever this says)."""
    return Param("batch_size", BOOK_BATCH, "e-mails per batch: one SGD step per batch; a remainder is dropped",
                 1, 1000)


def batch_bounds(rows: int, batch_size: int, book: bool) -> list[tuple[int, int]]:
    """[start, stop) of each batch of a list of `rows` e-mails: ⌊rows / batch_size⌋ batches; the book (Q23) slices
    them 500 wide, so with a smaller batch_size the later slices are short or empty."""
    width = BOOK_BATCH if book else batch_size
    return [(min(b * width, rows), min((b + 1) * width, rows)) for b in range(rows // batch_size)]


def exact_mean(models: list[np.ndarray]) -> np.ndarray:
    """The exactly rounded sum of the models' weights (each weight's exact sum rounded once, as decrypting an
    encrypted sum gives it), divided by their number. A zero comes out as +0.0 whatever the signs of the zeros
    added (the encrypted sum has no signed zeros either)."""
    stacked = np.stack([np.asarray(m, dtype=np.float64).reshape(-1) for m in models])
    total = stacked[0].copy()
    inexact = np.zeros(total.shape, dtype=bool)
    for row in stacked[1:]:  # the plain left-to-right sum, noting where any addition rounded (TwoSum error ≠ 0)
        new = total + row
        back = new - total
        inexact |= ((total - (new - back)) + (row - back)) != 0
        total = new
    for i in np.flatnonzero(inexact).tolist():  # there the exactly rounded sum may differ: math.fsum
        total[i] = _fsum(stacked[:, i].tolist())
    return (total / len(models) + 0.0).reshape(np.shape(models[0]))


def _fsum(values: list[float]) -> float:
    import math

    return math.fsum(values)


def train_summary(records: list[dict[str, Any]]) -> dict[str, Any]:
    """A pass's figures from its batch records: the summed error, train_error (mean (pred − goal)² per e-mail) and
    train_accuracy (the fraction of e-mails each batch classified right before learning from them)."""
    batches = [r for r in records if "error" in r]
    emails = sum(r["emails"] for r in batches)
    error = float(sum(r["error"] for r in batches))
    correct = sum(r["correct"] for r in batches)
    return {"error": error, "train_error": error / emails if emails else 0.0,
            "train_accuracy": correct / emails if emails else 0.0}


@dataclass
class TrainStep:
    """One iteration of a schedule: a batch of `client`'s training (rows [start, stop) of the training set), or
    the owner's aggregation (`kind` "aggregate")."""

    kind: str
    client: str
    batch: int = 0
    batches: int = 0
    start: int = 0
    stop: int = 0


class SpamExperiment(Experiment):
    """What the chapter-15 experiments share (see the module docstring). Subclasses build `schedule` (one
    TrainStep per iteration of an epoch) in `_configure()` and may add their own state."""

    chapter = 15
    default_seed = 12345
    datasets: ClassVar[tuple[str, ...]] = ("enron",)
    #: Test e-mails per chunk of the test pass (a few milliseconds each).
    test_chunk: ClassVar[int] = 500
    train_formulas: ClassVar[dict[Phase, tuple[str, ...]]] = {
        Phase.PREDICT: ("pred = sigmoid(Σ weights[words of each e-mail])   ({emails} e-mails, "
                        "{predicted_spam} predicted spam, {spam} spam)",),
        Phase.COMPARE: ("loss = Σ (pred − goal)² = {loss}",
                        "Loss = mean over the batches so far of loss / batch size = {printed_loss}"),
        Phase.LEARN: ("weights[word] −= alpha · Σ 2·(pred − goal)·pred·(1 − pred)   (alpha = {alpha}; "
                      "{changed} weights changed)",),
    }
    formulas = train_formulas

    def __init__(self, seed: int | None = None, data: EnronBook | SpamData | None = None,
                 test_per_class: int = TEST_PER_CLASS, **values: Any) -> None:
        self.data = data
        self.test_per_class = test_per_class
        self.spam: SpamData | None = data if isinstance(data, SpamData) else None
        super().__init__(seed, **values)

    # -- set-up ------------------------------------------------------------------------------------------------
    def setup(self) -> None:
        if self.spam is None:
            if self.data is None:
                self.data = book_enron()  # DatasetMissing propagates: the app offers the download
            self.spam = prepared(self.data, self.test_per_class)
        self.model = SpamModel.create(self.spam.vocab_size, self.spam.unk, self.rs)
        self.last_test: dict[str, float] | None = None
        self._configure()
        self._new_state()
        self._clear_step()

    def _configure(self) -> None:
        """Build `self.schedule` and `self.epoch_size` from the data and the parameters (also after load_state)."""
        raise NotImplementedError

    def _new_state(self) -> None:
        """Set the learning state a run starts from, beyond the model (not called by load_state)."""

    def _clear_step(self) -> None:
        self.last_rows: tuple[int, int] | None = None
        self.last_pred: np.ndarray | None = None
        self.last_weight_delta: np.ndarray | None = None
        self.last_step: TrainStep | None = None

    @property
    def vocab(self) -> list[str]:
        """The sorted vocabulary (`<unk>` included)."""
        assert self.spam is not None
        return self.spam.vocab

    # -- one batch as predict → compare → learn ----------------------------------------------------------------
    def _batch_phases(self, model: SpamModel, step: TrainStep, loss_sum: float) -> Iterator[tuple[Phase, dict]]:
        """A batch of `model`'s training on rows [step.start, step.stop): yields the three phases; the LEARN values
        carry the new running loss sum under "_loss_sum" (removed by the caller)."""
        spam = self.spam
        assert spam is not None
        inputs = spam.train_input[step.start:step.stop]
        goals = spam.train_target[step.start:step.stop]
        divisor = BOOK_BATCH if self.book_faithful else self.batch_size  # Q23
        self.formulas = self.train_formulas
        self.last_step, self.last_rows = step, (step.start, step.stop)
        before = model.weights.copy()
        steps = model.train_batch_steps(inputs, goals, self.alpha)
        _, pred = next(steps)
        self.last_pred = pred
        predicted = pred > 0.5
        yield Phase.PREDICT, {"client": step.client, "batch": step.batch, "emails": int(len(inputs)),
                              "spam": int(np.count_nonzero(goals)), "predicted_spam": int(np.count_nonzero(predicted))}
        _, loss = next(steps)
        loss_sum += loss / divisor
        yield Phase.COMPARE, {"loss": loss, "error": loss, "printed_loss": loss_sum / (step.batch + 1),
                              "correct": int(np.count_nonzero(predicted == (goals > 0.5)))}
        try:
            next(steps)
        except StopIteration as stop:
            result = stop.value
        self.last_weight_delta = result.weight_delta
        changed = int(np.count_nonzero(model.weights != before))
        yield Phase.LEARN, {"alpha": self.alpha, "changed": changed, "_loss_sum": loss_sum}

    # -- the test pass -----------------------------------------------------------------------------------------
    def evaluate(self) -> Iterator[dict[str, int]] | None:
        return self.test_pass()

    def test_pass(self, model: SpamModel | None = None) -> Iterator[dict[str, int]]:
        """The book's test(): zero `<unk>`, then accuracy = fraction of test e-mails with (pred > 0.5) == goal,
        in chunks; returns {"test_accuracy", "test_correct", "test_percent" (the book prints accuracy · 100),
        "test_error" (the mean of (pred − goal)² per e-mail)}."""
        model = self.model if model is None else model
        spam = self.spam
        assert spam is not None
        total = len(spam.test_input)
        correct = 0
        error = 0.0
        for start in range(0, total, self.test_chunk):
            pred = model.predict(spam.test_input[start:start + self.test_chunk])
            goal = spam.test_target[start:start + self.test_chunk]
            correct += int(np.count_nonzero((pred > 0.5) == (goal > 0.5)))
            error += float(((pred - goal) * (pred - goal)).sum())
            yield {"done": min(start + self.test_chunk, total), "total": total}
        accuracy = correct / total
        self.last_test = {"test_accuracy": accuracy, "test_correct": correct, "test_percent": accuracy * 100,
                          "test_error": error / total}
        return dict(self.last_test)

    def run_test_pass(self, model: SpamModel | None = None) -> dict[str, float]:
        """The test pass at once."""
        gen = self.test_pass(model)
        while True:
            try:
                next(gen)
            except StopIteration as stop:
                return stop.value

    def accuracy_of(self, weights: np.ndarray) -> float:
        """The test accuracy a model with these weights would have (nothing changes)."""
        model = self.model.copy()
        model.weights = weights
        total = len(self.spam.test_input)  # type: ignore[union-attr]
        pred = model.predict(self.spam.test_input)  # type: ignore[union-attr]
        return int(np.count_nonzero((pred > 0.5) == (self.spam.test_target > 0.5))) / total  # type: ignore[union-attr]

    # -- views -------------------------------------------------------------------------------------------------
    def predict(self, inputs: np.ndarray) -> np.ndarray:
        """Predictions (n × 1) for rows of word indices, with `<unk>` counted as 0; nothing changes."""
        return self.model.copy().predict(np.asarray(inputs))

    def spam_words(self, count: int = 10, weights: np.ndarray | None = None) -> dict[str, list[tuple[str, float]]]:
        """The most spam-like (largest weights) and most ham-like (smallest) words, `<unk>` left out."""
        w = (self.model.weights if weights is None else weights).reshape(-1).copy()
        w[self.spam.unk] = 0.0  # type: ignore[union-attr]
        order = np.argsort(w, kind="stable")
        vocab = self.vocab
        spam = [(vocab[i], float(w[i])) for i in order[::-1][:count] if w[i] > 0]
        ham = [(vocab[i], float(w[i])) for i in order[:count] if w[i] < 0]
        return {"spam": spam, "ham": ham}

    def current_email(self) -> tuple[int, list[str], float | None, float]:
        """(training row, its words, its prediction or None, its goal) of the last predicted batch's first e-mail,
        or of the next one before any step."""
        spam = self.spam
        assert spam is not None
        row = self.last_rows[0] if self.last_rows else self._next_row()
        row = min(row, len(spam.train_input) - 1)
        pred = None if self.last_pred is None or len(self.last_pred) == 0 else float(self.last_pred[0, 0])
        return row, spam.words(spam.train_input[row]), pred, float(spam.train_target[row, 0])

    def _next_row(self) -> int:
        step = self.schedule[self.iteration_index % self.epoch_size]
        return step.start

    def network(self) -> Network:
        """The words of the current e-mail → one output "spam"; the weights are the words' learned numbers."""
        row, words, pred, goal = self.current_email()
        spam = self.spam
        assert spam is not None
        indices = [spam.word2index[w] for w in words]
        return Network(
            [Layer("input", tuple(words), np.ones(len(words)), code_name="input"),
             Layer("output", ("spam",), None if pred is None else np.array([pred]), activation="sigmoid",
                   goals=np.array([goal]), code_name="pred")],
            [Weights("weights", 0, 1, self.model.weights[indices].reshape(1, -1), code_name="model.weight")],
        )

    # -- rewind --------------------------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        out = super().state()
        out["model"] = self.model.weights.copy()
        out["last_test"] = None if self.last_test is None else dict(self.last_test)
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self.model.weights = state["model"]
        self.last_test = None if state["last_test"] is None else dict(state["last_test"])
        self._configure()
        self._clear_step()

    def state_spec(self) -> dict[str, Any]:
        """The last test's figures, once tested."""
        return {"last_test": Maybe({"test_accuracy": 0.0, "test_correct": 0, "test_percent": 0.0,
                                    "test_error": 0.0})}


class SpamPlain(SpamExperiment):
    """The centrally trained baseline: 3 passes of train(batch_size 500, iterations 1) over all training e-mails,
    each followed by the test. An iteration is one batch; an epoch is one pass."""

    id = "ch15.spam-plain"
    title = "Step 1: plain old deep learning (spam detection)"
    epochs = 3
    params = (alpha_param(), batch_size_param(), book_faithful_param())

    def _configure(self) -> None:
        spam = self.spam
        assert spam is not None
        bounds = batch_bounds(len(spam.train_input), self.batch_size, self.book_faithful)
        if not bounds:
            raise ParamError(f"batch_size must be at most the {len(spam.train_input)} training e-mails")
        self.schedule = [TrainStep("train", "all", b, len(bounds), start, stop) for b, (start, stop) in
                         enumerate(bounds)]
        self.epoch_size = len(self.schedule)

    def _new_state(self) -> None:
        self._loss_sum = 0.0

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        step = self.schedule[self.iteration_index % self.epoch_size]
        if step.batch == 0:
            self._loss_sum = 0.0
        for phase, values in self._batch_phases(self.model, step, self._loss_sum):
            if phase is Phase.LEARN:
                self._loss_sum = values.pop("_loss_sum")
            yield phase, values

    def epoch_summary(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """The book's printed Loss of the pass (its last running value) and the pass's figures (train_summary)."""
        return {"loss": records[-1]["printed_loss"], **train_summary(records)}

    def state(self) -> dict[str, Any]:
        out = super().state()
        out["loss_sum"] = self._loss_sum
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self._loss_sum = state["loss_sum"]


EXPERIMENTS = (SpamPlain,)
