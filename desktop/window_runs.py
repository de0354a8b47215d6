"""File → Save run / Open run, and the run kept when the window closes: a mixin of MainWindow (the file format and
its checks live in learning/runfile.py and learning/runcheck.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from desktop.course import find_page
from learning.experiment import Experiment
from learning.runcheck import check_run
from learning.runfile import SUFFIX, RunFileError, read_run, write_run


class RunFileCommands(QMainWindow):
    """Saves the run with the course page it belongs to, and continues a saved run on its page."""

    @property
    def autosave_path(self) -> Path:
        """Where the run is kept when the window closes (beside the settings), and reopened from at start."""
        return self.settings.path.with_name(f"last-run{SUFFIX}")

    def save_run_dialog(self) -> None:
        """Ask for a file, then save the run (File → Save run)."""
        self.runner.pause()
        path = self._ask_file(self.tr("Save run"), f"{self.runner.experiment.id}{SUFFIX}",
                              self.tr("Grokking Lab runs (*{0})").format(SUFFIX))
        if path:
            if not Path(path).suffix:
                path += SUFFIX
            self.save_run(path)

    def save_run(self, path: str | Path, quiet: bool = False) -> bool:
        """Save the run, with the course page it belongs to; a message (or, when quiet, a line on stderr) if not."""
        self.runner.pause()
        page = self.lesson.page
        key = page.key if page is not None and page.experiment == self.runner.experiment.id else None
        try:
            write_run(path, self.runner.saved_run(key))
        except RunFileError as exc:
            if quiet:
                print(f"the run was not saved: {exc}", file=sys.stderr)
            else:
                QMessageBox.warning(self, self.tr("Save run"), self.tr("The run was not saved: {0}").format(exc))
            return False
        if not quiet:
            self.statusBar().showMessage(self.tr("Saved the run to {0}").format(path), 6000)
        return True

    def open_run_dialog(self) -> None:
        """Ask for a saved run, then continue it (File → Open run)."""
        self.runner.pause()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open run"), folder,
                                              self.tr("Grokking Lab runs (*{0})").format(SUFFIX))
        if path:
            self.open_run(path)

    def open_run(self, path: str | Path, quiet: bool = False, only: str | None = None) -> bool:
        """Continue a saved run on its page (if `only` is given: only a run of that experiment). A file that does
        not fit is refused with a message (a line on stderr when quiet) and nothing changes."""
        self.runner.pause()

        def make(cls: type[Experiment], seed: int | None, values: dict[str, Any]) -> Experiment:
            experiment = self.make_experiment(cls, not quiet, seed=seed, **values)
            if experiment is None:
                raise RunFileError(f"{cls.id} needs a data set that is not here")
            return experiment

        try:
            saved = read_run(path)
            if only is not None and saved.experiment_id != only:
                return False
            experiment = check_run(saved, make)
        except RunFileError as exc:
            if quiet:
                print(f"the run {path} was not opened: {exc}", file=sys.stderr)
            else:
                QMessageBox.warning(self, self.tr("Open run"), self.tr("The run was not opened: {0}").format(exc))
            return False
        page = find_page(self.lesson.chapters, saved.page) if saved.page else None
        if page is not None and page.experiment != saved.experiment_id:
            page = None
        self._chosen = page
        self.runner.restore(saved, experiment)
        if page is not None:
            self.lesson.open_page(page, set_up=False)
            self._arrange()
        if not quiet:
            self.statusBar().showMessage(self.tr("Opened the run {0} at iteration {1}").format(
                Path(path).name, self.runner.count), 8000)
        return True

