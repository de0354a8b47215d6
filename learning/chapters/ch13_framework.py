"""Chapter 13: the autograd framework, checked part by part, then training the toy networks on it.

Every experiment here runs on learning.framework (numpy-baseline is the plain-numpy network the chapter
starts from). The toy networks sum their matrix products left to right (`ordered=True`, BOOK.md 1.2), so
their losses are the book's digits, and draw the book's Tensor ids at the points their entries list
(`id_draws(rs, 100000)`, BOOK.md 1.4). `AutogradExperiment` is the base chapters 14 and 15 build on too:
parameters as tensors, rewind through state(), and the current iteration's computation graph for views.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from learning.experiment import Experiment, Param, Phase, no_quirk_param
from learning.framework import (
    NAIVE,
    SGD,
    STRICT,
    CrossEntropyLoss,
    Embedding,
    Layer,
    Linear,
    MSELoss,
    Policy,
    Sequential,
    Sigmoid,
    Tanh,
    Tensor,
    id_draws,
    ordered_dot,
)
from learning.framework.graph import Trace, trace
from learning.framework.ops import softmax
from learning.network import DataTable, Network, Weights
from learning.network import Layer as DiagramLayer
from learning.statespec import Log, Maybe

#: The toy data of chapter 13: the target is the second input bit.
TOY_DATA = ((0, 0), (0, 1), (1, 0), (1, 1))
TOY_TARGET = ((0,), (1,), (0,), (1,))
#: The embedding experiments' word indices and targets.
WORDS = (1, 2, 1, 2)
WORD_CLASSES = (0, 1, 0, 1)
BOOK_IDS = 100000  # chapter 13's Tensor ids: randint(0, 100000)


def alpha_param(default: float) -> Param:
    """The learning rate, live."""
    return Param("alpha", default, "learning rate of SGD: data ← data − alpha · grad", 0.0, 100.0, live=True)


class AutogradExperiment(Experiment):
    """An experiment on the framework. Subclasses build `self.optim` (an SGD over every parameter) in
    setup(), set `self.graph_root` to the tensor a graph view should draw (the prediction after PREDICT, the
    loss after COMPARE) and name their layers in `graph_layers()`."""

    chapter = 13
    default_seed = 0

    def setup(self) -> None:
        self.ids = id_draws(self.rs, BOOK_IDS)
        self.graph_root: Tensor | None = None
        self.build()

    def build(self) -> None:
        """Data tensors, layers and the optimiser, drawing from self.rs (and self.ids) in the book's order."""
        raise NotImplementedError

    def parameters(self) -> list[Tensor]:
        """The tensors SGD updates."""
        return self.optim.parameters

    def graph_layers(self) -> dict[str, Layer]:
        """The model's layers by the names the code uses, for naming a trace's groups and parameters."""
        return {}

    def graph(self) -> Trace | None:
        """The current iteration's computation graph (None before the first forward pass); after LEARN the
        parameters as the forward pass used them, with the gradients the step used."""
        if self.graph_root is None:
            return None
        return trace(self.graph_root, self.graph_layers(), getattr(self, "optim", None))

    def state(self) -> dict[str, Any]:
        out = super().state()
        out["parameters"] = [p.data.copy() for p in self.parameters()]
        out["grads"] = [None if p.grad is None else p.grad.data.copy() for p in self.parameters()]
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        for p, data, grad in zip(self.parameters(), state["parameters"], state["grads"], strict=True):
            p.data = data.copy()
            p.grad = None if grad is None else Tensor(grad)
        self.graph_root = None

    def state_spec(self) -> dict[str, Any]:
        """Each parameter's gradient, once a backward pass made one, shaped as the parameter."""
        data = [p.data for p in self.parameters()]
        return {"parameters": data or Log(None, 0), "grads": [Maybe(d) for d in data] or Log(None, 0)}


# -- ch13.tensor-basics ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Check:
    """One of the chapter's checks: the book's part, what it builds, whether it tests a gradient."""

    part: int
    policy: Policy
    what: str
    tests_gradient: bool = True


