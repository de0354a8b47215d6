"""Chapter 5: the book's printed numbers, whole runs against the book's loops, gradients, freezing."""

import re

import numpy as np
import pytest

from learning.catalogue import get
from learning.experiment import ParamError, Phase

IDS = ("ch05.multi-input", "ch05.freeze-weight", "ch05.multi-output", "ch05.multi-in-out")


# -- the book's cells, transcribed literally (plain Python, `** 2` as the notebooks write it) --------------
def book_multi_input_first_cell():
    """The chapter's first cell: one update, then `Weights:` and `Weight Deltas:` are printed."""

    def w_sum(a, b):
        assert len(a) == len(b)
        output = 0
        for i in range(len(a)):
            output += a[i] * b[i]
        return output

    weights = [0.1, 0.2, -0.1]

    def neural_network(input, weights):
        pred = w_sum(input, weights)
        return pred

    toes = [8.5, 9.5, 9.9, 9.0]
    wlrec = [0.65, 0.8, 0.8, 0.9]
    nfans = [1.2, 1.3, 0.5, 1.0]
    win_or_lose_binary = [1, 1, 0, 1]
    true = win_or_lose_binary[0]
    input = [toes[0], wlrec[0], nfans[0]]
    pred = neural_network(input, weights)
    error = (pred - true) ** 2  # noqa: F841 (computed, not printed, by the book)
    delta = pred - true

    def ele_mul(number, vector):
        output = [0, 0, 0]
        assert len(output) == len(vector)
        for i in range(len(vector)):
            output[i] = number * vector[i]
        return output

    weight_deltas = ele_mul(delta, input)
    alpha = 0.01
    for i in range(len(weights)):
        weights[i] -= alpha * weight_deltas[i]
    return ["Weights:" + str(weights), "Weight Deltas:" + str(weight_deltas)]


def book_multi_input_loop(alpha, freeze, iterations=3):
    """The three-iteration cell of "multiple inputs" (and of "freezing one weight" when freeze is True)."""

    def neural_network(input, weights):
        out = 0
        for i in range(len(input)):
            out += input[i] * weights[i]
        return out

    def ele_mul(scalar, vector):
        out = [0, 0, 0]
        for i in range(len(out)):
            out[i] = vector[i] * scalar
        return out

    toes = [8.5, 9.5, 9.9, 9.0]
    wlrec = [0.65, 0.8, 0.8, 0.9]
    nfans = [1.2, 1.3, 0.5, 1.0]
    win_or_lose_binary = [1, 1, 0, 1]
    true = win_or_lose_binary[0]
    weights = [0.1, 0.2, -0.1]
    input = [toes[0], wlrec[0], nfans[0]]
    lines = []
    for iter in range(iterations):
        pred = neural_network(input, weights)
        error = (pred - true) ** 2
        delta = pred - true
        weight_deltas = ele_mul(delta, input)
        if freeze:
            weight_deltas[0] = 0
        lines += ["Iteration:" + str(iter + 1), "Pred:" + str(pred), "Error:" + str(error), "Delta:" + str(delta),
                  "Weights:" + str(weights), "Weight_Deltas:", str(weight_deltas), ""]
        for i in range(len(weights)):
            weights[i] -= alpha * weight_deltas[i]
    return lines


def book_multi_output():
    weights = [0.3, 0.2, 0.9]

    def ele_mul(number, vector):
        output = [0, 0, 0]
        assert len(output) == len(vector)
        for i in range(len(vector)):
            output[i] = number * vector[i]
        return output

    def neural_network(input, weights):
        pred = ele_mul(input, weights)
        return pred

    wlrec = [0.65, 1.0, 1.0, 0.9]
    hurt = [0.1, 0.0, 0.0, 0.1]
    win = [1, 1, 0, 1]
    sad = [0.1, 0.0, 0.1, 0.2]
    input = wlrec[0]
    true = [hurt[0], win[0], sad[0]]
    pred = neural_network(input, weights)
    error = [0, 0, 0]
    delta = [0, 0, 0]
    for i in range(len(true)):
        error[i] = (pred[i] - true[i]) ** 2
        delta[i] = pred[i] - true[i]

    def scalar_ele_mul(number, vector):
        output = [0, 0, 0]
        assert len(output) == len(vector)
        for i in range(len(vector)):
            output[i] = number * vector[i]
        return output

    weight_deltas = scalar_ele_mul(input, delta)
    alpha = 0.1
    for i in range(len(weights)):
        weights[i] -= weight_deltas[i] * alpha
    return ["Weights:" + str(weights), "Weight Deltas:" + str(weight_deltas)], error


