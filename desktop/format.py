"""Numbers for people: a few significant digits, a real minus sign, exact values for tooltips."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def num(value: Any, digits: int = 4) -> str:
    """A short form of a number (or list of numbers): `digits` significant digits, typographic minus."""
    if value is None:
        return "–"
    if isinstance(value, np.ndarray) or isinstance(value, list | tuple):
        items = np.asarray(value, dtype=float).reshape(-1).tolist()
        if len(items) > 6:
            return "[" + ", ".join(num(v, digits) for v in items[:3]) + f", … ×{len(items)}]"
        return "[" + ", ".join(num(v, digits) for v in items) + "]"
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
