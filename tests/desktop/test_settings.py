"""Settings that cannot hurt: plain values only (never unpickled), defaults for wrong values, other schema versions
migrated with a backup (course progress kept), atomic writes."""

import json
import os

import pytest
from PySide6.QtCore import QByteArray, QSettings

from desktop.settings import DEFAULTS, SCHEMA_VERSION, Settings


class Evil:
    """Pickles to a call of os.mkdir: unpickling it creates the marker folder."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def qt_file(path, values):
    """A settings file as QSettings (schema 1) wrote it."""
    q = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in values.items():
        q.setValue(key, value)
    q.sync()
    del q
    return path


def backups(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".bak"))


def test_a_pickled_value_is_never_unpickled(tmp_path):
    marker = tmp_path / "evil-ran"
    path = qt_file(tmp_path / "s.ini", {"schema": 1, "run/experiment": Evil(str(marker)),
                                        "course/done": ["ch04/alpha/tame-it", "ch04/compare/x"]})
    assert "PyObject" in path.read_text()  # the hostile value as QSettings wrote it
    settings = Settings(path)
    assert not marker.exists()
    assert settings.get("run/experiment") == DEFAULTS["run/experiment"]
    assert any("run/experiment" in p for p in settings.problems)
    assert settings.get("course/done") == ["ch04/alpha/tame-it", "ch04/compare/x"]
    settings.set("plot/log_y", True)
    settings.sync()
    assert not marker.exists()
    assert "PyObject" not in path.read_text()
    # ... and QSettings reading it back (as the old code did) would have run it: the test's hostile value is real
    QSettings(str(tmp_path / "s.ini.schema-1.bak"), QSettings.Format.IniFormat).value("run/experiment")
    assert marker.exists()


@pytest.mark.parametrize("raw", [
    r"@Variant(\0\0\0\x7f\xff\xff\xff\xff\xff\xff\xff\xff)",
    r"@Variant(\0\0\0\x7f\0\0\0\x18PySide::PyObjectWrapper\0\0\0\0\x39\x80\x4\x95)",
    r"@ByteArray(\xff\xfe)",
    "@Invalid()",
    "\"unterminated, list",
])
def test_binary_and_malformed_values_are_plain_text_refused(tmp_path, raw):
    path = tmp_path / "s.ini"
    path.write_text(f"[General]\nschema=1\n\n[run]\nexperiment={raw}\nspeed_index={raw}\n\n[ui]\nlanguage={raw}\n")
    settings = Settings(path)
    assert settings.get("run/experiment") == DEFAULTS["run/experiment"]
    assert settings.get("run/speed_index") == DEFAULTS["run/speed_index"]
    assert settings.get("ui/language") == ""
    settings.sync()
    assert Settings(path).problems == []  # rewritten as plain values


@pytest.mark.parametrize("key,value", [
    ("ui/language", "xx"), ("ui/language", 7), ("run/speed_index", "fast"), ("run/speed_index", 99),
    ("run/speed_index", True), ("plot/log_y", 3), ("course/done", [1, 2]), ("course/done", "ch04/a/b"),
    ("course/page", "../../etc"), ("run/experiment", ["ch04.alpha"]), ("data/folder", "x" * 5000),
])
def test_a_wrong_value_falls_back_to_its_default_with_a_warning(tmp_path, key, value, capsys):
    path = tmp_path / "s.ini"
    group, name = key.split("/")
    path.write_text(f"[General]\nschema={SCHEMA_VERSION}\n\n[{group}]\n{name}={json.dumps(value)}\n"
                    "\n[course]\npage=\"ch04/alpha\"\n" if key != "course/page" else
                    f"[General]\nschema={SCHEMA_VERSION}\n\n[{group}]\n{name}={json.dumps(value)}\n")
    settings = Settings(path)
    assert settings.get(key) == DEFAULTS[key]
    assert any(key in p for p in settings.problems)
    assert key in capsys.readouterr().err
    if key != "course/page":
        assert settings.get("course/page") == "ch04/alpha"  # the good values stay
    assert backups(tmp_path) == ["s.ini.damaged.bak"]


def test_values_round_trip(tmp_path):
    path = tmp_path / "s.ini"
    s = Settings(path)
    s.set("ui/language", "ru")
    s.set("run/speed_index", 7)
    s.set("plot/log_y", True)
    s.set("course/done", ["ch04/alpha/tame-it"])
    s.set("course/page", "ch05/freeze")
    s.set("data/folder", "/home/ученик/data, with comma")
    s.set("window/geometry", QByteArray(b"\x01\xd9\xd0\xcb\x00\x03\x00\x00"))
    again = Settings(path)
    assert again.problems == []
    assert again.get("ui/language") == "ru" and again.get("run/speed_index") == 7 and again.get("plot/log_y")
    assert again.get("course/done") == ["ch04/alpha/tame-it"] and again.get("course/page") == "ch05/freeze"
    assert again.get("data/folder") == "/home/ученик/data, with comma"
    assert bytes(again.geometry("window/geometry").data()) == b"\x01\xd9\xd0\xcb\x00\x03\x00\x00"
    assert again.geometry("window/state") is None
    assert backups(tmp_path) == [] and not list(tmp_path.glob("*.part"))


def test_setting_a_wrong_value_is_refused(tmp_path):
    s = Settings(tmp_path / "s.ini")
    s.set("ui/language", "de")
    s.set("run/speed_index", -1)
    s.set("nonsense/key", 1)
    assert s.get("ui/language") == "" and s.get("run/speed_index") == DEFAULTS["run/speed_index"]
    assert len(s.problems) == 3


def test_an_older_qsettings_file_is_migrated_and_kept_as_a_backup(tmp_path):
    values = {"schema": 1, "run/experiment": "ch05.freeze-weight", "run/speed_index": 6, "plot/log_y": True,
              "ui/language": "ru", "course/page": "ch05/freeze", "data/folder": "/data/my folder",
              "course/done": ["ch04/alpha/tame-it", "ch04/divergence/break-it", "ch05/freeze/t"],
              "window/geometry": QByteArray(b"\x01\x02")}
    path = qt_file(tmp_path / "s.ini", values)
    original = path.read_bytes()
    s = Settings(path)
    for key in DEFAULTS:
        assert s.get(key) == values.get(key, DEFAULTS[key]), key  # a setting the old file lacks keeps its default
    assert backups(tmp_path) == ["s.ini.schema-1.bak"]
    assert (tmp_path / "s.ini.schema-1.bak").read_bytes() == original
    assert f"schema={SCHEMA_VERSION}" in path.read_text()
    assert Settings(path).problems == [] and Settings(path).get("course/done") == values["course/done"]


def test_one_item_and_empty_lists_from_qsettings(tmp_path):
    path = qt_file(tmp_path / "s.ini", {"schema": 1, "course/done": ["ch04/alpha/tame-it"]})
    assert Settings(path).get("course/done") == ["ch04/alpha/tame-it"]
    path = qt_file(tmp_path / "t.ini", {"schema": 1, "course/done": []})
    assert Settings(path).get("course/done") == []


def test_a_file_without_schema_keeps_its_progress(tmp_path):
    path = qt_file(tmp_path / "s.ini", {"course/done": ["ch04/alpha/tame-it", "ch04/compare/x"],
                                        "course/page": "ch04/compare"})
    s = Settings(path)
    assert s.get("course/done") == ["ch04/alpha/tame-it", "ch04/compare/x"]
    assert s.get("course/page") == "ch04/compare"
    assert backups(tmp_path) == ["s.ini.unversioned.bak"]


def test_a_newer_schema_is_kept_aside_and_its_progress_carried_over(tmp_path):
    path = tmp_path / "s.ini"
    text = ("[General]\nschema=9\n\n[course]\ndone=[\"ch04/alpha/tame-it\"]\npage=\"ch04/alpha\"\n"
            "future={\"x\": 1}\n\n[cloud]\ntoken=\"abc\"\n")
    path.write_text(text)
    s = Settings(path)
    assert s.get("course/done") == ["ch04/alpha/tame-it"] and s.get("course/page") == "ch04/alpha"
    assert backups(tmp_path) == ["s.ini.schema-9.bak"]
    assert (tmp_path / "s.ini.schema-9.bak").read_text() == text
    s.set("plot/log_y", True)
    Settings(path)
    assert backups(tmp_path) == ["s.ini.schema-9.bak"]  # one backup, not one per start


@pytest.mark.parametrize("content", [b"\x00\x01\x02garbage\xff" * 50, "[General]\nschema=1\xe9\n".encode("latin-1"),
                                     b"x" * (5 * 2**20)])
def test_a_damaged_file_is_kept_aside(tmp_path, content):
    path = tmp_path / "s.ini"
    path.write_bytes(content)
    s = Settings(path)
    assert s.get("course/done") == [] and s.problems
    assert (tmp_path / "s.ini.damaged.bak").read_bytes() == content
    assert f"schema={SCHEMA_VERSION}" in path.read_text()


def test_salvage_from_a_damaged_schema_line(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[General]\nschema=two\n[course]\ndone=[\"ch04/alpha/tame-it\"]\n")
    s = Settings(path)
    assert s.get("course/done") == ["ch04/alpha/tame-it"]
    assert backups(tmp_path) == ["s.ini.damaged.bak"]


def test_writes_are_atomic_and_a_failed_write_keeps_the_old_file(tmp_path):
    path = tmp_path / "s.ini"
    s = Settings(path)
    s.set("course/done", ["ch04/alpha/tame-it"])
    before = path.read_bytes()
    (tmp_path / "s.ini.part").mkdir()  # the temporary file cannot be written
    s.set("course/page", "ch04/alpha")
    assert path.read_bytes() == before
    assert any("cannot write" in p for p in s.problems)
    assert Settings(path).get("course/done") == ["ch04/alpha/tame-it"]


def test_a_qsettings_object_only_names_the_file(tmp_path):
    q = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    s = Settings(q)
    s.set("course/page", "ch04/alpha")
    assert json.loads((tmp_path / "s.ini").read_text().split("page=")[1].split("\n")[0]) == "ch04/alpha"


def test_unknown_language_does_not_stop_the_window(qtbot, tmp_path):
    from desktop.main_window import MainWindow

    path = qt_file(tmp_path / "s.ini", {"schema": 1, "ui/language": "klingon"})
    window = MainWindow(Settings(path), "ch04.alpha")
    qtbot.addWidget(window)
    assert window.language_actions[""].isChecked()
