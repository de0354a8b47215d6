"""The federation board: the round stepper above, the owner's card across the top, Bob's, Alice's and Sue's cards
below, and between them the model travelling out and the updates travelling back (drawn encrypted, in grey, when
the aggregation is secure)."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QVBoxLayout, QWidget

from desktop.colour import scale_for, signed_image
from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours
from desktop.views.federated._common import CLIENTS, OWNER, RoundStepper, federated
from desktop.views.federated.board.card import paint_card
from desktop.views.federated.board.model import Board, board_of, strips_scale
from desktop.views.federated.board.texts import BoardTexts
from desktop.widgets import ElidedLabel

REPAINT_MS = 40
GAP = 8
#: Height of the band between the owner and the clients where the flows are drawn.
FLOW_BAND = (26, 44)


class BoardCanvas(QWidget):
    """Draws a Board: the owner's card, the three clients' cards, the flows."""

    def __init__(self, texts: BoardTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("federation_canvas")
        self.texts = texts
        self.board: Board | None = None
        self.scale = 1.0
        self.rects: dict[str, dict[str, QRectF]] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(300, 150)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 320)

    def set_board(self, board: Board | None) -> None:
        """Draw this board (None: an experiment without rounds)."""
        self.board = board
        self.scale = scale_for(strips_scale(board)) if board is not None else 1.0
        self.update()

    def layout_rects(self) -> dict[str, QRectF]:
        """Where each card goes at the current size."""
        area = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        band = min(max(area.height() * 0.18, FLOW_BAND[0]), FLOW_BAND[1])
        owner_h = (area.height() - band) * 0.42
        out = {OWNER: QRectF(area.left(), area.top(), area.width(), owner_h)}
        width = (area.width() - 2 * GAP) / 3
        top = area.top() + owner_h + band
        for k, name in enumerate(CLIENTS):
            out[name] = QRectF(area.left() + k * (width + GAP), top, width, area.bottom() - top)
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter)
        painter.end()

    def paint(self, painter: QPainter) -> None:
        """Draw the board with `painter` (also for exports)."""
        c = colours()
        painter.fillRect(self.rect(), c.background)
        board = self.board
        if board is None:
            painter.setPen(c.muted)
            painter.drawText(QRectF(self.rect()).adjusted(8, 8, -8, -8), Qt.TextFlag.TextWordWrap, self.texts.empty())
            return
        rects = self.layout_rects()
        owner_rect = rects[OWNER]
        for name in CLIENTS:
            self._flow(painter, owner_rect, rects[name], name, board)
        self.rects = {}
        for key, rect in rects.items():
            card = board.cards[key]
            title = self.texts.round_title(board) if key == OWNER else self.texts.names.name(key)
            active = key == board.active or (key == OWNER and (board.averaged or bool(board.stage)))
            self.rects[key] = paint_card(painter, rect, card, title, self.texts.state(card, board),
                                         self.texts.lines(card), self.scale, active)

    def _flow(self, painter: QPainter, owner: QRectF, client: QRectF, name: str, board: Board) -> None:
        """The link between the owner and one client, lit in the direction something travels."""
        c = colours()
        x = client.center().x()
        top, bottom = owner.bottom(), client.top()
        direction = board.flows.get(name, "")
        if not direction:
            painter.setPen(QPen(c.grid, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            return
        colour = c.accent if direction == "out" else (c.muted if board.encrypted else c.positive)
        painter.setPen(QPen(colour, 2))
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        tip, sign = (QPointF(x, bottom), -1) if direction == "out" else (QPointF(x, top), 1)
        head = QPolygonF([tip, QPointF(x - 5, tip.y() + 8 * sign), QPointF(x + 5, tip.y() + 8 * sign)])
        painter.setBrush(colour)
        painter.drawPolygon(head)
        label = self.texts.flow(direction, board.encrypted)
        metrics = painter.fontMetrics()
        middle = (top + bottom) / 2
        packet = QRectF(x + 6, middle - 4, 28, 8)
        if direction == "back":  # the update travelling: its own colours, or grey when encrypted
            strip = board.cards[name].strip
            if board.encrypted or strip is None:
                painter.fillRect(packet, c.grid)
            else:
                painter.drawImage(packet, signed_image(strip.reshape(1, -1), self.scale))
            painter.setPen(QPen(c.node_border, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(packet)
        painter.setPen(colour)
        painter.drawText(QRectF(packet.right() + 4, middle - metrics.height() / 2, 120, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(QPointF(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tip_at(self, point: QPointF) -> str:
        """The tooltip of what lies under `point` (a card's chart or strip)."""
        for key, parts in self.rects.items():
            if parts["strip"].adjusted(0, -3, 0, 3).contains(point):
                return self.texts.strip_tip(key)
            if parts["chart"].contains(point):
                return self.texts.chart_tip(key)
        return ""


class BoardPanel(QWidget):
    """The federation board of the current run, live; `acted` reports round steps (ACTIONS)."""

    acted = Signal(str)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("federation")
        self.texts = BoardTexts(self)
        self.stepper = RoundStepper(runner)
        self.stepper.acted.connect(self.acted)
        self.canvas = BoardCanvas(self.texts)
        self.note = ElidedLabel()
        self.note.setObjectName("federation_note")
        self.note.setStyleSheet(f"color: {colours().muted.name()}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.stepper)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.note)
        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        for signal in (runner.advanced, runner.phase_stepped, runner.tested, runner.rewound):
            signal.connect(self._repaint.schedule)
        runner.reset_done.connect(self.refresh)
        runner.experiment_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.stepper.retranslate()
        self.canvas.setAccessibleName(self.texts.title())
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def board(self) -> Board | None:
        """The board of the run as it is now (None for an experiment without rounds)."""
        exp = self.runner.experiment
        if not federated(exp):
            return None
        work = getattr(exp, "work", None)
        return board_of(exp, work.stage if work is not None and self.runner.mid_iteration else "")

    def refresh(self, *_: Any) -> None:
        """Read the run and redraw."""
        board = self.board()
        self.canvas.set_board(board)
        if board is None:
            self.note.setText("")
        else:
            parts = [self.texts.scale(self.canvas.scale)] if strips_scale(board) > 0 else []
            self.note.setText(" · ".join([*parts, self.texts.names.data_note(self.runner.experiment)]))
        self.stepper.update_status()
        text = self.describe()
        self.canvas.setAccessibleDescription(text)
        self.setAccessibleDescription(text)

    def describe(self) -> str:
        """A text alternative of the board."""
        board = self.canvas.board
        return self.texts.empty() if board is None else self.texts.describe(board)

    def export_source(self) -> QWidget:
        """File → Export view draws the board itself (without the buttons)."""
        return self.canvas

    def update_strip(self, key: str) -> np.ndarray | None:
        """The update strip a card shows now (for tests and tooltips)."""
        board = self.canvas.board
        return None if board is None else board.cards[key].strip