def book_multi_in_out(printed_book):
    """The notebook cell; `printed_book` swaps outer_prod's arguments as the printed book does (Q1)."""
    weights = [[0.1, 0.1, -0.3], [0.1, 0.2, 0.0], [0.0, 1.3, 0.1]]

    def w_sum(a, b):
        assert len(a) == len(b)
        output = 0
        for i in range(len(a)):
            output += a[i] * b[i]
        return output

    def vect_mat_mul(vect, matrix):
        assert len(vect) == len(matrix)
        output = [0, 0, 0]
        for i in range(len(vect)):
            output[i] = w_sum(vect, matrix[i])
        return output

    def neural_network(input, weights):
        pred = vect_mat_mul(input, weights)
        return pred

    toes = [8.5, 9.5, 9.9, 9.0]
    wlrec = [0.65, 0.8, 0.8, 0.9]
    nfans = [1.2, 1.3, 0.5, 1.0]
    hurt = [0.1, 0.0, 0.0, 0.1]
    win = [1, 1, 0, 1]
    sad = [0.1, 0.0, 0.1, 0.2]
    alpha = 0.01
    input = [toes[0], wlrec[0], nfans[0]]
    true = [hurt[0], win[0], sad[0]]
    pred = neural_network(input, weights)
    error = [0, 0, 0]
    delta = [0, 0, 0]
    for i in range(len(true)):
        error[i] = (pred[i] - true[i]) ** 2
        delta[i] = pred[i] - true[i]

    def zeros_matrix(rows, cols):
        return [[0] * cols for _ in range(rows)]

    def outer_prod(a, b):
        out = zeros_matrix(len(a), len(b))
        for i in range(len(a)):
            for j in range(len(b)):
                out[i][j] = a[i] * b[j]
        return out

    weight_deltas = outer_prod(input, delta) if printed_book else outer_prod(delta, input)
    for i in range(len(weights)):
        for j in range(len(weights[0])):
            weights[i][j] -= alpha * weight_deltas[i][j]
    return weights, weight_deltas


# -- helpers -----------------------------------------------------------------------------------------
def run(experiment_id, n=None, **params):
    exp = get(experiment_id)(**params)
    return [exp.step().record for _ in range(n if n is not None else exp.iterations)]


def printed(records):
    """The book's print lines of the multi-input loop, built from the engine's records."""
    lines = []
    for r in records:
        lines += ["Iteration:" + str(r["iteration"] + 1), "Pred:" + str(r["prediction"]), "Error:" + str(r["error"]),
                  "Delta:" + str(r["delta"]), "Weights:" + str(r["weights"]), "Weight_Deltas:",
                  str(r["weight_deltas"]), ""]
    return lines


def half_error(inputs, matrix, goals):
    """½ Σ_i (Σ_j W_ij x_j − goal_i)², computed independently of the engine."""
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(matrix, dtype=float)
    return 0.5 * float(np.sum((w @ x - np.asarray(goals, dtype=float)) ** 2))


def numeric_gradient(f, matrix, h=1e-6):
    m = np.array(matrix, dtype=float)
    g = np.zeros_like(m)
    for idx in np.ndindex(m.shape):
        up, down = m.copy(), m.copy()
        up[idx] += h
        down[idx] -= h
        g[idx] = (f(up) - f(down)) / (2 * h)
    return g


# -- anchors and whole runs ---------------------------------------------------------------------------
def test_multi_input_anchor_and_three_printed_iterations():
    records = run("ch05.multi-input")
    assert len(records) == 3
    assert "Pred:" + str(records[0]["prediction"]) == "Pred:0.8600000000000001"
    assert printed(records) == book_multi_input_loop(alpha=0.01, freeze=False)


