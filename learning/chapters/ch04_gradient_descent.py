"""Chapter 4: compare, hot and cold learning, gradient descent, divergence and alpha.

One weight, one input: prediction = input * weight; error = (prediction - goal)^2.
Squares are written `delta * delta`: a product is always correctly rounded, `** 2` (libm pow) not
on every platform (BOOK.md section 1.2).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import numpy as np

from learning.experiment import Experiment, Param, ParamError, Phase
from learning.network import Layer, Network, Weights

BOUND = 1000.0


def _params(weight: float, input: float, goal: float, alpha: float | None = None) -> tuple[Param, ...]:
    out = (
        Param("input", input, "the input value fed to the network", -BOUND, BOUND, live=True),
        Param("goal", goal, "the prediction we want (goal_pred)", -BOUND, BOUND, live=True),
        Param("weight", weight, "the weight the run starts from", -BOUND, BOUND),
    )
    if alpha is not None:
        out = (Param("alpha", alpha, "learning rate: how much of weight_delta each step applies", 0.0, 100.0,
                     live=True), *out)
    return out


PREDICT = ("prediction = input · weight = {input} · {weight} = {prediction}",)
COMPARE = ("delta = prediction − goal = {prediction} − {goal} = {delta}", "error = delta² = {error}")
PROBE = ("up_error = (input · (weight + step_amount) − goal)² = {up_error}",
         "down_error = (input · (weight − step_amount) − goal)² = {down_error}")


class OneWeight(Experiment):
    """Shared state and diagram of the chapter's one-weight network."""

    chapter = 4
    formulas = {Phase.PREDICT: PREDICT, Phase.COMPARE: COMPARE}

    def setup(self) -> None:
        self.prediction: float | None = None
        self.last_weight_delta: float | None = None

    def state_names(self) -> tuple[str, ...]:
        return ("weight", "prediction", "last_weight_delta")

    def set_weight(self, name: str, row: int, column: int, value: float) -> None:
        """The only weight is [0, 0] of "weight"."""
        if (name, row, column) != ("weight", 0, 0):
            super().set_weight(name, row, column, value)
        if not math.isfinite(float(value)):
            raise ParamError(f"a weight must be a finite number (got {value!r})")
        self.weight = float(value)

    def error_for(self, weights: dict[str, np.ndarray]) -> float:
        """(input * w - goal)^2 at w = weights["weight"] (shape (1, 1), as network() shows it)."""
        w = float(np.asarray(weights["weight"], dtype=float).reshape(-1)[0])
        delta = self.input * w - self.goal
        return delta * delta

    def network(self) -> Network:
        pred = None if self.prediction is None else [self.prediction]
        last = None if self.last_weight_delta is None else [[self.last_weight_delta]]
        return Network(
            [Layer("input", ("input",), [self.input], code_name="input"),
             Layer("output", ("prediction",), pred, goals=[self.goal], code_name="pred")],
            [Weights("weight", 0, 1, [[self.weight]], last_delta=last, code_name="weight")],
        )


class Compare(OneWeight):
    id = "ch04.compare"
    title = "Compare: how wrong is a prediction?"
    params = _params(weight=0.5, input=0.5, goal=0.8)
    phases_used = (Phase.PREDICT, Phase.COMPARE)
    formulas = {Phase.PREDICT: PREDICT,
                Phase.COMPARE: ("error = (prediction − goal)² = ({prediction} − {goal})² = {error}",)}

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        input, weight, goal = self.input, self.weight, self.goal
        prediction = input * weight
        self.prediction = prediction
        yield Phase.PREDICT, dict(input=input, weight=weight, prediction=prediction)
        delta = prediction - goal
        error = delta * delta
        yield Phase.COMPARE, dict(goal=goal, delta=delta, error=error)


class HotColdProbe(OneWeight):
    id = "ch04.hot-cold-probe"
    title = "Learning: which way is hot?"
    params = (*_params(weight=0.1, input=8.5, goal=1.0),
              Param("step_amount", 0.01, "how far to try the weight up and down", 0.0, BOUND, live=True))
    formulas = {Phase.PREDICT: PREDICT, Phase.COMPARE: COMPARE, Phase.LEARN: PROBE}

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        input, weight, goal, step_amount = self.input, self.weight, self.goal, self.step_amount
        prediction = input * weight
        self.prediction = prediction
        yield Phase.PREDICT, dict(input=input, weight=weight, prediction=prediction)
        delta = prediction - goal
        error = delta * delta
        yield Phase.COMPARE, dict(goal=goal, delta=delta, error=error)
        up_prediction = input * (weight + step_amount)
        up_delta = up_prediction - goal
        up_error = up_delta * up_delta
        down_prediction = input * (weight - step_amount)
        down_delta = down_prediction - goal
        down_error = down_delta * down_delta
        yield Phase.LEARN, dict(step_amount=step_amount, up_prediction=up_prediction, up_error=up_error,
                            down_prediction=down_prediction, down_error=down_error)


