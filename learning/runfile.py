"""A saved run: one file that holds everything a run needs to continue tomorrow, and nothing that can run code.

The file (suffix `.glrun`) is a zip archive with `run.json` and numpy arrays `arrays/<n>.npy`; it is written
atomically (a temporary file beside it, then rename) and read without pickle (`json`, and `np.load` with
`allow_pickle=False`) within fixed limits. `run.json` holds:

    format "grokking-lab-run", version 1, experiment id, seed, start values (the parameters the run started with),
    page (the course page it belongs to, or null), count (iterations done), horizon (the furthest iteration
    known), limit, divergence, changes (the learner's edits by iteration: set_param / set_weight / set_frozen),
    state (Experiment.state() at `count`), snapshots (states at earlier iterations, for rewinding), and the
    history's rows (columns, stride, records known).

Values are tagged JSON: lists and dicts as they are, {"$tuple": [...]}, {"$float": "nan" | "inf" | "-inf"},
{"$array": {...}} for small arrays inline, {"$npy": "arrays/3.npy"} for the others, {"$records": {...}} for a list
of same-shaped records stored column by column, {"$dict": [[key, value], ...]} for dicts with other keys, and
{"$epoch": [k, n]} for the first n records of the k-th list of "epochs" (the records of an unfinished epoch, which
the states kept within that epoch share: written once).

Reading a file never changes anything: `read_run` only returns a `SavedRun`; `learning.runcheck` checks it against a
freshly built experiment before anyone uses it. A damaged, truncated, oversized, newer or hostile file raises
RunFileError with a message for people.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = "grokking-lab-run"
VERSION = 1
SUFFIX = ".glrun"
#: Limits of a file that is read: its size, its members, the size of run.json and of all arrays together.
MAX_FILE_BYTES = 512 * 2**20
MAX_MEMBERS = 20_000
MAX_JSON_BYTES = 64 * 2**20
MAX_ARRAY_BYTES = 512 * 2**20
MAX_ARRAY_ELEMENTS = 32 * 2**20
MAX_DEPTH = 48
MAX_NODES = 4_000_000
#: Arrays of at most this many elements are written inline in run.json.
INLINE = 64
DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64")
_MEMBER = re.compile(r"^arrays/(\d{1,6})\.npy$")


class RunFileError(Exception):
    """A run file that cannot be written or read; the message says why in plain words."""


@dataclass
class SavedRun:
    """A run as saved: plain values and numpy arrays (see the module's docstring for each field)."""

    experiment_id: str
    seed: int | None
    start_values: dict[str, Any]
    state: dict[str, Any]
    count: int
    horizon: int
    changes: dict[int, list[tuple[str, tuple[Any, ...]]]] = field(default_factory=dict)
    snapshots: dict[int, dict[str, Any]] = field(default_factory=dict)
    snapshot_level: int = 0
    iterations: dict[str, np.ndarray] = field(default_factory=dict)
    iteration_stride: int = 1
    epochs: dict[str, np.ndarray] = field(default_factory=dict)
    epoch_stride: int = 1
    limit: int | None = None
    divergence: dict[str, Any] | None = None
    page: str | None = None
    results: dict[str, Any] = field(default_factory=dict)


def capture(experiment: Any, history: Any, snapshots: Any, start_values: dict[str, Any], *, horizon: int | None = None,
            changes: dict[int, list[tuple[str, tuple[Any, ...]]]] | None = None, limit: int | None = None,
            divergence: Any = None, page: str | None = None) -> SavedRun:
    """A SavedRun of an experiment (between iterations) with its learning.history History and Snapshots."""
    tables = [{name: column.view[: table.rows].copy() for name, column in table.columns.items()}
              for table in (history.iteration_table, history.epoch_table)]
    known = None if divergence is None else {
        "iteration": int(divergence.iteration), "error": float(divergence.error), "reason": str(divergence.reason),
        "bound": float(divergence.bound), "facts": {str(k): float(v) for k, v in divergence.facts.items()}}
    state = experiment.state()
    kept = dict(snapshots.states)
    if 0 not in kept and history.count == 0:
        kept[0] = state  # a run not started yet: its state is the one to rewind to
    return SavedRun(
        experiment_id=experiment.id, seed=experiment.seed, start_values=dict(start_values), state=state,
        count=history.count, horizon=history.recorded if horizon is None else horizon,
        changes={k: list(v) for k, v in (changes or {}).items()}, snapshots=kept,
        snapshot_level=snapshots.level, iterations=tables[0], iteration_stride=history.iteration_table.stride,
        epochs=tables[1], epoch_stride=history.epoch_table.stride, limit=limit, divergence=known, page=page,
        results=experiment.results_used())


# -- encoding ---------------------------------------------------------------------------------------------

class _Writer:
    def __init__(self) -> None:
        self.arrays: list[np.ndarray] = []
        self.written: dict[int, tuple[np.ndarray, str]] = {}  # one member for an array that states share
        #: The records of each unfinished epoch the states hold (the longest list; states hold its beginnings,
        #: the same record objects), by the id of its first record.
        self.epochs: list[list[dict[str, Any]]] = []
        self.epoch_of: dict[int, int] = {}

    def share_epochs(self, states: list[dict[str, Any]]) -> None:
        """Find the epoch records the states share: each epoch's are then written once, and a state's list as
        {"$epoch": [which, how many]} (states kept within an epoch would otherwise repeat them, O(n²))."""
        for state in states:
            records = state.get("epoch_records")
            if not (isinstance(records, list) and records and isinstance(records[0], dict)):
                continue
            k = self.epoch_of.get(id(records[0]))
            if k is None:
                self.epoch_of[id(records[0])] = len(self.epochs)
                self.epochs.append(records)
            elif len(records) > len(self.epochs[k]) and _begins(records, self.epochs[k]):
                self.epochs[k] = records

    def epoch_tables(self) -> list[Any]:
        """The shared epochs' records, each written once."""
        return [self.records(records) or [self.value(r) for r in records] for records in self.epochs]

    def array(self, value: np.ndarray) -> dict[str, Any]:
        if value.dtype.name not in DTYPES:
            raise RunFileError(f"cannot save an array of {value.dtype}")
        if value.size <= INLINE:
            data = [self.value(v) for v in value.ravel().tolist()]
            return {"$array": {"dtype": value.dtype.name, "shape": list(value.shape), "data": data}}
        known = self.written.get(id(value))
        if known is not None and known[0] is value:
            return {"$npy": known[1]}
        self.arrays.append(np.ascontiguousarray(value))
        name = f"arrays/{len(self.arrays) - 1}.npy"
        self.written[id(value)] = (value, name)
        return {"$npy": name}

    def value(self, value: Any) -> Any:
        if value is None or isinstance(value, bool | str):
            return value
        if isinstance(value, int):
            return value
        if isinstance(value, float):
            return value if math.isfinite(value) else {"$float": "nan" if math.isnan(value) else
                                                       "inf" if value > 0 else "-inf"}
        if isinstance(value, np.ndarray):
            return self.array(value)
        if isinstance(value, np.generic):
            if value.dtype.name not in DTYPES:
                raise RunFileError(f"cannot save a value of {value.dtype}")
            return {"$scalar": {"dtype": value.dtype.name, "data": self.value(value.item())}}
        if isinstance(value, tuple):
            return {"$tuple": [self.value(v) for v in value]}
        if isinstance(value, list):
            k = self.epoch_of.get(id(value[0])) if value else None
            if k is not None and _begins(self.epochs[k], value):
                return {"$epoch": [k, len(value)]}
            records = self.records(value)
            return records if records is not None else [self.value(v) for v in value]
        if isinstance(value, dict):
            if all(isinstance(k, str) and not k.startswith("$") for k in value):
                return {k: self.value(v) for k, v in value.items()}
            return {"$dict": [[self.value(k), self.value(v)] for k, v in value.items()]}
        raise RunFileError(f"cannot save a value of type {type(value).__name__}")

    def records(self, items: list[Any]) -> dict[str, Any] | None:
        """A list of at least 8 dicts with the same keys and same-typed values, column by column; else None."""
        if len(items) < 8 or not all(isinstance(r, dict) for r in items):
            return None
        keys = list(items[0])
        if not all(isinstance(k, str) for k in keys) or any(list(r) != keys for r in items):
            return None
        columns: dict[str, Any] = {}
        for key in keys:
            values = [r[key] for r in items]
            first = values[0]
            kind = type(first)
            if kind in (bool, int, float) and all(type(v) is kind for v in values):
                dtype = {bool: np.bool_, int: np.int64, float: np.float64}[kind]
                if kind is int and not all(-2**63 <= v < 2**63 for v in values):
                    return None
                columns[key] = {"kind": kind.__name__, "data": self.array(np.array(values, dtype=dtype))}
            elif isinstance(first, np.ndarray) and all(
                    isinstance(v, np.ndarray) and v.shape == first.shape and v.dtype == first.dtype for v in values):
                columns[key] = {"kind": "array", "data": self.array(np.stack(values))}
            elif first is None and all(v is None for v in values):
                columns[key] = {"kind": "none"}
            else:
                return None
        return {"$records": {"count": len(items), "keys": keys, "columns": columns}}


def _begins(items: list[Any], start: list[Any]) -> bool:
    """`items` begins with the very objects of `start`."""
    return len(start) <= len(items) and all(a is b for a, b in zip(start, items, strict=False))


def encode(saved: SavedRun) -> tuple[dict[str, Any], list[np.ndarray]]:
    """run.json's content and the arrays it refers to."""
    w = _Writer()
    w.share_epochs([saved.state, *(saved.snapshots[k] for k in sorted(saved.snapshots))])
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "experiment": saved.experiment_id,
        "seed": saved.seed,
        "start_values": w.value(dict(saved.start_values)),
        "page": saved.page,
        "count": saved.count,
        "horizon": saved.horizon,
        "limit": saved.limit,
        "divergence": w.value(saved.divergence),
        "changes": [[k, [[method, w.value(tuple(args))] for method, args in v]] for k, v in
                    sorted(saved.changes.items())],
        "results": w.value(saved.results),
        "epochs": w.epoch_tables(),
        "state": w.value(saved.state),
        "snapshots": {"level": saved.snapshot_level,
                      "states": [[k, w.value(s)] for k, s in sorted(saved.snapshots.items())]},
        "history": {"iterations": {"stride": saved.iteration_stride, "columns": w.value(saved.iterations)},
                    "epochs": {"stride": saved.epoch_stride, "columns": w.value(saved.epochs)}},
    }
    return doc, w.arrays


