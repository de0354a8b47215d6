"""Export by file suffix: the error plot and the network diagram as PNG or SVG, the run's figures as CSV,
and the run as an animated GIF."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PIL import Image
from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsScene, QWidget

from learning.history import History

FORMATS = (".png", ".svg")
MIN_SIZE, MAX_SIZE = 64, 8000


class ExportError(Exception):
    """An export that cannot be done; the message says why in plain words."""


def check_file(path: str | Path, suffix: str) -> Path:
    """A file name ending in `suffix` in a folder that exists, not the name of a folder; returns the path."""
    path = Path(path)
    if path.suffix.lower() != suffix:
        raise ExportError(f"{path.name}: the file name must end in {suffix}")
    if path.is_dir():
        raise ExportError(f"{path} is a folder: choose a file name")
    if not path.parent.exists():
        raise ExportError(f"the folder {path.parent} does not exist")
    return path


def _replace(tmp: Path, path: Path) -> None:
    """Put the finished temporary file in place; on failure remove it and say why."""
    try:
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from None


def check_target(path: str | Path, width: int, height: int | None = None) -> Path:
    """Validate the file name's suffix and the size; returns the path."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ExportError(f"{path.name}: the file name must end in .png or .svg")
    if path.is_dir():
        raise ExportError(f"{path} is a folder: choose a file name")
    for size in (width, height):
        if size is not None and not MIN_SIZE <= size <= MAX_SIZE:
            raise ExportError(f"image size must be from {MIN_SIZE} to {MAX_SIZE} pixels (got {size})")
    if not path.parent.exists():
        raise ExportError(f"the folder {path.parent} does not exist")
    return path


def export_plot(panel: QWidget, path: str | Path, width: int = 1600, height: int = 900) -> Path:
    """Write an offscreen copy of the error plot panel (ErrorPlotPanel.offscreen_copy) to PNG (width x height
    pixels) or SVG. The copy is laid out at the asked size without ever being put on a screen."""
    path = check_target(path, width, height)
    if panel.isVisible() or panel.parentWidget() is not None:
        raise ExportError("internal: export an offscreen copy of the plot, not the one on screen")
    plot: pg.PlotWidget = panel.plot  # type: ignore[attr-defined]
    item = plot.getPlotItem()
    panel.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    panel.resize(width, height)
    panel.show()
    QApplication.processEvents()
    try:
        if path.suffix.lower() == ".png":
            exporter = pg_exporters.ImageExporter(item)
            exporter.parameters()["width"] = width
            image = exporter.export(toBytes=True)
            if image is None or image.isNull():
                raise ExportError("the plot could not be drawn")
            _save_image(image, path)
        else:
            # pyqtgraph 0.14's SVGExporter cannot parse the path data Qt 6.11 writes (ValueError in
            # correctCoordinates), so the plot's scene is rendered through QSvgGenerator like the diagram.
            _render_svg(item.scene(), item.sceneBoundingRect(), path, width, height, "Grokking Lab error plot")
    finally:
        panel.hide()
    return path


