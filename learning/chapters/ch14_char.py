"""Chapter 14: a character LSTM (`ch14.char-lstm`) and a plain RNN (`ch14.char-rnn`) learn to write.

One iteration is one batch: `streams` parallel streams × `bptt` time steps. It yields PREDICT and COMPARE once
per time step (the cell's step, then that step's cross-entropy; values t, input, prediction, target, step_loss,
batch_loss), LEARN slices while the backward pass runs (one each time it first reaches a hidden state h_t, one
every SLICE nodes, one per parameter's SGD step; value t), and a last LEARN with the batch's figures (alpha,
loss, error = loss per character, perplexity, min_loss, grad_norm, grad_norm_after, clipped, correct = next
characters ranked first, log = the book's line, and sample after each epoch's first batch). No phase takes more
than a few milliseconds of computing at the laptop size (about 15 ms at the book's 512 units), so the window's
timer never waits long; pausing between any two phases keeps the open batch in its generator, and stopping keeps
what was learned. The iteration's record keeps only the batch's figures; the epoch's adds train_error and
train_accuracy (the share of next characters ranked first) for the error plot.

Both modes run through learning.framework. Default: the framework's counted backward pass (LENIENT, chapters
14–15) — the exact gradient of the summed loss — clipped to norm `clip` (40 by default: at the book's alpha the
exact gradient explodes). `book_faithful`: the book's chapter-14 backward (ch14_backward.BookBackward: gradients
sent by matrix products carry no origin, so a hidden state passes on only the first gradient that reaches it),
no clipping, and, for the RNN, the book's loop `for loss in losses: ""`, which leaves `loss` bound to the last
step's loss: the RNN learns from, and reports, its last time step only. Q20 (the RNN's activation argument
ignored) and Q22 (the book's sampling rule) as BOOK.md says.

Data for the views (plain values and numpy arrays; nothing here changes the run):

* `progress()` — epoch, batch k of `batches`, seconds of computing and of wall time per batch, seconds left.
* `layout(batch)` — how the text is cut into streams × steps and the text range each stream of a batch reads
  (ch14_text.Batching.layout); `text`, `vocab`, `stream_matrix`, `step_inputs`/`step_targets` of the open batch.
* `grad_norms()` — ‖∂loss/∂h_t‖ (and ‖∂loss/∂c_t‖ for the LSTM) per kept batch and time step, for a heat map;
  each record says whether that batch was clipped (grad_norm before, grad_norm_after).
* `cell_values(stream, t)` — the LSTM's f, i, o, g, c, h, c_prev, h_prev (the RNN's h, h_prev) and the logits
  of time step t of the open (or last) batch, for one stream: live while phase-stepping.
* `generate(n, prime=, temperature=, rule=, seed=)` — n characters from the current weights (rules: greedy,
  sample, book = Q22); `next_logits(prime)` with ch14_sampling.distribution for each rule's probabilities,
  ch14_sampling.book_rule_distribution for the book rule's distortion; `final_sample()` (RNN): the book's
  2000 characters at temperature 0.1.
* `read(start, length, gates=)` — ch14_reading.Reading: per character the probability and surprise (−ln p) of
  the true next character, the hidden state and (LSTM) the gates, and `units_that_track(mask)`.
* `numpy_net()` — the forward step on plain arrays with the current weights (the framework's numbers exactly).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from typing import Any, ClassVar

import numpy as np

from learning.chapters.ch14_backward import BookBackward
from learning.chapters.ch14_reading import Reading, read_text
from learning.chapters.ch14_sampling import RULES, pick
from learning.chapters.ch14_text import Batching, CharNet, NumpyNet
from learning.datasets.shakespeare import book_shakespeare, char_vocabulary, encode, tiny_shakespeare
from learning.experiment import Experiment, IterationResult, Param, ParamError, Phase, PhaseResult, book_faithful_param
from learning.framework import LENIENT, SGD, BackwardPass, CrossEntropyLoss, Tensor
from learning.statespec import EpochRecords

#: Model sizes (units of the embedding and of the hidden state): the book's 512 and smaller ones for a laptop.
SIZES = {"small": 32, "laptop": 128, "book": 512}
CORPORA = ("book", "tiny")
#: Clipping by norm in the default mode: the exact gradient at the book's alpha explodes (the book's own
#: backward passes on only part of it; see ch14_backward); clipped to this length it learns steadily. One epoch
#: at 128 units, perplexity LSTM / RNN: clip 40 → 12.2 / 20.2, 80 → 11.7 / 21.0, 5 → 24.2 / 25.9, none → 2700 /
#: NaN (the book's own backward, unclipped: 18.6 for the LSTM).
DEFAULT_CLIP = 40.0
#: Per-step values yielded by PREDICT/COMPARE/LEARN slices; the iteration's record keeps only batch figures.
STEP_KEYS = ("t", "input", "prediction", "target", "step_loss", "batch_loss")
#: How many batches of gradient norms through time are kept for the heat map.
KEPT_NORMS = 4096
#: Nodes of the backward pass per LEARN slice at most (about a millisecond at the laptop size).
SLICE = 64
#: Characters of the sample the book logs after the first batch of every epoch.
LOG_SAMPLE = 70
#: The form of an iteration's record (a batch's figures; the epoch's first batch adds "sample"): see iteration().
BATCH_RECORD = {"iteration": 0, "epoch": 0, "example": 0, "alpha": 0.0, "batch": 0, "batches": 0, "loss": 0.0,
                "error": 0.0, "perplexity": 0.0, "min_loss": 0.0, "grad_norm": 0.0, "grad_norm_after": 0.0,
                "clipped": 0, "correct": 0, "log": ""}


def book_str(value: float | int, width: int = 5) -> str:
    """The book's `str(x)[0:5]` of a Python or numpy number (truncation, not rounding)."""
    return (repr(float(value)) if isinstance(value, float | np.floating) else str(value))[0:width]


