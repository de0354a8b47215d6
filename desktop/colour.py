"""One colour and scale service for every view: a value gets the same colour in the diagram, the weight tiles, the
kernels, the digit strip and every heat map.

Signed values use one diverging map: the surface colour at 0, blue towards +scale, orange towards −scale (a pair
that colour-blind readers tell apart), linear in |value| / scale, in LEVELS steps on each side. Beyond the scale
(±inf included) a value takes the full colour of its sign; NaN and values a view greys out (a dropped unit) take the
grid grey. The scale of a matrix is `scale_for(values)`: the largest |finite value| rounded up to 1, 2 or 5 times a
power of ten, so that a scale changes only now and then while the values creep up (`StableScale` keeps one).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QColor, QImage

from desktop.theme import colours

#: Steps of colour on each side of zero: the table has 2 * LEVELS + 1 signed entries and one grey.
LEVELS = 255
GREY = 2 * LEVELS + 1

_lut_cache: dict[tuple[int, ...], np.ndarray] = {}


def rgb(colour: QColor) -> np.ndarray:
    """A colour as three floats 0-255."""
    return np.array(colour.getRgb()[:3], dtype=float)


def signed_lut() -> np.ndarray:
    """(2 * LEVELS + 2, 4) uint8 colours: entry LEVELS + k is the value k / LEVELS of full scale (orange below
    zero, the surface at zero, blue above); the last entry is the grey of NaN and greyed-out values."""
    c = colours()
    key = tuple(q.rgb() for q in (c.surface, c.positive, c.negative, c.grid))
    lut = _lut_cache.get(key)
    if lut is None:
        k = np.arange(-LEVELS, LEVELS + 1)
        t = (np.abs(k) / LEVELS)[:, None]
        surface = rgb(c.surface)
        toward = np.where((k >= 0)[:, None], rgb(c.positive), rgb(c.negative))
        lut = np.empty((2 * LEVELS + 2, 4), dtype=np.uint8)
        lut[:-1, :3] = np.round(surface + (toward - surface) * t)
        lut[-1, :3] = rgb(c.grid)
        lut[:, 3] = 255
        lut.setflags(write=False)
        _lut_cache.clear()
        _lut_cache[key] = lut
    return lut


def nice_ceiling(value: float) -> float:
    """The smallest of ..., 0.1, 0.2, 0.5, 1, 2, 5, 10, ... that is >= value (1 for 0, NaN or infinity)."""
    if not math.isfinite(value) or value <= 0:
        return 1.0
    step = 10.0 ** math.floor(math.log10(value))
    for m in (1, 2, 5, 10):
        if m * step >= value * (1 - 1e-12):
            return m * step
    return 10 * step


def scale_for(values: np.ndarray | float) -> float:
    """The colour scale of a set of values: their largest |finite value|, rounded up by `nice_ceiling`."""
    v = np.abs(np.asarray(values, dtype=float))
    finite = v[np.isfinite(v)]
    return nice_ceiling(float(finite.max())) if finite.size else 1.0


def signed_index(values: np.ndarray, scale: float, greyed: np.ndarray | None = None) -> np.ndarray:
    """Each value's entry in `signed_lut()` for a colour scale (values beyond it saturate; NaN and `greyed` grey)."""
    scale = scale if scale > 0 and math.isfinite(scale) else 1.0
    v = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        index = np.rint(np.clip(v / scale, -1.0, 1.0) * LEVELS)
    nan = np.isnan(index)
    index = np.where(nan, 0.0, index).astype(np.intp) + LEVELS
    index[nan] = GREY
    if greyed is not None:
        index[np.asarray(greyed, dtype=bool)] = GREY
    return index


def signed_rgba(values: np.ndarray, scale: float | None = None, greyed: np.ndarray | None = None) -> np.ndarray:
    """(..., 4) uint8 colours of signed values on a scale (default `scale_for(values)`)."""
    return signed_lut()[signed_index(values, scale_for(values) if scale is None else scale, greyed)]


def signed_colour(value: float, scale: float) -> QColor:
    """The colour of one value on a scale, as a QColor (for pens and brushes)."""
    r, g, b, _ = signed_rgba(np.array([value]), scale)[0]
    return QColor(int(r), int(g), int(b))


def sign_colour(value: float) -> QColor:
    """The full colour of a value's sign (blue for >= 0, orange below): for lines whose width shows the size."""
    c = colours()
    return c.negative if value < 0 else c.positive


def mix(base: QColor, toward: QColor, t: float) -> QColor:
    """The colour a fraction t (0..1) of the way from base to toward (for shares: the confusion matrix)."""
    t = min(max(t, 0.0), 1.0)
    return QColor(round(base.red() + (toward.red() - base.red()) * t),
                  round(base.green() + (toward.green() - base.green()) * t),
                  round(base.blue() + (toward.blue() - base.blue()) * t))


def to_qimage(rgba: np.ndarray) -> QImage:
    """A QImage that owns a copy of an (h, w, 4) uint8 array."""
    data = np.ascontiguousarray(rgba, dtype=np.uint8)
    h, w = data.shape[:2]
    return QImage(data.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def signed_image(values: np.ndarray, scale: float | None = None, greyed: np.ndarray | None = None) -> QImage:
    """A 2-D array of signed values as an image, one pixel per value."""
    return to_qimage(signed_rgba(values, scale, greyed))


class StableScale:
    """A symmetric colour scale that grows to `nice_ceiling` of the largest |value| when a value exceeds it, and
    otherwise stays put (so colours do not flicker as values creep); `reset()` for a new run."""

    def __init__(self) -> None:
        self.value = 0.0

    def update(self, values: np.ndarray | float) -> float:
        """The scale for these values (raised if they exceed it)."""
        needed = scale_for(values)
        if needed > self.value:
            self.value = needed
        return self.value

    def reset(self) -> None:
        """Forget the scale (the next values set it afresh)."""
        self.value = 0.0
