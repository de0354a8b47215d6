"""Every experiment keeps the seam's promises, checked one code path against another: a state resumes the run
exactly; the diagram's network() is the weights that predict; error_for() of the weights now is the next
iteration's error; predict() of the next example is the next prediction; an edited weight is the one used.

A contract is checked on every experiment it applies to. Where it cannot apply, the parametrization leaves the
experiment out by a rule written next to it: a property of the experiment where it has one (no network diagram,
no compare phase), else a named list with the reason for each experiment in it."""

import functools
import inspect
import math
import re

import numpy as np
import pytest

from learning import catalogue
from learning.experiment import Experiment, ParamError, Phase
from learning.results import ResultStore
from tests.learning import runfile_helpers

#: Values the synthetic stand-ins need instead of the book's, by parameter name: the hacked e-mail and the analogies
#: are written in the stand-in's words (the book's "my computer password is pizza" and "terrible - bad + good" are
#: not in its vocabulary).
STAND_IN_VALUES = {"email": "w150 w007 w150 w299", "queries": "great - bad + awful"}
#: The suffix of a case that starts from its trainer's finished weights (an experiment with a `trainer`, as
#: ch11.analogy: it trains first unless this session has them): its iterations are then queries from the first on.
TRAINED = "+trained"


@functools.cache
def stand_in(name: str):
    """The synthetic stand-in for a data set, built once (experiments read their data, never change it)."""
    return runfile_helpers.DATA[name]()


def cls_of(case: str) -> type[Experiment]:
    """The experiment class of a case (an experiment id, or one with the TRAINED suffix)."""
    return catalogue.get(case.removesuffix(TRAINED))


def make(case: str) -> Experiment:
    """The experiment with the book's values; data-set experiments on a small synthetic stand-in of their data set,
    in batches of 4 and (chapter 14) with the small model; a TRAINED case with its trainer's weights (as a finished
    run of the session leaves them: here its starting weights) in its results store."""
    cls = cls_of(case)
    names = getattr(cls, "datasets", ())
    if not names:
        return runfile_helpers.make(cls, None, {})
    declared = {p.name for p in cls.params}
    values = {name: value for name, value in STAND_IN_VALUES.items() if name in declared}
    if "batch_size" in declared:
        values["batch_size"] = 4
    if "size" in declared:
        values["size"] = "small"
    data = stand_in(names[0])
    if not case.endswith(TRAINED):
        return runfile_helpers.make(cls, None, values, data)
    trainer = runfile_helpers.make(cls.trainer, None, {}, data)
    store = ResultStore()
    store.publish(trainer.id, trainer.vocabulary, trainer.weights_0_1, False, data.source, data.sample_mode, 0)
    return cls(data=data, store=store, **values)


ALL = sorted(catalogue.EXPERIMENTS) + sorted(i + TRAINED for i, cls in catalogue.EXPERIMENTS.items()
                                             if hasattr(cls, "trainer"))


@functools.cache
def has_network(experiment_id: str) -> bool:
    """False for an experiment without a network diagram: its network() raises NotImplementedError (a check of
    tensors, a chain of gradients, a recurrent model whose computation graph is its picture)."""
    try:
        make(experiment_id).network()
    except NotImplementedError:
        return False
    return True


#: The contracts about the diagram apply to the experiments that have one.
WITH_NETWORK = [i for i in ALL if has_network(i)]


def compares(experiment_id: str) -> bool:
    """True when the experiment's iterations compare a prediction with a goal (a compare phase)."""
    return Phase.COMPARE in cls_of(experiment_id).phases_used


def comparable(value):
    """A record or state as plain values: numbers rounded to 12 digits, arrays of numbers as lists, text as it is."""
    if isinstance(value, dict):
        return {key: comparable(v) for key, v in value.items()}
    if isinstance(value, np.ndarray | list | tuple):
        try:
            array = np.asarray(value)
        except ValueError:  # rows of different lengths
            array = None
        if array is not None and array.dtype.kind in "biuf":
            return array.astype(float).round(12).tolist()
        return [comparable(v) for v in value]
    if isinstance(value, float | np.floating):
        return round(float(value), 12) if math.isfinite(value) else repr(float(value))
    return value


