"""Chapter 12: a recurrent next-word model trained on bAbI stories (BOOK.md ch. 12, `ch12.rnn-babi`).

The book's names: `embed` (vocabulary × 10: a row per word), `recurrent` (10 × 10, starts as the identity),
`start` (10, the hidden vector of the empty sentence) and `decoder` (10 × vocabulary). For a sentence of word
rows w_0 … w_{n−1}: hidden_0 = start; for k = 1 … n the network guesses word k−1 from what it has read so far,
pred_k = softmax(hidden_{k−1} · decoder), then reads it: hidden_k = hidden_{k−1} · recurrent + embed[w_{k−1}].
loss = Σ −ln pred_k[w_{k−1}]; perplexity = exp(loss / n), which starts near the vocabulary size (82: a blind
guess among 82 words) and falls as the network learns.

Default: exact back-propagation through time, every gradient from the values before the update. `book_faithful`
reproduces the book's loop: every training line loses its first word (Q15), the hidden deltas, the embedding
and the recurrent updates are shifted by one time step (Q16), and `start` is updated in place before the other
updates read it as hidden_0 (Q17); its after-training display shows the guess made before reading the input
word (Q18). Iteration i trains on line i mod 1000; one epoch = one pass over the 1,000 lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from learning.datasets import babi
from learning.experiment import Experiment, LeanStep, Param, ParamError, Phase, book_faithful_param
from learning.network import Layer, Network, Weights
from learning.statespec import Log

#: The book analyses line 4 after training: "sandra moved to the garden."
ANALYSED_LINE = 4
#: The book prints the perplexity every 1,000 iterations.
PRINT_EVERY = 1000
#: Most printed perplexities a saved run may hold.
MAX_PRINTED = 1_000_000


def softmax(x: np.ndarray) -> np.ndarray:
    """The book's softmax: exp(x − max x) / Σ exp(x − max x), over each row of a 2-D array."""
    e_x = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e_x / e_x.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class Unrolled:
    """One sentence laid out in time, for the unrolled view (n words, h hidden units, V vocabulary words).

    `hidden[k]` (n+1 × h) is the hidden vector after reading k words (hidden[0] = start); `predictions[k]`
    (n × V) is pred_{k+1}, the guess of word k made before reading it; `top` / `top_probabilities` (n × 3) are its
    three best words; `surprise[k]` = −ln of the probability it gave the true word k. After a learn phase
    `hidden_deltas` (n+1 × h) holds the gradient that reached each hidden vector (exact: ∂loss/∂hidden_k; the
    book's shifted rule: its delta stored at step k) and `backward_order` the order the backward pass computed
    them (from the last step to the first), for stepping the backward pass through time.
    """

    words: tuple[str, ...]
    rows: np.ndarray
    hidden: np.ndarray
    predictions: np.ndarray
    top: np.ndarray
    top_probabilities: np.ndarray
    surprise: np.ndarray
    hidden_deltas: np.ndarray | None
    backward_order: tuple[int, ...]

    @property
    def perplexity(self) -> float:
        """exp(mean surprise)."""
        return float(np.exp(self.surprise.mean())) if len(self.surprise) else float("nan")


