"""Every experiment of the catalogue round-trips exactly through a saved run — its state, the states kept for
rewinding, its history — at several points (the start, inside the first epoch, past an epoch or past its training),
and continues with the same records and the same weights as the run that was saved."""

import numpy as np
import pytest

from learning import catalogue
from learning.runcheck import check_run
from learning.runfile import capture, read_run, write_run
from tests.learning.runfile_helpers import go_on, make, run, same, untimed

#: Where the runs are saved: iterations done, or "past" = past the first epoch (or past the trainer's iterations
#: of an experiment that trains another's weights first; 103 iterations for the others).
POINTS = [0, 7, 45, "past"]


def past(experiment_id):
    """Iterations to a point past the first epoch or the training (the kept states then span it)."""
    exp, _, _ = run(experiment_id, 0)
    if exp.epoch_size:
        return exp.epoch_size + 3
    return getattr(exp, "training_iterations", 100) + 3


def saved_and_opened(tmp_path, exp, history, snaps):
    path = write_run(tmp_path / "a.glrun", capture(exp, history, snaps, dict(exp.values), page="ch04/alpha"))
    loaded = read_run(path)
    return loaded, check_run(loaded, make)


@pytest.mark.parametrize("experiment_id", list(catalogue.EXPERIMENTS))
@pytest.mark.parametrize("point", POINTS)
def test_every_experiment_round_trips_and_continues_exactly(tmp_path, experiment_id, point):
    n = past(experiment_id) if point == "past" else point
    exp, history, snaps = run(experiment_id, n)
    loaded, again = saved_and_opened(tmp_path, exp, history, snaps)
    assert same(again.state(), exp.state())
    assert loaded.count == n and loaded.page == "ch04/alpha" and loaded.experiment_id == experiment_id
    assert set(loaded.snapshots) == set(snaps.states) | {0}  # a run not started keeps its start to rewind to
    for k, state in snaps.states.items():
        assert same(loaded.snapshots[k], state)
    for name, column in history.iteration_table.columns.items():
        assert np.array_equal(loaded.iterations[name], column.view, equal_nan=True)
    for name, column in history.epoch_table.columns.items():
        assert np.array_equal(loaded.epochs[name], column.view, equal_nan=True)
    for _ in range(5):  # continues with the same numbers
        a, b = exp.step(), again.step()
        assert same(untimed(a.record), untimed(b.record)) and same(untimed(a.epoch), untimed(b.epoch))
    assert same(again.state(), exp.state())  # and the same weights


@pytest.mark.parametrize("experiment_id", ["ch11.sentiment", "ch12.review-vectors", "ch15.paillier"])
def test_a_kept_state_rewinds_to_the_same_run(tmp_path, experiment_id):
    """Rewinding the reopened run to a kept state and replaying gives the original run's records again."""
    n = past(experiment_id)
    exp, history, snaps = run(experiment_id, n)
    loaded, again = saved_and_opened(tmp_path, exp, history, snaps)
    middle = max(k for k in loaded.snapshots if k < n)
    again.load_state(loaded.snapshots[middle])
    original = make(type(exp), exp.seed, dict(exp.values), exp.data)
    for _ in range(middle):
        original.step()
    for _ in range(n - middle + 2):
        assert same(untimed(again.step().record), untimed(original.step().record))


def test_a_saved_run_saved_again_is_the_same_file(tmp_path):
    """Reopening and saving again changes nothing (the arrays the states share stay shared)."""
    exp, history, snaps = run("ch11.word2vec", 45)
    loaded, again = saved_and_opened(tmp_path, exp, history, snaps)
    history2, snaps2 = go_on(again, 0)
    snaps2.restore(loaded.snapshots, loaded.snapshot_level)
    history2.restore(loaded.iterations, loaded.iteration_stride, loaded.epochs, loaded.epoch_stride, loaded.horizon,
                     loaded.count, again.epoch_size)
    first = (tmp_path / "a.glrun").read_bytes()
    write_run(tmp_path / "b.glrun", capture(again, history2, snaps2, dict(loaded.start_values), page="ch04/alpha"))
    assert (tmp_path / "b.glrun").read_bytes() == first