def test_multi_input_first_cell_is_the_first_update():
    (r,) = run("ch05.multi-input", 1)
    assert ["Weights:" + str(r["new_weights"]), "Weight Deltas:" + str(r["weight_deltas"])] == (
        book_multi_input_first_cell())


def test_freeze_weight_prints_an_integer_zero_and_matches_the_book():
    records = run("ch05.freeze-weight")
    assert "Pred:" + str(records[0]["prediction"]) == "Pred:0.8600000000000001"
    assert printed(records) == book_multi_input_loop(alpha=0.3, freeze=True)
    for r in records:
        assert type(r["weight_deltas"][0]) is int and r["weight_deltas"][0] == 0
        assert str(r["weight_deltas"]).startswith("[0, ")
        assert r["new_weights"][0] == 0.1


def test_multi_output_anchor_and_deltas():
    (r,) = run("ch05.multi-output")
    expected, errors = book_multi_output()
    assert "Weights:" + str(r["new_weights"]) == "Weights:[0.293825, 0.25655, 0.868475]"
    assert ["Weights:" + str(r["new_weights"]), "Weight Deltas:" + str(r["weight_deltas"])] == expected
    assert r["error"] == errors


def test_multi_output_more_iterations_continue_from_the_updated_weights():
    records = run("ch05.multi-output", 5)
    for a, b in zip(records, records[1:], strict=False):
        assert b["weights"] == a["new_weights"]
    assert sum(records[-1]["error"]) < sum(records[0]["error"])


def test_multi_in_out_default_is_the_notebook_and_book_faithful_the_printed_book():
    # The notebook cell calls outer_prod(delta, input): weight_delta[i][j] = delta_i * input_j, the correct
    # gradient (row i = output i). The printed book calls outer_prod(input, delta), the transpose (quirk Q1).
    # The notebook's stored output comes from the correct form, so the anchor is a default-mode value.
    (default,) = run("ch05.multi-in-out")
    assert str(default["new_weights"][0]) == "[0.061325, 0.0970425, -0.30546]"
    weights, deltas = book_multi_in_out(printed_book=False)
    assert default["new_weights"] == weights and default["weight_deltas"] == deltas

    (faithful,) = run("ch05.multi-in-out", book_faithful=True)
    weights, deltas = book_multi_in_out(printed_book=True)
    assert faithful["new_weights"] == weights and faithful["weight_deltas"] == deltas
    assert faithful["new_weights"] != default["new_weights"]
    assert faithful["weight_deltas"] == [list(col) for col in zip(*default["weight_deltas"], strict=True)]
    assert faithful["prediction"] == default["prediction"]  # the quirk only touches the learn step


def test_notebook_values_with_old_numpy_repr_are_the_same_doubles():
    (r,) = run("ch05.multi-in-out")
    assert r["new_weights"][0] == [0.061324999999999998, 0.097042500000000004, -0.30546000000000001]


# -- gradients ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("weights", [(0.1, 0.2, -0.1), (-0.4, 1.3, 0.25), (2.0, -0.7, 0.0)])
def test_multi_input_weight_deltas_are_the_gradient_of_half_the_error(weights):
    exp = get("ch05.multi-input")(weights=weights)
    r = exp.step().record
    x = r["input"]
    numeric = numeric_gradient(lambda w: half_error(x, w, [r["goal"]]), [list(weights)])
    np.testing.assert_allclose([r["weight_deltas"]], numeric, rtol=1e-6, atol=1e-9)


def test_multi_output_weight_deltas_are_the_gradient_of_half_the_error():
    exp = get("ch05.multi-output")(weights=(0.5, -0.3, 1.7), goals=(0.2, 0.9, -0.4))
    r = exp.step().record
    numeric = numeric_gradient(lambda w: half_error([r["input"]], w, r["goals"]), [[0.5], [-0.3], [1.7]])
    np.testing.assert_allclose([[d] for d in r["weight_deltas"]], numeric, rtol=1e-6, atol=1e-9)


