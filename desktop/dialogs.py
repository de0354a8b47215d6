"""Dialogs collect values and nothing else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.export import FORMATS, MAX_SIZE, MIN_SIZE


class ExportDialog(QDialog):
    """File name (PNG or SVG by suffix) and image size."""

    def __init__(self, parent: QWidget | None, title: str, file_name: str, width: int, height: int | None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(title)
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation) or str(Path.home())
        self.path = QLineEdit(str(Path(folder) / file_name))
        self.path.setObjectName("export_path")
        self.path.setMinimumWidth(380)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.width_box = self._spin(width, "export_width")
        self.height_box = self._spin(height or 900, "export_height")
        self.height_box.setVisible(height is not None)
        self.error = QLabel()
        self.error.setObjectName("export_error")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("File (.png or .svg)"), row)
        form.addRow(self.tr("Width (pixels)"), self.width_box)
        if height is not None:
            form.addRow(self.tr("Height (pixels)"), self.height_box)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _spin(self, value: int, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(MIN_SIZE, MAX_SIZE)
        box.setSingleStep(100)
        box.setValue(value)
        return box

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path.text(),
                                              self.tr("Images (*.png *.svg)"))
        if path:
            self.path.setText(path)

    def _on_accepted(self) -> None:
        path = Path(self.path.text().strip())
        if path.suffix.lower() not in FORMATS:
            self.error.setText(self.tr("The file name must end in .png or .svg."))
            self.error.show()
            return
        if not path.parent.is_dir():
            self.error.setText(self.tr("The folder {0} does not exist.").format(str(path.parent)))
            self.error.show()
            return
        self.accept()

    def values(self) -> tuple[str, int, int]:
        """(path, width, height) as entered."""
        return self.path.text().strip(), self.width_box.value(), self.height_box.value()
