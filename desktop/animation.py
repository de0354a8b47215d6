"""An animated GIF of a run: the network diagram and the error plot at evenly spread iterations, rendered
offscreen by rewinding the run's own history (nothing on screen moves while it records)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from desktop.export import ExportError, check_file, export_gif, frame_iterations, without_hints
from desktop.runner import Runner
from desktop.views.network.diagram import DiagramPanel
from desktop.views.plots.error_plot import ErrorPlotPanel


class Stage(QWidget):
    """Diagram and error plot side by side, never shown on screen."""

    def __init__(self, runner: Runner, width: int, log_y: bool = False) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.diagram = DiagramPanel(runner)
        self.plot = ErrorPlotPanel(runner)
        self.plot.set_log_y(log_y)
        # An animation shows pictures, not controls.
        for widget in (*getattr(self.diagram, "style_buttons", {}).values(), getattr(self.diagram, "caption", None),
                       self.plot.view, self.plot.show_ghosts, self.plot.clear_ghosts, self.plot.log_y):
            if widget is not None:
                widget.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.diagram, 1)
        layout.addWidget(self.plot, 1)
        self.resize(width, max(240, round(width * 0.42)))
        self.show()

    def frame(self) -> QImage:
        """The stage as it is now."""
        self.diagram.refresh()
        self.plot.refresh()
        QApplication.processEvents()
        with without_hints(self):  # the on-screen hints ("click a line to edit…") are not for a GIF
            return self.grab().toImage()


def record_gif(runner: Runner, path: str | Path, width: int = 960, log_y: bool = False,
               progress: Callable[[int, int], bool] | None = None) -> Path:
    """Render the run so far (iteration 0 to now) into an animated GIF; `progress(done, total)` may return
    False to cancel (ExportError). The run is left where it was."""
    check_file(path, ".gif")  # a bad name is refused before the frames are rendered
    target = runner.count
    if target == 0:
        raise ExportError("there is nothing to animate yet: run some iterations first")
    stage = Stage(runner, width, log_y)
    stage.frame()  # lay out at the end of the run, then hold the axes still while the run replays
    view = stage.plot.plot.getPlotItem()
    stage.plot.x_extent = target if not runner.experiment.epoch_size else runner.history.epoch_count
    stage.plot.hold_y = tuple(view.viewRange()[1])
    frames: list[QImage] = []
    steps = frame_iterations(target)
    try:
        for done, iteration in enumerate(steps):
            runner.rewind_to(iteration)
            frames.append(stage.frame())
            if progress is not None and not progress(done + 1, len(steps)):
                raise ExportError("cancelled: nothing was saved")
    finally:
        runner.rewind_to(target)
        stage.deleteLater()
    return export_gif(frames, path)
