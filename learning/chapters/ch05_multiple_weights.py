"""Chapter 5: learning multiple weights at a time (generalizing gradient descent).

Game 1 of the chapter-3 baseball data: input = [toes, wlrec, nfans] = [8.5, 0.65, 1.2]. Every weight gets
its own weight_delta = (delta of its output) x (its input). All arithmetic is in Python floats in the
book's order: weighted sums left to right from 0 (chapter 3's `w_sum`), squares as `delta * delta`
(always correctly rounded; BOOK.md section 1.2).

Any weight can be frozen (`set_frozen`): its weight_delta becomes the integer 0, as the book's
`weight_deltas[0] = 0` does in "Freezing one weight".
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any, ClassVar

import numpy as np

from learning.chapters.ch03_forward import INPUT_NAMES, NFANS, OUTPUT_NAMES, TOES, WLREC, rows, vect_mat_mul, w_sum
from learning.experiment import Experiment, Param, ParamError, Phase, book_faithful_param
from learning.network import Layer, Network, Weights

BOUND = 1000.0


class Freezable(Experiment):
    """An experiment whose weights can be frozen one by one: a frozen weight gets weight_delta 0.

    Masks are kept in network() orientation (rows = outputs). A freeze is a setting of the run, like a
    parameter: it survives reset() (unless the weights change shape) and travels with state().
    """

    #: (weight array name, row, column) frozen when the experiment is created.
    initially_frozen: ClassVar[tuple[tuple[str, int, int], ...]] = ()

    def weight_shapes(self) -> dict[str, tuple[int, int]]:
        """Each weight array's name and shape as network() shows it (rows = outputs)."""
        raise NotImplementedError

    def setup(self) -> None:
        """Keep the freezes that still fit the weights; start the others from `initially_frozen`."""
        old: dict[str, np.ndarray] = getattr(self, "_frozen", {})
        masks: dict[str, np.ndarray] = {}
        for name, shape in self.weight_shapes().items():
            mask = old.get(name)
            if mask is None or mask.shape != shape:
                mask = np.zeros(shape, dtype=bool)
                for frozen_name, row, column in self.initially_frozen:
                    if frozen_name == name:
                        mask[row, column] = True
            masks[name] = mask
        self._frozen = masks

    def weight_index(self, name: str, row: int, column: int) -> tuple[int, int]:
        """(row, column) checked against network()'s shape of `name`; ParamError saying what exists."""
        shapes = self.weight_shapes()
        if name not in shapes:
            raise ParamError(f"{self.id} has no weight array {name!r}; known: {', '.join(shapes)}")
        rows_, columns = shapes[name]
        if not (isinstance(row, int | np.integer) and isinstance(column, int | np.integer)
                and 0 <= row < rows_ and 0 <= column < columns):
            raise ParamError(f"{name} has rows 0..{rows_ - 1} and columns 0..{columns - 1} (got [{row}, {column}])")
        return int(row), int(column)

    @staticmethod
    def checked_weight(value: float) -> float:
        """A weight value as a finite float, or ParamError."""
        try:
            out = float(value)
        except (TypeError, ValueError):
            raise ParamError(f"a weight must be a number (got {value!r})") from None
        if not math.isfinite(out):
            raise ParamError(f"a weight must be a finite number (got {value!r})")
        return out

    def set_frozen(self, name: str, row: int, column: int, frozen: bool) -> None:
        """Freeze (or free) one weight as network() shows it: while frozen its weight_delta is 0."""
        row, column = self.weight_index(name, row, column)
        mask = self._frozen[name].copy()  # copy on write: earlier state() snapshots stay as they were
        mask[row, column] = bool(frozen)
        self._frozen[name] = mask

    def frozen(self, name: str) -> np.ndarray:
        """A copy of the freeze mask of `name` (network() orientation)."""
        return self._frozen[name].copy()

    def state(self) -> dict[str, Any]:
        out = super().state()
        out["frozen"] = {name: mask.copy() for name, mask in self._frozen.items()}
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self._frozen = {name: np.array(mask, dtype=bool) for name, mask in state["frozen"].items()}


def _alpha(default: float) -> Param:
    return Param("alpha", default, "learning rate: how much of each weight_delta a step applies", 0.0, 100.0,
                 live=True)


def _game_inputs() -> tuple[Param, ...]:
    return (
        Param("toes", TOES, "average number of toes per player (game 1)", -BOUND, BOUND, live=True),
        Param("wlrec", WLREC, "the team's win/loss record so far (game 1)", -BOUND, BOUND, live=True),
        Param("nfans", NFANS, "number of fans in millions (game 1)", -BOUND, BOUND, live=True),
    )


def _goals() -> Param:
    return Param("goals", (0.1, 1.0, 0.1), "goals of hurt?, win?, sad? (game 1)", -BOUND, BOUND, live=True)


