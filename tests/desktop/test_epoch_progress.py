"""The epoch clock: wall seconds per iteration measured only while playing, and the estimate of an epoch's time
left; the controls show it for an experiment that reports its progress (chapter 14's character models)."""

import pytest

from desktop.epoch_progress import EpochClock, duration, progress_line


def test_the_pace_is_measured_between_iterations_of_uninterrupted_play():
    clock = EpochClock()
    clock.observe(0.0, 10, True)  # play begins in the middle of iteration 10
    clock.observe(0.3, 11, True)  # iteration 10 was partly done before: not a measurement
    assert clock.per_iteration is None
    clock.observe(0.8, 12, True)
    assert clock.per_iteration == pytest.approx(0.5)
    clock.observe(0.9, 12, True)  # a tick without a finished iteration changes nothing
    clock.observe(1.8, 14, True)  # two in one stretch: 0.5 s each again
    assert clock.per_iteration == pytest.approx(0.5)
    clock.observe(2.0, 14, False)  # paused for a minute: not counted
    clock.observe(62.0, 14, True)
    clock.observe(62.1, 15, True)
    clock.observe(62.2, 16, True)  # 0.1 s: the estimate moves a tenth of the way
    assert clock.per_iteration == pytest.approx(0.9 * 0.5 + 0.1 * 0.1)
    assert clock.seconds_left(100) == pytest.approx(46.0)


def test_rewinding_restarts_the_measurement_and_reset_forgets_it():
    clock = EpochClock()
    for t, count in ((0, 0), (1, 1), (2, 2)):
        clock.observe(t, count, True)
    assert clock.per_iteration == pytest.approx(1.0)
    clock.observe(3, 0, True)  # back to 0 while playing
    clock.observe(3.2, 1, True)
    assert clock.per_iteration == pytest.approx(1.0)
    clock.reset()
    assert clock.per_iteration is None and clock.seconds_left(10) is None
    assert clock.seconds_left(10, fallback=0.03) == pytest.approx(0.3)


def test_the_line_says_batch_pace_and_time_left(qtbot):
    clock = EpochClock()
    progress = {"epoch": 0, "batch": 17, "batches": 249, "seconds_per_batch": 0.03, "wall_seconds_per_batch": 0.031,
                "seconds_left": 7.0}
    assert progress_line(progress, clock) == ("Epoch 1 · batch 17 of 249 · 0.030 s of computing per batch · "
                                              "about 7 s left in the epoch")
    for t, count in ((0, 0), (0.04, 1), (0.09, 2)):
        clock.observe(t, count, True)
    assert progress_line(progress, clock) == ("Epoch 1 · batch 17 of 249 · 0.050 s per batch · about 12 s left in the "
                                              "epoch")
    fresh = {**progress, "batch": 1, "seconds_per_batch": None}
    assert progress_line(fresh, EpochClock()) == "Epoch 1 · batch 1 of 249"
    assert (duration(8.4), duration(125), duration(3780)) == ("8 s", "2 min 05 s", "1 h 03 min")
