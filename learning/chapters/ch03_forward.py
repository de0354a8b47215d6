"""Chapter 3: forward propagation. Predictions only; nothing learns yet."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from learning.experiment import Experiment, Param, Phase
from learning.network import Layer, Network, Weights

# Game 1 of the chapter's "baseball games": toes, win/loss record, fans (millions).
TOES, WLREC, NFANS = 8.5, 0.65, 1.2
INPUT_NAMES = ("toes", "wlrec", "nfans")
OUTPUT_NAMES = ("hurt?", "win?", "sad?")


def w_sum(a: list[float], b: list[float]) -> float:
    """Weighted sum, left to right from 0, as the book's pure-Python loop adds it."""
    output = 0
    for i in range(len(a)):
        output += a[i] * b[i]
    return output


def vect_mat_mul(vect: list[float], matrix: list[list[float]]) -> list[float]:
    """One weighted sum per matrix row: row i holds the weights into output i."""
    return [w_sum(vect, row) for row in matrix]


def rows(flat: tuple[float, ...], n: int = 3) -> list[list[float]]:
    """A row-major tuple of n*n numbers as a list of n rows."""
    return [list(flat[i * n:(i + 1) * n]) for i in range(n)]


def _inputs() -> tuple[Param, ...]:
    return (
        Param("toes", TOES, "average number of toes per player (game 1)", -100.0, 100.0, live=True),
        Param("wlrec", WLREC, "the team's win/loss record so far (game 1)", -100.0, 100.0, live=True),
        Param("nfans", NFANS, "number of fans in millions (game 1)", -100.0, 100.0, live=True),
    )


class Forward(Experiment):
    """Shared shape of the chapter: one PREDICT phase and a diagram with the last prediction."""

    chapter = 3
    phases_used = (Phase.PREDICT,)

    def setup(self) -> None:
        self.prediction: Any = None

    def state_names(self) -> tuple[str, ...]:
        return ("prediction",)


class SingleInput(Forward):
    id = "ch03.single-input"
    title = "A simple neural network making a prediction"
    formulas = {Phase.PREDICT: ("prediction = input · weight = {input} · {weight} = {prediction}",)}
    params = (
        Param("input", 8.5, "the input: number of toes", -100.0, 100.0, live=True),
        Param("weight", 0.1, "the network's only weight", -100.0, 100.0, live=True),
    )

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        input, weight = self.input, self.weight
        prediction = input * weight
        self.prediction = prediction
        yield Phase.PREDICT, dict(input=input, weight=weight, prediction=prediction)

    def network(self) -> Network:
        pred = None if self.prediction is None else [self.prediction]
        return Network(
            [Layer("input", ("toes",), [self.input], code_name="input"),
             Layer("output", ("win?",), pred, code_name="pred")],
            [Weights("weight", 0, 1, [[self.weight]], code_name="weight")],
        )


class MultiInput(Forward):
    id = "ch03.multi-input"
    title = "Making a prediction with multiple inputs"
    formulas = {Phase.PREDICT: ("prediction = w_sum(input, weights) = {input} · {weights} = {prediction}",)}
    params = (*_inputs(), Param("weights", (0.1, 0.2, 0.0), "weights of toes, wlrec, nfans", -100.0, 100.0,
                                live=True))

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        input = [self.toes, self.wlrec, self.nfans]
        weights = list(self.weights)
        prediction = w_sum(input, weights)
        self.prediction = prediction
        yield Phase.PREDICT, dict(input=input, weights=weights, prediction=prediction)

    def network(self) -> Network:
        pred = None if self.prediction is None else [self.prediction]
        return Network(
            [Layer("input", INPUT_NAMES, [self.toes, self.wlrec, self.nfans], code_name="input"),
             Layer("output", ("win?",), pred, code_name="pred")],
            [Weights("weights", 0, 1, [list(self.weights)], code_name="weights")],
        )


