"""Chapter 4: the book's anchors and whole trajectories, against the book's own loops."""

import math

import pytest

from learning.catalogue import get
from tests.learning import book_oracles as book


def run(experiment_id, n=None, **params):
    exp = get(experiment_id)(**params)
    return [exp.step().record for _ in range(n if n is not None else exp.iterations)]


def line(record):
    return f"Error:{record['error']!r} Prediction:{record['prediction']!r}"


def ulps(a, b):
    return abs(a - b) / math.ulp(max(abs(a), abs(b))) if a != b else 0


def test_compare_anchor():
    (record,) = run("ch04.compare")
    assert repr(record["error"]) == "0.30250000000000005"


def test_hot_cold_probe_prints_three_errors():
    (record,) = run("ch04.hot-cold-probe")
    assert repr(record["error"]) == "0.022499999999999975"
    w, x, g, s = 0.1, 8.5, 1.0, 0.01
    assert record["up_error"] == (x * (w + s) - g) ** 2
    assert record["down_error"] == (x * (w - s) - g) ** 2
    assert record["down_error"] > record["error"] > record["up_error"]  # up is "hot"


def test_hot_cold_all_1101_iterations():
    records = run("ch04.hot-cold")
    assert len(records) == 1101
    assert line(records[0]) == "Error:0.30250000000000005 Prediction:0.25"
    expected = book.hot_cold()
    assert [r["prediction"] for r in records] == [p for _, p in expected]  # predictions exact
    off = [i for i, (r, (e, _)) in enumerate(zip(records, expected, strict=True)) if r["error"] != e]
    assert all(ulps(records[i]["error"], expected[i][0]) <= 1 for i in off)  # BOOK.md 1.2: pow vs product
    assert len(off) <= 2


def test_hot_cold_weight_is_accumulated_not_multiplied():
    records = run("ch04.hot-cold")
    # 1100 steps of +0.001 from 0.5 by repeated addition: not 0.5 + 1100 * 0.001 exactly
    assert records[-1]["weight"] != 0.5 + 1100 * 0.001
    assert records[-1]["weight"] == pytest.approx(1.6)


@pytest.mark.parametrize(
    ("experiment_id", "anchor", "oracle"),
    [
        ("ch04.gradient-descent", "Error:0.30250000000000005 Prediction:0.25",
         lambda: book.direction_and_amount(0.5, 0.5, 0.8, 20)),
        ("ch04.reduce-error", "Error:0.6400000000000001 Prediction:0.0",
         lambda: book.with_alpha(0.0, 0.5, 0.8, 1, 4)),
        ("ch04.watch-steps", "Error:0.6400000000000001 Prediction:0.0",
         lambda: book.with_alpha(0.0, 1.1, 0.8, 1, 4)),
        ("ch04.divergence", "Error:0.03999999999999998 Prediction:1.0",
         lambda: book.with_alpha(0.5, 2.0, 0.8, 1, 20)),
        ("ch04.alpha", "Error:0.03999999999999998 Prediction:1.0",
         lambda: book.with_alpha(0.5, 2.0, 0.8, 0.1, 20)),
    ],
)
def test_whole_trajectory_matches_the_books_loop(experiment_id, anchor, oracle):
    records = run(experiment_id)
    expected = oracle()
    assert line(records[0]) == anchor
    assert [(r["error"], r["prediction"]) for r in records] == expected


def test_watch_steps_verbose_values():
    records = run("ch04.watch-steps")
    rows = [(r["weight"], r["error"], r["prediction"], r["delta"], r["weight_delta"]) for r in records]
    assert rows == book.watch_steps()
    preds = [r["prediction"] for r in records]
    assert preds[1] > 0.8 > preds[2]  # input 1.1 > 1: the prediction swings past the goal and back


def test_one_iteration_values():
    (r,) = run("ch04.one-iteration")
    assert r["prediction"] == pytest.approx(0.85)
    assert r["error"] == pytest.approx(0.0225)
    assert r["delta"] == pytest.approx(-0.15)
    assert r["weight_delta"] == pytest.approx(-1.275)
    assert r["new_weight"] == pytest.approx(0.11275)
    assert r["new_weight"] == 0.1 - r["weight_delta"] * 0.01


def test_divergence_grows_by_the_step_factor_and_alpha_tames_it():
    div = run("ch04.divergence")
    deltas = [r["delta"] for r in div]
    ratios = [b / a for a, b in zip(deltas, deltas[1:], strict=False)]
    assert ratios == pytest.approx([1 - 1.0 * 2.0**2] * 19)  # delta *= (1 - alpha * input^2) = -3
    assert div[-1]["error"] > 1e16
    tame = run("ch04.alpha")
    assert tame[-1]["error"] < tame[0]["error"] * 1e-3
    assert all(b < a for a, b in zip((r["error"] for r in tame), (r["error"] for r in tame[1:]), strict=False))


def test_divergence_facts_explain_the_step():
    exp = get("ch04.divergence")()
    facts = exp.divergence_facts()
    assert facts["alpha_input_squared"] == 4.0
    assert facts["step_factor"] == -3.0


def test_weight_delta_is_the_gradient_of_half_the_error():
    """Numerical check of the backward pass: d(error/2)/d(weight) == delta * input."""
    h = 1e-6
    for weight, input, goal in [(0.5, 0.5, 0.8), (0.5, 2.0, 0.8), (-1.3, 1.1, 0.2), (0.1, 8.5, 1.0)]:
        exp = get("ch04.gradient-descent")(weight=weight, input=input, goal=goal)
        record = exp.step().record

        def half_error(w, input=input, goal=goal):
            return 0.5 * (input * w - goal) ** 2

        numeric = (half_error(weight + h) - half_error(weight - h)) / (2 * h)
        assert record["weight_delta"] == pytest.approx(numeric, rel=1e-6, abs=1e-9)


def test_iteration_records_weight_before_update_and_new_weight_after():
    records = run("ch04.gradient-descent", 3)
    for a, b in zip(records, records[1:], strict=False):
        assert b["weight"] == a["new_weight"]
        assert a["new_weight"] == a["weight"] - a["alpha"] * a["weight_delta"]
