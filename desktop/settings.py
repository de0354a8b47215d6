"""Settings with their defaults in one place and a schema version; tests point QSettings at tmp_path."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SCHEMA_VERSION = 1
ORGANIZATION = "GrokkingLab"
APPLICATION = "Grokking Lab"

DEFAULTS: dict[str, Any] = {
    "run/experiment": "ch04.gradient-descent",
    "run/speed_index": 2,  # 5 iterations per second (desktop.runner.SPEEDS)
    "plot/log_y": False,
    "ui/language": "",  # "" follows the system locale, else "en" or "ru"
    "course/page": "",  # the page the learner left, e.g. "ch04/alpha"
    "course/done": [],  # met tasks, e.g. ["ch04/alpha/tame-it"]
    "data/folder": "",  # a data folder the learner chose ("" = $GROKKING_DATA and the user cache only)
    "layout/chapters": "",  # JSON: the learner's own arrangement of views per chapter (desktop/workspace.py)
}


class Settings:
    """Typed access to QSettings; unknown or damaged values fall back to the defaults."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                        ORGANIZATION, APPLICATION)
        if self.q.value("schema", 0, int) != SCHEMA_VERSION:
            self.q.clear()
            self.q.setValue("schema", SCHEMA_VERSION)

    def get(self, key: str) -> Any:
        """The stored value of `key`, converted to its default's type."""
        default = DEFAULTS[key]
        value = self.q.value(key, default)
        try:
            if isinstance(default, list):  # QSettings gives a str for a one-item list, None for empty
                if value is None or value == "":
                    return []
                return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]
            if isinstance(default, bool):
                return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
            return type(default)(value)
        except (TypeError, ValueError):
            return default

    def set(self, key: str, value: Any) -> None:
        """Store `value` under `key`."""
        self.q.setValue(key, value)

    def geometry(self, key: str) -> QByteArray | None:
        """Saved window geometry or dock state, if any."""
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def sync(self) -> None:
        """Write to disk now."""
        self.q.sync()
