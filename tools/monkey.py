#!/usr/bin/env python3
"""A random user for Grokking Lab: drives the real main window through random clicks, keys, hostile text in
fields, menu actions and experiment/page switches, and stops at the first fault.

    .venv/bin/python tools/monkey.py --actions 20000 --seed 7                 # data from GROKKING_DATA, if set
    .venv/bin/python tools/monkey.py --actions 5000 --seed 3 --data /work/shared/data
    .venv/bin/python tools/monkey.py --actions 5000 --seed 3 --data none       # an empty data folder

A fault is any exception that reaches sys.excepthook (every slot, event handler and override: the app's own
fault handler, desktop/faults.py, records it) or sys.unraisablehook; a crash kills the process. Exit code 0:
no fault; 1: a fault (the last actions and the traceback are printed); 2: bad arguments. The same seed gives
the same sequence of actions; timers make the run's inner timing vary a little.

Dialogs that would wait for a person are answered at once: file dialogs return a file in a scratch folder
(or nothing), message boxes return, modal dialogs and popup menus are accepted, used or closed by a timer.
Nothing is downloaded: the data set dialogs are only ever cancelled, and the Data sets window is not clicked.
Settings, logs and caches go to a scratch folder, never the user's.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HOSTILE = (
    "", " ", "nan", "NaN", "-nan", "inf", "-inf", "∞", "1e309", "-1e309", "1e-400", "4.9e-324", "-0", "0", "1",
    "-1", "0.5", "2,5", "1,2,3", "0.1, 0.2, -0.1", "1;2;3", "1e3", "999999999999999999999999", "-2147483649",
    "0x10", "1_000", "١٢", "½", "−0.5", "+3", "..", "1..2", "1e", "e1", "abc", "true", "false", "None", "[]",
    "'; DROP TABLE runs; --", "%s%s%n", "{0}{1}", "<b>bold</b>", "\\", "\t", "\n", "😀", "\u202e1.5",
    "x" * 5000, "9" * 400, "0." + "0" * 330 + "1", "1,5,", ",", "-", "+", "  3  ", "3 4", "१",
)

KEYS = ("Space", "Right", "Shift+Right", "Ctrl+R", "PageUp", "PageDown", "Ctrl+L", "Home", "End", "Left", "Up",
        "Down", "Tab", "Shift+Tab", "Escape", "Return", "Backspace", "Delete", "Ctrl+Z", "Ctrl+A", "A", "5", "-",
        "F1", "Ctrl+E", "Ctrl+Shift+D")


def type_characters(widget: object, text: str) -> None:
    """Type `text` as key events that carry the characters (QTest.keyClicks knows ASCII only)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    special = {"\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab, "\\": Qt.Key.Key_Backslash}
    for ch in text:
        key = special.get(ch, Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


class Fault(Exception):
    """The app raised (through sys.excepthook) or something Qt-side went wrong."""


class Monkey:
    """One random user session on a fresh main window."""

    def __init__(self, seed: int, scratch: Path, chapters: tuple[int, int], log: Callable[[str], None],
                 automatic_gc: bool = False) -> None:
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtWidgets import QApplication

        from desktop.app import setup_application
        from desktop.faults import FaultHandler
        from desktop.lifetime import CollectBetweenEvents
        from desktop.main_window import MainWindow
        from desktop.settings import Settings

        self.rng = random.Random(seed)
        self.scratch = scratch
        self.log = log
        self.trail: list[str] = []
        self.verbose = False
        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        setup_application(self.app)
        if not automatic_gc:  # as the app does (desktop/app.py)
            CollectBetweenEvents(self.app).install()
        self.handler = FaultHandler(scratch / "logs", self.app)
        self.handler.install()
        self.unraisable: list[str] = []
        sys.unraisablehook = self._on_unraisable
        from PySide6.QtCore import qInstallMessageHandler

        self.qt_messages: dict[str, int] = {}
        qInstallMessageHandler(self._on_qt_message)
        self.settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
        self._patch_blocking_dialogs()
        self.window = MainWindow(self.settings)
        self.window.attach_faults(self.handler)
        self.window.resize(1366, 768)
        self.window.show()
        self.closer = QTimer()
        self.closer.setInterval(15)
        self.closer.timeout.connect(self._answer_dialogs)
        self.closer.start()
        from learning import catalogue

        lo, hi = chapters
        self.experiments = [cls.id for cls in catalogue.EXPERIMENTS.values() if lo <= cls.chapter <= hi]
        self.wait(100)

    # -- faults ---------------------------------------------------------------------------------------------
    def _on_unraisable(self, info: object) -> None:
        self.unraisable.append(f"unraisable: {getattr(info, 'exc_value', info)!r} in {getattr(info, 'object', '')!r}")

    def _on_qt_message(self, kind: object, _context: object, text: str) -> None:
        """Qt's own warnings: the offscreen platform's are noise; the others are counted and printed once."""
        from PySide6.QtCore import QtMsgType

        if "does not support" in text or "Unhandled key code" in text:
            return
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.unraisable.append(f"Qt {kind.name}: {text}")
        key = text[:120]
        self.qt_messages[key] = self.qt_messages.get(key, 0) + 1
        if self.qt_messages[key] == 1:
            self.log(f"Qt says: {text[:300]}")

    def check(self) -> None:
        """Raise Fault when the app raised anything since the last check."""
        if self.handler.faults or self.unraisable:
            text = "\n".join(f.details for f in self.handler.faults.values()) + "\n".join(self.unraisable)
            raise Fault(text)
        if not self.window.isVisible():
            raise Fault("the main window is gone")

    # -- dialogs that would wait for a person -------------------------------------------------------------
    def _patch_blocking_dialogs(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        rng, scratch, trail = self.rng, self.scratch, self.trail

        def save_name(_parent: object = None, _caption: str = "", directory: str = "", _filter: str = "",
                      *args: object, **kwargs: object) -> tuple[str, str]:
            if rng.random() < 0.3:
                return "", ""
            suffix = Path(directory).suffix or ".png"
            name = rng.choice([f"out{suffix}", f"sub dir/ünï {rng.randrange(99)}{suffix}", f"x{suffix}.txt",
                               "no-suffix", f"missing/folder/f{suffix}"])
            if name.startswith("sub dir"):
                (scratch / "out" / "sub dir").mkdir(parents=True, exist_ok=True)
            trail.append(f"  (file dialog answered {name!r})")
            return str(scratch / "out" / name), ""

        def open_names(*args: object, **kwargs: object) -> tuple[list[str], str]:
            return [], ""

        def directory(*args: object, **kwargs: object) -> str:
            return ""

        def message(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
            trail.append(f"  (message box: {' | '.join(str(a) for a in args[1:3])[:160]})")
            return QMessageBox.StandardButton.Cancel

        QFileDialog.getSaveFileName = staticmethod(save_name)  # type: ignore[method-assign]
        QFileDialog.getOpenFileNames = staticmethod(open_names)  # type: ignore[method-assign]
        QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: ("", ""))  # type: ignore[method-assign]
        QFileDialog.getExistingDirectory = staticmethod(directory)  # type: ignore[method-assign]
        for name in ("warning", "information", "question", "critical"):
            setattr(QMessageBox, name, staticmethod(message))

    def _answer_dialogs(self) -> None:
        """Runs on a timer, also inside the nested event loop of a modal dialog or a popup menu."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMenu, QMessageBox, QProgressDialog

        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            actions = [a for a in popup.actions() if a.isEnabled() and not a.isSeparator() and a.menu() is None]
            if actions and self.rng.random() < 0.6:
                action = self.rng.choice(actions)
                self.trail.append(f"  (popup menu: {action.text()!r})")
                popup.close()
                # an action that opens a modal dialog runs the dialog's event loop inside this callback, where the
                # timer that called it never fires again: a one-shot timer of its own answers that dialog
                QTimer.singleShot(20, self._answer_dialogs)
                action.trigger()
            else:
                popup.close()
            return
        if popup is not None:
            popup.close()
            return
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        name = type(modal).__name__
        if isinstance(modal, QProgressDialog):
            if self.rng.random() < 0.05:
                self.trail.append("  (progress: Cancel)")
                modal.cancel()
            return
        if name in ("DatasetDialog",):  # never download anything
            self.trail.append(f"  ({name}: Cancel)")
            modal.reject()
        elif name == "ExportDialog" and self.rng.random() < 0.7:
            path = modal.findChild(QLineEdit, "export_path")
            if path is not None:
                suffix = self.rng.choice([".png", ".svg", ".PNG", ".jpg", ""])
                path.setText(str(self.scratch / "out" / f"export{suffix}"))
            self.trail.append(f"  (ExportDialog: accept {path.text() if path else ''!r})")
            modal.accept()
        elif isinstance(modal, QMessageBox | QDialog):
            self.trail.append(f"  ({name}: close)")
            modal.reject()
        else:
            modal.close()

    # -- timing ---------------------------------------------------------------------------------------------
    def wait(self, ms: int) -> None:
        """Let the event loop run for `ms` milliseconds (timers fire, the run plays)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    # -- what a random user does --------------------------------------------------------------------------
    def widgets(self, kinds: tuple[type, ...]) -> list:
        """Visible, enabled widgets of these kinds inside the main window (not in other windows)."""
        from PySide6.QtWidgets import QWidget

        return [w for w in self.window.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()
                and w.isEnabled() and w.window() is self.window and w.width() > 2 and w.height() > 2]

    def act(self) -> str:
        """Do one random thing; returns what it did."""
        choice = self.rng.choices(
            [self.key, self.click, self.type_text, self.menu_action, self.switch_experiment, self.turn_page,
             self.combo, self.slider, self.scene_click, self.play_a_while, self.resize, self.item_view,
             self.item_click],
            weights=[22, 22, 12, 8, 5, 5, 6, 5, 5, 4, 2, 4, 6])[0]
        return choice()

    def key(self) -> str:
        from PySide6.QtGui import QKeySequence
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        name = self.rng.choice(KEYS)
        combo = QKeySequence(name)[0]
        target = QApplication.focusWidget()
        if target is None or target.window() is not self.window:
            target = self.window
        QTest.keyClick(target, combo.key(), combo.keyboardModifiers())
        return f"key {name} to {type(target).__name__} {target.objectName()!r}"

    def click(self) -> str:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QAbstractButton, QTabBar

        targets = self.widgets((QAbstractButton, QTabBar))
        if not targets:
            return "click: nothing to click"
        w = self.rng.choice(targets)
        label = w.text() if isinstance(w, QAbstractButton) else "tabs"
        if w.objectName() == "" and label.replace("&", "") in ("Quit", "Выход"):
            return "click: skipped quit"
        point = QPoint(self.rng.randrange(max(1, w.width())), self.rng.randrange(max(1, w.height())))
        button = Qt.MouseButton.RightButton if self.rng.random() < 0.1 else Qt.MouseButton.LeftButton
        QTest.mouseClick(w, button, Qt.KeyboardModifier.NoModifier, point)
        return f"click {type(w).__name__} {w.objectName()!r} {label!r} at {point.x()},{point.y()}"

    def type_text(self) -> str:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit

        fields = self.widgets((QLineEdit, QAbstractSpinBox))
        if not fields:
            return "type: no field"
        field = self.rng.choice(fields)
        text = self.rng.choice(HOSTILE)
        field.setFocus()
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        if len(text) > 50:  # typing thousands of keys takes long: paste-like
            editor = field if isinstance(field, QLineEdit) else field.findChild(QLineEdit)
            if editor is not None:
                editor.insert(text)
        else:
            type_characters(field, text)
        finish = self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Escape, None])
        if finish is not None:
            QTest.keyClick(field, finish)
        return f"type {text[:40]!r}{'…' if len(text) > 40 else ''} into {type(field).__name__} " \
               f"{field.objectName()!r} then {finish.name if finish is not None else 'nothing'}"

    def menu_action(self) -> str:
        from PySide6.QtGui import QAction

        actions: list[QAction] = []

        def collect(menu_actions: list[QAction]) -> None:
            for a in menu_actions:
                if a.menu() is not None:
                    collect(a.menu().actions())
                elif not a.isSeparator() and a.isEnabled() and a.objectName() != "file.quit":
                    actions.append(a)

        collect(self.window.menuBar().actions())
        action = self.rng.choice(actions)
        action.trigger()
        return f"menu {action.objectName() or action.text()!r}"

    def switch_experiment(self) -> str:
        experiment = self.rng.choice(self.experiments)
        picker = self.window.picker
        index = picker.findData(experiment)
        picker.setCurrentIndex(index)
        picker.activated.emit(index)
        return f"picker: {experiment}"

    def turn_page(self) -> str:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        key = self.rng.choice([Qt.Key.Key_PageDown, Qt.Key.Key_PageUp])
        self.window.activateWindow()
        QTest.keyClick(self.window, key)
        return f"page key {key.name}"

    def combo(self) -> str:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QComboBox

        combos = [c for c in self.widgets((QComboBox,)) if c.count()]
        if not combos:
            return "combo: none"
        box = self.rng.choice(combos)
        key = self.rng.choice([Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Home, Qt.Key.Key_End])
        box.setFocus()
        QTest.keyClick(box, key)
        return f"combo {box.objectName()!r} {key.name} -> {box.currentText()[:40]!r}"

    def slider(self) -> str:
        from PySide6.QtWidgets import QAbstractSlider

        sliders = self.widgets((QAbstractSlider,))
        if not sliders:
            return "slider: none"
        s = self.rng.choice(sliders)
        value = self.rng.randint(s.minimum(), s.maximum()) if s.maximum() > s.minimum() else s.minimum()
        s.setSliderDown(True)
        s.setValue(value)
        s.setSliderDown(False)
        return f"slider {s.objectName()!r} -> {value}"

    def scene_click(self) -> str:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QGraphicsView

        views = self.widgets((QGraphicsView,))
        if not views:
            return "scene: none"
        view = self.rng.choice(views)
        port = view.viewport()
        point = QPoint(self.rng.randrange(max(1, port.width())), self.rng.randrange(max(1, port.height())))
        how = self.rng.choice(["left", "left", "double", "right", "wheel"])
        if how == "left":
            QTest.mouseClick(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        elif how == "double":
            QTest.mouseDClick(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        elif how == "right":
            from PySide6.QtGui import QContextMenuEvent
            from PySide6.QtWidgets import QApplication

            QTest.mouseClick(port, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, point)
            QApplication.sendEvent(port, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                           port.mapToGlobal(point)))
        else:
            from PySide6.QtCore import QPointF
            from PySide6.QtGui import QWheelEvent
            from PySide6.QtWidgets import QApplication

            delta = self.rng.choice([120, -120, 720])
            event = QWheelEvent(QPointF(point), QPointF(port.mapToGlobal(point)), QPoint(0, 0), QPoint(0, delta),
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                                False)
            QApplication.sendEvent(port, event)
        return f"scene {how} {view.objectName() or type(view).__name__!r} at {point.x()},{point.y()}"

    def item_click(self) -> str:
        """Click what is drawn: a link or unit of the diagram, a point of a plot (left, double or right)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication, QGraphicsView

        views = [v for v in self.widgets((QGraphicsView,)) if v.scene() is not None]
        if not views:
            return "drawn item: no view"
        view = self.rng.choice(views)
        items = [i for i in view.scene().items() if i.isVisible()]
        if not items:
            return "drawn item: none"
        # what can be edited (links, grids, nodes) is picked more often than labels and axes
        editable = [i for i in items if type(i).__name__ in ("LinkItem", "GridItem", "NodeItem", "ImageLayerItem")]
        item = self.rng.choice(editable if editable and self.rng.random() < 0.7 else items)
        point = view.mapFromScene(item.sceneBoundingRect().center())
        if not view.viewport().rect().contains(point):
            return "drawn item: off screen"
        how = self.rng.choice(["left", "left", "double", "right"])
        port = view.viewport()
        if how == "left":
            QTest.mouseClick(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        elif how == "double":
            QTest.mouseDClick(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        else:
            from PySide6.QtGui import QContextMenuEvent

            QApplication.sendEvent(port, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                           port.mapToGlobal(point)))
        return f"drawn item {how} {type(item).__name__} in {view.objectName() or type(view).__name__!r}"

    def item_view(self) -> str:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QAbstractItemView

        views = self.widgets((QAbstractItemView,))
        if not views:
            return "items: none"
        view = self.rng.choice(views)
        model = view.model()
        if model is None or model.rowCount() == 0:
            return "items: empty"
        index = model.index(self.rng.randrange(model.rowCount()), 0)
        if self.rng.random() < 0.5 and model.rowCount(index) > 0:
            index = model.index(self.rng.randrange(max(1, model.rowCount(index))), 0, index)
        view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        rect = view.visualRect(index)
        if rect.isEmpty():
            return "items: hidden row"
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
        if self.rng.random() < 0.3:
            QTest.keyClick(view, self.rng.choice([Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Return,
                                                  Qt.Key.Key_Space]))
        return f"items {view.objectName() or type(view).__name__!r}: {str(index.data())[:40]!r}"

    def play_a_while(self) -> str:
        from desktop.runner import SPEEDS

        runner = self.window.runner
        self.window.controls.speed.setValue(self.rng.randrange(len(SPEEDS)))
        if not runner.playing:
            self.window.actions["run.play"].trigger()
        ms = self.rng.choice([20, 60, 200])
        self.wait(ms)
        return f"play {ms} ms at speed {runner.speed} (count {runner.count})"

    def resize(self) -> str:
        w, h = self.rng.choice([(1366, 768), (1024, 700), (800, 600), (1920, 1080), (400, 300)])
        self.window.resize(w, h)
        return f"resize {w}x{h}"

    # -- the session ----------------------------------------------------------------------------------------
    def run(self, count: int) -> None:
        for n in range(count):
            what = self.act()
            self.trail.append(f"{n}: {what}")
            if self.verbose:
                self.log(f"{n}: {what}")
            del self.trail[:-40]
            self.app.processEvents()
            if self.rng.random() < 0.15:
                self.wait(self.rng.choice([1, 5, 30]))
            self.check()
            if n % 500 == 499:
                self.log(f"{n + 1} actions, experiment {self.window.runner.experiment.id}, "
                         f"count {self.window.runner.count}")
        self.window.runner.pause()
        self.wait(50)
        self.check()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=None, help="default: a new random seed, printed")
    parser.add_argument("--data", default=None,
                        help="a data folder for GROKKING_DATA, or 'none' for an empty one (default: as set)")
    parser.add_argument("--chapters", default="3-10", help="experiments of these chapters (default 3-10)")
    parser.add_argument("--verbose", action="store_true", help="print every action")
    parser.add_argument("--automatic-gc", action="store_true",
                        help="leave Python's garbage collector as it is (the app collects between events)")
    parser.add_argument("--inject-fault", action="store_true",
                        help="add a slot that raises on the 3rd iteration (to see that the monkey catches faults)")
    args = parser.parse_args(argv)
    if args.actions < 0:
        parser.error("--actions must be >= 0")
    try:
        lo, hi = (int(x) for x in args.chapters.split("-"))
    except ValueError:
        parser.error("--chapters must look like 3-10")
    seed = args.seed if args.seed is not None else random.randrange(2**31)
    scratch = Path(tempfile.mkdtemp(prefix="grokking-monkey-"))
    # nothing of the user's: settings, caches, logs and downloads go to the scratch folder
    for var in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        os.environ[var] = str(scratch / var.lower())
    if args.data is not None:
        empty = scratch / "empty-data"
        empty.mkdir()
        os.environ["GROKKING_DATA"] = str(empty) if args.data == "none" else str(Path(args.data).resolve())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = os.environ.get("GROKKING_DATA", "(not set)")
    print(f"monkey: seed {seed}, {args.actions} actions, chapters {lo}-{hi}, GROKKING_DATA={data}", flush=True)
    started = time.monotonic()
    monkey = Monkey(seed, scratch, (lo, hi), lambda text: print(f"monkey: {text}", flush=True), args.automatic_gc)
    monkey.verbose = args.verbose
    if args.inject_fault:
        def injected(count: int) -> None:
            if count >= 3:
                raise RuntimeError("an injected fault")

        monkey.window.runner.advanced.connect(injected)
    try:
        monkey.run(args.actions)
    except Fault as fault:
        print(f"monkey: FAULT after these actions (replay: --seed {seed}):", file=sys.stderr)
        print("\n".join(monkey.trail), file=sys.stderr)
        print(str(fault), file=sys.stderr)
        return 1
    except Exception:
        print("monkey: the monkey itself failed after these actions:", file=sys.stderr)
        print("\n".join(monkey.trail), file=sys.stderr)
        traceback.print_exc()
        return 1
    print(f"monkey: {args.actions} actions, no fault, {time.monotonic() - started:.0f} s (seed {seed})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
