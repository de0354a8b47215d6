"""Every command of the window as a QAction with a stable id, one shortcut table, one enabling rule."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle

#: Shortcuts by action id. Standard keys where the platform has one.
SHORTCUTS: dict[str, QKeySequence | str] = {
    "run.play": "Space",
    "run.step": "Right",
    "run.phase": "Shift+Right",
    "run.reset": "Ctrl+R",
    "file.open_run": QKeySequence.StandardKey.Open,
    "file.save_run": QKeySequence.StandardKey.Save,
    "file.export_plot": "Ctrl+E",
    "file.export_diagram": "Ctrl+Shift+E",
    "file.export_view": "Ctrl+Alt+E",
    "file.export_csv": "Ctrl+Shift+D",
    "file.export_gif": "Ctrl+Shift+G",
    "file.datasets": "Ctrl+Shift+T",
    "file.quit": QKeySequence.StandardKey.Quit,
    "view.log_y": "Ctrl+L",
    "view.reset_layout": "Ctrl+Shift+L",
    "course.next": QKeySequence.StandardKey.MoveToNextPage,
    "course.prev": QKeySequence.StandardKey.MoveToPreviousPage,
}


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def texts() -> dict[str, tuple[str, str]]:
    """(menu text, tooltip) of each action, translated."""
    return {
        "run.play": (
            translate("Actions", "&Play"),
            translate("Actions", "Run iterations on a timer; press again to pause"),
        ),
        "run.pause": (translate("Actions", "&Pause"), translate("Actions", "Pause the run; nothing is lost")),
        "run.step": (
            translate("Actions", "&Step"),
            translate("Actions", "Run one whole iteration: predict, compare, learn"),
        ),
        "run.phase": (
            translate("Actions", "P&hase step"),
            translate("Actions", "Run only the next phase of the iteration"),
        ),
        "run.reset": (translate("Actions", "&Reset"), translate("Actions", "Start again from the initial values")),
        "file.open_run": (
            translate("Actions", "&Open run…"),
            translate("Actions", "Continue a saved run: its experiment, parameters, edits, weights and history"),
        ),
        "file.save_run": (
            translate("Actions", "&Save run…"),
            translate("Actions", "Save this run to a file, to continue it later or to hand it out"),
        ),
        "file.export_plot": (
            translate("Actions", "Export &plot…"),
            translate("Actions", "Save the error plot as a PNG or SVG image"),
        ),
        "file.export_diagram": (
            translate("Actions", "Export &diagram…"),
            translate("Actions", "Save the network diagram as a PNG or SVG image"),
        ),
        "file.export_view": (
            translate("Actions", "Export &view…"),
            translate("Actions", "Save the view in front of the main area as a PNG or SVG image"),
        ),
        "file.export_csv": (
            translate("Actions", "Export da&ta (CSV)…"),
            translate("Actions", "Save every iteration's (and epoch's) numbers as CSV"),
        ),
        "file.export_gif": (
            translate("Actions", "Export &animation (GIF)…"),
            translate("Actions", "Save the run from its start to now as an animated GIF of the diagram and plot"),
        ),
        "file.datasets": (
            translate("Actions", "Data &sets…"),
            translate("Actions", "See which data sets are here, download or import them"),
        ),
        "file.quit": (translate("Actions", "&Quit"), translate("Actions", "Close Grokking Lab")),
        "view.log_y": (
            translate("Actions", "&Log scale"),
            translate("Actions", "Show the error on a logarithmic axis"),
        ),
        "view.reset_layout": (
            translate("Actions", "&Reset layout"),
            translate("Actions", "Put the views and panels of this chapter back where the page places them"),
        ),
        "course.next": (
            translate("Actions", "&Next page"),
            translate("Actions", "Go to the next page of the course"),
        ),
        "course.prev": (
            translate("Actions", "&Previous page"),
            translate("Actions", "Go to the previous page of the course"),
        ),
    }


@dataclass
class RunState:
    """What the enabling rule needs to know about the run."""

    playing: bool
    has_steps: bool = True


_ICONS = {
    "run.play": QStyle.StandardPixmap.SP_MediaPlay,
    "run.step": QStyle.StandardPixmap.SP_MediaSkipForward,
    "run.phase": QStyle.StandardPixmap.SP_MediaSeekForward,
    "run.reset": QStyle.StandardPixmap.SP_BrowserReload,
}


def make_actions(parent: QObject) -> dict[str, QAction]:
    """Create every action with its text, tooltip (naming the shortcut) and shortcut."""
    actions: dict[str, QAction] = {}
    for action_id in SHORTCUTS:
        action = QAction(parent)
        action.setObjectName(action_id)
        shortcut = SHORTCUTS[action_id]
        action.setShortcut(QKeySequence(shortcut))
        icon = _ICONS.get(action_id)
        if icon is not None:
            action.setIcon(QApplication.style().standardIcon(icon))
        actions[action_id] = action
    actions["view.log_y"].setCheckable(True)
    retranslate(actions, RunState(playing=False))
    return actions


def retranslate(actions: dict[str, QAction], state: RunState) -> None:
    """Set texts and tooltips (with the shortcut) in the current language."""
    t = texts()
    for action_id, action in actions.items():
        key = "run.pause" if action_id == "run.play" and state.playing else action_id
        text, tip = t[key]
        action.setText(text)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.setStatusTip(tip)


def update_enabled(actions: dict[str, QAction], state: RunState) -> None:
    """The one place that enables, disables and relabels actions for the run's state."""
    play = actions["run.play"]
    icon = QStyle.StandardPixmap.SP_MediaPause if state.playing else QStyle.StandardPixmap.SP_MediaPlay
    play.setIcon(QApplication.style().standardIcon(icon))
    retranslate(actions, state)
    for action_id in ("run.play", "run.step", "run.phase"):
        actions[action_id].setEnabled(state.has_steps)
