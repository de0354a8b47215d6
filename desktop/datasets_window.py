"""The "Data sets" window: each data set of the book, whether it is on this computer, its size and where;
Download… (the data dialog) and Import files… (checked, then copied into the data folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.data_dialog import (
    DatasetDialog,
    Job,
    dataset_description,
    dataset_title,
    end_job,
    human_size,
    reason_text,
    start_job,
)
from learning.datasets import registry as reg
from learning.datasets.locate import download_root

COLUMNS = 4  # data set, state, size, where


class DatasetsWindow(QWidget):
    """A table of the registry's data sets with their state on this computer; refreshes after each change."""

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None, *,
                 allow_local_http: bool = False) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("datasets_window")
        self.setWindowTitle(self.tr("Data sets"))
        self.folder = Path(folder) if folder else None
        self.allow_local_http = allow_local_http
        self.names = list(reg.DATASETS)
        self.statuses: dict[str, reg.Status] = {}
        self.job: Job | None = None
        self.worker_thread: QThread | None = None
        self.dialog: DatasetDialog | None = None
        self._close_when_done = False

        self.table = QTableWidget(len(self.names), COLUMNS)
        self.table.setObjectName("datasets_table")
        self.table.setHorizontalHeaderLabels([self.tr("Data set"), self.tr("On this computer"), self.tr("Size"),
                                              self.tr("Where")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column in range(COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)

        self.about = QLabel()
        self.about.setObjectName("datasets_about")
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("datasets_message")
        self.message.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("datasets_folder")
        self.folder_label.setWordWrap(True)

        self.download_button = QPushButton(self.tr("Download…"))
        self.download_button.setObjectName("datasets_download")
        self.download_button.clicked.connect(self._on_download_clicked)
        self.import_button = QPushButton(self.tr("Import files…"))
        self.import_button.setObjectName("datasets_import")
        self.import_button.clicked.connect(self._on_import_clicked)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("datasets_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.download_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.about)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(820, 420)
        self.refresh()
        self.table.selectRow(0)

    # -- the table -------------------------------------------------------------------------------------------
    def state_text(self, state: str) -> str:
        """A data set's state in words."""
        return {"complete": self.tr("Yes"), "partial": self.tr("A sample only"),
                "absent": self.tr("No")}.get(state, state)

    def refresh(self) -> None:
        """Look again at what is on this computer."""
        self.folder_label.setText(self.tr("Downloads and imports go to: {0}").format(str(download_root(self.folder))))
        for row, name in enumerate(self.names):
            ds = reg.get(name)
            status = reg.status(name, self.folder)
            self.statuses[name] = status
            if status.state == "absent":
                size = "—" if ds.download_size is None else self.tr("{0} to download").format(
                    human_size(ds.download_size))
                where = "—"
            else:
                size = human_size(status.size)
                where = str(status.path)
            cells = (dataset_title(ds), self.state_text(status.state), size, where)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, name)
                if column == COLUMNS - 1 and status.path is not None:
                    item.setToolTip(str(status.path))
                self.table.setItem(row, column, item)
        self._on_table_selection_changed()

    def selected(self) -> str | None:
        """The name of the selected data set."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.names[rows[0].row()] if rows else None

    def select(self, name: str) -> None:
        """Select a data set's row."""
        self.table.selectRow(self.names.index(name))

    def _on_table_selection_changed(self) -> None:
        name = self.selected()
        busy = self.worker_thread is not None
        self.download_button.setEnabled(name is not None and not busy
                                        and self.statuses.get(name, reg.Status(name, "absent")).state != "complete")
        self.import_button.setEnabled(name is not None and not busy)
        self.refresh_button.setEnabled(not busy)
        if name is None:
            self.about.clear()
            return
        ds = reg.get(name)
        self.about.setText(self.tr("{0}\nSource: {1} ({2})").format(dataset_description(ds), ds.homepage, ds.credit))

    # -- actions ---------------------------------------------------------------------------------------------
    def _on_download_clicked(self) -> None:
        name = self.selected()
        if name is None:
            return
        self.dialog = DatasetDialog(self, name, self.folder, allow_local_http=self.allow_local_http)
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        if self.dialog is not None and self.dialog.root is not None:
            self.message.setText(self.tr("{0} is ready in {1}.").format(dataset_title(self.dialog.dataset),
                                                                        str(self.dialog.root)))
        self.dialog = None
        self.refresh()

    def ask_files(self) -> list[str]:
        """The files the learner picks (empty when cancelled); a method so tests can answer it."""
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import data files"), str(Path.home()))
        return paths

    def _on_import_clicked(self) -> None:
        name = self.selected()
        if name is None:
            return
        paths = self.ask_files()
        if paths:
            self.import_paths(name, [Path(p) for p in paths])

    def import_paths(self, name: str, paths: list[Path]) -> None:
        """Check and copy `paths` into the data folder in a worker thread; the result appears below the table."""
        folder = self.folder
        self.job = Job(lambda _progress, _cancelled, _stage: reg.import_files(name, paths, folder))
        self.job.succeeded.connect(self._on_import_succeeded)
        self.job.failed.connect(self._on_import_failed)
        self.message.setText(self.tr("Checking and copying…"))
        self.message.setStyleSheet("")
        self.worker_thread = start_job(self.job)
        self.worker_thread.finished.connect(self._on_thread_finished)
        self._on_table_selection_changed()

    @Slot(object)
    def _on_import_succeeded(self, result: object) -> None:
        assert isinstance(result, reg.ImportResult)
        text = self.tr("Imported {0} file(s) into {1}.").format(len(result.imported), str(result.root))
        if result.skipped:
            text += " " + self.tr("Not recognised, left alone: {0}.").format(", ".join(p.name for p in result.skipped))
        self.message.setText(text)

    @Slot(str, str, object)
    def _on_import_failed(self, reason: str, detail: str, status: object) -> None:
        self.message.setText(reason_text(reason, detail, status if isinstance(status, int) else None))
        self.message.setStyleSheet("color: #c0392b;")

    @Slot()
    def _on_thread_finished(self) -> None:
        if self.worker_thread is not None:
            end_job(self.worker_thread)
        self.worker_thread = None
        self.job = None
        self.refresh()
        if self._close_when_done:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """An import in progress finishes first (it cannot leave half a file, but it must not be cut off)."""
        if self.worker_thread is not None:
            self._close_when_done = True
            event.ignore()
            return
        super().closeEvent(event)


def open_datasets_window(parent: QWidget | None, folder: Path | None) -> DatasetsWindow:
    """Show the Data sets window (one per parent: an open one is raised and refreshed)."""
    existing = parent.findChild(DatasetsWindow, "datasets_window") if parent is not None else None
    if isinstance(existing, DatasetsWindow):
        existing.folder = Path(folder) if folder else None
        existing.refresh()
        window = existing
    else:
        window = DatasetsWindow(folder, parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


if __name__ == "__main__":  # preview: python -m desktop.datasets_window
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    w = open_datasets_window(None, None)
    sys.exit(app.exec())