def _save_image(image: QImage, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.part")
    if not image.save(str(tmp), "PNG"):
        tmp.unlink(missing_ok=True)
        raise ExportError(f"could not write {path}")
    _replace(tmp, path)


def export_scene(scene: QGraphicsScene, path: str | Path, width: int = 1600, title: str = "") -> Path:
    """Write a graphics scene (the diagram) to PNG (width pixels wide) or SVG."""
    source = scene.sceneRect()
    if source.isEmpty():
        source = scene.itemsBoundingRect()
    height = max(1, round(width * source.height() / max(source.width(), 1.0)))
    path = check_target(path, width, None)
    target = QRectF(0, 0, width, height)
    if path.suffix.lower() == ".png":
        image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
        image.fill(scene.backgroundBrush().color() if scene.backgroundBrush().style() else QColor("white"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
        _save_image(image, path)
    else:
        _render_svg(scene, source, path, width, height, title or "Grokking Lab diagram")
    return path


def export_widget(widget: QWidget, path: str | Path, width: int = 1600, title: str = "") -> Path:
    """Write what a widget shows (a view) to PNG `width` pixels wide, or SVG, at the widget's aspect ratio; a view
    may name what to draw instead of itself with `export_source()` (a QGraphicsScene or another widget)."""
    source = widget.export_source() if callable(getattr(widget, "export_source", None)) else widget
    if isinstance(source, QGraphicsScene):
        return export_scene(source, path, width, title)
    size = source.size()
    if size.width() < 1 or size.height() < 1:
        source.resize(source.sizeHint().expandedTo(QSize(320, 200)))
        size = source.size()
    height = max(1, round(width * size.height() / size.width()))
    path = check_target(path, width, height)
    scale = width / size.width()
    tmp = path.with_name(f".{path.name}.part")
    if path.suffix.lower() == ".png":
        image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
        image.fill(source.palette().window().color())
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        source.render(painter, QPoint())  # PySide6 needs the offset with a painter
        painter.end()
        _save_image(image, path)
        return path
    generator = QSvgGenerator()
    generator.setFileName(str(tmp))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(title or "Grokking Lab")
    painter = QPainter(generator)
    painter.fillRect(QRectF(0, 0, width, height), source.palette().window())
    painter.scale(scale, scale)
    source.render(painter, QPoint())  # PySide6 needs the offset with a painter
    painter.end()
    if not tmp.exists() or tmp.stat().st_size == 0:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"could not write {path}")
    tmp.replace(path)
    return path


def _render_svg(scene: QGraphicsScene, source: QRectF, path: Path, width: int, height: int, title: str) -> None:
    tmp = path.with_name(f".{path.name}.part")
    target = QRectF(0, 0, width, height)
    generator = QSvgGenerator()
    generator.setFileName(str(tmp))
    generator.setSize(QSize(width, height))
    generator.setViewBox(target)
    generator.setTitle(title)
    painter = QPainter(generator)
    painter.fillRect(target, scene.backgroundBrush() if scene.backgroundBrush().style() else QColor("white"))
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    if not tmp.exists() or tmp.stat().st_size == 0:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"could not write {path}")
    _replace(tmp, path)


def export_csv(history: History, path: str | Path) -> list[Path]:
    """Write every iteration's figures to `path` (.csv) and, when the run has epochs, every epoch's figures
    to `<stem>-epochs.csv` beside it. Floats keep full precision; missing values are empty. A run longer than
    its history's budget has every k-th iteration (the first column says which)."""
    path = check_file(path, ".csv")
    epochs_path = path.with_name(f"{path.stem}-epochs.csv")
    if history.epoch_count:
        check_file(epochs_path, ".csv")
    written = [_write_table(path, "iteration", history.iterations)]
    if history.epoch_count:
        written.append(_write_table(epochs_path, "epoch", history.epochs))
    return written


def _write_table(path: Path, index: str, columns: dict) -> Path:
    names = [n for n in columns if n != index]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([index, *names])
    views = [columns[n].view for n in names]
    rows = min((len(c.view) for c in columns.values()), default=0)
    numbers = columns[index].view if index in columns else range(rows)
    for i in range(rows):
        writer.writerow([int(numbers[i]), *("" if math.isnan(v[i]) else repr(float(v[i])) for v in views)])
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.write_text(buffer.getvalue(), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from None
    return path


def image_to_pil(image: QImage) -> Image.Image:
    """A QImage as a Pillow RGBA image (a copy)."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, height = image.width(), image.height()
    data = bytes(image.constBits())[: image.bytesPerLine() * height]
    return Image.frombuffer("RGBA", (width, height), data, "raw", "RGBA", image.bytesPerLine(), 1).copy()


def export_gif(frames: list[QImage], path: str | Path, frame_ms: int = 120) -> Path:
    """Write frames as a looping animated GIF (the last frame held for two seconds)."""
    path = check_file(path, ".gif")
    if not frames:
        raise ExportError("there is nothing to animate yet: run some iterations first")
    pictures = [image_to_pil(f).convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
                for f in frames]
    durations = [frame_ms] * (len(pictures) - 1) + [2000]
    tmp = path.with_name(f".{path.name}.part")
    try:
        pictures[0].save(tmp, format="GIF", save_all=True, append_images=pictures[1:], duration=durations, loop=0,
                         optimize=False, disposal=1)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from None
    return path


def frame_iterations(count: int, most: int = 90) -> list[int]:
    """Which iterations to show in an animation of a run of `count` iterations: all, or `most` spread evenly
    (always the first and the last)."""
    if count <= 0:
        return [0]
    if count + 1 <= most:
        return list(range(count + 1))
    step = count / (most - 1)
    return sorted({round(i * step) for i in range(most)})
