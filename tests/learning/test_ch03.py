"""Chapter 3: every forward pass prints the book's anchor, digit for digit."""

import numpy as np
import pytest

from learning.catalogue import get


@pytest.mark.parametrize(
    ("experiment_id", "printed"),
    [
        ("ch03.single-input", "0.8500000000000001"),
        ("ch03.multi-input", "0.9800000000000001"),
        ("ch03.multi-output", "[0.195, 0.13, 0.5850000000000001]"),
        ("ch03.multi-in-out", "[0.555, 0.9800000000000001, 0.9650000000000001]"),
        ("ch03.stacked", "[0.21350000000000002, 0.14500000000000002, 0.5065]"),
    ],
)
def test_prediction_prints_as_in_the_book(experiment_id, printed):
    record = get(experiment_id)().step().record
    assert str(record["prediction"]) == printed


def test_stacked_hidden_values_are_the_first_layer():
    record = get("ch03.stacked")().step().record
    assert record["hid"] == pytest.approx([0.86, 0.295, 1.23])


def test_inputs_are_parameters_and_change_the_prediction():
    exp = get("ch03.multi-input")(toes=9.5, wlrec=0.8, nfans=1.3)  # game 2
    assert exp.step().record["prediction"] == 9.5 * 0.1 + 0.8 * 0.2 + 1.3 * 0.0


def test_forward_only_experiments_yield_one_predict_phase():
    phases = [r.phase.value for r in get("ch03.multi-in-out")().step().phases]
    assert phases == ["predict"]


def test_network_rows_are_outputs():
    exp = get("ch03.multi-in-out")()
    exp.step()
    net = exp.network()
    assert net.weights[0].shape == (3, 3)
    assert net.weights[0].values[0].tolist() == [0.1, 0.1, -0.3]  # into hurt?
    assert net.layers[1].values.tolist() == exp.prediction


@pytest.mark.parametrize(
    ("experiment_id", "units", "weights"),
    [
        ("ch03.single-input", [("toes",), ("win?",)], {"weight": [[0.1]]}),
        ("ch03.multi-input", [("toes", "wlrec", "nfans"), ("win?",)], {"weights": [[0.1, 0.2, 0.0]]}),
        ("ch03.multi-output", [("wlrec",), ("hurt?", "win?", "sad?")], {"weights": [[0.3], [0.2], [0.9]]}),
        ("ch03.multi-in-out", [("toes", "wlrec", "nfans"), ("hurt?", "win?", "sad?")],
         {"weights": [[0.1, 0.1, -0.3], [0.1, 0.2, 0.0], [0.0, 1.3, 0.1]]}),
        ("ch03.stacked", [("toes", "wlrec", "nfans"), ("hid[0]", "hid[1]", "hid[2]"), ("hurt?", "win?", "sad?")],
         {"ih_wgt": [[0.1, 0.2, -0.1], [-0.1, 0.1, 0.9], [0.1, 0.4, 0.1]],
          "hp_wgt": [[0.3, 1.1, -0.3], [0.1, 0.2, 0.0], [0.0, 1.3, 0.1]]}),
    ],
)
def test_the_diagram_shows_the_books_units_and_weights(experiment_id, units, weights):
    exp = get(experiment_id)()
    net = exp.network()
    assert [layer.units for layer in net.layers] == units
    assert net.layers[-1].values is None  # nothing predicted yet
    assert {w.name: w.values.tolist() for w in net.weights} == weights
    assert [(w.source, w.target) for w in net.weights] == [(i, i + 1) for i in range(len(weights))]
    exp.step()
    net = exp.network()
    assert net.layers[0].values.tolist() == ([8.5, 0.65, 1.2] if len(units[0]) == 3 else
                                             [8.5] if units[0] == ("toes",) else [0.65])
    assert net.layers[-1].values.tolist() == pytest.approx(np.ravel(exp.prediction).tolist())
    if experiment_id == "ch03.stacked":
        assert net.layers[1].values.tolist() == pytest.approx([0.86, 0.295, 1.23])
