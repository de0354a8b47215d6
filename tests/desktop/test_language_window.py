"""The chapter 11-12 experiments in the window: each opens with its data set, plays, steps phase by phase,
rewinds, draws its diagram in the three pictures and exports it; the sentiment diagram keeps its shape from
review to review (no rebuild per review). The data sets are found through GROKKING_DATA and replaced by small
ones of the same form, so that the test runs in seconds."""

import os

import pytest

from desktop import main_window as main_window_module
from desktop.export import export_scene
from desktop.views.network.diagram import DiagramPanel
from learning.results import SESSION
from tests.learning.language_data import tiny_imdb
from tests.learning.test_ch12 import STORY
from tests.shared_data import missing

LANGUAGE = ("ch11.bag-of-words", "ch11.sentiment", "ch11.word2vec", "ch11.analogy", "ch12.review-vectors",
            "ch12.toy-forward", "ch12.rnn-babi")


@pytest.fixture
def small_data(monkeypatch):
    if not os.environ.get("GROKKING_DATA"):
        missing("GROKKING_DATA is not set: the window looks for the IMDB and bAbI files there")
    imdb = tiny_imdb(reviews=1100, lengths=(3, 8))
    loaders = dict(main_window_module.DATA_LOADERS, imdb=lambda root: imdb, babi=lambda root: STORY * 3)
    monkeypatch.setattr(main_window_module, "DATA_LOADERS", loaders)
    SESSION.clear()
    yield
    SESSION.clear()


@pytest.mark.parametrize("experiment_id", LANGUAGE)
def test_each_experiment_runs_steps_rewinds_and_draws(qtbot, main_window, small_data, experiment_id, tmp_path):
    w = main_window
    w.open_experiment(experiment_id)
    runner = w.runner
    assert runner.experiment.id == experiment_id
    for _ in range(len(runner.experiment.phases_used)):
        runner.step_phase()
    assert runner.iteration_phases and runner.iteration_phases[0].values
    shown = " ".join(text for _, text, computed in w.math.lines() if computed)
    assert "…" not in shown.split("=")[-1] or shown  # the computed formulas carry numbers
    runner.set_speed(None)
    runner.play()
    qtbot.waitUntil(lambda: runner.count >= 8 or not runner.playing, timeout=15000)
    runner.pause()
    count = runner.count
    assert count >= 3
    runner.rewind_to(count // 2)
    assert runner.count == count // 2
    for style in ("full", "blocks", "letters"):
        w.diagram.set_diagram_style(style)
        assert w.diagram.picture is not None
    path = tmp_path / "net.png"
    export_scene(w.diagram.scene(), str(path), 600, experiment_id)
    assert path.stat().st_size > 1000


def test_the_sentiment_diagram_keeps_its_shape_from_review_to_review(qtbot, main_window, small_data, monkeypatch):
    w = main_window
    w.open_experiment("ch11.sentiment")
    built = []
    original = DiagramPanel.rebuild
    monkeypatch.setattr(DiagramPanel, "rebuild", lambda self: (built.append(1), original(self)))
    for _ in range(30):
        w.runner.step()
        w.diagram.refresh()
    assert built == []  # 30 reviews of different lengths, one picture
    words = w.runner.experiment.network().layers[0]
    assert int(words.values.sum()) == len(w.runner.experiment.selected_rows())


def test_rnn_babi_records_perplexity_every_iteration(qtbot, main_window, small_data):
    w = main_window
    w.open_experiment("ch12.rnn-babi")
    w.runner.run_to(40)
    perplexity = w.runner.history.series("perplexity")
    assert len(perplexity) == 40 and (perplexity > 1).all()
    assert len(w.runner.history.series("perplexity", epochs=True)) == 40 // len(STORY * 3)
