"""Chapters 8-10 in the window: every page shows its own experiment (from the course, the menu or the picker),
the seed field, formulas of the running mode, the loss each network minimises, the convolution's code.

Tiny synthetic MNIST is injected where the window would load the data; the real sample is read from GROKKING_DATA
where a test needs it."""

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from desktop import main_window as window_module
from desktop.panels.code import CodePanel
from desktop.panels.math import MathPanel
from desktop.runner import Runner
from desktop.views.plots.error_plot import EPOCH_ACCURACY, ITERATIONS, ErrorPlotPanel
from learning import catalogue
from learning.chapters.ch09_activations import MnistTanhSoftmax
from learning.chapters.ch10_convolution import MnistConv
from learning.datasets import locate
from tests.learning.conftest import synthetic_mnist
from tests.shared_data import missing

MNIST_PAGES = ("ch08", "ch09", "ch10")


@pytest.fixture
def with_digits(monkeypatch, tmp_path):
    """The window finds "MNIST" at once: 200 synthetic training images (two batches of 100) and 30 to test."""
    data = synthetic_mnist(train=256, test=30)
    monkeypatch.setattr(window_module, "ensure_dataset", lambda *args: tmp_path)
    monkeypatch.setattr(window_module, "dataset_status", lambda *args: type("S", (), {"state": "ok",
                                                                                       "root": tmp_path})())
    data.loads = []  # type: ignore[attr-defined]

    def load(root):
        data.loads.append(root)
        return data
    monkeypatch.setitem(window_module.DATA_LOADERS, "mnist", load)
    return data


def menu_action(window, experiment_id):
    for sub in window.experiment_menu.findChildren(QMenu):
        for action in sub.actions():
            if action.data() == experiment_id:
                return action
    raise AssertionError(experiment_id)


def shown_panels(window):
    """The views in front of their areas (the main view and the page's secondary views)."""
    return set(window.workspace.shown())


def named_views(page):
    return {name for name in page.panels if name not in ("math", "code")} | ({page.main} if page.main else set())


def test_every_page_of_chapters_8_to_10_shows_its_own_experiment_and_panels(qtbot, main_window, with_digits):
    w = main_window
    pages = [p for p in w.lesson.pages if p.key.split("/")[0] in MNIST_PAGES]
    assert len(pages) >= 10 and all(p.experiment for p in pages)
    for page in pages:
        assert w.lesson.open_page(page), page.key
        assert w.runner.experiment.id == page.experiment and w.lesson.page is page
        assert w.runner.experiment.data is with_digits
        assert shown_panels(w) <= named_views(page), page.key  # nothing left over from another chapter
        assert named_views(page) <= set(w.workspace.placed()), page.key  # every view the page names has a tab


@pytest.mark.parametrize(("experiment_id", "page_key"), [("ch08.mnist-overfit", "ch08/mnist"),
                                                         ("ch08.mnist-batch", "ch08/batch"),
                                                         ("ch09.mnist-tanh-softmax", "ch09/activation-functions"),
                                                         ("ch10.mnist-conv", "ch10/kernel")])
def test_opening_an_experiment_from_the_menu_selects_its_page(qtbot, main_window, with_digits, experiment_id,
                                                             page_key):
    w = main_window
    w.lesson.open_key("ch06/backprop")
    w.runner.step()
    menu_action(w, experiment_id).trigger()
    assert w.runner.experiment.id == experiment_id
    assert w.lesson.page.key == page_key
    assert w.lesson.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == page_key
    assert w.lesson.title.text() == w.lesson.page.title["en"] and w.lesson.text.toPlainText().strip()
    assert "streetlights" not in w.workspace.placed()  # chapter 6's view went with its network
    assert shown_panels(w) <= named_views(w.lesson.page)
    # the picker does the same
    w.picker.activated.emit(w.picker.findData("ch06.backprop"))
    assert w.runner.experiment.id == "ch06.backprop" and w.lesson.page.key == "ch06/backprop"


