"""Chapter 6: the streetlight problem, full/batch/stochastic gradient descent, and backpropagation.

Weights are numpy arrays in the book's layout (weights_0_1 is inputs x hidden); network() shows them
with rows = outputs. Every dot product is summed left to right over the inner index without fused
multiply-add (`dot` below), as BOOK.md section 1.2 prescribes: an optimised BLAS `ddot` (OpenBLAS here)
splits and fuses the sum, which changes the last digits of the backprop errors the book prints from
its second printed line on.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import Any

import numpy as np

from learning.chapters.ch05_multiple_weights import Freezable, input_rows
from learning.experiment import Param, ParamError, Phase
from learning.network import DataTable, Layer, Network, Weights

STREETLIGHTS = ((1, 0, 1), (0, 1, 1), (0, 0, 1), (1, 1, 1), (0, 1, 1), (1, 0, 1))
WALK_VS_STOP = (0, 1, 0, 1, 1, 0)
LIGHT_NAMES = ("light 1", "light 2", "light 3")
OUTPUT_NAMES = ("walk?",)
GRADIENT_DESCENT = ("stochastic", "batch", "full")
BOUND = 1000.0


def dot(vector: np.ndarray, matrix: np.ndarray) -> Any:
    """vector · matrix, (n,) x (n,) -> scalar or (n,) x (n, m) -> (m,), summed left to right from 0."""
    out = np.zeros(np.shape(matrix)[1:])
    for j in range(len(vector)):
        out = out + vector[j] * matrix[j]  # two roundings per term: no fused multiply-add
    return out


def relu(x: np.ndarray) -> np.ndarray:
    """x where x > 0, else 0 (the book's `(x > 0) * x`)."""
    return (x > 0) * x


def relu2deriv(output: np.ndarray) -> np.ndarray:
    """1 where the ReLU output is > 0, else 0: the slope of relu at that unit."""
    return output > 0


def _alpha(default: float) -> Param:
    return Param("alpha", default, "learning rate: how much of each weight_delta a step applies", 0.0, 100.0,
                 live=True)


def _walk_vs_stop(default: tuple[float, ...]) -> Param:
    return Param("walk_vs_stop", default, "the goal of each streetlight pattern: 1 = walk, 0 = stop",
                 -BOUND, BOUND, live=True)


def _table(inputs: Any, goals: Any, current: int | None) -> DataTable:
    return DataTable(np.array(inputs, dtype=float), np.array(goals, dtype=float).reshape(-1, 1),
                     LIGHT_NAMES, OUTPUT_NAMES, current)


class Streetlights(Freezable):
    """A 3 -> 1 network on the streetlights: prediction = input · weights."""

    chapter = 6
    formulas = {
        Phase.PREDICT: ("prediction = input · weights = {input} · {weights} = {prediction}",),
        Phase.COMPARE: ("delta = prediction − goal_prediction = {prediction} − {goal_prediction} = {delta}",
                        "error = (goal_prediction − prediction)² = {error}"),
        Phase.LEARN: ("weight_deltas = input ⊙ delta = {input} ⊙ {delta} = {weight_deltas}",
                      "weights = weights − alpha · weight_deltas = {weights} − {alpha} · {weight_deltas} "
                      "= {new_weights}"),
    }

    def setup(self) -> None:
        super().setup()
        self.streetlights = np.array(STREETLIGHTS, dtype=float)
        self.weights = np.array(self.weights, dtype=float)
        self.prediction: float | None = None
        self.last_weight_deltas: np.ndarray | None = None
        self.last_row = 0  # the row of the last prediction

    def state_names(self) -> tuple[str, ...]:
        return ("weights", "prediction", "last_weight_deltas", "last_row")

    def weight_shapes(self) -> dict[str, tuple[int, int]]:
        return {"weights": (1, 3)}

    def _next(self, name: str) -> Any:
        return self._pending.get(name, getattr(self, name))

    def next_row(self) -> int:
        """The streetlights row the next iteration learns from."""
        raise NotImplementedError

    def _learn(self, input: np.ndarray, delta: float) -> np.ndarray:
        """input ⊙ delta with frozen weights at 0."""
        weight_deltas = input * delta
        weight_deltas[self._frozen["weights"][0]] = 0.0
        return weight_deltas

    def _forward(self, row: int) -> Generator[tuple[Phase, dict[str, Any]], None, tuple[np.ndarray, np.ndarray, float]]:
        """Predict and compare on one row; returns (input, weights used, delta)."""
        self.last_row = row
        input = self.streetlights[row]
        goal_prediction = float(self.walk_vs_stop[row])
        weights = self.weights
        prediction = float(dot(input, weights))
        self.prediction = prediction
        yield Phase.PREDICT, {"input": input.copy(), "weights": weights.copy(), "prediction": prediction}
        error = (goal_prediction - prediction) * (goal_prediction - prediction)
        delta = prediction - goal_prediction
        yield Phase.COMPARE, {"goal_prediction": goal_prediction, "delta": delta, "error": error}
        return input, weights, delta

    def network(self) -> Network:
        row = self.next_row() if self.prediction is None else self.last_row
        values = self.streetlights[row]
        last = None if self.last_weight_deltas is None else self.last_weight_deltas.reshape(1, 3)
        return Network(
            [Layer("input", LIGHT_NAMES, values, code_name="input"),
             Layer("output", OUTPUT_NAMES, None if self.prediction is None else [self.prediction],
                   goals=[self.walk_vs_stop[row]], code_name="prediction")],
            [Weights("weights", 0, 1, self.weights.reshape(1, 3).copy(), frozen=self.frozen("weights"),
                     last_delta=last, code_name="weights")],
        )

    def set_weight(self, name: str, row: int, column: int, value: float) -> None:
        """Edit one weight as network() shows it (1 x 3); the run continues from it."""
        _, column = self.weight_index(name, row, column)
        self.weights = self.weights.copy()
        self.weights[column] = self.checked_weight(value)

    def error_for(self, weights: dict[str, np.ndarray]) -> float:
        """(goal_prediction − input · w)² of the next row for the 1 x 3 array weights["weights"]."""
        w = self.weights if "weights" not in weights else np.asarray(weights["weights"], dtype=float)
        if w.size != 3:
            raise ParamError(f"weights must have shape (1, 3) (got {w.shape})")
        row = self.next_row()
        goal_prediction = float(self._next("walk_vs_stop")[row])
        prediction = float(dot(self.streetlights[row], w.reshape(3)))
        return (goal_prediction - prediction) * (goal_prediction - prediction)

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        """input · weights for each row of three lights: n x 3 -> n x 1."""
        x = input_rows(inputs, 3)
        return np.array([float(dot(r, self.weights)) for r in x], dtype=float).reshape(-1, 1)


class SingleLight(Streetlights):
    """One pattern learned over and over: the error shrinks by the same factor every step."""

    id = "ch06.single-light"
    title = "The streetlight problem: one pattern"
    iterations = 20
    params = (
        _alpha(0.1),
        Param("pattern", 0, "which streetlights row to learn (0 = [1, 0, 1], stop)", 0, len(STREETLIGHTS) - 1,
              live=True),
        _walk_vs_stop(tuple(float(g) for g in WALK_VS_STOP)),
        Param("weights", (0.5, 0.48, -0.7), "initial weights of light 1, light 2, light 3", -BOUND, BOUND),
    )

    def next_row(self) -> int:
        return int(self._next("pattern"))

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        alpha, row = self.alpha, self.pattern
        input, weights, delta = yield from self._forward(row)
        weight_deltas = self._learn(input, delta)
        self.weights = weights - alpha * weight_deltas  # the book's weights - (alpha * (input * delta))
        self.last_weight_deltas = weight_deltas
        yield Phase.LEARN, {"alpha": alpha, "weight_deltas": weight_deltas.copy(), "new_weights": self.weights.copy()}

    def data_table(self) -> DataTable:
        return _table(STREETLIGHTS, self._next("walk_vs_stop"), self.next_row())


class WholeDataset(Streetlights):
    """All six patterns in table order: stochastic (the book), batch or full gradient descent."""

    id = "ch06.whole-dataset"
    title = "Learning the whole dataset: full, batch and stochastic gradient descent"
    epoch_size = len(STREETLIGHTS)
    epochs = 40
    iterations = 40 * len(STREETLIGHTS)
    params = (
        _alpha(0.1),
        _walk_vs_stop(tuple(float(g) for g in WALK_VS_STOP)),
        Param("weights", (0.5, 0.48, -0.7), "initial weights of light 1, light 2, light 3", -BOUND, BOUND),
        Param("gradient_descent", "stochastic",
              "when the weights change: after every pattern (stochastic), after every batch_size patterns "
              "(batch) or once per pass over the six (full), by the mean of the weight_deltas",
              choices=GRADIENT_DESCENT),
        Param("batch_size", 2, "patterns per update in batch gradient descent", 1, len(STREETLIGHTS)),
    )
    formulas = {
        **Streetlights.formulas,
        Phase.LEARN: ("weight_deltas = input ⊙ delta = {input} ⊙ {delta} = {weight_deltas}",
                      "applied_weight_deltas = mean(batch weight_deltas) = {applied_weight_deltas}",
                      "weights = weights − alpha · applied_weight_deltas = {new_weights}"),
    }

    def setup(self) -> None:
        super().setup()
        self.batch_sum = np.zeros(3)
        self.batch_count = 0

    def state_names(self) -> tuple[str, ...]:
        return (*super().state_names(), "batch_sum", "batch_count")

    def next_row(self) -> int:
        return self.iteration_index % len(STREETLIGHTS)

    def _closes_batch(self, row: int) -> bool:
        if self.gradient_descent == "stochastic" or row == len(STREETLIGHTS) - 1:
            return True
        return self.gradient_descent == "batch" and self.batch_count >= self.batch_size

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        alpha, row = self.alpha, self.next_row()
        input, weights, delta = yield from self._forward(row)
        weight_deltas = self._learn(input, delta)
        self.last_weight_deltas = weight_deltas
        applied = None
        if self.gradient_descent == "stochastic":
            applied = weight_deltas
        else:
            self.batch_sum = self.batch_sum + weight_deltas  # summed in pattern order, then divided
            self.batch_count += 1
            if self._closes_batch(row):
                applied = self.batch_sum / self.batch_count
                self.batch_sum = np.zeros(3)
                self.batch_count = 0
        if applied is not None:
            self.weights = weights - alpha * applied
        yield Phase.LEARN, {
            "alpha": alpha, "weight_deltas": weight_deltas.copy(), "updated": applied is not None,
            "applied_weight_deltas": None if applied is None else applied.copy(), "new_weights": self.weights.copy()}

    def epoch_summary(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """The summed error of the six patterns and the number of weight updates in the epoch."""
        return {**super().epoch_summary(records), "updates": sum(1 for r in records if r.get("updated"))}

    def data_table(self) -> DataTable:
        return _table(STREETLIGHTS, self._next("walk_vs_stop"), self.next_row())


class Backprop(Freezable):
    """3 -> hidden (ReLU) -> 1 on four patterns whose goal is light 1 XOR light 2."""

    id = "ch06.backprop"
    title = "Backpropagation: your first deep network"
    chapter = 6
    default_seed = 1
    epoch_size = 4
    epochs = 60
    iterations = 60 * 4
    params = (
        _alpha(0.2),
        _walk_vs_stop((1.0, 1.0, 0.0, 0.0)),
        Param("hidden_size", 4, "number of hidden ReLU units", 1, 64),
    )
    formulas = {
        Phase.PREDICT: ("layer_1 = relu(layer_0 · weights_0_1) = relu({layer_0} · weights_0_1) = {layer_1}",
                        "layer_2 = layer_1 · weights_1_2 = {layer_1} · {weights_1_2}ᵀ = {layer_2}"),
        Phase.COMPARE: ("layer_2_delta = layer_2 − goal = {layer_2} − {goal} = {layer_2_delta}",
                        "error = Σ layer_2_delta² = {error}"),
        Phase.LEARN: ("layer_1_delta = (layer_2_delta · weights_1_2ᵀ) ⊙ relu2deriv(layer_1) = {layer_1_delta}",
                      "weights_1_2 = weights_1_2 − alpha · layer_1ᵀ · layer_2_delta = {new_weights_1_2}ᵀ",
                      "weights_0_1 = weights_0_1 − alpha · layer_0ᵀ · layer_1_delta = {new_weights_0_1}ᵀ"),
    }

    def setup(self) -> None:
        super().setup()
        self.streetlights = np.array(STREETLIGHTS[:4], dtype=float)
        # The book's order of draws: np.random.random((3, hidden)), then ((hidden, 1)).
        self.weights_0_1 = 2 * self.rs.random_sample((3, self.hidden_size)) - 1
        self.weights_1_2 = 2 * self.rs.random_sample((self.hidden_size, 1)) - 1
        self.layer_0: np.ndarray | None = None
        self.layer_1: np.ndarray | None = None
        self.layer_2: np.ndarray | None = None
        self.last_weight_deltas_0_1: np.ndarray | None = None
        self.last_weight_deltas_1_2: np.ndarray | None = None
        self.last_row = 0  # the row of the last prediction

    def state_names(self) -> tuple[str, ...]:
        return ("weights_0_1", "weights_1_2", "layer_0", "layer_1", "layer_2", "last_weight_deltas_0_1",
                "last_weight_deltas_1_2", "last_row")

    def weight_shapes(self) -> dict[str, tuple[int, int]]:
        return {"weights_0_1": (self.hidden_size, 3), "weights_1_2": (1, self.hidden_size)}

    def next_row(self) -> int:
        """The streetlights row the next iteration learns from."""
        return self.iteration_index % len(self.streetlights)

    @staticmethod
    def forward(layer_0: np.ndarray, weights_0_1: np.ndarray, weights_1_2: np.ndarray) -> tuple[np.ndarray, ...]:
        """(layer_1, layer_2) for one pattern: relu(layer_0 · weights_0_1) · weights_1_2; shapes (h,), (1,)."""
        layer_1 = relu(dot(layer_0, weights_0_1))
        layer_2 = dot(layer_1, weights_1_2)
        return layer_1, layer_2

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        alpha, row = self.alpha, self.next_row()
        layer_0 = self.streetlights[row]
        goal = float(self.walk_vs_stop[row])
        self.last_row = row
        weights_0_1, weights_1_2 = self.weights_0_1, self.weights_1_2
        layer_1, layer_2 = self.forward(layer_0, weights_0_1, weights_1_2)
        self.layer_0, self.layer_1, self.layer_2 = layer_0, layer_1, layer_2
        # Records present weight matrices with rows = the layer's outputs (BOOK.md 1.3, as chapter 5 and the
        # diagram do): the transpose of the code's inputs × outputs arrays.
        yield Phase.PREDICT, {"layer_0": layer_0.copy(), "weights_0_1": weights_0_1.T.copy(),
                              "layer_1": layer_1.copy(), "weights_1_2": weights_1_2.T.copy(),
                              "layer_2": layer_2.copy(), "prediction": float(layer_2[0])}
        layer_2_delta = layer_2 - goal
        error = float(np.sum(layer_2_delta * layer_2_delta))
        yield Phase.COMPARE, {"goal": goal, "layer_2_delta": layer_2_delta.copy(), "delta": float(layer_2_delta[0]),
                              "error": error}
        # Backpropagate through the weights as they were at prediction time: (δ2 · W12ᵀ) ⊙ relu'(l1).
        layer_1_delta = (layer_2_delta[0] * weights_1_2[:, 0]) * relu2deriv(layer_1)
        weight_deltas_1_2 = np.outer(layer_1, layer_2_delta)
        weight_deltas_0_1 = np.outer(layer_0, layer_1_delta)
        weight_deltas_1_2[self._frozen["weights_1_2"].T] = 0.0
        weight_deltas_0_1[self._frozen["weights_0_1"].T] = 0.0
        self.weights_1_2 = weights_1_2 - alpha * weight_deltas_1_2
        self.weights_0_1 = weights_0_1 - alpha * weight_deltas_0_1
        self.last_weight_deltas_0_1, self.last_weight_deltas_1_2 = weight_deltas_0_1, weight_deltas_1_2
        yield Phase.LEARN, {"alpha": alpha, "layer_1_delta": layer_1_delta.copy(),
                            "weight_deltas_1_2": weight_deltas_1_2.T.copy(),
                            "weight_deltas_0_1": weight_deltas_0_1.T.copy(),
                            "new_weights_1_2": self.weights_1_2.T.copy(), "new_weights_0_1": self.weights_0_1.T.copy()}

    def network(self) -> Network:
        hidden = tuple(f"hidden {i + 1}" for i in range(self.hidden_size))
        row = self.next_row() if self.layer_0 is None else self.last_row
        d01 = None if self.last_weight_deltas_0_1 is None else self.last_weight_deltas_0_1.T
        d12 = None if self.last_weight_deltas_1_2 is None else self.last_weight_deltas_1_2.T
        return Network(
            [Layer("input", LIGHT_NAMES, self.streetlights[row], code_name="layer_0"),
             Layer("hidden", hidden, self.layer_1, activation="relu", code_name="layer_1"),
             Layer("output", OUTPUT_NAMES, self.layer_2, goals=[self.walk_vs_stop[row]], code_name="layer_2")],
            [Weights("weights_0_1", 0, 1, self.weights_0_1.T.copy(), frozen=self.frozen("weights_0_1"),
                     last_delta=d01, code_name="weights_0_1"),
             Weights("weights_1_2", 1, 2, self.weights_1_2.T.copy(), frozen=self.frozen("weights_1_2"),
                     last_delta=d12, code_name="weights_1_2")],
        )

    def set_weight(self, name: str, row: int, column: int, value: float) -> None:
        """Edit one weight as network() shows it (weights_0_1: hidden x 3, weights_1_2: 1 x hidden)."""
        row, column = self.weight_index(name, row, column)
        array = getattr(self, name).copy()
        array[column, row] = self.checked_weight(value)  # network() shows the transpose of the book's layout
        setattr(self, name, array)

    def _arrays(self, weights: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        out = []
        for name, shape in self.weight_shapes().items():
            if name not in weights:
                out.append(getattr(self, name))
                continue
            array = np.asarray(weights[name], dtype=float)
            if array.size != shape[0] * shape[1]:
                raise ParamError(f"{name} must have shape {shape} (got {array.shape})")
            out.append(array.reshape(shape).T)
        return out[0], out[1]

    def error_for(self, weights: dict[str, np.ndarray]) -> float:
        """Σ (layer_2 − goal)² of the next pattern for weight arrays shaped as in network()."""
        weights_0_1, weights_1_2 = self._arrays(weights)
        row = self.next_row()
        _, layer_2 = self.forward(self.streetlights[row], weights_0_1, weights_1_2)
        delta = layer_2 - float(self._pending.get("walk_vs_stop", self.walk_vs_stop)[row])
        return float(np.sum(delta * delta))

    def data_table(self) -> DataTable:
        return _table(self.streetlights, self._pending.get("walk_vs_stop", self.walk_vs_stop), self.next_row())

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        """layer_2 for each row of three lights: n x 3 -> n x 1."""
        x = input_rows(inputs, 3)
        return np.array([self.forward(r, self.weights_0_1, self.weights_1_2)[1] for r in x],
                        dtype=float).reshape(-1, 1)


EXPERIMENTS = (SingleLight, WholeDataset, Backprop)
