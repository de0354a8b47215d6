"""Turning records into JSON-ready values and short readable text."""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def jsonable(value: Any) -> Any:
    """Plain Python values (floats, ints, bools, nested lists) for json.dumps; floats keep full precision."""
    if isinstance(value, np.ndarray):
        return jsonable(value.tolist())
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value)
    return value


def strict_json(value: Any) -> Any:
    """`jsonable(value)` with every non-finite float written as a string, "NaN", "Infinity" or "-Infinity" (the
    convention of protobuf's JSON mapping), so that `json.dumps(..., allow_nan=False)` always succeeds."""
    value = jsonable(value)
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
    if isinstance(value, dict):
        return {k: strict_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [strict_json(v) for v in value]
    return value


def short(value: Any, digits: int = 6) -> str:
    """A compact human-readable form: 6 significant digits, lists in brackets, long arrays elided."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        return f"{float(value):.{digits}g}"
    if isinstance(value, list | tuple):
        items = list(value)
        if len(items) > 6:
            return "[" + ", ".join(short(v, digits) for v in items[:3]) + f", … ({len(items)} values)]"
        return "[" + ", ".join(short(v, digits) for v in items) + "]"
    return str(value)
