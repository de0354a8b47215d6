"""Chapter 13's experiments in the window: phase stepping, the math strip, the code panel, rewind, and the
diagram's note for the recurrent experiment, which has no network diagram."""

import os
from pathlib import Path

import numpy as np
import pytest

from desktop.panels.code import iteration_source
from desktop.runner import Runner
from learning import catalogue
from learning.experiment import Phase
from tests.shared_data import missing

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
TOYS = ["ch13.tensor-basics", "ch13.numpy-baseline", "ch13.autograd-linear", "ch13.autograd-sequential",
        "ch13.autograd-nonlinear", "ch13.autograd-embedding", "ch13.autograd-cross-entropy"]


@pytest.mark.parametrize("experiment_id", TOYS + ["ch13.rnn-babi"])
def test_the_code_panel_finds_every_phase(experiment_id):
    _, ranges = iteration_source(catalogue.get(experiment_id))
    assert set(ranges) == {Phase.PREDICT, Phase.COMPARE, Phase.LEARN}
    assert ranges[Phase.PREDICT][1] < ranges[Phase.COMPARE][0] <= ranges[Phase.COMPARE][1] < ranges[Phase.LEARN][0]


@pytest.mark.parametrize("experiment_id", TOYS)
def test_phase_steps_fill_the_math_strip_and_draw_the_network(qtbot, main_window, experiment_id):
    w = main_window
    w.open_experiment(experiment_id)
    assert w.runner.experiment.id == experiment_id
    for phase in (Phase.PREDICT, Phase.COMPARE, Phase.LEARN):
        w.runner.step_phase()
        assert w.runner.current_phase.phase is phase
        lines = w.math.lines()
        shown = [text for p, text, computed in lines if p is phase and computed]
        assert shown and not any(text.endswith("…") for text in shown), (phase, shown)
    assert w.runner.count == 1
    assert (w.diagram.picture is None) == (experiment_id == "ch13.tensor-basics")  # checks have no network


def test_rewind_in_the_window_replays_the_books_losses(qtbot, main_window):
    w = main_window
    w.open_experiment("ch13.autograd-cross-entropy")
    w.runner.run_to(6)
    losses = w.runner.history.series("error").copy()
    w.runner.rewind_to(2)
    assert w.runner.count == 2
    w.runner.run_to(6)
    np.testing.assert_array_equal(w.runner.history.series("error"), losses)
    assert losses[0] == 1.3885032434928422


def test_the_recurrent_experiment_says_it_has_no_network_diagram(qtbot, main_window, monkeypatch):
    if not (SHARED / "babi").is_dir() and not os.environ.get("GROKKING_DATA"):
        missing(f"the bAbI sample is not at {SHARED}")
    monkeypatch.setenv("GROKKING_DATA", os.environ.get("GROKKING_DATA") or str(SHARED))
    w = main_window
    w.open_experiment("ch13.rnn-babi")
    assert w.runner.experiment.id == "ch13.rnn-babi"
    assert w.runner.experiment.lines is not None  # loaded by the window's bAbI loader
    assert w.diagram.picture is None
    texts = [item.text() for item in w.diagram.scene().items() if hasattr(item, "text")]
    assert any("no network diagram" in t for t in texts)
    w.runner.step()  # an iteration of a data-set experiment may finish over several timer ticks
    qtbot.waitUntil(lambda: w.runner.count == 1)
    w.diagram.set_diagram_style("blocks")  # switching pictures keeps the note, no picture to build
    assert w.diagram.picture is None
    assert w.runner.count == 1 and w.runner.limit == 1000


def test_a_runner_drives_tensor_basics_through_its_seven_checks(qtbot):
    runner = Runner(catalogue.get("ch13.tensor-basics")())
    runner.run_to(7)
    assert runner.count == 7
    assert runner.history.series("part").tolist() == [1, 2, 3, 4, 5, 6, 14]
    assert runner.history.last_record["passed"] is True
