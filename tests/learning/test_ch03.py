"""Chapter 3: every forward pass prints the book's anchor, digit for digit."""

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
