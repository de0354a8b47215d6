"""A run's history in bounded memory: rows thinned evenly within a byte budget, a position that can move back and
forward along the known run, states on a grid that coarsens (epoch starts always on it), curves of earlier runs."""

import numpy as np
import pytest

from learning.catalogue import get
from learning.history import (
    ARCHIVE_POINTS,
    EPOCH_BUDGET,
    ITERATION_BUDGET,
    MOST_SNAPSHOTS,
    SNAPSHOT_BUDGET,
    History,
    Snapshots,
    Table,
    decimate,
    deep_bytes,
    state_bytes,
)


def record(i, columns=8):
    out = {"iteration": i, "error": float(i) * 0.5}
    for k in range(columns - 2):
        out[f"c{k}"] = float(i + k)
    return out


def test_the_budget_of_the_whole_history_is_50_mb():
    assert ITERATION_BUDGET + EPOCH_BUDGET + SNAPSHOT_BUDGET <= 50 * 2**20


def test_rows_stay_within_the_budget_and_evenly_spread():
    h = History(iteration_budget=64 * 1024, epoch_budget=4096)
    n = 100_000
    for i in range(n):
        h.add_iteration(record(i))
    table = h.iteration_table
    assert h.count == n == h.recorded
    assert table.nbytes <= 64 * 1024
    assert h.stride > 1 and h.stride & (h.stride - 1) == 0  # a power of two
    iterations = h.series("iteration")
    assert np.array_equal(iterations, np.arange(0, n, h.stride))  # row r is iteration r * stride
    assert np.array_equal(h.series("error"), iterations * 0.5)  # each row holds its own iteration's figures
    assert np.array_equal(h.series("c5"), iterations + 5)
    assert len(iterations) > table.most_rows() // 2  # thinned only as far as needed


def test_a_column_that_appears_late_is_padded_and_the_budget_holds():
    h = History(iteration_budget=32 * 1024)
    for i in range(20_000):
        r = {"iteration": i, "error": 1.0}
        if i >= 15_000:
            r.update({f"late{k}": float(i) for k in range(6)})
        h.add_iteration(r)
    assert h.iteration_table.nbytes <= 32 * 1024
    late = h.series("late3")
    rows = h.series("iteration")
    assert len(late) == len(rows)
    assert np.isnan(late[rows < 15_000]).all() and np.array_equal(late[rows >= 15_000], rows[rows >= 15_000])


def test_position_moves_back_and_forward_and_a_new_path_forgets_the_old():
    h = History()
    for i in range(100):
        h.add_iteration(record(i))
    h.seek(40, 0)
    assert h.count == 40 and len(h.series("error")) == 40 and h.recorded == 100
    for i in range(40, 50):  # replaying the same path: only the position moves
        h.add_iteration({"iteration": i, "error": -1.0})
    assert h.count == 50 and h.series("error")[45] == 22.5
    h.forget_after(50, 0)
    h.add_iteration({"iteration": 50, "error": -1.0})
    assert h.recorded == 51 and h.series("error")[-1] == -1.0


