"""The full picture: every unit a circle, every weight a line (chapters 3-6)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from desktop.format import num
from desktop.theme import colours, number_font
from desktop.units import unit_name
from desktop.views.network.diagram.common import (
    BIG_SIDE,
    LAYER_GAP,
    MAX_NODES,
    NODE_R,
    SAMPLE_HEAD,
    UNIT_GAP,
    Selection,
)
from desktop.views.network.diagram.items import ImageLayerItem, LabelItem, LinkItem, NodeItem
from desktop.views.network.diagram.picture import Picture, frozen_mask, shown_units
from desktop.widgets import mark_hint
from learning.analysis import units_off
from learning.network import Layer, Network, Weights


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
                    unit = unit_name(layer.units[ui])
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

    @property
    def labels_weights(self) -> bool:
        """True when weights are written on their lines (a learned one as "used → after learn")."""
        return any(self.link_labels)

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
        hints = [self.tr("hover for exact values · click a line to edit its weight"),
                 self.tr("right-click a line to freeze it")]
        y = 0.0
        for note in notes + hints:
            y += 22
            item = self.text(note)
            item.setPos(0, y)
            group.addToGroup(item)
            if note in hints:
                mark_hint(item)  # an export is not clicked

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
                    used = self.panel.used_weight(wi, ti, si)
                    before, after = (num(used, 3) if used is not None else None), num(value, 3)
                    label.setText(f"{before} → {after}" if before not in (None, after) else after)
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
        unit = unit_name(net.layers[w.target].units[ti] if ti >= 0 else net.layers[w.source].units[si])
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