class HotCold(OneWeight):
    id = "ch04.hot-cold"
    title = "Hot and cold learning"
    iterations = 1101
    params = (*_params(weight=0.5, input=0.5, goal=0.8),
              Param("step_amount", 0.001, "how far the weight moves each iteration", 0.0, BOUND, live=True))
    formulas = {Phase.PREDICT: PREDICT, Phase.COMPARE: COMPARE,
                Phase.LEARN: (*PROBE, "weight = weight ∓ step_amount toward the smaller error = {new_weight}")}

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        input, weight, goal, step_amount = self.input, self.weight, self.goal, self.step_amount
        prediction = input * weight
        self.prediction = prediction
        yield Phase.PREDICT, dict(input=input, weight=weight, prediction=prediction)
        delta = prediction - goal
        error = delta * delta
        yield Phase.COMPARE, dict(goal=goal, delta=delta, error=error)
        up_prediction = input * (weight + step_amount)
        up_error = (goal - up_prediction) * (goal - up_prediction)
        down_prediction = input * (weight - step_amount)
        down_error = (goal - down_prediction) * (goal - down_prediction)
        if down_error < up_error:
            self.weight = weight - step_amount
        if down_error > up_error:
            self.weight = weight + step_amount
        self.last_weight_delta = weight - self.weight
        yield Phase.LEARN, dict(step_amount=step_amount, up_error=up_error, down_error=down_error,
                            new_weight=self.weight)


class GradientDescent(OneWeight):
    """Direction and amount from the error: weight -= alpha * (delta * input)."""

    id = "ch04.gradient-descent"
    title = "Gradient descent: direction and amount from the error"
    iterations = 20
    params = _params(weight=0.5, input=0.5, goal=0.8, alpha=1.0)
    formulas = {
        Phase.PREDICT: PREDICT,
        Phase.COMPARE: COMPARE,
        Phase.LEARN: ("weight_delta = delta · input = {delta} · {input} = {weight_delta}",
                      "weight = weight − alpha · weight_delta = {weight} − {alpha} · {weight_delta} = {new_weight}"),
    }

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        input, weight, goal, alpha = self.input, self.weight, self.goal, self.alpha
        prediction = input * weight
        self.prediction = prediction
        yield Phase.PREDICT, dict(input=input, weight=weight, prediction=prediction)
        delta = prediction - goal
        error = delta * delta
        yield Phase.COMPARE, dict(goal=goal, delta=delta, error=error)
        weight_delta = delta * input
        self.weight = weight - alpha * weight_delta
        self.last_weight_delta = weight_delta
        yield Phase.LEARN, dict(alpha=alpha, weight_delta=weight_delta, new_weight=self.weight)

    def divergence_facts(self) -> dict[str, float]:
        """Each step multiplies delta by (1 - alpha * input^2): it overshoots past 1 and grows past 2."""
        alpha_input_squared = self.alpha * self.input * self.input
        return {"alpha": self.alpha, "input": self.input, "alpha_input_squared": alpha_input_squared,
                "step_factor": 1.0 - alpha_input_squared}


class OneIteration(GradientDescent):
    id = "ch04.one-iteration"
    title = "One iteration of gradient descent"
    iterations = 1
    params = _params(weight=0.1, input=8.5, goal=1.0, alpha=0.01)


class ReduceError(GradientDescent):
    id = "ch04.reduce-error"
    title = "Learning is just reducing error"
    iterations = 4
    params = _params(weight=0.0, input=0.5, goal=0.8, alpha=1.0)


class WatchSteps(GradientDescent):
    id = "ch04.watch-steps"
    title = "Derivatives: watching several steps of learning"
    iterations = 4
    params = _params(weight=0.0, input=1.1, goal=0.8, alpha=1.0)


class Divergence(GradientDescent):
    id = "ch04.divergence"
    title = "Breaking gradient descent: divergence"
    iterations = 20
    params = _params(weight=0.5, input=2.0, goal=0.8, alpha=1.0)


class Alpha(GradientDescent):
    id = "ch04.alpha"
    title = "Meet alpha"
    iterations = 20
    params = _params(weight=0.5, input=2.0, goal=0.8, alpha=0.1)


EXPERIMENTS = (Compare, HotColdProbe, HotCold, GradientDescent, OneIteration, ReduceError, WatchSteps,
               Divergence, Alpha)
