"""The LSTM cell (chapter 14): the cell drawn with its gates — forget f, input i, candidate g, output o — and the
paths c_prev → ×f → +(i·g) → c → tanh → ×o → h, filled with the live values of one unit for one character (a
stream and time step of the open or last batch; the latest step while phase-stepping). Under it, every unit's
f, i, o, g, c and h as strips, the chosen unit marked (click a strip to choose another). For the plain RNN the
cell is h = σ(W_ih·x + W_hh·h_prev + b).

Values come from CharModel.cell_values(stream, t), read from the graph the framework's cell built.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from desktop.colour import scale_for, signed_colour, signed_rgba, to_qimage
from desktop.format import num
from desktop.runner import Runner
from desktop.theme import colours, number_font
from desktop.views import ViewSpec
from desktop.views.lstm._common import LiveView, is_char_model, muted_label, shown_char
from desktop.widgets import FlowLayout, spoken
from learning.experiment import ParamError

#: What the learner does here that a lesson task may count.
ACTIONS = ("unit_picked", "step_picked")
#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 240)
LSTM_STRIPS = ("f", "i", "o", "g", "c", "h")
RNN_STRIPS = ("h_prev", "h")


def spec() -> ViewSpec:
    """The cell with its gates, for the character models."""
    return ViewSpec("lstm_cell", lambda: QCoreApplication.translate("CellPanel", "The LSTM cell"), CellPanel,
                    MINIMUM, is_char_model, rank=3, actions=ACTIONS)


class CellPicture(QWidget):
    """The diagram (boxes and paths with the chosen unit's values) above the strips of every unit."""

    def __init__(self, owner: CellPanel) -> None:
        super().__init__()
        self.owner = owner
        self.setObjectName("cell_picture")
        self.values: dict[str, np.ndarray] | None = None
        self.kind = "lstm"
        self.unit = 0
        self.empty = ""
        self.strip_rects: dict[str, QRectF] = {}
        self.setMinimumSize(340, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 330)

    def set_values(self, kind: str, values: dict[str, np.ndarray] | None, unit: int, empty: str) -> None:
        """The step's values per unit (None: nothing yet, say `empty`), the unit to draw."""
        self.kind, self.values, self.unit, self.empty = kind, values, unit, empty
        self.update()

    def strips(self) -> tuple[str, ...]:
        """The strips drawn under the diagram."""
        return LSTM_STRIPS if self.kind == "lstm" else RNN_STRIPS

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position()
        for rect in self.strip_rects.values():
            if rect.contains(point) and self.values is not None:
                units = len(self.values["h"])
                self.owner.pick_unit(min(units - 1, int((point.x() - rect.left()) / rect.width() * units)))
                return
        super().mousePressEvent(event)

    # -- painting ---------------------------------------------------------------------------------------------
    def _box(self, painter: QPainter, rect: QRectF, name: str, value: float | None, scale: float = 1.0) -> None:
        c = colours()
        fill = c.surface if value is None or not math.isfinite(value) else signed_colour(value, scale)
        painter.setBrush(fill)
        painter.setPen(QPen(c.node_border, 1.2))
        painter.drawRoundedRect(rect, 5, 5)
        strong = value is not None and math.isfinite(value) and abs(value) / scale > 0.6
        painter.setPen(Qt.GlobalColor.white if strong else c.text)
        text = name if value is None else f"{name}\n{num(value, 3)}"
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _op(self, painter: QPainter, centre: QPointF, symbol: str) -> None:
        c = colours()
        painter.setBrush(c.surface)
        painter.setPen(QPen(c.node_border, 1.2))
        painter.drawEllipse(centre, 9, 9)
        painter.setPen(c.text)
        painter.drawText(QRectF(centre.x() - 9, centre.y() - 9, 18, 18), Qt.AlignmentFlag.AlignCenter, symbol)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), c.surface)
        painter.setFont(number_font(8))
        metrics = painter.fontMetrics()
        line = metrics.height()
        values = self.values
        if values is None:
            painter.setPen(c.muted)
            painter.drawText(self.rect().adjusted(8, 8, -8, -8), Qt.AlignmentFlag.AlignCenter |
                             Qt.TextFlag.TextWordWrap, self.empty)
            painter.end()
            return
        strips = self.strips()
        strip_h = max(5.0, min(12.0, self.height() * 0.3 / len(strips)))
        diagram = QRectF(0, 0, self.width(), self.height() - len(strips) * (strip_h + 2) - 6)
        u = self.unit

        def value(name: str) -> float | None:
            return float(values[name][u]) if name in values else None

        if self.kind == "lstm":
            self._lstm(painter, diagram, value, line)
        else:
            self._rnn(painter, diagram, value, line)
        label_w = metrics.horizontalAdvance("h_prev ") + 4
        y = diagram.bottom() + 4
        self.strip_rects = {}
        for name in strips:
            row = np.asarray(values[name], dtype=float)
            scale = scale_for(row) if name == "c" else 1.0
            rect = QRectF(label_w, y, self.width() - label_w - 6, strip_h)
            painter.drawImage(rect, to_qimage(signed_rgba(row[None, :], scale)))
            painter.setPen(c.text)
            painter.drawText(QRectF(2, y - 2, label_w - 4, strip_h + 4), Qt.AlignmentFlag.AlignRight |
                             Qt.AlignmentFlag.AlignVCenter, name)
            x = rect.left() + (u + 0.5) * rect.width() / len(row)
            painter.setPen(QPen(c.text, 1.5))
            painter.drawLine(QPointF(x, y - 2), QPointF(x, y + strip_h + 1))
            self.strip_rects[name] = rect
            y += strip_h + 2
        painter.end()

    def _lstm(self, painter: QPainter, area: QRectF, value: Any, line: float) -> None:
        c = colours()
        w = area.width()
        box_w = min(76.0, w / 7)
        box_h = min(40.0, max(2.1 * line, area.height() / 4.4))
        y_c = area.top() + box_h * 0.5 + 2  # the cell-state line
        y_in = area.bottom() - line * 0.5 - 2  # the inputs every gate reads: x and h_prev
        y_gate = y_in - line * 0.5 - 4 - box_h / 2
        y_mid = (y_c + y_gate - box_h / 2) / 2
        xs = [area.left() + w * k for k in (0.30, 0.45, 0.60, 0.76)]  # f, i, g, o
        x_out = xs[3] + box_w * 0.75
        times_f, plus, times_ig = QPointF(xs[0], y_c), QPointF((xs[1] + xs[2]) / 2, y_c), QPointF(
            (xs[1] + xs[2]) / 2, y_mid)
        times_o = QPointF(x_out, y_mid)
        end_w = min(box_w * 0.95, w * 0.14)
        painter.setPen(QPen(c.muted, 1.5))
        painter.drawLine(QPointF(area.left() + end_w, y_c), QPointF(area.right() - end_w, y_c))
        painter.drawLine(QPointF(xs[0], y_gate - box_h / 2), times_f)
        painter.drawLine(QPointF(xs[1], y_gate - box_h / 2), times_ig)
        painter.drawLine(QPointF(xs[2], y_gate - box_h / 2), times_ig)
        painter.drawLine(times_ig, plus)
        painter.drawLine(QPointF(x_out, y_c), times_o)
        painter.drawLine(QPointF(xs[3], y_gate - box_h / 2), times_o)
        h_box = QRectF(area.right() - end_w, y_gate - box_h * 0.45, end_w - 2, box_h * 0.9)  # h beside the gates
        painter.drawLine(times_o, QPointF(h_box.center().x(), y_mid))
        painter.drawLine(QPointF(h_box.center().x(), y_mid), QPointF(h_box.center().x(), h_box.top()))
        painter.drawLine(QPointF(xs[0] - box_w / 2, y_in), QPointF(xs[3], y_in))
        for x in xs:
            painter.drawLine(QPointF(x, y_gate + box_h / 2), QPointF(x, y_in))
        for op, symbol in ((times_f, "×"), (plus, "+"), (times_ig, "×"), (times_o, "×")):
            self._op(painter, op, symbol)
        painter.setPen(c.muted)
        painter.drawText(QRectF(x_out + 4, (y_c + y_mid) / 2 - line / 2, 40, line), Qt.AlignmentFlag.AlignLeft,
                         "tanh")
        h_prev = value("h_prev")
        painter.drawText(QRectF(area.left() + 2, y_in - line / 2 - 1, xs[0] - box_w / 2 - area.left() - 4, line),
                         Qt.AlignmentFlag.AlignRight, f"h_prev {num(h_prev, 3) if h_prev is not None else ''}")
        for x, (name, symbol) in zip(xs, (("f", "σ"), ("i", "σ"), ("g", "tanh"), ("o", "σ")), strict=True):
            self._box(painter, QRectF(x - box_w / 2, y_gate - box_h / 2, box_w, box_h), f"{symbol} {name}",
                      value(name))
        c_prev, c_now = value("c_prev"), value("c")
        scale = max(scale_for(np.array([c_prev or 0.0, c_now or 0.0])), 1.0)
        self._box(painter, QRectF(area.left() + 2, y_c - box_h * 0.45, end_w - 2, box_h * 0.9), "c_prev", c_prev,
                  scale)
        self._box(painter, QRectF(area.right() - end_w, y_c - box_h * 0.45, end_w - 2, box_h * 0.9), "c", c_now,
                  scale)
        self._box(painter, h_box, "h", value("h"))

    def _rnn(self, painter: QPainter, area: QRectF, value: Any, line: float) -> None:
        c = colours()
        w, h = area.width(), area.height()
        box_w, box_h = min(110.0, w / 4), max(2.2 * line, min(50.0, h / 2.5))
        y = area.center().y()
        xs = [area.left() + w * k for k in (0.12, 0.5, 0.86)]
        painter.setPen(QPen(c.muted, 1.5))
        painter.drawLine(QPointF(xs[0], y), QPointF(xs[2], y))
        self._box(painter, QRectF(xs[0] - box_w / 2, y - box_h / 2, box_w, box_h), "h_prev", value("h_prev"))
        self._box(painter, QRectF(xs[1] - box_w / 2, y - box_h / 2, box_w, box_h), "σ(W_ih·x + W_hh·h + b)", None)
        self._box(painter, QRectF(xs[2] - box_w / 2, y - box_h / 2, box_w * 0.8, box_h), "h", value("h"))


