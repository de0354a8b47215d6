"""A bug in a slot pauses the run, shows one dialog with Copy details, writes the log, and the window goes on."""

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop import faults
from desktop.faults import FaultDialog, FaultHandler
from learning.catalogue import get
from learning.experiment import Phase

AlphaBase = get("ch04.alpha")


class FailsAtThree(AlphaBase):
    """The book's alpha experiment, with a bug in its learn phase at iteration 3 (while `broken`)."""

    broken = True

    def iteration(self) -> Iterator[tuple[Phase, dict]]:
        for phase, values in super().iteration():
            if phase is Phase.LEARN and self.iteration_index == 3 and FailsAtThree.broken:
                raise ZeroDivisionError("a bug in the learn phase")
            yield phase, values


@pytest.fixture
def handler(main_window, tmp_path):
    handler = FaultHandler(tmp_path / "logs", main_window)
    handler.install()
    main_window.attach_faults(handler)
    FailsAtThree.broken = True
    yield handler
    handler.uninstall()
    dispose(handler)


@pytest.fixture
def bare_handler(tmp_path, qapp):
    """A handler of its own (not installed), deleted with its dialog after the test."""
    handlers = []

    def make(folder=None):
        handlers.append(FaultHandler(folder or tmp_path))
        return handlers[-1]

    yield make
    for handler in handlers:
        dispose(handler)


def dispose(handler):
    """Close the handler's dialog and delete the handler now: a report still queued for the event loop is
    dropped with it, so no dialog of this test can appear in the next one."""
    if handler.dialog is not None:
        handler.dialog.close()
    shiboken6.delete(handler)


def dialogs():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, FaultDialog) and w.isVisible()]


def test_a_failing_step_pauses_shows_one_dialog_writes_the_log_and_the_window_goes_on(qtbot, main_window,
                                                                                      handler, settings):
    w = main_window
    w.settings.set("course/done", ["ch04/alpha/tame-it"])
    w.runner.set_experiment(FailsAtThree())
    w.runner.set_speed(None)
    qtbot.keyClick(w, Qt.Key.Key_Space)  # play
    qtbot.waitUntil(lambda: len(dialogs()) == 1, timeout=5000)
    assert not w.runner.playing and not w.runner.mid_iteration
    assert w.runner.count == 3 and len(w.runner.history.series("error")) == 3  # what was done is kept
    dialog = dialogs()[0]
    message = dialog.findChild(QLabel, "fault_message").text()
    assert "ZeroDivisionError: a bug in the learn phase" in message and "paused" in message
    assert "test_faults.py" in message  # where it happened
    assert str(handler.log_file) in dialog.findChild(QLabel, "fault_log").text()
    log = handler.log_file.read_text(encoding="utf-8")
    assert "ZeroDivisionError: a bug in the learn phase" in log and "Traceback" in log
    assert "experiment ch04.alpha, iteration 3" in log
    assert handler.log_file.parent == handler.folder

    assert dialog.copy.objectName() == "fault_copy"
    qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "ZeroDivisionError: a bug in the learn phase" in copied and "in iteration" in copied
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialogs(), timeout=2000)

    # the window goes on: the bug fixed, a step runs iteration 3 afresh from the last completed one
    FailsAtThree.broken = False
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_Right)
    assert w.runner.count == 4 and len(w.runner.history.series("error")) == 4
    (fault,) = handler.faults.values()
    assert "experiment ch04.alpha, iteration 3," in handler.details(fault)  # as it was when it happened
    # settings and progress are as they were
    assert w.settings.get("course/done") == ["ch04/alpha/tame-it"]
    assert w.settings.get("run/experiment") == "ch04.alpha"


def test_the_same_fault_a_thousand_times_shows_one_dialog(qtbot, main_window, handler):
    calls = []

    def broken_slot():
        calls.append(1)
        raise ValueError("a broken redraw")

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(broken_slot)
    timer.start()
    try:
        qtbot.waitUntil(lambda: len(calls) >= 1000, timeout=20000)
    finally:
        timer.stop()
    qtbot.waitUntil(lambda: len(dialogs()) == 1, timeout=2000)
    qtbot.wait(50)
    assert len(dialogs()) == 1
    (fault,) = handler.faults.values()
    assert fault.count == len(calls)
    assert f"This happened {len(calls)} times." == dialogs()[0].findChild(QLabel, "fault_count").text()
    log = handler.log_file.read_text(encoding="utf-8")
    assert log.count("Traceback") == 1  # the traceback once; repeats are one counted line each, a few of them
    assert log.count("the same fault again") <= 5 + len(str(len(calls)))


