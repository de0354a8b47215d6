"""What the diagram's pictures share: sizes, the selection, and how numbers are written."""

from __future__ import annotations

import math

from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
)

from desktop.format import num

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
