"""pytest-qt fixtures: offscreen Qt, settings in tmp_path, a main window."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc  # noqa: E402

import pytest  # noqa: E402

from desktop.settings import Settings  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def _collect_between_events(qapp):
    """The app's garbage-collection policy (desktop/lifetime.py): collections wait for the event loop, so the
    collector never frees a widget from inside a Qt call on it. At the end of a module, everything left is
    collected here, outside any Qt call."""
    from desktop.lifetime import CollectBetweenEvents

    policy = CollectBetweenEvents(qapp)
    gc.collect()
    gc.freeze()  # what exists now (modules, the application) lives on: collections below need not scan it
    policy.install()
    yield policy
    policy.uninstall()
    gc.unfreeze()
    policy.deleteLater()


@pytest.fixture(autouse=True)
def _collect_after_test(_collect_between_events):
    """What a test left behind (its closed widgets, its runners) is freed before the next test starts, at a
    safe place: a runner left playing cannot tick into the next test."""
    yield
    gc.collect()


@pytest.fixture
def still_clock(monkeypatch):
    """The runner's clock stands still: its time budget never runs out, so a step of a data-set network finishes
    at once however loaded the machine is (otherwise a slow moment splits it across timer ticks, and a test that
    steps and then looks sees the iteration still open)."""
    from desktop import runner

    monkeypatch.setattr(runner.time, "perf_counter", lambda: 0.0)


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def main_window(qtbot, settings):
    from PySide6.QtWidgets import QApplication

    from desktop.app import setup_application
    from desktop.main_window import MainWindow

    setup_application(QApplication.instance())
    window = MainWindow(settings, "ch04.gradient-descent")
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    yield window
    window.runner.pause()


@pytest.fixture(scope="module")
def laptop_window(qapp, tmp_path_factory):
    """One main window at 1366 x 768 for a whole test module (tests that walk every page), deleted when the module
    ends, while Qt still holds every object it refers to (left to the session's end, its collection crashed)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.app import setup_application
    from desktop.main_window import MainWindow

    setup_application(QApplication.instance())
    window = MainWindow(Settings(QSettings(str(tmp_path_factory.mktemp("s") / "s.ini"), QSettings.Format.IniFormat)),
                        "ch04.gradient-descent")
    window.resize(1366, 768)
    window.show()
    yield window
    window.runner.pause()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def pytest_sessionfinish(session, exitstatus):
    """Tear the widgets down while the QApplication still exists, and collect.

    This also makes a dangling wrapper show at once: a PlotWidget taken out of its panel for export once left
    one behind, and PySide's exit cleanup crashed on it (sometimes; with this teardown, every time)."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    from shiboken6 import isValid

    for widget in QApplication.topLevelWidgets():
        if isValid(widget):
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