CHECKS = (
    Check(1, STRICT, "x = [1, 2, 3, 4, 5]; y = x + x", tests_gradient=False),
    Check(2, STRICT, "z = x + y; z.backward(ones); then g = (a + b) + (c + d); g.backward(ones)"),
    Check(3, NAIVE, "naive Tensor: d = a + b; e = b + c; f = d + e; f.backward(ones); b.grad == 2?"),
    Check(4, STRICT, "with child counting: the same; b.grad == 2?"),
    Check(5, STRICT, "negation: d = a + (−b); e = (−b) + c; f = d + e; b.grad == −2?"),
    Check(6, STRICT, "the full class: the negation check again; sum and expand of [[1,2,3],[4,5,6]]"),
    Check(14, STRICT, "index_select: eye(5) rows [[1,2,3],[2,3,4]]; backward from ones"),
)


def ones5() -> Tensor:
    return Tensor(np.array([1, 1, 1, 1, 1]))


class TensorBasics(AutogradExperiment):
    """The chapter's checks, one per iteration: build the tensors (predict), state what the check expects
    (compare), run backward and test (learn). Check 3 uses the naive Tensor and prints all False on purpose."""

    id = "ch13.tensor-basics"
    title = "Tensors and autograd, checked"
    iterations = len(CHECKS)
    params = (
        Param("child_counting", False, "check 3 with child counting (the Tensor of check 4): b, used twice, then "
              "waits for both gradients and its gradient is right", live=True),
        no_quirk_param(),
    )
    gradient_formulas: ClassVar[dict[Phase, tuple[str, ...]]] = {
        Phase.PREDICT: ("check {part}: result = {result}",),
        Phase.COMPARE: ("expected gradient = {expected}",),
        Phase.LEARN: ("gradient = {grad}", "gradient == expected everywhere: {passed}"),
    }
    #: A check that tests no gradient (check 1: the forward sum only) has no expected or computed gradient to show.
    forward_formulas: ClassVar[dict[Phase, tuple[str, ...]]] = {
        Phase.PREDICT: gradient_formulas[Phase.PREDICT],
        Phase.COMPARE: ("check {part} tests the forward pass only: no gradient is expected",),
        Phase.LEARN: ("no backward pass",),
    }

    @property
    def formulas(self) -> dict[Phase, tuple[str, ...]]:  # type: ignore[override]
        """The math of the check shown (the last one begun)."""
        return self.gradient_formulas if CHECKS[self.shown_check].tests_gradient else self.forward_formulas

    def build(self) -> None:
        self.optim = SGD([])
        self.printed: list[str] = []
        self.policy: Policy = STRICT  # the current check's version of backward (NAIVE in check 3), for views
        self.shown_check = 0  # the index in CHECKS of the check whose math is shown

    def state_names(self) -> tuple[str, ...]:
        return ("shown_check",)

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        self.shown_check = self.iteration_index % len(CHECKS)
        check = CHECKS[self.shown_check]
        policy = STRICT if self.child_counting else check.policy  # the fix of check 4, when asked for
        # PREDICT: the tensors of this check and its forward expression
        t = self.forward(check.part)
        self.graph_root, self.policy = t["root"], policy
        self.printed = list(t["printed"])
        yield Phase.PREDICT, {"part": check.part, "what": check.what, "result": t["root"].data.copy(),
                              "forward_printed": tuple(self.printed)}
        # COMPARE: the gradient the check expects (None where it tests no gradient)
        expected = t.get("expected")
        yield Phase.COMPARE, {"expected": expected}
        # LEARN: backward with this check's version of the Tensor, then the book's test
        if t.get("seed") is not None:
            t["root"].backward(t["seed"], policy=policy)
        grad, test = self.after_backward(check.part, t)
        self.printed += test
        passed = None if expected is None else bool(np.array_equal(grad, expected))
        learned: dict[str, Any] = {"policy": policy.name, "grad": grad, "passed": passed,
                                   "printed": tuple(self.printed)}
        if expected is not None:  # a number the course can read: 0 when the check passes
            learned["wrong_elements"] = int(np.sum(np.asarray(grad) != expected))
        yield Phase.LEARN, learned

    @staticmethod
    def forward(part: int) -> dict[str, Any]:
        """The tensors of check `part` and the book's prints of its forward pass."""
        if part == 1:
            x = Tensor([1, 2, 3, 4, 5], name="x")
            y = x + x
            y.name = "y"
            return {"root": y, "printed": [str(x), str(y)]}
        if part == 2:
            x = Tensor(np.array([1, 2, 3, 4, 5]), autograd=True, name="x")
            y = Tensor(np.array([2, 2, 2, 2, 2]), autograd=True, name="y")
            z = x + y
            z.name = "z"
            return {"root": z, "x": x, "y": y, "seed": ones5(), "expected": np.ones(5, dtype=int), "printed": []}
        if part == 14:
            x = Tensor(np.eye(5), autograd=True, name="x")
            y = x.index_select(Tensor([[1, 2, 3], [2, 3, 4]]))
            y.name = "y"
            counts = np.array([0.0, 1.0, 2.0, 2.0, 1.0])[:, None] * np.ones((5, 5))
            return {"root": y, "x": x, "seed": np.ones_like(y.data), "expected": counts, "printed": []}
        a = Tensor([1, 2, 3, 4, 5], autograd=True, name="a")
        b = Tensor([2, 2, 2, 2, 2], autograd=True, name="b")
        c = Tensor([5, 4, 3, 2, 1], autograd=True, name="c")
        if part in (3, 4):
            d = a + b
            e = b + c
            expected = np.array([2, 2, 2, 2, 2])
        else:
            d = a + (-b)
            e = (-b) + c
            expected = np.array([-2, -2, -2, -2, -2])
        f = d + e
        d.name, e.name, f.name = "d", "e", "f"  # the book's names, for the graph view
        out: dict[str, Any] = {"root": f, "b": b, "seed": ones5(), "expected": expected, "printed": []}
        if part == 6:
            x = Tensor(np.array([[1, 2, 3], [4, 5, 6]]))
            out["printed"] = [str(x.sum(0)), str(x.sum(1)), str(x.expand(dim=2, copies=4))]
        return out

    @staticmethod
    def after_backward(part: int, t: dict[str, Any]) -> tuple[np.ndarray | None, list[str]]:
        """(the gradient the check tests, the book's prints after backward)."""
        if part == 1:
            return None, []
        if part == 2:
            z = t["root"]
            x, y = t["x"], t["y"]
            a, b, c, d = (Tensor(np.array(v), autograd=True) for v in
                          ([1, 2, 3, 4, 5], [2, 2, 2, 2, 2], [5, 4, 3, 2, 1], [-1, -2, -3, -4, -5]))
            g = (a + b) + (c + d)
            g.backward(ones5())
            return x.grad.data, [str(x.grad), str(y.grad), str(z.creators), str(z.creation_op), str(a.grad)]
        if part == 14:
            return t["x"].grad.data, [str(t["x"].grad)]
        b = t["b"]
        return b.grad.data, [str(b.grad.data == t["expected"])]

    def network(self) -> Network:
        """A check is a few tensors, not a network: its computation graph (graph()) is its picture."""
        raise NotImplementedError