def write_run(path: str | Path, saved: SavedRun) -> Path:
    """Write `saved` to `path` atomically; RunFileError (nothing left behind) if it cannot be written."""
    path = Path(path)
    if path.is_dir():
        raise RunFileError(f"{path} is a folder: choose a file name")
    if not path.parent.is_dir():
        raise RunFileError(f"the folder {path.parent} does not exist")
    doc, arrays = encode(saved)
    text = json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")
    part = path.with_name(f".{path.name}.part")
    try:
        with open(part, "wb") as handle:
            with zipfile.ZipFile(handle, "w") as archive:
                archive.writestr(zipfile.ZipInfo("run.json", date_time=(2024, 1, 1, 0, 0, 0)), text,
                                 compress_type=zipfile.ZIP_DEFLATED)
                for number, array in enumerate(arrays):
                    buffer = io.BytesIO()
                    np.save(buffer, array, allow_pickle=False)
                    archive.writestr(zipfile.ZipInfo(f"arrays/{number}.npy", date_time=(2024, 1, 1, 0, 0, 0)),
                                     buffer.getvalue(), compress_type=zipfile.ZIP_STORED)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise RunFileError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return path


# -- decoding ---------------------------------------------------------------------------------------------

def _bad(message: str) -> RunFileError:
    return RunFileError(f"this file is damaged or not a saved run: {message}")