def test_a_repeat_after_the_dialog_was_closed_goes_to_the_status_bar(qtbot, main_window, handler):
    w = main_window
    w.runner.set_experiment(FailsAtThree())
    w.runner.run_to(3)
    with qtbot.waitSignal(handler.reported):
        w.actions["run.step"].trigger()  # the action's slot raises
    dialogs()[0].close()
    w.runner.set_speed(None)
    with qtbot.waitSignal(handler.reported):
        w.actions["run.play"].trigger()
    assert not dialogs() and not w.runner.playing
    assert "2 times" in w.statusBar().currentMessage()


def test_another_fault_while_the_dialog_is_open_is_listed_in_it(qtbot, main_window, handler):
    w = main_window
    w.runner.set_experiment(FailsAtThree())
    w.runner.run_to(3)
    with qtbot.waitSignal(handler.reported):
        w.actions["run.step"].trigger()
    with qtbot.waitSignal(handler.reported):
        QTimer.singleShot(0, lambda: {}["missing key"])
    assert len(dialogs()) == 1
    assert "1 other errors since: KeyError" in dialogs()[0].findChild(QLabel, "fault_count").text()


def test_about_names_the_log_folder(qtbot, main_window, handler):
    main_window.about_action.trigger()
    box = main_window.findChild(QMessageBox, "about_box")
    assert box is not None and box.isVisible()
    assert str(handler.folder) in box.text() and faults.app_version() in box.text()
    box.close()


def fail_here():
    raise RuntimeError("here")


def fail_there():
    raise RuntimeError("there")


def test_the_log_folder_is_the_users_and_the_log_starts_afresh_when_large(tmp_path, monkeypatch, bare_handler):
    assert "grokking-lab" in str(faults.log_dir()).lower()
    monkeypatch.setattr(faults, "LOG_LIMIT", 200)
    handler = bare_handler()
    for fail in (fail_here, fail_there):  # two different faults: two full entries
        try:
            fail()
        except RuntimeError as exc:
            handler.handle(type(exc), exc, exc.__traceback__)
    assert "RuntimeError: there" in handler.log_file.read_text(encoding="utf-8")
    assert "RuntimeError: here" in (tmp_path / "grokking-lab.log.1").read_text(encoding="utf-8")


def test_an_unwritable_log_is_said_in_the_dialog(qtbot, tmp_path, bare_handler):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    handler = bare_handler(blocker)
    try:
        raise OSError("disk on fire")
    except OSError as exc:
        handler.handle(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: handler.dialog is not None, timeout=2000)
    assert "could not be written" in handler.dialog.findChild(QLabel, "fault_log").text()


def test_a_broken_panel_slot_pauses_the_run(qtbot, main_window, handler):
    """A slot of a panel raising on every tick would print hundreds of tracebacks a second: the run pauses."""
    w = main_window
    seen = []

    def broken_panel_slot(count):
        seen.append(count)
        raise IndexError("a panel's bug")

    w.runner.run_to(w.runner.limit)  # past the book's run: Play goes on as long as nobody pauses
    w.runner.advanced.connect(broken_panel_slot)
    w.runner.set_speed(100)
    w.runner.play()
    qtbot.waitUntil(lambda: len(dialogs()) == 1, timeout=5000)
    qtbot.wait(200)  # twenty ticks, had it gone on
    assert not w.runner.playing and len(seen) == 1
    w.runner.advanced.disconnect(broken_panel_slot)


def test_an_exception_in_a_worker_thread_is_reported_on_the_window(qtbot, main_window, handler):
    import threading

    def work():
        raise ConnectionError("the download thread broke")

    thread = threading.Thread(target=work)
    with qtbot.waitSignal(handler.reported, timeout=5000):
        thread.start()
        thread.join()
    assert "ConnectionError: the download thread broke" in dialogs()[0].findChild(QLabel, "fault_message").text()
    assert "the download thread broke" in handler.log_file.read_text(encoding="utf-8")


def test_progress_is_on_disk_the_moment_a_fault_is_caught(qtbot, main_window, handler):
    w = main_window
    w.runner.set_experiment(FailsAtThree())
    w.runner.run_to(3)
    on_disk = []
    handler.caught.connect(lambda _: on_disk.append(w.settings.path.read_text()))
    w.settings.set("course/done", ["ch04/alpha/break-it"])  # no turn of the event loop before the fault
    w.actions["run.step"].trigger()
    assert "ch04/alpha/break-it" in on_disk[0]
