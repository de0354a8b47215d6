"""Export by file suffix: the error plot and the network diagram as PNG or SVG, the run's figures as CSV,
and the run as an animated GIF."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QGraphicsItem,
    QGraphicsOpacityEffect,
    QGraphicsScene,
    QGraphicsView,
    QMenu,
    QWidget,
)

from desktop.widgets import HINT, HINT_KEY

if TYPE_CHECKING:
    from PIL import Image
from learning.history import History

FORMATS = (".png", ".svg")
SVG_DPI = 96
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


@contextmanager
def without_hints(source: QWidget | QGraphicsScene) -> Iterator[None]:
    """Hide the on-screen hints (desktop.widgets.mark_hint) of a widget, its graphics views' scenes, or a scene while
    it is drawn for export; show them again afterwards."""
    scenes = [source] if isinstance(source, QGraphicsScene) else [
        view.scene() for view in (source.findChildren(QGraphicsView) + ([source] if isinstance(
            source, QGraphicsView) else [])) if view.scene() is not None]
    hidden: list[QWidget | QGraphicsItem] = []
    if isinstance(source, QWidget):
        hidden += [w for w in [source, *source.findChildren(QWidget)] if w.property(HINT) and w.isVisible()]
    for scene in scenes:
        # QGraphicsItem.data unbound: pyqtgraph's items have a `data` attribute of their own
        hidden += [item for item in scene.items() if QGraphicsItem.data(item, HINT_KEY) and item.isVisible()]
    layouts = [w.layout() for w in ([source, *source.findChildren(QWidget)] if isinstance(source, QWidget) else [])
               if w.layout() is not None]
    for thing in hidden:
        thing.setVisible(False)
    for layout in reversed(layouts):  # lay the rest out at once, without the hidden rows
        layout.activate()
    try:
        yield
    finally:
        for thing in hidden:
            thing.setVisible(True)
        for layout in reversed(layouts):
            layout.activate()


def offer_export(view: QWidget, text: str, export: Callable[[], object]) -> None:
    """Turn pyqtgraph's own right-click menus off in a view (their Export… fails on SVG and keeps the on-screen hints)
    and offer the app's export instead: a menu with one action, `text`, that calls `export`."""
    for graphics in view.findChildren(pg.GraphicsView):
        for item in graphics.scene().items():
            if isinstance(item, pg.ViewBox):
                item.setMenuEnabled(False)
        graphics.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        graphics.customContextMenuRequested.connect(
            lambda where, g=graphics: export_menu(g, text, export).exec(g.mapToGlobal(where)))


def export_menu(parent: QWidget, text: str, export: Callable[[], object]) -> QMenu:
    """The right-click menu of a plot: the app's Export view… (deleted once closed)."""
    menu = QMenu(parent)
    menu.setObjectName("export_menu")
    action = menu.addAction(text.replace("&", ""))
    action.setObjectName("export_this_view")
    action.triggered.connect(export)
    menu.aboutToHide.connect(menu.deleteLater)
    return menu


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
        with without_hints(panel):
            if path.suffix.lower() == ".png":
                import pyqtgraph.exporters as pg_exporters  # loaded when asked for: a quicker start

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
    """Write a graphics scene (the diagram) to PNG (width pixels wide) or SVG, without its on-screen hints."""
    source = scene.sceneRect()
    if source.isEmpty():
        source = scene.itemsBoundingRect()
    height = max(1, round(width * source.height() / max(source.width(), 1.0)))
    path = check_target(path, width, None)
    target = QRectF(0, 0, width, height)
    with without_hints(scene):
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
    """Write what a widget shows (a view) to PNG `width` pixels wide, or SVG, at the widget's aspect ratio, without
    its on-screen hints; a view may name what to draw instead of itself with `export_source()` (a QGraphicsScene or
    another widget)."""
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
    with without_hints(source):
        if path.suffix.lower() == ".png":
            image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
            image.fill(source.palette().window().color())
            painter = QPainter(image)
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            painter.scale(scale, scale)
            try:
                QWidget.render(source, painter, QPoint(0, 0))  # unbound: QGraphicsView.render is another thing
            finally:
                painter.end()
            _save_image(image, path)
            return path
        tmp, generator = _svg_generator(path, width, height, title or "Grokking Lab")
        # A scrolled list or table paints past its edges and relies on a clip that Qt's SVG engine does not keep for
        # widgets: such areas go in as pictures of what they show, everything else as vectors.
        scrolled = [area for area in source.findChildren(QAbstractScrollArea) if area.isVisible()
                    and not isinstance(area, QGraphicsView) and (area.verticalScrollBar().maximum() > 0
                                                                 or area.horizontalScrollBar().maximum() > 0)]
        scrolled = [a for a in scrolled if not any(b is not a and b.isAncestorOf(a) for b in scrolled)]
        pictures = [(QRectF(QPointF(a.mapTo(source, QPoint(0, 0))), QSizeF(a.size())), _raster(a, scale))
                    for a in scrolled]
        for area in scrolled:
            area.setGraphicsEffect(QGraphicsOpacityEffect(area, opacity=0.0))
        painter = QPainter(generator)
        painter.fillRect(QRectF(0, 0, width, height), source.palette().window())
        painter.scale(scale, scale)
        try:
            QWidget.render(source, painter, QPoint(0, 0))
            for rect, image in pictures:
                painter.drawImage(rect, image)
        finally:
            painter.end()
            for area in scrolled:
                area.setGraphicsEffect(None)
        _finish_svg(tmp, path, width, height)
    return path


