"""Opening an experiment that needs a data set: loaded when present (sample mode said), asked for when absent."""

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from learning import catalogue
from learning.datasets import locate
from learning.experiment import Experiment, Phase
from learning.network import Layer, Network
from tests.shared_data import data_root, need


class NeedsMnist(Experiment):
    id = "ch99.needs-mnist"
    title = "needs mnist"
    chapter = 99
    datasets = ("mnist",)

    def __init__(self, seed=None, data=None, **values):
        self.data = data
        super().__init__(seed, **values)

    def setup(self):
        assert self.data is not None, "the window must pass the loaded data"

    def iteration(self) -> Iterator[tuple[Phase, dict]]:
        yield Phase.PREDICT, {"prediction": float(self.data.images[0].sum())}

    def network(self):
        return Network([Layer("input", ("x",)), Layer("output", ("y",))])


@pytest.fixture
def needs_mnist(monkeypatch, tmp_path):
    monkeypatch.setitem(catalogue.EXPERIMENTS, NeedsMnist.id, NeedsMnist)
    monkeypatch.setattr(locate, "user_data_dir", lambda: tmp_path / "cache")  # an empty user cache
    return NeedsMnist


def test_present_data_is_loaded_and_sample_mode_is_said(qtbot, main_window, needs_mnist, monkeypatch):
    shared = data_root()  # GROKKING_DATA
    need(shared / "mnist")
    w = main_window
    w.open_experiment(NeedsMnist.id)
    assert w.runner.experiment.id == NeedsMnist.id
    data = w.runner.experiment.data
    assert data.sample_mode and data.images.shape == (1000, 784) and data.test_images.shape == (9000, 784)
    assert np.argmax(data.labels[0]) == 7  # the first MNIST test image is a 7
    assert w.banner.isVisible() and "sample" in w.banner.text.text().lower()


def test_absent_data_asks_and_cancel_keeps_the_current_experiment(qtbot, main_window, needs_mnist, monkeypatch):
    monkeypatch.delenv("GROKKING_DATA", raising=False)
    w = main_window
    before = w.runner.experiment.id
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        assert isinstance(dialog, QDialog)
        dialog.reject()
    QTimer.singleShot(0, answer)
    w.open_experiment(NeedsMnist.id)
    assert seen == ["DatasetDialog"]
    assert w.runner.experiment.id == before
    assert "needs the mnist data set" in w.statusBar().currentMessage()


def test_a_remembered_data_experiment_without_data_starts_on_the_default(qtbot, settings, needs_mnist, monkeypatch):
    from desktop.main_window import MainWindow
    from desktop.settings import DEFAULTS

    monkeypatch.delenv("GROKKING_DATA", raising=False)
    settings.set("run/experiment", NeedsMnist.id)
    w = MainWindow(settings, NeedsMnist.id)  # no dialog at start-up: it falls back quietly
    qtbot.addWidget(w)
    assert w.runner.experiment.id == DEFAULTS["run/experiment"]
