"""Chapter 6: the streetlights, full/batch/stochastic gradient descent and backpropagation."""

import json
import re

import numpy as np
import pytest

from learning.__main__ import main
from learning.catalogue import get
from learning.experiment import ParamError, Phase

IDS = ("ch06.single-light", "ch06.whole-dataset", "ch06.backprop")


# -- the book's cells, transcribed literally ---------------------------------------------------------------
# Every np.dot / .dot of the notebooks is replaced by `book_dot`, a plain left-to-right sum from 0 without
# fused multiply-add: BOOK.md section 1.2 says this reproduces the book's digits, while an optimised BLAS
# may change the 16th-17th significant digit (OpenBLAS's ddot here changes the backprop errors from the
# second printed line on). Everything else is the notebooks' code as written.
def book_dot(a, b):
    """a · b for numpy vectors/matrices (1-D or 2-D), summing each entry left to right in Python floats."""
    a2 = np.atleast_2d(np.asarray(a, dtype=float))
    b2 = np.asarray(b, dtype=float)
    b2 = b2.reshape(-1, 1) if b2.ndim == 1 else b2
    out = np.zeros((a2.shape[0], b2.shape[1]))
    for i in range(a2.shape[0]):
        for k in range(b2.shape[1]):
            s = 0
            for j in range(a2.shape[1]):
                s += float(a2[i, j]) * float(b2[j, k])
            out[i, k] = s
    if np.ndim(a) == 1 and np.ndim(b) == 1:
        return out[0, 0]
    if np.ndim(a) == 1:
        return out[0]
    return out


STREETLIGHTS = [[1, 0, 1], [0, 1, 1], [0, 0, 1], [1, 1, 1], [0, 1, 1], [1, 0, 1]]
WALK_VS_STOP = [0, 1, 0, 1, 1, 0]


def book_single_light():
    weights = np.array([0.5, 0.48, -0.7])
    alpha = 0.1
    streetlights = np.array(STREETLIGHTS)
    walk_vs_stop = np.array(WALK_VS_STOP)
    input = streetlights[0]  # [1,0,1]
    goal_prediction = walk_vs_stop[0]  # equals 0... i.e. "stop"
    lines = []
    for _iteration in range(20):
        prediction = book_dot(input, weights)
        error = (goal_prediction - prediction) ** 2
        delta = prediction - goal_prediction
        weights = weights - (alpha * (input * delta))
        lines.append("Error:" + str(error) + " Prediction:" + str(prediction))
    return lines


def book_whole_dataset():
    weights = np.array([0.5, 0.48, -0.7])
    alpha = 0.1
    streetlights = np.array(STREETLIGHTS)
    walk_vs_stop = np.array(WALK_VS_STOP)
    lines, epoch_errors = [], []
    for _iteration in range(40):
        error_for_all_lights = 0
        for row_index in range(len(walk_vs_stop)):
            input = streetlights[row_index]
            goal_prediction = walk_vs_stop[row_index]
            prediction = book_dot(input, weights)
            error = (goal_prediction - prediction) ** 2
            error_for_all_lights += error
            delta = prediction - goal_prediction
            weights = weights - (alpha * (input * delta))
            lines.append("Prediction:" + str(prediction))
        lines += ["Error:" + str(error_for_all_lights), ""]
        epoch_errors.append(error_for_all_lights)
    return lines, epoch_errors, weights


