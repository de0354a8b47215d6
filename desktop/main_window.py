"""The main window: menus, toolbar and docks; it wires panels to the runner and nothing else."""

from __future__ import annotations

import sys
from html import escape as html_escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import faults
from desktop.actions import RunState, make_actions, retranslate, update_enabled
from desktop.banner import Banner
from desktop.course import Page, Task, load_course
from desktop.data_dialog import ensure_dataset, sample_mode_text
from desktop.data_loaders import DATA_LOADERS
from desktop.explain import divergence_text
from desktop.export import offer_export
from desktop.i18n import Translations
from desktop.keys import WindowKeys
from desktop.panels.code import CodePanel
from desktop.panels.controls import ControlsPanel
from desktop.panels.lesson import LessonPanel
from desktop.panels.math import MathPanel
from desktop.paths import resource_dir
from desktop.runner import SPEEDS, Runner
from desktop.settings import DEFAULTS, Settings
from desktop.views import registry
from desktop.views.network.diagram import DiagramPanel
from desktop.views.plots.error_plot import ErrorPlotPanel
from desktop.window_exports import ExportCommands
from desktop.window_layout import LayoutCommands
from desktop.window_runs import RunFileCommands
from desktop.workspace import Workspace
from learning import catalogue
from learning.datasets import DatasetError, DatasetMissing
from learning.datasets.locate import data_dirs
from learning.datasets.registry import status as dataset_status
from learning.divergence import Divergence
from learning.experiment import Experiment


def experiment_title(cls: type[Experiment]) -> str:
    """The experiment's title in the current language."""
    return QCoreApplication.translate("Experiments", cls.title)


