"""When a lesson needs a data set that is absent: say which, how big, from where; offer Download (progress
with bytes, speed and Cancel, in a worker thread), Choose folder…, or Cancel.

`ensure_dataset(parent, name, folder)` is what the main window calls before it opens an experiment that
needs data: it returns the data root to pass to the loaders, or None when the learner gave up.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from learning.datasets import DatasetError
from learning.datasets import registry as reg
from learning.datasets.download import DownloadError
from learning.datasets.locate import download_root
from learning.datasets.registry import Dataset

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def dataset_title(ds: Dataset) -> str:
    """The data set's title in the current language."""
    return QCoreApplication.translate("Datasets", ds.title)


def dataset_description(ds: Dataset) -> str:
    """The data set's description in the current language."""
    return QCoreApplication.translate("Datasets", ds.description)


def human_size(count: int | None) -> str:
    """Bytes for people: 512 bytes, 4.5 kB, 11.6 MB, 1.2 GB (powers of 1000)."""
    if count is None:
        return translate("DataDialog", "size not published")
    if count < 1000:
        return translate("DataDialog", "{0} bytes").format(count)
    for unit, scale in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if count < scale * 1000 or unit == "GB":
            value = count / scale
            text = f"{value:.1f}" if value < 100 else f"{value:.0f}"
            return translate("DataDialog", "{0} {1}").format(text, unit)
    return str(count)


def reason_text(reason: str, detail: str = "", status: int | None = None) -> str:
    """What went wrong, in plain words, for a DownloadError reason id (or "bad-content", "unexpected")."""
    texts = {
        "insecure-url": translate("DataDialog", "This address is not secure; only https:// downloads are allowed."),
        "http-status": translate(
            "DataDialog",
            "The server refused the file (HTTP {0}). It may have moved; try again later, or "
            "choose a folder that already holds the data.",
        ).format(status if status else "?"),
        "connection": translate(
            "DataDialog", "The server could not be reached. Check the internet connection and try again."
        ),
        "timeout": translate("DataDialog", "The server did not answer in time. Try again later."),
        "interrupted": translate(
            "DataDialog", "The connection broke before the whole file arrived. Nothing was kept; try again."
        ),
        "size": translate(
            "DataDialog",
            "The downloaded file is not the published one (its size differs), so it was deleted. "
            "Try again later, or use a copy you trust.",
        ),
        "checksum": translate(
            "DataDialog",
            "The downloaded file is not the published one (its checksum does not match), so it was "
            "deleted. Try again later, or use a copy you trust.",
        ),
        "no-checksum": translate(
            "DataDialog",
            "No checksum is known for this file, so it cannot be downloaded safely. "
            "Import a copy you trust instead.",
        ),
        "cancelled": translate("DataDialog", "The download was cancelled. Nothing was kept."),
        "disk": translate("DataDialog", "The file could not be saved: {0}").format(detail),
        "bad-content": translate("DataDialog", "The data could not be read: {0}").format(detail),
    }
    return texts.get(reason, translate("DataDialog", "Something unexpected went wrong: {0}").format(detail))


def sample_mode_text(name: str) -> str:
    """What "sample mode" means for a data set, for the lesson's banner (empty when it has none)."""
    texts = {
        "mnist": translate(
            "DataDialog",
            "Sample mode: the MNIST training images are not on this computer, so this lesson trains on "
            "the first 1,000 test images and tests on the other 9,000. Its numbers differ from the book's.",
        ),
        "imdb": translate(
            "DataDialog",
            "Sample mode: only part of the IMDB reviews is on this computer, so this lesson learns from "
            "fewer reviews than the book. Its numbers differ from the book's.",
        ),
    }
    return texts.get(name, "")


class Job(QObject):
    """Runs `work(progress, cancelled, stage)` in a worker thread and reports only through signals."""

    progressed = Signal(object, object)  # done bytes, total bytes (0: unknown); Python ints, no 2 GB limit
    staged = Signal(str)
    succeeded = Signal(object)
    failed = Signal(str, str, object)  # reason id, detail, HTTP status or None

    def __init__(self, work: Callable[[Any, Any, Any], object]) -> None:
        super().__init__()
        self.work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next chunk (thread-safe)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        """The thread's body: never lets an exception escape, every outcome is a signal."""
        try:
            result = self.work(self.progressed.emit, self._cancel.is_set, self.staged.emit)
        except DownloadError as exc:
            self.failed.emit(exc.reason, str(exc), exc.status)
        except DatasetError as exc:
            self.failed.emit("bad-content", str(exc), None)
        except OSError as exc:
            self.failed.emit("disk", exc.strerror or str(exc), None)
        except Exception as exc:  # noqa: BLE001 - shown to the learner instead of a traceback
            self.failed.emit("unexpected", f"{type(exc).__name__}: {exc}", None)
        else:
            self.succeeded.emit(result)
        finally:
            # Back to the GUI thread, so that Python, which owns this object, deletes it there.
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())


