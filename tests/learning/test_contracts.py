"""Every experiment keeps the seam's promises, checked one code path against another: a state resumes the run
exactly; the diagram's network() is the weights that predict; error_for() of the weights now is the next
iteration's error; predict() of the next example is the next prediction; an edited weight is the one used."""

import math
import re

import numpy as np
import pytest

from learning import catalogue
from learning.experiment import Experiment, ParamError
from tests.learning.conftest import synthetic_mnist

TINY = synthetic_mnist(train=20, test=30)


def make(cls: type[Experiment]) -> Experiment:
    """The experiment with the book's values; data-set experiments on a tiny synthetic MNIST."""
    if getattr(cls, "datasets", ()):
        return cls(data=TINY, batch_size=4) if "batch_size" in {p.name for p in cls.params} else cls(data=TINY)
    return cls()


ALL = sorted(catalogue.EXPERIMENTS)


def comparable(record: dict) -> dict:
    out = {}
    for key, value in record.items():
        if isinstance(value, np.ndarray | list | tuple):
            out[key] = np.asarray(value, dtype=float).round(12).tolist()
        elif isinstance(value, float):
            out[key] = round(value, 12) if math.isfinite(value) else repr(value)
        else:
            out[key] = value
    return out


@pytest.mark.parametrize("experiment_id", ALL)
def test_a_saved_state_resumes_the_run_exactly(experiment_id):
    exp = make(catalogue.get(experiment_id))
    exp.step()
    exp.step()
    saved = exp.state()
    later = [comparable(exp.step().record) for _ in range(3)]
    network_then = exp.network()
    exp.load_state(saved)
    assert [comparable(exp.step().record) for _ in range(3)] == later
    for a, b in zip(exp.network().weights, network_then.weights, strict=True):
        assert np.array_equal(a.values, b.values), a.name
    for a, b in zip(exp.network().layers, network_then.layers, strict=True):
        assert (a.values is None) == (b.values is None) and (a.values is None or np.allclose(a.values, b.values))


@pytest.mark.parametrize("experiment_id", ALL)
def test_the_network_fits_together_and_shows_the_last_prediction(experiment_id):
    exp = make(catalogue.get(experiment_id))
    record = exp.step().record
    net = exp.network()
    assert len(net.layers) >= 2 and net.weights
    for layer in net.layers:
        assert layer.size == len(layer.units) > 0 and all(isinstance(u, str) and u for u in layer.units)
        assert layer.values is None or len(layer.values) == layer.size, layer.name
    for w in net.weights:
        assert 0 <= w.source < w.target < len(net.layers)
        assert w.shape == (net.layers[w.target].size, net.layers[w.source].size), w.name
        assert np.isfinite(w.values).all()
    output = net.layers[-1]
    prediction = record.get("prediction", record.get("layer_2"))
    if prediction is not None and output.values is not None and np.size(prediction) == output.size:
        assert np.allclose(output.values, np.asarray(prediction, dtype=float).reshape(-1))


def with_error_for(experiment_id: str) -> bool:
    cls = catalogue.get(experiment_id)
    return cls.error_for is not Experiment.error_for


@pytest.mark.parametrize("experiment_id", [i for i in ALL if with_error_for(i)])
def test_error_for_the_weights_now_is_the_next_iterations_error(experiment_id):
    exp = make(catalogue.get(experiment_id))
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
    cls = catalogue.get(experiment_id)
    return cls.predict is not Experiment.predict


@pytest.mark.parametrize("experiment_id", [i for i in ALL if with_predict(i) and not
                                           getattr(catalogue.get(i), "datasets", ())])
def test_predict_of_the_next_input_is_the_next_prediction(experiment_id):
    exp = make(catalogue.get(experiment_id))
    for _ in range(3):
        gen = exp.phases()
        predicted = next(gen).values  # the predict phase shows its input and its prediction
        inputs = np.asarray(predicted.get("input", predicted.get("layer_0")), dtype=float).reshape(1, -1)
        prediction = predicted["prediction"] if "prediction" in predicted else predicted["layer_2"]
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