def book_backprop(hidden_size=4, epochs=60, patterns=4):
    """The backprop cell: returns every epoch's layer_2_error and the final weights (book layout)."""
    rs = np.random.RandomState(1)  # the book's np.random.seed(1)

    def relu(x):
        return (x > 0) * x  # returns x if x > 0

    def relu2deriv(output):
        return output > 0  # returns 1 for input > 0

    streetlights = np.array(STREETLIGHTS[:4])
    walk_vs_stop = np.array([[1, 1, 0, 0]]).T
    alpha = 0.2
    weights_0_1 = 2 * rs.random((3, hidden_size)) - 1
    weights_1_2 = 2 * rs.random((hidden_size, 1)) - 1
    errors = []
    for _iteration in range(epochs):
        layer_2_error = 0
        for i in range(min(patterns, len(streetlights))):
            layer_0 = streetlights[i:i + 1]
            layer_1 = relu(book_dot(layer_0, weights_0_1))
            layer_2 = book_dot(layer_1, weights_1_2)
            layer_2_error += np.sum((layer_2 - walk_vs_stop[i:i + 1]) ** 2)
            layer_2_delta = (layer_2 - walk_vs_stop[i:i + 1])
            layer_1_delta = book_dot(layer_2_delta, weights_1_2.T) * relu2deriv(layer_1)
            weights_1_2 -= alpha * book_dot(layer_1.T, layer_2_delta)
            weights_0_1 -= alpha * book_dot(layer_0.T, layer_1_delta)
        errors.append(layer_2_error)
    return errors, weights_0_1, weights_1_2


# -- helpers ----------------------------------------------------------------------------------------------------
def run(experiment_id, n=None, **params):
    exp = get(experiment_id)(**params)
    return exp, [exp.step() for _ in range(n if n is not None else exp.iterations)]


def half_error_backprop(layer_0, goal, weights_0_1, weights_1_2):
    """½ Σ (relu(l0 · W01) · W12 − goal)² with numpy's own products (book layout)."""
    layer_1 = np.maximum(layer_0 @ weights_0_1, 0.0)
    return 0.5 * float(np.sum((layer_1 @ weights_1_2 - goal) ** 2))


def numeric_gradient(f, array, h=1e-6):
    g = np.zeros_like(array)
    for idx in np.ndindex(array.shape):
        up, down = array.copy(), array.copy()
        up[idx] += h
        down[idx] -= h
        g[idx] = (f(up) - f(down)) / (2 * h)
    return g


# -- anchors and whole runs ----------------------------------------------------------------------------------
def test_single_light_anchor_and_twenty_lines():
    _, results = run("ch06.single-light")
    lines = [f"Error:{r.record['error']} Prediction:{r.record['prediction']}" for r in results]
    assert lines[0] == "Error:0.03999999999999998 Prediction:-0.19999999999999996"
    assert lines == book_single_light()


def test_single_light_error_shrinks_by_the_same_factor():
    _, results = run("ch06.single-light")
    errors = [r.record["error"] for r in results]
    # delta is multiplied by (1 - alpha * |input|²) = 1 - 0.1 * 2 every step, the error by its square
    assert [b / a for a, b in zip(errors, errors[1:], strict=False)] == pytest.approx([0.8**2] * 19)


def test_whole_dataset_anchor_and_all_forty_epochs():
    exp, results = run("ch06.whole-dataset")
    assert len(results) == 240
    lines = []
    for r in results:
        lines.append("Prediction:" + str(r.record["prediction"]))
        if r.epoch is not None:
            lines += ["Error:" + str(r.epoch["error"]), ""]
    expected_lines, expected_errors, expected_weights = book_whole_dataset()
    assert lines[0] == "Prediction:-0.19999999999999996"
    assert lines == expected_lines
    assert [r.epoch["error"] for r in results if r.epoch is not None] == expected_errors
    assert exp.weights.tolist() == expected_weights.tolist()


def test_whole_dataset_finds_the_middle_light():
    exp, _ = run("ch06.whole-dataset")
    w = exp.network().weights[0].values[0]
    assert w[1] > 0.9 and abs(w[0]) < 0.1 and abs(w[2]) < 0.1


