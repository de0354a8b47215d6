"""Chapter 8: a three-layer network on MNIST — overfitting, dropout, batch gradient descent (BOOK.md ch. 8).

This module also holds the MNIST machinery chapters 9 and 10 build on (`MnistNet`): the data (injected or
`book_mnist()`), the book's per-epoch figures, the end-of-epoch test pass in small chunks, and the accessors
the chapter views read.

Conventions, as in the book's code: weights are stored inputs × outputs (`weights_0_1` is 784 × hidden),
delta = goal − output and every update is `+=`. Arithmetic follows the book's expressions operation by
operation (e.g. `W += alpha * (x.T · delta)`), so `book_faithful` runs repeat its numbers bit for bit given
the same data and BLAS; buffers are reused so no 784 × hidden temporary is allocated per step.

Records are light: per-example iterations carry the label, the prediction (the network's output, layer_2),
the predicted_label (its largest output's digit) and layer_2_delta (10 numbers each), the loss and the correct
flag; batch iterations carry batch_start, images, the loss summed over the batch and correct. The loss is the
squared error ("error") in chapter 8 and the cross-entropy ("loss", with the squared error beside it as
"squared_error") in chapters 9-10, where softmax outputs learn from the cross-entropy's delta. The big arrays
(layer_0, layer_1, dropout_mask, layer_1_delta, the weights) stay on the experiment under the book's names and
are read through the view methods, never copied into records.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import numpy as np

from learning.activations import HIDDEN, softmax
from learning.datasets.mnist import MnistBook, book_mnist
from learning.experiment import (
    Experiment,
    IterationResult,
    Param,
    ParamError,
    Phase,
    PhaseResult,
    book_faithful_param,
)
from learning.network import Layer, Network, Weights

SIDE = 28
PIXELS = SIDE * SIDE
DIGITS = tuple(str(d) for d in range(10))
PIXEL_UNITS = tuple(f"{r},{c}" for r in range(SIDE) for c in range(SIDE))


def alpha_param(default: float) -> Param:
    """The learning rate, live."""
    return Param("alpha", default, "learning rate: the fraction of each weight update applied", 0.0, 100.0,
                 live=True)


def hidden_size_param(default: int) -> Param:
    """Units of the hidden layer."""
    return Param("hidden_size", default, "units in the hidden layer", 1, 2048)


def batch_size_param(default: int) -> Param:
    """Images per batch."""
    return Param("batch_size", default, "images per batch: one iteration (and one update) per batch", 1, 1000)


def test_every_param() -> Param:
    """How often the test pass runs."""
    return Param("test_every", 1, "test on the held-out images every N epochs, and after the book's last "
                 "epoch (0: never)", 0, 1000, live=True)


def test_images_param() -> Param:
    """How many held-out images each test pass uses."""
    return Param("test_images", 0, "held-out images each test pass uses, from the first (0: all of them); fewer "
                 "test faster but measure less precisely", 0, 10000)


def cross_entropy(probabilities: np.ndarray, labels: np.ndarray) -> float:
    """−Σ log p[label] over the rows (n × 10 softmax outputs, n digits): the loss whose gradient with respect to
    the logits is output − one-hot; a probability of 0 gives inf (reported, not hidden)."""
    with np.errstate(divide="ignore"):
        return float(-np.log(probabilities[np.arange(len(probabilities)), labels]).sum())


class MnistNet(Experiment):
    """The book's MNIST networks: 784 → hidden → 10, trained per example or per batch, images in file order.

    Subclasses choose the architecture with class attributes; chapter 10 replaces the hidden layer by a
    convolution (`_hidden_forward`, `_hidden_update`).
    """

    chapter = 8
    default_seed = 1
    datasets: ClassVar[tuple[str, ...]] = ("mnist",)
    #: The hidden activation (ch. 9 overrides it with its `activation` parameter).
    activation: str = "relu"
    #: Dropout 0.5 on the hidden layer with ×2 scaling of the kept units, during training only.
    dropout: ClassVar[bool] = False
    #: Softmax at the output (chapters 9-10); otherwise the output is linear (chapter 8).
    softmax_output: ClassVar[bool] = False
    #: layer_2_delta = (goal − layer_2) / divisor, with divisor 1, batch_size or batch_size² (the book's).
    delta_divisor: ClassVar[str] = "one"
    #: W01 = scale · U(784 × hidden) − shift, as the book draws it.
    init_0_1: ClassVar[tuple[float, float]] = (0.2, 0.1)
    #: Test images per chunk of the end-of-epoch test pass (a few milliseconds each).
    test_chunk: ClassVar[int] = 250

    def __init__(self, seed: int | None = None, data: MnistBook | None = None, **values: Any) -> None:
        self.data = data
        super().__init__(seed, **values)

    # -- set-up ------------------------------------------------------------------------------------------
    def setup(self) -> None:
        if self.data is None:
            self.data = book_mnist()  # DatasetMissing propagates: the app offers the download
        self._configure()
        self._init_weights()
        self._make_buffers()
        self._clear_step()
        self.confusion: np.ndarray | None = None
        self.last_test: dict[str, float] | None = None

    def _configure(self) -> None:
        """Numbers the loop needs from the data and the parameters."""
        self._images, self._labels = self.data.images, self.data.labels
        self._label_index = np.argmax(self._labels, axis=1)  # the digit of each training image
        self._batch = int(getattr(self, "batch_size", 1))  # images per iteration
        self._updates = self._batch if self._repeats_updates() else 1
        self._divisor = {"one": None, "batch": self._batch, "batch_squared": self._batch * self._batch}[
            self.delta_divisor]  # the book's batch_size * layer_2.shape[0]
        self.train_count = len(self._images)
        self.epoch_size = self.train_count // self._batch
        if self.epoch_size == 0:
            raise ParamError(f"batch_size must be at most the {self.train_count} training images")

    def _init_weights(self) -> None:
        scale, shift = self.init_0_1
        self.weights_0_1 = scale * self.rs.random_sample((PIXELS, self.hidden_size)) - shift
        self.weights_1_2 = 0.2 * self.rs.random_sample((self.hidden_size, 10)) - 0.1

    def _make_buffers(self) -> None:
        self._buf_0_1 = np.empty_like(self.weights_0_1)
        self._buf_1_2 = np.empty_like(self.weights_1_2)

    def _clear_step(self) -> None:
        """Forget the last step's activations (views show the next example with no values yet)."""
        self._start = (self.iteration_index % self.epoch_size) * self._batch
        self.layer_0: np.ndarray | None = None
        self.hidden: np.ndarray | None = None  # the activation before dropout (t in BOOK.md)
        self.layer_1: np.ndarray | None = None  # after dropout (= hidden without dropout)
        self.dropout_mask: np.ndarray | None = None
        self.layer_2: np.ndarray | None = None
        self.layer_2_delta: np.ndarray | None = None
        self.layer_1_delta: np.ndarray | None = None

    def state_names(self) -> tuple[str, ...]:
        return ("weights_0_1", "weights_1_2", "confusion", "last_test")

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self._configure()
        self._make_buffers()
        self._clear_step()

    # -- the book's loop ----------------------------------------------------------------------------------
    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        """Predict, compare, learn on one image or one batch, in the book's order and arithmetic."""
        batch = self._batch
        start = self._start = (self.iteration_index % self.epoch_size) * batch
        layer_0 = self._images[start:start + batch]
        labels = self._labels[start:start + batch]
        # PREDICT: layer_1 = act(layer_0 · weights_0_1) [⊙ dropout_mask ⊙ 2]; layer_2 = layer_1 · weights_1_2 [softmax]
        hidden = self._hidden_forward(layer_0, training=True)
        if self.dropout:
            dropout_mask = self.rs.randint(2, size=hidden.shape)
            scale = dropout_mask * 2.0  # the book's `dropout_mask * 2` as floats 0.0/2.0: the same exact products
            layer_1 = hidden * scale
        else:
            dropout_mask = scale = None
            layer_1 = hidden
        weights_1_2 = self.weights_1_2
        layer_2 = np.dot(layer_1, weights_1_2)
        if self.softmax_output:
            layer_2 = softmax(layer_2)
        self.layer_0, self.hidden, self.layer_1, self.dropout_mask, self.layer_2 = (
            layer_0, hidden, layer_1, dropout_mask, layer_2)
        self.layer_2_delta = self.layer_1_delta = None
        if batch == 1:
            label = int(self._label_index[start])
            predicted_label = int(layer_2.argmax())  # the method: the same answer without numpy's Python wrapper
            yield Phase.PREDICT, {"label": label, "predicted_label": predicted_label, "prediction": layer_2[0],
                                  "layer_2": layer_2[0]}
        else:
            yield Phase.PREDICT, {"batch_start": start, "images": batch}
        # COMPARE: error = Σ (labels − layer_2)² (chapter 8's loss); with softmax the loss is the cross-entropy
        # −Σ log layer_2[label], whose gradient is labels − layer_2; layer_2_delta = (labels − layer_2) / divisor
        diff = labels - layer_2
        error = float(np.square(diff).sum())  # the same bits as np.sum(diff ** 2), ~1 µs less per step
        divisor = self._divisor
        layer_2_delta = self.layer_2_delta = diff if divisor is None else diff / divisor
        if batch == 1:
            correct = int(predicted_label == label)
        else:
            correct = int(np.count_nonzero(np.argmax(layer_2, axis=1) == self._label_index[start:start + batch]))
        compared: dict[str, Any] = {"correct": correct}
        if self.softmax_output:
            compared["loss"] = cross_entropy(layer_2, self._label_index[start:start + batch])
            compared["squared_error"] = error
        else:
            compared["error"] = error
        if batch == 1:
            compared["layer_2_delta"] = layer_2_delta[0]
        yield Phase.COMPARE, compared
        # LEARN: layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ act′ ⊙ dropout_mask ⊙ 2;
        # weights_1_2 += alpha · layer_1ᵀ · layer_2_delta; the hidden weights += alpha · inputᵀ · layer_1_delta.
        # Each product goes into a reused buffer, is scaled by alpha, then added: the book's
        # `W += alpha * x.T.dot(delta)` operation for operation, without a fresh 784 × hidden array per step.
        alpha, updates, buf, book = self.alpha, self._updates, self._buf_1_2, self.book_faithful
        if self.activation == "relu":
            # Q2: the book's relu2deriv(layer_1) = (layer_1 >= 0) is 1 everywhere, so it multiplies by nothing
            factor = None if book else layer_1 > 0
        else:  # Q4: the book takes tanh′ (or sigmoid′) from the hidden values after dropout
            factor = HIDDEN[self.activation].derivative(layer_1 if book else hidden)  # a fresh array
        if scale is not None:  # Q3: the book multiplies by the mask only, forgetting the ×2 of the forward pass
            back = scale * 0.5 if book else scale
            if factor is None:
                factor = back
            elif factor.dtype == bool:
                factor = back * factor
            else:
                factor *= back
        # (act′ · dropout factor) once: multiplying by 0, 1 or 2 is exact, so the book's δ·act′·mask is unchanged
        for _ in range(updates):  # Q5 (ch08.mnist-batch, book_faithful): once per image of the batch
            layer_1_delta = np.dot(layer_2_delta, weights_1_2.T)  # weights_1_2 before this update, as the book
            if factor is not None:
                layer_1_delta *= factor
            np.dot(layer_1.T, layer_2_delta, out=buf)
            buf *= alpha
            weights_1_2 += buf
            self._hidden_update(layer_0, layer_1_delta, alpha)
        self.layer_1_delta = layer_1_delta
        yield Phase.LEARN, {"alpha": alpha, "updates": updates}

    def step(self) -> IterationResult:
        """One whole iteration: the same iteration() and the same record as phases(), driven without its
        per-phase bookkeeping (about 2 µs of a 39 µs per-example step, measured). An iteration that closes an
        epoch goes through phases() so that the test pass runs exactly as the runner runs it."""
        index = self.iteration_index
        if (index + 1) % self.epoch_size == 0:
            return super().step()
        if self._pending:
            self._apply_pending()
        done = [PhaseResult(phase, values) for phase, values in self.iteration()]
        record: dict[str, Any] = {"iteration": index, "epoch": index // self.epoch_size,
                                  "example": index % self.epoch_size}
        for result in done:  # no name repeats across phases, so this equals phases()' setdefault merge
            record.update(result.values)
        self.iteration_index = index + 1
        self._epoch_records.append(record)
        return IterationResult(record, None, done)

    def _repeats_updates(self) -> bool:
        """Q5 (ch08.mnist-batch only): the book runs the backward pass once per image of the batch."""
        return False

    def _hidden_forward(self, layer_0: np.ndarray, training: bool = False) -> np.ndarray:
        """The hidden activation before dropout: act(layer_0 · weights_0_1); `training` keeps what learning
        needs (chapter 10's windows), so that predict() between phases cannot disturb a step."""
        pre = np.dot(layer_0, self.weights_0_1)
        if self.activation == "relu":
            return np.maximum(pre, 0, out=pre)  # relu() in place: no second array per step
        return HIDDEN[self.activation].function(pre)

    def _hidden_update(self, layer_0: np.ndarray, layer_1_delta: np.ndarray, alpha: float) -> None:
        """weights_0_1 += alpha · layer_0ᵀ · layer_1_delta (into a reused buffer)."""
        buf = self._buf_0_1
        np.dot(layer_0.T, layer_1_delta, out=buf)
        buf *= alpha
        self.weights_0_1 += buf

    # -- per-epoch figures --------------------------------------------------------------------------------
    @property
    def images_per_iteration(self) -> int:
        """Images one iteration learns from: 1, or the batch size (its loss is summed over them)."""
        return self._batch

    def epoch_summary(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """The loss summed in the book's order and train_<loss> = loss / images (with softmax also the squared
        error, labelled squared_error); train_accuracy = correct / accuracy_divisor (images, or the book's 1000 in
        chapter 10's book_faithful mode)."""
        loss = self.loss
        total = 0.0
        correct = 0
        for r in records:
            total += r[loss]
            correct += r["correct"]
        images = len(records) * self._batch
        divisor = self._accuracy_divisor(images)
        out = {loss: total, f"train_{loss}": total / images, "correct": correct, "train_accuracy": correct / divisor,
               "images": images, "accuracy_divisor": divisor}
        if self.softmax_output:
            squared = 0.0
            for r in records:
                squared += r["squared_error"]
            out["squared_error"] = squared
            out["train_squared_error"] = squared / images
        return out

    def _accuracy_divisor(self, images: int) -> int:
        """The number training accuracy is divided by (chapter 10's Q8 changes it)."""
        return images

    def tests_epoch(self, epoch: int) -> bool:
        """True if the test pass runs after `epoch` (0-based): every test_every epochs and after the book's last."""
        every = int(self.test_every)
        return every > 0 and (epoch % every == 0 or epoch == (self.epochs or 0) - 1)

    def evaluate(self) -> Iterator[dict[str, int]] | None:
        epoch = self.iteration_index // self.epoch_size - 1
        return self.test_pass() if self.tests_epoch(epoch) else None

    def test_images_used(self) -> int:
        """How many held-out images the test pass uses: all, or the first `test_images` of them."""
        total = len(self.data.test_images)
        limit = int(getattr(self, "test_images", 0) or 0)
        return min(limit, total) if limit > 0 else total

    def test_pass(self) -> Iterator[dict[str, int]]:
        """The test images (all, or the first `test_images`) in chunks of `test_chunk`, no dropout: yields
        {"done", "total"} after each chunk and returns {"test_<loss>", "test_accuracy", "test_correct"} (with
        softmax also test_squared_error); keeps the confusion matrix. Chapter 8's test_error is the summed squared
        error ÷ images, as the book prints it; chapters 9-10 (the book prints no test loss) give the cross-entropy of
        predict()'s softmax probabilities. Weights must not change while it runs."""
        total = self.test_images_used()
        images, labels = self.data.test_images[:total], self.data.test_labels[:total]
        error = 0.0
        loss = 0.0
        correct = 0
        confusion = np.zeros((10, 10), dtype=np.int64)
        for start in range(0, total, self.test_chunk):
            goal = labels[start:start + self.test_chunk]
            layer_2 = self.predict(images[start:start + self.test_chunk])
            for e in np.sum((goal - layer_2) ** 2, axis=1).tolist():  # image by image, as the book adds
                error += e
            predicted = np.argmax(layer_2, axis=1)
            truth = np.argmax(goal, axis=1)
            if self.softmax_output:
                loss += cross_entropy(layer_2, truth)
            correct += int(np.count_nonzero(predicted == truth))
            confusion += np.bincount(truth * 10 + predicted, minlength=100).reshape(10, 10)
            yield {"done": min(start + self.test_chunk, total), "total": total}
        self.confusion = confusion
        if self.softmax_output:
            figures = {"test_loss": loss / total, "test_squared_error": error / total}
        else:
            figures = {"test_error": error / total}
        self.last_test = {**figures, "test_accuracy": correct / total, "test_correct": correct}
        return dict(self.last_test)

    def run_test_pass(self) -> dict[str, float]:
        """The test pass at once (tests, the CLI, a view's "test now"); returns its figures."""
        gen = self.test_pass()
        while True:
            try:
                next(gen)
            except StopIteration as stop:
                return stop.value

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        """Outputs for rows of 784 pixels (n × 784 → n × 10): no dropout; softmax where the net has one
        (the book's test passes skip it; the predicted digit is the same)."""
        inputs = np.asarray(inputs, dtype=float).reshape(-1, PIXELS)
        layer_2 = np.dot(self._hidden_forward(inputs), self.weights_1_2)
        return softmax(layer_2) if self.softmax_output else layer_2

    # -- views --------------------------------------------------------------------------------------------
    def current_example(self, row: int = 0) -> tuple[np.ndarray, int]:
        """(28 × 28 image, label) of the last predicted example (row `row` of its batch), or the next one."""
        index = self._start + row
        return self.data.images[index].reshape(SIDE, SIDE), int(np.argmax(self.data.labels[index]))

    def hidden_activations(self, row: int = 0) -> np.ndarray | None:
        """The hidden layer of that example as the forward pass left it (after dropout), shape (hidden,)."""
        return None if self.layer_1 is None else self.layer_1[row]

    def last_dropout_mask(self, row: int = 0) -> np.ndarray | None:
        """That example's dropout mask (0/1 per hidden unit), or None without dropout or before a step."""
        return None if self.dropout_mask is None else self.dropout_mask[row]

    def output_probabilities(self, row: int = 0) -> np.ndarray | None:
        """That example's layer_2 (10,): softmax probabilities in ch. 9-10, the linear outputs in ch. 8."""
        return None if self.layer_2 is None else self.layer_2[row]

    def confusion_matrix(self) -> np.ndarray | None:
        """Counts of the last test pass: rows = true digit, columns = predicted digit (10 × 10)."""
        return self.confusion

    def hidden_weight_images(self) -> np.ndarray:
        """Each hidden unit's input weights as a 28 × 28 image: (hidden, 28, 28), a view (no copy)."""
        return self.weights_0_1.T.reshape(self.hidden_size, SIDE, SIDE)

    def _hidden_units(self) -> tuple[str, ...]:
        units = getattr(self, "_units_cache", None)
        if units is None or len(units) != self.weights_1_2.shape[0]:
            units = self._units_cache = tuple(str(j) for j in range(self.weights_1_2.shape[0]))
        return units

    def network(self) -> Network:
        """input (28 × 28 pixels) → hidden → output "0".."9", values of the current example; rows = outputs."""
        row = 0
        image, label = self.current_example(row)
        goals = np.zeros(10)
        goals[label] = 1.0
        return Network(
            [Layer("input", PIXEL_UNITS, image.reshape(-1), code_name="layer_0", image_shape=(SIDE, SIDE)),
             Layer("hidden", self._hidden_units(), self.hidden_activations(row), activation=self.activation,
                   code_name="layer_1"),
             Layer("output", DIGITS, self.output_probabilities(row), goals=goals,
                   activation="softmax" if self.softmax_output else None, code_name="layer_2")],
            self._weights(),
        )

    def _weights(self) -> list[Weights]:
        return [Weights("weights_0_1", 0, 1, self.weights_0_1.T, code_name="weights_0_1"),
                Weights("weights_1_2", 1, 2, self.weights_1_2.T, code_name="weights_1_2")]

    def set_weight(self, name: str, row: int, column: int, value: float) -> None:
        """Edit one weight as network() shows it (rows = the layer's outputs); the run continues from it."""
        arrays = {w.name: getattr(self, w.name) for w in self._weights()}
        if name not in arrays:
            super().set_weight(name, row, column, value)
        array = arrays[name]
        if not (0 <= column < array.shape[0] and 0 <= row < array.shape[1]):
            raise ParamError(f"{name} has {array.shape[1]} rows and {array.shape[0]} columns (got [{row}, {column}])")
        if not np.isfinite(value):
            raise ParamError(f"a weight must be a finite number (got {value!r})")
        array[column, row] = float(value)


#: The learn phase in the default mode: relu′ = 1 where the unit was active (layer_1 > 0), else 0.
LEARN_FORMULAS = (
    "layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 > 0)",
    "weights_1_2 += alpha · layer_1ᵀ · layer_2_delta",
    "weights_0_1 += alpha · layer_0ᵀ · layer_1_delta   (alpha = {alpha})",
)
#: The book's code (Q2): relu2deriv(layer_1) = layer_1 >= 0 on the ReLU's output, which is 1 everywhere.
BOOK_LEARN_FORMULAS = ("layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 ≥ 0)", *LEARN_FORMULAS[1:])
#: With dropout, the kept units were doubled: the default multiplies the delta by the same mask ⊙ 2; the book
#: forgets the 2 (Q3).
DROPOUT_LEARN = "layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 > 0) ⊙ dropout_mask ⊙ 2"
BOOK_DROPOUT_LEARN = "layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 ≥ 0) ⊙ dropout_mask"


class MnistOverfit(MnistNet):
    """784 → 40 relu → 10, one image at a time: it memorises the training set while test accuracy falls."""

    id = "ch08.mnist-overfit"
    title = "Three-layer network on MNIST; early stopping"
    epochs = 350
    epoch_size = 1000
    params = (alpha_param(0.005), hidden_size_param(40), book_faithful_param(), test_every_param(),
              test_images_param())
    formulas = {
        Phase.PREDICT: ("layer_1 = relu(layer_0 · weights_0_1)", "layer_2 = layer_1 · weights_1_2 = {layer_2}",
                        "predicted_label = argmax(layer_2) = {predicted_label},  label = {label}"),
        Phase.COMPARE: ("layer_2_delta = labels[i] − layer_2 = {layer_2_delta}",
                        "error = Σ (labels[i] − layer_2)² = {error},  correct = {correct}"),
        Phase.LEARN: LEARN_FORMULAS,
    }
    book_formulas = {Phase.LEARN: BOOK_LEARN_FORMULAS}


class MnistDropout(MnistOverfit):
    """784 → 100 relu (dropout 0.5) → 10, one image at a time: the train/test gap narrows."""

    id = "ch08.mnist-dropout"
    title = "Dropout"
    epochs = 300
    dropout = True
    params = (alpha_param(0.005), hidden_size_param(100), book_faithful_param(), test_every_param(),
              test_images_param())
    formulas = {
        Phase.PREDICT: ("layer_1 = relu(layer_0 · weights_0_1) ⊙ dropout_mask ⊙ 2",
                        "layer_2 = layer_1 · weights_1_2 = {layer_2}",
                        "predicted_label = argmax(layer_2) = {predicted_label},  label = {label}"),
        Phase.COMPARE: MnistOverfit.formulas[Phase.COMPARE],
        Phase.LEARN: (DROPOUT_LEARN, *LEARN_FORMULAS[1:]),
    }
    book_formulas = {Phase.LEARN: (BOOK_DROPOUT_LEARN, *LEARN_FORMULAS[1:])}


def batch_alpha_param() -> Param:
    """The batch experiment's learning rate: 0.1 on the mean gradient, the book's 0.001 in book_faithful."""
    return Param("alpha", 0.1, "learning rate applied once per batch to the batch's mean gradient (layer_2_delta "
                 "is divided by batch_size): 0.1 takes about the step of the book's 100 updates at 0.001, which "
                 "book_faithful uses; at 0.001 one mean update is 100 times smaller and the network barely learns",
                 0.0, 100.0, live=True, book_default=0.001)


class MnistBatch(MnistNet):
    """784 → 100 relu (dropout) → 10 in batches of 100: one update per batch with the mean gradient."""

    id = "ch08.mnist-batch"
    title = "Batch gradient descent"
    epochs = 300
    epoch_size = 10
    dropout = True
    delta_divisor = "batch"
    test_chunk = 250
    params = (batch_alpha_param(), hidden_size_param(100), batch_size_param(100), book_faithful_param(),
              test_every_param(), test_images_param())
    formulas = {
        Phase.PREDICT: ("layer_0 = images[{batch_start} : {batch_start} + {images}]",
                        "layer_1 = relu(layer_0 · weights_0_1) ⊙ dropout_mask ⊙ 2",
                        "layer_2 = layer_1 · weights_1_2"),
        Phase.COMPARE: ("error = Σ_batch (labels − layer_2)² = {error},  correct = {correct}",
                        "layer_2_delta = (labels − layer_2) / batch_size"),
        Phase.LEARN: (DROPOUT_LEARN, *LEARN_FORMULAS[1:], "updates per batch = {updates}"),
    }
    book_formulas = {
        Phase.LEARN: ("repeat {updates} times (once per image of the batch, the same layer_2_delta):",
                      "  " + BOOK_DROPOUT_LEARN, *("  " + f for f in LEARN_FORMULAS[1:])),
    }

    def _repeats_updates(self) -> bool:
        return bool(self.book_faithful)


EXPERIMENTS = (MnistOverfit, MnistDropout, MnistBatch)