def test_thinned_history_seeks_and_forgets_by_iteration():
    h = History(iteration_budget=8 * 1024)
    for i in range(10_000):
        h.add_iteration(record(i))
    stride = h.stride
    h.seek(5_001, 0)
    assert h.series("iteration")[-1] == (5_000 // stride) * stride
    h.forget_after(5_001, 0)
    for i in range(5_001, 6_000):
        h.add_iteration({**record(i), "error": -1.0})
    rows = h.series("iteration")
    assert np.array_equal(rows, np.arange(0, 6_000, h.stride))
    errors = h.series("error")
    assert (errors[rows >= 5_001] == -1).all() and (errors[rows < 5_001] == rows[rows < 5_001] * 0.5).all()


def test_table_only_stores_when_asked_on_its_stride():
    t = Table(budget=8 * 16)  # 16 rows of one column
    stored = [t.add({"x": float(i)}) for i in range(64)]
    assert t.rows <= 16 and stored[-8:] == [i % t.stride == 0 for i in range(56, 64)]
    assert np.array_equal(t.series("x"), np.arange(0, 64, t.stride, dtype=float))


def test_epochs_are_bounded_too():
    h = History(epoch_budget=16 * 1024)
    for e in range(50_000):
        h.add_epoch({"epoch": e, "error": 1.0, "test_accuracy": 0.5})
    assert h.epoch_table.nbytes <= 16 * 1024 and h.epoch_count == 50_000
    assert np.array_equal(h.series("epoch", epochs=True), np.arange(0, 50_000, h.epoch_table.stride))


def test_decimate_keeps_a_short_curve_with_the_last_point():
    columns = {"iteration": np.arange(100_000.0), "error": np.arange(100_000.0) ** 0.5}
    out = decimate(columns, 1000)
    assert len(out["error"]) <= 1001 and out["iteration"][-1] == 99_999 and out["iteration"][0] == 0
    assert np.array_equal(out["error"], out["iteration"] ** 0.5)
    small = decimate({"e": np.arange(5.0)}, 1000)["e"]
    assert np.array_equal(small, np.arange(5.0))
    h = History()
    for i in range(10):
        h.add_iteration(record(i))
    iterations, epochs = h.decimated(ARCHIVE_POINTS)
    assert epochs == {} and np.array_equal(iterations["error"], np.arange(10) * 0.5)
    iterations["error"][0] = 99.0
    assert h.series("error")[0] == 0.0  # a copy


# -- states --------------------------------------------------------------------------------------------------

def fake_state(nbytes=800, records=()):
    return {"iteration_index": 0, "w": np.zeros(nbytes // 8), "epoch_records": list(records)}


def test_snapshots_coarsen_within_their_count():
    s = Snapshots(most=64)
    for i in range(100_000):
        if s.wants(i):
            s.add(i, fake_state())
    assert len(s.states) <= 64 and 0 in s.states
    kept = sorted(s.states)
    assert all(i % s.stride == 0 for i in kept)
    assert np.diff(kept).max() == s.stride and s.stride <= 2 * 100_000 // 64
    assert s.nearest(99_999)[0] == kept[-1] and s.nearest(5)[0] == 0


def test_snapshots_coarsen_within_their_bytes():
    s = Snapshots(budget_bytes=100 * 10_000, most=10_000)
    for i in range(5_000):
        if s.wants(i):
            s.add(i, fake_state(10_000))
    assert s.nbytes <= 100 * 10_000
    assert 50 <= len(s.states) <= 100  # coarsening halves: between half the room and the room


def test_a_state_bigger_than_the_budget_keeps_the_start_only():
    s = Snapshots(budget_bytes=1000)
    for i in range(100):
        if s.wants(i):
            s.add(i, fake_state(4000))
    assert list(s.states) == [0]


def test_the_grid_of_an_epoch_run_always_holds_epoch_starts():
    s = Snapshots(most=40, epoch_size=1000)
    seen_levels = set()
    for i in range(200_000):
        if s.wants(i):
            s.add(i, fake_state())
        seen_levels.add(s.level)
        if i in (3_000, 30_000):
            kept = sorted(s.states)
            assert {0, 1000, 2000} <= set(kept) or s.stride >= 1000
    assert len(seen_levels) > 10
    kept = sorted(s.states)
    assert all(i % 1000 == 0 for i in kept) and s.stride % 1000 == 0  # coarser than an epoch: epoch starts only
    for level in range(12):  # each level's grid is part of the level below
        assert all(s.on_grid(i, level) for i in range(0, 20_000) if s.on_grid(i, level + 1))


def test_records_of_an_epoch_are_counted_once():
    records = [{"error": 1.0, "layer_2": np.zeros(10)} for _ in range(100)]
    s = Snapshots(epoch_size=1000)
    own = 0
    for i in range(0, 100, 10):
        state = fake_state(800, records[:i])
        own += state_bytes(state)
        s.add(i, state)
    # the states share one epoch's records: counted once, for the longest prefix (90 records)
    assert s.nbytes == own + 90 * deep_bytes(records[0])
    other = [{"error": 1.0, "layer_2": np.zeros(10)} for _ in range(5)]  # another epoch's records count apart
    s.add(1000, fake_state(800, other))
    assert s.nbytes == own + state_bytes(fake_state(800, other)) + 90 * deep_bytes(records[0]) + 5 * deep_bytes(
        other[0])


@pytest.mark.parametrize("experiment", ["ch04.alpha", "ch06.backprop"])
def test_a_long_run_keeps_its_history_bounded_and_scrubbing_replays_little(experiment):
    """Structure of a long run: with budgets 1/256 of the real ones, 15,000 iterations behave like ~4 million."""
    from learning.history import History as H

    exp = get(experiment)()
    history = H(ITERATION_BUDGET // 256, EPOCH_BUDGET // 256)
    snaps = Snapshots(SNAPSHOT_BUDGET // 256, MOST_SNAPSHOTS // 256, exp.epoch_size)
    n = 15_000
    for i in range(n):
        if snaps.wants(i):
            snaps.add(i, exp.state())
        result = exp.step()
        history.add_iteration(result.record)
        if result.epoch is not None:
            history.add_epoch(result.epoch)
    assert history.stride > 1
    assert history.nbytes <= (ITERATION_BUDGET + EPOCH_BUDGET) // 256
    assert snaps.nbytes <= SNAPSHOT_BUDGET // 256 and len(snaps.states) <= MOST_SNAPSHOTS // 256
    kept = sorted(snaps.states)
    assert max(np.diff(kept).max(), n - kept[-1]) <= 2 * n / (MOST_SNAPSHOTS // 256) + (exp.epoch_size or 0)


def test_an_unchanged_random_state_is_kept_once():
    exp = get("ch04.alpha")()  # draws nothing after it starts
    snaps = Snapshots()
    for i in range(50):
        snaps.add(i, exp.state())
        exp.step()
    kept = list(snaps.states.values())
    assert all(s["rs"] is kept[0]["rs"] for s in kept)
    rs_bytes = deep_bytes(kept[0]["rs"])
    own = sum(state_bytes({k: v for k, v in s.items() if k != "rs"}) for s in kept)
    assert snaps.nbytes == own + rs_bytes and rs_bytes > 2000  # 624 words of MT19937, once


def test_a_changing_random_state_is_kept_each_time():
    from tests.learning.conftest import synthetic_mnist

    exp = get("ch08.mnist-dropout")(data=synthetic_mnist())  # draws a dropout mask every iteration
    snaps = Snapshots()
    for i in range(5):
        snaps.add(i, exp.state())
        exp.step()
    kept = list(snaps.states.values())
    assert len({id(s["rs"]) for s in kept}) == 5
    for i, state in snaps.states.items():  # each state still rewinds exactly
        again = get("ch08.mnist-dropout")(data=synthetic_mnist())
        for _ in range(i):
            again.step()
        assert np.array_equal(again.rs.get_state()[1], state["rs"][1]) and again.rs.get_state()[2] == state["rs"][2]
