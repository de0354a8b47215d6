"""The letters picture: l0 —W0→ l1 with the formulas (chapter 7)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
)

from desktop.format import num
from desktop.theme import colours, number_font
from desktop.views.network.diagram.common import Selection, fixed, letter_font
from desktop.views.network.diagram.picture import Picture
from learning.analysis import units_off
from learning.network import Network


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
