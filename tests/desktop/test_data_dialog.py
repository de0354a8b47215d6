"""The data dialog, driven as a learner drives it: download from a server on 127.0.0.1 with progress,
cancel, failures in plain words, choose folder, use the sample; ensure_dataset."""

from __future__ import annotations

import hashlib
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop import data_dialog
from desktop.data_dialog import DatasetDialog, ensure_dataset, human_size
from learning.datasets.registry import Dataset, RemoteFile
from tests.learning.datasets.helpers import write_idx
from tests.learning.datasets.localserver import LocalServer

BODY = bytes(range(256)) * 1200  # 307,200 bytes: five 64 KiB chunks


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    monkeypatch.delenv("GROKKING_DATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return tmp_path


@pytest.fixture
def server():
    s = LocalServer()
    yield s
    s.close()


def served(server, body=BODY, mode="ok", sha=None) -> Dataset:
    """The Shakespeare entry, served from the local server."""
    server.routes["/shakespear.txt"] = (200, body, mode)
    file = RemoteFile("book-shakespear.txt", (server.url("/shakespear.txt"),), len(BODY),
                      sha or hashlib.sha256(BODY).hexdigest())
    return Dataset("shakespeare", "The book's Shakespeare-like text", "A test text.", "shakespeare", (file,),
                   "https://example.org", "nobody")


def make_dialog(qtbot, dataset, folder) -> DatasetDialog:
    dialog = DatasetDialog(None, dataset, folder, allow_local_http=True)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def files_in(folder):
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_human_size():
    assert human_size(512) == "512 bytes"
    assert human_size(9_912_422) == "9.9 MB"
    assert human_size(84_125_825) == "84.1 MB"
    assert human_size(1_648_877) == "1.6 MB"
    assert human_size(None) == "size not published"


def test_dialog_says_which_how_big_and_from_where(qtbot, isolated):
    dialog = make_dialog(qtbot, "mnist", isolated / "data")
    assert "MNIST" in dialog.windowTitle()
    details = dialog.details.text()
    assert "11.6 MB" in details  # the four published sizes
    assert "storage.googleapis.com" in details
    assert str(isolated / "data" / "mnist") in details
    assert not dialog.sample_button.isVisible() and dialog.download_button.isEnabled()


def test_download_with_progress(qtbot, isolated, server):
    dialog = make_dialog(qtbot, served(server), isolated / "data")
    seen: list[tuple[int, int, str]] = []
    dialog.progress_shown.connect(lambda done, total, text: seen.append((done, total, text)))
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
        assert dialog.downloading and not dialog.download_button.isEnabled()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.root == isolated / "data"
    assert (isolated / "data" / "shakespeare" / "book-shakespear.txt").read_bytes() == BODY
    assert files_in(isolated / "data") == ["book-shakespear.txt"]
    assert len(seen) >= 3 and seen[-1][0] == len(BODY) and {t for _, t, _ in seen} == {len(BODY)}
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    assert all(" of 307 kB · " in text and text.endswith("/s") for _, _, text in seen)
    assert dialog.progress.value() == 1000


def test_cancel_during_download_leaves_nothing(qtbot, isolated, server):
    dialog = make_dialog(qtbot, served(server, mode="hold"), isolated / "data")
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    # the server holds after 128 KiB: the window keeps answering while the worker waits
    qtbot.waitUntil(lambda: " of " in dialog.progress_text.text(), timeout=10_000)
    assert dialog.downloading and dialog.isVisible()
    with qtbot.waitSignal(dialog.download_failed, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert dialog.progress_text.text() == "Cancelling…"
        server.release.set()
    assert blocker.args == ["cancelled"]
    qtbot.waitUntil(lambda: not dialog.downloading, timeout=10_000)
    assert dialog.message.text() == "The download was cancelled. Nothing was kept."
    assert files_in(isolated / "data") == []
    assert dialog.isVisible() and dialog.download_button.isEnabled()  # the learner may try again
    assert dialog.root is None


def test_corrupt_download_is_refused_in_plain_words(qtbot, isolated, server):
    dialog = make_dialog(qtbot, served(server, body=BODY[:-1] + b"!"), isolated / "data")
    with qtbot.waitSignal(dialog.download_failed, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["checksum"]
    assert "checksum does not match" in dialog.message.text() and "deleted" in dialog.message.text()
    qtbot.waitUntil(lambda: dialog.download_button.isEnabled(), timeout=10_000)
    assert files_in(isolated / "data") == [] and dialog.isVisible()


def test_server_error_is_reported_in_plain_words(qtbot, isolated, server):
    ds = served(server)
    server.routes.clear()  # every request now answers 404
    dialog = make_dialog(qtbot, ds, isolated / "data")
    with qtbot.waitSignal(dialog.download_failed, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["http-status"]
    qtbot.waitUntil(lambda: not dialog.downloading, timeout=10_000)
    assert "HTTP 404" in dialog.message.text()
    assert files_in(isolated / "data") == []


def test_interrupted_download_is_reported(qtbot, isolated, server):
    dialog = make_dialog(qtbot, served(server, mode="short"), isolated / "data")
    with qtbot.waitSignal(dialog.download_failed, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["interrupted"]
    qtbot.waitUntil(lambda: not dialog.downloading, timeout=10_000)
    assert "connection broke" in dialog.message.text()
    assert files_in(isolated / "data") == []


def test_closing_during_a_download_cancels_it_first(qtbot, isolated, server):
    dialog = make_dialog(qtbot, served(server, mode="hold"), isolated / "data")
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: " of " in dialog.progress_text.text(), timeout=10_000)
    dialog.reject()  # Escape or the window's close button
    assert dialog.isVisible()  # not yet: the worker must stop first
    with qtbot.waitSignal(dialog.rejected, timeout=20_000):
        server.release.set()
    assert not dialog.downloading and files_in(isolated / "data") == []


def test_choose_folder_with_the_data(qtbot, isolated):
    folder = isolated / "elsewhere"
    (folder / "shakespeare").mkdir(parents=True)
    (folder / "shakespeare" / "shakespear.txt").write_text("O Romeo")
    dialog = make_dialog(qtbot, "shakespeare", isolated / "data")
    dialog.ask_folder = lambda: str(folder)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.root == folder and not dialog.used_sample


def test_choose_folder_without_the_data_says_what_was_expected(qtbot, isolated):
    (isolated / "empty").mkdir()
    dialog = make_dialog(qtbot, "mnist", isolated / "data")
    dialog.ask_folder = lambda: str(isolated / "empty")
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.root is None
    text = dialog.message.text()
    assert "No MNIST handwritten digits files were found in " + str(isolated / "empty") in text
    assert "t10k-images-idx3-ubyte.gz" in text


def test_choose_folder_cancelled_changes_nothing(qtbot, isolated):
    dialog = make_dialog(qtbot, "mnist", isolated / "data")
    dialog.ask_folder = lambda: ""
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.root is None and not dialog.message.isVisible()


def write_mnist_test_pair(root):
    write_idx(root / "mnist" / "t10k-images-idx3-ubyte.gz", np.zeros((20, 28, 28), np.uint8))
    write_idx(root / "mnist" / "t10k-labels-idx1-ubyte.gz", np.arange(20) % 10)


def test_partial_data_offers_the_sample(qtbot, isolated):
    write_mnist_test_pair(isolated / "data")
    dialog = make_dialog(qtbot, "mnist", isolated / "data")
    assert dialog.sample_button.isVisible()
    assert "Only part of it is on this computer" in dialog.state_label.text()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.sample_button, Qt.MouseButton.LeftButton)
    assert dialog.used_sample and dialog.root == isolated / "data"
    assert "9,000" in data_dialog.sample_mode_text("mnist")


def test_cancel_button_rejects(qtbot, isolated):
    dialog = make_dialog(qtbot, "babi", isolated / "data")
    assert "size not published" in dialog.details.text()
    with qtbot.waitSignal(dialog.rejected, timeout=5000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.root is None


def test_ensure_dataset_when_present_asks_nothing(qtbot, isolated, monkeypatch):
    (isolated / "data" / "babi").mkdir(parents=True)
    (isolated / "data" / "babi" / "qa1_single-supporting-fact_train.txt").write_text("1 Mary moved.\n")
    monkeypatch.setattr(DatasetDialog, "exec", lambda self: pytest.fail("no dialog expected"))
    assert ensure_dataset(None, "babi", isolated / "data") == isolated / "data"
    write_mnist_test_pair(isolated / "data")
    assert ensure_dataset(None, "mnist", isolated / "data") == isolated / "data"  # the sample is accepted


def test_ensure_dataset_when_absent_uses_the_dialog(qtbot, isolated, monkeypatch):
    elsewhere = isolated / "elsewhere"
    write_mnist_test_pair(elsewhere)
    answers = iter([str(elsewhere)])
    monkeypatch.setattr(DatasetDialog, "ask_folder", lambda self: next(answers))

    def run(self):
        self.folder_button.click()
        return self.result()

    monkeypatch.setattr(DatasetDialog, "exec", run)
    assert ensure_dataset(None, "mnist", isolated / "data") == elsewhere
    monkeypatch.setattr(DatasetDialog, "exec", lambda self: (self.cancel_button.click(), self.result())[1])
    assert ensure_dataset(None, "mnist", isolated / "data") is None


def test_the_download_runs_off_the_gui_thread(qtbot, isolated, server, monkeypatch):
    threads: list[int] = []
    download = data_dialog.reg.download

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return download(*args, **kwargs)

    monkeypatch.setattr(data_dialog.reg, "download", recording)
    dialog = make_dialog(qtbot, served(server), isolated / "data")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    assert len(threads) == 1 and threads[0] != threading.get_ident()