def test_multi_in_out_default_deltas_are_the_gradient_and_book_faithful_are_not():
    start = (0.1, 0.1, -0.3, 0.1, 0.2, 0.0, 0.0, 1.3, 0.1)
    matrix = [list(start[0:3]), list(start[3:6]), list(start[6:9])]
    r = get("ch05.multi-in-out")().step().record
    numeric = numeric_gradient(lambda w: half_error(r["input"], w, r["goals"]), matrix)
    np.testing.assert_allclose(r["weight_deltas"], numeric, rtol=1e-6, atol=1e-9)
    quirk = get("ch05.multi-in-out")(book_faithful=True).step().record
    assert not np.allclose(quirk["weight_deltas"], numeric)
    np.testing.assert_allclose(quirk["weight_deltas"], numeric.T, rtol=1e-6, atol=1e-9)


# -- freezing -----------------------------------------------------------------------------------------------
def test_frozen_weight_never_changes_and_the_others_still_lower_the_error():
    records = run("ch05.freeze-weight", 30)
    assert all(r["weights"][0] == 0.1 and r["new_weights"][0] == 0.1 for r in records)
    errors = [r["error"] for r in records]
    assert all(b < a for a, b in zip(errors, errors[1:], strict=False))
    assert errors[-1] < 1e-6 * errors[0]
    assert records[-1]["new_weights"][1] != records[0]["weights"][1]


def test_set_frozen_on_another_weight():
    # alpha 0.3 only works while toes (input 8.5) is frozen: 0.3 * 8.5² > 2 diverges, so learn it at 0.01
    exp = get("ch05.freeze-weight")(alpha=0.01)
    assert exp.network().weights[0].frozen.tolist() == [[True, False, False]]
    exp.set_frozen("weights", 0, 0, False)
    exp.set_frozen("weights", 0, 2, True)
    assert exp.network().weights[0].frozen.tolist() == [[False, False, True]]
    records = [exp.step().record for _ in range(10)]
    assert all(r["new_weights"][2] == -0.1 and r["weight_deltas"][2] == 0 for r in records)
    assert records[-1]["new_weights"][0] != 0.1  # weight 0 learns again
    assert records[-1]["error"] < records[0]["error"]


@pytest.mark.parametrize(("experiment_id", "row", "column"),
                         [("ch05.multi-output", 1, 0), ("ch05.multi-in-out", 2, 1), ("ch05.multi-input", 0, 1)])
def test_freezing_works_on_every_chapter_5_experiment(experiment_id, row, column):
    exp = get(experiment_id)()
    start = exp.network().weights[0].values[row, column]
    exp.set_frozen("weights", row, column, True)
    for _ in range(5):
        record = exp.step().record
        assert exp.network().weights[0].values[row, column] == start
        assert exp.network().weights[0].last_delta[row, column] == 0
    assert np.asarray(record["weight_deltas"], dtype=float).any()  # the other weights still move


def test_set_frozen_refuses_unknown_weights_with_a_message():
    exp = get("ch05.multi-in-out")()
    with pytest.raises(ParamError, match="no weight array 'w'"):
        exp.set_frozen("w", 0, 0, True)
    with pytest.raises(ParamError, match=r"rows 0\.\.2 and columns 0\.\.2"):
        exp.set_frozen("weights", 3, 0, True)


def test_freezes_survive_reset_and_travel_with_state():
    exp = get("ch05.multi-input")()
    exp.set_frozen("weights", 0, 1, True)
    saved = exp.state()
    exp.set_frozen("weights", 0, 1, False)
    exp.load_state(saved)
    assert exp.network().weights[0].frozen.tolist() == [[False, True, False]]
    exp.reset()
    assert exp.network().weights[0].frozen.tolist() == [[False, True, False]]
    assert exp.step().record["weight_deltas"][1] == 0


