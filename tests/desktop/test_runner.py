"""The runner slices an epoch's test pass across timer ticks and keeps step/phase-step semantics."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from desktop import runner as runner_module
from desktop.runner import Runner
from learning.experiment import Experiment, Param, Phase
from learning.network import Layer, Network, Weights


class Counting(Experiment):
    """Two examples per epoch; the test pass yields 40 chunks; the error is the example index."""

    id = "test.counting"
    title = "counting"
    chapter = 99
    params = (Param("alpha", 0.1, "learning rate", 0.0, 1.0, live=True),)
    iterations = 6
    epoch_size = 2
    epochs = 3
    chunks = 40

    def setup(self) -> None:
        self.w = 0.0
        self.tests_run = 0

    def iteration(self) -> Iterator[tuple[Phase, dict]]:
        yield Phase.PREDICT, {"prediction": self.w}
        yield Phase.COMPARE, {"error": float(self.iteration_index % 2)}
        self.w += self.alpha
        yield Phase.LEARN, {"new_weight": self.w}

    def evaluate(self):
        for k in range(self.chunks):
            yield {"done": k + 1, "total": self.chunks}
        self.tests_run += 1
        return {"test_accuracy": 0.5}

    def network(self) -> Network:
        return Network([Layer("input", ("x",), [1.0]), Layer("output", ("y",), [self.w])],
                       [Weights("w", 0, 1, [[self.w]])])


@pytest.fixture
def fake_clock(monkeypatch):
    clock = iter(range(10**7))
    monkeypatch.setattr(runner_module.time, "perf_counter", lambda: next(clock) / 1000)


def test_test_pass_runs_in_slices_and_merges_into_the_epoch(qtbot, fake_clock):
    runner = Runner(Counting())
    progress, epochs = [], []
    runner.tested.connect(lambda done, total: progress.append((done, total)))
    runner.epoch_finished.connect(epochs.append)
    runner.step()  # example 0: no test pass
    assert runner.count == 1 and not progress
    runner.step()  # example 1 closes epoch 0: its 40-chunk test pass cannot fit in one 5 ms slice
    assert runner.count == 1 and runner.mid_iteration and progress
    assert progress[-1][0] < 40
    qtbot.waitUntil(lambda: runner.count == 2, timeout=5000)
    assert not runner.playing and not runner.mid_iteration
    assert progress[-1] == (40, 40)
    assert epochs == [{"epoch": 0, "error": 1.0, "test_accuracy": 0.5}]
    assert runner.experiment.tests_run == 1


def test_play_to_the_end_runs_every_test_pass_once(qtbot, fake_clock):
    runner = Runner(Counting())
    runner.set_speed(None)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.play()
    assert runner.count == 6 and runner.history.epoch_count == 3
    assert runner.experiment.tests_run == 3
    assert list(runner.history.series("test_accuracy", epochs=True)) == [0.5, 0.5, 0.5]


def test_pause_during_a_test_pass_keeps_the_iteration_open(qtbot, fake_clock):
    runner = Runner(Counting())
    runner.step()
    runner.step()
    runner.pause()
    assert runner.mid_iteration and runner.count == 1
    runner.step()  # finishes the open iteration (in slices)
    qtbot.waitUntil(lambda: runner.count == 2, timeout=5000)
    assert runner.experiment.tests_run == 1


def test_phase_step_walks_the_phases_and_then_the_test_pass(qtbot, fake_clock):
    runner = Runner(Counting())
    runner.step()
    seen = []
    runner.phase_stepped.connect(lambda r: seen.append(r.phase))
    runner.step_phase()
    runner.step_phase()
    assert seen == [Phase.PREDICT, Phase.COMPARE] and runner.count == 1
    runner.step_phase()  # learn: the iteration closes, its test pass goes on in slices
    qtbot.waitUntil(lambda: runner.count == 2, timeout=5000)
    assert seen == [Phase.PREDICT, Phase.COMPARE, Phase.LEARN]
    assert runner.experiment.tests_run == 1


def test_live_parameter_from_the_runner(qtbot):
    runner = Runner(Counting())
    changes = []
    runner.param_changed.connect(lambda *a: changes.append(a))
    assert runner.set_param("alpha", 0.5) is True
    runner.step()
    assert runner.history.last_record["new_weight"] == 0.5
    assert changes == [("alpha", 0.5, True)]


def test_rewind_replays_exactly_and_can_go_forward_again(qtbot):
    from learning.catalogue import get

    runner = Runner(get("ch04.alpha")())
    runner.run_to(15)
    weights = list(runner.history.series("weight"))
    runner.rewind_to(4)
    assert runner.count == 4 and runner.horizon == 15
    assert runner.experiment.weight == weights[4]  # the weight as it was before iteration 4
    assert list(runner.history.series("weight")) == weights[:4]
    runner.rewind_to(12)  # forward again along the same path
    assert runner.experiment.weight == weights[12] and runner.count == 12
    runner.rewind_to(2)
    runner.set_param("alpha", 0.05)  # a new path from iteration 2: the old future is forgotten
    runner.step()
    assert runner.horizon == 3 and runner.history.last_record["alpha"] == 0.05
    assert max(runner.snapshots.states) <= 2


def test_rewind_restores_parameters_and_random_state(qtbot):
    from learning.catalogue import get

    runner = Runner(get("ch04.divergence")())
    runner.run_to(3)
    runner.set_param("alpha", 0.1)
    runner.run_to(8)
    errors = list(runner.history.series("error"))
    runner.rewind_to(1)
    assert runner.experiment.values["alpha"] == 1.0  # as it was then
    runner.rewind_to(8)
    assert list(runner.history.series("error")) == errors


def test_snapshots_thin_out_within_their_budget(qtbot):
    from learning.catalogue import get
    from learning.history import Snapshots

    runner = Runner(get("ch04.hot-cold")())
    runner.snapshots = Snapshots(most=16)
    runner.run_to(1000)
    assert len(runner.snapshots.states) <= 16 and 0 in runner.snapshots.states
    errors = list(runner.history.series("error"))
    runner.rewind_to(777)
    assert runner.count == 777 and list(runner.history.series("error")) == errors[:777]
    runner.rewind_to(1000)
    assert list(runner.history.series("error")) == errors


def test_rewind_slider_in_the_controls(qtbot, main_window):
    w = main_window
    w.open_experiment("ch04.alpha")
    w.runner.run_to(20)
    slider = w.controls.rewind
    assert slider.maximum() == 20 and slider.value() == 20
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert w.runner.count == 0 and w.runner.experiment.weight == 0.5
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert w.runner.count == 10
    assert w.controls.status_text().startswith("Iteration 9 · 10 of 20 done")
    assert "the run reached iteration 19" in w.controls.status_text()


def test_a_data_set_run_played_off_the_window_thread_is_the_run_computed_in_line(qtbot, monkeypatch):
    """Heavy iterations (a conv batch) are computed by a worker thread while playing: the same run, exactly."""
    import threading

    import numpy as np

    from learning.chapters.ch08_regularization import MnistDropout
    from tests.learning.conftest import synthetic_mnist

    threads = set()

    class Watched(MnistDropout):
        def iteration(self):
            threads.add(threading.current_thread().name)
            yield from super().iteration()

    monkeypatch.setattr(runner_module, "HEAVY_S", -1.0)  # every iteration counts as heavy
    played = Runner(Watched(data=synthetic_mnist()))
    played.set_speed(None)
    played.play()
    qtbot.waitUntil(lambda: played.count >= 45, timeout=30000)  # two epochs and their test passes, and more
    played.set_param("alpha", 0.004)  # a command while the worker computes: it waits for it, then applies
    qtbot.waitUntil(lambda: played.count >= 50, timeout=30000)
    played.pause()
    assert not played.mid_iteration or played._work is None
    assert any(name.startswith("grokking-run") for name in threads)  # computed off the window's thread
    inline = Runner(Watched(data=synthetic_mnist()))
    changed_at = next(i for i, a in enumerate(played.history.series("alpha")) if a == 0.004)
    inline.run_to(changed_at)
    inline.set_param("alpha", 0.004)
    inline.run_to(played.count)
    assert np.array_equal(played.history.series("error"), inline.history.series("error"))
    assert np.array_equal(played.history.series("test_accuracy", epochs=True),
                          inline.history.series("test_accuracy", epochs=True))
    assert np.array_equal(played.experiment.weights_1_2, inline.experiment.weights_1_2)


def test_data_set_experiments_start_at_a_speed_that_shows_an_epoch_within_seconds(qtbot):
    from PySide6.QtGui import QAction

    from desktop.panels.controls import ControlsPanel
    from desktop.runner import SPEEDS, default_speed
    from learning.catalogue import get
    from learning.chapters.ch08_regularization import MnistBatch, MnistOverfit
    from tests.learning.conftest import synthetic_mnist

    runner = Runner(get("ch04.alpha")())
    actions = {k: QAction(k) for k in ("run.play", "run.step", "run.phase", "run.reset")}
    controls = ControlsPanel(runner, actions)
    qtbot.addWidget(controls)
    assert runner.speed == 5  # the book's small networks: one readable step at a time
    book = MnistOverfit(data=synthetic_mnist())
    runner.set_experiment(book)
    assert runner.speed == 1000 and controls.speed_label.text() == "1000/s"
    assert 1000 / runner.speed <= 2  # the book's epoch of 1,000 images: about a second, not 200 s at 5/s
    batch = MnistBatch(data=synthetic_mnist(), batch_size=5)
    assert default_speed(batch) == 100  # batches of 5: the offered speed nearest 1,000 images a second (200/s)
    from types import SimpleNamespace

    assert default_speed(SimpleNamespace(datasets=("mnist",), batch_size=100)) == 10  # the book's batches of 100
    controls.speed.setValue(SPEEDS.index(100))  # the learner's own choice for data sets …
    runner.set_experiment(get("ch04.alpha")())
    assert runner.speed == 5  # … does not carry over to the small networks,
    controls.speed.setValue(SPEEDS.index(20))
    runner.set_experiment(batch)
    assert runner.speed == 100  # and each kind keeps its own
    runner.set_experiment(get("ch05.multi-input")())
    assert runner.speed == 20 and controls.small_speed_index() == SPEEDS.index(20)


def test_a_pause_stops_the_worker_between_two_phases_and_views_wait_for_it(qtbot, monkeypatch):
    """While the worker computes an iteration, no view reads the experiment (a due redraw waits), and a pause stops
    the worker after the phase it is computing: the learner never waits for the rest of a long batch."""
    import threading

    from PySide6.QtWidgets import QWidget

    from desktop.repaint import Repaint
    from learning.chapters.ch08_regularization import MnistDropout
    from learning.experiment import Phase
    from tests.learning.conftest import synthetic_mnist

    gate, inside = threading.Event(), threading.Event()

    class Held(MnistDropout):
        def iteration(self):
            phases = super().iteration()
            yield next(phases)  # predict
            inside.set()
            gate.wait(5)  # the worker is held between predict and compare
            yield from phases

    monkeypatch.setattr(runner_module, "HEAVY_S", -1.0)  # every iteration goes to the worker
    runner = Runner(Held(data=synthetic_mnist()))
    view = QWidget()
    qtbot.addWidget(view)
    view.runner = runner
    redrawn = []
    repaint = Repaint(view, lambda: redrawn.append(runner.busy), 1, skip_hidden=False)
    runner.set_speed(None)
    runner.play()
    qtbot.waitUntil(inside.is_set, timeout=5000)
    assert runner.busy
    repaint.schedule()
    qtbot.wait(40)
    assert redrawn == []  # due, but the experiment is changing: it waits
    threading.Timer(0.05, gate.set).start()
    runner.pause()
    assert not runner.busy and runner.mid_iteration and runner.count == 0
    assert [r.phase for r in runner.iteration_phases] == [Phase.PREDICT, Phase.COMPARE]
    qtbot.waitUntil(lambda: redrawn == [False], timeout=2000)  # drawn once the worker is through
    runner.step()
    assert runner.count == 1 and not runner.mid_iteration


class FailsOnce(Counting):
    """Raises in its learn phase at iteration 3, once."""

    def setup(self) -> None:
        super().setup()
        self.failed = False

    def iteration(self) -> Iterator[tuple[Phase, dict]]:
        for phase, values in super().iteration():
            if phase is Phase.LEARN and self.iteration_index == 3 and not self.failed:
                self.failed = True
                raise RuntimeError("a bug in the learn phase")
            yield phase, values


def test_an_exception_in_the_experiment_pauses_and_drops_the_broken_iteration(qtbot):
    runner = Runner(FailsOnce())
    runner.limit = None
    runner.set_speed(1000)
    ticks = []
    runner.advanced.connect(ticks.append)
    with qtbot.capture_exceptions() as exceptions:
        runner.play()
        qtbot.waitUntil(lambda: bool(exceptions), timeout=5000)
        qtbot.wait(100)  # several ticks, had the timer gone on
    assert [str(e[1]) for e in exceptions] == ["a bug in the learn phase"]
    assert not runner.playing and not runner.mid_iteration and runner.count == 3
    assert list(runner.history.series("iteration")) == [0, 1, 2]
    runner.step()  # the iteration runs afresh
    assert runner.count == 4 and runner.history.last_record["iteration"] == 3


def test_an_exception_in_a_phase_step_leaves_no_half_iteration(qtbot):
    runner = Runner(FailsOnce())
    runner.run_to(3)
    runner.step_phase()
    runner.step_phase()
    with pytest.raises(RuntimeError):
        runner.step_phase()
    assert not runner.mid_iteration and runner.count == 3
    runner.step_phase()  # a fresh iteration 3: its predict phase
    assert runner.mid_iteration and runner.current_phase.phase is Phase.PREDICT


def test_step_while_playing_pauses_then_steps(qtbot):
    runner = Runner(Counting())
    runner.limit = None
    runner.set_speed(1)  # one iteration a second: the timer will not tick during this test
    changes = []
    runner.playing_changed.connect(changes.append)
    runner.play()
    runner.step()
    assert not runner.playing and changes == [True, False]
    assert runner.count == 1
    qtbot.wait(50)
    assert runner.count == 1


def test_an_exception_while_recording_a_tick_stops_the_timer(qtbot):
    runner = Runner(Counting())
    runner.limit = None
    runner.set_speed(100)  # a tick every 10 ms

    def broken_check(record):
        raise ValueError("a broken monitor")

    runner.monitor.check = broken_check
    with qtbot.capture_exceptions() as exceptions:
        runner.play()
        qtbot.waitUntil(lambda: bool(exceptions), timeout=5000)
        qtbot.wait(100)  # ten ticks, had the timer gone on
    assert len(exceptions) == 1 and not runner.playing
