"""File → Save run / Open run, the run kept when the window closes, and `grokking-lab open FILE`: a run continues
exactly where it was, on its page; a file that does not fit is refused with a message and changes nothing."""

import json
import subprocess
import sys
import zipfile

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from shiboken6 import isValid

from desktop.main_window import MainWindow
from desktop.settings import Settings


@pytest.fixture
def warnings_shown(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def window(qtbot, path, experiment_id=None):
    w = MainWindow(Settings(path), experiment_id)
    qtbot.addWidget(w)
    return w


def answer_save(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def answer_open(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_save_and_open_from_the_file_menu_continue_exactly(qtbot, main_window, tmp_path, monkeypatch):
    w = main_window
    w.open_experiment("ch04.alpha")
    w.runner.set_param("alpha", 0.05)
    w.runner.run_to(40)
    w.runner.set_weight("weight", 0, 0, 0.3)  # a learner's edit
    w.runner.run_to(60)
    errors = w.runner.history.series("error").copy()
    answer_save(monkeypatch, tmp_path / "mine")  # no suffix: .glrun is added
    w.actions["file.save_run"].trigger()
    assert (tmp_path / "mine.glrun").is_file() and "Saved the run" in w.statusBar().currentMessage()
    w.runner.run_to(75)
    expected = w.runner.history.series("error").copy()
    w.open_experiment("ch05.multi-input")  # somewhere else entirely
    answer_open(monkeypatch, tmp_path / "mine.glrun")
    w.actions["file.open_run"].trigger()
    r = w.runner
    assert r.experiment.id == "ch04.alpha" and r.count == 60 and r.experiment.alpha == 0.05
    assert np.array_equal(r.history.series("error"), errors)
    assert w.controls.rewind.maximum() == 60 and w.picker.currentData() == "ch04.alpha"
    r.run_to(75)
    assert np.array_equal(r.history.series("error"), expected)  # continues with the same numbers
    r.rewind_to(20)  # the history and the edits came along: rewinding replays the edit at 40
    r.rewind_to(75)
    assert np.array_equal(r.history.series("error"), expected)


def test_a_run_opens_on_its_page(qtbot, tmp_path, warnings_shown):
    w = window(qtbot, tmp_path / "teacher.ini")
    page = next(p for p in w.lesson.pages if p.experiment == "ch05.freeze-weight")
    w.lesson.open_page(page)
    w.runner.run_to(7)
    assert w.save_run(tmp_path / "prepared.glrun")
    learner = window(qtbot, tmp_path / "learner.ini")
    learner.lesson.open_page(learner.lesson.pages[0])
    assert learner.open_run(tmp_path / "prepared.glrun")
    assert learner.lesson.page.key == page.key and learner.runner.experiment.id == "ch05.freeze-weight"
    assert learner.runner.count == 7 and warnings_shown == []
    assert learner.lesson.title.text() == w.lesson.title.text()


def hostile(path, change):
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    doc = json.loads(parts["run.json"])
    change(doc)
    parts["run.json"] = json.dumps(doc).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


@pytest.mark.parametrize("make_bad", [
    lambda p: p.write_bytes(b"PK\x03\x04 truncated"),
    lambda p: p.write_bytes(b""),
    lambda p: hostile(p, lambda d: d.update(version=99)),
    lambda p: hostile(p, lambda d: d["state"].update(weight=[0.1, 0.2])),
    lambda p: hostile(p, lambda d: d.update(changes=[[1, [["load_state", {"$tuple": [{}]}]]]])),
])
def test_a_file_that_does_not_fit_changes_nothing(qtbot, main_window, tmp_path, warnings_shown, make_bad):
    w = main_window
    w.open_experiment("ch04.alpha")
    w.runner.run_to(5)
    w.save_run(tmp_path / "bad.glrun")
    make_bad(tmp_path / "bad.glrun")
    w.open_experiment("ch04.divergence")
    w.runner.run_to(3)
    weight = w.runner.experiment.weight
    assert not w.open_run(tmp_path / "bad.glrun")
    assert len(warnings_shown) == 1 and "not opened" in warnings_shown[0]
    assert w.runner.experiment.id == "ch04.divergence" and w.runner.count == 3
    assert w.runner.experiment.weight == weight and len(w.runner.history.series("error")) == 3


def test_saving_to_a_folder_is_refused_with_a_message(qtbot, main_window, tmp_path, warnings_shown):
    (tmp_path / "x.glrun").mkdir()
    assert not main_window.save_run(tmp_path / "x.glrun")
    assert "is a folder" in warnings_shown[0] and not list(tmp_path.glob(".*.part"))


def test_closing_the_window_keeps_the_run_and_the_next_start_reopens_it(qtbot, tmp_path):
    w = window(qtbot, tmp_path / "s.ini")
    w.open_experiment("ch04.alpha")
    w.runner.set_param("alpha", 0.02)
    w.runner.run_to(37)
    weight = w.runner.experiment.weight
    w.close()
    assert (tmp_path / "last-run.glrun").is_file()
    again = window(qtbot, tmp_path / "s.ini")
    assert again.runner.experiment.id == "ch04.alpha"
    assert again.runner.count == 37 and again.runner.experiment.weight == weight
    assert again.runner.experiment.values["alpha"] == 0.02
    assert "last run is back" in again.statusBar().currentMessage()


def test_a_damaged_last_run_does_not_stop_the_start(qtbot, tmp_path, capsys):
    (tmp_path / "last-run.glrun").write_bytes(b"\x00" * 100)
    w = window(qtbot, tmp_path / "s.ini")
    assert w.runner.count == 0
    assert "not opened" in capsys.readouterr().err


def test_open_from_the_command_line_refuses_a_bad_file(tmp_path):
    (tmp_path / "bad.glrun").write_bytes(b"not a zip")
    out = subprocess.run([sys.executable, "-m", "desktop", "open", str(tmp_path / "bad.glrun")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1 and "damaged" in out.stderr
    out = subprocess.run([sys.executable, "-m", "desktop", "open"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "file" in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_open_from_the_command_line_shows_the_run(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from desktop import app

    subprocess.run([sys.executable, "-m", "learning", "run", "ch04.alpha", "--iterations", "12", "--save",
                    str(tmp_path / "cli.glrun")], check=True, timeout=120, capture_output=True)
    opened, seen = [], []
    original = MainWindow.open_run

    def recording(self, *args, **kwargs):
        opened.append(self)
        return original(self, *args, **kwargs)

    def event_loop(self):  # what the learner sees while the app runs
        window = opened[0]
        seen.append((window.runner.count, window.runner.experiment.id, window.isVisible()))
        return 0

    monkeypatch.setattr(MainWindow, "open_run", recording)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    monkeypatch.setattr(app, "setup_application", lambda a: None)
    monkeypatch.setattr("desktop.settings.default_path", lambda: tmp_path / "s.ini")
    assert app.main(["open", str(tmp_path / "cli.glrun")]) == 0
    assert len(opened) == 1 and seen == [(12, "ch04.alpha", True)]
    assert not isValid(opened[0])  # the window went with the event loop, not at the interpreter's exit


def test_switching_the_language_does_not_leak_menus(qtbot, main_window):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QMenu

    def menus():
        QCoreApplication.processEvents()  # the LanguageChange events
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return len(main_window.findChildren(QMenu))

    main_window.set_language("en")
    before = menus()
    for language in ("ru", "en"):
        main_window.set_language(language)
        menus()
    assert menus() == before and main_window.experiment_menu.actions()
    chapters = [m for m in main_window.experiment_menu.findChildren(QMenu)]
    assert len(chapters) == len({m.title() for m in chapters})  # one submenu per chapter