def test_an_experiment_whose_data_is_refused_leaves_the_course_and_the_network_as_they_were(qtbot, main_window,
                                                                                          monkeypatch, tmp_path):
    monkeypatch.delenv("GROKKING_DATA", raising=False)
    monkeypatch.setattr(locate, "user_data_dir", lambda: tmp_path / "cache")
    w = main_window
    w.lesson.open_key("ch06/backprop")
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(0, answer)
    menu_action(w, "ch08.mnist-dropout").trigger()
    assert seen == ["DatasetDialog"]
    assert w.runner.experiment.id == "ch06.backprop" and w.lesson.page.key == "ch06/backprop"
    assert w.lesson.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == "ch06/backprop"
    assert "streetlights" in w.workspace.placed()  # the page's own views stay
    assert "needs the mnist data set" in w.statusBar().currentMessage()
    # a page of chapter 8 clicked in the course is refused the same way
    QTimer.singleShot(0, answer)
    assert not w.lesson.open_key("ch08/overfitting")
    assert w.lesson.page.key == "ch06/backprop" and w.runner.experiment.id == "ch06.backprop"


def test_comparing_tanh_and_sigmoid_ticks_when_both_ran_at_the_same_alpha(qtbot, main_window, with_digits):
    w = main_window
    w.lesson.open_key("ch09/activation-functions")
    task = next(t for t in w.lesson.page.tasks if t.id == "tanh-or-sigmoid")
    exp = w.runner.experiment
    w.runner.run_to(2 * exp.epoch_size)  # two epochs with tanh
    assert task not in w.lesson.check_tasks()
    panel = w.workspace.view("activations")
    panel.choose("sigmoid")  # starts the run again; the tanh run is kept as an earlier run
    assert w.runner.count == 0 and w.runner.experiment.values["activation"] == "sigmoid"
    w.runner.run_to(exp.epoch_size)
    assert task not in w.lesson.check_tasks()  # one epoch is not yet two
    w.runner.run_to(2 * exp.epoch_size)
    assert task in w.lesson.check_tasks()


def test_the_seed_field_new_seed_and_reset(qtbot, main_window):
    w = main_window
    assert w.controls.seed_edit is None  # chapter 4 draws no random numbers
    w.open_experiment("ch06.backprop")
    edit, button = w.controls.seed_edit, w.controls.new_seed
    assert edit.text() == "1" and "seed 1" in w.controls.status_text()  # the book's seed
    start = w.runner.experiment.weights_0_1.copy()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    seed = int(edit.text())
    assert seed != 1 and "takes effect when you reset" in w.controls.message.text()
    assert w.runner.experiment.seed == 1 and np.array_equal(w.runner.experiment.weights_0_1, start)
    w.runner.run_to(4)
    w.actions["run.reset"].trigger()
    assert w.runner.experiment.seed == seed and f"seed {seed}" in w.controls.status_text()
    # the same starting weights as `python -m learning run ch06.backprop --seed N`
    assert np.array_equal(w.runner.experiment.weights_0_1, catalogue.get("ch06.backprop")(seed=seed).weights_0_1)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "42")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert w.runner.experiment.next_seed == 42 and w.runner.experiment.seed == seed
    w.runner.run_to(4)
    w.actions["run.reset"].trigger()
    assert w.runner.experiment.seed == 42 and edit.text() == "42"
    assert w.plot.ghosts[-1].label == f"seed={seed}"  # the earlier run is labelled with its seed


def test_book_faithful_is_shown_only_where_the_book_has_a_quirk_and_alpha_follows_the_mode(qtbot, main_window,
                                                                                        with_digits):
    w = main_window
    assert "book_faithful" not in w.controls.fields  # chapter 4: a no-op, not offered
    w.lesson.open_key("ch08/batch")
    alpha, faithful = w.controls.fields["alpha"], w.controls.fields["book_faithful"]
    assert alpha.text() == "0.1"
    faithful.click()
    assert w.runner.experiment.values["alpha"] == 0.1  # on reset, like the switch
    w.actions["run.reset"].trigger()
    assert alpha.text() == "0.001" and w.runner.experiment.alpha == 0.001
    w.runner.step_phase()
    w.runner.step_phase()
    w.runner.step_phase()
    w.math.refresh()
    assert "repeat 100 times" in w.math.shown_text() and "updates per batch" not in w.math.shown_text()


