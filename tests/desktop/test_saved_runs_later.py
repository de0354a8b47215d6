"""File → Save run / Open run for chapters 11-15 in the window: a run saved part-way continues with the same
figures after it is reopened elsewhere; a run built on a finished run of the session reopens in a later session on
the weights it used, and says so. The data sets are found through GROKKING_DATA and replaced by small ones of the
same form (tests/learning/runfile_helpers.py), so that the test runs in seconds."""

import os

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from desktop import main_window as main_window_module
from learning.results import SESSION
from tests.learning.runfile_helpers import DATA
from tests.learning.test_ch15 import synthetic_enron
from tests.shared_data import missing

#: Experiments of chapters 11-15 and the iterations saved at (past the first epoch where it is short).
LATER = {"ch11.sentiment": 205, "ch11.word2vec": 30, "ch12.review-vectors": 405, "ch12.rnn-babi": 30,
         "ch13.rnn-babi": 25, "ch14.char-lstm": 9, "ch14.char-rnn": 9, "ch15.federated": 12, "ch15.paillier": 12}


@pytest.fixture
def small_data(monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: pytest.fail(text))
    if not os.environ.get("GROKKING_DATA"):
        missing("GROKKING_DATA is not set: the window looks for the data sets there")
    made = {name: make() for name, make in DATA.items()}
    made["enron"] = synthetic_enron(2600, 2600)  # the book's batches of 500: each client has e-mails for some
    loaders = dict(main_window_module.DATA_LOADERS, **{name: (lambda root, d=d: d) for name, d in made.items()})
    monkeypatch.setattr(main_window_module, "DATA_LOADERS", loaders)
    SESSION.clear()
    yield
    SESSION.clear()


def figures(runner):
    """The iteration rows of the run (without measured times)."""
    return {k: c.view.copy() for k, c in runner.history.iteration_table.columns.items() if not k.endswith("_seconds")}


def same_figures(a, b):
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k], equal_nan=True) for k in a)


@pytest.mark.parametrize("experiment_id", list(LATER))
def test_a_run_saved_in_the_window_reopens_and_continues_exactly(qtbot, main_window, small_data, tmp_path,
                                                                 experiment_id):
    w, n = main_window, LATER[experiment_id]
    w.open_experiment(experiment_id)
    runner = w.runner
    if "size" in runner.experiment.values:
        runner.set_param("size", "small")
        runner.reset()
    runner.run_to(n)
    saved_state = runner.experiment.state()
    assert w.save_run(tmp_path / "run.glrun")
    runner.run_to(n + 4)
    expected = figures(runner)
    w.open_experiment("ch04.alpha")  # somewhere else
    assert w.open_run(tmp_path / "run.glrun")
    assert runner.experiment.id == experiment_id and runner.count == n
    assert runner.run_values["seed"] == runner.experiment.seed  # every one is seeded: its label says so again
    assert runner.experiment.state().keys() == saved_state.keys()
    runner.run_to(n + 4)
    assert same_figures(figures(runner), expected)


def test_a_run_on_the_sessions_weights_reopens_on_them_in_a_later_session(qtbot, main_window, small_data, tmp_path):
    w = main_window
    w.open_experiment("ch11.sentiment")
    w.runner.run_to(400)  # the book's two epochs: its weights go to the session
    trained = SESSION.latest("ch11.sentiment")
    assert trained is not None
    w.open_experiment("ch12.review-vectors")
    exp = w.runner.experiment
    assert exp.weights_from == "session" and exp.weights is trained
    w.runner.run_to(2)
    assert w.save_run(tmp_path / "vectors.glrun")
    answers = [w.runner.experiment.step().record["best"] for _ in range(2)]
    SESSION.clear()  # a later session: nothing trained yet
    w.open_experiment("ch04.alpha")
    assert w.open_run(tmp_path / "vectors.glrun")
    again = w.runner.experiment
    assert again.weights_from == "saved run" and np.array_equal(again.weights.weights_0_1, trained.weights_0_1)
    assert (again.weights.experiment_id, again.weights.iterations) == ("ch11.sentiment", 400)
    assert [again.step().record["best"] for _ in range(2)] == answers
    assert SESSION.latest("ch11.sentiment") is None  # the session's store is left alone