def start_job(job: Job) -> QThread:
    """Move `job` to a new thread and start it; the thread ends when the job reports. The thread belongs to
    the application, not to a window, so closing a window can never destroy a running thread."""
    thread = QThread(QCoreApplication.instance())
    job.moveToThread(thread)
    thread.started.connect(job.run)
    job.succeeded.connect(thread.quit)
    job.failed.connect(thread.quit)
    thread.start()
    return thread


def end_job(thread: QThread) -> None:
    """After `finished`: let the thread return completely (a matter of microseconds), then delete it."""
    thread.wait()
    thread.deleteLater()


class DatasetDialog(QDialog):
    """Which data set is missing, how big it is, where it comes from; Download, Choose folder… or Cancel.

    `root` is the data root after Download or Choose folder…, `used_sample` is True after "Use the sample".
    `allow_local_http` exists for tests that serve the files from 127.0.0.1.
    """

    downloaded = Signal(str)
    download_failed = Signal(str)
    progress_shown = Signal(object, object, str)  # done, total, the text shown under the bar

    def __init__(
        self,
        parent: QWidget | None,
        dataset: Dataset | str,
        folder: Path | None = None,
        *,
        allow_local_http: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("data_dialog")
        self.dataset = reg.get(dataset) if isinstance(dataset, str) else dataset
        self.folder = Path(folder) if folder else None
        self.allow_local_http = allow_local_http
        self.root: Path | None = None
        self.used_sample = False
        self.job: Job | None = None
        self.worker_thread: QThread | None = None
        self._close_when_done = False
        self._started = 0.0
        self.status = reg.status(self.dataset.name, self.folder)
        ds = self.dataset
        self.setWindowTitle(self.tr("Data needed: {0}").format(dataset_title(ds)))
        self.setMinimumWidth(520)

        title = QLabel(self.tr("This lesson needs the data set “{0}”.").format(dataset_title(ds)))
        title.setObjectName("data_title")
        title.setStyleSheet("font-weight: 600;")
        title.setWordWrap(True)
        description = QLabel(dataset_description(ds))
        description.setWordWrap(True)
        hosts = ", ".join(dict.fromkeys(urlsplit(f.urls[0]).hostname or "" for f in ds.files))
        self.details = QLabel(
            self.tr("Size: {0}\nFrom: {1}\nSaved in: {2}\nCredit: {3}").format(
                human_size(ds.download_size), hosts, str(download_root(self.folder) / ds.folder), ds.credit
            )
        )
        self.details.setObjectName("data_details")
        self.details.setWordWrap(True)
        self.state_label = QLabel(self._state_text())
        self.state_label.setObjectName("data_state")
        self.state_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("data_progress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_text = QLabel()
        self.progress_text.setObjectName("data_progress_text")
        self.progress_text.hide()
        self.message = QLabel()
        self.message.setObjectName("data_message")
        self.message.setWordWrap(True)
        self.message.hide()

        self.download_button = QPushButton(self.tr("Download"))
        self.download_button.setObjectName("data_download")
        self.download_button.setDefault(True)
        self.download_button.clicked.connect(self._on_download_clicked)
        self.folder_button = QPushButton(self.tr("Choose folder…"))
        self.folder_button.setObjectName("data_choose_folder")
        self.folder_button.clicked.connect(self._on_choose_folder_clicked)
        self.sample_button = QPushButton(self.tr("Use the sample"))
        self.sample_button.setObjectName("data_use_sample")
        self.sample_button.setVisible(self.status.state == "partial")
        self.sample_button.clicked.connect(self._on_sample_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("data_cancel")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sample_button)
        buttons.addWidget(self.download_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        for widget in (
            title,
            description,
            self.details,
            self.state_label,
            self.progress,
            self.progress_text,
            self.message,
        ):
            layout.addWidget(widget)
        layout.addLayout(buttons)

    # -- texts -----------------------------------------------------------------------------------------------
    def _state_text(self) -> str:
        if self.status.state == "partial":
            return self.tr(
                "Only part of it is on this computer ({0}). The lesson can run on that sample, but "
                "its numbers will differ from the book's."
            ).format(str(self.status.path))
        return self.tr("It is not on this computer yet.")

    def _show_message(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c0392b;" if error else "")
        self.message.show()

    # -- download --------------------------------------------------------------------------------------------
    @property
    def downloading(self) -> bool:
        """True while a download runs."""
        return self.worker_thread is not None

    def _on_download_clicked(self) -> None:
        if self.downloading:
            return
        ds, folder, local = self.dataset, self.folder, self.allow_local_http
        self.job = Job(
            lambda progress, cancelled, stage: reg.download(
                ds, folder, progress, cancelled, stage, allow_local_http=local
            )
        )
        self.job.progressed.connect(self._on_job_progressed)
        self.job.staged.connect(self._on_job_staged)
        self.job.succeeded.connect(self._on_job_succeeded)
        self.job.failed.connect(self._on_job_failed)
        self._started = time.monotonic()
        self.message.hide()
        self.progress.setRange(0, 0)  # busy until the first bytes say how many there are
        self.progress.show()
        self.progress_text.setText(self.tr("Connecting…"))
        self.progress_text.show()
        self.download_button.setEnabled(False)
        self.folder_button.setEnabled(False)
        self.sample_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel download"))
        self.worker_thread = start_job(self.job)
        self.worker_thread.finished.connect(self._on_thread_finished)

    @Slot(object, object)
    def _on_job_progressed(self, done: int, total: int) -> None:
        elapsed = max(time.monotonic() - self._started, 1e-3)
        speed = human_size(int(done / elapsed))
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, int(done * 1000 // total)))
            self.progress_text.setText(
                self.tr("{0} of {1} · {2}/s").format(human_size(done), human_size(total), speed)
            )
        else:
            self.progress.setRange(0, 0)
            self.progress_text.setText(self.tr("{0} · {1}/s").format(human_size(done), speed))
        self.progress_shown.emit(done, total, self.progress_text.text())

    @Slot(str)
    def _on_job_staged(self, stage: str) -> None:
        if stage == "verify":
            self.progress_text.setText(self.tr("Checking the files…"))
        elif stage == "prepare":
            self.progress.setRange(0, 0)
            self.progress_text.setText(self.tr("Unpacking into the book's form…"))

    @Slot(object)
    def _on_job_succeeded(self, root: object) -> None:
        self.root = Path(str(root))
        self.progress.setRange(0, 1000)
        self.progress.setValue(1000)
        self.progress_text.setText(self.tr("Downloaded and checked."))
        self.downloaded.emit(str(self.root))

    @Slot(str, str, object)
    def _on_job_failed(self, reason: str, detail: str, status: object) -> None:
        text = reason_text(reason, detail, status if isinstance(status, int) else None)
        self.progress.hide()
        self.progress_text.hide()
        self._show_message(text, error=reason != "cancelled")
        self.download_failed.emit(reason)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self.worker_thread is not None:
            end_job(self.worker_thread)
        self.worker_thread = None
        self.job = None
        self.download_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self.sample_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel"))
        if self.root is not None:
            self.accept()
        elif self._close_when_done:
            super().reject()

    def cancel_download(self) -> None:
        """Ask a running download to stop; the dialog stays until the worker has cleaned up."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_text.setText(self.tr("Cancelling…"))

    # -- the other choices -----------------------------------------------------------------------------------
    def _on_cancel_clicked(self) -> None:
        if self.downloading:
            self.cancel_download()
        else:
            self.reject()

    def _on_sample_clicked(self) -> None:
        self.root = self.status.root
        self.used_sample = True
        self.accept()

    def ask_folder(self) -> str:
        """The folder the learner picks ("" when cancelled); a method so tests can answer it."""
        start = str(self.folder or Path.home())
        return QFileDialog.getExistingDirectory(
            self, self.tr("Folder that holds {0}").format(dataset_title(self.dataset)), start
        )

    def _on_choose_folder_clicked(self) -> None:
        chosen = self.ask_folder()
        if not chosen:
            return
        self.choose_folder(Path(chosen))

    def choose_folder(self, folder: Path) -> bool:
        """Use `folder` if the data set (or a usable part of it) is there; otherwise say what was expected."""
        found = reg.status_in(self.dataset.name, folder)
        if found.state == "absent":
            names = ", ".join(f.name for f in self.dataset.files)
            self._show_message(
                self.tr(
                    "No {0} files were found in {1}. Expected, in that folder or in its " "“{2}” sub-folder: {3}."
                ).format(dataset_title(self.dataset), str(folder), self.dataset.folder, names),
                error=True,
            )
            return False
        self.root = folder
        self.used_sample = found.state == "partial"
        self.accept()
        return True

    def reject(self) -> None:
        """Cancel (or Escape, or closing the window): a running download is cancelled first."""
        if self.downloading:
            self._close_when_done = True
            self.cancel_download()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Closing during a download cancels it and closes once the worker has finished."""
        if self.downloading:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


def ensure_dataset(
    parent: QWidget | None, name: str, folder: Path | None, *, ask_when_partial: bool = False
) -> Path | None:
    """The data root holding data set `name` (to pass to its loader), asking the learner when it is absent;
    None when the learner cancels. A partial copy (MNIST test images only, the IMDB sample) is accepted as
    it is unless `ask_when_partial`, in which case the dialog also offers "Use the sample"."""
    status = reg.status(name, folder)
    if status.state == "complete" or (status.state == "partial" and not ask_when_partial):
        return status.root
    dialog = DatasetDialog(parent, name, folder)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.root
        return None
    finally:
        dialog.deleteLater()


if __name__ == "__main__":  # preview: python -m desktop.data_dialog [name]
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    print(ensure_dataset(None, sys.argv[1] if len(sys.argv) > 1 else "mnist", None, ask_when_partial=True))
