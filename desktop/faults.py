"""Faults handled like a trusted desktop tool: a bug in a slot pauses the run, is written to a log file and shown
once in a dialog with "Copy details"; the window goes on, and progress and settings stay as they were.

PySide hands every exception raised in a slot, an event handler or a virtual override to `sys.excepthook`
and then carries on; `FaultHandler` is that hook. It works in two steps because the hook runs wherever the
exception happened, perhaps in the middle of a paint: at once it only emits `caught` (the window pauses its
run: a timer must not tick into the same exception a hundred times a second) and writes the log; the dialog
is built on the next turn of the event loop. The same fault again (same exception type at the same line) is
counted, not shown again.
"""

from __future__ import annotations

import functools
import platform
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

LOG_NAME = "grokking-lab.log"
# The log is started afresh (the old one kept as .log.1) when it grows past this.
LOG_LIMIT = 1_000_000
# Repeats of a fault are written to the log at these counts only (then at every power of ten).
_REPEATS_LOGGED = {2, 3, 4, 5, 10}


Handler = TypeVar("Handler", bound=Callable[..., Any])


def reported(handler: Handler) -> Handler:
    """For an event handler that Qt calls from C++ (a graphics item's hover or mouse event): an exception goes to
    sys.excepthook (the fault handler: the run pauses, one dialog, the log) and the handler returns None. Let through,
    it reaches PySide, which aborts the process when such an override raises inside some Qt calls (seen: a hover
    that QGraphicsView.fitInView replays while the window re-arranges its views)."""

    @functools.wraps(handler)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return handler(*args, **kwargs)
        except Exception:  # noqa: BLE001 - every fault goes to the handler, none to PySide
            sys.excepthook(*sys.exc_info())
            return None

    return call  # type: ignore[return-value]


def log_dir() -> Path:
    """The user's log folder for Grokking Lab (e.g. ~/.local/state/grokking-lab/log on Linux)."""
    try:
        from platformdirs import user_log_dir
    except ImportError:  # platformdirs is a dependency; this keeps the window alive without it
        return Path.home() / ".grokking-lab" / "log"
    return Path(user_log_dir("grokking-lab", appauthor=False))


def app_version() -> str:
    """The installed version of Grokking Lab."""
    try:
        from importlib.metadata import version

        return version("grokking-lab")
    except Exception:  # noqa: BLE001 - a checkout that was never installed
        return "unknown"


@dataclass
class Fault:
    """One kind of fault: the exception, where it was raised, its traceback and how often it happened."""

    kind: str
    message: str
    where: str
    details: str
    count: int = 1
    first: float = field(default_factory=time.time)
    # True once a dialog showed it: repeats are counted (and logged) but open no new dialog.
    shown: bool = False
    # The log entry written when it first happened (time, versions, what the learner was doing, traceback).
    entry: str = ""

    @property
    def summary(self) -> str:
        """One line: type and message."""
        return f"{self.kind}: {self.message}" if self.message else self.kind


def _where(tb: TracebackType | None) -> str:
    frames = traceback.extract_tb(tb)
    if not frames:
        return "?"
    # the innermost frame of this project, else the innermost frame at all
    ours = [f for f in frames if "/desktop/" in f.filename.replace("\\", "/")
            or "/learning/" in f.filename.replace("\\", "/")]
    frame = (ours or frames)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"


