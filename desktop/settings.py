"""Settings with their defaults in one place and a schema version, in a file this module reads and writes itself.

QSettings is not used to read or write values: PySide's QSettings turns `@Variant(...)` values of an INI file into
Python objects by unpickling them, so a settings file could run code (or crash Qt) at start. Here the INI text is
parsed by hand and every value is a plain JSON literal (a string, number, boolean or list of strings); nothing in
the file can become anything else. The file is the one QSettings used (`GrokkingLab/Grokking Lab.ini` in the
user's configuration folder), so earlier versions' settings are found and migrated.

- A value of the wrong type, outside its range or unknown to its list of choices falls back to its default, and
  `problems` says so (the app prints them as warnings).
- A file of another schema version (an older one written by QSettings, a newer one, or a damaged one) is first
  copied aside as `<file>.schema-N.bak` / `<file>.damaged.bak`, then whatever can be read of it is carried over:
  course progress is never erased.
- Writes are atomic (a temporary file beside it, then rename); a failed write keeps the old file.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import os
import re
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

SCHEMA_VERSION = 2
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
#: Allowed values of keys that take one of a few (checked on reading and on writing).
CHOICES: dict[str, tuple[Any, ...]] = {"ui/language": ("", "en", "ru")}
#: Allowed ranges of numeric keys, both ends included.
RANGES: dict[str, tuple[float, float]] = {"run/speed_index": (0, 8)}
#: Window geometry and dock state: bytes from Qt, stored as base64 text, at most this many bytes.
GEOMETRY_KEYS = ("window/geometry", "window/state")
MAX_GEOMETRY_BYTES = 256 * 1024
#: Longest string and longest list a setting may hold; largest settings file read.
MAX_TEXT = 4096
MAX_ITEMS = 20000
MAX_FILE_BYTES = 4 * 2**20
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./-]*$")
#: Keys whose strings are ids (an experiment, a page, a task), not free text.
ID_KEYS = ("run/experiment", "course/page", "course/done")


def default_path() -> Path:
    """Where the settings live: the file QSettings used for this organisation and application."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(folder or Path.home() / ".config") / ORGANIZATION / f"{APPLICATION}.ini"


# -- reading INI text ---------------------------------------------------------------------------

def _percent_decode(text: str) -> str:
    """QSettings writes unusual characters of keys as %XX or %UXXXX."""
    def one(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        return chr(int(code, 16))
    return re.sub(r"%U([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})", one, text)


def parse_ini(text: str) -> tuple[dict[str, str], list[str]]:
    """Raw values by full key ("course/done") and the problems met; never interprets a value."""
    values: dict[str, str] = {}
    problems: list[str] = []
    section = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped[0] in ";#":
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            name = _percent_decode(stripped[1:-1].strip())
            section = "" if name == "General" else name.replace("\\", "/").strip("/")
            continue
        key, sep, raw = line.partition("=")
        if not sep or not key.strip():
            problems.append(f"line {number}: not a key=value line")
            continue
        full = _percent_decode(key.strip()).replace("\\", "/").strip("/")
        full = f"{section}/{full}" if section else full
        if full in values:
            problems.append(f"line {number}: {full} is given twice; the first is used")
            continue
        values[full] = raw.strip()
    return values, problems


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", '"': '"', "'": "'",
            "?": "?", "\\": "\\", ";": ";", ",": ","}