# -- ch13.numpy-baseline --------------------------------------------------------------------------------------
class NumpyBaseline(Experiment):
    """The 2 → 3 → 1 linear network with hand-written gradients, the chapter's starting point."""

    id = "ch13.numpy-baseline"
    title = "Previously we would train a model like this"
    chapter = 13
    default_seed = 0
    iterations = 10
    params = (alpha_param(0.1), no_quirk_param())
    formulas = {
        Phase.PREDICT: ("layer_1 = data · weights_0_1", "layer_2 = layer_1 · weights_1_2 = {layer_2}"),
        Phase.COMPARE: ("diff = layer_2 − target = {diff}", "loss = Σ diff² = {loss}"),
        Phase.LEARN: ("weight_1_2_update = layer_1ᵀ · diff = {weight_1_2_update}",
                      "weight_0_1_update = dataᵀ · (diff · weights_1_2ᵀ) = {weight_0_1_update}",
                      "weights −= update · alpha   (alpha = {alpha})"),
    }

    def setup(self) -> None:
        self.data = np.array(TOY_DATA)
        self.target = np.array(TOY_TARGET)
        self.weights_0_1 = self.rs.rand(2, 3)
        self.weights_1_2 = self.rs.rand(3, 1)
        self.layer_1: np.ndarray | None = None
        self.shown_layers: tuple[np.ndarray, np.ndarray] | None = None

    def state_names(self) -> tuple[str, ...]:
        return ("weights_0_1", "weights_1_2", "layer_1", "shown_layers")

    def state_spec(self) -> dict[str, Any]:
        """The diagram's row of the last forward pass, once there was one."""
        return {"shown_layers": Maybe((np.zeros(3), np.zeros(1)))}

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        # Predict (each product summed left to right: the book's digits, BOOK.md 1.2)
        layer_1 = ordered_dot(self.data, self.weights_0_1)
        layer_2 = ordered_dot(layer_1, self.weights_1_2)
        self.layer_1 = layer_1
        self.shown_layers = (layer_1[SHOWN_ROW].copy(), layer_2[SHOWN_ROW].copy())
        yield Phase.PREDICT, {"layer_1": layer_1.copy(), "layer_2": layer_2.copy()}
        # Compare
        diff = layer_2 - self.target
        sqdiff = diff * diff
        loss = sqdiff.sum(0)  # mean squared error loss
        yield Phase.COMPARE, {"diff": diff.copy(), "loss": float(loss[0]), "error": float(loss[0])}
        # Learn: this is the backpropagation piece
        layer_1_grad = ordered_dot(diff, self.weights_1_2.transpose())
        weight_1_2_update = ordered_dot(layer_1.transpose(), diff)
        weight_0_1_update = ordered_dot(self.data.transpose(), layer_1_grad)
        self.weights_1_2 = self.weights_1_2 - weight_1_2_update * self.alpha
        self.weights_0_1 = self.weights_0_1 - weight_0_1_update * self.alpha
        yield Phase.LEARN, {"alpha": self.alpha, "weight_1_2_update": weight_1_2_update.copy(),
                            "weight_0_1_update": weight_0_1_update.copy()}

    def network(self) -> Network:
        return toy_network(self.data, self.weights_0_1, self.weights_1_2, self.shown_layers)

    def data_table(self) -> DataTable:
        return toy_table()

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        x = np.asarray(inputs, dtype=float).reshape(-1, 2)
        return ordered_dot(ordered_dot(x, self.weights_0_1), self.weights_1_2)