def _read_npy(data: bytes, name: str) -> np.ndarray:
    """An array from .npy bytes, its header checked before any memory is taken for it."""
    stream = io.BytesIO(data)
    try:
        major, minor = np.lib.format.read_magic(stream)
        if (major, minor) == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(stream)
        elif (major, minor) == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(stream)
        else:
            raise ValueError(f"npy version {major}.{minor}")
    except (ValueError, OSError, SyntaxError, TypeError) as exc:
        raise _bad(f"{name} is not a numpy array ({exc})") from None
    if dtype.hasobject or dtype.names is not None or dtype.newbyteorder("=").name not in DTYPES:
        raise _bad(f"{name} holds values of type {dtype}, which a run never has")
    elements = math.prod(shape) if shape else 1
    if elements > MAX_ARRAY_ELEMENTS or elements * dtype.itemsize != len(data) - stream.tell():
        raise _bad(f"{name}: its header says {shape} {dtype}, which does not match its {len(data)} bytes")
    stream.seek(0)
    try:
        array = np.load(stream, allow_pickle=False)
    except (ValueError, OSError, EOFError) as exc:
        raise _bad(f"{name} cannot be read ({exc})") from None
    return np.ascontiguousarray(array.astype(array.dtype.newbyteorder("="), copy=False))


