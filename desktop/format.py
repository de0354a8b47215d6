"""Numbers for people: a few significant digits, a real minus sign, exact values for tooltips."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


# Arrays longer than this show their first and last EDGE elements around "…".
SHORT_ARRAY = 6
EDGE = 2


def _row(items: list[float], digits: int) -> str:
    if len(items) > SHORT_ARRAY:
        items_text = [num(v, digits) for v in items[:EDGE]] + ["…"] + [num(v, digits) for v in items[-EDGE:]]
    else:
        items_text = [num(v, digits) for v in items]
    return "[" + ", ".join(items_text) + "]"


def num(value: Any, digits: int = 4) -> str:
    """A short form of a number (or array): `digits` significant digits, typographic minus; a long vector shows its
    first and last elements around "…", a matrix its first and last rows."""
    if value is None:
        return "–"
    if isinstance(value, np.ndarray) or isinstance(value, list | tuple):
        array = np.asarray(value, dtype=float)
        if array.ndim == 2 and min(array.shape) > 1:
            rows = [_row(r.tolist(), digits) for r in array]
            if len(rows) > 3:
                rows = [rows[0], "…", rows[-1]]
            return "[" + ", ".join(rows) + "]"
        return _row(array.reshape(-1).tolist(), digits)
    if isinstance(value, bool):
        return str(value)
    v = float(value)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    if v == 0:
        return "0"
    text = f"{v:.{digits}g}"
    if "e" in text:
        mantissa, exp = text.split("e")
        text = f"{mantissa}×10{str(int(exp)).translate(_SUPERSCRIPT)}"
    return text.replace("-", "−")


def exact(value: Any) -> str:
    """The full-precision value (Python's repr of each float)."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(exact(v) for v in value) + "]"
    if isinstance(value, float | np.floating):
        return repr(float(value))
    return str(value)
