"""Playing an experiment whose iteration is computed in slices (a character model's batch): the slices follow each
other at once, and the speed's interval is the pause between iterations, not between slices. Pause acts at once.

The runner's clock is faked (every reading is a millisecond later), so a tick computes a fixed number of slices and
nothing here depends on how fast the machine is; the runner's timer is driven by hand (one call = one tick)."""

from collections.abc import Iterator

import pytest

from desktop import runner as runner_module
from desktop.runner import Runner
from learning.experiment import Experiment, Phase

SLICES = 30


class Sliced(Experiment):
    """An iteration of SLICES phases, each a slice of work; `datasets` makes the runner treat it as heavy."""

    id = "test.sliced"
    title = "sliced"
    chapter = 99
    datasets = ("fake",)
    iterations = 50

    def setup(self) -> None:
        self.done = 0

    def iteration(self) -> Iterator[tuple[Phase, dict]]:
        yield Phase.PREDICT, {"prediction": 0.0}
        yield Phase.COMPARE, {"error": 1.0}
        for k in range(SLICES - 2):
            yield Phase.LEARN, {"slice": k}
        self.done += 1


@pytest.fixture
def fake_clock(monkeypatch):
    clock = iter(range(10**7))
    monkeypatch.setattr(runner_module.time, "perf_counter", lambda: next(clock) / 1000)


@pytest.fixture(autouse=True)
def in_line(monkeypatch):
    """The slices are computed on the window's thread (a light iteration); a heavy one goes to the worker, which
    computes its slices in a row while the timer polls for the result (test_the_worker_is_polled_not_waited_for)."""
    monkeypatch.setattr(Runner, "_off_thread", lambda self: False)


def tick(runner: Runner) -> None:
    """One timeout of the runner's timer, as the event loop would deliver it."""
    runner._timer.timeout.emit()


def test_the_slices_of_an_iteration_follow_at_once_and_the_speed_waits_between_iterations(qtbot, fake_clock):
    runner = Runner(Sliced())
    runner.set_speed(5)  # 200 ms between iterations
    runner.play()
    assert runner._timer.interval() == 200
    ticks = 0
    while runner.count == 0:
        tick(runner)
        ticks += 1
        if runner.count == 0:  # the batch is half done: its next slice comes at the next turn of the event loop
            assert runner.mid_iteration and runner.playing and runner._timer.interval() == 0
    assert ticks > 3  # the iteration really was computed in several slices
    assert runner.playing and not runner.mid_iteration
    assert runner._timer.interval() == 200  # the pause between iterations is back
    tick(runner)
    assert runner._timer.interval() == 0 and runner.count == 1  # the next iteration begins, in slices again
    runner.pause()


def test_speed_changes_and_play_keep_an_open_iteration_going_at_once(qtbot, fake_clock):
    runner = Runner(Sliced())
    runner.set_speed(1)
    runner.play()
    tick(runner)
    assert runner.mid_iteration and runner._timer.interval() == 0
    runner.set_speed(2)  # a new speed applies between iterations, not to the open one
    assert runner._timer.interval() == 0
    runner.pause()  # at once: the timer stops with the batch half done
    assert not runner.playing and not runner._timer.isActive() and runner.mid_iteration
    runner.play()
    assert runner._timer.interval() == 0
    while runner.count == 0:
        tick(runner)
    assert runner._timer.interval() == 500 and runner.experiment.done == 1


def test_a_test_pass_between_slow_iterations_also_goes_on_at_once(qtbot, fake_clock):
    from tests.desktop.test_runner import Counting

    runner = Runner(Counting())
    runner.set_speed(1)
    runner.play()
    tick(runner)  # example 0
    assert runner.count == 1 and runner._timer.interval() == 1000
    tick(runner)  # example 1 closes the epoch: its test pass of 40 chunks takes several ticks
    assert runner.mid_iteration and runner._timer.interval() == 0
    while runner.mid_iteration:
        tick(runner)
    assert runner.count == 2 and runner._timer.interval() == 1000
    runner.pause()


def test_the_worker_is_polled_not_waited_for(qtbot, monkeypatch):
    """A heavy iteration goes to the worker: while it computes, the timer looks for its result every POLL_MS, not
    after the speed's interval; once it is filed, the speed's interval is back."""
    monkeypatch.setattr(Runner, "_off_thread", lambda self: True)
    runner = Runner(Sliced())
    runner.set_speed(1)  # a second between iterations
    runner.play()
    tick(runner)  # hands the iteration to the worker
    assert runner.busy and runner._timer.interval() == runner_module.POLL_MS
    runner.set_speed(2)  # a new speed while the worker computes: still polled
    assert runner._timer.interval() == runner_module.POLL_MS
    qtbot.waitUntil(lambda: runner.count == 1, timeout=5000)
    assert not runner.busy and runner._timer.interval() == 500
    runner.pause()
