"""Fetch one file over HTTPS with pooch, into `name.part`, check it, then rename it.

Progress and cancel arrive as plain callables: `progress(done_bytes, total_bytes)` (total 0 when the
server does not say) and `cancelled() -> bool`, polled after every chunk. A file that fails its
checksum, a cancelled or interrupted transfer, or a server error never leaves a file under the real
name: the `.part` file is removed and a DownloadError says why (`reason` is an id the UI translates).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from learning.datasets import DatasetError
from learning.datasets._files import file_md5, file_sha256, part_path

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

CHUNK = 64 * 1024
TIMEOUT_S = 30
LOOPBACK = ("127.0.0.1", "localhost", "::1")

#: Why a download failed; the desktop turns these ids into sentences.
REASONS = ("insecure-url", "http-status", "connection", "timeout", "interrupted", "size", "checksum",
           "no-checksum", "cancelled", "disk")


class DownloadError(DatasetError):
    """A download failed; `reason` is one of REASONS, `status` the HTTP status for "http-status"."""

    def __init__(self, reason: str, message: str, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.url = url
        self.status = status


class _Cancel(Exception):
    """Raised from inside the transfer loop to stop it."""


def check_url(url: str, allow_local_http: bool = False) -> None:
    """Accept only https:// URLs; `allow_local_http` (tests only) also accepts http:// on this machine."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if allow_local_http and parts.scheme == "http" and parts.hostname in LOOPBACK:
        return
    raise DownloadError("insecure-url", f"only https:// downloads are allowed, not {url!r}", url)


class _ProgressBar:
    """The tqdm-like object pooch's HTTPDownloader drives; reports the bytes really written."""

    def __init__(self, part: Path, expected: int | None, progress: Progress | None,
                 cancelled: Cancelled | None) -> None:
        self.part = part
        self.expected = expected or 0
        self.progress = progress
        self.cancelled = cancelled
        self.total = 0  # set by pooch from Content-Length (0 when absent)
        self.done = 0

    def update(self, _n: int) -> None:
        """Called by pooch after each chunk: report the size on disk, stop if asked to."""
        if self.cancelled is not None and self.cancelled():
            raise _Cancel
        try:
            self.done = self.part.stat().st_size
        except OSError:
            pass
        if self.progress is not None:
            self.progress(self.done, self.total or self.expected)

    def reset(self) -> None:
        """pooch calls this before its final update; nothing to do."""

    def close(self) -> None:
        """pooch calls this at the end; nothing to do."""


def transfer(url: str, part: Path, *, expected_size: int | None = None, progress: Progress | None = None,
             cancelled: Cancelled | None = None, allow_local_http: bool = False, timeout: float = TIMEOUT_S) -> int:
    """Download `url` into `part`, unchecked (the caller checks it, then renames or deletes it); on any
    failure `part` is removed. Returns the Content-Length the server announced (0 if none)."""
    check_url(url, allow_local_http)
    if cancelled is not None and cancelled():
        raise DownloadError("cancelled", "the download was cancelled", url)
    bar = _ProgressBar(part, expected_size, progress, cancelled)
    try:
        _run(url, part, bar, timeout)
        size = part.stat().st_size
        if bar.total and size < bar.total:
            raise DownloadError("interrupted", f"only {size} of {bar.total} bytes arrived ({url})", url)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return bar.total


def _run(url: str, part: Path, bar: _ProgressBar, timeout: float) -> None:
    """pooch's HTTPDownloader with our progress bar; its failures as DownloadError with a reason."""
    import pooch  # imported here: the loaders work without it
    import requests

    kwargs: dict = {"headers": {"Accept-Encoding": "identity", "User-Agent": "grokking-lab"}, "timeout": timeout}
    if urlsplit(url).hostname in LOOPBACK:
        kwargs["proxies"] = {"http": None, "https": None}  # a local test server is never reached through a proxy
    downloader = pooch.HTTPDownloader(progressbar=bar, chunk_size=CHUNK, **kwargs)
    try:
        part.parent.mkdir(parents=True, exist_ok=True)
        downloader(url, str(part), None)
    except _Cancel:
        raise DownloadError("cancelled", "the download was cancelled", url) from None
    except requests.HTTPError as exc:
        status = exc.response.status_code if exc.response is not None else None
        reason = exc.response.reason if exc.response is not None else ""
        raise DownloadError("http-status", f"the server answered {status} {reason} for {url}", url, status) from None
    except requests.Timeout:
        raise DownloadError("timeout", f"no answer from the server within {timeout:g} s ({url})", url) from None
    except requests.exceptions.ChunkedEncodingError:
        raise DownloadError("interrupted", f"the connection closed before the whole file arrived ({url})",
                            url) from None
    except requests.ConnectionError as exc:
        if bar.done:
            raise DownloadError("interrupted", f"the connection broke after {bar.done} bytes ({url})", url) from None
        raise DownloadError("connection", f"cannot connect to the server ({url}): {exc}", url) from None
    except requests.RequestException as exc:
        raise DownloadError("connection", f"the download failed ({url}): {exc}", url) from None
    except OSError as exc:
        raise DownloadError("disk", f"cannot write {part} ({exc.strerror or exc})", url) from None


def verify(path: Path, *, sha256: str | None = None, md5: str | None = None, size: int | None = None) -> str | None:
    """None when `path` has the expected size and sums, else a reason id ("size" or "checksum")."""
    if size is not None and path.stat().st_size != size:
        return "size"
    if sha256 is not None and file_sha256(path) != sha256.lower():
        return "checksum"
    if md5 is not None and file_md5(path) != md5.lower():
        return "checksum"
    return None


def fetch(url: str, dest: Path, *, sha256: str | None = None, md5: str | None = None, size: int | None = None,
          progress: Progress | None = None, cancelled: Cancelled | None = None,
          allow_local_http: bool = False, timeout: float = TIMEOUT_S) -> Path:
    """Download `url` to `dest.part`, check its size and sums, then rename it to `dest`.
    At least one of sha256/md5 is required: an unchecked file is never stored under its real name."""
    if sha256 is None and md5 is None:
        raise DownloadError("no-checksum", f"no checksum is known for {dest.name}; it cannot be downloaded safely",
                            url)
    dest = Path(dest)
    part = part_path(dest)
    try:
        transfer(url, part, expected_size=size, progress=progress, cancelled=cancelled,
                 allow_local_http=allow_local_http, timeout=timeout)
        problem = verify(part, sha256=sha256, md5=md5, size=size)
        if problem == "size":
            raise DownloadError("size", f"{dest.name}: {part.stat().st_size} bytes arrived, {size} were expected",
                                url)
        if problem == "checksum":
            raise DownloadError("checksum", f"{dest.name}: the checksum does not match; the file was discarded", url)
        try:
            os.replace(part, dest)
        except OSError as exc:
            raise DownloadError("disk", f"cannot write {dest} ({exc.strerror or exc})", url) from None
    finally:
        part.unlink(missing_ok=True)
    return dest