@pytest.mark.parametrize("experiment_id", ALL)
def test_an_edited_weight_is_the_weight_the_network_shows_and_uses(experiment_id):
    exp = make(catalogue.get(experiment_id))
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


@pytest.mark.parametrize("experiment_id", ALL)
def test_every_number_a_formula_names_is_computed_by_its_phase(experiment_id):
    """The math strip fills each phase's formulas with the values of the phases so far: each {name} must be there,
    a number or an array of numbers."""
    exp = make(catalogue.get(experiment_id))
    assert set(exp.formulas) <= set(exp.phases_used) and exp.formulas
    for _ in range(2):
        seen: dict = {}
        phases = []
        for result in exp.phases():
            if result.phase.value == "test":
                continue
            seen.update(result.values)
            phases.append(result.phase)
            for template in exp.formulas.get(result.phase, ()):
                for name in PLACEHOLDER.findall(template):
                    assert name in seen, f"{result.phase.value}: {{{name}}} in {template!r}"
                    value = np.asarray(seen[name], dtype=float)
                    assert value.size and not np.isnan(value).all(), name
        assert tuple(phases) == exp.phases_used


@pytest.mark.parametrize("experiment_id", ALL)
def test_after_a_prediction_the_network_shows_it(experiment_id):
    exp = make(catalogue.get(experiment_id))
    assert exp.network().layers[-1].values is None or getattr(exp, "datasets", ())  # nothing predicted yet
    exp.step()
    assert exp.network().layers[-1].values is not None


@pytest.mark.parametrize("experiment_id", ALL)
def test_the_diagram_names_layers_and_weights_as_the_code_does(experiment_id):
    """The diagram labels each layer and matrix with its name in the code (desktop: layer_code, weights_code)."""
    import inspect

    cls = catalogue.get(experiment_id)
    source = "".join(inspect.getsource(klass) for klass in cls.__mro__
                     if klass.__module__.startswith("learning.chapters"))
    source = inspect.getsource(inspect.getmodule(cls)) + source
    exp = make(cls)
    exp.step()
    net = exp.network()
    for name in [layer.code_name for layer in net.layers] + [w.code_name for w in net.weights]:
        assert name and re.search(rf"\b{re.escape(name)}\b", source), f"{name!r} is not a name in the code"


@pytest.mark.parametrize("experiment_id", ALL)
def test_the_last_weight_change_shown_is_the_step_taken(experiment_id):
    """Where the diagram is given each matrix's last weight_delta, the weights moved by −alpha times it."""
    exp = make(catalogue.get(experiment_id))
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


@pytest.mark.parametrize("experiment_id", ALL)
def test_the_input_layer_shows_the_input_just_used(experiment_id):
    exp = make(catalogue.get(experiment_id))
    for _ in range(2):
        record = exp.step().record
        shown = exp.network().layers[0].values
        used = record.get("input", record.get("layer_0"))
        assert shown is not None
        if used is None and hasattr(exp, "current_example"):  # the digit networks: the image just learned from
            used = exp.current_example(0)[0]
        assert used is not None and np.size(used) == np.size(shown)
        assert np.allclose(shown, np.asarray(used, dtype=float).reshape(-1)), experiment_id


@pytest.mark.parametrize("experiment_id", [i for i in ALL if catalogue.get(i).chapter >= 4])
def test_the_output_layer_shows_the_goal_it_was_compared_with(experiment_id):
    exp = make(catalogue.get(experiment_id))
    for _ in range(2):
        record = exp.step().record
        goals = exp.network().layers[-1].goals
        assert goals is not None and len(goals) == exp.network().layers[-1].size
        goal = next((record[k] for k in ("goal", "goals", "goal_prediction") if k in record), None)
        if goal is None and hasattr(exp, "current_example"):  # the digit networks: the label, one-hot
            goal = np.eye(10)[exp.current_example(0)[1]]
        np.testing.assert_array_equal(goals, np.asarray(goal, dtype=float).reshape(-1))