SHOWN_ROW = 3  # the diagrams of the toy networks show the pattern [1, 1]


def toy_table() -> DataTable:
    """The four toy patterns and their targets, for the data table."""
    return DataTable(np.array(TOY_DATA, dtype=float), np.array(TOY_TARGET, dtype=float), ("x1", "x2"), ("y",),
                     None)


def toy_network(data: np.ndarray, w0: np.ndarray, w1: np.ndarray, shown: tuple[np.ndarray, np.ndarray] | None,
                hidden_activation: str | None = None, output_activation: str | None = None) -> Network:
    """input (2) → hidden (3) → output (1) for the pattern SHOWN_ROW, weights shown rows = outputs. The hidden and
    output values are `shown`: that pattern's as the last forward pass computed them (None before one), so that
    after a learn phase the diagram shows the prediction that was compared, beside the updated weights."""
    x = np.asarray(data[SHOWN_ROW], dtype=float)
    hidden, out = (None, None) if shown is None else shown
    return Network(
        [DiagramLayer("input", ("x1", "x2"), x, code_name="data"),
         DiagramLayer("hidden", ("h1", "h2", "h3"), hidden, activation=hidden_activation, code_name="hidden"),
         DiagramLayer("output", ("pred",), out, activation=output_activation, goals=TOY_TARGET[SHOWN_ROW],
                      code_name="pred")],
        [Weights("w0", 0, 1, np.asarray(w0).T.copy(), code_name="w0"),
         Weights("w1", 1, 2, np.asarray(w1).T.copy(), code_name="w1")])


class ToyAutograd(AutogradExperiment):
    """The toy loop of chapter 13: forward, loss, backward from ones, SGD; the loss is printed before the update."""

    iterations = 10

    def setup(self) -> None:
        #: (hidden, output) of the diagram's pattern SHOWN_ROW as the last forward pass computed them.
        self.shown_layers: tuple[np.ndarray, np.ndarray] | None = None
        super().setup()

    def state_names(self) -> tuple[str, ...]:
        return ("shown_layers",)

    def state_spec(self) -> dict[str, Any]:
        """The diagram's pattern of the last forward pass, once there was one."""
        outputs = self.network_outputs()
        return {**super().state_spec(), "shown_layers": Maybe((np.zeros(3), np.zeros(outputs)))}

    def network_outputs(self) -> int:
        """Units of the diagram's output layer."""
        return 1

    def shown_hidden(self) -> np.ndarray:
        """The hidden layer of the pattern SHOWN_ROW with the current weights (for the diagram)."""
        raise NotImplementedError

    def keep_shown(self, pred: Tensor) -> None:
        """Keep the diagram's pattern from this forward pass (before the weights learn from it)."""
        self.shown_layers = (self.shown_hidden(), np.array(pred.data[SHOWN_ROW], dtype=float).reshape(-1))

    def toy_tensors(self, data: Any, target: Any) -> None:
        """The data and target tensors, each drawing an id, as the book creates them first."""
        self.data = Tensor(np.array(data), autograd=True, id_draw=self.ids, name="data")
        self.target = Tensor(np.array(target), autograd=True, id_draw=self.ids, name="target")

    def learn_values(self) -> dict[str, Any]:
        """The LEARN phase's values: alpha and the gradient each parameter was stepped with."""
        out: dict[str, Any] = {"alpha": self.optim.alpha}
        for k, p in enumerate(self.parameters()):
            out[f"grad_{k}"] = self.optim.previous[p][1].copy() if p in self.optim.previous else None
        return out

    def data_table(self) -> DataTable | None:
        return toy_table() if self.data.shape == (4, 2) else None