def same(a, b) -> bool:
    """Equal states: arrays by shape and values (NaN equal to NaN), containers item by item, the rest by ==."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape
                and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return isinstance(b, list | tuple) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return a == b


@pytest.mark.parametrize("experiment_id", ALL)
def test_a_saved_state_resumes_the_run_exactly(experiment_id):
    exp = make(experiment_id)
    exp.step()
    exp.step()
    saved = exp.state()
    later = [comparable(exp.step().record) for _ in range(3)]
    state_then = exp.state()
    network_then = exp.network() if has_network(experiment_id) else None
    exp.load_state(saved)
    assert [comparable(exp.step().record) for _ in range(3)] == later
    assert same(exp.state(), state_then)
    if network_then is None:
        return
    for a, b in zip(exp.network().weights, network_then.weights, strict=True):
        assert np.array_equal(a.values, b.values), a.name
    for a, b in zip(exp.network().layers, network_then.layers, strict=True):
        assert (a.values is None) == (b.values is None) and (a.values is None or np.allclose(a.values, b.values))


def shown_prediction(record: dict, output) -> np.ndarray | None:
    """The iteration's prediction as the record names it: by the output layer's name in the code, else
    `prediction` or `layer_2`; None when the record holds none."""
    for key in (output.code_name, "prediction", "layer_2"):
        if key in record and record[key] is not None:
            return np.asarray(record[key], dtype=float)
    return None


#: Experiments whose diagram is one layer without weights.
SINGLE_LAYER = {"ch11.bag-of-words": "a sentence's encoding, the sum of its words' one-hot vectors: nothing learns"}


@pytest.mark.parametrize("experiment_id", WITH_NETWORK)
def test_the_network_fits_together_and_shows_the_last_prediction(experiment_id):
    exp = make(experiment_id)
    record = exp.step().record
    net = exp.network()
    assert (len(net.layers) >= 2 and net.weights) if experiment_id not in SINGLE_LAYER else len(net.layers) == 1
    for layer in net.layers:
        assert layer.size == len(layer.units) > 0 and all(isinstance(u, str) and u for u in layer.units)
        assert layer.values is None or len(layer.values) == layer.size, layer.name
    for w in net.weights:
        assert 0 <= w.source < w.target < len(net.layers)
        assert w.shape == (net.layers[w.target].size, net.layers[w.source].size), w.name
        assert np.isfinite(w.values).all()
    output = net.layers[-1]
    prediction = shown_prediction(record, output)
    if prediction is not None and output.values is not None and prediction.size % output.size == 0:
        # one example's prediction, or a batch's (a row per example): the diagram shows the one of the example its
        # input layer shows, where the inputs of the batch are known
        rows = of_shown_example(exp, record, net, prediction.reshape(-1, output.size))
        assert any(np.allclose(output.values, row) for row in rows), (output.values, rows)


def with_error_for(experiment_id: str) -> bool:
    cls = cls_of(experiment_id)
    return cls.error_for is not Experiment.error_for


@pytest.mark.parametrize("experiment_id", [i for i in ALL if with_error_for(i)])
def test_error_for_the_weights_now_is_the_next_iterations_error(experiment_id):
    exp = make(experiment_id)
    for _ in range(3):
        weights = {w.name: w.values.copy() for w in exp.network().weights}
        expected = exp.error_for(weights)
        error = exp.step().record["error"]
        assert expected == pytest.approx(float(np.sum(error)), rel=1e-12, abs=1e-15)
    # other weights give another error, and nothing changes in the experiment
    saved = exp.state()
    other = exp.error_for({w.name: w.values + 0.25 for w in exp.network().weights})
    assert other != pytest.approx(exp.error_for({w.name: w.values for w in exp.network().weights}))
    after = comparable(exp.step().record)
    exp.load_state(saved)
    assert comparable(exp.step().record) == after


def with_predict(experiment_id: str) -> bool:
    cls = cls_of(experiment_id)
    return cls.predict is not Experiment.predict


#: Experiments with predict() whose predict phase names no input the test could give it back, and no data table
#: it predicts whole: the input is a batch of word indices held by the experiment.
PREDICT_INPUT_UNNAMED = {
    "ch13.autograd-embedding": "word indices [1, 2, 1, 2]: not in the record, and no data table",
    "ch13.autograd-cross-entropy": "word indices [1, 2, 1, 2]: not in the record, and no data table",
}


@pytest.mark.parametrize("experiment_id", [i for i in ALL if with_predict(i) and i not in PREDICT_INPUT_UNNAMED
                                           and not getattr(cls_of(i), "datasets", ())])
def test_predict_of_the_next_input_is_the_next_prediction(experiment_id):
    exp = make(experiment_id)
    for _ in range(3):
        gen = exp.phases()
        predicted = next(gen).values  # the predict phase shows its input and its prediction
        inputs = predicted.get("input", predicted.get("layer_0"))
        if inputs is None:  # an iteration that names no input predicts its whole data table (chapter 13's loops)
            inputs = exp.data_table().inputs
        inputs = np.asarray(inputs, dtype=float)
        inputs = inputs.reshape(1, -1) if inputs.ndim < 2 else inputs
        prediction = next(predicted[k] for k in ("prediction", "layer_2", "pred") if k in predicted)
        assert np.allclose(exp.predict(inputs).reshape(-1), np.asarray(prediction, dtype=float).reshape(-1))
        for _ in gen:
            pass


def editable(exp: Experiment) -> list[tuple[str, int, int]]:
    """One position in every weight array the experiment lets the learner edit."""
    out = []
    for w in exp.network().weights:
        rows, columns = w.shape
        try:
            exp.set_weight(w.name, rows - 1, columns - 1, float(w.values[rows - 1, columns - 1]))
        except ParamError:
            continue
        out.append((w.name, rows - 1, columns - 1))
    return out


@pytest.mark.parametrize("experiment_id", WITH_NETWORK)
def test_an_edited_weight_is_the_weight_the_network_shows_and_uses(experiment_id):
    exp = make(experiment_id)
    exp.step()
    for name, row, column in editable(exp):
        exp.set_weight(name, 0, 0, -0.625)  # both corners of the matrix
        exp.set_weight(name, row, column, 0.375)
        w = next(w for w in exp.network().weights if w.name == name)
        assert w.values[row, column] == 0.375
        assert w.values[0, 0] == (-0.625 if (row, column) != (0, 0) else 0.375)
        for bad in (math.nan, math.inf, -math.inf):
            with pytest.raises(ParamError):
                exp.set_weight(name, row, column, bad)
        assert next(w for w in exp.network().weights if w.name == name).values[row, column] == 0.375
        for where in ((w.shape[0], 0), (0, w.shape[1]), (-1, 0)):
            with pytest.raises(ParamError):
                exp.set_weight(name, *where, 0.5)
    with pytest.raises(ParamError):
        exp.set_weight("no such weights", 0, 0, 0.5)


PLACEHOLDER = re.compile(r"\{(\w+)\}")

#: Experiments some of whose iterations run only some of the phases phases_used lists (the runner's step-through
#: takes an iteration as its generator gives it): each iteration runs phases of phases_used, in its order.
PARTIAL_ITERATIONS = {
    "ch11.analogy" + TRAINED: "an analogy is answered by predict and compare",
    "ch12.review-vectors" + TRAINED: "a query is answered by predict and compare",
    "ch12.toy-forward": "iterations 0 and 1 are demonstrations: a predict phase only",
    "ch14.exploding-gradients": "a forward step is a predict phase, a backward step a learn phase",
    "ch15.federated": "the owner's average at the end of a round is a learn phase only",
    "ch15.paillier": "the owner's encrypted average at the end of a round is a learn phase only",
}
#: Experiments whose iteration is a batch of a recurrent network through time: predict and compare once per time
#: step, then learn (the backward pass, in slices).
STEP_BY_STEP = {"ch14.char-lstm", "ch14.char-rnn"}


def phase_runs(exp: Experiment) -> list[tuple[Phase, dict]]:
    """One iteration as runs of the same phase (a phase may come in slices), each with the values the iteration
    computed by the end of it; the test pass after an epoch is left out."""
    runs: list[tuple[Phase, dict]] = []
    seen: dict = {}
    for result in exp.phases():
        if result.phase is Phase.TEST:
            continue
        seen.update(result.values)
        if runs and runs[-1][0] is result.phase:
            runs[-1] = (result.phase, dict(seen))
        else:
            runs.append((result.phase, dict(seen)))
    return runs


@pytest.mark.parametrize("experiment_id", ALL)
def test_every_number_a_formula_names_is_computed_by_its_phase(experiment_id):
    """The math strip fills each phase's formulas with the values of the phases so far: by the end of the phase
    each {name} must be there, a number, an array of numbers, or a text (a character, a word)."""
    exp = make(experiment_id)
    assert set(exp.formulas) <= set(exp.phases_used) and exp.formulas
    for _ in range(2):
        runs = phase_runs(exp)
        for phase, seen in runs:
            for template in exp.formulas.get(phase, ()):
                for name in PLACEHOLDER.findall(template):
                    assert name in seen, f"{phase.value}: {{{name}}} in {template!r}"
                    if isinstance(seen[name], str):
                        assert seen[name], name
                        continue
                    value = np.asarray(seen[name], dtype=float)
                    assert value.size and not np.isnan(value).all(), name
        phases = tuple(phase for phase, _ in runs)
        if experiment_id in PARTIAL_ITERATIONS:
            assert phases and phases == tuple(p for p in exp.phases_used if p in phases)
        elif experiment_id in STEP_BY_STEP:
            assert phases == (Phase.PREDICT, Phase.COMPARE) * exp.bptt + (Phase.LEARN,)
        else:
            assert phases == exp.phases_used


def full_iteration(exp: Experiment, most: int = 3):
    """Step until an iteration compares, if the experiment compares (a demonstration iteration of ch12.toy-forward
    predicts without the network); its record."""
    for _ in range(most):
        result = exp.step()
        if Phase.COMPARE not in exp.phases_used or not result.phases or \
                any(r.phase is Phase.COMPARE for r in result.phases):
            return result.record
    raise AssertionError(f"no iteration of {most} compared")


@pytest.mark.parametrize("experiment_id", WITH_NETWORK)
def test_after_a_prediction_the_network_shows_it(experiment_id):
    exp = make(experiment_id)
    assert exp.network().layers[-1].values is None or getattr(exp, "datasets", ())  # nothing predicted yet
    full_iteration(exp)
    assert exp.network().layers[-1].values is not None


def code_of(cls: type[Experiment]) -> str:
    """The source of the experiment's module and of its classes in learning.chapters; an experiment that trains
    another one first (`trainer`: ch11.analogy, ch12.review-vectors) shows that one's diagram meanwhile, so its
    code counts too."""
    classes = [cls, *([cls.trainer] if hasattr(cls, "trainer") else [])]
    source = ""
    for klass in classes:
        source += inspect.getsource(inspect.getmodule(klass))
        source += "".join(inspect.getsource(k) for k in klass.__mro__ if k.__module__.startswith("learning.chapters"))
    return source


@pytest.mark.parametrize("experiment_id", WITH_NETWORK)
def test_the_diagram_names_layers_and_weights_as_the_code_does(experiment_id):
    """The diagram labels each layer and matrix with its name in the code (desktop: layer_code, weights_code): a
    name, or an expression of the code as its formulas write it (`word_vects[defeat]`, `hidden_{k−1}`)."""
    cls = cls_of(experiment_id)
    source = code_of(cls)
    exp = make(experiment_id)
    exp.step()
    net = exp.network()
    for name in [layer.code_name for layer in net.layers] + [w.code_name for w in net.weights]:
        assert name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", source), f"{name!r} is not a name in the code"


@pytest.mark.parametrize("experiment_id", WITH_NETWORK)
def test_the_last_weight_change_shown_is_the_step_taken(experiment_id):
    """Where the diagram is given each matrix's last weight_delta, the weights moved by −alpha times it."""
    exp = make(experiment_id)
    exp.step()
    before = {w.name: w.values.copy() for w in exp.network().weights}
    record = exp.step().record
    alpha = float(exp.values.get("alpha", 1.0))
    for w in exp.network().weights:
        if w.last_delta is not None:
            np.testing.assert_allclose(w.values - before[w.name], -alpha * w.last_delta, rtol=1e-9, atol=1e-15)
            assert np.any(w.last_delta != 0), w.name
        if w.frozen is not None:
            frozen = np.asarray(w.frozen, dtype=bool).reshape(w.shape)
            assert np.array_equal(w.values[frozen], before[w.name][frozen])
    if "weight_delta" in record or "weight_deltas" in record:
        assert any(w.last_delta is not None for w in exp.network().weights)