class FaultHandler(QObject):
    """`sys.excepthook` for the window: pause, log, one dialog per kind of fault.

    `caught(Fault)` is emitted at once, inside the hook (connect only cheap, safe slots such as Runner.pause);
    `reported(Fault)` on the next turn of the event loop, after the dialog was shown or updated.
    `context` is called for a few lines that say what the learner was doing (experiment, iteration).
    """

    caught = Signal(object)
    reported = Signal(object)
    _from_thread = Signal(object)  # (type, value, traceback) of a worker thread's exception, queued to this thread

    def __init__(self, folder: Path | None = None, parent: QObject | None = None,
                 context: Callable[[], str] | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder) if folder is not None else log_dir()
        self.log_file = self.folder / LOG_NAME
        self.context = context
        self.faults: dict[tuple[str, str], Fault] = {}
        self.log_error: str | None = None
        self.dialog: FaultDialog | None = None
        self._queued: list[Fault] = []
        self._previous: Callable[..., object] | None = None
        self._previous_thread_hook: Callable[..., object] | None = None
        self._handling = False
        self._from_thread.connect(lambda args: self.handle(*args), Qt.ConnectionType.QueuedConnection)

    # -- the hook -------------------------------------------------------------------------
    def install(self) -> None:
        """Become `sys.excepthook` and `threading.excepthook` (the hooks before are restored by `uninstall`)."""
        if sys.excepthook != self.handle:
            self._previous = sys.excepthook
            sys.excepthook = self.handle
        if threading.excepthook != self._handle_thread:
            self._previous_thread_hook = threading.excepthook
            threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        """Give the hooks back."""
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous or sys.__excepthook__
        if threading.excepthook == self._handle_thread:
            threading.excepthook = self._previous_thread_hook or threading.__excepthook__

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        """A worker thread's exception is handled on this object's (the GUI) thread."""
        if args.exc_type is SystemExit:
            return
        self._from_thread.emit((args.exc_type, args.exc_value, args.exc_traceback))

    def handle(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        """Pause, log, and show (later) one dialog for this kind of fault."""
        if issubclass(kind, KeyboardInterrupt | SystemExit) or self._handling:
            (self._previous or sys.__excepthook__)(kind, value, tb)
            return
        self._handling = True  # a fault inside a slot of `caught` is not handled again
        try:
            key = (kind.__qualname__, _where(tb))
            fault = self.faults.get(key)
            if fault is None:
                text = "".join(traceback.format_exception(kind, value, tb))
                fault = Fault(kind.__qualname__, str(value), key[1], text)
                fault.entry = self._entry(fault)
                self.faults[key] = fault
                self._log(fault.entry)
            else:
                fault.count += 1
                if fault.count in _REPEATS_LOGGED or _power_of_ten(fault.count):
                    self._log(f"{_stamp()}  the same fault again ({fault.count} times): "
                              f"{kind.__qualname__}: {value} at {fault.where}\n")
            try:
                self.caught.emit(fault)
            except Exception:  # noqa: BLE001 - the hook itself must never raise
                pass
            if fault not in self._queued:
                self._queued.append(fault)
                if len(self._queued) == 1:
                    QTimer.singleShot(0, self, self._report)  # dropped if this handler is gone by then
        finally:
            self._handling = False

    # -- the log --------------------------------------------------------------------------
    def _entry(self, fault: Fault) -> str:
        lines = [f"{_stamp()}  {fault.summary}", f"  at {fault.where}",
                 f"  Grokking Lab {app_version()}, Python {platform.python_version()}, "
                 f"{platform.system()} {platform.release()}"]
        if self.context is not None:
            try:
                lines.append("  " + self.context())
            except Exception as exc:  # noqa: BLE001 - the context is a courtesy
                lines.append(f"  (no context: {exc!r})")
        return "\n".join(lines) + "\n" + fault.details + "\n"

    def details(self, fault: Fault) -> str:
        """What "Copy details" copies: the log entry of the fault and how often it happened."""
        text = fault.entry or self._entry(fault)
        if fault.count > 1:
            text += f"(happened {fault.count} times)\n"
        return text

    def _log(self, text: str) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if self.log_file.exists() and self.log_file.stat().st_size > LOG_LIMIT:
                self.log_file.replace(self.log_file.with_name(LOG_NAME + ".1"))
            with self.log_file.open("a", encoding="utf-8") as out:
                out.write(text)
            self.log_error = None
        except OSError as exc:
            self.log_error = str(exc)

    # -- the dialog -----------------------------------------------------------------------
    def _report(self) -> None:
        queued, self._queued = self._queued, []
        for fault in queued:
            if self.dialog is None and fault.shown:
                pass  # closed once already: the window's status bar tells of the repeat
            elif self.dialog is None:
                fault.shown = True
                parent = QApplication.activeWindow()
                self.dialog = FaultDialog(self, fault, parent if isinstance(parent, QWidget) else None)
                self.dialog.finished.connect(self._on_dialog_finished)
                self.dialog.show()
                self.dialog.raise_()
            else:
                fault.shown = True
                self.dialog.add(fault)
            self.reported.emit(fault)

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None


def _stamp() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S")


def _power_of_ten(n: int) -> bool:
    while n >= 10 and n % 10 == 0:
        n //= 10
    return n == 1


class FaultDialog(QDialog):
    """What happened, that the run is paused and nothing is lost, where the log is; Copy details and Close.
    One dialog at a time: the same fault again updates its count, other faults are listed under it."""

    def __init__(self, handler: FaultHandler, fault: Fault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handler = handler
        self.fault = fault
        self.others: list[Fault] = []
        self.setObjectName("fault_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setMinimumWidth(460)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32))
        self.message = QLabel()
        self.message.setObjectName("fault_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count = QLabel()
        self.count.setObjectName("fault_count")
        self.log = QLabel()
        self.log.setObjectName("fault_log")
        self.log.setWordWrap(True)
        self.log.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit()
        self.text.setObjectName("fault_details")
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(140)
        self.text.setAccessibleName(self.tr("Details of the error"))
        buttons = QDialogButtonBox()
        self.copy = QPushButton(self.tr("Copy details"))
        self.copy.setObjectName("fault_copy")
        self.copy.setToolTip(self.tr("Copy what happened to the clipboard, to paste into a bug report"))
        self.copy.setAutoDefault(False)
        self.copy.clicked.connect(self._on_copy_clicked)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("fault_close")
        self.close_button.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.message)
        layout.addWidget(self.text)
        layout.addWidget(self.count)
        layout.addWidget(self.log)
        layout.addWidget(buttons)
        self._update()

    def add(self, fault: Fault) -> None:
        """Another fault while this dialog is open: its own count shows it again, another kind is listed."""
        if fault is not self.fault and fault not in self.others:
            self.others.append(fault)
        self._update()

    def refresh(self) -> None:
        """Show the current counts (the same fault may have happened again since)."""
        self._update()

    def _update(self) -> None:
        f = self.fault
        self.message.setText(self.tr("<b>{0}</b><br>in {1}<br><br>The run is paused. Your progress and settings "
                                     "are kept; you can go on working.").format(_escape(f.summary), _escape(f.where)))
        self.text.setPlainText(f.details)
        counts = []
        if f.count > 1:
            counts.append(self.tr("This happened {0} times.").format(f.count))
        if self.others:
            counts.append(self.tr("{0} other errors since: {1}").format(
                len(self.others), "; ".join(o.summary for o in self.others[:3])))
        self.count.setText(" ".join(counts))
        self.count.setVisible(bool(counts))
        if self.handler.log_error is None:
            self.log.setText(self.tr("The details were written to {0}").format(self.handler.log_file))
        else:
            self.log.setText(self.tr("The log could not be written ({0}): copy the details instead.").format(
                self.handler.log_error))

    def _on_copy_clicked(self) -> None:
        text = self.handler.details(self.fault) + "".join("\n" + self.handler.details(o) for o in self.others)
        QGuiApplication.clipboard().setText(text)
        self.copy.setText(self.tr("Copied"))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
