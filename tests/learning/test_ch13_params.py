"""The chapter-13 switches the course uses: child counting for check 3 of tensor-basics, and MSELoss instead of
cross-entropy in autograd-cross-entropy (the book's defaults stay exact: tests/learning/test_ch13.py)."""

import math

import numpy as np

from learning import catalogue
from learning.framework import ops


def test_child_counting_fixes_check_3_and_changes_nothing_else():
    naive = catalogue.get("ch13.tensor-basics")()
    fixed = catalogue.get("ch13.tensor-basics")(child_counting=True)
    for k in range(7):
        a, b = naive.step().record, fixed.step().record
        if k == 2:  # check 3: b is used twice; the naive Tensor keeps only the last gradient
            np.testing.assert_array_equal(a["grad"], [1, 1, 1, 1, 1])
            np.testing.assert_array_equal(b["grad"], [2, 2, 2, 2, 2])
            assert (a["passed"], a["wrong_elements"], a["policy"]) == (False, 5, "naive")
            assert (b["passed"], b["wrong_elements"], b["policy"]) == (True, 0, "strict")
            assert b["printed"] == ("[ True  True  True  True  True]",)
        else:
            assert a["printed"] == b["printed"] and a["passed"] == b["passed"], k
            assert a.get("wrong_elements") == b.get("wrong_elements") == (None if k == 0 else 0)


def test_child_counting_is_live_from_the_next_check():
    exp = catalogue.get("ch13.tensor-basics")()
    exp.step()
    exp.step()
    assert exp.set_param("child_counting", True) is True
    assert exp.step().record["passed"] is True  # check 3, now counted
    assert exp.policy.name == "strict"


def first_iteration_by_hand(exp):
    """pred = tanh(embedding[words]) · W + b from the experiment's initial weights, with numpy only."""
    embed, _, linear = exp.model.layers
    hidden = np.tanh(embed.weight.data[[1, 2, 1, 2]])
    return hidden @ linear.weight.data + linear.bias.data


def test_mse_instead_of_cross_entropy_starts_from_the_same_weights():
    ce = catalogue.get("ch13.autograd-cross-entropy")()
    mse = catalogue.get("ch13.autograd-cross-entropy")(loss_layer="mse")
    for a, b in zip(ce.parameters(), mse.parameters(), strict=True):
        np.testing.assert_array_equal(a.data, b.data)  # the targets draw their ids either way
    pred = first_iteration_by_hand(mse)
    one_hot = np.eye(4)[[0, 1, 0, 1]]
    record = mse.step().record
    np.testing.assert_allclose(record["loss"], ((pred - one_hot) ** 2).sum(0), rtol=1e-12)
    assert record["error"] == record["loss"].sum()
    p = np.exp(pred) / np.exp(pred).sum(1, keepdims=True)
    assert math.isclose(record["p_target"], p[np.arange(4), [0, 1, 0, 1]].mean(), rel_tol=1e-12)
    assert ce.step().record["p_target"] == record["p_target"]  # the same forward pass
    assert mse.formulas[next(iter(mse.formulas))] == ce.formulas[next(iter(ce.formulas))]
    assert "MSELoss" in " ".join(mse.formulas[list(mse.formulas)[1]])


def test_cross_entropy_pushes_the_right_class_towards_certainty_mse_stops_at_the_one_hot():
    ce = catalogue.get("ch13.autograd-cross-entropy")()
    mse = catalogue.get("ch13.autograd-cross-entropy")(loss_layer="mse")
    for _ in range(200):
        last_ce, last_mse = ce.step().record, mse.step().record
    assert last_ce["p_target"] > 0.99
    # MSE is done when the outputs equal the one-hot rows, and softmax of a one-hot row gives e / (e + 3)
    assert last_mse["error"] < 1e-20
    assert math.isclose(last_mse["p_target"], math.e / (math.e + 3), rel_tol=1e-9)
    assert math.isclose(float(ops.softmax(np.eye(4))[0, 0]), math.e / (math.e + 3))