class RnnBabi(LeanStep, Experiment):
    """Embedding + recurrent matrix + decoder learn to predict the next word of bAbI's short stories.

    Records: `line`, `words`, `loss`, `perplexity` (every iteration), `error` (= loss, for the error plot).
    Accessors: `vocabulary`, `embed`, `recurrent`, `start`, `decoder`, `unrolled()` (the last sentence in time,
    forward and backward), `analyse(words)` (any sentence: guesses and surprise per word), `analysis()` (the
    book's after-training rows), `perplexity_baseline` (the vocabulary size).
    """

    id = "ch12.rnn-babi"
    title = "Let's train it: a recurrent next-word model on bAbI"
    chapter = 12
    default_seed = 1
    iterations = 30_000
    epochs = 30
    epoch_size = babi.BOOK_LINES
    datasets: ClassVar[tuple[str, ...]] = ("babi",)
    params = (Param("alpha", 0.001, "learning rate (each update is also divided by the sentence's length)", 0.0,
                    100.0, live=True),
              Param("embed_size", 10, "units of the hidden vector (and of each word's embedding)", 1, 200),
              book_faithful_param())
    formulas = {
        Phase.PREDICT: ("hidden_0 = start;  hidden_k = hidden_{k−1} · recurrent + embed[word_{k−1}]",
                        "pred_k = softmax(hidden_{k−1} · decoder)   for the {words} words of line {line}"),
        Phase.COMPARE: ("loss = Σ −ln pred_k[word_{k−1}] = {loss}",
                        "perplexity = exp(loss / {words}) = {perplexity}"),
        Phase.LEARN: ("output_delta_k = pred_k − one_hot[word_{k−1}]",
                      "hidden_delta_k = output_delta_{k+1} · decoderᵀ + hidden_delta_{k+1} · recurrentᵀ",
                      "start, decoder, embed[words], recurrent −= gradients · alpha / {words}   (alpha = {alpha})"),
    }

    def __init__(self, seed: int | None = None, data: list[str] | None = None, **values: Any) -> None:
        self.data = data
        super().__init__(seed, **values)

    def setup(self) -> None:
        if self.data is None:
            self.data = babi.book_babi()  # DatasetMissing propagates: the app offers the download
        lines = self.data[:babi.BOOK_LINES]
        self.tokens = babi.tokenize(lines)
        self.vocabulary = babi.vocabulary(self.tokens)
        self.word2index = {w: i for i, w in enumerate(self.vocabulary)}
        book = bool(self.book_faithful)
        self._sentences = [np.array([self.word2index[w] for w in (t[1:] if book else t)], dtype=np.intp)
                           for t in self.tokens]  # Q15: the book's training lines lose their first word
        if any(len(s) == 0 for s in self._sentences):
            raise ParamError("every training line needs a word to predict")
        self.epoch_size = len(lines)
        v, h = len(self.vocabulary), int(self.embed_size)
        self.embed = (self.rs.random_sample((v, h)) - 0.5) * 0.1
        self.recurrent = np.eye(h)
        self.start = np.zeros(h)
        self.decoder = (self.rs.random_sample((h, v)) - 0.5) * 0.1
        self.printed_perplexities: list[float] = []
        self._clear_step()

    def _clear_step(self) -> None:
        self.line = self.iteration_index % self.epoch_size
        self.hidden: np.ndarray | None = None  # hidden_0 … hidden_n of the last sentence
        self.predictions: np.ndarray | None = None
        self.output_deltas: np.ndarray | None = None
        self.hidden_deltas: np.ndarray | None = None

    def state_names(self) -> tuple[str, ...]:
        return ("embed", "recurrent", "start", "decoder", "printed_perplexities")

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self.printed_perplexities = list(self.printed_perplexities)
        self._clear_step()

    def state_spec(self) -> dict[str, Any]:
        """The perplexities printed so far (one per 1,000 iterations)."""
        return {"printed_perplexities": Log(0.0, MAX_PRINTED)}

    @property
    def perplexity_baseline(self) -> int:
        """The perplexity of a blind guess: the vocabulary size (82 for the book's lines)."""
        return len(self.vocabulary)

    # -- the network --------------------------------------------------------------------------------------------
    def forward(self, sent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(hidden (n+1 × h), predictions (n × V)) of a sentence of word rows, with the current weights."""
        n = len(sent)
        hidden = np.empty((n + 1, self.recurrent.shape[0]))
        hidden[0] = self.start
        embed, recurrent = self.embed, self.recurrent
        for k in range(n):
            hidden[k + 1] = hidden[k].dot(recurrent) + embed[sent[k]]
        return hidden, softmax(hidden[:n].dot(self.decoder))

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        """Forward through the sentence, its loss and perplexity, then back-propagation through time."""
        line = self.line = self.iteration_index % self.epoch_size
        sent = self._sentences[line]
        n = len(sent)
        hidden, pred = self.forward(sent)
        self.hidden, self.predictions, self.output_deltas, self.hidden_deltas = hidden, pred, None, None
        yield Phase.PREDICT, {"line": line, "words": n}
        steps = np.arange(n)
        loss = 0
        for surprise in (-np.log(pred[steps, sent])).tolist():  # the book: loss += -np.log(pred[word])
            loss += surprise
        perplexity = float(np.exp(loss / n))
        if self.iteration_index % PRINT_EVERY == 0:
            self.printed_perplexities = [*self.printed_perplexities, perplexity]
        output_delta = pred.copy()
        output_delta[steps, sent] -= 1  # pred_k − one_hot[word_{k−1}], row k−1
        self.output_deltas = output_delta
        yield Phase.COMPARE, {"loss": loss, "perplexity": perplexity, "error": loss}
        alpha = self.alpha
        back = output_delta.dot(self.decoder.T)  # row k−1: output_delta_k · decoderᵀ
        recurrent_t = self.recurrent.T
        deltas = np.zeros_like(hidden)
        if not self.book_faithful:  # exact: deltas[k] = ∂loss/∂hidden_k, deltas[n] = 0
            for k in range(n - 1, -1, -1):
                deltas[k] = back[k] + deltas[k + 1].dot(recurrent_t)
            self.start -= deltas[0] * alpha / float(n)
            grad_from = deltas[1:]  # what reached each hidden vector an embedding row was added to
        else:  # Q16: the book's delta at step k is the exact one of step k−1; the start gets deltas[1]·recurrentᵀ
            deltas[n] = back[n - 1]
            for k in range(n - 1, 0, -1):
                deltas[k] = back[k - 1] + deltas[k + 1].dot(recurrent_t)
            deltas[0] = deltas[1].dot(recurrent_t)
            self.start -= deltas[0] * alpha / float(n)  # Q17: in place, and hidden_0 *is* start in the book
            hidden[0] = self.start
            grad_from = deltas[:n]  # the book: embed[w_j] -= hidden_delta_j (and recurrent from hidden_delta_{j+1})
        self.hidden_deltas = deltas
        inputs = hidden[:n].T
        self.decoder -= inputs.dot(output_delta) * alpha / float(n)
        np.subtract.at(self.embed, sent, grad_from * alpha / float(n))
        self.recurrent -= inputs.dot(deltas[1:]) * alpha / float(n)
        yield Phase.LEARN, {"alpha": alpha}

    # -- per-epoch figures ----------------------------------------------------------------------------------
    def epoch_summary(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """loss and words summed over the pass; perplexity = exp(Σ loss / Σ words) of the whole pass;
        mean_perplexity = the mean of the sentences' perplexities."""
        loss = 0.0
        words = 0
        perplexities = 0.0
        for r in records:
            loss += r["loss"]
            words += r["words"]
            perplexities += r["perplexity"]
        return {"error": loss, "loss": loss, "words": words, "perplexity": float(np.exp(loss / words)),
                "mean_perplexity": perplexities / len(records)}

    # -- reading it -----------------------------------------------------------------------------------------------
    def indices(self, words: list[str]) -> np.ndarray:
        """Rows of words (KeyError naming the first unknown one)."""
        try:
            return np.array([self.word2index[w] for w in words], dtype=np.intp)
        except KeyError as exc:
            raise KeyError(f"{exc.args[0]!r} is not in the vocabulary") from None

    def _unroll(self, sent: np.ndarray, hidden: np.ndarray, pred: np.ndarray, deltas: np.ndarray | None
                ) -> Unrolled:
        n = len(sent)
        top = np.argsort(-pred, axis=1, kind="stable")[:, :3]
        true = pred[np.arange(n), sent]
        with np.errstate(divide="ignore"):
            surprise = -np.log(true)
        order = tuple(range(n, -1, -1)) if deltas is not None else ()
        return Unrolled(tuple(self.vocabulary[i] for i in sent.tolist()), sent, hidden, pred, top,
                        np.take_along_axis(pred, top, axis=1), surprise, deltas, order)

    def unrolled(self) -> Unrolled | None:
        """The sentence of the last predict phase laid out in time (None before any); after its learn phase it
        carries the backward pass's deltas too."""
        if self.hidden is None or self.predictions is None:
            return None
        return self._unroll(self._sentences[self.line], self.hidden, self.predictions, self.hidden_deltas)

    def analyse(self, words: list[str]) -> Unrolled:
        """Any sentence through the current network: per word its guess before reading it and the surprise of
        the true word (−ln p); nothing changes."""
        sent = self.indices(words)
        hidden, pred = self.forward(sent)
        return self._unroll(sent, hidden, pred, None)

    def next_word(self, words: list[str], k: int = 3) -> list[tuple[str, float]]:
        """The k likeliest words to follow `words` (softmax(hidden_n · decoder), the guess after reading the last
        word), best first with their probabilities; nothing changes. KeyError names an unknown word."""
        hidden, _ = self.forward(self.indices(words))
        pred = softmax(hidden[-1:].dot(self.decoder))[0]
        top = np.argsort(-pred, kind="stable")[:k]
        return [(self.vocabulary[i], float(pred[i])) for i in top.tolist()]

    def analysis(self, line: int = ANALYSED_LINE) -> dict[str, Any]:
        """The book's after-training display of a full line (first word kept): the tokens and, for i = 0 … n−2,
        (previous input, true next word, predicted word). Default: the guess for word i+1 made after reading word
        i; `book_faithful` (Q18): the guess made before reading word i, as the book shows it."""
        tokens = self.tokens[line]
        _, pred = self.forward(self.indices(tokens))
        shift = 0 if self.book_faithful else 1
        rows = [(tokens[i], tokens[i + 1], self.vocabulary[int(pred[i + shift].argmax())])
                for i in range(len(tokens) - 1)]
        return {"tokens": list(tokens), "rows": rows}

    def report(self) -> dict[str, Any] | None:
        """The book's printed lines: `Perplexity:…` every 1,000 iterations, then the analysis of line 4."""
        text = ["Perplexity:" + str(p) for p in self.printed_perplexities]
        analysis = self.analysis() if len(self.tokens) > ANALYSED_LINE else None
        if analysis is not None:
            text.append(str(analysis["tokens"]))
            for prev, true, pred in analysis["rows"]:
                text.append("Prev Input:" + prev + (" " * (12 - len(prev))) + "True:" + true
                            + (" " * (15 - len(true))) + "Pred:" + pred)
        return {"text": text, "perplexities": list(self.printed_perplexities), "analysis": analysis}

    def network(self) -> Network:
        """One time step, the sentence's last: the word read and the previous hidden vector → the new hidden
        vector → the guess of the next word."""
        sent = self._sentences[self.line]
        v, h = len(self.vocabulary), self.recurrent.shape[0]
        units = tuple(str(j) for j in range(h))
        onehot = np.zeros(v)
        onehot[sent[-1]] = 1.0
        previous = current = guess = None
        if self.hidden is not None:
            previous, current = self.hidden[-2], self.hidden[-1]
            guess = softmax(current.dot(self.decoder)[None, :])[0]
        return Network(
            [Layer("word", tuple(self.vocabulary), onehot if self.hidden is not None else None, code_name="word"),
             Layer("previous hidden", units, previous, code_name="hidden_{k−1}"),
             Layer("hidden", units, current, code_name="hidden_k"),
             Layer("next word", tuple(self.vocabulary), guess, activation="softmax", code_name="pred")],
            [Weights("embed", 0, 2, self.embed.T, code_name="embed"),
             Weights("recurrent", 1, 2, self.recurrent.T, code_name="recurrent"),
             Weights("decoder", 2, 3, self.decoder.T, code_name="decoder")],
        )


EXPERIMENTS = (RnnBabi,)