class MultiOutput(Forward):
    id = "ch03.multi-output"
    title = "Making a prediction with multiple outputs"
    formulas = {Phase.PREDICT: ("prediction = ele_mul(input, weights) = {input} × {weights} = {prediction}",)}
    params = (
        Param("wlrec", WLREC, "the team's win/loss record so far (game 1)", -100.0, 100.0, live=True),
        Param("weights", (0.3, 0.2, 0.9), "weights into hurt?, win?, sad?", -100.0, 100.0, live=True),
    )

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        input, weights = self.wlrec, list(self.weights)
        prediction = [input * w for w in weights]
        self.prediction = prediction
        yield Phase.PREDICT, dict(input=input, weights=weights, prediction=prediction)

    def network(self) -> Network:
        return Network(
            [Layer("input", ("wlrec",), [self.wlrec], code_name="input"),
             Layer("output", OUTPUT_NAMES, self.prediction, code_name="pred")],
            [Weights("weights", 0, 1, [[w] for w in self.weights], code_name="weights")],
        )


class MultiInOut(Forward):
    id = "ch03.multi-in-out"
    title = "Predicting with multiple inputs and outputs"
    formulas = {Phase.PREDICT: ("prediction = vect_mat_mul(input, weights) = {prediction}",)}
    params = (*_inputs(), Param(
        "weights", (0.1, 0.1, -0.3, 0.1, 0.2, 0.0, 0.0, 1.3, 0.1),
        "3x3 weights, row by row: rows hurt?, win?, sad?; columns toes, wlrec, nfans", -100.0, 100.0, live=True))

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        input = [self.toes, self.wlrec, self.nfans]
        weights = rows(self.weights)
        prediction = vect_mat_mul(input, weights)
        self.prediction = prediction
        yield Phase.PREDICT, dict(input=input, weights=weights, prediction=prediction)

    def network(self) -> Network:
        return Network(
            [Layer("input", INPUT_NAMES, [self.toes, self.wlrec, self.nfans], code_name="input"),
             Layer("output", OUTPUT_NAMES, self.prediction, code_name="pred")],
            [Weights("weights", 0, 1, rows(self.weights), code_name="weights")],
        )


class Stacked(Forward):
    id = "ch03.stacked"
    title = "Predicting on predictions"
    formulas = {Phase.PREDICT: ("hid = vect_mat_mul(input, ih_wgt) = {hid}",
                                "prediction = vect_mat_mul(hid, hp_wgt) = {prediction}")}
    params = (
        *_inputs(),
        Param("ih_wgt", (0.1, 0.2, -0.1, -0.1, 0.1, 0.9, 0.1, 0.4, 0.1),
              "input -> hidden weights, row by row (rows hid[0..2])", -100.0, 100.0, live=True),
        Param("hp_wgt", (0.3, 1.1, -0.3, 0.1, 0.2, 0.0, 0.0, 1.3, 0.1),
              "hidden -> prediction weights, row by row (rows hurt?, win?, sad?)", -100.0, 100.0, live=True),
    )

    def setup(self) -> None:
        super().setup()
        self.hid: Any = None

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        input = [self.toes, self.wlrec, self.nfans]
        ih_wgt, hp_wgt = rows(self.ih_wgt), rows(self.hp_wgt)
        hid = vect_mat_mul(input, ih_wgt)
        prediction = vect_mat_mul(hid, hp_wgt)
        self.hid, self.prediction = hid, prediction
        yield Phase.PREDICT, dict(input=input, ih_wgt=ih_wgt, hid=hid, hp_wgt=hp_wgt,
                              prediction=prediction)

    def state_names(self) -> tuple[str, ...]:
        return ("prediction", "hid")

    def network(self) -> Network:
        return Network(
            [Layer("input", INPUT_NAMES, [self.toes, self.wlrec, self.nfans], code_name="input"),
             Layer("hidden", ("hid[0]", "hid[1]", "hid[2]"), self.hid, code_name="hid"),
             Layer("output", OUTPUT_NAMES, self.prediction, code_name="pred")],
            [Weights("ih_wgt", 0, 1, rows(self.ih_wgt), code_name="ih_wgt"),
             Weights("hp_wgt", 1, 2, rows(self.hp_wgt), code_name="hp_wgt")],
        )


EXPERIMENTS = (SingleInput, MultiInput, MultiOutput, MultiInOut, Stacked)
