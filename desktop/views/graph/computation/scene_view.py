"""The graphics view of the computation graph: zoom (wheel, Ctrl+plus/minus), pan (drag), fit (Ctrl+0); it fits
the whole graph while the learner has not zoomed, and reports clicks, double-clicks and context menus on boxes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from desktop.views.graph.computation.node import NodeItem

#: Below this scale a fitted graph is too small to read: the view shows the root at READABLE instead.
SMALLEST_FIT, READABLE, LARGEST_FIT = 0.42, 0.7, 1.5
ZOOM_STEP = 1.2


class GraphView(QGraphicsView):
    """Shows the scene; `box_clicked(key)`, `box_double_clicked(key)`, `box_menu(key, global position)`."""

    box_clicked = Signal(object)
    box_double_clicked = Signal(object)
    box_menu = Signal(object, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graph_view")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumSize(120, 70)
        self.zoomed = False  # the learner zoomed: resizing keeps the scale
        self.focus_rect: QRectF | None = None  # where to look when the whole graph is too small to read

    def box_at(self, pos: QPoint) -> NodeItem | None:
        """The box under a point of the viewport (edges and the legend are not clickable)."""
        for item in self.items(pos):
            if isinstance(item, NodeItem):
                return item
        return None

    def scale_now(self) -> float:
        """The current zoom (1 = the scene's pixels)."""
        return self.transform().m11()

    def fit(self) -> None:
        """The whole graph in sight, unless that makes it unreadable: then the focus (the root) at a readable scale."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.zoomed = False
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.scale_now() > LARGEST_FIT:  # a small graph: bigger, not huge
            self.resetTransform()
            self.scale(LARGEST_FIT, LARGEST_FIT)
            self.centerOn(rect.center())
        elif self.scale_now() < SMALLEST_FIT and self.focus_rect is not None:
            self.resetTransform()
            self.scale(READABLE, READABLE)
            self.centerOn(self.focus_rect.center())

    def fit_all(self) -> None:
        """The whole graph in sight, however small (the Fit button)."""
        rect = self.scene().sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            self.zoomed = True

    def zoom(self, factor: float) -> None:
        """Zoom in (factor > 1) or out, between a tenth and three times the scene's size."""
        target = min(max(self.scale_now() * factor, 0.1), 3.0)
        factor = target / self.scale_now()
        self.scale(factor, factor)
        self.zoomed = True

    # -- events -------------------------------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps)
            event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.zoom(ZOOM_STEP)
                return
            if event.key() == Qt.Key.Key_Minus:
                self.zoom(1 / ZOOM_STEP)
                return
            if event.key() == Qt.Key.Key_0:
                self.fit_all()
                return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        moved = (event.position().toPoint() - self._pressed_at).manhattanLength() > 4 \
            if hasattr(self, "_pressed_at") else False
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not moved:
            box = self.box_at(event.position().toPoint())
            if box is not None:
                self.box_clicked.emit(box.key)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        box = self.box_at(event.position().toPoint())
        if box is not None and event.button() == Qt.MouseButton.LeftButton:
            self.box_double_clicked.emit(box.key)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        box = self.box_at(event.pos())
        if box is not None:
            self.box_menu.emit(box.key, event.globalPos())
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if not self.zoomed:
            self.fit()
