"""A calm palette that follows the system's light or dark scheme; colours for signs and series."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette


@dataclass(frozen=True)
class Colours:
    """Named colours of the application (blue/orange pair is safe for colour-blind readers)."""

    background: QColor
    surface: QColor
    text: QColor
    muted: QColor
    grid: QColor
    positive: QColor
    negative: QColor
    accent: QColor
    error: QColor
    warning_bg: QColor
    node: QColor
    node_border: QColor


LIGHT = Colours(
    background=QColor("#f7f6f2"), surface=QColor("#ffffff"), text=QColor("#2b2d33"), muted=QColor("#7a7d85"),
    grid=QColor("#e3e1da"), positive=QColor("#2f6db5"), negative=QColor("#d2691e"), accent=QColor("#3a8f6e"),
    error=QColor("#8e3b91"), warning_bg=QColor("#fff3dc"), node=QColor("#ffffff"), node_border=QColor("#9aa0aa"),
)
DARK = Colours(
    background=QColor("#1f2126"), surface=QColor("#272a30"), text=QColor("#e6e6e3"), muted=QColor("#9a9ea6"),
    grid=QColor("#363a42"), positive=QColor("#6ea8ec"), negative=QColor("#f0a050"), accent=QColor("#5cc49a"),
    error=QColor("#d08fe0"), warning_bg=QColor("#4a3a1e"), node=QColor("#2f333a"), node_border=QColor("#6b717b"),
)


def is_dark() -> bool:
    """True when the system (or the application palette) is dark."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colours() -> Colours:
    """The colours for the current scheme."""
    return DARK if is_dark() else LIGHT


def palette() -> QPalette:
    """An application palette built from `colours()`."""
    c = colours()
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, c.background)
    pal.setColor(QPalette.ColorRole.Base, c.surface)
    pal.setColor(QPalette.ColorRole.AlternateBase, c.background)
    pal.setColor(QPalette.ColorRole.Text, c.text)
    pal.setColor(QPalette.ColorRole.WindowText, c.text)
    pal.setColor(QPalette.ColorRole.ButtonText, c.text)
    pal.setColor(QPalette.ColorRole.Button, c.surface)
    pal.setColor(QPalette.ColorRole.ToolTipBase, c.surface)
    pal.setColor(QPalette.ColorRole.ToolTipText, c.text)
    pal.setColor(QPalette.ColorRole.PlaceholderText, c.muted)
    pal.setColor(QPalette.ColorRole.Highlight, c.positive)
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.Link, c.positive)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, c.muted)
    return pal


def number_font(point_size: float | None = None) -> QFont:
    """A fixed-pitch font so that changing numbers keep their width and nothing jumps."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if point_size:
        font.setPointSizeF(point_size)
    return font