class CharModel(Experiment):
    """The shared machinery of the two character models (BOOK.md `ch14.char-lstm`, `ch14.char-rnn`)."""

    chapter = 14
    default_seed = 0
    epochs = 10
    epoch_size = 249
    datasets: ClassVar[tuple[str, ...]] = ("shakespeare",)
    kind: ClassVar[str] = "lstm"
    streams: ClassVar[int] = 16
    bptt: ClassVar[int] = 25
    id_high: ClassVar[int] = 1000000000
    #: The character the book's logged samples start from.
    sample_start: ClassVar[str] = "T"

    def __init__(self, seed: int | None = None, data: str | None = None, **values: Any) -> None:
        self.data = data  # the book's text (the app's loader); read from the data folders when None
        self._texts: dict[str, str] = {}
        self.seconds_per_batch: float | None = None
        self.wall_seconds_per_batch: float | None = None
        super().__init__(seed, **values)

    # -- set-up ----------------------------------------------------------------------------------------------
    def text_of(self, corpus: str) -> str:
        """The corpus' text (DatasetMissing when its file is not on this machine)."""
        if corpus not in self._texts:
            if corpus == "book":
                self._texts[corpus] = self.data if self.data is not None else book_shakespeare()
            else:
                self._texts[corpus] = tiny_shakespeare()
        return self._texts[corpus]

    def setup(self) -> None:
        self.text = self.text_of(self.corpus)
        self.vocab = char_vocabulary(self.text)
        self._index = {c: i for i, c in enumerate(self.vocab)}
        self.indices = encode(self.text, self.vocab)
        self.batching = Batching(len(self.indices), self.streams, self.bptt)
        self.epoch_size = self.batching.batches
        self.stream_matrix = self.batching.streams_of(self.indices)
        self.net = CharNet(self.kind, len(self.vocab), SIZES[self.size], rs=self.rs, id_high=self.id_high,
                           activation=getattr(self, "activation", "sigmoid"), book_faithful=self.book_faithful)
        self.criterion = CrossEntropyLoss()
        self.hidden_state = self.net.initial_state(self.streams)
        self.total_loss = 0.0
        self.min_loss: float | int = 1000  # the book's starting value (printed as "1000" until beaten)
        self.perplexity = float("nan")
        self.sample = ""
        self.last_grad_norm = float("nan")
        self.grad_norm_rows: dict[int, tuple[np.ndarray, np.ndarray | None]] = {}
        self._clear_batch()

    def _clear_batch(self) -> None:
        """Forget the open batch's graph (views then show nothing for it)."""
        self.batch_index: int | None = None  # the batch whose steps `steps` holds
        self.steps: list[tuple[Tensor, tuple[Tensor, ...]]] = []
        self.step_inputs: np.ndarray | None = None
        self.step_targets: np.ndarray | None = None
        self.batch_start_state: tuple[np.ndarray, ...] = ()

    def check_corpus(self, corpus: str) -> None:
        """ParamError if `corpus`'s file cannot be read on this machine."""
        try:
            self.text_of(corpus)
        except (OSError, ValueError) as exc:
            raise ParamError(f"corpus {corpus!r} cannot be used: {exc}") from None

    def set_param(self, name: str, value: Any) -> bool:
        if name == "corpus":
            self.check_corpus(self.param(name).check(value))
        return super().set_param(name, value)

    # -- the book's loop ---------------------------------------------------------------------------------------
    def phases(self) -> Iterator[PhaseResult]:
        """The base class's phases, timed, with the per-step values left out of the iteration's record."""
        clock = time.perf_counter
        began = clock()
        busy = 0.0
        gen = super().phases()
        while True:
            start = clock()
            try:
                result = next(gen)
            except StopIteration as stop:
                busy += clock() - start
                done: IterationResult = stop.value
                break
            busy += clock() - start
            yield result
        for key in STEP_KEYS:
            done.record.pop(key, None)
        self.seconds_per_batch = _smooth(self.seconds_per_batch, busy)
        self.wall_seconds_per_batch = _smooth(self.wall_seconds_per_batch, clock() - began)
        return done

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        """One batch: bptt steps forward (PREDICT, COMPARE each), the backward pass (LEARN per hidden state
        reached), then clipping (if asked) and the SGD step (the last LEARN, with the batch's figures)."""
        index = self.iteration_index
        b = index % self.epoch_size
        epoch = index // self.epoch_size
        if b == 0:  # every epoch starts from the initial state, as the book's train() does
            self.hidden_state = self.net.initial_state(self.streams)
            self.total_loss = 0.0
        alpha = self.alpha
        bptt, vocab = self.bptt, self.vocab
        start = bptt * b
        inputs = self.stream_matrix[:, start:start + bptt]
        targets = self.stream_matrix[:, start + 1:start + bptt + 1]
        self._clear_batch()
        self.batch_index, self.step_inputs, self.step_targets = b, inputs, targets
        self.batch_start_state = self.hidden_state
        # keep the state's values, cut the graph: new leaf tensors (truncated back-propagation)
        state = tuple(Tensor(a, autograd=True) for a in self.hidden_state)
        steps = self.steps
        loss: Tensor | None = None
        step_loss: Tensor | None = None
        correct = 0  # next characters the model ranked first, over every stream and step
        for t in range(bptt):
            output, state = self.net.step(inputs[:, t], state)
            steps.append((output, state))
            correct += int(np.count_nonzero(np.argmax(output.data, axis=1) == targets[:, t]))
            yield Phase.PREDICT, {"t": t, "input": repr(vocab[inputs[0, t]]),
                                  "prediction": repr(vocab[int(np.argmax(output.data[0]))])}
            step_loss = self.criterion.forward(output, targets[:, t])
            loss = step_loss if loss is None else step_loss + loss  # the book's batch_loss + losses[-1]
            yield Phase.COMPARE, {"t": t, "target": repr(vocab[targets[0, t]]), "step_loss": float(step_loss.data),
                                  "batch_loss": float(loss.data)}
        assert loss is not None and step_loss is not None
        root = step_loss if self._last_step_only() else loss
        # LEARN: the backward pass in slices: one each time it first reaches a hidden state h_t (latest first),
        # and one every SLICE nodes (the book's pass does most of its work after reaching h_0)
        hidden_at = {s[0]: t for t, (_, s) in enumerate(steps)}
        backward = BookBackward(root) if self.book_faithful else BackwardPass(root, None, LENIENT)
        lowest = bptt
        since = 0
        for item in backward.steps():
            t = hidden_at.get(getattr(item, "node", item), bptt)
            since += 1
            if t < lowest or since >= SLICE:
                lowest = min(lowest, t)
                since = 0
                yield Phase.LEARN, {"t": lowest if lowest < bptt else bptt - 1}
        grads = backward.grads
        self._keep_norms(index, grads)
        found = [(p, grads[p]) for p in self.net.parameters if p in grads]
        grad_norm = math.sqrt(sum(_squares(g) for _, g in found))
        clip = 0.0 if self.book_faithful else float(self.clip)  # the book's code clips nothing
        scale = clip / grad_norm if clip > 0 and grad_norm > clip else None  # clipping by the global norm
        for p, g in found:  # the framework's SGD, a parameter per slice (the book size has 2.2 million weights)
            p.grad = Tensor(g if scale is None else g * scale)
            SGD([p], alpha).step()
            yield Phase.LEARN, {"t": 0}
        after, clipped = (grad_norm, 0) if scale is None else (clip, 1)
        self.last_grad_norm = grad_norm
        self.hidden_state = tuple(s.data for s in state)
        batch_loss = float(root.data)
        error = batch_loss if self._last_step_only() else batch_loss / bptt
        self.total_loss += error
        self.perplexity = float(np.exp(self.total_loss / (b + 1)))
        if self.perplexity < self.min_loss:
            self.min_loss = self.perplexity
        values: dict[str, Any] = {"alpha": alpha, "batch": b + 1, "batches": self.epoch_size, "loss": batch_loss,
                                  "error": error, "perplexity": self.perplexity, "min_loss": float(self.min_loss),
                                  "grad_norm": grad_norm, "grad_norm_after": after, "clipped": clipped,
                                  "correct": correct}
        if b == 0:  # the book's greedy sample after the epoch's first batch, a slice per 16 characters
            chars: list[str] = []
            for c in self._generation(LOG_SAMPLE, self.start_char(), 1.0, "greedy", 0):
                chars.append(c)
                if len(chars) % 16 == 0:
                    yield Phase.LEARN, {"t": 0}
            self.sample = values["sample"] = "".join(chars)
        values["log"] = self.book_line(epoch, alpha, b, values.get("sample"))
        if b == self.epoch_size - 1:
            self.alpha = alpha * 0.99  # the book's optim.alpha *= 0.99 after every epoch
        yield Phase.LEARN, values

    def _last_step_only(self) -> bool:
        """The book's RNN loop trains on (and reports) the last step's loss only (book_faithful)."""
        return False

    def _keep_norms(self, index: int, grads: dict[Any, np.ndarray]) -> None:
        """‖∂loss/∂h_t‖ (and ‖∂loss/∂c_t‖ for the LSTM) for every step of this batch, for the heat map."""
        h = np.array([_norm(grads.get(s[0])) for _, s in self.steps])
        c = np.array([_norm(grads.get(s[1])) for _, s in self.steps]) if self.kind == "lstm" else None
        self.grad_norm_rows[index] = (h, c)
        if len(self.grad_norm_rows) > KEPT_NORMS:
            del self.grad_norm_rows[min(self.grad_norm_rows)]

    def book_line(self, epoch: int, alpha: float, b: int, sample: str | None) -> str:
        """The line the book logs for batch b (0-based) of `epoch`."""
        line = (f" Iter:{epoch} - Alpha:{book_str(alpha)} - Batch {b + 1}/{self.epoch_size} - Min Loss:"
                f"{book_str(self.min_loss)} - Loss:{self.perplexity!r}")
        return line if sample is None else line + " - " + sample.replace("\n", " ")

    def epoch_summary(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """The epoch's perplexity (the last running value), its mean per-character loss (error = train_error),
        the run's minimum, and train_accuracy: the share of next characters the model ranked first."""
        last = records[-1]
        correct = sum(r["correct"] for r in records)
        error = self.total_loss / len(records)
        return {"error": error, "train_error": error, "perplexity": last["perplexity"], "min_loss": last["min_loss"],
                "alpha": last["alpha"], "batches": len(records), "clipped": sum(r["clipped"] for r in records),
                "correct": correct, "train_accuracy": correct / (len(records) * self.streams * self.bptt)}

    def divergence_facts(self) -> dict[str, float]:
        """The last batch's gradient length, the learning rate and the clipping length (0: off)."""
        return {"alpha": float(self.alpha), "clip": 0.0 if self.book_faithful else float(self.clip),
                "grad_norm": self.last_grad_norm}

    # -- saving and rewinding ----------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        out = super().state()
        out.update(weights=[a.copy() for a in self.net.arrays()], hidden_state=[a.copy() for a in self.hidden_state],
                   total_loss=self.total_loss, min_loss=self.min_loss, perplexity=self.perplexity,
                   alpha_now=self.alpha, sample=self.sample)
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self.net.load_arrays(state["weights"])
        self.hidden_state = tuple(np.array(a) for a in state["hidden_state"])
        self.total_loss = state["total_loss"]
        self.min_loss = state["min_loss"]
        self.perplexity = state["perplexity"]
        self.alpha = state["alpha_now"]
        self.sample = state["sample"]
        self.grad_norm_rows = {k: v for k, v in self.grad_norm_rows.items() if k < self.iteration_index}
        self._clear_batch()

    def state_spec(self) -> dict[str, Any]:
        """The records of the unfinished epoch, of the form below (declared: a check need not run a batch, which at
        the book's size takes seconds); an epoch's first has its logged sample too."""
        return {"epoch_records": EpochRecords({"sample": ""}, BATCH_RECORD)}

    # -- progress ----------------------------------------------------------------------------------------------
    def progress(self) -> dict[str, Any]:
        """Where the run is within its epoch, as plain values: the batch the next (or open) iteration trains
        (1-based) of `batches`, the epoch, the measured seconds of computing per batch and of wall time per
        batch (moving averages; None before the first batch) and the wall seconds the epoch still needs."""
        b = self.iteration_index % self.epoch_size
        left = self.epoch_size - b
        wall = self.wall_seconds_per_batch
        return {"epoch": self.epoch_index, "batch": b + 1, "batches": self.epoch_size,
                "seconds_per_batch": self.seconds_per_batch, "wall_seconds_per_batch": wall,
                "seconds_left": None if wall is None else wall * left}

    # -- the views' data -------------------------------------------------------------------------------------
    def layout(self, batch: int | None = None) -> dict[str, Any]:
        """How the text is cut into streams × steps and which characters `batch` (default: the open or next
        batch) covers; see Batching.layout."""
        b = self.iteration_index % self.epoch_size if batch is None else batch
        if self.batch_index is not None and batch is None:
            b = self.batch_index
        return self.batching.layout(b)

    def grad_norms(self) -> dict[str, np.ndarray]:
        """The kept gradient norms through time: `iterations` (k,), `h` (k × bptt: ‖∂loss/∂h_t‖ per batch and
        step) and, for the LSTM, `c` (‖∂loss/∂c_t‖); time steps whose state got no gradient are 0."""
        keys = sorted(self.grad_norm_rows)
        h = np.array([self.grad_norm_rows[k][0] for k in keys]).reshape(len(keys), self.bptt)
        out = {"iterations": np.array(keys, dtype=np.int64), "h": h}
        if self.kind == "lstm":
            out["c"] = np.array([self.grad_norm_rows[k][1] for k in keys]).reshape(len(keys), self.bptt)
        return out

    def numpy_net(self) -> NumpyNet:
        """The forward step with the current weights on plain arrays (identical numbers, no graph)."""
        return self.net.numpy()

    def start_char(self) -> str:
        """The book's start character for samples, or the first of the vocabulary if the text lacks it."""
        return self.sample_start if self.sample_start in self._index else self.vocab[0]

    def encode(self, text: str) -> np.ndarray:
        """Characters as vocabulary indices; ParamError naming a character the model does not know."""
        try:
            return np.array([self._index[c] for c in text], dtype=np.int64)
        except KeyError as exc:
            raise ParamError(f"the character {exc.args[0]!r} is not in this text's vocabulary") from None

    def generate(self, n: int, *, prime: str | None = None, temperature: float = 1.0, rule: str = "sample",
                 seed: int = 0) -> str:
        """n characters from the current weights: read `prime` (default: the book's start character) from a
        fresh state, then pick each next character by `rule` (ch14_sampling: greedy, sample, book), drawing one
        uniform per character from RandomState(seed) (greedy draws nothing). The weights do not change."""
        if rule not in RULES:
            raise ParamError(f"rule must be one of {', '.join(RULES)} (got {rule!r})")
        if n < 0:
            raise ParamError(f"n must be 0 or more (got {n})")
        if not (temperature >= 0 and math.isfinite(temperature)):
            raise ParamError(f"temperature must be a number >= 0 (got {temperature!r})")
        return "".join(self._generation(n, self.start_char() if prime is None else prime, temperature, rule, seed))

    def _generation(self, n: int, prime: str, temperature: float, rule: str, seed: int) -> Iterator[str]:
        """The characters of generate(), one at a time."""
        codes = self.encode(prime)
        if len(codes) == 0:
            raise ParamError("the prime text is empty")
        net = self.net.numpy()
        rs = np.random.RandomState(seed)
        state = self.net.initial_state(1)
        for k in codes:
            logits, state = net.step(np.array([k]), state)
        for _ in range(n):
            u = None if rule == "greedy" else rs.random_sample()
            k = pick(logits[0], rule, u, temperature)
            yield self.vocab[k]
            logits, state = net.step(np.array([k]), state)

    def next_logits(self, prime: str) -> np.ndarray:
        """The output logits (V,) after reading `prime` from a fresh state: what the next character would be
        drawn from (ch14_sampling.distribution turns them into each rule's probabilities)."""
        codes = self.encode(prime)
        if len(codes) == 0:
            raise ParamError("the prime text is empty")
        net = self.net.numpy()
        state = self.net.initial_state(1)
        for k in codes:
            logits, state = net.step(np.array([k]), state)
        return logits[0]

    def read(self, start: int = 0, length: int = 1000, gates: bool = False) -> Reading:
        """The network reading text[start : start + length + 1] from a fresh state: per character the
        probability and surprise (−ln p) of the true next character and the hidden state (and, with `gates`, the
        LSTM's f, i, o, g, c) — see ch14_reading.read_text."""
        if not (0 <= start < len(self.text) - 1) or length < 1:
            raise ParamError(f"start must be from 0 to {len(self.text) - 2} and length at least 1")
        stop = min(len(self.indices), start + length + 1)
        return read_text(self.net.numpy(), self.net.initial_state(1), self.vocab, self.text[start:stop],
                         self.indices[start:stop], start, gates)

    def cell_values(self, stream: int = 0, t: int | None = None) -> dict[str, np.ndarray] | None:
        """The values of the open (or last) batch's time step t (default: the latest computed) for one stream:
        for the LSTM f, i, o, g, c, h, c_prev, h_prev (each hidden-size long), for the RNN h and h_prev; also the
        step's `logits`. None before the first step of a batch."""
        if not self.steps:
            return None
        t = len(self.steps) - 1 if t is None else t
        if not (0 <= t < len(self.steps)) or not (0 <= stream < self.streams):
            raise ParamError(f"t must be from 0 to {len(self.steps) - 1} and stream from 0 to {self.streams - 1}")
        output, state = self.steps[t]
        out: dict[str, np.ndarray] = {"logits": output.data[stream].copy()}
        if self.kind == "lstm":
            h, c = state
            out.update({k: v[stream].copy() for k, v in lstm_gates(h, c).items()})
        else:
            out["h"] = state[0].data[stream].copy()
            prev = self.steps[t - 1][1][0].data if t > 0 else self.batch_start_state[0]
            out["h_prev"] = prev[stream].copy()
        return out


def lstm_gates(h: Tensor, c: Tensor) -> dict[str, np.ndarray]:
    """f, i, o, g, c, h, c_prev, h_prev of one LSTM step, read from the graph the framework's LSTMCell built:
    h = o ⊙ tanh(c), c = (f ⊙ c_prev) + (i ⊙ g), o = σ(xo(x) + ho(h_prev))."""
    try:
        o, _ = h.creators  # type: ignore[misc]
        fc, ig = c.creators  # type: ignore[misc]
        f, c_prev = fc.creators  # type: ignore[union-attr]
        i, g = ig.creators  # type: ignore[union-attr]
        ho = o.creators[0].creators[1]  # type: ignore[index]
        h_prev = ho.creators[0]
        ops = (h.creation_op, c.creation_op, fc.creation_op, ig.creation_op, f.creation_op, i.creation_op,
               o.creation_op, g.creation_op, ho.creation_op)
    except (TypeError, ValueError, AttributeError, IndexError):
        ops = ()
    if ops != ("mul", "add", "mul", "mul", "sigmoid", "sigmoid", "sigmoid", "tanh", "mm"):
        raise RuntimeError("the framework's LSTMCell no longer builds h = o ⊙ tanh((f ⊙ c) + (i ⊙ g))")
    return {"f": f.data, "i": i.data, "o": o.data, "g": g.data, "c": c.data, "h": h.data, "c_prev": c_prev.data,
            "h_prev": h_prev.data}


def _squares(g: np.ndarray) -> float:
    """Σ g² in memory order, without BLAS (np.vdot copies a Fortran-ordered gradient first, and BLAS's ddot
    wakes its threads for a long vector: both cost milliseconds where this costs microseconds)."""
    flat = g.ravel(order="K")
    return float(np.einsum("i,i->", flat, flat))


def _norm(g: np.ndarray | None) -> float:
    return 0.0 if g is None else math.sqrt(_squares(g))


def _smooth(old: float | None, new: float, keep: float = 0.8) -> float:
    return new if old is None else keep * old + (1 - keep) * new


def _alpha_param() -> Param:
    return Param("alpha", 0.05, "learning rate; multiplied by 0.99 after every epoch, as in the book", 0.0, 10.0,
                 live=True)


def _common_params() -> tuple[Param, ...]:
    return (
        Param("size", "laptop", "model size: small = 32 units, laptop = 128 units (seconds per epoch), book = 512 "
              "units as in the book (minutes per epoch)", choices=tuple(SIZES)),
        Param("corpus", "book", "the text: book = the book's 100,000-character file, tiny = tiny-shakespeare "
              "(1.1 million characters of the real plays)", choices=CORPORA),
        Param("clip", DEFAULT_CLIP, "gradient clipping: scale the gradient of all weights down to this length when "
              "it is longer (0 = off; the book has none, so book_faithful runs ignore it)", 0.0, 1e6, live=True),
        book_faithful_param(),
    )


LSTM_FORMULAS = {
    Phase.PREDICT: ("t = {t}:  x = embed({input})",
                    "f = σ(xf(x) + hf(h)),  i = σ(xi(x) + hi(h)),  o = σ(xo(x) + ho(h)),  g = tanh(xc(x) + hc(h))",
                    "c = f ⊙ c + i ⊙ g,  h = o ⊙ tanh(c),  output = w_ho(h) → {prediction}"),
    Phase.COMPARE: ("loss[t] = cross_entropy(output, {target}) = {step_loss}",
                    "batch_loss = loss[0] + … + loss[t] = {batch_loss}"),
    Phase.LEARN: ("batch_loss.backward()  (reached h[{t}])",
                  "W ← W − alpha · ∂batch_loss/∂W  (alpha = {alpha}, ‖∇‖ = {grad_norm})",
                  "Loss = exp(mean of batch_loss / bptt) = {perplexity}"),
}


class CharLSTM(CharModel):
    """Embedding → LSTMCell → cross-entropy on 16 streams × 25 steps of the book's Shakespeare-like text."""

    id = "ch14.char-lstm"
    title = "A character language model with an LSTM"
    params = (_alpha_param(), *_common_params())
    formulas = LSTM_FORMULAS


class CharRNN(CharModel):
    """The same task with a sigmoid RNNCell: 32 streams × 16 steps."""

    id = "ch14.char-rnn"
    title = "The same task with a plain RNN"
    kind = "rnn"
    streams = 32
    bptt = 16
    id_high = 100000
    epoch_size = 195
    sample_start = "\n"
    params = (_alpha_param(), *_common_params(),
              Param("activation", "sigmoid", "the RNN cell's non-linearity (the book's cell ignores tanh and always "
                    "uses sigmoid: quirk Q20)", choices=("sigmoid", "tanh")))
    formulas = {
        Phase.PREDICT: ("t = {t}:  x = embed({input})",
                        "h = σ(w_ih(x) + w_hh(h)),  output = w_ho(h) → {prediction}"),
        Phase.COMPARE: LSTM_FORMULAS[Phase.COMPARE],
        Phase.LEARN: LSTM_FORMULAS[Phase.LEARN],
    }

    def _last_step_only(self) -> bool:
        return bool(self.book_faithful)

    def book_line(self, epoch: int, alpha: float, b: int, sample: str | None) -> str:
        """The RNN's line (it prints the lines of batches 1, 11, 21, ...; every batch has one here)."""
        line = f" Iter:{epoch} - Batch {b + 1}/{self.epoch_size} - Loss:{self.perplexity!r}"
        return line if sample is None else line + " - " + sample.replace("\n", " ")

    def final_sample(self, n: int = 2000, seed: int = 0) -> str:
        """The book's sample after training: n characters from '\\n', logits × 10 (temperature 0.1), drawn by
        the softmax (default) or the book's rule (book_faithful, Q22), uniforms from RandomState(seed)."""
        return self.generate(n, prime="\n", temperature=0.1, rule="book" if self.book_faithful else "sample",
                             seed=seed)


EXPERIMENTS = (CharLSTM, CharRNN)