def _raster(widget: QWidget, scale: float) -> QImage:
    """What a widget shows, as an image `scale` times its size."""
    image = QImage(QSize(max(1, round(widget.width() * scale)), max(1, round(widget.height() * scale))),
                   QImage.Format.Format_ARGB32)
    image.fill(widget.palette().window().color())
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    try:
        QWidget.render(widget, painter, QPoint(0, 0))
    finally:
        painter.end()
    return image


def _svg_generator(path: Path, width: int, height: int, title: str) -> tuple[Path, QSvgGenerator]:
    """A generator writing `width` x `height` pixels to a temporary file beside `path`. Its resolution is the screen's
    96 dpi: at QSvgGenerator's default 72 dpi, pyqtgraph lays its axes out for a smaller device than the curves it
    draws (the axes came out at 72/96 = 75 % of the picture)."""
    tmp = path.with_name(f".{path.name}.part")
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)  # SVG 1.1 keeps clipping (1.2 Tiny drops it)
    generator.setFileName(str(tmp))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setResolution(SVG_DPI)
    generator.setTitle(title)
    return tmp, generator


def _finish_svg(tmp: Path, path: Path, width: int, height: int) -> None:
    """Give the SVG its size in pixels (Qt writes millimetres) and move it into place."""
    if not tmp.exists() or tmp.stat().st_size == 0:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"could not write {path}")
    text = tmp.read_text(encoding="utf-8")
    text = re.sub(r'<svg width="[^"]*" height="[^"]*"', f'<svg width="{width}" height="{height}"', text, count=1)
    tmp.write_text(text, encoding="utf-8")
    _replace(tmp, path)


def _render_svg(scene: QGraphicsScene, source: QRectF, path: Path, width: int, height: int, title: str) -> None:
    target = QRectF(0, 0, width, height)
    tmp, generator = _svg_generator(path, width, height, title)
    painter = QPainter(generator)
    painter.fillRect(target, scene.backgroundBrush() if scene.backgroundBrush().style() else QColor("white"))
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    _finish_svg(tmp, path, width, height)


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
    from PIL import Image  # loaded when a GIF is made: a quicker start

    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, height = image.width(), image.height()
    data = bytes(image.constBits())[: image.bytesPerLine() * height]
    return Image.frombuffer("RGBA", (width, height), data, "raw", "RGBA", image.bytesPerLine(), 1).copy()


def export_gif(frames: list[QImage], path: str | Path, frame_ms: int = 120) -> Path:
    """Write frames as a looping animated GIF (the last frame held for two seconds)."""
    path = check_file(path, ".gif")
    if not frames:
        raise ExportError("there is nothing to animate yet: run some iterations first")
    from PIL import Image

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
