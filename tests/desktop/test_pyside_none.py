"""Regression for PySide6 6.12.0 on Python 3.11: calls returning a null object as None must not leak
a reference to None (the interpreter aborts with "none_dealloc" after a few thousand)."""

import sys

import PySide6
from PySide6.QtWidgets import QApplication, QWidget


def test_pyside_version_is_pinned_below_6_12():
    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12)


def test_ten_thousand_null_returns_keep_none_refcount(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        widget.parentWidget()
        QApplication.focusWidget()
        QApplication.activeModalWidget()
    after = sys.getrefcount(None)
    assert abs(after - before) < 100  # 6.12.0 loses 30,000 here
