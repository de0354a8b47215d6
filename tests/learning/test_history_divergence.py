"""History columns and the divergence monitor."""

import math

import numpy as np

from learning.catalogue import get
from learning.divergence import GROWTH_BOUND, DivergenceMonitor
from learning.history import History


def test_history_grows_past_its_capacity_and_pads_late_columns():
    h = History()
    for i in range(3000):
        record = {"iteration": i, "error": float(i)}
        if i >= 10:
            record["weight"] = 1.0
        h.add_iteration(record)
    assert h.count == 3000
    assert np.array_equal(h.series("error"), np.arange(3000.0))
    w = h.series("weight")
    assert len(w) == 3000 and np.isnan(w[:10]).all() and (w[10:] == 1).all()
    assert h.series("missing").size == 0


def test_history_sums_vector_errors():
    h = History()
    h.add_iteration({"iteration": 0, "error": [0.25, 0.5]})
    assert h.series("error")[0] == 0.75


def test_monitor_fires_on_runaway_error_at_the_right_iteration():
    exp = get("ch04.divergence")()
    monitor = DivergenceMonitor()
    fired = None
    for _ in range(20):
        record = exp.step().record
        fired = monitor.check(record)
        if fired:
            break
    assert fired is not None and fired.reason == "bound"
    # error_k = 0.04 * 9^k; first above 10,000 * max(0.04, 1) is k = 6
    assert fired.iteration == 6
    assert fired.error > GROWTH_BOUND > 0.04 * 9**5


def test_monitor_fires_on_non_finite_and_never_on_convergence():
    m = DivergenceMonitor()
    assert m.check({"iteration": 0, "error": 1.0}) is None
    d = m.check({"iteration": 1, "error": math.inf})
    assert d is not None and d.reason == "non_finite"
    exp = get("ch04.alpha")()
    m = DivergenceMonitor()
    assert all(m.check(exp.step().record) is None for _ in range(1000))