def test_cli_whole_dataset_jsonl(capsys):
    assert main(["run", "ch06.whole-dataset", "--jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    iterations = [r for r in rows if "iteration" in r]
    epochs = [r for r in rows if "iteration" not in r]
    assert len(iterations) == 240 and len(epochs) == 40
    assert [e["epoch"] for e in epochs] == list(range(40))
    for e in epochs:
        mine = [r for r in iterations if r["epoch"] == e["epoch"]]
        assert len(mine) == 6
        squared = [(r["goal_prediction"] - r["prediction"]) ** 2 for r in mine]
        assert e["error"] == pytest.approx(sum(squared), rel=1e-12)
    assert iterations[0]["prediction"] == -0.19999999999999996
    assert iterations[1]["weights"] == iterations[0]["new_weights"]


def test_backprop_seed_gives_the_check_values():
    exp = get("ch06.backprop")()
    assert exp.seed == 1
    assert exp.weights_0_1[0].tolist() == [-0.165955990594852, 0.4406489868843162, -0.9997712503653102,
                                           -0.39533485473632046]
    assert exp.weights_1_2[:, 0].tolist() == [-0.5910955005369651, 0.7562348727818908, -0.9452248136041477,
                                              0.34093502035680445]
    net = exp.network()
    assert net.weights[0].shape == (4, 3) and net.weights[1].shape == (1, 4)
    assert net.weights[0].values[:, 0].tolist() == exp.weights_0_1[0].tolist()  # rows = hidden units


def test_backprop_anchor_and_whole_run():
    exp, results = run("ch06.backprop")
    epochs = [r.epoch for r in results if r.epoch is not None]
    assert len(epochs) == 60 and [e["epoch"] for e in epochs] == list(range(60))
    printed = ["Error:" + str(e["error"]) for e in epochs if e["epoch"] % 10 == 9]
    assert printed[0] == "Error:0.6342311598444467"
    errors, weights_0_1, weights_1_2 = book_backprop()
    assert [e["error"] for e in epochs] == [float(x) for x in errors]
    assert exp.weights_0_1.tolist() == weights_0_1.tolist()
    assert exp.weights_1_2.tolist() == weights_1_2.tolist()
    assert epochs[-1]["error"] < 1e-4  # XOR of the first two lights learned


def test_backprop_one_iteration_lesson_step_with_three_hidden_units():
    rs = np.random.RandomState(1)
    weights_0_1 = 2 * rs.random_sample((3, 3)) - 1
    weights_1_2 = 2 * rs.random_sample((3, 1)) - 1
    exp = get("ch06.backprop")(hidden_size=3)
    r = exp.step().record
    # records show weight matrices with rows = outputs (BOOK.md 1.3, like chapter 5): the book's arrays transposed
    assert r["weights_0_1"].tolist() == weights_0_1.T.tolist()
    assert r["weights_1_2"].tolist() == weights_1_2.T.tolist() and r["weights_1_2"].shape == (1, 3)
    _, w01, w12 = book_backprop(hidden_size=3, epochs=1, patterns=1)
    assert r["new_weights_0_1"].tolist() == w01.T.tolist() and r["new_weights_1_2"].tolist() == w12.T.tolist()
    assert r["layer_0"].tolist() == [1.0, 0.0, 1.0] and r["goal"] == 1.0
    assert exp.network().layers[1].units == ("hidden 1", "hidden 2", "hidden 3")


# -- gradients ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("seed", "hidden_size", "steps"), [(1, 4, 0), (1, 4, 5), (1, 3, 0), (5, 6, 3), (9, 4, 50)])
def test_backprop_deltas_are_the_gradient_of_half_the_error(seed, hidden_size, steps):
    exp = get("ch06.backprop")(seed=seed, hidden_size=hidden_size)
    for _ in range(steps):
        exp.step()
    r = exp.step().record
    layer_0, goal = r["layer_0"], r["goal"]
    w01, w12 = r["weights_0_1"].T, r["weights_1_2"].T  # records: rows = outputs; the forward pass: inputs × outputs
    assert r["layer_1"].any(), "a pattern with every hidden unit off checks nothing"
    numeric_1_2 = numeric_gradient(lambda w: half_error_backprop(layer_0, goal, w01, w), w12)
    numeric_0_1 = numeric_gradient(lambda w: half_error_backprop(layer_0, goal, w, w12), w01)
    np.testing.assert_allclose(r["weight_deltas_1_2"], numeric_1_2.T, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(r["weight_deltas_0_1"], numeric_0_1.T, rtol=1e-6, atol=1e-9)
    assert r["new_weights_0_1"].tolist() == (w01.T - r["alpha"] * r["weight_deltas_0_1"]).tolist()


@pytest.mark.parametrize("experiment_id", ["ch06.single-light", "ch06.whole-dataset"])
def test_streetlight_deltas_are_the_gradient_of_half_the_error(experiment_id):
    exp = get(experiment_id)(weights=(0.3, -1.2, 0.8))
    for _ in range(4):
        r = exp.step().record
        x, goal = r["input"], r["goal_prediction"]
        numeric = numeric_gradient(lambda w, x=x, goal=goal: 0.5 * float((x @ w - goal) ** 2), r["weights"])
        np.testing.assert_allclose(r["weight_deltas"], numeric, rtol=1e-6, atol=1e-9)


# -- full, batch and stochastic gradient descent --------------------------------------------------------------
def deltas_at(weights, rows, goals):
    """Each pattern's input ⊙ (input · weights − goal), all at the same weights."""
    x = np.array(STREETLIGHTS, dtype=float)[rows]
    return [xi * (float(xi @ weights) - g) for xi, g in zip(x, np.asarray(goals, dtype=float)[rows], strict=True)]


def test_full_gradient_descent_updates_once_per_epoch_by_the_mean_delta():
    exp, results = run("ch06.whole-dataset", 18, gradient_descent="full")
    for epoch in range(3):
        block = [r.record for r in results[6 * epoch:6 * epoch + 6]]
        start = block[0]["weights"]
        assert all(r["weights"].tolist() == start.tolist() for r in block)  # every prediction at the start weights
        assert [r["updated"] for r in block] == [False] * 5 + [True]
        mean = np.mean(deltas_at(start, range(6), WALK_VS_STOP), axis=0)
        np.testing.assert_allclose(block[-1]["applied_weight_deltas"], mean, rtol=1e-14, atol=1e-15)
        np.testing.assert_allclose(block[-1]["new_weights"], start - 0.1 * mean, rtol=1e-14, atol=1e-15)
        assert results[6 * epoch + 5].epoch["updates"] == 1


def test_batch_gradient_descent_updates_after_each_batch():
    exp, results = run("ch06.whole-dataset", 12, gradient_descent="batch", batch_size=2)
    records = [r.record for r in results]
    assert [r["updated"] for r in records[:6]] == [False, True] * 3
    for first in range(0, 12, 2):
        start = records[first]["weights"]
        assert records[first + 1]["weights"].tolist() == start.tolist()
        rows = [first % 6, first % 6 + 1]
        mean = np.mean(deltas_at(start, rows, WALK_VS_STOP), axis=0)
        np.testing.assert_allclose(records[first + 1]["new_weights"], start - 0.1 * mean, rtol=1e-14, atol=1e-15)
    assert results[5].epoch["updates"] == 3
    _, uneven = run("ch06.whole-dataset", 6, gradient_descent="batch", batch_size=4)
    assert [r.record["updated"] for r in uneven] == [False, False, False, True, False, True]  # 4, then the rest


def test_batch_of_one_is_stochastic_and_batch_of_six_is_full():
    def trajectory(**params):
        _, results = run("ch06.whole-dataset", 60, **params)
        return [r.record["new_weights"].tolist() for r in results]

    assert trajectory(gradient_descent="batch", batch_size=1) == trajectory()
    assert trajectory(gradient_descent="batch", batch_size=6) == trajectory(gradient_descent="full")
    assert trajectory(gradient_descent="full") != trajectory()


@pytest.mark.parametrize("mode", ["stochastic", "batch", "full"])
def test_every_kind_of_gradient_descent_lowers_the_error(mode):
    _, results = run("ch06.whole-dataset", gradient_descent=mode)
    errors = [r.epoch["error"] for r in results if r.epoch is not None]
    assert len(errors) == 40
    assert errors[-1] < 0.1 * errors[0]


def test_gradient_descent_choice_is_checked():
    with pytest.raises(ParamError, match="one of stochastic, batch, full"):
        get("ch06.whole-dataset")(gradient_descent="mini")
    with pytest.raises(ParamError, match="from 1 to 6"):
        get("ch06.whole-dataset")(batch_size=7)


def test_state_taken_mid_batch_continues_identically():
    a = get("ch06.whole-dataset")(gradient_descent="batch", batch_size=4)
    for _ in range(2):
        a.step()
    saved = a.state()
    later = [a.step() for _ in range(9)]
    b = get("ch06.whole-dataset")(gradient_descent="batch", batch_size=4)
    b.load_state(saved)
    again = [b.step() for _ in range(9)]
    assert [str(r.record) for r in again] == [str(r.record) for r in later]
    assert [r.epoch for r in again] == [r.epoch for r in later]


# -- freezing -------------------------------------------------------------------------------------------------
def test_frozen_backprop_weight_never_changes_and_the_error_still_falls():
    exp = get("ch06.backprop")()
    exp.set_frozen("weights_0_1", 1, 2, True)  # hidden 2 <- light 3, i.e. the book's weights_0_1[2, 1]
    start = exp.weights_0_1[2, 1]
    epochs = [r.epoch for r in (exp.step() for _ in range(240)) if r.epoch is not None]
    assert exp.weights_0_1[2, 1] == start
    assert exp.network().weights[0].frozen[1, 2]
    assert epochs[-1]["error"] < 0.01 * epochs[0]["error"]
    free = get("ch06.backprop")()
    for _ in range(240):
        free.step()
    assert free.weights_0_1[2, 1] != start  # it is a weight that learns when free
    exp.set_frozen("weights_1_2", 0, 3, True)
    w = exp.weights_1_2[3, 0]
    for _ in range(8):
        exp.step()
    assert exp.weights_1_2[3, 0] == w


def test_frozen_streetlight_weight():
    exp = get("ch06.whole-dataset")()
    exp.set_frozen("weights", 0, 1, True)
    for _ in range(60):
        r = exp.step().record
        assert r["new_weights"][1] == 0.48 and r["weight_deltas"][1] == 0.0
    assert r["new_weights"][0] != 0.5


# -- the other views ------------------------------------------------------------------------------------------
def test_network_describes_the_deep_net():
    exp = get("ch06.backprop")()
    net = exp.network()
    assert [layer.units for layer in net.layers] == [("light 1", "light 2", "light 3"),
                                                     ("hidden 1", "hidden 2", "hidden 3", "hidden 4"), ("walk?",)]
    assert net.layers[1].activation == "relu"
    assert net.layers[1].values is None and net.weights[0].last_delta is None
    r = exp.step().record
    net = exp.network()
    assert net.layers[0].values.tolist() == r["layer_0"].tolist()
    assert net.layers[1].values.tolist() == r["layer_1"].tolist()
    assert net.layers[2].values.tolist() == [r["prediction"]] and net.layers[2].goals.tolist() == [1.0]
    assert net.weights[0].values.tolist() == r["new_weights_0_1"].tolist()  # the same layout as the diagram
    assert net.weights[0].last_delta.tolist() == r["weight_deltas_0_1"].tolist()
    assert net.weights[1].last_delta.tolist() == r["weight_deltas_1_2"].tolist()


def test_set_weight_uses_the_diagrams_orientation():
    exp = get("ch06.backprop")()
    exp.set_weight("weights_0_1", 2, 1, 0.25)  # hidden 3 <- light 2
    assert exp.weights_0_1[1, 2] == 0.25
    exp.set_weight("weights_1_2", 0, 3, -2.0)
    r = exp.step().record
    assert r["weights_0_1"][2, 1] == 0.25 and r["weights_1_2"][0, 3] == -2.0  # records: the diagram's rows
    with pytest.raises(ParamError, match="rows 0..3 and columns 0..2"):
        exp.set_weight("weights_0_1", 0, 3, 1.0)
    with pytest.raises(ParamError):
        exp.set_weight("weights", 0, 0, 1.0)
    single = get("ch06.single-light")()
    single.set_weight("weights", 0, 2, 0.0)
    assert single.step().record["prediction"] == 0.5


@pytest.mark.parametrize("experiment_id", IDS)
def test_error_for_is_the_next_iterations_error_and_changes_nothing(experiment_id):
    exp = get(experiment_id)()
    for _ in range(3):
        exp.step()
    arrays = {w.name: w.values.copy() for w in exp.network().weights}
    before = exp.state()
    predicted = exp.error_for(arrays)
    after = exp.state()
    assert all(np.array_equal(before[k], after[k]) for k in arrays)
    assert exp.error_for({name: values + 0.5 for name, values in arrays.items()}) != predicted
    assert predicted == exp.step().record["error"]
    with pytest.raises(ParamError, match="shape"):
        exp.error_for({name: np.zeros(2) for name in arrays})


@pytest.mark.parametrize(("experiment_id", "rows", "goals"),
                         [("ch06.whole-dataset", 6, WALK_VS_STOP), ("ch06.backprop", 4, [1, 1, 0, 0])])
def test_data_table_marks_the_next_example(experiment_id, rows, goals):
    exp = get(experiment_id)()
    table = exp.data_table()
    assert table.inputs.tolist() == STREETLIGHTS[:rows]
    assert table.goals[:, 0].tolist() == goals
    assert table.input_names == ("light 1", "light 2", "light 3") and table.goal_names == ("walk?",)
    currents = []
    for _ in range(rows + 2):
        currents.append(exp.data_table().current)
        exp.step()
    assert currents == [*range(rows), 0, 1]


def test_single_light_table_follows_the_chosen_pattern():
    exp = get("ch06.single-light")()
    assert exp.data_table().current == 0
    exp.set_param("pattern", 3)
    assert exp.data_table().current == 3
    r = exp.step().record
    assert r["input"].tolist() == [1.0, 1.0, 1.0] and r["goal_prediction"] == 1.0


@pytest.mark.parametrize("experiment_id", IDS)
def test_predict_matches_the_next_prediction_without_changing_state(experiment_id):
    exp = get(experiment_id)()
    exp.step()
    out = exp.predict(np.array(STREETLIGHTS, dtype=float))
    assert out.shape == (6, 1)
    row = exp.data_table().current
    assert exp.iteration_index == 1
    assert out[row, 0] == exp.step().record["prediction"]
    with pytest.raises(ParamError, match="rows of 3"):
        exp.predict([[1, 0]])


@pytest.mark.parametrize("experiment_id", IDS)
def test_state_round_trip_continues_identically(experiment_id):
    a = get(experiment_id)()
    a.set_frozen(a.network().weights[0].name, 0, 0, True)
    for _ in range(5):
        a.step()
    saved = a.state()
    later = [a.step() for _ in range(7)]
    b = get(experiment_id)()
    b.load_state(saved)
    again = [b.step() for _ in range(7)]
    assert [str(r.record) for r in again] == [str(r.record) for r in later]
    assert [r.epoch for r in again] == [r.epoch for r in later]
    assert b.network().weights[0].frozen[0, 0]


@pytest.mark.parametrize("experiment_id", IDS)
def test_formulas_name_only_values_computed_by_then(experiment_id):
    exp = get(experiment_id)()
    known: set[str] = set()
    for result in exp.step().phases:
        known |= set(result.values)
        for template in exp.formulas[result.phase]:
            assert set(re.findall(r"\{(\w+)\}", template)) <= known, template
    assert set(exp.formulas) == {Phase.PREDICT, Phase.COMPARE, Phase.LEARN}