def test_the_math_strip_shows_what_each_mode_computes(qtbot):
    tiny = synthetic_mnist()
    for book, expected, other in ((False, "kernels += alpha", "kernels −= alpha"),
                                  (True, "kernels −= alpha", "kernels += alpha")):
        runner = Runner(MnistConv(data=tiny, batch_size=4, book_faithful=book))
        panel = MathPanel(runner)
        qtbot.addWidget(panel)
        runner.step()
        panel.refresh()
        assert expected in panel.shown_text() and other not in panel.shown_text()
        assert ("0 … 24" in panel.shown_text()) == book  # Q7: 25 × 25 windows


def test_the_plot_names_the_loss_it_shows(qtbot):
    tiny = synthetic_mnist()
    runner = Runner(MnistTanhSoftmax(data=tiny, batch_size=5))
    plot = ErrorPlotPanel(runner)
    qtbot.addWidget(plot)
    runner.run_to(8)
    plot.view.setCurrentIndex(plot.view.findData(ITERATIONS))
    plot.refresh()
    _, y = plot.data()
    assert np.array_equal(y, runner.history.series("loss"))  # the cross-entropy, not the squared error
    label = plot.plot.getPlotItem().getAxis("left").labelText
    assert "cross-entropy loss, summed over a batch of 5" in label
    assert "cross-entropy" in plot.readout.text()
    # chapter 10: the legend says what training accuracy is divided by, per mode (Q8)
    for book, divisor in ((False, 16), (True, 20)):
        runner = Runner(MnistConv(data=tiny, batch_size=8, book_faithful=book, test_every=0))
        plot = ErrorPlotPanel(runner)
        qtbot.addWidget(plot)
        runner.run_to(2)
        plot.view.setCurrentIndex(plot.view.findData(EPOCH_ACCURACY))
        plot.refresh()
        assert plot.train_label(EPOCH_ACCURACY) == f"train (correct ÷ {divisor})"


def test_the_code_panel_of_chapter_10_shows_the_convolution(qtbot):
    runner = Runner(MnistConv(data=synthetic_mnist(), batch_size=4))
    panel = CodePanel(runner)
    qtbot.addWidget(panel)
    source = panel.view.toPlainText()
    assert "windows.dot(self.kernels)" in source and "k_update = windows.T.dot(" in source
    assert "ch10_convolution.py" in panel.caption.text()
    runner.step_phase()
    first, last = panel.current_lines()
    assert any("windows.dot(self.kernels)" in line for line in source.splitlines()[first:last + 1])


def test_the_command_line_opens_a_data_experiment_once_on_its_page(qtbot, settings, with_digits):
    w = window_module.MainWindow(settings, "ch10.mnist-conv")
    qtbot.addWidget(w)
    assert w.runner.experiment.id == "ch10.mnist-conv" and w.lesson.page.key == "ch10/kernel"
    assert w.runner.experiment.values["test_images"] == 2000  # the page's values
    assert len(with_digits.loads) == 1  # the data is read once


def test_the_real_sample_opens_from_the_menu(qtbot, main_window, monkeypatch):
    if not os.environ.get("GROKKING_DATA") or not (Path(os.environ["GROKKING_DATA"]) / "mnist").is_dir():
        missing("GROKKING_DATA is not set: this test reads the MNIST sample of ../shared/data")
    w = main_window
    menu_action(w, "ch08.mnist-overfit").trigger()
    assert w.runner.experiment.id == "ch08.mnist-overfit" and w.lesson.page.key == "ch08/mnist"
    assert w.runner.experiment.data.images.shape == (1000, 784)
