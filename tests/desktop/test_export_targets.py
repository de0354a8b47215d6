"""Exporting to a name that is a folder (or that cannot be written) is refused with a clear message and leaves
nothing behind; a long run's CSV names the iterations its rows are."""

import csv
import subprocess
import sys

import pytest

from desktop.export import ExportError, export_csv, export_plot, export_scene
from desktop.runner import Runner
from learning.catalogue import get
from learning.history import History


def leftovers(folder):
    return sorted(p.name for p in folder.rglob("*.part"))


@pytest.mark.parametrize("name", ["plot.png", "plot.svg"])
def test_plot_to_a_folder(qtbot, tmp_path, name):
    from desktop.views.plots.error_plot import ErrorPlotPanel

    runner = Runner(get("ch04.alpha")())
    runner.run_to(5)
    (tmp_path / name).mkdir()
    panel = ErrorPlotPanel(runner)
    copy = panel.offscreen_copy()
    with pytest.raises(ExportError, match="is a folder"):
        export_plot(copy, tmp_path / name, 400, 300)
    copy.deleteLater()
    panel.deleteLater()
    assert leftovers(tmp_path) == [] and (tmp_path / name).is_dir()


@pytest.mark.parametrize("name", ["net.png", "net.svg"])
def test_diagram_to_a_folder(qtbot, tmp_path, name):
    from desktop.views.network.diagram import DiagramPanel

    runner = Runner(get("ch04.alpha")())
    panel = DiagramPanel(runner)
    (tmp_path / name).mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export_scene(panel.scene(), tmp_path / name, 400)
    panel.deleteLater()
    assert leftovers(tmp_path) == []


def test_csv_to_a_folder_and_its_epochs_file_to_a_folder(qtbot, tmp_path):
    runner = Runner(get("ch06.whole-dataset")())
    runner.run_to(12)
    (tmp_path / "a.csv").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export_csv(runner.history, tmp_path / "a.csv")
    (tmp_path / "b-epochs.csv").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export_csv(runner.history, tmp_path / "b.csv")
    assert leftovers(tmp_path) == [] and not (tmp_path / "b.csv").exists()


def test_gif_to_a_folder_is_refused_before_rendering(qtbot, tmp_path):
    from desktop.animation import record_gif

    runner = Runner(get("ch04.alpha")())
    runner.run_to(5)
    (tmp_path / "a.gif").mkdir()
    frames = []
    with pytest.raises(ExportError, match="is a folder"):
        record_gif(runner, tmp_path / "a.gif", 300, progress=lambda done, total: frames.append(done) or True)
    assert frames == [] and leftovers(tmp_path) == [] and runner.count == 5


def test_headless_export_to_a_folder_exits_2(tmp_path):
    (tmp_path / "x.png").mkdir()
    result = subprocess.run([sys.executable, "-m", "desktop", "export", "ch04.alpha", "--iterations", "3",
                             "--plot", str(tmp_path / "x.png")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "is a folder" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and leftovers(tmp_path) == []


def test_a_long_runs_csv_names_its_rows(qtbot, tmp_path):
    runner = Runner(get("ch04.alpha")())
    runner.history = History(iteration_budget=8 * 10 * 64)  # ~64 rows of its ~10 columns
    runner.run_to(1000)
    (path,) = export_csv(runner.history, tmp_path / "long.csv")
    rows = list(csv.DictReader(path.open()))
    stride = runner.history.stride
    assert stride > 1 and [int(r["iteration"]) for r in rows] == list(range(0, 1000, stride))
    runner2 = Runner(get("ch04.alpha")())
    runner2.run_to(1000)
    full = runner2.history.series("error")
    assert [float(r["error"]) for r in rows] == [float(full[i]) for i in range(0, 1000, stride)]