class _Reader:
    def __init__(self, arrays: dict[str, bytes]) -> None:
        self.arrays = arrays
        self.read: dict[str, np.ndarray] = {}
        self.nodes = 0
        self.epochs: list[list[Any]] = []  # the epochs' records states refer to ({"$epoch": [which, how many]})

    def count(self, nodes: int) -> None:
        """Values made without a node of their own in run.json count too (a few bytes must not become gigabytes)."""
        self.nodes += nodes
        if self.nodes > MAX_NODES:
            raise _bad("it is nested too deeply or too large")

    def array(self, spec: Any, depth: int) -> np.ndarray:
        if isinstance(spec, str):
            if spec not in self.arrays:
                raise _bad(f"it refers to a missing array {spec!r}")
            if spec not in self.read:  # states that shared an array share it again (each load copies it)
                self.read[spec] = _read_npy(self.arrays[spec], spec)
            return self.read[spec]
        if not (isinstance(spec, dict) and set(spec) == {"dtype", "shape", "data"}):
            raise _bad("a malformed inline array")
        dtype, shape, data = spec["dtype"], spec["shape"], spec["data"]
        if dtype not in DTYPES or not isinstance(shape, list) or len(shape) > 8 or not all(
                type(n) is int and 0 <= n <= MAX_ARRAY_ELEMENTS for n in shape) or not isinstance(data, list):
            raise _bad("a malformed inline array")
        if len(data) != math.prod(shape) or len(data) > INLINE:
            raise _bad("an inline array whose values do not fill its shape")
        values = [self.value(v, depth + 1) for v in data]
        if not all(isinstance(v, bool | int | float) for v in values):
            raise _bad("an inline array holds something other than numbers")
        try:
            return np.array(values, dtype=dtype).reshape(shape)
        except (ValueError, OverflowError, TypeError):
            raise _bad(f"inline values that do not fit {dtype}") from None

    def value(self, value: Any, depth: int = 0) -> Any:
        self.nodes += 1
        if depth > MAX_DEPTH or self.nodes > MAX_NODES:
            raise _bad("it is nested too deeply or too large")
        if value is None or isinstance(value, bool | str | float):
            return value
        if isinstance(value, int):
            if not -2**63 <= value < 2**64:
                raise _bad("a whole number out of range")
            return value
        if isinstance(value, list):
            return [self.value(v, depth + 1) for v in value]
        if not isinstance(value, dict):
            raise _bad(f"an unexpected {type(value).__name__}")
        tags = [k for k in value if k.startswith("$")]
        if not tags:
            return {k: self.value(v, depth + 1) for k, v in value.items()}
        if len(value) != 1:
            raise _bad("a malformed tagged value")
        tag, inner = next(iter(value.items()))
        if tag == "$float":
            if inner not in ("nan", "inf", "-inf"):
                raise _bad("a malformed number")
            return float(inner)
        if tag == "$tuple":
            if not isinstance(inner, list):
                raise _bad("a malformed tuple")
            return tuple(self.value(v, depth + 1) for v in inner)
        if tag == "$dict":
            if not (isinstance(inner, list) and all(isinstance(p, list) and len(p) == 2 for p in inner)):
                raise _bad("a malformed table")
            out = {}
            for k, v in inner:
                key = self.value(k, depth + 1)
                if not isinstance(key, str | int | float | bool | tuple) or key is None:
                    raise _bad("a table with an unusable key")
                out[key] = self.value(v, depth + 1)
            return out
        if tag == "$npy":
            return self.array(inner, depth)
        if tag == "$array":
            return self.array(inner, depth)
        if tag == "$scalar":
            if not (isinstance(inner, dict) and set(inner) == {"dtype", "data"} and inner["dtype"] in DTYPES):
                raise _bad("a malformed number")
            data = self.value(inner["data"], depth + 1)
            if not isinstance(data, bool | int | float):
                raise _bad("a malformed number")
            try:
                return np.dtype(inner["dtype"]).type(data)
            except (OverflowError, ValueError, TypeError):
                raise _bad("a number that does not fit its type") from None
        if tag == "$records":
            return self.records(inner, depth)
        if tag == "$epoch":
            if not (isinstance(inner, list) and len(inner) == 2 and all(type(n) is int for n in inner)
                    and 0 <= inner[0] < len(self.epochs) and 0 <= inner[1] <= len(self.epochs[inner[0]])):
                raise _bad("a reference to records that are not there")
            self.count(inner[1])
            return self.epochs[inner[0]][: inner[1]]
        raise _bad(f"an unknown value tag {tag!r}")

    def records(self, spec: Any, depth: int) -> list[dict[str, Any]]:
        if not (isinstance(spec, dict) and set(spec) == {"count", "keys", "columns"}):
            raise _bad("malformed records")
        count, keys, columns = spec["count"], spec["keys"], spec["columns"]
        if not (type(count) is int and 0 <= count <= 10_000_000 and isinstance(keys, list) and
                isinstance(columns, dict) and all(isinstance(k, str) for k in keys) and set(keys) == set(columns)
                and len(set(keys)) == len(keys)):
            raise _bad("malformed records")
        self.count(count * max(len(keys), 1))
        values: dict[str, list[Any]] = {}
        for key in keys:
            column = columns[key]
            if not (isinstance(column, dict) and column.get("kind") in ("bool", "int", "float", "array", "none")):
                raise _bad("malformed records")
            kind = column["kind"]
            if kind == "none":
                values[key] = [None] * count
                continue
            if set(column) != {"kind", "data"}:
                raise _bad("malformed records")
            data = self.value(column["data"], depth + 1)
            expected = {"bool": "bool", "int": "int64", "float": "float64"}.get(kind)
            if not isinstance(data, np.ndarray) or len(data.shape) < 1 or data.shape[0] != count or (
                    expected is not None and (data.dtype.name != expected or data.ndim != 1)):
                raise _bad("records whose columns do not match their count")
            values[key] = list(data) if kind == "array" else data.tolist()
            if kind == "array":
                values[key] = [np.array(v) for v in values[key]]
        return [{key: values[key][i] for key in keys} for i in range(count)]


