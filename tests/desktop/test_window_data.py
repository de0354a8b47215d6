"""Opening an experiment that needs a data set: loaded when present (sample mode said), asked for when absent."""

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
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
    opened = []
    monkeypatch.setattr("desktop.main_window.ensure_dataset", lambda *a: opened.append(a))
    w = MainWindow(settings)  # no dialog at start-up for what was remembered: it falls back quietly
    qtbot.addWidget(w)
    qtbot.wait(50)
    assert w.runner.experiment.id == DEFAULTS["run/experiment"] and opened == []


def test_an_experiment_asked_for_on_the_command_line_without_its_data_asks_for_it(qtbot, settings, monkeypatch,
                                                                                    tmp_path):
    """`grokking-lab --experiment ch08.mnist-overfit` without MNIST: the window opens on the page of what it can
    run, then the data dialog asks for MNIST; cancelled, the status bar says what is missing and the course stays
    on the running experiment's page (never chapter 8's page over chapter 4's network)."""
    from desktop.main_window import MainWindow
    from desktop.settings import DEFAULTS

    monkeypatch.delenv("GROKKING_DATA", raising=False)
    monkeypatch.setattr(locate, "user_data_dir", lambda: tmp_path / "cache")
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.reject()

    w = MainWindow(settings, "ch08.mnist-overfit")
    qtbot.addWidget(w)
    w.show()
    assert w.runner.experiment.id == DEFAULTS["run/experiment"]
    assert w.lesson.page.experiment == w.runner.experiment.id
    QTimer.singleShot(0, answer)  # runs inside the dialog's own event loop, which the window's request starts
    qtbot.waitUntil(lambda: seen == ["DatasetDialog"], timeout=3000)
    qtbot.waitUntil(lambda: "needs the mnist data set" in w.statusBar().currentMessage(), timeout=3000)
    assert w.runner.experiment.id == DEFAULTS["run/experiment"]
    assert w.lesson.page.experiment == w.runner.experiment.id
    assert w.lesson.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == w.lesson.page.key


def test_an_experiment_asked_for_on_the_command_line_opens_on_its_page(qtbot, settings):
    from desktop.main_window import MainWindow

    w = MainWindow(settings, "ch05.freeze-weight")
    qtbot.addWidget(w)
    assert w.runner.experiment.id == "ch05.freeze-weight"
    assert w.lesson.page.key == "ch05/freeze-weight"
    assert w.lesson.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == "ch05/freeze-weight"
    assert "landscape" in w.workspace.shown()  # the page's views (it asks for the landscape)