COMPARE_ONE = ("delta = prediction − goal = {prediction} − {goal} = {delta}", "error = delta² = {error}")
COMPARE_MANY = ("delta = prediction − goals = {prediction} − {goals} = {delta}", "error = delta² = {error}")


class MultipleWeights(Freezable):
    """Shared state of the chapter: list weights, the last prediction and weight deltas."""

    chapter = 5

    def setup(self) -> None:
        super().setup()
        self.prediction: Any = None
        self.last_weight_deltas: Any = None

    def state_names(self) -> tuple[str, ...]:
        return ("weights", "prediction", "last_weight_deltas")

    def _next(self, name: str) -> Any:
        """A live parameter as the next iteration will see it (pending changes included)."""
        return self._pending.get(name, getattr(self, name))

    def _matrix(self) -> list[list[float]]:
        """The weights as network() shows them: rows = outputs."""
        raise NotImplementedError

    def _set_matrix(self, matrix: list[list[float]]) -> None:
        raise NotImplementedError

    def set_weight(self, name: str, row: int, column: int, value: float) -> None:
        """Edit one weight as network() shows it (rows = outputs); the run continues from it."""
        row, column = self.weight_index(name, row, column)
        matrix = [list(r) for r in self._matrix()]  # new lists: state() snapshots keep the old ones
        matrix[row][column] = self.checked_weight(value)
        self._set_matrix(matrix)

    def _weights_arg(self, weights: dict[str, np.ndarray]) -> list[list[float]]:
        if "weights" not in weights:
            return self._matrix()
        shape = self.weight_shapes()["weights"]
        array = np.asarray(weights["weights"], dtype=float)
        if array.size != shape[0] * shape[1]:
            raise ParamError(f"weights must have shape {shape} (got {array.shape})")
        return array.reshape(shape).tolist()

    def _network(self, inputs: tuple[str, ...], input_values: list[float], outputs: tuple[str, ...],
                 goals: list[float]) -> Network:
        last = None if self.last_weight_deltas is None else np.array(self._delta_matrix(), dtype=float)
        return Network(
            [Layer("input", inputs, input_values, code_name="input"),
             Layer("output", outputs, None if self.prediction is None else np.atleast_1d(self.prediction),
                   goals=goals, code_name="pred")],
            [Weights("weights", 0, 1, self._matrix(), frozen=self.frozen("weights"), last_delta=last,
                     code_name="weights")],
        )

    def _delta_matrix(self) -> list[list[float]]:
        raise NotImplementedError


class MultiInput(MultipleWeights):
    """Three inputs, one output: one delta, three weight deltas (delta x each input)."""

    id = "ch05.multi-input"
    title = "Gradient descent learning with multiple inputs"
    iterations = 3
    params = (
        _alpha(0.01),
        *_game_inputs(),
        Param("goal", 1.0, "the prediction we want: 1 = the team won", -BOUND, BOUND, live=True),
        Param("weights", (0.1, 0.2, -0.1), "initial weights of toes, wlrec, nfans", -BOUND, BOUND),
    )
    formulas = {
        Phase.PREDICT: ("prediction = w_sum(input, weights) = {input} · {weights} = {prediction}",),
        Phase.COMPARE: COMPARE_ONE,
        Phase.LEARN: ("weight_deltas = ele_mul(delta, input) = {delta} · {input} = {weight_deltas}",
                      "weights = weights − alpha · weight_deltas = {weights} − {alpha} · {weight_deltas} "
                      "= {new_weights}"),
    }

    def setup(self) -> None:
        super().setup()
        self.weights = list(self.weights)

    def weight_shapes(self) -> dict[str, tuple[int, int]]:
        return {"weights": (1, 3)}

    def _matrix(self) -> list[list[float]]:
        return [list(self.weights)]

    def _set_matrix(self, matrix: list[list[float]]) -> None:
        self.weights = list(matrix[0])

    def _delta_matrix(self) -> list[list[float]]:
        return [list(self.last_weight_deltas)]

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        input = [self.toes, self.wlrec, self.nfans]
        weights, goal, alpha = self.weights, self.goal, self.alpha
        prediction = w_sum(input, weights)
        self.prediction = prediction
        yield Phase.PREDICT, {"input": list(input), "weights": list(weights), "prediction": prediction}
        delta = prediction - goal
        error = delta * delta
        yield Phase.COMPARE, {"goal": goal, "delta": delta, "error": error}
        frozen = self._frozen["weights"][0]
        # The book's `weight_deltas[0] = 0`: a frozen weight's delta is the integer 0.
        weight_deltas = [0 if frozen[i] else delta * input[i] for i in range(len(input))]
        new_weights = [weights[i] - alpha * weight_deltas[i] for i in range(len(weights))]
        self.weights = new_weights
        self.last_weight_deltas = weight_deltas
        yield Phase.LEARN, {"alpha": alpha, "weight_deltas": list(weight_deltas), "new_weights": list(new_weights)}

    def network(self) -> Network:
        return self._network(INPUT_NAMES, [self.toes, self.wlrec, self.nfans], ("win?",), [self.goal])

    def error_for(self, weights: dict[str, np.ndarray]) -> float:
        """(w_sum(input, w) − goal)² for the 1 x 3 array weights["weights"]."""
        (row,) = self._weights_arg(weights)
        input = [self._next("toes"), self._next("wlrec"), self._next("nfans")]
        delta = w_sum(input, row) - self._next("goal")
        return delta * delta

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        """w_sum of each row of [toes, wlrec, nfans] with the current weights: n x 3 -> n x 1."""
        x = input_rows(inputs, 3)
        return np.array([[w_sum(list(r), self.weights)] for r in x.tolist()], dtype=float).reshape(-1, 1)


