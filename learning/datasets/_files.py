"""File helpers shared by the loaders: safe reads, gzip and tar with clear errors, atomic writes."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import tarfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from learning.datasets import DatasetError

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 20


def read_bytes(path: Path) -> bytes:
    """The whole file; a gzip file (recognised by its first two bytes) is decompressed."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DatasetError(f"{Path(path).name}: cannot be read ({exc.strerror or exc})") from None
    if data[:2] == GZIP_MAGIC:
        try:
            return gzip.decompress(data)
        except EOFError:
            raise DatasetError(f"{Path(path).name}: the gzip file is truncated (it ends too early)") from None
        except (OSError, zlib.error) as exc:
            raise DatasetError(f"{Path(path).name}: the gzip file is damaged ({exc})") from None
    return data


def read_text(path: Path, errors: str = "strict") -> str:
    """A text file as UTF-8 (gzip allowed); with errors="strict" a non-UTF-8 file is a DatasetError."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8", errors=errors)
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{Path(path).name}: not UTF-8 text (byte {exc.start})") from None


def tar_members(path: Path, wanted: Callable[[str], bool]) -> Iterator[tuple[str, bytes]]:
    """(member name, content) for each regular file of a tar archive (gz, bz2, xz or plain) that
    `wanted(name)` accepts, in archive order; reading is sequential, so an 80 MB archive streams."""
    try:
        with tarfile.open(path, "r|*") as tar:
            for member in tar:
                if not member.isfile() or not wanted(member.name):
                    continue
                handle = tar.extractfile(member)
                if handle is None:
                    continue
                yield member.name, handle.read()
    except FileNotFoundError:
        raise DatasetError(f"{Path(path).name}: the file does not exist") from None
    except EOFError:
        raise DatasetError(f"{Path(path).name}: the archive is truncated (it ends too early)") from None
    except (tarfile.TarError, OSError, zlib.error) as exc:
        text = str(exc)
        if "unexpected end" in text or "truncated" in text or "end of" in text:
            raise DatasetError(f"{Path(path).name}: the archive is truncated (it ends too early)") from None
        raise DatasetError(f"{Path(path).name}: not a readable tar archive ({text})") from None


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, as lower-case hex."""
    return _digest(path, hashlib.sha256())


def file_md5(path: Path) -> str:
    """The MD5 of a file, as lower-case hex (only for comparing with published MD5 sums)."""
    return _digest(path, hashlib.md5(usedforsecurity=False))


def _digest(path: Path, h: Any) -> str:
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(_CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def part_path(path: Path) -> Path:
    """The temporary name a file has until it is complete and checked: `name.part` beside it."""
    return path.with_name(path.name + ".part")


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path.part`, then rename it to `path`: never a half-written file under the real name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = part_path(path)
    try:
        with open(part, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def copy_atomic(source: Path, path: Path) -> None:
    """Copy `source` to `path` through `path.part` (see write_atomic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = part_path(path)
    try:
        shutil.copyfile(source, part)
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
