"""Export: PNG and SVG of the plot and the diagram, from the menu and headless."""

import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.dialogs import ExportDialog
from desktop.export import ExportError, export_plot, export_scene


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def svg_root(path):
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    return root


def fill_dialog(path, width=None):
    def act():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        dialog.path.setText(str(path))
        if width:
            dialog.width_box.setValue(width)
        dialog._on_accepted()
    QTimer.singleShot(0, act)


def test_menu_exports_plot_and_diagram_png_and_svg(qtbot, main_window, tmp_path):
    w = main_window
    w.runner.run_to(20)
    fill_dialog(tmp_path / "plot.png", 800)
    w.actions["file.export_plot"].trigger()
    assert png_size(tmp_path / "plot.png") == (800, 900)
    fill_dialog(tmp_path / "plot.svg")
    w.actions["file.export_plot"].trigger()
    root = svg_root(tmp_path / "plot.svg")
    assert root.get("viewBox") == "0 0 1600 900"
    assert len(root.iter().__next__()) > 0 and "polyline" in (tmp_path / "plot.svg").read_text()
    fill_dialog(tmp_path / "net.png", 1000)
    w.actions["file.export_diagram"].trigger()
    width, height = png_size(tmp_path / "net.png")
    assert width == 1000 and 100 < height < 1000
    fill_dialog(tmp_path / "net.svg")
    w.actions["file.export_diagram"].trigger()
    assert "weight" in (tmp_path / "net.svg").read_text()  # legend text is in the vector file
    assert "Saved" in w.statusBar().currentMessage()
    # the window's own plot was not resized or hidden by exporting
    assert w.plot.plot.isVisible()


def test_dialog_refuses_a_wrong_suffix(qtbot, tmp_path):
    dialog = ExportDialog(None, "Export", "x.png", 1600, 900)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "plot.jpg"))
    dialog._on_accepted()
    assert not dialog.result() and ".png or .svg" in dialog.error.text()
    dialog.path.setText(str(tmp_path / "missing" / "plot.png"))
    dialog._on_accepted()
    assert "does not exist" in dialog.error.text()


def test_export_functions_refuse_bad_targets(main_window, tmp_path):
    copy = main_window.plot.offscreen_copy()
    with pytest.raises(ExportError, match=".png or .svg"):
        export_plot(copy, tmp_path / "a.gif")
    with pytest.raises(ExportError, match="size"):
        export_plot(copy, tmp_path / "a.png", 10, 10)
    with pytest.raises(ExportError, match="offscreen copy"):
        export_plot(main_window.plot, tmp_path / "a.png")
    with pytest.raises(ExportError, match="does not exist"):
        export_scene(main_window.diagram.scene(), tmp_path / "no" / "a.svg")
    assert not list(tmp_path.glob("a.*")) and not list(tmp_path.glob(".a.*"))
    copy.deleteLater()


def test_headless_export_command(tmp_path):
    plot, diagram = tmp_path / "div.png", tmp_path / "div.svg"
    out = subprocess.run([sys.executable, "-m", "desktop", "export", "ch04.divergence", "--iterations", "12",
                          "--param", "alpha=1", "--plot", str(plot), "--diagram", str(diagram), "--log-y"],
                         capture_output=True, text=True, timeout=120, env={**__import__("os").environ,
                                                                             "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""  # nothing but its own messages: no Qt warnings
    assert out.stdout.split() == [str(plot), str(diagram)]
    assert png_size(plot) == (1600, 900)
    svg_root(diagram)
    assert diagram.stat().st_size > 1000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ch04.nothing", "--plot", "x.png"], "unknown experiment"),
        (["ch04.alpha", "--plot", "x.jpg"], ".png or .svg"),
        (["ch04.alpha"], "nothing to write"),
        (["ch04.alpha", "--plot", "x.png", "--param", "alpha=no"], "alpha must be a number"),
        (["ch04.alpha", "--plot", "x.png", "--width", "5"], "image size"),
    ],
)
def test_headless_export_bad_arguments_exit_2(tmp_path, args, message):
    out = subprocess.run([sys.executable, "-m", "desktop", "export", *args], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 2
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_help_lists_the_export_command():
    out = subprocess.run([sys.executable, "-m", "desktop", "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "export ID" in out.stdout and "grokking-lab export --help" in out.stdout