class FreezeWeight(MultiInput):
    """Weight 0 (toes) starts frozen; the other two weights still drive the error down."""

    id = "ch05.freeze-weight"
    title = "Freezing one weight"
    initially_frozen = (("weights", 0, 0),)
    params = (_alpha(0.3), *MultiInput.params[1:])


class MultiOutput(MultipleWeights):
    """One input, three outputs: three deltas, each weight delta = input x its delta."""

    id = "ch05.multi-output"
    title = "Gradient descent learning with multiple outputs"
    iterations = 1
    params = (
        _alpha(0.1),
        Param("wlrec", WLREC, "the team's win/loss record so far (game 1)", -BOUND, BOUND, live=True),
        _goals(),
        Param("weights", (0.3, 0.2, 0.9), "initial weights into hurt?, win?, sad?", -BOUND, BOUND),
    )
    formulas = {
        Phase.PREDICT: ("prediction = ele_mul(input, weights) = {input} × {weights} = {prediction}",),
        Phase.COMPARE: COMPARE_MANY,
        Phase.LEARN: ("weight_deltas = scalar_ele_mul(input, delta) = {input} × {delta} = {weight_deltas}",
                      "weights = weights − weight_deltas · alpha = {weights} − {weight_deltas} · {alpha} "
                      "= {new_weights}"),
    }

    def setup(self) -> None:
        super().setup()
        self.weights = list(self.weights)

    def weight_shapes(self) -> dict[str, tuple[int, int]]:
        return {"weights": (3, 1)}

    def _matrix(self) -> list[list[float]]:
        return [[w] for w in self.weights]

    def _set_matrix(self, matrix: list[list[float]]) -> None:
        self.weights = [r[0] for r in matrix]

    def _delta_matrix(self) -> list[list[float]]:
        return [[d] for d in self.last_weight_deltas]

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        input, weights, goals, alpha = self.wlrec, self.weights, list(self.goals), self.alpha
        prediction = [input * w for w in weights]
        self.prediction = prediction
        yield Phase.PREDICT, {"input": input, "weights": list(weights), "prediction": list(prediction)}
        delta = [prediction[i] - goals[i] for i in range(len(goals))]
        error = [d * d for d in delta]
        yield Phase.COMPARE, {"goals": goals, "delta": delta, "error": error}
        frozen = self._frozen["weights"][:, 0]
        weight_deltas = [0 if frozen[i] else input * delta[i] for i in range(len(delta))]
        new_weights = [weights[i] - weight_deltas[i] * alpha for i in range(len(weights))]
        self.weights = new_weights
        self.last_weight_deltas = weight_deltas
        yield Phase.LEARN, {"alpha": alpha, "weight_deltas": list(weight_deltas), "new_weights": list(new_weights)}

    def network(self) -> Network:
        return self._network(("wlrec",), [self.wlrec], OUTPUT_NAMES, list(self.goals))

    def error_for(self, weights: dict[str, np.ndarray]) -> float:
        """Σ_i (input · w_i − goal_i)² for the 3 x 1 array weights["weights"]."""
        matrix = self._weights_arg(weights)
        input, goals = self._next("wlrec"), self._next("goals")
        total = 0.0
        for (w,), goal in zip(matrix, goals, strict=True):
            delta = input * w - goal
            total += delta * delta
        return total

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        """input x each weight for each row of one input: n x 1 -> n x 3."""
        x = input_rows(inputs, 1)
        return np.array([[v * w for w in self.weights] for (v,) in x.tolist()], dtype=float).reshape(-1, 3)


