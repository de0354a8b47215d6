"""The window's File → Export commands: the plot, the diagram, the view in front, the run's numbers (CSV) and the
run as an animated GIF. A mixin of MainWindow: it reads the window's runner, workspace and status bar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog

from desktop.dialogs import ExportDialog
from desktop.export import ExportError, export_csv, export_plot, export_scene, export_widget


class ExportCommands(QMainWindow):
    """File → Export …: each asks for a file (and a size), pauses the run and says what was saved or why not."""

    def export_plot_dialog(self) -> None:
        """Ask for a file and size, then export the error plot."""
        self.runner.pause()
        dialog = ExportDialog(self, self.tr("Export plot"), f"{self.runner.experiment.id}-error.png", 1600, 900)
        if dialog.exec():
            path, width, height = dialog.values()
            copy = self.plot.offscreen_copy()
            try:
                self._export(lambda: export_plot(copy, path, width, height), path)
            finally:
                copy.deleteLater()

    def export_diagram_dialog(self) -> None:
        """Ask for a file and size, then export the network diagram."""
        self.runner.pause()
        dialog = ExportDialog(self, self.tr("Export diagram"), f"{self.runner.experiment.id}-network.png", 1600,
                              None)
        if dialog.exec():
            path, width, _ = dialog.values()
            self._export(lambda: export_scene(self.diagram.scene(), path, width, self.runner.experiment.id), path)

    def export_view_dialog(self, key: str | None = None) -> None:
        """Ask for a file and size, then export the view `key` (default: the one in front of the main area)."""
        self.runner.pause()
        shown = self.workspace.shown()
        if not (key or shown):
            self.statusBar().showMessage(self.tr("This page shows no view to export."), 5000)
            return
        key = key or shown[0]
        view = self.workspace.view(key)
        dialog = ExportDialog(self, self.tr("Export view"), f"{self.runner.experiment.id}-{key}.png", 1600, None)
        if dialog.exec():
            path, width, _ = dialog.values()
            self._export(lambda: export_widget(view, path, width, self.workspace.specs[key].title()), path)

    def _ask_file(self, title: str, suggested: str, pattern: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / suggested), pattern)
        return path

    def export_csv_dialog(self) -> None:
        """Ask for a file, then save the run's numbers as CSV."""
        self.runner.pause()
        path = self._ask_file(self.tr("Export data"), f"{self.runner.experiment.id}.csv", self.tr("CSV (*.csv)"))
        if path:
            self._export(lambda: export_csv(self.runner.history, path), path)

    def export_gif_dialog(self) -> None:
        """Ask for a file, then render the run so far as an animated GIF, with progress and Cancel."""
        self.runner.pause()
        path = self._ask_file(self.tr("Export animation"), f"{self.runner.experiment.id}.gif",
                              self.tr("GIF animation (*.gif)"))
        if not path:
            return
        dialog = QProgressDialog(self.tr("Rendering the animation…"), self.tr("Cancel"), 0, 100, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progress(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            dialog.setValue(done)
            return not dialog.wasCanceled()

        try:
            from desktop.animation import record_gif  # loaded when asked for: a quicker start
            self._export(lambda: record_gif(self.runner, path, 960, self.plot.log_y.isChecked(), progress), path)
        finally:
            dialog.close()

    def _export(self, do: Any, path: str) -> None:
        try:
            do()
        except ExportError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), self.tr("Nothing was saved: {0}").format(exc))
            return
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 6000)
