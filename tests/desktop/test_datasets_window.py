"""The Data sets window: what is present, its size and where; imports checked in a worker; Download… opens
the data dialog for the selected data set."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop.data_dialog import DatasetDialog
from desktop.datasets_window import DatasetsWindow, open_datasets_window
from learning.datasets import registry
from tests.learning.datasets.helpers import write_idx


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    monkeypatch.delenv("GROKKING_DATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return tmp_path


def make_window(qtbot, folder) -> DatasetsWindow:
    window = DatasetsWindow(folder)
    qtbot.addWidget(window)
    window.show()
    return window


def row(window, name) -> list[str]:
    r = window.names.index(name)
    return [window.table.item(r, c).text() for c in range(window.table.columnCount())]


def test_lists_every_data_set_with_its_state_size_and_place(qtbot, isolated):
    data = isolated / "data"
    write_idx(data / "mnist" / "t10k-images-idx3-ubyte.gz", np.zeros((20, 28, 28), np.uint8))
    write_idx(data / "mnist" / "t10k-labels-idx1-ubyte.gz", np.arange(20) % 10)
    (data / "shakespeare").mkdir(parents=True)
    (data / "shakespeare" / "book-shakespear.txt").write_text("x" * 1500)
    window = make_window(qtbot, data)
    assert window.table.rowCount() == len(registry.DATASETS)
    mnist_size = sum(p.stat().st_size for p in (data / "mnist").iterdir())
    assert row(window, "mnist") == ["MNIST handwritten digits", "A sample only", f"{mnist_size} bytes",
                                    str(data / "mnist")]
    assert row(window, "shakespeare") == ["The book's Shakespeare-like text", "Yes", "1.5 kB",
                                          str(data / "shakespeare")]
    assert row(window, "imdb") == ["IMDB movie reviews", "No", "84.1 MB to download", "—"]
    assert row(window, "babi") == ["bAbI tasks, v1.1", "No", "—", "—"]  # the archive's size is not published
    assert str(data) in window.folder_label.text()


def test_download_button_follows_the_selection(qtbot, isolated):
    data = isolated / "data"
    (data / "shakespeare").mkdir(parents=True)
    (data / "shakespeare" / "book-shakespear.txt").write_text("abc")
    window = make_window(qtbot, data)
    window.select("shakespeare")
    assert not window.download_button.isEnabled()  # already complete
    assert "99,993-character" in window.about.text() and "github.com/iamtrask" in window.about.text()
    window.select("mnist")
    assert window.download_button.isEnabled()
    qtbot.mouseClick(window.download_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.dialog, DatasetDialog) and window.dialog.dataset.name == "mnist"
    assert window.dialog.isVisible()
    with qtbot.waitSignal(window.dialog.finished, timeout=5000):
        window.dialog.reject()
    assert window.dialog is None


def test_import_checks_copies_and_refreshes(qtbot, isolated):
    source = isolated / "downloads"
    write_idx(source / "t10k-images-idx3-ubyte", np.zeros((10_000, 28, 28), np.uint8))
    write_idx(source / "t10k-labels-idx1-ubyte", np.arange(10_000) % 10)
    (source / "notes.txt").write_text("not data")
    window = make_window(qtbot, isolated / "data")
    window.select("mnist")
    window.ask_files = lambda: [str(p) for p in sorted(source.iterdir())]
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    assert not window.import_button.isEnabled()  # busy while the worker checks and copies
    qtbot.waitUntil(lambda: window.worker_thread is None, timeout=20_000)
    assert "Imported 2 file(s)" in window.message.text() and "notes.txt" in window.message.text()
    assert row(window, "mnist")[1] == "A sample only"
    assert (isolated / "data" / "mnist" / "t10k-labels-idx1-ubyte").exists()
    assert window.import_button.isEnabled()


def test_import_of_a_bad_file_says_why_and_copies_nothing(qtbot, isolated):
    bad = isolated / "downloads" / "t10k-labels-idx1-ubyte"
    write_idx(bad, np.arange(500) % 10)
    window = make_window(qtbot, isolated / "data")
    window.select("mnist")
    window.import_paths("mnist", [bad])
    qtbot.waitUntil(lambda: window.worker_thread is None, timeout=20_000)
    assert "500 entries, MNIST has 10000" in window.message.text()
    assert not (isolated / "data" / "mnist").exists()
    assert row(window, "mnist")[1] == "No"


def test_import_cancelled_in_the_file_dialog_does_nothing(qtbot, isolated):
    window = make_window(qtbot, isolated / "data")
    window.select("enron")
    window.ask_files = lambda: []
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    assert window.worker_thread is None and window.message.text() == ""


def test_open_datasets_window_reuses_the_open_one(qtbot, isolated):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    first = open_datasets_window(parent, isolated / "a")
    second = open_datasets_window(parent, isolated / "b")
    assert first is second and second.isVisible() and second.folder == isolated / "b"
    assert str(isolated / "b") in second.folder_label.text()
