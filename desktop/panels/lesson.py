"""The course: chapter tree, the page's text, its "try this" tasks with ticks, Previous/Next."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.course import MAX_IMAGE_BYTES, Chapter, Page, Problem, RunFacts, Task, check_met, lesson_image
from desktop.runner import Runner, book_length
from desktop.settings import Settings
from desktop.theme import colours

PAGE_ROLE = Qt.ItemDataRole.UserRole
TREE_ROWS = 7


class LessonText(QTextBrowser):
    """A page's text. It shows only the images `lesson_image` allows (files inside the page's folder, of an image
    type, of a sane size) and opens only web links, in the system's browser: a lesson file can never make it read
    a device, a pipe or a file outside its folder."""

    def __init__(self) -> None:
        super().__init__()
        self.folder: Path | None = None
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)

    def loadResource(self, kind: int, url: QUrl) -> Any:  # noqa: N802 - Qt's name
        refused = QByteArray()  # not None: with None the document would read the file itself
        if self.folder is None or kind != QTextDocument.ResourceType.ImageResource.value or not url.isLocalFile():
            return refused
        try:
            relative = Path(url.toLocalFile()).relative_to(self.folder)
        except ValueError:
            return refused
        path, _ = lesson_image(self.folder, relative.as_posix())
        if path is None:
            return refused
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_IMAGE_BYTES + 1)
        except OSError:
            return refused
        return QByteArray(data) if len(data) <= MAX_IMAGE_BYTES else refused

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)


def task_key(page: Page, task: Task) -> str:
    """Where a met task is remembered: "ch04/alpha/tame-it"."""
    return f"{page.key}/{task.id}"


class LessonPanel(QWidget):
    """Browses the course and ticks tasks as the learner meets them; remembers page and progress."""

    page_opened = Signal(object)  # Page
    task_met = Signal(object, object)  # Page, Task

    def __init__(self, runner: Runner, chapters: list[Chapter], problems: list[Problem], settings: Settings,
                 language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.chapters = chapters
        self.problems = problems
        self.settings = settings
        self.language = language
        self.setObjectName("lesson")
        self.pages: list[Page] = [page for chapter in chapters for page in chapter.pages]
        self.done: set[str] = set(settings.get("course/done"))
        self.page: Page | None = None
        self.phase_steps = 0
        self.weight_edits = 0
        self.view_actions: dict[str, int] = {}
        self.start_values: dict[str, Any] = {}
        self.runs: list[dict[str, Any]] = []  # earlier runs of the page's experiment since it opened
        self._epochs: list[dict[str, float]] = []  # the run's epoch figures as the checks read them (see facts)
        self._epochs_stride = 1

        self.tree = QTreeWidget()
        self.tree.setObjectName("course_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(12)  # more of each title fits; the whole title is in its tooltip
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.itemClicked.connect(self._on_tree_item_activated)
        self.title = QLabel()
        self.title.setObjectName("lesson_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.text = LessonText()
        self.text.setObjectName("lesson_text")
        self.tasks_label = QLabel()
        self.tasks = QListWidget()
        self.tasks.setObjectName("lesson_tasks")
        self.tasks.setWordWrap(True)
        self.tasks.setMaximumHeight(130)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("lesson_problems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(f"color: {colours().negative.name()};")
        self.prev_button = QPushButton()
        self.prev_button.setObjectName("lesson_prev")
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button = QPushButton()
        self.next_button.setObjectName("lesson_next")
        self.next_button.clicked.connect(self.next_page)
        self.position = QLabel()
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.position, 1)
        nav.addWidget(self.next_button)

        reading = QWidget()
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.text, 1)
        column.addWidget(self.tasks_label)
        column.addWidget(self.tasks)
        column.addLayout(nav)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(reading)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.problems_label)
        layout.addWidget(splitter, 1)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(100)
        self._check_timer.timeout.connect(self.check_tasks)
        runner.advanced.connect(self._schedule_check)
        runner.diverged.connect(self._schedule_check)
        runner.finished.connect(self._schedule_check)
        runner.param_changed.connect(self._schedule_check)
        runner.weights_edited.connect(self._on_runner_weights_edited)
        runner.epoch_finished.connect(self._schedule_check)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.archived.connect(self._on_runner_archived)
        for signal in (runner.reset_done, runner.experiment_changed, runner.rewound):
            signal.connect(self._forget_epochs)
        self.retranslate()

    # -- language ---------------------------------------------------------------------------
    def _pick(self, texts: dict[str, str]) -> str:
        return texts.get(self.language()) or texts.get("en") or next(iter(texts.values()), "")

    def retranslate(self) -> None:
        """Texts of the panel and of the course in the current language."""
        self.prev_button.setText(self.tr("◀ Previous"))
        self.prev_button.setToolTip(self.tr("Previous page (Page Up)"))
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("Next page (Page Down)"))
        self.tasks_label.setText(self.tr("Try this:"))
        self.tree.setAccessibleName(self.tr("Course"))
        self.text.setAccessibleName(self.tr("Lesson text"))
        self.tasks.setAccessibleName(self.tr("Try this"))
        if self.problems:
            first = self.problems[0]
            where = f"{first.file.parent.name}/{first.file.name}" + (f":{first.line}" if first.line else "")
            self.problems_label.setText(self.tr("{0} problem(s) in the lesson files; those pages are skipped. "
                                                "First: {1}: {2} (hover for all)")
                                        .format(len(self.problems), where, first.message))
            self.problems_label.setToolTip("\n".join(str(p) for p in self.problems))
        self.problems_label.setVisible(bool(self.problems))
        self._fill_tree()
        if self.page is not None:
            self._show_page(self.page)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- tree -------------------------------------------------------------------------------
    def _fill_tree(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items: dict[str, QTreeWidgetItem] = {}
        for chapter in self.chapters:
            top = QTreeWidgetItem([self.tr("{0}. {1}").format(chapter.number, self._pick(chapter.title))])
            top.setToolTip(0, top.text(0))
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(top)
            for page in chapter.pages:
                item = QTreeWidgetItem([self._page_label(page)])
                item.setToolTip(0, item.text(0))
                item.setData(0, PAGE_ROLE, page.key)
                top.addChild(item)
                self._items[page.key] = item
        if self.page is not None and self.page.key in self._items:
            item = self._items[self.page.key]
            self.tree.setCurrentItem(item)
            item.parent().setExpanded(True)
        self.tree.blockSignals(False)
        # never fewer than TREE_ROWS rows of the course in sight, however the lesson text below is dragged
        row = self.tree.sizeHintForRow(0) if self.tree.topLevelItemCount() else self.tree.fontMetrics().height() + 4
        self.tree.setMinimumHeight(TREE_ROWS * row + 2 * self.tree.frameWidth())

    def _page_label(self, page: Page) -> str:
        complete = page.tasks and all(task_key(page, t) in self.done for t in page.tasks)
        return ("✓ " if complete else "") + self._pick(page.title)

    def _on_tree_item_activated(self, item: QTreeWidgetItem, *_: Any) -> None:
        key = item.data(0, PAGE_ROLE)
        if key:
            self.open_key(key)

    # -- pages ------------------------------------------------------------------------------
    def open_key(self, key: str) -> bool:
        """Open the page with this key ("ch04/alpha"); False if there is none or it could not open."""
        for page in self.pages:
            if page.key == key:
                return self.open_page(page)
        return False

    def open_first(self) -> None:
        """Open the remembered page (if its experiment can be opened), or the first one."""
        key = self.settings.get("course/page")
        page = next((p for p in self.pages if p.key == key), None)
        if (page is None or not self.open_page(page)) and self.pages:
            self.open_page(self.pages[0])

    def page_for(self, experiment_id: str) -> Page | None:
        """The first page that runs this experiment, or None."""
        return next((page for page in self.pages if page.experiment == experiment_id), None)

    def show_page_for(self, experiment_id: str) -> bool:
        """Show the first page that runs this experiment, leaving the running experiment as it is."""
        page = self.page_for(experiment_id)
        if page is not None:
            self.open_page(page, set_up=False)
        return page is not None

    def open_page(self, page: Page, set_up: bool = True) -> bool:
        """Show a page and (unless set_up is False) ask the window to set up its experiment and panels.

        If the window could not open the page's experiment (its data is missing and was not provided), the
        page is not shown: the course stays on the page of what is running. Returns True if the page opened."""
        if set_up:
            self.page_opened.emit(page)
            if page.experiment and self.runner.experiment.id != page.experiment:
                self._select_item(self.page)
                return False
        self.page = page
        self.settings.set("course/page", page.key)
        self.phase_steps = 0
        self.weight_edits = 0
        self.view_actions = {}
        self.start_values = dict(self.runner.experiment.values)
        self.runs = []
        self._show_page(page)
        self._select_item(page)
        return True

    def _select_item(self, page: Page | None) -> None:
        """Make the tree show `page` as the current one (none: no current item)."""
        item = self._items.get(page.key) if page is not None else None
        self.tree.blockSignals(True)
        if item is not None:
            self.tree.setCurrentItem(item)
            item.parent().setExpanded(True)
        else:
            self.tree.setCurrentItem(None)
        self.tree.blockSignals(False)

    def _show_page(self, page: Page) -> None:
        self.title.setText(self._pick(page.title))
        self.text.folder = page.folder
        self.text.setSearchPaths([str(page.folder)])
        self.text.document().setBaseUrl(QUrl.fromLocalFile(str(page.folder) + "/"))
        self.text.setMarkdown(self._pick(page.text))
        self.text.setAccessibleDescription(self._pick(page.title))
        self._fill_tasks()
        index = self.pages.index(page)
        self.position.setText(self.tr("page {0} of {1}").format(index + 1, len(self.pages)))
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.pages) - 1)

    def _fill_tasks(self) -> None:
        page = self.page
        self.tasks.clear()
        if page is None:
            return
        for task in page.tasks:
            met = task_key(page, task) in self.done
            item = QListWidgetItem(("☑ " if met else "☐ ") + self._pick(task.text))
            item.setData(PAGE_ROLE, task.id)
            item.setToolTip(self.tr("Done") if met else self.tr("Not done yet"))
            if met:
                item.setForeground(colours().accent)
            self.tasks.addItem(item)
        self.tasks.setVisible(bool(page.tasks))
        self.tasks_label.setVisible(bool(page.tasks))

    def next_page(self) -> None:
        """Go to the next page of the course."""
        self._move(1)

    def previous_page(self) -> None:
        """Go to the previous page of the course."""
        self._move(-1)

    def _move(self, step: int) -> None:
        if self.page is None:
            return
        index = self.pages.index(self.page) + step
        if 0 <= index < len(self.pages):
            self.open_page(self.pages[index])

    # -- tasks ------------------------------------------------------------------------------
    def _schedule_check(self, *_: Any) -> None:
        if not self._check_timer.isActive():
            self._check_timer.start()

    def _on_runner_weights_edited(self, *_: Any) -> None:
        self.weight_edits += 1
        self._schedule_check()

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self.phase_steps += 1
        self._schedule_check()

    def _on_runner_archived(self, archive: Any) -> None:
        """Remember a finished run of the page's experiment (its starting values and epochs), for comparisons."""
        if self.page is not None and archive.experiment_id == self.page.experiment:
            epochs = max((len(column) for column in archive.epochs.values()), default=0)
            self.runs.append({"values": dict(archive.values), "epochs": epochs})

    def on_view_built(self, key: str, view: QWidget) -> None:
        """Listen to a view's `acted` signal (what the learner does in it), if it has one."""
        acted = getattr(view, "acted", None)
        if acted is not None:
            acted.connect(self.note_action)

    def note_action(self, name: str) -> None:
        """The learner did `name` in a view (a view's `acted` signal): count it for the tasks."""
        self.view_actions[name] = self.view_actions.get(name, 0) + 1
        self._schedule_check()

    def facts(self) -> RunFacts:
        """What has happened in the run since the page opened, for the task checks."""
        r = self.runner
        history = r.history
        # Built once per epoch, not again for every epoch at every check (a long run has thousands); a long run
        # keeps every k-th epoch row, and when it thins them the rows are read again.
        columns, stride = history.epochs, history.epoch_table.stride
        rows = min((len(column.view) for column in columns.values()), default=0)
        epochs = self._epochs if self._epochs_stride == stride and len(self._epochs) <= rows else []
        epochs += [{name: float(column.view[i]) for name, column in columns.items()} for i in range(len(epochs), rows)]
        self._epochs, self._epochs_stride = epochs, stride
        return RunFacts(
            experiment=r.experiment.id,
            errors=history.series("error"),
            values=dict(r.experiment.values),
            start_values=self.start_values,
            diverged=r.divergence is not None,
            finished=r.count >= book_length(r.experiment),
            phase_steps=self.phase_steps,
            weight_edits=self.weight_edits,
            epochs=epochs,
            iterations=r.count,
            runs=list(self.runs),
            run_values=dict(r.run_values),
            figures={name: column.view for name, column in history.iterations.items()},
            view_actions=dict(self.view_actions),
        )

    def _forget_epochs(self, *_: Any) -> None:
        self._epochs = []

    def check_tasks(self) -> list[Task]:
        """Tick the current page's tasks that are now met; returns the newly met ones."""
        page = self.page
        if page is None or page.experiment != self.runner.experiment.id:
            return []
        open_tasks = [t for t in page.tasks if task_key(page, t) not in self.done]
        if not open_tasks:
            return []
        facts = self.facts()
        met = [t for t in open_tasks if check_met(t.check, facts)]
        for task in met:
            self.done.add(task_key(page, task))
            self.task_met.emit(page, task)
        if met:
            self.settings.set("course/done", sorted(self.done))
            self._fill_tasks()
            item = self._items.get(page.key)
            if item is not None:
                item.setText(0, self._page_label(page))
                item.setToolTip(0, item.text(0))
        return met

    def task_text(self, task: Task) -> str:
        """A task's text in the current language."""
        return self._pick(task.text)