#: Experiments whose records do not hold the input their diagram shows (records are kept light: counts and
#: indices), and that say no other way which example it was (as current_example() does for the digits).
INPUT_NOT_RECORDED = {
    "ch11.sentiment": "the input marks the word slots of the review (1) and the empty ones (0); the record counts "
                      "the words",
    "ch12.review-vectors": "while it trains, ch11.sentiment's diagram (the word slots of the review)",
    "ch11.word2vec": "the input marks the context words (1); the record names the target only",
    "ch11.analogy": "while it trains, ch11.word2vec's diagram (the context words)",
    "ch11.analogy" + TRAINED: "the signs (+1, −1) of the query's words; the record lists the words",
    "ch12.review-vectors" + TRAINED: "1 for each known query word; the record lists the words",
    "ch12.rnn-babi": "the one-hot of the line's last word; the record names the line",
    "ch12.toy-forward": "the one-hot of the last word read (defeat); the record's layer_0 is red's vector",
    "ch13.autograd-embedding": "the one-hot of the shown row's word; the record holds the predictions only",
    "ch13.autograd-cross-entropy": "the one-hot of the shown row's word; the record holds the predictions only",
    "ch15.spam-plain": "the words of the batch's first e-mail (each 1); the record counts e-mails",
    "ch15.federated": "the words of the batch's first e-mail (each 1); the record counts e-mails",
    "ch15.federated-hack": "the words of Bob's e-mail (each 1); the record counts them",
    "ch15.paillier": "the words of the batch's first e-mail (each 1); the record counts e-mails",
}