class CellPanel(LiveView):
    """Stream, step and unit to show; the picture; the arithmetic of the chosen unit in one line."""

    REPAINT_MS = 50

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "lstm_cell", parent)
        self.values: dict[str, np.ndarray] | None = None
        bar = QWidget()
        flow = FlowLayout(bar, spacing=6)
        self.captions = {name: QLabel() for name in ("stream", "step", "unit")}
        self.stream, self.step, self.unit = QSpinBox(), QSpinBox(), QSpinBox()
        for name, box in (("stream", self.stream), ("step", self.step), ("unit", self.unit)):
            box.setObjectName(f"cell_{name}")
            box.setKeyboardTracking(False)
            holder = QWidget()
            row = FlowLayout(holder, spacing=3)
            row.addWidget(self.captions[name])
            row.addWidget(box)
            flow.addWidget(holder)
        self.stream.setRange(1, 16)
        self.step.setRange(-1, 24)
        self.step.setValue(-1)
        self.stream.valueChanged.connect(self.schedule)
        self.step.valueChanged.connect(self._on_step_value_changed)
        self.unit.valueChanged.connect(self._on_unit_value_changed)
        self.picture = CellPicture(self)
        self.read = muted_label("cell_reading")
        self.read.setFont(number_font(8))
        self.sum = muted_label("cell_sum")
        self.sum.setFont(number_font(8))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(bar)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.read)
        layout.addWidget(self.sum)
        self.run_changed(True)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.captions["stream"].setText(self.tr("stream"))
        self.captions["step"].setText(self.tr("step t"))
        self.captions["unit"].setText(self.tr("unit"))
        self.step.setSpecialValueText(self.tr("latest"))
        self.step.setToolTip(self.tr("The time step of the batch to show (latest: the one just computed)"))
        self.unit.setToolTip(self.tr("The unit whose values the cell shows (or click a strip)"))
        spoken(self.stream, self.tr("Stream"))
        spoken(self.step, self.tr("Time step"))
        spoken(self.unit, self.tr("Unit"))
        self.setAccessibleName(self.tr("The LSTM cell"))
        self.refresh()

    def run_changed(self, fresh: bool) -> None:
        exp = self.runner.experiment
        if fresh and is_char_model(exp):
            self.stream.setRange(1, exp.streams)
            self.step.setRange(-1, exp.bptt - 1)
            self.unit.setRange(0, exp.net.hidden - 1)

    def pick_unit(self, unit: int) -> None:
        """Show another unit (a click on a strip)."""
        self.unit.setValue(unit)

    def _on_unit_value_changed(self, *_: Any) -> None:
        self.acted.emit("unit_picked")
        self.schedule()

    def _on_step_value_changed(self, *_: Any) -> None:
        self.acted.emit("step_picked")
        self.schedule()

    def refresh(self) -> None:
        """Read the chosen step's values and redraw."""
        exp = self.runner.experiment
        if not is_char_model(exp):
            self.values = None
            self.picture.set_values("lstm", None, 0, self.tr("This view shows the cell of chapter 14's character "
                                                             "models."))
            self.read.setText("")
            self.sum.setText("")
            return
        t = None if self.step.value() < 0 else self.step.value()
        try:
            self.values = exp.cell_values(self.stream.value() - 1, t)
        except ParamError:
            self.values = None  # that step is not computed yet in the open batch
        empty = self.tr("Phase-step (Shift+→) through a batch: the cell fills with the values of each step.")
        if t is not None and self.values is None and exp.steps:
            empty = self.tr("Step {0} is not computed yet in this batch.").format(t)
        self.picture.set_values(exp.kind, self.values, self.unit.value(), empty)
        self.read.setText(self.reading_text())
        self.sum.setText(self.sum_text())

    def shown_step(self) -> int | None:
        """The time step the values belong to."""
        exp = self.runner.experiment
        if self.values is None or not exp.steps:
            return None
        return len(exp.steps) - 1 if self.step.value() < 0 else self.step.value()

    def reading_text(self) -> str:
        """Which character the shown step read, its target and what the network predicted."""
        exp = self.runner.experiment
        t = self.shown_step()
        if t is None or exp.step_inputs is None:
            return ""
        s = self.stream.value() - 1
        assert self.values is not None
        predicted = exp.vocab[int(np.argmax(self.values["logits"]))]
        return self.tr("Batch {0}, stream {1}, t = {2}: reads {3}, should predict {4}, predicts {5}").format(
            (exp.batch_index or 0) + 1, s + 1, t, repr(shown_char(exp.vocab[int(exp.step_inputs[s, t])])),
            repr(shown_char(exp.vocab[int(exp.step_targets[s, t])])), repr(shown_char(predicted)))

    def sum_text(self) -> str:
        """The chosen unit's arithmetic: c = f·c_prev + i·g and h = o·tanh(c) (LSTM)."""
        v = self.values
        if v is None or "f" not in v:
            return "" if v is None else self.tr("unit {0}: h_prev = {1} → h = {2}").format(
                self.unit.value(), num(v["h_prev"][self.unit.value()], 3), num(v["h"][self.unit.value()], 3))
        u = self.unit.value()
        return (f"c = f·c_prev + i·g = {num(v['f'][u], 3)}·{num(v['c_prev'][u], 3)} + {num(v['i'][u], 3)}·"
                f"{num(v['g'][u], 3)} = {num(v['c'][u], 3)} · h = o·tanh(c) = {num(v['o'][u], 3)}·"
                f"{num(math.tanh(v['c'][u]), 3)} = {num(v['h'][u], 3)}")

    def describe(self) -> str:
        """A text alternative: the character and the chosen unit's arithmetic, and the mean forget gate."""
        parts = [self.tr("The cell."), self.read.text(), self.sum.text()]
        if self.values is not None and "f" in self.values:
            parts.append(self.tr("Mean forget gate over the units: {0}.").format(num(float(np.mean(
                self.values["f"])), 3)))
        return " ".join(p for p in parts if p)


if __name__ == "__main__":  # python -m desktop.views.lstm.lstm_cell [experiment id]
    from desktop.views import preview

    preview(CellPanel, "ch14.char-lstm", (760, 460))