class MultiInOut(MultipleWeights):
    """A 3 x 3 weight matrix: the weight deltas are the outer product of delta and input (quirk Q1)."""

    id = "ch05.multi-in-out"
    title = "Gradient descent with multiple inputs and outputs"
    iterations = 1
    params = (
        _alpha(0.01),
        *_game_inputs(),
        _goals(),
        Param("weights", (0.1, 0.1, -0.3, 0.1, 0.2, 0.0, 0.0, 1.3, 0.1),
              "initial 3x3 weights, row by row: rows hurt?, win?, sad?; columns toes, wlrec, nfans",
              -BOUND, BOUND),
        book_faithful_param(),
    )
    formulas = {
        Phase.PREDICT: ("prediction = vect_mat_mul(input, weights) = {prediction}",),
        Phase.COMPARE: COMPARE_MANY,
        Phase.LEARN: ("weight_deltas = outer_prod(delta, input) = {weight_deltas}",
                      "weights = weights − alpha · weight_deltas = {new_weights}"),
    }
    #: The printed book's code (Q1): the weight deltas the other way round, the transpose of the correct ones.
    book_formulas = {
        Phase.LEARN: ("weight_deltas = outer_prod(input, delta) = {weight_deltas}",
                      "weights = weights − alpha · weight_deltas = {new_weights}"),
    }

    def setup(self) -> None:
        super().setup()
        self.weights = rows(self.weights)

    def weight_shapes(self) -> dict[str, tuple[int, int]]:
        return {"weights": (3, 3)}

    def _matrix(self) -> list[list[float]]:
        return [list(r) for r in self.weights]

    def _set_matrix(self, matrix: list[list[float]]) -> None:
        self.weights = [list(r) for r in matrix]

    def _delta_matrix(self) -> list[list[float]]:
        return [list(r) for r in self.last_weight_deltas]

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        input = [self.toes, self.wlrec, self.nfans]
        weights, goals, alpha = self.weights, list(self.goals), self.alpha
        prediction = vect_mat_mul(input, weights)
        self.prediction = prediction
        yield Phase.PREDICT, {"input": list(input), "weights": self._matrix(), "prediction": list(prediction)}
        delta = [prediction[i] - goals[i] for i in range(len(goals))]
        error = [d * d for d in delta]
        yield Phase.COMPARE, {"goals": goals, "delta": delta, "error": error}
        # Correct: weight_deltas[i][j] = delta[i] * input[j] (row i = output i), the notebook's
        # outer_prod(delta, input). The printed book calls outer_prod(input, delta): the transpose (Q1).
        a, b = (input, delta) if self.book_faithful else (delta, input)
        frozen = self._frozen["weights"]
        weight_deltas = [[0 if frozen[i, j] else a[i] * b[j] for j in range(len(b))] for i in range(len(a))]
        new_weights = [[weights[i][j] - alpha * weight_deltas[i][j] for j in range(len(weights[0]))]
                       for i in range(len(weights))]
        self.weights = new_weights
        self.last_weight_deltas = weight_deltas
        yield Phase.LEARN, {"alpha": alpha, "weight_deltas": [list(r) for r in weight_deltas],
                            "new_weights": [list(r) for r in new_weights]}

    def network(self) -> Network:
        return self._network(INPUT_NAMES, [self.toes, self.wlrec, self.nfans], OUTPUT_NAMES, list(self.goals))

    def error_for(self, weights: dict[str, np.ndarray]) -> float:
        """Σ_i (w_sum(input, W_i) − goal_i)² for the 3 x 3 array weights["weights"]."""
        matrix = self._weights_arg(weights)
        input = [self._next("toes"), self._next("wlrec"), self._next("nfans")]
        total = 0.0
        for prediction, goal in zip(vect_mat_mul(input, matrix), self._next("goals"), strict=True):
            delta = prediction - goal
            total += delta * delta
        return total

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        """vect_mat_mul of each row of [toes, wlrec, nfans] with the current weights: n x 3 -> n x 3."""
        x = input_rows(inputs, 3)
        return np.array([vect_mat_mul(list(r), self.weights) for r in x.tolist()], dtype=float).reshape(-1, 3)


def input_rows(inputs: np.ndarray, width: int) -> np.ndarray:
    """Inputs as rows of `width` finite numbers, or ParamError saying what is wanted."""
    try:
        x = np.asarray(inputs, dtype=float)
    except (TypeError, ValueError):
        raise ParamError(f"inputs must be numbers in rows of {width}") from None
    if x.ndim == 1 and x.size == width:
        x = x.reshape(1, width)
    if x.ndim != 2 or x.shape[1] != width or not np.all(np.isfinite(x)):
        raise ParamError(f"inputs must be finite numbers in rows of {width} (got shape {x.shape})")
    return x


EXPERIMENTS = (MultiInput, FreezeWeight, MultiOutput, MultiInOut)
