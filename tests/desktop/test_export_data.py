"""CSV and animated GIF export: from the menu (file chooser answered) and headless."""

import csv
import subprocess
import sys

import pytest
from PIL import Image
from PySide6.QtWidgets import QFileDialog

from desktop.export import ExportError, export_csv, export_gif, frame_iterations
from desktop.runner import Runner
from learning.catalogue import get


def test_frame_iterations_cover_the_run_evenly():
    assert frame_iterations(5) == [0, 1, 2, 3, 4, 5]
    frames = frame_iterations(1000, most=90)
    assert frames[0] == 0 and frames[-1] == 1000 and len(frames) == 90
    assert frames == sorted(set(frames))


def test_csv_holds_every_iteration_at_full_precision(qtbot, tmp_path):
    runner = Runner(get("ch04.alpha")())
    runner.run_to(20)
    (path,) = export_csv(runner.history, tmp_path / "alpha.csv")
    rows = list(csv.DictReader(path.open()))
    assert len(rows) == 20 and rows[0]["iteration"] == "0"
    assert rows[0]["error"] == "0.03999999999999998" and rows[0]["weight"] == "0.5"
    assert float(rows[5]["new_weight"]) == float(rows[6]["weight"])
    with pytest.raises(ExportError, match=".csv"):
        export_csv(runner.history, tmp_path / "alpha.txt")


def test_csv_of_a_data_set_experiment_has_an_epochs_file(qtbot, tmp_path):
    runner = Runner(get("ch06.whole-dataset")())
    runner.run_to(12)
    paths = export_csv(runner.history, tmp_path / "lights.csv")
    assert [p.name for p in paths] == ["lights.csv", "lights-epochs.csv"]
    epochs = list(csv.DictReader(paths[1].open()))
    assert [e["epoch"] for e in epochs] == ["0", "1"]
    iterations = list(csv.DictReader(paths[0].open()))
    first_six = sum(float(r["error"]) for r in iterations[:6])
    assert float(epochs[0]["error"]) == pytest.approx(first_six)


def test_menu_exports_csv_and_gif(qtbot, main_window, tmp_path, monkeypatch):
    w = main_window
    w.open_experiment("ch04.divergence")
    w.runner.run_to(8)
    answers = iter([str(tmp_path / "run.csv"), str(tmp_path / "run.gif")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    w.actions["file.export_csv"].trigger()
    assert len((tmp_path / "run.csv").read_text().splitlines()) == 9
    w.actions["file.export_gif"].trigger()
    gif = Image.open(tmp_path / "run.gif")
    assert gif.n_frames == 9  # iterations 0..8
    assert w.runner.count == 8  # the run is left where it was
    assert "Saved" in w.statusBar().currentMessage()


def test_gif_frames_differ_as_the_network_learns(qtbot, tmp_path):
    from desktop.animation import record_gif

    runner = Runner(get("ch04.alpha")())
    runner.run_to(6)
    path = record_gif(runner, tmp_path / "a.gif", 640)
    gif = Image.open(path)
    first = gif.convert("RGB").tobytes()
    gif.seek(gif.n_frames - 1)
    assert gif.convert("RGB").tobytes() != first
    assert runner.count == 6
    with pytest.raises(ExportError, match="nothing to animate"):
        record_gif(Runner(get("ch04.alpha")()), tmp_path / "b.gif")
    with pytest.raises(ExportError, match=".gif"):
        export_gif([], tmp_path / "c.png")


def test_cancelling_a_gif_leaves_no_file(qtbot, tmp_path):
    from desktop.animation import record_gif

    runner = Runner(get("ch04.alpha")())
    runner.run_to(10)
    with pytest.raises(ExportError, match="cancelled"):
        record_gif(runner, tmp_path / "a.gif", 480, progress=lambda done, total: done < 3)
    assert list(tmp_path.iterdir()) == [] and runner.count == 10


def test_headless_csv_and_gif(tmp_path):
    out = subprocess.run([sys.executable, "-m", "desktop", "export", "ch04.alpha", "--iterations", "5",
                          "--csv", str(tmp_path / "a.csv"), "--gif", str(tmp_path / "a.gif"), "--width", "640"],
                         capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert Image.open(tmp_path / "a.gif").n_frames == 6
    assert len((tmp_path / "a.csv").read_text().splitlines()) == 6
    bad = subprocess.run([sys.executable, "-m", "desktop", "export", "ch04.alpha", "--gif", "x.png"],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert bad.returncode == 2 and ".gif" in bad.stderr