class AutogradLinear(ToyAutograd):
    """pred = data · w0 · w1 trained by autograd and SGD: the same network as numpy-baseline."""

    id = "ch13.autograd-linear"
    title = "The same network with autograd; automatic optimization"
    params = (alpha_param(0.1), no_quirk_param())
    formulas = {
        Phase.PREDICT: ("pred = data · w0 · w1 = {pred}",),
        Phase.COMPARE: ("loss = Σ (pred − target)² = {loss}",),
        Phase.LEARN: ("w0.grad = {grad_0}", "w1.grad = {grad_1}", "w −= w.grad · alpha   (alpha = {alpha})"),
    }

    def build(self) -> None:
        self.toy_tensors(TOY_DATA, TOY_TARGET)
        self.w = [Tensor(self.rs.rand(2, 3), autograd=True, id_draw=self.ids, name="w0"),
                  Tensor(self.rs.rand(3, 1), autograd=True, id_draw=self.ids, name="w1")]
        self.optim = SGD(parameters=self.w, alpha=self.alpha)

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        self.optim.alpha = self.alpha
        # Predict
        pred = self.data.mm(self.w[0], ordered=True).mm(self.w[1], ordered=True)
        self.graph_root = pred
        self.keep_shown(pred)
        yield Phase.PREDICT, {"pred": pred.data.copy()}
        # Compare
        loss = ((pred - self.target) * (pred - self.target)).sum(0)
        self.graph_root = loss
        yield Phase.COMPARE, {"loss": loss.data.copy(), "error": float(loss.data.sum())}
        # Learn
        loss.backward(Tensor(np.ones_like(loss.data)))
        self.optim.step()
        yield Phase.LEARN, self.learn_values()

    def shown_hidden(self) -> np.ndarray:
        return ordered_dot(np.asarray(self.data.data[SHOWN_ROW:SHOWN_ROW + 1], dtype=float), self.w[0].data)[0]

    def network(self) -> Network:
        return toy_network(self.data.data, self.w[0].data, self.w[1].data, self.shown_layers)

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        x = Tensor(np.asarray(inputs, dtype=float).reshape(-1, 2))
        return x.mm(self.w[0], ordered=True).mm(self.w[1], ordered=True).data


class SequentialModel(ToyAutograd):
    """A Sequential model, a loss layer and SGD: the loop every later chapter uses."""

    def layers(self) -> list[Layer]:
        """The Sequential's layers, drawing from self.rs and self.ids in the book's order."""
        raise NotImplementedError

    def build(self) -> None:
        self.toy_tensors(TOY_DATA, TOY_TARGET)
        self.model = Sequential(self.layers())
        self.criterion: Layer = MSELoss()
        self.optim = SGD(parameters=self.model.get_parameters(), alpha=self.alpha)

    def graph_layers(self) -> dict[str, Layer]:
        return {"model": self.model, "criterion": self.criterion}

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        self.optim.alpha = self.alpha
        # Predict
        pred = self.model.forward(self.data)
        self.graph_root = pred
        self.keep_shown(pred)
        yield Phase.PREDICT, {"pred": pred.data.copy()}
        # Compare
        loss = self.criterion.forward(pred, self.target)
        self.graph_root = loss
        yield Phase.COMPARE, {"loss": loss.data.copy(), "error": float(loss.data.sum()), **self.compare_values(pred)}
        # Learn
        loss.backward(Tensor(np.ones_like(loss.data)))
        self.optim.step()
        yield Phase.LEARN, self.learn_values()

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        return self.model.forward(Tensor(np.asarray(inputs, dtype=float).reshape(-1, 2))).data

    def compare_values(self, pred: Tensor) -> dict[str, Any]:
        """Figures the COMPARE phase reports beside the loss (none by default)."""
        return {}

    def shown_hidden(self) -> np.ndarray:
        first = self.model.layers[0]
        hidden = np.asarray(self.data.data[SHOWN_ROW], dtype=float) @ first.weight.data + first.bias.data
        return np.tanh(hidden) if isinstance(self.model.layers[1], Tanh) else hidden

    def network(self) -> Network:
        linears = [layer for layer in self.model.layers if isinstance(layer, Linear)]
        activations = [type(layer).__name__.lower() for layer in self.model.layers if not isinstance(layer, Linear)]
        hidden = "tanh" if "tanh" in activations else None
        output = "sigmoid" if "sigmoid" in activations else None
        first, second = linears
        return toy_network(self.data.data, first.weight.data, second.weight.data, self.shown_layers, hidden, output)


