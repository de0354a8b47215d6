"""pytest-qt fixtures: offscreen Qt, settings in tmp_path, a main window."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop.settings import Settings  # noqa: E402


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
