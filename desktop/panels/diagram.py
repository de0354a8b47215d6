"""Network diagram: nodes with their current values, links coloured by sign and sized by magnitude."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from desktop.format import exact, num
from desktop.runner import Runner
from desktop.theme import colours, number_font
from learning.network import Network

NODE_R = 30.0
LAYER_GAP = 260.0
UNIT_GAP = 92.0
REPAINT_MS = 33


def link_width(weight: float) -> float:
    """Pen width of a link: grows with |weight| and saturates, so sizes compare across time."""
    if not math.isfinite(weight):
        return 9.0
    return 1.2 + 7.0 * math.tanh(abs(weight) / 1.5)


class LinkItem(QGraphicsLineItem):
    """A weight: a line whose hover area is wider than its stroke; thickens while hovered."""

    def __init__(self, a: QPointF, b: QPointF) -> None:
        super().__init__(a.x(), a.y(), b.x(), b.y())
        self.setAcceptHoverEvents(True)
        self.setZValue(-1)
        self._hover = False
        self.weight = 0.0

    def shape(self) -> QPainterPath:
        path = QPainterPath(self.line().p1())
        path.lineTo(self.line().p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(max(14.0, self.pen().widthF() + 8))
        return stroker.createStroke(path)

    def set_weight(self, weight: float, frozen: bool = False) -> None:
        """Colour by sign, width by magnitude; frozen weights are dashed."""
        self.weight = weight
        c = colours()
        colour = QColor(c.positive if weight >= 0 or math.isnan(weight) else c.negative)
        pen = QPen(colour, link_width(weight) + (2.0 if self._hover else 0.0))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if frozen:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = True
        self.set_weight(self.weight)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = False
        self.set_weight(self.weight)
        super().hoverLeaveEvent(event)


class NodeItem(QGraphicsEllipseItem):
    """A unit: a circle with its current value inside and its name below."""

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
        self.centre = centre

    def set_value(self, value: float | None) -> None:
        """Show a value in the middle of the circle, scaled down if it would not fit."""
        self.value_text.setText(num(value, 4))
        r = self.value_text.boundingRect()
        scale = min(1.0, (2 * NODE_R - 8) / max(r.width(), 1.0))
        self.value_text.setScale(scale)
        self.value_text.setPos(self.centre.x() - r.width() * scale / 2, self.centre.y() - r.height() * scale / 2)


class DiagramPanel(QGraphicsView):
    """The network of the running experiment, redrawn at most 30 times a second."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("diagram")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(320, 220)
        self._repaint = QTimer(self)
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(REPAINT_MS)
        self._repaint.timeout.connect(self.refresh)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.reset_done.connect(self._on_runner_experiment_changed)
        runner.advanced.connect(self._schedule)
        runner.phase_stepped.connect(self._schedule)
        runner.param_changed.connect(self._schedule)
        self.rebuild()

    # -- building ---------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Lay the scene out again for the current experiment's network."""
        scene = self.scene()
        scene.clear()
        c = colours()
        scene.setBackgroundBrush(QBrush(c.surface))
        net = self.runner.experiment.network()
        self._nodes: list[list[NodeItem]] = []
        self._links: list[list[list[LinkItem]]] = []
        self._goal_texts: list[QGraphicsSimpleTextItem | None] = []
        self._out_text: QGraphicsSimpleTextItem | None = None
        tallest = max(layer.size for layer in net.layers)
        for li, layer in enumerate(net.layers):
            x = li * LAYER_GAP
            top = -(layer.size - 1) * UNIT_GAP / 2
            title_text = self._layer_title(li, len(net.layers), layer.activation)
            nodes = [NodeItem(QPointF(x, top + ui * UNIT_GAP), "" if unit == title_text else unit)
                     for ui, unit in enumerate(layer.units)]
            for node in nodes:
                scene.addItem(node)
            self._nodes.append(nodes)
            title = scene.addSimpleText(title_text)
            title.setBrush(QBrush(c.muted))
            r = title.boundingRect()
            title.setPos(x - r.width() / 2, -(tallest - 1) * UNIT_GAP / 2 - NODE_R - 34)
        self._link_labels: list[list[list[QGraphicsSimpleTextItem | None]]] = []
        for w in net.weights:
            src, dst = self._nodes[w.source], self._nodes[w.target]
            links = [[self._add_link(source.centre, target.centre) for source in src] for target in dst]
            self._links.append(links)
            self._link_labels.append([[self._add_link_label() if w.values.size <= 9 else None for _ in row]
                                      for row in links])
        if net.layers[-1].goals is not None:
            for node in self._nodes[-1]:
                t = scene.addSimpleText("")
                t.setFont(number_font(9))
                t.setBrush(QBrush(c.accent))
                t.setPos(node.centre.x() + NODE_R + 10, node.centre.y() - 18)
                self._goal_texts.append(t)
        self._out_text = scene.addSimpleText("")
        self._out_text.setFont(number_font(9))
        self._out_text.setBrush(QBrush(c.error))
        last = self._nodes[-1][-1].centre
        self._out_text.setPos(last.x() + NODE_R + 10, last.y() + 2)
        self._add_legend(tallest)
        self.refresh()
        self._fit()

    def _add_link(self, a: QPointF, b: QPointF) -> LinkItem:
        ux, uy = b.x() - a.x(), b.y() - a.y()
        length = math.hypot(ux, uy) or 1.0
        ux, uy = ux / length, uy / length
        link = LinkItem(QPointF(a.x() + ux * NODE_R, a.y() + uy * NODE_R),
                        QPointF(b.x() - ux * NODE_R, b.y() - uy * NODE_R))
        self.scene().addItem(link)
        return link

    def _add_link_label(self) -> QGraphicsSimpleTextItem:
        label = QGraphicsSimpleTextItem()
        label.setFont(number_font(9))
        label.setBrush(QBrush(colours().text))
        self.scene().addItem(label)
        return label

    def _layer_title(self, index: int, count: int, activation: str | None) -> str:
        if index == 0:
            text = self.tr("input")
        elif index == count - 1:
            text = self.tr("output")
        else:
            text = self.tr("hidden")
        return f"{text} ({activation})" if activation else text

    def _add_legend(self, tallest: int) -> None:
        c = colours()
        scene = self.scene()
        y = (tallest - 1) * UNIT_GAP / 2 + NODE_R + 42
        x = -NODE_R
        for colour, text in ((c.positive, self.tr("positive weight")), (c.negative, self.tr("negative weight"))):
            line = QGraphicsLineItem(x, y + 7, x + 26, y + 7)
            line.setPen(QPen(colour, 4))
            scene.addItem(line)
            label = scene.addSimpleText(text)
            label.setBrush(QBrush(c.muted))
            label.setPos(x + 32, y)
            x += 40 + label.boundingRect().width() + 18
        note = scene.addSimpleText(self.tr("thicker = larger |weight| · hover for exact values"))
        note.setBrush(QBrush(c.muted))
        note.setPos(x, y)
        self._legend_bottom = y + 20

    # -- updating ---------------------------------------------------------------------------
    def _schedule(self, *_: Any) -> None:
        if not self._repaint.isActive():
            self._repaint.start()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self.rebuild()

    def _phase_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for result in self.runner.iteration_phases:
            values.update(result.values)
        return values

    def refresh(self) -> None:
        """Show the network's current values, weights and the last error."""
        net: Network = self.runner.experiment.network()
        for layer, nodes in zip(net.layers, self._nodes, strict=True):
            values = layer.values
            for ui, node in enumerate(nodes):
                value = None if values is None else float(values[ui])
                node.set_value(value)
                node.setToolTip(f"{layer.units[ui]} = {exact(value) if value is not None else '–'}")
        for wi, w in enumerate(net.weights):
            frozen = w.frozen
            for ti, row in enumerate(self._links[wi]):
                for si, link in enumerate(row):
                    value = float(w.values[ti, si])
                    link.set_weight(value, bool(frozen[ti, si]) if frozen is not None else False)
                    where = f"[{ti}, {si}]" if w.values.size > 1 else ""
                    tip = f"{w.name}{where} = {exact(value)}"
                    tip += f"\n{net.layers[w.source].units[si]} → {net.layers[w.target].units[ti]}"
                    if w.last_delta is not None:
                        tip += "\n" + self.tr("last weight_delta = {0}").format(exact(float(w.last_delta[ti, si])))
                    link.setToolTip(tip)
                    label = self._link_labels[wi][ti][si]
                    if label is not None:
                        label.setText(num(value, 3))
                        line = link.line()
                        frac = 0.5 if len(row) == 1 and len(self._links[wi]) == 1 else 0.28
                        p = line.p1() + (line.p2() - line.p1()) * frac
                        r = label.boundingRect()
                        label.setPos(p.x() - r.width() / 2, p.y() - r.height() - 3)
        goals = net.layers[-1].goals
        for ui, text in enumerate(self._goal_texts):
            if text is not None and goals is not None:
                text.setText(self.tr("goal {0}").format(num(float(goals[ui]), 4)))
        values = self._phase_values()
        if self._out_text is not None:
            error = values.get("error")
            self._out_text.setText(self.tr("error {0}").format(num(np.sum(error), 4)) if error is not None else "")

    # -- view -------------------------------------------------------------------------------
    def _fit(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-30, -20, 30, 20)
        self.scene().setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def scene_rect(self) -> QRectF:
        """The drawn area, for export."""
        return self.scene().sceneRect()

    def link_items(self) -> list[LinkItem]:
        """All link items, for tests and export."""
        return [link for grid in self._links for row in grid for link in row]

    def node_items(self) -> list[NodeItem]:
        """All node items, in layer order."""
        return [n for nodes in self._nodes for n in nodes]


def _preview() -> None:
    import sys

    from PySide6.QtWidgets import QApplication

    from learning.catalogue import get

    app = QApplication(sys.argv)
    runner = Runner(get("ch03.stacked")())
    view = DiagramPanel(runner)
    runner.step()
    view.resize(800, 500)
    view.show()
    app.exec()


if __name__ == "__main__":
    _preview()