class AutogradSequential(SequentialModel):
    """Sequential([Linear(2, 3), Linear(3, 1)]), MSELoss, SGD(alpha = 0.05)."""

    id = "ch13.autograd-sequential"
    title = "Layers, layers that contain layers, loss-function layers"
    params = (alpha_param(0.05), no_quirk_param())
    formulas = {
        Phase.PREDICT: ("pred = Linear(3, 1)(Linear(2, 3)(data)) = {pred}",),
        Phase.COMPARE: ("loss = MSELoss(pred, target) = Σ (pred − target)² = {loss}",),
        Phase.LEARN: ("loss.backward(ones); parameters[0].grad = {grad_0}",
                      "p.data −= p.grad · alpha for every parameter   (alpha = {alpha})"),
    }

    def layers(self) -> list[Layer]:
        return [Linear(2, 3, rs=self.rs, id_draw=self.ids, ordered=True),
                Linear(3, 1, rs=self.rs, id_draw=self.ids, ordered=True)]


class AutogradNonlinear(SequentialModel):
    """Sequential([Linear(2, 3), Tanh(), Linear(3, 1), Sigmoid()]), MSELoss, SGD(alpha = 1)."""

    id = "ch13.autograd-nonlinear"
    title = "Non-linearity layers"
    params = (alpha_param(1.0), no_quirk_param())
    formulas = {
        Phase.PREDICT: ("pred = Sigmoid(Linear(3, 1)(Tanh(Linear(2, 3)(data)))) = {pred}",),
        Phase.COMPARE: AutogradSequential.formulas[Phase.COMPARE],
        Phase.LEARN: AutogradSequential.formulas[Phase.LEARN],
    }

    def layers(self) -> list[Layer]:
        return [Linear(2, 3, rs=self.rs, id_draw=self.ids, ordered=True), Tanh(),
                Linear(3, 1, rs=self.rs, id_draw=self.ids, ordered=True), Sigmoid()]


class EmbeddingModel(SequentialModel):
    """Embedding → Tanh → Linear (→ Sigmoid): a word index in, one output per word."""

    vocab: ClassVar[int] = 5
    outputs: ClassVar[int] = 1

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        return self.model.forward(Tensor(np.asarray(inputs, dtype=int).reshape(-1))).data

    def network_outputs(self) -> int:
        return self.outputs

    def shown_hidden(self) -> np.ndarray:
        return np.tanh(self.model.layers[0].weight.data[int(self.data.data[SHOWN_ROW])])

    def network(self) -> Network:
        embed, _, linear, *rest = self.model.layers
        word = int(self.data.data[SHOWN_ROW])
        one_hot = np.zeros(self.vocab)
        one_hot[word] = 1.0
        hidden, out = (None, None) if self.shown_layers is None else self.shown_layers
        output = "sigmoid" if rest else None
        goals = np.atleast_1d(np.asarray(self.target.data[SHOWN_ROW], dtype=float))
        if not rest and goals.size == 1:  # classes: the goal is a one-hot row
            goals = np.eye(self.outputs)[int(goals[0])]
        return Network(
            [DiagramLayer("word", tuple(f"word {i}" for i in range(self.vocab)), one_hot, code_name="data"),
             DiagramLayer("embedding", ("e1", "e2", "e3"), hidden, activation="tanh", code_name="hidden"),
             DiagramLayer("output", tuple(f"out {i}" for i in range(self.outputs)), out, activation=output,
                          goals=goals, code_name="pred")],
            [Weights("embedding", 0, 1, embed.weight.data.T.copy(), code_name="embed.weight"),
             Weights("linear", 1, 2, linear.weight.data.T.copy(), code_name="linear.weight")])


