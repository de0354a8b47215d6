"""Network diagram in the three pictures of chapter 7: full (units and links), blocks (vectors and matrices)
and letters (l0 —W0→ l1 with the formulas). All live; selecting a layer or matrix in one picture selects it
in the others; click a link to edit its weight, right-click to freeze it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsItemGroup,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.format import exact, num
from desktop.panels import Repaint, preview
from desktop.runner import Runner
from desktop.theme import colours, number_font
from learning.analysis import units_off
from learning.experiment import ParamError
from learning.network import Layer, Network, Weights

NODE_R = 30.0
LAYER_GAP = 260.0
UNIT_GAP = 92.0
REPAINT_MS = 33
#: Layers with more units than this are drawn as an image (image_shape) or a sample with an ellipsis.
MAX_NODES = 10
SAMPLE_HEAD, SAMPLE_TAIL = 6, 2
#: Blocks picture: cell size, and the longest side of a vector or matrix drawn as an image.
CELL = 36.0
MAX_CELLS = 12
BIG_SIDE = 260.0
STYLES = ("full", "blocks", "letters")


def letter_font(size: float, bold: bool = False) -> QFont:
    """An italic serif, as the book sets l0 and W0 (a sans-serif l looks like I)."""
    font = QFont("DejaVu Serif", -1, QFont.Weight.Bold if bold else QFont.Weight.Normal, True)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(size)
    return font

Selection = tuple[str, int] | None  # ("layer", index) or ("weights", index)


# -- numbers and colours --------------------------------------------------------------------------
def link_width(weight: float) -> float:
    """Pen width of a link: grows with |weight| and saturates, so sizes compare across time."""
    if not math.isfinite(weight):
        return 9.0
    return 1.2 + 7.0 * math.tanh(abs(weight) / 1.5)


def parse_weight(text: str) -> float:
    """A weight typed by the learner (typographic minus and decimal comma allowed); ValueError if not a number."""
    raw = text.strip().replace("−", "-").replace(",", ".")
    value = float(raw)  # ValueError for text that is not a number
    if not math.isfinite(value):
        raise ValueError(raw)
    return value


def fixed(value: float | None) -> str:
    """A number with 3 decimals, 6 characters wide below 10 (the book's weights), so live values do not jump."""
    if value is None:
        return "  –   "
    if value == 0:
        value = 0.0  # relu's (x > 0) * x gives −0.0: show it as the 0 it is
    if math.isfinite(value) and abs(value) < 999.9995:
        return f"{value:6.3f}".replace("-", "−")
    return num(value, 3).rjust(6)


def fitting(value: float, width: float, metrics: QFontMetricsF) -> str:
    """The value with as many significant digits (3, 2 or 1) as fit in `width` pixels."""
    for digits in (3, 2, 1):
        text = num(value, digits)
        if metrics.horizontalAdvance(text) <= width:
            return text
    return text


def _rgb(colour: QColor) -> np.ndarray:
    return np.array([colour.red(), colour.green(), colour.blue()], dtype=float)


def signed_rgba(values: np.ndarray, scale: float | None = None) -> np.ndarray:
    """RGBA bytes for values: the surface colour at 0, blue for positive, orange for negative, grey for NaN."""
    c = colours()
    v = np.asarray(values, dtype=float)
    finite = np.isfinite(v)
    if scale is None:
        scale = float(np.abs(v[finite]).max()) if finite.any() else 1.0
    scale = scale if scale > 0 else 1.0
    with np.errstate(invalid="ignore"):
        t = np.where(finite, np.clip(np.abs(v) / scale, 0.0, 1.0), 1.0) ** 0.75
    surface, pos, neg = _rgb(c.surface), _rgb(c.positive), _rgb(c.negative)
    target = np.where((v >= 0)[..., None] | np.isnan(v)[..., None], pos, neg)
    rgb = surface + (target - surface) * t[..., None]
    rgb[np.isnan(v)] = _rgb(c.grid)
    out = np.empty((*v.shape, 4), dtype=np.uint8)
    out[..., :3] = np.clip(np.round(rgb), 0, 255)
    out[..., 3] = 255
    return out


def rgba_image(rgba: np.ndarray) -> QImage:
    """A QImage (owning its pixels) from an h x w x 4 uint8 array."""
    h, w = rgba.shape[:2]
    data = np.ascontiguousarray(rgba)
    return QImage(data.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


# -- items ------------------------------------------------------------------------------------------
class RegionItem(QGraphicsPathItem):
    """A rounded area behind a layer or a matrix: clicking it selects it, and it glows while selected."""

    def __init__(self, rect: QRectF, key: tuple[str, int], on_click: Callable[[tuple[str, int]], None]) -> None:
        path = QPainterPath()
        path.addRoundedRect(rect, 10, 10)
        super().__init__(path)
        self.key = key
        self._on_click = on_click
        self.setZValue(-5)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.set_selected(False)

    def set_selected(self, selected: bool) -> None:
        """Glow in the accent colour while selected; invisible but clickable otherwise."""
        c = colours()
        self.selected = selected
        fill = QColor(c.accent)
        fill.setAlpha(46)
        self.setBrush(QBrush(fill) if selected else QBrush(Qt.BrushStyle.NoBrush))
        self.setPen(QPen(c.accent, 1.5) if selected else QPen(Qt.PenStyle.NoPen))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        event.accept() if event.button() == Qt.MouseButton.LeftButton else event.ignore()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._on_click(self.key)


class LockItem(QGraphicsItem):
    """A small padlock drawn on a frozen weight."""

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-7, -9, 14, 17)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = colours()
        painter.setPen(QPen(c.text, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(-4, -9, 8, 10), 0, 180 * 16)
        painter.drawLine(QPointF(-4, -4), QPointF(-4, -1))
        painter.drawLine(QPointF(4, -4), QPointF(4, -1))
        painter.setBrush(QBrush(c.text))
        painter.drawRoundedRect(QRectF(-6, -1, 12, 9), 2, 2)


class LinkItem(QGraphicsLineItem):
    """A weight: a line whose hover area is wider than its stroke; thickens while hovered; click to edit."""

    def __init__(self, a: QPointF, b: QPointF, ref: tuple[int, str, int, int] | None = None,
                 on_click: Callable[[LinkItem, QPointF], None] | None = None,
                 on_menu: Callable[[LinkItem, QGraphicsSceneContextMenuEvent], None] | None = None) -> None:
        super().__init__(a.x(), a.y(), b.x(), b.y())
        self.setAcceptHoverEvents(True)
        self.setZValue(-1)
        self._hover = False
        self.weight = 0.0
        self.frozen = False
        #: (matrix index, matrix name, row, column) of the weight, rows = target units.
        self.ref = ref
        self._on_click = on_click
        self._on_menu = on_menu
        self.lock = LockItem(self)
        self.lock.setPos(self.midpoint())
        self.lock.setVisible(False)
        if on_click is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def midpoint(self) -> QPointF:
        """The middle of the line, in scene coordinates."""
        line = self.line()
        return (line.p1() + line.p2()) / 2

    def shape(self) -> QPainterPath:
        path = QPainterPath(self.line().p1())
        path.lineTo(self.line().p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(max(14.0, self.pen().widthF() + 8))
        return stroker.createStroke(path)

    def set_weight(self, weight: float, frozen: bool = False) -> None:
        """Colour by sign, width by magnitude; frozen weights are dashed with a padlock."""
        self.weight = weight
        self.frozen = frozen
        c = colours()
        colour = QColor(c.positive if weight >= 0 or math.isnan(weight) else c.negative)
        pen = QPen(colour, link_width(weight) + (2.0 if self._hover else 0.0))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap if frozen else Qt.PenCapStyle.RoundCap)
        if frozen:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.lock.setVisible(frozen)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = True
        self.set_weight(self.weight, self.frozen)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = False
        self.set_weight(self.weight, self.frozen)
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._on_click is not None and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._on_click is not None and event.button() == Qt.MouseButton.LeftButton:
            self._on_click(self, event.scenePos())

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        if self._on_menu is None:
            event.ignore()
            return
        event.accept()
        self._on_menu(self, event)


class LabelItem(QGraphicsSimpleTextItem):
    """A weight's value on its line; on a plate of the background colour where lines cross."""

    def __init__(self, plate: bool) -> None:
        super().__init__()
        self.setFont(number_font(9))
        self.setBrush(QBrush(colours().text))
        self.setZValue(1)
        self._plate = plate

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._plate:
            fill = QColor(colours().surface)
            fill.setAlpha(215)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(self.boundingRect().adjusted(-2, 0, 2, 0), 3, 3)
        super().paint(painter, option, widget)


class NodeItem(QGraphicsEllipseItem):
    """A unit: a circle with its current value inside and its name below; grey and marked "off" when off."""

    def __init__(self, centre: QPointF, label: str) -> None:
        super().__init__(centre.x() - NODE_R, centre.y() - NODE_R, 2 * NODE_R, 2 * NODE_R)
        c = colours()
        self.setBrush(QBrush(c.node))
        self.setPen(QPen(c.node_border, 1.5))
        self.value_text = QGraphicsSimpleTextItem(self)
        self.value_text.setFont(number_font(10))
        self.value_text.setBrush(QBrush(c.text))
        self.label = QGraphicsSimpleTextItem(label, self)
        self.label.setBrush(QBrush(c.muted))
        r = self.label.boundingRect()
        self.label.setPos(centre.x() - r.width() / 2, centre.y() + NODE_R + 4)
        self.off_text = QGraphicsSimpleTextItem(self)
        self.off_text.setFont(number_font(8))
        self.off_text.setBrush(QBrush(c.muted))
        self.off_text.setVisible(False)
        self.centre = centre
        self.off = False

    def set_value(self, value: float | None, off: bool = False, off_label: str = "off") -> None:
        """Show a value in the middle of the circle (scaled down if it would not fit); grey out a unit that is off."""
        c = colours()
        self.off = off
        self.value_text.setText(num(value, 4))
        r = self.value_text.boundingRect()
        scale = min(1.0, (2 * NODE_R - 8) / max(r.width(), 1.0))
        self.value_text.setScale(scale)
        self.value_text.setPos(self.centre.x() - r.width() * scale / 2, self.centre.y() - r.height() * scale / 2)
        self.value_text.setBrush(QBrush(c.muted if off else c.text))
        self.setBrush(QBrush(c.grid if off else c.node))
        pen = QPen(c.node_border, 1.5)
        if off:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.off_text.setText(off_label)
        self.off_text.setVisible(off)
        o = self.off_text.boundingRect()
        self.off_text.setPos(self.centre.x() - o.width() / 2, self.centre.y() - NODE_R + 3)


class ImageLayerItem(QGraphicsItem):
    """A layer whose units are pixels (image_shape), drawn as one image of its values instead of circles."""

    def __init__(self, rect: QRectF, shape: tuple[int, int], tip: Callable[[int], str]) -> None:
        super().__init__()
        self._rect = rect
        self.shape_ = shape
        self._image: QImage | None = None
        self._tip = tip
        self.setAcceptHoverEvents(True)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-1, -1, 1, 1)

    def set_values(self, values: np.ndarray | None) -> None:
        """Show the layer's current values (None: empty)."""
        if values is None:
            self._image = None
        else:
            self._image = rgba_image(signed_rgba(np.asarray(values, dtype=float).reshape(self.shape_)))
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = colours()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        if self._image is None:
            painter.fillRect(self._rect, c.node)
        else:
            painter.drawImage(self._rect, self._image)
        painter.setPen(QPen(c.node_border, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._rect)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        h, w = self.shape_
        p = event.pos() - self._rect.topLeft()
        row = min(h - 1, max(0, int(p.y() / self._rect.height() * h)))
        col = min(w - 1, max(0, int(p.x() / self._rect.width() * w)))
        self.setToolTip(self._tip(row * w + col))


class GridItem(QGraphicsItem):
    """A vector or matrix as a grid of cells coloured by value; numbers inside when cells are big enough.

    `values` is rows x columns; `off` greys cells out (ReLU units that are 0), `frozen` marks cells with a
    dashed border. Grids with many cells are painted as one scaled image.
    """

    def __init__(self, rows: int, columns: int, rect: QRectF, tip: Callable[[int, int], str],
                 on_click: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.rows, self.columns = rows, columns
        self._rect = rect
        self._tip = tip
        self._on_click = on_click
        self.values: np.ndarray | None = None
        self.off: np.ndarray | None = None
        self.frozen: np.ndarray | None = None
        self._image: QImage | None = None
        self._cells: np.ndarray | None = None
        self.setAcceptHoverEvents(True)

    @property
    def big(self) -> bool:
        """True when drawn as an image rather than cell by cell."""
        return self.rows > MAX_CELLS or self.columns > MAX_CELLS

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-2, -2, 2, 2)

    def set_values(self, values: np.ndarray | None, off: np.ndarray | None = None,
                   frozen: np.ndarray | None = None) -> None:
        """New values (rows x columns, or None before the first prediction)."""
        self.values = None if values is None else np.asarray(values, dtype=float).reshape(self.rows, self.columns)
        self.off, self.frozen = off, frozen
        if self.values is None:
            self._cells = self._image = None
        else:
            self._cells = signed_rgba(self.values)
            self._image = rgba_image(self._cells) if self.big else None
        self.update()

    def cell_rect(self, row: int, column: int) -> QRectF:
        """Where one cell is drawn."""
        w = self._rect.width() / self.columns
        h = self._rect.height() / self.rows
        return QRectF(self._rect.left() + column * w, self._rect.top() + row * h, w, h)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = colours()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        if self._image is not None:
            painter.drawImage(self._rect, self._image)
        elif self._cells is None or self.values is None:
            painter.fillRect(self._rect, c.node)
        else:
            font = number_font(7.5)
            painter.setFont(font)
            metrics = QFontMetricsF(font)
            for r in range(self.rows):
                for col in range(self.columns):
                    rect = self.cell_rect(r, col)
                    off = self.off is not None and bool(self.off.reshape(self.rows, self.columns)[r, col])
                    rgba = self._cells[r, col]
                    painter.fillRect(rect, c.grid if off else QColor(int(rgba[0]), int(rgba[1]), int(rgba[2])))
                    if off:
                        painter.fillRect(rect, QBrush(c.muted, Qt.BrushStyle.BDiagPattern))
                    if rect.width() >= 26 and rect.height() >= 16:
                        v = float(self.values[r, col])
                        dark = QColor(int(rgba[0]), int(rgba[1]), int(rgba[2])).lightness() < 120 and not off
                        painter.setPen(QColor("#ffffff") if dark else c.text)
                        text = QCoreApplication.translate("GridItem", "off") if off else fitting(
                            v, rect.width() - 4, metrics)
                        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if not self.big:
            painter.setPen(QPen(c.surface, 1.0))
            for r in range(1, self.rows):
                y = self._rect.top() + r * self._rect.height() / self.rows
                painter.drawLine(QPointF(self._rect.left(), y), QPointF(self._rect.right(), y))
            for col in range(1, self.columns):
                x = self._rect.left() + col * self._rect.width() / self.columns
                painter.drawLine(QPointF(x, self._rect.top()), QPointF(x, self._rect.bottom()))
            if self.frozen is not None and self.frozen.any():
                pen = QPen(c.text, 1.6, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                frozen = self.frozen.reshape(self.rows, self.columns)
                for r, col in zip(*np.nonzero(frozen), strict=True):
                    painter.drawRect(self.cell_rect(int(r), int(col)).adjusted(2, 2, -2, -2))
        painter.setPen(QPen(c.node_border, 1.2))
        painter.drawRect(self._rect)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        p = event.pos() - self._rect.topLeft()
        row = min(self.rows - 1, max(0, int(p.y() / max(self._rect.height(), 1e-9) * self.rows)))
        col = min(self.columns - 1, max(0, int(p.x() / max(self._rect.width(), 1e-9) * self.columns)))
        self.setToolTip(self._tip(row, col))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        event.accept() if self._on_click and event.button() == Qt.MouseButton.LeftButton else event.ignore()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._on_click and event.button() == Qt.MouseButton.LeftButton:
            self._on_click()


# -- the weight editor ------------------------------------------------------------------------------
class WeightEditor(QFrame):
    """A small inline editor over the diagram: type a weight, Enter applies it, Esc closes."""

    def __init__(self, parent: QWidget, apply: Callable[[str], str | None]) -> None:
        super().__init__(parent)
        self.setObjectName("weight_editor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._apply = apply
        self.title = QLabel()
        self.title.setObjectName("weight_editor_title")
        self.field = QLineEdit()
        self.field.setObjectName("weight_editor_field")
        self.field.setFont(number_font())
        self.field.setMinimumWidth(190)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.message = QLabel()
        self.message.setObjectName("weight_editor_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {colours().muted.name()}")
        self.retranslate()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        self.setMaximumWidth(300)
        self.hide()


    def retranslate(self) -> None:
        """The hint in the current language."""
        self.hint.setText(self.tr("Enter applies it, Esc cancels; the run continues from the new weight"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:  # the field passes Escape on to us
            self.hide()
            event.accept()
            return
        super().keyPressEvent(event)

    def open(self, title: str, value: float, where: QPointF) -> None:
        """Show at `where` (parent coordinates) with the current value selected."""
        self.title.setText(title)
        self.field.setText(exact(value))
        self.field.setProperty("invalid", False)
        self.message.hide()
        self.adjustSize()
        parent = self.parentWidget()
        x = min(max(0, int(where.x()) + 12), max(0, parent.width() - self.width()))
        y = min(max(0, int(where.y()) + 12), max(0, parent.height() - self.height()))
        self.move(x, y)
        self.show()
        self.raise_()
        self.field.setFocus()
        self.field.selectAll()

    def _on_field_return_pressed(self) -> None:
        problem = self._apply(self.field.text())
        if problem is None:
            self.hide()
            return
        self.field.setProperty("invalid", True)
        self.message.setText(problem)
        self.message.show()
        self.adjustSize()


# -- the three pictures ----------------------------------------------------------------------------
class Picture:
    """One way of drawing the network into the panel's scene; built once per layout, refreshed live."""

    def __init__(self, panel: DiagramPanel, net: Network) -> None:
        self.panel = panel
        self.scene = panel.scene()
        self.regions: dict[tuple[str, int], RegionItem] = {}
        self.legend: QGraphicsItemGroup | None = None
        self.kept: list[Any] = []
        self.build(net)

    def tr(self, text: str) -> str:
        """Translate in the context lupdate files the string under: the picture class that wrote it."""
        for klass in type(self).__mro__:
            translated = QCoreApplication.translate(klass.__name__, text)
            if translated != text:
                return translated
        return text

    def release(self) -> None:
        """Drop every reference to the scene's items (before the scene deletes them)."""
        self.__dict__.clear()

    def build(self, net: Network) -> None:
        """Create the items."""

    def refresh(self, net: Network) -> None:
        """Show the network's current values."""

    def highlight(self, selection: Selection) -> None:
        """Glow the selected layer or matrix."""
        for key, region in self.regions.items():
            region.set_selected(key == selection)

    def add(self, item: Any) -> Any:
        """Put an item made in Python into the scene and keep its wrapper for as long as the picture lives,
        so that no later call on a fresh wrapper (see DiagramView.fit) can hand the item back to Python."""
        self.scene.addItem(item)
        self.kept.append(item)
        return item

    def legend_group(self) -> QGraphicsItemGroup:
        """The picture's legend: one group the view places below or beside the network, whichever fits better."""
        if self.legend is None:
            self.legend = QGraphicsItemGroup()
            self.add(self.legend)
        return self.legend

    def region(self, rect: QRectF, key: tuple[str, int]) -> RegionItem:
        """A clickable selection area behind a layer or matrix."""
        item = RegionItem(rect, key, self.panel.select)
        self.add(item)
        self.regions[key] = item
        return item

    def text(self, text: str, colour: QColor | None = None, font: QFont | None = None) -> QGraphicsSimpleTextItem:
        """A plain text item in the scene."""
        item = QGraphicsSimpleTextItem(text)
        self.add(item)
        item.setBrush(QBrush(colour or colours().muted))
        if font is not None:
            item.setFont(font)
        return item


def shown_units(layer: Layer) -> list[int]:
    """The units the full picture draws as circles: all of a small layer, a head and tail sample otherwise."""
    if layer.size <= MAX_NODES:
        return list(range(layer.size))
    return list(range(SAMPLE_HEAD)) + list(range(layer.size - SAMPLE_TAIL, layer.size))


def frozen_mask(w: Weights) -> np.ndarray | None:
    """The matrix's frozen mask shaped like its values, or None."""
    if w.frozen is None:
        return None
    return np.asarray(w.frozen, dtype=bool).reshape(w.values.shape)


class FullPicture(Picture):
    """Every unit a circle, every weight a line: the chapters 3-6 picture."""

    def build(self, net: Network) -> None:
        c = colours()
        self.nodes: list[dict[int, NodeItem]] = []
        self.images: dict[int, ImageLayerItem] = {}
        self.links: list[dict[tuple[int, int], LinkItem]] = []
        self.link_labels: list[dict[tuple[int, int], LabelItem]] = []
        self.goal_texts: list[tuple[int, QGraphicsSimpleTextItem]] = []
        heights = [self._layer_height(layer) for layer in net.layers]
        tallest = max(heights)
        self.top = -tallest / 2 - 44
        self.bottom = tallest / 2 + 24
        anchors: list[dict[int, QPointF]] = []
        for li, layer in enumerate(net.layers):
            x = li * LAYER_GAP
            title_text = self.panel.layer_title(li, len(net.layers), layer.activation)
            nodes: dict[int, NodeItem] = {}
            points: dict[int, QPointF] = {}
            if layer.size > MAX_NODES and layer.image_shape is not None:
                h, w = layer.image_shape
                side = BIG_SIDE * 0.7
                iw, ih = (side, side * h / w) if w >= h else (side * w / h, side)
                rect = QRectF(x - iw / 2, -ih / 2, iw, ih)
                image = ImageLayerItem(rect, (h, w), lambda i, li=li: self.panel.unit_tip(li, i))
                self.add(image)
                self.images[li] = image
                dims = self.text(self.tr("{0} pixels ({1}×{2})").format(layer.size, h, w))
                r = dims.boundingRect()
                dims.setPos(x - r.width() / 2, rect.bottom() + 4)
                points = {-1: QPointF(rect.right(), 0.0)}
            else:
                shown = shown_units(layer)
                top = -(len(shown) - 1 + (1 if len(shown) < layer.size else 0)) * UNIT_GAP / 2
                for k, ui in enumerate(shown):
                    gap = 1 if len(shown) < layer.size and k >= SAMPLE_HEAD else 0
                    centre = QPointF(x, top + (k + gap) * UNIT_GAP)
                    unit = layer.units[ui]
                    node = NodeItem(centre, "" if unit == title_text else unit)
                    self.add(node)
                    nodes[ui] = node
                    points[ui] = centre
                if len(shown) < layer.size:
                    more = self.text(self.tr("⋮ {0} more").format(layer.size - len(shown)), c.muted,
                                     number_font(11))
                    r = more.boundingRect()
                    more.setPos(x - r.width() / 2, top + SAMPLE_HEAD * UNIT_GAP - r.height() / 2 - 6)
            self.nodes.append(nodes)
            anchors.append(points)
            title = self.text(title_text)
            r = title.boundingRect()
            title.setPos(x - r.width() / 2, self.top + 4)
            self.region(QRectF(x - NODE_R - 22, self.top, 2 * NODE_R + 44, self.bottom - self.top), ("layer", li))
        for wi, w in enumerate(net.weights):
            links: dict[tuple[int, int], LinkItem] = {}
            labels: dict[tuple[int, int], LabelItem] = {}
            src, dst = anchors[w.source], anchors[w.target]
            for ti, tp in dst.items():
                for si, sp in src.items():
                    editable = ti >= 0 and si >= 0
                    link = self._add_link(sp, tp, (wi, w.name, ti, si) if editable else None, si < 0, ti < 0)
                    links[(ti, si)] = link
                    if editable and w.values.size <= 9:
                        label = LabelItem(w.values.size > 1)
                        self.add(label)
                        labels[(ti, si)] = label
            self.links.append(links)
            self.link_labels.append(labels)
            x0 = w.source * LAYER_GAP + NODE_R + 24
            x1 = w.target * LAYER_GAP - NODE_R - 24
            if x1 > x0:
                self.region(QRectF(x0, self.top, x1 - x0, self.bottom - self.top), ("weights", wi))
        last = net.layers[-1]
        if last.goals is not None:
            for ui, node in self.nodes[-1].items():
                t = self.text("", c.accent, number_font(9))
                t.setPos(node.centre.x() + NODE_R + 10, node.centre.y() - 18)
                self.goal_texts.append((ui, t))
        self.out_text = self.text("", c.error, number_font(9))
        if self.nodes[-1]:
            centre = list(self.nodes[-1].values())[-1].centre
            self.out_text.setPos(centre.x() + NODE_R + 10, centre.y() + 2)
            # room for the goal and error texts as they grow, so the legend is never placed over them
            width = QFontMetricsF(number_font(9)).horizontalAdvance(self.tr("error {0}").format("−0.0000×10⁻¹⁰"))
            top = min(n.centre.y() for n in self.nodes[-1].values()) - 20
            room = QGraphicsRectItem(centre.x() + NODE_R + 10, top, width, centre.y() + 22 - top)
            room.setPen(QPen(Qt.PenStyle.NoPen))
            self.add(room)
        self._add_legend(net)

    def _layer_height(self, layer: Layer) -> float:
        if layer.size > MAX_NODES and layer.image_shape is not None:
            return BIG_SIDE * 0.7 + 30
        n = len(shown_units(layer)) + (1 if layer.size > MAX_NODES else 0)
        return (n - 1) * UNIT_GAP + 2 * NODE_R + 24

    def _add_link(self, a: QPointF, b: QPointF, ref: tuple[int, str, int, int] | None, from_image: bool,
                  to_image: bool) -> LinkItem:
        ux, uy = b.x() - a.x(), b.y() - a.y()
        length = math.hypot(ux, uy) or 1.0
        ux, uy = ux / length, uy / length
        ra = 0.0 if from_image else NODE_R
        rb = 0.0 if to_image else NODE_R
        link = LinkItem(QPointF(a.x() + ux * ra, a.y() + uy * ra), QPointF(b.x() - ux * rb, b.y() - uy * rb), ref,
                        self.panel.edit_link if ref is not None else None,
                        self.panel.link_menu if ref is not None else None)
        self.add(link)
        return link

    def _add_legend(self, net: Network) -> None:
        c = colours()
        group = self.legend_group()
        x = 0.0
        for colour, text in ((c.positive, self.tr("positive weight")), (c.negative, self.tr("negative weight"))):
            line = QGraphicsLineItem(x, 7, x + 26, 7)
            line.setPen(QPen(colour, 4))
            self.add(line)
            group.addToGroup(line)
            label = self.text(text)
            label.setPos(x + 32, 0)
            group.addToGroup(label)
            x += 40 + label.boundingRect().width() + 18
        notes = [self.tr("thicker = larger |weight| · dashed with a lock = frozen")]
        if any(layer.activation == "relu" for layer in net.layers):
            notes.append(self.tr("grey, dashed circle = off: relu gave 0"))
        notes += [self.tr("hover for exact values · click a line to edit its weight"), self.tr("right-click a line to "
                                                                                              "freeze it")]
        y = 0.0
        for note in notes:
            y += 22
            item = self.text(note)
            item.setPos(0, y)
            group.addToGroup(item)

    def refresh(self, net: Network) -> None:
        for li, layer in enumerate(net.layers):
            values = layer.values
            off = units_off(layer)
            for ui, node in self.nodes[li].items():
                value = None if values is None else float(values[ui])
                node.set_value(value, bool(off[ui]), self.tr("off"))
                node.setToolTip(self.panel.unit_tip(li, ui))
            if li in self.images:
                self.images[li].set_values(values)
        for wi, w in enumerate(net.weights):
            frozen = frozen_mask(w)
            labels = self.link_labels[wi]
            for (ti, si), link in self.links[wi].items():
                if ti < 0 or si < 0:
                    self._refresh_bundle(net, w, link, ti, si)
                    continue
                value = float(w.values[ti, si])
                link.set_weight(value, bool(frozen[ti, si]) if frozen is not None else False)
                link.setToolTip(self.panel.weight_tip(wi, ti, si))
                label = labels.get((ti, si))
                if label is not None:
                    label.setText(num(value, 3))
                    line = link.line()
                    single = len(self.links[wi]) == 1
                    # Stagger labels along their lines by target so labels of one source do not stack up.
                    frac = 0.5 if single else 0.16 + 0.13 * (ti % 4)
                    p = line.p1() + (line.p2() - line.p1()) * frac
                    r = label.boundingRect()
                    if single:
                        label.setPos(p.x() - r.width() / 2, p.y() - r.height() - 11)
                    else:
                        label.setPos(p.x() - r.width() / 2, p.y() - r.height() / 2)
        goals = net.layers[-1].goals
        for ui, text in self.goal_texts:
            if goals is not None:
                text.setText(self.tr("goal {0}").format(num(float(goals[ui]), 4)))
        error = self.panel.phase_values().get("error")
        self.out_text.setText(self.tr("error {0}").format(num(np.sum(error), 4)) if error is not None else "")

    def _refresh_bundle(self, net: Network, w: Weights, link: LinkItem, ti: int, si: int) -> None:
        """A line that stands for a whole row (or column) of weights to or from an image layer."""
        values = w.values[ti, :] if ti >= 0 else w.values[:, si]
        mean = float(np.mean(values)) if values.size else 0.0
        link.set_weight(mean)
        pen = link.pen()
        pen.setWidthF(1.2)
        colour = pen.color()
        colour.setAlpha(120)
        pen.setColor(colour)
        link.setPen(pen)
        unit = net.layers[w.target].units[ti] if ti >= 0 else net.layers[w.source].units[si]
        link.setToolTip(self.tr("{0} weights of {1} into {2} (mean {3}); the “What the weights learn” panel "
                                "draws them as an image").format(values.size, w.name, unit, num(mean, 3)))

    def highlight(self, selection: Selection) -> None:
        super().highlight(selection)
        c = colours()
        for li, nodes in enumerate(self.nodes):
            for node in nodes.values():
                if selection == ("layer", li):
                    node.setPen(QPen(c.accent, 3.0))
                else:
                    pen = QPen(c.node_border, 1.5)
                    if node.off:
                        pen.setStyle(Qt.PenStyle.DashLine)
                    node.setPen(pen)


class BlocksPicture(Picture):
    """Each layer a vector (a strip of cells), each weight matrix a block labelled with its shape."""

    def build(self, net: Network) -> None:
        c = colours()
        self.strips: list[GridItem] = []
        self.blocks: list[GridItem] = []
        self.goal_strip: GridItem | None = None
        self.off_texts: dict[int, QGraphicsSimpleTextItem] = {}
        strip_rects = [self._strip_rect(layer) for layer in net.layers]
        block_rects = [self._block_rect(net, w) for w in net.weights]
        tallest = max([r.height() for r in strip_rects] + [r.height() for r in block_rects] + [CELL])
        top, bottom = -tallest / 2 - 56, tallest / 2 + 58
        x = 0.0
        for li, layer in enumerate(net.layers):
            if li > 0:
                incoming = [wi for wi, w in enumerate(net.weights) if w.target == li]
                x = self._place_blocks(net, incoming, block_rects, x, top, bottom)
            rect = strip_rects[li].translated(x, 0)
            rows, cols = self._strip_grid(layer)
            strip = GridItem(rows, cols, rect, lambda r, col, li=li, cols=cols: self.panel.unit_tip(li, r * cols + col),
                             lambda li=li: self.panel.select(("layer", li)))
            self.add(strip)
            self.strips.append(strip)
            symbol = self.text(f"l{li}", c.text, letter_font(14, True))
            code = self.text(self.panel.layer_code(net, li))
            shape = self.text(f"1×{layer.size}" if layer.image_shape is None
                              else f"1×{layer.size} ({layer.image_shape[0]}×{layer.image_shape[1]})")
            cx = rect.center().x()
            y = rect.bottom() + 6
            for item in (symbol, code, shape):
                r = item.boundingRect()
                item.setPos(cx - r.width() / 2, y)
                y += r.height() + 1
            if layer.activation:
                self._marker(layer.activation, cx, rect.top() - 26)
                off = self.text("", c.muted, number_font(8))
                self.off_texts[li] = off
                off.setPos(rect.left(), rect.top() - 44)
            width = rect.width()
            if li == len(net.layers) - 1 and layer.goals is not None:
                grect = QRectF(rect.right() + 10, rect.top(), rect.width(), rect.height())
                self.goal_strip = GridItem(rows, cols, grect,
                                           lambda r, col, cols=cols: self.panel.goal_tip(r * cols + col))
                self.add(self.goal_strip)
                label = self.text(self.tr("goal"), c.accent)
                r = label.boundingRect()
                label.setPos(grect.center().x() - r.width() / 2, grect.bottom() + 6)
                width += 10 + rect.width()
            self.region(QRectF(x - 16, top, width + 32, bottom - top), ("layer", li))
            x += width + 26
        notes = [self.tr("a layer is a vector, a weight matrix a block"), self.tr("(rows = inputs, columns = outputs)"),
                 self.tr("colour = sign, strength = size"), self.tr("hatched = off (relu gave 0); dashed = frozen")]
        group = self.legend_group()
        y = 0.0
        for text in notes:
            item = self.text(text)
            item.setPos(0, y)
            group.addToGroup(item)
            y += 20

    def _strip_grid(self, layer: Layer) -> tuple[int, int]:
        if layer.image_shape is not None and layer.size > MAX_CELLS:
            return layer.image_shape
        return layer.size, 1

    def _strip_rect(self, layer: Layer) -> QRectF:
        rows, cols = self._strip_grid(layer)
        if cols > 1:
            side = BIG_SIDE * 0.75
            w, h = (side, side * rows / cols) if cols >= rows else (side * cols / rows, side)
        elif rows > MAX_CELLS:
            w, h = CELL * 0.6, BIG_SIDE
        else:
            w, h = CELL, rows * CELL
        return QRectF(0, -h / 2, w, h)

    def _block_rect(self, net: Network, w: Weights) -> QRectF:
        inputs, outputs = w.shape[1], w.shape[0]
        h = inputs * CELL if inputs <= MAX_CELLS else BIG_SIDE
        width = outputs * CELL if outputs <= MAX_CELLS else BIG_SIDE * 0.6
        return QRectF(0, -h / 2, width, h)

    def _place_blocks(self, net: Network, incoming: list[int], rects: list[QRectF], x: float, top: float,
                      bottom: float) -> float:
        c = colours()
        self.scene.addEllipse(QRectF(x - 3.5, -3.5, 7, 7), QPen(Qt.PenStyle.NoPen), QBrush(c.text))  # the "·"
        x += 20
        widest = max((rects[wi].width() for wi in incoming), default=0.0)
        stack = sum(rects[wi].height() for wi in incoming) + 40 * (len(incoming) - 1)
        y = -stack / 2
        for wi in incoming:
            w = net.weights[wi]
            rect = QRectF(x, y, rects[wi].width(), rects[wi].height())
            inputs, outputs = w.shape[1], w.shape[0]
            block = GridItem(inputs, outputs, rect, lambda r, col, wi=wi: self.panel.weight_tip(wi, col, r),
                             lambda wi=wi: self.panel.select(("weights", wi)))
            self.add(block)
            self.blocks.append(block)
            title = self.text(f"W{wi}", c.text, letter_font(14, True))
            size = self.text(f"  {inputs}×{outputs}", c.text, QFont(QFont().family(), 11, QFont.Weight.Bold))
            title.setPos(rect.center().x() - (title.boundingRect().width() + size.boundingRect().width()) / 2,
                         rect.top() - title.boundingRect().height() - 6)
            size.setPos(title.pos().x() + title.boundingRect().width(),
                        title.pos().y() + title.boundingRect().height() - size.boundingRect().height() - 1)
            code = self.text(self.panel.weights_code(net, wi))
            r = code.boundingRect()
            code.setPos(rect.center().x() - r.width() / 2, rect.bottom() + 6)
            self.region(QRectF(x - 12, top, max(rect.width(), r.width()) + 24, bottom - top), ("weights", wi))
            y += rect.height() + 40
        x += widest + 14
        arrow = self.text("→", c.text, QFont(QFont().family(), 18))
        arrow.setPos(x, -arrow.boundingRect().height() / 2)
        return x + arrow.boundingRect().width() + 18

    def _marker(self, activation: str, cx: float, y: float) -> None:
        c = colours()
        label = self.text(activation, c.surface, QFont(QFont().family(), 9, QFont.Weight.Bold))
        r = label.boundingRect()
        path = QPainterPath()
        path.addRoundedRect(QRectF(cx - r.width() / 2 - 7, y - 2, r.width() + 14, r.height() + 4), 8, 8)
        pill = QGraphicsPathItem(path)
        pill.setBrush(QBrush(c.accent))
        pill.setPen(QPen(Qt.PenStyle.NoPen))
        self.add(pill)
        label.setZValue(1)
        label.setPos(cx - r.width() / 2, y)

    def refresh(self, net: Network) -> None:
        for li, layer in enumerate(net.layers):
            off = units_off(layer)
            self.strips[li].set_values(layer.values, off if off.any() else None)
            if li in self.off_texts:
                n = int(off.sum())
                self.off_texts[li].setText(self.tr("{0} of {1} off").format(n, layer.size) if n else "")
        if self.goal_strip is not None:
            self.goal_strip.set_values(net.layers[-1].goals)
        for wi, w in enumerate(net.weights):
            frozen = frozen_mask(w)
            self.blocks[wi].set_values(w.values.T, frozen=None if frozen is None else frozen.T)


class LettersPicture(Picture):
    """The network in letters: l0 —W0→ l1 —W1→ l2, the formulas, the code's names, the values live."""

    def build(self, net: Network) -> None:
        c = colours()
        big = letter_font(22, True)
        self.value_texts: dict[tuple[str, int], QGraphicsSimpleTextItem] = {}
        self.formulas: list[tuple[QGraphicsTextItem, int]] = []
        x = 0.0
        column_bottom = 0.0
        symbols: list[tuple[str, QRectF]] = []  # kind, symbol's rectangle: the chain's arrows join them
        for li in range(len(net.layers)):
            if li > 0:
                for wi, w in enumerate(net.weights):
                    if w.target != li:
                        continue
                    x, bottom, rect = self._column(net, ("weights", wi), f"W{wi}", x + 44, big)
                    symbols.append(("weights", rect))
                    column_bottom = max(column_bottom, bottom)
                x += 44
            x, bottom, rect = self._column(net, ("layer", li), f"l{li}", x, big)
            symbols.append(("layer", rect))
            column_bottom = max(column_bottom, bottom)
        pen = QPen(c.muted, 1.8)
        for (_, a), (kind, b) in zip(symbols, symbols[1:], strict=False):
            y = a.center().y() + 2
            x0, x1 = a.right() + 8, b.left() - 8
            self.scene.addLine(x0, y, x1, y, pen)
            if kind == "layer":
                head = QPainterPath(QPointF(x1, y))
                head.lineTo(x1 - 9, y - 5)
                head.lineTo(x1 - 9, y + 5)
                head.closeSubpath()
                self.scene.addPath(head, QPen(Qt.PenStyle.NoPen), QBrush(c.muted))
        y = column_bottom + 26
        for t in range(1, len(net.layers)):
            item = QGraphicsTextItem()
            item.setDefaultTextColor(c.text)
            item.setFont(QFont("DejaVu Serif", 14))
            item.setPos(0, y)
            self.add(item)
            self.formulas.append((item, t))
            y += 34
        self.error_formula: QGraphicsTextItem | None = None
        if net.layers[-1].goals is not None:
            item = QGraphicsTextItem()
            item.setDefaultTextColor(c.text)
            item.setFont(QFont("DejaVu Serif", 14))
            item.setPos(0, y)
            self.add(item)
            self.error_formula = item
            y += 34
        self._net = net

    def _column(self, net: Network, key: tuple[str, int], symbol: str, x: float,
                big: QFont) -> tuple[float, float, QRectF]:
        c = colours()
        kind, index = key
        sym = self.text(symbol, c.text, big)
        if kind == "layer":
            layer = net.layers[index]
            code, shape = self.panel.layer_code(net, index), f"1×{layer.size}"
            activation = layer.activation
        else:
            w = net.weights[index]
            code, shape = self.panel.weights_code(net, index), f"{w.shape[1]}×{w.shape[0]}"
            activation = None
        small = QFont(QFont().family(), 10)
        lines = [self.text(code, None, small), self.text(shape + (f" · {activation}" if activation else ""), None,
                                                          small)]
        values = self.text("", c.text, number_font(10))
        self.value_texts[key] = values
        sym.setPos(x, 0)
        y = sym.boundingRect().height() + 2
        width = sym.boundingRect().width()
        for item in lines:
            item.setPos(x, y)
            y += item.boundingRect().height() + 1
            width = max(width, item.boundingRect().width())
        values.setPos(x, y + 2)
        sample = self._values_text(net, key)
        values.setText(sample)
        width = max(width, values.boundingRect().width())
        bottom = y + 2 + max(values.boundingRect().height(), 14)
        self.region(QRectF(x - 8, -6, width + 16, bottom + 12), key)
        return x + width + 6, bottom, QRectF(x, 0, sym.boundingRect().width(), sym.boundingRect().height())

    def _values_text(self, net: Network, key: tuple[str, int]) -> str:
        kind, index = key
        if kind == "layer":
            layer = net.layers[index]
            if layer.values is None:
                return "[" + ", ".join(["   –  "] * min(layer.size, 4)) + (" …" if layer.size > 4 else "") + "]"
            values = [float(v) for v in layer.values]
            shown = ", ".join(fixed(v).strip() if len(values) > 4 else fixed(v) for v in values[:4])
            return "[" + shown + (f", … ×{len(values)}" if len(values) > 4 else "") + "]"
        m = net.weights[index].values.T  # as the code holds it: rows = inputs
        if m.shape[0] > 4 or m.shape[1] > 4:
            return self.tr("{0}×{1} numbers").format(*m.shape) + "\n" + self.tr("max |w| {0}").format(
                num(float(np.nanmax(np.abs(m))) if m.size else 0.0, 3))
        return "\n".join("[" + ", ".join(fixed(float(v)) for v in row) + "]" for row in m)

    def refresh(self, net: Network) -> None:
        self._net = net
        for key, item in self.value_texts.items():
            text = self._values_text(net, key)
            kind, index = key
            if kind == "layer":
                n = int(units_off(net.layers[index]).sum())
                if n:
                    text += "\n" + self.tr("{0} of {1} off (relu = 0)").format(n, net.layers[index].size)
            item.setText(text)
        self._write_formulas(net)

    def _write_formulas(self, net: Network) -> None:
        c = colours()
        selection = self.panel.selection

        def mark(symbol: str, key: tuple[str, int]) -> str:
            if key == selection:
                return f"<b style='color:{c.accent.name()}'>{symbol}</b>"
            return f"<i>{symbol}</i>"

        muted = c.muted.name()
        for item, t in self.formulas:
            layer = net.layers[t]
            terms = [(wi, w) for wi, w in enumerate(net.weights) if w.target == t]
            letters = " + ".join(f"{mark(f'l{w.source}', ('layer', w.source))}·{mark(f'W{wi}', ('weights', wi))}"
                                 for wi, w in terms)
            code = " + ".join(f"{self.panel.layer_code(net, w.source)} · {self.panel.weights_code(net, wi)}"
                              for wi, w in terms)
            if layer.activation:
                letters, code = f"{layer.activation}({letters})", f"{layer.activation}({code})"
            value = num(layer.values, 3) if layer.values is not None else "–"
            item.setHtml(f"<span style='font-style:normal'>{mark(f'l{t}', ('layer', t))} = {letters} = "
                         f"<span style='font-family:monospace'>{value}</span>&nbsp;&nbsp;&nbsp;"
                         f"<span style='color:{muted}; font-family:monospace'>"
                         f"{self.panel.layer_code(net, t)} = {code}</span></span>")
        if self.error_formula is not None:
            last = len(net.layers) - 1
            error = self.panel.phase_values().get("error")
            shown = num(np.sum(error), 4) if error is not None else "–"
            self.error_formula.setHtml(
                f"<span style='font-style:normal'>error = Σ({mark(f'l{last}', ('layer', last))} − goal)² = "
                f"<span style='font-family:monospace'>{shown}</span></span>")

    def highlight(self, selection: Selection) -> None:
        super().highlight(selection)
        self._write_formulas(self._net)


PICTURES: dict[str, type[Picture]] = {"full": FullPicture, "blocks": BlocksPicture, "letters": LettersPicture}


# -- the panel ----------------------------------------------------------------------------------------
class DiagramView(QGraphicsView):
    """The view of the diagram's scene; keeps the whole picture in sight when resized."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("diagram_view")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.legend: QGraphicsItemGroup | None = None

    def fit(self, legend: QGraphicsItemGroup | None = None) -> None:
        """Fit the scene's items into the view, keeping their proportions; the legend goes below the network or
        beside it, wherever the picture comes out larger."""
        scene = self.scene()
        if legend is not None and legend.scene() is scene:
            body = QRectF()
            for item in scene.items():
                # topLevelItem(), not parentItem() is None: in PySide 6.11 parentItem() returning None hands
                # the item to Python, which then deletes it with the wrapper (seen with addEllipse/addLine items)
                if item.topLevelItem() is item and item is not legend:
                    body = body.united(item.sceneBoundingRect())
            size = legend.childrenBoundingRect()
            below = QPointF(body.left(), body.bottom() + 16)
            beside = QPointF(body.right() + 36, body.center().y() - size.height() / 2)
            view_w, view_h = max(self.viewport().width(), 1), max(self.viewport().height(), 1)

            def scale(at: QPointF) -> float:
                whole = body.united(size.translated(at))
                return min(view_w / (whole.width() + 60), view_h / (whole.height() + 40))

            legend.setPos(below if scale(below) >= scale(beside) else beside)
        rect = scene.itemsBoundingRect().adjusted(-30, -20, 30, 20)
        scene.setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit(self.legend)


class DiagramPanel(QWidget):
    """The network of the running experiment in one of chapter 7's three pictures, redrawn at most 30 times
    a second. `scene()` is what File → Export diagram renders: the picture on screen."""

    style_changed = Signal(str)
    selection_changed = Signal(object)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("diagram")
        self.setMinimumSize(320, 220)
        self._style = "full"
        self.selection: Selection = None
        self.picture: Picture | None = None
        self._sizes: tuple[Any, ...] = ()

        self.style_buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        header = QHBoxLayout()
        header.setContentsMargins(6, 4, 6, 0)
        header.setSpacing(0)
        for name in STYLES:
            button = QToolButton()
            button.setObjectName(f"diagram_style_{name}")
            button.setCheckable(True)
            button.setChecked(name == self._style)
            button.setAutoRaise(False)
            button.clicked.connect(lambda _=False, n=name: self.set_diagram_style(n))
            self._group.addButton(button)
            header.addWidget(button)
            self.style_buttons[name] = button
        header.addSpacing(12)
        self.caption = QLabel()
        self.caption.setObjectName("diagram_caption")
        self.caption.setStyleSheet(f"color: {colours().muted.name()}")
        header.addWidget(self.caption, 1)

        self.view = DiagramView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        self.editor = WeightEditor(self, self._apply_edit)
        self._editing: tuple[str, int, int] | None = None

        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.advanced.connect(self._on_runner_advanced)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.param_changed.connect(self._on_runner_param_changed)
        runner.weights_edited.connect(self._on_runner_weights_edited)
        runner.rewound.connect(self._on_runner_rewound)
        self.retranslate()  # texts, then the first picture

    def _style_texts(self) -> dict[str, tuple[str, str]]:
        return {
            "full": (self.tr("Full"), self.tr("Every unit a circle and every weight a line, as in chapters 3–6; "
                                              "click a line to edit its weight, right-click to freeze it")),
            "blocks": (self.tr("Blocks"), self.tr("Each layer a vector (a strip of cells) and each weight matrix a "
                                                  "block with its shape: the LEGO pieces of chapter 7")),
            "letters": (self.tr("Letters"), self.tr("The same network in letters, l0 —W0→ l1, with the formulas "
                                                    "and the code's names (layer_0, weights_0_1)")),
        }

    def retranslate(self) -> None:
        """Buttons, caption and the picture's own words in the current language."""
        for name, (text, tip) in self._style_texts().items():
            self.style_buttons[name].setText(text)
            self.style_buttons[name].setToolTip(tip)
        self.rebuild()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- public -----------------------------------------------------------------------------
    def scene(self) -> QGraphicsScene:
        """The scene of the picture on screen (what export renders)."""
        return self.view.scene()

    def diagram_style(self) -> str:
        """The picture on screen: "full", "blocks" or "letters"."""
        return self._style

    def set_diagram_style(self, style: str) -> None:
        """Switch to another picture of the same network; the selection stays."""
        if style not in STYLES:
            raise ValueError(f"unknown diagram style {style!r}; known: {', '.join(STYLES)}")
        button = self.style_buttons[style]
        if not button.isChecked():
            button.blockSignals(True)
            button.setChecked(True)
            button.blockSignals(False)
        if style == self._style:
            return
        self._style = style
        self.editor.hide()
        self.rebuild()
        self.style_changed.emit(style)

    def select(self, key: Selection) -> None:
        """Select a layer ("layer", i) or a weight matrix ("weights", k) in every picture; None clears."""
        if key == self.selection:
            return
        self.selection = key
        if self.picture is not None:
            self.picture.highlight(key)
        self._write_caption()
        self.selection_changed.emit(key)

    def rebuild(self) -> None:
        """Lay the scene out again for the current experiment's network in the current picture."""
        scene = self.scene()
        # Let go of every wrapper of the old items while their C++ objects still live: a wrapper that outlives
        # scene.clear() (the picture sits in reference cycles through its callbacks, so only the garbage collector
        # would free it, later) deletes whatever the freed memory holds by then, or crashes.
        self.view.legend = None
        if self.picture is not None:
            self.picture.release()
            self.picture = None
        scene.clear()
        scene.setBackgroundBrush(QBrush(colours().surface))
        net = self.network()
        self._sizes = self._shape_of(net)
        if self.selection is not None and not self._exists(net, self.selection):
            self.selection = None
        if not net.layers:  # an experiment without a network diagram: say so instead of a picture
            note = scene.addSimpleText(self.tr("This experiment has no network diagram; its computation graph "
                                               "shows it"))
            note.setBrush(QBrush(colours().muted))
            self._write_caption()
            self.view.fit()
            return
        self.picture = PICTURES[self._style](self, net)
        self.refresh()
        self.picture.highlight(self.selection)
        self._write_caption()
        self.view.legend = self.picture.legend
        self.view.fit(self.picture.legend)

    def refresh(self) -> None:
        """Show the network's current values, weights and the last error."""
        net = self.network()
        if self._shape_of(net) != self._sizes:
            self.rebuild()
            return
        if self.picture is not None:
            self.picture.refresh(net)

    def network(self) -> Network:
        """The experiment's network, or an empty one for an experiment without a network diagram (chapter 13's
        recurrent network: its computation graph is the picture of it)."""
        try:
            return self.runner.experiment.network()
        except NotImplementedError:
            return Network([])

    def scene_rect(self) -> QRectF:
        """The drawn area, for export."""
        return self.scene().sceneRect()

    def link_items(self) -> list[LinkItem]:
        """All link items of the full picture (empty in the other pictures)."""
        if not isinstance(self.picture, FullPicture):
            return []
        return [link for links in self.picture.links for link in links.values()]

    def node_items(self) -> list[NodeItem]:
        """All node items of the full picture, in layer order."""
        if not isinstance(self.picture, FullPicture):
            return []
        return [n for nodes in self.picture.nodes for n in nodes.values()]

    def region_items(self) -> dict[tuple[str, int], RegionItem]:
        """The clickable, highlightable area of each layer and matrix in the picture on screen."""
        return dict(self.picture.regions) if self.picture is not None else {}

    # -- texts shared by the pictures ---------------------------------------------------------------
    def layer_title(self, index: int, count: int, activation: str | None) -> str:
        """input / hidden / output, with the activation."""
        if index == 0:
            text = self.tr("input")
        elif index == count - 1:
            text = self.tr("output")
        else:
            text = self.tr("hidden")
        return f"{text} ({activation})" if activation else text

    @staticmethod
    def layer_code(net: Network, index: int) -> str:
        """The layer's name in the code (layer_0 when the experiment gives none)."""
        return net.layers[index].code_name or f"layer_{index}"

    @staticmethod
    def weights_code(net: Network, index: int) -> str:
        """The matrix's name in the code (weights_0_1 when the experiment gives none)."""
        w = net.weights[index]
        return w.code_name or f"weights_{w.source}_{w.target}"

    def phase_values(self) -> dict[str, Any]:
        """The values of the current (or last) iteration's phases so far."""
        values: dict[str, Any] = {}
        for result in self.runner.iteration_phases:
            values.update(result.values)
        return values

    def unit_tip(self, layer_index: int, unit: int) -> str:
        """Hover text of one unit."""
        layer = self.network().layers[layer_index]
        value = None if layer.values is None else float(layer.values[unit])
        tip = f"{layer.units[unit]} = {exact(value) if value is not None else '–'}"
        if bool(units_off(layer)[unit]):
            tip += "\n" + self.tr("off: relu gave 0, so nothing flows on from this unit and its incoming weights "
                                  "do not learn from this example")
        return tip

    def goal_tip(self, unit: int) -> str:
        """Hover text of one goal cell."""
        layer = self.network().layers[-1]
        goal = None if layer.goals is None else float(layer.goals[unit])
        return self.tr("goal for {0} = {1}").format(layer.units[unit], exact(goal) if goal is not None else "–")

    def weight_tip(self, index: int, row: int, column: int) -> str:
        """Hover text of one weight: its value, its last weight_delta and the input that drove it."""
        net = self.network()
        w = net.weights[index]
        source, target = net.layers[w.source], net.layers[w.target]
        value = float(w.values[row, column])
        tip = f"{w.name}: {source.units[column]} → {target.units[row]} = {exact(value)}"
        if w.last_delta is not None:
            tip += "\n" + self.tr("last weight_delta = {0}").format(exact(float(w.last_delta[row, column])))
        if source.values is not None:
            tip += "\n" + self.tr("input that drove it: {0} = {1}").format(source.units[column],
                                                                          exact(float(source.values[column])))
        frozen = frozen_mask(w)
        if frozen is not None and frozen[row, column]:
            tip += "\n" + self.tr("frozen: it does not learn")
        return tip

    # -- editing ---------------------------------------------------------------------------------
    def edit_link(self, link: LinkItem, scene_pos: QPointF) -> None:
        """Open the inline editor for the weight a link stands for (and select its matrix)."""
        if link.ref is None:
            return
        index, name, row, column = link.ref
        self.select(("weights", index))
        net = self.network()
        w = net.weights[index]
        title = f"{w.name}: {net.layers[w.source].units[column]} → {net.layers[w.target].units[row]}"
        self._editing = (name, row, column)
        where = self.view.mapTo(self, self.view.mapFromScene(scene_pos))
        self.editor.open(title, float(w.values[row, column]), QPointF(where))

    def _apply_edit(self, text: str) -> str | None:
        """Apply the editor's text; returns what is wrong with it, or None when applied."""
        if self._editing is None:
            return None
        try:
            value = parse_weight(text)
        except ValueError:
            return self.tr("“{0}” is not a number: type a weight like 0.25 or −1.5").format(text.strip())
        name, row, column = self._editing
        try:
            self.runner.set_weight(name, row, column, value)
        except ParamError as exc:
            return str(exc)
        self.caption.setText(self.tr("{0} set to {1}: the run continues from it").format(name, num(value, 6)))
        self._editing = None
        return None

    def link_menu(self, link: LinkItem, event: QGraphicsSceneContextMenuEvent) -> None:
        """The context menu of a link: edit, freeze or unfreeze."""
        menu = self.make_link_menu(link)
        menu.exec(event.screenPos())
        menu.deleteLater()  # with it go its callbacks, which hold the link

    def make_link_menu(self, link: LinkItem) -> QMenu:
        """Build a link's menu: Edit weight…, and Freeze/Unfreeze where the experiment supports it."""
        assert link.ref is not None
        index, name, row, column = link.ref
        menu = QMenu(self)
        menu.setObjectName("link_menu")
        edit = menu.addAction(self.tr("Edit weight…"))
        edit.setObjectName("link_edit")
        edit.triggered.connect(lambda: self.edit_link(link, link.midpoint()))
        can_freeze = hasattr(self.runner.experiment, "set_frozen")
        freeze = menu.addAction(self.tr("Unfreeze this weight") if link.frozen else self.tr("Freeze this weight"))
        freeze.setObjectName("link_freeze")
        freeze.setEnabled(can_freeze)
        if not can_freeze:
            freeze.setToolTip(self.tr("This experiment cannot freeze weights"))
        menu.setToolTipsVisible(True)
        freeze.triggered.connect(lambda: self._freeze(name, row, column, not link.frozen))
        return menu

    def _freeze(self, name: str, row: int, column: int, frozen: bool) -> None:
        try:
            self.runner.set_frozen(name, row, column, frozen)
        except ParamError as exc:
            self.caption.setText(str(exc))
            return
        self.caption.setText(self.tr("{0}[{1}, {2}] is frozen: it will not change").format(name, row, column)
                             if frozen else self.tr("{0}[{1}, {2}] learns again").format(name, row, column))
        self.refresh()

    # -- runner events ---------------------------------------------------------------------------
    def _schedule(self) -> None:
        self._repaint.schedule()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self.editor.hide()
        self.selection = None
        self.rebuild()

    def _on_runner_reset_done(self) -> None:
        self.rebuild()

    def _on_runner_advanced(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_param_changed(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_weights_edited(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_rewound(self, *_: Any) -> None:
        self._schedule()

    # -- helpers -----------------------------------------------------------------------------------
    @staticmethod
    def _shape_of(net: Network) -> tuple[Any, ...]:
        return (tuple((layer.size, layer.image_shape, layer.activation, layer.goals is not None)
                      for layer in net.layers),
                tuple((w.name, w.source, w.target, w.shape) for w in net.weights))

    @staticmethod
    def _exists(net: Network, key: tuple[str, int]) -> bool:
        kind, index = key
        return 0 <= index < (len(net.layers) if kind == "layer" else len(net.weights))

    def _write_caption(self) -> None:
        net = self.network()
        if self.selection is None:
            self.caption.setText(self.tr("Click a layer or a matrix to follow it across the three pictures"))
            return
        kind, index = self.selection
        if kind == "layer":
            layer = net.layers[index]
            text = self.tr("l{0} = {1}: {2}, {3} units").format(
                index, self.layer_code(net, index), self.layer_title(index, len(net.layers), layer.activation),
                layer.size)
        else:
            w = net.weights[index]
            text = self.tr("W{0} = {1}: {2}×{3}, from l{4} to l{5}").format(
                index, self.weights_code(net, index), w.shape[1], w.shape[0], w.source, w.target)
        self.caption.setText(text)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        event.accept()  # links have their own menu; elsewhere there is nothing to offer


if __name__ == "__main__":  # python -m desktop.panels.diagram [experiment id]
    preview(DiagramPanel, "ch03.stacked", (900, 520))
