"""Cancel in the data dialog against a server that sends a byte every few seconds: the transfer stops within a
second, nothing is kept, and closing the dialog closes it."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from tests.desktop.test_data_dialog import BODY, files_in, isolated, make_dialog, served, server  # noqa: F401


def test_cancel_stops_a_trickling_download_within_a_second(qtbot, isolated, server):  # noqa: F811
    server.trickle_s = 5.0
    dialog = make_dialog(qtbot, served(server, mode="trickle"), isolated / "data")
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 bytes" in dialog.progress_text.text(), timeout=10_000)  # the first byte is here
    start = time.monotonic()
    with qtbot.waitSignal(dialog.download_failed, timeout=1000) as blocker:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["cancelled"] and time.monotonic() - start < 1.0
    qtbot.waitUntil(lambda: not dialog.downloading, timeout=1000)
    assert files_in(isolated / "data") == [] and dialog.download_button.isEnabled()
    assert dialog.message.text() == "The download was cancelled. Nothing was kept."


def test_closing_during_a_trickling_download_closes_the_dialog(qtbot, isolated, server):  # noqa: F811
    server.trickle_s = 5.0
    dialog = make_dialog(qtbot, served(server, mode="trickle"), isolated / "data")
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 bytes" in dialog.progress_text.text(), timeout=10_000)
    start = time.monotonic()
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        dialog.close()  # the window's close button
    assert time.monotonic() - start < 1.0 and not dialog.isVisible()
    assert not dialog.downloading and files_in(isolated / "data") == []
