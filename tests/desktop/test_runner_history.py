"""The runner's history: scrubbing forward replays from the nearest kept state (not from the current point),
earlier runs are kept as short curves, memory stays within its budget, and a change made at a kept state after a
rewind is replayed exactly."""

import numpy as np

from desktop.runner import Runner
from learning.catalogue import get
from learning.chapters.ch04_gradient_descent import GradientDescent
from learning.history import ARCHIVE_POINTS, History, Snapshots
from tests.desktop.test_runner import Counting, fake_clock  # noqa: F401 - a fixture


class CountingSteps(GradientDescent):
    """ch04.alpha that counts the iterations it computes."""

    id = "ch04.alpha"

    def setup(self) -> None:
        super().setup()
        self.computed = getattr(self, "computed", 0)

    def phases(self):
        self.computed += 1
        return (yield from super().phases())


def alpha(**values):
    cls = get("ch04.alpha")
    return type("Counted", (CountingSteps,), {"params": cls.params, "iterations": cls.iterations})(**values)


def test_scrubbing_forward_replays_from_the_nearest_state(qtbot):
    runner = Runner(alpha())
    runner.snapshots = Snapshots(most=64)
    runner.run_to(20_000)
    weights = runner.history.series("weight").copy()
    stride = runner.snapshots.stride
    assert len(runner.snapshots.states) <= 64 and stride <= 2 * 20_000 // 64
    runner.rewind_to(0)
    before = runner.experiment.computed
    runner.rewind_to(19_999)  # dragging the slider to the far end
    assert runner.count == 19_999
    assert runner.experiment.computed - before <= stride  # not 19,999 iterations from the current point
    assert runner.experiment.weight == weights[19_999]
    before = runner.experiment.computed
    runner.rewind_to(10_001)
    assert runner.experiment.computed - before <= stride and runner.experiment.weight == weights[10_001]
    assert np.array_equal(runner.history.series("weight"), weights[:10_001])
    before = runner.experiment.computed
    runner.rewind_to(10_005)  # a few steps on: from the current point, which is nearer
    assert runner.experiment.computed - before == 4


def test_the_figures_beyond_the_point_stay_until_the_run_takes_another_path(qtbot):
    runner = Runner(get("ch04.alpha")())
    runner.run_to(30)
    runner.rewind_to(10)
    assert runner.history.recorded == 30 and len(runner.history.series("error")) == 10
    runner.rewind_to(30)
    assert len(runner.history.series("error")) == 30
    runner.rewind_to(10)
    runner.step()  # a new path from 10
    assert runner.horizon == 11 and runner.history.recorded == 11


def test_a_change_at_a_kept_state_after_a_rewind_is_replayed(qtbot):
    runner = Runner(get("ch04.alpha")())
    runner.run_to(16)
    runner.rewind_to(8)
    assert 8 in runner.snapshots.states
    runner.set_param("alpha", 0.01)
    runner.run_to(20)
    errors = runner.history.series("error").copy()
    runner.rewind_to(8)
    assert runner.experiment.values["alpha"] == 0.01
    runner.rewind_to(20)
    assert runner.experiment.alpha == 0.01
    assert np.array_equal(runner.history.series("error"), errors)


def test_divergence_stays_known_when_scrubbing_past_it(qtbot):
    runner = Runner(get("ch04.divergence")())
    runner.snapshots = Snapshots(most=4)
    runner.run_to(200)
    assert runner.divergence is not None and runner.divergence.iteration == 6
    runner.rewind_to(3)
    assert runner.divergence is None
    runner.rewind_to(190)  # jumps to a state after the divergence
    assert runner.divergence is not None and runner.divergence.iteration == 6


def test_earlier_runs_are_kept_as_short_curves(qtbot):
    runner = Runner(get("ch04.alpha")())
    archives = []
    runner.archived.connect(archives.append)
    runner.run_to(3 * ARCHIVE_POINTS)
    runner.reset()
    archive = archives[-1]
    assert set(archive.iterations) == {"iteration", "error"}
    assert all(len(v) <= ARCHIVE_POINTS + 1 for v in archive.iterations.values())
    assert archive.iterations["iteration"][-1] == 3 * ARCHIVE_POINTS - 1
    total = sum(v.nbytes for v in archive.iterations.values())
    assert total <= 2 * 8 * (ARCHIVE_POINTS + 1)


def test_a_long_run_in_the_runner_stays_within_its_budgets(qtbot):
    runner = Runner(get("ch06.backprop")())
    runner.history = History(iteration_budget=64 * 1024, epoch_budget=16 * 1024)
    runner.snapshots = Snapshots(budget_bytes=64 * 1024, most=128, epoch_size=runner.experiment.epoch_size)
    runner.run_to(10_000)
    assert runner.history.iteration_table.stride > 1 and runner.history.epoch_table.stride > 1
    assert runner.history.nbytes <= 80 * 1024 and runner.snapshots.nbytes <= 64 * 1024
    epochs = runner.history.series("epoch", epochs=True)
    assert np.array_equal(epochs, np.arange(0, runner.history.epoch_count, runner.history.epoch_table.stride))
    errors = runner.history.series("error").copy()
    iterations = runner.history.series("iteration").copy()
    runner.rewind_to(2_345)
    runner.rewind_to(10_000)
    assert np.array_equal(runner.history.series("error"), errors)
    assert np.array_equal(runner.history.series("iteration"), iterations)


def test_saving_mid_iteration_finishes_the_iteration_first(qtbot, fake_clock):  # noqa: F811
    runner = Runner(Counting())
    runner.run_to(1)
    runner.step_phase()  # predict of iteration 1 (the one that closes the first epoch, with its test pass)
    assert runner.mid_iteration
    saved = runner.saved_run()
    assert not runner.mid_iteration and runner.count == 2 and saved.count == 2
    assert saved.state["iteration_index"] == 2 and runner.experiment.tests_run == 1
