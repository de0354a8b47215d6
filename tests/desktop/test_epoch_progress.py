"""The epoch clock: wall seconds per iteration measured only while playing, and the estimate of an epoch's time
left; the controls show it for an experiment that reports its progress (chapter 14's character models)."""

import pytest

from desktop.epoch_progress import EpochClock, duration, progress_lines
from tests.shared_data import missing


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
    clock.observe(62.2, 16, True)  # 0.1 s: the mean of the four iterations measured
    assert clock.per_iteration == pytest.approx((0.5 + 1.0 + 0.1) / 4)
    assert clock.seconds_left(100) == pytest.approx(40.0)
    for k in range(100):  # a long steady stretch: only the latest iterations count
        clock.observe(62.2 + 0.05 * (k + 1), 17 + k, True)
    assert clock.per_iteration == pytest.approx(0.05)


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


def test_the_lines_say_batch_pace_and_time_left(qtbot):
    clock = EpochClock()
    progress = {"epoch": 0, "batch": 17, "batches": 249, "seconds_per_batch": 0.03, "wall_seconds_per_batch": 0.031,
                "seconds_left": 7.0}
    assert progress_lines(progress, clock) == ("Epoch 0: 16 of 249 batches done",
                                               "0.030 s of computing a batch · about 7 s left")
    for t, count in ((0, 0), (0.04, 1), (0.09, 2)):
        clock.observe(t, count, True)
    assert progress_lines(progress, clock) == ("Epoch 0: 16 of 249 batches done", "0.050 s a batch · about 12 s left")
    fresh = {**progress, "batch": 1, "seconds_per_batch": None}
    assert progress_lines(fresh, EpochClock()) == ("Epoch 0: 0 of 249 batches done", "")
    assert (duration(8.4), duration(125), duration(3780)) == ("8 s", "2 min 05 s", "1 h 03 min")


def test_the_controls_show_where_the_epoch_stands_for_a_character_model(qtbot, main_window, monkeypatch):
    import os

    if not os.environ.get("GROKKING_DATA"):
        missing("GROKKING_DATA is not set: this test opens shakespeare/book-shakespear.txt of ../shared/data")
    w = main_window
    assert not w.controls.epoch_line.isVisible()  # chapter 4: no epochs of batches to count
    w.open_experiment("ch14.char-rnn")
    w.runner.set_param("size", "small")
    w.runner.reset()
    w.runner.run_to(3)
    assert w.controls.epoch_line.isVisible() and w.controls.epoch_line.text() == "Epoch 0: 3 of 195 batches done"
    assert "s of computing a batch · about" in w.controls.eta_line.text()  # not played yet: the computing pace
    w.runner.set_speed(None)
    w.runner.play()
    # measured while it plays (from the controls' refreshes, a few a second: how many batches that takes depends
    # on the machine)
    qtbot.waitUntil(lambda: w.runner.count >= 8 and w.controls.epoch_clock.per_iteration is not None, timeout=30000)
    w.runner.pause()
    assert " s a batch · about " in w.controls.eta_line.text()
    w.open_experiment("ch04.gradient-descent")
    assert not w.controls.epoch_line.isVisible() and w.controls.epoch_clock.per_iteration is None