class AutogradEmbedding(EmbeddingModel):
    """Sequential([Embedding(5, 3), Tanh(), Linear(3, 1), Sigmoid()]) on word indices [1, 2, 1, 2]."""

    id = "ch13.autograd-embedding"
    title = "The embedding layer"
    params = (alpha_param(0.5), no_quirk_param())
    formulas = {
        Phase.PREDICT: ("pred = Sigmoid(Linear(3, 1)(Tanh(Embedding(5, 3)(data)))) = {pred}",),
        Phase.COMPARE: AutogradSequential.formulas[Phase.COMPARE],
        Phase.LEARN: ("embedding.grad: each word's row adds the gradients of its uses = {grad_0}",
                      "p.data −= p.grad · alpha for every parameter   (alpha = {alpha})"),
    }

    def build(self) -> None:
        self.toy_tensors(WORDS, TOY_TARGET)
        self.model = Sequential([Embedding(5, 3, rs=self.rs, id_draw=self.ids), Tanh(),
                                 Linear(3, 1, rs=self.rs, id_draw=self.ids, ordered=True), Sigmoid()])
        self.criterion = MSELoss()
        self.optim = SGD(parameters=self.model.get_parameters(), alpha=self.alpha)


class AutogradCrossEntropy(EmbeddingModel):
    """Sequential([Embedding(3, 3), Tanh(), Linear(3, 4)]) with CrossEntropyLoss on classes [0, 1, 0, 1]."""

    id = "ch13.autograd-cross-entropy"
    title = "The cross-entropy layer"
    vocab = 3
    outputs = 4
    params = (
        alpha_param(0.1),
        Param("loss_layer", "cross_entropy", "the loss layer: the book's CrossEntropyLoss, or MSELoss against "
              "one-hot targets (to compare them)", choices=("cross_entropy", "mse")),
        no_quirk_param(),
    )
    formulas = {
        Phase.PREDICT: ("pred = Linear(3, 4)(Tanh(Embedding(3, 3)(data))) = {pred}",),
        Phase.COMPARE: ("loss = mean over rows of −ln softmax(pred)[target] = {loss}",
                        "softmax(pred)[target], mean over rows = {p_target}"),
        Phase.LEARN: ("pred.grad = softmax(pred) − one_hot(target)   (not divided by the rows)",
                      "p.data −= p.grad · alpha for every parameter   (alpha = {alpha})"),
    }
    mse_formulas = {
        Phase.PREDICT: formulas[Phase.PREDICT],
        Phase.COMPARE: ("loss = MSELoss(pred, one_hot(target)) = Σ (pred − one_hot)² = {loss}",
                        "softmax(pred)[target], mean over rows = {p_target}"),
        Phase.LEARN: ("pred.grad = 2 · (pred − one_hot(target))",
                      "p.data −= p.grad · alpha for every parameter   (alpha = {alpha})"),
    }

    def build(self) -> None:
        mse = self.loss_layer == "mse"
        if mse:  # the same draws: the targets become one-hot rows, the loss MSELoss
            self.toy_tensors(WORDS, np.eye(self.outputs)[list(WORD_CLASSES)])
        else:
            self.toy_tensors(WORDS, WORD_CLASSES)
        self.classes = np.array(WORD_CLASSES)
        self.formulas = self.mse_formulas if mse else type(self).formulas
        self.model = Sequential([Embedding(3, 3, rs=self.rs, id_draw=self.ids), Tanh(),
                                 Linear(3, 4, rs=self.rs, id_draw=self.ids, ordered=True)])
        self.criterion = MSELoss() if mse else CrossEntropyLoss()
        self.optim = SGD(parameters=self.model.get_parameters(), alpha=self.alpha)

    def compare_values(self, pred: Tensor) -> dict[str, Any]:
        """The probability softmax gives the right class, averaged over the rows (the book's loss aims at it)."""
        p = softmax(pred.data)
        return {"p_target": float(p[np.arange(len(self.classes)), self.classes].mean())}

EXPERIMENTS = (TensorBasics, NumpyBaseline, AutogradLinear, AutogradSequential, AutogradNonlinear,
               AutogradEmbedding, AutogradCrossEntropy)