def inputs_used(exp: Experiment, record: dict, input_layer) -> np.ndarray | None:
    """The inputs the iteration used, a row per example: the record's input (`input`, `layer_0` or the input
    layer's name in the code); for the digit networks the image just learned from; for an iteration that names
    no input, its whole data table (chapter 13's loops learn from all four patterns at once)."""
    for key in ("input", "layer_0", input_layer.code_name):
        if key in record:
            return np.asarray(record[key], dtype=float).reshape(1, -1)
    if hasattr(exp, "current_example"):
        return np.asarray(exp.current_example(0)[0], dtype=float).reshape(1, -1)
    table = exp.data_table()
    return None if table is None else np.asarray(table.inputs, dtype=float)


def of_shown_example(exp: Experiment, record: dict, net, rows: np.ndarray) -> np.ndarray:
    """The rows (one per example of the iteration's batch) of the example the diagram's input layer shows, where
    the batch's inputs are known; else all of them."""
    used = inputs_used(exp, record, net.layers[0])
    shown = net.layers[0].values
    if len(rows) > 1 and used is not None and len(used) == len(rows) and shown is not None:
        return rows[[used.shape[1] == shown.size and np.allclose(shown, row) for row in used]]
    return rows


@pytest.mark.parametrize("experiment_id", [i for i in WITH_NETWORK if i not in INPUT_NOT_RECORDED])
def test_the_input_layer_shows_the_input_just_used(experiment_id):
    exp = make(experiment_id)
    for _ in range(2):
        record = exp.step().record
        layer = exp.network().layers[0]
        shown = layer.values
        used = inputs_used(exp, record, layer)
        assert shown is not None
        assert used is not None and used.shape[1] == np.size(shown)
        assert any(np.allclose(shown, row) for row in used), experiment_id