class MainWindow(ExportCommands, LayoutCommands, RunFileCommands):
    """The course on the left, the controls on the right, the math and code strips at the bottom, and in the centre
    the page's main view above its secondary views (desktop/workspace.py), every other view one tab away."""

    def __init__(self, settings: Settings, experiment_id: str | None = None, lessons_dir: Path | None = None,
                 translations: Translations | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.translations = translations or Translations()
        self._sample_note: list[str] = []
        self._chosen: Page | None = None  # the page that chose the views; None: an experiment from the menu
        self.faults: faults.FaultHandler | None = None
        self._run_message = ""  # the last "done" or "diverged" line of the status bar
        self.setObjectName("main_window")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowNestedDocks)
        start = experiment_id or settings.get("run/experiment")
        if start not in catalogue.EXPERIMENTS:
            start = DEFAULTS["run/experiment"]
        self.runner = Runner(catalogue.get(DEFAULTS["run/experiment"])(), self)
        self.actions = make_actions(self)

        self.statusBar()  # made now, so that it is laid out before the first message
        self.banner = Banner(self)
        self.view_specs = registry.specs()
        self.workspace = Workspace(self.runner, self.view_specs)
        self.workspace.rearranged.connect(self._on_workspace_rearranged)
        self.workspace.resized.connect(self._on_workspace_resized)
        self.math = MathPanel(self.runner)
        self.controls = ControlsPanel(self.runner, self.actions)
        self.code = CodePanel(self.runner)
        chapters, problems = load_course(lessons_dir or resource_dir() / "lessons")
        for problem in problems:
            print(f"lesson problem: {problem}", file=sys.stderr)
        self.lesson = LessonPanel(self.runner, chapters, problems, settings, lambda: self.translations.language)

        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.workspace, 1)
        self.setCentralWidget(centre)

        self.controls_dock = self._dock("controls_dock", self.controls, Qt.DockWidgetArea.RightDockWidgetArea)
        self.math_dock = self._dock("math_dock", self.math, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.code_dock = self._dock("code_dock", self.code, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.splitDockWidget(self.math_dock, self.code_dock, Qt.Orientation.Horizontal)
        self.lesson_dock = self._dock("lesson_dock", self.lesson, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.picker = QComboBox()
        self.picker.setObjectName("experiment_picker")
        self.picker.setMinimumContentsLength(34)
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.activated.connect(self._on_picker_activated)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.picker_label = QLabel()
        self.toolbar.addWidget(self.picker_label)
        self.toolbar.addWidget(self.picker)
        self.toolbar.addSeparator()
        for action_id in ("run.play", "run.step", "run.phase", "run.reset"):
            self.toolbar.addAction(self.actions[action_id])
        self.addToolBar(self.toolbar)
        self._build_menus()
        self._connect()
        self.retranslate()
        self.controls.speed.setValue(min(max(settings.get("run/speed_index"), 0), len(SPEEDS) - 1))
        self.actions["view.log_y"].setChecked(settings.get("plot/log_y"))
        self._restore_geometry()
        # An experiment asked for on the command line whose data is here opens once, on its page, below.
        asked_and_here = experiment_id is not None and self._data_here(catalogue.get(experiment_id))
        if start != self.runner.experiment.id and not asked_and_here:  # no asking: missing data keeps the default
            first = self.make_experiment(catalogue.get(start), ask=False)
            if first is not None:
                self.runner.set_experiment(first)
        self._arrange()
        self._update_actions()
        self._page_keys = WindowKeys(self.actions, self)
        QApplication.instance().installEventFilter(self._page_keys)
        if experiment_id is None:
            remembered = self.runner.experiment.id  # the last experiment, picked on a page or by hand
            self.lesson.open_first()
            if self.runner.experiment.id != remembered:
                self.open_experiment(remembered)
        elif asked_and_here:
            self.open_experiment(experiment_id)  # its page, with the page's values and panels
        else:
            # Asked for on the command line but its data is not here: the course shows what runs, and once the
            # window is up the data dialog asks for the data (or the status bar says what is missing).
            if self.lesson.show_page_for(self.runner.experiment.id):
                self._chosen = self.lesson.page
            self._arrange()
            QTimer.singleShot(0, lambda: self.open_experiment(experiment_id))
        if experiment_id is None and self.autosave_path.is_file():
            self._reopen_last_run()

    def _reopen_last_run(self) -> None:
        """Continue the run the window had when it closed, if it ran the experiment open now."""
        if self.open_run(self.autosave_path, quiet=True, only=self.runner.experiment.id):
            self.statusBar().showMessage(self.tr("Your last run is back, at iteration {0}.").format(
                self.runner.count), 8000)

    # -- assembly ---------------------------------------------------------------------------
    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.actions["file.open_run"])
        self.file_menu.addAction(self.actions["file.save_run"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions["file.export_plot"])
        self.file_menu.addAction(self.actions["file.export_diagram"])
        self.file_menu.addAction(self.actions["file.export_view"])
        self.file_menu.addAction(self.actions["file.export_csv"])
        self.file_menu.addAction(self.actions["file.export_gif"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions["file.datasets"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions["file.quit"])
        self.run_menu = bar.addMenu("")
        for action_id in ("run.play", "run.step", "run.phase", "run.reset"):
            self.run_menu.addAction(self.actions[action_id])
        self.experiment_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.actions["view.log_y"])
        self.view_menu.addSeparator()
        self.views_menu = self.view_menu.addMenu("")
        self.views_menu.setObjectName("views_menu")
        self.view_actions: dict[str, QAction] = {}
        for spec in self.view_specs:
            action = self.views_menu.addAction("")
            action.setObjectName(f"view.show.{spec.key}")
            action.triggered.connect(lambda _=False, k=spec.key: self.show_view(k))
            self.view_actions[spec.key] = action
        self.view_menu.addAction(self.controls_dock.toggleViewAction())
        self.view_menu.addAction(self.math_dock.toggleViewAction())
        self.view_menu.addAction(self.code_dock.toggleViewAction())
        self.view_menu.addAction(self.lesson_dock.toggleViewAction())
        self.view_menu.addAction(self.actions["view.reset_layout"])
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code in ("", "en", "ru"):
            action = QAction(self)
            action.setCheckable(True)
            action.setObjectName(f"language.{code or 'system'}")
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_actions[self.settings.get("ui/language")].setChecked(True)
        self.lesson_menu = bar.addMenu("")
        self.lesson_menu.addAction(self.actions["course.prev"])
        self.lesson_menu.addAction(self.actions["course.next"])
        self.help_menu = bar.addMenu("")
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.setObjectName("help.shortcuts")
        self.shortcuts_action.triggered.connect(self._on_shortcuts_triggered)
        self.help_menu.addAction(self.shortcuts_action)
        self.about_action = QAction(self)
        self.about_action.setObjectName("help.about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._on_about_triggered)
        self.help_menu.addAction(self.about_action)

    def _connect(self) -> None:
        a = self.actions
        a["run.play"].triggered.connect(self.runner.toggle)
        a["run.step"].triggered.connect(self.runner.step)
        a["run.phase"].triggered.connect(self.runner.step_phase)
        a["run.reset"].triggered.connect(self.runner.reset)
        a["file.open_run"].triggered.connect(self.open_run_dialog)
        a["file.save_run"].triggered.connect(self.save_run_dialog)
        a["file.export_plot"].triggered.connect(self.export_plot_dialog)
        a["file.export_diagram"].triggered.connect(self.export_diagram_dialog)
        a["file.export_view"].triggered.connect(lambda: self.export_view_dialog())
        a["view.reset_layout"].triggered.connect(self.reset_layout)
        a["file.export_csv"].triggered.connect(self.export_csv_dialog)
        a["file.export_gif"].triggered.connect(self.export_gif_dialog)
        a["file.datasets"].triggered.connect(self.open_datasets)
        a["file.quit"].triggered.connect(self.close)
        a["view.log_y"].toggled.connect(self._on_log_y_toggled)
        a["course.next"].triggered.connect(self.lesson.next_page)
        a["course.prev"].triggered.connect(self.lesson.previous_page)
        self.lesson.page_opened.connect(self._on_lesson_page_opened)
        self.lesson.task_met.connect(self._on_lesson_task_met)
        self.workspace.view_built.connect(self._on_workspace_view_built)
        self.workspace.view_built.connect(self.lesson.on_view_built)  # a view's `acted` may tick a task
        self.banner.log_requested.connect(lambda: self.actions["view.log_y"].setChecked(True))
        self.banner.reset_requested.connect(self.runner.reset)
        r = self.runner
        r.playing_changed.connect(self._on_runner_playing_changed)
        r.diverged.connect(self._on_runner_diverged)
        r.finished.connect(self._on_runner_finished)
        r.reset_done.connect(self._on_runner_reset_done)
        r.experiment_changed.connect(self._on_runner_experiment_changed)

    def _rebuild_experiment_menu(self) -> None:
        for sub in self.experiment_menu.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
            sub.deleteLater()  # clear() keeps the chapter submenus (they own themselves): one set per language switch
        self.experiment_menu.clear()
        self.picker.blockSignals(True)
        self.picker.clear()
        for chapter, classes in catalogue.chapters().items():
            sub = QMenu(self.tr("Chapter {0}").format(chapter), self.experiment_menu)
            self.experiment_menu.addMenu(sub)
            if self.picker.count():
                self.picker.insertSeparator(self.picker.count())
            for cls in classes:
                action = sub.addAction(experiment_title(cls))
                action.setData(cls.id)
                action.setCheckable(True)
                action.setChecked(cls.id == self.runner.experiment.id)
                action.triggered.connect(lambda _=False, i=cls.id: self.open_experiment(i))
                self.picker.addItem(f"{chapter} · {experiment_title(cls)}", cls.id)
                self.picker.setItemData(self.picker.count() - 1, cls.id, Qt.ItemDataRole.ToolTipRole)
        self.picker.setCurrentIndex(self.picker.findData(self.runner.experiment.id))
        self.picker.blockSignals(False)

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        self.file_menu.setTitle(self.tr("&File"))
        self.run_menu.setTitle(self.tr("&Run"))
        self.experiment_menu.setTitle(self.tr("E&xperiment"))
        self.view_menu.setTitle(self.tr("&View"))
        self.lesson_menu.setTitle(self.tr("&Lesson"))
        self.language_menu.setTitle(self.tr("Language"))
        self.language_actions[""].setText(self.tr("System language"))
        self.language_actions["en"].setText("English")
        self.language_actions["ru"].setText("Русский")
        self.code_dock.setWindowTitle(self.tr("Code"))
        self.lesson_dock.setWindowTitle(self.tr("Course"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About Grokking Lab"))
        self.controls_dock.setWindowTitle(self.tr("Controls"))
        self.math_dock.setWindowTitle(self.tr("Math of this iteration"))
        self.views_menu.setTitle(self.tr("Show &view"))
        for spec in self.view_specs:
            self.view_actions[spec.key].setText(spec.title())
        self.picker_label.setText(self.tr("Experiment: "))
        self.picker.setToolTip(self.tr("Pick an experiment of the book, by chapter"))
        retranslate(self.actions, RunState(self.runner.playing))
        self._rebuild_experiment_menu()
        self._update_title()

    def _update_title(self) -> None:
        exp = self.runner.experiment
        self.setWindowTitle(self.tr("Grokking Lab — chapter {0}: {1}").format(exp.chapter,
                                                                             experiment_title(type(exp))))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- commands ---------------------------------------------------------------------------
    def open_experiment(self, experiment_id: str) -> bool:
        """Switch to another experiment of the catalogue: the course opens its page (the first page that runs it,
        with that page's values and panels); an experiment without a page opens on its own. Asks for missing
        data; returns False if the experiment could not be opened (the window stays as it was)."""
        page = self.lesson.page_for(experiment_id)
        if page is not None:
            return self.lesson.open_page(page)
        experiment = self.make_experiment(catalogue.get(experiment_id))
        if experiment is None:
            return False
        self._chosen = None
        self.runner.set_experiment(experiment)
        return True

    def data_folder(self) -> Path | None:
        """The data folder the learner chose, if any."""
        folder = self.settings.get("data/folder")
        return Path(folder) if folder else None

    def make_experiment(self, cls: type[Experiment], ask: bool = True, **params: Any) -> Experiment | None:
        """Build an experiment, first making sure its data sets are here (asking to download or choose a
        folder when they are not, unless `ask` is False); None if the data is not there or cannot be read."""
        data: dict[str, Any] = {}
        sample = []
        for name in getattr(cls, "datasets", ()):
            if ask:
                root = ensure_dataset(self, name, self.data_folder())
            else:
                status = dataset_status(name, self.data_folder())
                root = status.root if status.state != "absent" else None
            if root is None:
                self.statusBar().showMessage(self.tr("Not opened: {0} needs the {1} data set.").format(
                    experiment_title(cls), name), 8000)
                return None
            if root not in data_dirs(self.data_folder()):
                self.settings.set("data/folder", str(root))
            loader = DATA_LOADERS.get(name)
            if loader is not None:
                try:
                    data["data"] = loader(root)
                except (DatasetMissing, DatasetError) as exc:
                    QMessageBox.warning(self, self.tr("Data set"), self.tr("The {0} data set cannot be used: {1}")
                                        .format(name, exc))
                    return None
                if getattr(data["data"], "sample_mode", False):
                    sample.append(name)
        experiment = cls(**params, **data)
        self._sample_note = [sample_mode_text(name) for name in sample]
        return experiment

    def _data_here(self, cls: type[Experiment]) -> bool:
        """True if every data set the experiment needs is found (nothing is loaded or asked)."""
        return all(dataset_status(name, self.data_folder()).state != "absent" for name in getattr(cls, "datasets", ()))

    def open_datasets(self) -> None:
        """Show the Data sets window."""
        from desktop.datasets_window import open_datasets_window  # loaded when asked for: a quicker start
        open_datasets_window(self, self.data_folder())

    def _on_picker_activated(self, index: int) -> None:
        experiment_id = self.picker.itemData(index)
        if experiment_id and experiment_id != self.runner.experiment.id:
            self.open_experiment(experiment_id)

    def set_language(self, language: str) -> None:
        """Switch the whole UI (and the lesson texts) to "en", "ru" or "" (the system's), without a restart."""
        if not self.translations.set_language(language):
            self.statusBar().showMessage(self.tr("The Russian translation file is missing; staying in English."))
        self.settings.set("ui/language", language)
        self.language_actions[language].setChecked(True)

    def _on_lesson_page_opened(self, page: Page) -> None:
        if page.experiment:
            experiment = self.make_experiment(catalogue.get(page.experiment), **page.params)
            if experiment is None:
                return  # the course stays on the page of what runs, with its views
            self._chosen = page
            self.runner.set_experiment(experiment)
        else:
            self._chosen = page
        self._arrange()

    def _on_lesson_task_met(self, page: Page, task: Task) -> None:
        self.statusBar().showMessage(self.tr("✓ Done: {0}").format(self.lesson.task_text(task)), 8000)

    # -- views ------------------------------------------------------------------------------
    @property
    def diagram(self) -> DiagramPanel:
        """The network diagram view (built if it was not yet)."""
        return self.workspace.view("diagram")  # type: ignore[return-value]

    @property
    def plot(self) -> ErrorPlotPanel:
        """The error plot view (built if it was not yet)."""
        return self.workspace.view("plot")  # type: ignore[return-value]

    @property
    def _page(self) -> Page | None:
        """The course page that chooses the views (it runs this experiment, or is a text page); None: the menu's."""
        page = self._chosen
        return page if page is not None and page.experiment in (None, self.runner.experiment.id) else None

    def _on_workspace_view_built(self, key: str, view: QWidget) -> None:
        offer_export(view, self.actions["file.export_view"].text(), lambda: self.export_view_dialog(key))
        if key == "plot":
            view.set_log_y(self.actions["view.log_y"].isChecked())  # type: ignore[attr-defined]
            view.log_y_changed.connect(self._on_plot_log_y_changed)  # type: ignore[attr-defined]

    def _on_log_y_toggled(self, on: bool) -> None:
        self.settings.set("plot/log_y", on)
        plot = self.workspace.built().get("plot")
        if plot is not None:
            plot.set_log_y(on)  # type: ignore[attr-defined]
        if on:
            self.banner.hide_log_offer()

    def _on_shortcuts_triggered(self) -> None:
        rows = "".join(
            f"<tr><td><b>{a.shortcut().toString()}</b></td><td>&nbsp;&nbsp;{a.text().replace('&', '')}</td></tr>"
            for a in self.actions.values() if not a.shortcut().isEmpty())
        self._message("shortcuts_box", self.tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    def _on_about_triggered(self) -> None:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        folder = self.faults.folder if self.faults is not None else faults.log_dir()
        text = self.tr("<p><b>Grokking Lab {0}</b></p><p>The networks of Andrew Trask's <i>Grokking Deep Learning</i>, "
                       "built from scratch in numpy, learning live.</p><p>Python {1}, Qt {2}, PySide {3}</p>"
                       "<p>If something goes wrong, the details are written to the log folder:<br>{4}</p>").format(
            faults.app_version(), sys.version.split()[0], qVersion(), pyside_version, html_escape(str(folder)))
        self._message("about_box", self.tr("About Grokking Lab"), text)

    def _message(self, name: str, title: str, text: str) -> QMessageBox:
        """An information box that does not block (the window's timers and the run go on behind it)."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, self)
        box.setObjectName(name)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()
        return box

    # -- faults -----------------------------------------------------------------------------
    def attach_faults(self, handler: faults.FaultHandler) -> None:
        """Pause the run and save the settings at once when a fault is caught; say in the status bar when one
        repeats."""
        self.faults = handler
        handler.context = self._fault_context
        handler.caught.connect(self._on_faults_caught)
        handler.reported.connect(self._on_faults_reported)

    def _on_faults_caught(self, _fault: faults.Fault) -> None:
        """At once, inside the exception hook: stop the run, and put the learner's progress on disk (whatever
        comes next, it is kept)."""
        self.runner.pause()
        self.settings.sync()

    def _fault_context(self) -> str:
        r = self.runner
        return (f"experiment {r.experiment.id}, iteration {r.count}, values {r.experiment.values}, "
                f"page {self.settings.get('course/page') or '-'}")

    def _on_faults_reported(self, fault: faults.Fault) -> None:
        self.statusBar().showMessage(self.tr("An error occurred ({0}); the run is paused. Details: {1}").format(
            fault.summary if fault.count == 1 else self.tr("{0}, {1} times").format(fault.summary, fault.count),
            self.faults.log_file if self.faults is not None else ""), 15000)

    # -- runner events ----------------------------------------------------------------------
    def _update_actions(self) -> None:
        update_enabled(self.actions, RunState(self.runner.playing))

    def _on_runner_playing_changed(self, playing: bool) -> None:
        self._update_actions()
        if playing:
            self.banner.dismiss()

    def _on_runner_diverged(self, divergence: Divergence) -> None:
        self.banner.show_divergence(self.tr("The network diverged"), divergence_text(divergence),
                                    offer_log=not self.plot.log_y.isChecked())
        self._run_message = self.tr("Diverged at iteration {0}").format(divergence.iteration)
        self.statusBar().showMessage(self._run_message)

    def _on_runner_finished(self, count: int) -> None:
        self._run_message = self.tr("Done: the book's {0} iterations. Press Play to keep going.").format(count)
        self.statusBar().showMessage(self._run_message, 10000)

    def _on_runner_reset_done(self) -> None:
        self.banner.dismiss()
        self.statusBar().clearMessage()

    def _on_runner_experiment_changed(self, experiment: Experiment) -> None:
        self.banner.dismiss()
        if self.statusBar().currentMessage() == self._run_message:
            self.statusBar().clearMessage()  # it spoke of the run that was open before
        if self._sample_note:
            self.banner.show_info(self.tr("Sample data"), " ".join(self._sample_note))
            self._sample_note = []
        self.settings.set("run/experiment", experiment.id)
        self.picker.setCurrentIndex(self.picker.findData(experiment.id))
        for sub in self.experiment_menu.findChildren(QMenu):
            for action in sub.actions():
                action.setChecked(action.data() == experiment.id)
        self._update_title()
        self._arrange()

    def _on_plot_log_y_changed(self, on: bool) -> None:
        self.actions["view.log_y"].blockSignals(True)
        self.actions["view.log_y"].setChecked(on)
        self.actions["view.log_y"].blockSignals(False)
        self.settings.set("plot/log_y", on)
        if on:
            self.banner.hide_log_offer()

    # -- geometry ---------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry("window/geometry")
        restored = geometry is not None and self.restoreGeometry(geometry)
        screen = QGuiApplication.screenAt(self.frameGeometry().center()) if restored else None
        available = (screen or QGuiApplication.primaryScreen()).availableGeometry()
        if not restored or screen is None:
            self.resize(min(1400, available.width()), min(900, available.height()))
            self.move(available.center() - self.rect().center())
        elif self.width() > available.width() or self.height() > available.height():  # a smaller screen now
            self.resize(min(self.width(), available.width()), min(self.height(), available.height()))
        self._default_sizes()
        self._default_state = self.saveState()  # the docks as first laid out, for View → Reset layout
        state = self.settings.geometry("window/state")
        if state is not None:
            self.restoreState(state)

    def _default_sizes(self) -> None:
        """A first layout: the lesson readable on the left, the controls on the right, the strips low."""
        width, height = self.width(), self.height()
        self.resizeDocks([self.lesson_dock, self.controls_dock], [max(250, round(width * 0.21)),
                                                                  max(260, round(width * 0.2))],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.math_dock], [round(height * 0.22)], Qt.Orientation.Vertical)
        self.resizeDocks([self.math_dock, self.code_dock], [round(width * 0.45), round(width * 0.55)],
                         Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.runner.pause()
        QApplication.instance().removeEventFilter(self._page_keys)
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        self.settings.set("run/speed_index", self.controls.small_speed_index())
        self.settings.sync()
        self.save_run(self.autosave_path, quiet=True)  # reopened at the next start: closing loses nothing
        super().closeEvent(event)