def read_members(path: str | Path) -> tuple[bytes, dict[str, bytes]]:
    """run.json's bytes and the array members' bytes, each within the limits (never extracted to disk)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise RunFileError(f"cannot open {path}: {exc.strerror or exc}") from None
    if path.is_dir():
        raise RunFileError(f"{path} is a folder, not a saved run")
    if size > MAX_FILE_BYTES:
        raise RunFileError(f"{path.name} is {size / 2**20:.0f} MB; a saved run is at most "
                           f"{MAX_FILE_BYTES // 2**20} MB")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise _bad(f"{len(infos)} members")
            names = [i.filename for i in infos]
            if len(set(names)) != len(names):
                raise _bad("a member appears twice")
            total = 0
            text = b""
            arrays: dict[str, bytes] = {}
            for info in infos:
                name = info.filename
                if name != "run.json" and not _MEMBER.match(name):
                    raise _bad(f"an unexpected member {name!r}")
                if info.flag_bits & 0x1:
                    raise _bad("an encrypted member")
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise _bad(f"an unsupported compression in {name!r}")
                limit = MAX_JSON_BYTES if name == "run.json" else MAX_ARRAY_BYTES
                total += info.file_size
                if info.file_size > limit or total > MAX_JSON_BYTES + MAX_ARRAY_BYTES:
                    raise RunFileError(f"{path.name} is too large to be a saved run ({name} unpacks to "
                                       f"{info.file_size / 2**20:.0f} MB)")
                with archive.open(info) as member:
                    data = member.read(info.file_size + 1)  # never more than the directory promised
                if len(data) != info.file_size:
                    raise _bad(f"{name!r} is not the size the archive says")
                if name == "run.json":
                    text = data
                else:
                    arrays[name] = data
    except zipfile.BadZipFile as exc:
        raise _bad(f"not a readable zip archive ({exc})") from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError, OSError) as exc:
        raise _bad(str(exc) or type(exc).__name__) from None
    if not text:
        raise _bad("run.json is missing")
    return text, arrays


def _int(doc: dict[str, Any], key: str, low: int, high: int, optional: bool = False) -> int | None:
    value = doc.get(key)
    if value is None and optional:
        return None
    if type(value) is not int or not low <= value <= high:
        raise _bad(f"{key} must be a whole number from {low} to {high}")
    return value


def decode(doc: Any, arrays: dict[str, bytes]) -> SavedRun:
    """A SavedRun from run.json's parsed content; RunFileError if its shape is wrong (contents are checked
    against the experiment by learning.runcheck)."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise RunFileError("this file is not a Grokking Lab saved run")
    version = doc.get("version")
    if type(version) is not int or version < 1:
        raise _bad("its version is missing")
    if version > VERSION:
        raise RunFileError(f"this run was saved by a newer Grokking Lab (file version {version}); this one reads "
                           f"version {VERSION}. Update Grokking Lab to open it.")
    reader = _Reader(arrays)
    experiment_id = doc.get("experiment")
    if not isinstance(experiment_id, str) or len(experiment_id) > 100:
        raise _bad("the experiment id is missing")
    seed = _int(doc, "seed", 0, 2**32 - 1, optional=True)
    start_values = reader.value(doc.get("start_values"))
    if not isinstance(start_values, dict):
        raise _bad("the start values are missing")
    page = doc.get("page")
    if page is not None and not (isinstance(page, str) and re.fullmatch(r"[a-z0-9][a-z0-9/._-]{0,199}", page)):
        raise _bad("a malformed page")
    count = _int(doc, "count", 0, 10**12)
    horizon = _int(doc, "horizon", count or 0, 10**12)
    limit = _int(doc, "limit", 0, 10**12, optional=True)
    divergence = reader.value(doc.get("divergence"))
    changes_raw = reader.value(doc.get("changes", []))
    changes: dict[int, list[tuple[str, tuple[Any, ...]]]] = {}
    if not isinstance(changes_raw, list):
        raise _bad("malformed changes")
    for entry in changes_raw:
        if not (isinstance(entry, list) and len(entry) == 2 and type(entry[0]) is int and isinstance(entry[1], list)):
            raise _bad("malformed changes")
        key, edits = entry
        if key in changes:
            raise _bad("changes of one iteration given twice")
        changes[key] = []
        for edit in edits:
            if not (isinstance(edit, list) and len(edit) == 2 and isinstance(edit[0], str)
                    and isinstance(edit[1], tuple)):
                raise _bad("malformed changes")
            changes[key].append((edit[0], edit[1]))
    epochs = reader.value(doc.get("epochs", []))
    if not (isinstance(epochs, list) and all(isinstance(e, list) for e in epochs)):
        raise _bad("malformed epoch records")
    reader.epochs = epochs
    results = reader.value(doc.get("results", {}))
    if not (isinstance(results, dict) and all(isinstance(k, str) and len(k) <= 100 for k in results)):
        raise _bad("malformed results")
    state = reader.value(doc.get("state"))
    if not isinstance(state, dict):
        raise _bad("the run's state is missing")
    snaps = doc.get("snapshots")
    if not (isinstance(snaps, dict) and set(snaps) == {"level", "states"} and isinstance(snaps["states"], list)):
        raise _bad("malformed snapshots")
    level = _int(snaps, "level", 0, 64)
    snapshots: dict[int, dict[str, Any]] = {}
    for entry in snaps["states"]:
        if not (isinstance(entry, list) and len(entry) == 2 and type(entry[0]) is int) or entry[0] in snapshots:
            raise _bad("malformed snapshots")
        snapshot = reader.value(entry[1])
        if not isinstance(snapshot, dict):
            raise _bad("malformed snapshots")
        snapshots[entry[0]] = snapshot
    history = doc.get("history")
    if not (isinstance(history, dict) and set(history) == {"iterations", "epochs"}):
        raise _bad("malformed history")
    tables = []
    for name in ("iterations", "epochs"):
        table = history[name]
        if not (isinstance(table, dict) and set(table) == {"stride", "columns"}):
            raise _bad("malformed history")
        stride = _int(table, "stride", 1, 2**50)
        columns = reader.value(table["columns"])
        if not isinstance(columns, dict) or not all(isinstance(k, str) and len(k) <= 200 for k in columns):
            raise _bad("malformed history")
        tables.append((stride, columns))
    return SavedRun(experiment_id, seed, start_values, state, count, horizon, changes, snapshots, level or 0,
                    tables[0][1], tables[0][0] or 1, tables[1][1], tables[1][0] or 1, limit,
                    divergence, page, results)


def read_run(path: str | Path) -> SavedRun:
    """Read a saved run (within the limits, without pickle); RunFileError says what is wrong with it."""
    text, arrays = read_members(path)
    try:
        doc = json.loads(text.decode("utf-8"))
    except UnicodeDecodeError:
        raise _bad("run.json is not UTF-8 text") from None
    except RecursionError:
        raise _bad("it is nested too deeply") from None
    except ValueError as exc:
        raise _bad(f"run.json is not valid JSON ({str(exc)[:80]})") from None
    try:
        return decode(doc, arrays)
    except RecursionError:
        raise _bad("it is nested too deeply") from None