# -- the other views --------------------------------------------------------------------------------------
def test_network_rows_are_outputs_and_show_the_last_prediction():
    exp = get("ch05.multi-in-out")()
    net = exp.network()
    assert net.layers[0].units == ("toes", "wlrec", "nfans")
    assert net.layers[1].units == ("hurt?", "win?", "sad?")
    assert net.layers[1].values is None
    assert net.weights[0].values.tolist() == [[0.1, 0.1, -0.3], [0.1, 0.2, 0.0], [0.0, 1.3, 0.1]]
    r = exp.step().record
    net = exp.network()
    assert net.layers[1].values.tolist() == r["prediction"]
    assert net.layers[1].goals.tolist() == [0.1, 1.0, 0.1]
    assert net.weights[0].values.tolist() == r["new_weights"]
    assert net.weights[0].last_delta.tolist() == r["weight_deltas"]
    multi_output = get("ch05.multi-output")()
    assert multi_output.network().weights[0].shape == (3, 1)


def test_set_weight_edits_the_weight_the_next_iteration_uses():
    exp = get("ch05.multi-output")()
    exp.step()
    exp.set_weight("weights", 2, 0, -1.5)
    r = exp.step().record
    assert r["weights"][2] == -1.5
    assert r["prediction"][2] == r["input"] * -1.5
    with pytest.raises(ParamError):
        exp.set_weight("weights", 0, 1, 0.0)
    with pytest.raises(ParamError, match="finite"):
        exp.set_weight("weights", 0, 0, float("nan"))


@pytest.mark.parametrize("experiment_id", IDS)
def test_error_for_is_the_next_iterations_error_and_changes_nothing(experiment_id):
    exp = get(experiment_id)()
    exp.step()
    arrays = {w.name: w.values.copy() for w in exp.network().weights}
    before = exp.state()
    predicted = exp.error_for(arrays)
    assert exp.state()["weights"] == before["weights"] and exp.iteration_index == before["iteration_index"]
    r = exp.step().record
    assert predicted == pytest.approx(float(np.sum(r["error"])), rel=1e-15)
    bigger = {name: values + 1.0 for name, values in arrays.items()}
    assert exp.error_for(bigger) != predicted


def test_error_for_sees_a_pending_goal():
    exp = get("ch05.multi-input")()
    exp.set_param("goal", 0.5)
    arrays = {"weights": np.array([[0.1, 0.2, -0.1]])}
    assert exp.error_for(arrays) == pytest.approx((0.86 - 0.5) ** 2)


def test_predict_rows_without_changing_state():
    exp = get("ch05.multi-in-out")()
    out = exp.predict(np.array([[8.5, 0.65, 1.2], [1.0, 0.0, 0.0]]))
    assert out.shape == (2, 3)
    assert out[0].tolist() == [0.555, 0.9800000000000001, 0.9650000000000001]  # chapter 3's anchor
    assert out[1].tolist() == [0.1, 0.1, 0.0]
    assert exp.iteration_index == 0
    with pytest.raises(ParamError, match="rows of 3"):
        exp.predict(np.ones((2, 2)))


@pytest.mark.parametrize("experiment_id", IDS)
def test_state_round_trip_continues_identically(experiment_id):
    a = get(experiment_id)()
    a.step()
    saved = a.state()
    later = [a.step().record for _ in range(3)]
    b = get(experiment_id)()
    b.load_state(saved)
    assert [b.step().record for _ in range(3)] == later


def test_live_inputs_apply_at_the_next_iteration():
    exp = get("ch05.multi-input")()
    exp.step()
    assert exp.set_param("toes", 1.0) is True
    assert exp.set_param("weights", (0.0, 0.0, 0.0)) is False
    r = exp.step().record
    assert r["input"] == [1.0, 0.65, 1.2] and r["weights"] != [0.0, 0.0, 0.0]


@pytest.mark.parametrize("experiment_id", IDS)
def test_formulas_name_only_values_computed_by_then(experiment_id):
    exp = get(experiment_id)()
    known: set[str] = set()
    for result in exp.step().phases:
        known |= set(result.values)
        for template in exp.formulas[result.phase]:
            assert set(re.findall(r"\{(\w+)\}", template)) <= known, template
    assert set(exp.formulas) == {Phase.PREDICT, Phase.COMPARE, Phase.LEARN}
