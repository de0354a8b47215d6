"""Chapter 15: basic federated learning, and how one user's update gives his e-mail away (BOOK.md ch15.federated,
ch15.federated-hack).

A round sends the model to Bob, Alice and Sue; each trains a copy on its own e-mails for one pass (batch size
500) and sends the weights back; the owner averages them and tests. An iteration is one batch of one client's
training (predict → compare → learn, as in ch15.spam-plain) or, at the end of the round, the owner's average
(one LEARN phase); an epoch is one round.

Default: the average is each weight's exact sum rounded once, divided by 3 — the very number secure aggregation
decrypts (ch15.paillier), so the two experiments agree bit for bit. `book_faithful`: the book's float
(bob + alice + sue) / 3 (the last bit may differ), and Q23.

What the chapter's views read (all Qt-free; arrays are V × 1 weights unless said otherwise):

* Federation board (Federated and SecureAggregation): `rounds[r]` = {"round", "clients": {name: {"emails",
  "batches", "losses" (each batch's Σ (pred − goal)²), "printed_loss" (the book's Loss line), "changed" (weights
  its update changed)}}, "changed" (weights the average changed), "test_accuracy"}; `schedule` (one TrainStep per
  iteration of a round: client, batch, rows) and `iteration_index % epoch_size` (where the round is); the model
  out = `sent` during a round (`last_sent` after it), the updates back = `client_update(name)` → (indices, weight
  changes), the average = `last_average` (the model before the test zeroed `<unk>`) and `previous` (before it).
  Iteration records: "client", "step" (1 Bob, 2 Alice, 3 Sue), "batch", "emails", "loss", "printed_loss",
  "correct", "changed"; the owner's record "client" = "owner". Epoch (= round) records: "bob_loss", "alice_loss",
  "sue_loss", "train_accuracy", "train_error", "test_accuracy", "test_error", "test_percent".
* Leak inspector: `leaked_words(name)` (the words whose weights the client's update changed, vocabulary order),
  `average_leak()` (the same for the average: the union), `client_emails(name)` → training rows, and
  `spam.email_text(spam.train_origin[row])` / `spam.words(spam.train_input[row])` for the e-mails to highlight.
  ch15.federated-hack: `leaked_words()`, `email_words`, `missing_words`.
* Spam words: `spam_words(count)` → {"spam": [(word, weight), …], "ham": […]}.
* Encrypted aggregation (ch15.paillier): see that module — `encrypted[name]` and `aggregated` (EncryptedArray:
  len, nbytes, digest(k)), `blocks(name | "sum")`, `costs[name]` (EncryptionCost), `stage_seconds`, `work`
  (the stage in progress), and in the owner's record "same_as_plain", "q24_accuracy", "average_accuracy".
* Paillier lab: learning/crypto/lab.py (`lab_steps`, driven with learning/crypto/slices.py `run_for` from a timer
  or `run(steps, progress, cancelled)` in a worker thread).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any, ClassVar

import numpy as np

from learning.chapters.ch15_data import CLIENTS
from learning.chapters.ch15_model import SpamModel
from learning.chapters.ch15_spam import (
    BOOK_BATCH,
    SpamExperiment,
    TrainStep,
    alpha_param,
    batch_bounds,
    batch_size_param,
    exact_mean,
    train_summary,
)
from learning.experiment import Param, ParamError, Phase, book_faithful_param
from learning.network import Network
from learning.statespec import Log, Maybe, OneOf, Whole

CLIENT_NAMES = tuple(name for name, _, _ in CLIENTS)
#: Most rounds a saved run's log may hold (one per round begun).
MAX_ROUNDS = 1_000_000
#: The book's numbering of the steps of a round (Step 1: send the model to Bob, …).
STEP_NUMBER = {name: k + 1 for k, name in enumerate(CLIENT_NAMES)}


def emails_param() -> Param:
    """E-mails each client trains on: its first ones (0 = all of them, the book). Fewer make a quick round, which
    an encrypted round needs on a course page (each distinct word of a client's e-mails is one encryption)."""
    return Param("emails", 0, "e-mails each client trains on: its first ones (0 = all of them, as in the book)", 0,
                 1_000_000)


def changed_words(new: np.ndarray, old: np.ndarray, vocab: list[str]) -> list[str]:
    """The book's leak: every word whose weight differs (new − old ≠ 0), in vocabulary order."""
    return [vocab[i] for i in np.flatnonzero((np.asarray(new) - np.asarray(old)).reshape(-1) != 0)]


class Federated(SpamExperiment):
    """Bob, Alice and Sue train copies of the model on their own e-mails; the owner averages the weights."""

    id = "ch15.federated"
    title = "Basic federated learning"
    epochs = 3
    params = (alpha_param(), batch_size_param(), emails_param(), book_faithful_param())
    aggregate_formulas: ClassVar[dict[Phase, tuple[str, ...]]] = {
        Phase.LEARN: ("weights = (weights_bob + weights_alice + weights_sue) / 3   ({changed} weights changed)",),
    }

    # -- schedule ------------------------------------------------------------------------------------------------
    def _configure(self) -> None:
        spam = self.spam
        assert spam is not None
        self.schedule: list[TrainStep] = []
        for name in CLIENT_NAMES:
            first, end = self.client_span(name)
            bounds = batch_bounds(end - first, self.batch_size, self.book_faithful)
            self.schedule += [TrainStep("train", name, b, len(bounds), first + start, first + stop)
                              for b, (start, stop) in enumerate(bounds)]
        if not self.schedule:
            raise ParamError("batch_size is larger than every client's e-mails")
        self.schedule.append(TrainStep("aggregate", "owner"))
        self.epoch_size = len(self.schedule)

    def client_span(self, name: str) -> tuple[int, int]:
        """The training rows [first, end) client `name` trains on: its rows, the first `emails` of them if set."""
        first, end = self.spam.client_rows(name)  # type: ignore[union-attr]
        return (first, min(end, first + self.emails)) if self.emails else (first, end)

    def _new_state(self) -> None:
        #: Each client's copy of the model this round (None before it received it).
        self.clients: dict[str, SpamModel | None] = {name: None for name in CLIENT_NAMES}
        #: The weights the owner sent this round (the global model at the round's start).
        self.sent: np.ndarray | None = None
        #: One entry per round begun: see round_entry().
        self.rounds: list[dict[str, Any]] = []
        self._loss_sum = {name: 0.0 for name in CLIENT_NAMES}
        #: After an average: the global weights before it, and what the clients sent back and were sent.
        self.previous: np.ndarray | None = None
        self.last_average: np.ndarray | None = None
        self.last_clients: dict[str, np.ndarray | None] = {}
        self.last_sent: np.ndarray | None = None

    def round_entry(self, round_: int) -> dict[str, Any]:
        """The log of one round (created when it starts): {"round", "clients": {name: {"emails", "batches",
        "losses" (each batch's loss), "printed_loss" (the book's Loss line), "changed" (weights its update changed)}},
        "changed" (weights the average changed), "test_accuracy" (None until tested)}."""
        while len(self.rounds) <= round_:
            spam = self.spam
            assert spam is not None
            clients = {}
            for name in CLIENT_NAMES:
                first, end = self.client_span(name)
                batches = sum(1 for s in self.schedule if s.client == name)
                clients[name] = {"emails": end - first, "batches": batches, "losses": [], "printed_loss": None,
                                 "changed": None}
            self.rounds.append({"round": len(self.rounds), "clients": clients, "changed": None,
                                "test_accuracy": None})
        return self.rounds[round_]

    # -- one iteration -------------------------------------------------------------------------------------------
    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        step = self.schedule[self.iteration_index % self.epoch_size]
        entry = self.round_entry(self.epoch_index)
        if step.kind == "aggregate":
            yield from self._aggregate(entry)
            return
        model = self._client_model(step.client)
        for phase, values in self._batch_phases(model, step, self._loss_sum[step.client]):
            values = {"round": self.epoch_index, "step": STEP_NUMBER[step.client], **values}
            if phase is Phase.COMPARE:
                log = entry["clients"][step.client]
                log["losses"].append(values["loss"])
                log["printed_loss"] = values["printed_loss"]
            if phase is Phase.LEARN:
                self._loss_sum[step.client] = values.pop("_loss_sum")
                entry["clients"][step.client]["changed"] = len(self.client_update(step.client)[0])
            yield phase, values

    def _client_model(self, name: str) -> SpamModel:
        """The client's copy: made (the book's copy.deepcopy(model)) at its first batch of the round."""
        model = self.clients[name]
        if model is None:
            if self.sent is None:
                self.sent = self.model.weights.copy()
            model = self.clients[name] = self.model.copy()
            self._loss_sum[name] = 0.0
        return model

    def _client_weights(self) -> list[np.ndarray]:
        """Bob's, Alice's and Sue's weights (a client without a batch keeps the model it was sent)."""
        return [self._client_model(name).weights for name in CLIENT_NAMES]

    def _average(self, models: list[np.ndarray]) -> np.ndarray:
        """Default: the exactly rounded sum ÷ 3; book_faithful: the book's (bob + alice + sue) / 3."""
        if self.book_faithful:
            return (models[0] + models[1] + models[2]) / 3
        return exact_mean(models)

    def _aggregate(self, entry: dict[str, Any]) -> Iterator[tuple[Phase, dict[str, Any]]]:
        self.formulas = self.aggregate_formulas
        before = self.model.weights.copy()
        self.model.weights = self._average(self._client_weights())
        yield Phase.LEARN, self._finish_round(entry, before)

    def _finish_round(self, entry: dict[str, Any], before: np.ndarray) -> dict[str, Any]:
        """Log the average and start a fresh round; the LEARN values of the owner's iteration."""
        self.previous = before
        self.last_average = self.model.weights.copy()  # the test pass then zeroes <unk> in the model
        changed = int(np.count_nonzero(self.model.weights != before))
        entry["changed"] = changed
        self.last_clients = {name: (m.weights if m is not None else None) for name, m in self.clients.items()}
        self.last_sent = self.sent
        self.clients = {name: None for name in CLIENT_NAMES}
        self.sent = None
        self.last_step, self.last_rows, self.last_pred = TrainStep("aggregate", "owner"), None, None
        return {"round": self.epoch_index, "client": "owner", "changed": changed,
                **{f"{name}_changed": entry["clients"][name]["changed"] for name in CLIENT_NAMES}}

    def epoch_summary(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """Each client's printed Loss of the round, and the figures of all its batches (train_summary)."""
        entry = self.rounds[records[0]["round"]]
        out: dict[str, Any] = {f"{name}_loss": entry["clients"][name]["printed_loss"] for name in CLIENT_NAMES}
        out.update(train_summary(records))
        return out

    def test_pass(self, model: SpamModel | None = None) -> Iterator[dict[str, int]]:
        result = yield from super().test_pass(model)
        if model is None and self.rounds:
            self.rounds[-1]["test_accuracy"] = result["test_accuracy"]
        return result

    # -- views ---------------------------------------------------------------------------------------------------
    def client_update(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """(indices, weight changes) of `name`'s update this round so far (or of the last finished round after the
        average): where its weights differ from the model it was sent."""
        model = self.clients.get(name)
        if model is not None and self.sent is not None:
            new, old = model.weights, self.sent
        elif self.last_clients.get(name) is not None:
            new, old = self.last_clients[name], self.last_sent
        else:
            return np.empty(0, dtype=np.int64), np.empty(0)
        delta = (new - old).reshape(-1)
        where = np.flatnonzero(delta != 0)
        return where, delta[where]

    def leaked_words(self, name: str) -> list[str]:
        """The words whose weights `name`'s update changed, in vocabulary order: what a plain update reveals."""
        return [self.vocab[i] for i in self.client_update(name)[0]]

    def average_leak(self) -> list[str]:
        """The words whose weights the last average changed: the union of the three clients' words (averaging
        hides who wrote a word, not that somebody did)."""
        if self.previous is None or self.last_average is None:
            return []
        return changed_words(self.last_average, self.previous, self.vocab)

    def client_emails(self, name: str) -> list[int]:
        """The training rows of the e-mails `name` trains on (SpamData.train_origin / email_text give their text)."""
        first, end = self.client_span(name)
        return list(range(first, end))

    # -- rewind --------------------------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        out = super().state()
        out["clients"] = {k: (None if m is None else m.weights.copy()) for k, m in self.clients.items()}
        out["sent"] = None if self.sent is None else self.sent.copy()
        out["rounds"] = copy.deepcopy(self.rounds)
        out["loss_sum"] = dict(self._loss_sum)
        out["previous"] = None if self.previous is None else self.previous.copy()
        out["last_average"] = None if self.last_average is None else self.last_average.copy()
        out["last_sent"] = None if self.last_sent is None else self.last_sent.copy()
        out["last_clients"] = {k: (None if v is None else v.copy()) for k, v in self.last_clients.items()}
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self.clients = {}
        for name, weights in state["clients"].items():
            if weights is None:
                self.clients[name] = None
            else:
                model = self.clients[name] = self.model.copy()
                model.weights = weights
        self.sent = None if state["sent"] is None else state["sent"].copy()
        self.rounds = copy.deepcopy(state["rounds"])
        self._loss_sum = dict(state["loss_sum"])
        self.previous = None if state["previous"] is None else state["previous"].copy()
        self.last_average = None if state["last_average"] is None else state["last_average"].copy()
        self.last_sent = None if state["last_sent"] is None else state["last_sent"].copy()
        self.last_clients = {k: (None if v is None else v.copy()) for k, v in state["last_clients"].items()}

    def state_spec(self) -> dict[str, Any]:
        """Models (shaped as the global one) that appear during a round, and the log of the rounds begun."""
        model = Maybe(self.model.weights)
        batches = len(self.schedule)
        client = {"emails": 0, "batches": 0, "losses": Log(0.0, batches), "printed_loss": Maybe(0.0),
                  "changed": Maybe(Whole(0, self.model.weights.size))}
        entry = {"round": 0, "clients": {name: client for name in CLIENT_NAMES},
                 "changed": Maybe(Whole(0, self.model.weights.size)), "test_accuracy": Maybe(0.0)}
        return {**super().state_spec(), "clients": {name: model for name in CLIENT_NAMES}, "sent": model,
                "previous": model, "last_average": model, "last_sent": model,
                "last_clients": OneOf(({}, {name: model for name in CLIENT_NAMES})),
                "rounds": Log(self.round_spec(entry), MAX_ROUNDS)}

    def round_spec(self, entry: dict[str, Any]) -> Any:
        """The form of a round's log entry (subclasses log more)."""
        return entry


class FederatedHack(SpamExperiment):
    """One user's update reveals his e-mail: Bob trains a copy of a zero model on his one e-mail (batch size 1);
    every word whose weight changed is a word of the e-mail."""

    id = "ch15.federated-hack"
    title = "Hacking federated learning"
    iterations = 1
    params = (Param("email", "my computer password is pizza", "Bob's e-mail: words separated by spaces"),
              alpha_param(), book_faithful_param())
    formulas = {
        Phase.PREDICT: ("pred = sigmoid(Σ weights[words of Bob's e-mail]) = {pred}",),
        Phase.COMPARE: ("loss = (pred − goal)² = {loss}", "Loss = loss / batch size = {printed_loss}"),
        Phase.LEARN: ("weights[word] −= alpha · 2·(pred − goal)·pred·(1 − pred)   (alpha = {alpha})",
                      "changed weights → words: {changed}"),
    }

    def _configure(self) -> None:
        spam = self.spam
        assert spam is not None
        words = [w for w in str(self.email).split(" ") if w]  # an empty e-mail trains on nothing and leaks nothing
        #: The e-mail's words that are in the vocabulary (they become weights) and those that are not.
        self.email_words = [w for w in words if w in spam.word2index]
        self.missing_words = [w for w in words if w not in spam.word2index]
        self.inputs = np.array([[spam.word2index[w] for w in self.email_words]], dtype=np.int64).reshape(1, -1)
        self.goals = np.array([[0.0]])  # ham, as in the book
        self.epoch_size = None  # type: ignore[assignment]
        self.schedule = [TrainStep("train", "bob", 0, 1, 0, 1)]

    def _new_state(self) -> None:
        self.zero_model = self.model.weights.copy()  # the model the owner sent
        self.bob = self.model.copy()  # the book's copy.deepcopy(model)

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        self.formulas = type(self).formulas
        self.bob.zero_unk()
        before = self.bob.weights.copy()
        steps = self.bob.train_batch_steps(self.inputs, self.goals, self.alpha)
        _, pred = next(steps)
        self.last_pred = pred
        self.last_rows = None
        yield Phase.PREDICT, {"client": "bob", "emails": 1, "words": len(self.email_words),
                              "pred": float(pred[0, 0])}
        _, loss = next(steps)
        divisor = BOOK_BATCH if self.book_faithful else len(self.inputs)  # Q23: the book's global batch size 500
        yield Phase.COMPARE, {"loss": loss, "error": loss, "printed_loss": loss / divisor}
        try:
            next(steps)
        except StopIteration:
            pass
        words = self.leaked_words()
        yield Phase.LEARN, {"alpha": self.alpha, "changed": len(words), "changed_words": words,
                            "missing_words": list(self.missing_words),
                            "changed_this_step": int(np.count_nonzero(self.bob.weights != before))}

    def leaked_words(self) -> list[str]:
        """Every word whose weight in Bob's model differs from the model he was sent, in vocabulary order."""
        return changed_words(self.bob.weights, self.zero_model, self.vocab)

    def evaluate(self) -> None:
        return None

    def current_email(self) -> tuple[int, list[str], float | None, float]:
        pred = None if self.last_pred is None else float(self.last_pred[0, 0])
        return 0, sorted(set(self.email_words)), pred, 0.0

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        return self.bob.copy().predict(np.asarray(inputs))

    def network(self) -> Network:
        """Bob's e-mail's words → "spam", with Bob's weights (the copy he trains)."""
        net = super().network()
        indices = [self.spam.word2index[w] for w in net.layers[0].units]  # type: ignore[union-attr]
        net.weights[0].values = self.bob.weights[indices].reshape(1, -1)
        return net

    def state(self) -> dict[str, Any]:
        out = super().state()
        out["bob"] = self.bob.weights.copy()
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self.bob.weights = state["bob"]


EXPERIMENTS = (Federated, FederatedHack)
