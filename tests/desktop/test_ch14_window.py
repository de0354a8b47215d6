"""Chapter 14's experiments in the window: opened from the catalogue with the book's text, phase-stepped (the
math strip shows the time step), played and paused mid-batch; views without a picture for them stay calm."""

import math
import os

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop.views.network.diagram import DiagramPanel
from tests.shared_data import missing


@pytest.fixture
def shared_data(monkeypatch):
    folder = os.environ.get("GROKKING_DATA")
    if not folder:
        missing("GROKKING_DATA is not set: this test opens shakespeare/book-shakespear.txt of ../shared/data")
    monkeypatch.setenv("GROKKING_DATA", folder)
    return folder


def test_char_lstm_steps_phase_by_phase_and_pauses_mid_batch(qtbot, main_window, shared_data):
    w = main_window
    w.open_experiment("ch14.char-lstm")
    runner = w.runner
    exp = runner.experiment
    assert exp.id == "ch14.char-lstm" and len(exp.text) == 99993
    w.setFocus()
    for _ in range(3):  # predict t=0, compare t=0, predict t=1
        qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert runner.mid_iteration and runner.current_phase.values["t"] == 1
    assert "t = 1:  x = embed(" in w.math.shown_text()
    weights = [a.copy() for a in exp.net.arrays()]
    values = exp.cell_values(stream=0)
    np.testing.assert_array_equal(values["h"], values["o"] * np.tanh(values["c"]))
    runner.step()  # finish the batch: in timer slices of a few milliseconds, the window stays responsive
    qtbot.waitUntil(lambda: runner.count == 1, timeout=20000)
    assert not runner.mid_iteration
    assert runner.history.last_record["perplexity"] == 62.000000000000064
    assert not np.array_equal(weights[-2], exp.net.arrays()[-2])  # the output layer learned
    assert runner.history.series("error")[0] == pytest.approx(math.log(62))

    learned = [a.copy() for a in exp.net.arrays()]
    runner.set_speed(None)
    runner.play()  # a tick computes for a few milliseconds: the batch is left half done
    qtbot.waitUntil(lambda: runner.mid_iteration, timeout=10000)
    runner.pause()
    assert runner.mid_iteration and not runner.playing and runner.count == 1
    assert exp.progress()["batch"] == 2
    if runner.current_phase.phase.value in ("predict", "compare"):  # paused in the forward pass: nothing learned
        for before, now in zip(learned, exp.net.arrays(), strict=True):
            np.testing.assert_array_equal(before, now)
    runner.step()
    qtbot.waitUntil(lambda: runner.count == 2, timeout=20000)
    assert runner.history.last_record["batch"] == 2


def test_views_without_a_picture_for_chapter_14_say_so(qtbot, main_window, shared_data):
    w = main_window
    w.open_experiment("ch14.char-rnn")
    w.show_view("diagram")
    diagram = w.findChild(DiagramPanel)
    assert diagram is not None
    diagram.refresh()
    assert diagram.picture is None
    assert any("no network diagram" in item.text() for item in diagram.scene().items() if hasattr(item, "text"))
    w.runner.step()
    qtbot.waitUntil(lambda: w.runner.count == 1, timeout=20000)
    diagram.refresh()
    w.open_experiment("ch04.gradient-descent")
    assert diagram.picture is not None  # drawn again for an experiment that has a network


def test_exploding_gradients_runs_its_twenty_steps(qtbot, main_window):
    w = main_window
    w.open_experiment("ch14.exploding-gradients")
    runner = w.runner
    for _ in range(20):
        runner.step()
    qtbot.waitUntil(lambda: runner.count == 20, timeout=5000)
    assert runner.count == 20 and not runner.playing
    assert runner.history.series("relu_norm")[-1] == pytest.approx(9765625 * math.sqrt(2))
    assert any(text.startswith("g = ([x > 0] ⊙ g) · Wᵀ") for _, text, _ in w.math.lines())