#: Experiments that compare, whose diagram's output has no goal the test can read back from the record, the
#: prediction and its delta, or the data table.
GOAL_NOT_RECORDED = {
    "ch12.rnn-babi": "the diagram shows the guess after the line's last word, which no compare uses",
    "ch11.analogy" + TRAINED: "an analogy has no goal: its compare phase ranks the words",
    "ch12.review-vectors" + TRAINED: "a query has no goal: its compare phase ranks the reviews",
    "ch13.autograd-embedding": "targets of word indices: the record holds the loss, and there is no data table",
    "ch13.autograd-cross-entropy": "class targets: the record holds the loss, and there is no data table",
    "ch15.spam-plain": "the goal of the batch's first e-mail; the record counts spam e-mails",
    "ch15.federated": "the goal of the batch's first e-mail; the record counts spam e-mails",
    "ch15.federated-hack": "Bob's e-mail is ham: the goal is a constant the record does not repeat",
    "ch15.paillier": "the goal of the batch's first e-mail; the record counts spam e-mails",
}


def goals_compared(exp: Experiment, record: dict, output) -> tuple[np.ndarray, bool]:
    """(the goals the iteration compared with, a row per example; whether they are the very values compared): the
    record's goal; for the digit networks the label, one-hot; else the prediction minus the delta the compare
    phase computed from it (`<prediction>_delta` or `diff` = prediction − goal: equal up to rounding); else the
    data table's goals (chapter 13's loops compare all four patterns at once)."""
    goal = next((record[k] for k in ("goal", "goals", "goal_prediction") if k in record), None)
    if goal is not None:
        return np.asarray(goal, dtype=float).reshape(1, -1), True
    if hasattr(exp, "current_example"):
        return np.eye(10)[exp.current_example(0)[1]].reshape(1, -1), True
    prediction = next((k for k in (output.code_name, "prediction", "layer_2") if k in record), None)
    delta = next((k for k in (f"{prediction}_delta", "diff") if k in record), None)
    if prediction is not None and delta is not None:
        goal = np.asarray(record[prediction], dtype=float) - np.asarray(record[delta], dtype=float)
        return (goal.reshape(1, -1) if goal.ndim < 2 else goal), False
    table = exp.data_table()
    assert table is not None, "no goal to compare with"
    return np.asarray(table.goals, dtype=float), True


@pytest.mark.parametrize("experiment_id", [i for i in WITH_NETWORK if cls_of(i).chapter >= 4 and compares(i)
                                           and i not in GOAL_NOT_RECORDED])
def test_the_output_layer_shows_the_goal_it_was_compared_with(experiment_id):
    exp = make(experiment_id)
    for _ in range(2):
        record = full_iteration(exp)  # an iteration that compares
        net = exp.network()
        output = net.layers[-1]
        goals = output.goals
        assert goals is not None and len(goals) == output.size
        compared, exact = goals_compared(exp, record, output)
        assert compared.shape[1] == len(goals)
        compared = of_shown_example(exp, record, net, compared)
        tolerance = 0 if exact else 1e-12
        assert any(np.allclose(goals, row, rtol=0, atol=tolerance) for row in compared), (goals, compared)


def test_the_lists_of_exceptions_name_experiments_of_the_catalogue():
    """A renamed or removed experiment does not linger in a list of exceptions."""
    for listed in (SINGLE_LAYER, PREDICT_INPUT_UNNAMED, PARTIAL_ITERATIONS, STEP_BY_STEP, INPUT_NOT_RECORDED,
                   GOAL_NOT_RECORDED):
        assert set(listed) <= set(ALL)