def qt_ini_strings(raw: str) -> list[str] | None:
    """The strings of a value as QSettings (schema 1) wrote them: quoted parts, backslash escapes, commas between
    list items. None for values QSettings stored in its own binary form (`@Variant(...)`, `@ByteArray(...)`):
    those are never decoded."""
    if raw.startswith("@") and not raw.startswith("@@"):
        return None
    if raw.startswith("@@"):
        raw = raw[1:]
    items: list[str] = []
    current: list[str] = []
    quoted = False
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            if nxt == "x":
                digits = re.match(r"[0-9A-Fa-f]{1,4}", raw[i + 2:])
                if digits:
                    current.append(chr(int(digits.group(0), 16)))
                    i += 2 + len(digits.group(0))
                    continue
            current.append(_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        elif ch == "," and not quoted:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    items.append("".join(current).strip())
    return items


# -- checking values ------------------------------------------------------------------------------

def check_value(key: str, value: Any) -> Any:
    """`value` as the type of `key`'s default, within its choices and range; ValueError says what is wrong."""
    default = DEFAULTS[key]
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValueError(f"{key} must be true or false (got {value!r:.80})")
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{key} must be a whole number (got {value!r:.80})")
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError(f"{key} must be a number (got {value!r:.80})")
        value = float(value)
    elif isinstance(default, str):
        if not isinstance(value, str) or len(value) > MAX_TEXT or "\0" in value:
            raise ValueError(f"{key} must be a text of at most {MAX_TEXT} characters (got {value!r:.80})")
        if key in ID_KEYS and value and not _ID.match(value):
            raise ValueError(f"{key} must be an id (got {value!r:.80})")
    elif isinstance(default, list):
        if not isinstance(value, list) or len(value) > MAX_ITEMS:
            raise ValueError(f"{key} must be a list of at most {MAX_ITEMS} texts (got {value!r:.80})")
        for item in value:
            if not isinstance(item, str) or len(item) > MAX_TEXT or (key in ID_KEYS and not _ID.match(item)):
                raise ValueError(f"{key} holds an item that is not {'an id' if key in ID_KEYS else 'a text'}: "
                                 f"{item!r:.80}")
        value = list(value)
    choices = CHOICES.get(key)
    if choices is not None and value not in choices:
        raise ValueError(f"{key} must be one of {', '.join(repr(c) for c in choices)} (got {value!r:.80})")
    bounds = RANGES.get(key)
    if bounds is not None and not bounds[0] <= value <= bounds[1]:
        raise ValueError(f"{key} must be from {bounds[0]} to {bounds[1]} (got {value!r})")
    return value


def _from_qt(key: str, raw: str) -> Any:
    """A schema-1 value (written by QSettings) as a plain value for `key`; ValueError if it cannot be one."""
    strings = qt_ini_strings(raw)
    if strings is None:
        raise ValueError(f"{key}: a binary value ({raw[:20]}…) is not read")
    default = DEFAULTS[key]
    if isinstance(default, list):
        return check_value(key, [s for s in strings if s] if strings != [""] else [])
    if len(strings) != 1:
        raise ValueError(f"{key}: one value expected, not a list")
    text = strings[0]
    if isinstance(default, bool):
        low = text.lower()
        if low not in ("true", "false", "1", "0"):
            raise ValueError(f"{key} must be true or false (got {text!r:.80})")
        return low in ("true", "1")
    if isinstance(default, int):
        if not re.fullmatch(r"[+-]?\d{1,9}", text):
            raise ValueError(f"{key} must be a whole number (got {text!r:.80})")
        return check_value(key, int(text))
    if isinstance(default, float):
        try:
            return check_value(key, float(text))
        except ValueError:
            raise ValueError(f"{key} must be a number (got {text!r:.80})") from None
    return check_value(key, text)


def _from_json(key: str, raw: str) -> Any:
    """A schema-2 value (a JSON literal) for `key`; ValueError if it is not a valid one."""
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        raise ValueError(f"{key}: not a JSON value ({raw[:40]!r})") from None
    return check_value(key, value)


def _geometry_from(raw: str, schema: int) -> str | None:
    """A geometry value as base64 text, or None. Schema-1 geometry was binary (@ByteArray): not carried over."""
    if schema != SCHEMA_VERSION:
        return None
    try:
        text = json.loads(raw)
        data = base64.b64decode(text, validate=True) if isinstance(text, str) else None
    except (ValueError, binascii.Error, RecursionError):
        return None
    if data is None or not 0 < len(data) <= MAX_GEOMETRY_BYTES:
        return None
    return text


class Settings:
    """Typed settings in a file of plain values; unknown or damaged values fall back to the defaults.

    `source` is the settings file (a path), or a QSettings whose file name is used (tests point it at tmp_path);
    None is the user's settings file. `problems` lists what was wrong with the file when it was read.
    """

    def __init__(self, source: str | Path | QSettings | None = None) -> None:
        if isinstance(source, QSettings):
            source = source.fileName()
        self.path = Path(source) if source else default_path()
        self.problems: list[str] = []
        self.values: dict[str, Any] = {}
        self.geometries: dict[str, str] = {}
        self._load()

    # -- reading ----------------------------------------------------------------------------------
    def _warn(self, message: str) -> None:
        self.problems.append(message)
        print(f"settings: {message}", file=sys.stderr)

    def _load(self) -> None:
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        except OSError as exc:
            self._warn(f"cannot read {self.path}: {exc.strerror or exc}; using the defaults")
            return
        try:
            if size > MAX_FILE_BYTES:
                raise ValueError(f"{size} bytes is too large for a settings file")
            data = self.path.read_bytes()
            if b"\0" in data:
                raise ValueError("binary content")
            text = data.decode("utf-8")
        except (OSError, ValueError) as exc:
            self._warn(f"{self.path} is damaged ({exc}); it is kept as a backup and the defaults are used")
            self._back_up("damaged")
            self._write()
            return
        raw, problems = parse_ini(text)
        if not raw and not problems:
            return  # an empty file: nothing to carry over
        for problem in problems:
            self._warn(f"{self.path.name}: {problem}")
        damaged = bool(problems)
        schema_text = raw.pop("schema", None)
        if schema_text is None:
            schema, version = 1, "unversioned"  # before settings had a schema, QSettings wrote them too
        elif re.fullmatch(r"\d{1,6}", schema_text):
            schema = int(schema_text)
            version = f"schema-{schema}"
        else:
            schema, version = SCHEMA_VERSION, "damaged"  # try to read it as ours
            damaged = True
        read_one = _from_json if schema >= SCHEMA_VERSION else _from_qt
        for key, value in raw.items():
            if key in GEOMETRY_KEYS:
                geometry = _geometry_from(value, schema)
                if geometry is not None:
                    self.geometries[key] = geometry
                continue
            if key not in DEFAULTS:
                if schema == SCHEMA_VERSION:
                    self._warn(f"unknown setting {key!r} is ignored")
                    damaged = True
                continue
            try:
                self.values[key] = read_one(key, value)
            except ValueError as exc:
                self._warn(f"{exc}; the default ({DEFAULTS[key]!r}) is used")
                damaged = True
        if schema != SCHEMA_VERSION:
            self._warn(f"{self.path.name} is of another version ({version}); it is kept as a backup and its "
                       "settings are carried over")
            self._back_up(version)
            self._write()
        elif damaged:
            self._back_up("damaged")
            self._write()

    def _back_up(self, what: str) -> Path | None:
        """Copy the file as it is to `<file>.<what>.bak` (a free name); None if that fails."""
        target = self.path.with_name(f"{self.path.name}.{what}.bak")
        number = 2
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.{what}-{number}.bak")
            number += 1
        try:
            target.write_bytes(self.path.read_bytes())
        except OSError as exc:
            self._warn(f"cannot keep a backup of {self.path}: {exc.strerror or exc}")
            return None
        return target

    # -- access -------------------------------------------------------------------------------------
    def get(self, key: str) -> Any:
        """The stored value of `key` (already checked), or its default."""
        value = self.values.get(key, DEFAULTS[key])
        return list(value) if isinstance(value, list) else value

    def set(self, key: str, value: Any) -> None:
        """Store `value` under `key` and write the file; a value that does not fit is refused with a warning."""
        if key in GEOMETRY_KEYS:
            data = bytes(value.data()) if isinstance(value, QByteArray) else bytes(value)
            if not 0 < len(data) <= MAX_GEOMETRY_BYTES:
                self._warn(f"{key}: {len(data)} bytes not stored")
                return
            text = base64.b64encode(data).decode("ascii")
            if self.geometries.get(key) != text:
                self.geometries[key] = text
                self._write()
            return
        if key not in DEFAULTS:
            self._warn(f"unknown setting {key!r} not stored")
            return
        if isinstance(DEFAULTS[key], list) and isinstance(value, tuple):
            value = list(value)
        try:
            value = check_value(key, value)
        except ValueError as exc:
            self._warn(f"{exc}; not stored")
            return
        if self.values.get(key, DEFAULTS[key]) != value or key not in self.values:
            self.values[key] = value
            self._write()

    def geometry(self, key: str) -> QByteArray | None:
        """Saved window geometry or dock state, if any."""
        text = self.geometries.get(key)
        return QByteArray(base64.b64decode(text)) if text else None

    def sync(self) -> None:
        """Write to disk now (every set() already does)."""
        self._write()

    # -- writing ------------------------------------------------------------------------------------
    def text(self) -> str:
        """The file's content: INI sections, each value a JSON literal."""
        groups: dict[str, list[str]] = {}
        entries = {**{k: v for k, v in self.values.items()}, **self.geometries}
        for key in sorted(entries):
            group, _, name = key.rpartition("/")
            groups.setdefault(group or "General", []).append(f"{name}={json.dumps(entries[key], ensure_ascii=False)}")
        lines = ["; Grokking Lab settings. Each value is a JSON literal.", "[General]", f"schema={SCHEMA_VERSION}"]
        lines += groups.pop("General", [])
        for group in sorted(groups):
            lines += ["", f"[{group}]", *groups[group]]
        return "\n".join(lines) + "\n"

    def _write(self) -> bool:
        part = self.path.with_name(f"{self.path.name}.part")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(part, "w", encoding="utf-8") as handle:
                handle.write(self.text())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(part, self.path)
        except OSError as exc:
            try:
                part.unlink(missing_ok=True)
            except OSError:
                pass
            self._warn(f"cannot write {self.path}: {exc.strerror or exc}")
            return False
        return True
